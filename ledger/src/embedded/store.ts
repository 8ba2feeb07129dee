import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import { type Account, type AccountBalance, type AccountFilter, AccountFilterFlags, type Transfer } from "../types.ts";

/** Lifecycle of a pending transfer, kept beside the (immutable) transfer itself. */
export const PendingStatus = { pending: 1, posted: 2, voided: 3, expired: 4 } as const;
export type PendingStatus = (typeof PendingStatus)[keyof typeof PendingStatus];

// SQLite integers stop at 2^63, so u128 and u64 values are stored as zero-padded decimal text:
// fixed width makes text order equal numeric order, and all arithmetic happens on BigInt.
const u128 = (value: bigint): string => value.toString().padStart(39, "0");
const u64 = (value: bigint): string => value.toString().padStart(20, "0");

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  debits_pending TEXT NOT NULL,
  debits_posted TEXT NOT NULL,
  credits_pending TEXT NOT NULL,
  credits_posted TEXT NOT NULL,
  user_data_128 TEXT NOT NULL,
  user_data_64 TEXT NOT NULL,
  user_data_32 INTEGER NOT NULL,
  reserved INTEGER NOT NULL,
  ledger INTEGER NOT NULL,
  code INTEGER NOT NULL,
  flags INTEGER NOT NULL,
  timestamp INTEGER NOT NULL UNIQUE
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS transfers (
  id TEXT PRIMARY KEY,
  debit_account_id TEXT NOT NULL,
  credit_account_id TEXT NOT NULL,
  amount TEXT NOT NULL,
  pending_id TEXT NOT NULL,
  user_data_128 TEXT NOT NULL,
  user_data_64 TEXT NOT NULL,
  user_data_32 INTEGER NOT NULL,
  timeout INTEGER NOT NULL,
  ledger INTEGER NOT NULL,
  code INTEGER NOT NULL,
  flags INTEGER NOT NULL,
  timestamp INTEGER NOT NULL UNIQUE
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS transfers_by_debit ON transfers (debit_account_id, timestamp);
CREATE INDEX IF NOT EXISTS transfers_by_credit ON transfers (credit_account_id, timestamp);

CREATE TABLE IF NOT EXISTS pending_transfers (
  id TEXT PRIMARY KEY,
  status INTEGER NOT NULL,
  expires_at INTEGER
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pending_transfers_due ON pending_transfers (expires_at) WHERE status = 1;

-- Ids of transfers that failed for a reason that could change (TigerBeetle's "transient"
-- results): reusing such an id answers id_already_failed, so a retry cannot succeed later.
CREATE TABLE IF NOT EXISTS failed_transfer_ids (id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

-- Balances after each transfer, for accounts with flags.history (get_account_balances).
CREATE TABLE IF NOT EXISTS account_balances (
  account_id TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  debits_pending TEXT NOT NULL,
  debits_posted TEXT NOT NULL,
  credits_pending TEXT NOT NULL,
  credits_posted TEXT NOT NULL,
  PRIMARY KEY (account_id, timestamp)
) STRICT, WITHOUT ROWID;
`;

type Row = Record<string, SQLInputValue>;

function decodeAccount(row: Row): Account {
  return {
    id: BigInt(row.id as string),
    debits_pending: BigInt(row.debits_pending as string),
    debits_posted: BigInt(row.debits_posted as string),
    credits_pending: BigInt(row.credits_pending as string),
    credits_posted: BigInt(row.credits_posted as string),
    user_data_128: BigInt(row.user_data_128 as string),
    user_data_64: BigInt(row.user_data_64 as string),
    user_data_32: Number(row.user_data_32),
    reserved: Number(row.reserved),
    ledger: Number(row.ledger),
    code: Number(row.code),
    flags: Number(row.flags),
    timestamp: row.timestamp as bigint,
  };
}

function decodeTransfer(row: Row): Transfer {
  return {
    id: BigInt(row.id as string),
    debit_account_id: BigInt(row.debit_account_id as string),
    credit_account_id: BigInt(row.credit_account_id as string),
    amount: BigInt(row.amount as string),
    pending_id: BigInt(row.pending_id as string),
    user_data_128: BigInt(row.user_data_128 as string),
    user_data_64: BigInt(row.user_data_64 as string),
    user_data_32: Number(row.user_data_32),
    timeout: Number(row.timeout),
    ledger: Number(row.ledger),
    code: Number(row.code),
    flags: Number(row.flags),
    timestamp: row.timestamp as bigint,
  };
}

function decodeBalance(row: Row): AccountBalance {
  return {
    debits_pending: BigInt(row.debits_pending as string),
    debits_posted: BigInt(row.debits_posted as string),
    credits_pending: BigInt(row.credits_pending as string),
    credits_posted: BigInt(row.credits_posted as string),
    timestamp: row.timestamp as bigint,
  };
}

/** The SQLite file behind the embedded backend: storage only, no ledger rules. */
export class Store {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  /**
   * Accounts changed by the open transaction, written back once at commit: a batch touches the
   * same few accounts thousands of times, and SQLite need only see their final balances.
   */
  #changed = new Map<bigint, Account>();
  #changedAtSavepoint = new Map<bigint, Account>();

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.#db = new DatabaseSync(join(dataDir, "ledger.sqlite"));
    // WAL + synchronous=FULL: a commit returns only after the WAL is fsynced, so an
    // acknowledged batch survives a crash, and an interrupted one is rolled back on open.
    this.#db.exec("PRAGMA journal_mode = WAL");
    this.#db.exec("PRAGMA synchronous = FULL");
    this.#db.exec("PRAGMA busy_timeout = 5000");
    // 64 MiB of page cache: a full batch's index pages stay in memory instead of being re-read.
    this.#db.exec("PRAGMA cache_size = -65536");
    this.#db.exec(SCHEMA);
  }

  close(): void {
    this.#db.close();
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      statement.setReadBigInts(true);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` in one write transaction: all of it is durable on return, or none of it is. */
  transaction<T>(work: () => T): T {
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      for (const account of this.#changed.values()) this.#writeAccount(account);
      this.#db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec("ROLLBACK");
      throw error;
    } finally {
      this.#changed.clear();
    }
  }

  savepoint(): void {
    this.#db.exec("SAVEPOINT chain");
    this.#changedAtSavepoint = new Map(this.#changed);
  }

  releaseSavepoint(): void {
    this.#db.exec("RELEASE chain");
  }

  rollbackToSavepoint(): void {
    this.#db.exec("ROLLBACK TO chain");
    this.#changed = this.#changedAtSavepoint;
  }

  lastTimestamp(): bigint {
    const row = this.#statement("SELECT value FROM meta WHERE key = 'last_timestamp'").get();
    return row ? (row.value as bigint) : 0n;
  }

  setLastTimestamp(timestamp: bigint): void {
    this.#statement(
      "INSERT INTO meta (key, value) VALUES ('last_timestamp', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(timestamp);
  }

  /** A copy: the caller may change it, and nothing is stored until updateAccount. */
  getAccount(id: bigint): Account | undefined {
    const changed = this.#changed.get(id);
    if (changed) return { ...changed };
    const row = this.#statement("SELECT * FROM accounts WHERE id = ?").get(u128(id));
    return row && decodeAccount(row);
  }

  insertAccount(a: Account): void {
    this.#statement("INSERT INTO accounts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run(
      u128(a.id),
      u128(a.debits_pending),
      u128(a.debits_posted),
      u128(a.credits_pending),
      u128(a.credits_posted),
      u128(a.user_data_128),
      u64(a.user_data_64),
      a.user_data_32,
      a.reserved,
      a.ledger,
      a.code,
      a.flags,
      a.timestamp,
    );
  }

  /** Balances and the `closed` flag are the only parts of an account that ever change. */
  updateAccount(a: Account): void {
    this.#changed.set(a.id, { ...a });
  }

  #writeAccount(a: Account): void {
    this.#statement(
      `UPDATE accounts SET debits_pending = ?, debits_posted = ?, credits_pending = ?, credits_posted = ?, flags = ?
       WHERE id = ?`,
    ).run(
      u128(a.debits_pending),
      u128(a.debits_posted),
      u128(a.credits_pending),
      u128(a.credits_posted),
      a.flags,
      u128(a.id),
    );
  }

  getTransfer(id: bigint): Transfer | undefined {
    const row = this.#statement("SELECT * FROM transfers WHERE id = ?").get(u128(id));
    return row && decodeTransfer(row);
  }

  insertTransfer(t: Transfer): void {
    this.#statement("INSERT INTO transfers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run(
      u128(t.id),
      u128(t.debit_account_id),
      u128(t.credit_account_id),
      u128(t.amount),
      u128(t.pending_id),
      u128(t.user_data_128),
      u64(t.user_data_64),
      t.user_data_32,
      t.timeout,
      t.ledger,
      t.code,
      t.flags,
      t.timestamp,
    );
  }

  isFailedTransferId(id: bigint): boolean {
    return this.#statement("SELECT 1 FROM failed_transfer_ids WHERE id = ?").get(u128(id)) !== undefined;
  }

  insertFailedTransferId(id: bigint): void {
    this.#statement("INSERT OR IGNORE INTO failed_transfer_ids VALUES (?)").run(u128(id));
  }

  insertPending(id: bigint, expiresAt: bigint | null): void {
    this.#statement("INSERT INTO pending_transfers VALUES (?, ?, ?)").run(u128(id), PendingStatus.pending, expiresAt);
  }

  pendingStatus(id: bigint): PendingStatus | undefined {
    const row = this.#statement("SELECT status FROM pending_transfers WHERE id = ?").get(u128(id));
    return row && (Number(row.status) as PendingStatus);
  }

  setPendingStatus(id: bigint, status: PendingStatus): void {
    this.#statement("UPDATE pending_transfers SET status = ? WHERE id = ?").run(status, u128(id));
  }

  hasDuePending(now: bigint): boolean {
    return (
      this.#statement("SELECT 1 FROM pending_transfers WHERE status = 1 AND expires_at <= ? LIMIT 1").get(now) !==
      undefined
    );
  }

  /** Pending transfers whose timeout has passed, in the order TigerBeetle expires them. */
  duePending(now: bigint): Transfer[] {
    return this.#statement(
      `SELECT t.* FROM pending_transfers p JOIN transfers t ON t.id = p.id
       WHERE p.status = 1 AND p.expires_at <= ? ORDER BY p.expires_at, t.timestamp`,
    )
      .all(now)
      .map(decodeTransfer);
  }

  insertBalance(a: Account, timestamp: bigint): void {
    this.#statement("INSERT INTO account_balances VALUES (?, ?, ?, ?, ?, ?)").run(
      u128(a.id),
      timestamp,
      u128(a.debits_pending),
      u128(a.debits_posted),
      u128(a.credits_pending),
      u128(a.credits_posted),
    );
  }

  balanceAt(accountId: bigint, timestamp: bigint): AccountBalance | undefined {
    const row = this.#statement("SELECT * FROM account_balances WHERE account_id = ? AND timestamp = ?").get(
      u128(accountId),
      timestamp,
    );
    return row && decodeBalance(row);
  }

  /**
   * Transfers matching an (already validated) AccountFilter. Each side is read through its own
   * (account, timestamp) index and limited before the merge, so a busy account is not sorted whole.
   */
  accountTransfers(filter: AccountFilter): Transfer[] {
    const order = filter.flags & AccountFilterFlags.reversed ? "DESC" : "ASC";
    const conditions: string[] = [];
    const params: SQLInputValue[] = [];
    // Zero means "no filter" for every field, as in TigerBeetle.
    const match = (condition: string, active: boolean, value: SQLInputValue) => {
      if (!active) return;
      conditions.push(condition);
      params.push(value);
    };
    match("user_data_128 = ?", filter.user_data_128 !== 0n, u128(filter.user_data_128));
    match("user_data_64 = ?", filter.user_data_64 !== 0n, u64(filter.user_data_64));
    match("user_data_32 = ?", filter.user_data_32 !== 0, filter.user_data_32);
    match("code = ?", filter.code !== 0, filter.code);
    match("timestamp >= ?", filter.timestamp_min !== 0n, filter.timestamp_min);
    match("timestamp <= ?", filter.timestamp_max !== 0n, filter.timestamp_max);

    const sides: string[] = [];
    const sideParams: SQLInputValue[] = [];
    const side = (column: string) => {
      const where = [`${column} = ?`, ...conditions].join(" AND ");
      sides.push(`SELECT * FROM (SELECT * FROM transfers WHERE ${where} ORDER BY timestamp ${order} LIMIT ?)`);
      sideParams.push(u128(filter.account_id), ...params, filter.limit);
    };
    if (filter.flags & AccountFilterFlags.debits) side("debit_account_id");
    if (filter.flags & AccountFilterFlags.credits) side("credit_account_id");

    const sql = `${sides.join(" UNION ALL ")} ORDER BY timestamp ${order} LIMIT ?`;
    return this.#statement(sql)
      .all(...sideParams, filter.limit)
      .map(decodeTransfer);
  }
}
