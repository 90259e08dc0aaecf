"""The one in-context sense choice of the product: popover, saved word, glosses, substitution,
explanations and exercises all call :func:`choose_sense`.

Given a parsed Doc and a token position, it settles the word's lemma and part of speech
(checked against WordNet's base forms), ranks the WordNet senses by fit to the sentence
(:mod:`.sense_ranking`) and says how likely the first one is right. Callers that make a claim
from the sense (a gloss, a substitute, a "means ..." explanation) use ``confident`` and say
nothing when it is False; the popover may still list the ranked senses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import sense_ranking
from .lookup import Lexicon, Sense
from .sense_ranking import ScoredSense, Weights
from .store_schema import wordnet_pos

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "CONFIDENT",
    "SenseChoice",
    "TokenReading",
    "choose_sense",
    "confidence_map",
    "function_expression",
    "phrasal_lemma",
    "probability",
    "resolve_token",
    "sentence_text",
]

CONFIDENT = 0.7  # probability from which a caller may make a claim from the first sense
# Logistic map from the ranking to the chance the first sense is right, fitted on the tuning half
# of SemEval-2007 only (d000+d001; bench/bench_wsd.py): the first sense's lead over the second
# in score (log-prior units, capped), and "weak" (SemCor saw it at most twice and no context
# word supports it). The ``senses`` extra moves scores further apart (sentence-definition cosine
# times 6), so it has its own map (bench/bench_wsd.py --fit, with and without the extra).
_LEAD_CAP = 6.0


@dataclass(frozen=True)
class ConfidenceMap:
    lead: float
    weak: float
    bias: float


DEFAULT_MAP = ConfidenceMap(lead=0.75, weak=-1.68, bias=-0.67)
EXTRA_MAP = ConfidenceMap(lead=0.87, weak=-0.51, bias=-0.95)
WEAK_TAGS = 2
# A word with one WordNet sense (11 of 12 right in the tuning half): sure, unless that sense is weak
# ("dynamics" has only the physics sense, "dating" only the chemical one): WordNet then often
# lacks the sense meant.
_ONLY_SENSE, _ONLY_WEAK_SENSE = 0.84, 0.5
_PARTICLES = frozenset({"back", "out", "up", "down", "off", "away", "in", "on", "over", "around"})


@dataclass(frozen=True)
class SenseChoice:
    word: str  # as written
    lemma: str  # the base form the senses belong to
    upos: str  # part of speech in context (repaired by the parse)
    senses: tuple[ScoredSense, ...]  # best first
    probability: float  # estimated chance that senses[0] is the sense meant
    proper: bool = False  # used as a name
    function: bool = False  # the head of a fixed function expression ("according to"): no senses

    @property
    def best(self) -> Sense | None:
        return self.senses[0].sense if self.senses else None

    @property
    def confident(self) -> bool:
        return bool(self.senses) and self.probability >= CONFIDENT


@dataclass(frozen=True)
class TokenReading:
    lemma: str
    upos: str
    proper: bool


def resolve_token(lexicon: Lexicon, token: Token) -> TokenReading:
    """Lemma and POS of a token, checked against WordNet's base forms.

    The POS is the tagger's, repaired by the parse (:func:`.sense_ranking.repair_pos`), and a
    verb where the fine tag says so ("read" VBN tagged NOUN) or a modal governs it ("could
    n't resist"). When WordNet has the word under another POS only ("embody" tagged NOUN),
    that POS is taken. The parser's lemma wins only if among WordNet's base forms ("saw" ->
    see), since the trained lemmatiser slips on rarer forms ("filed" -> fil).
    """
    upos = sense_ranking.repair_pos(token)
    proper = token.pos_ == "PROPN"
    if upos in ("NOUN", "ADJ") and not proper and _verb_in_context(lexicon, token, upos):
        upos = "VERB"
    lemma = sense_ranking.token_lemma(token)
    if wordnet_pos(upos):
        forms = [f for f, _ in lexicon.base_forms(token.lower_, upos)]
        if not forms and not proper:
            others = lexicon.base_forms(token.lower_)
            if others:
                wn = "v" if any(p == "v" for _, p in others) and _verbal(token) else others[0][1]
                upos = _UPOS_OF_WN[wn]
                forms = [f for f, p in others if p == wn]
        if forms and lemma not in forms:
            guess = sense_ranking.inflect_lemma(token.lower_, upos)
            lemma = guess if guess in forms else forms[0]
    return TokenReading(lemma, upos, proper)


_UPOS_OF_WN = {"n": "NOUN", "v": "VERB", "a": "ADJ", "r": "ADV"}


def _verb_in_context(lexicon: Lexicon, token: Token, upos: str) -> bool:
    """A noun or adjective tag that the fine tag, a modal or the agreement says is a verb."""
    if _verb_by_parse(token):
        return True
    return upos == "NOUN" and _verb_by_agreement(token) and bool(lexicon.base_forms(token.lower_, "VERB"))


def _verb_by_parse(token: Token) -> bool:
    """The fine tag says verb (the coarse one slipped), or a modal governs it."""
    return str(token.tag_).startswith("VB") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)


# Tags that open the noun phrase an -s verb takes as its object ("lacks adequate shelter",
# "exhibits some ..."); a noun right after is left out: "company sales figures" is a compound.
_OBJECT_START = frozenset({"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD"})
# not an adjective: before a plural noun it is the noun's own ("the French cows amble")
_SINGULAR_SUBJECT = frozenset({"NN", "NNP"})


def _verb_by_agreement(token: Token) -> bool:
    """A plural-noun tag the sentence contradicts: an -s form after a singular noun, before the
    start of a noun phrase, in a clause with no verb of its own ("if a person lacks adequate
    shelter", "the town lacks clean water": the tagger read "person lacks" as a compound)."""
    doc = token.doc
    if token.tag_ != "NNS" or not token.lower_.endswith("s") or not 0 < token.i < len(doc) - 1:
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    if before.tag_ not in _SINGULAR_SUBJECT or after.tag_ not in _OBJECT_START:
        return False
    # the parse hangs it, as subject or compound, on the noun of the phrase after it ("lacks" ->
    # "shelter"); a plural noun in a list or heading hangs elsewhere ("Alliance figures such as")
    head = token.head
    if token.dep_ not in ("nsubj", "compound") or head.i <= after.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    clause = _clause_head(token)
    return not any(
        t.pos_ in ("VERB", "AUX") and _clause_head(t) == clause for t in token.sent if t.i != token.i
    )


def _clause_head(token: Token) -> Token:
    """The head of the clause a token belongs to."""
    while token.dep_ not in _CLAUSE_HEAD and token.head.i != token.i:
        token = token.head
    return token


def _verbal(token: Token) -> bool:
    return _verb_by_parse(token) or any(c.dep_ in ("nsubj", "obj", "aux") for c in token.children)


def function_expression(token: Token) -> str | None:
    """The fixed function expression the token heads, used as a preposition or conjunction
    ("according to" in "According to a source"): its content-word senses ("accord": go together)
    are not what it means there."""
    if token.dep_ not in ("case", "mark", "cc", "advmod"):
        return None
    fixed = [c for c in token.children if c.dep_ == "fixed"]
    if not fixed:
        return None
    return " ".join(t.lower_ for t in sorted([token, *fixed], key=lambda t: t.i))


def phrasal_lemma(lexicon: Lexicon, token: Token, lemma: str) -> str | None:
    """The verb expression the token heads, when WordNet has it as a verb: a particle verb
    ("point out": compound:prt in the parse, or a particle adverb right after the verb, "dating
    back"), or the verb with the word right after it as its bare object or complement ("took
    place", "falls short"). A preposition ("closed in the afternoon") never makes one, nor an
    adverb of place ("found yourself out in the cold", "Back in the car, we drove")."""
    for child in token.children:
        if (child.dep_ == "compound:prt" and not _place_adverb(child)) or (
            child.dep_ == "advmod" and child.lower_ in _PARTICLES and child.i == token.i + 1
        ):
            candidate = f"{lemma} {child.lower_}"
            if lexicon.base_forms(candidate, "VERB"):
                return candidate
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.head.i == token.i and _fixed_complement(nxt):
        candidate = f"{lemma} {nxt.lower_}"
        if lexicon.base_forms(candidate, "VERB"):
            return candidate
    if nxt is not None:
        return _particle_before_preposition(lexicon, nxt, lemma)
    return None


def _particle_before_preposition(lexicon: Lexicon, word: Token, lemma: str) -> str | None:
    """ "up" right after its verb and right before "of" or "with", which the parse took for a
    second preposition ("is made up of women", "caught up with them"): two prepositions open no
    one phrase, so "up" belongs to the verb. Other particles there mostly say where ("walked
    out of the room": not "walk out", nor WordNet's "walk out of", leaving in protest; "got out
    of the car": not "get out of", to avoid)."""
    doc = word.doc
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if word.lower_ != "up" or word.pos_ not in ("ADP", "ADV") or after is None:
        return None
    candidate = f"{lemma} up"
    if after.lower_ in ("of", "with") and lexicon.base_forms(candidate, "VERB"):
        return candidate
    return None


def _place_adverb(particle: Token) -> bool:
    """A particle away from its verb and right before a preposition says where ("found yourself
    out in the cold", "put them out on the streets"), not a phrasal verb ("find out")."""
    doc = particle.doc
    after = doc[particle.i + 1] if particle.i + 1 < len(doc) else None
    return particle.i > particle.head.i + 1 and after is not None and after.pos_ == "ADP"


def _fixed_complement(word: Token) -> bool:
    """A bare noun object ("take place", "make sense": no determiner or modifier of its own) or
    an adjective complement ("fall short", "come true") that may close a verb expression."""
    if word.dep_ == "obj" and word.pos_ == "NOUN":
        return not any(c.dep_ in ("det", "nmod:poss", "amod", "compound", "nummod") for c in word.children)
    return word.dep_ in ("xcomp", "advmod") and word.pos_ in ("ADJ", "ADV") and word.lower_ not in _PARTICLES


def _phrasal_reading(lexicon: Lexicon, token: Token, reading: TokenReading) -> str | None:
    """The particle verb a token heads: a verb, or an -ing form the tagger took for a noun
    ("Evidence dating back to 2023")."""
    if reading.upos == "VERB":
        return phrasal_lemma(lexicon, token, reading.lemma)
    bare = not any(c.dep_ in ("det", "nmod:poss", "amod") for c in token.children)
    if reading.upos == "NOUN" and token.lower_.endswith("ing") and bare and not reading.proper:
        verb = sense_ranking.inflect_lemma(token.lower_, "VERB")
        return phrasal_lemma(lexicon, token, verb) if verb else None
    return None


def choose_sense(
    lexicon: Lexicon,
    doc: Doc,
    token_index: int,
    *,
    senses: Sequence[Sense] | None = None,
    lemma: str | None = None,
    weights: Weights = sense_ranking.SHIPPED,
) -> SenseChoice:
    """Senses of ``doc[token_index]`` ranked by fit to its sentence, with the chance the first
    is right. ``senses``/``lemma`` rank given senses instead (a multi-word expression starting
    at the token: pass the expression's senses and text)."""
    token = doc[token_index]
    reading = resolve_token(lexicon, token)
    fixed = function_expression(token)
    if fixed is not None and senses is None:
        return SenseChoice(token.text, fixed, "ADP", (), 0.0, function=True)
    others: dict[str, tuple[str, str]] = {}  # synset -> (lemma, UPOS) of a POS the tagger did not give
    if senses is None:
        phrasal = _phrasal_reading(lexicon, token, reading)
        upos = "VERB" if phrasal else reading.upos
        entry = lexicon.entries(phrasal or reading.lemma, upos if wordnet_pos(upos) else None)
        senses, base = entry.senses, entry.lemma or reading.lemma
        reading = TokenReading(reading.lemma, upos, reading.proper)
        if not phrasal and not reading.proper and upos in _OTHER_POS and _doubtful_pos(token, upos):
            extra = _other_pos_senses(lexicon, token, upos)
            own = {s.synset_id for s in senses}
            extra = [(s, f, u) for s, f, u in extra if s.synset_id not in own]
            others = {s.synset_id: (f, u) for s, f, u in extra}
            senses = [*senses, *(s for s, _, _ in extra)]
    else:
        base = lemma or reading.lemma
    context = sense_ranking.context_of(doc, token_index, (token.lower_, base))
    ranked = sense_ranking.rank_in_lexicon(
        lexicon,
        senses,
        context,
        base,
        weights,
        proper=reading.proper,
        compounds=sense_ranking.compounds_around(doc, token_index),
        sentence=sentence_text(doc, token_index),
        penalty=dict.fromkeys(others, OTHER_POS_PENALTY),
    )
    if others and ranked:
        # one part of speech in the answer: the tagger's, unless another's sense won despite the penalty
        won = others.get(ranked[0].sense.synset_id)
        if won is not None:
            base, reading = won[0], TokenReading(won[0], won[1], reading.proper)
        ranked = [r for r in ranked if others.get(r.sense.synset_id) == won]
    chance = probability(ranked, confidence_map(weights))
    return SenseChoice(token.text, base, reading.upos, tuple(ranked), chance, reading.proper)


# Log-prior units a sense of another POS must make up where the parse leaves the tag in doubt
# ("Absorbed in ..." tagged ADJ); 0 and 1 tie on d000+d001, 2 and more change nothing.
OTHER_POS_PENALTY = 1.0
_OTHER_POS = {"NOUN": ("v", "a"), "VERB": ("n",), "ADJ": ("v",)}


_CLAUSE_HEAD = frozenset(
    {"ROOT", "conj", "advcl", "ccomp", "xcomp", "acl", "acl:relcl", "orphan", "parataxis"}
)


def _doubtful_pos(token: Token, upos: str) -> bool:
    """The parse leaves the tag in doubt: a noun or adjective heading a clause with no
    determiner, copula or preposition of its own ("Absorbed in ...", "most average 5 miles")."""
    if upos not in ("NOUN", "ADJ") or token.dep_ not in _CLAUSE_HEAD:
        return False
    return not any(c.dep_ in ("det", "cop", "case", "nmod:poss", "amod") for c in token.children)


def _other_pos_senses(lexicon: Lexicon, token: Token, upos: str) -> list[tuple[Sense, str, str]]:
    """(sense, lemma, UPOS) of the word under the other parts of speech WordNet has for it."""
    out: list[tuple[Sense, str, str]] = []
    for form, wn in lexicon.base_forms(token.lower_):
        if wn in _OTHER_POS[upos]:
            other = _UPOS_OF_WN[wn]
            out += [(sense, form, other) for sense in lexicon.entries(form, other).senses]
    return out


def probability(ranked: Sequence[ScoredSense], fitted: ConfidenceMap = DEFAULT_MAP) -> float:
    """Chance the first sense is right (see the constants above)."""
    if not ranked:
        return 0.0
    top = ranked[0]
    weak = is_weak(top)
    if len(ranked) == 1:
        return _ONLY_WEAK_SENSE if weak else _ONLY_SENSE
    z = fitted.lead * lead_of(ranked) + fitted.weak * weak + fitted.bias
    return 1.0 / (1.0 + math.exp(-z))


def is_weak(top: ScoredSense) -> bool:
    """SemCor saw the sense at most twice and no context word supports it."""
    return top.sense.tag_count <= WEAK_TAGS and top.overlap <= 0


def lead_of(ranked: Sequence[ScoredSense]) -> float:
    """The first sense's lead over the second, capped."""
    return min(_LEAD_CAP, ranked[0].score - ranked[1].score)


def confidence_map(weights: Weights) -> ConfidenceMap:
    """The map for the scores these weights give: the extra's when its similarity counts."""
    return EXTRA_MAP if sense_ranking.embeddings_in_use(weights) else DEFAULT_MAP


SIMILARITY_WINDOW = 3  # tokens each side, when the sentence holds the word twice


def sentence_text(doc: Doc, index: int) -> str:
    """What the word's sense is matched against: its sentence (the whole text when sentences
    are not marked), or the words around it when the sentence holds the word twice ("the bank
    lent money ... by the river bank"): one sentence vector cannot tell the two apart."""
    span = doc[index].sent if doc.has_annotation("SENT_START") else doc[:]
    word = doc[index].lower_
    if sum(t.lower_ == word for t in span) > 1:
        start = max(span.start, index - SIMILARITY_WINDOW)
        return str(doc[start : min(span.end, index + SIMILARITY_WINDOW + 1)].text)
    return str(span.text)
