#!/usr/bin/env bash
# `npm test`: the whole suite. Typecheck, lint, unit and integration tests on PGlite, the same again on PostgreSQL
# when DATABASE_URL is set, then the browser tests against a production build in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Each step says how long the one before it took, so that a slow suite shows where its time goes.
step_started=$SECONDS
step() {
  printf '\n\033[1m== %s ==\033[0m (previous step: %ss)\n' "$1" "$((SECONDS - step_started))"
  step_started=$SECONDS
}

node scripts/chromium.mjs

step "Typecheck and lint, side by side"
npx tsc --noEmit &
typecheck=$!
npx eslint --max-warnings=0 .
wait "$typecheck"

step "Unit and integration tests (PGlite)"
env -u DATABASE_URL npx vitest run

if [[ -n "${DATABASE_URL:-}" ]]; then
  step "Unit and integration tests (PostgreSQL)"
  npx vitest run
fi

step "Production build"
# The types were checked above: the build does not check them again.
PREAU_TYPES_CHECKED=true npx next build

step "Browser tests (Chromium)"
if [[ -n "${DATABASE_URL:-}" ]]; then
  # A fresh database of its own on the same server, so that the browser tests start from the demo seed.
  E2E_DATABASE_URL="$(node scripts/fresh-database.mjs "$DATABASE_URL" preau_e2e)"
  export E2E_DATABASE_URL
fi
npx playwright test

if [[ -n "${DATABASE_URL:-}" ]]; then
  step "Benchmarks at smoke sizes (keeps bench/ working; figures are not judged here)"
  BENCH_PG_SERVER_URL="$DATABASE_URL" npm run bench -- --smoke
fi

step "Done in ${SECONDS}s"
