import { and, asc, eq, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { emailOutbox } from "../../../db/schema/index.ts";

/**
 * An HTTP mail API in the shape most providers accept (Resend, Postmark-compatible relays,
 * an internal SMTP gateway): POST JSON `{from, to, subject, text}` with a bearer token.
 */
export type MailTransport = { url: string; token: string; from: string };

export const MAX_DELIVERY_ATTEMPTS = 5;
/** A claim older than this belongs to a run that died mid-send; the email is tried again. */
const STALE_CLAIM_MINUTES = 10;

export function mailTransportFrom(env: { MAIL_TRANSPORT_URL?: string; MAIL_TRANSPORT_TOKEN?: string; MAIL_FROM?: string }): MailTransport | null {
  if (!env.MAIL_TRANSPORT_URL || !env.MAIL_TRANSPORT_TOKEN || !env.MAIL_FROM) return null;
  return { url: env.MAIL_TRANSPORT_URL, token: env.MAIL_TRANSPORT_TOKEN, from: env.MAIL_FROM };
}

/**
 * Sends what is waiting in the outbox. Each email is claimed with a conditional update on its
 * attempt count before it is sent, so two overlapping runs never both send it; a failed send
 * goes back to pending until it has used its attempts.
 */
export async function deliverPendingEmails(db: Database, transport: MailTransport, { limit = 50 } = {}) {
  const claimable = or(
    eq(emailOutbox.status, "pending"),
    and(eq(emailOutbox.status, "sending"), lt(emailOutbox.claimedAt, sql`NOW(3) - INTERVAL ${STALE_CLAIM_MINUTES} MINUTE`)),
  );
  const pending = await db
    .select()
    .from(emailOutbox)
    .where(and(claimable, lt(emailOutbox.attempts, MAX_DELIVERY_ATTEMPTS)))
    .orderBy(asc(emailOutbox.createdAt))
    .limit(limit);
  let sent = 0;
  for (const email of pending) {
    const claim = await db
      .update(emailOutbox)
      .set({ status: "sending", claimedAt: sql`NOW(3)`, attempts: sql`${emailOutbox.attempts} + 1` })
      .where(and(eq(emailOutbox.id, email.id), eq(emailOutbox.attempts, email.attempts)));
    if (Number(claim.rowsAffected) !== 1) continue;
    const error = await send(transport, email);
    const attempts = email.attempts + 1;
    await db
      .update(emailOutbox)
      .set(
        error === null
          ? { status: "sent", sentAt: new Date(), lastError: null }
          : { status: attempts >= MAX_DELIVERY_ATTEMPTS ? "failed" : "pending", lastError: error },
      )
      .where(eq(emailOutbox.id, email.id));
    if (error === null) sent++;
  }
  return { attempted: pending.length, sent };
}

async function send(transport: MailTransport, email: typeof emailOutbox.$inferSelect): Promise<string | null> {
  try {
    const response = await fetch(transport.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${transport.token}` },
      body: JSON.stringify({ from: transport.from, to: email.toAddress, subject: email.subject, text: email.textBody }),
    });
    if (response.ok) return null;
    return `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
