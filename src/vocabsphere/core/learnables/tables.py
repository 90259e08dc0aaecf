"""Short hand-made lists of strong word partnerships (precision over recall).

Light verbs carry little meaning of their own, so learners must learn the noun they go
with ("make a decision", not "do a decision"); dependent prepositions are fixed by the
verb ("depend on", not "depend of").
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["ADJ_NOUN", "LIGHT_VERBS", "VERB_PREP"]


def _table(rows: dict[str, str]) -> Mapping[str, frozenset[str]]:
    return MappingProxyType({head: frozenset(words.split()) for head, words in rows.items()})


LIGHT_VERBS = _table(
    {
        "make": "decision mistake effort progress difference choice sense point plan promise suggestion "
        "attempt contribution comment noise impression offer call complaint discovery statement "
        "announcement living profit change appointment arrangement",
        "take": "part place care action advantage notice photo picture risk chance step control charge "
        "break look responsibility interest note turn seat breath",
        "pay": "attention visit tribute price compliment",
        "give": "advice permission speech talk evidence birth priority support answer example warning",
        "have": "effect impact influence chance look go",
        "do": "homework business damage research harm job favour favor best",
        "keep": "promise secret eye record balance",
        "play": "role part",
        "raise": "awareness money question concern",
        "reach": "agreement decision conclusion deal",
        "break": "record law news promise silence",
        "hold": "meeting talks election breath",
        "catch": "attention fire cold",
        "set": "record goal example",
        "run": "risk business campaign",
        "face": "challenge problem charges criticism",
        "meet": "demand need deadline target",
        "pose": "threat risk question",
        "lead": "campaign",
        "launch": "campaign",
        "tell": "truth lie story",
        "save": "money time",
        "spend": "money time",
        "waste": "money time",
    }
)

VERB_PREP = _table(
    {
        "depend": "on",
        "rely": "on",
        "insist": "on",
        "focus": "on",
        "concentrate": "on",
        "comment": "on",
        "consist": "of",
        "approve": "of",
        "dream": "of",
        "belong": "to",
        "refer": "to",
        "respond": "to",
        "contribute": "to",
        "lead": "to",
        "object": "to",
        "react": "to",
        "listen": "to",
        "apply": "for",
        "apologise": "for",
        "apologize": "for",
        "search": "for",
        "wait": "for",
        "ask": "for",
        "vote": "for",
        "account": "for",
        "prepare": "for",
        "result": "in",
        "succeed": "in",
        "participate": "in",
        "invest": "in",
        "believe": "in",
        "specialise": "in",
        "specialize": "in",
        "deal": "with",
        "cope": "with",
        "agree": "with",
        "suffer": "from",
        "benefit": "from",
        "recover": "from",
        "worry": "about",
        "complain": "about",
        "care": "about",
        "protest": "against",
        "look": "for after at",
        "talk": "about",
        "think": "about of",
        "laugh": "at",
        "arrive": "at in",
        "pay": "for",
    }
)

ADJ_NOUN = _table(
    {
        "heavy": "rain traffic",
        "strong": "wind coffee",
        "high": "price level risk",
        "serious": "problem injury illness",
        "major": "role problem",
        "key": "role factor",
        "wide": "range variety",
        "vast": "majority",
        "close": "friend",
        "recent": "years",
        "main": "reason",
        "huge": "amount",
        "growing": "number",
        "public": "transport",
        "social": "media",
        "climate": "change",
        "mental": "health",
    }
)
