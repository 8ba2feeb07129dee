/**
 * Rules for a claim's suits and subrogation pursuits (pure): which dates a record needs in
 * each status and in which order they fall, what a pursuit still has to recover, and which PHI
 * fields an edit of a claimant changes (what the access log records as written).
 */
import type { SubrogationStatus, SuitStatus } from "../../../db/schema/claim-parties.ts";
import { PHI_FIELD_KEYS, type ClaimantPhi, type PhiField } from "./phi.ts";

export type RuleCheck = { ok: true } | { ok: false; message: string };

const fail = (message: string): RuleCheck => ({ ok: false, message });

export type SuitDates = {
  status: SuitStatus;
  filedOn: string;
  servedOn: string | null;
  counselAppointedOn: string | null;
  trialOn: string | null;
  resolvedOn: string | null;
};

/** Dates are ISO calendar dates (YYYY-MM-DD), so they compare as strings. */
export function checkSuit(suit: SuitDates, today: string): RuleCheck {
  if (suit.filedOn > today) return fail("The suit cannot be filed after today.");
  if (suit.servedOn && suit.servedOn < suit.filedOn) return fail("Service cannot come before the suit was filed.");
  if (suit.servedOn && suit.servedOn > today) return fail("The date of service cannot be after today.");
  if (suit.counselAppointedOn && suit.counselAppointedOn > today)
    return fail("Defense counsel cannot be appointed after today.");
  if (suit.trialOn && suit.trialOn < suit.filedOn) return fail("The trial cannot come before the suit was filed.");
  if (suit.status === "pending") {
    if (suit.resolvedOn) return fail("A pending suit has no resolution date: choose how it ended.");
    return { ok: true };
  }
  if (!suit.resolvedOn) return fail(`A ${suit.status} suit needs the date it was resolved.`);
  if (suit.resolvedOn < suit.filedOn) return fail("The suit cannot be resolved before it was filed.");
  if (suit.resolvedOn > today) return fail("The resolution date cannot be after today.");
  return { ok: true };
}

export type SubrogationDates = {
  status: SubrogationStatus;
  openedOn: string;
  demandSentOn: string | null;
  closedOn: string | null;
};

const CLOSED_SUBROGATION: readonly SubrogationStatus[] = ["recovered", "abandoned"];
/** Past "identified", every status but abandoning follows a demand. */
const AFTER_DEMAND: readonly SubrogationStatus[] = [
  "demand_sent",
  "negotiating",
  "arbitration",
  "in_suit",
  "recovered",
];

export function subrogationIsOpen(status: SubrogationStatus): boolean {
  return !CLOSED_SUBROGATION.includes(status);
}

export function checkSubrogation(s: SubrogationDates, today: string): RuleCheck {
  if (s.openedOn > today) return fail("The pursuit cannot open after today.");
  if (AFTER_DEMAND.includes(s.status) && !s.demandSentOn)
    return fail(`A pursuit that is ${s.status.replace("_", " ")} needs the date the demand was sent.`);
  if (s.demandSentOn && s.demandSentOn < s.openedOn)
    return fail("The demand cannot be sent before the pursuit opened.");
  if (s.demandSentOn && s.demandSentOn > today) return fail("The demand date cannot be after today.");
  if (subrogationIsOpen(s.status)) {
    if (s.closedOn) return fail("An open pursuit has no closing date: mark it recovered or abandoned.");
    return { ok: true };
  }
  if (!s.closedOn) return fail(`A pursuit marked ${s.status} needs its closing date.`);
  if (s.closedOn < s.openedOn) return fail("The pursuit cannot close before it opened.");
  if (s.closedOn > today) return fail("The closing date cannot be after today.");
  return { ok: true };
}

/** What a pursuit has brought in against its demand, and what remains (never below zero). */
export function subrogationBalance(demandCents: number, recoveredCents: number) {
  return { recoveredCents, outstandingCents: Math.max(demandCents - recoveredCents, 0) };
}

/** The PHI fields an edit changes: the access log records a write of exactly these. */
export function changedPhiFields(before: ClaimantPhi, after: ClaimantPhi): PhiField[] {
  return PHI_FIELD_KEYS.filter((k) => before[k] !== after[k]);
}
