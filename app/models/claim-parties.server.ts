import { and, asc, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import {
  claimClaimants,
  claimContacts,
  claimSubrogations,
  claimSuits,
  claimTransactions,
} from "../../db/schema/index.ts";
import { ofClaim, recordOfClaim } from "./claims.server.ts";

type Executor = Database | Transaction;

// A claim's contacts, suits and subrogation pursuits. Every statement names the org and the
// claim, so an id of another claim or org matches nothing (the service answers not found).

export type ContactValues = Omit<
  typeof claimContacts.$inferInsert,
  "id" | "orgId" | "claimId" | "createdAt" | "updatedAt"
>;
export type SuitValues = Omit<typeof claimSuits.$inferInsert, "id" | "orgId" | "claimId" | "createdAt" | "updatedAt">;
export type SubrogationValues = Omit<
  typeof claimSubrogations.$inferInsert,
  "id" | "orgId" | "claimId" | "createdAt" | "updatedAt"
>;

export async function insertContact(tx: Transaction, orgId: string, claimId: string, id: string, v: ContactValues) {
  await tx.insert(claimContacts).values({ ...v, id, orgId, claimId });
}

export async function updateContactRow(tx: Transaction, orgId: string, claimId: string, id: string, v: ContactValues) {
  await tx
    .update(claimContacts)
    .set(v)
    .where(recordOfClaim(claimContacts, orgId, claimId, id));
}

export async function findContact(db: Executor, orgId: string, claimId: string, id: string) {
  const [row] = await db
    .select({ id: claimContacts.id })
    .from(claimContacts)
    .where(recordOfClaim(claimContacts, orgId, claimId, id))
    .limit(1);
  return row ?? null;
}

export function listContacts(db: Executor, orgId: string, claimId: string) {
  return db
    .select()
    .from(claimContacts)
    .where(ofClaim(claimContacts, orgId, claimId))
    .orderBy(asc(claimContacts.createdAt), asc(claimContacts.id));
}

export async function insertSuit(tx: Transaction, orgId: string, claimId: string, id: string, v: SuitValues) {
  await tx.insert(claimSuits).values({ ...v, id, orgId, claimId });
}

export async function updateSuitRow(tx: Transaction, orgId: string, claimId: string, id: string, v: SuitValues) {
  await tx
    .update(claimSuits)
    .set(v)
    .where(recordOfClaim(claimSuits, orgId, claimId, id));
}

export async function findSuit(db: Executor, orgId: string, claimId: string, id: string) {
  const [row] = await db
    .select()
    .from(claimSuits)
    .where(recordOfClaim(claimSuits, orgId, claimId, id))
    .limit(1);
  return row ?? null;
}

export function listSuits(db: Executor, orgId: string, claimId: string) {
  return db
    .select()
    .from(claimSuits)
    .where(ofClaim(claimSuits, orgId, claimId))
    .orderBy(asc(claimSuits.filedOn), asc(claimSuits.id));
}

export async function insertSubrogation(
  tx: Transaction,
  orgId: string,
  claimId: string,
  id: string,
  v: SubrogationValues,
) {
  await tx.insert(claimSubrogations).values({ ...v, id, orgId, claimId });
}

export async function updateSubrogationRow(
  tx: Transaction,
  orgId: string,
  claimId: string,
  id: string,
  v: SubrogationValues,
) {
  await tx
    .update(claimSubrogations)
    .set(v)
    .where(recordOfClaim(claimSubrogations, orgId, claimId, id));
}

export async function findSubrogation(db: Executor, orgId: string, claimId: string, id: string) {
  const [row] = await db
    .select()
    .from(claimSubrogations)
    .where(recordOfClaim(claimSubrogations, orgId, claimId, id))
    .limit(1);
  return row ?? null;
}

/** A claim's pursuits with what the subrogation recoveries naming each brought in. */
export async function listSubrogations(db: Executor, orgId: string, claimId: string) {
  const [pursuits, recovered] = await Promise.all([
    db
      .select()
      .from(claimSubrogations)
      .where(ofClaim(claimSubrogations, orgId, claimId))
      .orderBy(asc(claimSubrogations.openedOn), asc(claimSubrogations.id)),
    db
      .select({
        subrogationId: claimTransactions.subrogationId,
        cents: sql<number>`coalesce(sum(${claimTransactions.amountCents}), 0)`.mapWith(Number),
      })
      .from(claimTransactions)
      .where(and(ofClaim(claimTransactions, orgId, claimId), isNotNull(claimTransactions.subrogationId)))
      .groupBy(claimTransactions.subrogationId),
  ]);
  const byPursuit = new Map(recovered.map((r) => [r.subrogationId, r.cents]));
  return pursuits.map((p) => ({ ...p, recoveredCents: byPursuit.get(p.id) ?? 0 }));
}

/** One claimant of the claim, sealed, locked for an edit. */
export async function lockClaimant(tx: Transaction, orgId: string, claimId: string, claimantId: string) {
  const [row] = await tx
    .select({
      id: claimClaimants.id,
      role: claimClaimants.role,
      phi: claimClaimants.phi,
      keyVersion: claimClaimants.keyVersion,
    })
    .from(claimClaimants)
    .where(recordOfClaim(claimClaimants, orgId, claimId, claimantId))
    .for("update");
  return row ?? null;
}

export async function updateClaimantRow(
  tx: Transaction,
  orgId: string,
  claimId: string,
  claimantId: string,
  v: { role: string; phi: string; keyVersion: number },
) {
  await tx
    .update(claimClaimants)
    .set(v)
    .where(recordOfClaim(claimClaimants, orgId, claimId, claimantId));
}
