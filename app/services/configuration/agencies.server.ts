import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  findAgency,
  insertAgency,
  terminateAppointment,
  updateAgency,
  upsertAppointment,
} from "../../models/agencies.server.ts";
import { findProgram } from "../../models/programs.server.ts";

/** A new agency. Its licences (numbers, states, expiry) are kept by compliance (helper 15's pages). */
export async function createAgency(
  db: Database,
  tenant: TenantContext,
  agency: { name: string; commissionRate: string },
): Promise<string> {
  return transactionWithRetry(db, (tx) => insertAgency(tx, tenant, { ...agency, licensedStates: [] }));
}

export async function saveAgency(
  db: Database,
  tenant: TenantContext,
  agencyId: string,
  agency: { name: string; commissionRate: string },
): Promise<boolean> {
  return transactionWithRetry(db, async (tx) => {
    if (!(await findAgency(tx, tenant, agencyId))) return false;
    await updateAgency(tx, tenant, agencyId, agency);
    return true;
  });
}

export type AppointmentOutcome = { ok: true } | { ok: false; message: string };

/** Appoints the agency for a program at a commission (or changes it), or ends the appointment. */
export async function setAppointment(
  db: Database,
  tenant: TenantContext,
  input: { agencyId: string; programId: string; commissionRate: string | null },
  today: string,
): Promise<AppointmentOutcome> {
  const [agency, program] = await Promise.all([
    findAgency(db, tenant, input.agencyId),
    findProgram(db, tenant, input.programId),
  ]);
  if (!agency) return { ok: false, message: "Agency not found" };
  if (!program) return { ok: false, message: "Choose one of your programs" };
  await transactionWithRetry(db, async (tx) => {
    if (input.commissionRate === null) await terminateAppointment(tx, tenant, input.agencyId, input.programId, today);
    else
      await upsertAppointment(tx, tenant, {
        agencyId: input.agencyId,
        programId: input.programId,
        commissionRate: input.commissionRate,
        appointedOn: today,
      });
  });
  return { ok: true };
}
