import { Client } from "@planetscale/database";
import { drizzle } from "drizzle-orm/planetscale-serverless";
import * as schema from "./schema/index.ts";
import { tenantTableNames } from "./schema/index.ts";
import { checkTenantScoped } from "./tenant-guard.ts";

export type Database = ReturnType<typeof createDatabase>;

export type DatabaseOptions = {
  /** Fail any statement on a tenant table that is not scoped by org_id (dev and tests). */
  tenantGuard?: boolean;
  /**
   * Called as each statement is sent, with its SQL; the returned function (if any) is called when
   * its answer arrives. Tests count round trips with it (see tests/support/round-trips.ts).
   */
  onStatement?: (query: string) => (() => void) | undefined;
  /**
   * Headers sent with a statement, asked as it is sent. Local stacks mark work done off the
   * request path (after the response, queue, cron) so the bench counts it apart (ADR 032).
   */
  statementHeaders?: () => Record<string, string> | undefined;
};

export function createDatabase(url: string, options: DatabaseOptions = {}) {
  const tenantTables = tenantTableNames();
  // The driver passes `cache: "no-store"`, which workerd rejects; the guard rides on the same
  // wrapper because every statement passes through fetch as JSON.
  const guardedFetch: typeof fetch = async (input, init) => {
    let done: (() => void) | undefined;
    if ((options.tenantGuard || options.onStatement) && init?.body && typeof init.body === "string") {
      const { query } = JSON.parse(init.body) as { query?: string };
      if (query && options.tenantGuard) checkTenantScoped(query, tenantTables);
      if (query && options.onStatement) done = options.onStatement(query);
    }
    const { cache: _cache, ...rest } = init ?? {};
    const extra = options.statementHeaders?.();
    if (extra) rest.headers = { ...(rest.headers as Record<string, string>), ...extra };
    if (!done) return fetch(input, rest);
    try {
      return await fetch(input, rest);
    } finally {
      done();
    }
  };
  const client = new Client({ url, fetch: guardedFetch });
  return drizzle({ client, schema });
}
