import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CLAIM_STATUSES, type ClaimStatus } from "../../../db/schema/claims.ts";
import { ROLES, type Role } from "../../auth/permissions.ts";
import { ACCOUNT } from "../ledger/chart.ts";
import { pickAdjuster } from "./assignment.ts";
import { claimPaymentLegs, claimRecoveryLegs, reserveChangeLegs } from "./claim-postings.ts";
import { canMoveClaim, checkClaimTransition } from "./claim-status.ts";
import {
  claimTotals,
  decidePayment,
  decideRecovery,
  decideReserveChange,
  NO_MONEY,
  type ClaimFigures,
} from "./claim-money.ts";
import { claimNumber, coveredOnDateOfLoss } from "./coverage.ts";
import { lossRatio } from "./loss-ratio.ts";
import { importMasterKey, newWrappedDataKey, openJson, rewrapDataKey, sealJson, unwrapDataKey } from "./phi-crypto.ts";
import { canSeePhi, PHI_FIELD_KEYS, REDACTED, redactClaimForViewer, type ClaimantPhi, type PhiViewer } from "./phi.ts";

describe("the claim state machine", () => {
  test("follows DOMAIN.md's paths and refuses everything else", () => {
    const allowed: [ClaimStatus, ClaimStatus][] = [
      ["open", "investigating"],
      ["investigating", "reserved"],
      ["reserved", "in_settlement"],
      ["in_settlement", "settled"],
      ["settled", "closed"],
      ["investigating", "litigated"],
      ["litigated", "in_defense"],
      ["in_defense", "settled"],
      ["denied", "closed"],
    ];
    for (const from of CLAIM_STATUSES)
      for (const to of CLAIM_STATUSES) {
        const expected =
          allowed.some(([a, b]) => a === from && b === to) ||
          (to === "denied" && !["settled", "closed", "denied"].includes(from));
        expect(canMoveClaim(from, to), `${from} -> ${to}`).toBe(expected);
      }
  });

  test("a denial and a closing need a reason; closing needs the reserve released", () => {
    expect(checkClaimTransition({ status: "open", caseReserveCents: 0 }, "denied", " ")).toMatchObject({ ok: false });
    expect(checkClaimTransition({ status: "open", caseReserveCents: 0 }, "denied", "Excluded peril")).toEqual({
      ok: true,
    });
    expect(checkClaimTransition({ status: "settled", caseReserveCents: 100 }, "closed", "Paid in full")).toMatchObject({
      ok: false,
      message: expect.stringContaining("Release the outstanding reserve"),
    });
    expect(checkClaimTransition({ status: "settled", caseReserveCents: 0 }, "closed", "Paid in full")).toEqual({
      ok: true,
    });
    expect(checkClaimTransition({ status: "closed", caseReserveCents: 0 }, "open", null)).toMatchObject({ ok: false });
  });
});

describe("reserves, payments and incurred", () => {
  test("a worked example: reserve $25,000 + $5,000, pay $12,500 indemnity, recover $2,000", () => {
    let f: ClaimFigures = NO_MONEY;
    const r1 = decideReserveChange(f, "indemnity", 2_500_000, 5_000_000);
    expect(r1).toMatchObject({ ok: true, deltaCents: 2_500_000, needsApproval: false });
    f = (r1 as { after: ClaimFigures }).after;
    const r2 = decideReserveChange(f, "expense", 500_000, 5_000_000);
    f = (r2 as { after: ClaimFigures }).after;
    const paid = decidePayment(f, "indemnity", 1_250_000, 2_000_000);
    f = (paid as { after: ClaimFigures }).after;
    f = (decideRecovery(f, 200_000) as { after: ClaimFigures }).after;
    expect(claimTotals(f)).toEqual({
      caseReserveCents: 1_750_000,
      paidCents: 1_250_000,
      incurredCents: 3_000_000,
      recoveredCents: 200_000,
      netIncurredCents: 2_800_000,
    });
  });

  test("a raise that takes the total reserve above the adjuster's authority needs approval; lowering never does", () => {
    const f = { ...NO_MONEY, indemnityReserveCents: 4_000_000, expenseReserveCents: 500_000 };
    expect(decideReserveChange(f, "expense", 1_000_000, 5_000_000)).toMatchObject({ ok: true, needsApproval: false });
    expect(decideReserveChange(f, "expense", 1_000_001, 5_000_000)).toMatchObject({
      ok: true,
      needsApproval: true,
      totalReserveAfterCents: 5_000_001,
    });
    const above = { ...f, indemnityReserveCents: 9_000_000 };
    expect(decideReserveChange(above, "indemnity", 8_000_000, 5_000_000)).toMatchObject({ needsApproval: false });
    expect(decideReserveChange(f, "indemnity", 99_000_000, null)).toMatchObject({ needsApproval: false });
    expect(decideReserveChange(f, "indemnity", -1, null)).toMatchObject({ ok: false });
    expect(decideReserveChange(f, "indemnity", 4_000_000, null)).toMatchObject({ ok: false });
  });

  test("a payment never takes its reserve below zero and respects payment authority", () => {
    const f = { ...NO_MONEY, indemnityReserveCents: 100_000 };
    expect(decidePayment(f, "indemnity", 100_001, null)).toMatchObject({
      ok: false,
      message: expect.stringContaining("raise the reserve first"),
    });
    expect(decidePayment(f, "expense", 1, null)).toMatchObject({ ok: false });
    expect(decidePayment(f, "indemnity", 60_000, 50_000)).toMatchObject({
      ok: false,
      message: expect.stringContaining("payment authority"),
    });
    expect(decidePayment(f, "indemnity", 0.5, null)).toMatchObject({ ok: false });
  });

  test("property: any sequence of accepted changes keeps incurred = paid + reserve and every reserve >= 0", () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant("reserve" as const),
        type: fc.constantFrom("indemnity" as const, "expense" as const),
        cents: fc.integer({ min: 0, max: 10_000_000 }),
      }),
      fc.record({
        kind: fc.constant("pay" as const),
        type: fc.constantFrom("indemnity" as const, "expense" as const),
        cents: fc.integer({ min: 1, max: 10_000_000 }),
      }),
      fc.record({
        kind: fc.constant("recover" as const),
        type: fc.constant("indemnity" as const),
        cents: fc.integer({ min: 1, max: 1_000_000 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let f = NO_MONEY;
        let paidSum = 0;
        let reserveMoves = 0;
        for (const s of steps) {
          if (s.kind === "reserve") {
            const r = decideReserveChange(f, s.type, s.cents, null);
            if (!r.ok) continue;
            reserveMoves += r.deltaCents;
            f = r.after;
            continue;
          }
          const d = s.kind === "pay" ? decidePayment(f, s.type, s.cents, null) : decideRecovery(f, s.cents);
          if (!d.ok) continue;
          if (s.kind === "pay") {
            paidSum += s.cents;
            reserveMoves -= s.cents;
          }
          f = d.after;
        }
        const t = claimTotals(f);
        expect(t.incurredCents).toBe(t.paidCents + t.caseReserveCents);
        expect(t.paidCents).toBe(paidSum);
        expect(t.caseReserveCents).toBe(reserveMoves);
        expect(f.indemnityReserveCents).toBeGreaterThanOrEqual(0);
        expect(f.expenseReserveCents).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  test("ledger legs keep LOSS_FUND = CLAIMS_PAID + RESERVES", () => {
    const legs = [
      ...reserveChangeLegs("indemnity", 2_500_000),
      ...reserveChangeLegs("expense", 500_000),
      ...claimPaymentLegs("indemnity", 1_250_000),
      ...reserveChangeLegs("expense", -100_000),
      ...claimRecoveryLegs(200_000),
    ];
    const balance = (code: number) =>
      legs.reduce(
        (sum, l) => sum + (l.debit === code ? l.amountCents : 0) - (l.credit === code ? l.amountCents : 0),
        0,
      );
    expect(balance(ACCOUNT.RESERVES)).toBe(1_250_000 + 400_000);
    expect(balance(ACCOUNT.CLAIMS_PAID)).toBe(1_250_000 - 200_000);
    expect(-balance(ACCOUNT.LOSS_FUND)).toBe(balance(ACCOUNT.RESERVES) + balance(ACCOUNT.CLAIMS_PAID));
    expect(legs.map((l) => l.transferCode)).toEqual([303, 303, 301, 303, 302]);
  });
});

describe("coverage, numbering, assignment, loss ratio", () => {
  test("a term covers from its effective date up to, not including, its expiration", () => {
    const term = { effectiveDate: "2026-01-01", expirationDate: "2027-01-01", status: "active" };
    expect(coveredOnDateOfLoss([term], "2026-01-01")).toBe(true);
    expect(coveredOnDateOfLoss([term], "2026-12-31")).toBe(true);
    expect(coveredOnDateOfLoss([term], "2027-01-01")).toBe(false);
    expect(coveredOnDateOfLoss([term], "2025-12-31")).toBe(false);
    expect(coveredOnDateOfLoss([{ ...term, status: "cancelled" }], "2026-06-01")).toBe(false);
    expect(claimNumber("2026-12-03", 42)).toBe("CLM-2026-00042");
  });

  test("the least loaded licensed adjuster gets the claim; ties go to the lower id; none licensed: null", () => {
    const candidates = [
      { userId: "b", licensedStates: ["TX"], openClaims: 2 },
      { userId: "a", licensedStates: ["TX", "LA"], openClaims: 2 },
      { userId: "c", licensedStates: ["LA"], openClaims: 0 },
    ];
    expect(pickAdjuster(candidates, "TX")).toBe("a");
    expect(pickAdjuster(candidates, "LA")).toBe("c");
    expect(pickAdjuster(candidates, "CA")).toBeNull();
  });

  test("loss ratio is incurred / earned, half-to-even at four places", () => {
    expect(lossRatio(3_000_000, 10_000_000)).toBe("0.3000");
    expect(lossRatio(1, 3)).toBe("0.3333");
    expect(lossRatio(1, 20_000)).toBe("0.0000"); // 0.00005 -> even
    expect(lossRatio(3, 20_000)).toBe("0.0002"); // 0.00015 -> even
    expect(lossRatio(12_000_000, 10_000_000)).toBe("1.2000");
    expect(lossRatio(5, 0)).toBeNull();
  });
});

const SAMPLE_PHI: ClaimantPhi = {
  name: "Maria Q. Claimant",
  address: "12 Elm St, Austin TX",
  phone: "512-555-0199",
  email: "maria@example.test",
  dateOfBirth: "1980-04-02",
  ssn: "123-45-6789",
  diagnosisCodes: "S82.101A",
  procedureCodes: "27750",
  treatmentNotes: "Cast applied, follow-up in 6 weeks",
  medicalRecordNumbers: "MRN-778812",
};

describe("PHI redaction by role", () => {
  const claim = { assignedAdjusterId: "usr_adj", claimants: [{ id: "c1", phi: SAMPLE_PHI }] };
  const viewer = (roles: Role[], extra: Partial<PhiViewer> = {}): PhiViewer => ({
    userId: "usr_adj",
    roles,
    twoFactorVerified: false,
    via: "session",
    ...extra,
  });

  test.each(ROLES.map((r) => [r]))("%s: full or masked exactly as DOMAIN's matrix says", (role) => {
    const fullRoles: Role[] = ["claims_supervisor", "claims_adjuster"];
    const out = redactClaimForViewer(claim, viewer([role]));
    expect(out.phiVisible).toBe(fullRoles.includes(role));
    for (const key of PHI_FIELD_KEYS)
      expect(out.claimants[0]!.phi[key]).toBe(out.phiVisible ? SAMPLE_PHI[key] : REDACTED);
  });

  test("an adjuster not assigned, an admin without two-factor and any API key see it masked", () => {
    expect(canSeePhi(claim, viewer(["claims_adjuster"], { userId: "usr_other" }))).toBe(false);
    expect(canSeePhi(claim, viewer(["org_admin"]))).toBe(false);
    expect(canSeePhi(claim, viewer(["org_admin"], { twoFactorVerified: true }))).toBe(true);
    expect(canSeePhi(claim, viewer(["claims_supervisor"], { via: "api_key" }))).toBe(false);
  });
});

describe("PHI encryption", () => {
  test("seals under a wrapped per-org data key; other rows, orgs or keys cannot open it; rotation re-wraps", async () => {
    const master = await importMasterKey(btoa(String.fromCharCode(...new Uint8Array(32).fill(7))));
    const wrapped = await newWrappedDataKey(master, "org_a", 1);
    const key = await unwrapDataKey(master, "org_a", 1, wrapped);
    const sealed = await sealJson(key, SAMPLE_PHI, "org_a", "cmt_1");
    expect(sealed).not.toContain("Maria");
    expect(await openJson(key, sealed, "org_a", "cmt_1")).toEqual(SAMPLE_PHI);
    await expect(openJson(key, sealed, "org_a", "cmt_2")).rejects.toThrow(/does not open/);
    await expect(unwrapDataKey(master, "org_b", 1, wrapped)).rejects.toThrow(/does not open/);
    const next = await importMasterKey(btoa(String.fromCharCode(...new Uint8Array(32).fill(9))));
    const rewrapped = await rewrapDataKey(master, next, "org_a", 1, wrapped);
    await expect(unwrapDataKey(master, "org_a", 1, rewrapped)).rejects.toThrow();
    expect(await openJson(await unwrapDataKey(next, "org_a", 1, rewrapped), sealed, "org_a", "cmt_1")).toEqual(
      SAMPLE_PHI,
    );
    await expect(importMasterKey("c2hvcnQ=")).rejects.toThrow(/32 bytes/);
    await expect(importMasterKey(undefined)).rejects.toThrow(/not configured/);
  });
});
