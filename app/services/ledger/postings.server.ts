/**
 * The ledger outbox. A business event writes its posting and the transfer ids of every leg in
 * its own database transaction; only then is the chain submitted. If the proxy cannot be
 * reached the posting stays `awaiting_posting` and the retry job submits the very same ids
 * later, so TigerBeetle's id idempotency makes the posting happen exactly once (ADR 006).
 */
import type { Database } from "../../../db/client.ts";
import type { ledgerEntries, PostingKind, PostingStatus } from "../../../db/schema/index.ts";
import type { Transaction } from "../../../db/transaction.ts";
import {
  findPosting,
  insertPostingWithEntries,
  listAwaitingPostingIds,
  listPostingEntries,
  listUnpostedPostings,
  recordPostingAttemptFailure,
  settlePosting,
} from "../../models/ledger-postings.server.ts";
import { LedgerProvisioningError, provisionBook, type Book } from "./book.server.ts";
import { accountType, transferId, type AccountCode, type PostingLeg } from "./chart.ts";
import { LedgerRequestError, LedgerUnavailableError, type LedgerClient, type LedgerTransfer } from "./client.server.ts";

export type NewPosting = {
  id: string;
  kind: PostingKind;
  description: string;
  policyId?: string | null;
  invoiceId?: string | null;
  claimId?: string | null;
};

export class PostingError extends Error {
  override readonly name = "PostingError";
}

/**
 * Writes a posting and its legs (zero legs left out) inside the caller's transaction, with the
 * transfer ids derived from the posting id and leg name.
 */
export async function writePosting(
  tx: Transaction,
  orgId: string,
  posting: NewPosting,
  legs: PostingLeg[],
): Promise<void> {
  const moving = legs.filter((l) => l.amountCents !== 0);
  if (moving.length === 0) throw new PostingError("a posting needs at least one leg that moves money");
  for (const leg of moving) {
    if (!Number.isSafeInteger(leg.amountCents) || leg.amountCents < 0)
      throw new PostingError(`leg ${leg.leg}: amount must be whole, non-negative cents`);
    for (const code of [leg.debit, leg.credit])
      if (!accountType(code)) throw new PostingError(`leg ${leg.leg}: unknown account type ${code}`);
    if (leg.debit === leg.credit) throw new PostingError(`leg ${leg.leg}: debit and credit account must differ`);
  }
  const entries = await Promise.all(
    moving.map(async (leg, position) => ({
      transferId: (await transferId(orgId, posting.id, leg.leg)).toString(),
      position,
      leg: leg.leg,
      debitAccount: leg.debit,
      creditAccount: leg.credit,
      amountCents: leg.amountCents,
      transferCode: leg.transferCode,
    })),
  );
  const row = {
    id: posting.id,
    kind: posting.kind,
    description: posting.description,
    policyId: posting.policyId ?? null,
    invoiceId: posting.invoiceId ?? null,
    claimId: posting.claimId ?? null,
  };
  await insertPostingWithEntries(tx, orgId, row, entries);
}

type Entry = typeof ledgerEntries.$inferSelect;

function matches(book: Book, entry: Entry, transfer: LedgerTransfer | undefined): boolean {
  return (
    transfer !== undefined &&
    transfer.amount === BigInt(entry.amountCents) &&
    transfer.debitAccountId === book.accountId(entry.debitAccount as AccountCode) &&
    transfer.creditAccountId === book.accountId(entry.creditAccount as AccountCode) &&
    transfer.code === entry.transferCode
  );
}

export type SubmitOutcome = { status: PostingStatus; error?: string };

/**
 * Submits one posting's chain. All `created` means posted. Anything else is checked by looking
 * the ids up: if every transfer is on the ledger as recorded, an earlier attempt went through
 * (`exists` counts as posted); if none is, the ledger refused the chain and the posting is
 * rejected with its reasons. An unreachable ledger (or one whose accounts for the org cannot be
 * provisioned) leaves it awaiting posting.
 */
export async function submitPosting(
  db: Database,
  ledger: LedgerClient,
  orgId: string,
  postingId: string,
): Promise<SubmitOutcome> {
  const posting = await findPosting(db, orgId, postingId);
  if (!posting) throw new PostingError(`no posting ${postingId}`);
  if (posting.status !== "awaiting_posting") return { status: posting.status, error: posting.lastError ?? undefined };
  const entries = await listPostingEntries(db, orgId, postingId);
  try {
    const book = await provisionBook(db, ledger, orgId);
    const userData128 = BigInt(entries[0]!.transferId);
    const results = await ledger.createTransfers(
      entries.map((entry, i) => ({
        id: BigInt(entry.transferId),
        debitAccountId: book.accountId(entry.debitAccount as AccountCode),
        creditAccountId: book.accountId(entry.creditAccount as AccountCode),
        amount: BigInt(entry.amountCents),
        ledger: book.ledger,
        code: entry.transferCode,
        linked: i < entries.length - 1,
        userData128,
      })),
    );
    if (results.every((r) => r.status === "created")) return await settle(db, orgId, postingId, "posted", null);
    const found = new Map(
      (await ledger.lookupTransfers(entries.map((e) => BigInt(e.transferId)))).map((t) => [t.id.toString(), t]),
    );
    if (entries.every((e) => matches(book, e, found.get(e.transferId))))
      return await settle(db, orgId, postingId, "posted", null);
    const reasons = results.map((r, i) => `${entries[i]!.leg}: ${r.status}`).join(", ");
    if (found.size > 0) {
      // Some ids are on the ledger with other fields: two events derived the same ids. Never guess.
      return await settle(
        db,
        orgId,
        postingId,
        "rejected",
        `the ledger holds different transfers under these ids (${reasons})`,
      );
    }
    return await settle(db, orgId, postingId, "rejected", `the ledger refused the chain (${reasons})`);
  } catch (error) {
    // What is stored and shown (the ledger page's last error) is a plain message: the raw error
    // names the ledger's address and its internals, so it goes to the server log only.
    if (
      error instanceof LedgerRequestError ||
      error instanceof LedgerUnavailableError ||
      error instanceof LedgerProvisioningError
    ) {
      console.error(`ledger posting ${postingId} of ${orgId}: ${error.message}`);
    }
    // The proxy refusing the request itself (400) would refuse these very ids again: a person must look.
    if (error instanceof LedgerRequestError)
      return await settle(db, orgId, postingId, "rejected", POSTING_ERRORS.refused);
    if (!(error instanceof LedgerUnavailableError) && !(error instanceof LedgerProvisioningError)) throw error;
    const shown = error instanceof LedgerProvisioningError ? POSTING_ERRORS.provisioning : POSTING_ERRORS.unavailable;
    await recordPostingAttemptFailure(db, orgId, postingId, shown);
    return { status: "awaiting_posting", error: shown };
  }
}

/** The messages a posting's failure shows; the detail is in the server log. */
export const POSTING_ERRORS = {
  unavailable:
    "The ledger did not answer, or refused this deployment's ledger configuration (address or API key); it is retried.",
  provisioning: "The organization's ledger accounts could not be set up yet; it is retried.",
  refused: "The ledger refused the request; see the server log.",
} as const;

/**
 * A posting's last error as pages show it: the plain messages above and the ledger's own
 * refusal reasons pass; anything else (a raw error stored before, naming the ledger's address)
 * shows as the plain message for its status.
 */
export function postingErrorForDisplay(status: string, lastError: string | null): string | null {
  if (lastError === null) return null;
  if ((Object.values(POSTING_ERRORS) as string[]).includes(lastError)) return lastError;
  if (
    lastError.startsWith("the ledger refused the chain (") ||
    lastError.startsWith("the ledger holds different transfers")
  )
    return lastError;
  return status === "rejected" ? POSTING_ERRORS.refused : POSTING_ERRORS.unavailable;
}

async function settle(
  db: Database,
  orgId: string,
  postingId: string,
  status: "posted" | "rejected",
  error: string | null,
): Promise<SubmitOutcome> {
  await settlePosting(db, orgId, postingId, status, error, new Date());
  return { status, error: error ?? undefined };
}

export type RetryReport = { attempted: number; posted: number; rejected: number; stillWaiting: number };

/**
 * The cron job: submits postings that are still waiting, oldest first, across every org (each
 * posting is then handled inside its own org). Stops at the first unreachable answer: the
 * others would only time out too.
 */
export async function postAwaitingPostings(
  db: Database,
  ledger: LedgerClient,
  { limit = 100, orgId }: { limit?: number; orgId?: string } = {},
): Promise<RetryReport> {
  const waiting = await listAwaitingPostingIds(db, { limit, orgId });
  const report: RetryReport = { attempted: 0, posted: 0, rejected: 0, stillWaiting: 0 };
  for (const posting of waiting) {
    report.attempted++;
    const outcome = await submitPosting(db, ledger, posting.orgId, posting.id);
    if (outcome.status === "posted") report.posted++;
    else if (outcome.status === "rejected") report.rejected++;
    else {
      report.stillWaiting = waiting.length - report.posted - report.rejected;
      break;
    }
  }
  return report;
}

/** Postings of an org that have not reached the ledger yet, for the finance area. */
export function listAwaitingPostings(db: Database, orgId: string) {
  return listUnpostedPostings(db, orgId);
}
