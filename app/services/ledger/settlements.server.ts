/** Remitting what the org owes: the carrier settlement run. */
import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { createId } from "../../utils/ids.ts";
import { provisionBook } from "./book.server.ts";
import { ACCOUNT, TRANSFER_CODES } from "./chart.ts";
import type { LedgerClient } from "./client.server.ts";
import { submitPosting, writePosting, type SubmitOutcome } from "./postings.server.ts";

export type LedgerOperationOutcome =
  | { ok: true; postingId: string; amountCents: number; posting: SubmitOutcome }
  | { ok: false; message: string };

/**
 * Remits the carrier payable: one SETTLEMENT transfer of the whole balance from the payable to
 * the premium trust account. The payable's `debits_must_not_exceed_credits` flag means the
 * ledger itself refuses to remit more than is owed, however runs interleave. Needs the ledger
 * (the balance is read from it).
 */
export async function settleCarrier(
  db: Database,
  ledger: LedgerClient,
  tenant: TenantContext,
): Promise<LedgerOperationOutcome> {
  const book = await provisionBook(db, ledger, tenant.orgId);
  const [payable] = await ledger.lookupAccounts([book.accountId(ACCOUNT.CARRIER_PAYABLE)]);
  const owed = payable ? Number(payable.creditsPosted - payable.debitsPosted) : 0;
  if (owed <= 0) return { ok: false, message: "Nothing is owed to the carrier: there is nothing to settle." };
  const postingId = createId("stl");
  await transactionWithRetry(db, (tx) =>
    writePosting(
      tx,
      tenant.orgId,
      { id: postingId, kind: "carrier_settlement", description: "Carrier settlement run" },
      [
        {
          leg: "carrier_remittance",
          debit: ACCOUNT.CARRIER_PAYABLE,
          credit: ACCOUNT.MGA_FIDUCIARY,
          amountCents: owed,
          transferCode: TRANSFER_CODES.SETTLEMENT,
        },
      ],
    ),
  );
  return { ok: true, postingId, amountCents: owed, posting: await submitPosting(db, ledger, tenant.orgId, postingId) };
}
