"""Main idea: which headline (or which opening sentence) fits the story?

The key is the story's main point as its writer put it: the title when it reads as a headline, else the lead
(the plainest version's first sentence, which a news story opens with). The distractors are the same kind of
text from other stories (the library's other headlines, the CLI's other files), never a detail of this story
made to look like its main point: that would give two defensible answers. Those sharing a word with the story
come first (a related topic asks for a careful reading), but each must share few of its words with every
version (MISFIT_SHARE), while the key shares most of its words (FIT_SHARE); support is checked per version.
Options share form (all headlines or all sentences, all questions or none) and are picked closest in length
to the key, so neither form nor length tells the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from spacy.language import Language

from vocabsphere.core.adapt.document import heading_paragraphs
from vocabsphere.core.adapt.text_ops import QUOTE_MARKS, split_sentences
from vocabsphere.core.levels.readability import normalise_text
from vocabsphere.core.quizzes.candidates import Candidate, mixed
from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.core.quizzes.passages import Passage, Sentence
from vocabsphere.core.quizzes.phrasing import clause_of, statement_text
from vocabsphere.core.quizzes.statements import stands_alone
from vocabsphere.core.quizzes.support import Claim

__all__ = [
    "FIT_SHARE",
    "HEADLINE_STEM",
    "LEAD_STEM",
    "MISFIT_SHARE",
    "fitting_sentence",
    "headline_fits",
    "is_headline",
    "lead_sentence",
    "main_idea_candidate",
]

HEADLINE_STEM = "Which headline fits the story best?"
LEAD_STEM = "Which sentence tells what the story is about?"
FIT_SHARE = 0.5  # the key's longer words found in the version
MISFIT_SHARE = 0.25  # a distractor shares fewer of its longer words with the version than this
HEADLINE_WORDS = (4, 14)  # a label ("Nepal", "WNL Brown bears") is no headline
LEAD_WORDS = (8, 25)  # a lead longer than this makes four long options
LENGTH_RATIO = 1.5  # options within this ratio of the key's length, in words
_POSSESSIVES = frozenset({"its", "their"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _words(text: str) -> frozenset[str]:
    """The longer words of a headline, lower-case (short ones are mostly function words)."""
    return frozenset(w.lower().strip("'’-") for w in _WORD.findall(text) if len(w) > 3)


def headline_fits(passage: Passage, claim: Claim, share: float) -> bool:
    """At least ``share`` of the headline's longer words are words of the version."""
    terms = passage.words
    return bool(claim.anchors) and len(claim.anchors & terms) >= share * len(claim.anchors)


def fitting_sentence(passage: Passage, claim: Claim) -> str:
    """The version's sentence sharing most of the key's words (its evidence); the first on a tie."""
    best = max(passage.sentences, key=lambda s: (len(claim.anchors & _sentence_words(s)), -s.index))
    return best.text if claim.anchors & _sentence_words(best) else ""


def _sentence_words(sentence: Sentence) -> frozenset[str]:
    return sentence.terms | {t.lower_ for t in sentence.doc}


def is_headline(title: str, nlp: Language) -> bool:
    """A headline, not a label ("WNL Inky the octopus"): four words or more with a verb, no quotation,
    not cut short."""
    words = title.split()
    low, high = HEADLINE_WORDS
    if not low <= len(words) <= high or any(q in title for q in QUOTE_MARKS) or title[-1:] in ",:;":
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in nlp(title))


def lead_sentence(text: str) -> str:
    """A story's first body sentence (headings left out), as a caller passes other stories' leads."""
    paragraphs = normalise_text(text).split("\n")
    headings = set(heading_paragraphs(paragraphs))
    for p, paragraph in enumerate(paragraphs):
        if p not in headings and paragraph.strip():
            sentences = split_sentences(paragraph)
            return sentences[0] if sentences else ""
    return ""


def _plain_lead(text: str, nlp: Language) -> str | None:
    """The sentence as a plain statement a learner can judge on its own, None when it is not one."""
    if not text:
        return None
    doc = nlp(text)
    clause = clause_of(doc)
    if clause is None:
        return None
    # "its" / "their" in a lead point back to its own subject ("A school ... opened a garden on its roof").
    own = [t.i for t in doc if t.lower_ in _POSSESSIVES and t.i >= clause.subject.end]
    sentence = Sentence(0, text, doc, frozenset(), False, False)
    if not stands_alone(clause, sentence, skip=own):
        return None
    lead = statement_text(clause)
    low, high = LEAD_WORDS
    return lead if low <= len(lead.split()) <= high else None


def _same_form(key: str, other: str) -> bool:
    a, b = len(key.split()), len(other.split())
    return key.endswith("?") == other.endswith("?") and max(a, b) <= LENGTH_RATIO * min(a, b)


def _distractors(
    key: str,
    pool: Iterable[str],
    versions: Sequence[frozenset[str]],
    plain: Callable[[str], str | None] = lambda text: text,
) -> tuple[str, ...]:
    """Three texts of the key's form that no version says: those sharing a word with the story first, then
    the closest in length. ``plain`` gives the text as shown, or None to leave it out (run last: parses)."""
    story = frozenset().union(*versions)
    fits: list[tuple[int, int, int, str]] = []
    for k, text in enumerate(dict.fromkeys(t.strip() for t in pool)):
        words = _words(text)
        if text.lower() == key.lower() or not words or not _same_form(key, text):
            continue
        if any(len(words & terms) >= MISFIT_SHARE * len(words) for terms in versions):
            continue
        related = min(1, len(words & story))
        fits.append((-related, abs(len(text) - len(key)), k, text))
    out: list[str] = []
    for *_, text in sorted(fits):
        shown = plain(text)
        if shown is not None and shown.lower() != key.lower() and shown not in out:
            out.append(shown)
        if len(out) == 3:
            break
    return tuple(out)


def main_idea_candidate(
    passages: Mapping[str, Passage],
    nlp: Language,
    title: str | None = None,
    other_titles: Sequence[str] = (),
    other_leads: Sequence[str] = (),
) -> Candidate | None:
    """The main-idea question, or None when the story's point or three fitting distractors are missing."""
    if not passages:
        return None
    first = next(iter(passages.values()))
    versions = [p.words for p in passages.values()]
    stem, key = HEADLINE_STEM, title.strip() if title else ""
    distractors: tuple[str, ...] = ()
    if is_headline(key, nlp) and headline_fits(first, Claim(_words(key), frozenset()), FIT_SHARE):
        distractors = _distractors(key, other_titles, versions, lambda t: t if is_headline(t, nlp) else None)
    if len(distractors) < 3:
        lead = _plain_lead(first.sentences[0].text, nlp) if first.sentences else None
        if lead is None:
            return None
        stem, key = LEAD_STEM, lead
        distractors = _distractors(key, other_leads, versions, lambda text: _plain_lead(text, nlp))
        if len(distractors) < 3:
            return None
    claim = Claim(_words(key), frozenset())
    others = tuple(Claim(_words(d), frozenset()) for d in distractors)
    evidence = fitting_sentence(first, claim)
    return Candidate(
        QuestionKind.MAIN_IDEA,
        stem,
        mixed(stem, [key, *distractors]),
        key,
        evidence,
        claim,
        others,
        first.level,
        -1,
    )
