import { count } from "drizzle-orm";
import { expect, test } from "vitest";
import { createDatabase } from "../client.ts";
import * as schema from "../schema/index.ts";
import { TEST_AUTH_SECRET } from "../test/global-setup.ts";
import { seedDemoData } from "./index.ts";

test("seeding twice changes nothing", async () => {
  const url = process.env.DATABASE_URL!;
  const db = createDatabase(url);
  const tables = [schema.user, schema.member, schema.account, schema.twoFactor, schema.policies, schema.submissions, schema.claims, schema.invoices];
  const countAll = () => Promise.all(tables.map(async (t) => (await db.select({ n: count() }).from(t))[0]!.n));
  const before = await countAll();
  await seedDemoData(url, TEST_AUTH_SECRET);
  expect(await countAll()).toEqual(before);
  expect(before.every((n) => n > 0)).toBe(true);
});
