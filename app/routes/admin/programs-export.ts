import type { Route } from "./+types/programs-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listProgramRows } from "../../models/configuration-lists.server.ts";
import { programTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** The programs list as filtered and sorted on its page, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, programTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "programs",
    fetchBatch: (offset, limit) => listProgramRows(db, tenant, state, { offset, limit }),
    columns: [
      { header: "Program", value: (p) => p.name, width: 30 },
      { header: "Line", value: (p) => p.lineOfBusiness, width: 8 },
      { header: "Carrier", value: (p) => p.carrierName, width: 28 },
      { header: "States", value: (p) => p.states.join(", "), width: 24 },
      { header: "Active rate versions", value: (p) => p.activeVersions, width: 12 },
      { header: "Retired", value: (p) => (p.retiredAt ? p.retiredAt.toISOString() : null), width: 22 },
    ],
  });
}
