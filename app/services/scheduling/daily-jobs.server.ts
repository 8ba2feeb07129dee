/**
 * The daily jobs' dispatcher (ADR 027): every job runs for each organization on that
 * organization's own business date, set-based over the organizations that share a date. The
 * Worker's cron calls `runDailyJobs` at the top of every hour; a job joins by adding an entry to
 * `DAILY_JOBS`.
 */
import type { Database } from "../../../db/client.ts";
import { listDailyJobRunKeys, listOrgTimeZones, recordDailyJobRuns } from "../../models/daily-job-runs.server.ts";
import { runDailyBilling } from "../billing/billing-run.server.ts";
import { raiseInvoicesDue } from "../billing/invoices-due.server.ts";
import { runMonthEnd } from "../billing/month-end.server.ts";
import { runMonthlyBordereaux } from "../carrier/bordereaux.server.ts";
import { runLicenceExpiryAlerts } from "../compliance/licences.server.ts";
import type { LedgerClient } from "../ledger/client.server.ts";
import { runPolicyLifecycle } from "../servicing/lifecycle.server.ts";
import { runRenewalOffers } from "../servicing/renewal.server.ts";
import { businessDateCohorts } from "./business-dates.ts";

export type DailyJobDeps = { ledger: LedgerClient | null };

export type DailyJob = {
  name: string;
  /**
   * "daily": once per organization and business date, recorded in `daily_job_runs` (a failed
   * run is not recorded, so the next hour retries it). "hourly": on every dispatch, with each
   * organization's date, for jobs that must also catch what changed during the day.
   */
  cadence: "daily" | "hourly";
  /** Runs the job for `orgIds`, every one of which is on business date `date`. Must be idempotent. */
  run: (db: Database, deps: DailyJobDeps, date: string, orgIds: readonly string[]) => Promise<unknown>;
};

/** In order: billing first, so the lifecycle's non-payment notices see the day's overdue invoices. */
export const DAILY_JOBS: readonly DailyJob[] = [
  {
    // ADR 018: installments invoiced ahead of their due date, unpaid invoices overdue; on the
    // 1st the month-end run does the same and also builds last month's statements.
    name: "billing",
    cadence: "daily",
    run: (db, _deps, date, orgIds) =>
      date.endsWith("-01") ? runMonthEnd(db, date, { orgId: orgIds }) : runDailyBilling(db, date, { orgId: orgIds }),
  },
  // Raised once per invoice (once-key), so invoices issued during the day are caught within the hour.
  {
    name: "invoices-due",
    cadence: "hourly",
    run: (db, _deps, date, orgIds) => raiseInvoicesDue(db, date, { orgId: orgIds }),
  },
  {
    // ADR 017: newly bound policies are issued within the hour, not the next day.
    name: "policy-lifecycle",
    cadence: "hourly",
    run: (db, { ledger }, date, orgIds) => runPolicyLifecycle(db, ledger, date, { orgId: orgIds }),
  },
  {
    // ADR 023: offers prepared 60 days before expiry; idempotent, and hourly so a policy bound or
    // endorsed during the day is offered the same day.
    name: "renewal-offers",
    cadence: "hourly",
    run: (db, _deps, date, orgIds) => runRenewalOffers(db, date, { orgId: orgIds }),
  },
  {
    name: "licence-expiry-alerts",
    cadence: "daily",
    run: (db, _deps, date, orgIds) => runLicenceExpiryAlerts(db, date, { orgId: orgIds }),
  },
  {
    // Last month's bordereaux on the organization's first of the month.
    name: "monthly-bordereaux",
    cadence: "daily",
    run: async (db, _deps, date, orgIds) =>
      date.endsWith("-01") ? runMonthlyBordereaux(db, date, { orgId: orgIds }) : 0,
  },
];

export type DailyJobOutcome = { job: string; date: string; orgIds: readonly string[]; error?: string };

/**
 * One dispatch at `now`: each job runs once per group of organizations sharing a business date,
 * for the organizations it has not yet run for on that date (daily jobs). A job that throws is
 * reported and left unrecorded, and the other jobs still run. `orgIds` limits the dispatch to
 * some organizations (tests); `jobs` to some jobs.
 */
export async function runDailyJobs(
  db: Database,
  deps: DailyJobDeps,
  now: Date,
  { orgIds, jobs = DAILY_JOBS }: { orgIds?: readonly string[]; jobs?: readonly DailyJob[] } = {},
): Promise<DailyJobOutcome[]> {
  const cohorts = businessDateCohorts(await listOrgTimeZones(db, orgIds), now);
  const done = await listDailyJobRunKeys(
    db,
    cohorts.map((c) => c.date),
    orgIds,
  );
  const outcomes: DailyJobOutcome[] = [];
  for (const job of jobs) {
    for (const { date, orgIds: cohort } of cohorts) {
      const due = job.cadence === "hourly" ? cohort : cohort.filter((org) => !done.has(`${job.name}|${org}|${date}`));
      if (due.length === 0) continue;
      try {
        await job.run(db, deps, date, due);
        if (job.cadence === "daily") await recordDailyJobRuns(db, job.name, date, due);
        outcomes.push({ job: job.name, date, orgIds: due });
      } catch (error) {
        console.error(`daily job ${job.name} for ${date} failed; the next dispatch retries it`, error);
        outcomes.push({ job: job.name, date, orgIds: due, error: String(error) });
      }
    }
  }
  return outcomes;
}
