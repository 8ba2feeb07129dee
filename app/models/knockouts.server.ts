import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { submissionKnockoutAnswers, underwritingRules, type KnockoutAction } from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";
import { programIdOf, type ProgramKey } from "./programs.server.ts";

/** A program's knockout questions in the order the intake form asks them (every program's without one). */
export async function listKnockoutRules(db: Database | Transaction, tenant: TenantContext, program?: ProgramKey) {
  return db
    .select({
      id: underwritingRules.id,
      programId: underwritingRules.programId,
      code: underwritingRules.code,
      question: underwritingRules.question,
      adverseAnswer: underwritingRules.adverseAnswer,
      action: underwritingRules.action,
      reasonCode: underwritingRules.reasonCode,
    })
    .from(underwritingRules)
    .where(
      and(
        eq(underwritingRules.orgId, tenant.orgId),
        program ? eq(underwritingRules.programId, programIdOf(tenant.orgId, program)) : undefined,
      ),
    )
    .orderBy(asc(underwritingRules.programId), asc(underwritingRules.position));
}

export type KnockoutAnswerRow = {
  ruleId: string;
  code: string;
  question: string;
  answer: boolean;
  hit: boolean;
  action: KnockoutAction;
  reasonCode: string;
};

export async function insertKnockoutAnswers(
  tx: Transaction,
  tenant: TenantContext,
  submissionId: string,
  answers: readonly KnockoutAnswerRow[],
) {
  if (answers.length === 0) return;
  await tx
    .insert(submissionKnockoutAnswers)
    .values(answers.map((a) => ({ ...a, id: createId("ska"), orgId: tenant.orgId, submissionId })));
}

/** Every stored answer of a submission, hits first. */
export async function listKnockoutAnswers(db: Database | Transaction, tenant: TenantContext, submissionId: string) {
  const rows = await db
    .select()
    .from(submissionKnockoutAnswers)
    .where(
      and(eq(submissionKnockoutAnswers.orgId, tenant.orgId), eq(submissionKnockoutAnswers.submissionId, submissionId)),
    )
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
export async function openKnockoutHits(db: Database | Transaction, tenant: TenantContext, submissionId: string) {
  return db
    .select({
      code: submissionKnockoutAnswers.code,
      question: submissionKnockoutAnswers.question,
      answer: submissionKnockoutAnswers.answer,
      action: submissionKnockoutAnswers.action,
      reasonCode: submissionKnockoutAnswers.reasonCode,
    })
    .from(submissionKnockoutAnswers)
    .where(openHitsOf(tenant, submissionId))
    .orderBy(asc(submissionKnockoutAnswers.code));
}

/** Marks the open hits accepted by the user. */
export async function markKnockoutHitsCleared(tx: Transaction, tenant: TenantContext, submissionId: string) {
  await tx
    .update(submissionKnockoutAnswers)
    .set({ clearedByUserId: tenant.userId, clearedAt: new Date() })
    .where(openHitsOf(tenant, submissionId));
}
