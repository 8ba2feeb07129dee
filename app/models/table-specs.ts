import {
  CLAIM_STATUSES,
  DA_AGREEMENT_STATUSES,
  INVOICE_STATUSES,
  LINES_OF_BUSINESS,
  BORDEREAU_KINDS,
  BORDEREAU_STATUSES,
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

// Configuration lists in /admin (issue 16).
export const PROGRAM_SORTS = ["name", "line", "carrier"] as const;
export type ProgramSort = (typeof PROGRAM_SORTS)[number];
export const programTable: TableSpec<ProgramSort, "line"> = {
  sortable: PROGRAM_SORTS,
  defaultSort: "name",
  defaultDir: "asc",
  filters: { line: LINES_OF_BUSINESS },
  searchable: true,
};
export type ProgramTableState = TableState<ProgramSort, "line">;

export const AGENCY_SORTS = ["name", "commission", "licence"] as const;
export type AgencySort = (typeof AGENCY_SORTS)[number];
export const agencyTable: TableSpec<AgencySort> = {
  sortable: AGENCY_SORTS,
  defaultSort: "name",
  defaultDir: "asc",
  searchable: true,
};
export type AgencyTableState = TableState<AgencySort>;

export const DA_AGREEMENT_SORTS = ["reference", "program", "carrier", "status", "expires", "bound"] as const;
export type DaAgreementSort = (typeof DA_AGREEMENT_SORTS)[number];
export const daAgreementTable: TableSpec<DaAgreementSort, "status"> = {
  sortable: DA_AGREEMENT_SORTS,
  defaultSort: "expires",
  defaultDir: "asc",
  filters: { status: DA_AGREEMENT_STATUSES },
  searchable: true,
};
export type DaAgreementTableState = TableState<DaAgreementSort, "status">;

export const CARRIER_CLAIM_SORTS = ["reported", "claim", "loss", "reserve", "paid", "status"] as const;
export type CarrierClaimSort = (typeof CARRIER_CLAIM_SORTS)[number];
/** Claims on the carrier's paper (the carrier portal): no claimant, no PHI. */
export const carrierClaimTable: TableSpec<CarrierClaimSort, "status"> = {
  prefix: "c.",
  sortable: CARRIER_CLAIM_SORTS,
  defaultSort: "reported",
  defaultDir: "desc",
  filters: { status: CLAIM_STATUSES },
  searchable: true,
};
export type CarrierClaimState = TableState<CarrierClaimSort, "status">;

export const BORDEREAU_SORTS = ["period", "version", "status", "lines", "generated", "submitted"] as const;
export type BordereauSort = (typeof BORDEREAU_SORTS)[number];
/** Bordereau versions: the MGA's list and the carrier's inbox. */
export const bordereauTable: TableSpec<BordereauSort, "status" | "kind"> = {
  prefix: "b.",
  sortable: BORDEREAU_SORTS,
  defaultSort: "period",
  defaultDir: "desc",
  filters: { status: BORDEREAU_STATUSES, kind: BORDEREAU_KINDS },
  searchable: true,
};
export type BordereauTableState = TableState<BordereauSort, "status" | "kind">;

export const BREACH_ATTEMPT_SORTS = ["when", "premium"] as const;
export type BreachAttemptSort = (typeof BREACH_ATTEMPT_SORTS)[number];
/** Binds refused and quotes referred by a delegated-authority check. */
export const breachAttemptTable: TableSpec<BreachAttemptSort, "outcome"> = {
  prefix: "x.",
  sortable: BREACH_ATTEMPT_SORTS,
  defaultSort: "when",
  defaultDir: "desc",
  filters: { outcome: ["refused", "referred"] },
  searchable: true,
};
export type BreachAttemptState = TableState<BreachAttemptSort, "outcome">;

export const LICENCE_SORTS = ["expires", "state", "holder", "agency"] as const;
export type LicenceSort = (typeof LICENCE_SORTS)[number];
/** Producer licences; standing is read on the org's today (expired, expiring within 60 days, valid). */
export const licenceTable: TableSpec<LicenceSort, "standing"> = {
  prefix: "l.",
  sortable: LICENCE_SORTS,
  defaultSort: "expires",
  defaultDir: "asc",
  filters: { standing: ["expired", "expiring", "valid"] },
  searchable: true,
};
export type LicenceTableState = TableState<LicenceSort, "standing">;

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

// Money statements (ADR 030): finance's lists for a month and the agency's own in the producer area.
export const COMMISSION_STATEMENT_SORTS = ["period", "agency", "premium", "commission", "status"] as const;
export type CommissionStatementSort = (typeof COMMISSION_STATEMENT_SORTS)[number];
export const commissionStatementTable: TableSpec<CommissionStatementSort, "status"> = {
  prefix: "c.",
  sortable: COMMISSION_STATEMENT_SORTS,
  defaultSort: "period",
  defaultDir: "desc",
  filters: { status: ["draft", "approved", "paid"] },
  searchable: true,
};
export type CommissionStatementState = TableState<CommissionStatementSort, "status">;

export const AGENCY_STATEMENT_SORTS = ["period", "agency", "gross", "net", "status"] as const;
export type AgencyStatementSort = (typeof AGENCY_STATEMENT_SORTS)[number];
export const agencyStatementTable: TableSpec<AgencyStatementSort, "status"> = {
  prefix: "a.",
  sortable: AGENCY_STATEMENT_SORTS,
  defaultSort: "period",
  defaultDir: "desc",
  filters: { status: ["open", "received"] },
  searchable: true,
};
export type AgencyStatementState = TableState<AgencyStatementSort, "status">;

export const CARRIER_STATEMENT_SORTS = ["period", "carrier", "gross", "net"] as const;
export type CarrierStatementSort = (typeof CARRIER_STATEMENT_SORTS)[number];
export const carrierStatementTable: TableSpec<CarrierStatementSort, "status"> = {
  prefix: "r.",
  sortable: CARRIER_STATEMENT_SORTS,
  defaultSort: "period",
  defaultDir: "desc",
  filters: { status: ["open", "settled"] },
  searchable: true,
};
export type CarrierStatementState = TableState<CarrierStatementSort, "status">;
