import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import type { Database } from "../../../db/client.ts";
import type { insureds } from "../../../db/schema/index.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { deleteFiledDraft, type SubmissionDraft } from "../../models/drafts.server.ts";
import { findAgencyInsured, findAgencyInsuredByName, insertInsured } from "../../models/insureds.server.ts";
import { findDaAgreementInForce } from "../../models/policy-binding.server.ts";
import type { ProgramKey } from "../../models/programs.server.ts";
import { findProgramWithRateTableInForce } from "../../models/rate-tables.server.ts";
import { nextSequenceValue } from "../../models/sequences.server.ts";
import { recordSubmissionEvent } from "../../models/submission-events.server.ts";
import { auditBusinessAction } from "../access/audit.server.ts";
import { insertSubmission } from "../../models/submissions.server.ts";
import { createId } from "../../utils/ids.ts";
import type { NewSubmission } from "./intake-schema.ts";
import { plausibilityProblem } from "./plausibility.ts";
import { type CompiledRateTable, compileRateTable } from "../rating/index.ts";
import { evaluateIntakeKnockouts, recordKnockoutAnswers } from "../underwriting/knockouts.server.ts";

const compiledTables = new Map<string, CompiledRateTable>();

/** A stored rate table version never changes once active, so its compiled form is kept by id. */
function compiledRateTable(id: string, definition: unknown): CompiledRateTable {
  const cached = compiledTables.get(id);
  if (cached) return cached;
  const result = compileRateTable(definition);
  if (!result.ok) throw new Error(`Stored rate table ${id} does not compile: ${result.error.message}`);
  compiledTables.set(id, result.value);
  return result.value;
}

/**
 * `submission`: the filed row as written, when nothing written after it changed it (no knockout
 * answers were given), so a caller can present it without reading it back.
 */
export type IntakeOutcome =
  | { ok: true; submissionId: string; submission?: FiledSubmission }
  | { ok: false; field: keyof NewSubmission | null; message: string; noProgramForRisk?: true };

export type FiledSubmission = {
  id: string;
  reference: string;
  status: "submitted";
  lineOfBusiness: "GL" | "WC";
  insuredName: string;
  naicsCode: string;
  state: string;
  annualRevenueCents: number | null;
  payrollCents: number | null;
  requestedLimitCents: number;
  deductibleCents: number;
  effectiveDate: string;
  termMonths: number;
  declineCode: null;
  declineRationale: null;
};
export type NewInsured = Omit<typeof insureds.$inferInsert, "id" | "orgId" | "agencyId">;

export interface FilingOptions {
  /** A draft's id: the submission keeps it, so documents uploaded with the draft stay linked. */
  submissionId?: string;
  /** The form asks every knockout question, so an unanswered one is an error (the API may omit them). */
  everyKnockoutAsked?: boolean;
  /** More rows that stand or fall with the submission (its document, the draft's removal). */
  alsoWrite?: (tx: Transaction, submissionId: string) => Promise<void>;
  /**
   * API intake: the program is the one the risk goes to (the oldest of its line writing its
   * state), not `programId`, and the insured the agency's insured of the new insured's name when
   * there is one. Both are read with the filing's other reads, not before them (ADR 032).
   */
  byRisk?: { lineOfBusiness: "GL" | "WC"; state: string };
  /**
   * Written in the filing's transaction, with its rows when the submission is as written (then
   * `written` is it), else after the knockout answers changed it (null): the API's answer under
   * its Idempotency-Key (ADR 032), so it commits or rolls back with the submission.
   */
  answerWith?: (tx: Transaction, submissionId: string, written: FiledSubmission | null) => Promise<unknown>;
}

/** Files the submission under the draft's id and removes the draft in the same transaction. */
export function fromDraft(tenant: TenantContext, draft: SubmissionDraft): FilingOptions {
  return { submissionId: draft.id, alsoWrite: (tx) => deleteFiledDraft(tx, tenant, draft.id) };
}

/**
 * Files a producer's submission for its own agency; the tenant and agency come from the session.
 * An insured that is new (API intake) is created in the same transaction, so a refused
 * submission leaves no orphan insured behind.
 */
export async function fileSubmission(
  db: Database,
  tenant: TenantContext,
  input: NewSubmission,
  today: string,
  newInsured?: NewInsured,
  options: FilingOptions = {},
): Promise<IntakeOutcome> {
  const { agencyId } = tenant;
  if (!agencyId) return { ok: false, field: null, message: "Your account is not linked to a producer agency." };
  const producer = { ...tenant, agencyId };
  const newInsuredRow = newInsured ? { ...newInsured, id: input.insuredId } : null;
  const programKey: ProgramKey = options.byRisk ?? input.programId;
  // The knockout rules are read with the program (by the id asked for, or picked by the risk in
  // each statement), not after it; the rate table (with the program) and the agreement in force
  // with them too (the plausibility bounds need both). They go out with the transaction's BEGIN
  // and the drawing of the reference number: one round trip of at most six statements.
  const reads = Promise.all([
    newInsuredRow && options.byRisk
      ? findAgencyInsuredByName(db, producer, newInsuredRow.name).then((found) => found ?? newInsuredRow)
      : (newInsuredRow ?? findAgencyInsured(db, producer, input.insuredId)),
    findProgramWithRateTableInForce(db, tenant, programKey, input.effectiveDate, [...compiledTables.keys()]),
    evaluateIntakeKnockouts(db, tenant, programKey, input.knockouts ?? {}, options.everyKnockoutAsked ?? false),
    findDaAgreementInForce(db, tenant.orgId, programKey, input.effectiveDate),
  ]);
  // Drawn outside the transaction, so a filing refused after the reads leaves a gap in submission
  // references (never in policy or invoice numbers: see ADR 016).
  const number = nextSequenceValue(db, tenant.orgId, "submission");
  // Both are awaited inside the transaction; a failure surfaces there, not as an unhandled rejection.
  reads.catch(() => {});
  number.catch(() => {});
  const submissionId = options.submissionId ?? createId("sub");
  return transactionWithRetry(db, async (tx): Promise<IntakeOutcome> => {
    const [insured, programAndRates, knockouts, agreement] = await reads;
    const program = programAndRates?.program;
    const rateRow = programAndRates?.rateTable;
    if (!insured) return { ok: false, field: "insuredId", message: "Choose one of your agency's insureds" };
    if (!program) {
      return options.byRisk
        ? {
            ok: false,
            field: "programId",
            message: `No ${options.byRisk.lineOfBusiness} program of this organization writes ${options.byRisk.state}.`,
            noProgramForRisk: true,
          }
        : { ok: false, field: "programId", message: "Choose a program" };
    }
    if (program.retiredAt) return { ok: false, field: "programId", message: `${program.name} is retired` };
    if (!program.states.includes(insured.state)) {
      return { ok: false, field: "programId", message: `${program.name} is not written in ${insured.state}` };
    }
    const problem = plausibilityProblem(
      { ...input, lineOfBusiness: program.lineOfBusiness, state: insured.state },
      today,
      rateRow ? compiledRateTable(rateRow.id, rateRow.definition) : null,
      agreement ?? null,
    );
    if (problem) return { ok: false, ...problem };
    if (!knockouts.ok) return { ok: false, field: "knockouts", message: knockouts.message };

    const row = {
      id: submissionId,
      reference: `SUB-${today.slice(0, 4)}-${String(await number).padStart(5, "0")}`,
      agencyId,
      producerUserId: tenant.userId,
      insuredId: insured.id,
      programId: program.id,
      lineOfBusiness: program.lineOfBusiness,
      state: insured.state,
      naicsCode: input.naicsCode,
      annualRevenueCents: program.lineOfBusiness === "GL" ? input.exposure : null,
      payrollCents: program.lineOfBusiness === "WC" ? input.exposure : null,
      requestedLimitCents: input.requestedLimit,
      deductibleCents: input.deductible,
      effectiveDate: input.effectiveDate,
      termMonths: input.termMonths,
      priorLossCount: input.priorLossCount,
      priorLossIncurredCents: input.priorLossIncurred,
      status: "submitted" as const,
    };
    const unchanged = knockouts.answers.length === 0 && !options.alsoWrite;
    const asWritten: FiledSubmission = { ...row, insuredName: insured.name, declineCode: null, declineRationale: null };
    // Ids are ours and the tables have no foreign keys: the rows go out together.
    await Promise.all([
      unchanged ? options.answerWith?.(tx, submissionId, asWritten) : null,
      newInsuredRow && insured === newInsuredRow ? insertInsured(tx, producer, newInsuredRow) : null,
      insertSubmission(tx, tenant, { ...row, submittedAt: new Date() }),
      recordSubmissionEvent(tx, tenant, submissionId, "submitted"),
      auditBusinessAction(tx, tenant, {
        action: "submission_filed",
        targetType: "submission",
        targetId: submissionId,
        detail: { programId: program.id, insuredId: insured.id, effectiveDate: input.effectiveDate },
      }),
    ]);
    // After the submission row: a decline rule's hit, or an ACORD filing's review, updates it.
    await recordKnockoutAnswers(tx, tenant, submissionId, knockouts.answers);
    if (options.alsoWrite) await options.alsoWrite(tx, submissionId);
    if (!unchanged) await options.answerWith?.(tx, submissionId, null);
    return { ok: true, submissionId, ...(unchanged ? { submission: asWritten } : {}) };
  });
}
