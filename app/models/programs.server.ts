import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { programs, type LineOfBusiness } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";

export type ProgramRow = typeof programs.$inferSelect;

/** A program by its id, or the program a risk goes to: the oldest of its line writing its state. */
export type ProgramKey = string | { lineOfBusiness: LineOfBusiness; state: string };

/**
 * The program's id as a statement needs it: the id, or a subquery picking the risk's program, so
 * the reads keyed by a program go out together with nothing read first (ADR 032). Qualified by
 * hand: in a one-table select drizzle renders columns bare, which the outer table would capture.
 */
export function programIdOf(orgId: string, key: ProgramKey): string | SQL {
  if (typeof key === "string") return key;
  return sql`(select \`programs\`.\`id\` from \`programs\` where \`programs\`.\`org_id\` = ${orgId}
    and \`programs\`.\`line_of_business\` = ${key.lineOfBusiness} and \`programs\`.\`retired_at\` is null
    and json_contains(\`programs\`.\`states\`, json_quote(${key.state}))
    order by \`programs\`.\`created_at\`, \`programs\`.\`id\` limit 1)`;
}

export async function findProgram(db: Database, tenant: TenantContext, programId: string): Promise<ProgramRow | null> {
  const [program] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, tenant.orgId), eq(programs.id, programId)))
    .limit(1);
  return program ?? null;
}

// Where several programs fit a risk, the first listed is chosen: the oldest, so the choice is stable.
const oldestFirst = [asc(programs.createdAt), asc(programs.id)] as const;

/** Each program's line and the states it writes, oldest first: enough to pick the program for a risk. */
export async function listProgramLines(db: Database, tenant: TenantContext) {
  return db
    .select({ id: programs.id, lineOfBusiness: programs.lineOfBusiness, states: programs.states })
    .from(programs)
    .where(and(eq(programs.orgId, tenant.orgId), isNull(programs.retiredAt)))
    .orderBy(...oldestFirst);
}
