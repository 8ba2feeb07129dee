import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  activateRateTableDraft,
  findRateTableVersion,
  findRateTableVersionByName,
  inForceBookChunk,
  insertRateTableDraft,
  listRateTableVersions,
  lockProgram,
  lockRateTableVersion,
  updateRateTableDraft,
} from "../../models/program-config.server.ts";
import { findTaxTableInForce } from "../../models/rate-tables.server.ts";
import { toCents } from "../../utils/money.ts";
import { compileRateTable, compileTaxTable } from "../rating/compile.ts";
import { rateQuote } from "../rating/engine.ts";
import type { RateTableJson } from "../rating/schema.ts";
import type { RatedQuote, SubmissionFacts } from "../rating/types.ts";
import { submissionFacts } from "../underwriting/quote-option-row.ts";
import { addToImpact, emptyImpact, type BookPolicy, type RateImpact } from "./rate-impact.ts";
import { type ImportRowError, importFactorTables } from "./rate-table-import.ts";
import { activationProblems, editProblem, stampVersion } from "./rate-table-versions.ts";

export type DraftOutcome =
  | { ok: true; versionId: string }
  | { ok: false; reason: "not_found" | "duplicate_version" | "not_draft"; message: string };

/**
 * A new draft, copied from an existing version of the program (usually the active one): every
 * change to rates starts as a draft and never touches what quotes already pinned.
 */
export async function startRateTableDraft(
  db: Database,
  tenant: TenantContext,
  input: { programId: string; fromVersionId: string; version: string; effectiveDate: string },
): Promise<DraftOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const program = await lockProgram(tx, tenant, input.programId);
    const source = await findRateTableVersion(tx, tenant, input.fromVersionId);
    const sourceDefinition = source?.definition as RateTableJson | undefined;
    // Any version of a program of the same line: a new program starts from a sibling's rates.
    if (!program || !sourceDefinition || sourceDefinition.lineOfBusiness !== program.lineOfBusiness)
      return { ok: false, reason: "not_found", message: "Version not found" } as const;
    if (await findRateTableVersionByName(tx, tenant, program.id, input.version))
      return {
        ok: false,
        reason: "duplicate_version",
        message: `Version ${input.version} already exists for this program`,
      } as const;
    const definition = stampVersion(
      { ...sourceDefinition, id: program.id, program: program.id },
      input.version,
      input.effectiveDate,
    );
    const versionId = await insertRateTableDraft(tx, tenant, {
      programId: program.id,
      version: input.version,
      effectiveDate: input.effectiveDate,
      definition: definition as Record<string, unknown>,
    });
    return { ok: true, versionId } as const;
  });
}

export type ImportOutcome =
  | { ok: true; tables: Record<string, number> }
  | { ok: false; errors: ImportRowError[] }
  | { ok: false; reason: "not_found" | "not_draft"; message: string };

/** Imports factor tables into a draft: all of the file or, on any error, none of it. */
export async function importIntoDraft(
  db: Database,
  tenant: TenantContext,
  versionId: string,
  sheet: readonly (readonly string[])[],
): Promise<ImportOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const row = await lockRateTableVersion(tx, tenant, versionId);
    if (!row) return { ok: false, reason: "not_found", message: "Version not found" } as const;
    const problem = editProblem(row.status);
    if (problem) return { ok: false, reason: "not_draft", message: problem } as const;
    const result = importFactorTables(row.definition as RateTableJson, sheet);
    if (!result.ok) return { ok: false, errors: result.errors } as const;
    await updateRateTableDraft(tx, tenant, versionId, { definition: result.definition as Record<string, unknown> });
    return { ok: true, tables: result.tables } as const;
  });
}

export async function setDraftEffectiveDate(
  db: Database,
  tenant: TenantContext,
  versionId: string,
  effectiveDate: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return transactionWithRetry(db, async (tx) => {
    const row = await lockRateTableVersion(tx, tenant, versionId);
    if (!row) return { ok: false, message: "Version not found" };
    const problem = editProblem(row.status);
    if (problem) return { ok: false, message: problem };
    const definition = stampVersion(row.definition as RateTableJson, row.version, effectiveDate);
    await updateRateTableDraft(tx, tenant, versionId, {
      effectiveDate,
      definition: definition as Record<string, unknown>,
    });
    return { ok: true };
  });
}

export type ActivationOutcome = { ok: true } | { ok: false; problems: string[] };

/**
 * Activates a draft. The program row is locked so two activations of one program cannot both
 * pass the "no other version on this date" check.
 */
export async function activateRateTable(
  db: Database,
  tenant: TenantContext,
  versionId: string,
  today: string,
): Promise<ActivationOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const row = await findRateTableVersion(tx, tenant, versionId);
    if (!row) return { ok: false, problems: ["Version not found"] };
    await lockProgram(tx, tenant, row.programId);
    const draft = await lockRateTableVersion(tx, tenant, versionId);
    if (!draft) return { ok: false, problems: ["Version not found"] };
    const others = await listRateTableVersions(tx, tenant, draft.programId);
    const definition = draft.definition as RateTableJson;
    const problems = activationProblems({ ...draft, definition }, others, today);
    if (problems.length) return { ok: false, problems };
    const stamped = stampVersion(definition, draft.version, draft.effectiveDate);
    if (!(await activateRateTableDraft(tx, tenant, versionId, stamped as Record<string, unknown>)))
      return { ok: false, problems: ["The version changed while activating; try again."] };
    return { ok: true };
  });
}

export type TestRateOutcome = { ok: true; quote: RatedQuote } | { ok: false; message: string };

/** Rates a sample risk on any version (drafts included) with the full step trail. */
export async function testRate(
  db: Database,
  tenant: TenantContext,
  versionId: string,
  facts: Omit<SubmissionFacts, "lineOfBusiness" | "effectiveDate">,
): Promise<TestRateOutcome> {
  const row = await findRateTableVersion(db, tenant, versionId);
  if (!row) return { ok: false, message: "Version not found" };
  const [taxRow] = await Promise.all([findTaxTableInForce(db, tenant, row.effectiveDate)]);
  if (!taxRow) return { ok: false, message: `No surplus lines tax table is in force on ${row.effectiveDate}.` };
  const rateTable = compileRateTable(stampVersion(row.definition as RateTableJson, row.version, row.effectiveDate));
  if (!rateTable.ok) return { ok: false, message: rateTable.error.message };
  const taxTable = compileTaxTable(taxRow.definition);
  if (!taxTable.ok) return { ok: false, message: taxTable.error.message };
  const result = rateQuote({
    submission: { ...facts, lineOfBusiness: rateTable.value.lineOfBusiness, effectiveDate: row.effectiveDate },
    schedule: [],
    rateTable: rateTable.value,
    taxTable: taxTable.value,
  });
  return result.ok ? { ok: true, quote: result.value } : { ok: false, message: result.error.message };
}

/** Policies read per query while measuring rate impact. */
export const IMPACT_CHUNK = 10_000;

export type RateImpactOutcome =
  | { ok: true; impact: RateImpact; effectiveDate: string }
  | { ok: false; message: string };

/**
 * Re-rates the program's in-force book on a version, chunk by chunk in id order (one query per
 * 10,000 policies, the next chunk read while the current one is rated), and summarises how the
 * premiums would move.
 */
export async function measureRateImpact(
  db: Database,
  tenant: TenantContext,
  versionId: string,
): Promise<RateImpactOutcome> {
  const row = await findRateTableVersion(db, tenant, versionId);
  if (!row) return { ok: false, message: "Version not found" };
  const taxRow = await findTaxTableInForce(db, tenant, row.effectiveDate);
  if (!taxRow) return { ok: false, message: `No surplus lines tax table is in force on ${row.effectiveDate}.` };
  const rateTable = compileRateTable(stampVersion(row.definition as RateTableJson, row.version, row.effectiveDate));
  if (!rateTable.ok) return { ok: false, message: rateTable.error.message };
  const taxTable = compileTaxTable(taxRow.definition);
  if (!taxTable.ok) return { ok: false, message: taxTable.error.message };
  const tables = { rateTable: rateTable.value, taxTable: taxTable.value, effectiveDate: row.effectiveDate };

  const impact = emptyImpact();
  let next = inForceBookChunk(db, tenant, row.programId, "", IMPACT_CHUNK);
  for (;;) {
    const chunk = await next;
    if (chunk.length === IMPACT_CHUNK)
      next = inForceBookChunk(db, tenant, row.programId, chunk.at(-1)!.id, IMPACT_CHUNK);
    const book: BookPolicy[] = chunk.map((p) => ({
      currentPremiumCents: p.grossPremiumCents,
      facts: submissionFacts(
        { ...p, lineOfBusiness: rateTable.value.lineOfBusiness },
        {
          aggregateLimit: toCents(p.aggregateLimitCents ?? p.requestedLimitCents),
          yearsInBusiness: p.yearsInBusiness,
        },
      ),
    }));
    addToImpact(impact, book, tables);
    if (chunk.length < IMPACT_CHUNK) break;
  }
  return { ok: true, impact, effectiveDate: row.effectiveDate };
}
