"""A plural noun with no determiner, where the sentence decides the plural: a singular countable
noun cannot stand alone ("They live in _____": "basements", never "basement"), so a plural with
nothing before it but adjectives is the one form that fits, when the noun has no uncountable use.

Only nouns every common sense of which names a whole thing (a person, an animal, a building, a
tool: WordNet's "whole") and no sense a substance, food or building material ("chicken", "paper",
"cereal", "brick" are also uncountable) count; and none of the slots where English lets a singular
countable noun stand bare: after "by" ("by car"), in the set phrases of institutions ("in
hospital", "at school"), in pairs ("mother and child", "day by day"), after "kind of", after
"made of", an animal after "eat", as a modifier of another noun, in a name (and no part of a
hyphenated word is ever a gap: `slots.find_token`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getInflection

from vocabsphere.core.lexicon.lookup import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["bare_plural_reason", "count_only"]

MIN_SHARE = 0.1  # a sense met in a tenth of the tagged corpus's uses counts ("shell" as a material)
_WHOLE = "00003553-n"  # whole.n.02: an object, a person, an animal, an artefact
_MATTER = "00020827-n"  # matter.n.03: substances and foods, which are uncountable as well
_BUILDING_MATERIAL = "14786479-n"  # "brick", "stone", "tile": "built of brick", "grows through brick"
_STUFF = frozenset({_MATTER, _BUILDING_MATERIAL})
_ANIMAL = "00015388-n"
# Verbs after which an animal may be its meat ("people who eat turtle"): no plural to insist on.
_EATING_VERBS = frozenset({"eat", "cook", "serve", "taste", "fry", "roast", "grill", "boil", "bake", "smoke"})
_COOKED = frozenset(
    {
        "barbecued",
        "fried",
        "grilled",
        "roast",
        "roasted",
        "boiled",
        "baked",
        "smoked",
        "cooked",
        "stewed",
        "steamed",
    }
)

# Determiner-like words: with any of these before it, the noun's number is another cue's to decide.
_DETERMINER_DEPS = frozenset({"det", "det:predet", "nmod:poss", "nummod", "poss"})
# Nouns English uses bare in the singular in set phrases ("in hospital", "at school", "to bed",
# "by car", "on foot", "at home"): the plural would not be the only answer there.
_BARE_SINGULAR = frozenset(
    {
        "bed",
        "bus",
        "camera",
        "car",
        "church",
        "class",
        "college",
        "court",
        "foot",
        "hand",
        "home",
        "hospital",
        "jail",
        "man",
        "plane",
        "prison",
        "school",
        "sea",
        "ship",
        "stage",
        "table",
        "town",
        "train",
        "university",
        "woman",
        "work",
    }
)
# A noun's roles in a parse that holds; another ("case", "amod") is a parse slip to leave alone.
_NOUN_ROLES = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "conj", "ROOT", "root"})
# Verbs after which "of" / "from" may name the stuff a thing is made of ("built of brick").
_MAKING_VERBS = frozenset(
    {"make", "build", "construct", "carve", "cast", "form", "weave", "knit", "sew", "produce"}
)
# Quantity words after which a countable noun is plural ("more doctors"), and words that work
# like determiners but leave the number open ("other", "such", "same": "the other doctor").
_QUANTITY_WORDS = frozenset({"more", "most", "fewer", "enough"})
_LIKE_DETERMINERS = frozenset({"other", "such", "same", "certain", "own", "only", "last", "next", "first"})
# Heads after which a singular stands for the sort ("these kinds of car", "this type of animal").
_SORT_NOUNS = frozenset(
    {
        "kind",
        "kinds",
        "type",
        "types",
        "sort",
        "sorts",
        "form",
        "forms",
        "variety",
        "species",
        "breed",
        "brand",
    }
)


def count_only(lexicon: Lexicon, lemma: str, plural: str) -> bool:
    """Every sense of the noun a reader meets (the first, and any of a tenth of the tagged corpus's
    uses: not "doctor" as children's play) names a whole thing, and no sense at all a substance,
    food or building material; the plural is no word of its own ("glasses", "savings", "people")."""
    if lexicon.entries(plural, "noun").lemma == plural.lower():
        return False
    entry = lexicon.entries(lemma, "noun")
    if entry.lemma != lemma.lower():
        return False
    nouns = [s for s in entry.senses if s.pos == "noun"]
    tagged = sum(s.tag_count for s in nouns)
    used = [s for s in nouns if s.rank == 1 or s.tag_count >= max(1.0, MIN_SHARE * tagged)]
    if not used:
        return False
    kinds = {s.synset_id: lexicon.ancestors(s.synset_id) for s in nouns}
    if any(kinds[s.synset_id] & _STUFF for s in nouns):
        return (
            False  # any sense a substance, a food or a building material: "cheaper cereal", "through brick"
        )
    return all(_WHOLE in kinds[s.synset_id] for s in used)


def _eaten(noun: Token) -> bool:
    """The noun is what is eaten or cooked: the object of such a verb, also as the second of a
    pair ("eating fried locusts and barbecued _____"), or a word of cooking before it."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.head.lemma_.lower() in _EATING_VERBS:
        return True
    return any(
        c.i < t.i and c.lower_.split("-")[-1] in _COOKED for t in (noun, first) for c in t.children
    )  # "deep-fried"


def _bare(token: Token) -> bool:
    """No determiner, number or possessive before the noun, only adjectives (and their adverbs)
    and nouns ("ice cubes")."""
    if any(c.dep_ in _DETERMINER_DEPS for c in token.children):
        return False
    if any(c.dep_ == "case" and c.lower_ in ("'s", "'", "\u2019s", "\u2019") for c in token.children):
        return False  # "the students' rooms": "the student's rooms" is English too
    before = [t for c in token.children if c.i < token.i and c.dep_ != "case" for t in c.subtree]
    return all(t.pos_ in ("ADJ", "ADV", "NOUN") and t.is_alpha for t in before)


def _paired(token: Token) -> bool:
    """In a pair or list ("mother and child", "from door to door", "day by day"), where bare
    singulars are English; or joined to a noun written singular ("pen and papers")."""
    doc = token.doc
    linked = [c for c in token.children if c.dep_ == "conj"] + ([token.head] if token.dep_ == "conj" else [])
    if any(t.tag_ == "NN" for t in linked):
        return True
    near = doc[max(token.sent.start, token.i - 3) : min(token.sent.end, token.i + 4)]
    return any(t.i != token.i and t.lemma_.lower() == token.lemma_.lower() for t in near)


def _slot_allows_singular(token: Token) -> bool:
    """Slots where English lets a singular countable noun stand bare."""
    if token.dep_ in ("compound", "flat", "vocative") or token.ent_type_:
        return True
    after = token.doc[token.i + 1] if token.i + 1 < token.sent.end else None
    if after is not None and after.pos_ == "PROPN":
        return True  # "at food analyst Technomic": a noun before a name, as a title, stands bare
    if token.text[:1].isupper() and token.i != token.sent.start:
        return True  # part of a name or a title ("Friends")
    case = next((c for c in token.children if c.dep_ == "case"), None)
    if case is not None and case.lower_ in ("by", "per", "via"):
        return True  # "by car", "per person"
    head = token.head
    if case is not None and case.lower_ in ("of", "from") and head.lemma_.lower() in _MAKING_VERBS:
        return True  # "built of brick", "made from bottle": the stuff, not the things
    return case is not None and case.lower_ == "of" and head.lower_ in _SORT_NOUNS


def bare_plural_reason(lexicon: Lexicon, token: Token, lemma: str) -> str | None:
    """Why the plural noun must be plural here ("A singular countable noun needs a word like
    ‘a’ or ‘the’ before it; with none, ‘basements’ is plural."), or None."""
    if token.tag_ != "NNS" or token.lower_ == lemma.lower() or not token.is_alpha:
        return None
    if lemma.lower() in _BARE_SINGULAR or token.lower_ not in {
        f.lower() for f in getInflection(lemma, "NNS")
    }:
        return None
    if token.dep_ not in _NOUN_ROLES or not _bare(token) or _paired(token) or _slot_allows_singular(token):
        return None
    if not count_only(lexicon, lemma, token.lower_):
        return None
    if _eaten(token) and any(
        _ANIMAL in lexicon.ancestors(s.synset_id) for s in lexicon.entries(lemma, "noun").senses
    ):
        return None
    said = token.lower_
    quantity = [c for c in token.children if c.i < token.i and c.lower_ in _QUANTITY_WORDS]
    if any(c.lower_ in _LIKE_DETERMINERS for c in token.children if c.i < token.i):
        return None  # "other doctors": "the other doctor" is English, so no general rule to give
    if quantity:
        return f"After ‘{quantity[0].lower_}’ a countable noun is plural: ‘{said}’."
    return (
        f"\u2018{lemma}\u2019 is a countable noun, and a singular countable noun needs a word like "
        f"\u2018a\u2019 or \u2018the\u2019 before it. With none here, it is plural: \u2018{said}\u2019."
    )
