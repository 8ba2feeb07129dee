// One place for who may do what. Roles grant `action:entity` permissions; which rows a
// permission reaches (a producer's own agency, an adjuster's assigned claims) is decided by
// the relationship rules in `scope.ts`, applied inside model queries.

export const ROLES = [
  "org_admin",
  "underwriter",
  "senior_underwriter",
  "producer",
  "agency_admin",
  "claims_adjuster",
  "claims_supervisor",
  "finance_analyst",
  "compliance_officer",
  "carrier_user",
  "policyholder",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  org_admin: "Organization admin",
  underwriter: "Underwriter",
  senior_underwriter: "Senior underwriter",
  producer: "Producer",
  agency_admin: "Agency admin",
  claims_adjuster: "Claims adjuster",
  claims_supervisor: "Claims supervisor",
  finance_analyst: "Finance analyst",
  compliance_officer: "Compliance officer",
  carrier_user: "Carrier user",
  policyholder: "Policyholder",
};

export const PERMISSIONS = [
  "access:uw",
  "access:producer",
  "access:portal",
  "access:claims",
  "access:finance",
  "access:compliance",
  "access:carrier",
  "access:admin",
  "read:submission",
  "create:submission",
  "quote:submission",
  "bind:submission",
  "decline:submission",
  "underwrite:submission",
  "read:internal-note",
  "decide:referral",
  "read:policy",
  "read:claim",
  "manage:claim",
  "approve:reserve",
  "read:invoice",
  "record:payment",
  "pay:invoice",
  "read:ledger",
  "settle:carrier",
  "read:da-agreement",
  "read:audit-log",
  "manage:member",
  "manage:api-key",
  "read:deal-room",
  "manage:deal-room",
  "manage:webhook",
  // Policy servicing (ADR 017): applying changes, cancellations, reinstatements; requesting them.
  "service:policy",
  "request:policy-change",
  "manage:configuration",
  "manage:agency-member",
  "manage:bordereau",
  "review:bordereau",
  "manage:licence",
  "pay:statement",
  "read:commission-statement",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const underwriting: Permission[] = [
  "access:uw",
  "read:submission",
  "quote:submission",
  "bind:submission",
  "decline:submission",
  "underwrite:submission",
  "read:internal-note",
  "read:policy",
  "read:deal-room",
  "manage:deal-room",
  "service:policy",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  org_admin: [
    "access:admin",
    "read:audit-log",
    "manage:member",
    "manage:api-key",
    "manage:webhook",
    "read:da-agreement",
    "manage:configuration",
    "manage:bordereau",
  ],
  underwriter: underwriting,
  senior_underwriter: [...underwriting, "decide:referral"],
  producer: [
    "access:producer",
    "read:submission",
    "create:submission",
    "quote:submission",
    "bind:submission",
    "read:policy",
    "read:deal-room",
    "request:policy-change",
  ],
  agency_admin: [
    "access:producer",
    "read:submission",
    "create:submission",
    "quote:submission",
    "bind:submission",
    "read:policy",
    "manage:api-key",
    "read:deal-room",
    "request:policy-change",
    "manage:agency-member",
    "read:commission-statement",
  ],
  claims_adjuster: ["access:claims", "read:claim", "manage:claim"],
  claims_supervisor: ["access:claims", "read:claim", "manage:claim", "approve:reserve"],
  finance_analyst: [
    "access:finance",
    "read:invoice",
    "record:payment",
    "read:policy",
    "read:ledger",
    "settle:carrier",
    "pay:statement",
    "read:commission-statement",
  ],
  compliance_officer: [
    "access:compliance",
    "read:da-agreement",
    "read:audit-log",
    "read:policy",
    "manage:bordereau",
    "manage:licence",
  ],
  carrier_user: ["access:carrier", "read:policy", "read:da-agreement", "review:bordereau"],
  // A policyholder pays only invoices of policies they can see (the relationship rules).
  policyholder: ["access:portal", "read:policy", "read:invoice", "pay:invoice", "request:policy-change"],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** better-auth stores several roles of one member as a comma-separated string. */
export function parseRoles(memberRole: string | null | undefined): Role[] {
  if (!memberRole) return [];
  return memberRole
    .split(",")
    .map((r) => r.trim())
    .filter(isRole);
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Roles whose holders must use TOTP two-factor sign-in. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ["org_admin"];
