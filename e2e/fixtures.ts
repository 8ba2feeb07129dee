import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, test as base, type Page } from "@playwright/test";

export { expect } from "@playwright/test";
export type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";

/**
 * Every journey is also an accessibility and console check (issue 11): each page a journey
 * visits, in any of its browser contexts, is analysed by axe against WCAG 2.0/2.1 A and AA, and
 * the test fails on any serious or critical violation or on any error in the browser console.
 * Specs import `test` and `expect` from here instead of from @playwright/test.
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING_IMPACTS = new Set(["serious", "critical"]);
// Node details only for violations: passes and inapplicable rules are not collected.
const VIOLATIONS_ONLY = { resultTypes: ["violations" as const] };
// A client-side navigation changes the URL before the new route has necessarily painted.
const SETTLE_MS = 250;

/**
 * Buttons and links animate their colours (`transition`): measured mid-way they fail contrast,
 * and on a loaded machine a fixed pause is not always long enough. An endless animation (a
 * spinner) never ends, so after five seconds the check goes ahead.
 */
async function colourTransitionsEnded(page: Page) {
  await page.waitForTimeout(SETTLE_MS);
  await page
    .waitForFunction(
      () =>
        (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document
          .getAnimations()
          .every((animation) => animation.playState !== "running"),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

/**
 * Each route shape (ids stripped) is analysed once per worker, in light mode against every rule
 * and in dark mode for contrast: every kind of page the journeys reach is checked, while a page
 * revisited with another id (the same markup) is not analysed again. axe runs in the page's main
 * thread beside the journey, and analysing every visit made the journeys several times slower.
 */
const shapesChecked = new Set<string>();

/** Development-only tooling (the mailbox at /dev/outbox) is not built into production. */
const NOT_PRODUCT = /^\/dev\//;

function routeShape(url: URL): string {
  return url.pathname
    .split("/")
    .map((segment) => (/\d/.test(segment) ? ":id" : segment))
    .join("/");
}

// An analysis that has not finished by then (a page that never settles) is given up, so the
// test's own timeout is spent on the journey rather than on waiting for axe.
const ANALYSIS_LIMIT_MS = 20_000;

async function withinTime(analysis: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([analysis, new Promise<void>((resolve) => (timer = setTimeout(resolve, ANALYSIS_LIMIT_MS)))]);
  clearTimeout(timer);
}

function withoutHash(url: string): string {
  const hash = url.indexOf("#");
  return hash === -1 ? url : url.slice(0, hash);
}

class PageWatch {
  readonly problems: string[] = [];
  private readonly expectedErrors: RegExp[] = [];

  /**
   * A console error the journey provokes on purpose and asserts itself (a refused WebSocket
   * upgrade is logged by the browser as an error): declared by the test, matched by text.
   */
  expectConsoleError(pattern: RegExp) {
    this.expectedErrors.push(pattern);
  }
  private readonly analysed = new Set<string>();
  // One queue per page: people in other contexts go on while this page is analysed.
  private readonly queues = new Map<Page, Promise<void>>();

  /**
   * `scripts: false` for a context without JavaScript: axe cannot run in its pages (evaluation
   * waits forever), and their markup is the same the JavaScript journeys analyse; their console
   * is still watched.
   */
  watchContext(context: BrowserContext, { scripts }: { scripts: boolean }) {
    for (const page of context.pages()) this.watchPage(page, scripts);
    context.on("page", (page) => this.watchPage(page, scripts));
  }

  private watchPage(page: Page, scripts: boolean) {
    // The browser logs every 4xx answer as a failed resource. For a page the journey navigated to
    // (another tenant's id: 404) or a route's data request (`.data`: a refused form answers 400,
    // 401 or 422 and the page shows why) that status is the app's answer, which the journey
    // asserts itself. Any 5xx, and a 4xx for anything else (a script, a style, an image), fails.
    const documentUrls = new Set<string>();
    page.on("response", (response) => {
      if (response.request().isNavigationRequest()) documentUrls.add(response.url());
    });
    const answered = (source: string) => documentUrls.has(source) || new URL(source).pathname.endsWith(".data");
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (this.expectedErrors.some((pattern) => pattern.test(message.text()))) return;
      const source = message.location().url;
      if (
        /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) &&
        source &&
        answered(source)
      )
        return;
      this.problems.push(`console error on ${page.url()}: ${message.text()}${source ? ` (${source})` : ""}`);
    });
    page.on("pageerror", (error) => this.problems.push(`uncaught error on ${page.url()}: ${error.message}`));
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame() || !scripts) return;
      const url = withoutHash(frame.url());
      if (!url.startsWith("http") || this.analysed.has(url)) return;
      const shape = routeShape(new URL(url));
      if (shapesChecked.has(shape) || NOT_PRODUCT.test(shape)) return;
      this.analysed.add(url);
      this.queues.set(
        page,
        (this.queues.get(page) ?? Promise.resolve()).then(() => withinTime(this.analyse(page, url))),
      );
    });
  }

  private async analyse(page: Page, url: string) {
    try {
      await page.waitForLoadState("load");
      await page.waitForTimeout(SETTLE_MS);
      if (page.isClosed() || withoutHash(page.url()) !== url) {
        this.analysed.delete(url);
        return;
      }
      // PDFs, CSV downloads and JSON answers are not pages.
      if (
        !(await page.evaluate(
          () => (globalThis as unknown as { document: { contentType: string } }).document.contentType === "text/html",
        ))
      )
        return;
      const shape = routeShape(new URL(url));
      if (shapesChecked.has(shape)) return;
      shapesChecked.add(shape);
      const light = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options(VIOLATIONS_ONLY).analyze();
      this.report(light.violations, url, "");
      await page.emulateMedia({ colorScheme: "dark" });
      await colourTransitionsEnded(page);
      try {
        const dark = await new AxeBuilder({ page }).withRules(["color-contrast"]).options(VIOLATIONS_ONLY).analyze();
        this.report(dark.violations, url, " (dark)");
      } finally {
        if (!page.isClosed()) await page.emulateMedia({ colorScheme: "light" });
      }
    } catch (error) {
      // The journey moved on (navigated or closed the page) while axe ran: the page it moved to
      // is analysed in turn, and this one (or another of its shape) when the journeys reach it again.
      if (
        page.isClosed() ||
        withoutHash(page.url()) !== url ||
        /context was destroyed|Target .*closed|navigat/i.test(String(error)) ||
        // An analysis given up at ANALYSIS_LIMIT_MS may still be running in the page.
        /Axe is already running/.test(String(error))
      ) {
        this.analysed.delete(url);
        shapesChecked.delete(routeShape(new URL(url)));
        return;
      }
      throw error;
    }
  }

  private report(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"], url: string, scheme: string) {
    for (const violation of violations) {
      if (!BLOCKING_IMPACTS.has(violation.impact ?? "")) continue;
      const targets = violation.nodes.map((node) => node.target.join(" ")).join(", ");
      this.problems.push(`axe ${violation.impact} ${violation.id} on ${url}${scheme}: ${violation.help} at ${targets}`);
    }
  }

  async settle() {
    await Promise.all(this.queues.values());
  }
}

export const test = base.extend<{ pageWatch: PageWatch }>({
  pageWatch: [
    async ({ browser, context, javaScriptEnabled }, use) => {
      const watch = new PageWatch();
      watch.watchContext(context, { scripts: javaScriptEnabled !== false });
      // Journeys open more contexts (one per person): those are watched too.
      const newContext = browser.newContext.bind(browser);
      const newPage = browser.newPage.bind(browser);
      const patched = browser as Browser & { newContext: Browser["newContext"]; newPage: Browser["newPage"] };
      patched.newContext = async (options) => {
        const created = await newContext(options);
        watch.watchContext(created, { scripts: options?.javaScriptEnabled !== false });
        return created;
      };
      patched.newPage = async (options) => {
        const page = await newPage(options);
        watch.watchContext(page.context(), { scripts: options?.javaScriptEnabled !== false });
        return page;
      };
      try {
        await use(watch);
        await watch.settle();
      } finally {
        patched.newContext = newContext;
        patched.newPage = newPage;
      }
      if (watch.problems.length > 0)
        throw new Error(`Accessibility or console problems:\n${[...new Set(watch.problems)].join("\n")}`);
    },
    { auto: true },
  ],
});
