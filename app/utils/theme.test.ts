import { expect, test } from "vitest";
import { themeChange, themeCookie, themeFromCookie, themeHref } from "./theme.ts";

test("the theme comes from its cookie, defaulting to the system's", () => {
  expect(themeFromCookie(null)).toBe("system");
  expect(themeFromCookie("a=1; oi_theme=dark; b=2")).toBe("dark");
  expect(themeFromCookie("oi_theme=purple")).toBe("system");
});

test("a ?theme= link stores the choice and returns to the same address without it", () => {
  expect(themeChange(new URL("http://x/uw?status=referred&theme=dark"))).toEqual({
    theme: "dark",
    redirectTo: "/uw?status=referred",
  });
  expect(themeChange(new URL("http://x/uw?theme=nope"))).toBeNull();
  expect(themeChange(new URL("http://x/uw"))).toBeNull();
  expect(themeCookie("dark")).toContain("oi_theme=dark; Path=/; Max-Age=31536000");
  expect(themeCookie("system")).toContain("Max-Age=0");
  expect(themeHref("/uw", "?status=referred", "light")).toBe("/uw?status=referred&theme=light");
});
