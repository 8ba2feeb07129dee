/**
 * The figures a policy transaction records (db/schema/policies.ts, policy_transactions):
 * commission is a rate of the transaction's own premium, rounded half-to-even to the cent like
 * every recorded step, so a return premium claws back exactly what its rate earned on it.
 */
import { multiplyRoundHalfEven, parseDecimal } from "../../utils/decimal.ts";

export type TransactionPremium = {
  /** Signed change of written premium: negative for a return. */
  premiumCents: number;
  /** Decimal strings from 0 to 1, e.g. "0.1250". */
  producerCommissionRate: string;
  mgaCommissionRate: string;
};

export function transactionCommission(t: TransactionPremium) {
  const premium = BigInt(t.premiumCents);
  return {
    producerCommissionCents: Number(multiplyRoundHalfEven(premium, parseDecimal(t.producerCommissionRate))),
    mgaCommissionCents: Number(multiplyRoundHalfEven(premium, parseDecimal(t.mgaCommissionRate))),
  };
}
