"""Why a word got no item (or few kinds) from a sentence: the diagnostic of ``bench_exercises.py --why``.

For one (sentence, word) pair it prints what the shipped code decided at each step, with the
shipped helpers: the sentence filter's reason, the token found and its tags, the slot's part of
speech and reason, and for each main kind the value it refused on (the cloze meaning and
distractors, the word family's members, the word form asked); for a sentence refused, the same for
each sentence tried in its place (the quotation made whole, the shorter sentences of a long one). It
decides nothing itself.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from vocabsphere.core.exercises import ExerciseKind, exercises_for_text
from vocabsphere.core.exercises.clauses import before_colon, clause_around, shorter_sentences
from vocabsphere.core.exercises.cloze import _constrained_noun, _meaning
from vocabsphere.core.exercises.distractors import choose_distractors
from vocabsphere.core.exercises.sentences import (
    _JUNK,
    _OPENERS,
    MAX_WORDS,
    MIN_WORDS,
    _quotes_balanced,
    closed_quotation,
    edge_quotation,
    level_rank,
    parse_holds,
    quotation_after_speaker,
    quotation_without_speaker,
)
from vocabsphere.core.exercises.slots import find_token, slot_pos, slot_reason
from vocabsphere.core.exercises.word_family import family_members
from vocabsphere.core.learnables.sentences import has_finite_verb, is_heading, word_count
from vocabsphere.core.learnables.words import content_pos
from vocabsphere.core.levels import text_level_of_doc
from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.lexicon.sense_choice import resolve_token


def sentence_refusal(sent: Span, level: str) -> str:
    """The first check of ``usable_sentence`` that fails, or "" when it passes."""
    words = word_count(sent)
    if not MIN_WORDS <= words <= MAX_WORDS:
        return f"{words} words"
    text = sent.text.strip()
    if any(mark in text.lower() for mark in _JUNK) or not text.lstrip(_OPENERS)[:1].isupper():
        return "junk or lower-case start"
    if is_heading(sent):
        return "heading"
    if not has_finite_verb(sent):
        return "no finite verb"
    if not _quotes_balanced(text):
        return "unbalanced quotes"
    if not parse_holds(sent):
        return "parse does not hold"
    measured = text_level_of_doc(sent.as_doc()).level
    if level_rank(measured) > level_rank(level) + 1:
        return f"level {measured}"
    return ""


def _retried(nlp: Language, sentence: str, sent: Span, word: str) -> list[str]:
    """The sentences ``exercises_for_text`` tries when ``sentence`` gives nothing itself: the
    quotation made whole, or the shorter sentences made of a long one."""
    quoted = (edge_quotation, quotation_without_speaker, closed_quotation, quotation_after_speaker)
    wholes = [w for w in (f(sentence) for f in quoted) if w]
    if wholes:
        return wholes[:1]
    token = find_token(sent, word)
    around = [clause_around(nlp, sent, token), before_colon(nlp, sent, token)] if token is not None else []
    return list(dict.fromkeys([*shorter_sentences(nlp, sent), *(p for p in around if p)]))


def explain(
    lexicon: Lexicon, nlp: Language, sentence: str, word: str, level: str, depth: int = 0
) -> list[str]:
    """Lines telling what happened to ``word`` in ``sentence``; a sentence refused is followed by
    the sentences tried in its place (a quotation made whole, shorter parts), each explained too."""
    made = exercises_for_text(lexicon, nlp, sentence, word, level)
    kinds = sorted({i.kind.value for i in made})
    shortened = any(i.shortened_from for i in made)
    lines = [f"  [{', '.join(kinds) or 'NONE'}]{' (shortened)' if shortened else ''} {sentence[:140]}"]
    return lines + _explain_parse(lexicon, nlp, sentence, word, level, kinds, depth)


def _explain_parse(
    lexicon: Lexicon, nlp: Language, sentence: str, word: str, level: str, kinds: list[str], depth: int
) -> list[str]:
    lines: list[str] = []
    doc = nlp(sentence)
    sents = list(doc.sents)
    if len(sents) != 1:
        lines.append(f"    parsed as {len(sents)} sentences")
        return lines
    sent = sents[0]
    refusal = sentence_refusal(sent, level)
    if refusal:
        lines.append(f"    sentence refused: {refusal}")
        if depth == 0 and not kinds:
            for part in _retried(nlp, sentence, sent, word):
                first, *rest = explain(lexicon, nlp, part, word, level, depth + 1)
                lines += [f"    instead: {first.strip()}", *(f"    {line}" for line in rest)]
    token = find_token(sent, word)
    if token is None:
        lines.append(f"    word {word!r} not found")
        return lines
    reading = resolve_token(lexicon, token)
    pos = slot_pos(lexicon, token)
    lines.append(
        f"    token {token.text!r} pos={token.pos_} tag={token.tag_} dep={token.dep_} "
        f"head={token.head.text!r} content={content_pos(token)} lookup={reading.upos}/{reading.lemma} "
        f"ent={token.ent_type_ or '-'} -> slot {pos}"
    )
    if refusal or pos is None:
        return lines
    lines.append(f"    reason: {slot_reason(token, pos)}")
    if ExerciseKind.CLOZE.value not in kinds:
        meaning = _meaning(lexicon, token, pos)
        cap = min(level_rank(level) + 1, 5)
        found = choose_distractors(lexicon, token, reading.lemma, pos, token.text, cap, clue=meaning or "")
        lines.append(
            f"    cloze: meaning={meaning!r} constrained={_constrained_noun(token, pos)} "
            f"distractors={list(found)}"
        )
    if ExerciseKind.WORD_FAMILY.value not in kinds:
        members = family_members(lexicon, reading.lemma, pos, min(level_rank(level) + 1, 5))
        links = [m.lemma for m in lexicon.family(reading.lemma)]
        lines.append(f"    family: {members} (family links {links})")
    return lines
