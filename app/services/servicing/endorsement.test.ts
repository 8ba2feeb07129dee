import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { earnedToDate, priceEndorsement, taxEffect, type DatedChange } from "./endorsement.ts";

// State: a limit factor and a payroll; the term premium is their product, so changes compose.
type State = { factor: number; payroll: number };
type Change = Partial<State>;
const apply = (s: State, c: Change): State => ({ ...s, ...c });
const rate = (s: State) => Math.round(s.factor * s.payroll);
const leapTerm = { effectiveDate: "2028-01-01", expirationDate: "2029-01-01" };
const sixMonths = { effectiveDate: "2027-07-01", expirationDate: "2028-01-01" };
const base: State = { factor: 1, payroll: 366_000 };

describe("priceEndorsement", () => {
  it("prices a mid-term change pro-rata on a leap-year term", () => {
    // Limit factor 1 -> 1.5 on 2028-03-01: (549,000 - 366,000) × 306 / 366 = 153,000
    const p = priceEndorsement({
      term: leapTerm,
      baseState: base,
      recorded: [],
      added: { id: "e1", effectiveDate: "2028-03-01", change: { factor: 1.5 } },
      apply,
      rate,
    });
    expect(p).toMatchObject({
      newEffectCents: 153_000,
      transactionPremiumCents: 153_000,
      termPremiumAfterCents: 549_000,
    });
  });

  it("returns premium for a decrease on a 6-month term", () => {
    // 184-day term; 2027-10-01 leaves 92: (92,000 - 184,000) × 92 / 184 = -46,000
    const p = priceEndorsement({
      term: sixMonths,
      baseState: { factor: 1, payroll: 184_000 },
      recorded: [],
      added: { id: "e1", effectiveDate: "2027-10-01", change: { payroll: 92_000 } },
      apply,
      rate,
    });
    expect(p.transactionPremiumCents).toBe(-46_000);
  });

  it("re-prices a later change when an earlier-dated one arrives out of sequence", () => {
    // Recorded: factor 1.5 from 2028-07-01 (184 days left): (549,000 - 366,000) × 184/366 = 92,000.
    const first = priceEndorsement({
      term: leapTerm,
      baseState: base,
      recorded: [],
      added: { id: "later", effectiveDate: "2028-07-01", change: { factor: 1.5 } },
      apply,
      rate,
    });
    expect(first.newEffectCents).toBe(92_000);
    const recorded: DatedChange<Change>[] = [
      { id: "later", effectiveDate: "2028-07-01", change: { factor: 1.5 }, recordedEffectCents: 92_000 },
    ];
    // Now payroll doubles from 2028-03-01 (306 left): (732,000 - 366,000) × 306/366 = 306,000; the later
    // change now moves 732,000 -> 1,098,000: 366,000 × 184/366 = 184,000, 92,000 more than booked.
    const p = priceEndorsement({
      term: leapTerm,
      baseState: base,
      recorded,
      added: { id: "earlier", effectiveDate: "2028-03-01", change: { payroll: 732_000 } },
      apply,
      rate,
    });
    expect(p.segments.map((s) => [s.id, s.effectCents, s.adjustmentCents])).toEqual([
      ["earlier", 306_000, 0],
      ["later", 184_000, 92_000],
    ]);
    expect(p.transactionPremiumCents).toBe(398_000);
    expect(p.termPremiumAfterCents).toBe(1_098_000);
  });

  it("books the same total whichever order dated changes are entered in", () => {
    const date = fc
      .integer({ min: 0, max: 365 })
      .map((d) => new Date(Date.UTC(2028, 0, 1 + d)).toISOString().slice(0, 10));
    const change = fc.record({ factor: fc.double({ min: 0.5, max: 3, noNaN: true }) });
    fc.assert(
      fc.property(
        date,
        date,
        change,
        fc.record({ payroll: fc.integer({ min: 1000, max: 5_000_000 }) }),
        (d1, d2, c1, c2) => {
          const book = (order: { id: string; effectiveDate: string; change: Change }[]) => {
            const recorded: DatedChange<Change>[] = [];
            let total = 0;
            for (const added of order) {
              const priced = priceEndorsement({ term: leapTerm, baseState: base, recorded, added, apply, rate });
              total += priced.transactionPremiumCents;
              for (const s of priced.segments) {
                const existing = recorded.find((r) => r.id === s.id);
                if (existing) existing.recordedEffectCents = s.effectCents;
              }
              recorded.push({ ...added, recordedEffectCents: priced.newEffectCents });
            }
            return total;
          };
          const a = { id: "a", effectiveDate: d1, change: c1 };
          const b = { id: "b", effectiveDate: d2, change: c2 };
          // Same-day changes apply in the order entered, so only distinct dates commute.
          fc.pre(d1 !== d2);
          expect(book([a, b])).toBe(book([b, a]));
        },
      ),
    );
  });
});

describe("taxEffect", () => {
  it("follows premium at the policy's tax rate, half-to-even, both signs", () => {
    expect(taxEffect(153_000, 366_000, 18_300)).toBe(7_650);
    expect(taxEffect(-46_000, 184_000, 9_200)).toBe(-2_300);
    expect(taxEffect(1, 2, 1)).toBe(0);
    expect(taxEffect(-3, 2, 1)).toBe(-2);
  });
});

describe("earnedToDate", () => {
  it("earns each transaction from its own date, a cancellation un-earning what it returned", () => {
    // 366,000 written 2028-01-01; cancelled 2028-03-01 returning 306,000 pro-rata.
    const rows = [
      { premiumCents: 366_000, effectiveDate: "2028-01-01" },
      { premiumCents: -306_000, effectiveDate: "2028-03-01" },
    ];
    expect(earnedToDate(rows, leapTerm, "2028-03-01")).toEqual({
      writtenCents: 60_000,
      earnedCents: 60_000,
      unearnedCents: 0,
    });
    // Long after: everything written is earned, nothing more.
    expect(earnedToDate(rows, leapTerm, "2029-06-01")).toEqual({
      writtenCents: 60_000,
      earnedCents: 60_000,
      unearnedCents: 0,
    });
    // An additional 153,000 from 2028-03-01 earns over its 306 days: 30 days in, 15,000.
    expect(
      earnedToDate([rows[0]!, { premiumCents: 153_000, effectiveDate: "2028-03-01" }], leapTerm, "2028-03-31"),
    ).toEqual({ writtenCents: 519_000, earnedCents: 90_000 + 15_000, unearnedCents: 414_000 });
  });
});
