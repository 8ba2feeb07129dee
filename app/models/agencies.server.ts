import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agencies, agencyAppointments, programs } from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";

export async function listAgencies(db: Database, tenant: TenantContext) {
  return db
    .select({
      id: agencies.id,
      name: agencies.name,
      licensedStates: agencies.licensedStates,
      licenseNumber: agencies.licenseNumber,
      licenseExpiresOn: agencies.licenseExpiresOn,
      commissionRate: agencies.commissionRate,
    })
    .from(agencies)
    .where(eq(agencies.orgId, tenant.orgId))
    .orderBy(asc(agencies.licenseExpiresOn));
}

export async function findAgency(db: Database | Transaction, tenant: TenantContext, agencyId: string) {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.orgId, tenant.orgId), eq(agencies.id, agencyId)))
    .limit(1);
  return row ?? null;
}

export async function insertAgency(
  tx: Transaction,
  tenant: TenantContext,
  agency: { name: string; commissionRate: string; licensedStates: string[] },
): Promise<string> {
  const id = createId("agy");
  await tx.insert(agencies).values({ id, orgId: tenant.orgId, ...agency });
  return id;
}

export async function updateAgency(
  tx: Transaction,
  tenant: TenantContext,
  agencyId: string,
  agency: { name: string; commissionRate: string },
) {
  await tx
    .update(agencies)
    .set(agency)
    .where(and(eq(agencies.orgId, tenant.orgId), eq(agencies.id, agencyId)));
}

/** The agency's appointments, one per program, with the program's name. */
export async function listAppointments(db: Database | Transaction, tenant: TenantContext, agencyId: string) {
  return db
    .select({
      id: agencyAppointments.id,
      programId: agencyAppointments.programId,
      programName: programs.name,
      commissionRate: agencyAppointments.commissionRate,
      appointedOn: agencyAppointments.appointedOn,
      terminatedOn: agencyAppointments.terminatedOn,
    })
    .from(agencyAppointments)
    .innerJoin(
      programs,
      and(eq(programs.orgId, agencyAppointments.orgId), eq(programs.id, agencyAppointments.programId)),
    )
    .where(and(eq(agencyAppointments.orgId, tenant.orgId), eq(agencyAppointments.agencyId, agencyId)))
    .orderBy(asc(programs.name));
}

/** Appoints the agency for a program, or changes its commission there (one row per pair). */
export async function upsertAppointment(
  tx: Transaction,
  tenant: TenantContext,
  appointment: { agencyId: string; programId: string; commissionRate: string; appointedOn: string },
) {
  await tx
    .insert(agencyAppointments)
    .values({ id: createId("apt"), orgId: tenant.orgId, ...appointment })
    .onDuplicateKeyUpdate({ set: { commissionRate: appointment.commissionRate, terminatedOn: null } });
}

export async function terminateAppointment(
  tx: Transaction,
  tenant: TenantContext,
  agencyId: string,
  programId: string,
  on: string,
) {
  await tx
    .update(agencyAppointments)
    .set({ terminatedOn: on })
    .where(
      and(
        eq(agencyAppointments.orgId, tenant.orgId),
        eq(agencyAppointments.agencyId, agencyId),
        eq(agencyAppointments.programId, programId),
      ),
    );
}
