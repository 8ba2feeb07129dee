import { startTestDatabase } from "../local/test-database.ts";
import { migrateDatabase } from "../migrate.ts";

export const TEST_AUTH_SECRET = "openinsure-test-secret-0000000000000000000001";

/**
 * The suite's calendar: the seed builds its demo world around this date (SEED_TODAY), and the
 * tests that pass a "today" to the services use the same date, so the suite gives the same
 * answers on any real date. Override with SEED_TODAY=YYYY-MM-DD to move both.
 */
export const TEST_TODAY = "2026-11-22";

// One migrated and seeded database for the whole vitest run; tests that write use their own
// keys so they can share it.
export async function setup() {
  process.env.SEED_TODAY ||= TEST_TODAY;
  // Imported after SEED_TODAY is set: the demo data reads it once, when first loaded.
  const { seedDemoData } = await import("../seed/index.ts");
  const database = await startTestDatabase();
  await migrateDatabase(database.databaseUrl);
  await seedDemoData(database.databaseUrl, TEST_AUTH_SECRET);
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.BETTER_AUTH_SECRET = TEST_AUTH_SECRET;
  return database.stop;
}
