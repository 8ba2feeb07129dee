import { expect, test } from "vitest";
import { SESSION_ABSOLUTE_LIFETIME_SECONDS, sessionHasOutlived } from "./session-lifetime.ts";

test("a session ends at its absolute lifetime however recently it was used", () => {
  const created = new Date("2026-06-01T08:00:00.000Z");
  const at = (seconds: number) => new Date(created.getTime() + seconds * 1000);
  expect(sessionHasOutlived(created, at(60))).toBe(false);
  expect(sessionHasOutlived(created, at(SESSION_ABSOLUTE_LIFETIME_SECONDS))).toBe(false);
  expect(sessionHasOutlived(created, at(SESSION_ABSOLUTE_LIFETIME_SECONDS + 1))).toBe(true);
  expect(sessionHasOutlived(created.toISOString(), at(SESSION_ABSOLUTE_LIFETIME_SECONDS * 3))).toBe(true);
});
