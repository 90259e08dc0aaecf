"""Shared fixtures for core tests: the packaged spaCy pipeline and the real lexicon (prebuilt, or built from
Debian packages)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

from vocabsphere.core.lexicon import Lexicon, build_lexicon
from vocabsphere.core.text import load_pipeline
from vocabsphere.core.text.pipeline import ModelNotFoundError

REAL_ROOT = Path("/usr/share")
DEBIAN_SOURCES = (REAL_ROOT / "wordnet" / "data.noun", REAL_ROOT / "dictd" / "freedict-eng-deu.index")


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The packaged pipeline every core test parses with (loaded once: `load_pipeline` caches it)."""
    try:
        return load_pipeline()
    except ModelNotFoundError as exc:
        pytest.skip(f"packaged spaCy model missing (build it with training/nlp/train.sh): {exc}")


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
