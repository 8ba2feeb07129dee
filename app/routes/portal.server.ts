import type { RouterContextProvider } from "react-router";
import { areaById, areasFor, type AreaId } from "../auth/areas.ts";
import { ROLE_LABELS } from "../auth/permissions.ts";
import { forbidden, requireUser } from "../auth/session.server.ts";
import { hasPermission } from "../auth/permissions.ts";
import type { ShellData } from "../components/portal-shell.tsx";

/** The role check and navigation every portal layout shares. */
export async function loadPortalShell(args: { request: Request; context: Readonly<RouterContextProvider> }, areaId: AreaId): Promise<ShellData> {
  const user = await requireUser(args);
  const roles = user.tenant?.roles ?? [];
  const area = areaById(areaId);
  const operatorInAdmin = areaId === "admin" && user.isPlatformOperator;
  if (!operatorInAdmin && !hasPermission(roles, area.permission)) forbidden(`Your role does not give access to ${area.label}.`);
  return {
    user: { name: user.name, email: user.email, impersonatedBy: user.impersonatedBy },
    orgName: user.tenant?.orgName ?? null,
    roles: roles.map((r) => ROLE_LABELS[r]),
    areas: areasFor(roles, user.isPlatformOperator).map(({ id, path, label }) => ({ id, path, label })),
    currentArea: areaId,
  };
}
