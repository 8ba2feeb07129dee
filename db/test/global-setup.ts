import { startTestDatabase } from "../local/test-database.ts";
import { migrateDatabase } from "../migrate.ts";
import { seedDemoData } from "../seed/index.ts";

export const TEST_AUTH_SECRET = "openinsure-test-secret-0000000000000000000001";

// One migrated and seeded database for the whole vitest run; tests that write use their own
// keys so they can share it.
export async function setup() {
  const database = await startTestDatabase();
  await migrateDatabase(database.databaseUrl);
  await seedDemoData(database.databaseUrl, TEST_AUTH_SECRET);
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.BETTER_AUTH_SECRET = TEST_AUTH_SECRET;
  return database.stop;
}
