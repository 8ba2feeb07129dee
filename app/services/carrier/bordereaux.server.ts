import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { BordereauKind } from "../../../db/schema/carrier.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  claimTotalsOfPeriod,
  countVersions,
  findQueryStep,
  findReportedAgreement,
  insertBordereau,
  insertBordereauStep,
  insertClaimLines,
  insertPremiumLines,
  listAgreementsInForceDuring,
  listClaimantRoles,
  lockBordereau,
  premiumTotalsOfPeriod,
  readClaimLines,
  readClaimsForBordereau,
  readPremiumLines,
  recordBordereauResult,
  setBordereauStatus,
  supersedeEarlierVersions,
  type ReportedAgreement,
} from "../../models/bordereaux.server.ts";
import type { OrgScope } from "../../models/org-scope.server.ts";
import { createId } from "../../utils/ids.ts";
import { auditBusinessAction } from "../access/audit.server.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import {
  bordereauPeriod,
  claimValidator,
  premiumValidator,
  previousMonth,
  submissionBlockers,
  claimBordereauLine,
  type BordereauCheck,
} from "./bordereau.ts";

/** Lines read per round trip while validating and exporting. */
export const BORDEREAU_CHUNK = 5000;

export type GeneratedBordereau = { id: string; version: number; lineCount: number; checks: BordereauCheck[] };

/**
 * Writes a new version of the agreement's bordereau for the month and validates it: the lines are
 * written set-based in the database, then read back in chunks through the checks, so neither
 * step holds the whole report in memory. An earlier version not yet accepted is superseded: a
 * correction is always a new version, never an edit.
 */
export async function generateBordereau(
  db: Database,
  agreement: ReportedAgreement,
  request: { kind: BordereauKind; month: string; actorUserId: string | null },
): Promise<GeneratedBordereau> {
  const period = bordereauPeriod(request.month);
  const key = { agreementId: agreement.id, kind: request.kind, periodStart: period.start };
  return transactionWithRetry(db, async (tx) => {
    const version = (await countVersions(tx, agreement.orgId, key)) + 1;
    const id = createId("brx");
    await insertBordereau(tx, {
      id,
      orgId: agreement.orgId,
      carrierId: agreement.carrierId,
      daAgreementId: agreement.id,
      kind: request.kind,
      periodStart: period.start,
      periodEnd: period.end,
      version,
      status: "draft",
      lineCount: 0,
      totals: {},
      checks: [],
      generatedByUserId: request.actorUserId,
      generatedAt: new Date(),
    });
    let result: { lineCount: number; totals: Record<string, number>; checks: BordereauCheck[] };
    if (request.kind === "premium") {
      await insertPremiumLines(tx, agreement, id, period);
      const validator = premiumValidator();
      for (let after = 0; ; after += BORDEREAU_CHUNK) {
        const chunk = await readPremiumLines(tx, agreement.orgId, id, after, BORDEREAU_CHUNK);
        validator.add(chunk);
        if (chunk.length < BORDEREAU_CHUNK) break;
      }
      result = validator.finish(await premiumTotalsOfPeriod(tx, agreement, period));
    } else {
      const validator = claimValidator();
      let lineNumber = 0;
      for (let after = ""; ; ) {
        const claimsChunk = await readClaimsForBordereau(tx, agreement, period.end, after, BORDEREAU_CHUNK);
        const roles = await listClaimantRoles(
          tx,
          agreement.orgId,
          claimsChunk.map((c) => c.claimId),
        );
        const lines = claimsChunk.map((c) =>
          claimBordereauLine({ ...c, claimantRoles: roles.get(c.claimId) ?? [] }, ++lineNumber),
        );
        await insertClaimLines(
          tx,
          lines.map((l) => ({ ...l, orgId: agreement.orgId, bordereauId: id })),
        );
        validator.add(lines);
        if (claimsChunk.length < BORDEREAU_CHUNK) break;
        after = claimsChunk.at(-1)!.claimNumber;
      }
      result = validator.finish(await claimTotalsOfPeriod(tx, agreement, period.end));
    }
    await recordBordereauResult(tx, agreement.orgId, id, result);
    await insertBordereauStep(tx, {
      id: createId("bst"),
      orgId: agreement.orgId,
      bordereauId: id,
      kind: "generated",
      actorUserId: request.actorUserId,
      comment: `${result.lineCount} lines; ${result.checks.filter((c) => !c.passed).length} checks failing`,
    });
    if (version > 1) await supersedeEarlierVersions(tx, agreement.orgId, key, version);
    return { id, version, lineCount: result.lineCount, checks: result.checks };
  });
}

/** On demand from the compliance area: the agreement must be the tenant's. */
export async function generateBordereauFor(
  db: Database,
  tenant: TenantContext,
  request: { agreementId: string; kind: BordereauKind; month: string },
): Promise<{ ok: true; bordereau: GeneratedBordereau } | { ok: false; reason: "not_found" }> {
  const agreement = await findReportedAgreement(db, tenant.orgId, request.agreementId);
  if (!agreement) return { ok: false, reason: "not_found" };
  const bordereau = await generateBordereau(db, agreement, { ...request, actorUserId: tenant.userId });
  await auditBusinessAction(db, tenant, {
    action: "bordereau_generated",
    targetType: "bordereau",
    targetId: bordereau.id,
    detail: { agreementId: agreement.id, kind: request.kind, month: request.month, version: bordereau.version },
  });
  return { ok: true, bordereau };
}

/**
 * The job on the first of the month: last month's premium and claims bordereaux for every
 * agreement in force during it, each generated once (a rerun finds its version 1 and skips it).
 */
export async function runMonthlyBordereaux(
  db: Database,
  today: string,
  { orgId }: { orgId?: OrgScope } = {},
): Promise<number> {
  const month = previousMonth(today);
  const period = bordereauPeriod(month);
  let generated = 0;
  for (const agreement of await listAgreementsInForceDuring(db, period.start, period.end, orgId)) {
    for (const kind of ["premium", "claims"] as const) {
      const existing = await countVersions(db, agreement.orgId, {
        agreementId: agreement.id,
        kind,
        periodStart: period.start,
      });
      if (existing > 0) continue;
      await generateBordereau(db, agreement, { kind, month, actorUserId: null });
      generated += 1;
    }
  }
  return generated;
}

export type ReviewOutcome =
  | { ok: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "refused"; message: string };

const refused = (message: string): ReviewOutcome => ({ ok: false, reason: "refused", message });

const titleOf = (b: { kind: string; periodStart: string }) =>
  `${b.kind === "premium" ? "Premium" : "Claims"} bordereau ${b.periodStart.slice(0, 7)}`;

/** The MGA submits a draft whose checks all pass; the carrier is told. */
export async function submitBordereau(
  db: Database,
  tenant: TenantContext,
  bordereauId: string,
): Promise<ReviewOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const b = await lockBordereau(tx, tenant, bordereauId);
    if (!b) return { ok: false, reason: "not_found" } as const;
    const blockers = submissionBlockers(b);
    if (blockers.length) return refused(`This version cannot be submitted: ${blockers.join("; ")}.`);
    const now = new Date();
    await Promise.all([
      setBordereauStatus(tx, tenant.orgId, b.id, { status: "submitted", submittedAt: now }),
      insertBordereauStep(tx, {
        id: createId("bst"),
        orgId: tenant.orgId,
        bordereauId: b.id,
        kind: "submitted",
        actorUserId: tenant.userId,
        createdAt: now,
      }),
      recordDomainEvent(tx, tenant.orgId, "bordereau.submitted", {
        bordereauId: b.id,
        carrierId: b.carrierId,
        agreementId: b.daAgreementId,
        kind: b.kind,
        periodStart: b.periodStart,
        version: b.version,
        lineCount: b.lineCount,
        title: titleOf(b),
        actorUserId: tenant.userId,
      }),
      auditBusinessAction(tx, tenant, {
        action: "bordereau_submitted",
        targetType: "bordereau",
        targetId: b.id,
        detail: { version: b.version },
      }),
    ]);
    return { ok: true } as const;
  });
}

/** The carrier accepts a submitted version. */
export async function acceptBordereau(
  db: Database,
  tenant: TenantContext,
  bordereauId: string,
): Promise<ReviewOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const b = await lockBordereau(tx, tenant, bordereauId);
    if (!b) return { ok: false, reason: "not_found" } as const;
    if (b.status !== "submitted") return refused(`Only a submitted version can be accepted; this one is ${b.status}.`);
    const now = new Date();
    await Promise.all([
      setBordereauStatus(tx, tenant.orgId, b.id, { status: "accepted", acceptedAt: now }),
      insertBordereauStep(tx, {
        id: createId("bst"),
        orgId: tenant.orgId,
        bordereauId: b.id,
        kind: "accepted",
        actorUserId: tenant.userId,
        createdAt: now,
      }),
      recordDomainEvent(tx, tenant.orgId, "bordereau.accepted", {
        bordereauId: b.id,
        carrierId: b.carrierId,
        agreementId: b.daAgreementId,
        kind: b.kind,
        periodStart: b.periodStart,
        version: b.version,
        title: titleOf(b),
        actorUserId: tenant.userId,
      }),
      auditBusinessAction(tx, tenant, {
        action: "bordereau_accepted",
        targetType: "bordereau",
        targetId: b.id,
        detail: { version: b.version },
      }),
    ]);
    return { ok: true } as const;
  });
}

/** The carrier queries one line of a submitted (or already queried) version, with a comment. */
export async function queryBordereauLine(
  db: Database,
  tenant: TenantContext,
  bordereauId: string,
  query: { lineNumber: number; comment: string },
): Promise<ReviewOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const b = await lockBordereau(tx, tenant, bordereauId);
    if (!b) return { ok: false, reason: "not_found" } as const;
    if (b.status !== "submitted" && b.status !== "queried")
      return refused(`Only a submitted version can be queried; this one is ${b.status}.`);
    if (query.lineNumber < 1 || query.lineNumber > b.lineCount)
      return refused(`Line ${query.lineNumber} is not in this version, which has lines 1 to ${b.lineCount}.`);
    await Promise.all([
      setBordereauStatus(tx, tenant.orgId, b.id, { status: "queried" }),
      insertBordereauStep(tx, {
        id: createId("bst"),
        orgId: tenant.orgId,
        bordereauId: b.id,
        kind: "queried",
        lineNumber: query.lineNumber,
        comment: query.comment,
        actorUserId: tenant.userId,
      }),
      recordDomainEvent(tx, tenant.orgId, "bordereau.queried", {
        bordereauId: b.id,
        carrierId: b.carrierId,
        version: b.version,
        lineNumber: query.lineNumber,
        comment: query.comment,
        title: titleOf(b),
        actorUserId: tenant.userId,
      }),
      auditBusinessAction(tx, tenant, {
        action: "bordereau_queried",
        targetType: "bordereau",
        targetId: b.id,
        detail: { version: b.version, lineNumber: query.lineNumber, comment: query.comment },
      }),
    ]);
    return { ok: true } as const;
  });
}

/** The MGA answers a query; a correction then follows as a new version. */
export async function answerBordereauQuery(
  db: Database,
  tenant: TenantContext,
  bordereauId: string,
  answer: { queryStepId: string; comment: string },
): Promise<ReviewOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const b = await lockBordereau(tx, tenant, bordereauId);
    if (!b) return { ok: false, reason: "not_found" } as const;
    if (!(await findQueryStep(tx, tenant.orgId, b.id, answer.queryStepId)))
      return refused("The query answered is not one the carrier raised on this version.");
    await Promise.all([
      insertBordereauStep(tx, {
        id: createId("bst"),
        orgId: tenant.orgId,
        bordereauId: b.id,
        kind: "answered",
        answersStepId: answer.queryStepId,
        comment: answer.comment,
        actorUserId: tenant.userId,
      }),
      auditBusinessAction(tx, tenant, {
        action: "bordereau_answered",
        targetType: "bordereau",
        targetId: b.id,
        detail: { queryStepId: answer.queryStepId, comment: answer.comment },
      }),
    ]);
    return { ok: true } as const;
  });
}

/** Reads a version's lines chunk by chunk for an export. */
export function premiumLineBatches(db: Database, orgId: string, bordereauId: string) {
  return (offset: number, limit: number) => readPremiumLines(db, orgId, bordereauId, offset, limit);
}

export function claimLineBatches(db: Database, orgId: string, bordereauId: string) {
  return (offset: number, limit: number) => readClaimLines(db, orgId, bordereauId, offset, limit);
}
