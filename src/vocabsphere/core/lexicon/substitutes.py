"""Simpler words that fit a word's sentence: the product's one substitution judgement.

    found = simpler_words(lexicon, doc, index, level="B1")   # best first, () when none is safe

The word's sense comes from the shared sense choice (:func:`.sense_choice.choose_sense`); when
it is not confident, nothing is offered. Candidates are the WordNet synonyms of that sense. A
candidate survives only if

- it is simpler: its CEFR level is at or below ``level`` (when given) and below the word's, or
  the same level and clearly more frequent;
- it reads in this sentence with the same meaning: put in the word's place, the shared ranking
  picks this very sense for it among all of its own senses ("North Korea boasts a large
  military" -> "gases": in that sentence "gas" means poison gas, so it is refused);
- it is an ordinary word of that part of speech (not a pronoun such as "someone", not another
  word's inflected form such as "being"), has a form for the word's tag ("volunteers", "rose")
  that people write, and is no vulgar or offensive sense;
- the ranker (:mod:`.substitute_ranking`, which also orders them) is sure that people would put
  it there.

The adaptation's lexical step and the popover's "simpler words" both call :func:`simpler_words`;
:func:`simple_gloss` gives the short meaning shown beside a kept hard word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from lemminflect import getAllLemmas, getInflection, getLemma
from wordfreq import zipf_frequency

from vocabsphere.core.levels import assess_word
from vocabsphere.core.levels.cefr import LEVELS

from . import sense_ranking
from .gloss_trust import (
    adverb_gloss_misfits,
    broken_count,
    close_call,
    context_favours_rival,
    rarer_than_word,
)
from .lookup import Lexicon, Sense
from .sense_choice import SenseChoice, choose_sense
from .substitute_ranking import rank_substitutes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "LEVELS",
    "Substitute",
    "fitting_words",
    "hyphenated",
    "may_simplify",
    "part_of_unit",
    "plain_text",
    "simple_gloss",
    "simpler_words",
    "taboo_sense",
    "word_index",
]

SUBSTITUTABLE = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
MIN_ZIPF = 3.0  # rarer candidates are rarely simpler, whatever their listed level
SAME_LEVEL_MARGIN = 1.0  # a same-level candidate must be this much more frequent (Zipf)
MIN_FORM_ZIPF = 2.5  # an inflected form rarer than this is not written ("twelves")
USUAL_RANK = 3  # the sense must be among the substitute's own first senses ("work" for "influence": 15th)
# A word replaced in the text says the sense outright, so it asks more than a synonym list: the sense
# is the word's own first one ("dispatched", sent, is not "murdered"), the substitute's first one too
# ("nannies" are not "nurses", nurse's second sense), and the choice surer than a popover's claim
# ("independent territories" -> "districts" at 0.73).
REWRITE_CONFIDENT = 0.8
FIT_MARGIN = 0.5  # a substitute's first sense may trail its top sense by this much (see _fits)
# The ranker's chance from which a word that passes the sense checks is written into a text. On
# the BenchLS and SWORDS tuning halves the sense checks alone made 8 substitutions with the trees
# of round subs-4: the 4 at 0.93 or more were all right, of the 4 at 0.77 or less 2. On news text
# "from particular expressions" -> "special" came at 0.77 (a teacher's reading of train
# articles, a first fit of the trees), so 0.80 (0.75 served the logistic ranker before). It is
# the chance of the writer's trees (``substitute_ranking.WRITER``), not the list's ranker.
SAFE_FIT = 0.80
GLOSS_WORDS = 6  # longest definition used as a gloss
_INFLECTED = frozenset({"NNS", "VBD", "VBN", "VBG", "VBZ", "VBP", "JJR", "JJS", "RBR", "RBS"})
# Words that WordNet lists as synonyms but that never replace a content word well: pronouns,
# light verbs and the most polysemous words, which almost never carry the intended sense.
_NEVER_WORDS = (
    "someone somebody something anyone anybody everyone everybody one thing stuff "
    "run give take get make do have go set put be hold keep turn come see let"
)
NEVER = frozenset(_NEVER_WORDS.split())
# Pairs WordNet puts in one sense whose meanings part in running text, a classic learner confusion:
# "could eventually mean" (in the end) is not "could finally mean" (at last, after waiting).
_NOT_SWAPPED = frozenset({("eventually", "finally"), ("finally", "eventually")})
# A sense whose definition or synonyms hold one of these is sexual, violent or abusive:
# never offered unless the sentence itself uses such a word ("ravishing" looks are not "rape").
_TABOO_WORDS = (
    "rape raped sex sexual sexually copulate copulation intercourse coitus obscene vulgar "
    "vulgarism derogatory disparaging slur genitals genital penis vagina buttocks "
    "prostitute whore masturbate orgasm excrement feces faeces defecate urinate fuck shit"
)
_TABOO = frozenset(_TABOO_WORDS.split())
_WORD = re.compile(r"[a-z]+")
_TAG_OF = {"NOUN": "NN", "VERB": "VB", "ADJ": "JJ", "ADV": "RB"}  # Penn tags of each part of speech
_PLURALS = {"person": "people"}  # "those individuals" -> "those people", not "persons"


@dataclass(frozen=True)
class Substitute:
    lemma: str  # "rise"
    form: str  # inflected like the word it replaces: "rose"
    level: str  # CEFR level of the lemma
    zipf: float  # frequency of the lemma (wordfreq)


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@lru_cache(maxsize=65_536)
def word_level(lemma: str, upos: str) -> int | None:
    """Rank 0 (A1) .. 5 (C2), None when the level model cannot rate the word."""
    try:
        return level_rank(assess_word(lemma, upos).level)
    except ValueError:
        return None


def taboo_sense(sense: Sense, context: str = "") -> bool:
    """A sexual, violent or abusive sense, which the sentence does not clearly call for."""
    text = " ".join((sense.definition, *sense.synonyms)).lower()
    marked = bool(set(_WORD.findall(text)) & _TABOO) or "offensive term" in text  # not "offensive" alone:
    return marked and not set(_WORD.findall(context.lower())) & _TABOO  # armies launch offensives


def fitting_words(
    lexicon: Lexicon, doc: Doc, index: int, *, choice: SenseChoice | None = None
) -> tuple[Substitute, ...]:
    """Synonyms of the word's sense that keep its meaning in its sentence, inflected like it
    (any level; WordNet order). Empty when the sense is uncertain or taboo."""
    return _fitting(lexicon, doc, index, choice, lambda _: True)


def _fitting(
    lexicon: Lexicon,
    doc: Doc,
    index: int,
    choice: SenseChoice | None,
    keep: Callable[[Substitute], bool],
    usual_rank: int = USUAL_RANK,
) -> tuple[Substitute, ...]:
    """fitting_words among the synonyms ``keep`` accepts (checked first: the round trip costs)."""
    choice = choice or choose_sense(lexicon, doc, index)
    sense = choice.best
    if sense is None:
        return ()
    return tuple(
        candidate
        for candidate in _synonyms(doc, index, choice)
        if keep(candidate) and _fits(lexicon, doc, index, candidate.lemma, choice.upos, sense, usual_rank)
    )


def _synonyms(doc: Doc, index: int, choice: SenseChoice) -> list[Substitute]:
    """The chosen sense's synonyms that could replace the word (WordNet order), before the
    ranker and the round trip: ordinary words of its part of speech, rated, with a written form
    for the word's tag. Empty when the sense is uncertain, an expression's or taboo."""
    token = doc[index]
    if not token.is_alpha or token.pos_ not in SUBSTITUTABLE or token.like_num:
        return []
    sense = choice.best
    if sense is None or not choice.confident or choice.upos not in SUBSTITUTABLE:
        return []
    if " " in choice.lemma:  # "took place": a synonym of the expression cannot replace its verb alone
        return []
    if taboo_sense(sense, _sentence(doc, index)):
        return []
    found = []
    for word in sense.synonyms:
        rank = word_level(word, choice.upos) if plausible(word, choice.lemma, choice.upos) else None
        form = inflect_like(token, word, choice.upos) if rank is not None else None
        if rank is not None and form is not None:
            found.append(Substitute(word, form, LEVELS[rank], float(zipf_frequency(word, "en"))))
    return found


# Adjectives used only before a noun ("the minimum wage", "the main road"): no substitute for an
# adjective that stands after "be" or "so" ("It's so minimal" is not "It's so minimum").
_ATTRIBUTIVE_TEXT = (
    "minimum maximum main chief principal mere sheer utter former latter upper inner outer elder"
)
_ATTRIBUTIVE_ONLY = frozenset(_ATTRIBUTIVE_TEXT.split())


# Adverbs of frequency that are not graded: "behave more normally" is not "behave more usually".
_UNGRADED_ADVERBS = frozenset(["usually", "always", "never", "sometimes", "ever", "once"])
_GRADING = frozenset(["more", "most", "less", "least", "as", "so", "too", "very", "quite"])


def _fits_its_place(token: Token, form: str) -> bool:
    """Can ``form`` stand where ``token`` stands? Not an attributive-only adjective after "be", nor
    a frequency adverb after a word that grades (the parser may take "more" for the verb's object)."""
    graded = token.i > 0 and token.doc[token.i - 1].lower_ in _GRADING
    if token.pos_ == "ADV" and form.lower() in _UNGRADED_ADVERBS and graded:
        return False
    return not (token.pos_ == "ADJ" and token.dep_ != "amod" and form.lower() in _ATTRIBUTIVE_ONLY)


def simpler_words(
    lexicon: Lexicon,
    doc: Doc,
    index: int,
    level: str | None = None,
    *,
    choice: SenseChoice | None = None,
) -> tuple[Substitute, ...]:
    """Simpler words for ``doc[index]`` that keep its meaning in its sentence, inflected like it,
    best first; empty when none is safe. ``level`` caps the substitutes' CEFR level ("B1": A1-B1
    words only). A word written into a text must pass two judgements: the sense checks (the
    word's own first sense chosen with confidence, a synonym of it whose first sense it is too and
    that the shared ranking reads so in the word's place), and the ranker
    (:func:`.substitute_ranking.rank_substitutes`) sure enough that people would put it there
    (``SAFE_FIT``), which also orders them."""
    token = doc[index]
    if not may_simplify(token):
        return ()
    choice = choice or choose_sense(lexicon, doc, index)
    if choice.best is None or choice.best.rank != 1 or choice.probability < REWRITE_CONFIDENT:
        return ()
    own = word_level(choice.lemma, choice.upos)
    own_freq = float(zipf_frequency(choice.lemma, "en"))
    cap = level_rank(level) if level else len(LEVELS) - 1
    simplest = [
        s
        for s in _synonyms(doc, index, choice)
        if simpler(level_rank(s.level), s.zipf, own, own_freq)
        and level_rank(s.level) <= cap
        and not (token.tag_ == "NNS" and s.form.lower() == s.lemma)  # "of injuries" -> "of hurt"
        and _fits_its_place(token, s.form)
    ]
    if not simplest:  # most words: no synonym of the sense is simpler, so the ranker is not asked
        return ()
    ranked = rank_substitutes(lexicon, doc, index, level, choice=choice)
    fit = {r.lemma: r.safe for r in ranked}  # the writer's chance: see substitute_ranking.WRITER
    sense = choice.best
    found = [
        s
        for s in simplest
        if fit.get(s.lemma, 0.0) >= SAFE_FIT
        and _fits(lexicon, doc, index, s.lemma, choice.upos, sense, 1)
        and not _repeats(doc, index, s.lemma)
        and not _count_clash(token, choice.lemma, s.lemma)
    ]
    return tuple(sorted(found, key=lambda s: -fit[s.lemma]))


def may_simplify(token: Token) -> bool:
    """What the token alone allows: a content word, no number, not in a name, not a noun before
    a noun (often part of a set phrase: "household names"), not a verb with its own preposition.
    :func:`simpler_words` is empty for any other token, whatever the sense choice says."""
    if not token.is_alpha or token.pos_ not in SUBSTITUTABLE or token.like_num:
        return False
    return not (token.ent_type_ or _in_name(token) or _prepositional_verb(token) or token.dep_ == "compound")


def _repeats(doc: Doc, index: int, lemma: str) -> bool:
    """The substitute is already the word's head, one of its dependents or a word within three:
    the repeat reads badly and often breaks a set phrase ("help pay the agreed salary" -> "pay the
    agreed pay", "fighting a losing battle" -> "fighting a losing fight"; "They paid a reward
    worth a month's salary" -> "pay" is fine)."""
    token = doc[index]
    near = {token.head, *token.children, *doc[max(0, index - 3) : index + 4]}
    return any(t.i != index and lemma in (t.lemma_.lower(), t.lower_) for t in near)


def _uncountable(noun: str) -> bool:
    """lemminflect gives no plural of its own to a mass noun ("pay", "merchandise")."""
    return getInflection(noun, tag="NNS")[:1] in ((noun,), ())


def _count_clash(token: Token, lemma: str, candidate: str) -> bool:
    """A count noun for a mass noun used bare ("a game and merchandise" -> "and product"), or a
    mass noun for a count noun after "a" ("a good basic wage" -> "a good basic pay")."""
    if token.tag_ != "NN":
        return False
    deps = {c.dep_ for c in token.children}
    after_a = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    bare = not deps & {"det", "nmod:poss", "nummod", "poss"}
    if after_a:
        return _uncountable(candidate) and not _uncountable(lemma)
    return bare and _uncountable(lemma) and not _uncountable(candidate)


def _in_name(token: Token) -> bool:
    """A name ("Apple"), or the head word of one ("Russia's Kursk province", "the Canadian territory of
    Nunavut"): never simplified."""
    return bool(token.ent_type_) or any(
        (c.dep_ in ("compound", "flat") or (c.dep_ == "nmod" and any(g.lower_ == "of" for g in c.children)))
        and c.pos_ == "PROPN"
        for c in token.children
    )


def _prepositional_verb(token: Token) -> bool:
    """A verb followed by its own preposition ("compensate for", "refer to"): a synonym rarely
    takes the same one ("repair for the losses"), so it is left alone."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.pos_ == "VERB" and nxt is not None and nxt.dep_ == "case" and nxt.head.head.i == token.i


def word_index(doc: Doc, word: str) -> int | None:
    """Position of the first token written ``word`` (any case), None when the sentence lacks it."""
    low = word.lower()
    return next((int(t.i) for t in doc if t.lower_ == low), None)


def simpler(rank: int, freq: float, own: int | None, own_freq: float) -> bool:
    """A lower level, or the same level and clearly more frequent; never rarer, never rare."""
    if freq < max(MIN_ZIPF, own_freq):
        return False
    return own is None or rank < own or (rank == own and freq >= own_freq + SAME_LEVEL_MARGIN)


def _sentence(doc: Doc, index: int) -> str:
    return str(doc[index].sent.text if doc.has_annotation("SENT_START") else doc.text)


def plausible(word: str, lemma: str, upos: str) -> bool:
    """Cheap filters for synonyms that WordNet allows but that read wrongly in running text."""
    if not word.isalpha() or not word.islower() or len(word) < 3 or word == lemma or word in NEVER:
        return False
    if (lemma, word) in _NOT_SWAPPED:
        return False
    if word.replace("e", "") == lemma.replace("e", ""):
        return False  # a spelling variant ("ageing" / "aging") is no simpler
    if upos == "ADV" and lemma.endswith("ly") and not word.endswith("ly"):
        return False  # "absolutely" -> "dead", "completely" -> "all"
    # another word's form: "existence" -> "being", "deceased" -> "died"
    return upos not in ("NOUN", "ADJ") or getLemma(word, upos="VERB")[:1] == (word,)


def inflect_like(token: Token, lemma: str, upos: str | None = None) -> str | None:
    """``lemma`` in the token's form (tag and capital), None when that form is not written or
    the parse leaves past tense and participle in doubt for a verb whose two differ. ``upos``:
    the part of speech the sense choice settled on (the tagger's by default)."""
    tag = past_tag(token, lemma) if token.tag_ in ("VBD", "VBN") else token.tag_
    form = lemma
    if tag is None or not tag.startswith(_TAG_OF.get(upos or token.pos_, "-")):
        return None  # tag and part of speech disagree ("is supplying" as a verb, NN): form unknown
    if tag not in _INFLECTED and token.lower_ != token.lemma_.lower():
        return None  # a base-form tag on an inflected word
    if tag == "NNS" and lemma in _PLURALS:
        form = _PLURALS[lemma]
    elif tag in _INFLECTED:
        forms = getInflection(lemma, tag=tag)
        form = forms[0] if forms else ""
    if not form.isalpha() or (form != lemma and zipf_frequency(form, "en") < MIN_FORM_ZIPF):
        return None
    return form[:1].upper() + form[1:] if token.text[:1].isupper() else form


def past_tag(token: Token, lemma: str) -> str | None:
    """VBD or VBN from the parse, not the tagger alone: it tags "Prices declined last year" VBN,
    which would give "Prices fallen". A participle has an auxiliary or modifies a noun; a past
    tense has a subject and no auxiliary. None when neither holds and the forms differ."""
    if getInflection(lemma, tag="VBD")[:1] == getInflection(lemma, tag="VBN")[:1]:
        return token.tag_  # "reached" / "reached": the tag cannot go wrong
    deps = {child.dep_ for child in token.children}
    if deps & {"aux", "aux:pass"} or token.dep_ in ("amod", "acl"):
        return "VBN"
    if deps & {"nsubj", "nsubj:pass"}:
        return "VBD"
    return None


def _fits(
    lexicon: Lexicon, doc: Doc, index: int, word: str, upos: str, sense: Sense, usual_rank: int = USUAL_RANK
) -> bool:
    """Put in the word's place, does ``word`` get this sense from the shared ranking?"""
    senses = lexicon.entries(word, upos).senses
    if not any(s.tag_count for s in senses):
        return False  # never seen as this part of speech in SemCor: "fulfil" -> "to action"
    if _rarely_this_pos(lexicon, word, upos, sum(s.tag_count for s in senses)):
        return False  # "moisture" -> "wet": a noun once in SemCor, an adjective 23 times
    if not any(s.synset_id == sense.synset_id and s.rank <= usual_rank for s in senses):
        return False  # "influence" -> "work": the 15th sense of "work", nobody reads it so
    token = doc[index]
    context = sense_ranking.context_of(doc, index, (token.lower_, word))
    span = token.sent if doc.has_annotation("SENT_START") else doc[:]
    sentence = (
        doc[span.start : index].text_with_ws + word + token.whitespace_ + doc[index + 1 : span.end].text
    )
    ranked = sense_ranking.rank_in_lexicon(lexicon, senses, context, word, sentence=sentence)
    mine = next((r for r in ranked if r.sense.synset_id == sense.synset_id), None)
    if mine is None:
        return False
    # Its own usual sense may trail a little: "rising quickly" leans to "with little delay".
    return mine is ranked[0] or (mine.sense.rank == 1 and ranked[0].score - mine.score <= FIT_MARGIN)


RARE_POS_TAGS = 2  # SemCor tags in this part of speech at most ...
OTHER_POS_FACTOR = 10  # ... while another part of speech has this many times more


def _rarely_this_pos(lexicon: Lexicon, word: str, upos: str, tags: int) -> bool:
    """SemCor almost never has the word in this part of speech and often in another: people
    read it as the other ("natural moisture" -> "natural wet")."""
    if tags > RARE_POS_TAGS:
        return False
    other = max(sum(s.tag_count for s in lexicon.entries(word, u).senses) for u in SUBSTITUTABLE - {upos})
    return other >= OTHER_POS_FACTOR * max(tags, 1)


def simple_gloss(
    lexicon: Lexicon,
    doc: Doc,
    index: int,
    level: str,
    *,
    choice: SenseChoice | None = None,
    substitutes: Sequence[Substitute] | None = None,
) -> str | None:
    """The chosen sense's simplest fitting expression for a learner at ``level``: a simpler
    word that fits the sentence, else a short definition whose words are all at or below the
    level. None when the sense is uncertain, taboo, or nothing simple enough says it.
    ``substitutes``: :func:`simpler_words` at this level, when the caller has them already."""
    if part_of_unit(lexicon, doc, index):
        return None
    choice = choice or choose_sense(lexicon, doc, index)
    sense = choice.best
    if sense is None or not choice.confident or taboo_sense(sense, _sentence(doc, index)):
        return None
    if close_call(choice) or context_favours_rival(choice):
        return None  # "a fair trial (= the act of testing something)" at 0.78: shown unasked, it must be sure
    if " " in choice.lemma or (choice.upos == "NOUN" and doc[index].dep_ == "amod"):
        return None  # an expression's sense beside one of its words; "a consultant (= an expert) allergist"
    if choice.upos == "NOUN" and _names_a_kind(sense.definition) and _classified(lexicon, doc[index]):
        return None  # "political suicide (= the act of killing yourself)": a figurative use in a domain
    if substitutes is None:
        substitutes = simpler_words(lexicon, doc, index, level, choice=choice)
    if substitutes:
        return substitutes[0].form
    gloss = plain_definition(sense, choice.lemma, level_rank(level))
    if gloss and not _phrases_easy(lexicon, gloss, level_rank(level)):
        return None  # "reduce (= cut down on)" at A2: the phrasal verb is B1, however easy its words
    if gloss and (doc[index].tag_ in _GRADED or _graded_by_word(doc[index])):
        return None  # "slower (= not moving quickly)", "the most comprehensive (= including all ...)"
    if gloss and _degree_clash(doc[index], gloss):
        return None  # "so minimal (= the least possible)": a degree word cannot grade a superlative
    if gloss and not _preposition_fits(doc[index], gloss):
        return None  # "oblivious to the sounds (= lacking conscious awareness of)"
    if gloss and doc[index].tag_ == "NNS" and _one_thing(gloss):
        return None  # "troops (= a group of soldiers)", "mayors (= the head of ...)": one said of many
    if gloss and choice.upos == "ADV" and gloss.lower() in _ADJECTIVE_DEGREE and not _degree_slot(doc[index]):
        return None  # "benefited enormously (= extremely)": 'extremely' goes with adjectives, not verbs
    if gloss and choice.upos == "VERB":
        if not _verb_gloss_fits(doc[index], gloss):
            return None
        gloss = _present_be(doc[index], gloss)
    if gloss and choice.upos == "ADV" and adverb_gloss_misfits(doc[index], gloss):
        return None  # "Hopefully (= with hope), the club can ...", "unanimously (= of one mind) agreed"
    if gloss and (rarer_than_word(gloss, choice.lemma) or broken_count(gloss)):
        return None  # "predictable (= capable of being foretold)", "repeatedly (= several time)"
    return gloss


_ONE_THING = frozenset({"a", "an", "the", "one", "someone", "somebody", "something"})
_GRADED = frozenset({"JJR", "JJS", "RBR", "RBS"})  # comparative and superlative forms
# Degree adverbs that modify adjectives and adverbs ("extremely large") but not a verb ("grew extremely").
_ADJECTIVE_DEGREE = frozenset({"extremely", "very", "highly", "really", "too", "so"})
_UPOS_OF = {"noun": "NOUN", "verb": "VERB", "adjective": "ADJ", "adverb": "ADV"}
_KINDS = frozenset({"act", "state", "quality", "process", "practice"})  # "trials (= the act of testing ...)"
_HYPHENS = frozenset({"-", "–", "‑"})
# A bare noun right after a frequent verb is often the second half of a verb expression whose
# meaning differs from the noun's ("stand trial" is not "the act of testing something", "take
# place", "pay attention"); WordNet lacks many of them, so none is glossed.
_LIGHT_VERB_ZIPF = 5.0
_NAME_LINKS = frozenset({"compound", "flat", "nmod:desc"})  # "scared Hankyu" (amod) is no name


_COMPARING = frozenset({"more", "most", "less", "least"})
# Words that grade an adjective or adverb ("so minimal", "very tiny"), and the openings of a
# definition that grades or singles out already ("the least possible", "fairly large").
_DEGREE = _COMPARING | frozenset({"so", "too", "very", "as", "how", "quite", "rather", "extremely", "fairly"})
_GRADED_OPENINGS = _DEGREE | frozenset({"the", "a", "an"})


def _graded_by_word(token: Token) -> bool:
    """An adjective or adverb compared with a word ("more substantial", "the most comprehensive"):
    its definition says the base form, which "more" or "most" before it no longer fits."""
    return token.pos_ in ("ADJ", "ADV") and any(
        c.dep_ == "advmod" and c.lower_ in _COMPARING for c in token.children
    )


def _degree_clash(token: Token, gloss: str) -> bool:
    """A graded adjective or adverb ("so minimal") whose definition opens with a degree word or
    an article ("the least possible"): read in its place, the gloss says "so the least possible"."""
    graded = any(c.dep_ == "advmod" and c.lower_ in _DEGREE for c in token.children)
    return token.pos_ in ("ADJ", "ADV") and graded and gloss.split()[0].lower() in _GRADED_OPENINGS


def _preposition_fits(token: Token, gloss: str) -> bool:
    """A non-verb definition ending in a preposition ("lacking conscious awareness of") reads in
    the word's place only when the word's own complement takes that preposition: "oblivious to
    the sounds" would read "lacking ... of to the sounds". Verbs: :func:`_verb_gloss_fits`."""
    last = gloss.split()[-1].lower()
    if token.pos_ == "VERB" or last not in _OPEN_ENDS:
        return True
    return any(
        c.dep_ in ("obl", "nmod", "advcl", "xcomp", "ccomp")
        and any(m.dep_ in ("case", "mark") and m.lower_ == last for m in c.children)
        for c in token.children
    )


def _degree_slot(token: Token) -> bool:
    """The adverb modifies an adjective or adverb ("enormously popular"), where "extremely" fits."""
    return token.head.pos_ in ("ADJ", "ADV") and token.head.i != token.i


def _phrases_easy(lexicon: Lexicon, gloss: str, cap: int) -> bool:
    """Every multi-word expression of the dictionary inside the gloss ("cut down on", "legal
    proceedings") is at or below the level as a whole: easy words can make a harder idiom."""
    words = [_base(w) for w in _WORD.findall(gloss.lower())]
    for match in lexicon.find_expressions(words):
        entry = lexicon.entries(match.expression)
        upos = _UPOS_OF.get(entry.senses[0].pos, "NOUN") if entry.found else "NOUN"
        rank = word_level(match.expression, upos)
        if rank is not None and rank > cap:
            return False
    return True


@lru_cache(maxsize=65_536)
def _base(word: str) -> str:
    """The word's base form when it is a plural noun ("proceedings" -> "proceeding"), else itself:
    glosses are mostly base forms already."""
    lemmas = getAllLemmas(word)
    return str(lemmas["NOUN"][0]) if set(lemmas) == {"NOUN"} else word


def _one_thing(gloss: str) -> bool:
    """A definition of one thing or person, which a plural word does not fit; "the act of ..." names a
    kind of action and fits both."""
    words = gloss.lower().split()
    return words[0] in _ONE_THING and not (words[0] == "the" and len(words) > 1 and words[1] in _KINDS)


def part_of_unit(lexicon: Lexicon, doc: Doc, index: int) -> bool:
    """The word is part of a larger unit whose meaning its own sense would not give: a noun
    before a noun ("household names"), a hyphenated word ("anti-microbial", "well-populated"),
    a name or title ("Prime Minister", "the United Nations", "the Rivonia trial"), a multi-word term of the
    dictionary ("computed tomography"), or the bare noun of a verb expression ("stand trial")."""
    token = doc[index]
    return (
        token.dep_ == "compound"
        or hyphenated(token)
        or _in_proper_name(token)
        or _in_name(token)
        or _bare_object(token)
        or _in_expression(lexicon, doc, index)
    )


def hyphenated(token: Token) -> bool:
    """One part of a word joined by a hyphen: "anti" and "microbial" of "anti-microbial"."""
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text in _HYPHENS and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text in _HYPHENS and not token.whitespace_
    return before or after


def _in_proper_name(token: Token) -> bool:
    """Tagged as (part of) a name, capitalised after the sentence's first word, or modifying a name."""
    if token.tag_ in ("NNP", "NNPS") or (token.dep_ in _NAME_LINKS and token.head.pos_ == "PROPN"):
        return True
    span = token.sent if token.doc.has_annotation("SENT_START") else token.doc[:]
    first = next((t.i for t in span if not t.is_punct), span.start)
    return token.text[:1].isupper() and token.i > first


def _bare_object(token: Token) -> bool:
    """A singular noun with no word of its own right after a frequent verb whose object it is."""
    head = token.head
    return (
        token.tag_ == "NN"
        and token.dep_ == "obj"
        and head.pos_ == "VERB"
        and head.i == token.i - 1
        and not any(True for _ in token.children)
        and zipf_frequency(head.lemma_.lower(), "en") >= _LIGHT_VERB_ZIPF
    )


def _in_expression(lexicon: Lexicon, doc: Doc, index: int) -> bool:
    """Inside a multi-word expression of the dictionary, matched by lemmas or by written forms."""
    span = doc[index].sent if doc.has_annotation("SENT_START") else doc[:]
    at = index - span.start
    for words in ([t.lemma_.lower() for t in span], [t.lower_ for t in span]):
        if any(m.start <= at < m.end for m in lexicon.find_expressions(words)):
            return True
    return False


_OPEN_ENDS = frozenset(["from", "to", "of", "for", "with", "at", "on", "in", "into", "about", "by"])


def _verb_gloss_fits(token: Token, gloss: str) -> bool:
    """A verb's definition is an active base form ("repeat a passage from"): it reads in the word's
    place only when the word is one too ("they lack (= are without)", not "stating (= express in
    words)" or "a source quoted (= repeat a passage from)"), and one ending in a preposition only
    when the word has an object to follow it."""
    if token.tag_ not in {"VB", "VBP"}:
        return False
    has_object = any(c.dep_ in {"obj", "iobj"} for c in token.children)
    words = gloss.lower().split()
    if has_object and len(words) > 1 and words[1] == "as":
        return False  # "tackle the problem (= accept as a challenge)": the object belongs before "as"
    return has_object or words[-1] not in _OPEN_ENDS


# Openings of a relational adjective's definition: it puts its noun in a domain ("of or relating to
# elections", "involving or characteristic of politics") instead of describing it.
_RELATIONAL = (
    "of or relating to",
    "relating to",
    "of or pertaining to",
    "pertaining to",
    "involving",
    "connected with",
)


def _names_a_kind(definition: str) -> bool:
    """A definition of a kind of action or state ("the act of killing yourself"), not of a thing or
    person: a domain adjective only narrows a thing ("a commercial aircraft" is an aircraft) but can
    recast an act ("political suicide" kills no one)."""
    words = definition.lower().split()
    return len(words) > 2 and words[0] in ("the", "an", "a") and words[1] in _KINDS and words[2] == "of"


def _classified(lexicon: Lexicon, token: Token) -> bool:
    """A noun after a relational adjective ("political suicide", "commercial suicide"): the domain
    often makes an act noun figurative, and its literal sense is then false."""
    for child in token.children:
        if child.dep_ == "amod" and child.pos_ == "ADJ":
            senses = lexicon.entries(child.lower_, "adjective").senses[:2]
            if any(s.definition.lower().startswith(_RELATIONAL) for s in senses):
                return True
    return False


def _present_be(token: Token, gloss: str) -> str:
    """A definition opening with "be" read in a present verb's place takes the verb's person:
    "they lack (= are without)", "I lack (= am without)", never "they lack (= be without)"."""
    first, _, rest = gloss.partition(" ")
    if token.tag_ != "VBP" or first.lower() != "be" or not rest:
        return gloss
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
    person = "am" if subject is not None and subject.lower_ == "i" else "are"
    return f"{person} {rest}"


def plain_definition(sense: Sense, lemma: str, cap: int) -> str | None:
    """The definition's first clause when it is short and every word in it is at or below the
    level (rated as any part of speech it may be), without the word itself."""
    return plain_text(sense.definition, lemma, cap)


def plain_text(definition: str, lemma: str, cap: int) -> str | None:
    """:func:`plain_definition` of a definition's text (an expression's, for instance)."""
    if definition.lower().startswith(_USAGE_NOTES):
        return None  # "hot (= used of physical heat)" says how the word is used, not what it means
    label = _LABEL.match(definition.lstrip())
    if label and not any(note in label.group(1) for note in _GRAMMAR_NOTES):
        return None  # a field or use label ("(medicine)", "(of soil)") the short gloss would drop
    first = definition.split(";")[0]
    if _OBJECT_IN_BRACKETS.match(first.strip()):
        return None  # "put (things or places) in order": without the brackets the verb loses its object
    text = re.sub(r"\([^)]*\)", "", first)
    text = re.sub(r"\s*,?\s*etc\.?$", "", text.strip()).strip(" ,")  # "be present at, etc.": no "etc."
    words = text.split()
    if not words or len(words) > GLOSS_WORDS:
        return None
    text = " ".join(words)  # no double space where a bracket was ("a (usually) large" -> "a large")
    keys = _WORD.findall(text.lower())
    if any(_same_stem(w, lemma) or not _easy(w, cap) for w in keys):
        return None  # "existence (= the state of existing)" explains the word with itself
    return text


# A definition opening with a label in brackets: a field ("(medicine) the act of caring for
# someone" is therapy), what it applies to ("(of soil) soft and watery" is not muddy puddles) or a
# use ("(sentence connectors) because of the reason given" is not "timed it accordingly") narrows
# the sense, and the gloss would drop it. Notes on grammar only ("(postpositive)", "(often
# followed by `of')") leave the meaning whole.
_LABEL = re.compile(r"\(([^)]*)\)")
_USAGE_NOTES = ("used ", "often used ", "usually used ", "sometimes used ")
_GRAMMAR_NOTES = (
    "followed by",
    "postpositive",
    "prenominal",
    "predicative",
    "attributive",
    "informal",
    "plural",
)


# A verb's definition with its object in brackets right after the verb ("put (things or places) in
# order", "make (a surface) smooth"): a determiner or noun phrase first would be a noun's definition.
_OBJECT_IN_BRACKETS = re.compile(
    r"^(?!(?:a|an|the|any|some|one|of|in|to|with|for)\b)[a-z]+\s+\([^)]*\)\s+\w", re.I
)


def _same_stem(word: str, lemma: str) -> bool:
    return word == lemma or (len(word) >= 5 and len(lemma) >= 5 and word[:5] == lemma[:5])


@lru_cache(maxsize=65_536)
def _easy(word: str, cap: int) -> bool:
    """At or below the level as some part of speech (function words always are)."""
    if zipf_frequency(word, "en") >= 6.0:
        return True  # "a", "the", "of", "something": no level needed
    ranks = []
    known = getAllLemmas(word)
    for upos in ("NOUN", "VERB", "ADJ", "ADV"):
        base = (getLemma(word, upos=upos) or (word,))[0]
        if base != word and known and upos not in known:
            continue  # a guessed inflection: "proceedings" is a noun, never a form of "proceed"
        rank = word_level(base, upos)
        if rank is not None:
            ranks.append(rank)
    return bool(ranks) and min(ranks) <= cap
