import { boolean, index, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, createdAt, id, orgId, ref } from "./columns.ts";

// Certificates of insurance (issue 12, ADR 023): ACORD 25 certificates issued to holders.

/** A certificate holder remembered per insured, so the next certificate picks it from a list. */
export const certificateHolders = mysqlTable(
  "certificate_holders",
  {
    id: id(),
    orgId: orgId(),
    insuredId: ref("insured_id").notNull(),
    name: varchar("name", { length: 200 }).notNull(),
    addressLine1: varchar("address_line1", { length: 200 }).notNull(),
    city: varchar("city", { length: 100 }).notNull(),
    state: varchar("state", { length: 2 }).notNull(),
    postalCode: varchar("postal_code", { length: 10 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("certificate_holders_org_insured_name_uq").on(t.orgId, t.insuredId, t.name, t.addressLine1)],
);

/**
 * One issued certificate: the PDF is rendered once, from the policy as of `issuedOn`, and kept in
 * R2; the boxes it checked are recorded so the list shows them without opening the PDF.
 */
export const certificates = mysqlTable(
  "certificates",
  {
    id: id(),
    orgId: orgId(),
    policyId: ref("policy_id").notNull(),
    holderId: ref("holder_id").notNull(),
    certificateNumber: varchar("certificate_number", { length: 40 }).notNull(),
    issuedOn: calendarDate("issued_on").notNull(),
    additionalInsured: boolean("additional_insured").notNull(),
    waiverOfSubrogation: boolean("waiver_of_subrogation").notNull(),
    documentKey: varchar("document_key", { length: 200 }).notNull(),
    issuedByUserId: ref("issued_by_user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("certificates_org_policy_idx").on(t.orgId, t.policyId),
    uniqueIndex("certificates_org_number_uq").on(t.orgId, t.certificateNumber),
  ],
);
