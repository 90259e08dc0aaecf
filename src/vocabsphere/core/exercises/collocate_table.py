"""Collocations a teacher would test, each with partners that do NOT go with the word.

Which verb or adjective goes with a noun is a matter of usage, not of meaning ("make a decision",
not "do a decision"; "heavy rain", not "strong rain"), and no resource we ship says which
combinations are never English. So the wrong partners are listed by hand, as in a teacher's
book: each is a common word of the same part of speech that gives no English combination with
the noun in any reading of an object (or attributive) slot. Partners that are right in some
sense are left out of ``wrong`` even when rare ("take a decision", "give a decision" for a
court, "take the difference" in arithmetic). ``good`` lists the partners an item may be made
from: the one in the sentence must be one of them.

Rows of short keys ("make", "tell") list a wrong partner as long or longer ("tell", "perform"):
with only "do" and "say" beside "made", the key was the longest option, a cue that needs no
English (:mod:`.option_lengths` then chooses which wrong partners to show).

Rows of three are fixed phrases whose noun stands without article ("take part in", "take
place"): they are only asked where the noun has no determiner or modifier, and, when the third
word is given, where that word follows the noun.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["ADJECTIVE_NOUN", "OTHER_PREPOSITIONS", "VERB_OBJECT", "WITH_THE", "Partners"]


@dataclass(frozen=True)
class Partners:
    good: frozenset[str]
    wrong: tuple[str, ...]
    bare: bool = False
    after: str = ""  # the word that must follow the noun ("take part in": "part of" is a quantity)


def _rows(rows: dict[str, tuple[str, ...]]) -> Mapping[str, Partners]:
    table = {}
    for noun, (good, wrong, *fixed) in rows.items():
        after = fixed[0] if fixed else ""
        table[noun] = Partners(frozenset(good.split()), tuple(wrong.split()), bool(fixed), after)
    return MappingProxyType(table)


# noun -> (verbs that take it as object, verbs that never do)
VERB_OBJECT = _rows(
    {
        "decision": ("make take reach", "do say perform"),
        "mistake": ("make", "do give perform"),
        "effort": ("make", "do pay perform"),
        "progress": ("make", "do take give"),
        "attention": ("pay draw attract", "do make"),
        "part": ("take", "make do", "in"),
        "place": ("take", "do get", ""),
        "advantage": ("take", "make do", "of"),
        "action": ("take", "do make"),
        "risk": ("take run", "make do"),
        "birth": ("give", "do make"),
        "truth": ("tell", "say make talk"),
        "lie": ("tell", "say make"),
        "research": ("do conduct", "make pay"),
        "harm": ("do cause", "make give"),
        "damage": ("do cause", "make give"),
        "tribute": ("pay", "make do"),
        "speech": ("give make deliver", "say tell hold"),
        "advice": ("give take", "make do say"),
        "permission": ("give get", "make do"),
        "impact": ("have make", "do give"),
        "influence": ("have", "make do"),
        "promise": ("make keep break", "do say"),
        "awareness": ("raise", "rise do arise"),
        "money": ("make raise save spend earn", "rise say arise"),
        "election": ("hold win", "make do"),
        "question": ("ask raise", "make say tell"),
        "noise": ("make", "do give"),
        "complaint": ("make", "do say tell"),
        "breath": ("hold take", "make do"),
        "suggestion": ("make", "do say tell"),
        "attempt": ("make", "do say"),
        "sense": ("make", "do take", ""),
        "announcement": ("make", "do say tell"),
        "discovery": ("make", "do take"),
        "statement": ("make issue", "do say tell"),
        "choice": ("make", "do take"),
        "story": ("tell", "say speak talk"),
        "role": ("play", "make say talk"),
    }
)

# Nouns asked only after "the": "tell the truth" ("tell truth from lies" is another phrase: to
# tell apart, where other verbs may stand).
WITH_THE = frozenset({"truth"})

# noun -> (adjectives that go before it, adjectives that never do)
ADJECTIVE_NOUN = _rows(
    {
        "rain": ("heavy", "strong high"),
        "traffic": ("heavy", "strong tall"),
        "smoker": ("heavy", "strong thick"),
        "coffee": ("strong", "powerful heavy"),
        "tea": ("strong", "powerful heavy"),
        "illness": ("serious", "heavy hard"),
        "majority": ("vast", "long deep"),
        "variety": ("wide", "long tall"),
        "friend": ("close", "narrow short"),
        "price": ("high", "expensive tall"),
        "level": ("high low", "tall short"),
    }
)

# Prepositions a verb also takes besides its dependent one (VERB_PREP), in another meaning or
# register: never offered as the wrong choice ("talk on climate change" is a lecture's subject,
# "complain of", "think on", "care for", "result from").
OTHER_PREPOSITIONS = MappingProxyType(
    {
        verb: frozenset(preps.split())
        for verb, preps in {
            "depend": "upon for",
            "rely": "upon for",
            "insist": "upon",
            "comment": "about to for",
            "talk": "on of to with for",
            "think": "on",
            "look": "to on into through like with about",
            "arrive": "on from for",
            "pay": "to with in on",
            "vote": "on in with against",
            "apply": "to in on with",
            "agree": "on to about",
            "care": "for",
            "result": "from",
            "suffer": "with",
            "succeed": "at to",
            "deal": "in",
            "listen": "for at",
            "worry": "for over",
            "complain": "of to",
            "wait": "on at in with",
            "search": "in on at through",
            "ask": "about of to",
            "laugh": "about with",
            "invest": "with",
            "participate": "with",
            "respond": "with",
            "contribute": "with in",
            "lead": "on",
            "react": "with",
            "belong": "in with",
            "consist": "in",
            "approve": "for",
            "dream": "about",
            "concentrate": "in",
            "protest": "about at",
            "apologise": "to about",
            "apologize": "to about",
            "prepare": "with",
        }.items()
    }
)
