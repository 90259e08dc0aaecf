"""Shared fixtures for core tests: the real lexicon (prebuilt, or built from Debian packages)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vocabsphere.core.lexicon import Lexicon, build_lexicon

REAL_ROOT = Path("/usr/share")
DEBIAN_SOURCES = (REAL_ROOT / "wordnet" / "data.noun", REAL_ROOT / "dictd" / "freedict-eng-deu.index")


@pytest.fixture(scope="session")
def real_lexicon(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    """VOCABSPHERE_LEXICON if set, else a small build from the installed Debian packages."""
    prebuilt = os.environ.get("VOCABSPHERE_LEXICON")
    if prebuilt and Path(prebuilt).is_file():
        return Lexicon.open(prebuilt)
    if not all(p.exists() for p in DEBIAN_SOURCES):
        pytest.skip(
            "no lexicon: set VOCABSPHERE_LEXICON or install the Debian packages "
            "wordnet-base and dict-freedict-eng-deu"
        )
    out = tmp_path_factory.mktemp("real-lexicon") / "lexicon.sqlite"
    build_lexicon(out, languages=["de", "es", "ja"], uk_ipa=False)
    return Lexicon.open(out)
