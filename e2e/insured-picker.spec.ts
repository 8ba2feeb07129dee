import { daysAhead } from "./dates.ts";
import { queryE2eDatabase } from "./database.ts";
import { signIn, waitForHydration } from "./demo-users.ts";
import { expect, type Page, test } from "./fixtures.ts";
import { answerKnockoutQuestions } from "./knockouts.ts";

async function describeRisk(page: Page) {
  await page.getByLabel("Program").selectOption({ label: "Main Street General Liability · GL" });
  await page.getByLabel("NAICS class code").fill("561730");
  await page.getByLabel("Annual revenue (GL) or payroll (WC), $").fill("900,000");
  await page.getByLabel("Effective date").fill(daysAhead(14).iso);
}

const insuredsNamed = async (name: string) =>
  (await queryE2eDatabase<{ n: number }>("SELECT COUNT(*) AS n FROM insureds WHERE name = ?", [name]))[0]!.n;

test("a producer searches the agency's insureds as they type, and adds a new one in the same form", async ({
  page,
}) => {
  await signIn(page, "producer@summit.demo");
  await expect(page).toHaveURL(/\/producer$/);
  await page.goto("/producer/submissions/new");
  await waitForHydration(page);
  // Another agency's insured is not offered.
  await page.getByLabel("Insured", { exact: true }).fill("Saguaro");
  await expect(page.getByRole("status").filter({ hasText: /None of your insureds is called "Saguaro"/ })).toBeVisible();
  await page.getByLabel("Insured", { exact: true }).fill("river");
  const matches = page.getByRole("list", { name: "Matching insureds" });
  await expect(matches.getByRole("button")).toHaveText(["Red River Landscaping · Oklahoma City, OK"]);
  await matches.getByRole("button").click();
  await expect(page.getByText("Chosen: Red River Landscaping (OK)")).toBeVisible();
  await expect(page.getByLabel("Mailing address")).toHaveCount(0);

  const name = `Prairie Wind Bakery ${Date.now()}`;
  await page.getByLabel("Insured", { exact: true }).fill(name);
  await expect(page.getByRole("status").filter({ hasText: "it will be added as a new insured" })).toBeVisible();
  await describeRisk(page);
  await answerKnockoutQuestions(page, "prg_summit_gl");
  await page.getByRole("button", { name: "Submit and quote" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: /to fix/ }) });
  await expect(summary.getByRole("link", { name: "Enter the mailing address" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter the ZIP code" })).toBeVisible();
  await page.getByLabel("Mailing address").fill("12 Wheat Rd");
  await page.getByLabel("City").fill("Enid");
  await page.getByLabel("Home state").fill("OK");
  await page.getByLabel("ZIP code").fill("73701");
  await page.getByRole("button", { name: "Submit and quote" }).click();
  await expect(page).toHaveURL(/\/producer\/submissions\/sub_/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  expect(await insuredsNamed(name)).toBe(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the insured is a plain field: an exact name finds the agency's insured, a new name creates one", async ({
    page,
  }) => {
    await signIn(page, "producer@summit.demo");
    await expect(page).toHaveURL(/\/producer$/);
    await page.goto("/producer/submissions/new");
    await page.getByLabel("Insured", { exact: true }).fill("Red River Landscaping");
    await describeRisk(page);
    // Without JavaScript the program's questions appear once the server knows the program.
    await page.getByRole("button", { name: "Submit and quote" }).click();
    await expect(page.getByRole("link", { name: "Answer underwriting question 1 (yes or no)" })).toBeVisible();
    await expect(page.getByRole("link", { name: /mailing address/ })).toHaveCount(0);
    await answerKnockoutQuestions(page, "prg_summit_gl");
    await page.getByRole("button", { name: "Submit and quote" }).click();
    await expect(page).toHaveURL(/\/producer\/submissions\/sub_/);
    await expect(page.getByRole("heading", { name: "Red River Landscaping" })).toBeVisible();
    expect(await insuredsNamed("Red River Landscaping")).toBe(1);

    const name = `Cimarron Print Shop ${Date.now()}`;
    await page.goto("/producer/submissions/new");
    await page.getByLabel("Insured", { exact: true }).fill(name);
    await describeRisk(page);
    await page.getByRole("button", { name: "Submit and quote" }).click();
    await expect(page.getByRole("link", { name: "Enter the mailing address" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Answer underwriting question 1 (yes or no)" })).toBeVisible();
    expect(await insuredsNamed(name)).toBe(0);
    await page.getByLabel("Mailing address").fill("400 Main St");
    await page.getByLabel("City").fill("Guthrie");
    await page.getByLabel("Home state").fill("OK");
    await page.getByLabel("ZIP code").fill("73044");
    await answerKnockoutQuestions(page, "prg_summit_gl");
    await page.getByRole("button", { name: "Submit and quote" }).click();
    await expect(page).toHaveURL(/\/producer\/submissions\/sub_/);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    expect(await insuredsNamed(name)).toBe(1);
  });
});
