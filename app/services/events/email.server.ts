import type { Database } from "../../../db/client.ts";
import { emailOutbox } from "../../../db/schema/index.ts";
import { createId } from "../../utils/ids.ts";

export type OutgoingEmail = { to: string; subject: string; text: string };

/**
 * Emails are queued in the outbox table inside the caller's flow (or transaction); a transport drains it. In
 * development there is no transport and the dev mailbox page shows the queue.
 */
export async function queueEmail(db: Pick<Database, "insert">, email: OutgoingEmail) {
  await db.insert(emailOutbox).values({
    id: createId("eml"),
    toAddress: email.to,
    subject: email.subject,
    textBody: email.text,
  });
}
