import type { Route } from "./+types/policy-declarations";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { declarationsDownload } from "../services/documents/declarations-store.server.ts";
import { invariantResponse } from "../utils/invariant.ts";

// The copy stored at bind; rendered from the stored policy and its recorded rating (and stored)
// when missing, which gives the same bytes, so the document can be re-issued at any time.
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:policy");
  const { db, env } = appServices(args.context);
  const download = await declarationsDownload(db, env.DOCUMENTS, user.tenant, args.params.policyId);
  invariantResponse(download, "Policy not found");
  return download;
}
