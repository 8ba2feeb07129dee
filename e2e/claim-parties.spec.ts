import { expect, test, type Browser, type Page } from "./fixtures.ts";
import { signIn, waitForHydration } from "./demo-users.ts";

// /claims/:id/parties on the seeded property damage claim CLM-2026-00011 (clm_a_1, assigned to
// Ada Adjuster, written through the producer's agency): the adjuster adds a claimant with PHI, a
// contact, a suit with defense counsel and a subrogation pursuit; the producer reads the claim
// with the PHI masked; the same adjuster is not shown a claim that is not assigned to them.

const CLAIM = "clm_a_1";
const UNASSIGNED_CLAIM = "clm_a_3";
// Unique per run: a retry on the same stack finds its own records, not the first attempt's.
const run = Date.now().toString(36).slice(-5).toUpperCase();
const CLAIMANT = `Wren Halloway ${run}`;
const SSN = "219-09-9999";
const DIAGNOSIS = "T14.90XA";
const DOCKET = `D-1-GN-26-${run}`;

function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

/** The add form folded under its summary, opened. */
async function openAddForm(page: Page, summary: string) {
  const section = page.locator("details").filter({ has: page.getByText(summary, { exact: true }) });
  await section.getByText(summary, { exact: true }).click();
  return section;
}

test("an adjuster adds a claimant with PHI, a contact, a suit with defense counsel and a subrogation pursuit; the producer sees no PHI; an adjuster not assigned gets 404", async ({
  browser,
}) => {
  test.slow();
  const adjuster = await signedInPage(browser, "adjuster@summit.demo");
  await adjuster.goto(`/claims/${CLAIM}`);
  await adjuster.getByRole("link", { name: "Claimants, contacts, litigation and subrogation" }).click();
  await expect(adjuster).toHaveURL(new RegExp(`/claims/${CLAIM}/parties$`));
  await waitForHydration(adjuster);

  const claimant = await openAddForm(adjuster, "Add a claimant");
  await claimant.getByLabel("Role").selectOption({ label: "injured worker" });
  await claimant.getByLabel("Claimant name").fill(CLAIMANT);
  await claimant.getByLabel("Social Security number").fill(SSN);
  await claimant.getByLabel("Diagnosis codes (ICD-10)").fill(DIAGNOSIS);
  await claimant.getByRole("button", { name: "Add claimant" }).click();
  await expect(adjuster.getByTestId("claimant").filter({ hasText: CLAIMANT })).toContainText(SSN);

  const contact = await openAddForm(adjuster, "Add a contact");
  await contact.getByLabel("Role").selectOption({ label: "claimant attorney" });
  await contact.getByLabel("Name").fill(`Marisol Quint ${run}`);
  await contact.getByLabel("Company or firm").fill("Quint Injury Law");
  await contact.getByLabel("Phone").fill("512-555-0177");
  await contact.getByLabel("Email").fill("mquint@quintlaw.example");
  await contact.getByRole("button", { name: "Add contact" }).click();
  await expect(adjuster.getByTestId("contact").filter({ hasText: `Marisol Quint ${run}` })).toContainText(
    "claimant attorney · Quint Injury Law",
  );

  const suit = await openAddForm(adjuster, "Record a suit");
  await suit.getByLabel("Court").fill("Travis County District Court");
  await suit.getByLabel("Docket number").fill(DOCKET);
  await suit.getByLabel("Venue state").fill("TX");
  const plaintiff = suit.getByLabel("Plaintiff (claimant)");
  await plaintiff.selectOption((await plaintiff.locator("option", { hasText: CLAIMANT }).getAttribute("value"))!);
  await suit.getByLabel("Filed on").fill(daysFromToday(-3));
  await suit.getByLabel("Served on").fill(daysFromToday(-2));
  await suit.getByLabel("Defense firm").fill("Hale Barton PC");
  await suit.getByLabel("Defense attorney").fill("Ines Hale");
  await suit.getByLabel("Counsel appointed on").fill(daysFromToday(-1));
  await suit.getByLabel("Suit status").selectOption({ label: "pending" });
  await suit.getByRole("button", { name: "Record suit" }).click();
  const suitRow = adjuster.getByRole("row").filter({ hasText: DOCKET });
  await expect(suitRow).toContainText("Hale Barton PC (Ines Hale)");
  await expect(suitRow).toContainText(CLAIMANT);

  const pursuit = await openAddForm(adjuster, "Open a subrogation pursuit");
  await pursuit.getByLabel("Responsible party").fill(`Caddo Forklift Rental ${run}`);
  await pursuit.getByLabel("Their carrier").fill("Pecan Casualty");
  await pursuit.getByLabel("Basis of liability").fill("Their rented forklift's brakes failed on the loading dock");
  await pursuit.getByLabel("Demand (USD)").fill("7,500.00");
  await pursuit.getByLabel("Pursuit status").selectOption({ label: "identified" });
  await pursuit.getByLabel("Opened on").fill(daysFromToday(-1));
  await pursuit.getByRole("button", { name: "Open pursuit" }).click();
  const pursuitRow = adjuster.getByRole("row").filter({ hasText: `Caddo Forklift Rental ${run}` });
  await expect(pursuitRow).toContainText("$7,500.00");

  // The claim's timeline names the fields written, never their values.
  await adjuster.getByRole("link", { name: "Back to the claim" }).click();
  const timeline = adjuster.getByTestId("timeline");
  await expect(timeline).toContainText("An injured worker was added (name, ssn, diagnosisCodes)");
  await expect(timeline).toContainText(`Suit ${DOCKET} filed`);
  await expect(timeline).not.toContainText(CLAIMANT);

  // The producer of the policy's agency reads the claim with every PHI value masked.
  const producer = await signedInPage(browser, "producer@summit.demo");
  await producer.goto(`/producer/claims/${CLAIM}`);
  await expect(producer.getByRole("heading", { level: 1 })).toContainText("CLM-2026-00011");
  await expect(producer.getByText("[redacted]").first()).toBeVisible();
  for (const value of [CLAIMANT, SSN, DIAGNOSIS]) await expect(producer.getByText(value)).toHaveCount(0);

  // An adjuster not assigned to a claim is not shown its parties, nor told it exists.
  const response = await adjuster.goto(`/claims/${UNASSIGNED_CLAIM}/parties`);
  expect(response?.status()).toBe(404);
  await expect(adjuster.getByText("Claimants, contacts, litigation and subrogation of")).toHaveCount(0);
});
