import { boolean, index, int, mysqlTable, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, instant, ref, updatedAt } from "./columns.ts";

// Tables owned by better-auth (core, organization, admin and two-factor plugins). They are
// keyed by user or organization id and queried only through better-auth, so they are not
// "tenant tables" in the sense of the tenant guard.

export const user = mysqlTable(
  "user",
  {
    id: id(),
    name: varchar("name", { length: 200 }).notNull(),
    email: varchar("email", { length: 255 }).notNull(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    role: varchar("role", { length: 100 }),
    banned: boolean("banned").default(false),
    banReason: text("ban_reason"),
    banExpires: instant("ban_expires"),
    twoFactorEnabled: boolean("two_factor_enabled").default(false),
  },
  (t) => [uniqueIndex("user_email_uq").on(t.email)],
);

export const session = mysqlTable(
  "session",
  {
    id: id(),
    expiresAt: instant("expires_at").notNull(),
    token: varchar("token", { length: 255 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    ipAddress: varchar("ip_address", { length: 64 }),
    userAgent: text("user_agent"),
    userId: ref("user_id").notNull(),
    impersonatedBy: ref("impersonated_by"),
    activeOrganizationId: ref("active_organization_id"),
  },
  (t) => [uniqueIndex("session_token_uq").on(t.token), index("session_user_idx").on(t.userId)],
);

export const account = mysqlTable(
  "account",
  {
    id: id(),
    accountId: varchar("account_id", { length: 255 }).notNull(),
    providerId: varchar("provider_id", { length: 100 }).notNull(),
    userId: ref("user_id").notNull(),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: instant("access_token_expires_at"),
    refreshTokenExpiresAt: instant("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = mysqlTable(
  "verification",
  {
    id: id(),
    identifier: varchar("identifier", { length: 255 }).notNull(),
    value: text("value").notNull(),
    expiresAt: instant("expires_at").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

export const organization = mysqlTable(
  "organization",
  {
    id: id(),
    name: varchar("name", { length: 200 }).notNull(),
    slug: varchar("slug", { length: 100 }).notNull(),
    logo: text("logo"),
    metadata: text("metadata"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("organization_slug_uq").on(t.slug)],
);

export const member = mysqlTable(
  "member",
  {
    id: id(),
    organizationId: ref("organization_id").notNull(),
    userId: ref("user_id").notNull(),
    role: varchar("role", { length: 300 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("member_org_user_uq").on(t.organizationId, t.userId), index("member_user_idx").on(t.userId)],
);

export const invitation = mysqlTable(
  "invitation",
  {
    id: id(),
    organizationId: ref("organization_id").notNull(),
    email: varchar("email", { length: 255 }).notNull(),
    role: varchar("role", { length: 300 }),
    status: varchar("status", { length: 20 }).notNull().default("pending"),
    expiresAt: instant("expires_at").notNull(),
    createdAt: createdAt(),
    inviterId: ref("inviter_id").notNull(),
  },
  (t) => [index("invitation_org_idx").on(t.organizationId), index("invitation_email_idx").on(t.email)],
);

export const twoFactor = mysqlTable(
  "two_factor",
  {
    id: id(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    userId: ref("user_id").notNull(),
    verified: boolean("verified").default(true),
    failedVerificationCount: int("failed_verification_count").default(0),
    lockedUntil: instant("locked_until"),
  },
  (t) => [index("two_factor_user_idx").on(t.userId)],
);
