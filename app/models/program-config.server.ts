import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  carriers,
  insureds,
  policies,
  programs,
  rateTables,
  submissions,
  underwritingRules,
  type KnockoutAction,
  type LineOfBusiness,
} from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";

// The MGA's own configuration of its programs, their knockout questions and rate table
// versions (ADR 021). Every query is scoped by the tenant's organization.

export type ProgramTerms = {
  name: string;
  lineOfBusiness: LineOfBusiness;
  carrierId: string;
  states: string[];
  installmentPlans: string[];
  autoBindPremiumCents: number;
  defaultCommissionRate: string;
  minimumPremiumCents: number;
  quoteValidDays: number;
};

export type KnockoutQuestion = {
  code: string;
  question: string;
  adverseAnswer: boolean;
  action: KnockoutAction;
  reasonCode: string;
};

export async function listProgramsWithCarrier(db: Database, tenant: TenantContext) {
  return db
    .select({
      id: programs.id,
      name: programs.name,
      lineOfBusiness: programs.lineOfBusiness,
      states: programs.states,
      carrierName: carriers.name,
      retiredAt: programs.retiredAt,
      activeVersions:
        sql<number>`(SELECT COUNT(*) FROM ${rateTables} WHERE ${sql.raw("`rate_tables`.`org_id` = `programs`.`org_id` AND `rate_tables`.`program_id` = `programs`.`id`")} AND ${sql.raw("`rate_tables`.`status`")} = 'active')`.mapWith(
          Number,
        ),
    })
    .from(programs)
    .innerJoin(carriers, and(eq(carriers.orgId, programs.orgId), eq(carriers.id, programs.carrierId)))
    .where(eq(programs.orgId, tenant.orgId))
    .orderBy(asc(programs.name));
}

export async function listCarriers(db: Database, tenant: TenantContext) {
  return db
    .select({ id: carriers.id, name: carriers.name })
    .from(carriers)
    .where(eq(carriers.orgId, tenant.orgId))
    .orderBy(asc(carriers.name));
}

export async function findCarrier(db: Database | Transaction, tenant: TenantContext, carrierId: string) {
  const [row] = await db
    .select({ id: carriers.id, name: carriers.name })
    .from(carriers)
    .where(and(eq(carriers.orgId, tenant.orgId), eq(carriers.id, carrierId)))
    .limit(1);
  return row ?? null;
}

export async function insertProgram(tx: Transaction, tenant: TenantContext, terms: ProgramTerms): Promise<string> {
  const id = createId("prg");
  await tx.insert(programs).values({ id, orgId: tenant.orgId, ...terms });
  return id;
}

export async function updateProgram(tx: Transaction, tenant: TenantContext, programId: string, terms: ProgramTerms) {
  await tx
    .update(programs)
    .set(terms)
    .where(and(eq(programs.orgId, tenant.orgId), eq(programs.id, programId)));
}

export async function lockProgram(tx: Transaction, tenant: TenantContext, programId: string) {
  const [row] = await tx
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, tenant.orgId), eq(programs.id, programId)))
    .for("update");
  return row ?? null;
}

export async function setProgramRetired(tx: Transaction, tenant: TenantContext, programId: string, at: Date | null) {
  await tx
    .update(programs)
    .set({ retiredAt: at })
    .where(and(eq(programs.orgId, tenant.orgId), eq(programs.id, programId)));
}

/** A program's questions are replaced as a set: codes stay stable, so answers already given keep their meaning. */
export async function replaceKnockoutQuestions(
  tx: Transaction,
  tenant: TenantContext,
  programId: string,
  questions: readonly KnockoutQuestion[],
) {
  const existing = await tx
    .select({ id: underwritingRules.id, code: underwritingRules.code })
    .from(underwritingRules)
    .where(and(eq(underwritingRules.orgId, tenant.orgId), eq(underwritingRules.programId, programId)));
  const keep = new Set(questions.map((q) => q.code));
  const gone = existing.filter((r) => !keep.has(r.code)).map((r) => r.id);
  if (gone.length)
    await tx
      .delete(underwritingRules)
      .where(and(eq(underwritingRules.orgId, tenant.orgId), inArray(underwritingRules.id, gone)));
  const byCode = new Map(existing.map((r) => [r.code, r.id]));
  for (const [position, q] of questions.entries()) {
    const id = byCode.get(q.code);
    if (id) {
      await tx
        .update(underwritingRules)
        .set({ ...q, position })
        .where(and(eq(underwritingRules.orgId, tenant.orgId), eq(underwritingRules.id, id)));
    } else {
      await tx
        .insert(underwritingRules)
        .values({ id: createId("uwr"), orgId: tenant.orgId, programId, position, ...q });
    }
  }
}

export type RateTableVersionRow = typeof rateTables.$inferSelect;

export async function listRateTableVersions(db: Database | Transaction, tenant: TenantContext, programId: string) {
  return db
    .select({
      id: rateTables.id,
      version: rateTables.version,
      status: rateTables.status,
      effectiveDate: rateTables.effectiveDate,
      activatedAt: rateTables.activatedAt,
      createdAt: rateTables.createdAt,
    })
    .from(rateTables)
    .where(and(eq(rateTables.orgId, tenant.orgId), eq(rateTables.programId, programId)))
    .orderBy(desc(rateTables.effectiveDate), desc(rateTables.createdAt));
}

export async function findRateTableVersion(db: Database | Transaction, tenant: TenantContext, versionId: string) {
  const [row] = await db
    .select()
    .from(rateTables)
    .where(and(eq(rateTables.orgId, tenant.orgId), eq(rateTables.id, versionId)))
    .limit(1);
  return row ?? null;
}

export async function lockRateTableVersion(tx: Transaction, tenant: TenantContext, versionId: string) {
  const [row] = await tx
    .select()
    .from(rateTables)
    .where(and(eq(rateTables.orgId, tenant.orgId), eq(rateTables.id, versionId)))
    .for("update");
  return row ?? null;
}

export async function findRateTableVersionByName(
  db: Database | Transaction,
  tenant: TenantContext,
  programId: string,
  version: string,
) {
  const [row] = await db
    .select({ id: rateTables.id })
    .from(rateTables)
    .where(
      and(eq(rateTables.orgId, tenant.orgId), eq(rateTables.programId, programId), eq(rateTables.version, version)),
    )
    .limit(1);
  return row ?? null;
}

export async function insertRateTableDraft(
  tx: Transaction,
  tenant: TenantContext,
  draft: { programId: string; version: string; effectiveDate: string; definition: Record<string, unknown> },
): Promise<string> {
  const id = createId("rt");
  await tx.insert(rateTables).values({ id, orgId: tenant.orgId, status: "draft", ...draft });
  return id;
}

/** Writes a draft only while it is still a draft: an active version is never changed, even by a race. */
export async function updateRateTableDraft(
  tx: Transaction,
  tenant: TenantContext,
  versionId: string,
  changes: { effectiveDate?: string; definition?: Record<string, unknown> },
): Promise<boolean> {
  const result = await tx
    .update(rateTables)
    .set(changes)
    .where(and(eq(rateTables.orgId, tenant.orgId), eq(rateTables.id, versionId), eq(rateTables.status, "draft")));
  return Number(result.rowsAffected) === 1;
}

export async function activateRateTableDraft(
  tx: Transaction,
  tenant: TenantContext,
  versionId: string,
  definition: Record<string, unknown>,
): Promise<boolean> {
  const result = await tx
    .update(rateTables)
    .set({ status: "active", activatedAt: new Date(), definition })
    .where(and(eq(rateTables.orgId, tenant.orgId), eq(rateTables.id, versionId), eq(rateTables.status, "draft")));
  return Number(result.rowsAffected) === 1;
}

export async function deleteRateTableDraft(tx: Transaction, tenant: TenantContext, versionId: string) {
  const result = await tx
    .delete(rateTables)
    .where(and(eq(rateTables.orgId, tenant.orgId), eq(rateTables.id, versionId), eq(rateTables.status, "draft")));
  return Number(result.rowsAffected) === 1;
}

/** What rating reads of one in-force policy, with the premium it carries now. */
export type BookPolicyFacts = {
  id: string;
  grossPremiumCents: number;
  aggregateLimitCents: number | null;
  state: string;
  naicsCode: string;
  annualRevenueCents: number | null;
  payrollCents: number | null;
  requestedLimitCents: number;
  deductibleCents: number;
  effectiveDate: string;
  termMonths: number;
  priorLossCount: number;
  priorLossIncurredCents: number;
  yearsInBusiness: string | null;
};

const FIELD_SEPARATOR = "|";
const nullable = (value: string | undefined) => (value === undefined || value === "" ? null : value);

/**
 * One chunk of a program's in-force book with the facts rating reads, policies with ids after
 * `afterId` in id order: rate impact walks the book chunk by chunk in a handful of queries, never
 * one per policy. Each row's facts come packed in one text column: a 100,000-policy book is
 * then 100,000 values to encode and decode rather than 1,500 (the driver's per-field work
 * dominated the measurement). Policies bound without a submission (none today) are left out.
 * The insured's years in business are a lookup by primary key, not a join: joined, MariaDB
 * started from the organization's few insureds and sorted the whole book again for every chunk
 * (1.3 s a chunk at 100,000 policies); without it the (org, program) index yields the book in id
 * order and each chunk is a range read.
 */
export async function inForceBookChunk(
  db: Database,
  tenant: TenantContext,
  programId: string,
  afterId: string,
  limit: number,
): Promise<BookPolicyFacts[]> {
  const packed = sql<string>`concat_ws(${FIELD_SEPARATOR}, ${policies.id}, ${policies.grossPremiumCents},
    ifnull(${policies.aggregateLimitCents}, ''), ${submissions.state}, ${submissions.naicsCode},
    ifnull(${submissions.annualRevenueCents}, ''), ifnull(${submissions.payrollCents}, ''),
    ${submissions.requestedLimitCents}, ${submissions.deductibleCents}, ${policies.effectiveDate},
    ${submissions.termMonths}, ${submissions.priorLossCount}, ${submissions.priorLossIncurredCents},
    ifnull((select ${insureds.yearsInBusiness} from ${insureds}
      where ${insureds.orgId} = ${policies.orgId} and ${insureds.id} = ${policies.insuredId}), ''))`;
  const rows = await db
    .select({ packed })
    .from(policies)
    .innerJoin(submissions, and(eq(submissions.orgId, policies.orgId), eq(submissions.id, policies.submissionId)))
    .where(
      and(
        eq(policies.orgId, tenant.orgId),
        eq(policies.programId, programId),
        inArray(policies.status, ["bound", "issued", "active"]),
        gt(policies.id, afterId),
      ),
    )
    .orderBy(asc(policies.id))
    .limit(limit);
  return rows.map(({ packed: text }) => {
    const f = text.split(FIELD_SEPARATOR);
    const aggregate = nullable(f[2]);
    const revenue = nullable(f[5]);
    const payroll = nullable(f[6]);
    return {
      id: f[0]!,
      grossPremiumCents: Number(f[1]),
      aggregateLimitCents: aggregate === null ? null : Number(aggregate),
      state: f[3]!,
      naicsCode: f[4]!,
      annualRevenueCents: revenue === null ? null : Number(revenue),
      payrollCents: payroll === null ? null : Number(payroll),
      requestedLimitCents: Number(f[7]),
      deductibleCents: Number(f[8]),
      effectiveDate: f[9]!,
      termMonths: Number(f[10]),
      priorLossCount: Number(f[11]),
      priorLossIncurredCents: Number(f[12]),
      yearsInBusiness: nullable(f[13]),
    };
  });
}

/** Programs taking submissions, with carrier: what an integration may file against. */
export async function listWritingPrograms(db: Database, tenant: TenantContext) {
  return db
    .select({ program: programs, carrierName: carriers.name })
    .from(programs)
    .innerJoin(carriers, and(eq(carriers.orgId, programs.orgId), eq(carriers.id, programs.carrierId)))
    .where(and(eq(programs.orgId, tenant.orgId), isNull(programs.retiredAt)))
    .orderBy(asc(programs.createdAt), asc(programs.id));
}

/** Every program's active versions effective on or before a date, latest first per program. */
export async function listActiveVersionsUpTo(db: Database, tenant: TenantContext, onDate: string) {
  return db
    .select({ programId: rateTables.programId, definition: rateTables.definition, version: rateTables.version })
    .from(rateTables)
    .where(
      and(eq(rateTables.orgId, tenant.orgId), eq(rateTables.status, "active"), lte(rateTables.effectiveDate, onDate)),
    )
    .orderBy(asc(rateTables.programId), desc(rateTables.effectiveDate));
}

/** Versions a new draft of a program may start from: every version of the organization's programs of that line. */
export async function listVersionsForLine(db: Database, tenant: TenantContext, lineOfBusiness: LineOfBusiness) {
  return db
    .select({ id: rateTables.id, version: rateTables.version, status: rateTables.status, programName: programs.name })
    .from(rateTables)
    .innerJoin(programs, and(eq(programs.orgId, rateTables.orgId), eq(programs.id, rateTables.programId)))
    .where(and(eq(rateTables.orgId, tenant.orgId), eq(programs.lineOfBusiness, lineOfBusiness)))
    .orderBy(asc(programs.name), desc(rateTables.effectiveDate));
}
