import { Client } from "@planetscale/database";
import { drizzle } from "drizzle-orm/planetscale-serverless";
import * as schema from "./schema/index.ts";
import { tenantTableNames } from "./schema/index.ts";
import { checkTenantScoped } from "./tenant-guard.ts";

export type Database = ReturnType<typeof createDatabase>;

export type DatabaseOptions = {
  /** Fail any statement on a tenant table that is not scoped by org_id (dev and tests). */
  tenantGuard?: boolean;
};

export function createDatabase(url: string, options: DatabaseOptions = {}) {
  const tenantTables = tenantTableNames();
  // The driver passes `cache: "no-store"`, which workerd rejects; the guard rides on the same
  // wrapper because every statement passes through fetch as JSON.
  const guardedFetch: typeof fetch = async (input, init) => {
    if (options.tenantGuard && init?.body && typeof init.body === "string") {
      const { query } = JSON.parse(init.body) as { query?: string };
      if (query) checkTenantScoped(query, tenantTables);
    }
    const { cache: _cache, ...rest } = init ?? {};
    return fetch(input, rest);
  };
  const client = new Client({ url, fetch: guardedFetch });
  return drizzle({ client, schema });
}
