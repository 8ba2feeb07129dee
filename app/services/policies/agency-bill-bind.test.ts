// The bind stores who collects the premium (ADR 024): direct bill unless asked, agency bill only
// where the program allows it.
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { policies, programs } from "../../../db/schema/index.ts";
import * as bindFixtures from "../../../tests/support/bind-fixtures.ts";
import { bindSubmission } from "./binding.server.ts";

const { db, producer, org, isolatedProgram, newInsured, quotedSubmission } = bindFixtures;

async function billingMethodOf(policyId: string) {
  const [row] = await db
    .select({ billingMethod: policies.billingMethod })
    .from(policies)
    .where(and(eq(policies.orgId, org), eq(policies.id, policyId)));
  return row!.billingMethod;
}

describe("binding with a billing method", () => {
  test("agency bill is refused where the program does not allow it and stored where it does", async () => {
    const { programId } = await isolatedProgram();
    const direct = await quotedSubmission(programId, { insuredId: await newInsured() });
    const bound = await bindSubmission(db, producer, { quoteOptionId: direct.option.id, plan: "PIF" }, "2026-11-25");
    expect(bound.ok).toBe(true);
    if (bound.ok) expect(await billingMethodOf(bound.policyId)).toBe("direct");

    const { option } = await quotedSubmission(programId, { insuredId: await newInsured() });
    const request = { quoteOptionId: option.id, plan: "QUARTERLY" as const, billingMethod: "agency" as const };
    expect(await bindSubmission(db, producer, request, "2026-11-25")).toMatchObject({
      ok: false,
      reason: "checks_failed",
      failures: [{ passed: false, detail: "the program does not allow agency bill: bind it direct bill" }],
    });
    await db
      .update(programs)
      .set({ agencyBillAllowed: true })
      .where(and(eq(programs.orgId, org), eq(programs.id, programId)));
    const agency = await bindSubmission(db, producer, request, "2026-11-25");
    expect(agency.ok).toBe(true);
    if (agency.ok) expect(await billingMethodOf(agency.policyId)).toBe("agency");
  });
});
