#!/usr/bin/env bash
# Fuzzes parse_survey for ${FUZZ_SECONDS:-20} seconds, seeded with the import
# fixtures. Installs cargo-fuzz first if it is missing. cargo-fuzz needs
# nightly flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

corpus=fuzz/corpus/parse_survey
mkdir -p "$corpus"
for f in tests/fixtures/import/*.csv; do
  [ -e "$corpus/$(basename "$f")" ] || cp "$f" "$corpus/"
done

RUSTC_BOOTSTRAP=1 cargo fuzz run parse_survey "$corpus" -- \
  -max_total_time="${FUZZ_SECONDS:-20}" -max_len=8192
