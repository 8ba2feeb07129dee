// The daily dispatcher against the real database: two organizations on opposite sides of the
// date line, each billed on its own business date, once, and a failed job retried.
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { dailyJobRuns, installments, orgSettings } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { addPolicy, createMoneyBook, type MoneyBook } from "../../../tests/support/money.ts";
import { createId } from "../../utils/ids.ts";
import { type DailyJob, runDailyJobs } from "./daily-jobs.server.ts";

const db = guardedTestDatabase();

async function bookIn(timeZone: string): Promise<MoneyBook> {
  const book = await createMoneyBook(db);
  await db.insert(orgSettings).values({ id: createId("ost"), orgId: book.orgId, timeZone });
  return book;
}

async function statuses(orgId: string, policyId: string) {
  const rows = await db
    .select({ status: installments.status })
    .from(installments)
    .where(and(eq(installments.orgId, orgId), eq(installments.policyId, policyId)))
    .orderBy(asc(installments.number));
  return rows.map((r) => r.status);
}

describe("the daily jobs' dispatcher", () => {
  test("each organization's billing runs on its own local date, once per date", async () => {
    const auckland = await bookIn("Pacific/Auckland");
    const losAngeles = await bookIn("America/Los_Angeles");
    // Quarterly from 2026-09-01: the second installment (due 12-01) is invoiced on 11-11, 20 days ahead.
    const aucklandPolicy = await addPolicy(db, auckland, { effectiveDate: "2026-09-01" });
    const laPolicy = await addPolicy(db, losAngeles, { effectiveDate: "2026-09-01" });
    const orgIds = [auckland.orgId, losAngeles.orgId];
    const deps = { ledger: null };

    // 11:00 UTC on 11-10: midnight of the 11th in Auckland (UTC+13), 03:00 on the 10th in Los Angeles.
    const first = await runDailyJobs(db, deps, new Date("2026-11-10T11:00:00Z"), { orgIds });
    expect(first.filter((o) => o.job === "billing")).toEqual([
      { job: "billing", date: "2026-11-10", orgIds: [losAngeles.orgId] },
      { job: "billing", date: "2026-11-11", orgIds: [auckland.orgId] },
    ]);
    expect(first.every((o) => o.error === undefined)).toBe(true);
    expect(await statuses(auckland.orgId, aucklandPolicy.policyId)).toEqual([
      "overdue",
      "invoiced",
      "pending",
      "pending",
    ]);
    expect(await statuses(losAngeles.orgId, laPolicy.policyId)).toEqual(["overdue", "pending", "pending", "pending"]);

    // An hour later nobody's date has changed: the daily jobs do not run again; the hourly ones do.
    const again = await runDailyJobs(db, deps, new Date("2026-11-10T12:00:00Z"), { orgIds });
    expect(again.filter((o) => o.job === "billing")).toEqual([]);
    expect(again.filter((o) => o.job === "policy-lifecycle").map((o) => o.date)).toEqual(["2026-11-10", "2026-11-11"]);

    // 08:00 UTC on 11-11: midnight in Los Angeles (UTC-8); Auckland is still on the 11th, billed already.
    const next = await runDailyJobs(db, deps, new Date("2026-11-11T08:00:00Z"), { orgIds });
    expect(next.filter((o) => o.job === "billing")).toEqual([
      { job: "billing", date: "2026-11-11", orgIds: [losAngeles.orgId] },
    ]);
    expect(await statuses(losAngeles.orgId, laPolicy.policyId)).toEqual(["overdue", "invoiced", "pending", "pending"]);

    const runs = await db
      .select({ job: dailyJobRuns.job, date: dailyJobRuns.businessDate })
      .from(dailyJobRuns)
      .where(and(eq(dailyJobRuns.orgId, losAngeles.orgId), eq(dailyJobRuns.job, "billing")))
      .orderBy(asc(dailyJobRuns.businessDate));
    expect(runs).toEqual([
      { job: "billing", date: "2026-11-10" },
      { job: "billing", date: "2026-11-11" },
    ]);
  });

  test("organizations sharing a date run in one call; a job that fails is not recorded and is retried", async () => {
    const east = await bookIn("America/New_York");
    const central = await bookIn("America/Chicago");
    const orgIds = [east.orgId, central.orgId];
    const calls: { date: string; orgIds: readonly string[] }[] = [];
    let failures = 1;
    const flaky: DailyJob = {
      name: "test-flaky",
      cadence: "daily",
      run: async (_db, _deps, date, cohort) => {
        calls.push({ date, orgIds: [...cohort].sort() });
        if (failures-- > 0) throw new Error("the ledger proxy is unreachable");
      },
    };
    const steady: DailyJob = { name: "test-steady", cadence: "daily", run: async () => undefined };
    const at = new Date("2026-11-10T18:00:00Z");

    const first = await runDailyJobs(db, { ledger: null }, at, { orgIds, jobs: [flaky, steady] });
    expect(first.map((o) => [o.job, o.date, o.error !== undefined])).toEqual([
      ["test-flaky", "2026-11-10", true],
      ["test-steady", "2026-11-10", false],
    ]);
    const second = await runDailyJobs(db, { ledger: null }, at, { orgIds, jobs: [flaky, steady] });
    // A cohort's organizations come in no particular order.
    expect(second.map((o) => ({ ...o, orgIds: [...o.orgIds].sort() }))).toEqual([
      { job: "test-flaky", date: "2026-11-10", orgIds: [...orgIds].sort() },
    ]);
    expect(calls).toEqual([
      { date: "2026-11-10", orgIds: [...orgIds].sort() },
      { date: "2026-11-10", orgIds: [...orgIds].sort() },
    ]);
    expect(await runDailyJobs(db, { ledger: null }, at, { orgIds, jobs: [flaky, steady] })).toEqual([]);
  });
});
