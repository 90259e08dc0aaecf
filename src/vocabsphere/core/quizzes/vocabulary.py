"""Vocabulary in context: what does a hard word of the story mean in its sentence?

The sense is the product's one in-context choice (lexicon.sense_choice); the key is a word that replaces it in
this sentence with that sense (lexicon.substitutes.fitting_words). Distractors are other words of the story of
the same part of speech, written in the same form, that share no meaning with the word: no WordNet sense in
common, and neither a broader term of its sense nor a sister term of it ("painting" is no distractor for
"artwork"). Nothing is asked when the sense is uncertain.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token
from wordfreq import zipf_frequency

from vocabsphere.core.adapt.document import quotes_balanced
from vocabsphere.core.exercises.distractors import rare_plural
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon.sense_choice import SenseChoice, choose_sense
from vocabsphere.core.lexicon.substitutes import LEVELS, fitting_words, inflect_like, word_level
from vocabsphere.core.quizzes.candidates import Candidate, mixed, pick_distractors
from vocabsphere.core.quizzes.entities import name_span
from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.core.quizzes.passages import Passage, Sentence
from vocabsphere.core.quizzes.support import Claim

__all__ = ["VocabularyChecker", "vocabulary_candidates"]

ASKED_POS = frozenset({"NOUN", "VERB", "ADJ"})
MIN_RANK = 2  # B1 and above: easier words are not worth a question
MIN_KEY_ZIPF = 3.5  # the key must be a word learners know better than the asked one
MAX_KEY_ZIPF_DROP = 0.5  # nor clearly rarer than it: "criminals" is not "outlaws", "project" not "task"
MAX_ZIPF_GAP = 1.5
MIN_FORM_ZIPF = 3.0  # a distractor's form must be a word people write ("informations" is not)
MIN_ASKED_ZIPF = 3.0  # rarer words are not worth a question
MAX_TRIED = 20
MAX_STEM_TOKENS = 32  # distractors about as common as the key, so frequency tells nothing


@dataclass(frozen=True)
class _Target:
    sentence: Sentence
    token: Token
    choice: SenseChoice
    key: str  # the fitting word, in the token's form


def _worth_asking(
    passages: Mapping[str, Passage],
    sentence: Sentence,
    token: Token,
    written_lower: frozenset[str],
    words: frozenset[str] | None = None,
) -> bool:
    """A hard content word used in every version, in a sentence that stands on its own (no quotation).
    With ``words`` (lemmas a class looked up), only those, however common: the learners found them hard."""
    if token.pos_ not in ASKED_POS or not token.is_alpha or len(token) < 4 or token.dep_ in ("case", "mark"):
        return False
    if token.lemma_.lower() in STOP_WORDS:
        return False  # "What does 'said' mean?" (key "told": "told the garden would ...") teaches nothing
    if sentence.quoted or not quotes_balanced(sentence.text) or name_span(sentence.doc, token.i):
        return False
    doc = sentence.doc
    if token.text[:1].isupper() and token.lower_ not in written_lower:
        return False  # a name the tagger missed ("Brooks phoned his coach"): the story never writes it lower
    if (token.i > 0 and doc[token.i - 1].text == "-") or (
        token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    ):
        return False  # part of a compound ("computer-assisted"): its meaning is the compound's
    if len(sentence.doc) > MAX_STEM_TOKENS:
        return False  # the stem quotes the sentence: a long one buries the word
    if words is not None:
        if token.lemma_.lower() not in words and token.lower_ not in words:
            return False
    else:
        rank = word_level(token.lemma_.lower(), token.pos_)
        if rank is None or rank < MIN_RANK or zipf_frequency(token.lower_, "en") < MIN_ASKED_ZIPF:
            return False
    # A looked-up word is asked even where another version says it otherwise: `levels` tells where it holds.
    return words is not None or all(token.lower_ in p.terms for p in passages.values())


def _targets(
    lexicon: Lexicon, passage: Passage, passages: Mapping[str, Passage], words: frozenset[str] | None
) -> Iterator[_Target]:
    """Words whose sense is certain and that have a plain fitting word; the sense choice is costly, so only
    the first MAX_TRIED words worth asking are tried (each of ``words`` when given)."""
    tried: set[str] = set()
    limit = MAX_TRIED if words is None else len(words)
    written_lower = frozenset(
        t.text for p in passages.values() for s in p.sentences for t in s.doc if t.is_lower
    )
    for sentence in passage.sentences:
        doc = sentence.doc
        for token in doc:
            if token.lemma_.lower() in tried or len(tried) >= limit:
                continue
            if not _worth_asking(passages, sentence, token, written_lower, words):
                continue
            tried.add(token.lemma_.lower())
            choice = choose_sense(lexicon, doc, token.i)
            if not choice.confident or choice.upos not in ASKED_POS:
                continue
            written = doc.text.lower()
            rank = word_level(choice.lemma, choice.upos)
            floor = max(MIN_KEY_ZIPF, zipf_frequency(choice.lemma, "en") - MAX_KEY_ZIPF_DROP)
            keys = [
                s.form
                for s in fitting_words(lexicon, doc, token.i, choice=choice)
                if s.zipf >= floor
                and s.form.lower() not in written
                and " " not in s.form
                and (rank is None or LEVELS.index(s.level) <= rank)  # never a harder word as the meaning
            ]
            if keys:
                yield _Target(sentence, token, choice, keys[0])


def _related(lexicon: Lexicon, choice: SenseChoice, lemma: str) -> bool:
    """Does ``lemma`` share a meaning with the chosen sense's word (a synonym, broader or sister term)?"""
    sense = choice.best
    assert sense is not None
    own = {s.synset_id for s in lexicon.entries(choice.lemma, choice.upos).senses}
    for other in lexicon.entries(lemma, choice.upos).senses:
        if other.synset_id in own or other.synset_id in sense.hypernyms:
            return True
        if set(other.hypernyms) & set(sense.hypernyms) or sense.synset_id in other.hypernyms:
            return True
    return False


def _distractors(lexicon: Lexicon, target: _Target, pool: Mapping[str, str]) -> tuple[str, ...]:
    key_zipf = zipf_frequency(target.key, "en")
    found = []
    words = target.sentence.doc.text.lower()
    for lemma, upos in pool.items():
        if (
            upos != target.choice.upos
            or lemma in (target.choice.lemma, target.key.lower())
            or lemma in STOP_WORDS
        ):
            continue
        form = inflect_like(target.token, lemma, upos)
        if form is None or form.lower() in words or form in found:
            continue
        if target.token.tag_ == "NN" and form.endswith("s") and not form.endswith("ss"):
            continue  # a singular word gets singular options ("project": not "maps")
        if target.token.tag_ == "NNS" and rare_plural(lemma, form):
            continue  # a mass noun's made-up plural ("todays", "advices")
        zipf = zipf_frequency(form, "en")
        if zipf < MIN_FORM_ZIPF or abs(zipf - key_zipf) > MAX_ZIPF_GAP:
            continue
        senses = lexicon.entries(lemma, upos).senses
        if not senses or senses[0].tag_count == 0:
            continue  # not really this part of speech ("guilty" tagged as a verb)
        if not _related(lexicon, target.choice, lemma) and not _related_to_key(lexicon, target, lemma):
            found.append(form)
    return pick_distractors(target.key, found)


def _related_to_key(lexicon: Lexicon, target: _Target, lemma: str) -> bool:
    key_lemma = {s.synset_id for s in lexicon.entries(target.key.lower(), target.choice.upos).senses}
    return any(s.synset_id in key_lemma for s in lexicon.entries(lemma, target.choice.upos).senses)


def _story_words(passages: Mapping[str, Passage]) -> dict[str, str]:
    """Lemma -> part of speech of the content words of every version."""
    out: dict[str, str] = {}
    for passage in passages.values():
        for s in passage.sentences:
            for t in s.doc:
                if t.pos_ in ASKED_POS and t.is_alpha and t.is_lower and len(t) > 2:
                    out.setdefault(t.lemma_.lower(), t.pos_)
    return out


def _same_form(target: _Target, distractors: tuple[str, ...]) -> bool:
    """A plural asked gets plural options only ("injuries": not "hurt" among "aims", "days")."""
    if target.token.tag_ != "NNS":
        return True
    return all(o.lower().endswith("s") for o in (target.key, *distractors))


def vocabulary_candidates(
    lexicon: Lexicon, passage: Passage, passages: Mapping[str, Passage], words: frozenset[str] | None = None
) -> Iterator[Candidate]:
    """Questions on the story's hard words; with ``words`` (lower-case lemmas), on those words only."""
    pool = _story_words(passages)
    for target in _targets(lexicon, passage, passages, words):
        distractors = _distractors(lexicon, target, pool)
        if len(distractors) < 3 or not _same_form(target, distractors):
            continue
        sense = target.choice.best
        assert sense is not None
        stem = f"What does “{target.token.text}” mean in this sentence? “{target.sentence.text}”"
        key = Claim(frozenset(), frozenset({f"sense:{sense.synset_id}", target.token.lower_}))
        options = mixed(stem, [target.key, *distractors])
        yield Candidate(
            QuestionKind.VOCABULARY,
            stem,
            options,
            target.key,
            target.sentence.text,
            key,
            (),
            passage.level,
            target.sentence.index,
        )


class VocabularyChecker:
    """Does a version use the word in the same sense (the shared sense choice, confident)?"""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def supporting(self, passage: Passage, key: Claim) -> str | None:
        """The version's first sentence using the word in the key's sense, None when it has none."""
        sense = next(t for t in key.terms if t.startswith("sense:"))[len("sense:") :]
        word = next(t for t in key.terms if not t.startswith("sense:"))
        for sentence in passage.sentences:
            for token in sentence.doc:
                if token.lower_ == word:
                    choice = choose_sense(self.lexicon, sentence.doc, token.i)
                    if choice.confident and choice.best is not None and choice.best.synset_id == sense:
                        return sentence.text
        return None
