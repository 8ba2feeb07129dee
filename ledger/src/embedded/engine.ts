import {
  type Account,
  type AccountBalance,
  type AccountFilter,
  ACCOUNT_FILTER_FLAGS_KNOWN,
  AccountFilterFlags,
  AccountFlags,
  BATCH_MAX,
  type CreateAccountResult,
  type CreateTransferResult,
  TIMESTAMP_MAX,
  type Transfer,
  U128_MAX,
} from "../types.ts";
import { createAccounts, createTransfers, expirePending } from "./state-machine.ts";
import { Store } from "./store.ts";

const validTimestamp = (t: bigint) => t === 0n || (t >= 1n && t <= TIMESTAMP_MAX);

/** TigerBeetle answers an invalid filter with no results rather than an error. */
function filterValid(f: AccountFilter): boolean {
  return (
    f.account_id !== 0n &&
    f.account_id !== U128_MAX &&
    validTimestamp(f.timestamp_min) &&
    validTimestamp(f.timestamp_max) &&
    (f.timestamp_max === 0n || f.timestamp_min <= f.timestamp_max) &&
    f.limit !== 0 &&
    (f.flags & (AccountFilterFlags.debits | AccountFilterFlags.credits)) !== 0 &&
    (f.flags & ~ACCOUNT_FILTER_FLAGS_KNOWN) === 0
  );
}

/**
 * TigerBeetle's semantics on a local SQLite file, synchronously. It runs inside the embedded
 * backend's worker thread (worker.ts), which owns the database connection.
 */
export class Engine {
  readonly #store: Store;

  constructor(dataDir: string) {
    this.#store = new Store(dataDir);
  }

  /**
   * Reserves `count` timestamps after everything already stamped. Timestamps are nanoseconds
   * since the epoch like a cluster's, and strictly increase even if the wall clock steps back.
   */
  #reserveTimestamps(count: number): bigint {
    const start = this.#now();
    this.#store.setLastTimestamp(start + BigInt(count));
    return start + 1n;
  }

  #now(): bigint {
    const wall = BigInt(Date.now()) * 1_000_000n;
    const last = this.#store.lastTimestamp();
    return wall > last ? wall : last;
  }

  /** Reads see expired pending transfers released, as they would after a cluster's pulse. */
  #pulse(): void {
    const now = this.#now();
    if (this.#store.hasDuePending(now)) this.#store.transaction(() => expirePending(this.#store, now));
  }

  createAccounts(accounts: Account[]): CreateAccountResult[] {
    return this.#store.transaction(() =>
      createAccounts(this.#store, accounts, this.#reserveTimestamps(accounts.length)),
    );
  }

  createTransfers(transfers: Transfer[]): CreateTransferResult[] {
    return this.#store.transaction(() => {
      expirePending(this.#store, this.#now());
      return createTransfers(this.#store, transfers, this.#reserveTimestamps(transfers.length));
    });
  }

  lookupAccounts(ids: bigint[]): Account[] {
    this.#pulse();
    return ids.flatMap((id) => this.#store.getAccount(id) ?? []);
  }

  lookupTransfers(ids: bigint[]): Transfer[] {
    return ids.flatMap((id) => this.#store.getTransfer(id) ?? []);
  }

  getAccountTransfers(filter: AccountFilter): Transfer[] {
    if (!filterValid(filter)) return [];
    return this.#store.accountTransfers({ ...filter, limit: Math.min(filter.limit, BATCH_MAX) });
  }

  getAccountBalances(filter: AccountFilter): AccountBalance[] {
    if (!filterValid(filter)) return [];
    const account = this.#store.getAccount(filter.account_id);
    if (!account || (account.flags & AccountFlags.history) === 0) return [];
    const transfers = this.#store.accountTransfers({ ...filter, limit: Math.min(filter.limit, BATCH_MAX) });
    return transfers.map((t) => this.#store.balanceAt(filter.account_id, t.timestamp)!);
  }

  close(): void {
    this.#store.close();
  }
}
