import { Client } from "@planetscale/database";
import { drizzle } from "drizzle-orm/planetscale-serverless";
import * as schema from "./schema/index.ts";
import { tenantTableNames } from "./schema/index.ts";
import { checkTenantScoped } from "./tenant-guard.ts";

export type Database = ReturnType<typeof createDatabase>;

export type DatabaseOptions = {
  /** Fail any statement on a tenant table that is not scoped by org_id (dev and tests). */
  tenantGuard?: boolean;
  /** Called with each SQL statement sent; used by benchmarks to count statements per request. */
  onStatement?: (sql: string) => void;
};

export function createDatabase(url: string, options: DatabaseOptions = {}) {
  const tenantTables = tenantTableNames();
  // The driver passes `cache: "no-store"`, which workerd rejects; the statement hooks ride
  // on the same wrapper because every query passes through fetch as JSON.
  const guardedFetch: typeof fetch = async (input, init) => {
    if (init?.body && typeof init.body === "string" && (options.tenantGuard || options.onStatement)) {
      const { query } = JSON.parse(init.body) as { query?: string };
      if (query) {
        options.onStatement?.(query);
        if (options.tenantGuard) checkTenantScoped(query, tenantTables);
      }
    }
    const { cache: _cache, ...rest } = init ?? {};
    return fetch(input, rest);
  };
  const client = new Client({ url, fetch: guardedFetch });
  return drizzle({ client, schema });
}
