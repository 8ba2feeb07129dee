import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { expect, test } from "vitest";
import { LocalTime } from "./local-time.tsx";

test("an instant renders in UTC inside <time dateTime> on the server (the module loads without throwing)", () => {
  const html = renderToString(createElement(LocalTime, { value: "2026-12-03T19:15:00.000Z" }));
  expect(html).toContain('dateTime="2026-12-03T19:15:00.000Z"');
  expect(html).toContain("Dec 3, 2026");
});
