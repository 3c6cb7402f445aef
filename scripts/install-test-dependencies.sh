#!/usr/bin/env bash
# Installs what the tests talk to: Debian's Chromium (browser tests) and the npm packages of the
# JavaScript test peers (Microsoft 365 Agents Playground, adaptivecards, adaptivecards-templating).
# With --benchmarks it also installs the turns benchmark's JavaScript Bot Framework SDK peer, which the tests
# do not need (./test.sh does not pass it).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
# The Teams app packaging script (scripts/package-teams-app.sh) and its test use python3.
command -v python3 >/dev/null 2>&1 || need+=(python3)
# The Redis conversation store's tests start their own redis-server on a free loopback port.
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Please install: ${need[*]} (sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

js=tests/OracleBot.FunctionalTests/js
if [ -f "$js/package-lock.json" ]; then
  (cd "$js" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

if [ "${1:-}" = "--benchmarks" ]; then
  (cd tests/OracleBot.Benchmarks/js && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
