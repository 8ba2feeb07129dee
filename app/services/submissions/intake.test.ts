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
  insuredId,
  programId,
  naicsCode: "238320",
  exposure: toCents(90_000_000),
  requestedLimit: toCents(100_000_000),
  deductible: toCents(0),
  effectiveDate: "2026-12-20",
  termMonths: 12 as const,
  priorLossCount: 0,
  priorLossIncurred: toCents(0),
});
const newInsured = (name: string, state: string) => ({
  name,
  naicsCode: "238320",
  addressLine1: "1 Main St",
  city: "Austin",
  state,
  postalCode: "78701",
  yearsInBusiness: "5.0",
});

test("a new insured is filed together with its submission", async () => {
  const id = createId("ins");
  const filed = await fileSubmission(
    db,
    producer,
    input(id, "prg_summit_gl"),
    "2026-11-22",
    newInsured("Atomic Painting", "TX"),
  );
  expect(filed.ok).toBe(true);
  const [insured] = await db
    .select()
    .from(insureds)
    .where(and(eq(insureds.orgId, producer.orgId), eq(insureds.id, id)));
  expect(insured).toMatchObject({ name: "Atomic Painting", agencyId: "agy_harbor" });
});

test("a refused submission leaves no new insured behind", async () => {
  const id = createId("ins");
  const filed = await fileSubmission(
    db,
    producer,
    input(id, "prg_summit_wc"),
    "2026-11-22",
    newInsured("Nowhere Painting", "LA"),
  );
  expect(filed).toMatchObject({ ok: false, field: "programId" });
  expect(
    await db
      .select()
      .from(insureds)
      .where(and(eq(insureds.orgId, producer.orgId), eq(insureds.id, id))),
  ).toEqual([]);
  expect(
    await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.orgId, producer.orgId), eq(submissions.insuredId, id))),
  ).toEqual([]);
});

// Issue 10 item 5: revenue 0, limits and revenue of 2^53-1 and an effective date of 9999-12-31
// were filed (one quote came to $217,923,443,878.92); a class the program cannot rate was filed
// and then stuck. Each is refused at intake, naming the field.
test.each([
  ["revenue of 0", { exposure: 0 }, "exposure"],
  ["revenue of 2^53-1", { exposure: Number.MAX_SAFE_INTEGER }, "exposure"],
  ["revenue above the agreement's maximum insured revenue ($50M)", { exposure: 5_000_000_001 }, "exposure"],
  ["a limit of 2^53-1", { requestedLimit: Number.MAX_SAFE_INTEGER }, "requestedLimit"],
  ["a limit the rate table does not offer", { requestedLimit: 123_456_700 }, "requestedLimit"],
  ["a deductible the rate table does not offer", { deductible: 123_400 }, "deductible"],
  ["an effective date of 9999-12-31", { effectiveDate: "9999-12-31" }, "effectiveDate"],
  ["an effective date beyond the advance window", { effectiveDate: "2027-05-22" }, "effectiveDate"],
  ["an effective date in the past", { effectiveDate: "2026-11-21" }, "effectiveDate"],
  ["a NAICS code the program cannot rate", { naicsCode: "111110" }, "naicsCode"],
  ["prior losses of 2^53-1", { priorLossIncurred: Number.MAX_SAFE_INTEGER }, "priorLossIncurred"],
])("intake refuses %s", async (_, change, field) => {
  const id = createId("ins");
  const filed = await fileSubmission(
    db,
    producer,
    { ...input(id, "prg_summit_gl"), ...change } as never,
    "2026-11-22",
    newInsured("Implausible Painting", "TX"),
  );
  expect(filed).toMatchObject({ ok: false, field });
  expect(
    await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.orgId, producer.orgId), eq(submissions.insuredId, id))),
  ).toEqual([]);
});

test("intake takes a plausible submission at the edges of the windows", async () => {
  for (const effectiveDate of ["2026-11-22", "2027-05-21"]) {
    const filed = await fileSubmission(
      db,
      producer,
      { ...input(createId("ins"), "prg_summit_gl"), effectiveDate, exposure: toCents(5_000_000_000) },
      "2026-11-22",
      newInsured("Edge Painting", "TX"),
    );
    expect(filed, effectiveDate).toMatchObject({ ok: true });
  }
});
