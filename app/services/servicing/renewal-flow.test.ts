import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  daAgreements,
  daBreachAttempts,
  emailOutbox,
  notifications,
  outboxEvents,
  policies,
  quotes,
  policyTransactions,
  producerLicences,
  rateTables,
  renewalOffers,
  webhookDeliveries,
} from "../../../db/schema/index.ts";
import { rateTables as seededRateTables } from "../../../db/seed/rate-tables.ts";
import { tenantOf } from "../../../db/test/tenants.ts";
import * as bindFixtures from "../../../tests/support/bind-fixtures.ts";
import { createServicingBook } from "../../../tests/support/servicing-book.ts";
import { testHostResolver } from "../../../tests/support/host-resolver.ts";
import { startWebhookReceiver } from "../../../tests/support/webhook-receiver.ts";
import { findOutboxEvent } from "../events/domain-events.server.ts";
import { deliverDomainEvent } from "../events/event-delivery.server.ts";
import { createWebhookEndpoint, setWebhookEndpointStatus } from "../events/webhooks.server.ts";
import { createId } from "../../utils/ids.ts";
import { bindSubmission } from "../policies/binding.server.ts";
import { nonRenewPolicy } from "./non-renewal.server.ts";
import { listRenewalQueuePage, listRenewalQueueRows } from "../../models/renewals.server.ts";
import { renewalQueueTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { acceptRenewalOffer, declineRenewalOffer, runRenewalOffers } from "./renewal.server.ts";

const { db, producer, org, isolatedProgram, newInsured, quotedSubmission } = bindFixtures;
const underwriter = tenantOf("senior.underwriter@summit.demo");
const admin = tenantOf("admin@summit.demo");
const APP_SECRET = process.env.BETTER_AUTH_SECRET!;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

// Far-future terms, so the renewal job's window over the shared demo organization holds only the
// policies these tests bind: 2031-03-10 to 2032-03-10, renewed on 2032-03-10.
const TERM_START = "2031-03-10";
const RENEWAL_DATE = "2032-03-10";
const JOB_DAY = "2032-01-20";

async function offerOf(policyId: string) {
  const [row] = await db
    .select()
    .from(renewalOffers)
    .where(and(eq(renewalOffers.orgId, org), eq(renewalOffers.policyId, policyId)));
  return row;
}

/**
 * A policy bound from a real quote on a program of its own, in force, with a licence for its dates.
 * `nextAgreementFrom`: the carrier's next agreement for the program, starting that day.
 */
async function policyInForce(agreementEnds: string, nextAgreementFrom?: string) {
  const { programId, agreementId } = await isolatedProgram({
    agreement: { effectiveDate: "2031-01-01", expirationDate: agreementEnds },
  });
  if (nextAgreementFrom) {
    const { createdAt: _createdAt, ...current } = await bindFixtures.agreementRow(agreementId);
    await db.insert(daAgreements).values({
      ...current,
      id: createId("da"),
      reference: `${current.reference}-NEXT`.slice(0, 40),
      effectiveDate: nextAgreementFrom,
      expirationDate: "2033-12-31",
      boundGwpCents: 0,
    });
  }
  const base = seededRateTables.find((t) => t.id === "rt_summit_gl_2026_1")!;
  // A new version in force from 2031-09-01 raises New Mexico's state modifier: the renewal must use it.
  await db.insert(rateTables).values({
    ...base,
    id: createId("rt"),
    programId,
    version: "2031.2",
    effectiveDate: "2031-09-01",
    definition: {
      ...base.definition,
      program: programId,
      version: "2031.2",
      effectiveDate: "2031-09-01",
      stateModifiers: { ...(base.definition.stateModifiers as Record<string, string>), NM: "1.07" },
    },
  });
  await db.insert(producerLicences).values({
    id: createId("lic"),
    orgId: org,
    producerUserId: producer.userId,
    agencyId: "agy_bluemesa",
    state: "NM",
    licenceNumber: createId("NM").slice(-12),
    lines: ["property", "casualty", "surplus_lines"],
    effectiveOn: "2030-01-01",
    expiresOn: "2033-12-31",
  });
  const { option } = await quotedSubmission(programId, {
    insuredId: await newInsured(),
    effectiveDate: TERM_START,
    quoteDate: "2031-02-01",
  });
  const bound = await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2031-02-05");
  if (!bound.ok) throw new Error(`bind failed: ${JSON.stringify(bound)}`);
  await db
    .update(policies)
    .set({ status: "active" })
    .where(and(eq(policies.orgId, org), eq(policies.id, bound.policyId)));
  return { ...bound, option };
}

describe("renewal offers", () => {
  test("are prepared 60 days out on the version in force at renewal, accepted into a linked -01 term", async () => {
    const expiring = await policyInForce("2032-12-31");
    // 61 days before expiry: not yet.
    await runRenewalOffers(db, "2032-01-09", { orgId: org });
    expect(await offerOf(expiring.policyId)).toBeUndefined();

    await runRenewalOffers(db, JOB_DAY, { orgId: org });
    const offer = (await offerOf(expiring.policyId))!;
    expect(offer).toMatchObject({ status: "offered", renewalDate: RENEWAL_DATE, preparedOn: JOB_DAY });
    expect(offer.comparison!.renewalRateTableVersion).toBe("2031.2");
    expect(offer.comparison!.expiringRateTableVersion).toBe("2026.1");
    const state = offer.comparison!.lines.find((l) => l.key === "state")!;
    expect([state.expiringFactor, state.renewalFactor, state.changed]).toEqual(["0.97", "1.07", true]);
    expect(offer.renewalPremiumCents).toBeGreaterThan(expiring.option.grossPremiumCents);
    expect(offer.comparison!.reasons[0]).toContain("rate table version 2031.2");

    // The job is idempotent: a second run changes nothing about this offer.
    await runRenewalOffers(db, JOB_DAY, { orgId: org });
    expect(await offerOf(expiring.policyId)).toEqual(offer);

    // The producer's queue finds it by policy number, with both premiums.
    const queue = parseTableState(
      new URLSearchParams({ "r.q": expiring.policyNumber, "r.status": "offered" }),
      renewalQueueTable,
    );
    const page = await listRenewalQueuePage(db, producer, queue);
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      id: offer.id,
      policyNumber: expiring.policyNumber,
      renewalDate: RENEWAL_DATE,
      renewalPremiumCents: offer.renewalPremiumCents,
    });
    expect(await listRenewalQueueRows(db, { ...producer, agencyId: "agy_other_agency" }, queue, 0, 10)).toEqual([]);

    const accepted = await acceptRenewalOffer(db, producer, offer.id, {}, "2032-02-01");
    expect(accepted).toMatchObject({ ok: true, policyNumber: `${expiring.policyNumber}-01`, alreadyAccepted: false });
    if (!accepted.ok) return;
    // A double click binds once.
    expect(await acceptRenewalOffer(db, producer, offer.id, {}, "2032-02-01")).toMatchObject({
      ok: true,
      policyId: accepted.policyId,
      alreadyAccepted: true,
    });
    const [term] = await db
      .select()
      .from(policies)
      .where(and(eq(policies.orgId, org), eq(policies.id, accepted.policyId)));
    expect(term).toMatchObject({
      renewalOfPolicyId: expiring.policyId,
      effectiveDate: RENEWAL_DATE,
      expirationDate: "2033-03-10",
      grossPremiumCents: offer.renewalPremiumCents,
      status: "bound",
    });
    const [first] = await db
      .select()
      .from(policyTransactions)
      .where(and(eq(policyTransactions.orgId, org), eq(policyTransactions.policyId, accepted.policyId)));
    expect(first).toMatchObject({ type: "renewal", effectiveDate: RENEWAL_DATE });
    expect(await offerOf(expiring.policyId)).toMatchObject({ status: "accepted", renewalPolicyId: accepted.policyId });
    const renewed = await db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, org), eq(outboxEvents.type, "policy.renewed")));
    expect(
      renewed.filter((e) => (e.payload as { renewalPolicyId?: string }).renewalPolicyId === accepted.policyId),
    ).toHaveLength(1);
  });

  test("the producer of record hears of a prepared offer once: in the bell, by email and by webhook", async () => {
    receiver.respondWith(200);
    const { id: endpointId } = await createWebhookEndpoint(
      db,
      admin,
      { url: receiver.url, eventTypes: ["policy.renewal_offered"] },
      APP_SECRET,
      { allowLocal: true, resolveHost: testHostResolver },
    );
    const expiring = await policyInForce("2032-12-31");
    await runRenewalOffers(db, JOB_DAY, { orgId: org });
    await runRenewalOffers(db, JOB_DAY, { orgId: org });
    const offer = (await offerOf(expiring.policyId))!;
    const recorded = (
      await db
        .select()
        .from(outboxEvents)
        .where(and(eq(outboxEvents.orgId, org), eq(outboxEvents.type, "policy.renewal_offered")))
    ).filter((e) => e.payload.offerId === offer.id);
    // Recorded with the offer, in its transaction: the second run prepared nothing, so told nothing.
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.payload).toMatchObject({
      policyId: expiring.policyId,
      policyNumber: expiring.policyNumber,
      renewalDate: RENEWAL_DATE,
      renewalPremiumCents: offer.renewalPremiumCents,
      expiringPremiumCents: expiring.option.grossPremiumCents,
    });

    const event = (await findOutboxEvent(db, org, recorded[0]!.id))!;
    await deliverDomainEvent(
      {
        db,
        appUrl: "https://app.openinsure.test",
        webhooks: {
          fetch: globalThis.fetch,
          now: () => new Date(),
          appSecret: APP_SECRET,
          allowLocal: true,
          resolveHost: testHostResolver,
        },
        pushLive: async () => {},
      },
      event,
    );
    const bell = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, org), eq(notifications.eventId, event.id)));
    expect(bell).toHaveLength(1);
    expect(bell[0]).toMatchObject({
      userId: producer.userId,
      title: `Renewal offer ready: ${expiring.policyNumber}`,
      link: `/producer/renewals/${offer.id}`,
    });
    expect(bell[0]!.body).toContain("renews on Mar 10, 2032");
    const emails = await db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.subject, `%${expiring.policyNumber}%`));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.textBody).toContain(`https://app.openinsure.test/producer/renewals/${offer.id}`);
    const deliveries = await db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.orgId, org), eq(webhookDeliveries.eventId, event.id)));
    expect(deliveries.filter((d) => d.endpointId === endpointId)).toHaveLength(1);
    const received = receiver.received.map((r) => JSON.parse(r.body)).filter((b) => b.id === event.id);
    expect(received).toHaveLength(1);
    expect(received[0].type).toBe("policy.renewal_offered");
    await setWebhookEndpointStatus(db, admin, endpointId, "disabled");
  });

  test("accepting runs the bind's checks: no DA agreement for the new period, no renewal", async () => {
    const expiring = await policyInForce("2031-12-31");
    await runRenewalOffers(db, JOB_DAY, { orgId: org });
    const offer = (await offerOf(expiring.policyId))!;
    expect(offer.status).toBe("offered");
    const refused = await acceptRenewalOffer(db, producer, offer.id, {}, "2032-02-01");
    expect(refused).toMatchObject({ ok: false, reason: "checks_failed" });
    if (refused.ok || refused.reason !== "checks_failed") return;
    expect(refused.failures.map((f) => f.code)).toContain("DA_NOT_IN_FORCE");
    expect((await offerOf(expiring.policyId))!.status).toBe("offered");

    // Declined, it is answered: nothing more can be done with it.
    expect(await declineRenewalOffer(db, producer, offer.id, "2032-02-02")).toEqual({ ok: true });
    expect(await acceptRenewalOffer(db, producer, offer.id, {}, "2032-02-03")).toEqual({
      ok: false,
      reason: "invalid",
      message: "This renewal offer is already declined; it cannot be accepted.",
    });
  });

  test("the agreement in force for the new period decides: accepted 50 days early, before next year's agreement starts", async () => {
    // The expiring term's agreement ends the day before the renewal date; the carrier's next one
    // starts on it. On the job day and the acceptance day only the old one is in force.
    const expiring = await policyInForce("2032-03-09", RENEWAL_DATE);
    await runRenewalOffers(db, JOB_DAY, { orgId: org });
    const offer = (await offerOf(expiring.policyId))!;
    expect(offer.status).toBe("offered");
    // The renewal quote is judged on the new period too: no flag, no breach attempt to report.
    const [renewalQuote] = await db
      .select({ id: quotes.id, daFlags: quotes.daFlags })
      .from(quotes)
      .where(and(eq(quotes.orgId, org), eq(quotes.submissionId, offer.submissionId!)));
    expect(renewalQuote!.daFlags).toEqual([]);

    const accepted = await acceptRenewalOffer(db, producer, offer.id, {}, JOB_DAY);
    expect(accepted).toMatchObject({ ok: true, policyNumber: `${expiring.policyNumber}-01` });
    const attempts = await db
      .select({ id: daBreachAttempts.id })
      .from(daBreachAttempts)
      .where(and(eq(daBreachAttempts.orgId, org), eq(daBreachAttempts.submissionId, offer.submissionId!)));
    expect(attempts).toEqual([]);
  });

  test("another agency's producer cannot see an offer; one left unanswered lapses after the renewal date", async () => {
    const expiring = await policyInForce("2032-12-31");
    await runRenewalOffers(db, JOB_DAY, { orgId: org });
    const offer = (await offerOf(expiring.policyId))!;
    const outsider = { ...producer, agencyId: "agy_other_agency" };
    expect(await acceptRenewalOffer(db, outsider, offer.id, {}, "2032-02-01")).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await acceptRenewalOffer(db, underwriter, createId("rnw"), {}, "2032-02-01")).toEqual({
      ok: false,
      reason: "not_found",
    });
    await runRenewalOffers(db, "2032-03-11", { orgId: org });
    expect((await offerOf(expiring.policyId))!.status).toBe("lapsed");
  });

  test("policies without a rating, or with a non-renewal notice, get no priced offer", async () => {
    const book = await createServicingBook(db);
    const unrated = await book.newPolicy({ effectiveDate: "2029-05-01" });
    const leaving = await book.newPolicy({ effectiveDate: "2029-05-01" });
    expect(await nonRenewPolicy(db, book.underwriter, leaving.policyId, "loss_experience", "2030-02-01")).toMatchObject(
      {
        ok: true,
      },
    );
    const report = await runRenewalOffers(db, "2030-03-15", { orgId: book.orgId });
    expect(report).toMatchObject({ claimed: 1, notRated: 1, offered: 0 });
    const [row] = await db
      .select()
      .from(renewalOffers)
      .where(and(eq(renewalOffers.orgId, book.orgId), eq(renewalOffers.policyId, unrated.policyId)));
    expect(row).toMatchObject({ status: "not_rated", renewalDate: "2030-05-01" });
    expect(row!.note).toContain("no recorded rating");
    expect(await runRenewalOffers(db, "2030-03-16", { orgId: book.orgId })).toEqual({
      claimed: 0,
      offered: 0,
      notRated: 0,
      lapsed: 0,
    });
  });
});
