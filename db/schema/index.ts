import { getTableConfig, MySqlTable } from "drizzle-orm/mysql-core";
import * as agencyBilling from "./agency-billing.ts";
import * as api from "./api.ts";
import * as auth from "./auth.ts";
import * as billing from "./billing.ts";
import * as certificates from "./certificates.ts";
import * as carrier from "./carrier.ts";
import * as claimHandling from "./claim-handling.ts";
import * as claimParties from "./claim-parties.ts";
import * as claims from "./claims.ts";
import * as configuration from "./configuration.ts";
import * as dealRooms from "./deal-rooms.ts";
import * as documents from "./documents.ts";
import * as ledger from "./ledger.ts";
import * as money from "./money.ts";
import * as notifications from "./notifications.ts";
import * as parties from "./parties.ts";
import * as platform from "./platform.ts";
import * as policies from "./policies.ts";
import * as programs from "./programs.ts";
import * as quotes from "./quotes.ts";
import * as rating from "./rating.ts";
import * as scheduling from "./scheduling.ts";
import * as renewals from "./renewals.ts";
import * as servicing from "./servicing.ts";
import * as underwriting from "./underwriting.ts";
import * as workbench from "./workbench.ts";

export * from "./agency-billing.ts";
export * from "./api.ts";
export * from "./auth.ts";
export * from "./billing.ts";
export * from "./certificates.ts";
export * from "./carrier.ts";
export * from "./claim-handling.ts";
export * from "./claim-parties.ts";
export * from "./claims.ts";
export * from "./configuration.ts";
export * from "./documents.ts";
export * from "./ledger.ts";
export * from "./money.ts";
export * from "./deal-rooms.ts";
export * from "./notifications.ts";
export * from "./parties.ts";
export * from "./platform.ts";
export * from "./policies.ts";
export * from "./programs.ts";
export * from "./quotes.ts";
export * from "./renewals.ts";
export * from "./rating.ts";
export * from "./scheduling.ts";
export * from "./servicing.ts";
export * from "./underwriting.ts";
export * from "./workbench.ts";

const modules = [
  agencyBilling,
  api,
  auth,
  billing,
  certificates,
  carrier,
  claimHandling,
  claimParties,
  claims,
  configuration,
  dealRooms,
  documents,
  ledger,
  money,
  notifications,
  parties,
  platform,
  policies,
  programs,
  quotes,
  rating,
  scheduling,
  renewals,
  servicing,
  underwriting,
  workbench,
];

/** A tenant table is any table with an `org_id` column: every query on it must filter by it. */
export function tenantTableNames(): Set<string> {
  const names = new Set<string>();
  for (const mod of modules) {
    for (const value of Object.values(mod)) {
      if (!(value instanceof MySqlTable)) continue;
      const config = getTableConfig(value);
      if (config.columns.some((c) => c.name === "org_id")) names.add(config.name);
    }
  }
  return names;
}
