import { type Browser, expect, type Page, test } from "./fixtures.ts";
import { createDatabase } from "../db/client.ts";
import { invoiceInstallmentsDue } from "../app/services/billing/billing-run.server.ts";
import { ACCOUNT } from "../app/services/ledger/chart.ts";
import { addMonths, addDays } from "../app/utils/calendar-date.ts";
import { queryE2eDatabase, withE2eDatabaseUrl } from "./database.ts";
import { signIn, waitForHydration } from "./demo-users.ts";
import {
  cents,
  expectNoBreaks,
  expectedMovement,
  invoiceMovement,
  policyFigures,
  withEveryAccount,
} from "./ledger-legs.ts";
import { daysFromToday } from "./dates.ts";
import { bindToPolicy, fileAndQuote, LONE_STAR_ROOFING_GL } from "./producer-quotes.ts";

// Money after bind (issue 13, ADR 018): a quarterly policy's second installment is invoiced by
// the daily billing run, paid in the portal and its new business appears on the agency's
// commission statement; finance approves and pays the statement; a payment the bank returns
// reopens its invoice. Each journey binds its own policy and checks the transfers of its own
// invoices and statement: the org's balances move with every other journey's money meanwhile.

/**
 * The invoicing half of the daily billing run on `today`, as the cron runs it, against the e2e
 * stack's database. The overdue half is left out: run on a date months ahead it would mark every
 * other journey's open invoice overdue.
 */
async function invoiceDueOn(today: string) {
  return withE2eDatabaseUrl((url) => invoiceInstallmentsDue(createDatabase(url), today, { orgId: "org_summit" }));
}

/** Binds a fresh quarterly policy for the demo policyholder's business, effective `effective`. */
async function bindQuarterly(browser: Browser, effective: string, revenue: string) {
  const producer = await (await browser.newContext()).newPage();
  await signIn(producer, "producer@summit.demo");
  await fileAndQuote(producer, {
    ...LONE_STAR_ROOFING_GL,
    exposure: revenue,
    effective,
  });
  const policyId = await bindToPolicy(producer, { plan: "QUARTERLY" });
  const policyNumber = (await producer.locator("h2 .font-mono").textContent())!.trim();
  await producer.context().close();
  return { policyId, policyNumber };
}

async function installmentInvoice(policyId: string, number: number) {
  const [row] = await queryE2eDatabase<{ id: string | null; invoice_number: string | null; amount_cents: number }>(
    `SELECT i.id, i.invoice_number, s.amount_cents FROM installments s
       LEFT JOIN invoices i ON i.org_id = s.org_id AND i.id = s.invoice_id
      WHERE s.policy_id = ? AND s.number = ?`,
    [policyId, number],
  );
  return row!;
}

async function outboxEvents(type: string, invoiceId: string) {
  const [row] = await queryE2eDatabase<{ n: number }>(
    `SELECT COUNT(*) AS n FROM outbox_events
      WHERE org_id = 'org_summit' AND type = ? AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.invoiceId')) = ?`,
    [type, invoiceId],
  );
  return Number(row!.n);
}

/** The policyholder pays the whole invoice with the test card in the portal. */
async function payInPortal(holder: Page, invoiceNumber: string, amountCents: number) {
  await holder.goto("/portal");
  const row = holder.getByRole("table", { name: "My invoices" }).getByRole("row", { name: new RegExp(invoiceNumber) });
  await row.getByRole("link", { name: `Pay ${invoiceNumber}` }).click();
  await waitForHydration(holder);
  await holder.getByLabel("Amount (USD)").fill((amountCents / 100).toFixed(2));
  await holder.getByLabel("Name on card").fill("Hank Holder");
  await holder.getByLabel("Card number").fill("4242 4242 4242 4242");
  await holder.getByRole("button", { name: /^Pay/ }).click();
  await expect(holder.getByRole("status")).toContainText("received and posted to the ledger.");
}

test("a quarterly policy's second installment is invoiced by the run, paid in the portal, statemented, approved and paid", async ({
  browser,
}) => {
  // Three browsers, a bind, two billing runs and a payout: minutes on a loaded two-core machine.
  test.setTimeout(600_000);
  // Effective tomorrow: no other journey's installment falls due by this policy's second, so
  // the run on that date invoices nothing another journey counts on.
  const effective = daysFromToday(1);
  const { policyId, policyNumber } = await bindQuarterly(browser, effective, "900,000");
  const figures = await policyFigures(policyId);

  // Bind invoiced the first installment only; the run invoices the second 20 days before it is due.
  const secondDue = addMonths(effective, 3);
  await invoiceDueOn(addDays(secondDue, -21));
  expect((await installmentInvoice(policyId, 2)).id).toBeNull();
  await invoiceDueOn(addDays(secondDue, -20));
  const second = await installmentInvoice(policyId, 2);
  expect(second.id).not.toBeNull();
  expect(await outboxEvents("invoice.generated", second.id!)).toBe(1);
  // Run again the same day: idempotent, nothing invoiced twice.
  await invoiceDueOn(addDays(secondDue, -20));
  expect(await outboxEvents("invoice.generated", second.id!)).toBe(1);

  const holder = await (await browser.newContext()).newPage();
  await signIn(holder, "policyholder@summit.demo");
  await expect(holder).toHaveURL(/\/portal$/);
  await payInPortal(holder, second.invoice_number!, second.amount_cents);

  // The worked example: the policy's first receipt is the second installment, split by each
  // part's cumulative share of the policy's own figures; the trust account takes it all.
  const finance = await (await browser.newContext()).newPage();
  await signIn(finance, "finance@summit.demo");
  await expect(finance).toHaveURL(/\/finance$/);
  const expected = expectedMovement(figures, 0, second.amount_cents);
  expect(expected.byAccount.PRODUCER_PAYABLE).toBeGreaterThan(0);
  const moved = await invoiceMovement(finance, second.id!, expected.transfers);
  expect(withEveryAccount(moved.byAccount, expected.byAccount)).toEqual(expected.byAccount);
  expect(moved.byAccount.MGA_FIDUCIARY).toBe(-second.amount_cents);

  // The month's statement carries the new business at the policy's own commission; finance
  // approves and pays it, and the payout takes exactly the statement's commission out of the
  // producer payable into the trust account.
  const period = new Date().toISOString().slice(0, 7);
  await finance.goto(`/finance/statements?period=${period}`);
  await waitForHydration(finance);
  await finance.getByRole("button", { name: `Build or refresh ${period}` }).click();
  await expect(finance.getByRole("status")).toContainText(`Statements for ${period} built`);
  const harbor = finance
    .getByRole("table", { name: `Commission statements for ${period}` })
    .getByRole("row", { name: /Harbor/ });
  const commission = cents(await harbor.locator("td").nth(3).innerText());
  await harbor.getByRole("link").click();
  const line = finance
    .getByRole("table", { name: "Transactions on this statement" })
    .getByRole("row", { name: new RegExp(policyNumber) });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText("new business");
  expect(cents(await line.locator("td").nth(6).innerText())).toBe(figures.producer);
  const statementId = /\/finance\/statements\/([^/?#]+)/.exec(finance.url())![1]!;
  await finance.goBack();
  await harbor.getByRole("button", { name: "Approve" }).click();
  await expect(finance.getByRole("status")).toContainText("Statement approved");
  await harbor.getByRole("button", { name: "Pay" }).click();
  await expect(finance.getByRole("status")).toContainText("Commission of");
  await expect(harbor).toContainText("paid");
  const payout = await queryE2eDatabase<{
    leg: string;
    debit_account: number;
    credit_account: number;
    amount_cents: number;
    status: string;
  }>(
    `SELECT e.leg, e.debit_account, e.credit_account, e.amount_cents, p.status
       FROM commission_statements c
       JOIN ledger_postings p ON p.org_id = c.org_id AND p.id = c.payout_posting_id
       JOIN ledger_entries e ON e.org_id = p.org_id AND e.posting_id = p.id
      WHERE c.id = ?`,
    [statementId],
  );
  expect(payout).toEqual([
    {
      leg: "commission_payout",
      debit_account: ACCOUNT.PRODUCER_PAYABLE,
      credit_account: ACCOUNT.MGA_FIDUCIARY,
      amount_cents: commission,
      status: "posted",
    },
  ]);

  // The agency's admins see their agency's statements in the producer area.
  const agencyAdmin = await (await browser.newContext()).newPage();
  await signIn(agencyAdmin, "agency.admin@summit.demo");
  await expect(agencyAdmin).toHaveURL(/\/producer$/);
  await agencyAdmin.goto("/producer/statements");
  await expect(
    agencyAdmin.getByRole("table", { name: "Commission statements" }).locator("tbody tr").first(),
  ).toBeVisible();

  await expectNoBreaks(finance);
});

test("a payment the bank returns (NSF) is reversed on the ledger and reopens its invoice", async ({ browser }) => {
  test.setTimeout(300_000);
  const { policyId, policyNumber } = await bindQuarterly(browser, daysFromToday(6), "750,000");
  const first = await installmentInvoice(policyId, 1);
  expect(first.id).not.toBeNull();

  const holder = await (await browser.newContext()).newPage();
  await signIn(holder, "policyholder@summit.demo");
  await expect(holder).toHaveURL(/\/portal$/);
  const invoiceRow = holder
    .getByRole("table", { name: "My invoices" })
    .getByRole("row", { name: new RegExp(policyNumber) });
  await expect(invoiceRow).toHaveCount(1);
  await expect(invoiceRow).toContainText(first.invoice_number!);
  await payInPortal(holder, first.invoice_number!, first.amount_cents);

  const finance = await (await browser.newContext()).newPage();
  await signIn(finance, "finance@summit.demo");
  await expect(finance).toHaveURL(/\/finance$/);
  await finance.goto(`/finance/invoices/${first.id}`);
  await waitForHydration(finance);
  await expect(finance.getByTestId("invoice-balance")).toHaveText("$0.00");
  await expect(finance.getByTestId("invoice-status")).toHaveText("paid");

  await finance.getByLabel("Why the bank returned it").fill("NSF");
  await finance.getByRole("button", { name: "Mark returned" }).click();
  await expect(finance.getByText("Payment returned: its transfers are reversed")).toBeVisible();
  const owed = `$${(first.amount_cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
  await expect(finance.getByTestId("invoice-balance")).toHaveText(owed);
  // Due in six days: open again rather than overdue.
  await expect(finance.getByTestId("invoice-status")).toHaveText("invoiced");
  await expect(finance.getByRole("button", { name: "Mark returned" })).toHaveCount(0);
  expect(await outboxEvents("payment.failed", first.id!)).toBe(1);

  // Every part gives back exactly what the payment gave it: the invoice's transfers net to zero.
  const expected = expectedMovement(await policyFigures(policyId), 0, first.amount_cents);
  const moved = await invoiceMovement(finance, first.id!, 2 * expected.transfers);
  expect(moved.total).toBe(2 * first.amount_cents);
  const zero = Object.fromEntries(Object.keys(expected.byAccount).map((account) => [account, 0]));
  expect(withEveryAccount(moved.byAccount, zero)).toEqual(zero);

  // The policyholder sees it owed again and can pay it.
  await holder.goto("/portal");
  await expect(invoiceRow).toContainText("invoiced");
  await expect(invoiceRow.getByRole("link", { name: `Pay ${first.invoice_number}` })).toBeVisible();

  await expectNoBreaks(finance);
});
