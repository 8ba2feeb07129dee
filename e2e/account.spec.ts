import { expect, test, type Page } from "./fixtures.ts";
import * as OTPAuth from "otpauth";
import { queryE2eDatabase } from "./database.ts";
import { signIn, waitForHydration } from "./demo-users.ts";

async function linkFromOutbox(page: Page, to: string, subject: RegExp): Promise<string> {
  await page.goto("/dev/outbox");
  const email = page
    .locator("section")
    .filter({ hasText: `To ${to}` })
    .filter({ has: page.getByRole("heading", { name: subject }) })
    .first();
  const body = await email.locator("pre").textContent();
  const url = body?.match(/https?:\/\/\S+/)?.[0];
  if (!url) throw new Error(`No link in the email to ${to}`);
  return new URL(url).pathname;
}

async function invite(page: Page, email: string, roleLabel: string) {
  await signIn(page, "admin@summit.demo");
  await expect(page).toHaveURL(/\/admin$/);
  await waitForHydration(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(roleLabel, { exact: true }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
}

test("an invited finance analyst joins, resets the password through the outbox, and the admin changes the role", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const email = `new.analyst.${stamp}@summit.demo`;
  const name = `Nina Newcomer ${stamp}`;
  await invite(page, email, "Finance analyst");
  const invitationPath = await linkFromOutbox(page, email, /You are invited to Summit Ridge Underwriters/);

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(invitationPath);
  // The link alone shows nothing about the invitation: the invitee proves the address first.
  await expect(newcomer.getByRole("heading", { name: "Accept an invitation" })).toBeVisible();
  await expect(newcomer.getByText("Summit Ridge Underwriters")).toHaveCount(0);
  await newcomer.getByLabel("Invited email address").fill(`someone.else.${stamp}@summit.demo`);
  await newcomer.getByRole("button", { name: "Continue" }).click();
  await expect(newcomer.getByText("That is not the address this invitation was sent to.")).toBeVisible();
  await newcomer.getByLabel("Invited email address").fill(email);
  await newcomer.getByRole("button", { name: "Continue" }).click();
  await expect(newcomer.getByRole("heading", { name: "Join Summit Ridge Underwriters" })).toBeVisible();
  await newcomer.getByLabel("Your name").fill(name);
  await newcomer.getByLabel("Choose a password").fill("short");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer.getByText("Use at least 10 characters")).toBeVisible();
  await newcomer.getByLabel("Choose a password").fill("first-password-123");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer).toHaveURL(/\/finance$/);
  await newcomer.getByRole("button", { name: "Sign out" }).click();

  await newcomer.goto("/forgot-password");
  await newcomer.getByLabel("Email").fill(email);
  await newcomer.getByRole("button", { name: "Send reset link" }).click();
  await expect(newcomer.getByRole("status")).toContainText("If an account exists");
  const resetPath = await linkFromOutbox(newcomer, email, /Reset your OpenInsure password/);
  await newcomer.goto(resetPath);
  await newcomer.getByLabel("New password").fill("second-password-456");
  await newcomer.getByLabel("Repeat the password").fill("second-password-456");
  await newcomer.getByRole("button", { name: "Save password" }).click();
  await expect(newcomer).toHaveURL(/\/sign-in\?reset=1$/);
  await newcomer.getByLabel("Email").fill(email);
  await newcomer.getByLabel("Password").fill("second-password-456");
  await newcomer.getByRole("button", { name: "Sign in" }).click();
  await expect(newcomer).toHaveURL(/\/finance$/);

  await page.goto("/admin");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("Finance analyst").uncheck();
  await page.getByLabel("Compliance officer").check();
  await expect(page.getByLabel("Finance analyst")).not.toBeChecked();
  await page.getByRole("button", { name: "Save roles" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("row").filter({ hasText: "role changed" }).filter({ hasText: email })).toContainText(
    '"to":["compliance_officer"]',
  );
  await expect(page.getByRole("row").filter({ hasText: "member invited" }).filter({ hasText: email })).toBeVisible();

  await newcomer.goto("/");
  await expect(newcomer).toHaveURL(/\/compliance$/);
});

test("an invited org admin must set up TOTP before entering", async ({ page, browser }) => {
  const email = `new.admin.${Date.now()}@summit.demo`;
  await invite(page, email, "Organization admin");
  const invitationPath = await linkFromOutbox(page, email, /You are invited/);

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(invitationPath);
  await newcomer.getByLabel("Invited email address").fill(email);
  await newcomer.getByRole("button", { name: "Continue" }).click();
  await newcomer.getByLabel("Your name").fill("Ada Admin-Two");
  await newcomer.getByLabel("Choose a password").fill("admin-password-789");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer).toHaveURL(/\/account\/two-factor$/);
  await newcomer.goto("/admin");
  await expect(newcomer).toHaveURL(/\/account\/two-factor$/);

  await newcomer.getByLabel("Password").fill("admin-password-789");
  await newcomer.getByRole("button", { name: "Continue" }).click();
  const secret = (await newcomer.getByLabel("Secret key").textContent())!.trim();
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
  await newcomer.getByLabel("Authentication code").fill(code);
  await newcomer.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(newcomer).toHaveURL(/\/admin$/);
});

test("the platform operator impersonates a user, visibly, and stops", async ({ page }) => {
  await signIn(page, "operator@openinsure.demo");
  await expect(page).toHaveURL(/\/admin$/);
  await page
    .getByRole("row")
    .filter({ hasText: "producer@summit.demo" })
    .getByRole("button", { name: "Impersonate" })
    .click();
  await expect(page).toHaveURL(/\/producer$/);
  await expect(page.getByRole("status")).toContainText("You are impersonating Priya Producer");
  await page.getByRole("button", { name: "Stop impersonating" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText("You are impersonating")).toHaveCount(0);
});

test("a bad invitation link says so", async ({ page }) => {
  const response = await page.goto("/invitations/not-a-real-invitation");
  expect(response?.status()).toBe(404);
});

test("impersonating: audit rows name both people, stopping is audited, operators and lasting admin changes are refused", async ({
  page,
}) => {
  await signIn(page, "operator@openinsure.demo");
  await expect(page).toHaveURL(/\/admin$/);
  const post = (path: string, form: Record<string, string>) => page.request.post(path, { form, maxRedirects: 0 });
  // An operator may not act as another operator (the demo's only operator is themself).
  expect((await post("/impersonation", { userId: "usr_operator" })).status()).toBe(403);
  expect((await post("/impersonation", { userId: "usr_a_admin" })).status()).toBe(302);

  // What outlives the impersonation and would be credited to the user is refused.
  expect(
    (await post("/admin/api-keys", { intent: "issue", name: "operator key", agencyId: "agy_harbor" })).status(),
  ).toBe(403);
  expect(
    (await post("/admin/webhooks", { url: "https://example.com/hook", eventTypes: "policy.bound" })).status(),
  ).toBe(403);
  expect((await post("/admin/members/mem_usr_a_uw", { roles: "senior_underwriter" })).status()).toBe(403);

  // What is allowed is audited under both names.
  const invitee = `impersonated-invite-${Date.now()}@example.com`;
  expect((await post("/admin?index", { email: invitee, roles: "underwriter" })).status()).toBe(200);
  expect((await post("/impersonation", { intent: "stop" })).status()).toBe(302);

  const rows = await queryE2eDatabase<{
    action: string;
    actor_user_id: string;
    detail: string | Record<string, unknown>;
  }>(
    "SELECT action, actor_user_id, detail FROM audit_log WHERE org_id = 'org_summit' AND ((action = 'member_invited' AND target_id = ?) OR (action = 'impersonation_stopped' AND created_at >= NOW() - INTERVAL 2 MINUTE)) ORDER BY created_at",
    [invitee],
  );
  const detail = (row: (typeof rows)[number]) => (typeof row.detail === "string" ? JSON.parse(row.detail) : row.detail);
  const invited = rows.find((r) => r.action === "member_invited");
  expect(invited?.actor_user_id).toBe("usr_a_admin");
  expect(detail(invited!).impersonatedBy).toEqual({ userId: "usr_operator", email: "operator@openinsure.demo" });
  const stopped = rows.find((r) => r.action === "impersonation_stopped");
  expect(detail(stopped!).impersonatedBy).toMatchObject({ userId: "usr_operator" });
});
