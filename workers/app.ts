import { createRequestHandler, RouterContextProvider } from "react-router";
import { cloudflareContext, servicesFor } from "../app/context.server.ts";
import { deliverPendingEmails, mailTransportFrom } from "../app/services/email-delivery.server.ts";
import { postAwaitingPostings } from "../app/services/ledger/postings.server.ts";

const requestHandler = createRequestHandler(
  () => import("virtual:react-router/server-build"),
  import.meta.env.MODE,
);

export default {
  async fetch(request, env, ctx) {
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
