#!/usr/bin/env bash
# Prints "N passed, N failed, N skipped" summed over the TRX files in the given folder.
set -euo pipefail
folder=${1:?usage: summarize-trx.sh RESULTS_FOLDER}
passed=0 failed=0 skipped=0
shopt -s nullglob
for trx in "$folder"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
echo "$passed passed, $failed failed, $skipped skipped"
