import { expect, type APIRequestContext, type Browser, type Page, test } from "./fixtures.ts";
import { chooseInsured } from "./insureds.ts";
import { DEMO_API_KEYS } from "../db/seed/demo-data.ts";
import { signIn, waitForHydration } from "./demo-users.ts";
import { answerKnockoutQuestions } from "./knockouts.ts";
import { daysFromToday } from "./dates.ts";

const summitKey = DEMO_API_KEYS.find((k) => k.orgId === "org_summit")!.secret;
const auth = { authorization: `Bearer ${summitKey}` };

/** A Texas painting contractor filed and quoted by Harbor Point through the API: within every authority. */
async function quotedSubmission(request: APIRequestContext, name: string) {
  const created = await request.post("/v1/submissions", {
    headers: auth,
    data: {
      lineOfBusiness: "GL",
      insuredName: `${name} ${Date.now()}`,
      naicsCode: "238320",
      state: "TX",
      annualRevenue: 95_000_000,
      requestedLimit: 100_000_000,
      effectiveDate: daysFromToday(12),
      yearsInBusiness: 6,
    },
  });
  expect(created.status()).toBe(201);
  const { id, insuredName } = await created.json();
  expect((await request.post(`/v1/submissions/${id}/quote`, { headers: auth })).status()).toBe(201);
  return { id: id as string, insuredName: insuredName as string };
}

/** Signs in and waits for the landing page, so the next navigation carries the session. */
async function signInAndLand(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).not.toHaveURL(/sign-in/);
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAndLand(page, email);
  return page;
}

const card = (page: Page, title: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

test("an underwriter applies a schedule credit with a reason and sees the new premium and rating step", async ({
  page,
  request,
}) => {
  const { id } = await quotedSubmission(request, "Lakeview Painting");
  await signInAndLand(page, "underwriter@summit.demo");
  await page.goto(`/uw/submissions/${id}`);
  await waitForHydration(page);
  const premium = page.getByTestId("premium-1");
  const before = await premium.textContent();
  const rating = card(page, "Rating");
  await expect(rating.getByRole("table", { name: "Rating steps" }).first()).toContainText(
    "No schedule credits or debits",
  );

  await page.getByLabel("Credit or debit 1 (%)").fill("-30");
  await page.getByLabel("Reason 1").fill("Out of bounds on purpose");
  await page.getByRole("button", { name: "Apply and re-rate" }).click();
  await expect(rating.getByRole("alert")).toHaveText("Schedule rating total -0.30 is outside -0.25..0.25");

  await page.getByLabel("Credit or debit 1 (%)").fill("-10");
  await page.getByLabel("Reason 1").fill("Loss control visit: excellent housekeeping");
  await page.getByRole("button", { name: "Apply and re-rate" }).click();
  await expect(rating).toContainText("1 earlier version");
  await expect(premium).not.toHaveText(before!);
  const toCents = (text: string | null) => Number(text!.replace(/[$,.]/g, ""));
  expect(toCents(await premium.textContent())).toBeLessThan(toCents(before));
  const scheduleRow = rating
    .getByRole("table", { name: "Rating steps" })
    .first()
    .getByRole("row", { name: /Schedule rating/ });
  await expect(scheduleRow).toContainText("Loss control visit: excellent housekeeping");
  await expect(scheduleRow).toContainText("0.90");
  await expect(page.getByLabel("Credit or debit 1 (%)")).toHaveValue("-10");
  await expect(card(page, "Timeline")).toContainText("schedule -0.10 (Loss control visit: excellent housekeeping)");
});

test("an underwriter requests more information; the producer sees it, not the internal note, and answers; the submission returns to the queue", async ({
  page,
  browser,
  request,
}) => {
  const { id, insuredName } = await quotedSubmission(request, "Pecos Drywall");
  await signInAndLand(page, "underwriter@summit.demo");
  await page.goto(`/uw/submissions/${id}`);
  await waitForHydration(page);
  const notes = card(page, "Notes");
  await notes.getByLabel("New note").fill("Internal: premium looks light for the class.");
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByRole("list", { name: "Notes" })).toContainText("Internal: premium looks light");
  await expect(notes.getByLabel("New note")).toHaveValue("");
  await page
    .getByLabel("Request more information from the producer")
    .fill("Please send three years of loss runs and confirm no work above three stories.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("pending info").first()).toBeVisible();
  await expect(card(page, "Underwriting issues")).toContainText("Waiting on the producer's answer.");

  const producer = await signedIn(browser, "producer@summit.demo");
  await producer.goto(`/producer/submissions/${id}`);
  await waitForHydration(producer);
  const messages = card(producer, "From underwriting");
  await expect(messages).toContainText("Please send three years of loss runs");
  await expect(messages).not.toContainText("Internal: premium looks light");
  await expect(producer.getByRole("button", { name: "Bind this option" })).toHaveCount(0);
  await messages
    .getByLabel("Your answer")
    .fill("Loss runs: no claims since 2021. All work is single-story residential repaint.");
  await messages.getByRole("button", { name: "Send answer" }).click();
  await expect(messages.getByLabel("Your answer")).toHaveCount(0);
  await expect(messages).toContainText("Producer's answer");
  await expect(producer.getByRole("button", { name: "Bind this option" }).first()).toBeVisible();
  await producer.context().close();

  await page.reload();
  await expect(notes.getByRole("list", { name: "Notes" })).toContainText("no claims since 2021");
  await expect(card(page, "Timeline")).toContainText("Producer answered");
  await page.goto(`/uw?status=quoted&sort=newest`);
  await expect(
    page
      .getByRole("table", { name: "Submissions needing attention" })
      .getByRole("row", { name: new RegExp(insuredName) }),
  ).toHaveCount(1);
});

test("an underwriter declines with a reason code and the producer sees it", async ({ page, browser, request }) => {
  const { id } = await quotedSubmission(request, "Brazos Coatings");
  await signInAndLand(page, "underwriter@summit.demo");
  await page.goto(`/uw/submissions/${id}`);
  await waitForHydration(page);
  await page
    .getByLabel("Explanation for the producer")
    .fill("Two open liability claims from 2025 exceed the program's loss appetite.");
  await page.getByRole("button", { name: "Decline submission" }).click();
  await expect(card(page, "Decisions").getByRole("alert")).toHaveText("Choose a reason code");
  await page.getByLabel("Decline code").selectOption("prior_losses");
  await page.getByRole("button", { name: "Decline submission" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Declined:" })).toContainText("prior_losses");
  await expect(card(page, "Timeline")).toContainText("Declined");

  const producer = await signedIn(browser, "producer@summit.demo");
  await producer.goto(`/producer/submissions/${id}`);
  const messages = card(producer, "From underwriting");
  await expect(messages).toContainText("This submission was declined.");
  await expect(messages).toContainText("prior_losses");
  await expect(messages).toContainText("Two open liability claims from 2025");
  await expect(producer.getByRole("button", { name: "Bind this option" })).toHaveCount(0);
  await producer.context().close();
});

test("a knockout answered adversely on the intake form refers the quote and shows on the workbench by name", async ({
  page,
  browser,
}) => {
  await signIn(page, "producer@summit.demo");
  await page.getByRole("link", { name: "New submission" }).click();
  await waitForHydration(page);
  await chooseInsured(page, "Red River Landscaping (OK)");
  await page.getByLabel("Program").selectOption({ label: "Trade Contractors Workers' Compensation · WC" });
  await page.getByLabel("NAICS class code").fill("561730");
  await page.getByLabel("Annual revenue (GL) or payroll (WC), $").fill("960,000");
  await page.getByLabel("Effective date").fill(daysFromToday(11));
  await page.getByRole("button", { name: "Submit and quote" }).click();
  // Every unanswered question is named, in the summary at the top and at the question itself.
  for (const n of [1, 5]) {
    await expect(page.getByText(`Answer underwriting question ${n} (yes or no)`).first()).toBeVisible();
  }
  await answerKnockoutQuestions(page, "prg_summit_wc", ["WC_OPEN_OSHA_CITATIONS"]);
  await page.getByRole("button", { name: "Submit and quote" }).click();
  await expect(page).toHaveURL(/\/producer\/submissions\/sub_/);
  const referral = page.getByRole("region", { name: "Referral" });
  await expect(referral).toContainText("WC_OPEN_OSHA_CITATIONS");
  // The quote says which answer referred it: the question, in words, and the answer given.
  await expect(referral).toContainText(/"[^"]*OSHA[^"]*" answered yes\./);
  await expect(page.getByRole("button", { name: "Bind this option" })).toHaveCount(0);
  const id = page.url().split("/").at(-1)!;

  const uw = await signedIn(browser, "senior.underwriter@summit.demo");
  await uw.goto(`/uw/submissions/${id}`);
  const issues = card(uw, "Underwriting issues").getByRole("list", { name: "Underwriting issues" });
  const hit = issues.getByRole("listitem").filter({ hasText: "WC_OPEN_OSHA_CITATIONS" }).first();
  await expect(hit).toContainText("knockout · refer");
  await expect(hit).toContainText("Answered yes.");
  await expect(hit).toContainText("open");
  await expect(issues).toContainText("referral trigger");
  await expect(card(uw, "Timeline")).toContainText("Knockout questions hit");
  await uw.context().close();
});

test("the API takes knockout answers as the OpenAPI document describes and reports hits by name", async ({
  request,
}) => {
  const openapi = await (await request.get("/v1/openapi.json")).json();
  expect(openapi.components.schemas.SubmissionCreate.properties.knockoutAnswers.description).toContain("knockout");
  const body = {
    lineOfBusiness: "GL",
    naicsCode: "238320",
    state: "TX",
    annualRevenue: 95_000_000,
    requestedLimit: 100_000_000,
    effectiveDate: daysFromToday(12),
  };

  const unknown = await request.post("/v1/submissions", {
    headers: auth,
    data: { ...body, insuredName: `Guadalupe Paint ${Date.now()}`, knockoutAnswers: { NOT_A_QUESTION: true } },
  });
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).error).toMatchObject({
    code: "VALIDATION_FAILED",
    message: expect.stringContaining("GL_PRIOR_CANCELLATION"),
    details: { field: "knockoutAnswers" },
  });

  const declined = await request.post("/v1/submissions", {
    headers: auth,
    data: { ...body, insuredName: `Alamo Fireworks ${Date.now()}`, knockoutAnswers: { GL_PROHIBITED_PRODUCTS: true } },
  });
  expect(declined.status()).toBe(201);
  expect(await declined.json()).toMatchObject({
    status: "declined",
    decline: { code: "appetite_check" },
    knockoutsHit: [{ code: "GL_PROHIBITED_PRODUCTS", action: "decline", cleared: false }],
  });
});

test("the seeded referred submission explains itself on the workbench, with the referral to decide and the queue's Received date", async ({
  page,
}) => {
  await signIn(page, "underwriter@summit.demo");
  const row = page.getByRole("row", { name: /SUB-2026-0102/ });
  await expect(row).toContainText("referred");
  const receivedInQueue = (await row.getByRole("cell").nth(6).innerText()).trim();
  await row.getByRole("link", { name: "SUB-2026-0102" }).click();
  const stands = page.getByRole("region", { name: "Where this stands" });
  await expect(stands).toContainText("Referred: waiting on your decision.");
  await expect(page.getByRole("region", { name: "Referral" })).toContainText("appetite_check");
  await expect(page.getByRole("button", { name: "Approve" })).toBeVisible();
  await expect(page.getByText("Not priced yet.")).toHaveCount(0);
  const received = page
    .locator("dl > div")
    .filter({ has: page.getByText("Received", { exact: true }) })
    .locator("dd");
  await expect(received).toHaveText(receivedInQueue);
});

test("an underwriter binds a quoted submission for the producer from the workbench, with the plan's installments named", async ({
  page,
  request,
}) => {
  const { id, insuredName } = await quotedSubmission(request, "Cedar Ridge Roofing");
  await signInAndLand(page, "underwriter@summit.demo");
  await page.goto(`/uw/submissions/${id}`);
  await waitForHydration(page);
  await expect(page.getByRole("region", { name: "Where this stands" })).toContainText("bind an option below");
  const option = page.getByRole("group", { name: "Option 1" });
  const plan = option.getByLabel("Payment plan");
  await expect(plan.locator("option", { hasText: /^Quarterly/ })).toHaveCount(1);
  // Paid in full: a quarterly policy effective the same day would share its installment dates
  // with the billing-run journey (e2e/money.spec.ts), which counts what one run invoices.
  await plan.selectOption({ label: (await plan.locator("option", { hasText: /^Paid in full/ }).textContent())! });
  // Texas surplus lines: three admitted carriers' declinations first; without them the bind says why.
  await option.getByRole("button", { name: "Bind this option" }).click();
  await expect(card(page, "Rating").getByRole("alert")).toContainText("DILIGENT_SEARCH_MISSING");
  for (const [i, carrier] of ["Lone Star Mutual", "Gulf Coast Casualty", "Alamo Insurance"].entries())
    await page
      .getByRole("group", { name: "Option 1" })
      .getByLabel(`Declining carrier ${i + 1}`)
      .fill(carrier);
  await expect(page.getByRole("group", { name: "Option 1" }).getByLabel("Payment plan")).toHaveValue("PIF");
  await page.getByRole("group", { name: "Option 1" }).getByRole("button", { name: "Bind this option" }).click();
  await expect(page).toHaveURL(/\/uw\/policies\/pol_\w+$/);
  await page.goto(`/uw/submissions/${id}`);
  await expect(page.getByRole("region", { name: "Where this stands" })).toContainText("Bound");
  await expect(page.getByRole("button", { name: "Bind this option" })).toHaveCount(0);

  // The producer finds the policy in their book.
  const producer = await (await page.context().browser()!.newContext()).newPage();
  await signInAndLand(producer, "producer@summit.demo");
  await producer.goto(`/producer?p.q=${encodeURIComponent(insuredName)}`);
  const policies = producer.getByRole("table", { name: "Agency policies" });
  await expect(policies).toContainText(insuredName);
  await producer.close();
});
