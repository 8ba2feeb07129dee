/**
 * Loads what the cumulative-share allocation needs for one policy (ADR 018): the policy's own
 * figures and what its receipts have already given each party. Call it with the policy locked
 * (lockPolicyForMoney) so no other receipt of the policy allocates in between.
 */
import type { Transaction } from "../../../db/transaction.ts";
import { sumAllocatedLegs, sumPolicyFigures } from "../../models/policy-money.server.ts";
import { transactionCommission } from "../policies/policy-transactions.ts";
import { partsOfLegs, policyTotal, sumParts, type PartAmounts, type PolicyFigures } from "./premium-allocation.ts";

export type AllocationState = {
  figures: PolicyFigures;
  allocated: PartAmounts;
  totalCents: number;
  receivedCents: number;
};

export async function loadAllocationState(
  tx: Transaction,
  orgId: string,
  policy: { id: string; grossPremiumCents: number; feesCents: number; taxesCents: number },
  rates: { producerCommissionRate: string; mgaCommissionRate: string },
): Promise<AllocationState> {
  const sums = await sumPolicyFigures(tx, orgId, policy.id);
  // Policies written before policy transactions existed have none: their figures are the
  // policy's own columns at today's rates, as the bind would have written them.
  const base =
    sums.transactionCount > 0
      ? sums
      : {
          premiumCents: policy.grossPremiumCents,
          feesCents: policy.feesCents,
          taxesCents: policy.taxesCents,
          ...transactionCommission({ premiumCents: policy.grossPremiumCents, ...rates }),
        };
  const figures: PolicyFigures = {
    premiumCents: base.premiumCents,
    feesCents: base.feesCents + sums.installmentFeesCents,
    taxesCents: base.taxesCents,
    producerCommissionCents: base.producerCommissionCents,
    mgaCommissionCents: base.mgaCommissionCents,
  };
  const allocated = partsOfLegs(await sumAllocatedLegs(tx, orgId, policy.id));
  return { figures, allocated, totalCents: policyTotal(figures), receivedCents: sumParts(allocated) };
}
