import type { Database } from "../../../db/client.ts";
import { claimsDashboardFigures, listPoliciesForEarnedPremium } from "../../models/claims.server.ts";
import { AGING_BUCKETS, agingBucket, earnedByProgram, lossRatio } from "./loss-ratio.ts";

/**
 * The supervisor dashboard's figures as of a date: open claims and their case reserves by status,
 * open claims by age and per adjuster, and each program's loss ratio (incurred over premium
 * earned by `asOf`). The page passes today; tests pass the date their worked example is set on.
 */
export async function loadClaimsDashboard(db: Database, orgId: string, asOf: string) {
  const figures = await claimsDashboardFigures(db, orgId);
  const programIds = figures.byProgram.map((p) => p.programId);
  const earned = earnedByProgram(await listPoliciesForEarnedPremium(db, orgId, programIds), asOf);
  const aging = new Map<string, number>(AGING_BUCKETS.map((b) => [b, 0]));
  for (const row of figures.openReportedOn) {
    const bucket = agingBucket(row.reportedOn, asOf);
    aging.set(bucket, aging.get(bucket)! + row.count);
  }
  return {
    byStatus: figures.byStatus.filter((s) => s.status !== "closed"),
    reserves: figures.byStatus.reduce((sum, s) => sum + s.reserveCents, 0),
    workload: figures.byAdjuster.map((a) => ({ label: a.name ?? "Unassigned", value: a.count })),
    aging: [...aging].map(([label, value]) => ({ label, value })),
    lossRatios: figures.byProgram.map((p) => ({
      programId: p.programId,
      programName: p.programName ?? p.programId,
      incurredCents: p.incurredCents,
      earnedCents: earned.get(p.programId) ?? 0,
      ratio: lossRatio(p.incurredCents, earned.get(p.programId) ?? 0),
    })),
  };
}
