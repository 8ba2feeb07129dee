import type { Database } from "../../../db/client.ts";
import type { Transaction } from "../../../db/transaction.ts";
import { insertOutboxEmail } from "../../models/email-outbox.server.ts";
import { createId } from "../../utils/ids.ts";

export type OutgoingEmail = { to: string; subject: string; text: string };

/**
 * Emails are queued in the outbox table inside the caller's flow (or transaction); a transport drains it. In
 * development there is no transport and the dev mailbox page shows the queue.
 */
export async function queueEmail(db: Database | Transaction, email: OutgoingEmail) {
  await insertOutboxEmail(db, { id: createId("eml"), ...email });
}
