import type { z } from "zod";
import type { Database } from "../../../db/client.ts";
import type { Transaction } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { createId } from "../../utils/ids.ts";
import { toCents } from "../../utils/money.ts";
import { fileSubmission, type FiledSubmission, type FilingOptions } from "./intake.server.ts";
import { getSubmission } from "../../models/submissions.server.ts";
import { ApiFailure } from "../api/http.server.ts";
import { presentSubmission } from "../api/presenters.ts";
import { listKnockoutAnswers } from "../underwriting/knockouts.server.ts";
import type { SubmissionCreate } from "../api/schemas.ts";
import { effectiveDateProblem } from "./plausibility.ts";

/** The request body's name for a field the intake refused. */
function apiField(field: string | null, line: "GL" | "WC"): string | null {
  if (field === "knockouts") return "knockoutAnswers";
  if (field === "exposure") return line === "GL" ? "annualRevenue" : "payroll";
  if (field === "priorLossIncurred") return "priorLosses.incurred";
  return field;
}

/**
 * Files a submission sent as JSON: the program is the organization's program for the line that
 * writes the home state, the insured is the agency's insured of that name (created with the
 * submission if new).
 */
export async function fileApiSubmission(
  db: Database,
  tenant: TenantContext,
  body: z.output<typeof SubmissionCreate>,
  today: string,
  options: FilingOptions = {},
): Promise<{ submissionId: string; submission?: FiledSubmission }> {
  const { agencyId } = tenant;
  if (!agencyId)
    throw new ApiFailure(
      403,
      "FORBIDDEN",
      "This API key is not issued for a producer agency, so it cannot file submissions.",
    );
  const dateProblem = effectiveDateProblem(body.effectiveDate, today);
  if (dateProblem)
    throw new ApiFailure(400, "VALIDATION_FAILED", `effectiveDate: ${dateProblem.message}.`, {
      field: "effectiveDate",
      issues: [{ path: "effectiveDate", message: dateProblem.message }],
    });
  const filed = await fileSubmission(
    db,
    tenant,
    {
      // The insured of that name if the agency has one, otherwise this new one; the program the
      // risk goes to: both read with the filing's other reads.
      insuredId: createId("ins"),
      programId: "",
      naicsCode: body.naicsCode,
      exposure: toCents(body.lineOfBusiness === "GL" ? body.annualRevenue! : body.payroll!),
      requestedLimit: toCents(body.requestedLimit),
      deductible: toCents(body.deductible),
      effectiveDate: body.effectiveDate,
      termMonths: body.termMonths,
      priorLossCount: body.priorLosses.count,
      priorLossIncurred: toCents(body.priorLosses.incurred),
      knockouts: body.knockoutAnswers,
    },
    today,
    {
      name: body.insuredName,
      naicsCode: body.naicsCode,
      addressLine1: body.address?.line1 ?? "",
      city: body.address?.city ?? "",
      state: body.state,
      postalCode: body.address?.postalCode ?? "",
      yearsInBusiness: body.yearsInBusiness === undefined ? null : body.yearsInBusiness.toFixed(1),
    },
    { ...options, byRisk: { lineOfBusiness: body.lineOfBusiness, state: body.state } },
  );
  if (!filed.ok && filed.noProgramForRisk) throw new ApiFailure(422, "STATE_NOT_AUTHORIZED", filed.message);
  if (!filed.ok)
    throw new ApiFailure(422, "VALIDATION_FAILED", filed.message, {
      field: apiField(filed.field, body.lineOfBusiness),
    });
  return { submissionId: filed.submissionId, ...(filed.submission ? { submission: filed.submission } : {}) };
}

/**
 * A just-filed submission as `/v1` presents it (it has no quote yet): from the row as written
 * when the filing hands it over (no knockout answers), otherwise read back.
 */
export async function presentFiledSubmission(
  db: Database | Transaction,
  tenant: TenantContext,
  submissionId: string,
  written?: FiledSubmission,
) {
  if (written) return presentSubmission(written, undefined, []);
  const [submission, knockouts] = await Promise.all([
    getSubmission(db, tenant, submissionId),
    listKnockoutAnswers(db, tenant, submissionId),
  ]);
  if (!submission) throw new Error(`submission ${submissionId} was filed but cannot be read`);
  return presentSubmission(submission, undefined, knockouts);
}
