import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";
import { seedToday } from "./db/seed/today.ts";

// Workers inherit the environment of the main process, so the port chosen here is shared.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
])
  .toString()
  .trim();
// The stack's MariaDB port, so specs can check the database (e2e/database.ts).
process.env.E2E_DB_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
])
  .toString()
  .trim();
// The stack seeds its demo world around this date and the specs read the same world: fixed once
// here so a run that crosses midnight does not see two todays. The app itself uses the real clock.
process.env.SEED_TODAY = seedToday();
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: 2,
  // CI retries a failed test once: under load the local runtime itself (miniflare's dispatchFetch
  // in the Vite preview server) now and then drops a request with "TypeError: fetch failed" before
  // our Worker sees it (traces of /v1 probes, 2026-12-03). A retry that passes is reported as
  // flaky in the list output, so a real intermittent failure still shows.
  retries: process.env.CI ? 1 : 0,
  // Each journey also runs axe in its pages (e2e/fixtures.ts), in the page's main thread.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "npx node scripts/e2e-server.ts",
    url: `${baseURL}/sign-in`,
    timeout: 240_000,
    reuseExistingServer: false,
    // The stack server stops MariaDB, the ledger and the app itself on SIGTERM; the default
    // SIGKILL would leave them running.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "ignore",
    stderr: "pipe",
    env: { PORT: process.env.E2E_PORT, E2E_DB_PORT: process.env.E2E_DB_PORT },
  },
});
