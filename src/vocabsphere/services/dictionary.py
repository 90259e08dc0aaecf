"""The offline dictionary of this installation, opened once per process."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from vocabsphere.config import Settings
from vocabsphere.core.lexicon import Lexicon, SourceInfo

log = logging.getLogger(__name__)
_lock = threading.Lock()
_open: dict[Path, Lexicon] = {}


def open_lexicon(settings: Settings) -> Lexicon | None:
    """The built lexicon, or None when it has not been built yet (look-ups then say so)."""
    path = settings.lexicon_file.resolve()
    with _lock:
        if path in _open:
            return _open[path]
        if not path.exists():
            log.warning("no lexicon at %s: run `vocabsphere lexicon build`", path)
            return None
        _open[path] = Lexicon.open(path)
        return _open[path]


def lexicon_sources(settings: Settings) -> list[SourceInfo]:
    lexicon = open_lexicon(settings)
    return lexicon.sources() if lexicon else []
