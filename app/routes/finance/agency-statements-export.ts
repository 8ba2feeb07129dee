import type { Route } from "./+types/agency-statements-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { isPeriod } from "../../services/ledger/statements.ts";
import { agencyStatementExport } from "../statement-exports.server.ts";

/** Finance's agency-bill statements for the month shown (every month without one), as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "read:ledger");
  const params = new URL(args.request.url).searchParams;
  const period = params.get("period");
  const scope = { orgId: tenant.orgId, period: period && isPeriod(period) ? period : null };
  return agencyStatementExport(appServices(args.context).db, scope, params);
}
