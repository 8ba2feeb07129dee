import type { Route } from "./+types/policy-transaction-document";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { transactionDocument } from "../services/documents/servicing-documents.server.ts";
import { invariantResponse } from "../utils/invariant.ts";

// Rendered from the stored record on first download and kept in R2 from then on.
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:policy");
  const { db, env } = appServices(args.context);
  const pdf = await transactionDocument(
    db,
    env.DOCUMENTS,
    user.tenant,
    args.params.policyId,
    args.params.transactionId,
  );
  invariantResponse(pdf, "Document not found");
  return pdf;
}
