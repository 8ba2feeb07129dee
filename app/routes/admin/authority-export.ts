import type { Route } from "./+types/authority-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { type AuthorityGrant, listAuthorityProfileRows } from "../../models/authority.server.ts";
import { authorityProfileTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

const grantOf = (grants: AuthorityGrant[], line: "GL" | "WC", key: "maxPremiumCents" | "maxLimitCents") => {
  const cents = grants.find((g) => g.lineOfBusiness === line)?.[key];
  return cents === undefined ? null : cents / 100;
};

/** Authority profiles as filtered and sorted on their page, one column per line's maximum, in dollars. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:configuration");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, authorityProfileTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "authority-profiles",
    fetchBatch: (offset, limit) => listAuthorityProfileRows(db, user.tenant, state, offset, limit),
    columns: [
      { header: "Profile", value: (p) => p.name, width: 28 },
      { header: "Tier", value: (p) => p.tier, width: 20 },
      { header: "GL max premium ($)", value: (p) => grantOf(p.grants, "GL", "maxPremiumCents"), width: 16 },
      { header: "GL max limit ($)", value: (p) => grantOf(p.grants, "GL", "maxLimitCents"), width: 16 },
      { header: "WC max premium ($)", value: (p) => grantOf(p.grants, "WC", "maxPremiumCents"), width: 16 },
      { header: "WC max limit ($)", value: (p) => grantOf(p.grants, "WC", "maxLimitCents"), width: 16 },
    ],
  });
}
