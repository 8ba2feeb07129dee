import { expect, test } from "./fixtures.ts";
import { signIn, waitForHydration } from "./demo-users.ts";

test("an underwriter filters the queue and claims a submission to work it", async ({ page }) => {
  await signIn(page, "senior.underwriter@summit.demo");
  await expect(page).toHaveURL(/\/uw$/);
  await waitForHydration(page);
  await page.getByLabel("Line").selectOption("WC");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/line=WC/);
  const rows = page.getByRole("table", { name: "Submissions needing attention" }).getByRole("row");
  await expect(rows.filter({ hasText: "SUB-2026-0103" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "GL" })).toHaveCount(0);

  await page.getByRole("button", { name: "Claim SUB-2026-0103" }).click();
  await expect(rows.filter({ hasText: "SUB-2026-0103" })).toContainText("You");
  await expect(rows.filter({ hasText: "SUB-2026-0103" })).toContainText("in review");
});
