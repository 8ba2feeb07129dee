import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/planetscale-serverless/migrator";
import { createDatabase } from "./client.ts";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export async function migrateDatabase(databaseUrl: string) {
  await migrate(createDatabase(databaseUrl), { migrationsFolder });
}

if (import.meta.main) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the database to migrate.");
  await migrateDatabase(url);
  console.log("Migrations applied.");
}
