import { expect, type Page, test } from "./fixtures.ts";
import { queryE2eDatabase } from "./database.ts";
import {
  cents,
  expectNoBreaks,
  expectedMovement,
  invoiceMovement,
  policyFigures,
  withEveryAccount,
} from "./ledger-legs.ts";
import { signIn, waitForHydration } from "./demo-users.ts";
import { daysFromToday } from "./dates.ts";
import { bindToPolicy, fileAndQuote, LONE_STAR_ROOFING_GL } from "./producer-quotes.ts";

// A producer binds a policy for the demo policyholder's business on the quarterly plan; the
// policyholder pays its first installment with the test card in /portal; finance sees the
// payment split on the ledger exactly as the policy's own figures say (cumulative share, ADR 018)
// and the trial balance still balanced. The journey reads the transfers of its own invoice: the
// org's balances move with every other journey's payments at the same time (a $1.00 check of the
// double-sent form test below once landed between two readings).

async function trialBalance(page: Page) {
  await page.goto("/finance/ledger");
  await expect(page.getByRole("heading", { name: "Trial balance" })).toBeVisible();
  await expect(page.getByText("debits = credits")).toBeVisible();
  const debits = cents(await page.getByTestId("trial-debits").innerText());
  expect(cents(await page.getByTestId("trial-credits").innerText())).toBe(debits);
}

test("bind, pay the first installment in the portal, and finance sees the ledger move", async ({ browser }) => {
  // Three browsers, a bind and a payment: over a minute on a loaded two-core machine.
  test.setTimeout(300_000);
  const producer = await (await browser.newContext()).newPage();
  await signIn(producer, "producer@summit.demo");
  await fileAndQuote(producer, {
    ...LONE_STAR_ROOFING_GL,
    exposure: "1,200,000",
    effective: daysFromToday(12),
  });
  const policyId = await bindToPolicy(producer, { plan: "QUARTERLY" });
  const policyNumber = (await producer.locator("h2 .font-mono").textContent())!.trim();

  const finance = await (await browser.newContext()).newPage();
  await signIn(finance, "finance@summit.demo");
  await expect(finance).toHaveURL(/\/finance$/);
  await trialBalance(finance);

  const holder = await (await browser.newContext()).newPage();
  await signIn(holder, "policyholder@summit.demo");
  await expect(holder).toHaveURL(/\/portal$/);
  const invoiceRow = holder
    .getByRole("table", { name: "My invoices" })
    .getByRole("row", { name: new RegExp(policyNumber) });
  await expect(invoiceRow).toHaveCount(1);
  const invoiceNumber = (await invoiceRow.locator("a.font-mono").innerText()).trim();
  await invoiceRow.getByRole("link", { name: `Pay ${invoiceNumber}` }).click();
  await expect(holder.getByRole("heading", { name: `Invoice ${invoiceNumber}` })).toBeVisible();
  await waitForHydration(holder);
  // The form offers what is still owed, as dollars and cents.
  const [dollars, pennies] = (await holder.getByLabel("Amount (USD)").inputValue()).split(".");
  const owed = Number(dollars) * 100 + Number(pennies);

  // Bad input first: more than is owed, then a card that is not a test card. Nothing is recorded.
  await holder.getByLabel("Amount (USD)").fill(((owed + 1) / 100).toFixed(2));
  await holder.getByLabel("Name on card").fill("Hank Holder");
  await holder.getByLabel("Card number").fill("4242 4242 4242 4242");
  await holder.getByRole("button", { name: /^Pay/ }).click();
  await expect(holder.getByText(`more than the ${owed} cents still owed`)).toBeVisible();
  await holder.getByLabel("Amount (USD)").fill((owed / 100).toFixed(2));
  await holder.getByLabel("Card number").fill("5555 5555 5555 4444");
  await holder.getByRole("button", { name: /^Pay/ }).click();
  await expect(holder.getByText("Only test cards are accepted here")).toBeVisible();

  await holder.getByLabel("Card number").fill("4242 4242 4242 4242");
  await holder.getByRole("button", { name: /^Pay/ }).click();
  await expect(holder.getByRole("status")).toContainText("received and posted to the ledger.");
  // Paid: the page is now a receipt (payment date, amount, method) with a way back.
  await expect(holder).toHaveTitle(`Receipt for ${invoiceNumber} · OpenInsure`);
  const receipt = holder.getByRole("table", { name: `Payments received for invoice ${invoiceNumber}` });
  await expect(receipt).toContainText("Card (test) · test card •••• 4242");
  await holder.getByRole("link", { name: "Back to my policies and invoices" }).click();
  await expect(holder).toHaveURL(/\/portal$/);
  await expect(
    holder.getByRole("table", { name: "My invoices" }).getByRole("row", { name: new RegExp(invoiceNumber) }),
  ).toContainText("paid");

  // The worked example: the first receipt of the policy, split by each part's share of its total.
  const [invoice] = await queryE2eDatabase<{ id: string }>(
    "SELECT id FROM invoices WHERE org_id = 'org_summit' AND invoice_number = ?",
    [invoiceNumber],
  );
  const expected = expectedMovement(await policyFigures(policyId), 0, owed);
  expect(expected.byAccount.PRODUCER_PAYABLE).toBeGreaterThan(0);
  expect(expected.byAccount.CARRIER_PAYABLE).toBeGreaterThan(0);
  const moved = await invoiceMovement(finance, invoice!.id, expected.transfers);
  expect(withEveryAccount(moved.byAccount, expected.byAccount)).toEqual(expected.byAccount);
  expect(moved.total).toBe(owed);
  await trialBalance(finance);

  // The journal of the invoice holds its legs, with drill-down to the invoice and the policy.
  await finance.goto("/finance");
  await finance.getByRole("link", { name: invoiceNumber }).click();
  await expect(finance.getByTestId("invoice-balance")).toHaveText("$0.00");
  await finance.getByRole("link", { name: "Journal of this invoice" }).click();
  const rows = finance.getByRole("table", { name: "Journal entries" }).locator("tbody tr");
  await expect(rows.filter({ hasText: "net to carrier" })).toContainText("CARRIER_PAYABLE");
  await expect(rows.filter({ hasText: "producer commission" })).toContainText("PRODUCER_PAYABLE");
  await rows.first().getByRole("link", { name: policyNumber }).click();
  await expect(finance).toHaveURL(/\/finance\/policies\/pol_/);
  await expect(
    finance.getByRole("table", { name: "Invoices of this policy" }).getByRole("link", { name: invoiceNumber }),
  ).toBeVisible();

  await expectNoBreaks(finance);
});

test("finance records a payment against an invoice and the ledger stays in balance", async ({ page }) => {
  await signIn(page, "finance@lakeshore.demo");
  await expect(page).toHaveURL(/\/finance$/);
  await page.getByRole("link", { name: "INV-2026-00002" }).click();
  await waitForHydration(page);
  await page.getByLabel("Amount (USD)").fill("-5");
  await page.getByLabel("Method").selectOption("check");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("The amount must be more than zero")).toBeVisible();
  await page.getByLabel("Amount (USD)").fill("1,000.00");
  await page.getByLabel("Reference").fill("Check 5512");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByRole("status")).toContainText("$1,000.00 received and posted to the ledger.");
  // pol_b_1's second payment: $3,123.34 / 2 = $1,561.67 (ADR 028), less the $1,000.00 received.
  await expect(page.getByTestId("invoice-balance")).toHaveText("$561.67");

  await page.goto("/finance/ledger");
  await expect(page.getByText("debits = credits")).toBeVisible();
});

test("another organization's finance cannot open this one's invoices or journal entries", async ({ page }) => {
  await signIn(page, "finance@lakeshore.demo");
  await expect(page).toHaveURL(/\/finance$/);
  expect((await page.request.get("/finance/invoices/inv_a_1")).status()).toBe(404);
  expect((await page.request.get("/finance/policies/pol_a_1")).status()).toBe(404);
  await page.goto("/finance/journal?invoice=inv_a_1");
  await expect(page.getByText("No transfers match.")).toBeVisible();
  await page.goto("/finance/journal?policy=pol_a_1");
  await expect(page.getByText("No transfers match.")).toBeVisible();
});

test("another organization's policyholder cannot open or pay this one's invoice", async ({ page }) => {
  await signIn(page, "policyholder@lakeshore.demo");
  await expect(page).toHaveURL(/\/portal$/);
  expect((await page.request.get("/portal/invoices/inv_a_4")).status()).toBe(404);
  const pay = await page.request.post("/portal/invoices/inv_a_4", {
    form: { amount: "1.00", nameOnCard: "Gil", cardNumber: "4242424242424242" },
  });
  expect(pay.status()).toBe(404);
});

test("a double-sent Record payment form records one payment (one-time form token)", async ({ page }) => {
  await signIn(page, "finance@summit.demo");
  await expect(page).toHaveURL(/\/finance$/);
  await page.goto("/finance/invoices/inv_a_4");
  const token = await page.locator('input[name="formToken"]').getAttribute("value");
  expect(token).toBeTruthy();
  const count = async () =>
    Number(
      (
        await queryE2eDatabase<{ n: number }>(
          "SELECT COUNT(*) AS n FROM payments WHERE org_id = 'org_summit' AND invoice_id = 'inv_a_4'",
        )
      )[0]!.n,
    );
  const before = await count();
  const send = () =>
    page.request.post("/finance/invoices/inv_a_4", {
      form: { amount: "1.00", method: "check", reference: "double click", formToken: token! },
    });
  const answers = await Promise.all([send(), send()]);
  expect(answers.map((a) => a.status())).toEqual([200, 200]);
  expect(await count()).toBe(before + 1);
  // Without its token the form is refused rather than acted on.
  expect(
    (await page.request.post("/finance/invoices/inv_a_4", { form: { amount: "1.00", method: "check" } })).status(),
  ).toBe(400);
});
