import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import {
  apiKeys,
  daAgreementAmendments,
  member,
  organization,
  rateTables,
  session,
  user,
  userAffiliations,
} from "../../../db/schema/index.ts";
import { tenantOf } from "../../../db/test/tenants.ts";
import * as bindFixtures from "../../../tests/support/bind-fixtures.ts";
import { listKnockoutRules } from "../../models/knockouts.server.ts";
import { listActiveVersionsUpTo, listWritingPrograms } from "../../models/program-config.server.ts";
import { findSessionMembership } from "../../models/session-membership.server.ts";
import { presentPrograms } from "../api/programs.ts";
import { setProgramRetirement } from "./programs.server.ts";
import { affiliateInvitee } from "../../models/member-admin.server.ts";
import { saveOrgSettings } from "../../models/org-settings.server.ts";
import { createId } from "../../utils/ids.ts";
import { businessToday } from "../../utils/today.ts";
import { bindSubmission } from "../policies/binding.server.ts";
import type { RateTableJson } from "../rating/schema.ts";
import { amendDaAgreement, setDaAgreementSuspension } from "./da-agreements.server.ts";
import { changeMembership, inviteMember } from "./members.server.ts";
import { IMPACT_BUCKETS } from "./rate-impact.ts";
import { activateRateTable, importIntoDraft, measureRateImpact, startRateTableDraft } from "./rate-tables.server.ts";

const { db, producer, org, isolatedProgram, newInsured, agreementRow, quotedSubmission } = bindFixtures;
const admin = tenantOf("admin@summit.demo");

async function versionRow(id: string) {
  const [row] = await db
    .select()
    .from(rateTables)
    .where(and(eq(rateTables.orgId, org), eq(rateTables.id, id)));
  return row!;
}

async function activeVersionOf(programId: string) {
  const [row] = await db
    .select()
    .from(rateTables)
    .where(and(eq(rateTables.orgId, org), eq(rateTables.programId, programId), eq(rateTables.status, "active")));
  return row!;
}

describe("rate table versions", () => {
  test("a draft takes a whole import or none of it, activates from today, and never changes after", async () => {
    const { programId } = await isolatedProgram();
    const source = await activeVersionOf(programId);
    const started = await startRateTableDraft(db, admin, {
      programId,
      fromVersionId: source.id,
      version: "2027.1",
      effectiveDate: "2026-11-20",
    });
    if (!started.ok) throw new Error(started.message);
    const draft = await versionRow(started.versionId);
    expect(draft).toMatchObject({ status: "draft", version: "2027.1" });
    expect(draft.definition).toMatchObject({ program: programId, version: "2027.1", effectiveDate: "2026-11-20" });

    const bad = await importIntoDraft(db, admin, draft.id, [
      ["table", "key", "value"],
      ["state_modifier", "NM", "1.30"],
      ["state_modifier", "ZZZ", "1.1"],
    ]);
    expect(bad).toEqual({ ok: false, errors: [{ row: 3, message: 'key "ZZZ" must be a two-letter state code' }] });
    expect((await versionRow(draft.id)).definition).toEqual(draft.definition);

    const good = await importIntoDraft(db, admin, draft.id, [
      ["table", "key", "value"],
      ["state_modifier", "NM", "1.30"],
    ]);
    expect(good).toEqual({ ok: true, tables: { state_modifier: 1 } });
    expect((await versionRow(draft.id)).definition.stateModifiers).toEqual({ NM: "1.30" });

    expect(await activateRateTable(db, admin, draft.id, "2026-11-22")).toEqual({
      ok: false,
      problems: ["Effective date 2026-11-20 is before today (2026-11-22); choose today or later."],
    });
    await db
      .update(rateTables)
      .set({ effectiveDate: "2026-11-25" })
      .where(and(eq(rateTables.orgId, org), eq(rateTables.id, draft.id)));
    expect(await activateRateTable(db, admin, draft.id, "2026-11-22")).toEqual({ ok: true });
    const active = await versionRow(draft.id);
    expect(active.status).toBe("active");
    expect(active.definition).toMatchObject({ effectiveDate: "2026-11-25", expirationDate: null });

    expect(
      await importIntoDraft(db, admin, draft.id, [
        ["table", "key", "value"],
        ["state_modifier", "NM", "1.50"],
      ]),
    ).toMatchObject({
      ok: false,
      reason: "not_draft",
    });
    expect(await activateRateTable(db, admin, draft.id, "2026-11-22")).toMatchObject({
      ok: false,
      problems: expect.arrayContaining(["Version 2027.1 is active, not a draft."]),
    });
    expect((await versionRow(draft.id)).definition).toEqual(active.definition);
  });

  test("rate impact re-rates the in-force book: the same rates change nothing, a higher state factor raises every premium", async () => {
    const { programId } = await isolatedProgram();
    for (let i = 0; i < 3; i++) {
      const { option } = await quotedSubmission(programId, { insuredId: await newInsured() });
      const bound = await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25");
      if (!bound.ok) throw new Error(JSON.stringify(bound));
    }
    const source = await activeVersionOf(programId);
    const same = await startRateTableDraft(db, admin, {
      programId,
      fromVersionId: source.id,
      version: "same",
      effectiveDate: "2026-12-01",
    });
    if (!same.ok) throw new Error(same.message);
    const unchanged = await measureRateImpact(db, admin, same.versionId);
    if (!unchanged.ok) throw new Error(unchanged.message);
    expect(unchanged.impact).toMatchObject({ policies: 3, rerated: 3, increases: 0, decreases: 0 });
    expect(unchanged.impact.newPremiumCents).toBe(unchanged.impact.currentPremiumCents);
    expect(unchanged.impact.buckets[IMPACT_BUCKETS.findIndex((b) => b.label === "no change")]).toBe(3);

    const dearer = await startRateTableDraft(db, admin, {
      programId,
      fromVersionId: source.id,
      version: "dearer",
      effectiveDate: "2026-12-01",
    });
    if (!dearer.ok) throw new Error(dearer.message);
    const definition = source.definition as RateTableJson;
    const nm = definition.stateModifiers.NM ?? "1.00";
    await importIntoDraft(db, admin, dearer.versionId, [
      ["table", "key", "value"],
      ...Object.entries({ ...definition.stateModifiers, NM: String(Number(nm) * 2) }).map(([s, f]) => [
        "state_modifier",
        s,
        f,
      ]),
    ]);
    const raised = await measureRateImpact(db, admin, dearer.versionId);
    if (!raised.ok) throw new Error(raised.message);
    expect(raised.impact).toMatchObject({ policies: 3, rerated: 3, increases: 3, decreases: 0 });
    expect(raised.impact.buckets.at(-1)).toBe(3);
  });
});

describe("programs for integrations", () => {
  test("GET /v1/programs lists the programs taking submissions with the active version in force, never a draft", async () => {
    const { programId } = await isolatedProgram();
    await setProgramRetirement(db, admin, programId, true);
    const [programs, versions, rules] = await Promise.all([
      listWritingPrograms(db, admin),
      listActiveVersionsUpTo(db, admin, "2026-11-22"),
      listKnockoutRules(db, admin),
    ]);
    const listed = presentPrograms(programs, versions, rules).data;
    expect(listed.map((p) => p.id)).not.toContain(programId);
    const gl = listed.find((p) => p.id === "prg_summit_gl");
    expect(gl).toMatchObject({ rateTableVersion: "2026.1", lineOfBusiness: "GL" });
    expect(gl?.offeredLimits).toContainEqual({ occurrence: 100_000_000, aggregate: 200_000_000 });
    expect(gl?.knockoutQuestions.length).toBeGreaterThan(0);
    expect(gl?.knockoutQuestions.every((q) => typeof q.safeAnswer === "boolean")).toBe(true);
  });
});

describe("DA agreements", () => {
  test("a suspended agreement refuses the next bind at once; reinstated, the bind goes through", async () => {
    const { programId, agreementId } = await isolatedProgram();
    const { option } = await quotedSubmission(programId, { insuredId: await newInsured() });
    expect(await setDaAgreementSuspension(db, admin, agreementId, true, "Carrier audit", "2026-11-22")).toMatchObject({
      ok: true,
    });
    const refused = await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25");
    expect(refused).toMatchObject({ ok: false, reason: "checks_failed" });
    if (refused.ok || refused.reason !== "checks_failed") return;
    expect(refused.failures.find((f) => f.check === "da_agreement_in_force")?.detail).toContain("is suspended");

    await setDaAgreementSuspension(db, admin, agreementId, false, "Audit closed", "2026-11-22");
    expect(await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25")).toMatchObject({
      ok: true,
    });
    const history = await db
      .select()
      .from(daAgreementAmendments)
      .where(and(eq(daAgreementAmendments.orgId, org), eq(daAgreementAmendments.agreementId, agreementId)));
    expect(history.map((h) => h.kind).sort()).toEqual(["reinstated", "suspended"]);
  });

  test("an amendment changes the terms in force and records what changed, from when and why", async () => {
    const { agreementId } = await isolatedProgram();
    const before = await agreementRow(agreementId);
    const terms = {
      reference: before.reference,
      effectiveDate: before.effectiveDate,
      expirationDate: before.expirationDate,
      maxOccurrenceLimitCents: before.maxOccurrenceLimitCents,
      maxAggregateLimitCents: before.maxAggregateLimitCents,
      maxPremiumPerPolicyCents: 1_000_000,
      authorizedStates: before.authorizedStates,
      excludedStates: ["TX"],
      authorizedNaicsCodes: before.authorizedNaicsCodes,
      excludedNaicsCodes: before.excludedNaicsCodes,
      naicsVintage: before.naicsVintage,
      annualGwpLimitCents: before.annualGwpLimitCents,
      quarterlyGwpLimitCents: before.quarterlyGwpLimitCents,
      maxPoliciesPerInsured: before.maxPoliciesPerInsured,
      maxInsuredRevenueCents: before.maxInsuredRevenueCents,
      allowedTermsMonths: before.allowedTermsMonths,
      minYearsInBusiness: before.minYearsInBusiness,
      referralTriggers: before.referralTriggers,
    };
    expect(
      await amendDaAgreement(db, admin, agreementId, { terms, effectiveOn: "2026-11-23", reason: "x" }, "2026-11-22"),
    ).toEqual({ ok: false, message: "An amendment takes effect today (2026-11-22) or earlier, not later" });
    const amended = await amendDaAgreement(
      db,
      admin,
      agreementId,
      { terms, effectiveOn: "2026-11-22", reason: "Carrier cut the line size" },
      "2026-11-22",
    );
    expect(amended).toEqual({ ok: true, agreementId, changed: ["maxPremiumPerPolicyCents", "excludedStates"] });
    expect(await agreementRow(agreementId)).toMatchObject({
      maxPremiumPerPolicyCents: 1_000_000,
      excludedStates: ["TX"],
    });
    const [history] = await db
      .select()
      .from(daAgreementAmendments)
      .where(and(eq(daAgreementAmendments.orgId, org), eq(daAgreementAmendments.agreementId, agreementId)));
    expect(history).toMatchObject({
      kind: "amended",
      effectiveOn: "2026-11-22",
      reason: "Carrier cut the line size",
      changes: {
        maxPremiumPerPolicyCents: { from: before.maxPremiumPerPolicyCents, to: 1_000_000 },
        excludedStates: { from: before.excludedStates, to: ["TX"] },
      },
    });
  });
});

describe("members and organizations", () => {
  /** An organization and a member of its own, so what the test changes touches nobody else. */
  async function ownOrganization(timeZone?: string) {
    const orgId = createId("org");
    const userId = createId("usr");
    await db.insert(organization).values({ id: orgId, name: `Test MGA ${orgId}`, slug: orgId });
    await db.insert(user).values({ id: userId, name: "Pat Producer", email: `${userId}@example.test` });
    await db.insert(member).values({ id: createId("mem"), organizationId: orgId, userId, role: "producer" });
    const adminTenant = { ...admin, orgId, orgName: `Test MGA ${orgId}` };
    if (timeZone) await saveOrgSettings(db, adminTenant, { timeZone, documentName: null });
    return { orgId, userId, adminTenant };
  }

  test("the organization's time zone is the session's, and decides its business date", async () => {
    const { orgId, userId } = await ownOrganization("Pacific/Auckland");
    const membership = await findSessionMembership(db, orgId, userId);
    expect(membership).toMatchObject({ timeZone: "Pacific/Auckland", suspendedAt: null });
    const lateEvening = new Date("2026-12-03T20:00:00Z");
    expect(businessToday({ timeZone: "Pacific/Auckland" }, lateEvening)).toBe("2026-12-04");
    expect(businessToday({ timeZone: "America/Los_Angeles" }, lateEvening)).toBe("2026-12-03");
    expect(businessToday({}, new Date("2026-12-03T23:30:00Z"))).toBe("2026-12-03");
  });

  test("an invitation carries the agency: on acceptance the producer acts for it", async () => {
    const email = `${createId("inv")}@example.test`;
    expect(
      await inviteMember(
        db,
        { tenant: admin, name: "Admin", appUrl: "http://localhost" },
        { email, roles: ["producer"], affiliation: { agencyId: null, insuredId: null, carrierId: null } },
      ),
    ).toEqual({ ok: false, field: "agencyId", message: "Choose the agency this producer works for" });
    const invited = await inviteMember(
      db,
      { tenant: admin, name: "Admin", appUrl: "http://localhost" },
      { email, roles: ["producer"], affiliation: { agencyId: "agy_bluemesa", insuredId: null, carrierId: null } },
    );
    if (!invited.ok) throw new Error(invited.message);
    const userId = createId("usr");
    await affiliateInvitee(db, invited.invitationId, admin.orgId, userId);
    const [affiliation] = await db
      .select()
      .from(userAffiliations)
      .where(and(eq(userAffiliations.orgId, admin.orgId), eq(userAffiliations.userId, userId)));
    expect(affiliation).toMatchObject({ agencyId: "agy_bluemesa", insuredId: null, carrierId: null });
  });

  test("suspending a member ends their sessions and keys in the organization at once", async () => {
    const { orgId, userId, adminTenant } = await ownOrganization();
    const otherOrgSession = createId("ses");
    await db.insert(session).values([
      {
        id: createId("ses"),
        token: createId("tok"),
        userId,
        activeOrganizationId: orgId,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
      {
        id: otherOrgSession,
        token: createId("tok"),
        userId,
        activeOrganizationId: "org_elsewhere",
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    ]);
    const keyId = createId("key");
    await db.insert(apiKeys).values({
      id: keyId,
      orgId,
      name: "Rater",
      prefix: "oi_sk_test",
      secretHash: createId("hash"),
      roles: ["producer"],
      createdByUserId: userId,
    });
    const [memberRow] = await db
      .select()
      .from(member)
      .where(and(eq(member.organizationId, orgId), eq(member.userId, userId)));
    expect(
      await changeMembership(db, adminTenant, memberRow!.id, { kind: "suspend", reason: "Licence lapsed" }),
    ).toEqual({
      ok: true,
      userId,
    });
    expect((await db.select().from(session).where(eq(session.userId, userId))).map((s) => s.id)).toEqual([
      otherOrgSession,
    ]);
    const [key] = await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, keyId)));
    expect(key!.revokedAt).not.toBeNull();
    expect((await findSessionMembership(db, orgId, userId))?.suspendedAt).toBeInstanceOf(Date);

    await changeMembership(db, adminTenant, memberRow!.id, { kind: "reinstate" });
    expect((await findSessionMembership(db, orgId, userId))?.suspendedAt).toBeNull();
  });
});
