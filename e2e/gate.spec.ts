import { test } from "./fixtures.ts";

// The gate itself: a page with serious and critical axe violations and a console error must
// fail the journey that visits it (the fixture's teardown throws, naming each), so this test is
// expected to fail. Served by the browser, not the app, so it needs nothing from the stack.
test.fail("a page with accessibility violations and a console error fails its journey", async ({ page }) => {
  await page.route("http://gate.invalid/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Gate</title></head><body><main><h1>Gate</h1>
        <ul role="alert"><li>listitem outside a list</li></ul><input type="text">
        <script>console.error("broken")</script></main></body></html>`,
    }),
  );
  await page.goto("http://gate.invalid/");
});
