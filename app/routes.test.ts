import { afterEach, expect, test, vi } from "vitest";

type RouteEntry = { path?: string; children?: RouteEntry[] };

const paths = (routes: RouteEntry[]): string[] => routes.flatMap((r) => [r.path ?? "", ...paths(r.children ?? [])]);

async function routeTableWith(appEnv: string | undefined): Promise<string[]> {
  vi.resetModules();
  vi.stubEnv("APP_ENV", appEnv);
  return paths((await import("./routes.ts")).default as RouteEntry[]);
}

afterEach(() => vi.unstubAllEnvs());

test("the dev mailbox exists only in a development build", async () => {
  expect(await routeTableWith("development")).toContain("dev/outbox");
  expect(await routeTableWith(undefined)).not.toContain("dev/outbox");
  expect(await routeTableWith("production")).not.toContain("dev/outbox");
});
