import { data, redirect, type RouterContextProvider } from "react-router";
import { findSessionMembership } from "../models/session-membership.server.ts";
import { appServices } from "../router-context.server.ts";
import { areasFor } from "./areas.ts";
import { DEFAULT_TIME_ZONE } from "../utils/today.ts";
import { sessionHasOutlived } from "./session-lifetime.ts";
import { hasPermission, parseRoles, ROLES_REQUIRING_TOTP, type Permission } from "./permissions.ts";
import type { CurrentUser, TenantContext } from "./tenant.ts";

export type { CurrentUser, TenantContext } from "./tenant.ts";

type Args = { request: Request; context: Readonly<RouterContextProvider> };

// Layout and page loaders run in parallel for one request; they share one lookup.
const lookups = new WeakMap<Request, Promise<CurrentUser | null>>();

export function getCurrentUser({ request, context }: Args): Promise<CurrentUser | null> {
  let lookup = lookups.get(request);
  if (!lookup) {
    lookup = loadCurrentUser({ request, context });
    lookups.set(request, lookup);
  }
  return lookup;
}

async function loadCurrentUser({ request, context }: Args): Promise<CurrentUser | null> {
  const { auth, db } = appServices(context);
  const result = await auth.api.getSession({ headers: request.headers });
  if (!result) return null;
  const { user, session } = result;
  if (sessionHasOutlived(session.createdAt)) {
    // Past its absolute lifetime: the session is ended here, and the user is signed out.
    await auth.api.revokeSession({ body: { token: session.token }, headers: request.headers }).catch(() => {});
    return null;
  }
  const orgId = session.activeOrganizationId;
  let tenant: TenantContext | null = null;
  if (orgId) {
    const row = await findSessionMembership(db, orgId, user.id);
    if (row && !row.suspendedAt) {
      tenant = {
        orgId,
        orgName: row.orgName,
        userId: user.id,
        roles: parseRoles(row.role),
        agencyId: row.agencyId ?? null,
        insuredId: row.insuredId ?? null,
        carrierId: row.carrierId ?? null,
        timeZone: row.timeZone ?? DEFAULT_TIME_ZONE,
      };
    }
  }
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isPlatformOperator: user.role === "admin",
    twoFactorEnabled: Boolean(user.twoFactorEnabled),
    impersonatedBy: session.impersonatedBy ?? null,
    tenant,
  };
}

export function needsTwoFactorEnrollment(user: CurrentUser): boolean {
  if (user.twoFactorEnabled || user.impersonatedBy) return false;
  return user.isPlatformOperator || (user.tenant?.roles.some((r) => ROLES_REQUIRING_TOTP.includes(r)) ?? false);
}

/**
 * The signed-in user, or a redirect to sign-in. Users whose role requires TOTP and who have not
 * set it up are sent to enrol first; only the enrolment page itself opts out of that.
 */
export async function requireUser(args: Args, { allowPendingTwoFactor = false } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser(args);
  if (!user) {
    const url = new URL(args.request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/sign-in?${new URLSearchParams({ redirectTo })}`);
  }
  if (needsTwoFactorEnrollment(user) && !allowPendingTwoFactor) {
    throw redirect("/account/two-factor");
  }
  return user;
}

export function forbidden(message = "Your role does not allow this."): never {
  throw data(message, { status: 403 });
}

/**
 * Refuses what an operator must not do in someone else's name: issuing API keys, adding webhook
 * endpoints, changing roles. They outlive the impersonation and would be credited to the user.
 */
export function refuseWhileImpersonating(user: CurrentUser): void {
  if (user.impersonatedBy)
    forbidden("Not while impersonating: stop impersonating and ask the user or an administrator of the organization.");
}

export async function requireTenant(args: Args): Promise<CurrentUser & { tenant: TenantContext }> {
  const user = await requireUser(args);
  if (!user.tenant) forbidden("You are not a member of an organization.");
  return user as CurrentUser & { tenant: TenantContext };
}

/** Throws 403 unless one of the user's roles grants the permission. */
export async function requirePermission(args: Args, permission: Permission) {
  const user = await requireTenant(args);
  if (!hasPermission(user.tenant.roles, permission)) forbidden();
  return user;
}

export function landingPathFor(user: CurrentUser): string {
  const [first] = areasFor(user.tenant?.roles ?? [], user.isPlatformOperator);
  if (!first) forbidden("Your account has no role in any area yet. Ask your administrator for access.");
  return first.path;
}
