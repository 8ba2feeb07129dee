import { expect, type Page } from "./fixtures.ts";
import { waitForHydration } from "./demo-users.ts";
import { chooseInsured } from "./insureds.ts";
import { answerKnockoutQuestions } from "./knockouts.ts";

/** A risk as a producer types it into the new-submission form. */
export type Risk = {
  insured: string;
  program: string;
  programId: string;
  naics: string;
  /** Annual revenue (GL) or payroll (WC), as typed: "1,200,000". */
  exposure: string;
  effective: string;
  /** Knockout codes answered the adverse way; every other question is answered clean. */
  adverse?: readonly string[];
};

export const MAIN_STREET_GL = { program: "Main Street General Liability · GL", programId: "prg_summit_gl" } as const;

/** Fills the new-submission form already on screen with `risk`. */
export async function fillRisk(page: Page, risk: Risk) {
  await chooseInsured(page, risk.insured);
  await page.getByLabel("Program").selectOption({ label: risk.program });
  await page.getByLabel("NAICS class code").fill(risk.naics);
  await page.getByLabel("Annual revenue (GL) or payroll (WC), $").fill(risk.exposure);
  await page.getByLabel("Effective date").fill(risk.effective);
  await answerKnockoutQuestions(page, risk.programId, risk.adverse);
}

/** From anywhere in the producer area: files `risk` as a new submission and lands on its quote. */
export async function fileAndQuote(page: Page, risk: Risk) {
  await page.getByRole("link", { name: "New submission" }).click();
  await waitForHydration(page);
  await fillRisk(page, risk);
  await page.getByRole("button", { name: "Submit and quote" }).click();
  await expect(page).toHaveURL(/\/producer\/submissions\/sub_/);
}

/**
 * On a producer's quote: picks the plan (when given), names the three admitted carriers that
 * declined where the state asks for a diligent search, and binds the option. It does not wait
 * for the policy page, so a journey can check a refusal too.
 */
export async function bindOption(page: Page, { option = 1, plan }: { option?: number; plan?: string } = {}) {
  // Typed before hydration, a field's value can be lost when React takes the form over.
  await waitForHydration(page);
  const region = page.getByRole("region", { name: `Option ${option}` });
  if (plan) await region.getByLabel("Payment plan").selectOption(plan);
  for (const [i, carrier] of ["Travelers", "The Hartford", "Nationwide"].entries()) {
    const field = region.getByLabel(`Declining carrier ${i + 1}`);
    if (await field.count()) await field.fill(carrier);
  }
  await region.getByRole("button", { name: "Bind this option" }).click();
}

/** Binds an option and returns the new policy's id from the policy page it lands on. */
export async function bindToPolicy(page: Page, choice: { option?: number; plan?: string } = {}): Promise<string> {
  await bindOption(page, choice);
  await expect(page).toHaveURL(/\/producer\/policies\/pol_/);
  return /\/producer\/policies\/(pol_[^/?#]+)/.exec(page.url())![1]!;
}

/** The demo policyholder's business on Main Street GL: the journeys that follow a policy's money bind it. */
export const LONE_STAR_ROOFING_GL = {
  ...MAIN_STREET_GL,
  insured: "Lone Star Roofing LLC (TX)",
  naics: "561730",
} as const;
