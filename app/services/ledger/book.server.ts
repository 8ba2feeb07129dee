import type { Database } from "../../../db/client.ts";
import type { Transaction } from "../../../db/transaction.ts";
import {
  findLedgerBook,
  insertLedgerBookIfMissing,
  markLedgerBookProvisioned,
} from "../../models/ledger-books.server.ts";
import {
  ACCOUNT_TYPES,
  DEFAULT_MGA_COMMISSION_RATE,
  accountFlags,
  accountId,
  orgAccountPrefix,
  orgLedgerNumber,
  USD,
  type AccountCode,
} from "./chart.ts";
import type { LedgerClient } from "./client.server.ts";

export type Book = {
  orgId: string;
  ledger: number;
  mgaCommissionRate: string;
  provisioned: boolean;
  accountId(code: AccountCode): bigint;
  /** The account type of one of this org's account ids, or undefined for anyone else's. */
  codeOf(id: bigint): AccountCode | undefined;
};

export class LedgerProvisioningError extends Error {
  override readonly name = "LedgerProvisioningError";
}

/** The org's book row, created on first use; the ledger itself is not touched. */
export async function loadBook(db: Database | Transaction, orgId: string): Promise<Book> {
  let row = await findLedgerBook(db, orgId);
  if (!row) {
    await insertLedgerBookIfMissing(db, orgId, {
      ledger: await orgLedgerNumber(orgId),
      mgaCommissionRate: DEFAULT_MGA_COMMISSION_RATE,
    });
    row = await findLedgerBook(db, orgId);
  }
  const prefix = await orgAccountPrefix(orgId);
  return {
    orgId,
    ledger: row!.ledger,
    mgaCommissionRate: row!.mgaCommissionRate,
    provisioned: row!.provisionedAt !== null,
    accountId: (code) => accountId(prefix, code),
    codeOf: (id) =>
      id >> 64n === prefix ? ACCOUNT_TYPES.find((a) => BigInt(a.code) === (id & 0xffffffffffffffffn))?.code : undefined,
  };
}

// Which orgs a ledger client has already provisioned. The database's provisioned_at is not
// trusted for this: the ledger may have been replaced (a fresh local data folder), and a
// transfer sent to a missing account retires its id for good.
const provisionedByClient = new WeakMap<LedgerClient, Set<string>>();

/**
 * Creates the org's nine accounts on the ledger. Idempotent: accounts that already exist with
 * the same fields answer `exists`, which is as good as `created`; any other answer means the id
 * is taken by something else and is an error.
 */
export async function provisionBook(db: Database, ledger: LedgerClient, orgId: string): Promise<Book> {
  const book = await loadBook(db, orgId);
  let done = provisionedByClient.get(ledger);
  if (!done) {
    done = new Set();
    provisionedByClient.set(ledger, done);
  }
  if (done.has(orgId)) return book;
  const results = await ledger.createAccounts(
    ACCOUNT_TYPES.map((type) => ({
      id: book.accountId(type.code),
      ledger: book.ledger,
      code: type.code,
      flags: accountFlags(type.code),
      userData32: USD,
    })),
  );
  const refused = results
    .map((r, i) => ({ ...r, account: ACCOUNT_TYPES[i]!.name }))
    .filter((r) => r.status !== "created" && r.status !== "exists");
  if (refused.length) {
    throw new LedgerProvisioningError(
      `the ledger refused accounts of ${orgId}: ${refused.map((r) => `${r.account} ${r.status}`).join(", ")}`,
    );
  }
  if (!book.provisioned) await markLedgerBookProvisioned(db, orgId, new Date());
  done.add(orgId);
  return { ...book, provisioned: true };
}
