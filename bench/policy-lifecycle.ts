import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createConnection } from "mysql2/promise";
import { startTestDatabase } from "../db/local/test-database.ts";
import { migrateDatabase } from "../db/migrate.ts";

type LifecycleReport = Record<string, number>;

async function runJob(databaseUrl: string, today: string): Promise<{ ms: number; report: LifecycleReport }> {
  const job = new URL("./policy-lifecycle-job.mts", import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(process.execPath, [job, databaseUrl, today], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { ms: number; report: LifecycleReport };
}

// The daily policy lifecycle job (issue 12, ADR 017) over a book of 100,000 policies in its own
// database: a third issued and starting today (-> active), a third past expiry (-> expired), a
// third in force and untouched, each with a paid invoice, and 100 invoices unpaid past due (->
// notices). The job runs through the PlanetScale simulator exactly as the Worker's cron runs it;
// then runs again, which must change nothing.

export type LifecycleBench = {
  policies: number;
  firstRunMs: number;
  secondRunMs: number;
  first: LifecycleReport;
  second: LifecycleReport;
};

export async function benchPolicyLifecycle(policies = 100_000): Promise<LifecycleBench> {
  const database = await startTestDatabase();
  try {
    await migrateDatabase(database.databaseUrl);
    const mysql = await createConnection({ ...database.mysql, multipleStatements: true });
    const today = "2027-06-01";
    await mysql.query("SET SESSION max_recursive_iterations = 1000000");
    await mysql.query(`INSERT INTO programs (id, org_id, carrier_id, name, line_of_business, states, auto_bind_premium_cents,
        default_commission_rate, quote_valid_days, minimum_premium_cents, installment_plans, created_at)
      VALUES ('prg_bench', 'org_bench', 'car_bench', 'Bench GL', 'GL', '["TX"]', 0, 0.15, 30, 0, '["PIF"]', NOW(3))`);
    await mysql.query(`INSERT INTO policies (id, org_id, policy_number, insured_id, agency_id, program_id, carrier_id,
        line_of_business, state, status, effective_date, expiration_date, gross_premium_cents, fees_cents, taxes_cents,
        created_at, updated_at)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${policies})
      SELECT CONCAT('pol_b_', LPAD(i, 7, '0')), 'org_bench', CONCAT('B-', i), 'ins_bench', 'agy_bench', 'prg_bench',
        'car_bench', 'GL', 'TX',
        CASE i % 3 WHEN 0 THEN 'issued' ELSE 'active' END,
        CASE i % 3 WHEN 0 THEN '${today}' WHEN 1 THEN '2026-05-01' ELSE '2027-01-01' END,
        CASE i % 3 WHEN 0 THEN '2028-06-01' WHEN 1 THEN '2027-05-01' ELSE '2028-01-01' END,
        100000, 2500, 3000, NOW(3), NOW(3)
      FROM n`);
    await mysql.query(`INSERT INTO invoices (id, org_id, invoice_number, policy_id, due_date, amount_cents, status, created_at)
      SELECT CONCAT('inv_b_', SUBSTRING(id, 7)), org_id, CONCAT('IB-', SUBSTRING(id, 7)), id, effective_date, 105500,
        CASE WHEN CAST(SUBSTRING(id, 7) AS UNSIGNED) % 3 = 2 AND CAST(SUBSTRING(id, 7) AS UNSIGNED) <= 300 THEN 'invoiced' ELSE 'paid' END,
        NOW(3)
      FROM policies WHERE org_id = 'org_bench'`);
    await mysql.end();

    // Timed inside the job's process: module loading is not the job's work.
    const first = await runJob(database.databaseUrl, today);
    const second = await runJob(database.databaseUrl, today);
    return { policies, firstRunMs: first.ms, secondRunMs: second.ms, first: first.report, second: second.report };
  } finally {
    await database.stop();
  }
}
