import type { Route } from "./+types/phi-access-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listPhiAccessRows } from "../../models/phi-access-log.server.ts";
import { phiAccessTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** The PHI access log as filtered and sorted on its page, with each row's chain position; field names, never values. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:audit-log");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, phiAccessTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "phi-access-log",
    fetchBatch: (offset, limit) => listPhiAccessRows(db, user.tenant.orgId, state, offset, limit),
    columns: [
      { header: "Chain position", value: (r) => r.sequence, width: 10 },
      { header: "When (UTC)", value: (r) => r.occurredAt, width: 22 },
      {
        header: "Who",
        value: (r) => r.actorName ?? (r.actorApiKeyId ? `API key ${r.actorApiKeyId}` : null),
        width: 28,
      },
      { header: "Action", value: (r) => r.action },
      { header: "Claim", value: (r) => r.claimId, width: 30 },
      { header: "Fields", value: (r) => r.fields.join("; "), width: 40 },
      { header: "Surface", value: (r) => r.surface, width: 20 },
      { header: "Origin", value: (r) => r.ipAddress, width: 16 },
    ],
  });
}
