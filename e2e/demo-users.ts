import { expect, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, type DemoUser, users } from "../db/seed/demo-data.ts";

export function demoUser(email: string): DemoUser {
  const user = users.find((u) => u.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user;
}

export function totpCode(timestamp = Date.now()): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(DEMO_TOTP_SECRET), digits: 6, period: 30 }).generate({
    timestamp,
  });
}

export async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (demoUser(email).totp) {
    await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
    await enterFreshCode(page);
  }
}

/**
 * A code completes one sign-in, and demo users sign in often: when this step's code was used
 * already, the next step's (which the server also accepts) is tried, then the one after a wait.
 */
export async function enterFreshCode(page: Page) {
  const signedIn = (url: URL) => !url.pathname.startsWith("/sign-in/two-factor");
  // This step's code, the next step's, then (after the step turns) the new current and next ones.
  for (const [waitFirst, ahead] of [
    [false, 0],
    [false, 30_000],
    [true, 0],
    [false, 30_000],
  ] as const) {
    if (waitFirst) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await page.getByLabel("Authentication code").fill(totpCode(Date.now() + ahead));
    const answered = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().includes("/sign-in/two-factor"),
    );
    await page.getByRole("button", { name: "Verify" }).click();
    await answered;
    if (
      await page.waitForURL(signedIn, { timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error("every authenticator code nearby was refused");
}

/** Waits until React has hydrated the page, so interactions are not lost to hydration. */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
