import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { queryE2eDatabase, withE2eDatabaseUrl } from "./database.ts";
import { signIn } from "./demo-users.ts";
import { expect, type Browser, type Page } from "./fixtures.ts";

// Steps the servicing journeys share: people signed in, a bound policy's issue awaited, and the
// servicing jobs run for one policy on a chosen date.

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
  return withE2eDatabaseUrl(async (url) => {
    const { stdout } = await promisify(execFile)(
      "node_modules/.bin/tsx",
      ["tests/support/servicing-jobs.ts", command, orgId, policyId, date],
      { env: { ...process.env, DATABASE_URL: url } },
    );
    return JSON.parse(stdout.trim().split("\n").at(-1)!) as T;
  });
}

export async function person(browser: Browser, email: string, home: RegExp): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(home);
  return page;
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
