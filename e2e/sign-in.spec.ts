import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures.ts";
import { DEMO_PASSWORD } from "../db/seed/demo-data.ts";
import { signIn } from "./demo-users.ts";

// Each demo role: where it lands, a row it must see there, and an area it must not enter.
const journeys = [
  { email: "underwriter@summit.demo", lands: "/uw", sees: "SUB-2026-0102", refused: "/finance" },
  { email: "senior.underwriter@summit.demo", lands: "/uw", sees: "Bayou Catering Co.", refused: "/admin" },
  { email: "producer@summit.demo", lands: "/producer", sees: "SRU-GL-2026-000001", refused: "/uw" },
  { email: "agency.admin@summit.demo", lands: "/producer", sees: "SRU-WC-2026-000002", refused: "/claims" },
  { email: "adjuster@summit.demo", lands: "/claims", sees: "CLM-2026-00012", refused: "/uw" },
  { email: "claims.supervisor@summit.demo", lands: "/claims", sees: "CLM-2026-00013", refused: "/finance" },
  { email: "finance@summit.demo", lands: "/finance", sees: "INV-2026-00003", refused: "/producer" },
  { email: "compliance@summit.demo", lands: "/compliance", sees: "GMIC-DA-2026-014", refused: "/portal" },
  { email: "carrier@summit.demo", lands: "/carrier", sees: "SRU-GL-2026-000001", refused: "/uw" },
  { email: "policyholder@summit.demo", lands: "/portal", sees: "SRU-GL-2026-000001", refused: "/producer" },
  { email: "admin@summit.demo", lands: "/admin", sees: "underwriter@summit.demo", refused: "/claims" },
  { email: "operator@openinsure.demo", lands: "/admin", sees: "policyholder@lakeshore.demo", refused: "/uw" },
  { email: "admin@lakeshore.demo", lands: "/admin", sees: "producer@lakeshore.demo", refused: "/finance" },
  { email: "producer@lakeshore.demo", lands: "/producer", sees: "LSM-GL-2026-000001", refused: "/admin" },
];

for (const journey of journeys) {
  test(`${journey.email} lands in ${journey.lands} and is refused ${journey.refused}`, async ({ page }) => {
    await signIn(page, journey.email);
    await expect(page).toHaveURL(new RegExp(`${journey.lands}$`));
    await expect(page.getByText(journey.sees).first()).toBeVisible();

    const accessibility = await new AxeBuilder({ page }).analyze();
    expect(
      accessibility.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);

    const refused = await page.goto(journey.refused);
    expect(refused?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access" })).toBeVisible();
  });
}

test("a producer sees only its own agency's book", async ({ page }) => {
  await signIn(page, "producer@summit.demo");
  await expect(page.getByText("Lone Star Roofing LLC").first()).toBeVisible();
  await expect(page.getByText("Saguaro Electric Inc.")).toHaveCount(0);
});

test("a user with two roles sees both areas and can switch", async ({ page }) => {
  await signIn(page, "ops@summit.demo");
  await expect(page).toHaveURL(/\/uw$/);
  const nav = page.getByRole("navigation", { name: "Areas" });
  await nav.getByRole("link", { name: "Finance" }).click();
  await expect(page).toHaveURL(/\/finance$/);
  await expect(page.getByText("INV-2026-00004")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("a wrong password shows an error and signs nobody in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("underwriter@summit.demo");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  await page.goto("/uw");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fuw$/);
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "finance@summit.demo");
  await expect(page).toHaveURL(/\/finance$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/finance");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an org admin cannot get past the password without a valid TOTP code", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@summit.demo");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not valid")).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("repeated failed sign-ins for one account are throttled", async ({ page }) => {
  const email = "no-such-user@summit.demo";
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("one-more-guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Too many sign-in attempts");
});
