import type { Route } from "./+types/export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listClaimBookRows } from "../../models/claim-book.server.ts";
import { claimBookTable } from "../../models/table-specs.ts";
import { CLAIM_EXPORT_COLUMNS } from "../../services/claims/claim-export.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** The claims list as filtered and sorted, as CSV or XLSX. It carries no claimant: no PHI for any role. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:claim");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, claimBookTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "claims",
    fetchBatch: (offset, limit) => listClaimBookRows(db, user.tenant, state, offset, limit),
    columns: CLAIM_EXPORT_COLUMNS,
  });
}
