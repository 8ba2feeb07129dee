import mysql from "mysql2/promise";
import { startTestDatabase } from "../db/local/test-database.ts";
import { migrateDatabase } from "../db/migrate.ts";

// Issue 16: rate impact re-rates a program's whole in-force book on a draft version. The book is
// 100,000 policies (each with its own submission and facts), written set-based into a fresh
// database; the measurement runs the service as the page does, through the PlanetScale driver
// and the simulator, and reports the wall time and the number of statements it sent.

/** The book size: 100,000 (the target), or BENCH_IMPACT_POLICIES for a quick check. */
export const IMPACT_BOOK = Number(process.env.BENCH_IMPACT_POLICIES ?? 100_000);

export type RateImpactBench = {
  policies: number;
  rerated: number;
  seconds: number;
  statements: number;
  heapMb: number;
};

export async function benchRateImpact(): Promise<RateImpactBench> {
  process.env.SEED_TODAY ||= new Date().toISOString().slice(0, 10);
  const { seedDemoData } = await import("../db/seed/index.ts");
  const database = await startTestDatabase();
  try {
    await migrateDatabase(database.databaseUrl);
    await seedDemoData(database.databaseUrl, "openinsure-bench-secret-00000000000000000000001");
    const connection = await mysql.createConnection({ ...database.mysql, multipleStatements: true });
    try {
      // Set-based: one INSERT ... SELECT per table over MariaDB's sequence engine, facts varied
      // by the sequence number (revenue, class, state, limits, deductible, losses).
      await connection.query(`
        INSERT INTO submissions (id, org_id, reference, agency_id, producer_user_id, insured_id, program_id,
          line_of_business, state, naics_code, annual_revenue_cents, payroll_cents, requested_limit_cents,
          deductible_cents, effective_date, term_months, prior_loss_count, prior_loss_incurred_cents, status,
          created_at, updated_at)
        SELECT CONCAT('sub_bench_', LPAD(seq, 6, '0')), 'org_summit', CONCAT('BENCH-', seq), 'agy_harbor',
          'usr_a_producer', IF(seq % 2 = 0, 'ins_redriver', 'ins_lonestar'), 'prg_summit_gl', 'GL',
          ELT(1 + seq % 3, 'TX', 'OK', 'LA'), ELT(1 + seq % 4, '561730', '238160', '238220', '722320'),
          25000000 + (seq % 400) * 1000000, NULL, 100000000, ELT(1 + seq % 3, 0, 100000, 250000),
          DATE_SUB(CURDATE(), INTERVAL seq % 300 DAY), 12, seq % 3, (seq % 3) * 500000, 'bound', NOW(3), NOW(3)
        FROM seq_1_to_${IMPACT_BOOK};
        INSERT INTO policies (id, org_id, policy_number, submission_id, insured_id, agency_id, program_id, carrier_id,
          line_of_business, state, status, effective_date, expiration_date, gross_premium_cents, fees_cents,
          taxes_cents, occurrence_limit_cents, aggregate_limit_cents, deductible_cents, installment_plan,
          created_at, updated_at)
        SELECT CONCAT('pol_bench_', LPAD(seq, 6, '0')), 'org_summit', CONCAT('BENCH-GL-', seq),
          CONCAT('sub_bench_', LPAD(seq, 6, '0')), IF(seq % 2 = 0, 'ins_redriver', 'ins_lonestar'), 'agy_harbor',
          'prg_summit_gl', p.carrier_id, 'GL', ELT(1 + seq % 3, 'TX', 'OK', 'LA'), 'active',
          DATE_SUB(CURDATE(), INTERVAL seq % 300 DAY), DATE_ADD(DATE_SUB(CURDATE(), INTERVAL seq % 300 DAY), INTERVAL 1 YEAR),
          100000 + (seq % 5000) * 100, 15000, 0, 100000000, 200000000, ELT(1 + seq % 3, 0, 100000, 250000), 'PIF',
          NOW(3), NOW(3)
        FROM seq_1_to_${IMPACT_BOOK} JOIN programs p ON p.id = 'prg_summit_gl';
      `);
    } finally {
      await connection.end();
    }
    // The service belongs to the Worker's TypeScript project; loaded by path, so this node project
    // does not compile the app's module graph.
    const measurePath = "../tests/support/rate-impact-measure.ts";
    const { measureDraftImpact } = (await import(measurePath)) as {
      measureDraftImpact: (databaseUrl: string) => Promise<RateImpactBench>;
    };
    return await measureDraftImpact(database.databaseUrl);
  } finally {
    await database.stop();
  }
}
