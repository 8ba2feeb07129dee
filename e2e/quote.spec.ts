import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";
import { pageTexts } from "../tests/support/pdf-text.ts";
import { world } from "../db/seed/demo-data.ts";
import { signIn, waitForHydration } from "./demo-users.ts";
import { daysFromToday } from "./dates.ts";
import { bindOption, fileAndQuote, fillRisk, MAIN_STREET_GL } from "./producer-quotes.ts";

test("a producer files a submission, gets a priced quote and reads why it costs what it costs", async ({ page }) => {
  await signIn(page, "producer@summit.demo");
  await page.getByRole("link", { name: "New submission" }).click();
  await expect(page.getByRole("heading", { name: "New submission" })).toBeVisible();
  await waitForHydration(page);

  // One pass: every error at once, in a summary at the top whose links lead to the fields.
  await page.getByLabel("Program").selectOption({ label: "Main Street General Liability · GL" });
  await page.getByLabel("Effective date").fill(daysFromToday(-1));
  await page.getByLabel("Claims in the last 5 years").fill("-3");
  await page.getByRole("button", { name: "Submit and quote" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: /things to fix/ }) });
  await expect(summary.getByRole("link", { name: "Choose the insured" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "The effective date cannot be in the past" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "The number of claims cannot be negative" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Answer underwriting question 1 (yes or no)" })).toBeVisible();
  await summary.getByRole("link", { name: "The number of claims cannot be negative" }).click();
  await expect(page).toHaveURL(/#.*priorLossCount$/);
  await page.getByLabel("Claims in the last 5 years").fill("0");

  await fillRisk(page, {
    ...MAIN_STREET_GL,
    insured: "Red River Landscaping (OK)",
    naics: "561730",
    exposure: "2,400,000",
    effective: daysFromToday(10),
  });
  await page.getByRole("button", { name: "Submit and quote" }).click();

  await expect(page).toHaveURL(/\/producer\/submissions\/sub_/);
  await expect(page.getByRole("heading", { name: "Red River Landscaping" })).toBeVisible();
  const options = page.getByRole("region", { name: /^Option / });
  await expect(options).toHaveCount(3);
  await options.first().getByText("Why this price").click();
  const steps = options.first().getByRole("table", { name: "Rating steps" });
  await expect(steps.getByRole("row")).toHaveCount(1 + 9 + 1 + 2 + 1);
  await expect(steps).toContainText("Increased limit factor");
  await expect(steps).toContainText("Total due");

  await page.getByRole("button", { name: "Re-quote" }).click();
  await expect(page.getByText("1 earlier quote kept as history")).toBeVisible();
});

test("another organization's submission page is not found", async ({ page }) => {
  await signIn(page, "producer@lakeshore.demo");
  await expect(page).toHaveURL(/\/producer$/);
  expect((await page.goto("/producer/submissions/sub_b_1"))?.status()).toBe(200);
  expect((await page.goto("/producer/submissions/sub_a_1"))?.status()).toBe(404);
});

test("the producer binds a quoted option and downloads a declarations page naming the insured and premium", async ({
  page,
}) => {
  await signIn(page, "producer@summit.demo");
  await fileAndQuote(page, {
    ...MAIN_STREET_GL,
    insured: "Red River Landscaping (OK)",
    naics: "561730",
    exposure: "1,800,000",
    effective: daysFromToday(7),
  });

  const option = page.getByRole("region", { name: "Option 2" });
  const total = (await option.locator("p.font-mono").first().textContent())!.trim();
  await bindOption(page, { option: 2, plan: "PIF" });

  await expect(page).toHaveURL(/\/producer\/policies\/pol_/);
  const policyNumber = (await page.locator("h2 .font-mono").textContent())!.trim();
  expect(policyNumber).toMatch(/^SRU-GL-\d{4}-\d{6}$/);
  await expect(page.getByRole("heading", { level: 1, name: `Policy ${policyNumber}` })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Red River Landscaping" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Declarations page (PDF)" }).click();
  const file = await (await download).path();
  const text = (await pageTexts(new Uint8Array(readFileSync(file)))).flat().join("\n");
  expect(text).toContain("Red River Landscaping");
  expect(text).toContain(policyNumber);
  expect(text).toContain(total);
});

test("a stale page cannot bind a quote that was re-quoted since: QUOTE_SUPERSEDED, and the current quote is shown", async ({
  page,
}) => {
  await signIn(page, "producer@summit.demo");
  await fileAndQuote(page, {
    ...MAIN_STREET_GL,
    insured: "Red River Landscaping (OK)",
    naics: "561730",
    exposure: "1,500,000",
    effective: daysFromToday(8),
  });
  const submissionUrl = page.url();

  // Another tab re-quotes while this one still shows the first quote.
  const other = await page.context().newPage();
  await other.goto(submissionUrl);
  await other.getByRole("button", { name: "Re-quote" }).click();
  await expect(other.getByText("1 earlier quote kept as history")).toBeVisible();
  await other.close();

  await bindOption(page);
  await expect(page.getByRole("alert")).toContainText("QUOTE_SUPERSEDED");
  await expect(page).toHaveURL(submissionUrl);
  await expect(page.getByText("1 earlier quote kept as history")).toBeVisible();

  // A POST that names no action does nothing (it used to re-quote).
  expect((await page.request.post(submissionUrl, { form: { quoteOptionId: "x" } })).status()).toBe(400);
  await page.reload();
  await expect(page.getByText("1 earlier quote kept as history")).toBeVisible();
});

test("an expired quote cannot be bound and the page says why", async ({ page }) => {
  // The seeded quote expired weeks before the seed's today (the stack and this spec share SEED_TODAY).
  const expiresOn = world.quotes.expiresOn;
  const shown = new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(expiresOn));
  await signIn(page, "agency.admin@summit.demo");
  await page.getByRole("link", { name: "SUB-2026-0106" }).click();
  await expect(page.getByText(`expired ${shown}`)).toBeVisible();
  await bindOption(page);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("This quote cannot be bound yet.");
  await expect(alert).toContainText("QUOTE_EXPIRED");
  await expect(alert).toContainText(expiresOn);
  await expect(page).toHaveURL(/\/producer\/submissions\/sub_a_6$/);
});

test("a risk on a DA referral trigger goes to an underwriter, who approves it in /uw; then the producer binds", async ({
  page,
  browser,
}) => {
  await signIn(page, "producer@summit.demo");
  await fileAndQuote(page, {
    ...MAIN_STREET_GL,
    insured: "Bayou Catering Co. (LA)",
    naics: "722320",
    exposure: "2,100,000",
    effective: daysFromToday(9),
  });
  const submissionUrl = page.url();
  const referral = page.getByRole("region", { name: "Referral" });
  await expect(referral).toContainText("pending");
  await expect(referral).toContainText("appetite_check");
  // Why, who has it and what happens next.
  const explained = referral.getByRole("status");
  await expect(explained.getByRole("definition").first()).not.toBeEmpty();
  await expect(explained).toContainText("has it.");
  await expect(explained).toContainText("once approved, you can bind it here");
  await expect(page.getByRole("button", { name: "Bind this option" })).toHaveCount(0);
  const reference = (await page.getByText(/Submission SUB-/).textContent())!.match(/SUB-\d{4}-\d{5}/)![0];

  const uwContext = await browser.newContext();
  const uw = await uwContext.newPage();
  await signIn(uw, "senior.underwriter@summit.demo");
  await uw.getByRole("link", { name: reference }).first().click();
  await waitForHydration(uw);
  await uw.getByLabel("Rationale").fill("Caterer with clean loss history; LA exposure acceptable at this size.");
  await uw.getByRole("button", { name: "Approve" }).click();
  await expect(uw.getByRole("region", { name: "Referral" })).toContainText("approved");
  await uwContext.close();

  await page.goto(submissionUrl);
  await expect(referral).toContainText("approved");
  await expect(referral).toContainText("Caterer with clean loss history");
  await bindOption(page);
  await expect(page).toHaveURL(/\/producer\/policies\/pol_/);
});
