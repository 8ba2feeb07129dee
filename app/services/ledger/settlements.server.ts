/** Remitting what the org owes: the carrier settlement run, and claim money movements. */
import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { claims } from "../../../db/schema/index.ts";
import { visibleClaims } from "../../auth/scope.server.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { createId } from "../../utils/ids.ts";
import { provisionBook } from "./book.server.ts";
import { ACCOUNT, TRANSFER_CODES, type PostingLeg } from "./chart.ts";
import type { LedgerClient } from "./client.server.ts";
import { MAX_PAYMENT_CENTS } from "./premium-split.ts";
import { submitPosting, writePosting, type SubmitOutcome } from "./postings.server.ts";

export type LedgerOperationOutcome = { ok: true; postingId: string; amountCents: number; posting: SubmitOutcome } | { ok: false; message: string };

/**
 * Remits the carrier payable: one SETTLEMENT transfer of the whole balance from the payable to
 * the premium trust account. The payable's `debits_must_not_exceed_credits` flag means the
 * ledger itself refuses to remit more than is owed, however runs interleave. Needs the ledger
 * (the balance is read from it).
 */
export async function settleCarrier(db: Database, ledger: LedgerClient, tenant: TenantContext): Promise<LedgerOperationOutcome> {
  const book = await provisionBook(db, ledger, tenant.orgId);
  const [payable] = await ledger.lookupAccounts([book.accountId(ACCOUNT.CARRIER_PAYABLE)]);
  const owed = payable ? Number(payable.creditsPosted - payable.debitsPosted) : 0;
  if (owed <= 0) return { ok: false, message: "Nothing is owed to the carrier: there is nothing to settle." };
  const postingId = createId("stl");
  await transactionWithRetry(db, (tx) =>
    writePosting(tx, tenant.orgId, { id: postingId, kind: "carrier_settlement", description: "Carrier settlement run" }, [
      { leg: "carrier_remittance", debit: ACCOUNT.CARRIER_PAYABLE, credit: ACCOUNT.MGA_FIDUCIARY, amountCents: owed, transferCode: TRANSFER_CODES.SETTLEMENT },
    ]),
  );
  return { ok: true, postingId, amountCents: owed, posting: await submitPosting(db, ledger, tenant.orgId, postingId) };
}

export const CLAIM_TRANSACTION_KINDS = ["payment", "recovery", "reserve_increase", "reserve_decrease", "reinsurance_recovery"] as const;
export type ClaimTransactionKind = (typeof CLAIM_TRANSACTION_KINDS)[number];

// Payments leave the loss fund into claims paid; recoveries (salvage, subrogation) come back;
// reserves are set aside from the loss fund and released to it; a reinsurer's share of a paid
// loss becomes an amount due from the reinsurer.
const CLAIM_LEGS: Record<ClaimTransactionKind, Omit<PostingLeg, "amountCents" | "leg">> = {
  payment: { debit: ACCOUNT.CLAIMS_PAID, credit: ACCOUNT.LOSS_FUND, transferCode: TRANSFER_CODES.CLAIM_PAYMENT },
  recovery: { debit: ACCOUNT.LOSS_FUND, credit: ACCOUNT.CLAIMS_PAID, transferCode: TRANSFER_CODES.CLAIM_RECOVERY },
  reserve_increase: { debit: ACCOUNT.LOSS_FUND, credit: ACCOUNT.RESERVES, transferCode: TRANSFER_CODES.RESERVE_ADJUSTMENT },
  reserve_decrease: { debit: ACCOUNT.RESERVES, credit: ACCOUNT.LOSS_FUND, transferCode: TRANSFER_CODES.RESERVE_ADJUSTMENT },
  reinsurance_recovery: { debit: ACCOUNT.REINSURER_PAYABLE, credit: ACCOUNT.CLAIMS_PAID, transferCode: TRANSFER_CODES.REINSURANCE_RECOVERY },
};

/** Posts a claim payment, recovery, reserve adjustment or reinsurance recovery of a visible claim. */
export async function recordClaimTransaction(
  db: Database,
  ledger: LedgerClient,
  tenant: TenantContext,
  request: { claimId: string; kind: ClaimTransactionKind; amountCents: number },
): Promise<LedgerOperationOutcome> {
  if (!CLAIM_TRANSACTION_KINDS.includes(request.kind)) return { ok: false, message: `Unknown claim transaction "${String(request.kind)}".` };
  if (!Number.isSafeInteger(request.amountCents) || request.amountCents <= 0 || request.amountCents > MAX_PAYMENT_CENTS) {
    return { ok: false, message: `The amount must be whole cents from 1 to ${MAX_PAYMENT_CENTS}.` };
  }
  const postingId = createId("clt");
  const written = await transactionWithRetry(db, async (tx) => {
    const [claim] = await tx
      .select({ id: claims.id, claimNumber: claims.claimNumber, policyId: claims.policyId })
      .from(claims)
      .where(and(eq(claims.orgId, tenant.orgId), visibleClaims(tenant), eq(claims.id, request.claimId)))
      .limit(1);
    if (!claim) return false;
    await writePosting(
      tx,
      tenant.orgId,
      { id: postingId, kind: "claim_transaction", description: `Claim ${claim.claimNumber}: ${request.kind.replaceAll("_", " ")}`, policyId: claim.policyId, claimId: claim.id },
      [{ leg: request.kind, amountCents: request.amountCents, ...CLAIM_LEGS[request.kind] }],
    );
    return true;
  });
  if (!written) return { ok: false, message: "Claim not found." };
  return { ok: true, postingId, amountCents: request.amountCents, posting: await submitPosting(db, ledger, tenant.orgId, postingId) };
}
