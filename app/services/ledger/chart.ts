/**
 * The chart of accounts every organization has on the ledger, the transfer codes, and how an
 * org's ledger number, account ids and transfer ids are derived (ADR 006). Derivation rather
 * than allocation: the ids follow from the org and the business event, so provisioning and
 * posting can be repeated any number of times and always name the same ledger objects.
 */
import { sha256Hex } from "../../utils/sha256.ts";

export const ACCOUNT_TYPES = [
  { code: 1, name: "CARRIER_PAYABLE", label: "Carrier payable" },
  { code: 2, name: "MGA_FIDUCIARY", label: "MGA fiduciary (premium trust)" },
  { code: 3, name: "MGA_REVENUE", label: "MGA revenue" },
  { code: 4, name: "PRODUCER_PAYABLE", label: "Producer payable" },
  { code: 5, name: "TAX_AUTHORITY_PAYABLE", label: "Tax authority payable" },
  { code: 6, name: "LOSS_FUND", label: "Loss fund" },
  { code: 7, name: "CLAIMS_PAID", label: "Claims paid" },
  { code: 8, name: "RESERVES", label: "Reserves" },
  { code: 9, name: "REINSURER_PAYABLE", label: "Reinsurer payable" },
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export type AccountName = AccountType["name"];
export type AccountCode = AccountType["code"];

export const ACCOUNT = Object.fromEntries(ACCOUNT_TYPES.map((a) => [a.name, a.code])) as {
  [K in AccountName]: Extract<AccountType, { name: K }>["code"];
};

export function accountType(code: number): AccountType | undefined {
  return ACCOUNT_TYPES.find((a) => a.code === code);
}

export const TRANSFER_CODES = {
  PREMIUM_PAYMENT: 101,
  COMMISSION_SPLIT: 102,
  TAX_SPLIT: 103,
  FEE_SPLIT: 104,
  // Policy servicing (ADR 017): premium paid and then returned by a cancellation or endorsement
  // goes back from each party to the premium trust, one code per party; a reinstatement reverses
  // them by new transfers with their own codes.
  RETURN_PREMIUM: 110,
  COMMISSION_CLAWBACK: 111,
  MGA_COMMISSION_RETURN: 112,
  TAX_RETURN: 113,
  FEE_RETURN: 114,
  RETURN_PREMIUM_REVERSAL: 120,
  COMMISSION_CLAWBACK_REVERSAL: 121,
  MGA_COMMISSION_RETURN_REVERSAL: 122,
  TAX_RETURN_REVERSAL: 123,
  FEE_RETURN_REVERSAL: 124,
  SETTLEMENT: 201,
  // Money after bind (ADR 018): 140-199 and 202-299.
  /** A part's cent running back to trust inside a receipt, when cumulative shares round that way. */
  ALLOCATION_TRUE_UP: 140,
  /** A returned (NSF) payment: every part gives back what that payment's return leaves it over. */
  PAYMENT_RETURNED: 141,
  /** A refund of a credit balance (overpayment or return premium) out of the trust account. */
  PREMIUM_REFUND: 142,
  /** An approved producer commission statement paid to the agency. */
  COMMISSION_PAYOUT: 150,
  /** Premium tax and stamping fees remitted to a state for a period. */
  TAX_REMITTANCE: 151,
  /** One carrier's settlement statement for a period, net of commission, fees and taxes. */
  CARRIER_STATEMENT_SETTLEMENT: 202,
  // Agency bill (ADR 024): 160-199 and 203-299.
  /** A part's share of an agency-billed invoice paid by the agency's statement receipt. */
  AGENCY_BILL_RECEIPT: 160,
  /** The commission an agency keeps of what it collected: paid out by netting, never held. */
  AGENCY_COMMISSION_NETTED: 161,
  // Return premium applied to an invoice (ADR 030): 170-179.
  /** A part's share of a return-premium credit applied to an open invoice: trust to the part's account. */
  RETURN_CREDIT_APPLIED: 170,
  /** A part's cent running back to trust inside a credit applied, when cumulative shares round that way. */
  RETURN_CREDIT_TRUE_UP: 171,
  CLAIM_PAYMENT: 301,
  CLAIM_RECOVERY: 302,
  RESERVE_ADJUSTMENT: 303,
  REINSURANCE_RECOVERY: 304,
} as const;
export type TransferCodeName = keyof typeof TRANSFER_CODES;

export function transferCodeName(code: number): TransferCodeName | undefined {
  return (Object.keys(TRANSFER_CODES) as TransferCodeName[]).find((name) => TRANSFER_CODES[name] === code);
}

/** One transfer of a posting's linked chain, between two of the org's account types. */
export type PostingLeg = {
  leg: string;
  debit: AccountCode;
  credit: AccountCode;
  amountCents: number;
  transferCode: number;
};

/** Until finance sets its own, the MGA keeps 5% of premium beside the producer's commission. */
export const DEFAULT_MGA_COMMISSION_RATE = "0.0500";

/** ISO 4217 numeric code of the org's book, carried in every account's user_data_32. */
export const USD = 840;

// Payables may never be paid out beyond what they hold (a settlement run cannot remit more than
// the carrier is owed), and the trust account cannot pay out more cash than it received.
const DEBITS_MUST_NOT_EXCEED_CREDITS = 1 << 1;
const CREDITS_MUST_NOT_EXCEED_DEBITS = 1 << 2;
const HISTORY = 1 << 3;
export function accountFlags(code: AccountCode): number {
  if (code === ACCOUNT.CARRIER_PAYABLE || code === ACCOUNT.PRODUCER_PAYABLE || code === ACCOUNT.TAX_AUTHORITY_PAYABLE)
    return HISTORY | DEBITS_MUST_NOT_EXCEED_CREDITS;
  if (code === ACCOUNT.MGA_FIDUCIARY) return HISTORY | CREDITS_MUST_NOT_EXCEED_DEBITS;
  return HISTORY;
}

const U128_MAX = (1n << 128n) - 1n;

async function digest(text: string): Promise<string> {
  return sha256Hex(`openinsure:${text}`);
}

/** The org's ledger number: 31 bits of its id's hash, never 0. */
export async function orgLedgerNumber(orgId: string): Promise<number> {
  const value = Number.parseInt((await digest(`ledger:${orgId}`)).slice(0, 8), 16) & 0x7fffffff;
  return value === 0 ? 1 : value;
}

/**
 * An account id: the high 64 bits name the org (hash of its id), the low 64 bits the account
 * type code, so an id read off any transfer says whose account and which one it is.
 */
export async function orgAccountPrefix(orgId: string): Promise<bigint> {
  const prefix = BigInt(`0x${(await digest(`accounts:${orgId}`)).slice(0, 16)}`);
  return prefix === 0n ? 1n : prefix;
}

export function accountId(prefix: bigint, code: AccountCode): bigint {
  return (prefix << 64n) | BigInt(code);
}

/** A transfer id from the business event and the leg: the same event always posts the same ids. */
export async function transferId(orgId: string, postingId: string, leg: string): Promise<bigint> {
  const id = BigInt(`0x${(await digest(`transfer:${orgId}:${postingId}:${leg}`)).slice(0, 32)}`);
  return id === 0n || id === U128_MAX ? 1n : id;
}
