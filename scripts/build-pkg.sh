#!/usr/bin/env bash
# Builds the npm package in pkg/: release wasm, wasm-bindgen --target web,
# wasm-opt from the npm binaryen package, and a package.json generated from
# Cargo.toml. pkg/ is build output: never edit it by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --lib --release --target wasm32-unknown-unknown
rm -rf pkg
wasm-bindgen --target web --weak-refs --out-dir pkg \
  target/wasm32-unknown-unknown/release/citizen_segments.wasm
# Features that rustc enables by default for wasm32 today; wasm-opt must be
# told, or it rejects (or, for old versions, silently breaks) the module.
node_modules/.bin/wasm-opt -O3 \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-simd \
  pkg/citizen_segments_bg.wasm -o pkg/citizen_segments_bg.wasm
node scripts/write-package-json.mjs
cp README.md LICENSE pkg/
raw=$(wc -c < pkg/citizen_segments_bg.wasm)
gz=$(gzip -9 -c pkg/citizen_segments_bg.wasm | wc -c)
echo "pkg/citizen_segments_bg.wasm: $raw bytes raw, $gz bytes gzipped"
