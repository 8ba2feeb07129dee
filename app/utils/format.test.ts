import { describe, expect, test } from "vitest";
import { formatCalendarDate } from "./format.ts";

const intl = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

describe("formatCalendarDate", () => {
  test("writes every calendar date from 1900 to 2100 exactly as Intl's en-US short date does", () => {
    const mismatches: string[] = [];
    for (let day = Date.UTC(1900, 0, 1); day <= Date.UTC(2100, 11, 31); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      const expected = intl.format(new Date(day));
      if (formatCalendarDate(iso) !== expected) mismatches.push(`${iso}: ${formatCalendarDate(iso)} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
    expect(formatCalendarDate("2026-12-04")).toBe("Dec 4, 2026");
    expect(formatCalendarDate(null)).toBe("—");
  });
});
