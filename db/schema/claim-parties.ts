import { index, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, orgId, ref, updatedAt } from "./columns.ts";

// Who else a claim involves beyond its claimants, the suits filed over it and the recoveries
// pursued from whoever caused it (ADR 025). None of it is PHI: a plaintiff is named by
// reference to a claimant (whose PHI stays sealed in claim_claimants), and contacts are the
// business parties of a file (counsel, repairers, public adjusters, the insured's people).

export const CLAIM_CONTACT_ROLES = [
  "insured_contact",
  "claimant_attorney",
  "public_adjuster",
  "repairer",
  "expert",
  "broker",
  "other",
] as const;
export type ClaimContactRole = (typeof CLAIM_CONTACT_ROLES)[number];

export const claimContacts = mysqlTable(
  "claim_contacts",
  {
    id: id(),
    orgId: orgId(),
    claimId: ref("claim_id").notNull(),
    role: varchar("role", { length: 20, enum: CLAIM_CONTACT_ROLES }).notNull(),
    name: varchar("name", { length: 120 }).notNull(),
    company: varchar("company", { length: 120 }),
    phone: varchar("phone", { length: 40 }),
    email: varchar("email", { length: 160 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("claim_contacts_org_claim_idx").on(t.orgId, t.claimId)],
);

export const SUIT_STATUSES = ["pending", "settled", "dismissed", "judgment"] as const;
export type SuitStatus = (typeof SUIT_STATUSES)[number];

/** A lawsuit over a claim and the defense counsel the MGA appointed for it. */
export const claimSuits = mysqlTable(
  "claim_suits",
  {
    id: id(),
    orgId: orgId(),
    claimId: ref("claim_id").notNull(),
    /** The claimant suing, by reference: the name is PHI and stays in claim_claimants. */
    plaintiffClaimantId: ref("plaintiff_claimant_id"),
    court: varchar("court", { length: 160 }).notNull(),
    docketNumber: varchar("docket_number", { length: 60 }).notNull(),
    venueState: varchar("venue_state", { length: 2 }).notNull(),
    filedOn: calendarDate("filed_on").notNull(),
    servedOn: calendarDate("served_on"),
    plaintiffCounsel: varchar("plaintiff_counsel", { length: 160 }),
    defenseFirm: varchar("defense_firm", { length: 160 }),
    defenseAttorney: varchar("defense_attorney", { length: 120 }),
    defenseEmail: varchar("defense_email", { length: 160 }),
    defensePhone: varchar("defense_phone", { length: 40 }),
    counselAppointedOn: calendarDate("counsel_appointed_on"),
    trialOn: calendarDate("trial_on"),
    status: varchar("status", { length: 10, enum: SUIT_STATUSES }).notNull(),
    resolvedOn: calendarDate("resolved_on"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("claim_suits_org_claim_idx").on(t.orgId, t.claimId)],
);

export const SUBROGATION_STATUSES = [
  "identified",
  "demand_sent",
  "negotiating",
  "arbitration",
  "in_suit",
  "recovered",
  "abandoned",
] as const;
export type SubrogationStatus = (typeof SUBROGATION_STATUSES)[number];

/**
 * A recovery pursued from a responsible third party (or its carrier). What it brought in is
 * the sum of the claim's subrogation recoveries that name it (claim_transactions.subrogation_id).
 */
export const claimSubrogations = mysqlTable(
  "claim_subrogations",
  {
    id: id(),
    orgId: orgId(),
    claimId: ref("claim_id").notNull(),
    targetName: varchar("target_name", { length: 160 }).notNull(),
    targetCarrier: varchar("target_carrier", { length: 160 }),
    targetClaimNumber: varchar("target_claim_number", { length: 60 }),
    basis: varchar("basis", { length: 500 }).notNull(),
    demandCents: cents("demand_cents").notNull(),
    status: varchar("status", { length: 12, enum: SUBROGATION_STATUSES }).notNull(),
    openedOn: calendarDate("opened_on").notNull(),
    demandSentOn: calendarDate("demand_sent_on"),
    closedOn: calendarDate("closed_on"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("claim_subrogations_org_claim_idx").on(t.orgId, t.claimId)],
);
