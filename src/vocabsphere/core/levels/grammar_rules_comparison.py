"""Detectors for comparison and degree: comparatives, superlatives, too/enough, so/such ... that."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from vocabsphere.core.levels.grammar_words import (
    BE_FORMS,
    Hit,
    adjectival,
    feat,
    low,
    to_infinitive_after,
)

# Comparative/superlative-tagged words that learners do not meet as "-er/-est" comparisons.
_NOT_ER = frozenset(
    {
        "more",
        "less",
        "fewer",
        "most",
        "least",
        "rather",
        "further",
        "other",
        "latter",
        "former",
        "elder",
        "upper",
        "inner",
        "outer",
    }
)
# Adjectives that merely end in -er (never comparatives).
_FALSE_ER = _NOT_ER | {
    "clever",
    "proper",
    "bitter",
    "tender",
    "eager",
    "sober",
    "slender",
    "super",
    "over",
    "under",
    "after",
    "ever",
    "never",
    "together",
    "whether",
    "silver",
    "member",
    "number",
    "sister",
    "brother",
    "mother",
    "father",
    "water",
    "paper",
    "either",
    "neither",
    "however",
    "another",
    "whatever",
    "whenever",
    "wherever",
}
_TIME_ER = frozenset({"later", "earlier", "sooner"})  # only comparative when followed by 'than'
_NOMINAL_DEPS = frozenset({"obj", "nsubj", "nsubj:pass", "obl", "iobj", "compound"})
_QUANTIFIERS = frozenset({"much", "many", "few", "little"})
# Words that merely end in -est.
_FALSE_EST = frozenset(
    {
        "honest",
        "modest",
        "earnest",
        "interest",
        "forest",
        "west",
        "manifest",
        "northwest",
        "southwest",
        "midwest",
        "request",
        "contest",
        "protest",
        "arrest",
        "harvest",
        "suggest",
        "digest",
        "invest",
        "guest",
        "quest",
        "test",
        "rest",
        "chest",
    }
)
# Comparatives/superlatives without -er/-est.
_IRREGULAR_ER = frozenset({"better", "worse", "farther"})
_IRREGULAR_EST = frozenset({"best", "worst", "farthest", "furthest"})


def _has_than_after(tok: Token) -> bool:
    return any(low(t) == "than" for t in tok.doc[tok.i + 1 : min(tok.i + 3, tok.sent.end)])


def detect_comparison(sent: Span) -> Iterator[Hit]:
    for tok in sent:
        word = low(tok)
        if _shaped_comparative(tok):
            yield Hit("comparative_er", tok.i, tok.i + 1)
        elif _shaped_superlative(tok):
            yield Hit("superlative_est", tok.i - 1, tok.i + 1)
        elif (
            tok.tag_ in ("JJR", "RBR")
            and tok.pos_ in ("ADJ", "ADV")
            and word not in _FALSE_ER
            and (word.endswith("er") or word in _IRREGULAR_ER)
        ):
            if word not in _TIME_ER or _has_than_after(tok):
                yield Hit("comparative_er", tok.i, tok.i + 1)
        elif (
            tok.tag_ in ("JJS", "RBS")
            and tok.pos_ in ("ADJ", "ADV")
            and word not in _NOT_ER
            and (word.endswith("est") or word in _IRREGULAR_EST)
            and word not in _FALSE_EST
        ):
            start = tok.i - 1 if tok.i > sent.start and low(tok.doc[tok.i - 1]) == "the" else tok.i
            yield Hit("superlative_est", start, tok.i + 1)
        elif word in ("more", "most") and tok.i + 1 < sent.end:
            hit = _periphrastic(tok)
            if hit is not None:
                yield hit


def _shaped_comparative(tok: Token) -> bool:
    """A word in -er after 'be' or before 'than', whatever its tag ("taller than", "are higher")."""
    word = low(tok)
    if tok.tag_ in ("JJR", "RBR") or not word.endswith("er") or len(word) < 5 or word in _FALSE_ER:
        return False
    if tok.pos_ in ("ADJ", "ADV") and _has_than_after(tok):
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and low(prev) in BE_FORMS and tok.pos_ in ("ADJ", "ADV", "VERB")


def _shaped_superlative(tok: Token) -> bool:
    """'the' + adjective in -est, whatever its tag ("the tallest")."""
    word = low(tok)
    return (
        tok.pos_ == "ADJ"
        and tok.tag_ != "JJS"
        and word.endswith("est")
        and len(word) > 4
        and word not in _FALSE_EST
        and tok.i > tok.sent.start
        and low(tok.doc[tok.i - 1]) == "the"
    )


def _comparison_context(tok: Token, adj: Token) -> bool:
    """more/most + word is a comparison only with 'the', 'than', a form of 'be', an -ly adverb
    or a following noun ("more expensive cars"); otherwise it may be a quantity ("more coffee")."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > tok.sent.start else None
    after = doc[adj.i + 1] if adj.i + 1 < tok.sent.end else None
    return (
        (prev is not None and (low(prev) in BE_FORMS or low(prev) in ("the", "much", "far", "even", "a")))
        or _has_than_after(adj)
        or low(adj).endswith("ly")
        or (after is not None and after.pos_ == "NOUN" and tok.head.i == adj.i)
    )


def _comment_adverb(tok: Token, adj: Token, after: Token | None) -> bool:
    """ "More importantly, ...", "..., most importantly, ...": more/most + an -ly adverb set off by a
    comma opens its clause and says how much the point matters; nothing is compared with anything."""
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    opens = prev is None or prev.is_punct or low(prev) in ("and", "but", "or", "that")
    return opens and low(adj).endswith("ly") and after is not None and after.text == ","


def _periphrastic(tok: Token) -> Hit | None:
    """more/most + adjective or adverb ("more expensive"), not more/most + noun phrase."""
    adj = tok.nbor(1)
    if low(adj) in _QUANTIFIERS or not (_adjective_like(adj) or (tok.head.i == adj.i and adj.tag_ == "VBN")):
        return None
    if adj.pos_ == "ADJ" and feat(adj, "Degree") not in ("Pos", ""):
        return None  # "more stranger"
    if adj.dep_ in _NOMINAL_DEPS or not _comparison_context(tok, adj):
        return None  # a noun tagged as an adjective: "more respect", "more coffee"
    after = adj.nbor(1) if adj.i + 1 < tok.sent.end else None
    if tok.head.i != adj.i and after is not None and after.pos_ in ("NOUN", "PROPN"):
        return None  # "more young people" = more (young people)
    if tok.head.i > adj.i and tok.head.pos_ in ("NOUN", "PROPN") and adj.head.i != tok.i:
        return None  # "more southern white rhinos": 'more' counts the noun the adjectives describe
    if _comment_adverb(tok, adj, after):
        return None  # "..., most importantly, people are ...": a comment on the clause, no comparison
    if low(tok) == "more":
        if _more_may_add(tok, adj):
            return None
        return Hit("comparative_more", tok.i, adj.i + 1)
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if prev is not None and low(prev) in ("a", "an"):
        return None  # "a most outstanding firm": 'most' = very
    noun_after = after is not None and after.pos_ in ("NOUN", "PROPN")
    if noun_after and not (prev is not None and (low(prev) == "the" or prev.tag_ in ("PRP$", "POS"))):
        return None  # "most small farmers sell ...": 'most' = the greater part of them, whatever the parse
    if prev is None and low(adj).endswith("ly"):
        return None  # "Most likely, ...", "Most importantly, ...": fixed sentence adverbs
    start = tok.i - 1 if tok.i > tok.sent.start and low(tok.doc[tok.i - 1]) == "the" else tok.i
    return Hit("superlative_most", start, adj.i + 1)


# Before 'more' + adjective + noun, words that make 'more' a degree word: "a more modern flat"
_COMPARING_BEFORE = frozenset({"a", "an", "the", "much", "far", "even", "no"})


def _more_may_add(more: Token, adj: Token) -> bool:
    """ "to stop more tall buildings": 'more' + adjective before a noun may be a quantity (more of
    them, each tall), not a comparison; it is one only with a 'than' later in the clause or a word
    before that rules the quantity out ("a more modern flat", "far more costly cars")."""
    doc = more.doc
    after = doc[adj.i + 1] if adj.i + 1 < more.sent.end else None
    if after is None or after.pos_ not in ("NOUN", "PROPN"):
        return False
    prev = doc[more.i - 1] if more.i > more.sent.start else None
    if prev is not None and low(prev) in _COMPARING_BEFORE:
        return False
    clause_end = next((t.i for t in doc[after.i : more.sent.end] if t.text in (",", ";", ":")), more.sent.end)
    return not any(low(t) == "than" for t in doc[after.i : clause_end])


def _adjective_like(tok: Token) -> bool:
    """A plain adjective/adverb, or a participle used as one ("boring", "talented")."""
    if tok.tag_ == "JJ" and tok.pos_ == "ADJ" and feat(tok, "Degree") == "Pos":
        return True  # the Degree feature keeps out nouns mis-tagged JJ ("more respect")
    if tok.tag_ == "RB" and tok.pos_ == "ADV":
        return True
    return tok.tag_ in ("VBG", "VBN") and adjectival(tok)


def _with_infinitive(start: int, last: Token) -> tuple[int, int]:
    inf = to_infinitive_after(last)
    return start, (inf.i if inf is not None else last.i) + 1


def detect_degree(sent: Span) -> Iterator[Hit]:
    for tok in sent:
        word = low(tok)
        if word == "too" and tok.i + 1 < sent.end:
            adj = tok.nbor(1)
            if adj.pos_ in ("ADJ", "ADV") and adj.tag_ in ("JJ", "RB") and low(adj) not in _QUANTIFIERS:
                yield Hit("too_adjective", *_with_infinitive(tok.i, adj))
        elif word == "enough" and tok.i > sent.start:
            adj = tok.doc[tok.i - 1]
            # the POS, not the fine tag (which may say VB for "tall"); no "bigger enough"
            if (
                adj.pos_ in ("ADJ", "ADV")
                and adj.tag_ not in ("JJR", "RBR")
                and low(adj) != "not"
                and not _determines_noun(tok, adj)
            ):
                yield Hit("adjective_enough", *_with_infinitive(adj.i, tok))
        elif word in ("so", "such"):
            hit = _so_such_that(tok)
            if hit is not None:
                yield hit


def _determines_noun(enough: Token, before: Token) -> bool:
    """ "get together enough money": 'enough' is the determiner of the noun after it, not a degree
    word after the adverb or adjective before it (which does not lean on it)."""
    head = enough.head
    return (
        head.i > enough.i
        and head.pos_ in ("NOUN", "PROPN")
        and enough.dep_ in ("amod", "det")
        # "just enough grain": an adverb on 'enough' itself is no adjective before it
        and (before.head.i != enough.i or before.pos_ == "ADV")
        and not (before.dep_ == "amod" and before.head.i == head.i)
    )


def _relative_of_noun(that: Token, last: Token) -> bool:
    """ "so different from the ant that you see in gardens": the 'that' clause tells which noun (a
    relative clause of a noun after the 'so' word), so it is no result of the 'so' word."""
    clause = that.head
    # a noun, or a word in a noun's place ("from the toad" tagged ADJ)
    between = that.doc[last.i + 1 : that.i]
    nouns = [t for t in between if t.pos_ in ("NOUN", "PROPN", "PRON") or t.dep_ in ("obl", "nmod", "obj")]
    if that.dep_ != "mark" and clause.dep_.endswith("relcl") and clause.head.i > last.i:
        return True  # 'that' is the subject or object of a clause on a later noun ("such noise that" is not)
    if not nouns or clause.head.i == last.i:
        return False
    # a noun between them and the clause hung elsewhere: a result only if 'that' fills no gap in
    # it ("so tired from the trip that he slept all day"; not "... the hill that we climbed")
    deps = {c.dep_ for c in clause.children if c.i != that.i}
    complete = bool(deps & {"obj", "cop", "aux:pass", "ccomp", "xcomp", "expl"})
    return not (that.dep_ == "mark" and complete and bool(deps & {"nsubj", "nsubj:pass"}))


def _introduces_clause(that: Token) -> bool:
    """'that' + clause: a subordinator, or (mis-tagged as a determiner) a subject and a verb soon after."""
    if that.dep_ == "mark" or that.tag_ == "IN":
        return True
    doc = that.doc
    window = doc[that.i + 1 : min(that.sent.end, that.i + 5)]
    return (
        len(window) > 1
        and window[0].pos_ in ("PRON", "NOUN", "PROPN", "DET")
        and any(t.pos_ in ("VERB", "AUX") for t in window[1:])
    )


def _so_such_that(tok: Token) -> Hit | None:
    doc, end = tok.doc, tok.sent.end
    if tok.i + 1 >= end:
        return None
    nxt = tok.nbor(1)
    if low(tok) == "so":
        if not (nxt.pos_ in ("ADJ", "ADV") or _adjective_like(nxt)) or low(nxt) == "that":
            return None  # "so that" is purpose, not result
        point, last = "so_that_result", nxt
    else:
        j = tok.i + 1 + (low(nxt) in ("a", "an"))
        while j < end and doc[j].pos_ == "ADJ":
            j += 1
        if j >= end or doc[j].pos_ != "NOUN":
            return None
        point, last = "such_that_result", doc[j]
    for k in range(last.i + 1, min(end, last.i + 8)):
        cand = doc[k]
        if cand.text in (".", ";", ":"):
            return None
        if low(cand) == "that" and _introduces_clause(cand):
            if _relative_of_noun(cand, last):
                return None
            return Hit(point, tok.i, k + 1)
    return None
