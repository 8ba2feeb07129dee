import type { Route } from "./+types/agencies-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listAgencyRows } from "../../models/configuration-lists.server.ts";
import { agencyTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** The agencies list as filtered and sorted on its page, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, agencyTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "agencies",
    fetchBatch: (offset, limit) => listAgencyRows(db, tenant, state, { offset, limit }),
    columns: [
      { header: "Agency", value: (a) => a.name, width: 30 },
      { header: "Default commission rate", value: (a) => a.commissionRate, width: 12 },
      { header: "Licence number", value: (a) => a.licenseNumber, width: 18 },
      { header: "Licence expires", value: (a) => a.licenseExpiresOn, width: 14 },
      { header: "Licensed states", value: (a) => a.licensedStates.join(", "), width: 24 },
    ],
  });
}
