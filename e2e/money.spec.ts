import { expect, type Page, test } from "./fixtures.ts";
import { chooseInsured } from "./insureds.ts";
import { randomBytes } from "node:crypto";
import { createDatabase } from "../db/client.ts";
import { startPlanetScaleSimulator } from "../db/local/planetscale-simulator.ts";
import { runDailyBilling } from "../app/services/billing/billing-run.server.ts";
import { addMonths, addDays } from "../app/utils/calendar-date.ts";
import { queryE2eDatabase } from "./database.ts";
import { signIn, waitForHydration } from "./demo-users.ts";
import { answerKnockoutQuestions } from "./knockouts.ts";

// Money after bind (issue 13, ADR 018): a quarterly policy's second installment is invoiced by
// the daily billing run, paid in the portal and appears on the agency's commission statement;
// finance approves and pays the statement and the producer payable falls by it; a payment the
// bank returns reopens its invoice.

function todayPlus(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function cents(text: string): number {
  const match = /^(-)?\$([\d,]+)\.(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`not an amount: ${text}`);
  return (match[1] ? -1 : 1) * Number(match[2]!.replaceAll(",", "") + match[3]);
}

async function producerPayable(page: Page) {
  await page.goto("/finance/ledger");
  return cents(await page.locator('[data-account="PRODUCER_PAYABLE"]').innerText());
}

/** The daily billing run on `today`, as the cron runs it, against the e2e stack's database. */
async function runBillingOn(today: string) {
  const password = randomBytes(12).toString("hex");
  const simulator = await startPlanetScaleSimulator({
    mysql: {
      host: "127.0.0.1",
      port: Number(process.env.E2E_DB_PORT),
      user: "root",
      password: "",
      database: "openinsure_e2e",
    },
    username: "e2e",
    password,
  });
  try {
    return await runDailyBilling(createDatabase(simulator.url), today, { orgId: "org_summit" });
  } finally {
    await simulator.close();
  }
}

test("the second installment is invoiced by the run, paid in the portal, statemented, approved and paid; a return reopens it", async ({
  browser,
}) => {
  // Three browsers, a bind, two billing runs and payouts: minutes on a loaded two-core machine.
  test.setTimeout(600_000);
  const producer = await (await browser.newContext()).newPage();
  await signIn(producer, "producer@summit.demo");
  await producer.getByRole("link", { name: "New submission" }).click();
  await waitForHydration(producer);
  await chooseInsured(producer, "Lone Star Roofing LLC (TX)");
  await producer.getByLabel("Program").selectOption({ label: "Main Street General Liability · GL" });
  await producer.getByLabel("NAICS class code").fill("561730");
  await producer.getByLabel("Annual revenue (GL) or payroll (WC), $").fill("900,000");
  const effective = todayPlus(12);
  await producer.getByLabel("Effective date").fill(effective);
  await answerKnockoutQuestions(producer, "prg_summit_gl");
  await producer.getByRole("button", { name: "Submit and quote" }).click();
  await expect(producer).toHaveURL(/\/producer\/submissions\/sub_/);
  const option = producer.getByRole("region", { name: "Option 1" });
  await option.getByLabel("Payment plan").selectOption("QUARTERLY");
  for (const [i, carrier] of ["Travelers", "The Hartford", "Nationwide"].entries()) {
    await option.getByLabel(`Declining carrier ${i + 1}`).fill(carrier);
  }
  await option.getByRole("button", { name: "Bind this option" }).click();
  await expect(producer).toHaveURL(/\/producer\/policies\/pol_/);
  const policyId = /\/producer\/policies\/(pol_[^/?#]+)/.exec(producer.url())![1]!;

  // Bind invoiced the first installment only; the run invoices the second 20 days before it is due.
  const secondDue = addMonths(effective, 3);
  expect((await runBillingOn(addDays(secondDue, -21))).invoiced).toBe(0);
  expect((await runBillingOn(addDays(secondDue, -20))).invoiced).toBe(1);
  const [second] = await queryE2eDatabase<{ id: string; invoice_number: string; amount_cents: number }>(
    `SELECT i.id, i.invoice_number, i.amount_cents FROM invoices i
       JOIN installments s ON s.org_id = i.org_id AND s.invoice_id = i.id
      WHERE s.policy_id = ? AND s.number = 2`,
    [policyId],
  );
  expect(second).toBeDefined();

  const finance = await (await browser.newContext()).newPage();
  await signIn(finance, "finance@summit.demo");
  await expect(finance).toHaveURL(/\/finance$/);
  const payableBefore = await producerPayable(finance);

  // The policyholder pays it in the portal with the test card.
  const holder = await (await browser.newContext()).newPage();
  await signIn(holder, "policyholder@summit.demo");
  await expect(holder).toHaveURL(/\/portal$/);
  const row = holder
    .getByRole("table", { name: "My invoices" })
    .getByRole("row", { name: new RegExp(second!.invoice_number) });
  await row.getByRole("link", { name: `Pay ${second!.invoice_number}` }).click();
  await waitForHydration(holder);
  await holder.getByLabel("Amount (USD)").fill((second!.amount_cents / 100).toFixed(2));
  await holder.getByLabel("Name on card").fill("Hank Holder");
  await holder.getByLabel("Card number").fill("4242 4242 4242 4242");
  await holder.getByRole("button", { name: /^Pay/ }).click();
  await expect(holder.getByRole("status")).toContainText("received and posted to the ledger.");
  const payableAfterPayment = await producerPayable(finance);
  expect(payableAfterPayment).toBeGreaterThan(payableBefore);

  // The month's statement carries the new business; finance approves and pays it.
  const period = new Date().toISOString().slice(0, 7);
  await finance.goto(`/finance/statements?period=${period}`);
  await waitForHydration(finance);
  await finance.getByRole("button", { name: `Build or refresh ${period}` }).click();
  await expect(finance.getByRole("status")).toContainText(`Statements for ${period} built`);
  const harbor = finance
    .getByRole("table", { name: `Commission statements for ${period}` })
    .getByRole("row", { name: /Harbor/ });
  const commission = cents(await harbor.locator("td").nth(3).innerText());
  expect(commission).toBeGreaterThan(0);
  await harbor.getByRole("link").click();
  await expect(finance.getByRole("table", { name: "Transactions on this statement" })).toContainText("new business");
  await finance.goBack();
  await harbor.getByRole("button", { name: "Approve" }).click();
  await expect(finance.getByRole("status")).toContainText("Statement approved");
  await harbor.getByRole("button", { name: "Pay" }).click();
  await expect(finance.getByRole("status")).toContainText(`Commission of`);
  await expect(harbor).toContainText("paid");
  expect(await producerPayable(finance)).toBe(payableAfterPayment - commission);

  // The agency's admins see their agency's statements in the producer area.
  const agencyAdmin = await (await browser.newContext()).newPage();
  await signIn(agencyAdmin, "agency.admin@summit.demo");
  await expect(agencyAdmin).toHaveURL(/\/producer$/);
  await agencyAdmin.goto("/producer/statements");
  await expect(
    agencyAdmin.getByRole("table", { name: "Commission statements" }).locator("tbody tr").first(),
  ).toBeVisible();

  // The bank returns the payment: reversed on the ledger, the invoice is open again.
  await finance.goto(`/finance/invoices/${second!.id}`);
  await waitForHydration(finance);
  await expect(finance.getByTestId("invoice-balance")).toHaveText("$0.00");
  await finance.getByLabel("Why the bank returned it").fill("NSF");
  await finance.getByRole("button", { name: "Mark returned" }).click();
  await expect(finance.getByText("Payment returned: its transfers are reversed")).toBeVisible();
  await expect(finance.getByTestId("invoice-balance")).toHaveText(
    `$${(second!.amount_cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
  );
  await finance.goto("/finance/reconciliation");
  await expect(finance.getByText("No breaks: the database and the ledger agree.")).toBeVisible();
});
