#!/usr/bin/env bash
# Full local/CI check: browser present, type check, unit tests, production build, e2e tests.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

if [[ ! -x "$ROOT/node_modules/.bin/vitest" ]]; then
  echo "test-all: node_modules is missing; run 'npm ci' first." >&2
  exit 1
fi
export PATH="$ROOT/node_modules/.bin:$PATH"

started=$SECONDS
stage() {
  echo
  echo "==> [$1/5] $2  (+$((SECONDS - started))s)"
}

stage 1 "Chromium for end-to-end tests"
CHROME_PATH="$(bash scripts/ensure-chromium.sh)"
export CHROME_PATH
echo "CHROME_PATH=$CHROME_PATH"

stage 2 "Type check (tsc -b)"
tsc -b
echo "type check passed"

stage 3 "Unit tests (vitest run)"
vitest run

stage 4 "Production build (vite build)"
vite build

stage 5 "End-to-end tests (vitest run --config vitest.e2e.config.ts)"
vitest run --config vitest.e2e.config.ts

echo
echo "==> all stages passed in $((SECONDS - started))s"
