import type { Route } from "./+types/da-agreements-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listDaAgreementRows } from "../../models/configuration-lists.server.ts";
import { daAgreementTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** The DA agreements list as filtered and sorted on its page, as CSV or XLSX (amounts in dollars). */
export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, daAgreementTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "da-agreements",
    fetchBatch: (offset, limit) => listDaAgreementRows(db, tenant, state, { offset, limit }),
    columns: [
      { header: "Reference", value: (a) => a.reference, width: 20 },
      { header: "Program", value: (a) => a.programName, width: 28 },
      { header: "Carrier", value: (a) => a.carrierName, width: 28 },
      { header: "Status", value: (a) => a.status, width: 10 },
      { header: "Effective", value: (a) => a.effectiveDate, width: 12 },
      { header: "Expires", value: (a) => a.expirationDate, width: 12 },
      { header: "Bound GWP (USD)", value: (a) => a.boundGwpCents / 100, width: 14 },
      { header: "Annual GWP limit (USD)", value: (a) => a.annualGwpLimitCents / 100, width: 14 },
    ],
  });
}
