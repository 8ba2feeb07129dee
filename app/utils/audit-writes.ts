import { AsyncLocalStorage } from "node:async_hooks";

// Which organizations' audit logs the request being handled appended to. Rows written inside a
// business transaction are chained after the response (see services/access/audit.server.ts);
// the Worker seals only the chains a request touched, and the cron sweeps any it missed.

const writes = new AsyncLocalStorage<Set<string>>();

/** Runs `handle` and reports the organizations whose audit log it appended to. */
export async function trackAuditWrites<T>(handle: () => Promise<T>): Promise<{ result: T; auditedOrgs: string[] }> {
  const orgs = new Set<string>();
  const result = await writes.run(orgs, handle);
  return { result, auditedOrgs: [...orgs] };
}

/** Called by the audit model on every insert. */
export function noteAuditWrite(orgId: string): void {
  writes.getStore()?.add(orgId);
}
