import { and, desc, eq, gte, inArray, lte, gt, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  agencies,
  authorityProfiles,
  daAgreements,
  installments,
  insureds,
  invoices,
  ledgerBooks,
  policies,
  policyTransactions,
  producerLicences,
  programs,
  quoteOptions,
  quotes,
  rateTables,
  referrals,
  submissionDeclinations,
  submissions,
  user,
  userAuthority,
} from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import { visibleSubmissions } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";
import { programIdOf, type ProgramKey } from "./programs.server.ts";

// The bind workflow's reads and writes. Every function takes the database or the bind's
// transaction and the caller's organization; the two locks say what they protect by name.

type Executor = Database | Transaction;

const licenceColumns = {
  state: producerLicences.state,
  licenceNumber: producerLicences.licenceNumber,
  lines: producerLicences.lines,
  effectiveOn: producerLicences.effectiveOn,
  expiresOn: producerLicences.expiresOn,
};

/** Policy statuses that hold cover (a bound policy counts before it is issued). */
const IN_FORCE_STATUSES = ["bound", "issued", "active"] as const;

/**
 * Locks the quote option with its quote and submission, as the user may see them. The first
 * statement of a bind: concurrent binds of one quote queue here, and the later ones find it bound.
 */
export async function lockQuoteOptionForBind(tx: Transaction, tenant: TenantContext, quoteOptionId: string) {
  const [row] = await tx
    .select({ option: quoteOptions, quote: quotes, submission: submissions })
    .from(quoteOptions)
    .innerJoin(quotes, and(eq(quotes.orgId, quoteOptions.orgId), eq(quotes.id, quoteOptions.quoteId)))
    .innerJoin(submissions, and(eq(submissions.orgId, quoteOptions.orgId), eq(submissions.id, quotes.submissionId)))
    .where(and(eq(quoteOptions.orgId, tenant.orgId), visibleSubmissions(tenant), eq(quoteOptions.id, quoteOptionId)))
    .limit(1)
    .for("update");
  return row;
}

export type LockedQuoteOption = NonNullable<Awaited<ReturnType<typeof lockQuoteOptionForBind>>>;

/** The active quote of a submission, if any (the one a stale page should have shown). */
export async function findActiveQuoteId(db: Executor, orgId: string, submissionId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: quotes.id })
    .from(quotes)
    .where(and(eq(quotes.orgId, orgId), eq(quotes.submissionId, submissionId), eq(quotes.status, "active")))
    .orderBy(desc(quotes.createdAt))
    .limit(1);
  return row?.id ?? null;
}

export async function findPolicyOfSubmission(db: Executor, orgId: string, submissionId: string) {
  const [row] = await db
    .select({
      id: policies.id,
      policyNumber: policies.policyNumber,
      quoteOptionId: policies.quoteOptionId,
      installmentPlan: policies.installmentPlan,
    })
    .from(policies)
    .where(and(eq(policies.orgId, orgId), eq(policies.submissionId, submissionId)))
    .limit(1);
  return row;
}

/** Records the admitted carriers that declined the risk (the surplus lines diligent search). */
export async function insertDeclinations(
  db: Executor,
  orgId: string,
  submissionId: string,
  carrierNames: readonly string[],
  declinedOn: string,
) {
  if (carrierNames.length === 0) return;
  await db.insert(submissionDeclinations).values(
    carrierNames.map((carrierName) => ({
      id: createId("dcl"),
      orgId,
      submissionId,
      carrierName,
      declinedOn,
      reason: "Declined by admitted market",
    })),
  );
}

/**
 * What a bind reads about the quote option before its transaction locks anything, in one query:
 * the submission's keys (to lock its DA agreement alongside the option), its program, insured
 * and rate table, and the commission rates. None of it is what the locks protect: the locked
 * option, quote and submission rows are read again under the lock, and the counts after it.
 */
export async function readBindTermsOfOption(db: Executor, tenant: TenantContext, quoteOptionId: string) {
  const [row] = await db
    .select({
      submissionId: submissions.id,
      programId: submissions.programId,
      effectiveDate: submissions.effectiveDate,
      program: programs,
      insured: insureds,
      rateTableId: rateTables.id,
      // The checks need one flag of the rate table, not the table: it stays in the database.
      surplusLines: sql<string | null>`JSON_UNQUOTE(JSON_EXTRACT(${rateTables.definition}, '$.surplusLines'))`,
      producerCommissionRate: agencies.commissionRate,
      mgaCommissionRate: ledgerBooks.mgaCommissionRate,
    })
    .from(quoteOptions)
    .innerJoin(quotes, and(eq(quotes.orgId, quoteOptions.orgId), eq(quotes.id, quoteOptions.quoteId)))
    .innerJoin(submissions, and(eq(submissions.orgId, quoteOptions.orgId), eq(submissions.id, quotes.submissionId)))
    .leftJoin(programs, and(eq(programs.orgId, submissions.orgId), eq(programs.id, submissions.programId)))
    .leftJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .leftJoin(rateTables, and(eq(rateTables.orgId, quotes.orgId), eq(rateTables.id, quotes.rateTableId)))
    .leftJoin(agencies, and(eq(agencies.orgId, submissions.orgId), eq(agencies.id, submissions.agencyId)))
    .leftJoin(ledgerBooks, eq(ledgerBooks.orgId, submissions.orgId))
    .where(and(eq(quoteOptions.orgId, tenant.orgId), visibleSubmissions(tenant), eq(quoteOptions.id, quoteOptionId)))
    .limit(1);
  return row;
}

/**
 * The producer of record's name with their licences in the risk's state (none: one row of
 * nulls), found from the quote option in the same query. An API key binds for its agency, whose
 * entity licence (no producer) is the one that counts.
 */
export async function readProducerOfOption(db: Executor, tenant: TenantContext, quoteOptionId: string) {
  const byApiKey = sql`${submissions.producerUserId} LIKE 'apikey:%'`;
  const rows = await db
    .select({
      name: sql<string | null>`CASE WHEN ${byApiKey} THEN ${agencies.name} ELSE ${user.name} END`,
      ...licenceColumns,
    })
    .from(quoteOptions)
    .innerJoin(quotes, and(eq(quotes.orgId, quoteOptions.orgId), eq(quotes.id, quoteOptions.quoteId)))
    .innerJoin(submissions, and(eq(submissions.orgId, quoteOptions.orgId), eq(submissions.id, quotes.submissionId)))
    .leftJoin(agencies, and(eq(agencies.orgId, submissions.orgId), eq(agencies.id, submissions.agencyId)))
    .leftJoin(user, eq(user.id, submissions.producerUserId))
    .leftJoin(
      producerLicences,
      and(
        eq(producerLicences.orgId, submissions.orgId),
        eq(producerLicences.state, submissions.state),
        sql`(CASE WHEN ${byApiKey}
          THEN ${producerLicences.agencyId} = ${submissions.agencyId} AND ${producerLicences.producerUserId} IS NULL
          ELSE ${producerLicences.producerUserId} = ${submissions.producerUserId} END)`,
      ),
    )
    .where(and(eq(quoteOptions.orgId, tenant.orgId), visibleSubmissions(tenant), eq(quoteOptions.id, quoteOptionId)));
  return {
    name: rows[0]?.name ?? "The producer of record",
    licences: rows.flatMap((r) =>
      r.state && r.licenceNumber && r.lines && r.effectiveOn && r.expiresOn
        ? [
            {
              state: r.state,
              licenceNumber: r.licenceNumber,
              lines: r.lines,
              effectiveOn: r.effectiveOn,
              expiresOn: r.expiresOn,
            },
          ]
        : [],
    ),
  };
}

/**
 * What the checks read about the submission under the bind's locks: the diligent-search
 * declinations (this request's included) and the referrals.
 */
export async function readSubmissionBindRecords(tx: Executor, orgId: string, submissionId: string) {
  const [declinations, submissionReferrals] = await Promise.all([
    tx
      .select()
      .from(submissionDeclinations)
      .where(and(eq(submissionDeclinations.orgId, orgId), eq(submissionDeclinations.submissionId, submissionId))),
    tx
      .select()
      .from(referrals)
      .where(and(eq(referrals.orgId, orgId), eq(referrals.submissionId, submissionId))),
  ]);
  return { declinations, referrals: submissionReferrals };
}

/** The authority profile a user binds under, if they have one. */
export async function findAuthorityProfile(db: Executor, orgId: string, userId: string) {
  const [row] = await db
    .select({ tier: authorityProfiles.tier, grants: authorityProfiles.grants })
    .from(userAuthority)
    .innerJoin(
      authorityProfiles,
      and(eq(authorityProfiles.orgId, userAuthority.orgId), eq(authorityProfiles.id, userAuthority.profileId)),
    )
    .where(and(eq(userAuthority.orgId, orgId), eq(userAuthority.userId, userId)));
  return row;
}

/**
 * The program's agreements, the one in force on `effectiveDate` first (an active one before a
 * suspended one); when none covers the date, the nearest, so the checks can say why it does not.
 */
function agreementForDate(orgId: string, program: ProgramKey, effectiveDate: string) {
  const covers = and(lte(daAgreements.effectiveDate, effectiveDate), gte(daAgreements.expirationDate, effectiveDate));
  return {
    where: and(eq(daAgreements.orgId, orgId), eq(daAgreements.programId, programIdOf(orgId, program))),
    order: [
      sql`case when ${covers} then 0 else 1 end`,
      sql`case when ${daAgreements.status} = 'active' then 0 else 1 end`,
      sql`abs(datediff(${daAgreements.effectiveDate}, ${effectiveDate}))`,
      daAgreements.id,
    ],
  };
}

/** The DA agreement in force on a policy's effective date, read without a lock (quoting). */
export async function findDaAgreementInForce(db: Executor, orgId: string, program: ProgramKey, effectiveDate: string) {
  const { where, order } = agreementForDate(orgId, program, effectiveDate);
  const [row] = await db
    .select()
    .from(daAgreements)
    .where(where)
    .orderBy(...order)
    .limit(1);
  return row;
}

/**
 * Quote time, without locks: `findDaAgreementInForce` with, in the same query, the count of
 * `countInsuredPoliciesInForce` for the insured under that agreement (one round trip, not two).
 */
export async function findDaAgreementInForceWithInsuredCount(
  db: Executor,
  orgId: string,
  risk: { programId: string; insuredId: string; effectiveDate: string },
) {
  const { where, order } = agreementForDate(orgId, risk.programId, risk.effectiveDate);
  const inForce = sql.join(
    IN_FORCE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const [row] = await db
    .select({
      agreement: daAgreements,
      // Qualified by hand: in a one-table select drizzle renders columns bare, and a bare name in
      // the subquery would resolve to `policies`.
      insuredPolicyCount:
        sql<number>`(SELECT COUNT(*) FROM ${policies} WHERE ${sql.raw("`policies`.`org_id`")} = ${orgId}
        AND ${sql.raw("`policies`.`insured_id`")} = ${risk.insuredId}
        AND ${sql.raw("`policies`.`program_id` = `da_agreements`.`program_id`")}
        AND ${sql.raw("`policies`.`status`")} IN (${inForce})
        AND ${sql.raw("`policies`.`effective_date` >= `da_agreements`.`effective_date`")}
        AND ${sql.raw("`policies`.`effective_date` <= `da_agreements`.`expiration_date`")}
        AND ${sql.raw("`policies`.`expiration_date`")} > ${risk.effectiveDate})`.mapWith(Number),
    })
    .from(daAgreements)
    .where(where)
    .orderBy(...order)
    .limit(1);
  return row;
}

/**
 * Locks the DA agreement in force on the effective date, so the aggregate counter, the
 * insured's policy count and the quarter's premium cannot change under a bind that reads them.
 * Take it before the transaction's first plain read: under REPEATABLE READ that read fixes the
 * snapshot, which must include every bind under the agreement that committed before the lock.
 */
export async function lockDaAgreementForBind(tx: Transaction, orgId: string, programId: string, effectiveDate: string) {
  const { where, order } = agreementForDate(orgId, programId, effectiveDate);
  const [row] = await tx
    .select()
    .from(daAgreements)
    .where(where)
    .orderBy(...order)
    .limit(1)
    .for("update");
  return row;
}

type AgreementScope = { programId: string; effectiveDate: string; expirationDate: string };

/**
 * Policies the insured holds under the agreement (its program, incepting within its term) that
 * are still in force on `onDate`. A bind reads it after `lockDaAgreementForBind` (see there).
 */
export async function countInsuredPoliciesInForce(
  db: Executor,
  orgId: string,
  insuredId: string,
  agreement: AgreementScope,
  onDate: string,
) {
  const rows = await db
    .select({ id: policies.id })
    .from(policies)
    .where(
      and(
        eq(policies.orgId, orgId),
        eq(policies.insuredId, insuredId),
        eq(policies.programId, agreement.programId),
        inArray(policies.status, [...IN_FORCE_STATUSES]),
        gte(policies.effectiveDate, agreement.effectiveDate),
        lte(policies.effectiveDate, agreement.expirationDate),
        gt(policies.expirationDate, onDate),
      ),
    );
  return rows.length;
}

/**
 * Gross premium of the program's policies bound from `start` (included) to `end` (excluded),
 * by the day they were bound: the quarter-to-date figure of a quarterly GWP limit. Cancelled
 * policies stay counted, as they do in the agreement's bound GWP.
 */
export async function boundGwpBetween(db: Executor, orgId: string, programId: string, start: string, end: string) {
  const rows = await db
    .select({ premium: policies.grossPremiumCents })
    .from(policies)
    .where(
      and(
        eq(policies.orgId, orgId),
        eq(policies.programId, programId),
        sql`${policies.createdAt} >= ${start}`,
        sql`${policies.createdAt} < ${end}`,
      ),
    );
  return rows.reduce((sum, r) => sum + r.premium, 0);
}

export async function findPendingReferralId(
  db: Executor,
  orgId: string,
  submissionId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.orgId, orgId), eq(referrals.submissionId, submissionId), eq(referrals.status, "pending")))
    .limit(1);
  return row?.id;
}

export type NewPolicy = typeof policies.$inferInsert;
export type NewPolicyTransaction = typeof policyTransactions.$inferInsert;
export type NewInstallment = Omit<typeof installments.$inferInsert, "orgId" | "policyId" | "id" | "invoiceId">;

/** The policy and its first transaction, sent together. */
export async function insertPolicy(tx: Transaction, policy: NewPolicy, firstTransaction: NewPolicyTransaction) {
  await Promise.all([tx.insert(policies).values(policy), tx.insert(policyTransactions).values(firstTransaction)]);
}

/** The billing schedule: the first installment is invoiced at once, the rest wait their turn. */
export async function insertBillingSchedule(
  tx: Transaction,
  orgId: string,
  policyId: string,
  firstInvoice: { invoiceNumber: string; dueDate: string; amountCents: number },
  schedule: readonly NewInstallment[],
) {
  const firstInvoiceId = createId("inv");
  // The ids are ours, so the invoice and its installments go out together.
  await Promise.all([
    tx.insert(invoices).values({ id: firstInvoiceId, orgId, policyId, status: "invoiced", ...firstInvoice }),
    tx.insert(installments).values(
      schedule.map((i) => ({
        ...i,
        id: createId("ins"),
        orgId,
        policyId,
        invoiceId: i.number === 1 ? firstInvoiceId : null,
      })),
    ),
  ]);
}

/**
 * The bind's bookkeeping in one set-based statement: the quote and the submission become bound
 * and the agreement's bound premium grows by the policy's. All three rows are known to exist
 * (the quote option and the agreement are locked by this transaction).
 */
export async function markBound(
  tx: Transaction,
  orgId: string,
  bound: { quoteId: string; submissionId: string; agreementId: string; grossPremiumCents: number },
) {
  await tx.execute(sql`
    UPDATE ${quotes}, ${submissions}, ${daAgreements}
    SET ${quotes.status} = 'bound', ${submissions.status} = 'bound', ${submissions.updatedAt} = ${new Date()},
      ${daAgreements.boundGwpCents} = ${daAgreements.boundGwpCents} + ${bound.grossPremiumCents}
    WHERE ${quotes.orgId} = ${orgId} AND ${quotes.id} = ${bound.quoteId}
      AND ${submissions.orgId} = ${orgId} AND ${submissions.id} = ${bound.submissionId}
      AND ${daAgreements.orgId} = ${orgId} AND ${daAgreements.id} = ${bound.agreementId}`);
}
