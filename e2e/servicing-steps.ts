import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { startPlanetScaleSimulator } from "../db/local/planetscale-simulator.ts";
import { addDays } from "../app/utils/calendar-date.ts";
import { queryE2eDatabase } from "./database.ts";
import { signIn, waitForHydration } from "./demo-users.ts";
import { expect, type Browser, type Page } from "./fixtures.ts";
import { chooseInsured } from "./insureds.ts";
import { answerKnockoutQuestions } from "./knockouts.ts";

// Steps the servicing journeys share: people signed in, a policy bound through the pages, and the
// servicing jobs run for one policy on a chosen date.

// Both demo organizations keep their business dates in UTC.
export function todayPlus(days: number): string {
  return addDays(new Date().toISOString().slice(0, 10), days);
}

/**
 * Runs a servicing job's step for one policy on a chosen date against the e2e stack's database,
 * as the Worker's cron would on that date (tests/support/servicing-jobs.ts says why in a process
 * of its own).
 */
export async function runServicingJob<T>(
  command: "notice" | "execute" | "renewal",
  orgId: string,
  policyId: string,
  date: string,
): Promise<T> {
  const password = randomBytes(12).toString("hex");
  const simulator = await startPlanetScaleSimulator({
    mysql: {
      host: "127.0.0.1",
      port: Number(process.env.E2E_DB_PORT),
      user: "root",
      password: "",
      database: "openinsure_e2e",
    },
    username: "e2e",
    password,
  });
  try {
    const { stdout } = await promisify(execFile)(
      "node_modules/.bin/tsx",
      ["tests/support/servicing-jobs.ts", command, orgId, policyId, date],
      { env: { ...process.env, DATABASE_URL: simulator.url } },
    );
    return JSON.parse(stdout.trim().split("\n").at(-1)!) as T;
  } finally {
    await simulator.close();
  }
}

export async function person(browser: Browser, email: string, home: RegExp): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(home);
  return page;
}

export type Bind = {
  insured: string;
  program: string;
  programId: string;
  naics: string;
  revenue: string;
  effective: string;
  plan: string;
};

/** The producer files a submission, binds its first option and lands on the new policy's page. */
export async function bindPolicy(producer: Page, bind: Bind): Promise<string> {
  await producer.getByRole("link", { name: "New submission" }).click();
  await waitForHydration(producer);
  await chooseInsured(producer, bind.insured);
  await producer.getByLabel("Program").selectOption({ label: bind.program });
  await producer.getByLabel("NAICS class code").fill(bind.naics);
  await producer.getByLabel("Annual revenue (GL) or payroll (WC), $").fill(bind.revenue);
  await producer.getByLabel("Effective date").fill(bind.effective);
  await answerKnockoutQuestions(producer, bind.programId);
  await producer.getByRole("button", { name: "Submit and quote" }).click();
  await expect(producer).toHaveURL(/\/producer\/submissions\/sub_/);
  const option = producer.getByRole("region", { name: "Option 1" });
  await option.getByLabel("Payment plan").selectOption(bind.plan);
  const declinations = option.getByLabel(/^Declining carrier \d$/);
  for (const [i, carrier] of ["Travelers", "The Hartford", "Nationwide"].entries()) {
    if (i < (await declinations.count())) await option.getByLabel(`Declining carrier ${i + 1}`).fill(carrier);
  }
  await option.getByRole("button", { name: "Bind this option" }).click();
  await expect(producer).toHaveURL(/\/producer\/policies\/pol_/);
  return /\/producer\/policies\/(pol_[^/?#]+)/.exec(producer.url())![1]!;
}

/** The bind stores the declarations after its response; the policy is issued once they are. */
export async function waitUntilIssued(policyId: string) {
  await expect
    .poll(
      async () =>
        (await queryE2eDatabase<{ status: string }>("SELECT status FROM policies WHERE id = ?", [policyId]))[0]?.status,
      { timeout: 30_000 },
    )
    .toBe("issued");
}

export function policyStatus(page: Page) {
  return page
    .locator("dl > div")
    .filter({ has: page.locator("dt", { hasText: /^Status$/ }) })
    .locator("dd")
    .first();
}
