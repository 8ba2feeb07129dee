import { expect, test } from "vitest";
import { offRequestPathHeaders, runOffRequestPath } from "./off-request-path.ts";

test("statements made off the request path carry its kind, across awaits; those on the path carry nothing", async () => {
  expect(offRequestPathHeaders()).toBeUndefined();
  const seen = await runOffRequestPath("after-response", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return offRequestPathHeaders();
  });
  expect(seen).toEqual({ "x-openinsure-work": "after-response" });
  expect(offRequestPathHeaders()).toBeUndefined();
});
