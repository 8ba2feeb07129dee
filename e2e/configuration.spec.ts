import ExcelJS from "exceljs";
import { expect, test, type Page } from "./fixtures.ts";
import { chooseInsured } from "./insureds.ts";
import { signIn, waitForHydration } from "./demo-users.ts";
import { daysFromToday } from "./dates.ts";

// Each journey runs two or three people's sessions from sign-in to the end.
test.describe.configure({ timeout: 180_000 });

async function factorWorkbook(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Factors");
  sheet.addRow(["table", "key", "value"]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function linkFromOutbox(page: Page, to: string): Promise<string> {
  await page.goto("/dev/outbox");
  const email = page
    .locator("section")
    .filter({ hasText: `To ${to}` })
    .first();
  const url = (await email.locator("pre").textContent())?.match(/https?:\/\/\S+/)?.[0];
  if (!url) throw new Error(`No link in the email to ${to}`);
  return new URL(url).pathname;
}

test("an admin creates a program, imports a rate table version from XLSX, activates it, and a producer quotes on it", async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const programName = `Artisan Trades GL ${stamp}`;
  const question = `Does the insured work above three storeys (${stamp})?`;
  await signIn(page, "admin@summit.demo");
  await page.goto("/admin/programs");
  await waitForHydration(page);
  await page.getByLabel("Name", { exact: true }).fill(programName);
  await page.getByLabel("Line of business").selectOption("GL");
  await page.getByLabel("Carrier").selectOption({ label: "Granite Mutual Insurance Company" });
  await page.getByLabel("States").fill("OK, TX");
  await page.getByLabel("Auto-bind threshold ($)").fill("25,000");
  await page.getByLabel("Default commission (%)").fill("12.5");
  await page.getByLabel("Minimum premium ($)").fill("750");
  await page.getByLabel("Paid in full").check();
  await page.getByLabel("Quarterly").check();
  await page.getByLabel("Code", { exact: true }).fill(`HEIGHT_${stamp.toUpperCase()}`);
  await page.getByLabel("Question", { exact: true }).fill(question);
  await page.getByLabel("Safe answer").selectOption("no");
  await page.getByLabel("Otherwise").selectOption("decline");
  await page.getByRole("button", { name: "Create program" }).click();
  await expect(page.getByRole("heading", { name: programName })).toBeVisible();

  // The first version starts from the rates of a sibling GL program, then takes its own factors.
  const source = page.locator("#field-fromVersionId option", { hasText: "Main Street General Liability" }).filter({
    hasText: "(active)",
  });
  await page.getByLabel("Start from").selectOption((await source.first().getAttribute("value"))!);
  await page.getByLabel("New version").fill(`v-${stamp}`);
  await page.getByLabel("Effective date").fill(daysFromToday(0));
  await page.getByRole("button", { name: "Start a draft" }).click();
  await expect(page.getByRole("heading", { name: `${programName} · v-${stamp}` })).toBeVisible();
  await waitForHydration(page);

  const file = page.getByLabel("Import factor tables (CSV or XLSX)");
  await file.setInputFiles({
    name: "factors.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await factorWorkbook([
      ["state_modifier", "OK", 1.2],
      ["state_modifier", "Oklahoma", 1.1],
      ["increased_limit", "1000000/2000000", "x"],
    ]),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Nothing was imported" });
  await expect(refusal).toContainText('Row 3: key "Oklahoma" must be a two-letter state code');
  await expect(refusal).toContainText('Row 4: value "x" is not a decimal number');
  await expect(page.getByLabel("One factor per line: table, key, value")).not.toHaveValue(/state_modifier,OK,1\.2\b/);

  await file.setInputFiles({
    name: "factors.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await factorWorkbook([
      ["state_modifier", "OK", 1.2],
      ["state_modifier", "TX", 1.05],
    ]),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported: 2 state_modifier" })).toBeVisible();
  await expect(page.getByLabel("One factor per line: table, key, value")).toHaveValue(/state_modifier,OK,1\.2\n/);

  await page.getByRole("button", { name: "Test rate" }).click();
  const trail = page.getByRole("table", { name: "Rating steps" });
  await expect(trail).toContainText(`v-${stamp}`);

  await page.getByRole("button", { name: "Activate version" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Version v-${stamp} is active from` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Activate version" })).toHaveCount(0);
  await expect(page.getByLabel("One factor per line: table, key, value")).toHaveAttribute("readonly", "");

  const producerContext = await browser.newContext();
  const producer = await producerContext.newPage();
  await signIn(producer, "producer@summit.demo");
  await producer.getByRole("link", { name: "New submission" }).click();
  await waitForHydration(producer);
  await chooseInsured(producer, "Red River Landscaping (OK)");
  await producer.getByLabel("Program").selectOption({ label: `${programName} · GL` });
  await producer.getByLabel("NAICS class code").fill("561730");
  await producer.getByLabel("Annual revenue (GL) or payroll (WC), $").fill("2,400,000");
  await producer.getByLabel("Effective date").fill(daysFromToday(10));
  await producer.getByRole("group", { name: question }).getByLabel("No").check();
  await producer.getByRole("button", { name: "Submit and quote" }).click();
  await expect(producer).toHaveURL(/\/producer\/submissions\/sub_/);
  const option = producer.getByRole("region", { name: /^Option / }).first();
  await option.getByText("Why this price").click();
  const steps = option.getByRole("table", { name: "Rating steps" });
  await expect(steps).toContainText(`@v-${stamp}`);
  await expect(steps).toContainText("stateModifiers.OK");
  await producerContext.close();
});

test("an agency admin invites a producer who sees only the agency's book; a suspended member is signed out at once", async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const email = `new.producer.${stamp}@bluemesa.demo`;
  await signIn(page, "agency.admin@summit.demo");
  await expect(page).toHaveURL(/\/producer$/);
  await page.goto("/producer/team");
  await waitForHydration(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("producer");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const invitationPath = await linkFromOutbox(page, email);

  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(invitationPath);
  await newcomer.getByLabel("Invited email address").fill(email);
  await newcomer.getByRole("button", { name: "Continue" }).click();
  await newcomer.getByLabel("Your name").fill(`Nova Producer ${stamp}`);
  await newcomer.getByLabel("Choose a password").fill("nova-password-123");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer).toHaveURL(/\/producer$/);
  // Blue Mesa's insureds, never Harbor Point's.
  const book = newcomer.getByRole("main");
  await expect(book.getByText("High Desert Brewing Co.").first()).toBeVisible();
  await expect(book.getByText("Lone Star Roofing LLC")).toHaveCount(0);
  await expect(book.getByText("Red River Landscaping")).toHaveCount(0);

  // The organization admin suspends the newcomer: their next request finds them signed out.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@summit.demo");
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.getByRole("link", { name: `Nova Producer ${stamp}` }).click();
  await waitForHydration(admin);
  await admin.getByLabel("Reason for suspending").fill("Licence lapsed");
  await admin.getByRole("button", { name: "Suspend member" }).click();
  await expect(admin.getByText(/Suspended since .*: Licence lapsed/)).toBeVisible();

  await newcomer.reload();
  await expect(newcomer).toHaveURL(/\/sign-in/);
  await adminContext.close();
  await newcomerContext.close();
});

test("an admin uploads the organization's logo for its documents; a file that is not an image is refused", async ({
  page,
}) => {
  // A 1x1 PNG, and a GIF named like a PNG: the type is read from the bytes, not the name.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );
  await signIn(page, "admin@lakeshore.demo");
  await page.goto("/admin/settings");
  await waitForHydration(page);
  await page.getByLabel(/PNG or JPEG file/).setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: Buffer.from("GIF89a\x01\x00\x01\x00"),
  });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "must be a PNG or JPEG image" })).toBeVisible();

  await page.getByLabel(/PNG or JPEG file/).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logo saved" })).toBeVisible();
  const preview = page.getByRole("img", { name: /^Logo of / });
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);

  await page.getByRole("button", { name: "Remove logo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logo removed" })).toBeVisible();
  await expect(page.getByText("No logo yet")).toBeVisible();
});
