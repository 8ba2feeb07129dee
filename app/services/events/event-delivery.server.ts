import { z } from "zod";
import type { Database } from "../../../db/client.ts";
import { findDeadLetter, insertDeadLetter, markDeadLetterReplayed } from "../../models/outbox-events.server.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { createId } from "../../utils/ids.ts";
import type { DomainEventMessage } from "./domain-event-types.ts";
import { findOutboxEvent } from "./domain-events.server.ts";
import { audienceOf } from "./event-audience.server.ts";
import type { LiveUpdate } from "./live-notifications.ts";
import { notifyAudience, unreadNotificationCount } from "./notifications.server.ts";
import { fanOutToWebhooks, type WebhookSender } from "./webhooks.server.ts";
import { runFairly, WEBHOOK_CONCURRENCY, WEBHOOK_CONCURRENCY_PER_ORG } from "./fair-delivery.ts";

export type DeliveryDeps = {
  db: Database;
  appUrl: string;
  webhooks: WebhookSender;
  /** Sends an update to the user's live room; a failure loses only the live nudge, not the notification. */
  pushLive: (orgId: string, userId: string, update: LiveUpdate) => Promise<void>;
};

export const DomainEventMessageSchema = z.object({
  id: z.string().min(1).max(36),
  orgId: z.string().min(1).max(36),
  type: z.string().min(1).max(40),
  createdAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/** Fans one event out to the people concerned and to the subscribed webhook endpoints. */
export async function deliverDomainEvent(deps: DeliveryDeps, event: DomainEventMessage): Promise<void> {
  const drafts = await audienceOf(deps.db, event);
  const created = await notifyAudience(deps.db, deps.appUrl, event, drafts);
  for (const { userId, notification } of created) {
    const unread = await unreadNotificationCount(deps.db, event.orgId, userId);
    await deps.pushLive(event.orgId, userId, { type: "notification", unread, notification }).catch((error: unknown) => {
      console.warn(`live notification to ${userId} not sent`, error);
    });
  }
  await fanOutToWebhooks(deps.db, event, deps.webhooks);
}

type QueueMessage = Pick<Message<unknown>, "body" | "attempts" | "ack" | "retry">;

/**
 * The domain-events queue consumer. A message whose delivery throws is retried with a growing
 * delay; after the queue's max_retries it moves to the dead-letter queue.
 */
export async function consumeDomainEvents(messages: readonly QueueMessage[], deps: DeliveryDeps): Promise<void> {
  const valid: { message: QueueMessage; event: DomainEventMessage }[] = [];
  for (const message of messages) {
    const parsed = DomainEventMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      // Retrying cannot fix a malformed message: drop it loudly.
      console.error("malformed domain event message dropped", z.prettifyError(parsed.error));
      message.ack();
      continue;
    }
    valid.push({ message, event: parsed.data });
  }
  // Every tenant shares this consumer: events run round-robin by organization with bounded
  // concurrency, so one org's slow receivers cannot stall the batch for the others.
  await runFairly(
    valid,
    ({ event }) => event.orgId,
    async ({ message, event }) => {
      try {
        await deliverDomainEvent(deps, event);
        message.ack();
      } catch (error) {
        console.error(`domain event ${event.id} failed (attempt ${message.attempts})`, error);
        message.retry({ delaySeconds: Math.min(300, 10 * 2 ** (message.attempts - 1)) });
      }
    },
    { concurrency: WEBHOOK_CONCURRENCY, perKey: WEBHOOK_CONCURRENCY_PER_ORG },
  );
}

/** The dead-letter queue consumer: every message that exhausted its retries is kept for /admin. */
export async function recordDeadLetters(db: Database, messages: readonly QueueMessage[]): Promise<void> {
  for (const message of messages) {
    const parsed = DomainEventMessageSchema.safeParse(message.body);
    if (parsed.success) {
      await insertDeadLetter(db, {
        id: createId("dle"),
        orgId: parsed.data.orgId,
        eventId: parsed.data.id,
        eventType: parsed.data.type,
        attempts: message.attempts,
      });
    } else {
      console.error("malformed dead letter dropped", z.prettifyError(parsed.error));
    }
    message.ack();
  }
}

/** Sends a dead-lettered event through the queue again; delivery being idempotent makes this safe. */
export async function replayDeadLetter(
  db: Database,
  tenant: TenantContext,
  deadLetterId: string,
  queue: { send(body: DomainEventMessage): Promise<unknown> },
): Promise<boolean> {
  const letter = await findDeadLetter(db, tenant.orgId, deadLetterId);
  if (!letter) return false;
  const event = await findOutboxEvent(db, tenant.orgId, letter.eventId);
  if (!event) return false;
  await queue.send(event);
  await markDeadLetterReplayed(db, tenant.orgId, deadLetterId, new Date());
  return true;
}
