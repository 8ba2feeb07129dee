// JSON <-> ledger types for the HTTP API. u128 and u64 values travel as decimal strings (JSON
// numbers lose precision past 2^53); u32 and u16 as numbers. Input is checked strictly so a bad
// request fails with a 400 that names the field, before anything reaches the backend.
import {
  type Account,
  type AccountBalance,
  type AccountFilter,
  AccountFilterFlags,
  AccountFlags,
  BATCH_MAX,
  type CreateAccountResult,
  type CreateTransferResult,
  type Transfer,
  TransferFlags,
  U16_MAX,
  U32_MAX,
  U64_MAX,
  U128_MAX,
} from "./types.ts";

export class ValidationError extends Error {}

type FlagSet = Readonly<Record<string, number>>;
type Kind = "u128" | "u64" | "u32" | "u16" | FlagSet;

const ACCOUNT_FIELDS = {
  id: "u128",
  debits_pending: "u128",
  debits_posted: "u128",
  credits_pending: "u128",
  credits_posted: "u128",
  user_data_128: "u128",
  user_data_64: "u64",
  user_data_32: "u32",
  reserved: "u32",
  ledger: "u32",
  code: "u16",
  flags: AccountFlags,
  timestamp: "u64",
} as const satisfies Record<keyof Account, Kind>;

const TRANSFER_FIELDS = {
  id: "u128",
  debit_account_id: "u128",
  credit_account_id: "u128",
  amount: "u128",
  pending_id: "u128",
  user_data_128: "u128",
  user_data_64: "u64",
  user_data_32: "u32",
  timeout: "u32",
  ledger: "u32",
  code: "u16",
  flags: TransferFlags,
  timestamp: "u64",
} as const satisfies Record<keyof Transfer, Kind>;

const BALANCE_FIELDS = {
  debits_pending: "u128",
  debits_posted: "u128",
  credits_pending: "u128",
  credits_posted: "u128",
  timestamp: "u64",
} as const satisfies Record<keyof AccountBalance, Kind>;

/** Query parameters of the account transfers / balances endpoints (account_id is in the path). */
const FILTER_FIELDS = {
  user_data_128: "u128",
  user_data_64: "u64",
  user_data_32: "u32",
  code: "u16",
  timestamp_min: "u64",
  timestamp_max: "u64",
  limit: "u32",
  flags: AccountFilterFlags,
} as const satisfies Record<Exclude<keyof AccountFilter, "account_id">, Kind>;

const DECIMAL = /^(0|[1-9][0-9]*)$/;
/** 2^128-1 has 39 decimal digits: anything longer is refused before BigInt spends time on it. */
const MAX_DIGITS = 39;
const BIG_LIMITS = { u128: [U128_MAX, "2^128-1"], u64: [U64_MAX, "2^64-1"] } as const;
const SMALL_LIMITS = { u32: U32_MAX, u16: U16_MAX } as const;

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function parseBig(value: unknown, path: string, kind: "u128" | "u64"): bigint {
  const [max, maxText] = BIG_LIMITS[kind];
  if (typeof value === "string" && value.length > MAX_DIGITS) {
    throw new ValidationError(
      `${path}: at most ${MAX_DIGITS} digits (${kind}), got a string of ${value.length} characters`,
    );
  }
  if (typeof value !== "string" || !DECIMAL.test(value)) {
    throw new ValidationError(
      `${path}: expected a decimal string from "0" to "${max}" (${kind}), got ${describe(value)}`,
    );
  }
  const parsed = BigInt(value);
  if (parsed > max) throw new ValidationError(`${path}: ${value} is larger than ${maxText}, the ${kind} maximum`);
  return parsed;
}

function parseSmall(value: unknown, path: string, kind: "u32" | "u16"): number {
  const max = SMALL_LIMITS[kind];
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    throw new ValidationError(`${path}: expected an integer from 0 to ${max} (${kind}), got ${describe(value)}`);
  }
  return value;
}

/** Flags as TigerBeetle's bit field, or as a list of flag names: ["linked", "pending"]. */
function parseFlags(value: unknown, path: string, names: FlagSet): number {
  let flags: number;
  if (Array.isArray(value)) {
    flags = 0;
    for (const name of value) {
      if (typeof name !== "string" || !Object.hasOwn(names, name) || name === "none") {
        const known = Object.keys(names).filter((key) => key !== "none");
        throw new ValidationError(`${path}: unknown flag ${describe(name)}; flags are ${known.join(", ")}`);
      }
      flags |= names[name];
    }
  } else {
    flags = parseSmall(value, path, "u16");
  }
  // Imports carry caller-chosen past timestamps; the embedded backend cannot honour them, so the
  // proxy refuses them for every backend alike.
  if ("imported" in names && (flags & names.imported) !== 0) {
    throw new ValidationError(`${path}: the imported flag is not supported by the ledger proxy`);
  }
  return flags;
}

function parseField(value: unknown, path: string, kind: Kind): bigint | number {
  if (value === undefined) return kind === "u128" || kind === "u64" ? 0n : 0;
  if (kind === "u128" || kind === "u64") return parseBig(value, path, kind);
  if (kind === "u32" || kind === "u16") return parseSmall(value, path, kind);
  return parseFlags(value, path, kind);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function refuseUnknown(value: Record<string, unknown>, path: string, known: object): void {
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(known, key)) {
      const where = path ? `${path}.${key}` : key;
      throw new ValidationError(`${where}: unknown field; known fields are ${Object.keys(known).join(", ")}`);
    }
  }
}

/** Omitted fields are zero, as in TigerBeetle; the backend then judges the event. */
function parseObject<T>(value: unknown, path: string, fields: Record<string, Kind>): T {
  if (!isObject(value)) throw new ValidationError(`${path}: expected an object, got ${describe(value)}`);
  refuseUnknown(value, path, fields);
  const parsed: Record<string, bigint | number> = {};
  for (const [key, kind] of Object.entries(fields)) parsed[key] = parseField(value[key], `${path}.${key}`, kind);
  return parsed as T;
}

/** A request body of the form { [key]: [...] } holding at most BATCH_MAX items. */
function parseList<T>(body: unknown, key: string, item: (value: unknown, path: string) => T): T[] {
  if (!isObject(body)) throw new ValidationError(`body: expected a JSON object with a "${key}" array`);
  refuseUnknown(body, "", { [key]: true });
  const list = body[key];
  if (!Array.isArray(list)) throw new ValidationError(`${key}: expected an array, got ${describe(list)}`);
  if (list.length > BATCH_MAX) {
    throw new ValidationError(`${key}: at most ${BATCH_MAX} per request (a TigerBeetle batch), got ${list.length}`);
  }
  return list.map((value, i) => item(value, `${key}[${i}]`));
}

export function parseAccounts(body: unknown): Account[] {
  return parseList(body, "accounts", (value, path) => parseObject<Account>(value, path, ACCOUNT_FIELDS));
}

export function parseTransfers(body: unknown): Transfer[] {
  return parseList(body, "transfers", (value, path) => parseObject<Transfer>(value, path, TRANSFER_FIELDS));
}

export function parseIds(body: unknown): bigint[] {
  return parseList(body, "ids", (value, path) => parseBig(value, path, "u128"));
}

export function parseId(text: string, path: string): bigint {
  return parseBig(text, path, "u128");
}

/**
 * An AccountFilter from query parameters. Unlike TigerBeetle, `limit` defaults to BATCH_MAX and
 * `flags` to debits,credits, so a bare GET lists the account's transfers; flags may be a number or
 * comma-separated names.
 */
export function parseFilter(accountId: bigint, query: URLSearchParams): AccountFilter {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    if (values.length > 1) throw new ValidationError(`${key}: given ${values.length} times`);
    raw[key] = values[0];
  }
  refuseUnknown(raw, "", FILTER_FIELDS);
  const filter: AccountFilter = {
    account_id: accountId,
    user_data_128: 0n,
    user_data_64: 0n,
    user_data_32: 0,
    code: 0,
    timestamp_min: 0n,
    timestamp_max: 0n,
    limit: BATCH_MAX,
    flags: AccountFilterFlags.debits | AccountFilterFlags.credits,
  };
  for (const [key, kind] of Object.entries(FILTER_FIELDS)) {
    const text = raw[key];
    if (typeof text === "string") (filter as Record<string, bigint | number>)[key] = parseQueryValue(text, key, kind);
  }
  return filter;
}

function parseQueryValue(text: string, key: string, kind: Kind): bigint | number {
  if (kind === "u128" || kind === "u64") return parseBig(text, key, kind);
  const number = DECIMAL.test(text) ? Number(text) : text;
  if (kind === "u32" || kind === "u16") return parseSmall(number, key, kind);
  return parseFlags(typeof number === "number" ? number : text.split(","), key, kind);
}

function toJson(value: Record<string, bigint | number>, fields: Record<string, Kind>): Record<string, string | number> {
  const json: Record<string, string | number> = {};
  for (const key of Object.keys(fields)) {
    const field = value[key];
    json[key] = typeof field === "bigint" ? field.toString() : field;
  }
  return json;
}

export const accountToJson = (account: Account) => toJson(account, ACCOUNT_FIELDS);
export const transferToJson = (transfer: Transfer) => toJson(transfer, TRANSFER_FIELDS);
export const balanceToJson = (balance: AccountBalance) => toJson(balance, BALANCE_FIELDS);
export const resultToJson = ({ status, timestamp }: CreateAccountResult | CreateTransferResult) => ({
  status,
  timestamp: timestamp.toString(),
});
