import { readFile } from "node:fs/promises";
import { addDays } from "../app/utils/calendar-date.ts";
import { queryE2eDatabase } from "./database.ts";
import { waitForHydration } from "./demo-users.ts";
import { expect, type Page, test } from "./fixtures.ts";
import { person, policyStatus, runServicingJob, waitUntilIssued } from "./servicing-steps.ts";
import { daysFromToday } from "./dates.ts";
import { bindToPolicy, fileAndQuote, LONE_STAR_ROOFING_GL } from "./producer-quotes.ts";
import { cents } from "./ledger-legs.ts";

// Issue 12, ADR 017 and 023: a policy's life after bind, each journey on a policy it binds itself.
// An unpaid installment draws a notice of cancellation for non-payment, the notice cancels the
// policy, and paying within 30 days reinstates it; a policyholder's cancellation of a paid policy,
// applied by an underwriter, moves the ledger finance reads. (e2e/servicing.spec.ts covers
// the endorsement and a cancellation request dated in the future.)

/** The policyholder pays an invoice in full in the portal with the test card. */
async function payInPortal(holder: Page, invoice: { invoice_number: string; amount_cents: number }) {
  await holder.goto("/portal");
  const row = holder
    .getByRole("table", { name: "My invoices" })
    .getByRole("row", { name: new RegExp(invoice.invoice_number) });
  await row.getByRole("link", { name: `Pay ${invoice.invoice_number}` }).click();
  await waitForHydration(holder);
  await holder.getByLabel("Amount (USD)").fill((invoice.amount_cents / 100).toFixed(2));
  await holder.getByLabel("Name on card").fill("Hank Holder");
  await holder.getByLabel("Card number").fill("4242 4242 4242 4242");
  await holder.getByRole("button", { name: /^Pay/ }).click();
  await expect(holder.getByRole("status")).toContainText("received and posted to the ledger.");
}

type InvoiceRow = { id: string; invoice_number: string; amount_cents: number; due: string };

async function firstInvoice(policyId: string): Promise<InvoiceRow> {
  const [invoice] = await queryE2eDatabase<InvoiceRow>(
    `SELECT id, invoice_number, amount_cents, DATE_FORMAT(due_date, '%Y-%m-%d') AS due
       FROM invoices WHERE policy_id = ? ORDER BY due_date, invoice_number LIMIT 1`,
    [policyId],
  );
  expect(invoice).toBeDefined();
  return invoice!;
}

test("an unpaid installment draws a notice, the policy cancels for non-payment, and payment within 30 days reinstates it", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const producer = await person(browser, "producer@summit.demo", /\/producer$/);
  const effective = daysFromToday(12);
  await fileAndQuote(producer, {
    ...LONE_STAR_ROOFING_GL,
    exposure: "750,000",
    effective,
  });
  const policyId = await bindToPolicy(producer, { plan: "QUARTERLY" });
  await waitUntilIssued(policyId);
  const installment = await firstInvoice(policyId);

  // The day after the first installment falls due unpaid, the job's notice step sends the notice:
  // once, however often it runs that day. Only this journey's policy is taken through the chain,
  // so the demo policies and the other journeys' policies are left as they are.
  const noticeDay = addDays(installment.due, 1);
  type Noticed = { overdue: { invoiceId: string; overdueCents: number }[]; issued: boolean[] };
  const noticed = await runServicingJob<Noticed>("notice", "org_summit", policyId, noticeDay);
  expect(noticed).toEqual({
    overdue: [expect.objectContaining({ invoiceId: installment.id, overdueCents: installment.amount_cents })],
    issued: [true],
  });
  // The same day again: the invoice has its notice, nothing more is sent.
  expect(await runServicingJob<Noticed>("notice", "org_summit", policyId, noticeDay)).toEqual({
    overdue: [],
    issued: [],
  });
  const [notice] = await queryE2eDatabase<{ id: string; effective_on: string }>(
    `SELECT id, DATE_FORMAT(effective_on, '%Y-%m-%d') AS effective_on FROM policy_notices
      WHERE policy_id = ? AND kind = 'non_payment'`,
    [policyId],
  );
  // Ten days' notice, counted from the day it is sent, and never before the policy starts.
  const tenDays = addDays(noticeDay, 10);
  expect(notice!.effective_on).toBe(tenDays.localeCompare(effective) < 0 ? effective : tenDays);

  // The policyholder sees the notice on the policy and opens its PDF.
  const holder = await person(browser, "policyholder@summit.demo", /\/portal$/);
  await holder.goto(`/portal/policies/${policyId}`);
  const notices = holder.getByRole("table", { name: "Notices of cancellation and non-renewal" });
  await expect(notices).toContainText("non-payment (non payment)");
  await expect(notices).toContainText("pending");
  const pdf = holder.waitForEvent("download");
  await notices.getByRole("link", { name: "PDF" }).click();
  const bytes = await readFile((await (await pdf).path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // On the notice's date, still unpaid, the job cancels the policy.
  const executed = await runServicingJob<{ outcomes: string[] }>(
    "execute",
    "org_summit",
    policyId,
    notice!.effective_on,
  );
  expect(executed).toEqual({ outcomes: ["cancelled"] });
  const underwriter = await person(browser, "underwriter@summit.demo", /\/uw$/);
  await underwriter.goto(`/uw/policies/${policyId}`);
  await expect(policyStatus(underwriter)).toHaveText("cancelled");
  await expect(underwriter.getByTestId("transaction-2")).toHaveText("cancellation");
  await expect(underwriter.getByRole("table", { name: "Notices of cancellation and non-renewal" })).toContainText(
    "executed",
  );

  // Paying the overdue installment within 30 days reinstates the policy without a lapse.
  await payInPortal(holder, installment);
  await holder.goto(`/portal/policies/${policyId}`);
  await expect(policyStatus(holder)).toHaveText("issued");
  await underwriter.reload();
  await expect(policyStatus(underwriter)).toHaveText("issued");
  await expect(underwriter.getByTestId("transaction-3")).toHaveText("reinstatement");
  const [reinstatement] = await queryE2eDatabase<{ effective: string; premium_cents: number }>(
    `SELECT DATE_FORMAT(effective_date, '%Y-%m-%d') AS effective, premium_cents FROM policy_transactions
      WHERE policy_id = ? AND type = 'reinstatement'`,
    [policyId],
  );
  // No lapse: the reinstatement takes effect on the cancellation's own date and undoes its premium.
  const [cancellation] = await queryE2eDatabase<{ premium_cents: number }>(
    "SELECT premium_cents FROM policy_transactions WHERE policy_id = ? AND type = 'cancellation'",
    [policyId],
  );
  expect(reinstatement!.effective).toBe(notice!.effective_on);
  expect(cancellation!.premium_cents).toBeLessThan(0);
  expect(reinstatement!.premium_cents + cancellation!.premium_cents).toBe(0);
});

test("a policyholder's cancellation of a paid policy, applied by an underwriter, moves the ledger finance reads", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const producer = await person(browser, "producer@summit.demo", /\/producer$/);
  const today = daysFromToday(0);
  await fileAndQuote(producer, {
    ...LONE_STAR_ROOFING_GL,
    exposure: "650,000",
    effective: today,
  });
  const policyId = await bindToPolicy(producer, { plan: "PIF" });
  await waitUntilIssued(policyId);
  const invoice = await firstInvoice(policyId);

  // Paid in full, then cancelled at the insured's request on the day it starts.
  const holder = await person(browser, "policyholder@summit.demo", /\/portal$/);
  await payInPortal(holder, invoice);
  await holder.goto(`/portal/policies/${policyId}`);
  await waitForHydration(holder);
  await holder.getByLabel("Reason").selectOption("insured_request");
  await holder.getByLabel("Cancellation date").fill(today);
  await holder.getByRole("button", { name: "Show the return" }).click();
  const preview = holder.getByTestId("cancellation-preview");
  // Cancelled on the day it starts, nothing was earned: the whole premium, taxes and fees return.
  await expect(preview).toContainText("Flat cancellation");
  const totalReturn = cents(
    await preview
      .getByRole("row", { name: /Total returned to the insured/ })
      .locator("td")
      .nth(2)
      .innerText(),
  );
  await holder.getByRole("button", { name: "Send the cancellation request" }).click();
  await expect(holder.getByText("Your cancellation request is sent")).toBeVisible();

  const underwriter = await person(browser, "underwriter@summit.demo", /\/uw$/);
  await underwriter.goto(`/uw/policies/${policyId}`);
  await waitForHydration(underwriter);
  await underwriter.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(underwriter.getByText("The request is applied.")).toBeVisible();
  await expect(policyStatus(underwriter)).toHaveText("cancelled");
  const credit = cents(
    await underwriter
      .getByRole("table", { name: "Money owed back on this policy" })
      .locator("tbody td")
      .first()
      .innerText(),
  );
  // Paid in full, so everything the step-by-step return showed is owed back.
  expect(credit).toBeGreaterThan(0);
  expect(credit).toBe(totalReturn);

  // Finance sees the return on the policy and its transfers in the journal: the five return legs
  // (premium from the carrier, commission clawed back from the producer, the MGA's commission,
  // fees, taxes) add up to the credit owed to the insured.
  const finance = await person(browser, "finance@summit.demo", /\/finance$/);
  await finance.goto(`/finance/policies/${policyId}`);
  await expect(finance.getByRole("table", { name: "Money owed back on this policy" })).toContainText(
    `$${(credit / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
  );
  await finance.goto(`/finance/journal?policy=${policyId}`);
  const journal = finance.getByRole("table", { name: "Journal entries" });
  await expect(journal).toContainText("RETURN_PREMIUM");
  await expect(journal).toContainText("commission clawback");
  const returned: string[] = [];
  for (const row of await journal.locator("tbody tr").all()) {
    const cells = row.locator("td");
    if (/^11[0-4] /.test((await cells.nth(4).innerText()).trim())) returned.push(await cells.nth(3).innerText());
  }
  expect(returned.length).toBeGreaterThanOrEqual(2);
  expect(returned.map(cents).reduce((sum, amount) => sum + amount, 0)).toBe(credit);
  await finance.goto("/finance/reconciliation");
  await expect(finance.getByText("No breaks: the database and the ledger agree.")).toBeVisible();
});
