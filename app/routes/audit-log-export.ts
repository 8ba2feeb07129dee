import type { Route } from "./+types/audit-log-export";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { listAuditLogRows } from "../models/audit-log.server.ts";
import { auditLogTable } from "../models/table-specs.ts";
import { parseAuditFilter } from "../services/access/audit-filter.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { tableExportResponse } from "../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../utils/table-state.ts";

/** The audit log as filtered, searched and sorted on its page, with each row's chain position and hash, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:audit-log");
  const search = new URL(args.request.url).searchParams;
  const format = parseExportFormat(search.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const { filter } = parseAuditFilter(search);
  const state = parseTableState(search, auditLogTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "audit-log",
    fetchBatch: (offset, limit) => listAuditLogRows(db, user.tenant, state, filter, offset, limit),
    columns: [
      { header: "When (UTC)", value: (e) => e.createdAt, width: 22 },
      { header: "Actor", value: (e) => e.actorEmail ?? e.actorUserId, width: 28 },
      { header: "Action", value: (e) => e.action, width: 22 },
      { header: "Entity type", value: (e) => e.targetType, width: 16 },
      { header: "Entity id", value: (e) => e.targetId, width: 30 },
      { header: "Detail", value: (e) => (e.detail ? JSON.stringify(e.detail) : null), width: 60 },
      { header: "Origin", value: (e) => e.ipAddress, width: 16 },
      { header: "Chain position", value: (e) => e.chainSequence, width: 10 },
      { header: "Hash", value: (e) => e.hash, width: 66 },
    ],
  });
}
