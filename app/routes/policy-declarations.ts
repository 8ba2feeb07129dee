import type { Route } from "./+types/policy-declarations";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { getDeclarationsData } from "../models/declarations.server.ts";
import { declarationsResponse } from "../services/documents/declarations-response.ts";
import { invariantResponse } from "../utils/invariant.ts";

// Rendered from the stored policy and its recorded rating: the same policy always gives the
// same bytes, so the document can be re-issued at any time.
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:policy");
  const data = await getDeclarationsData(appServices(args.context).db, user.tenant, args.params.policyId);
  invariantResponse(data, "Policy not found");
  return declarationsResponse(data);
}
