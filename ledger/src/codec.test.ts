import { expect, test } from "vitest";
import { parseId, parseIds } from "./codec.ts";

test("an id longer than 39 digits is refused by its length, before BigInt parses it", () => {
  const huge = "9".repeat(200_000);
  const started = performance.now();
  expect(() => parseId(huge, "id")).toThrow(/at most 39 digits/);
  expect(() => parseIds({ ids: [huge] })).toThrow(/at most 39 digits/);
  expect(performance.now() - started).toBeLessThan(50);
  // 2^128-1 itself (39 digits) still parses; one more is refused by value.
  expect(parseId("340282366920938463463374607431768211455", "id")).toBe((1n << 128n) - 1n);
  expect(() => parseId("340282366920938463463374607431768211456", "id")).toThrow(/larger than 2\^128-1/);
});
