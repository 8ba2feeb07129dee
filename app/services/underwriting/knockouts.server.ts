import type { Database } from "../../../db/client.ts";
import type { Transaction } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  insertKnockoutAnswers,
  listKnockoutRules,
  markKnockoutHitsCleared,
  openKnockoutHits,
} from "../../models/knockouts.server.ts";
import { recordSubmissionEvent } from "../../models/submission-events.server.ts";
import { setSubmissionStatus } from "../../models/submissions.server.ts";
import { evaluateKnockouts, knockoutRationale, type KnockoutAnswer, type KnockoutEvaluation } from "./knockouts.ts";
import type { ProgramKey } from "../../models/programs.server.ts";

export { listKnockoutAnswers, listKnockoutRules, openKnockoutHits } from "../../models/knockouts.server.ts";

/** Checks intake answers against the program's rules before anything is written. */
export async function evaluateIntakeKnockouts(
  db: Database,
  tenant: TenantContext,
  program: ProgramKey,
  answers: Readonly<Record<string, boolean>>,
  requireAll: boolean,
): Promise<KnockoutEvaluation> {
  return evaluateKnockouts(await listKnockoutRules(db, tenant, program), answers, { requireAll });
}

/**
 * Stores the answers with a newly filed submission, inside the filing transaction. A hit on a
 * decline rule takes the risk out of appetite there and then: the submission is declined under
 * the rule's reason code, by the rule rather than by a person.
 */
export async function recordKnockoutAnswers(
  tx: Transaction,
  tenant: TenantContext,
  submissionId: string,
  answers: readonly KnockoutAnswer[],
) {
  if (answers.length === 0) return;
  await insertKnockoutAnswers(tx, tenant, submissionId, answers);
  const hits = answers.filter((a) => a.hit);
  if (hits.length === 0) return;
  await recordSubmissionEvent(tx, tenant, submissionId, "knockouts_hit", { codes: hits.map((h) => h.code) }, null);
  const decline = hits.find((h) => h.action === "decline");
  if (!decline) return;
  const rationale = knockoutRationale(decline);
  await setSubmissionStatus(tx, tenant, submissionId, {
    status: "declined",
    declineCode: decline.reasonCode,
    declineRationale: rationale,
  });
  await recordSubmissionEvent(
    tx,
    tenant,
    submissionId,
    "declined",
    { code: decline.reasonCode, rationale, knockout: decline.code },
    null,
  );
}

/**
 * An underwriter accepts the open hits by approving the referral they raised or by pricing the
 * risk themselves; the timeline says who and how.
 */
export async function clearKnockoutHits(
  tx: Transaction,
  tenant: TenantContext,
  submissionId: string,
  how: "referral_approved" | "underwriter_quoted",
) {
  const open = await openKnockoutHits(tx, tenant, submissionId);
  if (open.length === 0) return;
  await markKnockoutHitsCleared(tx, tenant, submissionId);
  await recordSubmissionEvent(tx, tenant, submissionId, "knockouts_cleared", { codes: open.map((h) => h.code), how });
}
