#!/usr/bin/env bash
# Sets up and runs every test layer, in order, each a small single-purpose
# step. Fails on the first failing step. Called by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

timings=()
run() {
  local name=$1
  shift
  printf '\n== test: %s\n' "$name"
  local start=$SECONDS
  "$@"
  timings+=("$(printf '%-28s %4ss' "$name" $((SECONDS - start)))")
}

wasm_env=(
  env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
  CHROMEDRIVER=/usr/bin/chromedriver
  WASM_BINDGEN_TEST_TIMEOUT=300
)

run "rustfmt" cargo fmt --all --check
run "clippy (native)" cargo clippy --all-targets -- -D warnings
run "clippy (wasm32)" cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
run "cargo test (native)" cargo test
run "wasm tests (Node, Chromium)" "${wasm_env[@]}" cargo test --target wasm32-unknown-unknown --test wasm_node --test wasm_browser
# libFuzzer is chatty: keep its log in a file and show the end of it.
fuzz() {
  mkdir -p test-output
  if ! scripts/fuzz.sh >test-output/fuzz.log 2>&1; then
    tail -n 60 test-output/fuzz.log
    return 1
  fi
  tail -n 4 test-output/fuzz.log
}
run "fuzz (brief, ${FUZZ_SECONDS:-20} s)" fuzz
run "package build" scripts/build-pkg.sh
run "package tests (Node)" node --test tests/node/
run "packaging (npm pack, Vite, ESM)" node --test tests/packaging/
run "page build" npx vite build --config www/vite.config.js --logLevel warn
run "page tests (Chromium)" node --test --test-concurrency=1 tests/page/

printf '\n== timings\n'
printf '%s\n' "${timings[@]}"
