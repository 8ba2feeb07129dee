import type { Route } from "./+types/agency-statement-pdf";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { agencyStatementDocument } from "../../services/documents/statement-documents.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";

/** An agency-bill statement as a PDF (ADR 024). */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:ledger");
  const { db, env } = appServices(args.context);
  const pdf = await agencyStatementDocument(db, env.DOCUMENTS, user.tenant, args.params.statementId);
  invariantResponse(pdf, "Statement not found");
  return pdf;
}
