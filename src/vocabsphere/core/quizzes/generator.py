"""One quiz for every level version of a story.

    quiz = generate_quiz({"A2": a2_text, "B1": b1_text, "orig": text}, lexicon=lexicon)

Candidates come from every version (the lowest level's wording first: it is the plainest); each is checked
against every version, and ``levels`` lists those that support the key and none of the distractors. A question
no version can answer is dropped; those answerable at more versions are preferred. Offline and deterministic.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from spacy.language import Language

from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.quizzes.candidates import Candidate
from vocabsphere.core.quizzes.causes import cause_candidates
from vocabsphere.core.quizzes.counts import count_candidates
from vocabsphere.core.quizzes.discussion import discussion_candidates
from vocabsphere.core.quizzes.entities import Cast, find_cast
from vocabsphere.core.quizzes.facts import fact_candidates, story_numbers
from vocabsphere.core.quizzes.key_positions import spread_keys
from vocabsphere.core.quizzes.main_idea import (
    FIT_SHARE,
    LEAD_STEM,
    MISFIT_SHARE,
    fitting_sentence,
    headline_fits,
    main_idea_candidate,
)
from vocabsphere.core.quizzes.model import Question, QuestionKind, Quiz
from vocabsphere.core.quizzes.passages import Passage, order_levels, parse_passages
from vocabsphere.core.quizzes.sequence import sequence_candidates, sequence_levels
from vocabsphere.core.quizzes.sources import source_candidates
from vocabsphere.core.quizzes.statements import TRUE, statement_candidates
from vocabsphere.core.quizzes.support import answerable, supporting_sentence
from vocabsphere.core.quizzes.vocabulary import VocabularyChecker, vocabulary_candidates
from vocabsphere.core.text import MODEL_VERSION, load_pipeline

__all__ = ["QUIZ_VERSION", "WORD_QUIZ_LIMIT", "generate_quiz", "generate_word_quiz"]

QUIZ_VERSION = "quiz-1.5"
LIMITS = {
    QuestionKind.MAIN_IDEA: 1,
    QuestionKind.FACT: 6,
    QuestionKind.SEQUENCE: 1,
    QuestionKind.TRUE_FALSE: 6,
    QuestionKind.VOCABULARY: 4,
    QuestionKind.DISCUSSION: 2,
}
_ORDER = tuple(LIMITS)
MIN_KEYED = 2  # below this many keyed questions, one a single version cannot answer may join (marked)
WORD_QUIZ_LIMIT = 10  # questions in a vocabulary quiz made from a list of words
OVERLAP = 0.5  # two questions whose stems share this much of their words ask the same thing


def _levels(
    candidate: Candidate,
    passages: Mapping[str, Passage],
    vocab: VocabularyChecker | None,
    cast: Cast | None = None,
) -> dict[str, str]:
    """The versions that can answer the question, each with its sentence that supports the key."""
    if candidate.key is None:
        return dict.fromkeys(passages, "")
    key = candidate.key
    if candidate.kind is QuestionKind.SEQUENCE:
        return sequence_levels(candidate, passages, cast or find_cast(passages.values()))
    if candidate.kind is QuestionKind.VOCABULARY:
        found = {lvl: vocab.supporting(p, key) if vocab is not None else None for lvl, p in passages.items()}
        return {lvl: text for lvl, text in found.items() if text is not None}
    if candidate.kind is QuestionKind.MAIN_IDEA:
        return {
            lvl: fitting_sentence(p, key)
            for lvl, p in passages.items()
            if headline_fits(p, key, FIT_SHARE)
            and not any(headline_fits(p, d, MISFIT_SHARE) for d in candidate.distractors)
        }
    out = {}
    for lvl, p in passages.items():
        sentence = supporting_sentence(p, key)
        if sentence is not None and answerable(p, key, candidate.distractors):
            out[lvl] = sentence.text
    return out


def _candidates(
    passages: Mapping[str, Passage],
    cast: Cast,
    lexicon: Lexicon | None,
    main_idea: Candidate | None,
    nlp: Language,
) -> Iterable[Candidate]:
    counts, years = story_numbers(list(passages.values()))
    if main_idea is not None:
        yield main_idea
    for passage in passages.values():
        yield from fact_candidates(passage, cast, counts, years)
        yield from source_candidates(passage, cast, nlp)
        yield from count_candidates(passage, counts, nlp)
        # Before the statements: a true statement of a linked sentence would give the order away, and
        # of the two the scarcer kind is kept.
        yield from sequence_candidates(passage, cast)
        yield from statement_candidates(passage, cast, counts, years, nlp)
        yield from cause_candidates(passage, list(passages.values()))
    if lexicon is not None and passages:  # words used at every level: asked from the plainest version
        yield from vocabulary_candidates(lexicon, next(iter(passages.values())), passages)
    yield from discussion_candidates(cast)


def _same_question(a: Candidate, b: Candidate) -> bool:
    """Asks the same thing, or one gives the other away (a true statement of a fact question's sentence)."""
    if a.key is None or b.key is None or a.stem.lower() == b.stem.lower():
        return a.stem.lower() == b.stem.lower()
    if QuestionKind.MAIN_IDEA in (a.kind, b.kind):
        # A question on the lead, when the main-idea key is that sentence, gives one answer away.
        return LEAD_STEM in (a.stem, b.stem) and a.evidence == b.evidence
    if (a.kind is QuestionKind.SEQUENCE) != (b.kind is QuestionKind.SEQUENCE):
        # Another question about one of the two events leaves their order to ask; one made from the very
        # sentence that orders them (a true statement "A after B") gives it away.
        return a.evidence == b.evidence
    if (
        a.kind == b.kind
        and a.answer == b.answer
        and a.key.terms == b.key.terms
        and a.kind is not QuestionKind.TRUE_FALSE
    ):
        return True
    small = min(len(a.key.anchors), len(b.key.anchors))
    shared = a.key.terms & b.key.terms or not (a.key.terms or b.key.terms)
    return small > 0 and len(a.key.anchors & b.key.anchors) >= OVERLAP * small and bool(shared)


def _balanced(candidate: Candidate, chosen: list[tuple[Candidate, tuple[str, ...]]]) -> bool:
    """True/false keys split evenly: one key may lead the other by one statement at most."""
    same = sum(c.kind is QuestionKind.TRUE_FALSE and c.answer == candidate.answer for c, _ in chosen)
    other = sum(c.kind is QuestionKind.TRUE_FALSE and c.answer != candidate.answer for c, _ in chosen)
    return same <= other


def _even_keys(chosen: list[tuple[Candidate, tuple[str, ...]]]) -> list[tuple[Candidate, tuple[str, ...]]]:
    """Which key may have one statement more is decided by the statements' text (a coin the text throws),
    not by which kind is easier to make (true ones are); when the key the coin names has no statement to
    spare, the other key's extra one goes, so "always True" and "always False" both gain nothing."""
    tf = [c for c, _ in chosen if c.kind is QuestionKind.TRUE_FALSE]
    trues = [c for c in tf if c.answer == TRUE]
    falses = [c for c in tf if c.answer != TRUE]
    if len(trues) == len(falses):
        return chosen
    lead_true = hashlib.sha256("\n".join(sorted(c.stem for c in tf)).encode()).digest()[0] % 2 == 0
    extra = trues if len(trues) > len(falses) else falses
    if (extra is trues) == lead_true:
        return chosen
    drop = extra[-1]
    return [(c, levels) for c, levels in chosen if c is not drop]


def _select(
    scored: list[tuple[Candidate, tuple[str, ...]]], rank: Mapping[str, int]
) -> list[tuple[Candidate, tuple[str, ...]]]:
    """Questions every version can answer first; one that a single version cannot answer only while the quiz
    has fewer than MIN_KEYED questions with a key (a sequence question always); never one that two or more
    versions cannot answer."""
    # Of a sentence's true statement and its false edit, the false one first: safe false statements are
    # the scarcer, and the keys must balance.
    scored = sorted(
        scored,
        key=lambda cl: (-len(cl[1]), rank.get(cl[0].source_level, 0), cl[0].position, cl[0].answer == TRUE),
    )
    chosen: list[tuple[Candidate, tuple[str, ...]]] = []
    for candidate, levels in scored:
        missing = len(rank) - len(levels)
        keyed = sum(c.key is not None for c, _ in chosen)
        # A sequence question may miss one version of three: the text orders events in few sentences,
        # and a version that says them in other words has it left out (its levels say where it is asked).
        scarce = candidate.kind is QuestionKind.SEQUENCE and len(rank) >= 3
        if missing > 1 or (missing == 1 and not scarce and (keyed >= MIN_KEYED or len(rank) < 3)):
            continue
        if sum(c.kind is candidate.kind for c, _ in chosen) >= LIMITS[candidate.kind]:
            continue
        if candidate.kind is QuestionKind.TRUE_FALSE and not _balanced(candidate, chosen):
            continue
        if any(_same_question(candidate, c) for c, _ in chosen):
            continue
        chosen.append((candidate, levels))
    chosen = _even_keys(chosen)
    return sorted(
        chosen, key=lambda cl: (_ORDER.index(cl[0].kind), rank.get(cl[0].source_level, 0), cl[0].position)
    )


def generate_quiz(
    versions: Mapping[str, str],
    *,
    lexicon: Lexicon | None,
    nlp: Language | None = None,
    title: str | None = None,
    other_titles: Sequence[str] = (),
    other_leads: Sequence[str] = (),
) -> Quiz:
    """A quiz checked against every version (level key -> text). Without a lexicon, no vocabulary questions.
    The main-idea question needs three other stories: their headlines (``other_titles``) when the title is a
    headline, else their first sentences (``other_leads``, see ``main_idea.lead_sentence``)."""
    ordered = order_levels(list(versions))
    nlp = nlp or load_pipeline()
    passages = parse_passages({lvl: versions[lvl] for lvl in ordered}, nlp)
    vocab = VocabularyChecker(lexicon) if lexicon is not None else None
    cast = find_cast(passages.values())
    main_idea = main_idea_candidate(passages, nlp, title, other_titles, other_leads)
    scored = []
    evidence: dict[int, dict[str, str]] = {}
    for candidate in _candidates(passages, cast, lexicon, main_idea, nlp):
        found = _levels(candidate, passages, vocab, cast)
        if found:
            scored.append((candidate, tuple(found)))
            evidence[id(candidate)] = found
    rank = {lvl: k for k, lvl in enumerate(ordered)}
    questions = spread_keys([_question(c, evidence[id(c)]) for c, _ in _select(scored, rank)])
    return Quiz(questions, _versions_used(lexicon))


def _question(candidate: Candidate, evidence: Mapping[str, str]) -> Question:
    """The question as asked: kept at the levels that support it, with each level's evidence sentence."""
    c = candidate
    levels = order_levels(list(evidence))
    kept = tuple((lvl, text) for lvl, text in evidence.items() if text)
    return Question(c.kind, c.stem, c.options, c.answer, c.evidence, levels, kept)


def _versions_used(lexicon: Lexicon | None) -> dict[str, str]:
    versions_used = {"quiz": QUIZ_VERSION, "spacy_model": MODEL_VERSION}
    if lexicon is not None:
        versions_used["lexicon"] = lexicon.lexicon_version()
    return versions_used


def generate_word_quiz(
    versions: Mapping[str, str], words: Sequence[str], *, lexicon: Lexicon, nlp: Language | None = None
) -> Quiz:
    """A vocabulary quiz on the given words (a class's most looked-up ones, most first): what each means in
    its sentence of the story, kept only at the versions that use it in the same sense. A word whose sense
    is uncertain, or that has no plain fitting word, gets no question."""
    ordered = order_levels(list(versions))
    passages = parse_passages({lvl: versions[lvl] for lvl in ordered}, nlp or load_pipeline())
    wanted = frozenset(w.lower() for w in words)
    vocab = VocabularyChecker(lexicon)
    rank = {w.lower(): k for k, w in enumerate(words)}
    found: dict[str, tuple[Candidate, dict[str, str]]] = {}
    lemmas = {t.lower_: t.lemma_.lower() for p in passages.values() for s in p.sentences for t in s.doc}
    for passage in passages.values():  # the plainest version first; a word missing there is asked higher up
        todo = wanted - found.keys()
        if not todo:
            break
        for candidate in vocabulary_candidates(lexicon, passage, passages, todo):
            word = _asked_word(candidate, lemmas)
            if word in found or word not in rank:
                continue
            levels = _levels(candidate, passages, vocab)
            if levels:
                found[word] = (candidate, levels)
    chosen = sorted(found.items(), key=lambda item: rank[item[0]])[:WORD_QUIZ_LIMIT]
    questions = tuple(_question(c, levels) for _, (c, levels) in chosen)
    return Quiz(questions, _versions_used(lexicon))


def _asked_word(candidate: Candidate, lemmas: Mapping[str, str]) -> str:
    """The lemma a vocabulary candidate asks about (its claim holds the sense and the word as written)."""
    assert candidate.key is not None
    form = next((t for t in candidate.key.terms if not t.startswith("sense:")), "")
    return lemmas.get(form, form)
