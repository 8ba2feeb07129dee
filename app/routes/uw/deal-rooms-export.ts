import type { Route } from "./+types/deal-rooms-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listDealRoomRows } from "../../models/deal-rooms.server.ts";
import { dealRoomTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** The deal rooms the user may see, as filtered and sorted on their page, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:deal-room");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, dealRoomTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "deal-rooms",
    fetchBatch: (offset, limit) => listDealRoomRows(db, user.tenant, state, offset, limit),
    columns: [
      { header: "Submission", value: (r) => r.reference, width: 18 },
      { header: "Insured", value: (r) => r.insuredName, width: 32 },
      { header: "Room", value: (r) => r.status },
      { header: "Ended because", value: (r) => r.endedReason, width: 24 },
      { header: "Submission status", value: (r) => r.submissionStatus, width: 16 },
      { header: "Opened (UTC)", value: (r) => r.createdAt, width: 22 },
    ],
  });
}
