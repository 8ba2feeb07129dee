import type { Route } from "./+types/policy-declarations";
import { appServices } from "../../../context.server.ts";
import { ApiFailure, handleApi } from "../../../services/api/http.server.ts";
import { declarationsDownload } from "../../../services/documents/declarations-store.server.ts";

export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async ({ tenant }) => {
    const { db, env } = appServices(args.context);
    const download = await declarationsDownload(db, env.DOCUMENTS, tenant, args.params.policyId);
    if (!download) throw new ApiFailure(404, "NOT_FOUND", "No such policy.");
    return download;
  });
}
