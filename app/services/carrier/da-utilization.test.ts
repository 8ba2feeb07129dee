import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  agreementUtilization,
  thresholdsCrossed,
  UTILIZATION_THRESHOLDS,
  utilizationBasisPoints,
} from "./da-utilization.ts";

describe("thresholdsCrossed", () => {
  it("names the thresholds a bind carried the agreement across, boundaries included", () => {
    expect(thresholdsCrossed(700, 760, 1000)).toEqual([75]);
    expect(thresholdsCrossed(850, 900, 1000)).toEqual([90]);
    expect(thresholdsCrossed(899, 1000, 1000)).toEqual([90, 100]);
    expect(thresholdsCrossed(0, 1000, 1000)).toEqual([75, 90, 100]);
    expect(thresholdsCrossed(750, 800, 1000)).toEqual([]);
    expect(thresholdsCrossed(100, 200, 0)).toEqual([]);
  });

  it("crossing in steps raises each threshold exactly once", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 30 }),
        (limit, steps) => {
          let used = 0;
          const raised: number[] = [];
          for (const step of steps) {
            raised.push(...thresholdsCrossed(used, used + step, limit));
            used += step;
          }
          const expected = UTILIZATION_THRESHOLDS.filter((t) => used * 100 >= t * limit);
          expect(raised).toEqual(expected);
        },
      ),
    );
  });
});

describe("utilizationBasisPoints", () => {
  it("is exact in basis points, half to even", () => {
    expect(utilizationBasisPoints(2_051_151, 1_500_000_000)).toBe(14);
    expect(utilizationBasisPoints(1_350_000_000, 1_500_000_000)).toBe(9000);
    expect(utilizationBasisPoints(1, 0)).toBe(0);
  });
});

describe("agreementUtilization", () => {
  it("reads the annual use from the bound counter and the quarter from its months, with a cumulative trend", () => {
    const result = agreementUtilization(
      {
        effectiveDate: "2026-05-01",
        expirationDate: "2027-04-30",
        annualGwpLimitCents: 1_000_000,
        quarterlyGwpLimitCents: 300_000,
        boundGwpCents: 760_000,
        months: [
          { month: "2026-06", premiumCents: 200_000 },
          { month: "2026-08", premiumCents: 400_000 },
          { month: "2026-10", premiumCents: 190_000 },
          { month: "2026-11", premiumCents: -30_000 },
        ],
      },
      { start: "2026-08-01", end: "2026-11-01" },
    );
    expect(result).toEqual({
      annualBasisPoints: 7600,
      quarterCents: 590_000,
      quarterBasisPoints: 19_667,
      trend: [
        { month: "2026-06", cumulativeCents: 200_000 },
        { month: "2026-08", cumulativeCents: 600_000 },
        { month: "2026-10", cumulativeCents: 790_000 },
        { month: "2026-11", cumulativeCents: 760_000 },
      ],
    });
  });
});
