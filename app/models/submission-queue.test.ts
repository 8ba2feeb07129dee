import { expect, test } from "vitest";
import { agencies, insureds, organization, submissions } from "../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";
import { NEEDS_UNDERWRITING } from "./submission-queue.ts";
import { claimSubmission, listSubmissionQueue } from "./submissions.server.ts";

const db = guardedTestDatabase();
const underwriter = tenantOf("underwriter@summit.demo");
const base = { statuses: NEEDS_UNDERWRITING, sort: "newest" as const, page: 1, pageSize: 100 };

/**
 * An organization of the test's own with a queue it knows row by row: other test files write
 * submissions into the demo orgs at the same time, so totals there prove nothing.
 */
async function organizationWithQueue() {
  const orgId = createId("org");
  const agencyId = createId("agy");
  const insuredId = createId("ins");
  await db.insert(organization).values({ id: orgId, name: `Queue Test ${orgId}`, slug: orgId });
  await db
    .insert(agencies)
    .values({ id: agencyId, orgId, name: "Queue Agency", licensedStates: ["TX"], commissionRate: "0.1000" });
  await db.insert(insureds).values({
    id: insuredId,
    orgId,
    agencyId,
    name: "Queue Insured",
    naicsCode: "238160",
    addressLine1: "1 Main St",
    city: "Austin",
    state: "TX",
    postalCode: "78701",
  });
  const specs = [
    { status: "submitted", line: "GL", state: "TX", premium: null },
    { status: "in_review", line: "WC", state: "OK", premium: null },
    { status: "referred", line: "GL", state: "LA", premium: 500_000 },
    { status: "quoted", line: "GL", state: "NM", premium: 605_800 },
    { status: "quoted", line: "GL", state: "TX", premium: 120_000 },
    { status: "quoted", line: "WC", state: "NM", premium: 300_000 },
    { status: "bound", line: "GL", state: "TX", premium: 900_000 },
    { status: "draft", line: "GL", state: "TX", premium: null },
  ] as const;
  const rows = specs.map((spec, n) => ({
    id: createId("sub"),
    orgId,
    reference: `Q-${n}`,
    agencyId,
    producerUserId: "usr_queue_producer",
    insuredId,
    programId: "prg_queue",
    lineOfBusiness: spec.line,
    state: spec.state,
    naicsCode: "238160",
    payrollCents: 50_000_000,
    requestedLimitCents: 100_000_000,
    deductibleCents: 0,
    effectiveDate: "2026-12-15",
    termMonths: 12,
    status: spec.status,
    indicatedPremiumCents: spec.premium,
    createdAt: new Date(Date.UTC(2026, 10, 1, 12, n)),
  }));
  await db.insert(submissions).values(rows);
  const underwriter: TenantContext = {
    orgId,
    orgName: `Queue Test ${orgId}`,
    userId: createId("usr"),
    roles: ["underwriter"],
    agencyId: null,
    insuredId: null,
    carrierId: null,
  };
  return { underwriter, rows };
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

test("the queue filters, sorts and pages in the database and reports the total", async () => {
  const { underwriter, rows } = await organizationWithQueue();
  const waiting = rows.filter((r) => (NEEDS_UNDERWRITING as readonly string[]).includes(r.status));
  expect(waiting).toHaveLength(6);

  const all = await listSubmissionQueue(db, underwriter, base);
  expect(all.total).toBe(6);
  expect(ids(all.rows)).toEqual(ids(waiting));
  expect(all.rows.map((r) => r.id)).toEqual([...waiting].reverse().map((r) => r.id)); // newest first

  const wc = await listSubmissionQueue(db, underwriter, { ...base, line: "WC" });
  expect(ids(wc.rows)).toEqual(ids(waiting.filter((r) => r.lineOfBusiness === "WC")));
  expect(wc.total).toBe(2);

  const nm = await listSubmissionQueue(db, underwriter, { ...base, state: "NM", statuses: ["quoted"] });
  expect(ids(nm.rows)).toEqual(ids(rows.filter((r) => r.state === "NM" && r.status === "quoted")));
  expect(nm.total).toBe(2);

  const byPremium = await listSubmissionQueue(db, underwriter, { ...base, sort: "premium" });
  expect(byPremium.rows.map((r) => r.indicatedPremiumCents)).toEqual([605_800, 500_000, 300_000, 120_000, null, null]);

  const pages = await Promise.all(
    [1, 2, 3, 4].map((page) => listSubmissionQueue(db, underwriter, { ...base, pageSize: 2, page })),
  );
  expect(pages.map((p) => p.total)).toEqual([6, 6, 6, 6]);
  expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 2, 0]);
  expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all.rows.map((r) => r.id));

  const demoOrg = await listSubmissionQueue(db, tenantOf("underwriter@summit.demo"), base);
  expect(demoOrg.rows.length).toBeGreaterThan(0);
  expect(demoOrg.rows.filter((r) => rows.some((own) => own.id === r.id))).toEqual([]);
});

test("two underwriters claiming one submission at once: exactly one gets it", async () => {
  const id = createId("sub");
  await db.insert(submissions).values({
    id,
    orgId: underwriter.orgId,
    reference: id.slice(-12),
    agencyId: "agy_harbor",
    producerUserId: "usr_a_producer",
    insuredId: "ins_redriver",
    programId: "prg_summit_wc",
    lineOfBusiness: "WC",
    state: "OK",
    naicsCode: "561730",
    payrollCents: 50_000_000,
    requestedLimitCents: 100_000_000,
    deductibleCents: 0,
    effectiveDate: "2026-12-15",
    termMonths: 12,
    status: "submitted",
  });
  const results = await Promise.all([
    claimSubmission(db, underwriter, id),
    claimSubmission(db, tenantOf("senior.underwriter@summit.demo"), id),
  ]);
  expect(results.toSorted()).toEqual(["claimed", "taken"]);
  // Another organization's submission is not "taken": it does not exist for them (the route answers 404).
  expect(await claimSubmission(db, tenantOf("underwriter@lakeshore.demo"), id)).toBeNull();
  expect(await claimSubmission(db, underwriter, "sub_does_not_exist")).toBeNull();
});
