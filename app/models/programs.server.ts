import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { programs, type LineOfBusiness } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";

export type ProgramRow = typeof programs.$inferSelect;

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

/** The organization's programs of a line of business, oldest first. */
export async function listProgramsForLine(
  db: Database,
  tenant: TenantContext,
  lineOfBusiness: LineOfBusiness,
): Promise<ProgramRow[]> {
  return db
    .select()
    .from(programs)
    .where(
      and(eq(programs.orgId, tenant.orgId), eq(programs.lineOfBusiness, lineOfBusiness), isNull(programs.retiredAt)),
    )
    .orderBy(...oldestFirst);
}

/** Each program's line and the states it writes, oldest first: enough to pick the program for a risk. */
export async function listProgramLines(db: Database, tenant: TenantContext) {
  return db
    .select({ id: programs.id, lineOfBusiness: programs.lineOfBusiness, states: programs.states })
    .from(programs)
    .where(and(eq(programs.orgId, tenant.orgId), isNull(programs.retiredAt)))
    .orderBy(...oldestFirst);
}
