// TigerBeetle's data model, mirrored from tigerbeetle-node 0.17.x so both backends speak the same
// shapes. Flag bits and status codes are TigerBeetle's own values (asserted in types.test.ts).

export type Account = {
  id: bigint;
  debits_pending: bigint;
  debits_posted: bigint;
  credits_pending: bigint;
  credits_posted: bigint;
  user_data_128: bigint;
  user_data_64: bigint;
  user_data_32: number;
  reserved: number;
  ledger: number;
  code: number;
  flags: number;
  timestamp: bigint;
};

export type Transfer = {
  id: bigint;
  debit_account_id: bigint;
  credit_account_id: bigint;
  amount: bigint;
  pending_id: bigint;
  user_data_128: bigint;
  user_data_64: bigint;
  user_data_32: number;
  timeout: number;
  ledger: number;
  code: number;
  flags: number;
  timestamp: bigint;
};

export type AccountBalance = {
  debits_pending: bigint;
  debits_posted: bigint;
  credits_pending: bigint;
  credits_posted: bigint;
  timestamp: bigint;
};

export type AccountFilter = {
  account_id: bigint;
  user_data_128: bigint;
  user_data_64: bigint;
  user_data_32: number;
  code: number;
  timestamp_min: bigint;
  timestamp_max: bigint;
  limit: number;
  flags: number;
};

export const AccountFlags = {
  none: 0,
  linked: 1 << 0,
  debits_must_not_exceed_credits: 1 << 1,
  credits_must_not_exceed_debits: 1 << 2,
  history: 1 << 3,
  imported: 1 << 4,
  closed: 1 << 5,
} as const;

export const TransferFlags = {
  none: 0,
  linked: 1 << 0,
  pending: 1 << 1,
  post_pending_transfer: 1 << 2,
  void_pending_transfer: 1 << 3,
  balancing_debit: 1 << 4,
  balancing_credit: 1 << 5,
  closing_debit: 1 << 6,
  closing_credit: 1 << 7,
  imported: 1 << 8,
} as const;

export const AccountFilterFlags = {
  none: 0,
  debits: 1 << 0,
  credits: 1 << 1,
  reversed: 1 << 2,
} as const;

/** Every bit TigerBeetle defines; any other bit set is `reserved_flag`. */
export const ACCOUNT_FLAGS_KNOWN = 0x3f;
export const TRANSFER_FLAGS_KNOWN = 0x1ff;
export const ACCOUNT_FILTER_FLAGS_KNOWN = 0x7;

export const CreateAccountStatus = {
  created: 0xffffffff,
  linked_event_failed: 1,
  linked_event_chain_open: 2,
  imported_event_expected: 22,
  imported_event_not_expected: 23,
  timestamp_must_be_zero: 3,
  imported_event_timestamp_out_of_range: 24,
  imported_event_timestamp_must_not_advance: 25,
  reserved_field: 4,
  reserved_flag: 5,
  id_must_not_be_zero: 6,
  id_must_not_be_int_max: 7,
  exists_with_different_flags: 15,
  exists_with_different_user_data_128: 16,
  exists_with_different_user_data_64: 17,
  exists_with_different_user_data_32: 18,
  exists_with_different_ledger: 19,
  exists_with_different_code: 20,
  exists: 21,
  flags_are_mutually_exclusive: 8,
  debits_pending_must_be_zero: 9,
  debits_posted_must_be_zero: 10,
  credits_pending_must_be_zero: 11,
  credits_posted_must_be_zero: 12,
  ledger_must_not_be_zero: 13,
  code_must_not_be_zero: 14,
  imported_event_timestamp_must_not_regress: 26,
} as const;

export const CreateTransferStatus = {
  created: 0xffffffff,
  linked_event_failed: 1,
  linked_event_chain_open: 2,
  imported_event_expected: 56,
  imported_event_not_expected: 57,
  timestamp_must_be_zero: 3,
  imported_event_timestamp_out_of_range: 58,
  imported_event_timestamp_must_not_advance: 59,
  reserved_flag: 4,
  id_must_not_be_zero: 5,
  id_must_not_be_int_max: 6,
  exists_with_different_flags: 36,
  exists_with_different_pending_id: 40,
  exists_with_different_timeout: 44,
  exists_with_different_debit_account_id: 37,
  exists_with_different_credit_account_id: 38,
  exists_with_different_amount: 39,
  exists_with_different_user_data_128: 41,
  exists_with_different_user_data_64: 42,
  exists_with_different_user_data_32: 43,
  exists_with_different_ledger: 67,
  exists_with_different_code: 45,
  exists: 46,
  id_already_failed: 68,
  flags_are_mutually_exclusive: 7,
  debit_account_id_must_not_be_zero: 8,
  debit_account_id_must_not_be_int_max: 9,
  credit_account_id_must_not_be_zero: 10,
  credit_account_id_must_not_be_int_max: 11,
  accounts_must_be_different: 12,
  pending_id_must_be_zero: 13,
  pending_id_must_not_be_zero: 14,
  pending_id_must_not_be_int_max: 15,
  pending_id_must_be_different: 16,
  timeout_reserved_for_pending_transfer: 17,
  closing_transfer_must_be_pending: 64,
  ledger_must_not_be_zero: 19,
  code_must_not_be_zero: 20,
  debit_account_not_found: 21,
  credit_account_not_found: 22,
  accounts_must_have_the_same_ledger: 23,
  transfer_must_have_the_same_ledger_as_accounts: 24,
  pending_transfer_not_found: 25,
  pending_transfer_not_pending: 26,
  pending_transfer_has_different_debit_account_id: 27,
  pending_transfer_has_different_credit_account_id: 28,
  pending_transfer_has_different_ledger: 29,
  pending_transfer_has_different_code: 30,
  exceeds_pending_transfer_amount: 31,
  pending_transfer_has_different_amount: 32,
  pending_transfer_already_posted: 33,
  pending_transfer_already_voided: 34,
  pending_transfer_expired: 35,
  imported_event_timestamp_must_not_regress: 60,
  imported_event_timestamp_must_postdate_debit_account: 61,
  imported_event_timestamp_must_postdate_credit_account: 62,
  imported_event_timeout_must_be_zero: 63,
  debit_account_already_closed: 65,
  credit_account_already_closed: 66,
  overflows_debits_pending: 47,
  overflows_credits_pending: 48,
  overflows_debits_posted: 49,
  overflows_credits_posted: 50,
  overflows_debits: 51,
  overflows_credits: 52,
  overflows_timeout: 53,
  exceeds_credits: 54,
  exceeds_debits: 55,
} as const;

export type CreateAccountStatusName = keyof typeof CreateAccountStatus;
export type CreateTransferStatusName = keyof typeof CreateTransferStatus;

// tigerbeetle-node reports the status as its numeric code; the proxy carries the name, which is
// what TigerBeetle's docs and the app's code talk about.
export type CreateAccountResult = { status: CreateAccountStatusName; timestamp: bigint };
export type CreateTransferResult = { status: CreateTransferStatusName; timestamp: bigint };

export const U16_MAX = 0xffff;
export const U32_MAX = 0xffffffff;
export const U64_MAX = (1n << 64n) - 1n;
export const U128_MAX = (1n << 128n) - 1n;

/** TigerBeetle keeps the top bit of its u64 timestamps for itself. */
export const TIMESTAMP_MAX = (1n << 63n) - 1n;

/** tigerbeetle-node's `amount_max`: post the full pending amount, or balance without a cap. */
export const amount_max = U128_MAX;

/**
 * The most events one request may carry. TigerBeetle 0.16 allowed 8,190; the 0.17 client's
 * multi-batch framing takes one slot, and tigerbeetle-node 0.17.9 rejects 8,190 events with
 * ERR_TOO_MUCH_DATA, so 8,189 is the size a batch can have against a real cluster.
 */
export const BATCH_MAX = 8189;
