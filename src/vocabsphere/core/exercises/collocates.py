"""Verb + noun and adjective + noun collocations met in the learner's sentences: which verb goes
with the noun ("The council _____ a decision": made, not did or said), which adjective goes with
it ("_____ rain": heavy, not strong).

The gap is always the partner whose choice is a matter of usage (the verb of the object, the
adjective of the noun), whether the learner's word is that partner or the noun. The pair must be
in :mod:`.collocate_table`, whose wrong partners are listed by hand; each wrong partner is checked
again against the dictionary before it is offered: not a combination WordNet lists ("take
place", "make sense"), not a pair of the shared collocation lists, not a word the substitution
step finds fitting the key's sense in the sentence, for adjectives no synonym of the key at all,
common enough to be known (Zipf >= 3.5) and within the learner's level + 1, written in the key's
form, and with the same "a"/"an" when an article stands before the gap. Fewer than two left: no
item.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wordfreq import zipf_frequency

from vocabsphere.core.learnables.tables import ADJ_NOUN, LIGHT_VERBS
from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.lexicon.substitutes import fitting_words, inflect_like, word_level

from .collocate_table import ADJECTIVE_NOUN, VERB_OBJECT, WITH_THE, Partners
from .distractors import article_of
from .model import ExerciseItem, ExerciseKind, PatternRef
from .option_lengths import balanced_wrong, gives_away, seeded
from .sentences import LEVELS, level_rank
from .slots import gapped

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["collocate_item"]

COMMON_ZIPF = 3.5
MIN_WRONG = 2
MAX_WRONG = 3
_MAX_SPAN = 4  # verb ... noun: at most three words of the noun phrase between them
# a second complement lets other verbs in: "took the decision seriously", "gave him advice"
_OTHER_COMPLEMENTS = frozenset({"iobj", "xcomp", "ccomp", "compound:prt", "obj:pred"})
_NOUN_TAGS = frozenset({"NN", "NNS"})
_ARTICLES = frozenset({"a", "an", "the"})


@dataclass(frozen=True)
class _Pair:
    partner: Token  # the word in the gap
    noun: Token
    row: Partners
    pos: str  # "VERB" or "ADJ": the partner's part of speech


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _noun_phrase_between(verb: Token, noun: Token) -> bool:
    """Only the noun's own words (article, adjective, number) stand between verb and noun."""
    return all(t.head.i == noun.i and not list(t.children) for t in verb.doc[verb.i + 1 : noun.i])


def _article(noun: Token) -> str:
    """ "a", "an" or "the" of the noun as written; "" for another determiner or none."""
    return next((c.lower_ for c in noun.children if c.dep_ == "det" and c.lower_ in _ARTICLES), "")


def _shape_ok(noun: Token, row: Partners) -> bool:
    if _lemma(noun) in WITH_THE and _article(noun) != "the":
        return False
    if not row.bare:
        return True
    if any(c.dep_ in ("det", "amod", "nummod", "nmod:poss", "compound") for c in noun.children):
        return False  # "take first place", "take their part": another phrase than the fixed one
    doc = noun.doc
    after = doc[noun.i + 1].lower_ if noun.i + 1 < noun.sent.end else ""
    return not row.after or after == row.after


def _object_of(noun: Token, verb: Token) -> bool:
    """The verb's object; the parse labels a lone object at the end of a sentence an indirect
    one at times ("the driver told the truth."), which it is not when no other object follows."""
    if noun.head.i != verb.i:
        return False
    return noun.dep_ == "obj" or (noun.dep_ == "iobj" and not any(c.dep_ == "obj" for c in verb.children))


def _verb_pair(verb: Token, noun: Token) -> _Pair | None:
    row = VERB_OBJECT.get(_lemma(noun))
    if row is None or _lemma(verb) not in row.good or verb.pos_ != "VERB" or noun.tag_ not in _NOUN_TAGS:
        return None
    if not _object_of(noun, verb) or not 0 < noun.i - verb.i <= _MAX_SPAN:
        return None  # active, object after its verb: "a decision was made" lets "taken" in
    others = [c for c in verb.children if c.i != noun.i]
    if any(c.dep_ in _OTHER_COMPLEMENTS or c.dep_ == "obj" for c in others):
        return None
    if any(c.dep_ == "conj" for c in noun.children) or not _noun_phrase_between(verb, noun):
        return None  # "made progress and friends": the verb has another noun the gap must fit
    return _Pair(verb, noun, row, "VERB") if _shape_ok(noun, row) else None


def _adjective_pair(adj: Token, noun: Token) -> _Pair | None:
    row = ADJECTIVE_NOUN.get(_lemma(noun))
    if row is None or adj.lower_ not in row.good or adj.tag_ != "JJ" or noun.tag_ not in _NOUN_TAGS:
        return None
    if adj.dep_ != "amod" or adj.head.i != noun.i or adj.i != noun.i - 1:
        return None
    if any(c.dep_ == "conj" for c in adj.children) or adj.dep_ == "conj":
        return None  # "heavy and persistent rain": the gap's neighbour is another adjective
    return _Pair(adj, noun, row, "ADJ")


def _pair(token: Token) -> _Pair | None:
    """The collocation the learner's word is part of, as the partner or as the noun."""
    if token.pos_ == "VERB":
        objects = (c for c in token.children if c.dep_ in ("obj", "iobj"))
        return next((p for c in objects if (p := _verb_pair(token, c))), None)
    if token.pos_ == "ADJ":
        return _adjective_pair(token, token.head)
    if token.pos_ == "NOUN":
        if token.dep_ in ("obj", "iobj") and (pair := _verb_pair(token.head, token)):
            return pair
        before = token.doc[token.i - 1] if token.i > token.sent.start else None
        return _adjective_pair(before, token) if before is not None else None
    return None


def _listed_together(lexicon: Lexicon, partner: str, noun: str, pos: str) -> bool:
    """The dictionary or the shared lists know the combination: it is English after all."""
    table = LIGHT_VERBS if pos == "VERB" else ADJ_NOUN
    if noun in table.get(partner, ()):
        return True
    phrases = (f"{partner} {noun}", *(f"{partner} {a} {noun}" for a in ("a", "an", "the")))
    return any(lexicon.entries(p).found for p in phrases)


def _synonym(lexicon: Lexicon, key: str, word: str, pos: str) -> bool:
    """An adjective that is a synonym of the key in one of its senses might fit the gap as well
    ("hard" for "strong": "hard coffee" has alcohol in it). Not asked of verbs: WordNet's
    senses of light verbs make them synonyms of each other ("make, do: engage in"), which is
    meaning, not usage; for them the substitution step's verdict on the sentence decides."""
    if pos != "ADJ":
        return False
    senses = lexicon.entries(key, pos).senses
    return any(word in (w.lower() for w in s.synonyms) for s in senses)


def _wrong_forms(lexicon: Lexicon, pair: _Pair, level: str) -> list[tuple[str, str]]:
    """(dictionary form, form in the gap) of the wrong partners that pass every check."""
    key_lemma, noun = _lemma(pair.partner), _lemma(pair.noun)
    cap = min(level_rank(level) + 1, len(LEVELS) - 1)
    before = pair.partner.doc[pair.partner.i - 1].lower_ if pair.partner.i > pair.partner.sent.start else ""
    # words the substitution step finds fitting the key's sense in this very sentence
    fits = {s.lemma for s in fitting_words(lexicon, pair.partner.doc, pair.partner.i)}
    found: list[tuple[str, str]] = []
    for word in pair.row.wrong:
        if word == key_lemma or zipf_frequency(word, "en") < COMMON_ZIPF:
            continue
        rank = word_level(word, pair.pos)
        if rank is None or rank > cap:
            continue
        if word in fits or _listed_together(lexicon, word, noun, pair.pos):
            continue
        if _synonym(lexicon, key_lemma, word, pair.pos):
            continue
        form = inflect_like(pair.partner, word, pair.pos)
        if form is None or form.lower() == pair.partner.lower_:
            continue
        if before in ("a", "an") and article_of(form) != article_of(pair.partner.text):
            continue
        found.append((word, form))
    return found


def _phrase(pair: _Pair, partner: str) -> str:
    """The combination in dictionary form with the article as written: "make a decision"."""
    if pair.pos == "ADJ":
        return f"{partner} {pair.noun.lower_}"
    article = _article(pair.noun)
    if article in ("a", "an"):
        article = article_of(pair.noun.lower_)  # "have a major impact": "have an impact"
    return " ".join(w for w in (partner, article, pair.noun.lower_, pair.row.after) if w)  # "take part in"


def _point(pair: _Pair) -> PatternRef | None:
    """The collocation's level: that of its harder word (the learner must know both)."""
    ranks = [word_level(_lemma(pair.partner), pair.pos), word_level(_lemma(pair.noun), "NOUN")]
    if any(r is None for r in ranks):
        return None
    kind = "collocation_verb_noun" if pair.pos == "VERB" else "collocation_adjective_noun"
    return PatternRef(kind, LEVELS[max(r for r in ranks if r is not None)])


def collocate_item(lexicon: Lexicon, token: Token, lemma: str, level: str) -> ExerciseItem | None:
    pair = _pair(token)
    if pair is None:
        return None
    found = _wrong_forms(lexicon, pair, level)
    forms = [f for _, f in found]
    if len(found) < MIN_WRONG or gives_away(pair.partner.text, forms, MAX_WRONG, MIN_WRONG):
        return None  # too few wrong partners, or the key is found by its length alone
    # which of them: those whose lengths do not give the key away (light verbs are short keys)
    draw = seeded(pair.partner.sent.text, pair.partner.i)
    shown = balanced_wrong(pair.partner.text, forms, MAX_WRONG, draw, fewest=MIN_WRONG)
    wrong = [(w, f) for w, f in found if f in shown]
    key, key_lemma, noun = pair.partner.text, _lemma(pair.partner), pair.noun.lower_
    what = "verb" if pair.pos == "VERB" else "adjective"
    said = f" (here \u2018{key}\u2019)" if key.lower() != key_lemma else ""
    forms = [form for _, form in wrong]
    others = [word for word, _ in wrong]
    named = ", ".join(f"\u2018{o}\u2019" for o in others[:-1]) + f" and \u2018{others[-1]}\u2019"
    return ExerciseItem(
        kind=ExerciseKind.COLLOCATION,
        prompt=f"Which {what} goes with \u2018{noun}\u2019 here?",
        gapped=gapped(token.sent, pair.partner.i),
        options=tuple(sorted((key, *forms), key=str.lower)),  # alphabetical: no position cue
        answer=key,
        accepted=(key,),
        explanation=(
            f"We say \u2018{_phrase(pair, key_lemma)}\u2019{said}: \u2018{noun}\u2019 goes with the "
            f"{what} \u2018{key_lemma}\u2019. {named} do not go with \u2018{noun}\u2019."
        ),
        grammar_point=_point(pair),
        source_sentence=token.sent.text.strip(),
        word=lemma,
    )
