#!/bin/sh
# Entry point of `npm start`: installs what is missing (scripts/setup.sh), then starts the local
# stack. Plain sh because on a fresh clone the project's Node 24 is not installed yet.
set -e
cd "$(dirname "$0")/.."
sh scripts/setup.sh mariadb
exec npx node scripts/start.ts
