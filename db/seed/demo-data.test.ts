import { describe, expect, test } from "vitest";
import { addDays, compareCalendarDates, isWithin } from "../../app/utils/calendar-date.ts";
import { demoWorld, programs, SEED_TODAY } from "./demo-data.ts";
import { seedToday } from "./today.ts";

// The demo world is dated from the seed's today; whatever that day is, the story must hold:
// agreements in force with room to bind ahead, active policies in force, the overdue invoice
// overdue, submissions still ahead, the quotes expired. Year ends, leap days and far years too.
const TODAYS = [
  SEED_TODAY,
  "2026-11-22",
  "2026-12-18",
  "2026-12-31",
  "2027-01-01",
  "2028-02-29",
  "2031-06-17",
  "2099-12-31",
];
const precedes = (a: string, b: string) => compareCalendarDates(a, b) < 0;

describe.each(TODAYS)("the demo world built around %s", (today) => {
  const world = demoWorld(today);

  test("every agreement is in force today and long enough ahead for any journey's effective date", () => {
    for (const agreement of world.daAgreements) {
      expect(isWithin(today, agreement.effectiveDate, agreement.expirationDate), agreement.id).toBe(true);
      expect(precedes(addDays(today, 120), agreement.expirationDate), agreement.id).toBe(true);
      expect(precedes(world.rateTablesEffectiveDate, agreement.effectiveDate)).toBe(true);
    }
  });

  test("policies are in force or expired as their status says, and bound submissions match them", () => {
    for (const policy of world.policies) {
      if (policy.status === "active")
        expect(isWithin(today, policy.effectiveDate, addDays(policy.expirationDate, -1)), policy.id).toBe(true);
      else expect(precedes(policy.expirationDate, today), policy.id).toBe(true);
      const submission = world.submissions.find((s) => s.id === policy.submissionId);
      if (submission) expect(submission).toMatchObject({ status: "bound", effectiveDate: policy.effectiveDate });
    }
  });

  test("open submissions lie ahead, inside their program's agreement, and were submitted before today", () => {
    for (const submission of world.submissions.filter((s) => s.status !== "bound")) {
      expect(precedes(today, submission.effectiveDate), submission.id).toBe(true);
      const agreement = world.daAgreements.find((a) => a.programId === submission.programId)!;
      expect(isWithin(submission.effectiveDate, agreement.effectiveDate, agreement.expirationDate), submission.id).toBe(
        true,
      );
      expect(programs.some((p) => p.id === submission.programId)).toBe(true);
    }
    expect(world.submittedAt.getTime()).toBeLessThan(world.quotes.createdAt.getTime());
    expect(precedes(world.quotes.expiresOn, today)).toBe(true);
  });

  test("invoices are paid or overdue when due before today, and not yet due when invoiced", () => {
    expect(world.invoices.some((i) => i.status === "overdue")).toBe(true);
    for (const invoice of world.invoices) {
      const policy = world.policies.find((p) => p.id === invoice.policyId)!;
      expect(isWithin(invoice.dueDate, policy.effectiveDate, policy.expirationDate), invoice.id).toBe(true);
      if (invoice.status === "invoiced") expect(precedes(today, invoice.dueDate), invoice.id).toBe(true);
      else expect(compareCalendarDates(invoice.dueDate, today) <= 0, invoice.id).toBe(true);
    }
  });

  test("claims are lost during their policy's term and reported by today; licences are current", () => {
    for (const claim of world.claims) {
      const policy = world.policies.find((p) => p.id === claim.policyId)!;
      expect(isWithin(claim.dateOfLoss, policy.effectiveDate, policy.expirationDate), claim.id).toBe(true);
      expect(
        compareCalendarDates(claim.dateOfLoss, claim.reportedOn) <= 0 && precedes(claim.reportedOn, today),
        claim.id,
      ).toBe(true);
    }
    for (const agency of world.agencies) expect(precedes(today, agency.licenseExpiresOn), agency.id).toBe(true);
  });
});

test("the seed's today is SEED_TODAY when set, else today in UTC", () => {
  expect(seedToday({ SEED_TODAY: "2031-06-17" })).toBe("2031-06-17");
  expect(seedToday({}, new Date("2027-01-01T02:00:00Z"))).toBe("2027-01-01");
  expect(() => seedToday({ SEED_TODAY: "2031-02-30" })).toThrow();
});
