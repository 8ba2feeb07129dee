import { createContext, type RouterContextProvider } from "react-router";
import { createDatabase, type Database } from "../db/client.ts";
import { createAuth, type Auth } from "./auth/auth.server.ts";
import { ledgerClientFor, type LedgerClient } from "./services/ledger/client.server.ts";

export type CloudflareContext = { env: Env; ctx: ExecutionContext };

export const cloudflareContext = createContext<CloudflareContext>();

export type AppServices = { env: Env; db: Database; auth: Auth; ledger: LedgerClient; isDevelopment: boolean };

// One database client and auth instance per isolate: env is fixed for an isolate's lifetime.
const servicesByEnv = new WeakMap<Env, AppServices>();

export function servicesFor(env: Env): AppServices {
  let services = servicesByEnv.get(env);
  if (!services) {
    const isDevelopment = env.APP_ENV === "development";
    const db = createDatabase(env.DATABASE_URL, { tenantGuard: isDevelopment });
    const auth = createAuth(db, { appUrl: env.APP_URL, secret: env.BETTER_AUTH_SECRET });
    services = { env, db, auth, ledger: ledgerClientFor(env), isDevelopment };
    servicesByEnv.set(env, services);
  }
  return services;
}

export function appServices(context: Readonly<RouterContextProvider>): AppServices {
  return servicesFor(context.get(cloudflareContext).env);
}
