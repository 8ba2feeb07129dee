import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures.ts";
import { signIn, waitForHydration } from "./demo-users.ts";

// Issue 12, ADR 023: a policyholder issues a certificate of insurance (ACORD 25 layout) for a
// holder on their policy page, sees it listed and downloads the PDF; the holder is remembered.

test("a policyholder issues a certificate of insurance and downloads it", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "policyholder@summit.demo");
  await expect(page).toHaveURL(/\/portal/);
  await page.goto("/portal/policies/pol_a_1");
  await waitForHydration(page);
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Certificates of insurance" }) });
  const holder = `Riverside Plaza ${Date.now().toString(36)}`;
  await card.getByLabel("Holder name").fill(holder);
  await card.getByLabel("Street address").fill("200 River Walk");
  await card.getByLabel("City").fill("San Antonio");
  await card.getByLabel("State").fill("TX");
  await card.getByLabel("ZIP code").fill("78205");
  await card.getByRole("button", { name: "Issue certificate" }).click();
  await expect(page.getByText(/Certificate CERT-\d{4}-\d{5} is issued/)).toBeVisible();

  const row = card.getByRole("row", { name: new RegExp(holder) });
  await expect(row).toBeVisible();
  const link = row.getByRole("link", { name: /^CERT-/ });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^CERT-\d{4}-\d{5}\.pdf$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The holder is remembered for the insured's next certificate.
  await expect(card.getByLabel("A holder you used before")).toContainText(holder);
});
