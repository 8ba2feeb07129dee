import { and, count, eq, inArray } from "drizzle-orm";
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
