import type { Route } from "./+types/invoices-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listInvoiceRows } from "../../models/invoice-list.server.ts";
import { invoiceTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** Invoices, as filtered and sorted on the finance page, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:invoice");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, invoiceTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "invoices",
    fetchBatch: (offset, limit) => listInvoiceRows(db, user.tenant, state, offset, limit),
    columns: [
      { header: "Invoice", value: (i) => i.invoiceNumber, width: 18 },
      { header: "Policy", value: (i) => i.policyNumber, width: 22 },
      { header: "Insured", value: (i) => i.insuredName, width: 32 },
      { header: "Due", value: (i) => i.dueDate },
      { header: "Amount (USD)", value: (i) => i.amountCents / 100, width: 14 },
      { header: "Status", value: (i) => i.status },
    ],
  });
}
