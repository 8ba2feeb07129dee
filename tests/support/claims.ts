// Claims fixtures: an organization of its own (a TX policy from the ledger fixture) with two
// adjusters licensed in TX, a supervisor and a producer of the policy's agency, so claim counts,
// chains and ledger balances see only what the test did.
import type { Database } from "../../db/client.ts";
import { adjusterProfiles, insureds, member, policies, user } from "../../db/schema/index.ts";
import type { TenantContext } from "../../app/auth/tenant.ts";
import type { Role } from "../../app/auth/permissions.ts";
import { createId } from "../../app/utils/ids.ts";
import { importMasterKey } from "../../app/services/claims/phi-crypto.ts";
import { createTestBook, type TestBook } from "./ledger.ts";
import { and, eq } from "drizzle-orm";

/** A fixed test master key (32 bytes of 0x2a). */
export const TEST_PHI_MASTER_KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(42)));
export const testMasterKey = () => importMasterKey(TEST_PHI_MASTER_KEY);

export type ClaimsOrg = TestBook & {
  adjusterA: TenantContext;
  adjusterB: TenantContext;
  supervisor: TenantContext;
  producer: TenantContext;
  admin: TenantContext;
  compliance: TenantContext;
  underwriter: TenantContext;
};

async function staff(
  db: Database,
  book: TestBook,
  roles: Role[],
  extra: Partial<TenantContext> = {},
): Promise<TenantContext> {
  const userId = createId("usr");
  await db.insert(user).values({ id: userId, name: `${roles[0]} ${userId.slice(-4)}`, email: `${userId}@claims.test` });
  await db.insert(member).values({ id: createId("mem"), organizationId: book.orgId, userId, role: roles.join(",") });
  return { ...book.finance, userId, roles, ...extra };
}

/** Adjuster A: $10,000 reserve / $5,000 payment authority; adjuster B the same; both licensed in TX. */
export async function createClaimsOrg(db: Database): Promise<ClaimsOrg> {
  const book = await createTestBook(db);
  const [policy] = await db
    .select({ agencyId: policies.agencyId, insuredId: policies.insuredId })
    .from(policies)
    .where(and(eq(policies.orgId, book.orgId), eq(policies.id, book.policyId)));
  // The ledger fixture names an insured without a row; claims pages show its name.
  await db.insert(insureds).values({
    id: policy!.insuredId,
    orgId: book.orgId,
    agencyId: policy!.agencyId,
    name: "Quarry Lane Cafe LLC",
    naicsCode: "722511",
    addressLine1: "1 Quarry Lane",
    city: "Austin",
    state: "TX",
    postalCode: "78701",
  });
  const adjusterA = await staff(db, book, ["claims_adjuster"]);
  const adjusterB = await staff(db, book, ["claims_adjuster"]);
  for (const a of [adjusterA, adjusterB])
    await db.insert(adjusterProfiles).values({
      orgId: book.orgId,
      userId: a.userId,
      licensedStates: ["TX"],
      reserveAuthorityCents: 1_000_000,
      paymentAuthorityCents: 500_000,
    });
  return {
    ...book,
    adjusterA,
    adjusterB,
    supervisor: await staff(db, book, ["claims_supervisor"]),
    producer: await staff(db, book, ["producer"], { agencyId: policy!.agencyId }),
    admin: await staff(db, book, ["org_admin"]),
    compliance: await staff(db, book, ["compliance_officer"]),
    underwriter: await staff(db, book, ["underwriter"]),
  };
}
