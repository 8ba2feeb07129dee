import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { emailOutbox } from "../../db/schema/index.ts";

/** Mails to `address` still waiting in the outbox (queued or being sent). */
export async function countQueuedEmailsTo(db: Pick<Database, "select">, address: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, address), inArray(emailOutbox.status, ["pending", "sending"])));
  return Number(row?.n ?? 0);
}

/** The newest mails in the outbox, for the development mailbox. */
export async function listRecentEmails(db: Pick<Database, "select">, limit = 50) {
  return db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
}
