import { expect, test } from "vitest";
import { submissions } from "../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { createId } from "../utils/ids.ts";
import { NEEDS_UNDERWRITING } from "./submission-queue.ts";
import { claimSubmission, listSubmissionQueue } from "./submissions.server.ts";

const db = guardedTestDatabase();
const underwriter = tenantOf("underwriter@summit.demo");
const base = { statuses: NEEDS_UNDERWRITING, sort: "newest" as const, page: 1, pageSize: 100 };

test("the queue filters, sorts and pages in the database and reports the total", async () => {
  const all = await listSubmissionQueue(db, underwriter, base);
  expect(all.total).toBe(all.rows.length);
  expect(all.rows.every((r) => (NEEDS_UNDERWRITING as readonly string[]).includes(r.status))).toBe(true);

  const wc = await listSubmissionQueue(db, underwriter, { ...base, line: "WC" });
  expect(wc.rows.length).toBeGreaterThan(0);
  expect(wc.rows.every((r) => r.lineOfBusiness === "WC")).toBe(true);

  const nm = await listSubmissionQueue(db, underwriter, { ...base, state: "NM", statuses: ["quoted"] });
  expect(nm.rows.every((r) => r.state === "NM" && r.status === "quoted")).toBe(true);

  const byPremium = await listSubmissionQueue(db, underwriter, { ...base, sort: "premium" });
  const premiums = byPremium.rows.map((r) => r.indicatedPremiumCents ?? -1);
  expect(premiums).toEqual([...premiums].sort((a, b) => b - a));

  const page1 = await listSubmissionQueue(db, underwriter, { ...base, pageSize: 2 });
  const page2 = await listSubmissionQueue(db, underwriter, { ...base, pageSize: 2, page: 2 });
  expect(page1.total).toBe(all.total);
  expect(page1.rows).toHaveLength(2);
  expect(page2.rows.map((r) => r.id)).not.toContain(page1.rows[0]!.id);

  const otherOrg = await listSubmissionQueue(db, tenantOf("underwriter@lakeshore.demo"), base);
  expect(otherOrg.rows.every((r) => !r.id.startsWith("sub_a_"))).toBe(true);
});

test("two underwriters claiming one submission at once: exactly one gets it", async () => {
  const id = createId("sub");
  await db.insert(submissions).values({
    id, orgId: underwriter.orgId, reference: id.slice(-12), agencyId: "agy_harbor", producerUserId: "usr_a_producer", insuredId: "ins_redriver",
    programId: "prg_summit_wc", lineOfBusiness: "WC", state: "OK", naicsCode: "561730", payrollCents: 50_000_000, requestedLimitCents: 100_000_000,
    deductibleCents: 0, effectiveDate: "2026-12-15", termMonths: 12, status: "submitted",
  });
  const results = await Promise.all([claimSubmission(db, underwriter, id), claimSubmission(db, tenantOf("senior.underwriter@summit.demo"), id)]);
  expect(results.filter(Boolean)).toHaveLength(1);
  expect(await claimSubmission(db, tenantOf("underwriter@lakeshore.demo"), id)).toBe(false);
});
