import { and, desc, eq, gte, inArray, isNull, lte, gt, sql } from "drizzle-orm";
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
    .select({ id: policies.id, policyNumber: policies.policyNumber, quoteOptionId: policies.quoteOptionId })
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

/** What the pre-bind checks read about the submission besides the DA agreement. */
export async function readBindFacts(
  tx: Executor,
  orgId: string,
  ids: {
    programId: string;
    insuredId: string;
    rateTableId: string;
    submissionId: string;
    agencyId: string;
    producerUserId: string;
    state: string;
  },
) {
  const [[program], [insured], [rateTable], declinations, submissionReferrals, [agency], [book], producerRows] =
    await Promise.all([
      tx
        .select()
        .from(programs)
        .where(and(eq(programs.orgId, orgId), eq(programs.id, ids.programId))),
      tx
        .select()
        .from(insureds)
        .where(and(eq(insureds.orgId, orgId), eq(insureds.id, ids.insuredId))),
      tx
        .select({ definition: rateTables.definition })
        .from(rateTables)
        .where(and(eq(rateTables.orgId, orgId), eq(rateTables.id, ids.rateTableId))),
      tx
        .select()
        .from(submissionDeclinations)
        .where(and(eq(submissionDeclinations.orgId, orgId), eq(submissionDeclinations.submissionId, ids.submissionId))),
      tx
        .select()
        .from(referrals)
        .where(and(eq(referrals.orgId, orgId), eq(referrals.submissionId, ids.submissionId))),
      tx
        .select({ commissionRate: agencies.commissionRate })
        .from(agencies)
        .where(and(eq(agencies.orgId, orgId), eq(agencies.id, ids.agencyId))),
      tx
        .select({ mgaCommissionRate: ledgerBooks.mgaCommissionRate })
        .from(ledgerBooks)
        .where(eq(ledgerBooks.orgId, orgId)),
      // The producer's name with their licences in the risk's state (none: one row of nulls). An
      // API key binds for its agency, whose entity licence (no producer) is the one that counts.
      ids.producerUserId.startsWith("apikey:")
        ? tx
            .select({ name: agencies.name, ...licenceColumns })
            .from(agencies)
            .leftJoin(
              producerLicences,
              and(
                eq(producerLicences.orgId, orgId),
                eq(producerLicences.agencyId, agencies.id),
                isNull(producerLicences.producerUserId),
                eq(producerLicences.state, ids.state),
              ),
            )
            .where(and(eq(agencies.orgId, orgId), eq(agencies.id, ids.agencyId)))
        : tx
            .select({ name: user.name, ...licenceColumns })
            .from(user)
            .leftJoin(
              producerLicences,
              and(
                eq(producerLicences.orgId, orgId),
                eq(producerLicences.producerUserId, user.id),
                eq(producerLicences.state, ids.state),
              ),
            )
            .where(eq(user.id, ids.producerUserId)),
    ]);
  return {
    program,
    insured,
    rateTable,
    declinations,
    referrals: submissionReferrals,
    producerCommissionRate: agency?.commissionRate ?? null,
    mgaCommissionRate: book?.mgaCommissionRate ?? null,
    producer: {
      name: producerRows[0]?.name ?? "The producer of record",
      licences: producerRows.flatMap((r) =>
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
    },
  };
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
function agreementForDate(orgId: string, programId: string, effectiveDate: string) {
  const covers = and(lte(daAgreements.effectiveDate, effectiveDate), gte(daAgreements.expirationDate, effectiveDate));
  return {
    where: and(eq(daAgreements.orgId, orgId), eq(daAgreements.programId, programId)),
    order: [
      sql`case when ${covers} then 0 else 1 end`,
      sql`case when ${daAgreements.status} = 'active' then 0 else 1 end`,
      sql`abs(datediff(${daAgreements.effectiveDate}, ${effectiveDate}))`,
      daAgreements.id,
    ],
  };
}

/** The DA agreement in force on a policy's effective date, read without a lock (quoting). */
export async function findDaAgreementInForce(db: Executor, orgId: string, programId: string, effectiveDate: string) {
  const { where, order } = agreementForDate(orgId, programId, effectiveDate);
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
  await tx.insert(invoices).values({ id: firstInvoiceId, orgId, policyId, status: "invoiced", ...firstInvoice });
  await tx.insert(installments).values(
    schedule.map((i) => ({
      ...i,
      id: createId("ins"),
      orgId,
      policyId,
      invoiceId: i.number === 1 ? firstInvoiceId : null,
    })),
  );
}

/** Adds the bound premium to the agreement's counter (the row is locked by the bind). */
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
