import { and, asc, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { daAgreementAmendments, daAgreements, programs } from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";

export type DaAgreementRow = typeof daAgreements.$inferSelect;
type Terms = Omit<
  DaAgreementRow,
  "id" | "orgId" | "carrierId" | "programId" | "status" | "boundGwpCents" | "createdAt"
>;

export async function findDaAgreement(db: Database | Transaction, tenant: TenantContext, agreementId: string) {
  const [row] = await db
    .select({ agreement: daAgreements, programName: programs.name })
    .from(daAgreements)
    .innerJoin(programs, and(eq(programs.orgId, daAgreements.orgId), eq(programs.id, daAgreements.programId)))
    .where(and(eq(daAgreements.orgId, tenant.orgId), eq(daAgreements.id, agreementId)))
    .limit(1);
  return row ?? null;
}

/** Locked like bind locks it, so an amendment and a bind never interleave on one agreement. */
export async function lockDaAgreementForAmendment(tx: Transaction, tenant: TenantContext, agreementId: string) {
  const [row] = await tx
    .select()
    .from(daAgreements)
    .where(and(eq(daAgreements.orgId, tenant.orgId), eq(daAgreements.id, agreementId)))
    .for("update");
  return row ?? null;
}

export async function insertDaAgreement(
  tx: Transaction,
  tenant: TenantContext,
  agreement: Terms & { carrierId: string; programId: string },
): Promise<string> {
  const id = createId("daa");
  await tx.insert(daAgreements).values({ id, orgId: tenant.orgId, status: "active", ...agreement });
  return id;
}

export async function updateDaAgreement(
  tx: Transaction,
  tenant: TenantContext,
  agreementId: string,
  changes: Partial<Terms> & { status?: DaAgreementRow["status"] },
) {
  await tx
    .update(daAgreements)
    .set(changes)
    .where(and(eq(daAgreements.orgId, tenant.orgId), eq(daAgreements.id, agreementId)));
}

export async function insertDaAmendment(
  tx: Transaction,
  tenant: TenantContext,
  amendment: {
    agreementId: string;
    kind: "created" | "amended" | "suspended" | "reinstated";
    effectiveOn: string;
    changes: Record<string, { from: unknown; to: unknown }>;
    reason: string;
  },
) {
  await tx
    .insert(daAgreementAmendments)
    .values({ id: createId("dam"), orgId: tenant.orgId, actorUserId: tenant.userId, ...amendment });
}

export async function listDaAmendments(db: Database, tenant: TenantContext, agreementId: string) {
  return db
    .select()
    .from(daAgreementAmendments)
    .where(and(eq(daAgreementAmendments.orgId, tenant.orgId), eq(daAgreementAmendments.agreementId, agreementId)))
    .orderBy(desc(daAgreementAmendments.createdAt), asc(daAgreementAmendments.id));
}

export async function findProgramCarrier(db: Database | Transaction, tenant: TenantContext, programId: string) {
  const [row] = await db
    .select({ carrierId: programs.carrierId })
    .from(programs)
    .where(and(eq(programs.orgId, tenant.orgId), eq(programs.id, programId)))
    .limit(1);
  return row ?? null;
}
