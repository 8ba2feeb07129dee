import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { insureds, programs } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";

/** What a producer picks from when starting a submission: its agency's insureds and the programs. */
export async function loadIntakeChoices(db: Database, tenant: TenantContext) {
  const [insuredRows, programRows] = await Promise.all([
    tenant.agencyId
      ? db
          .select({ id: insureds.id, name: insureds.name, state: insureds.state, naicsCode: insureds.naicsCode })
          .from(insureds)
          .where(and(eq(insureds.orgId, tenant.orgId), eq(insureds.agencyId, tenant.agencyId)))
          .orderBy(asc(insureds.name))
      : Promise.resolve([]),
    db
      .select({
        id: programs.id,
        name: programs.name,
        lineOfBusiness: programs.lineOfBusiness,
        states: programs.states,
      })
      .from(programs)
      .where(and(eq(programs.orgId, tenant.orgId), isNull(programs.retiredAt)))
      .orderBy(asc(programs.name)),
  ]);
  return { insureds: insuredRows, programs: programRows };
}
