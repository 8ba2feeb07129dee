import { defineConfig } from "vitest/config";

// Separate from vite.config.ts: the Cloudflare plugin cannot load inside vitest.
export default defineConfig({
  test: {
    include: [
      "app/**/*.test.ts",
      "db/**/*.test.ts",
      "ledger/**/*.test.ts",
      "party/**/*.test.ts",
      "workers/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "e2e/**"],
    globalSetup: ["db/test/global-setup.ts"],
    setupFiles: ["tests/support/clock.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
