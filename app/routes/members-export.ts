import type { Route } from "./+types/members-export";
import { ROLE_LABELS } from "../auth/permissions.ts";
import { forbidden, requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { findAgency } from "../models/agencies.server.ts";
import { listMemberRows, type MemberScope } from "../models/member-lists.server.ts";
import { memberTable } from "../models/table-specs.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { tableExportResponse } from "../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../utils/table-state.ts";

/**
 * Members as filtered and sorted on their table, as CSV or XLSX: the organization's (/admin),
 * one agency's (/admin/agencies/:agencyId) or the agency admin's own agency (/producer/team).
 */
export async function loader(args: Route.LoaderArgs) {
  const { db } = appServices(args.context);
  const url = new URL(args.request.url);
  let user: Awaited<ReturnType<typeof requirePermission>>;
  let scope: MemberScope;
  if (args.params.agencyId) {
    user = await requirePermission(args, "manage:configuration");
    // The id first: an agency outside the organization answers 404 whatever else is asked.
    invariantResponse(await findAgency(db, user.tenant, args.params.agencyId), "Agency not found", { status: 404 });
    scope = { agencyId: args.params.agencyId };
  } else if (url.pathname.startsWith("/producer/")) {
    user = await requirePermission(args, "manage:agency-member");
    if (!user.tenant.agencyId) forbidden("You do not act for an agency.");
    scope = { agencyId: user.tenant.agencyId };
  } else {
    user = await requirePermission(args, "manage:member");
    scope = { agencyId: null };
  }
  const format = parseExportFormat(url.searchParams.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(url.searchParams, memberTable);
  const tenant = user.tenant;
  return tableExportResponse({
    format,
    filename: "members",
    fetchBatch: (offset, limit) => listMemberRows(db, tenant, scope, state, offset, limit),
    columns: [
      { header: "Name", value: (m) => m.name, width: 28 },
      { header: "Email", value: (m) => m.email, width: 32 },
      { header: "Roles", value: (m) => m.roles.map((r) => ROLE_LABELS[r]).join("; "), width: 36 },
      { header: "Two-factor", value: (m) => (m.twoFactorEnabled ? "on" : "off") },
      { header: "Suspended since (UTC)", value: (m) => m.suspendedAt, width: 22 },
      { header: "Joined (UTC)", value: (m) => m.joinedAt, width: 22 },
    ],
  });
}
