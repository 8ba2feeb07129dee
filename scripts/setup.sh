#!/bin/sh
# Installs what `npm start` and `npm test` need and is missing, then returns; shared by both.
#   sh scripts/setup.sh mariadb            (npm start)
#   sh scripts/setup.sh mariadb chromium   (npm test)
# npm dependencies (the app's and the ledger's) are installed when absent. OS packages are
# installed with apt-get when run as root; otherwise the command to run is printed and the
# script stops with status 1. Plain sh: on a fresh clone the project's Node 24 is not installed
# yet and the machine's own Node may be too old to run TypeScript.
set -e
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/node ]; then
  echo "• Installing dependencies (npm ci)…"
  # Playwright drives the OS's Chromium; its own browser download cannot work offline.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci
fi
if [ ! -d ledger/node_modules ]; then
  echo "• Installing the ledger's dependencies (npm ci --prefix ledger)…"
  npm ci --prefix ledger
fi

missing=""
for need in "$@"; do
  case "$need" in
    mariadb)
      if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then missing="$missing mariadb-server"; fi
      ;;
    chromium)
      if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then missing="$missing chromium"; fi
      ;;
    *)
      echo "scripts/setup.sh: unknown need '$need'" >&2
      exit 2
      ;;
  esac
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "• Installing from the OS packages:$missing…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "OpenInsure needs these OS packages:$missing. Install them with:"
    echo "  sudo apt-get update && sudo apt-get install -y$missing"
    exit 1
  fi
fi
