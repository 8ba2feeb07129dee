// A statement on a tenant table must name that table's org_id in its WHERE (or JOIN ... ON)
// clause. Enabled in development and tests so a forgotten filter fails loudly instead of
// leaking another organization's rows. Drizzle always qualifies columns with their table
// name, which is what makes this textual check reliable for the queries we generate.

export class TenantGuardError extends Error {
  constructor(table: string, sql: string) {
    super(`Query on tenant table "${table}" has no org_id predicate: ${sql.slice(0, 300)}`);
    this.name = "TenantGuardError";
  }
}

const tableReference = /\b(?:from|join|update|into)\s+`([a-z0-9_]+)`/gi;

/**
 * The one sanctioned way past the guard, for lookups that establish the tenant in the first
 * place (an API key by its hash). It must be written out in the statement, so every use is
 * visible in review and greppable.
 */
export const UNSCOPED_MARKER = "/* unscoped:";

// Compiled once per table: the guard reads every statement of every request in development.
const predicates = new Map<string, RegExp>();
function orgPredicate(table: string): RegExp {
  let predicate = predicates.get(table);
  if (!predicate) {
    predicate = new RegExp(`\`${table}\`\\.\`org_id\`\\s*(=|in\\b)`, "i");
    predicates.set(table, predicate);
  }
  return predicate;
}

export function checkTenantScoped(sql: string, tenantTables: ReadonlySet<string>): void {
  const trimmed = sql.trimStart();
  if (trimmed.startsWith(UNSCOPED_MARKER)) return;
  const verb = trimmed.slice(0, 6).toLowerCase();
  if (verb !== "select" && verb !== "update" && verb !== "delete") return;
  for (const match of trimmed.matchAll(tableReference)) {
    const table = match[1]!;
    if (!tenantTables.has(table)) continue;
    const predicate = orgPredicate(table);
    const whereAt = trimmed.search(/\bwhere\b/i);
    const onClauses =
      trimmed.match(/\bon\b[\s\S]*?(?=\b(?:left|inner|right|join|where|order|group|limit)\b|$)/gi) ?? [];
    const constrained =
      (whereAt >= 0 && predicate.test(trimmed.slice(whereAt))) || onClauses.some((on) => predicate.test(on));
    if (!constrained) throw new TenantGuardError(table, trimmed);
  }
}
