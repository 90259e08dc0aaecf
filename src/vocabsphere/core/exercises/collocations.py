"""Collocations met in the learner's sentences: the particle of a phrasal verb ("set ___ a company":
up) and the preposition a verb takes ("depend ___ the weather": on).

Combinations come from the shared finder (:func:`core.learnables.collocations.find_collocations`).
A distractor particle or preposition must make no verb WordNet knows with the verb ("set off" is
one, so it is never offered for "set up") and must not be listed as that verb's preposition, nor
as one it also takes in another meaning ("talk on climate change", "complain of").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vocabsphere.core.learnables.collocations import find_collocations
from vocabsphere.core.learnables.tables import VERB_PREP
from vocabsphere.core.levels import GRAMMAR_POINTS
from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.lexicon.substitutes import word_level

from .collocate_table import OTHER_PREPOSITIONS
from .model import ExerciseItem, ExerciseKind, PatternRef
from .option_lengths import balanced_wrong, gives_away, seeded
from .sentences import LEVELS
from .slots import gapped

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["collocation_item"]

# Particles that rarely read literally after a verb with an object ("pick in the book" is no English).
_PARTICLES: tuple[str, ...] = ("up", "out", "off", "down", "away", "back")
_PREPOSITIONS: tuple[str, ...] = ("on", "of", "for", "to", "with", "from", "about", "at", "in")
# Asked, never offered as the wrong one: they open a phrase of place after almost any verb
# ("get people talking at the club", "looking in the box"), which the noun alone may allow.
_PLACE = frozenset({"at", "in"})
_MIN_DISTRACTORS = 2
_MAX_DISTRACTORS = 3
# Most keys are two-letter words ("on", "to", "at", "up"), which no choice of wrong options makes
# the longest, or "for", the one three-letter preposition (the middle length beside most pairs):
# over the kind the shortest and middle-length picks gain and the longest loses whatever each item
# does. So items whose key can be the longest lean that way (tuned on the train articles).
_LEAN = (0.6, -0.3, -0.3)
_PATH = frozenset({"up", "down", "off"})  # particles that are also prepositions of a path
_MOVING_WORDS = "slide run walk climb fall jump roll go come move drive ride swim fly crawl sail float flow"
_MOVING = frozenset(f"{_MOVING_WORDS} rush race hurry march wander travel step head slip".split(" "))
_TIME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL"})


def _object_follows(verb: Token, particle: Token) -> bool:
    """The verb's object starts right after the particle ("slid down a drainpipe")."""
    return any(c.dep_ == "obj" and c.left_edge.i == particle.i + 1 for c in verb.children)


def _time_or_number(noun: Token) -> bool:
    return noun.like_num or noun.pos_ == "NUM" or noun.ent_type_ in _TIME_ENTITIES


def _distractors(lexicon: Lexicon, verb: str, key: str, choices: tuple[str, ...]) -> list[str]:
    listed = VERB_PREP.get(verb, frozenset()) | OTHER_PREPOSITIONS.get(verb, frozenset())
    return [
        w
        for w in choices
        if w != key and w not in listed and w not in _PLACE and not lexicon.base_forms(f"{verb} {w}", "VERB")
    ]


def _point(verb: str, what: str) -> PatternRef | None:
    """A phrasal verb's catalogue point; for a dependent preposition, the verb's level."""
    if what == "particle":
        point = GRAMMAR_POINTS["phrasal_verb"]
        return PatternRef(point.id, point.level)
    rank = word_level(verb, "VERB")
    return PatternRef("verb_preposition", LEVELS[rank]) if rank is not None else None


def collocation_item(lexicon: Lexicon, token: Token, lemma: str) -> ExerciseItem | None:
    sent = token.sent
    for coll in find_collocations(sent, lexicon):
        if coll.kind not in ("phrasal_verb", "verb_prep", "expression") or coll.start != token.i:
            continue
        verb, _, rest = coll.base.partition(" ")
        gap = sent.doc[coll.end - 1]
        if rest != gap.lower_ or coll.end - coll.start != 2 or token.pos_ != "VERB":
            continue
        if gap.dep_ == "compound:prt":
            if not any(c.dep_ == "obj" for c in token.children):
                continue  # intransitive: "she walked out / away / back" are all English
            choices, what = _PARTICLES, "particle"
        elif coll.kind == "verb_prep" and gap.dep_ == "case":
            choices, what = _PREPOSITIONS, "preposition"
        else:
            continue
        if gap.lower_ not in choices:
            continue
        if what == "preposition" and _time_or_number(gap.head):
            continue  # "arrived in 2005": a phrase of time, not the verb's preposition
        wrong = _distractors(lexicon, verb, gap.lower_, choices)
        if what == "particle" and _object_follows(token, gap):
            # right before its object a particle reads as a preposition of a path: "sliding
            # down / up / off a drainpipe" are all English, and after a verb of moving the key
            # itself is such a preposition ("down a drainpipe"), not part of a phrasal verb
            if verb in _MOVING:
                continue
            wrong = [w for w in wrong if w not in _PATH]
        if len(wrong) < _MIN_DISTRACTORS or gives_away(gap.lower_, wrong, _MAX_DISTRACTORS, _MIN_DISTRACTORS):
            continue  # too few, or the key found by its length alone ("up" beside "away", "back")
        # which two or three: those whose lengths do not give the key away ("of | on | to")
        draw = seeded(sent.text, gap.i)
        wrong = list(balanced_wrong(gap.lower_, wrong, _MAX_DISTRACTORS, draw, _MIN_DISTRACTORS, _LEAN))
        point = _point(verb, what)
        return ExerciseItem(
            kind=ExerciseKind.COLLOCATION,
            prompt=f"Which {what} goes with \u2018{token.text}\u2019 here?",
            gapped=gapped(sent, gap.i),
            options=tuple(sorted([gap.lower_, *wrong])),
            answer=gap.lower_,
            accepted=(gap.lower_,),
            explanation=(
                f"We say \u2018{coll.base}\u2019: the {what} \u2018{gap.lower_}\u2019 belongs to the verb "
                f"\u2018{verb}\u2019. Learn them together."
            ),
            grammar_point=point,
            source_sentence=sent.text.strip(),
            word=lemma,
        )
    return None
