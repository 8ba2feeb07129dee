import { inArray } from "drizzle-orm";
import type { MySqlColumn, MySqlTable } from "drizzle-orm/mysql-core";
import { expect, test } from "vitest";
import { createDatabase } from "../client.ts";
import * as schema from "../schema/index.ts";
import { TEST_AUTH_SECRET } from "../test/global-setup.ts";
import * as demo from "./demo-data.ts";
import { seedDemoData, seededSubmissionRow } from "./index.ts";
import { seededQuotes } from "./quotes.ts";

// Counts only the rows the seed makes (by their fixed ids), not whole tables: other test files
// write into the same database, and the seeded orgs, at the same time.
test("seeding twice changes nothing", async () => {
  const url = process.env.DATABASE_URL!;
  const db = createDatabase(url);
  const userIds = demo.users.map((u) => u.id);
  // For each kind of seeded row: the ids the seed gives it and the columns it writes that no test
  // changes (statuses and counters move under other tests; these must not move under a re-seed).
  const seeded = [
    ["user", schema.user, schema.user.id, userIds, ["email", "name", "role"]],
    [
      "member",
      schema.member,
      schema.member.id,
      demo.users.filter((u) => u.orgId).map((u) => `mem_${u.id}`),
      ["organizationId", "role"],
    ],
    ["account", schema.account, schema.account.id, userIds.map((id) => `acc_${id}`), ["userId", "password"]],
    [
      "twoFactor",
      schema.twoFactor,
      schema.twoFactor.id,
      demo.users.filter((u) => u.totp).map((u) => `tfa_${u.id}`),
      ["secret"],
    ],
    [
      "daAgreements",
      schema.daAgreements,
      schema.daAgreements.id,
      demo.daAgreements.map((a) => a.id),
      ["effectiveDate", "expirationDate"],
    ],
    [
      "submissions",
      schema.submissions,
      schema.submissions.id,
      demo.submissions.map((s) => s.id),
      ["reference", "effectiveDate", "submittedAt"],
    ],
    [
      "policies",
      schema.policies,
      schema.policies.id,
      demo.policies.map((p) => p.id),
      ["policyNumber", "effectiveDate", "expirationDate"],
    ],
    [
      "invoices",
      schema.invoices,
      schema.invoices.id,
      demo.invoices.map((i) => i.id),
      ["invoiceNumber", "dueDate", "amountCents"],
    ],
    [
      "claims",
      schema.claims,
      schema.claims.id,
      demo.claims.map((c) => c.id),
      ["claimNumber", "dateOfLoss", "reportedOn"],
    ],
  ] as const satisfies readonly (readonly [string, MySqlTable, MySqlColumn, string[], readonly string[]])[];
  const snapshot = () =>
    Promise.all(
      seeded.map(async ([, table, id, ids, columns]) => {
        const rows = (await db
          .select()
          .from(table as MySqlTable)
          .where(inArray(id, ids))) as Record<string, unknown>[];
        return rows
          .map((row) => [row.id, ...columns.map((c) => row[c])])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      }),
    );
  const before = await snapshot();
  for (const [i, [name, , , ids]] of seeded.entries()) expect(before[i], name).toHaveLength(ids.length);
  await seedDemoData(url, TEST_AUTH_SECRET);
  expect(await snapshot()).toEqual(before);
  const agreements = before[seeded.findIndex(([name]) => name === "daAgreements")]!;
  expect(agreements).toEqual(
    demo.daAgreements.map((a) => [a.id, a.effectiveDate, a.expirationDate]).sort((a, b) => a[0].localeCompare(b[0])),
  );
});

test("a seeded submission was received when it was submitted, so the queue and the workbench agree", () => {
  for (const submission of demo.submissions) {
    const row = seededSubmissionRow(submission);
    if (submission.status === "draft") expect(row.submittedAt).toBeNull();
    else expect(row.createdAt).toEqual(row.submittedAt);
  }
});

test("a seeded referred submission has a current quote at its indicated premium and a pending referral saying why", () => {
  const { quotes, options, referrals, activity } = seededQuotes();
  for (const submission of demo.submissions.filter((s) => s.status === "referred" || s.status === "quoted")) {
    const quote = quotes.find((q) => q.submissionId === submission.id);
    expect(quote, submission.id).toBeDefined();
    expect(options.find((o) => o.quoteId === quote!.id)?.grossPremiumCents, submission.id).toBe(
      submission.indicatedPremiumCents,
    );
  }
  const referred = demo.submissions.filter((s) => s.status === "referred");
  expect(referred.length).toBeGreaterThan(0);
  for (const submission of referred) {
    const quote = quotes.find((q) => q.submissionId === submission.id)!;
    expect(quote.expiresOn >= demo.world.today).toBe(true);
    const referral = referrals.find((r) => r.submissionId === submission.id);
    expect(referral).toMatchObject({ status: "pending", quoteId: quote.id, assignedToUserId: "usr_a_uw" });
    expect(new Set(referral!.reasons.map((r) => r.code)).size).toBe(referral!.reasons.length);
    expect(activity.filter((a) => a.referralId === referral!.id).map((a) => a.action)).toEqual(["raised", "routed"]);
  }
});
