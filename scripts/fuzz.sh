#!/usr/bin/env bash
# Builds every fuzz target once, then fuzzes each in turn, sharing
# ${FUZZ_SECONDS:-20} seconds between them (at least 2 s each). Corpora
# start from the import fixtures and workbooks (parse_survey) and the small committed
# seeds in fuzz/seeds/. Installs cargo-fuzz first if it is missing.
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept them.
#
# scripts/fuzz.sh                 every target, FUZZ_SECONDS in all
# scripts/fuzz.sh kmeans 1800     one target for 1800 s (a long run by hand)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi
export RUSTC_BOOTSTRAP=1

all=(parse_survey assign_model segment_options kmeans)
if [ $# -gt 0 ]; then
  targets=("$1")
  seconds=${2:-${FUZZ_SECONDS:-20}}
else
  targets=("${all[@]}")
  seconds=$((${FUZZ_SECONDS:-20} / ${#all[@]}))
  [ "$seconds" -ge 2 ] || seconds=2
fi

seed() {
  local target=$1 corpus=fuzz/corpus/$1
  mkdir -p "$corpus"
  if [ "$target" = parse_survey ]; then
    for f in tests/fixtures/import/*.csv; do
      [ -e "$corpus/$(basename "$f")" ] || cp "$f" "$corpus/"
    done
    # Workbooks: a zero options byte first, so the file still starts "PK".
    for f in tests/fixtures/import/workbooks/*.xlsx tests/fixtures/import/workbooks/*.ods \
      tests/fixtures/import/workbooks/errors/*; do
      [ -e "$corpus/wb-$(basename "$f")" ] || { printf '\0'; cat "$f"; } >"$corpus/wb-$(basename "$f")"
    done
  fi
  if [ -d "fuzz/seeds/$target" ]; then
    for f in "fuzz/seeds/$target"/*; do
      [ -e "$corpus/$(basename "$f")" ] || cp "$f" "$corpus/"
    done
  fi
}

cargo fuzz build
for target in "${targets[@]}"; do
  seed "$target"
  printf '\n== fuzz %s for %s s\n' "$target" "$seconds"
  # -timeout: one input taking over 10 s is a finding (a run that hangs).
  cargo fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len=8192 -timeout=10
done
