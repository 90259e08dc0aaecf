#!/bin/sh
# Runs the whole test suite: lint, types, import contract, then pytest (unit, storage on SQLite and
# PostgreSQL, web, job queue with Redis, browser). Exit code is non-zero when anything fails.
set -eu
cd "$(dirname "$0")/.."
V=.venv/bin
PY_DIRS=""
for d in src tests bench training; do
  if [ -d "$d" ]; then PY_DIRS="$PY_DIRS $d"; fi
done
echo "== ruff"; $V/ruff check $PY_DIRS
echo "== mypy"; $V/mypy
echo "== import contract"; $V/lint-imports
echo "== lexicon"
# One real lexicon for the tests that need it, rebuilt only when its sources change.
export VOCABSPHERE_LEXICON="${VOCABSPHERE_LEXICON:-$PWD/var/test/lexicon.sqlite3}"
$V/vocabsphere lexicon build --path "$VOCABSPHERE_LEXICON"
echo "== pytest"
set +e
$V/python -m pytest "$@"
status=$?
set -e
# pytest exits 5 when it collected nothing: that is a failure for us, never a pass.
[ $status -eq 5 ] && echo "pytest collected no tests" >&2
exit $status
