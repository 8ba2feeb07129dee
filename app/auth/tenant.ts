import type { Role } from "./permissions.ts";

/**
 * Everything a model function needs to scope a query. The org id comes from the session
 * (or an API key), never from the request. Pure types, so models import them without reaching
 * the session (and through it the router context and better-auth).
 */
export type TenantContext = {
  orgId: string;
  orgName: string;
  userId: string;
  roles: Role[];
  agencyId: string | null;
  insuredId: string | null;
  carrierId: string | null;
  /**
   * The organization's IANA time zone (ADR 021), set by the session and by API keys; its business
   * date is `businessToday(tenant)`. Absent means UTC.
   */
  timeZone?: string;
};

export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  isPlatformOperator: boolean;
  twoFactorEnabled: boolean;
  impersonatedBy: string | null;
  tenant: TenantContext | null;
};
