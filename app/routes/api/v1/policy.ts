import type { Route } from "./+types/policy";
import { appServices } from "../../../context.server.ts";
import { getPolicy } from "../../../models/policies.server.ts";
import { ApiFailure, apiJson, handleApi } from "../../../services/api/http.server.ts";
import { presentPolicy } from "../../../services/api/presenters.ts";

export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async ({ tenant }) => {
    const policy = await getPolicy(appServices(args.context).db, tenant, args.params.policyId);
    if (!policy) throw new ApiFailure(404, "NOT_FOUND", "No such policy.");
    return apiJson(presentPolicy(policy));
  });
}
