import type { Route } from "./+types/bordereau-export";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { listClaimLineRows, listPremiumLineRows } from "../models/bordereau-lines.server.ts";
import { getBordereau } from "../models/bordereaux.server.ts";
import { claimLineTable, premiumLineTable } from "../models/table-specs.ts";
import { CLAIM_COLUMNS, PREMIUM_COLUMNS } from "../services/carrier/bordereau.ts";
import { BORDEREAU_CHUNK, claimLineBatches, premiumLineBatches } from "../services/carrier/bordereaux.server.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { tableExportResponse } from "../utils/table-export.server.ts";
import { paramName, parseExportFormat, parseTableState } from "../utils/table-state.ts";

/**
 * A version's lines under their CRS v5 field names, streamed chunk by chunk as CSV or XLSX: the
 * whole version, or the lines as searched, filtered and sorted in its table on the page.
 */
export async function loader(args: Route.LoaderArgs) {
  const carrierSide = args.request.url.includes("/carrier/");
  const user = await requirePermission(args, carrierSide ? "review:bordereau" : "manage:bordereau");
  const { db } = appServices(args.context);
  // The id first: an out-of-scope id answers 404 whatever else the request says.
  const b = await getBordereau(db, user.tenant, args.params.bordereauId);
  invariantResponse(b, "Bordereau not found", { status: 404 });
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  // The whole version reads by line-number ranges; only a table's view needs sorting and offsets.
  const asViewed = [...params.keys()].some((name) => name.startsWith(paramName(premiumLineTable, "")));
  const orgId = user.tenant.orgId;
  const filename = `${b.kind}-bordereau-${b.agreementReference}-${b.periodStart.slice(0, 7)}-v${b.version}`;
  const common = { format, filename, batchSize: BORDEREAU_CHUNK, maxRows: b.lineCount };
  return b.kind === "premium"
    ? tableExportResponse({
        ...common,
        fetchBatch: asViewed
          ? (offset, limit) =>
              listPremiumLineRows(db, orgId, b.id, parseTableState(params, premiumLineTable), offset, limit)
          : premiumLineBatches(db, orgId, b.id),
        columns: PREMIUM_COLUMNS.map((c) => ({ header: c.field, value: c.value, width: c.width })),
      })
    : tableExportResponse({
        ...common,
        fetchBatch: asViewed
          ? (offset, limit) =>
              listClaimLineRows(db, orgId, b.id, parseTableState(params, claimLineTable), offset, limit)
          : claimLineBatches(db, orgId, b.id),
        columns: CLAIM_COLUMNS.map((c) => ({ header: c.field, value: c.value, width: c.width })),
      });
}
