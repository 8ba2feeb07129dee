// Plain constants (no drizzle) so forms in the browser can list them too.

export const DEAL_ROOM_STATUSES = ["active", "archived", "closed"] as const;
export type DealRoomStatus = (typeof DEAL_ROOM_STATUSES)[number];

export const DEAL_ROOM_ROLES = ["lead_underwriter", "underwriter", "broker", "actuary", "manager", "viewer"] as const;
export type DealRoomRole = (typeof DEAL_ROOM_ROLES)[number];
