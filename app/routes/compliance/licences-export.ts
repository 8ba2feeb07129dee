import type { Route } from "./+types/licences-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listLicenceRows } from "../../models/producer-licences.server.ts";
import { licenceTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";
import { todayInUtc } from "../../utils/today.ts";

/** Producer licences as filtered and sorted on the licences page, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:da-agreement");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, licenceTable);
  const { db } = appServices(args.context);
  const today = todayInUtc();
  return tableExportResponse({
    format,
    filename: "producer-licences",
    fetchBatch: (offset, limit) => listLicenceRows(db, user.tenant, state, today, offset, limit),
    columns: [
      { header: "Holder", value: (l) => l.producerName ?? `${l.agencyName} (agency)`, width: 28 },
      { header: "Agency", value: (l) => l.agencyName, width: 28 },
      { header: "State", value: (l) => l.state },
      { header: "Number", value: (l) => l.licenceNumber, width: 18 },
      { header: "Lines", value: (l) => l.lines.join("; "), width: 30 },
      { header: "Effective", value: (l) => l.effectiveOn },
      { header: "Expires", value: (l) => l.expiresOn },
    ],
  });
}
