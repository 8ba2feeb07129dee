import { expect, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, type DemoUser, users } from "../db/seed/demo-data.ts";

export function demoUser(email: string): DemoUser {
  const user = users.find((u) => u.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user;
}

export function totpCode(): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(DEMO_TOTP_SECRET), digits: 6, period: 30 }).generate();
}

export async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (demoUser(email).totp) {
    await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
    await page.getByLabel("Authentication code").fill(totpCode());
    await page.getByRole("button", { name: "Verify" }).click();
  }
}

/** Waits until React has hydrated the page, so interactions are not lost to hydration. */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
