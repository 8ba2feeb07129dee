// TigerBeetle's create_accounts / create_transfers rules, applied to the SQLite store.
// Checks run in TigerBeetle's order of precedence (src/state_machine.zig and its reference model),
// so an event that breaks several rules reports the same status a real cluster would.
import {
  type Account,
  ACCOUNT_FLAGS_KNOWN,
  AccountFlags,
  amount_max,
  type CreateAccountResult,
  type CreateAccountStatusName,
  type CreateTransferResult,
  type CreateTransferStatusName,
  type Transfer,
  TIMESTAMP_MAX,
  TRANSFER_FLAGS_KNOWN,
  TransferFlags,
  U128_MAX,
} from "../types.ts";
import { PendingStatus, type Store } from "./store.ts";

const NS_PER_S = 1_000_000_000n;

const has = (flags: number, flag: number): boolean => (flags & flag) !== 0;
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const saturatingSub = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);

type Event = { id: bigint; flags: number };
type Result<S extends string> = { status: S; timestamp: bigint };
/** Statuses the batch walk itself decides, before an event's own rules run. */
type BatchStatus = "linked_event_failed" | "linked_event_chain_open" | "imported_event_not_expected";

/**
 * Applies a batch event by event. Events joined by `linked` form a chain that succeeds or fails
 * as one: on the first failure the chain's writes are rolled back to a savepoint, the events
 * before it report linked_event_failed (keeping their timestamps) and those after it are not run.
 * Event i is validated at timestamp `first + i`, whatever its outcome, as in TigerBeetle.
 */
function execute<E extends Event, S extends string>(
  store: Store,
  events: E[],
  first: bigint,
  flags: { linked: number; imported: number },
  apply: (event: E, timestamp: bigint) => Result<S>,
  onFailure: (event: E, status: S | BatchStatus) => void,
): Result<S | BatchStatus>[] {
  if (events.length > 0 && has(events[0].flags, flags.imported)) {
    // Imports carry their own past timestamps; the proxy refuses them at the HTTP edge.
    throw new Error("imported events are not supported by the embedded backend");
  }
  const results: Result<S | BatchStatus>[] = [];
  let start = 0;
  while (start < events.length) {
    let end = start + 1;
    while (end < events.length && has(events[end - 1].flags, flags.linked)) end++;
    const chained = has(events[start].flags, flags.linked);
    if (chained) store.savepoint();

    let failed = -1;
    for (let i = start; i < end; i++) {
      const timestamp = first + BigInt(i);
      let result: Result<S | BatchStatus>;
      if (i === events.length - 1 && has(events[i].flags, flags.linked)) {
        result = { status: "linked_event_chain_open", timestamp };
      } else if (failed >= 0) {
        result = { status: "linked_event_failed", timestamp };
      } else if (has(events[i].flags, flags.imported)) {
        result = { status: "imported_event_not_expected", timestamp };
      } else {
        result = apply(events[i], timestamp);
      }
      results.push(result);
      if (failed < 0 && result.status !== "created") failed = i;
    }

    if (chained) {
      if (failed >= 0) {
        store.rollbackToSavepoint();
        for (let i = start; i < failed; i++) results[i] = { ...results[i], status: "linked_event_failed" };
      }
      store.releaseSavepoint();
    }
    // After the rollback, so that what it records survives the failed chain.
    if (failed >= 0) onFailure(events[failed], results[failed].status);
    start = end;
  }
  return results;
}

export function createAccounts(store: Store, accounts: Account[], first: bigint): CreateAccountResult[] {
  return execute(
    store,
    accounts,
    first,
    AccountFlags,
    (account, timestamp) => createAccount(store, account, timestamp),
    () => {},
  );
}

export function createTransfers(store: Store, transfers: Transfer[], first: bigint): CreateTransferResult[] {
  return execute(
    store,
    transfers,
    first,
    TransferFlags,
    (transfer, timestamp) => createTransfer(store, transfer, timestamp),
    (transfer, status) => {
      if (TRANSIENT.has(status)) store.insertFailedTransferId(transfer.id);
    },
  );
}

/**
 * Failures that depend on the ledger's state rather than on the event itself: TigerBeetle
 * retires the id, so resubmitting it answers id_already_failed instead of maybe succeeding later.
 */
const TRANSIENT = new Set<string>([
  "debit_account_not_found",
  "credit_account_not_found",
  "pending_transfer_not_found",
  "exceeds_credits",
  "exceeds_debits",
  "debit_account_already_closed",
  "credit_account_already_closed",
]);

function createAccount(store: Store, a: Account, timestamp: bigint): CreateAccountResult {
  const fail = (status: CreateAccountStatusName): CreateAccountResult => ({ status, timestamp });
  if (a.timestamp !== 0n) return fail("timestamp_must_be_zero");
  if (a.reserved !== 0) return fail("reserved_field");
  if ((a.flags & ~ACCOUNT_FLAGS_KNOWN) !== 0) return fail("reserved_flag");
  if (a.id === 0n) return fail("id_must_not_be_zero");
  if (a.id === U128_MAX) return fail("id_must_not_be_int_max");

  const existing = store.getAccount(a.id);
  if (existing) {
    const status = compareAccount(a, existing);
    return { status, timestamp: status === "exists" ? existing.timestamp : timestamp };
  }

  const limits = AccountFlags.debits_must_not_exceed_credits | AccountFlags.credits_must_not_exceed_debits;
  if ((a.flags & limits) === limits) return fail("flags_are_mutually_exclusive");
  if (a.debits_pending !== 0n) return fail("debits_pending_must_be_zero");
  if (a.debits_posted !== 0n) return fail("debits_posted_must_be_zero");
  if (a.credits_pending !== 0n) return fail("credits_pending_must_be_zero");
  if (a.credits_posted !== 0n) return fail("credits_posted_must_be_zero");
  if (a.ledger === 0) return fail("ledger_must_not_be_zero");
  if (a.code === 0) return fail("code_must_not_be_zero");

  store.insertAccount({ ...a, timestamp });
  return { status: "created", timestamp };
}

function compareAccount(a: Account, e: Account): CreateAccountStatusName {
  if (a.flags !== e.flags) return "exists_with_different_flags";
  if (a.user_data_128 !== e.user_data_128) return "exists_with_different_user_data_128";
  if (a.user_data_64 !== e.user_data_64) return "exists_with_different_user_data_64";
  if (a.user_data_32 !== e.user_data_32) return "exists_with_different_user_data_32";
  if (a.ledger !== e.ledger) return "exists_with_different_ledger";
  if (a.code !== e.code) return "exists_with_different_code";
  return "exists";
}

function createTransfer(store: Store, t: Transfer, timestamp: bigint): CreateTransferResult {
  const fail = (status: CreateTransferStatusName): CreateTransferResult => ({ status, timestamp });
  if (t.timestamp !== 0n) return fail("timestamp_must_be_zero");
  if ((t.flags & ~TRANSFER_FLAGS_KNOWN) !== 0) return fail("reserved_flag");
  if (t.id === 0n) return fail("id_must_not_be_zero");
  if (t.id === U128_MAX) return fail("id_must_not_be_int_max");

  const existing = store.getTransfer(t.id);
  if (existing) {
    const status = compareTransfer(store, t, existing);
    return { status, timestamp: status === "exists" ? existing.timestamp : timestamp };
  }
  if (store.isFailedTransferId(t.id)) return fail("id_already_failed");

  const resolving =
    has(t.flags, TransferFlags.post_pending_transfer) || has(t.flags, TransferFlags.void_pending_transfer);
  if (resolving) {
    const exclusive =
      TransferFlags.pending |
      TransferFlags.balancing_debit |
      TransferFlags.balancing_credit |
      TransferFlags.closing_debit |
      TransferFlags.closing_credit;
    const both = TransferFlags.post_pending_transfer | TransferFlags.void_pending_transfer;
    if ((t.flags & both) === both || has(t.flags, exclusive)) return fail("flags_are_mutually_exclusive");
    return resolvePending(store, t, timestamp);
  }
  return createPhaseOne(store, t, timestamp);
}

/** A single-phase transfer, or the first phase of a two-phase one (flags.pending). */
function createPhaseOne(store: Store, t: Transfer, timestamp: bigint): CreateTransferResult {
  const fail = (status: CreateTransferStatusName): CreateTransferResult => ({ status, timestamp });
  const pending = has(t.flags, TransferFlags.pending);
  if (t.debit_account_id === 0n) return fail("debit_account_id_must_not_be_zero");
  if (t.debit_account_id === U128_MAX) return fail("debit_account_id_must_not_be_int_max");
  if (t.credit_account_id === 0n) return fail("credit_account_id_must_not_be_zero");
  if (t.credit_account_id === U128_MAX) return fail("credit_account_id_must_not_be_int_max");
  if (t.credit_account_id === t.debit_account_id) return fail("accounts_must_be_different");
  if (t.pending_id !== 0n) return fail("pending_id_must_be_zero");
  if (!pending) {
    if (t.timeout !== 0) return fail("timeout_reserved_for_pending_transfer");
    if (has(t.flags, TransferFlags.closing_debit | TransferFlags.closing_credit)) {
      return fail("closing_transfer_must_be_pending");
    }
  }
  if (t.ledger === 0) return fail("ledger_must_not_be_zero");
  if (t.code === 0) return fail("code_must_not_be_zero");

  const dr = store.getAccount(t.debit_account_id);
  if (!dr) return fail("debit_account_not_found");
  const cr = store.getAccount(t.credit_account_id);
  if (!cr) return fail("credit_account_not_found");
  if (dr.ledger !== cr.ledger) return fail("accounts_must_have_the_same_ledger");
  if (t.ledger !== dr.ledger) return fail("transfer_must_have_the_same_ledger_as_accounts");
  if (has(dr.flags, AccountFlags.closed)) return fail("debit_account_already_closed");
  if (has(cr.flags, AccountFlags.closed)) return fail("credit_account_already_closed");

  // Balancing transfers move at most what keeps the account within its balance; the requested
  // amount is the upper limit (amount_max for no limit).
  let amount = t.amount;
  if (has(t.flags, TransferFlags.balancing_debit)) {
    amount = min(amount, saturatingSub(dr.credits_posted, dr.debits_posted + dr.debits_pending));
  }
  if (has(t.flags, TransferFlags.balancing_credit)) {
    amount = min(amount, saturatingSub(cr.debits_posted, cr.credits_posted + cr.credits_pending));
  }

  if (pending && amount + dr.debits_pending > U128_MAX) return fail("overflows_debits_pending");
  if (pending && amount + cr.credits_pending > U128_MAX) return fail("overflows_credits_pending");
  if (amount + dr.debits_posted > U128_MAX) return fail("overflows_debits_posted");
  if (amount + cr.credits_posted > U128_MAX) return fail("overflows_credits_posted");
  if (amount + dr.debits_pending + dr.debits_posted > U128_MAX) return fail("overflows_debits");
  if (amount + cr.credits_pending + cr.credits_posted > U128_MAX) return fail("overflows_credits");
  if (timestamp + BigInt(t.timeout) * NS_PER_S > TIMESTAMP_MAX) return fail("overflows_timeout");
  if (
    has(dr.flags, AccountFlags.debits_must_not_exceed_credits) &&
    dr.debits_pending + dr.debits_posted + amount > dr.credits_posted
  ) {
    return fail("exceeds_credits");
  }
  if (
    has(cr.flags, AccountFlags.credits_must_not_exceed_debits) &&
    cr.credits_pending + cr.credits_posted + amount > cr.debits_posted
  ) {
    return fail("exceeds_debits");
  }

  store.insertTransfer({ ...t, amount, timestamp });
  if (pending) {
    dr.debits_pending += amount;
    cr.credits_pending += amount;
    store.insertPending(t.id, t.timeout > 0 ? timestamp + BigInt(t.timeout) * NS_PER_S : null);
  } else {
    dr.debits_posted += amount;
    cr.credits_posted += amount;
  }
  if (has(t.flags, TransferFlags.closing_debit)) dr.flags |= AccountFlags.closed;
  if (has(t.flags, TransferFlags.closing_credit)) cr.flags |= AccountFlags.closed;
  saveAccounts(store, dr, cr, timestamp);
  return { status: "created", timestamp };
}

/** The amount a post or void moves: amount_max posts in full, and a void of 0 voids in full. */
function resolutionAmount(t: Transfer, p: Transfer): bigint {
  if (has(t.flags, TransferFlags.void_pending_transfer)) return t.amount === 0n ? p.amount : t.amount;
  return t.amount === amount_max ? p.amount : t.amount;
}

/** Second phase: post (fully or partially) or void a pending transfer. */
function resolvePending(store: Store, t: Transfer, timestamp: bigint): CreateTransferResult {
  const fail = (status: CreateTransferStatusName): CreateTransferResult => ({ status, timestamp });
  const voiding = has(t.flags, TransferFlags.void_pending_transfer);
  if (t.pending_id === 0n) return fail("pending_id_must_not_be_zero");
  if (t.pending_id === U128_MAX) return fail("pending_id_must_not_be_int_max");
  if (t.pending_id === t.id) return fail("pending_id_must_be_different");
  if (t.timeout !== 0) return fail("timeout_reserved_for_pending_transfer");

  const p = store.getTransfer(t.pending_id);
  if (!p) return fail("pending_transfer_not_found");
  if (!has(p.flags, TransferFlags.pending)) return fail("pending_transfer_not_pending");
  // Zero means "as in the pending transfer"; anything else must match it.
  if (t.debit_account_id !== 0n && t.debit_account_id !== p.debit_account_id) {
    return fail("pending_transfer_has_different_debit_account_id");
  }
  if (t.credit_account_id !== 0n && t.credit_account_id !== p.credit_account_id) {
    return fail("pending_transfer_has_different_credit_account_id");
  }
  if (t.ledger !== 0 && t.ledger !== p.ledger) return fail("pending_transfer_has_different_ledger");
  if (t.code !== 0 && t.code !== p.code) return fail("pending_transfer_has_different_code");

  const amount = resolutionAmount(t, p);
  if (amount > p.amount) return fail("exceeds_pending_transfer_amount");
  if (voiding && amount < p.amount) return fail("pending_transfer_has_different_amount");

  switch (store.pendingStatus(p.id)) {
    case PendingStatus.posted:
      return fail("pending_transfer_already_posted");
    case PendingStatus.voided:
      return fail("pending_transfer_already_voided");
    case PendingStatus.expired:
      return fail("pending_transfer_expired");
  }
  if (p.timeout > 0 && p.timestamp + BigInt(p.timeout) * NS_PER_S <= timestamp) return fail("pending_transfer_expired");

  const dr = store.getAccount(p.debit_account_id)!;
  const cr = store.getAccount(p.credit_account_id)!;
  // A closed account still lets its pending transfers be voided, nothing else.
  if (!voiding && has(dr.flags, AccountFlags.closed)) return fail("debit_account_already_closed");
  if (!voiding && has(cr.flags, AccountFlags.closed)) return fail("credit_account_already_closed");

  store.insertTransfer({
    id: t.id,
    debit_account_id: p.debit_account_id,
    credit_account_id: p.credit_account_id,
    amount,
    pending_id: t.pending_id,
    user_data_128: t.user_data_128 !== 0n ? t.user_data_128 : p.user_data_128,
    user_data_64: t.user_data_64 !== 0n ? t.user_data_64 : p.user_data_64,
    user_data_32: t.user_data_32 !== 0 ? t.user_data_32 : p.user_data_32,
    timeout: 0,
    ledger: p.ledger,
    code: p.code,
    flags: t.flags,
    timestamp,
  });
  store.setPendingStatus(p.id, voiding ? PendingStatus.voided : PendingStatus.posted);
  dr.debits_pending -= p.amount;
  cr.credits_pending -= p.amount;
  if (voiding) {
    reopenClosedBy(p, dr, cr);
  } else {
    dr.debits_posted += amount;
    cr.credits_posted += amount;
  }
  saveAccounts(store, dr, cr, timestamp);
  return { status: "created", timestamp };
}

/** Resubmitting an id: `exists` only if every field the caller set matches what was stored. */
function compareTransfer(store: Store, t: Transfer, e: Transfer): CreateTransferStatusName {
  if (t.flags !== e.flags) return "exists_with_different_flags";
  if (t.pending_id !== e.pending_id) return "exists_with_different_pending_id";
  if (t.timeout !== e.timeout) return "exists_with_different_timeout";

  let c = t;
  if (has(t.flags, TransferFlags.post_pending_transfer | TransferFlags.void_pending_transfer)) {
    // A stored post/void holds the values it inherited from its pending transfer.
    const p = store.getTransfer(t.pending_id)!;
    c = {
      ...t,
      debit_account_id: t.debit_account_id || p.debit_account_id,
      credit_account_id: t.credit_account_id || p.credit_account_id,
      user_data_128: t.user_data_128 || p.user_data_128,
      user_data_64: t.user_data_64 || p.user_data_64,
      user_data_32: t.user_data_32 || p.user_data_32,
      ledger: t.ledger || p.ledger,
      code: t.code || p.code,
      amount: resolutionAmount(t, p),
    };
  }
  if (c.debit_account_id !== e.debit_account_id) return "exists_with_different_debit_account_id";
  if (c.credit_account_id !== e.credit_account_id) return "exists_with_different_credit_account_id";
  // A balancing transfer's amount is an upper limit, so any limit at or above what moved matches.
  const balancing = has(c.flags, TransferFlags.balancing_debit | TransferFlags.balancing_credit);
  if (balancing ? c.amount < e.amount : c.amount !== e.amount) return "exists_with_different_amount";
  if (c.user_data_128 !== e.user_data_128) return "exists_with_different_user_data_128";
  if (c.user_data_64 !== e.user_data_64) return "exists_with_different_user_data_64";
  if (c.user_data_32 !== e.user_data_32) return "exists_with_different_user_data_32";
  if (c.ledger !== e.ledger) return "exists_with_different_ledger";
  if (c.code !== e.code) return "exists_with_different_code";
  return "exists";
}

/** Voiding or expiring a closing transfer reopens the account it closed. */
function reopenClosedBy(p: Transfer, dr: Account, cr: Account): void {
  if (has(p.flags, TransferFlags.closing_debit)) dr.flags &= ~AccountFlags.closed;
  if (has(p.flags, TransferFlags.closing_credit)) cr.flags &= ~AccountFlags.closed;
}

function saveAccounts(store: Store, dr: Account, cr: Account, timestamp: bigint): void {
  for (const account of [dr, cr]) {
    store.updateAccount(account);
    if (has(account.flags, AccountFlags.history)) store.insertBalance(account, timestamp);
  }
}

/** TigerBeetle's pulse: releases pending transfers whose timeout has passed by `now`. */
export function expirePending(store: Store, now: bigint): void {
  for (const p of store.duePending(now)) {
    const dr = store.getAccount(p.debit_account_id)!;
    const cr = store.getAccount(p.credit_account_id)!;
    dr.debits_pending -= p.amount;
    cr.credits_pending -= p.amount;
    reopenClosedBy(p, dr, cr);
    store.updateAccount(dr);
    store.updateAccount(cr);
    store.setPendingStatus(p.id, PendingStatus.expired);
  }
}
