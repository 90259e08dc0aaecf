"""Useful word combinations in a sentence: phrasal verbs, fixed expressions and collocations.

Precision over recall: a combination is kept only when WordNet lists it as a multi-word
expression, or when it is a head-dependent pair from a short list of strong partnerships
(light verb + object such as "make a decision", verb + dependent preposition such as
"depend on", a few adjective + noun pairs) and both words are common (Zipf >= 3.5), so the
learner meets them again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token
from wordfreq import zipf_frequency

from vocabsphere.core.learnables.tables import ADJ_NOUN, LIGHT_VERBS, VERB_PREP
from vocabsphere.core.learnables.words import content_pos, lemma_of
from vocabsphere.core.levels.grammar_rules_phrases import motion_preposition
from vocabsphere.core.levels.grammar_words import verb_lemmas
from vocabsphere.core.lexicon import Lexicon, Sense

__all__ = ["Collocation", "find_collocations", "says_where"]

COMMON_ZIPF = 3.5
_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
# prepositions that verb + noun idioms take ("take part in", "take care of", "pay attention to")
_OBJECT_PREPS = frozenset({"in", "of", "to", "for", "on", "with", "about", "from", "at"})
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBG"})
_EDGE_POS = frozenset({"DET", "PRON", "CCONJ", "SCONJ", "PUNCT", "AUX"})  # "the street", "be on"


@dataclass(frozen=True)
class Collocation:
    """Words that go together: ``text`` as written, ``base`` in dictionary form."""

    text: str
    base: str
    kind: str  # "expression", "phrasal_verb", "light_verb", "verb_prep" or "adj_noun"
    start: int  # doc token index of the first word
    end: int  # doc token index after the last word
    in_wordnet: bool
    entry: str = ""  # the WordNet expression that gives the meaning ("take part" for "take part in")


@lru_cache(maxsize=50_000)
def _zipf(word: str) -> float:
    return float(zipf_frequency(word, "en"))


def _common(*words: str) -> bool:
    return all(_zipf(w) >= COMMON_ZIPF for w in words)


def _lemma(tok: Token) -> str:
    if tok.pos_ in _CONTENT:
        return lemma_of(tok)
    return tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.lower_


def _surface(first: Token, last: Token) -> str:
    """The words as written; a long gap is shown as '…' so the learner sees both ends."""
    doc = first.doc
    if last.i - first.i <= 4:
        return doc[first.i : last.i + 1].text
    return f"{first.text} … {last.text}"


def _known(lexicon: Lexicon | None, base: str) -> bool:
    return lexicon is not None and lexicon.entries(base).found


def _attached(words: list[Token]) -> bool:
    """Every word hangs on another word of the group (a preposition may hang on its noun)."""
    ids = {w.i for w in words}
    return all(
        w.head.i in ids or (w.dep_ == "case" and w.head.head.i == words[0].i) for w in words[1:]
    ) or all(w.head.i == words[-1].i for w in words[:-1])


def _transparent(sense: Sense, words: list[Token]) -> bool:
    """Nothing to learn beyond the words: 'stolen property' = 'property that has been stolen';
    for adjective + noun, 'surgical operation' is a kind of 'operation' (its hypernym)."""
    gloss_words = set(re.findall(r"[a-z]+", sense.definition.lower()))
    content = [w for w in words if w.pos_ in _CONTENT]
    if sense.pos == "noun":
        head = words[-1]
        gloss_words |= {w for name in sense.hypernyms for w in name.lower().replace("_", " ").split()}
        return head.lower_ in gloss_words or lemma_of(head) in gloss_words
    return bool(content) and all(w.lower_ in gloss_words or lemma_of(w) in gloss_words for w in content)


def _fits_pos(pos: str, words: list[Token]) -> bool:
    """The WordNet entry's part of speech matches the words: "work in" is no verb in "works in art"."""
    last, ids = words[-1], {w.i for w in words}
    if pos != "verb" and last.dep_ == "case" and last.head.i not in ids:
        return False  # "closed in the afternoon": the preposition belongs to the next noun
    if pos == "verb":
        if words[-1].pos_ in ("ADP", "ADV") and words[-1].dep_ != "compound:prt":
            return False  # "closed in the afternoon": a phrasal verb needs a particle, not a preposition
        if opens_preposition(words[-1]):
            return False
        return content_pos(words[0]) == "VERB" and words[-1].dep_ != "mark"  # "going to sell"
    if pos != "verb" and words[0].lower_ == "to" and _before(words[0]) in _WH_WORDS:
        return False  # "what to order": an infinitive, not the adverb "to order" (made to order)
    if pos == "noun" and words[0].lower_ == "old" and _before(words[0]) == "any":
        return False  # "not just any old growth": "any old" (whatever kind), not "old growth" (forest)
    if pos in ("adverb", "adjective"):
        # "a plague on earth": a preposition's phrase that describes a noun is read word by word,
        # not as the adverb "on earth" (used for emphasis: "what on earth ...")
        if words[0].dep_ == "case" and words[-1].dep_ == "nmod" and words[-1].head.pos_ == "NOUN":
            return False
        # "a kind of expert" is a noun phrase, not the adverb "kind of" (= to some extent)
        return not any(
            w.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" for c in w.children) for w in words
        )
    if pos == "noun":
        # adjective + noun only: noun + noun compounds ("phone call") are vocabulary, not collocation
        return content_pos(words[-1]) == "NOUN" and words[0].tag_ in _MODIFIER_TAGS
    return True


_WH_WORDS = frozenset(["what", "how", "where", "which", "when", "whether", "who", "whom"])


def _before(tok: Token) -> str:
    return tok.doc[tok.i - 1].lower_ if tok.i > tok.sent.start else ""


def _prepositional_verb_ok(words: list[Token]) -> bool:
    """WordNet's verb + preposition entries match free combinations too ("stood in front of",
    "done by workers"): keep only the pairs of our dependent-preposition list."""
    last = words[-1]
    if len(words) != 2 or last.dep_ != "case":
        return True  # a particle ("give up") or a longer idiom
    return last.lower_ in VERB_PREP.get(lemma_of(words[0]), ())


def _inside_as_frame(words: list[Token]) -> bool:
    """ "as well" in "as well as" (= and also), "as long" in "as long as" (= if): the frame
    "as ... as" is another expression than the adverb WordNet lists, so no meaning is claimed."""
    after = words[-1].i + 1
    doc = words[0].doc
    return words[0].lower_ == "as" and after < len(doc) and doc[after].lower_ == "as"


def _subordinator(words: list[Token]) -> bool:
    """ "In case the setting hampered ...", "in order to hear": the parse reads the words as one
    function word (a preposition or conjunction with the rest "fixed" to it), and no "of" follows
    ("in front of", "in case of"), so it opens a clause or an infinitive, which WordNet's adverb
    ("if there happens to be need", "in proper order") does not explain; nor is "in order" the
    unit ("in order to" is). The parse often hangs "In case" on a noun, so its head is not read."""
    first, after = words[0], words[-1].i + 1
    doc = first.doc
    fixed = len(words) > 1 and all(w.dep_ == "fixed" and w.head.i == first.i for w in words[1:])
    return (
        fixed
        and first.pos_ in ("ADP", "SCONJ")
        and first.dep_ in ("mark", "case")
        and (after >= len(doc) or doc[after].lower_ != "of")
    )


def _plural_for_singular(words: list[Token], expression: str) -> bool:
    """A plural noun matched through its lemma to an expression that has it in the singular:
    "compared with children" is not "with child" (pregnant)."""
    written = expression.lower().split()
    return any(w.tag_ == "NNS" and w.pos_ == "NOUN" and w.lower_ not in written for w in words)


# "white people", "young men", "rich children": an adjective of colour, age or wealth + a noun for
# people means just its two words, though WordNet lists some ("white people" = a race); nothing to
# learn as a unit. Other adjectives keep their entries ("prime minister", "wise men" = the Magi).
_PLAIN_PEOPLE_ADJECTIVES = frozenset(
    {"white", "black", "brown", "old", "young", "elderly", "rich", "poor", "wealthy", "little"}
)
_PEOPLE_NOUNS = frozenset(
    {"people", "person", "man", "woman", "child", "boy", "girl", "folk", "adult", "citizen"}
)


def _plain_people(words: list[Token]) -> bool:
    """Adjective + people noun whose meaning is the two words ("white people", "an old man")."""
    if len(words) != 2:
        return False
    adj, noun = words
    return adj.lower_ in _PLAIN_PEOPLE_ADJECTIVES and lemma_of(noun) in _PEOPLE_NOUNS


# "very fast", "too much", "so far" (WordNet lists some of them): an intensifier and the word it grades
_INTENSIFIERS = frozenset({"very", "really", "extremely", "quite"})


def _intensified(words: list[Token]) -> bool:
    """ "things change very fast": an intensifier and the word it grades mean just the two words
    (WordNet's adverb "very fast" is "in a relatively short time"); nothing to learn as a unit."""
    return len(words) == 2 and words[0].lower_ in _INTENSIFIERS and words[0].head.i == words[1].i


_GREETING = re.compile(r"\b(?:greeting|farewell|salutation)\b")


def _greeting_as_noun(sense: Sense, words: list[Token]) -> bool:
    """ "needed a good night to pay the rent", "On a good night, ...": a greeting or farewell
    ("good night", "good morning") is said alone; with an article or a preposition the words name the
    night or the morning itself."""
    if sense.pos != "noun" or _GREETING.search(sense.definition.lower()) is None:
        return False
    head = words[-1]
    return any(c.dep_ in ("det", "case", "nmod:poss") for c in head.children) or head.dep_ in (
        "obj",
        "obl",
        "nsubj",
        "nsubj:pass",
        "nmod",
    )


def _wordnet_expressions(sent: Span, lexicon: Lexicon) -> Iterator[Collocation]:
    tokens = list(sent)
    for match in lexicon.find_expressions([_lemma(t) for t in tokens]):
        words = tokens[match.start : match.end]
        if any(t.pos_ in ("PROPN", "NUM") for t in words) or not any(t.pos_ in _CONTENT for t in words):
            continue
        if words[0].i > sent.start and all(t.text[:1].isupper() for t in words):
            continue  # "(as Never Say Never Again, in 1983)": words of a title, not the expression
        if words[0].pos_ in _EDGE_POS or words[-1].pos_ in _EDGE_POS or not _attached(words):
            continue
        if _inside_as_frame(words) or _subordinator(words) or _plural_for_singular(words, match.expression):
            continue
        if _plain_people(words) or _intensified(words):
            continue
        if not _common(*(w.lower_ for w in words if w.is_alpha)):
            continue
        entry = lexicon.entries(match.expression)
        sense = entry.senses[0] if entry.found else None
        if sense is None or not _fits_pos(sense.pos, words) or _transparent(sense, words):
            continue
        if _greeting_as_noun(sense, words):
            continue
        if sense.pos == "verb" and not _prepositional_verb_ok(words):
            continue
        kind = "phrasal_verb" if sense.pos == "verb" and words[-1].pos_ in ("ADP", "ADV") else "expression"
        if kind == "phrasal_verb" and (
            says_where(words[-1]) or _longer_verb(words[-1], match.expression, lexicon)
        ):
            continue
        prep = (
            _dependent_preposition(words, match.expression)
            if sense.pos == "verb" and words[-1].pos_ == "NOUN"
            else None
        )
        last = prep if prep is not None else words[-1]
        base = f"{match.expression} {prep.lower_}" if prep is not None else match.expression
        yield Collocation(
            _surface(words[0], last), base, kind, words[0].i, last.i + 1, True, match.expression
        )


# "in", "on", "at" and "from" after a verb expression mostly say where or when ("gave birth in a
# taxi", "took place in the hall"): they belong to the expression only where it is known to take them.
_WHERE_OR_WHEN_PREPS = frozenset({"in", "on", "at", "from"})
_TAKES_WHERE_PREP = {
    "take part": "in",
    "take pride": "in",
    "take an interest": "in",
    "take delight": "in",
    "have a say": "in",
    "have a hand": "in",
    "set foot": "in on",
    "take a stand": "on",
    "take aim": "at",
    "poke fun": "at",
    "have a go": "at",
    "take a look": "at",
}


def _dependent_preposition(words: list[Token], expression: str) -> Token | None:
    """ "take part" + "in": the preposition right after a verb expression that belongs to it."""
    doc, last = words[0].doc, words[-1]
    if last.i + 1 >= last.sent.end:
        return None
    nxt = doc[last.i + 1]
    if nxt.lower_ in _WHERE_OR_WHEN_PREPS and nxt.lower_ not in _TAKES_WHERE_PREP.get(expression, "").split():
        return None
    if nxt.lower_ in _OBJECT_PREPS and nxt.dep_ == "case" and nxt.head.head.i in (words[0].i, last.i):
        return nxt
    return None


# Prepositions of place and direction ("down at me", "out on to the steps", "out of the water")
_PLACE_PREPS = frozenset(
    [
        "at",
        "to",
        "into",
        "onto",
        "on",
        "in",
        "from",
        "of",
        "towards",
        "toward",
        "across",
        "through",
        "under",
        "over",
        "along",
        "around",
        "inside",
        "outside",
        "off",
        "upon",
        "behind",
        "above",
        "below",
        "beside",
        "past",
    ]
)
# Verbs of moving that take no object: "up"/"down" + a noun phrase after them says which way
# ("rose up the chart", "fell down the stairs"), unlike "ran up a bill" or "went through a crisis".
_WAY_VERBS = frozenset(
    [
        "rise",
        "soar",
        "sink",
        "tumble",
        "fall",
        "climb",
        "slide",
        "crawl",
        "walk",
        "creep",
        "wander",
        "march",
        "go",  # "went down the usual route", "went up the stairs": "go down/up" alone is another verb
        "come",
        "drop",  # "has dropped down the table": the way it went, not "drop down" alone
    ]
)
# "go up"/"come down" are common phrasal verbs ("prices went up sharply", where the tagger may read
# "sharply" as a noun): for these a direction needs an article or possessive right after the particle
_WAY_ONLY_BEFORE_DETERMINER = frozenset({"go", "come", "drop"})
# "standing up for the rights", "sticking up for": verb + particle + preposition is its own
# verb, so "learn 'stand up'" would teach another meaning ("with" is often a cause: "passing out with
# heat stroke" is still "pass out")
_PREPOSITIONAL_TAILS = frozenset({"for", "against"})
# "made up of", "came up with": "up" before these is the verb's particle, not a direction
_PARTICLE_PREPS = {"up": frozenset({"of", "with"})}


def says_where(particle: Token) -> bool:
    """A particle right before a preposition mostly says where ("staring down at me", "pulled me
    out on to the steps"): the verb's literal meaning and a direction, not the phrasal verb
    WordNet lists ("stare down" is to outstare). A longer expression ("look down on") is matched
    whole before this is asked."""
    doc = particle.doc
    verb = particle.head
    if _second_object(particle):
        return True  # "put paint down a hotel sink": the thing, then where it went
    if (
        particle.dep_ == "compound:prt"
        and particle.lower_ in ("up", "down")
        and verb_lemmas(verb) & _WAY_VERBS
        and (motion_preposition(verb, particle) or _noun_phrase_after(particle))
        and (
            not ((verb_lemmas(verb) & _WAY_VERBS) <= _WAY_ONLY_BEFORE_DETERMINER)
            or (particle.i + 1 < len(doc) and doc[particle.i + 1].pos_ == "DET")
        )
    ):
        return True  # "rose up the chart": a verb that takes no object, then the way it went
    nxt = doc[particle.i + 1] if particle.i + 1 < len(doc) else None
    if nxt is None or nxt.pos_ != "ADP" or nxt.dep_ != "case" or nxt.lower_ not in _PLACE_PREPS:
        return False  # "watched over by experts", "passing out with heat stroke": no direction
    return nxt.lower_ not in _PARTICLE_PREPS.get(particle.lower_, frozenset())


# Nouns of time: "picked it up the next day" (the noun phrase says when, the particle stays one)
_TIME_NOUNS_TEXT = (
    "day days week weeks month months year years night nights morning afternoon evening weekend time"
    " hour hours minute minutes moment season summer winter spring autumn"
)
_TIME_NOUNS = frozenset(_TIME_NOUNS_TEXT.split())


def _noun_phrase_after(particle: Token) -> bool:
    """A noun phrase opens right after the particle ("dropped down the table")."""
    after = particle.doc[particle.i + 1] if particle.i + 1 < particle.sent.end else None
    return (
        after is not None
        and after.pos_ in ("DET", "NOUN", "PROPN", "ADJ")
        and after.lower_ not in ("this", "that", "next", "last")
    )


def _second_object(particle: Token) -> bool:
    """ "put paint down a hotel sink": the verb has its object before the particle, and the parse
    hangs the noun phrase after the particle on the verb as well. A verb takes one such object, so
    the particle is a preposition that opens the place (no "put down"). "picked it up the next day":
    a time, and the particle stays the verb's."""
    verb = particle.head
    if particle.dep_ != "compound:prt" or not _noun_phrase_after(particle):
        return False
    if not any(c.dep_ == "obj" and verb.i < c.i < particle.i for c in verb.children):
        return False
    return any(
        c.dep_ in ("obj", "obl")
        and c.i > particle.i
        and c.left_edge.i == particle.i + 1
        and c.pos_ in ("NOUN", "PROPN")
        and c.lower_ not in _TIME_NOUNS
        for c in verb.children
    )


def _longer_verb(particle: Token, base: str, lexicon: Lexicon | None) -> bool:
    """The particle is followed by a preposition that makes another verb ("standing up for", "stick up
    for"), one the dictionary does not list: teaching the shorter one would teach the wrong meaning."""
    doc = particle.doc
    after = doc[particle.i + 1] if particle.i + 1 < len(doc) else None
    if after is None or after.dep_ != "case" or after.lower_ not in _PREPOSITIONAL_TAILS:
        return False
    return lexicon is None or not _known(lexicon, f"{base} {after.lower_}")


def opens_preposition(particle: Token) -> bool:
    """ "every game they played up until June": "up until" is one preposition, no particle of the verb.
    "put in "basic" homes": a word tagged as a preposition before an opening quotation mark, which the
    parse then hangs on the verb as its particle, opens the quoted words' phrase."""
    doc = particle.doc
    nxt = doc[particle.i + 1] if particle.i + 1 < len(doc) else None
    if nxt is not None and particle.tag_ == "IN" and nxt.tag_ == "``":
        return True
    return particle.lower_ == "up" and nxt is not None and nxt.lower_ in ("until", "till")


def _split_phrasal_verbs(sent: Span, lexicon: Lexicon | None) -> Iterator[Collocation]:
    """ "set it up": verb and particle apart, which a contiguous look-up cannot see."""
    for prt in sent:
        if prt.dep_ != "compound:prt" or prt.head.pos_ != "VERB" or not 0 < prt.i - prt.head.i <= 4:
            continue
        verb = prt.head
        base = f"{_lemma(verb)} {prt.lower_}"
        if says_where(prt) or opens_preposition(prt):
            continue
        if _longer_verb(prt, base, lexicon):
            continue
        if lexicon is None or _known(lexicon, base):
            yield Collocation(
                _surface(verb, prt), base, "phrasal_verb", verb.i, prt.i + 1, lexicon is not None
            )


def _light_verbs(sent: Span, lexicon: Lexicon | None) -> Iterator[Collocation]:
    for noun in sent:
        verb = noun.head
        if noun.dep_ != "obj" or noun.pos_ != "NOUN" or verb.pos_ != "VERB" or noun.i < verb.i:
            continue
        verb_lemma, noun_lemma = _lemma(verb), _lemma(noun)
        if noun_lemma not in LIGHT_VERBS.get(verb_lemma, ()) or not _common(verb_lemma, noun_lemma):
            continue
        # the article as written: "break the news", "make a decision" (never "break news")
        article = next(
            (c.lower_ for c in noun.children if c.dep_ == "det" and c.lower_ in ("a", "an", "the")), ""
        )
        # a plural without an article keeps its number: "do odd jobs" is "do jobs", never "do job"
        noun_form = (
            noun.lower_ if noun.tag_ == "NNS" and not article and noun.lower_.isalpha() else noun_lemma
        )
        base = " ".join(w for w in (verb_lemma, _article_for(article, noun_form), noun_form) if w)
        yield Collocation(_surface(verb, noun), base, "light_verb", verb.i, noun.i + 1, _known(lexicon, base))


def _article_for(article: str, noun: str) -> str:
    """'a' or 'an' for the noun itself, once the words between are left out: "have a big impact"
    is learnt as "have an impact", never "have a impact"."""
    if article not in ("a", "an") or noun[:1] in ("h", "u"):  # "an hour", "a unit": kept as written
        return article
    return "an" if noun[:1] in ("a", "e", "i", "o") else "a"


def _verbal(tok: Token) -> bool:
    """A verb, or a word the tagger took for a noun that has a subject ("harvests depend on")."""
    return tok.pos_ == "VERB" or (tok.tag_ in ("NN", "NNS") and any(c.dep_ == "nsubj" for c in tok.children))


def _verb_preps(sent: Span, lexicon: Lexicon | None) -> Iterator[Collocation]:
    for prep in sent:
        if prep.dep_ != "case" or prep.pos_ != "ADP":
            continue
        verb = prep.head.head  # case -> its noun (obl) -> the verb
        if not _verbal(verb) or prep.head.dep_ not in ("obl", "obj") or not 0 < prep.i - verb.i <= 2:
            continue
        base = f"{_lemma(verb)} {prep.lower_}"
        if not (prep.i == verb.i + 1 or (prep.i == verb.i + 2 and prep.doc[verb.i + 1].pos_ == "ADV")):
            continue  # "take part in": the preposition belongs to "part", not to "take"
        # only listed pairs: WordNet also has "stand in", "do by", which match free combinations
        if prep.lower_ in VERB_PREP.get(_lemma(verb), ()) and _common(_lemma(verb)):
            yield Collocation(
                _surface(verb, prep), base, "verb_prep", verb.i, prep.i + 1, _known(lexicon, base)
            )


def _adj_nouns(sent: Span) -> Iterator[Collocation]:
    for adj in sent:
        noun = adj.head
        if adj.dep_ != "amod" or noun.pos_ != "NOUN" or noun.i != adj.i + 1:
            continue
        if _lemma(noun) in ADJ_NOUN.get(adj.lower_, ()) and _common(adj.lower_, _lemma(noun)):
            yield Collocation(
                _surface(adj, noun), f"{adj.lower_} {_lemma(noun)}", "adj_noun", adj.i, noun.i + 1, False
            )


def find_collocations(sent: Span, lexicon: Lexicon | None) -> tuple[Collocation, ...]:
    """Non-overlapping combinations in ``sent``; WordNet ones win over list ones, longer over shorter."""
    found: list[Collocation] = []
    if lexicon is not None:
        found.extend(_wordnet_expressions(sent, lexicon))
    found.extend(_split_phrasal_verbs(sent, lexicon))
    found.extend(_light_verbs(sent, lexicon))
    found.extend(_verb_preps(sent, lexicon))
    found.extend(_adj_nouns(sent))
    found.sort(key=lambda c: (not c.in_wordnet, -(c.end - c.start), c.start))
    kept: list[Collocation] = []
    for coll in found:
        if any(q in coll.text for q in '"\u201c\u201d'):
            continue  # 'made "a massive difference': a quotation opens inside it, quoting it breaks both
        if all(coll.end <= k.start or coll.start >= k.end for k in kept):
            kept.append(coll)
    return tuple(sorted(kept, key=lambda c: c.start))
