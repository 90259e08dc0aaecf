"""Every exercise the learner's word allows in one sentence: each kind's generator either makes a
sound item or makes none (an item that cannot be made well is left out, not made badly).

``exercises_for_text`` is the entry for a sentence as met in a story: when it is too long for an
item, the items come from the shorter complete sentences the adaptation's splitting makes of it
(:mod:`.clauses`), each item saying which story sentence it was shortened from."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.lexicon.sense_choice import resolve_token

from .clause_order import clause_order_item
from .clauses import before_colon, clause_around, shorter_sentences
from .cloze import cloze_item
from .collocates import collocate_item
from .collocations import collocation_item
from .marked_words import with_marks, without_word_marks
from .model import ExerciseItem, ExerciseKind
from .part_of_speech import part_of_speech_item
from .patterns import sentence_role_item, word_order_item
from .phrase_order import noun_phrase_order_item
from .questions import question_item
from .relatives import relative_clause_item
from .sentences import (
    LEVELS,
    closed_quotation,
    edge_quotation,
    level_rank,
    quotation_after_speaker,
    quotation_without_speaker,
    usable_sentence,
)
from .slots import find_token
from .validation import valid_item
from .voice import voice_item
from .word_family import word_family_item
from .word_forms import word_form_item

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["ALL_KINDS", "exercises_for_sentence", "exercises_for_text", "parse_kinds"]

ALL_KINDS: tuple[ExerciseKind, ...] = tuple(ExerciseKind)
Maker = Callable[[Lexicon, "Token", str, str], ExerciseItem | None]
_MAKERS: dict[ExerciseKind, Maker] = {
    ExerciseKind.PART_OF_SPEECH: lambda lx, t, w, lv: part_of_speech_item(lx, t, w),
    ExerciseKind.WORD_FAMILY: word_family_item,
    ExerciseKind.WORD_FORM: lambda lx, t, w, lv: word_form_item(lx, t, w),
    ExerciseKind.SENTENCE_ROLE: lambda lx, t, w, lv: sentence_role_item(lx, t, w),
    # the phrases of a plain clause (above A2 with a phrase with a preposition or after "be"), else
    # the words of the noun phrase holding the word's adjective
    ExerciseKind.WORD_ORDER: lambda lx, t, w, lv: (
        word_order_item(t, w) or clause_order_item(lx, t, w, lv) or noun_phrase_order_item(lx, t, w)
    ),
    ExerciseKind.CLOZE: cloze_item,
    # the particle or preposition of the word's verb, else the verb or adjective that goes with its noun
    ExerciseKind.COLLOCATION: lambda lx, t, w, lv: collocation_item(lx, t, w) or collocate_item(lx, t, w, lv),
    ExerciseKind.VOICE: lambda lx, t, w, lv: voice_item(t, w),
    ExerciseKind.RELATIVE_CLAUSE: lambda lx, t, w, lv: relative_clause_item(t, w),
    ExerciseKind.QUESTION: lambda lx, t, w, lv: question_item(t, w),
}


def parse_kinds(names: Sequence[str] | None) -> tuple[ExerciseKind, ...]:
    if not names:
        return ALL_KINDS
    try:
        return tuple(dict.fromkeys(ExerciseKind(n.strip()) for n in names if n.strip()))
    except ValueError:
        known = ", ".join(k.value for k in ExerciseKind)
        raise InvalidInput(f"Unknown exercise kind; use one of: {known}.", field="kinds") from None


def _sentence_of(doc: Doc) -> Span | None:
    sentences = list(doc.sents)
    return sentences[0] if len(sentences) == 1 else None


def exercises_for_sentence(
    lexicon: Lexicon,
    doc: Doc,
    word: str,
    level: str,
    kinds: Collection[ExerciseKind] = ALL_KINDS,
) -> list[ExerciseItem]:
    """Items for ``word`` (as written, or its lemma) in ``doc``, which must hold one usable
    sentence; [] when the sentence is not usable or the word is not in it."""
    if level not in LEVELS:
        raise InvalidInput("Unknown CEFR level.", field="level")
    sent = _sentence_of(doc)
    if sent is None or not usable_sentence(sent, level):
        return []
    token = find_token(sent, word)
    if token is None:
        return []
    lemma = resolve_token(lexicon, token).lemma
    items = []
    for kind in kinds:
        item = _MAKERS[kind](lexicon, token, lemma, level)
        if item is not None and valid_item(item):
            items.append(item)
    return items


def exercises_for_text(
    lexicon: Lexicon,
    nlp: Language,
    text: str,
    word: str,
    level: str,
    kinds: Collection[ExerciseKind] = ALL_KINDS,
) -> list[ExerciseItem]:
    """Items for ``word`` in one sentence of a story: from the sentence itself when it is usable,
    else from the shorter sentences made of it when it is too long (each item's
    ``shortened_from`` is then the story's sentence)."""
    doc = nlp(text)
    items = exercises_for_sentence(lexicon, doc, word, level, kinds) or _from_unmarked(
        lexicon, nlp, text, word, level, kinds
    )
    sent = _sentence_of(doc)
    if sent is not None and usable_sentence(sent, level) and _order_wanted(items, level, kinds):
        items += _order_of_a_part(lexicon, nlp, sent, word, level)
    if items or sent is None:
        return items
    whole = edge_quotation(text)  # a sentence of a longer quotation, its other mark added
    if whole is not None:
        made = exercises_for_sentence(lexicon, nlp(whole), word, level, kinds)
        return [replace(item, shortened_from=text.strip()) for item in made]
    quoted = quotation_without_speaker(text)  # what was said, in its marks, without who said it
    # else the sentence of a quotation running across sentences, with its other mark added; else
    # what was said after who said it ("He asked: \u201cWhy ...?\u201d"), in its marks
    for whole in (quoted, closed_quotation(text), quotation_after_speaker(text)):
        made = exercises_for_sentence(lexicon, nlp(whole), word, level, kinds) if whole else []
        if made:
            return [replace(item, shortened_from=text.strip()) for item in made]
    parts = shorter_sentences(nlp, sent)
    token = find_token(sent, word)
    clause = None
    if token is not None:  # the clause holding the word, else the reported clause with who says it
        clause = clause_around(nlp, sent, token) or clause_around(nlp, sent, token, reported=True)
    colon = before_colon(nlp, sent, token) if token is not None else None  # "... ones: shirts, socks"
    for part in dict.fromkeys([*parts, *(p for p in (clause, colon) if p)]):
        made = exercises_for_sentence(lexicon, nlp(part), word, level, kinds)
        items += [replace(item, shortened_from=sent.text.strip()) for item in made]
    return items


def _order_wanted(items: list[ExerciseItem], level: str, kinds: Collection[ExerciseKind]) -> bool:
    """Above A2, a sentence without a word-order item may hold a plain clause whose phrases have one
    order: "Prices rose that year, and they closed the bakery in May" gives "They closed ..."."""
    order = ExerciseKind.WORD_ORDER
    return level_rank(level) > level_rank("A2") and order in kinds and all(i.kind is not order for i in items)


def _order_of_a_part(
    lexicon: Lexicon, nlp: Language, sent: Span, word: str, level: str
) -> list[ExerciseItem]:
    """The word-order item of the first shorter sentence made of ``sent`` that gives one (the clause
    holding the word, then the adaptation's splits), said to be shortened from it."""
    token = find_token(sent, word)
    clause = clause_around(nlp, sent, token, over=0) if token is not None else None
    for part in dict.fromkeys([p for p in (clause, *shorter_sentences(nlp, sent, over=0)) if p]):
        if part == sent.text.strip():
            continue
        made = exercises_for_sentence(lexicon, nlp(part), word, level, (ExerciseKind.WORD_ORDER,))
        if made:
            return [replace(made[0], shortened_from=sent.text.strip())]
    return []


def _from_unmarked(
    lexicon: Lexicon, nlp: Language, text: str, word: str, level: str, kinds: Collection[ExerciseKind]
) -> list[ExerciseItem]:
    """Items from the sentence read without the marks around single words ("a red salmon
    \u2018caviar\u2019 dish"), shown with them (:mod:`.marked_words`)."""
    marked = without_word_marks(text)
    if marked is None:
        return []
    made = exercises_for_sentence(lexicon, nlp(marked[1]), word, level, kinds)
    return [shown for item in made if (shown := with_marks(item, marked)) is not None]
