import type { MiddlewareFunction, RouterContextProvider } from "react-router";
import { areaById, areasFor, type AreaId } from "../auth/areas.ts";
import { hasPermission, ROLE_LABELS } from "../auth/permissions.ts";
import { forbidden, requireUser } from "../auth/session.server.ts";
import type { ShellData } from "../components/portal-shell.tsx";
import { appServices } from "../context.server.ts";
import { notificationRoomName } from "../services/events/live-notifications.ts";
import { unreadNotificationCount } from "../services/events/notifications.server.ts";

type Args = { request: Request; context: Readonly<RouterContextProvider> };

/**
 * The role check of a portal, as middleware on its layout: it runs before every loader and
 * every action of the portal's routes. (A layout's loader does not run for a child's action, so
 * a check there alone would let a POST to any page of the portal through.)
 */
export function requireArea(areaId: AreaId): MiddlewareFunction<Response> {
  return async (args, next) => {
    const user = await requireUser(args);
    const area = areaById(areaId);
    const operatorInAdmin = areaId === "admin" && user.isPlatformOperator;
    if (!operatorInAdmin && !hasPermission(user.tenant?.roles ?? [], area.permission)) {
      forbidden(`Your role does not give access to ${area.label}.`);
    }
    return next();
  };
}

/** The navigation and bell every portal layout shows; the area check itself is `requireArea`. */
export async function loadPortalShell(args: Args, areaId: AreaId | null): Promise<ShellData> {
  const user = await requireUser(args);
  const roles = user.tenant?.roles ?? [];
  const { tenant } = user;
  return {
    user: { name: user.name, email: user.email, impersonatedBy: user.impersonatedBy },
    orgName: user.tenant?.orgName ?? null,
    roles: roles.map((r) => ROLE_LABELS[r]),
    areas: areasFor(roles, user.isPlatformOperator).map(({ id, path, label }) => ({ id, path, label })),
    currentArea: areaId,
    bell: tenant
      ? {
          unread: await unreadNotificationCount(appServices(args.context).db, tenant.orgId, tenant.userId),
          room: notificationRoomName(tenant.orgId, tenant.userId),
        }
      : { unread: 0, room: null },
  };
}
