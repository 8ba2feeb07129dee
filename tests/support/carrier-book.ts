import { claimClaimants, claims, daAgreements, policies, policyTransactions, programs } from "../../db/schema/index.ts";
import { daAgreements as seededAgreements, programs as seededPrograms } from "../../db/seed/demo-data.ts";
import { guardedTestDatabase } from "../../db/test/tenants.ts";
import { transactionCommission } from "../../app/services/policies/policy-transactions.ts";
import type { PolicyTransactionType } from "../../db/schema/policies.ts";
import { createId } from "../../app/utils/ids.ts";
import { sealClaimantPhi } from "../../app/services/claims/phi-store.server.ts";
import type { ClaimantPhi } from "../../app/services/claims/phi.ts";
import { testMasterKey } from "./claims.ts";

// Test builder for carrier reporting: a program and DA agreement of the test's own with policies
// and their transactions (every type, signed), so a bordereau's lines and totals are exact.

export const db = guardedTestDatabase();
export const ORG = "org_summit";

export async function reportingAgreement() {
  const programId = createId("prg");
  const agreementId = createId("da");
  const base = seededPrograms.find((p) => p.id === "prg_summit_gl")!;
  const agreement = seededAgreements.find((a) => a.id === "da_summit_gl")!;
  await db.insert(programs).values({ ...base, id: programId });
  await db.insert(daAgreements).values({
    ...agreement,
    id: agreementId,
    programId,
    reference: `TEST-${agreementId.slice(-6)}`,
    effectiveDate: "2026-01-01",
    expirationDate: "2026-12-31",
  });
  return { programId, agreementId };
}

export type TransactionDraft = {
  type: PolicyTransactionType;
  bookedOn: string;
  premiumCents: number;
  feesCents?: number;
  taxesCents?: number;
  /** Cents added to the recorded producer commission: a row that breaks the bordereau check. */
  commissionError?: number;
};

let policySeq = 0;

/** A policy under the program with its transactions in sequence. */
export async function policyWithTransactions(
  programId: string,
  drafts: TransactionDraft[],
  effectiveDate = "2026-03-01",
) {
  const policyId = createId("pol");
  policySeq += 1;
  await db.insert(policies).values({
    id: policyId,
    orgId: ORG,
    policyNumber: `TST-GL-2026-${String(Date.now() % 1_000_000).padStart(6, "0")}${policySeq}`,
    insuredId: "ins_lonestar",
    agencyId: "agy_harbor",
    programId,
    carrierId: "car_granite",
    lineOfBusiness: "GL",
    state: "TX",
    status: "active",
    effectiveDate,
    expirationDate: "2027-03-01",
    grossPremiumCents: drafts[0]!.premiumCents,
    feesCents: drafts[0]!.feesCents ?? 0,
    taxesCents: drafts[0]!.taxesCents ?? 0,
  });
  const rates = { producerCommissionRate: "0.1500", mgaCommissionRate: "0.0500" };
  await db.insert(policyTransactions).values(
    drafts.map((d, i) => {
      const commission = transactionCommission({ premiumCents: d.premiumCents, ...rates });
      return {
        id: createId("ptx"),
        orgId: ORG,
        policyId,
        sequence: i + 1,
        type: d.type,
        effectiveDate: effectiveDate,
        bookedOn: d.bookedOn,
        premiumCents: d.premiumCents,
        feesCents: d.feesCents ?? 0,
        taxesCents: d.taxesCents ?? 0,
        ...rates,
        ...commission,
        producerCommissionCents: commission.producerCommissionCents + (d.commissionError ?? 0),
      };
    }),
  );
  return policyId;
}

export type ClaimDraft = {
  reportedOn: string;
  caseReserveCents: number;
  paidIndemnityCents: number;
  paidExpenseCents: number;
  recoveredCents: number;
  /** Free text of the claim file, where a claimant's name often appears. */
  description?: string;
  reporterName?: string;
  claimants: { role: string; phi: ClaimantPhi }[];
};

let claimSeq = 0;

/** A claim on one of the builder's policies, its claimants' PHI sealed as the claims module seals it. */
export async function claimOnPolicy(policyId: string, draft: ClaimDraft) {
  const claimId = createId("clm");
  claimSeq += 1;
  await db.insert(claims).values({
    id: claimId,
    orgId: ORG,
    claimNumber: `TCL-${String(Date.now() % 1_000_000_000).padStart(9, "0")}-${claimSeq}`,
    policyId,
    status: "reserved",
    dateOfLoss: draft.reportedOn,
    reportedOn: draft.reportedOn,
    lossType: "Slip and fall",
    description: draft.description ?? null,
    reporterName: draft.reporterName ?? null,
    indemnityReserveCents: draft.caseReserveCents,
    caseReserveCents: draft.caseReserveCents,
    paidIndemnityCents: draft.paidIndemnityCents,
    paidExpenseCents: draft.paidExpenseCents,
    paidCents: draft.paidIndemnityCents + draft.paidExpenseCents,
    recoveredCents: draft.recoveredCents,
  });
  const master = await testMasterKey();
  for (const claimant of draft.claimants) {
    const id = createId("cmt");
    await db.insert(claimClaimants).values({
      id,
      orgId: ORG,
      claimId,
      role: claimant.role,
      ...(await sealClaimantPhi(db, master, ORG, id, claimant.phi)),
    });
  }
  return claimId;
}
