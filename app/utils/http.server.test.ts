import { expect, test } from "vitest";
import { safeRedirect } from "./http.server.ts";

test("only same-origin paths pass as redirect targets; everything else goes to the fallback", () => {
  for (const ok of ["/", "/uw", "/producer/submissions/sub_1?tab=quote#top", "/invitations/inv_1"])
    expect(safeRedirect(ok)).toBe(ok);
  const hostile = [
    "/\t/evil.example", // browsers drop the tab and read //evil.example
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/uw\r\nSet-Cookie: x=1",
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " /uw",
    "/uw\u0000",
    "evil.example",
    "",
  ];
  for (const to of hostile) expect(safeRedirect(to, "/home"), JSON.stringify(to)).toBe("/home");
  expect(safeRedirect(null)).toBe("/");
  expect(safeRedirect(undefined, "/x")).toBe("/x");
});
