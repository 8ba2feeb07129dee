import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { bordereaux, outboxEvents } from "../../../db/schema/index.ts";
import { tenantOf } from "../../../db/test/tenants.ts";
import {
  claimOnPolicy,
  db,
  ORG,
  policyWithTransactions,
  reportingAgreement,
} from "../../../tests/support/carrier-book.ts";
import {
  countBordereaux,
  findReportedAgreement,
  listBordereauPage,
  listReviewSteps,
  readPremiumLines,
} from "../../models/bordereaux.server.ts";
import { bordereauTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { csvStream } from "../../utils/table-export.server.ts";
import { PHI_FIELD_KEYS, REDACTED, type ClaimantPhi } from "../claims/phi.ts";
import { CLAIM_COLUMNS } from "./bordereau.ts";
import {
  acceptBordereau,
  answerBordereauQuery,
  claimLineBatches,
  generateBordereau,
  generateBordereauFor,
  queryBordereauLine,
  runMonthlyBordereaux,
  submitBordereau,
} from "./bordereaux.server.ts";

const compliance = tenantOf("compliance@summit.demo");
const carrier = tenantOf("carrier@summit.demo");

async function statusOf(id: string) {
  const [row] = await db
    .select({ status: bordereaux.status })
    .from(bordereaux)
    .where(and(eq(bordereaux.orgId, ORG), eq(bordereaux.id, id)));
  return row?.status;
}

describe("premium bordereau", () => {
  test("reports every transaction type booked in the month, signed, with net = gross - commissions - fees - taxes", async () => {
    const { programId, agreementId } = await reportingAgreement();
    await policyWithTransactions(programId, [
      { type: "new_business", bookedOn: "2026-10-03", premiumCents: 1_236_400, feesCents: 25_000, taxesCents: 60_459 },
      { type: "endorsement", bookedOn: "2026-10-15", premiumCents: 120_000, taxesCents: 5_868 },
      { type: "cancellation", bookedOn: "2026-10-31", premiumCents: -412_133, taxesCents: -20_153 },
      // Booked in November: not October's business.
      { type: "reinstatement", bookedOn: "2026-11-01", premiumCents: 412_133, taxesCents: 20_153 },
    ]);
    await policyWithTransactions(programId, [{ type: "renewal", bookedOn: "2026-10-20", premiumCents: 990_000 }]);
    const agreement = (await findReportedAgreement(db, ORG, agreementId))!;
    const v1 = await generateBordereau(db, agreement, { kind: "premium", month: "2026-10", actorUserId: null });
    expect(v1.lineCount).toBe(4);
    expect(v1.checks.every((c) => c.passed)).toBe(true);
    const lines = await readPremiumLines(db, ORG, v1.id, 0, 100);
    expect(lines.map((l) => [l.lineNumber, l.transactionType, l.grossPremiumCents, l.netToCarrierCents])).toEqual([
      [1, "new_business", 1_236_400, 1_236_400 - 185_460 - 61_820 - 25_000 - 60_459],
      [2, "endorsement", 120_000, 120_000 - 18_000 - 6_000 - 5_868],
      [3, "renewal", 990_000, 990_000 - 148_500 - 49_500],
      [4, "cancellation", -412_133, -412_133 + 61_820 + 20_607 + 20_153],
    ]);
  });

  test("a row whose commission is not gross x rate fails its check by line number, and blocks submission", async () => {
    const { programId, agreementId } = await reportingAgreement();
    await policyWithTransactions(programId, [{ type: "new_business", bookedOn: "2026-09-02", premiumCents: 500_000 }]);
    await policyWithTransactions(programId, [
      { type: "new_business", bookedOn: "2026-09-09", premiumCents: 700_000, commissionError: 1 },
    ]);
    const generated = await generateBordereauFor(db, compliance, { agreementId, kind: "premium", month: "2026-09" });
    if (!generated.ok) throw new Error("not generated");
    const failing = generated.bordereau.checks.filter((c) => !c.passed);
    // Net is derived from what the transaction recorded, so only the commission check catches it.
    expect(failing.map((c) => [c.check, c.lines])).toEqual([["producer_commission", [2]]]);
    const outcome = await submitBordereau(db, compliance, generated.bordereau.id);
    expect(outcome).toMatchObject({
      ok: false,
      reason: "refused",
      message: expect.stringContaining("fails on line 2"),
    });
    expect(await statusOf(generated.bordereau.id)).toBe("draft");
  });

  test("submitted, queried on a line, answered, corrected as version 2 (version 1 superseded), accepted", async () => {
    const { programId, agreementId } = await reportingAgreement();
    await policyWithTransactions(programId, [{ type: "new_business", bookedOn: "2026-08-12", premiumCents: 800_000 }]);
    const first = await generateBordereauFor(db, compliance, { agreementId, kind: "premium", month: "2026-08" });
    if (!first.ok) throw new Error("not generated");
    const v1 = first.bordereau.id;
    // The carrier never sees a draft.
    expect(await acceptBordereau(db, carrier, v1)).toEqual({ ok: false, reason: "not_found" });
    expect(await submitBordereau(db, compliance, v1)).toEqual({ ok: true });
    expect(await queryBordereauLine(db, carrier, v1, { lineNumber: 7, comment: "?" })).toMatchObject({
      reason: "refused",
      message: "Line 7 is not in this version, which has lines 1 to 1.",
    });
    expect(await queryBordereauLine(db, carrier, v1, { lineNumber: 1, comment: "Insured address missing" })).toEqual({
      ok: true,
    });
    expect(await statusOf(v1)).toBe("queried");
    expect(await acceptBordereau(db, carrier, v1)).toMatchObject({ reason: "refused" });
    const key = { agreementId, kind: "premium" as const, periodStart: "2026-08-01" };
    const query = (await listReviewSteps(db, ORG, key)).find((s) => s.kind === "queried")!;
    expect(await answerBordereauQuery(db, compliance, v1, { queryStepId: "bst_elsewhere", comment: "?" })).toEqual({
      ok: false,
      reason: "refused",
      message: "The query answered is not one the carrier raised on this version.",
    });
    expect(await answerBordereauQuery(db, compliance, v1, { queryStepId: query.id, comment: "Corrected" })).toEqual({
      ok: true,
    });
    const second = await generateBordereauFor(db, compliance, { agreementId, kind: "premium", month: "2026-08" });
    if (!second.ok) throw new Error("not generated");
    expect(second.bordereau.version).toBe(2);
    expect(await statusOf(v1)).toBe("superseded");
    expect(await submitBordereau(db, compliance, second.bordereau.id)).toEqual({ ok: true });
    expect(await acceptBordereau(db, carrier, second.bordereau.id)).toEqual({ ok: true });
    expect(await statusOf(second.bordereau.id)).toBe("accepted");
    const steps = await listReviewSteps(db, ORG, key);
    expect(steps.map((s) => [s.version, s.kind])).toEqual([
      [1, "generated"],
      [1, "submitted"],
      [1, "queried"],
      [1, "answered"],
      [2, "generated"],
      [2, "submitted"],
      [2, "accepted"],
    ]);
    const events = await db
      .select({ type: outboxEvents.type })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, ORG), eq(outboxEvents.type, "bordereau.accepted")));
    expect(events.length).toBeGreaterThan(0);
  });
});

describe("claims bordereau", () => {
  const phi: ClaimantPhi = {
    name: "Marisol Quintanilla-Vance",
    address: "4410 Pecan Hollow Dr, Austin TX 78745",
    phone: "512-555-0187",
    email: "marisol.qv@claimant.test",
    dateOfBirth: "1983-11-07",
    ssn: "219-09-9998",
    diagnosisCodes: "S82.201A",
    procedureCodes: "27750",
    treatmentNotes: "Closed treatment of tibial shaft fracture",
    medicalRecordNumbers: "MRN-88231045",
  };

  test("reports paid indemnity, paid expense and recoveries, and no PHI value reaches the CSV the carrier downloads", async () => {
    const { programId, agreementId } = await reportingAgreement();
    const policyId = await policyWithTransactions(programId, [
      { type: "new_business", bookedOn: "2026-03-01", premiumCents: 500_000 },
    ]);
    await claimOnPolicy(policyId, {
      reportedOn: "2026-05-04",
      caseReserveCents: 1_200_000,
      paidIndemnityCents: 300_000,
      paidExpenseCents: 45_050,
      recoveredCents: 25_000,
      // A reporter often names the claimant in the claim file's free text: none of it is reported.
      description: `${phi.name} slipped at the loading dock`,
      reporterName: phi.name,
      claimants: [
        { role: "claimant", phi },
        { role: "injured_worker", phi: { ...phi, name: "Tobias Quintanilla" } },
      ],
    });
    await claimOnPolicy(policyId, {
      reportedOn: "2026-05-20",
      caseReserveCents: 80_000,
      paidIndemnityCents: 0,
      paidExpenseCents: 7_500,
      recoveredCents: 0,
      claimants: [],
    });
    // Reported after the month: not in May's bordereau.
    await claimOnPolicy(policyId, {
      reportedOn: "2026-06-02",
      caseReserveCents: 1,
      paidIndemnityCents: 0,
      paidExpenseCents: 0,
      recoveredCents: 0,
      claimants: [],
    });
    const generated = await generateBordereauFor(db, compliance, { agreementId, kind: "claims", month: "2026-05" });
    if (!generated.ok) throw new Error("not generated");
    const { id, lineCount, checks } = generated.bordereau;
    expect(lineCount).toBe(2);
    expect(checks.map((c) => [c.check, c.passed])).toEqual([
      ["paid", true],
      ["incurred", true],
      ["period_totals", true],
    ]);

    const stream = csvStream({
      format: "csv",
      filename: "claims",
      columns: CLAIM_COLUMNS.map((c) => ({ header: c.field, value: c.value })),
      fetchBatch: claimLineBatches(db, ORG, id),
      batchSize: 1,
    });
    const csv = await new Response(stream).text();
    const [header, first, second] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header).toBe(CLAIM_COLUMNS.map((c) => c.field).join(","));
    const cells = (row: string) => Object.fromEntries(CLAIM_COLUMNS.map((c, i) => [c.field, row.split(",")[i]]));
    expect(cells(first!)).toMatchObject({
      "Claimant Name": `${REDACTED} (claimant); ${REDACTED} (injured worker)`,
      "Total Outstanding": "12000",
      "Paid to Date - Indemnity": "3000",
      "Paid to Date - Fees": "450.5",
      "Total Paid to Date": "3450.5",
      "Total Incurred": "15450.5",
      "Recoveries to Date": "250",
    });
    expect(cells(second!)).toMatchObject({ "Claimant Name": "", "Paid to Date - Fees": "75", "Total Incurred": "875" });
    for (const key of PHI_FIELD_KEYS) expect(csv).not.toContain(phi[key]);
    expect(csv).not.toContain("Quintanilla");
  });
});

test("the monthly job generates last month's premium and claims bordereaux once per agreement", async () => {
  const { programId, agreementId } = await reportingAgreement();
  await policyWithTransactions(programId, [{ type: "new_business", bookedOn: "2026-06-05", premiumCents: 300_000 }]);
  await runMonthlyBordereaux(db, "2026-07-01");
  const mine = () =>
    db
      .select({ kind: bordereaux.kind, version: bordereaux.version, lineCount: bordereaux.lineCount })
      .from(bordereaux)
      .where(and(eq(bordereaux.orgId, ORG), eq(bordereaux.daAgreementId, agreementId)));
  expect((await mine()).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
    { kind: "claims", version: 1, lineCount: 0 },
    { kind: "premium", version: 1, lineCount: 1 },
  ]);
  await runMonthlyBordereaux(db, "2026-07-01");
  expect(await mine()).toHaveLength(2);
});

test("the versions list: searched by agreement, filtered by kind and status; the carrier never sees a draft", async () => {
  const { programId, agreementId } = await reportingAgreement();
  await policyWithTransactions(programId, [{ type: "new_business", bookedOn: "2026-04-07", premiumCents: 200_000 }]);
  const reference = (await findReportedAgreement(db, ORG, agreementId))!.reference;
  const premium = await generateBordereauFor(db, compliance, { agreementId, kind: "premium", month: "2026-04" });
  await generateBordereauFor(db, compliance, { agreementId, kind: "claims", month: "2026-04" });
  if (!premium.ok) throw new Error("not generated");
  const list = (tenant: typeof compliance, query: string) =>
    listBordereauPage(db, tenant, parseTableState(new URLSearchParams(`b.q=${reference}&${query}`), bordereauTable));
  expect((await list(compliance, "")).total).toBe(2);
  const premiums = await list(compliance, "b.kind=premium");
  expect(premiums.rows.map((b) => [b.id, b.kind, b.status])).toEqual([[premium.bordereau.id, "premium", "draft"]]);
  expect((await list(carrier, "")).total).toBe(0);
  const waitingBefore = await countBordereaux(db, carrier, ["submitted"]);
  expect(await submitBordereau(db, compliance, premium.bordereau.id)).toEqual({ ok: true });
  expect((await list(carrier, "b.status=submitted")).rows.map((b) => b.id)).toEqual([premium.bordereau.id]);
  expect(await countBordereaux(db, carrier, ["submitted"])).toBe(waitingBefore + 1);
});
