import type { Route } from "./+types/statement-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { commissionStatementLines, getCommissionStatement } from "../../services/ledger/statements.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { commissionStatementDocument } from "../../services/documents/statement-documents.server.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat } from "../../utils/table-state.ts";

/** A commission statement's transactions as CSV or XLSX, or the statement as a PDF. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:commission-statement");
  const { db, env } = appServices(args.context);
  const asked = new URL(args.request.url).searchParams.get("format");
  if (asked === "pdf") {
    const pdf = await commissionStatementDocument(db, env.DOCUMENTS, user.tenant, args.params.statementId);
    invariantResponse(pdf, "Statement not found");
    return pdf;
  }
  const found = await getCommissionStatement(db, user.tenant, args.params.statementId);
  invariantResponse(found, "Statement not found");
  const format = parseExportFormat(asked);
  invariantResponse(format, "Choose csv, xlsx or pdf", { status: 400 });
  return tableExportResponse({
    format,
    filename: `commission-${found.statement.period}`,
    fetchBatch: (offset, limit) => commissionStatementLines(db, user.tenant, found.statement, offset, limit),
    columns: [
      { header: "Booked", value: (l) => l.bookedOn },
      { header: "Policy", value: (l) => l.policyNumber, width: 22 },
      { header: "Insured", value: (l) => l.insuredName ?? "", width: 32 },
      { header: "Transaction", value: (l) => l.type, width: 16 },
      { header: "Premium (USD)", value: (l) => l.premiumCents / 100, width: 14 },
      { header: "Rate", value: (l) => Number(l.rate) },
      { header: "Commission (USD)", value: (l) => l.commissionCents / 100, width: 16 },
    ],
  });
}
