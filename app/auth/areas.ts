import type { Permission, Role } from "./permissions.ts";
import { hasPermission } from "./permissions.ts";

// The role-scoped portals, in landing order: a user lands in the first one their roles allow.
export const AREAS = [
  { id: "uw", path: "/uw", label: "Underwriting", permission: "access:uw" },
  { id: "producer", path: "/producer", label: "Producer", permission: "access:producer" },
  { id: "claims", path: "/claims", label: "Claims", permission: "access:claims" },
  { id: "finance", path: "/finance", label: "Finance", permission: "access:finance" },
  { id: "compliance", path: "/compliance", label: "Compliance", permission: "access:compliance" },
  { id: "carrier", path: "/carrier", label: "Carrier", permission: "access:carrier" },
  { id: "portal", path: "/portal", label: "My policies", permission: "access:portal" },
  { id: "admin", path: "/admin", label: "Admin", permission: "access:admin" },
] as const satisfies readonly { id: string; path: string; label: string; permission: Permission }[];

export type Area = (typeof AREAS)[number];
export type AreaId = Area["id"];

export function areasFor(roles: readonly Role[], isPlatformOperator = false): Area[] {
  return AREAS.filter((area) => hasPermission(roles, area.permission) || (isPlatformOperator && area.id === "admin"));
}

export function areaById(id: AreaId): Area {
  const area = AREAS.find((a) => a.id === id);
  if (!area) throw new Error(`Unknown area ${id}`);
  return area;
}
