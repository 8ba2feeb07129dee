import { env as workerEnv } from "cloudflare:workers";
import { getServerByName, routePartykitRequest } from "partyserver";
import { createRequestHandler, RouterContextProvider, type RequestHandler } from "react-router";
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
import { liveWebhookSender, retryDueWebhookDeliveries } from "../app/services/events/webhooks.server.ts";
import { trackOutboxWrites } from "../app/utils/outbox-writes.ts";
import { trackAuditWrites } from "../app/utils/audit-writes.ts";
import { runOffRequestPath } from "../app/utils/off-request-path.ts";
import { sealAllAuditChains, sealAuditChain } from "../app/services/access/audit.server.ts";
import { runDailyJobs } from "../app/services/scheduling/daily-jobs.server.ts";
import { masterKeyFrom, resealClaimantsOfAllOrgs } from "../app/services/claims/phi-store.server.ts";
import { assertEnvironment } from "./environment.ts";
import { authorizeRoomConnection, DEAD_LETTER_QUEUE, deliveryDepsFor } from "./events.ts";
import { frontDoor, frontDoorConfig } from "./front-door.ts";

export { DealRoom } from "../party/deal-room.ts";
export { UserNotifications } from "../party/notifications.ts";

// A missing or short secret, or no APP_URL, stops the Worker here with a message naming them.
assertEnvironment(workerEnv as unknown as Env);

const serverBuild = () => import("virtual:react-router/server-build");

/**
 * Given a function, React Router re-derives its routes and static handler from the build on every
 * request (flattening and ranking every route again), which lets the dev server pick up edits.
 * A built Worker's build never changes: it is derived once per isolate.
 */
function builtRequestHandler(): RequestHandler {
  let handler: Promise<RequestHandler> | undefined;
  return async (request, context) => {
    handler ??= serverBuild().then((build) => createRequestHandler(build, import.meta.env.MODE));
    return (await handler)(request, context);
  };
}

const requestHandler = import.meta.env.DEV
  ? createRequestHandler(serverBuild, import.meta.env.MODE)
  : builtRequestHandler();

connectDealRoomLive({
  refresh: async (orgId, submissionId) =>
    (await getServerByName(workerEnv.DealRoom, dealRoomName(orgId, submissionId))).refresh(),
});

function publishAfterCommit(env: Env, ctx: ExecutionContext) {
  ctx.waitUntil(
    runOffRequestPath("after-response", () => publishOutbox(servicesFor(env).db, env.DOMAIN_EVENTS)).catch(
      (error: unknown) => console.error("outbox publish failed; the cron sweep retries", error),
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
      runOffRequestPath("after-response", () => sealAuditChain(servicesFor(env).db, orgId)).catch((error: unknown) =>
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

  queue(batch, env, ctx) {
    return runOffRequestPath("queue", async () => {
      if (batch.queue === DEAD_LETTER_QUEUE) return recordDeadLetters(servicesFor(env).db, batch.messages);
      // Consumers raise events of their own (an endpoint disabled after failures): published only then.
      const { wroteEvents } = await trackOutboxWrites(() => consumeDomainEvents(batch.messages, deliveryDepsFor(env)));
      if (wroteEvents) publishAfterCommit(env, ctx);
    });
  },

  scheduled(controller, env, ctx) {
    return runOffRequestPath("cron", async () => scheduledWork(controller, env, ctx));
  },
} satisfies ExportedHandler<Env, DomainEventMessage>;

// The cron's work, off any request's path: sweeps and daily jobs.
async function scheduledWork(controller: ScheduledController, env: Env, ctx: ExecutionContext) {
  const { db, ledger } = servicesFor(env);
  const transport = mailTransportFrom(env);
  // Without a transport (development) the outbox is read on /dev/outbox instead.
  if (transport) ctx.waitUntil(deliverPendingEmails(db, transport));
  // Payments recorded while the ledger proxy was unreachable are posted with their stored ids.
  if (env.LEDGER_URL) ctx.waitUntil(postAwaitingPostings(db, ledger));
  const now = new Date(controller.scheduledTime);
  // PHI still sealed under an older data key after a rotation (ADR 025): bounded chunks per
  // run, resumable, a no-op once every row is under the newest key.
  if (now.getUTCMinutes() === 40) ctx.waitUntil(resealClaimantsOfAllOrgs(db, () => masterKeyFrom(env)));
  ctx.waitUntil(
    (async () => {
      // Billing, invoices due, policy lifecycle, licence alerts, bordereaux (ADR 027): each
      // organization on its own business date, once per date; new daily jobs join DAILY_JOBS.
      if (now.getUTCMinutes() === 0) await runDailyJobs(db, { ledger: env.LEDGER_URL ? ledger : null }, now);
      // Throttle counters live a day at most; without this the table only grows.
      if (now.getUTCMinutes() === 30) await purgeExpiredThrottles(db, now);
      await publishOutbox(db, env.DOMAIN_EVENTS);
      await sealAllAuditChains(db);
      await retryDueWebhookDeliveries(
        db,
        liveWebhookSender(env.BETTER_AUTH_SECRET, { allowLocal: servicesFor(env).isDevelopment }),
      );
    })(),
  );
}
