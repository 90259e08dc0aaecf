"""The web server's start-up loads everything a tap needs: no first tap pays for a load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Run in a fresh interpreter: in the test process other tests have long loaded all of it.
_PROBE = """
import json, sys
from pathlib import Path
from lemminflect.core.Inflections import Inflections
from lemminflect.core.Lemmatizer import Lemmatizer
from vocabsphere.config import Settings
from vocabsphere.core.levels import cefrpy_feature
from vocabsphere.core.levels.word_level import load_lexicon, load_model
from vocabsphere.core.lexicon import substitute_ranking
from vocabsphere.services import dictionary

dictionary.warm_up(Settings(data_dir=Path(sys.argv[1]), env="development", lexicon_path=Path(sys.argv[2])))
inflections, lemmatizer = Inflections(), Lemmatizer()
print(json.dumps({
    "cefrpy": cefrpy_feature._analyzer.cache_info().currsize,
    "level model": load_model.cache_info().currsize,
    "word list": load_lexicon.cache_info().currsize,
    # the ranked list's trees and the writer's (what a text may be rewritten with), one entry each
    "ranker": substitute_ranking._model.cache_info().currsize // 2,
    "ranker vectors": substitute_ranking._unit_vectors.cache_info().currsize,
    "inflections": int(all(hasattr(inflections, a) for a in ("infl_dict", "overrides_dict"))),
    "inflection model": int(hasattr(inflections, "morph_style_model")),
    "oov lemmas": int(hasattr(lemmatizer, "oov_lemmatizer")),
}))
"""


def test_start_up_loads_what_a_first_tap_would_load(tmp_path: Path) -> None:
    lexicon = os.environ.get("VOCABSPHERE_LEXICON")
    if not lexicon or not Path(lexicon).is_file():
        pytest.skip("set VOCABSPHERE_LEXICON to a built lexicon")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path), lexicon],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert probe.returncode == 0, probe.stderr[-2000:]
    loaded = json.loads(probe.stdout.strip().splitlines()[-1])
    # Before, cefrpy's table (seconds on a busy machine), the level model and lemminflect's tables
    # were loaded by the first tap that rated or inflected a word.
    assert loaded == dict.fromkeys(loaded, 1)
