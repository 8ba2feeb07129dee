import type { Route } from "./+types/policy-notice-document";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { noticeDocument } from "../services/documents/servicing-documents.server.ts";
import { invariantResponse } from "../utils/invariant.ts";

// Rendered from the stored record on first download and kept in R2 from then on.
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:policy");
  const { db, env } = appServices(args.context);
  const pdf = await noticeDocument(db, env.DOCUMENTS, user.tenant, args.params.policyId, args.params.noticeId);
  invariantResponse(pdf, "Document not found");
  return pdf;
}
