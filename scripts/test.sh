#!/usr/bin/env bash
# The one test command (README, .ci/run): lint, type-check, build what the browser tests load,
# then every vitest project inside an isolated keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
echo "== lint (biome)"; npx biome check .
echo "== electronegativity (docs/security.md lists accepted findings)"; node scripts/electronegativity.mjs
echo "== typecheck"; npx tsc -b
echo "== build"; npm run --silent build
echo "== tests"
mkdir -p test-output
rm -f test-output/vitest.json
status=0
bash scripts/with-test-postgres.sh bash scripts/with-test-keyring.sh \
  npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json "$@" || status=$?
# The plain closing line CI reads: "N passed, N failed" (vitest's own summary is not one it parses).
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-output/vitest.json", "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' || { echo "tests: no result file (vitest did not finish)"; [ "$status" -ne 0 ] || status=1; }
exit "$status"
