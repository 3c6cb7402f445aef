#!/usr/bin/env bash
# Runs every test of OracleBot: installs what the tests need (Chromium, the Agents Playground and the
# official Adaptive Cards packages), builds, tests, and prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

./scripts/install-test-dependencies.sh

dotnet build OracleBot.sln -c Release -nologo -v quiet

status=0
dotnet test OracleBot.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

./scripts/summarize-trx.sh "$results"
exit $status
