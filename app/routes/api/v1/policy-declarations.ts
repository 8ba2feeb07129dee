import type { Route } from "./+types/policy-declarations";
import { appServices } from "../../../context.server.ts";
import { getDeclarationsData } from "../../../models/declarations.server.ts";
import { ApiFailure, handleApi } from "../../../services/api/http.server.ts";
import { declarationsResponse } from "../../../services/documents/declarations-response.ts";

export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async ({ tenant }) => {
    const data = await getDeclarationsData(appServices(args.context).db, tenant, args.params.policyId);
    if (!data) throw new ApiFailure(404, "NOT_FOUND", "No such policy.");
    return declarationsResponse(data);
  });
}
