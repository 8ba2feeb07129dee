import { and, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { insureds, submissions } from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { createId } from "../../utils/ids.ts";
import { toCents } from "../../utils/money.ts";
import { fileSubmission } from "./intake.server.ts";

const db = guardedTestDatabase();
const producer = tenantOf("producer@summit.demo");
const input = (insuredId: string, programId: string) => ({
  insuredId, programId, naicsCode: "238320", exposure: toCents(90_000_000), requestedLimit: toCents(100_000_000), deductible: toCents(0),
  effectiveDate: "2026-12-20", termMonths: 12 as const, priorLossCount: 0, priorLossIncurred: toCents(0),
});
const newInsured = (name: string, state: string) => ({ name, naicsCode: "238320", addressLine1: "1 Main St", city: "Austin", state, postalCode: "78701", yearsInBusiness: "5.0" });

test("a new insured is filed together with its submission", async () => {
  const id = createId("ins");
  const filed = await fileSubmission(db, producer, input(id, "prg_summit_gl"), "2026-11-22", newInsured("Atomic Painting", "TX"));
  expect(filed.ok).toBe(true);
  const [insured] = await db.select().from(insureds).where(and(eq(insureds.orgId, producer.orgId), eq(insureds.id, id)));
  expect(insured).toMatchObject({ name: "Atomic Painting", agencyId: "agy_harbor" });
});

test("a refused submission leaves no new insured behind", async () => {
  const id = createId("ins");
  const filed = await fileSubmission(db, producer, input(id, "prg_summit_wc"), "2026-11-22", newInsured("Nowhere Painting", "LA"));
  expect(filed).toMatchObject({ ok: false, field: "programId" });
  expect(await db.select().from(insureds).where(and(eq(insureds.orgId, producer.orgId), eq(insureds.id, id)))).toEqual([]);
  expect(await db.select().from(submissions).where(and(eq(submissions.orgId, producer.orgId), eq(submissions.insuredId, id)))).toEqual([]);
});
