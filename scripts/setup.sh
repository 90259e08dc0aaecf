#!/bin/sh
# Installs what VocabSphere needs on Debian (run as root, or with the packages already there).
#   sh scripts/setup.sh run   - app: Debian packages, .venv, the package
#   sh scripts/setup.sh test  - also the test tools and Chromium for browser tests
set -eu
MODE=${1:-run}
cd "$(dirname "$0")/.."

RUN_PACKAGES="python3 python3-venv python3-dev gcc"
# DejaVu Sans: the worksheet PDFs embed it (it covers IPA). poppler-utils: tests render and read those PDFs.
WORKSHEET_PACKAGES="fonts-dejavu-core"
TEST_PACKAGES="chromium fonts-dejavu-core poppler-utils"

missing_packages() {
  missing=""
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  echo "$missing"
}

install_debian() {
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install:$missing" >&2; return 1
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing Debian packages:$missing (run as root or install them first)" >&2; return 1
  fi
  echo "setup: installing Debian packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

# A Python 3.11+ that can make virtual environments: Debian's, unless one is already usable.
if ! python3 -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  install_debian $RUN_PACKAGES
fi
# Dictionaries, WordNet and pronunciation data the lexicon is built from.
LEXICON_PACKAGES=$(grep -v '^#' src/vocabsphere/core/lexicon/debian-packages.txt | tr '\n' ' ')
install_debian $LEXICON_PACKAGES
install_debian $WORKSHEET_PACKAGES
if [ "$MODE" = test ]; then
  install_debian $TEST_PACKAGES
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
STAMP=.venv/.vocabsphere-$MODE
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  if [ "$MODE" = test ]; then
    # The optional extras too (torch CPU, about 1.3 GB), so their tests run instead of skipping.
    .venv/bin/python -m pip install --quiet -e ".[dev,senses,optimizer]"
  else
    .venv/bin/python -m pip install --quiet -e .
  fi
  touch "$STAMP"
fi
echo "setup: ready ($MODE)"
