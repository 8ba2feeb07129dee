import { env as workerEnv } from "cloudflare:workers";
import { runDailyBilling } from "../app/services/billing/billing-run.server.ts";
import { runMonthEnd } from "../app/services/billing/month-end.server.ts";
import { getServerByName, routePartykitRequest } from "partyserver";
import { createRequestHandler, RouterContextProvider } from "react-router";
import { servicesFor, setRequestContext } from "../app/context.server.ts";
import { connectDealRoomLive } from "../app/services/realtime/deal-room-live.server.ts";
import { deliverPendingEmails, mailTransportFrom } from "../app/services/events/email-delivery.server.ts";
import { postAwaitingPostings } from "../app/services/ledger/postings.server.ts";
import { purgeExpiredThrottles } from "../app/services/access/sign-in-throttle.server.ts";
import { admitToDealRoom } from "../party/deal-room-admission.ts";
import { dealRoomName } from "../app/services/realtime/room-pass.ts";
import type { DomainEventMessage } from "../app/services/events/domain-event-types.ts";
import { publishOutbox } from "../app/services/events/domain-events.server.ts";
import { consumeDomainEvents, recordDeadLetters } from "../app/services/events/event-delivery.server.ts";
import { raiseInvoicesDue } from "../app/services/billing/invoices-due.server.ts";
import { liveWebhookSender, retryDueWebhookDeliveries } from "../app/services/events/webhooks.server.ts";
import { trackOutboxWrites } from "../app/utils/outbox-writes.ts";
import { runPolicyLifecycle } from "../app/services/servicing/lifecycle.server.ts";
import { runRenewalOffers } from "../app/services/servicing/renewal.server.ts";
import { trackAuditWrites } from "../app/utils/audit-writes.ts";
import { sealAllAuditChains, sealAuditChain } from "../app/services/access/audit.server.ts";
import { runMonthlyBordereaux } from "../app/services/carrier/bordereaux.server.ts";
import { runLicenceExpiryAlerts } from "../app/services/compliance/licences.server.ts";
import { assertEnvironment } from "./environment.ts";
import { authorizeRoomConnection, DEAD_LETTER_QUEUE, deliveryDepsFor } from "./events.ts";
import { frontDoor, frontDoorConfig } from "./front-door.ts";

export { DealRoom } from "../party/deal-room.ts";
export { UserNotifications } from "../party/notifications.ts";

// A missing or short secret, or no APP_URL, stops the Worker here with a message naming them.
assertEnvironment(workerEnv as unknown as Env);

const requestHandler = createRequestHandler(() => import("virtual:react-router/server-build"), import.meta.env.MODE);

connectDealRoomLive({
  refresh: async (orgId, submissionId) =>
    (await getServerByName(workerEnv.DealRoom, dealRoomName(orgId, submissionId))).refresh(),
});

function publishAfterCommit(env: Env, ctx: ExecutionContext) {
  ctx.waitUntil(
    publishOutbox(servicesFor(env).db, env.DOMAIN_EVENTS).catch((error: unknown) =>
      console.error("outbox publish failed; the cron sweep retries", error),
    ),
  );
}

async function handleRequest(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const room = await routePartykitRequest(request, env, {
    onBeforeConnect: (req, lobby) =>
      lobby.className === "DealRoom" ? admitToDealRoom(req, lobby.name, env) : authorizeRoomConnection(req, lobby, env),
    onBeforeRequest: () => new Response("Not found", { status: 404 }),
  });
  if (room) return room;
  const context = new RouterContextProvider();
  setRequestContext(context, env, ctx);
  const {
    result: { result: response, wroteEvents },
    auditedOrgs,
  } = await trackAuditWrites(() => trackOutboxWrites(() => requestHandler(request, context)));
  // A change that raised domain events has committed by the time its response exists; a
  // request that wrote none does not scan the cross-tenant outbox.
  if (wroteEvents) publishAfterCommit(env, ctx);
  // Audit rows written inside business transactions are chained once they have committed.
  for (const orgId of auditedOrgs) {
    ctx.waitUntil(
      sealAuditChain(servicesFor(env).db, orgId).catch((error: unknown) =>
        console.error("audit chain seal failed; the cron sweep retries", error),
      ),
    );
  }
  return response;
}

export default {
  fetch(request, env, ctx) {
    return frontDoor(request, frontDoorConfig(env), (trusted) => handleRequest(trusted, env, ctx));
  },

  async queue(batch, env, ctx) {
    if (batch.queue === DEAD_LETTER_QUEUE) return recordDeadLetters(servicesFor(env).db, batch.messages);
    // Consumers raise events of their own (an endpoint disabled after failures): published only then.
    const { wroteEvents } = await trackOutboxWrites(() => consumeDomainEvents(batch.messages, deliveryDepsFor(env)));
    if (wroteEvents) publishAfterCommit(env, ctx);
  },

  async scheduled(controller, env, ctx) {
    const { db, ledger } = servicesFor(env);
    const transport = mailTransportFrom(env);
    // Without a transport (development) the outbox is read on /dev/outbox instead.
    if (transport) ctx.waitUntil(deliverPendingEmails(db, transport));
    // Payments recorded while the ledger proxy was unreachable are posted with their stored ids.
    if (env.LEDGER_URL) ctx.waitUntil(postAwaitingPostings(db, ledger));
    const now = new Date(controller.scheduledTime);
    ctx.waitUntil(
      (async () => {
        // Due dates are days: looking once an hour is plenty.
        if (now.getUTCMinutes() === 0) await raiseInvoicesDue(db, now.toISOString().slice(0, 10));
        // Installments invoiced ahead of their due date, unpaid invoices overdue (ADR 018): once a
        // day; on the 1st the month-end run does the same and also builds last month's statements.
        if (now.getUTCHours() === 5 && now.getUTCMinutes() === 0) {
          const today = now.toISOString().slice(0, 10);
          await (today.endsWith("-01") ? runMonthEnd(db, today) : runDailyBilling(db, today));
        }
        // Throttle counters live a day at most; without this the table only grows.
        if (now.getUTCMinutes() === 30) await purgeExpiredThrottles(db, now);
        const today = now.toISOString().slice(0, 10);
        // Last month's bordereaux on the first; each report is generated once, so an hourly retry is safe.
        if (now.getUTCDate() === 1 && now.getUTCMinutes() === 15) await runMonthlyBordereaux(db, today);
        if (now.getUTCHours() === 6 && now.getUTCMinutes() === 45) await runLicenceExpiryAlerts(db, today);
        // Policy lifecycle (ADR 017): idempotent, so running it hourly catches a missed day.
        if (now.getUTCMinutes() === 15) await runPolicyLifecycle(db, env.LEDGER_URL ? ledger : null, today);
        // Renewal offers 60 days before expiry (ADR 023): idempotent, so hourly catches a missed day too.
        if (now.getUTCMinutes() === 15) await runRenewalOffers(db, today);
        await publishOutbox(db, env.DOMAIN_EVENTS);
        await sealAllAuditChains(db);
        await retryDueWebhookDeliveries(
          db,
          liveWebhookSender(env.BETTER_AUTH_SECRET, { allowLocal: servicesFor(env).isDevelopment }),
        );
      })(),
    );
  },
} satisfies ExportedHandler<Env, DomainEventMessage>;
