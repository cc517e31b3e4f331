#!/usr/bin/env bash
# Makes the pinned Python environment (bench/.venv, git-ignored) from PyPI
# that the benchmarks compare against and that
# scripts/reference/sklearn_reference.py writes tests/reference with.
# Idempotent; never part of the tests.
#
#   bash bench/python/setup.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv/bin/python" -c "import sklearn, threadpoolctl, numpy, statsmodels; print('sklearn', sklearn.__version__, 'numpy', numpy.__version__, 'statsmodels', statsmodels.__version__)"
