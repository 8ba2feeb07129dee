import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { businessDateCohorts } from "./business-dates.ts";

const orgs = [
  { orgId: "org_auckland", timeZone: "Pacific/Auckland" },
  { orgId: "org_london", timeZone: null },
  { orgId: "org_chicago", timeZone: "America/Chicago" },
  { orgId: "org_la", timeZone: "America/Los_Angeles" },
];

describe("business date cohorts", () => {
  test("around UTC midnight the organizations east of Greenwich are already on the next day", () => {
    // 23:30 UTC on 2026-12-03: 12:30 on the 4th in Auckland (UTC+13), 17:30 and 15:30 on the 3rd in America.
    expect(businessDateCohorts(orgs, new Date("2026-12-03T23:30:00Z"))).toEqual([
      { date: "2026-12-03", orgIds: ["org_london", "org_chicago", "org_la"] },
      { date: "2026-12-04", orgIds: ["org_auckland"] },
    ]);
    // 06:30 UTC on the 4th: 00:30 in Chicago (UTC-6) is the 4th, 22:30 in Los Angeles still the 3rd.
    expect(businessDateCohorts(orgs, new Date("2026-12-04T06:30:00Z"))).toEqual([
      { date: "2026-12-03", orgIds: ["org_la"] },
      { date: "2026-12-04", orgIds: ["org_auckland", "org_london", "org_chicago"] },
    ]);
  });

  test("every organization is in exactly one cohort, on its own local date", () => {
    const zones = ["UTC", "Pacific/Auckland", "Asia/Kolkata", "America/Los_Angeles", "Pacific/Honolulu", null];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...zones), { maxLength: 12 }),
        fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T23:59:59Z"), noInvalidDate: true }),
        (zoneList, now) => {
          const input = zoneList.map((timeZone, i) => ({ orgId: `org_${i}`, timeZone }));
          const cohorts = businessDateCohorts(input, now);
          expect(cohorts.flatMap((c) => c.orgIds).sort()).toEqual(input.map((o) => o.orgId).sort());
          expect(new Set(cohorts.map((c) => c.date)).size).toBe(cohorts.length);
          for (const { orgId, timeZone } of input) {
            const local = new Intl.DateTimeFormat("en-CA", { timeZone: timeZone ?? "UTC" }).format(now);
            expect(cohorts.find((c) => c.orgIds.includes(orgId))?.date).toBe(local);
          }
        },
      ),
    );
  });
});
