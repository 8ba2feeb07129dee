import { expect, test } from "@playwright/test";
import { signIn, waitForHydration } from "./demo-users.ts";

function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test("a producer files a submission, gets a priced quote and reads why it costs what it costs", async ({ page }) => {
  await signIn(page, "producer@summit.demo");
  await page.getByRole("link", { name: "New submission" }).click();
  await expect(page.getByRole("heading", { name: "New submission" })).toBeVisible();
  await waitForHydration(page);

  await page.getByRole("button", { name: "Submit and quote" }).click();
  await expect(page.getByText("Choose the insured")).toBeVisible();

  await page.getByLabel("Insured").selectOption({ label: "Red River Landscaping (OK)" });
  await page.getByLabel("Program").selectOption({ label: "Main Street General Liability · GL" });
  await page.getByLabel("NAICS class code").fill("561730");
  await page.getByLabel("Annual revenue (GL) or payroll (WC), $").fill("2,400,000");
  await page.getByLabel("Effective date").fill(daysFromToday(10));
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
