import type { Route } from "./+types/dead-letters-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listDeadLetterRows } from "../../models/outbox-events.server.ts";
import { deadLetterTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** Dead-lettered events as filtered and sorted on their page, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:webhook");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, deadLetterTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "dead-letters",
    fetchBatch: (offset, limit) => listDeadLetterRows(db, tenant.orgId, state, offset, limit),
    columns: [
      { header: "Event type", value: (d) => d.eventType, width: 28 },
      { header: "Event id", value: (d) => d.eventId, width: 30 },
      { header: "Attempts", value: (d) => d.attempts },
      { header: "Received (UTC)", value: (d) => d.receivedAt, width: 22 },
      { header: "Replayed (UTC)", value: (d) => d.replayedAt, width: 22 },
    ],
  });
}
