import type { RouterContextProvider } from "react-router";
import { createDatabase } from "../db/client.ts";
import { createAuth } from "./auth/auth.server.ts";
import { ledgerClientFor } from "./services/ledger/client.server.ts";
import { offRequestPathHeaders, runOffRequestPath } from "./utils/off-request-path.ts";
import {
  afterResponseContext,
  appServicesContext,
  cloudflareContext,
  type AppServices,
} from "./router-context.server.ts";

export { afterResponseContext, appServices, cloudflareContext } from "./router-context.server.ts";
export type { AppServices, CloudflareContext } from "./router-context.server.ts";

// One database client and auth instance per isolate: env is fixed for an isolate's lifetime.
const servicesByEnv = new WeakMap<Env, AppServices>();

export function servicesFor(env: Env): AppServices {
  let services = servicesByEnv.get(env);
  if (!services) {
    const isDevelopment = env.APP_ENV === "development";
    const db = createDatabase(env.DATABASE_URL, {
      tenantGuard: isDevelopment,
      // Local stacks only: the bench tells a request's statements from after-response work's.
      ...(isDevelopment ? { statementHeaders: offRequestPathHeaders } : {}),
    });
    const auth = createAuth(db, { appUrl: env.APP_URL, secret: env.BETTER_AUTH_SECRET });
    services = { env, db, auth, ledger: ledgerClientFor(env), isDevelopment };
    servicesByEnv.set(env, services);
  }
  return services;
}

/** Sets the keys every loader and action reads: the Worker's env and ctx, and the services built from env. */
export function setRequestContext(context: RouterContextProvider, env: Env, ctx: ExecutionContext) {
  context.set(cloudflareContext, { env, ctx });
  context.set(appServicesContext, servicesFor(env));
  context.set(afterResponseContext, (work) => ctx.waitUntil(runOffRequestPath("after-response", work)));
}
