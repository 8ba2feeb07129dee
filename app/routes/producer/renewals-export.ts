import type { Route } from "./+types/renewals-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listRenewalQueueRows } from "../../models/renewals.server.ts";
import { renewalQueueTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** The agency's renewal queue, as filtered and sorted on the page, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:producer");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, renewalQueueTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "renewals",
    fetchBatch: (offset, limit) => listRenewalQueueRows(db, user.tenant, state, offset, limit),
    columns: [
      { header: "Expiring policy", value: (o) => o.policyNumber, width: 24 },
      { header: "Insured", value: (o) => o.insuredName, width: 32 },
      { header: "Agency", value: (o) => o.agencyName, width: 24 },
      { header: "Renews on", value: (o) => o.renewalDate },
      { header: "Expiring premium (USD)", value: (o) => o.expiringPremiumCents / 100, width: 22 },
      {
        header: "Renewal premium (USD)",
        value: (o) => (o.renewalPremiumCents === null ? "" : o.renewalPremiumCents / 100),
        width: 22,
      },
      { header: "Status", value: (o) => o.status },
    ],
  });
}
