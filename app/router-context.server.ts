import { createContext, type RouterContextProvider } from "react-router";
import type { Database } from "../db/client.ts";
import type { Auth } from "./auth/auth.server.ts";
import type { LedgerClient } from "./services/ledger/client.server.ts";

// The keys the Worker entry sets on every request's router context. This file builds nothing
// (only type imports), so the session and routes read their services from here without importing
// better-auth's setup, which itself imports models: that is what keeps the auth import graph acyclic.

export type CloudflareContext = { env: Env; ctx: ExecutionContext };

export const cloudflareContext = createContext<CloudflareContext>();

export type AppServices = { env: Env; db: Database; auth: Auth; ledger: LedgerClient; isDevelopment: boolean };

export const appServicesContext = createContext<AppServices>();

/** Starts work that need not block the response (the Worker's `ctx.waitUntil(work())`). */
export type AfterResponse = (work: () => Promise<unknown>) => void;

export const afterResponseContext = createContext<AfterResponse>();

export function appServices(context: Readonly<RouterContextProvider>): AppServices {
  return context.get(appServicesContext);
}
