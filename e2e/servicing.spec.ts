import { expect, test } from "./fixtures.ts";
import { signIn } from "./demo-users.ts";
import { daysFromToday } from "./dates.ts";
import { bindToPolicy, fileAndQuote, LONE_STAR_ROOFING_GL } from "./producer-quotes.ts";

// Issue 12: a policy serviced after bind. A producer binds; a senior underwriter raises the limit
// mid-term (priced with its segments and rating trail, applied, the additional premium invoiced,
// the endorsement PDF downloaded); the policyholder asks to cancel and sees the return step by
// step; the underwriter applies the request, which issues the notice of cancellation.

test("endorse a limit mid-term, then a policyholder's cancellation request applied by the underwriter", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const producer = await (await browser.newContext()).newPage();
  await signIn(producer, "producer@summit.demo");
  await fileAndQuote(producer, {
    ...LONE_STAR_ROOFING_GL,
    exposure: "1,200,000",
    effective: daysFromToday(12),
  });
  const policyId = await bindToPolicy(producer, { plan: "PIF" });

  const underwriter = await (await browser.newContext()).newPage();
  await signIn(underwriter, "senior.underwriter@summit.demo");
  await expect(underwriter).toHaveURL(/\/uw/);
  // The declarations are stored after the bind's response; then the policy is issued.
  await expect
    .poll(async () => {
      await underwriter.goto(`/uw/policies/${policyId}`);
      return underwriter.getByRole("heading", { name: "Endorse" }).count();
    })
    .toBe(1);
  await underwriter.getByLabel("Effective date").fill(daysFromToday(100));
  await underwriter.getByLabel("Occurrence limit (USD)").fill("2,000,000");
  await underwriter.getByLabel("Aggregate limit (USD)").fill("4,000,000");
  await underwriter.getByRole("button", { name: "Price the change" }).click();
  const quote = underwriter.getByTestId("endorsement-quote");
  await expect(quote).toContainText("Premium effect");
  await expect(quote).toContainText(/increased limit/i);
  await underwriter.getByRole("button", { name: "Apply the endorsement" }).click();
  await expect(underwriter.getByText("The endorsement is applied.")).toBeVisible();
  await expect(underwriter.getByTestId("transaction-2")).toHaveText("endorsement");
  const invoices = underwriter.getByRole("table", { name: "Invoices of this policy" });
  await expect(invoices.locator("tbody tr")).toHaveCount(2);
  const download = underwriter.waitForEvent("download");
  await underwriter
    .getByRole("table", { name: /transactions/ })
    .getByRole("link", { name: "PDF" })
    .nth(1)
    .click();
  expect((await download).suggestedFilename()).toMatch(/-2-endorsement\.pdf$/);

  const policyholder = await (await browser.newContext()).newPage();
  await signIn(policyholder, "policyholder@summit.demo");
  await expect(policyholder).toHaveURL(/\/portal/);
  await policyholder.goto(`/portal/policies/${policyId}`);
  await policyholder.getByLabel("Reason").selectOption("insured_request");
  await policyholder.getByLabel("Cancellation date").fill(daysFromToday(50));
  await policyholder.getByRole("button", { name: "Show the return" }).click();
  const preview = policyholder.getByTestId("cancellation-preview");
  await expect(preview).toContainText("Short-rate penalty");
  await expect(preview).toContainText("Commission clawed back from the producer");
  await policyholder.getByRole("button", { name: "Send the cancellation request" }).click();
  await expect(policyholder.getByText("Your cancellation request is sent")).toBeVisible();

  await underwriter.goto(`/uw/policies/${policyId}`);
  await underwriter.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(underwriter.getByText("The request is applied.")).toBeVisible();
  const notices = underwriter.getByRole("table", { name: "Notices of cancellation and non-renewal" });
  await expect(notices).toContainText("insured request");
  await expect(notices).toContainText("pending");
});
