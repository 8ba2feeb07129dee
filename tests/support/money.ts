// Test builders for money after bind: a fresh organization with a policy on an installment plan,
// its new-business transaction and its billing schedule (only the first installment invoiced,
// as bind leaves it), and more policy transactions as servicing would book them.
import type { Database } from "../../db/client.ts";
import {
  agencies,
  installments,
  invoices,
  organization,
  policies,
  policyTransactions,
  userAffiliations,
} from "../../db/schema/index.ts";
import type { TenantContext } from "../../app/auth/session.server.ts";
import { buildInstallments, type InstallmentPlan } from "../../app/services/billing/billing-schedule.ts";
import { transactionCommission } from "../../app/services/policies/policy-transactions.ts";
import type { BillingMethod, PolicyTransactionType } from "../../db/schema/index.ts";
import { createId } from "../../app/utils/ids.ts";
import { toCents } from "../../app/utils/money.ts";

export type MoneyBook = {
  orgId: string;
  agencyId: string;
  carrierId: string;
  finance: TenantContext;
  policyholder: TenantContext;
  agencyAdmin: TenantContext;
  policyholderUserId: string;
};

export async function createMoneyBook(db: Database, { commissionRate = "0.1500" } = {}): Promise<MoneyBook> {
  const orgId = createId("org");
  const agencyId = createId("agy");
  const carrierId = createId("car");
  await db.insert(organization).values({ id: orgId, name: `Money Test ${orgId}`, slug: orgId });
  await db
    .insert(agencies)
    .values({ id: agencyId, orgId, name: "Money Agency", licensedStates: ["TX"], commissionRate });
  const base = { orgId, orgName: `Money Test ${orgId}`, carrierId: null };
  const policyholderUserId = createId("usr");
  return {
    orgId,
    agencyId,
    carrierId,
    finance: { ...base, userId: createId("usr"), roles: ["finance_analyst"], agencyId: null, insuredId: null },
    policyholder: { ...base, userId: policyholderUserId, roles: ["policyholder"], agencyId: null, insuredId: null },
    agencyAdmin: { ...base, userId: createId("usr"), roles: ["agency_admin"], agencyId, insuredId: null },
    policyholderUserId,
  };
}

export type MoneyPolicy = { policyId: string; policyNumber: string; insuredId: string; firstInvoiceId: string };

/** A policy bound on `plan` effective `effectiveDate`, as bind writes it. */
export async function addPolicy(
  db: Database,
  book: MoneyBook,
  {
    plan = "QUARTERLY" as InstallmentPlan,
    effectiveDate = "2026-09-01",
    premiumCents = 1_236_400,
    feesCents = 25_000,
    taxesCents = 60_459,
    state = "TX",
    commissionRate = "0.1500",
    billingMethod = "direct" as BillingMethod,
  } = {},
): Promise<MoneyPolicy> {
  const policyId = createId("pol");
  const insuredId = createId("ins");
  const policyNumber = `MT-${policyId.slice(-8)}`;
  await db.insert(policies).values({
    id: policyId,
    orgId: book.orgId,
    policyNumber,
    insuredId,
    agencyId: book.agencyId,
    programId: "prg_test",
    carrierId: book.carrierId,
    lineOfBusiness: "GL",
    state,
    status: "active",
    effectiveDate,
    expirationDate: `${Number(effectiveDate.slice(0, 4)) + 1}${effectiveDate.slice(4)}`,
    grossPremiumCents: premiumCents,
    feesCents,
    taxesCents,
    installmentPlan: plan,
    billingMethod,
  });
  await addTransaction(db, book, policyId, {
    sequence: 1,
    type: "new_business",
    bookedOn: effectiveDate,
    premiumCents,
    feesCents,
    taxesCents,
    commissionRate,
  });
  await db
    .insert(userAffiliations)
    .values({ id: createId("aff"), orgId: book.orgId, userId: book.policyholderUserId, insuredId })
    .onDuplicateKeyUpdate({ set: { insuredId } });
  const schedule = buildInstallments(plan, {
    totalCents: toCents(premiumCents + feesCents + taxesCents),
    effectiveDate,
  });
  const firstInvoiceId = createId("inv");
  await db.insert(invoices).values({
    id: firstInvoiceId,
    orgId: book.orgId,
    invoiceNumber: `INV-T-${policyId.slice(-8)}`,
    policyId,
    dueDate: schedule[0]!.dueDate,
    amountCents: schedule[0]!.amountCents,
    status: "invoiced",
  });
  await db.insert(installments).values(
    schedule.map((i) => ({
      id: createId("ins"),
      orgId: book.orgId,
      policyId,
      number: i.number,
      dueDate: i.dueDate,
      shareCents: i.shareCents,
      feeCents: i.feeCents,
      amountCents: i.amountCents,
      status: i.number === 1 ? ("invoiced" as const) : ("pending" as const),
      invoiceId: i.number === 1 ? firstInvoiceId : null,
    })),
  );
  return { policyId, policyNumber, insuredId, firstInvoiceId };
}

/** A policy transaction as servicing books it (endorsement, cancellation: signed amounts); returns its id. */
export async function addTransaction(
  db: Database,
  book: MoneyBook,
  policyId: string,
  t: {
    sequence: number;
    type: PolicyTransactionType;
    bookedOn: string;
    premiumCents: number;
    feesCents?: number;
    taxesCents?: number;
    commissionRate?: string;
  },
) {
  const rates = { producerCommissionRate: t.commissionRate ?? "0.1500", mgaCommissionRate: "0.0500" };
  const id = createId("ptx");
  await db.insert(policyTransactions).values({
    id,
    orgId: book.orgId,
    policyId,
    sequence: t.sequence,
    type: t.type,
    effectiveDate: t.bookedOn,
    bookedOn: t.bookedOn,
    premiumCents: t.premiumCents,
    feesCents: t.feesCents ?? 0,
    taxesCents: t.taxesCents ?? 0,
    ...rates,
    ...transactionCommission({ premiumCents: t.premiumCents, ...rates }),
  });
  return id;
}
