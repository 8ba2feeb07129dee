import type { Route } from "./+types/policy-declarations";
import { appServices } from "../../../context.server.ts";
import { getDeclarationsData } from "../../../models/declarations.server.ts";
import { ApiFailure, handleApi } from "../../../services/api/http.server.ts";
import { renderDeclarationsPdf } from "../../../services/documents/declarations.ts";

export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async ({ tenant }) => {
    const data = await getDeclarationsData(appServices(args.context).db, tenant, args.params.policyId);
    if (!data) throw new ApiFailure(404, "NOT_FOUND", "No such policy.");
    const pdf = await renderDeclarationsPdf(data);
    return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>]), {
      headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${data.policyNumber}-declarations.pdf"` },
    });
  });
}
