import { expect, test } from "vitest";
import { headers } from "./sign-in.tsx";

test("a throttled sign-in page carries the action's Retry-After", () => {
  const none = new Headers();
  const throttled = new Headers(
    headers({
      actionHeaders: new Headers({ "Retry-After": "840" }),
      loaderHeaders: none,
      parentHeaders: none,
      errorHeaders: undefined,
    }),
  );
  expect(throttled.get("retry-after")).toBe("840");
  expect(
    new Headers(
      headers({ actionHeaders: none, loaderHeaders: none, parentHeaders: none, errorHeaders: undefined }),
    ).has("retry-after"),
  ).toBe(false);
});
