import type { RouterContextProvider } from "react-router";
import type { CurrentUser, TenantContext } from "../auth/tenant.ts";
import { appServices } from "../context.server.ts";
import type { ClaimActor } from "../services/claims/claims.server.ts";
import type { ViewContext } from "../services/claims/claim-view.server.ts";
import { masterKeyFrom } from "../services/claims/phi-store.server.ts";

type Args = { request: Request; context: Readonly<RouterContextProvider> };

// What every claims page passes to the claims services: who acts, from where, and the key.

function ipOf(request: Request): string | null {
  return (
    request.headers.get("cf-connecting-ip") ?? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null
  );
}

export function claimActor(args: Args, user: CurrentUser & { tenant: TenantContext }, surface: string): ClaimActor {
  return { tenant: user.tenant, surface, ipAddress: ipOf(args.request) };
}

export function claimViewContext(
  args: Args,
  user: CurrentUser & { tenant: TenantContext },
  surface: string,
): ViewContext {
  return {
    tenant: user.tenant,
    // Two-factor is required at every sign-in of a user who enrolled; impersonation skips it.
    twoFactorVerified: user.twoFactorEnabled && !user.impersonatedBy,
    via: "session",
    surface,
    ipAddress: ipOf(args.request),
  };
}

export function phiMasterKey(args: Args) {
  return masterKeyFrom(appServices(args.context).env);
}
