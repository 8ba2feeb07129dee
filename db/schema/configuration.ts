import { decimal, index, json, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, createdAt, id, instant, orgId, ref, updatedAt } from "./columns.ts";

// Configuration an MGA keeps for its own business (ADR 021): organization settings, the
// history of DA agreement amendments, agency appointments per program, the affiliation an
// invitation carries, and member suspensions.

/** One row per organization: its business calendar and how documents name it. */
export const orgSettings = mysqlTable(
  "org_settings",
  {
    id: id(),
    orgId: orgId(),
    /** IANA name; "today" for quote expiry, effective dates, due dates and cut-offs is local here. */
    timeZone: varchar("time_zone", { length: 64 }).notNull(),
    /** The name printed on declarations and other documents; the organization's name when null. */
    documentName: varchar("document_name", { length: 200 }),
    /** The R2 key of the logo printed on documents (PNG or JPEG, sniffed on upload); none when null. */
    logoKey: varchar("logo_key", { length: 200 }),
    logoContentType: varchar("logo_content_type", { length: 20 }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("org_settings_org_uq").on(t.orgId)],
);

/**
 * One amendment of a DA agreement: what changed (field -> from/to) and from which date. The
 * agreement row holds the terms in force; these rows are its history, never edited.
 */
export const daAgreementAmendments = mysqlTable(
  "da_agreement_amendments",
  {
    id: id(),
    orgId: orgId(),
    agreementId: ref("agreement_id").notNull(),
    /** created, amended, suspended, reinstated. */
    kind: varchar("kind", { length: 12 }).notNull(),
    effectiveOn: calendarDate("effective_on").notNull(),
    changes: json("changes").$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    reason: varchar("reason", { length: 500 }).notNull(),
    actorUserId: ref("actor_user_id"),
    createdAt: createdAt(),
  },
  (t) => [index("da_agreement_amendments_org_agreement_idx").on(t.orgId, t.agreementId, t.createdAt)],
);

/** An agency appointed to write a program, with its commission on that program. */
export const agencyAppointments = mysqlTable(
  "agency_appointments",
  {
    id: id(),
    orgId: orgId(),
    agencyId: ref("agency_id").notNull(),
    programId: ref("program_id").notNull(),
    commissionRate: decimal("commission_rate", { precision: 6, scale: 4 }).notNull(),
    appointedOn: calendarDate("appointed_on").notNull(),
    terminatedOn: calendarDate("terminated_on"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("agency_appointments_org_agency_program_uq").on(t.orgId, t.agencyId, t.programId)],
);

/**
 * Whom an invitation makes the invitee act for: the agency of a producer, the insured of a
 * policyholder, the carrier of a carrier user. Copied to `user_affiliations` on acceptance.
 */
export const invitationAffiliations = mysqlTable(
  "invitation_affiliations",
  {
    id: id(),
    orgId: orgId(),
    invitationId: ref("invitation_id").notNull(),
    agencyId: ref("agency_id"),
    insuredId: ref("insured_id"),
    carrierId: ref("carrier_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invitation_affiliations_invitation_uq").on(t.invitationId)],
);

/** A member kept in the organization but refused every page and key until reinstated. */
export const memberSuspensions = mysqlTable(
  "member_suspensions",
  {
    id: id(),
    orgId: orgId(),
    userId: ref("user_id").notNull(),
    reason: varchar("reason", { length: 500 }).notNull(),
    suspendedByUserId: ref("suspended_by_user_id"),
    suspendedAt: instant("suspended_at").notNull(),
  },
  (t) => [uniqueIndex("member_suspensions_org_user_uq").on(t.orgId, t.userId)],
);
