// The settings without which the Worker must not serve at all: a short secret would sign
// sessions and seal webhook secrets under a guessable key, and without APP_URL links in mail and
// the same-origin check have nothing to compare against.

export const MIN_SECRET_LENGTH = 32;

type Settings = { BETTER_AUTH_SECRET?: string; APP_URL?: string };

/** Every problem with the settings, as sentences for the operator; empty when all is well. */
export function environmentProblems(env: Settings): string[] {
  const problems: string[] = [];
  const secret = env.BETTER_AUTH_SECRET ?? "";
  if (secret.length < MIN_SECRET_LENGTH) {
    problems.push(
      `BETTER_AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters (it has ${secret.length}). ` +
        "Generate one with `openssl rand -base64 48` and set it with `wrangler secret put BETTER_AUTH_SECRET`.",
    );
  }
  let url: URL | null = null;
  try {
    url = env.APP_URL ? new URL(env.APP_URL) : null;
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    problems.push(
      `APP_URL must be the app's absolute http(s) address, e.g. https://app.example.com (it is ${JSON.stringify(env.APP_URL ?? "")}).`,
    );
  }
  return problems;
}

/** Throws one clear error naming every missing or unsafe setting. */
export function assertEnvironment(env: Settings): void {
  const problems = environmentProblems(env);
  if (problems.length > 0) throw new Error(`OpenInsure cannot start:\n- ${problems.join("\n- ")}`);
}
