import { env as workerEnv } from "cloudflare:workers";
import { getServerByName, routePartykitRequest } from "partyserver";
import { createRequestHandler, RouterContextProvider } from "react-router";
import { cloudflareContext, servicesFor } from "../app/context.server.ts";
import { connectDealRoomLive } from "../app/services/deal-room-live.server.ts";
import { deliverPendingEmails, mailTransportFrom } from "../app/services/email-delivery.server.ts";
import { postAwaitingPostings } from "../app/services/ledger/postings.server.ts";
import { admitToDealRoom } from "../party/deal-room-admission.ts";
import { dealRoomName } from "../party/deal-room-token.ts";

export { DealRoom } from "../party/deal-room.ts";

const requestHandler = createRequestHandler(
  () => import("virtual:react-router/server-build"),
  import.meta.env.MODE,
);

connectDealRoomLive({
  refresh: async (orgId, submissionId) => (await getServerByName(workerEnv.DealRoom, dealRoomName(orgId, submissionId))).refresh(),
});

export default {
  async fetch(request, env, ctx) {
    const room = await routePartykitRequest(request, env, {
      onBeforeConnect: (req, lobby) => (lobby.className === "DealRoom" ? admitToDealRoom(req, lobby.name, env) : new Response("No such room", { status: 404 })),
      // Rooms speak WebSocket only; the app reaches them through their bindings.
      onBeforeRequest: () => new Response("Not found", { status: 404 }),
    });
    if (room) return room;
    const context = new RouterContextProvider();
    context.set(cloudflareContext, { env, ctx });
    return requestHandler(request, context);
  },

  async scheduled(_controller, env, ctx) {
    const transport = mailTransportFrom(env);
    // Without a transport (development) the outbox is read on /dev/outbox instead.
    if (transport) ctx.waitUntil(deliverPendingEmails(servicesFor(env).db, transport));
    // Payments recorded while the ledger proxy was unreachable are posted with their stored ids.
    if (env.LEDGER_URL) {
      const { db, ledger } = servicesFor(env);
      ctx.waitUntil(postAwaitingPostings(db, ledger));
    }
  },
} satisfies ExportedHandler<Env>;
