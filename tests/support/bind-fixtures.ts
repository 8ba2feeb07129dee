import { and, eq } from "drizzle-orm";
import {
  daAgreements,
  insureds,
  programs,
  quoteOptions,
  rateTables,
  submissionDeclinations,
  submissions,
} from "../../db/schema/index.ts";
import { rateTables as seededRateTables } from "../../db/seed/rate-tables.ts";
import {
  daAgreements as seededAgreements,
  insureds as seededInsureds,
  programs as seededPrograms,
} from "../../db/seed/demo-data.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { quoteSubmission } from "../../app/services/underwriting/quoting.server.ts";
import { createId } from "../../app/utils/ids.ts";

// Test support for bind: programs, agreements and insureds of a test's own, so what it asserts
// about counters and limits is not disturbed by other tests sharing the database.

export const db = guardedTestDatabase();
export const producer = tenantOf("agency.admin@summit.demo");
export const org = producer.orgId;

type AgreementRow = typeof daAgreements.$inferInsert;

/**
 * A program of its own with a DA agreement the test controls: its aggregate headroom and any
 * other term (dates, limits), so counters and limits are asserted exactly.
 */
export async function isolatedProgram({
  headroomCents = 1_000_000_000,
  agreement: terms = {},
}: {
  headroomCents?: number;
  agreement?: Partial<AgreementRow>;
} = {}) {
  const programId = createId("prg");
  const base = seededPrograms.find((p) => p.id === "prg_summit_gl")!;
  const agreement = seededAgreements.find((a) => a.id === "da_summit_gl")!;
  const rateTable = seededRateTables.find((t) => t.id === "rt_summit_gl_2026_1")!;
  const agreementId = terms.id ?? createId("da");
  await db.insert(programs).values({ ...base, id: programId });
  await db.insert(daAgreements).values({
    ...agreement,
    effectiveDate: "2026-01-01",
    expirationDate: "2026-12-31",
    annualGwpLimitCents: 1_000_000_000_000,
    boundGwpCents: 1_000_000_000_000 - headroomCents,
    ...terms,
    id: agreementId,
    programId,
  });
  await db.insert(rateTables).values({
    ...rateTable,
    id: createId("rt"),
    programId,
    definition: { ...rateTable.definition, program: programId },
  });
  return { programId, agreementId };
}

/** An insured of the test's own, so counts of the insured's policies start at zero. */
export async function newInsured() {
  const seeded = seededInsureds.find((i) => i.id === "ins_highdesert")!;
  const id = createId("ins");
  await db.insert(insureds).values({ ...seeded, id, name: `High Desert Brewing ${id.slice(-6)}` });
  return id;
}

export async function agreementRow(id: string) {
  const [row] = await db
    .select()
    .from(daAgreements)
    .where(and(eq(daAgreements.orgId, org), eq(daAgreements.id, id)));
  return row!;
}

export async function quotedSubmission(
  programId = "prg_summit_gl",
  { declinations = 3, insuredId = "ins_highdesert", effectiveDate = "2026-12-20", quoteDate = "2026-11-22" } = {},
) {
  const id = createId("sub");
  await db.insert(submissions).values({
    id,
    orgId: org,
    reference: id.slice(-12).toUpperCase(),
    agencyId: "agy_bluemesa",
    producerUserId: producer.userId,
    insuredId,
    programId,
    lineOfBusiness: "GL",
    state: "NM",
    naicsCode: "312120",
    annualRevenueCents: 365_000_000,
    payrollCents: null,
    requestedLimitCents: 100_000_000,
    deductibleCents: 250_000,
    effectiveDate,
    termMonths: 12,
    status: "submitted",
  });
  for (let i = 0; i < declinations; i++) {
    await db.insert(submissionDeclinations).values({
      id: createId("dcl"),
      orgId: org,
      submissionId: id,
      carrierName: `Admitted Carrier ${i + 1}`,
      declinedOn: "2026-11-10",
      reason: "Class outside appetite",
    });
  }
  const quoted = await quoteSubmission(db, producer, id, quoteDate);
  if (!quoted.ok) throw new Error(quoted.error.message);
  const [option] = await db
    .select()
    .from(quoteOptions)
    .where(and(eq(quoteOptions.orgId, org), eq(quoteOptions.quoteId, quoted.quoteId)))
    .orderBy(quoteOptions.position)
    .limit(1);
  return { submissionId: id, quoteId: quoted.quoteId, option: option! };
}
