/**
 * Agency bill (ADR 024): the agency collects an invoice's gross premium from the insured and
 * remits it less the commission it keeps. The receipt is allocated by cumulative share like any
 * other (ADR 018), so every part still ends on the policy's own figures; the producer's share
 * passes through the producer payable and straight back out as commission netted, because the
 * agency already holds it. The trust account receives exactly gross less that commission.
 */
import { ACCOUNT, TRANSFER_CODES, type PostingLeg } from "../ledger/chart.ts";
import { ALLOCATION_PARTS, PART_ACCOUNT, type PartAmounts } from "../ledger/premium-allocation.ts";

/** The legs of one agency-billed invoice's receipt, given its allocation. */
export function agencyReceiptLegs(delta: PartAmounts): PostingLeg[] {
  const legs: PostingLeg[] = [];
  for (const part of ALLOCATION_PARTS) {
    const cents = delta[part];
    if (cents === 0) continue;
    if (part === "producer_commission") {
      // Kept by the agency: through the payable and back, in an order the payable never overdraws.
      legs.push(
        cents > 0
          ? {
              leg: part,
              debit: ACCOUNT.MGA_FIDUCIARY,
              credit: ACCOUNT.PRODUCER_PAYABLE,
              amountCents: cents,
              transferCode: TRANSFER_CODES.AGENCY_BILL_RECEIPT,
            }
          : {
              leg: "commission_netted",
              debit: ACCOUNT.MGA_FIDUCIARY,
              credit: ACCOUNT.PRODUCER_PAYABLE,
              amountCents: -cents,
              transferCode: TRANSFER_CODES.AGENCY_COMMISSION_NETTED,
            },
        cents > 0
          ? {
              leg: "commission_netted",
              debit: ACCOUNT.PRODUCER_PAYABLE,
              credit: ACCOUNT.MGA_FIDUCIARY,
              amountCents: cents,
              transferCode: TRANSFER_CODES.AGENCY_COMMISSION_NETTED,
            }
          : {
              leg: `${part}_back`,
              debit: ACCOUNT.PRODUCER_PAYABLE,
              credit: ACCOUNT.MGA_FIDUCIARY,
              amountCents: -cents,
              transferCode: TRANSFER_CODES.ALLOCATION_TRUE_UP,
            },
      );
      continue;
    }
    legs.push(
      cents > 0
        ? {
            leg: part,
            debit: ACCOUNT.MGA_FIDUCIARY,
            credit: PART_ACCOUNT[part],
            amountCents: cents,
            transferCode: TRANSFER_CODES.AGENCY_BILL_RECEIPT,
          }
        : {
            leg: `${part}_back`,
            debit: PART_ACCOUNT[part],
            credit: ACCOUNT.MGA_FIDUCIARY,
            amountCents: -cents,
            transferCode: TRANSFER_CODES.ALLOCATION_TRUE_UP,
          },
    );
  }
  return legs;
}
