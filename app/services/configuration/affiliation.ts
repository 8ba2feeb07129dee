import type { Role } from "../../auth/permissions.ts";

type Affiliation = { agencyId: string | null; insuredId: string | null; carrierId: string | null };

/**
 * Whom an invitee must act for, by role: a producer or agency admin for an agency, a
 * policyholder for an insured, a carrier user for a carrier. Without it they would see nothing
 * (the relationship rules read the affiliation). One user acts for one party at most.
 */
export function affiliationProblem(roles: readonly Role[], a: Affiliation): { field: string; message: string } | null {
  const named = [a.agencyId, a.insuredId, a.carrierId].filter(Boolean).length;
  if (named > 1) return { field: "agencyId", message: "Choose one agency, insured or carrier, not several" };
  if (roles.some((r) => r === "producer" || r === "agency_admin") && !a.agencyId)
    return { field: "agencyId", message: "Choose the agency this producer works for" };
  if (roles.includes("policyholder") && !a.insuredId)
    return { field: "insuredId", message: "Choose the insured this policyholder belongs to" };
  if (roles.includes("carrier_user") && !a.carrierId)
    return { field: "carrierId", message: "Choose the carrier this user works for" };
  if (a.agencyId && !roles.some((r) => r === "producer" || r === "agency_admin"))
    return { field: "agencyId", message: "Only producers and agency admins act for an agency" };
  if (a.insuredId && !roles.includes("policyholder"))
    return { field: "insuredId", message: "Only policyholders act for an insured" };
  if (a.carrierId && !roles.includes("carrier_user"))
    return { field: "carrierId", message: "Only carrier users act for a carrier" };
  return null;
}
