#!/bin/sh
# Entry point of `npm start`. Plain sh because on a fresh clone the project's Node 24 is not
# installed yet and the machine's own Node may be too old to run the TypeScript start script.
set -e
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/node ]; then
  echo "• Installing dependencies (npm ci)…"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci
fi

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "• Installing MariaDB from the OS packages…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
  else
    echo "MariaDB is needed to run OpenInsure locally. Install it with:"
    echo "  sudo apt-get update && sudo apt-get install -y mariadb-server"
    exit 1
  fi
fi

exec npx node scripts/start.ts
