import {
  CLAIM_STATUSES,
  INVOICE_STATUSES,
  POLICY_STATUSES,
  RENEWAL_OFFER_STATUSES,
  SUBMISSION_STATUSES,
} from "../../db/schema/index.ts";
import type { TableSpec, TableState } from "../utils/table-state.ts";

// The data tables' URL state: which columns the database sorts by and which filters it takes.
// Pure, shared by a page's loader, its export route and its component.

export const SUBMISSION_BOOK_SORTS = ["created", "reference", "insured", "effective", "status"] as const;
export type SubmissionBookSort = (typeof SUBMISSION_BOOK_SORTS)[number];
export const submissionBookTable: TableSpec<SubmissionBookSort, "status"> = {
  prefix: "s.",
  sortable: SUBMISSION_BOOK_SORTS,
  defaultSort: "created",
  defaultDir: "desc",
  filters: { status: SUBMISSION_STATUSES },
  searchable: true,
};
export type SubmissionBookState = TableState<SubmissionBookSort, "status">;

export const POLICY_BOOK_SORTS = ["effective", "policy", "insured", "premium", "status"] as const;
export type PolicyBookSort = (typeof POLICY_BOOK_SORTS)[number];
export const policyBookTable: TableSpec<PolicyBookSort, "status"> = {
  prefix: "p.",
  sortable: POLICY_BOOK_SORTS,
  defaultSort: "effective",
  defaultDir: "desc",
  filters: { status: POLICY_STATUSES },
  searchable: true,
};
export type PolicyBookState = TableState<PolicyBookSort, "status">;

export const INVOICE_SORTS = ["due", "invoice", "policy", "insured", "amount", "status"] as const;
export type InvoiceSort = (typeof INVOICE_SORTS)[number];
export const invoiceTable: TableSpec<InvoiceSort, "status"> = {
  sortable: INVOICE_SORTS,
  defaultSort: "due",
  defaultDir: "asc",
  defaultPageSize: 50,
  filters: { status: INVOICE_STATUSES },
  searchable: true,
};
export type InvoiceTableState = TableState<InvoiceSort, "status">;

export const JOURNAL_SORTS = ["posted", "amount"] as const;
export type JournalSort = (typeof JOURNAL_SORTS)[number];
export const journalTable: TableSpec<JournalSort> = {
  sortable: JOURNAL_SORTS,
  defaultSort: "posted",
  defaultDir: "desc",
  defaultPageSize: 50,
};
export type JournalTableState = TableState<JournalSort>;

export const CLAIM_BOOK_SORTS = ["reported", "claim", "loss", "reserve", "paid", "status"] as const;
export type ClaimBookSort = (typeof CLAIM_BOOK_SORTS)[number];
export const claimBookTable: TableSpec<ClaimBookSort, "status"> = {
  prefix: "c.",
  sortable: CLAIM_BOOK_SORTS,
  defaultSort: "reported",
  defaultDir: "desc",
  defaultPageSize: 50,
  filters: { status: CLAIM_STATUSES },
  searchable: true,
};
export type ClaimBookState = TableState<ClaimBookSort, "status">;

export const RENEWAL_QUEUE_SORTS = ["renewal", "policy", "insured", "premium", "status"] as const;
export type RenewalQueueSort = (typeof RENEWAL_QUEUE_SORTS)[number];
export const renewalQueueTable: TableSpec<RenewalQueueSort, "status"> = {
  prefix: "r.",
  sortable: RENEWAL_QUEUE_SORTS,
  defaultSort: "renewal",
  defaultDir: "asc",
  filters: { status: RENEWAL_OFFER_STATUSES },
  searchable: true,
};
export type RenewalQueueState = TableState<RenewalQueueSort, "status">;
