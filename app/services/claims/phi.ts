/**
 * The one registry of PHI fields and the one place that decides who sees them (DOMAIN.md,
 * Claims and PHI). Every surface that can show a claimant (pages, /v1, exports, bordereaux,
 * notifications, webhooks, search, logs) passes its claim through `redactClaimForViewer`
 * before rendering or serializing it; nothing else reads claimant values.
 */
import type { Role } from "../../auth/permissions.ts";

export const PHI_FIELDS = [
  { key: "name", label: "Claimant name" },
  { key: "address", label: "Address" },
  { key: "phone", label: "Phone" },
  { key: "email", label: "Email" },
  { key: "dateOfBirth", label: "Date of birth" },
  { key: "ssn", label: "Social Security number" },
  { key: "diagnosisCodes", label: "Diagnosis codes (ICD-10)" },
  { key: "procedureCodes", label: "Procedure codes (CPT)" },
  { key: "treatmentNotes", label: "Treatment notes" },
  { key: "medicalRecordNumbers", label: "Medical record numbers" },
] as const;
export type PhiField = (typeof PHI_FIELDS)[number]["key"];
export const PHI_FIELD_KEYS: readonly PhiField[] = PHI_FIELDS.map((f) => f.key);

/** A claimant's PHI values; an empty string is a value the reporter did not give. */
export type ClaimantPhi = Record<PhiField, string>;

/** What replaces a value the viewer may not see, on every surface. */
export const REDACTED = "[redacted]";

export function emptyPhi(): ClaimantPhi {
  return Object.fromEntries(PHI_FIELD_KEYS.map((k) => [k, ""])) as ClaimantPhi;
}

/** Keeps the registered fields only, as trimmed strings. */
export function normalizePhi(values: Partial<Record<string, unknown>>): ClaimantPhi {
  return Object.fromEntries(
    PHI_FIELD_KEYS.map((k) => [k, typeof values[k] === "string" ? (values[k] as string).trim() : ""]),
  ) as ClaimantPhi;
}

/** Who is looking: a signed-in user (with or without a two-factor session) or an API key. */
export type PhiViewer = {
  userId: string | null;
  roles: readonly Role[];
  /** The session was verified with a second factor (admins see PHI only then). */
  twoFactorVerified: boolean;
  via: "session" | "api_key";
};

/**
 * The role matrix of DOMAIN.md: a claims supervisor sees the org's PHI, an adjuster the PHI of
 * claims assigned to them, an org admin only with a two-factor session; producers,
 * underwriters (aggregates only), compliance officers (the audit log, no values), finance,
 * carriers, policyholders and every API key see it masked.
 */
export function canSeePhi(claim: { assignedAdjusterId: string | null }, viewer: PhiViewer): boolean {
  if (viewer.via !== "session" || !viewer.userId) return false;
  if (viewer.roles.includes("claims_supervisor")) return true;
  if (viewer.roles.includes("claims_adjuster") && claim.assignedAdjusterId === viewer.userId) return true;
  return viewer.roles.includes("org_admin") && viewer.twoFactorVerified;
}

export function maskPhi(_phi: ClaimantPhi): ClaimantPhi {
  return Object.fromEntries(PHI_FIELD_KEYS.map((k) => [k, REDACTED])) as ClaimantPhi;
}

export type WithClaimants = { assignedAdjusterId: string | null; claimants: readonly { phi: ClaimantPhi }[] };

/**
 * The claim as this viewer may see it: every claimant's PHI either whole or masked field by
 * field, and `phiVisible` saying which (the caller audits a read only when it is true).
 */
export function redactClaimForViewer<C extends WithClaimants>(
  claim: C,
  viewer: PhiViewer,
): C & { phiVisible: boolean } {
  const visible = canSeePhi(claim, viewer);
  if (visible) return { ...claim, phiVisible: true };
  return {
    ...claim,
    claimants: claim.claimants.map((c) => ({ ...c, phi: maskPhi(c.phi) })),
    phiVisible: false,
  };
}

/** The fields a claimant actually carries (non-empty): what a read or write of it touches. */
export function phiFieldsPresent(phi: ClaimantPhi): PhiField[] {
  return PHI_FIELD_KEYS.filter((k) => phi[k] !== "");
}
