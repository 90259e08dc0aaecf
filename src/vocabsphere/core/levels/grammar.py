"""Grammar points in text: the catalogue and the detectors (public facade).

Example::

    from vocabsphere.core.text import load_pipeline
    from vocabsphere.core.levels.grammar import detect_grammar

    for match in detect_grammar(load_pipeline()("The crisis has been deepening for months.")):
        print(match.point.id, match.point.level, match.text, match.explain())
"""

from __future__ import annotations

from vocabsphere.core.levels.grammar_detect import GrammarMatch, detect_grammar
from vocabsphere.core.levels.grammar_points import CEFR_LEVELS, GRAMMAR_POINTS, GrammarPoint

__all__ = ["CEFR_LEVELS", "GRAMMAR_POINTS", "GrammarMatch", "GrammarPoint", "detect_grammar"]
