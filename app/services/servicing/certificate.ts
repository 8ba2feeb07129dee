/**
 * Certificates of insurance (ACORD 25 layout; ADR 023): what the certificate says, from the
 * policy as it stood on the issue date. No I/O.
 */
import type { PolicyChanges, PolicyStatus } from "../../../db/schema/policies.ts";

export type CertificateHolder = { name: string; addressLine1: string; city: string; state: string; postalCode: string };
type AdditionalInsured = { name: string; address: string };

/** The policy's rated columns and endorsed insureds as they are now. */
export type PolicyNow = {
  namedInsured: string;
  occurrenceLimitCents: number | null;
  aggregateLimitCents: number | null;
  deductibleCents: number | null;
  additionalInsureds: readonly AdditionalInsured[];
};
export type DatedChange = { type: string; sequence: number; effectiveDate: string; changes: PolicyChanges | null };

/**
 * The policy as of `date`: every endorsement effective after it is rolled back, latest first, to
 * what it changed from. Endorsements are recorded with both sides, so nothing is re-derived.
 */
export function policyAsOf(now: PolicyNow, transactions: readonly DatedChange[], date: string): PolicyNow {
  const state = { ...now, additionalInsureds: [...now.additionalInsureds] };
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
  }
  return state;
}

const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();

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
 * The ACORD 25 boxes: ADDL INSD is checked only when the policy carries an additional-insured
 * endorsement naming this holder on the issue date. SUBR WVD is checked only for a
 * waiver-of-subrogation endorsement, which no policy can carry yet (the endorsement is not
 * offered), so it stays unchecked rather than claiming a waiver the policy does not give.
 */
export function certificateBoxes(asOf: PolicyNow, holder: Pick<CertificateHolder, "name">) {
  return {
    additionalInsured: asOf.additionalInsureds.some((a) => sameName(a.name, holder.name)),
    waiverOfSubrogation: false,
  };
}

/** "CERT-2027-00042": by the organization's sequence, per year of issue. */
export function certificateNumber(issuedOn: string, sequence: number): string {
  return `CERT-${issuedOn.slice(0, 4)}-${String(sequence).padStart(5, "0")}`;
}
