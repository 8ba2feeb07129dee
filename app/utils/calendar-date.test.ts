import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  CalendarDateError,
  compareCalendarDates,
  dayNumber,
  daysBetween,
  isWithin,
} from "./calendar-date.ts";

describe("calendar dates", () => {
  it("counts whole days, including February 29 of a leap year", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-02-28", "2027-03-01")).toBe(1);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
    expect(daysBetween("2026-03-01", "2027-03-01")).toBe(365);
    expect(daysBetween("2026-03-10", "2026-03-01")).toBe(-9);
  });

  it("ignores daylight saving: the spring-forward week is seven days", () => {
    expect(daysBetween("2026-03-05", "2026-03-12")).toBe(7);
  });

  it("refuses impossible and malformed dates", () => {
    for (const bad of [
      "2026-02-29",
      "2026-13-01",
      "2026-04-31",
      "0050-01-01",
      "2026-1-1",
      "2026-01-01T00:00:00Z",
      "",
    ]) {
      expect(() => dayNumber(bad), bad).toThrow(CalendarDateError);
    }
    expect(dayNumber("2028-02-29")).toBe(dayNumber("2028-02-28") + 1);
  });

  it("adds months clamped to month end, counting each from the anchor", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 2)).toBe("2026-03-31");
    expect(addMonths("2026-08-31", 1)).toBe("2026-09-30");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(() => addMonths("2026-01-01", 1.5)).toThrow(CalendarDateError);
  });

  it("compares and bounds dates with both ends included", () => {
    expect(compareCalendarDates("2026-01-01", "2026-01-02")).toBe(-1);
    expect(compareCalendarDates("2026-01-02", "2026-01-02")).toBe(0);
    expect(isWithin("2026-12-31", "2026-01-01", "2026-12-31")).toBe(true);
    expect(isWithin("2026-01-01", "2026-01-01", "2026-12-31")).toBe(true);
    expect(isWithin("2027-01-01", "2026-01-01", "2026-12-31")).toBe(false);
  });
});

describe("addDays", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2026-11-22", 30)).toBe("2026-12-22");
    expect(addDays("2026-12-20", 15)).toBe("2027-01-04");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
