import type { Database } from "../../db/client.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { getBordereau, listReviewSteps, readClaimLines, readPremiumLines } from "../models/bordereaux.server.ts";
import { listMembers } from "../models/members.server.ts";

/** Lines shown on the page; the export has them all. */
const PREVIEW_LINES = 200;

/** A bordereau version as either side sees it, with its preview lines and its review steps; null when out of scope. */
export async function loadBordereauPage(db: Database, tenant: TenantContext, bordereauId: string) {
  const bordereau = await getBordereau(db, tenant, bordereauId);
  if (!bordereau) return null;
  const key = { agreementId: bordereau.agreementId, kind: bordereau.kind, periodStart: bordereau.periodStart };
  const [premiumLines, claimLines, steps, members] = await Promise.all([
    bordereau.kind === "premium" ? readPremiumLines(db, tenant.orgId, bordereau.id, 0, PREVIEW_LINES) : [],
    bordereau.kind === "claims" ? readClaimLines(db, tenant.orgId, bordereau.id, 0, PREVIEW_LINES) : [],
    listReviewSteps(db, tenant.orgId, key),
    listMembers(db, tenant),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  return {
    bordereau,
    premiumLines,
    claimLines,
    steps: steps.map((s) => ({
      ...s,
      actor: s.actorUserId ? (names.get(s.actorUserId) ?? "A former member") : "Monthly job",
    })),
  };
}
