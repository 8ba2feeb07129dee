import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { agencies, carriers, certificateHolders, certificates, insureds, policies } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";
import { visiblePolicies } from "./scope.server.ts";

// Certificates of insurance (issue 12, ADR 023): holders remembered per insured, and the
// certificates issued on a policy.

type Db = Database | Transaction;
type Holder = { name: string; addressLine1: string; city: string; state: string; postalCode: string };

/** What a certificate prints about a policy the user may see: its parties and current columns. */
export async function findPolicyForCertificate(db: Db, tenant: TenantContext, policyId: string) {
  const [row] = await db
    .select({
      policy: policies,
      insured: {
        id: insureds.id,
        name: insureds.name,
        addressLine1: insureds.addressLine1,
        city: insureds.city,
        state: insureds.state,
        postalCode: insureds.postalCode,
      },
      agencyName: agencies.name,
      carrierName: carriers.name,
    })
    .from(policies)
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)))
    .innerJoin(carriers, and(eq(carriers.orgId, policies.orgId), eq(carriers.id, policies.carrierId)))
    .where(and(visiblePolicies(tenant), eq(policies.id, policyId)))
    .limit(1);
  return row ?? null;
}

/** The holder of the insured with this name and address, written the first time it is used. */
export async function rememberHolder(tx: Transaction, orgId: string, insuredId: string, holder: Holder) {
  await tx.execute(sql`INSERT IGNORE INTO ${certificateHolders}
    (id, org_id, insured_id, name, address_line1, city, state, postal_code)
    VALUES (${createId("chd")}, ${orgId}, ${insuredId}, ${holder.name}, ${holder.addressLine1}, ${holder.city},
      ${holder.state}, ${holder.postalCode})`);
  const [row] = await tx
    .select()
    .from(certificateHolders)
    .where(
      and(
        eq(certificateHolders.orgId, orgId),
        eq(certificateHolders.insuredId, insuredId),
        eq(certificateHolders.name, holder.name),
        eq(certificateHolders.addressLine1, holder.addressLine1),
      ),
    )
    .limit(1);
  return row!;
}

export async function findHolder(db: Db, orgId: string, insuredId: string, holderId: string) {
  const [row] = await db
    .select()
    .from(certificateHolders)
    .where(
      and(
        eq(certificateHolders.orgId, orgId),
        eq(certificateHolders.insuredId, insuredId),
        eq(certificateHolders.id, holderId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The insured's remembered holders, by name, for the next certificate. */
export function listHolders(db: Db, orgId: string, insuredId: string) {
  return db
    .select()
    .from(certificateHolders)
    .where(and(eq(certificateHolders.orgId, orgId), eq(certificateHolders.insuredId, insuredId)))
    .orderBy(certificateHolders.name)
    .limit(200);
}

export async function insertCertificate(tx: Transaction, row: typeof certificates.$inferInsert) {
  await tx.insert(certificates).values(row);
}

/** The certificates issued on a policy, newest first, with their holder. */
export function listCertificates(db: Db, orgId: string, policyId: string) {
  return db
    .select({
      id: certificates.id,
      certificateNumber: certificates.certificateNumber,
      issuedOn: certificates.issuedOn,
      additionalInsured: certificates.additionalInsured,
      waiverOfSubrogation: certificates.waiverOfSubrogation,
      holderName: certificateHolders.name,
    })
    .from(certificates)
    .innerJoin(
      certificateHolders,
      and(eq(certificateHolders.orgId, certificates.orgId), eq(certificateHolders.id, certificates.holderId)),
    )
    .where(and(eq(certificates.orgId, orgId), eq(certificates.policyId, policyId)))
    .orderBy(desc(certificates.createdAt), desc(certificates.id));
}

export async function findCertificate(db: Db, orgId: string, policyId: string, certificateId: string) {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.orgId, orgId), eq(certificates.policyId, policyId), eq(certificates.id, certificateId)))
    .limit(1);
  return row ?? null;
}
