import type { Route } from "./+types/carrier-statement-pdf";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { carrierStatementDocument } from "../../services/documents/statement-documents.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";

/** A carrier settlement statement as a PDF (ADR 030). */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:ledger");
  const { db, env } = appServices(args.context);
  const pdf = await carrierStatementDocument(db, env.DOCUMENTS, user.tenant, args.params.statementId);
  invariantResponse(pdf, "Statement not found");
  return pdf;
}
