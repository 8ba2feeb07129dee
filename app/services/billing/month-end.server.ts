/**
 * The month-end run (ADR 018), apart from the statements' payouts so the Worker's cron and the
 * bench can run it without a session.
 */
import type { Database } from "../../../db/client.ts";
import type { OrgScope } from "../../models/org-scope.server.ts";
import { upsertAgencyStatements } from "../../models/agency-statements.server.ts";
import { upsertCarrierStatements, upsertCommissionStatements } from "../../models/statements.server.ts";
import { periodBounds, periodOf, previousPeriod } from "../ledger/statements.ts";
import { runDailyBilling, type BillingRunReport } from "./billing-run.server.ts";

export type MonthEndReport = BillingRunReport & {
  period: string;
  commissionStatements: number;
  carrierStatements: number;
  agencyStatements: number;
};

/**
 * The month-end run on `today`: the day's billing, then the statements of the month just ended
 * (commission per agency, settlement per carrier, agency bill per agency: ADR 024). Rerunning refreshes drafts and leaves approved,
 * paid and settled statements as they are.
 */
export async function runMonthEnd(
  db: Database,
  today: string,
  options: { orgId?: OrgScope } = {},
): Promise<MonthEndReport> {
  const period = previousPeriod(periodOf(today));
  const billing = await runDailyBilling(db, today, options);
  const bounds = { name: period, ...periodBounds(period) };
  const commissionStatements = await upsertCommissionStatements(db, bounds, options.orgId);
  const carrierStatements = await upsertCarrierStatements(db, bounds, options.orgId);
  const agencyStatements = await upsertAgencyStatements(db, bounds, options.orgId);
  return { ...billing, period, commissionStatements, carrierStatements, agencyStatements };
}
