import type { Route } from "./+types/claims-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listClaimsOnPaperRows } from "../../models/carrier-reporting.server.ts";
import { carrierClaimTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** The claims on the carrier's paper as filtered and sorted in the portal: no claimant, no PHI. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:carrier");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, carrierClaimTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "claims-on-paper",
    fetchBatch: (offset, limit) => listClaimsOnPaperRows(db, user.tenant, state, offset, limit),
    columns: [
      { header: "Claim", value: (c) => c.claimNumber, width: 18 },
      { header: "Policy", value: (c) => c.policyNumber, width: 22 },
      { header: "Insured", value: (c) => c.insuredName, width: 32 },
      { header: "Date of loss", value: (c) => c.dateOfLoss },
      { header: "Reported", value: (c) => c.reportedOn },
      { header: "Loss type", value: (c) => c.lossType, width: 24 },
      { header: "Status", value: (c) => c.status },
      { header: "Case reserve (USD)", value: (c) => c.caseReserveCents / 100, width: 18 },
      { header: "Paid (USD)", value: (c) => c.paidCents / 100, width: 14 },
    ],
  });
}
