import { expect, test } from "vitest";
import { AREAS } from "../auth/areas.ts";
import { layoutAreaOf } from "./area-pattern.ts";

test("every area's pages belong to that area's layout", () => {
  for (const area of AREAS) {
    expect(layoutAreaOf(area.path)).toBe(area.id);
    expect(layoutAreaOf(`${area.path}/things/:thingId`)).toBe(area.id);
  }
  expect(layoutAreaOf("/uw/")).toBe("uw");
});

test("notifications need no area; anything else is no layout's", () => {
  expect(layoutAreaOf("/notifications")).toBeNull();
  expect(layoutAreaOf("/")).toBeUndefined();
  expect(layoutAreaOf("/uwx/submissions")).toBeUndefined();
  expect(layoutAreaOf("/sign-in")).toBeUndefined();
});
