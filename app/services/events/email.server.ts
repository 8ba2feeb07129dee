import type { Database } from "../../../db/client.ts";
import type { Transaction } from "../../../db/transaction.ts";
import type { EmailPriority } from "../../../db/schema/index.ts";
import { insertOutboxEmail } from "../../models/email-outbox.server.ts";
import { createId } from "../../utils/ids.ts";

export type OutgoingEmail = { to: string; subject: string; text: string };

/**
 * Emails are queued in the outbox table inside the caller's flow (or transaction); a transport drains it. In
 * development there is no transport and the dev mailbox page shows the queue. Mail a person is
 * waiting for at this moment (a password reset, an invitation) is "transactional" and is sent
 * before notifications, so a burst of notifications cannot hold up someone's sign-in.
 */
export async function queueEmail(
  db: Database | Transaction,
  email: OutgoingEmail,
  priority: EmailPriority = "notification",
) {
  await insertOutboxEmail(db, { id: createId("eml"), ...email, priority });
}
