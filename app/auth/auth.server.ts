import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { admin, organization, twoFactor } from "better-auth/plugins";
import type { Database } from "../../db/client.ts";
import * as schema from "../../db/schema/index.ts";
import { recordAudit } from "../services/access/audit.server.ts";
import { affiliateInvitee } from "../models/member-admin.server.ts";
import { recipientHasRoom } from "../services/access/password-reset.server.ts";
import { queueEmail } from "../services/events/email.server.ts";
import { ac, organizationRoles } from "./access-control.ts";
import { ROLE_LABELS, parseRoles } from "./permissions.ts";

export type AuthConfig = { appUrl: string; secret: string };

export const SESSION_TTL_SECONDS = 60 * 60 * 12;

export function createAuth(db: Database, config: AuthConfig) {
  return betterAuth({
    appName: "OpenInsure",
    baseURL: config.appUrl,
    secret: config.secret,
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: "mysql",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        organization: schema.organization,
        member: schema.member,
        invitation: schema.invitation,
        twoFactor: schema.twoFactor,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        // Earlier reset mails still unsent are enough: the outbox is shared by every tenant.
        if (!(await recipientHasRoom(db, user.email))) return;
        await queueEmail(
          db,
          {
            to: user.email,
            subject: "Reset your OpenInsure password",
            text: `Someone asked to reset the password of ${user.email}. If it was you, open this link within an hour:\n\n${config.appUrl}/reset-password/${token}\n\nIf not, ignore this email.`,
          },
          "transactional",
        );
      },
    },
    session: { expiresIn: SESSION_TTL_SECONDS, updateAge: 60 * 60 },
    // Sign-in throttling is ours (services/sign-in-throttle) so it can key on the account
    // as well as the address and live in the database shared by every isolate.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "openinsure",
      useSecureCookies: config.appUrl.startsWith("https:"),
      ipAddress: { ipAddressHeaders: ["cf-connecting-ip"] },
    },
    databaseHooks: {
      session: {
        create: {
          // Land every new session in the user's first organization so loaders always have
          // a tenant; users of several organizations switch later.
          before: async (session) => {
            const membership = await db.query.member.findFirst({
              where: (m, { eq }) => eq(m.userId, session.userId),
              orderBy: (m, { asc }) => asc(m.createdAt),
            });
            return { data: { ...session, activeOrganizationId: membership?.organizationId ?? null } };
          },
          after: async (session, endpoint) => {
            const orgId = (session as { activeOrganizationId?: string | null }).activeOrganizationId;
            if (!orgId) return;
            const impersonatedBy = (session as { impersonatedBy?: string | null }).impersonatedBy;
            const actor = await db.query.user.findFirst({
              where: (u, { eq }) => eq(u.id, impersonatedBy ?? session.userId),
            });
            // With two-factor on, the password step's session is discarded at once and the real
            // one is made when the code is verified: only that one is a sign-in.
            if (!impersonatedBy && actor?.twoFactorEnabled && endpoint?.path === "/sign-in/email") return;
            await recordAudit(db, {
              orgId,
              actorUserId: actor?.id ?? session.userId,
              actorEmail: actor?.email ?? null,
              action: impersonatedBy ? "impersonation_started" : "sign_in",
              targetType: "user",
              targetId: session.userId,
              ipAddress: session.ipAddress ?? null,
            });
          },
        },
      },
    },
    plugins: [
      organization({
        ac,
        roles: organizationRoles,
        allowUserToCreateOrganization: false,
        invitationExpiresIn: 60 * 60 * 24 * 7,
        organizationHooks: {
          // The invitation named the agency, insured or carrier the invitee acts for (ADR 021).
          afterAcceptInvitation: async ({ invitation, member }) => {
            await affiliateInvitee(db, invitation.id, member.organizationId, member.userId);
          },
        },
        sendInvitationEmail: async ({ email, organization: org, inviter, invitation }) => {
          const roles = parseRoles(invitation.role)
            .map((r) => ROLE_LABELS[r])
            .join(", ");
          await queueEmail(
            db,
            {
              to: email,
              subject: `You are invited to ${org.name} on OpenInsure`,
              text: `${inviter.user.name} invited you to join ${org.name} as ${roles}.\n\nAccept within 7 days:\n\n${config.appUrl}/invitations/${invitation.id}`,
            },
            "transactional",
          );
        },
      }),
      admin({ impersonationSessionDuration: 60 * 60 }),
      twoFactor({ issuer: "OpenInsure", backupCodeOptions: { storeBackupCodes: "encrypted" } }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
