import { expect, test } from "./fixtures.ts";
import { signIn } from "./demo-users.ts";

// With a session of the second organization, every route that takes an id answers 404 for the
// first organization's ids (existence is not revealed), while its own ids open normally.
const cases = [
  { email: "underwriter@lakeshore.demo", foreign: "/uw/submissions/sub_a_1", own: "/uw/submissions/sub_b_2" },
  { email: "producer@lakeshore.demo", foreign: "/producer/policies/pol_a_1", own: "/producer/policies/pol_b_1" },
  { email: "policyholder@lakeshore.demo", foreign: "/portal/policies/pol_a_1", own: "/portal/policies/pol_b_1" },
  { email: "carrier@lakeshore.demo", foreign: "/carrier/policies/pol_a_1", own: "/carrier/policies/pol_b_1" },
  { email: "adjuster@lakeshore.demo", foreign: "/claims/clm_a_1", own: "/claims/clm_b_1" },
  { email: "finance@lakeshore.demo", foreign: "/finance/invoices/inv_a_1", own: "/finance/invoices/inv_b_1" },
  { email: "admin@lakeshore.demo", foreign: "/admin/members/mem_usr_a_uw", own: "/admin/members/mem_usr_b_uw" },
  {
    email: "policyholder@lakeshore.demo",
    foreign: "/policies/pol_a_1/declarations.pdf",
    own: "/policies/pol_b_1/declarations.pdf",
  },
];

for (const c of cases) {
  test(`${c.email} gets 404 for ${c.foreign}`, async ({ page }) => {
    await signIn(page, c.email);
    await expect(page.getByRole("navigation", { name: "Areas" })).toBeVisible();
    // page.request shares the signed-in cookies and also covers routes that answer with a file.
    expect((await page.request.get(c.own)).status()).toBe(200);
    expect((await page.request.get(c.foreign)).status()).toBe(404);
  });
}

test("a producer gets 404 for another agency's policy in the same organization", async ({ page }) => {
  await signIn(page, "producer@summit.demo");
  await expect(page).toHaveURL(/\/producer$/);
  const response = await page.goto("/producer/policies/pol_a_2");
  expect(response?.status()).toBe(404);
});

test("an adjuster gets 404 for a claim not assigned to them", async ({ page }) => {
  await signIn(page, "adjuster@summit.demo");
  await expect(page).toHaveURL(/\/claims$/);
  const response = await page.goto("/claims/clm_a_3");
  expect(response?.status()).toBe(404);
});

test("the 404 for another organization's record is the ordinary not-found page", async ({ page }) => {
  await signIn(page, "underwriter@lakeshore.demo");
  await expect(page).toHaveURL(/\/uw$/);
  expect((await page.goto("/uw/submissions/sub_a_1"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("a portal's role check also guards its actions, not only its pages", async ({ page }) => {
  await signIn(page, "producer@summit.demo");
  await expect(page).toHaveURL(/\/producer$/);
  const claim = await page.request.post("/uw?index", { form: { submissionId: "sub_a_5" } });
  expect(claim.status()).toBe(403);
  const issueKey = await page.request.post("/admin/api-keys", {
    form: { intent: "issue", name: "sneaky", agencyId: "agy_bluemesa" },
  });
  expect(issueKey.status()).toBe(403);
});
