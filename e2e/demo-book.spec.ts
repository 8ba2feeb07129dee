import { expect, test, type Browser, type Page } from "./fixtures.ts";
import { signIn } from "./demo-users.ts";

// ADR 028: the demo's bound submissions were bound from quotes the engine rated. Lone Star
// Roofing (SUB-2026-0101) took option 2 ($1M/$2M) on the quarterly plan: $23,154.95 premium,
// $150.00 fee, $1,139.61 tax, $24,444.56 in all, billed 4 × ($6,111.14 + $5.00) = 4 × $6,116.14.
// Read-only journeys: they change nothing in the seeded book.

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}

async function expectPolicyPage(page: Page) {
  // One h1 per policy page, naming the policy (issue 11: policy pages had none).
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Policy SRU-GL-2026-000001");
  const invoices = page.getByRole("table", { name: "Invoices of this policy" });
  await expect(invoices.getByRole("row").filter({ hasText: "$6,116.14" })).toHaveCount(4);
}

test("the producer sees the option and plan a seeded policy was bound from, and a policy that agrees", async ({
  page,
}) => {
  await signIn(page, "producer@summit.demo");
  await expect(page).toHaveURL(/\/producer$/);
  await page.goto("/producer/submissions/sub_a_1");
  await expect(
    page.getByRole("status").filter({ hasText: "Bound (option 2, paid quarterly) as policy" }),
  ).toContainText("SRU-GL-2026-000001");
  const bound = page.getByRole("region", { name: "Option 2" });
  await expect(bound).toContainText("bound");
  await expect(bound).toContainText("$24,444.56");
  await expect(bound).toContainText("Premium $23,154.95 · fees $150.00 · taxes $1,139.61");
  await expect(page.getByRole("button", { name: "Bind this option" })).toHaveCount(0);
  await page.getByRole("link", { name: "SRU-GL-2026-000001" }).click();
  await expect(page).toHaveURL(/\/producer\/policies\/pol_a_1$/);
  await expectPolicyPage(page);
  await expect(page.getByText("Quarterly", { exact: true })).toBeVisible();
});

test("the workbench shows the bound option's rating trail and the referral approved before the bind", async ({
  browser,
}) => {
  const uw = await signedIn(browser, "underwriter@summit.demo");
  await uw.goto("/uw/submissions/sub_a_1");
  await expect(uw.getByRole("region", { name: "Where this stands" })).toContainText(
    "Bound as policy SRU-GL-2026-000001 from option 2, paid quarterly.",
  );
  const option = uw.getByRole("group", { name: "Option 2" });
  await expect(option).toHaveAttribute("open", "");
  await expect(option).toContainText("bound");
  await expect(option.getByRole("table")).toContainText("$23,154.95");
  await expect(uw.getByRole("group", { name: "Option 1" })).not.toHaveAttribute("open", "");
  await expect(uw.getByText("Roofing class within appetite").first()).toBeVisible();
  await uw.getByRole("link", { name: "Open the policy" }).click();
  await expect(uw).toHaveURL(/\/uw\/policies\/pol_a_1$/);
  await expectPolicyPage(uw);
  await uw.context().close();

  // The policyholder's and finance's pages of the same policy carry the same figures.
  for (const [email, path] of [
    ["policyholder@summit.demo", "/portal/policies/pol_a_1"],
    ["finance@summit.demo", "/finance/policies/pol_a_1"],
  ] as const) {
    const viewer = await signedIn(browser, email);
    await viewer.goto(path);
    await expectPolicyPage(viewer);
    await viewer.context().close();
  }
});
