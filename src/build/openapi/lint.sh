#!/usr/bin/env bash
# Lints the OpenAPI description that OpenApiContractTest wrote (docs/API-CONVENTIONS.md) with Spectral
# (spectral:oas) and Redocly (recommended), the versions pinned in package-lock.json. Fails on any error.
# Usage: lint.sh [spec file]   (from the Maven build: phase test, after the tests; -Dopenapi.lint.skip=true skips)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
spec="$(cd "$(dirname "${1:-$here/../../../target/openapi/motcua.json}")" 2>/dev/null && pwd)/$(basename "${1:-motcua.json}")"
if [ ! -f "$spec" ]; then
  echo "openapi-lint: no $spec (OpenApiContractTest did not run): nothing to lint"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "openapi-lint: npm is missing (Debian: apt-get install nodejs npm; .ci/run installs it)" >&2
  exit 1
fi
cd "$here"
if [ ! -x node_modules/.bin/spectral ] || [ ! -x node_modules/.bin/redocly ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
status=0
echo "openapi-lint: Spectral (spectral:oas) on $spec"
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity=error --display-only-failures "$spec" || status=1
echo "openapi-lint: Redocly (recommended) on $spec"
set +o pipefail
node_modules/.bin/redocly lint --config redocly.yaml --max-problems=40 "$spec" 2>&1 | grep -v -e '║' -e '╔' -e '╚'
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
set -o pipefail
# linted once: a later build that does not run OpenApiContractTest does not lint a stale copy
mv -f "$spec" "${spec%.json}.linted.json"
if [ "$status" -ne 0 ]; then
  echo "openapi-lint: errors in the OpenAPI description (see above)" >&2
fi
exit "$status"
