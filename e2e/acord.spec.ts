import { expect, test } from "./fixtures.ts";
import { chooseInsured } from "./insureds.ts";
import { daysAhead } from "./dates.ts";
import { buildAcord125Pdf, buildEncryptedAcord125Pdf, COMPLETE_GL_VALUES } from "../tests/support/acord/test-pdf.ts";
import { signIn, waitForHydration } from "./demo-users.ts";
import { answerKnockoutQuestions } from "./knockouts.ts";
import { bindOption } from "./producer-quotes.ts";

const pdfFile = (name: string, bytes: Uint8Array) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(bytes),
});

test("an ACORD 125 upload pre-fills a draft with its weak fields highlighted; the producer confirms, files, gets a quote and binds", async ({
  page,
}) => {
  const insured = `Harbor Line Plumbing ${Date.now()}`;
  const effective = daysAhead(12);
  // Three fields under names the extractor only half-recognises: they come back below 0.85.
  const pdf = await buildAcord125Pdf(
    { ...COMPLETE_GL_VALUES, insuredName: insured, effectiveDate: effective.acord },
    { rename: { insuredName: "insured_name", naicsCode: "NAICS", effectiveDate: "Effective Date of the Policy" } },
  );

  await signIn(page, "producer@summit.demo");
  await page.getByRole("link", { name: "Upload ACORD 125" }).click();
  await waitForHydration(page);
  await page.getByLabel("ACORD 125 application (fillable PDF)").setInputFiles(pdfFile("harbor-line-acord125.pdf", pdf));
  await page.getByRole("button", { name: "Upload and pre-fill" }).click();

  await expect(page).toHaveURL(/\/producer\/drafts\/sub_/);
  const draftId = page.url().split("/").pop()!;
  await expect(page.getByText("Flagged for review", { exact: true })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("3 fields were read with low confidence");
  const highlighted = page.locator('[data-review="low-confidence"]');
  await expect(highlighted).toHaveCount(3);
  await expect(highlighted.nth(0)).toContainText("Insured name");
  await expect(highlighted.nth(0)).toContainText("Check this: read from the ACORD with 80% confidence");
  await expect(highlighted.filter({ hasText: "NAICS class code" })).toHaveCount(1);
  await expect(highlighted.filter({ hasText: "Effective date" })).toContainText("65% confidence");
  await expect(page.locator('[data-review="ok"]').filter({ hasText: "City" })).toHaveCount(1);

  // Pre-filled from the PDF, including the fields read cleanly.
  await expect(page.getByLabel("Insured name")).toHaveValue(insured);
  await expect(page.getByLabel("NAICS class code")).toHaveValue("238220");
  await expect(page.getByLabel("Effective date")).toHaveValue(effective.iso);
  await expect(page.getByLabel("Annual revenue (GL) or payroll (WC), $")).toHaveValue("1,250,000");
  await expect(page.getByLabel("Program")).toHaveValue("prg_summit_gl");
  // The uploaded PDF is already stored with the draft.
  await expect(page.getByRole("link", { name: "harbor-line-acord125.pdf" })).toBeVisible();

  await waitForHydration(page);
  // The producer corrects the name and must say the highlighted fields were checked.
  await page.getByLabel("Insured name").fill(`${insured} LLC`);
  // Saved for later: the book lists the draft as needing review, and it resumes as left.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/producer$/);
  const draftRow = page
    .getByRole("table", { name: "Draft submissions, not yet filed" })
    .getByRole("row")
    .filter({ hasText: `${insured} LLC` });
  await expect(draftRow).toContainText("ACORD 125 upload");
  await expect(draftRow).toContainText("needs review");
  await draftRow.getByRole("link", { name: `${insured} LLC` }).click();
  await expect(page).toHaveURL(`/producer/drafts/${draftId}`);
  await expect(page.getByLabel("Insured name")).toHaveValue(`${insured} LLC`);
  await expect(highlighted).toHaveCount(3);
  await waitForHydration(page);

  await page.getByRole("button", { name: "File and quote" }).click();
  await expect(page.getByText("Confirm that you checked the highlighted fields before filing.")).toBeVisible();
  await page.getByLabel("I have checked the highlighted fields against the application.").check();
  await page.getByRole("button", { name: "File and quote" }).click();

  // Filed under the draft's id, and quoted like the normal form.
  await expect(page).toHaveURL(`/producer/submissions/${draftId}`);
  await expect(page.getByRole("heading", { name: `${insured} LLC` })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Option / })).toHaveCount(3);

  const documents = page.getByRole("table", { name: "Submission documents" });
  await expect(documents).toContainText("ACORD 125");
  await expect(documents).toContainText("flagged for review: insuredName, naicsCode, effectiveDate");
  const href = await documents.getByRole("link", { name: "harbor-line-acord125.pdf" }).getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await download.body()).equals(Buffer.from(pdf))).toBe(true);

  // Bound, the declarations page is stored with the policy and listed with the submission's documents.
  await bindOption(page, { plan: "PIF" });
  await expect(page).toHaveURL(/\/producer\/policies\/pol_/);
  const policyNumber = (await page.locator("h2 .font-mono").textContent())!.trim();
  await expect(async () => {
    await page.goto(`/producer/submissions/${draftId}`);
    await expect(documents.getByRole("link", { name: `${policyNumber}-declarations.pdf` })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass();
  await expect(documents).toContainText("Declarations");

  // The draft is gone from the book once filed.
  await page.goto("/producer");
  await expect(page.getByRole("link", { name: `${insured} LLC` })).toHaveCount(0);
  await expect(page.getByRole("link", { name: insured, exact: true })).toHaveCount(0);
});

test("a file that is not a usable ACORD 125 gets a clear error and leaves no draft", async ({ page }) => {
  await signIn(page, "producer@lakeshore.demo");
  await expect(page.getByRole("heading", { name: "Drafts" })).toHaveCount(0);
  await page.getByRole("link", { name: "Upload ACORD 125" }).click();
  await waitForHydration(page);

  await page.getByLabel("ACORD 125 application (fillable PDF)").setInputFiles({
    name: "application.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("Insured,Revenue\nDunes Co,100000\n"),
  });
  await page.getByRole("button", { name: "Upload and pre-fill" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "This file is not a PDF. Upload the ACORD 125 application as a PDF file.",
  );

  await page
    .getByLabel("ACORD 125 application (fillable PDF)")
    .setInputFiles(pdfFile("protected.pdf", await buildEncryptedAcord125Pdf()));
  await page.getByRole("button", { name: "Upload and pre-fill" }).click();
  await expect(page.getByRole("alert")).toContainText("This PDF is password-protected or encrypted");

  await page.goto("/producer");
  await expect(page.getByRole("heading", { name: "Your book" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Drafts" })).toHaveCount(0);
});

test("the intake form is saved as a draft, listed on the book and resumed", async ({ page }) => {
  await signIn(page, "producer@summit.demo");
  await page.getByRole("link", { name: "New submission" }).click();
  await waitForHydration(page);
  const revenue = String(1_000_000 + Math.floor(Math.random() * 900_000));
  await chooseInsured(page, "Red River Landscaping (OK)");
  await page.getByLabel("NAICS class code").fill("561730");
  await page.getByLabel("Annual revenue (GL) or payroll (WC), $").fill(revenue);
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page).toHaveURL(/\/producer$/);
  const drafts = page.getByRole("table", { name: "Draft submissions, not yet filed" });
  const row = drafts
    .getByRole("row")
    .filter({ hasText: "Red River Landscaping" })
    .filter({ hasText: "Intake form" })
    .first();
  await expect(row).toContainText("draft");
  await row.getByRole("link", { name: "Red River Landscaping" }).click();

  await waitForHydration(page);
  await expect(page.getByLabel("NAICS class code")).toHaveValue("561730");
  await expect(page.getByLabel("Annual revenue (GL) or payroll (WC), $")).toHaveValue(revenue);
  const draftId = new URL(page.url()).searchParams.get("draft");
  await page.getByLabel("Program").selectOption({ label: "Main Street General Liability · GL" });
  await page.getByLabel("Effective date").fill(daysAhead(9).iso);
  await answerKnockoutQuestions(page, "prg_summit_gl");
  await page.getByRole("button", { name: "Submit and quote" }).click();
  await expect(page).toHaveURL(`/producer/submissions/${draftId}`);
  await expect(page.getByRole("region", { name: /^Option / })).toHaveCount(3);
});
