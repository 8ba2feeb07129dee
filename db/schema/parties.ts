import { decimal, index, json, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, createdAt, id, orgId, ref, updatedAt } from "./columns.ts";

export const carriers = mysqlTable(
  "carriers",
  {
    id: id(),
    orgId: orgId(),
    name: varchar("name", { length: 200 }).notNull(),
    naicCompanyCode: varchar("naic_company_code", { length: 10 }),
    amBestRating: varchar("am_best_rating", { length: 10 }),
    createdAt: createdAt(),
  },
  (t) => [index("carriers_org_idx").on(t.orgId, t.name)],
);

/** A producer agency appointed by the MGA. */
export const agencies = mysqlTable(
  "agencies",
  {
    id: id(),
    orgId: orgId(),
    name: varchar("name", { length: 200 }).notNull(),
    licensedStates: json("licensed_states").$type<string[]>().notNull(),
    licenseNumber: varchar("license_number", { length: 40 }),
    licenseExpiresOn: calendarDate("license_expires_on"),
    commissionRate: decimal("commission_rate", { precision: 6, scale: 4 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("agencies_org_idx").on(t.orgId, t.name)],
);

export const insureds = mysqlTable(
  "insureds",
  {
    id: id(),
    orgId: orgId(),
    agencyId: ref("agency_id").notNull(),
    name: varchar("name", { length: 200 }).notNull(),
    naicsCode: varchar("naics_code", { length: 6 }).notNull(),
    addressLine1: varchar("address_line1", { length: 200 }).notNull(),
    city: varchar("city", { length: 100 }).notNull(),
    state: varchar("state", { length: 2 }).notNull(),
    postalCode: varchar("postal_code", { length: 10 }).notNull(),
    yearsInBusiness: decimal("years_in_business", { precision: 5, scale: 1 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("insureds_org_agency_idx").on(t.orgId, t.agencyId)],
);

/**
 * Which agency, insured or carrier a user acts for inside an organization. The relationship
 * rules of the permission module (a producer sees its agency's book, a policyholder its own
 * policies, a carrier user its own paper) read this.
 */
export const userAffiliations = mysqlTable(
  "user_affiliations",
  {
    id: id(),
    orgId: orgId(),
    userId: ref("user_id").notNull(),
    agencyId: ref("agency_id"),
    insuredId: ref("insured_id"),
    carrierId: ref("carrier_id"),
  },
  (t) => [uniqueIndex("user_affiliations_org_user_uq").on(t.orgId, t.userId)],
);
