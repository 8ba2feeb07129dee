import type { Route } from "./+types/policies-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listPolicyBookRows } from "../../models/policy-book.server.ts";
import { policyBookTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** The policies on the carrier's paper, as filtered and sorted in the portal, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:carrier");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, policyBookTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "policies-on-paper",
    fetchBatch: (offset, limit) => listPolicyBookRows(db, user.tenant, state, offset, limit),
    columns: [
      { header: "Policy", value: (p) => p.policyNumber, width: 22 },
      { header: "Insured", value: (p) => p.insuredName, width: 32 },
      { header: "Agency", value: (p) => p.agencyName, width: 28 },
      { header: "Line", value: (p) => p.lineOfBusiness },
      { header: "Effective", value: (p) => p.effectiveDate },
      { header: "Expiration", value: (p) => p.expirationDate },
      { header: "Gross premium (USD)", value: (p) => p.grossPremiumCents / 100, width: 20 },
      { header: "Status", value: (p) => p.status },
    ],
  });
}
