import { and, eq } from "drizzle-orm";
import { submissionDeclinations, submissions } from "../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { createId } from "../../app/utils/ids.ts";
import { toCents } from "../../app/utils/money.ts";
import type { NewSubmission } from "../../app/services/submissions/intake-schema.ts";
import { fileSubmission } from "../../app/services/submissions/intake.server.ts";

// Test support: a submission filed through the real intake by Harbor Point's producer, for Red
// River Landscaping (Oklahoma: no DA referral trigger), with the surplus lines declinations a GL
// bind needs already recorded.

export const db = guardedTestDatabase();
export const producer = tenantOf("producer@summit.demo");
export const underwriter = tenantOf("underwriter@summit.demo");
export const seniorUnderwriter = tenantOf("senior.underwriter@summit.demo");
export const TODAY = "2026-11-22";

export async function fileTestSubmission(overrides: Partial<NewSubmission> = {}) {
  const programId = overrides.programId ?? "prg_summit_gl";
  const filed = await fileSubmission(
    db,
    producer,
    {
      insuredId: "ins_redriver",
      programId,
      naicsCode: "561730",
      exposure: toCents(180_000_000),
      requestedLimit: toCents(100_000_000),
      deductible: toCents(0),
      effectiveDate: "2026-12-20",
      termMonths: 12,
      priorLossCount: 0,
      priorLossIncurred: toCents(0),
      ...overrides,
    },
    TODAY,
  );
  if (!filed.ok) throw new Error(filed.message);
  for (const carrierName of ["A Mutual", "B Casualty", "C Indemnity"]) {
    await db.insert(submissionDeclinations).values({
      id: createId("dcl"),
      orgId: producer.orgId,
      submissionId: filed.submissionId,
      carrierName,
      declinedOn: "2026-11-01",
      reason: "Declined",
    });
  }
  return filed.submissionId;
}

export async function submissionRow(id: string) {
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.orgId, producer.orgId), eq(submissions.id, id)));
  return row!;
}
