import type { Database } from "../../db/client.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { listClaimLinePage, listPremiumLinePage } from "../models/bordereau-lines.server.ts";
import { getBordereau, listReviewSteps } from "../models/bordereaux.server.ts";
import { listMembers } from "../models/members.server.ts";
import { claimLineTable, premiumLineTable } from "../models/table-specs.ts";
import { parseTableState } from "../utils/table-state.ts";

/** A bordereau version as either side sees it, with a page of its lines and its review steps; null when out of scope. */
export async function loadBordereauPage(
  db: Database,
  tenant: TenantContext,
  bordereauId: string,
  params: URLSearchParams,
) {
  const bordereau = await getBordereau(db, tenant, bordereauId);
  if (!bordereau) return null;
  const key = { agreementId: bordereau.agreementId, kind: bordereau.kind, periodStart: bordereau.periodStart };
  const premiumState = parseTableState(params, premiumLineTable);
  const claimState = parseTableState(params, claimLineTable);
  const [premiumLines, claimLines, steps, members] = await Promise.all([
    bordereau.kind === "premium" ? listPremiumLinePage(db, tenant.orgId, bordereau.id, premiumState) : null,
    bordereau.kind === "claims" ? listClaimLinePage(db, tenant.orgId, bordereau.id, claimState) : null,
    listReviewSteps(db, tenant.orgId, key),
    listMembers(db, tenant),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  return {
    bordereau,
    premiumLines: premiumLines && { ...premiumLines, state: premiumState },
    claimLines: claimLines && { ...claimLines, state: claimState },
    steps: steps.map((s) => ({
      ...s,
      actor: s.actorUserId ? (names.get(s.actorUserId) ?? "A former member") : "Monthly job",
    })),
  };
}
