import { addDays, addMonths } from "../app/utils/calendar-date.ts";
import { queryE2eDatabase } from "./database.ts";
import { waitForHydration } from "./demo-users.ts";
import { expect, test } from "./fixtures.ts";
import { person, runServicingJob, waitUntilIssued } from "./servicing-steps.ts";
import { daysFromToday } from "./dates.ts";
import { bindToPolicy, fileAndQuote, LONE_STAR_ROOFING_GL } from "./producer-quotes.ts";

// Issue 12, ADR 023 and 029: a renewal is offered by the job 60 days before expiry, read against
// the expiring term, accepted by the producer and bound as the next term, linked to the prior one.
// The journey binds its own policy and prepares only that policy's offer.

/**
 * The carrier's next agreement for the Main Street GL program, starting the day after the demo
 * agreement ends: the renewal term starts inside it, and is judged under it (ADR 029), while on
 * the day the producer accepts only the current agreement is in force. Idempotent for retries.
 */
async function carrierRenewsTheAgreement() {
  await queryE2eDatabase(
    `INSERT IGNORE INTO da_agreements
       (id, org_id, carrier_id, program_id, reference, effective_date, expiration_date, status,
        max_occurrence_limit_cents, max_aggregate_limit_cents, max_premium_per_policy_cents,
        authorized_states, excluded_states, authorized_naics_codes, excluded_naics_codes, naics_vintage,
        annual_gwp_limit_cents, quarterly_gwp_limit_cents, bound_gwp_cents, max_policies_per_insured,
        max_insured_revenue_cents, allowed_terms_months, min_years_in_business, referral_triggers, created_at)
     SELECT 'da_summit_gl_next', org_id, carrier_id, program_id, 'GMIC-DA-NEXT-014',
        DATE_ADD(expiration_date, INTERVAL 1 DAY), DATE_ADD(expiration_date, INTERVAL 1 YEAR), status,
        max_occurrence_limit_cents, max_aggregate_limit_cents, max_premium_per_policy_cents,
        authorized_states, excluded_states, authorized_naics_codes, excluded_naics_codes, naics_vintage,
        annual_gwp_limit_cents, quarterly_gwp_limit_cents, 0, max_policies_per_insured,
        max_insured_revenue_cents, allowed_terms_months, min_years_in_business, referral_triggers, NOW(3)
       FROM da_agreements WHERE id = 'da_summit_gl'`,
  );
}

test("a renewal offer prepared by the job is read against the expiring term, accepted, and bound as the -01 term linked to the prior one", async ({
  browser,
}) => {
  // A bind, the job in a process of its own, the acceptance's bind and two declarations pages,
  // on a machine the other journeys share: one run took 3.6 minutes at a load of 20.
  test.setTimeout(420_000);
  const producer = await person(browser, "producer@summit.demo", /\/producer$/);
  const effective = daysFromToday(0);
  await fileAndQuote(producer, {
    ...LONE_STAR_ROOFING_GL,
    exposure: "700,000",
    effective,
  });
  const policyId = await bindToPolicy(producer, { plan: "PIF" });
  await waitUntilIssued(policyId);
  const [expiring] = await queryE2eDatabase<{ policy_number: string; expiration: string; premium: number }>(
    `SELECT policy_number, DATE_FORMAT(expiration_date, '%Y-%m-%d') AS expiration, gross_premium_cents AS premium
       FROM policies WHERE id = ?`,
    [policyId],
  );
  const renewalDate = addMonths(effective, 12);
  expect(expiring!.expiration).toBe(renewalDate);
  await carrierRenewsTheAgreement();

  // 45 days before the term ends the job prepares the offer: claimed, re-rated, and the producer told.
  type Prepared = { claimed: number; offered: number; offer: { id: string; status: string; note: string | null } };
  const prepared = await runServicingJob<Prepared>("renewal", "org_summit", policyId, addDays(renewalDate, -45));
  expect(prepared).toMatchObject({ claimed: 1, offered: 1, offer: { status: "offered" } });
  const offerId = prepared.offer.id;

  // The producer finds it in the renewal queue, with both premiums.
  await producer.goto(`/producer/renewals?r.q=${encodeURIComponent(expiring!.policy_number)}`);
  const queue = producer.getByRole("table", { name: "Renewal offers" });
  const row = queue.getByRole("row", { name: new RegExp(expiring!.policy_number) });
  await expect(row).toContainText("offered");
  await row.getByRole("link", { name: expiring!.policy_number }).click();
  await expect(producer).toHaveURL(`/producer/renewals/${offerId}`);

  // The offer reads against the expiring term: each rating step side by side, and why the price moved or not.
  await expect(producer.getByRole("heading", { level: 1 })).toHaveText(`Renewal of ${expiring!.policy_number}`);
  const fact = (label: string) =>
    producer
      .locator("dl > div")
      .filter({ has: producer.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
      .locator("dd");
  const expiringPremium = `$${(expiring!.premium / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
  await expect(fact("Expiring premium")).toHaveText(expiringPremium);
  const calendar = new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
  await expect(fact("Renews on")).toHaveText(calendar.format(new Date(`${renewalDate}T00:00:00Z`)));
  const steps = producer.getByRole("table", { name: "Rating steps of the expiring term and the renewal" });
  await expect(steps.locator("tbody tr").first()).toBeVisible();
  expect(await steps.locator("tbody tr").count()).toBeGreaterThan(2);
  await expect(
    producer.getByRole("listitem").filter({ hasText: /^The premium (is unchanged at|rises by|falls by) / }),
  ).toHaveCount(1);

  await waitForHydration(producer);
  await producer.getByRole("button", { name: "Accept and bind the renewal" }).click();
  await expect(producer).toHaveURL(/\/producer\/policies\/pol_/);
  const renewalId = /\/producer\/policies\/(pol_[^/?#]+)/.exec(producer.url())![1]!;
  expect(renewalId).not.toBe(policyId);
  await expect(producer.getByRole("heading", { name: `${expiring!.policy_number}-01`, exact: true })).toBeVisible();

  const [term] = await queryE2eDatabase<{
    policy_number: string;
    renewal_of_policy_id: string;
    effective: string;
    type: string;
  }>(
    `SELECT p.policy_number, p.renewal_of_policy_id, DATE_FORMAT(p.effective_date, '%Y-%m-%d') AS effective, t.type
       FROM policies p JOIN policy_transactions t ON t.policy_id = p.id AND t.sequence = 1
      WHERE p.id = ?`,
    [renewalId],
  );
  expect(term).toEqual({
    policy_number: `${expiring!.policy_number}-01`,
    renewal_of_policy_id: policyId,
    effective: renewalDate,
    type: "renewal",
  });

  // The new term links back to the prior term, whose offer now reads accepted.
  await producer.getByRole("link", { name: "The prior term" }).click();
  await expect(producer).toHaveURL(`/producer/policies/${policyId}`);
  await expect(producer.getByRole("link", { name: "Renewal offer (accepted)" })).toBeVisible();

  // The prior term as it stood on its first day: its whole premium written, nothing earned yet.
  await producer.getByLabel("As of", { exact: true }).fill(effective);
  await producer.getByRole("button", { name: "Show the policy as of this date" }).click();
  await expect(producer).toHaveURL(new RegExp(`asOf=${effective}`));
  const asOf = producer.getByTestId("policy-as-of");
  await expect(asOf).toContainText(`Written premium by then${expiringPremium}`);
  await expect(asOf).toContainText("Earned by then$0.00");

  // The producer of record was told when the offer was prepared: in the bell, linking to the offer.
  await expect
    .poll(
      async () => {
        await producer.goto("/notifications");
        return producer.getByRole("link", { name: `Renewal offer ready: ${expiring!.policy_number}` }).count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  await producer.getByRole("link", { name: `Renewal offer ready: ${expiring!.policy_number}` }).click();
  await expect(producer).toHaveURL(`/producer/renewals/${offerId}`);
});
