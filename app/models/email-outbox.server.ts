import { and, asc, count, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { EMAIL_PRIORITY, type EmailPriority, emailOutbox } from "../../db/schema/index.ts";

// The email outbox: a platform table (an email belongs to its recipient, not to an organization).

export type OutboxEmail = typeof emailOutbox.$inferSelect;

export async function insertOutboxEmail(
  db: Database | Transaction,
  email: { id: string; to: string; subject: string; text: string; priority: EmailPriority },
) {
  await db.insert(emailOutbox).values({
    id: email.id,
    toAddress: email.to,
    subject: email.subject,
    textBody: email.text,
    priority: EMAIL_PRIORITY[email.priority],
  });
}

/**
 * Emails a delivery run may take, transactional mail first and oldest first within each: pending ones, and ones claimed by a run that died
 * mid-send more than `staleClaimMinutes` ago, below `maxAttempts`. `recipients` narrows the run
 * to those addresses.
 */
export function listClaimableEmails(
  db: Database,
  options: { limit: number; maxAttempts: number; staleClaimMinutes: number; recipients?: readonly string[] },
): Promise<OutboxEmail[]> {
  const claimable = or(
    eq(emailOutbox.status, "pending"),
    and(
      eq(emailOutbox.status, "sending"),
      lt(emailOutbox.claimedAt, sql`NOW(3) - INTERVAL ${options.staleClaimMinutes} MINUTE`),
    ),
  );
  const only = options.recipients ? inArray(emailOutbox.toAddress, [...options.recipients]) : undefined;
  return db
    .select()
    .from(emailOutbox)
    .where(and(claimable, lt(emailOutbox.attempts, options.maxAttempts), only))
    .orderBy(asc(emailOutbox.priority), asc(emailOutbox.createdAt))
    .limit(options.limit);
}

/** Claims an email for sending, only if no other run claimed it since it was read (same attempt count). */
export async function claimEmailForSending(db: Database, email: { id: string; attempts: number }): Promise<boolean> {
  const claim = await db
    .update(emailOutbox)
    .set({ status: "sending", claimedAt: sql`NOW(3)`, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(and(eq(emailOutbox.id, email.id), eq(emailOutbox.attempts, email.attempts)));
  return Number(claim.rowsAffected) === 1;
}

export async function settleEmail(
  db: Database,
  emailId: string,
  outcome: { status: "sent"; sentAt: Date } | { status: "pending" | "failed"; lastError: string },
) {
  await db
    .update(emailOutbox)
    .set(outcome.status === "sent" ? { status: "sent", sentAt: outcome.sentAt, lastError: null } : outcome)
    .where(eq(emailOutbox.id, emailId));
}

/** The newest emails, for the development mailbox. */
export function listRecentEmails(db: Database, limit = 50) {
  return db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
}

/** Mails to `address` still waiting in the outbox (queued or being sent). */
export async function countQueuedEmailsTo(db: Pick<Database, "select">, address: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, address), inArray(emailOutbox.status, ["pending", "sending"])));
  return Number(row?.n ?? 0);
}
