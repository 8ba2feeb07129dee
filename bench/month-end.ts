import { sql } from "drizzle-orm";
import { createDatabase } from "../db/client.ts";
import { startTestDatabase } from "../db/local/test-database.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { runMonthEnd } from "../app/services/billing/month-end.server.ts";

// The month-end run (ADR 018) over a book of `policies` quarterly policies of one organization,
// spread over three months of effective dates: on 2026-12-01 it invoices every second installment
// falling due by 12-21, turns every unpaid first invoice overdue, and builds November's commission
// statements (20 agencies) and carrier statements (3 carriers). The book is written set-based
// straight into MariaDB (the Sequence engine's seq_1_to_N), then the run is timed through the
// PlanetScale simulator as the Worker would run it.

export type MonthEndBench = {
  policies: number;
  seconds: number;
  invoiced: number;
  overdue: number;
  commissionStatements: number;
  carrierStatements: number;
  peakRssMb: number;
  heapGrowthMb: number;
};

export async function benchMonthEnd(policies = 100_000): Promise<MonthEndBench> {
  const database = await startTestDatabase();
  try {
    await migrateDatabase(database.databaseUrl);
    // BENCH_TRACE=1 prints each statement of the run with its time, to see where it goes.
    const trace = process.env.BENCH_TRACE === "1";
    let tracing = false;
    const db = createDatabase(database.databaseUrl, {
      onStatement: (query) => {
        if (!trace || !tracing) return undefined;
        const started = performance.now();
        return () =>
          console.log(
            `${(performance.now() - started).toFixed(0).padStart(6)} ms  ${query.replace(/\s+/g, " ").slice(0, 110)}`,
          );
      },
    });
    const org = "org_bench";
    const n = `seq_1_to_${policies}`;
    const eff = sql.raw(`DATE_ADD('2026-09-01', INTERVAL (seq % 91) DAY)`);
    await db.execute(sql`/* unscoped: bench set-up */
      INSERT INTO organization (id, name, slug, created_at) VALUES (${org}, 'Bench MGA', 'bench-mga', NOW(3))`);
    await db.execute(
      sql.raw(`/* unscoped: bench set-up */
      INSERT INTO agencies (id, org_id, name, licensed_states, commission_rate, created_at)
      SELECT CONCAT('agy_b', seq), '${org}', CONCAT('Agency ', seq), '["TX"]', '0.1250', NOW(3) FROM seq_1_to_20`),
    );
    await db.execute(sql`/* unscoped: bench set-up */
      INSERT INTO policies (id, org_id, policy_number, insured_id, agency_id, program_id, carrier_id, line_of_business,
        state, status, effective_date, expiration_date, gross_premium_cents, fees_cents, taxes_cents, installment_plan,
        created_at, updated_at)
      SELECT CONCAT('pol_b', seq), ${org}, CONCAT('BEN-', seq), CONCAT('ins_b', seq), CONCAT('agy_b', 1 + seq % 20),
        'prg_bench', CONCAT('car_b', 1 + seq % 3), 'GL', 'TX', 'active', ${eff}, DATE_ADD(${eff}, INTERVAL 1 YEAR),
        100000 + seq, 2500, 4899, 'QUARTERLY', NOW(3), NOW(3)
      FROM ${sql.raw(n)}`);
    await db.execute(sql`/* unscoped: bench set-up */
      INSERT INTO policy_transactions (id, org_id, policy_id, sequence, type, effective_date, booked_on, premium_cents,
        fees_cents, taxes_cents, producer_commission_rate, producer_commission_cents, mga_commission_rate,
        mga_commission_cents, created_at)
      SELECT CONCAT('ptx_b', seq), ${org}, CONCAT('pol_b', seq), 1, 'new_business', ${eff},
        DATE_ADD('2026-11-01', INTERVAL (seq % 30) DAY), 100000 + seq, 2500, 4899, '0.1250',
        ROUND((100000 + seq) * 0.125), '0.0500', ROUND((100000 + seq) * 0.05), NOW(3)
      FROM ${sql.raw(n)}`);
    await db.execute(sql`/* unscoped: bench set-up */
      INSERT INTO installments (id, org_id, policy_id, number, due_date, share_cents, fee_cents, amount_cents, status, invoice_id)
      SELECT CONCAT('ins_b', seq, '_', k.seq2), ${org}, CONCAT('pol_b', seq), k.seq2,
        DATE_ADD(${eff}, INTERVAL 3 * (k.seq2 - 1) MONTH), 26850, 500, 27350,
        IF(k.seq2 = 1, 'invoiced', 'pending'), IF(k.seq2 = 1, CONCAT('inv_b', seq), NULL)
      FROM ${sql.raw(n)} CROSS JOIN (SELECT seq AS seq2 FROM seq_1_to_4) k`);
    // Half the first invoices are paid; the other half turn overdue at the run.
    await db.execute(sql`/* unscoped: bench set-up */
      INSERT INTO invoices (id, org_id, invoice_number, policy_id, due_date, amount_cents, status, created_at)
      SELECT CONCAT('inv_b', seq), ${org}, CONCAT('INV-B-', seq), CONCAT('pol_b', seq), ${eff}, 27350,
        IF(seq % 2 = 0, 'paid', 'invoiced'), NOW(3)
      FROM ${sql.raw(n)}`);

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    tracing = true;
    const report = await runMonthEnd(db, "2026-12-01");
    tracing = false;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    return {
      policies,
      seconds: Math.round(seconds * 10) / 10,
      invoiced: report.invoiced,
      overdue: report.overdue,
      commissionStatements: report.commissionStatements,
      carrierStatements: report.carrierStatements,
      peakRssMb: Math.round(peakRss / 1_048_576),
      heapGrowthMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1_048_576),
    };
  } finally {
    await database.stop();
  }
}
