/**
 * Certificates of insurance (ACORD 25 layout; ADR 023): what the certificate says, from the
 * policy as it stood on the issue date. No I/O.
 */
import type { PolicyChanges, PolicyStatus } from "../../../db/schema/policies.ts";

export type CertificateHolder = { name: string; addressLine1: string; city: string; state: string; postalCode: string };
type AdditionalInsured = { name: string; address: string };
/** `holderName: null` is a blanket waiver: anyone the insured agreed in writing to waive against. */
type Waiver = { holderName: string | null };

/** The policy's rated columns and endorsed insureds as they are now. */
export type PolicyNow = {
  namedInsured: string;
  occurrenceLimitCents: number | null;
  aggregateLimitCents: number | null;
  deductibleCents: number | null;
  additionalInsureds: readonly AdditionalInsured[];
  waiversOfSubrogation: readonly Waiver[];
};
export type DatedChange = { type: string; sequence: number; effectiveDate: string; changes: PolicyChanges | null };

/**
 * The policy as of `date`: every endorsement effective after it is rolled back, latest first, to
 * what it changed from. Endorsements are recorded with both sides, so nothing is re-derived.
 */
export function policyAsOf(now: PolicyNow, transactions: readonly DatedChange[], date: string): PolicyNow {
  const state = {
    ...now,
    additionalInsureds: [...now.additionalInsureds],
    waiversOfSubrogation: [...now.waiversOfSubrogation],
  };
  const later = transactions
    .filter((t) => t.type === "endorsement" && t.changes && t.effectiveDate > date)
    .sort((a, b) => b.sequence - a.sequence);
  for (const t of later) {
    const changes = t.changes!;
    for (const field of ["occurrenceLimitCents", "aggregateLimitCents", "deductibleCents"] as const) {
      const change = changes[field];
      if (change) state[field] = change.from as number | null;
    }
    if (changes.namedInsured && typeof changes.namedInsured.from === "string")
      state.namedInsured = changes.namedInsured.from;
    const added = changes.additionalInsured?.to as AdditionalInsured | undefined;
    if (added) {
      const index = state.additionalInsureds.findIndex((a) => sameName(a.name, added.name));
      if (index >= 0) state.additionalInsureds.splice(index, 1);
    }
    const waiver = changes.waiverOfSubrogation?.to as Waiver | undefined;
    if (waiver) {
      const index = state.waiversOfSubrogation.findIndex((w) => sameWaiver(w, waiver));
      if (index >= 0) state.waiversOfSubrogation.splice(index, 1);
    }
  }
  return state;
}

const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();
const sameWaiver = (a: Waiver, b: Waiver) =>
  a.holderName === null || b.holderName === null ? a.holderName === b.holderName : sameName(a.holderName, b.holderName);

export type CertificateRefusal = { ok: false; message: string };

/** A certificate evidences coverage that is (or will be) in force: never for an ended policy. */
export function mayIssueCertificate(
  policy: { status: PolicyStatus; expirationDate: string },
  issuedOn: string,
): { ok: true } | CertificateRefusal {
  if (policy.status !== "issued" && policy.status !== "active")
    return { ok: false, message: `A certificate cannot be issued for a ${policy.status.replace("_", "-")} policy.` };
  if (issuedOn >= policy.expirationDate)
    return { ok: false, message: `The policy expired on ${policy.expirationDate}.` };
  return { ok: true };
}

/**
 * The ACORD 25 boxes, from the policy as of the issue date: ADDL INSD only when an
 * additional-insured endorsement names this holder; SUBR WVD only when a waiver-of-subrogation
 * endorsement names this holder or is blanket. A certificate never claims what the policy lacks.
 */
export function certificateBoxes(asOf: PolicyNow, holder: Pick<CertificateHolder, "name">) {
  return {
    additionalInsured: asOf.additionalInsureds.some((a) => sameName(a.name, holder.name)),
    waiverOfSubrogation: asOf.waiversOfSubrogation.some(
      (w) => w.holderName === null || sameName(w.holderName, holder.name),
    ),
  };
}

/** "CERT-2027-00042": by the organization's sequence, per year of issue. */
export function certificateNumber(issuedOn: string, sequence: number): string {
  return `CERT-${issuedOn.slice(0, 4)}-${String(sequence).padStart(5, "0")}`;
}
