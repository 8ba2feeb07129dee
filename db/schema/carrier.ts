import {
  bigint,
  decimal,
  index,
  int,
  json,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, instant, orgId, ref } from "./columns.ts";

/**
 * The head of each organization's audit chain: appends lock this row FOR UPDATE, so two
 * concurrent appends cannot both link to the same previous row and fork the chain.
 */
export const auditChainHeads = mysqlTable(
  "audit_chain_heads",
  {
    orgId: orgId(),
    lastSequence: bigint("last_sequence", { mode: "number" }).notNull(),
    lastHash: varchar("last_hash", { length: 64 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId] })],
);

export const LICENCE_LINES = ["property", "casualty", "surplus_lines"] as const;
export type LicenceLine = (typeof LICENCE_LINES)[number];

/**
 * A producer's resident or non-resident licence in one state, as the state's register shows it.
 * A row without a producer is the agency's own (entity) licence, which covers what the agency
 * binds through its API keys.
 */
export const producerLicences = mysqlTable(
  "producer_licences",
  {
    id: id(),
    orgId: orgId(),
    producerUserId: ref("producer_user_id"),
    agencyId: ref("agency_id").notNull(),
    state: varchar("state", { length: 2 }).notNull(),
    licenceNumber: varchar("licence_number", { length: 40 }).notNull(),
    lines: json("lines").$type<LicenceLine[]>().notNull(),
    effectiveOn: calendarDate("effective_on").notNull(),
    expiresOn: calendarDate("expires_on").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("producer_licences_org_producer_state_uq").on(t.orgId, t.producerUserId, t.state, t.licenceNumber),
    index("producer_licences_org_expires_idx").on(t.orgId, t.expiresOn),
  ],
);

export const BORDEREAU_KINDS = ["premium", "claims"] as const;
export type BordereauKind = (typeof BORDEREAU_KINDS)[number];
export const BORDEREAU_STATUSES = ["draft", "submitted", "queried", "accepted", "superseded"] as const;
export type BordereauStatus = (typeof BORDEREAU_STATUSES)[number];

/**
 * One version of the monthly report to a carrier under one DA agreement. A correction is a new
 * version (the previous one becomes `superseded`); a version's lines never change once written.
 */
export const bordereaux = mysqlTable(
  "bordereaux",
  {
    id: id(),
    orgId: orgId(),
    carrierId: ref("carrier_id").notNull(),
    daAgreementId: ref("da_agreement_id").notNull(),
    kind: varchar("kind", { length: 8, enum: BORDEREAU_KINDS }).notNull(),
    /** First day of the reported month (org-local calendar). */
    periodStart: calendarDate("period_start").notNull(),
    periodEnd: calendarDate("period_end").notNull(),
    version: int("version").notNull(),
    status: varchar("status", { length: 10, enum: BORDEREAU_STATUSES }).notNull(),
    lineCount: int("line_count").notNull(),
    /** Premium: gross, commission, fees, taxes, net; claims: reserve, paid, incurred. */
    totals: json("totals").$type<Record<string, number>>().notNull(),
    /** The validation run when the version was generated; a failing check blocks submission. */
    checks: json("checks").$type<BordereauCheckRecord[]>().notNull(),
    generatedByUserId: ref("generated_by_user_id"),
    generatedAt: instant("generated_at").notNull(),
    submittedAt: instant("submitted_at"),
    acceptedAt: instant("accepted_at"),
  },
  (t) => [
    uniqueIndex("bordereaux_org_agreement_kind_period_version_uq").on(
      t.orgId,
      t.daAgreementId,
      t.kind,
      t.periodStart,
      t.version,
    ),
    index("bordereaux_org_carrier_idx").on(t.orgId, t.carrierId, t.periodStart),
  ],
);

export type BordereauCheckRecord = { check: string; passed: boolean; detail: string; lines: number[] };

/** A premium bordereau line: one policy transaction booked in the period, as reported. */
export const bordereauPremiumLines = mysqlTable(
  "bordereau_premium_lines",
  {
    orgId: orgId(),
    bordereauId: ref("bordereau_id").notNull(),
    lineNumber: int("line_number").notNull(),
    policyTransactionId: ref("policy_transaction_id").notNull(),
    policyNumber: varchar("policy_number", { length: 30 }).notNull(),
    insuredName: varchar("insured_name", { length: 200 }).notNull(),
    insuredState: varchar("insured_state", { length: 2 }).notNull(),
    naicsCode: varchar("naics_code", { length: 6 }).notNull(),
    lineOfBusiness: varchar("line_of_business", { length: 4 }).notNull(),
    policyEffectiveDate: calendarDate("policy_effective_date").notNull(),
    policyExpirationDate: calendarDate("policy_expiration_date").notNull(),
    transactionType: varchar("transaction_type", { length: 14 }).notNull(),
    transactionEffectiveDate: calendarDate("transaction_effective_date").notNull(),
    bookedOn: calendarDate("booked_on").notNull(),
    grossPremiumCents: cents("gross_premium_cents").notNull(),
    feesCents: cents("fees_cents").notNull(),
    taxesCents: cents("taxes_cents").notNull(),
    producerCommissionRate: decimal("producer_commission_rate", { precision: 6, scale: 4 }).notNull(),
    producerCommissionCents: cents("producer_commission_cents").notNull(),
    mgaCommissionRate: decimal("mga_commission_rate", { precision: 6, scale: 4 }).notNull(),
    mgaCommissionCents: cents("mga_commission_cents").notNull(),
    netToCarrierCents: cents("net_to_carrier_cents").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bordereauId, t.lineNumber] }), index("bpl_org_idx").on(t.orgId, t.bordereauId)],
);

/**
 * A claims bordereau line: the claim's position at the end of the period. The claimant column
 * holds what the carrier may see of the claimants (services/claims/phi.ts): never a PHI value.
 */
export const bordereauClaimLines = mysqlTable(
  "bordereau_claim_lines",
  {
    orgId: orgId(),
    bordereauId: ref("bordereau_id").notNull(),
    lineNumber: int("line_number").notNull(),
    claimId: ref("claim_id").notNull(),
    claimNumber: varchar("claim_number", { length: 30 }).notNull(),
    policyNumber: varchar("policy_number", { length: 30 }).notNull(),
    dateOfLoss: calendarDate("date_of_loss").notNull(),
    reportedOn: calendarDate("reported_on").notNull(),
    lossType: varchar("loss_type", { length: 60 }).notNull(),
    status: varchar("status", { length: 14 }).notNull(),
    claimant: varchar("claimant", { length: 500 }).notNull().default(""),
    caseReserveCents: cents("case_reserve_cents").notNull(),
    paidIndemnityCents: cents("paid_indemnity_cents").notNull().default(0),
    paidExpenseCents: cents("paid_expense_cents").notNull().default(0),
    paidCents: cents("paid_cents").notNull(),
    incurredCents: cents("incurred_cents").notNull(),
    recoveredCents: cents("recovered_cents").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bordereauId, t.lineNumber] }), index("bcl_org_idx").on(t.orgId, t.bordereauId)],
);

export const BORDEREAU_STEP_KINDS = [
  "generated",
  "submitted",
  "queried",
  "answered",
  "accepted",
  "superseded",
] as const;
export type BordereauStepKind = (typeof BORDEREAU_STEP_KINDS)[number];

/**
 * The review trail of a bordereau: every step by either side, timestamped; a carrier's query
 * names a line and the MGA's answer refers to the query it answers.
 */
export const bordereauSteps = mysqlTable(
  "bordereau_steps",
  {
    id: id(),
    orgId: orgId(),
    bordereauId: ref("bordereau_id").notNull(),
    kind: varchar("kind", { length: 10, enum: BORDEREAU_STEP_KINDS }).notNull(),
    lineNumber: int("line_number"),
    comment: text("comment"),
    answersStepId: ref("answers_step_id"),
    actorUserId: ref("actor_user_id"),
    createdAt: createdAt(),
  },
  (t) => [index("bordereau_steps_org_bordereau_idx").on(t.orgId, t.bordereauId, t.createdAt)],
);

/**
 * A bind that a delegated-authority check refused or referred: the carrier sees every attempt
 * to write outside the agreement, not only the ones that got through.
 */
export const daBreachAttempts = mysqlTable(
  "da_breach_attempts",
  {
    id: id(),
    orgId: orgId(),
    daAgreementId: ref("da_agreement_id").notNull(),
    submissionId: ref("submission_id").notNull(),
    quoteId: ref("quote_id"),
    userId: ref("user_id"),
    outcome: varchar("outcome", { length: 8, enum: ["refused", "referred"] }).notNull(),
    checks: json("checks").$type<{ check: string; detail: string }[]>().notNull(),
    grossPremiumCents: cents("gross_premium_cents").notNull(),
    attemptedOn: calendarDate("attempted_on").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("da_breach_attempts_org_agreement_idx").on(t.orgId, t.daAgreementId, t.createdAt)],
);

/** A surplus-lines premium tax filing made (or owed) to a state for one period. */
export const surplusLinesFilings = mysqlTable(
  "surplus_lines_filings",
  {
    id: id(),
    orgId: orgId(),
    state: varchar("state", { length: 2 }).notNull(),
    periodStart: calendarDate("period_start").notNull(),
    periodEnd: calendarDate("period_end").notNull(),
    dueOn: calendarDate("due_on").notNull(),
    taxableCents: cents("taxable_premium_cents").notNull(),
    taxCents: cents("tax_cents").notNull(),
    filedOn: calendarDate("filed_on"),
    confirmation: varchar("confirmation", { length: 60 }),
    filedByUserId: ref("filed_by_user_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("surplus_lines_filings_org_state_period_uq").on(t.orgId, t.state, t.periodStart)],
);
