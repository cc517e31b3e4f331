#!/usr/bin/env bash
# Makes the pinned Python environment the benchmarks compare against
# (bench/.venv, git-ignored) from PyPI. Idempotent; never part of the tests.
#
#   bash bench/python/setup.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv/bin/python" -c "import sklearn, threadpoolctl, numpy; print('sklearn', sklearn.__version__, 'numpy', numpy.__version__)"
