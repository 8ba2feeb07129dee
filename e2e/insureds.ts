import type { Page } from "@playwright/test";

/**
 * Picks the agency's insured on the intake form by its label as the book shows it,
 * "Red River Landscaping (OK)": types the name and chooses the match the picker offers.
 */
export async function chooseInsured(page: Page, label: string) {
  const name = label.replace(/ \([A-Z]{2}\)$/, "");
  await page.getByLabel("Insured", { exact: true }).fill(name);
  await page
    .getByRole("list", { name: "Matching insureds" })
    .getByRole("button", { name: `${name} ·`, exact: false })
    .first()
    .click();
}
