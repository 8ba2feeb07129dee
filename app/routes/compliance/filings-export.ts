import type { Route } from "./+types/filings-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { filingTable } from "../../models/table-specs.ts";
import { filingCalendar } from "../../services/compliance/filings.server.ts";
import { filingRows, filingTaxCents } from "../../services/compliance/filing-table.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";
import { todayInUtc } from "../../utils/today.ts";

/** The filing calendar as filtered and sorted on its page, as CSV or XLSX, amounts in dollars. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:licence");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, filingTable);
  const calendar = await filingCalendar(appServices(args.context).db, user.tenant, todayInUtc());
  // The whole filtered calendar in the table's order: one page as large as the set.
  const { rows } = filingRows(calendar, { ...state, page: 1, pageSize: calendar.length || 1 });
  return tableExportResponse({
    format,
    filename: "surplus-lines-filings",
    fetchBatch: async (offset, limit) => rows.slice(offset, offset + limit),
    columns: [
      { header: "State", value: (p) => p.state },
      { header: "Period start", value: (p) => p.periodStart },
      { header: "Period end", value: (p) => p.periodEnd },
      { header: "Due", value: (p) => p.dueOn },
      { header: "Standing", value: (p) => p.status },
      {
        header: "Taxable premium ($)",
        value: (p) => (p.filing?.taxableCents ?? p.amounts.taxableCents) / 100,
        width: 16,
      },
      { header: "Tax ($)", value: (p) => filingTaxCents(p) / 100, width: 14 },
      { header: "Source", value: (p) => p.rule.source, width: 40 },
      { header: "Verified", value: (p) => (p.rule.verified ? "yes" : "no") },
      { header: "Filed on", value: (p) => p.filing?.filedOn ?? null },
      { header: "Confirmation", value: (p) => p.filing?.confirmation ?? null, width: 20 },
    ],
  });
}
