import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BORDEREAU_READER,
  bordereauPeriod,
  CLAIM_COLUMNS,
  claimBordereauLine,
  claimValidator,
  NAMED_LINES_LIMIT,
  PREMIUM_COLUMNS,
  premiumValidator,
  previousMonth,
  submissionBlockers,
  type PremiumLine,
} from "./bordereau.ts";
import { transactionCommission } from "../policies/policy-transactions.ts";
import { canSeePhi, REDACTED } from "../claims/phi.ts";

// Worked example: a Lone Star policy. Gross $12,364.00, producer 15% = $1,854.60,
// MGA 5% = $618.20, fee $250.00, SL tax $604.59: net to carrier 12,364.00 - 1,854.60 - 618.20
// - 250.00 - 604.59 = $9,036.61.
const loneStar: PremiumLine = {
  lineNumber: 1,
  policyTransactionId: "ptx_pol_a_1_1",
  policyNumber: "SRU-GL-2026-000001",
  insuredName: "Lone Star Plumbing LLC",
  insuredState: "TX",
  naicsCode: "238220",
  lineOfBusiness: "GL",
  policyEffectiveDate: "2026-03-01",
  policyExpirationDate: "2027-03-01",
  transactionType: "new_business",
  transactionEffectiveDate: "2026-03-01",
  bookedOn: "2026-03-01",
  grossPremiumCents: 1_236_400,
  feesCents: 25_000,
  taxesCents: 60_459,
  producerCommissionRate: "0.1500",
  producerCommissionCents: 185_460,
  mgaCommissionRate: "0.0500",
  mgaCommissionCents: 61_820,
  netToCarrierCents: 903_661,
};

// A return premium: a mid-term cancellation returns $4,121.33 with its commission clawed back.
const cancellation: PremiumLine = {
  ...loneStar,
  lineNumber: 2,
  policyTransactionId: "ptx_pol_a_1_2",
  transactionType: "cancellation",
  transactionEffectiveDate: "2026-07-01",
  bookedOn: "2026-03-20",
  grossPremiumCents: -412_133,
  feesCents: 0,
  taxesCents: -20_153,
  producerCommissionCents: -61_820,
  mgaCommissionCents: -20_607,
  netToCarrierCents: -412_133 + 61_820 + 20_607 + 20_153,
};

const totalsOf = (lines: PremiumLine[]) => ({
  grossPremiumCents: lines.reduce((s, l) => s + l.grossPremiumCents, 0),
  producerCommissionCents: lines.reduce((s, l) => s + l.producerCommissionCents, 0),
  mgaCommissionCents: lines.reduce((s, l) => s + l.mgaCommissionCents, 0),
  feesCents: lines.reduce((s, l) => s + l.feesCents, 0),
  taxesCents: lines.reduce((s, l) => s + l.taxesCents, 0),
  netToCarrierCents: lines.reduce((s, l) => s + l.netToCarrierCents, 0),
});

function validate(lines: PremiumLine[], expected = totalsOf(lines), chunk = 1) {
  const v = premiumValidator();
  for (let i = 0; i < lines.length; i += chunk) v.add(lines.slice(i, i + chunk));
  return v.finish(expected);
}

describe("premium bordereau checks", () => {
  it("pass for the worked example and a return premium, with the totals summed", () => {
    const result = validate([loneStar, cancellation]);
    expect(result.checks.every((c) => c.passed)).toBe(true);
    expect(result.lineCount).toBe(2);
    expect(result.totals).toEqual({
      grossPremiumCents: 824_267,
      producerCommissionCents: 123_640,
      mgaCommissionCents: 41_213,
      feesCents: 25_000,
      taxesCents: 40_306,
      netToCarrierCents: 903_661 - 309_553,
    });
  });

  it("a wrong commission or net names its line, and a check failing blocks submission", () => {
    const result = validate([
      loneStar,
      { ...cancellation, lineNumber: 2, producerCommissionCents: -61_819 },
      { ...loneStar, lineNumber: 3, netToCarrierCents: 903_662 },
    ]);
    expect(result.checks.filter((c) => !c.passed).map((c) => [c.check, c.lines, c.detail])).toEqual([
      ["producer_commission", [2], "producer commission = gross premium x producer commission % fails on line 2"],
      ["net_premium", [2, 3], "net = gross - producer commission - MGA commission - fees - taxes fails on lines 2, 3"],
    ]);
    expect(submissionBlockers({ status: "draft", checks: result.checks })).toHaveLength(2);
    expect(submissionBlockers({ status: "draft", checks: validate([loneStar]).checks })).toEqual([]);
    expect(submissionBlockers({ status: "accepted", checks: validate([loneStar]).checks })).toEqual([
      "this version is accepted, not a draft",
    ]);
  });

  it("totals that differ from the period's policy transactions fail and say by how much", () => {
    const expected = { ...totalsOf([loneStar]), grossPremiumCents: 1_236_500 };
    const totals = validate([loneStar], expected).checks.find((c) => c.check === "period_totals")!;
    expect(totals).toEqual({
      check: "period_totals",
      passed: false,
      detail: "gross premium 12364 differs from 12365",
      lines: [],
    });
  });

  it("names at most the first 50 failing lines and counts the rest", () => {
    const bad = Array.from({ length: 75 }, (_, i) => ({ ...loneStar, lineNumber: i + 1, netToCarrierCents: 1 }));
    const net = validate(bad, totalsOf(bad), 10).checks.find((c) => c.check === "net_premium")!;
    expect(net.lines).toHaveLength(NAMED_LINES_LIMIT);
    expect(net.detail).toMatch(/lines 1, 2, .*, 50 and 25 more$/);
  });

  it("any line written as policy transactions record it passes, whatever the chunking", () => {
    const rateArb = fc.integer({ min: 0, max: 3000 }).map((bp) => (bp / 10_000).toFixed(4));
    const lineArb = fc
      .record({
        premium: fc.integer({ min: -5_000_000, max: 5_000_000 }),
        fees: fc.integer({ min: 0, max: 50_000 }),
        taxes: fc.integer({ min: -200_000, max: 200_000 }),
        producerRate: rateArb,
        mgaRate: rateArb,
      })
      .map(({ premium, fees, taxes, producerRate, mgaRate }): Omit<PremiumLine, "lineNumber"> => {
        const c = transactionCommission({
          premiumCents: premium,
          producerCommissionRate: producerRate,
          mgaCommissionRate: mgaRate,
        });
        return {
          ...loneStar,
          grossPremiumCents: premium,
          feesCents: fees,
          taxesCents: taxes,
          producerCommissionRate: producerRate,
          mgaCommissionRate: mgaRate,
          ...c,
          netToCarrierCents: premium - c.producerCommissionCents - c.mgaCommissionCents - fees - taxes,
        };
      });
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (drafts, chunk) => {
        const lines = drafts.map((d, i) => ({ ...d, lineNumber: i + 1 }));
        expect(validate(lines, totalsOf(lines), chunk).checks.every((c) => c.passed)).toBe(true);
      }),
    );
  });
});

describe("claims bordereau checks", () => {
  const line = {
    lineNumber: 1,
    claimNumber: "CLM-2026-0001",
    policyNumber: "SRU-GL-2026-000001",
    dateOfLoss: "2026-06-02",
    reportedOn: "2026-06-04",
    lossType: "Slip and fall",
    status: "reserved",
    claimant: "[redacted] (claimant)",
    caseReserveCents: 1_500_000,
    paidIndemnityCents: 200_000,
    paidExpenseCents: 50_000,
    paidCents: 250_000,
    incurredCents: 1_750_000,
    recoveredCents: 10_000,
  };

  it("incurred must be paid plus outstanding, and paid the indemnity plus the expense paid", () => {
    const v = claimValidator();
    v.add([
      line,
      { ...line, lineNumber: 2, incurredCents: 1_500_000 },
      { ...line, lineNumber: 3, paidExpenseCents: 40_000 },
    ]);
    const result = v.finish({
      caseReserveCents: 4_500_000,
      paidIndemnityCents: 600_000,
      paidExpenseCents: 140_000,
      paidCents: 750_000,
      incurredCents: 5_000_000,
      recoveredCents: 30_000,
    });
    expect(result.checks.map((c) => [c.check, c.passed, c.lines])).toEqual([
      ["paid", false, [3]],
      ["incurred", false, [2]],
      ["period_totals", true, []],
    ]);
  });

  it("totals that differ from the claims' own name the figure", () => {
    const v = claimValidator();
    v.add([line]);
    const result = v.finish({
      caseReserveCents: 1_500_000,
      paidIndemnityCents: 200_000,
      paidExpenseCents: 50_000,
      paidCents: 250_000,
      incurredCents: 1_750_000,
      recoveredCents: 0,
    });
    expect(result.checks.at(-1)).toMatchObject({ passed: false, detail: "recoveries 100 differs from 0" });
  });
});

describe("a claim as a bordereau line", () => {
  const claim = {
    claimId: "clm_1",
    claimNumber: "CLM-2026-0007",
    policyNumber: "SRU-GL-2026-000001",
    dateOfLoss: "2026-06-02",
    reportedOn: "2026-06-04",
    lossType: "Slip and fall",
    status: "reserved",
    assignedAdjusterId: "usr_adjuster",
    caseReserveCents: 900_000,
    paidIndemnityCents: 300_000,
    paidExpenseCents: 45_000,
    paidCents: 345_000,
    recoveredCents: 20_000,
    claimantRoles: ["claimant", "injured_worker"],
  };

  it("names its claimants as the carrier sees them: masked, with their role", () => {
    const l = claimBordereauLine(claim, 4);
    expect(l).toMatchObject({
      lineNumber: 4,
      claimant: `${REDACTED} (claimant); ${REDACTED} (injured worker)`,
      incurredCents: 900_000 + 345_000,
      recoveredCents: 20_000,
    });
    expect(claimBordereauLine({ ...claim, claimantRoles: [] }, 1).claimant).toBe("");
  });

  it("is written for a reader the PHI rules mask", () => {
    expect(canSeePhi(claim, BORDEREAU_READER)).toBe(false);
  });
});

describe("CRS v5 mapping", () => {
  it("writes the worked example under the CRS field names, money in dollars and the CRS transaction type", () => {
    const row = Object.fromEntries(PREMIUM_COLUMNS.map((c) => [c.field, c.value(loneStar)]));
    expect(row).toMatchObject({
      "Certificate Ref": "SRU-GL-2026-000001",
      "Transaction Type": "NEW",
      "Gross Written Premium (100%)": 12_364,
      "Brokerage %": 0.15,
      "Brokerage Amount": 1_854.6,
      "Coverholder Commission Amount": 618.2,
      "Surplus Lines Tax": 604.59,
      "Net Premium to Underwriters": 9_036.61,
    });
    expect(PREMIUM_COLUMNS.find((c) => c.field === "Transaction Type")!.value(cancellation)).toBe("CANCELLATION");
  });

  it("names every field once", () => {
    for (const columns of [PREMIUM_COLUMNS, CLAIM_COLUMNS]) {
      const fields = columns.map((c) => c.field);
      expect(new Set(fields).size).toBe(fields.length);
    }
  });

  it("writes a claim's figures in dollars under the CRS claims fields", () => {
    const l = claimBordereauLine(
      {
        claimId: "clm_2",
        claimNumber: "CLM-2026-0008",
        policyNumber: "SRU-GL-2026-000002",
        dateOfLoss: "2026-07-01",
        reportedOn: "2026-07-03",
        lossType: "Property damage",
        status: "in_settlement",
        assignedAdjusterId: null,
        caseReserveCents: 125_050,
        paidIndemnityCents: 400_000,
        paidExpenseCents: 12_575,
        paidCents: 412_575,
        recoveredCents: 5_000,
        claimantRoles: ["third_party"],
      },
      1,
    );
    expect(Object.fromEntries(CLAIM_COLUMNS.map((c) => [c.field, c.value(l)]))).toEqual({
      "Line No": 1,
      "Claim Reference": "CLM-2026-0008",
      "Certificate Ref": "SRU-GL-2026-000002",
      "Date of Loss": "2026-07-01",
      "Date Claim Made": "2026-07-03",
      "Loss Description": "Property damage",
      "Claim Status": "in_settlement",
      "Claimant Name": `${REDACTED} (third party)`,
      "Total Outstanding": 1_250.5,
      "Paid to Date - Indemnity": 4_000,
      "Paid to Date - Fees": 125.75,
      "Total Paid to Date": 4_125.75,
      "Total Incurred": 5_376.25,
      "Recoveries to Date": 50,
    });
  });
});

describe("periods", () => {
  it("a month runs from its first to its last day; the job on the first reports the month before", () => {
    expect(bordereauPeriod("2026-02")).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    expect(bordereauPeriod("2028-02")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(previousMonth("2026-01-01")).toBe("2025-12");
    expect(previousMonth("2026-12-01")).toBe("2026-11");
    expect(() => bordereauPeriod("2026-13")).toThrow(RangeError);
  });
});
