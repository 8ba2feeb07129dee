import type { Database } from "../../../db/client.ts";
import {
  claimEmailForSending,
  listClaimableEmails,
  settleEmail,
  type OutboxEmail,
} from "../../models/email-outbox.server.ts";

/**
 * An HTTP mail API in the shape most providers accept (Resend, Postmark-compatible relays,
 * an internal SMTP gateway): POST JSON `{from, to, subject, text}` with a bearer token.
 */
export type MailTransport = { url: string; token: string; from: string };

export const MAX_DELIVERY_ATTEMPTS = 5;
/** A claim older than this belongs to a run that died mid-send; the email is tried again. */
const STALE_CLAIM_MINUTES = 10;

export function mailTransportFrom(env: {
  MAIL_TRANSPORT_URL?: string;
  MAIL_TRANSPORT_TOKEN?: string;
  MAIL_FROM?: string;
}): MailTransport | null {
  if (!env.MAIL_TRANSPORT_URL || !env.MAIL_TRANSPORT_TOKEN || !env.MAIL_FROM) return null;
  return { url: env.MAIL_TRANSPORT_URL, token: env.MAIL_TRANSPORT_TOKEN, from: env.MAIL_FROM };
}

/**
 * Sends what is waiting in the outbox. Each email is claimed with a conditional update on its
 * attempt count before it is sent, so two overlapping runs never both send it; a failed send
 * goes back to pending until it has used its attempts. `recipients` narrows a run to those
 * addresses (a test that owns its rows).
 */
export async function deliverPendingEmails(
  db: Database,
  transport: MailTransport,
  { limit = 50, recipients }: { limit?: number; recipients?: readonly string[] } = {},
) {
  const pending = await listClaimableEmails(db, {
    limit,
    maxAttempts: MAX_DELIVERY_ATTEMPTS,
    staleClaimMinutes: STALE_CLAIM_MINUTES,
    recipients,
  });
  let sent = 0;
  for (const email of pending) {
    if (!(await claimEmailForSending(db, email))) continue;
    const error = await send(transport, email);
    const attempts = email.attempts + 1;
    await settleEmail(
      db,
      email.id,
      error === null
        ? { status: "sent", sentAt: new Date() }
        : { status: attempts >= MAX_DELIVERY_ATTEMPTS ? "failed" : "pending", lastError: error },
    );
    if (error === null) sent++;
  }
  return { attempted: pending.length, sent };
}

async function send(transport: MailTransport, email: OutboxEmail): Promise<string | null> {
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
