import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { submissionKnockoutAnswers, submissions, underwritingRules } from "../../../db/schema/index.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { createId } from "../../utils/ids.ts";
import { recordSubmissionEvent, type Tx } from "./events.server.ts";
import { evaluateKnockouts, knockoutRationale, type KnockoutAnswer, type KnockoutEvaluation } from "./knockouts.ts";

/** A program's knockout questions in the order the intake form asks them. */
export async function listKnockoutRules(db: Database | Tx, tenant: TenantContext, programId?: string) {
  return db
    .select({ id: underwritingRules.id, programId: underwritingRules.programId, code: underwritingRules.code, question: underwritingRules.question, adverseAnswer: underwritingRules.adverseAnswer, action: underwritingRules.action, reasonCode: underwritingRules.reasonCode })
    .from(underwritingRules)
    .where(and(eq(underwritingRules.orgId, tenant.orgId), programId ? eq(underwritingRules.programId, programId) : undefined))
    .orderBy(asc(underwritingRules.programId), asc(underwritingRules.position));
}

/** Checks intake answers against the program's rules before anything is written. */
export async function evaluateIntakeKnockouts(db: Database, tenant: TenantContext, programId: string, answers: Readonly<Record<string, boolean>>, requireAll: boolean): Promise<KnockoutEvaluation> {
  return evaluateKnockouts(await listKnockoutRules(db, tenant, programId), answers, { requireAll });
}

/**
 * Stores the answers with a newly filed submission, inside the filing transaction. A hit on a
 * decline rule takes the risk out of appetite there and then: the submission is declined under
 * the rule's reason code, by the rule rather than by a person.
 */
export async function recordKnockoutAnswers(tx: Tx, tenant: TenantContext, submissionId: string, answers: readonly KnockoutAnswer[]) {
  if (answers.length === 0) return;
  await tx.insert(submissionKnockoutAnswers).values(answers.map((a) => ({ ...a, id: createId("ska"), orgId: tenant.orgId, submissionId })));
  const hits = answers.filter((a) => a.hit);
  if (hits.length === 0) return;
  await recordSubmissionEvent(tx, tenant, submissionId, "knockouts_hit", { codes: hits.map((h) => h.code) }, null);
  const decline = hits.find((h) => h.action === "decline");
  if (!decline) return;
  const rationale = knockoutRationale(decline);
  await tx
    .update(submissions)
    .set({ status: "declined", declineCode: decline.reasonCode, declineRationale: rationale })
    .where(and(eq(submissions.orgId, tenant.orgId), eq(submissions.id, submissionId)));
  await recordSubmissionEvent(tx, tenant, submissionId, "declined", { code: decline.reasonCode, rationale, knockout: decline.code }, null);
}

/** Every stored answer of a submission, hits first. */
export async function listKnockoutAnswers(db: Database | Tx, tenant: TenantContext, submissionId: string) {
  const rows = await db
    .select()
    .from(submissionKnockoutAnswers)
    .where(and(eq(submissionKnockoutAnswers.orgId, tenant.orgId), eq(submissionKnockoutAnswers.submissionId, submissionId)))
    .orderBy(asc(submissionKnockoutAnswers.code));
  return rows.sort((a, b) => Number(b.hit) - Number(a.hit));
}

const openHitsOf = (tenant: TenantContext, submissionId: string) =>
  and(
    eq(submissionKnockoutAnswers.orgId, tenant.orgId),
    eq(submissionKnockoutAnswers.submissionId, submissionId),
    eq(submissionKnockoutAnswers.hit, true),
    isNull(submissionKnockoutAnswers.clearedAt),
  );

/** Hits no underwriter has accepted yet: open underwriting issues that block a producer's bind. */
export async function openKnockoutHits(db: Database | Tx, tenant: TenantContext, submissionId: string) {
  return db
    .select({ code: submissionKnockoutAnswers.code, question: submissionKnockoutAnswers.question, answer: submissionKnockoutAnswers.answer, action: submissionKnockoutAnswers.action, reasonCode: submissionKnockoutAnswers.reasonCode })
    .from(submissionKnockoutAnswers)
    .where(openHitsOf(tenant, submissionId))
    .orderBy(asc(submissionKnockoutAnswers.code));
}

/**
 * An underwriter accepts the open hits by approving the referral they raised or by pricing the
 * risk themselves; the timeline says who and how.
 */
export async function clearKnockoutHits(tx: Tx, tenant: TenantContext, submissionId: string, how: "referral_approved" | "underwriter_quoted") {
  const open = await openKnockoutHits(tx, tenant, submissionId);
  if (open.length === 0) return;
  await tx.update(submissionKnockoutAnswers).set({ clearedByUserId: tenant.userId, clearedAt: new Date() }).where(openHitsOf(tenant, submissionId));
  await recordSubmissionEvent(tx, tenant, submissionId, "knockouts_cleared", { codes: open.map((h) => h.code), how });
}
