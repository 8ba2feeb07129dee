import {
  CLAIM_STATUSES,
  DA_AGREEMENT_STATUSES,
  INVOICE_STATUSES,
  LINES_OF_BUSINESS,
  BORDEREAU_KINDS,
  BORDEREAU_STATUSES,
  POLICY_STATUSES,
  POLICY_TRANSACTION_TYPES,
  RENEWAL_OFFER_STATUSES,
  SUBMISSION_STATUSES,
} from "../../db/schema/index.ts";
import { DEAL_ROOM_STATUSES } from "../../db/schema/deal-room-roles.ts";
import { ROLES } from "../auth/permissions.ts";
import type { SortDir, TableSpec, TableState } from "../utils/table-state.ts";

// The data tables' URL state: which columns the database sorts by and which filters it takes.
// Pure, shared by a page's loader, its export route and its component.

/**
 * A table's spec from its sortable columns, its default order ("column dir") and the rest. Lists
 * have a search box unless they say otherwise. The sort and filter names are read off the
 * literals, so a model's `Record<SortOf<typeof spec>, column>` must name every sortable column.
 */
function listSpec<const Sort extends string, const Filter extends string = never>(
  sortable: readonly Sort[],
  defaultOrder: `${NoInfer<Sort>} ${SortDir}`,
  rest: Pick<TableSpec, "prefix" | "pageSizes" | "defaultPageSize" | "searchable"> & {
    filters?: { readonly [K in Filter]: readonly string[] };
  } = {},
): TableSpec<Sort, Filter> {
  const [defaultSort, defaultDir] = defaultOrder.split(" ") as [Sort, SortDir];
  return { searchable: true, ...rest, sortable, defaultSort, defaultDir };
}

export type SortOf<Spec> = Spec extends TableSpec<infer Sort, string> ? Sort : never;
export type StateOf<Spec> = Spec extends TableSpec<infer Sort, infer Filter> ? TableState<Sort, Filter> : never;

export const submissionBookTable = listSpec(
  ["created", "reference", "insured", "effective", "status"],
  "created desc",
  {
    prefix: "s.",
    filters: { status: SUBMISSION_STATUSES },
  },
);
export type SubmissionBookSort = SortOf<typeof submissionBookTable>;
export type SubmissionBookState = StateOf<typeof submissionBookTable>;

export const policyBookTable = listSpec(["effective", "policy", "insured", "premium", "status"], "effective desc", {
  prefix: "p.",
  filters: { status: POLICY_STATUSES },
});
export type PolicyBookSort = SortOf<typeof policyBookTable>;
export type PolicyBookState = StateOf<typeof policyBookTable>;

export const invoiceTable = listSpec(["due", "invoice", "policy", "insured", "amount", "status"], "due asc", {
  defaultPageSize: 50,
  filters: { status: INVOICE_STATUSES },
});
export type InvoiceSort = SortOf<typeof invoiceTable>;
export type InvoiceTableState = StateOf<typeof invoiceTable>;

export const journalTable = listSpec(["posted", "amount"], "posted desc", { defaultPageSize: 50, searchable: false });
export type JournalSort = SortOf<typeof journalTable>;
export type JournalTableState = StateOf<typeof journalTable>;

export const claimBookTable = listSpec(["reported", "claim", "loss", "reserve", "paid", "status"], "reported desc", {
  prefix: "c.",
  defaultPageSize: 50,
  filters: { status: CLAIM_STATUSES },
});
export const CLAIM_BOOK_SORTS = claimBookTable.sortable;
export type ClaimBookSort = SortOf<typeof claimBookTable>;
export type ClaimBookState = StateOf<typeof claimBookTable>;

// Configuration lists in /admin (issue 16).
export const programTable = listSpec(["name", "line", "carrier"], "name asc", { filters: { line: LINES_OF_BUSINESS } });
export type ProgramSort = SortOf<typeof programTable>;
export type ProgramTableState = StateOf<typeof programTable>;

export const agencyTable = listSpec(["name", "commission", "licence"], "name asc");
export type AgencySort = SortOf<typeof agencyTable>;
export type AgencyTableState = StateOf<typeof agencyTable>;

export const daAgreementTable = listSpec(
  ["reference", "program", "carrier", "status", "expires", "bound"],
  "expires asc",
  { filters: { status: DA_AGREEMENT_STATUSES } },
);
export type DaAgreementSort = SortOf<typeof daAgreementTable>;
export type DaAgreementTableState = StateOf<typeof daAgreementTable>;

/** Claims on the carrier's paper (the carrier portal): no claimant, no PHI. */
export const carrierClaimTable = listSpec(["reported", "claim", "loss", "reserve", "paid", "status"], "reported desc", {
  prefix: "c.",
  filters: { status: CLAIM_STATUSES },
});
export type CarrierClaimSort = SortOf<typeof carrierClaimTable>;
export type CarrierClaimState = StateOf<typeof carrierClaimTable>;

/** Bordereau versions: the MGA's list and the carrier's inbox. */
export const bordereauTable = listSpec(
  ["period", "version", "status", "lines", "generated", "submitted"],
  "period desc",
  { prefix: "b.", filters: { status: BORDEREAU_STATUSES, kind: BORDEREAU_KINDS } },
);
export type BordereauSort = SortOf<typeof bordereauTable>;
export type BordereauTableState = StateOf<typeof bordereauTable>;

/** Binds refused and quotes referred by a delegated-authority check. */
export const breachAttemptTable = listSpec(["when", "premium"], "when desc", {
  prefix: "x.",
  filters: { outcome: ["refused", "referred"] },
});
export type BreachAttemptSort = SortOf<typeof breachAttemptTable>;
export type BreachAttemptState = StateOf<typeof breachAttemptTable>;

/** Producer licences; standing is read on the org's today (expired, expiring within 60 days, valid). */
export const licenceTable = listSpec(["expires", "state", "holder", "agency"], "expires asc", {
  prefix: "l.",
  filters: { standing: ["expired", "expiring", "valid"] },
});
export type LicenceSort = SortOf<typeof licenceTable>;
export type LicenceTableState = StateOf<typeof licenceTable>;

export const renewalQueueTable = listSpec(["renewal", "policy", "insured", "premium", "status"], "renewal asc", {
  prefix: "r.",
  filters: { status: RENEWAL_OFFER_STATUSES },
});
export type RenewalQueueSort = SortOf<typeof renewalQueueTable>;
export type RenewalQueueState = StateOf<typeof renewalQueueTable>;

// Compliance and administration lists (issue: every list on the data table).

/** The audit log; its actor, entity, action and date filters are the page's own fields beside the table. */
export const auditLogTable = listSpec(["when", "action", "actor"], "when desc", { defaultPageSize: 50 });
export type AuditLogSort = SortOf<typeof auditLogTable>;
export type AuditLogState = StateOf<typeof auditLogTable>;

/** The PHI access log: who read or wrote which fields of which claim; never the values. */
export const phiAccessTable = listSpec(["when", "action", "actor", "claim"], "when desc", {
  defaultPageSize: 50,
  filters: { action: ["read", "write"] },
});
export type PhiAccessSort = SortOf<typeof phiAccessTable>;
export type PhiAccessState = StateOf<typeof phiAccessTable>;

/** A bordereau version's lines, premium or claims (a version holds one kind). */
export const premiumLineTable = listSpec(["line", "policy", "insured", "booked", "gross", "net"], "line asc", {
  prefix: "l.",
  defaultPageSize: 50,
  filters: { type: POLICY_TRANSACTION_TYPES },
});
export type PremiumLineSort = SortOf<typeof premiumLineTable>;
export type PremiumLineState = StateOf<typeof premiumLineTable>;

export const claimLineTable = listSpec(["line", "claim", "policy", "loss", "incurred"], "line asc", {
  prefix: "l.",
  defaultPageSize: 50,
  filters: { status: CLAIM_STATUSES },
});
export type ClaimLineSort = SortOf<typeof claimLineTable>;
export type ClaimLineState = StateOf<typeof claimLineTable>;

/** An organization's members, or one agency's (its producers and agency admins). */
export const memberTable = listSpec(["name", "email", "joined"], "name asc", {
  prefix: "m.",
  defaultPageSize: 50,
  filters: { role: ROLES, access: ["active", "suspended"], twoFactor: ["on", "off"] },
});
export type MemberSort = SortOf<typeof memberTable>;
export type MemberTableState = StateOf<typeof memberTable>;

/** Underwriting authority profiles; their edit forms follow the page's rows. */
export const authorityProfileTable = listSpec(["name", "tier"], "name asc", {
  pageSizes: [10, 25, 50],
  defaultPageSize: 10,
  filters: { tier: ["underwriter", "senior_underwriter", "chief_underwriter"] },
});
export type AuthorityProfileSort = SortOf<typeof authorityProfileTable>;
export type AuthorityProfileState = StateOf<typeof authorityProfileTable>;

/** Surplus-lines filing periods: computed from the filing calendar, so sorted and paged in memory. */
export const filingTable = listSpec(["due", "state", "tax"], "due asc", {
  filters: { status: ["overdue", "due_soon", "upcoming", "open", "filed"] },
});
export type FilingSort = SortOf<typeof filingTable>;
export type FilingTableState = StateOf<typeof filingTable>;

/** Each agreement's use of its limits, computed from premium booked by month (so paged in memory). */
export const utilizationTable = listSpec(["agreement", "program", "annual", "quarter", "expires"], "agreement asc", {
  prefix: "u.",
  filters: { status: DA_AGREEMENT_STATUSES },
});
export type UtilizationSort = SortOf<typeof utilizationTable>;
export type UtilizationTableState = StateOf<typeof utilizationTable>;

/** Domain events the queue gave up delivering; "waiting" ones have not been replayed. */
export const deadLetterTable = listSpec(["received", "event", "attempts"], "received desc", {
  filters: { replay: ["waiting", "replayed"] },
});
export type DeadLetterSort = SortOf<typeof deadLetterTable>;
export type DeadLetterState = StateOf<typeof deadLetterTable>;

/** Deal rooms the user may see (every room for underwriting roles, else the rooms they are in). */
export const dealRoomTable = listSpec(["opened", "reference", "insured", "status"], "opened desc", {
  filters: { status: DEAL_ROOM_STATUSES },
});
export type DealRoomSort = SortOf<typeof dealRoomTable>;
export type DealRoomTableState = StateOf<typeof dealRoomTable>;

// Money statements (ADR 030): finance's lists for a month and the agency's own in the producer area.
export const commissionStatementTable = listSpec(
  ["period", "agency", "premium", "commission", "status"],
  "period desc",
  {
    prefix: "c.",
    filters: { status: ["draft", "approved", "paid"] },
  },
);
export type CommissionStatementSort = SortOf<typeof commissionStatementTable>;
export type CommissionStatementState = StateOf<typeof commissionStatementTable>;

export const agencyStatementTable = listSpec(["period", "agency", "gross", "net", "status"], "period desc", {
  prefix: "a.",
  filters: { status: ["open", "received"] },
});
export type AgencyStatementSort = SortOf<typeof agencyStatementTable>;
export type AgencyStatementState = StateOf<typeof agencyStatementTable>;

export const carrierStatementTable = listSpec(["period", "carrier", "gross", "net"], "period desc", {
  prefix: "r.",
  filters: { status: ["open", "settled"] },
});
export type CarrierStatementSort = SortOf<typeof carrierStatementTable>;
export type CarrierStatementState = StateOf<typeof carrierStatementTable>;
