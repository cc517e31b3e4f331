#!/usr/bin/env bash
# Sets everything up, builds the package and the page, and serves the page on
# the built-in sample survey at http://localhost:5173/ (Ctrl-C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-pkg.sh
npx vite build --config www/vite.config.js --logLevel warn
echo
echo "citizen-segments is running at http://localhost:5173/ (the sample survey opens by default)"
exec npx vite preview --config www/vite.config.js --port 5173 --strictPort
