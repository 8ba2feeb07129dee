import type { Database } from "../../db/client.ts";
import { submissions } from "../../db/schema/index.ts";
import type { TenantContext } from "../../app/auth/session.server.ts";
import { createId } from "../../app/utils/ids.ts";

/** A Louisiana caterer filed by a Summit producer: LA is on the GL agreement's referral list. */
export async function insertLouisianaSubmission(db: Database, producer: TenantContext): Promise<string> {
  const id = createId("sub");
  await db.insert(submissions).values({
    id,
    orgId: producer.orgId,
    reference: id.slice(-12),
    agencyId: "agy_harbor",
    producerUserId: producer.userId,
    insuredId: "ins_bayou",
    programId: "prg_summit_gl",
    lineOfBusiness: "GL",
    state: "LA",
    naicsCode: "722320",
    annualRevenueCents: 210_000_000,
    requestedLimitCents: 100_000_000,
    deductibleCents: 100_000,
    effectiveDate: "2026-12-15",
    termMonths: 12,
    status: "submitted",
  });
  return id;
}
