import { expect, test, type Browser, type Page } from "./fixtures.ts";
import { signIn, waitForHydration } from "./demo-users.ts";
import { daysFromToday } from "./dates.ts";

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await waitForHydration(page);
  return page;
}

const bell = (page: Page) => page.getByRole("link", { name: /^Notifications: \d+ unread$/ });
async function unreadOf(page: Page): Promise<number> {
  return Number((await bell(page).getAttribute("aria-label"))!.match(/(\d+) unread/)![1]);
}

const CLAIMANT = "Juniper Q. Slipwell";
const SSN = "078-05-1120";

async function moveTo(page: Page, status: string, reason = "") {
  await page.getByLabel("New status").selectOption({ label: status });
  if (reason) await page.getByLabel("Reason (denial, closing)").fill(reason);
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByTestId("claim-status")).toContainText(status.toLowerCase());
}

async function setReserve(page: Page, type: "Indemnity" | "Expense", amount: string, rationale: string) {
  await page.getByLabel("Reserve type").selectOption({ label: type });
  await page.getByLabel("New reserve (USD)").fill(amount);
  await page.getByLabel("Rationale").fill(rationale);
  await page.getByRole("button", { name: "Set reserve" }).click();
}

const money = (page: Page, label: string) => page.getByTestId(`claims-${label}`).textContent();

test("a policyholder reports a loss; the adjuster is told live, reserves above authority, the supervisor approves, the adjuster pays, finance sees it, the claim closes; the producer sees no PHI", async ({
  browser,
}) => {
  test.slow();
  const adjuster = await signedInPage(browser, "adjuster@summit.demo");
  await adjuster.goto("/claims");
  await waitForHydration(adjuster);
  await expect(bell(adjuster)).toHaveAttribute("data-live", "connected");
  const unreadBefore = await unreadOf(adjuster);

  // First notice of loss from the portal.
  const holder = await signedInPage(browser, "policyholder@summit.demo");
  await holder.goto("/portal/policies/pol_a_1");
  await holder.getByRole("link", { name: "Report a loss" }).click();
  await waitForHydration(holder);
  await holder.getByLabel("Kind of loss").fill("Bodily injury: customer slip");
  await holder.getByLabel("Date of loss").fill(daysFromToday(-2));
  await holder.getByLabel("What happened").fill("A customer slipped on a freshly mopped floor by the register.");
  await holder.getByLabel("Someone was injured").check();
  await holder.getByLabel("Claimant name").fill(CLAIMANT);
  await holder.getByLabel("Social Security number").fill(SSN);
  await holder.getByLabel("Diagnosis codes (ICD-10)").fill("S93.401A");
  await holder.getByLabel(/Photos \(JPEG, PNG, WebP\) or PDFs/).setInputFiles({
    name: "wet-floor.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  });
  await holder.getByRole("button", { name: "File the claim" }).click();
  await expect(holder).toHaveURL(/\/portal\/claims\/clm_/);
  const claimId = holder.url().match(/claims\/(clm_[a-z0-9]+)/)![1]!;
  const claimNumber = (await holder.getByRole("heading", { level: 1 }).textContent())!.match(/CLM-\d{4}-\d{5}/)![0];
  // The reporter reads their claim back without the PHI (policyholders see it masked).
  await expect(holder.getByText(CLAIMANT)).toHaveCount(0);

  // The adjuster licensed in TX is assigned and the bell counts up without a reload.
  await expect.poll(() => unreadOf(adjuster)).toBeGreaterThan(unreadBefore);
  await adjuster.goto(`/claims/${claimId}`);
  await waitForHydration(adjuster);
  await expect(adjuster.getByText(CLAIMANT)).toBeVisible();
  await expect(adjuster.getByText(SSN)).toBeVisible();
  await expect(adjuster.getByRole("link", { name: "wet-floor.jpg" })).toBeVisible();
  await moveTo(adjuster, "Investigating");

  // $30,000 is above the adjuster's $25,000 reserve authority: it waits.
  await setReserve(adjuster, "Indemnity", "30,000.00", "Fractured ankle, surgery likely");
  await expect(adjuster.getByRole("status")).toContainText("waits for a claims supervisor");
  await expect(adjuster.getByTestId("figure-case-reserve")).toHaveText("$0.00");

  const supervisor = await signedInPage(browser, "claims.supervisor@summit.demo");
  await supervisor.goto("/claims/approvals");
  await waitForHydration(supervisor);
  const row = supervisor.getByRole("row").filter({ hasText: claimNumber });
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(supervisor.getByRole("row").filter({ hasText: claimNumber })).toHaveCount(0);

  await adjuster.reload();
  await waitForHydration(adjuster);
  await expect(adjuster.getByTestId("figure-case-reserve")).toHaveText("$30,000.00");
  await moveTo(adjuster, "Reserved");

  const finance = await signedInPage(browser, "finance@summit.demo");
  await finance.goto("/finance/reconciliation");
  const paidBefore = await money(finance, "claims-paid");

  await adjuster.getByLabel("Payment or recovery").selectOption({ label: "Indemnity payment" });
  await adjuster.getByLabel("Amount (USD)").fill("5,000.00");
  await adjuster.getByLabel("Payee or payer").fill("Austin Orthopedic Associates");
  await adjuster.getByRole("button", { name: "Record" }).click();
  await expect(adjuster.getByTestId("figure-paid")).toHaveText("$5,000.00");
  await expect(adjuster.getByTestId("figure-case-reserve")).toHaveText("$25,000.00");

  await finance.reload();
  const paidAfter = await money(finance, "claims-paid");
  const cents = (text: string | null) => Math.round(Number(text!.replace(/[$,]/g, "")) * 100);
  expect(cents(paidAfter) - cents(paidBefore)).toBe(500_000);
  await expect(finance.getByRole("heading", { name: /Claims \(/ }).locator("..")).toContainText("in agreement");

  // Settle and close: the reserve is released with its rationale first.
  await moveTo(adjuster, "In settlement");
  await moveTo(adjuster, "Settled");
  await setReserve(adjuster, "Indemnity", "0", "Settled in full, nothing further owed");
  await expect(adjuster.getByTestId("figure-case-reserve")).toHaveText("$0.00");
  await moveTo(adjuster, "Closed", "Settled in full");
  await expect(adjuster.getByTestId("timeline")).toContainText("Settled → Closed: Settled in full");

  // The producer of the policy's agency sees the claim, but no PHI.
  const producer = await signedInPage(browser, "producer@summit.demo");
  await producer.goto(`/producer/claims/${claimId}`);
  await expect(producer.getByRole("heading", { level: 1 })).toContainText(claimNumber);
  await expect(producer.getByText("[redacted]").first()).toBeVisible();
  await expect(producer.getByText(CLAIMANT)).toHaveCount(0);
  await expect(producer.getByText(SSN)).toHaveCount(0);
});
