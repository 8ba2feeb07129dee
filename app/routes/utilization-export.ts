import type { Route } from "./+types/utilization-export";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { agreementPremiumByMonth } from "../models/carrier-reporting.server.ts";
import { utilizationTable } from "../models/table-specs.ts";
import { utilizationOf, utilizationRows } from "../services/carrier/utilization-table.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { tableExportResponse } from "../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../utils/table-state.ts";
import { todayInUtc } from "../utils/today.ts";

const percent = (basisPoints: number | null) => (basisPoints === null ? null : basisPoints / 100);

/** Each agreement's use of its limits as filtered and sorted on the page; a carrier user's own paper only. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:da-agreement");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, utilizationTable);
  const agreements = utilizationOf(
    await agreementPremiumByMonth(appServices(args.context).db, user.tenant),
    todayInUtc(),
  );
  // The whole filtered set in the table's order: one page as large as the set.
  const { rows } = utilizationRows(agreements, { ...state, page: 1, pageSize: agreements.length || 1 });
  return tableExportResponse({
    format,
    filename: "da-utilization",
    fetchBatch: async (offset, limit) => rows.slice(offset, offset + limit),
    columns: [
      { header: "Agreement", value: (a) => a.reference, width: 22 },
      { header: "Program", value: (a) => a.programName, width: 28 },
      { header: "Status", value: (a) => a.status },
      { header: "Effective", value: (a) => a.effectiveDate },
      { header: "Expires", value: (a) => a.expirationDate },
      { header: "Bound GWP ($)", value: (a) => a.boundGwpCents / 100, width: 16 },
      { header: "Annual limit ($)", value: (a) => a.annualGwpLimitCents / 100, width: 16 },
      { header: "Annual used (%)", value: (a) => percent(a.annualBasisPoints) },
      { header: "Quarter", value: (a) => `Q${a.quarter.quarter}` },
      { header: "Quarter premium ($)", value: (a) => a.quarterCents / 100, width: 16 },
      {
        header: "Quarterly limit ($)",
        value: (a) => (a.quarterlyGwpLimitCents === null ? null : a.quarterlyGwpLimitCents / 100),
        width: 16,
      },
      { header: "Quarter used (%)", value: (a) => percent(a.quarterBasisPoints) },
    ],
  });
}
