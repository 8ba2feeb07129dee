// Builders for tests, the fixture and the benchmark: events with every field at its zero default.
import { randomBytes } from "node:crypto";
import { type Account, type AccountFilter, AccountFilterFlags, type Transfer, U128_MAX } from "./types.ts";

/** A random id, as an app would generate: unique even on a cluster that keeps old data. */
export function randomId(): bigint {
  for (;;) {
    const id = BigInt(`0x${randomBytes(16).toString("hex")}`);
    if (id !== 0n && id !== U128_MAX) return id;
  }
}

export function account(fields: Partial<Account> = {}): Account {
  return {
    id: randomId(),
    debits_pending: 0n,
    debits_posted: 0n,
    credits_pending: 0n,
    credits_posted: 0n,
    user_data_128: 0n,
    user_data_64: 0n,
    user_data_32: 0,
    reserved: 0,
    ledger: 1,
    code: 1,
    flags: 0,
    timestamp: 0n,
    ...fields,
  };
}

export function transfer(fields: Partial<Transfer> = {}): Transfer {
  return {
    id: randomId(),
    debit_account_id: 0n,
    credit_account_id: 0n,
    amount: 0n,
    pending_id: 0n,
    user_data_128: 0n,
    user_data_64: 0n,
    user_data_32: 0,
    timeout: 0,
    ledger: 1,
    code: 1,
    flags: 0,
    timestamp: 0n,
    ...fields,
  };
}

export function filter(fields: Partial<AccountFilter> & { account_id: bigint }): AccountFilter {
  return {
    user_data_128: 0n,
    user_data_64: 0n,
    user_data_32: 0,
    code: 0,
    timestamp_min: 0n,
    timestamp_max: 0n,
    limit: 100,
    flags: AccountFilterFlags.debits | AccountFilterFlags.credits,
    ...fields,
  };
}
