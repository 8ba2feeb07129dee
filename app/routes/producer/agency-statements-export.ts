import type { Route } from "./+types/agency-statements-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { agencyStatementExport } from "../statement-exports.server.ts";

/** The agency's own agency-bill statements, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "read:commission-statement");
  invariantResponse(tenant.agencyId, "Your account is not linked to a producer agency.", { status: 403 });
  const scope = { orgId: tenant.orgId, agencyId: tenant.agencyId };
  return agencyStatementExport(appServices(args.context).db, scope, new URL(args.request.url).searchParams);
}
