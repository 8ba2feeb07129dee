// Test support for policy servicing: an organization of its own with one program, agency and
// insured, and policies written straight into it (new-business transaction, billing schedule,
// first invoice), so the daily lifecycle job can run over the org without touching the demo book.
import type { Database } from "../../db/client.ts";
import {
  agencies,
  carriers,
  installments,
  insureds,
  invoices,
  organization,
  policies,
  policyTransactions,
  programs,
  submissionDocuments,
} from "../../db/schema/index.ts";
import type { TenantContext } from "../../app/auth/session.server.ts";
import { buildInstallments, type InstallmentPlan } from "../../app/services/billing/billing-schedule.ts";
import { transactionCommission } from "../../app/services/policies/policy-transactions.ts";
import { addMonths } from "../../app/utils/calendar-date.ts";
import { createId } from "../../app/utils/ids.ts";
import { toCents } from "../../app/utils/money.ts";

export type ServicingBook = {
  orgId: string;
  programId: string;
  underwriter: TenantContext;
  finance: TenantContext;
  policyholder: TenantContext;
  newPolicy(options?: PolicyOptions): Promise<{ policyId: string; firstInvoiceId: string; totalDueCents: number }>;
};

type PolicyOptions = {
  effectiveDate?: string;
  termMonths?: number;
  premiumCents?: number;
  feesCents?: number;
  taxesCents?: number;
  plan?: InstallmentPlan;
  status?: "bound" | "issued" | "active";
  withDeclarations?: boolean;
};

export async function createServicingBook(
  db: Database,
  { minimumEarnedRate = null as string | null } = {},
): Promise<ServicingBook> {
  const orgId = createId("org");
  const programId = createId("prg");
  const agencyId = createId("agy");
  const insuredId = createId("ins");
  const orgName = `Servicing Test ${orgId}`;
  await db.insert(organization).values({ id: orgId, name: orgName, slug: orgId });
  const carrierId = createId("car");
  await db.insert(carriers).values({ id: carrierId, orgId, name: "Servicing Mutual" });
  await db.insert(programs).values({
    id: programId,
    orgId,
    carrierId,
    name: "Servicing GL",
    lineOfBusiness: "GL",
    states: ["TX"],
    autoBindPremiumCents: 2_500_000,
    defaultCommissionRate: "0.1500",
    minimumPremiumCents: 50_000,
    minimumEarnedRate,
    installmentPlans: ["PIF", "QUARTERLY"],
  });
  await db
    .insert(agencies)
    .values({ id: agencyId, orgId, name: "Servicing Agency", licensedStates: ["TX"], commissionRate: "0.1500" });
  await db.insert(insureds).values({
    id: insuredId,
    orgId,
    agencyId,
    naicsCode: "238160",
    name: "Servicing Roofing LLC",
    addressLine1: "1 Main St",
    city: "Austin",
    state: "TX",
    postalCode: "78701",
  });
  const base = { orgId, orgName, agencyId: null, carrierId: null, insuredId: null };
  let count = 0;
  return {
    orgId,
    programId,
    underwriter: { ...base, userId: createId("usr"), roles: ["underwriter"] },
    finance: { ...base, userId: createId("usr"), roles: ["finance_analyst"] },
    policyholder: { ...base, userId: createId("usr"), roles: ["policyholder"], insuredId },
    async newPolicy({
      effectiveDate = "2028-01-01",
      termMonths = 12,
      premiumCents = 366_000,
      feesCents = 25_000,
      taxesCents = 18_300,
      plan = "PIF",
      status = "active",
      withDeclarations = true,
    }: PolicyOptions = {}) {
      count++;
      const policyId = createId("pol");
      const rates = { producerCommissionRate: "0.1500", mgaCommissionRate: "0.0500" };
      await db.insert(policies).values({
        id: policyId,
        orgId,
        policyNumber: `ST-${orgId.slice(-6)}-${count}`,
        insuredId,
        agencyId,
        programId,
        carrierId,
        lineOfBusiness: "GL",
        state: "TX",
        status,
        effectiveDate,
        expirationDate: addMonths(effectiveDate, termMonths),
        grossPremiumCents: premiumCents,
        feesCents,
        taxesCents,
        installmentPlan: plan,
      });
      await db.insert(policyTransactions).values({
        id: createId("ptx"),
        orgId,
        policyId,
        sequence: 1,
        type: "new_business",
        effectiveDate,
        bookedOn: effectiveDate,
        premiumCents,
        feesCents,
        taxesCents,
        ...rates,
        ...transactionCommission({ premiumCents, ...rates }),
      });
      const totalDueCents = premiumCents + feesCents + taxesCents;
      const schedule = buildInstallments(plan, { totalCents: toCents(totalDueCents), effectiveDate });
      const firstInvoiceId = createId("inv");
      await db.insert(invoices).values({
        id: firstInvoiceId,
        orgId,
        invoiceNumber: `INV-${policyId.slice(-8)}-1`,
        policyId,
        dueDate: schedule[0]!.dueDate,
        amountCents: schedule[0]!.amountCents,
        status: "invoiced",
      });
      await db.insert(installments).values(
        schedule.map((i) => ({
          id: createId("ins"),
          orgId,
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
      if (withDeclarations) {
        const docId = createId("doc");
        await db.insert(submissionDocuments).values({
          id: docId,
          orgId,
          submissionId: null,
          policyId,
          kind: "declarations",
          r2Key: `orgs/${orgId}/documents/${docId}`,
          filename: "declarations.pdf",
          contentType: "application/pdf",
          sizeBytes: 1,
          sha256: "0".repeat(64),
          uploadedByUserId: null,
        });
      }
      return { policyId, firstInvoiceId, totalDueCents: schedule.reduce((s, i) => s + i.amountCents, 0) };
    },
  };
}
