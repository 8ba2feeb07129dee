#!/bin/sh
# Entry point of `npm test`, which like `npm start` does its own set-up on a fresh clone:
# installs what is missing (scripts/setup.sh: npm dependencies, the ledger's, MariaDB and
# Chromium), then runs lint (the `lint` script, when package.json has one), typecheck, the vitest
# suite and the Playwright journeys, stopping at the first that fails.
set -e
cd "$(dirname "$0")/.."
sh scripts/setup.sh mariadb chromium
npm run lint --if-present
npm run typecheck
npm run test:unit
npm run test:e2e
