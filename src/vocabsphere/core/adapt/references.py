"""Definite references anywhere in a sentence: which earlier sentence tells what they name.

``coherence`` ties a sentence to the one before by its opening words ("The hotel launched ...",
"She said ..."). A definite noun phrase in the middle of a sentence refers back just as much:
"Plotting the PO box addresses ..." only makes sense after the sentence about mail sent to the post
office "rather than delivered to their address"; "the long-range, high-precision rockets" only after
the one about the HIMARS rocket systems; "Slave Labour was still listed" only after "Slave Labour, a
spray-painted artwork ...". On the parses of the source sentences, ``definite_references`` finds,
per sentence, the earlier sentence that last told of the thing a definite noun phrase names (its
head noun), or that introduced a name with what it is. Precision first: a thing the lead already
names, the story's running subject (told in many sentences), a noun that its own phrase identifies
("the leader of the party", "the first", "the same") and everyday unique things ("the world") are
not references to an earlier sentence.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

__all__ = [
    "Reference",
    "definite_references",
    "describes_a_name_with",
    "kind_adjectives",
    "kind_key",
    "noun_key",
    "running_words",
]

_DETERMINERS = frozenset({"the", "these", "those", "this", "that"})
# A phrase that identifies its noun by itself: "the leader of the party", "the plan that failed".
_IDENTIFYING = frozenset({"nmod", "nmod:poss", "acl", "acl:relcl", "appos", "nummod"})
# Modifiers that make the noun unique by description, not by an earlier mention.
_UNIQUE_TEXT = (
    "first second third last next final same following other only whole entire main former latter "
    "latest previous present current new top"
)
_UNIQUE = frozenset(_UNIQUE_TEXT.split())
# Things a reader knows without being told of them, or words too common to tie two sentences.
_COMMON_TEXT = (
    "world country government state city town people time year years week month day way thing part "
    "place case end number group team home work life public police media internet sun moon sky sea "
    "economy market industry past future beginning rest side fact idea problem issue question reason "
    "result kind sort lot man men woman women family child children area point news story planet earth "
    "blood researcher scientist expert official authority terrorist extremist"
)
_COMMON = frozenset(_COMMON_TEXT.split())
_NAMING = frozenset({"call", "name", "dub", "nickname", "term", "know"})
_NOT_IN_NAMES = frozenset({"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "VERB", "ADV", "PART"})
_MIN_LETTERS = 4
_LOOK_BACK = 6  # sentences between a definite noun phrase and the mention it refers to, at most
_RARE = 2  # a noun told of in one earlier sentence only: "the ..." points there from any distance
_SPECIFIC = 4  # a noun told of in more sentences than this is the story's running subject
_NAME_SPECIFIC = 6  # a described name is worth its introduction in up to this many sentences


@dataclass(frozen=True)
class Reference:
    sentence: int  # the sentence holding the definite noun phrase or the name
    told: int  # the earlier sentence that tells what it is
    word: str  # the noun's lemma (or the name) that ties them


def noun_key(tok: Token) -> str:
    """A noun's comparison key: its lemma in lower case ("Rocket Systems" -> "rocket", "system")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and lemma.endswith("s") and not lemma.endswith("ss"):
        lemma = lemma[:-1]  # the tagger keeps a name's plural ("Systems")
    return lemma


def _nouns(doc: Doc) -> set[str]:
    return {noun_key(t) for t in doc if t.pos_ in {"NOUN", "PROPN"} and t.is_alpha}


def _determined(noun: Token) -> bool:
    """Does "the"/"these"/"those" open ``noun``'s own phrase? It may hang on a compound ("the PO box
    addresses"), but not on a subject the noun is the predicate of ("The dog isn't a monster")."""
    first = noun.left_edge
    while first.dep_ == "case" and first.i < noun.i:  # "a lawyer with the centre"
        first = first.doc[first.i + 1]
    if first.dep_ != "det" or first.lower_ not in _DETERMINERS:
        return False
    node = first.head
    while node != noun and node.dep_ in {"compound", "amod"}:
        node = node.head
    return node == noun


def _definite_heads(doc: Doc) -> list[Token]:
    """Common nouns with "the"/"these"/"those" whose own phrase does not identify them."""
    heads = []
    for tok in doc:
        if tok.pos_ != "NOUN" or not tok.is_alpha or len(tok) < _MIN_LETTERS:
            continue
        children = list(tok.children)
        if not _determined(tok):
            continue
        if any(
            (c.dep_ in _IDENTIFYING and not _set_off(c)) or c.lower_ in _UNIQUE or c.tag_ in {"JJS", "RBS"}
            for c in children
        ):
            continue
        if any(c.pos_ == "PROPN" and c.dep_ in {"compound", "amod", "flat"} for c in children):
            continue  # "the Iqaluit project", "the UN chamber": the name says which
        if noun_key(tok) in _COMMON:
            continue
        heads.append(tok)
    return heads


def _defined_terms(doc: Doc) -> list[Token]:
    """The term a definition sentence explains: a bare noun opening "X is the act of ...", "X is a
    ..." (seed 001: "Counter-battery is the act of stopping ..." kept after the sentence that spoke
    of counter-battery skill was cut). The definition belongs after the sentence that used the term."""
    terms = []
    for root in (t for t in doc if t.dep_ == "ROOT" and t.pos_ == "NOUN"):
        if not any(c.dep_ == "cop" and c.lemma_ == "be" for c in root.children):
            continue
        if not any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in root.children):
            continue
        for subject in (c for c in root.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}):
            bare = not any(c.dep_ in {"det", "nmod:poss"} for c in subject.children)
            if bare and _opens(subject) and noun_key(subject) not in _COMMON:
                terms.append(subject)
    return terms


def _opens(noun: Token) -> bool:
    """Does ``noun``'s phrase open its sentence (after a connective: "But the illustrator ...")?"""
    words = [t for t in noun.doc[: noun.left_edge.i] if not t.is_punct]
    return all(t.pos_ in {"CCONJ", "ADV"} for t in words)


def _set_off(clause: Token) -> bool:
    """A relative clause between commas ("The illustrator, who lives in Aberdeenshire, ..."): it adds
    to a noun the reader already knows, it does not say which one."""
    doc = clause.doc
    start = clause.left_edge.i  # the parser hangs the opening comma on the clause or on the noun
    return clause.dep_ == "acl:relcl" and "," in {doc[start].text, doc[max(start - 1, 0)].text}


_AS_THEY_GO = re.compile(r"^As\s+[^,]{1,40}?\s+go(?:es)?,")


def _compared_kind(doc: Doc) -> list[Token]:
    """The nouns of "As 16th birthdays go, it was ...": the thing the sentence before told of."""
    found = _AS_THEY_GO.match(doc.text)
    if found is None:
        return []
    nouns = [t for t in doc if t.idx < found.end() and t.pos_ == "NOUN" and t.is_alpha]
    return [t for t in nouns if len(t) >= _MIN_LETTERS]


# Nouns that name a change a verb of the same word tells ("numbers increased" -> "the increase").
_ACTION_TEXT = "increase decrease rise fall drop cut change decline jump boost shift delay ban"
_ACTIONS = frozenset(_ACTION_TEXT.split())
_ACTION_LOOK_BACK = 3  # sentences back a verb may tell the change "the increase" names


def _action_told_before(doc: Doc, previous: Doc) -> str | None:
    """ "But the increase in numbers is still not enough." after "Big efforts have been made to
    increase the number of ...": "the increase" is the one ``previous`` told as a verb, even with a
    phrase of its own ("in numbers"), so that sentence is needed."""
    verbs = {t.lemma_.lower() for t in previous if t.pos_ == "VERB"}
    for tok in doc:
        word = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or word not in _ACTIONS or word not in verbs or not _determined(tok):
            continue
        if not any(c.lower_ in _UNIQUE or c.tag_ in {"JJS", "RBS"} for c in tok.children):
            return word  # not "the first increase", "the biggest rise": those say which
    return None


def _named_by_a_verb(tok: Token) -> bool:
    """A name given to something: "The method, called 'Virtopsy', ..."."""
    return tok.pos_ == "PROPN" and tok.dep_ in {"xcomp", "obj", "obl"} and tok.head.lemma_.lower() in _NAMING


def _acronym(word: str) -> bool:
    """An unfamiliar acronym ("PGMOL", "ACEA"); short ones are mostly known ("EU", "UN", "MIT")."""
    return len(word) >= 4 and word.isalpha() and sum(ch.isupper() for ch in word) >= 3


def _described_names(doc: Doc) -> list[str]:
    """Names the sentence tells what they are: a name of two or more capitalised words followed by
    ", a ..." ("Slave Labour, a spray-painted artwork, ..."; by the words, as the parser often takes
    such a name for something else), a name a ", which/who ..." clause describes ("apps like Roadly,
    which uses live traffic data"), an acronym spelt out before it ("... Officials Limited (PGMOL)")
    or a name given by "called", "named" ..."""
    out = []
    for k, tok in enumerate(doc):
        if tok.text == "," and k + 1 < len(doc) and doc[k + 1].lower_ in {"a", "an"}:
            j = k
            while (
                j > 0 and doc[j - 1].is_alpha and doc[j - 1].is_title and doc[j - 1].pos_ not in _NOT_IN_NAMES
            ):
                j -= 1
            if k - j >= 2:
                out.append(doc[j:k].text)
        elif tok.text == "," and k + 1 < len(doc) and doc[k + 1].lower_ in {"which", "who"}:
            j = k  # "apps like Waze, which uses live traffic data, ...": the clause tells what it is
            while j > 0 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].is_title:
                j -= 1
            if j < k:
                out.append(doc[j:k].text)
        elif tok.text == "(" and k + 2 < len(doc) and doc[k + 2].text == ")" and _acronym(doc[k + 1].text):
            if k > 0 and doc[k - 1].is_title:  # "Professional Game Match Officials Limited (PGMOL)"
                out.append(doc[k + 1].text)
        elif _named_by_a_verb(tok):
            parts = [c for c in tok.lefts if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN"]
            out.append(doc[parts[0].i if parts else tok.i : tok.i + 1].text)
    return out


# "The 'expensive' tag", "the "living wall" concept": a definite noun phrase quoting words the story
# used before points at the sentence that used them (train, round names5: 'The "expensive" tag was
# unjustified' was kept without the sentence saying the chain was thought more expensive).
_QUOTED_TERM = re.compile(r"\b[Tt]he\s+[\"“‘']([A-Za-z][\w' -]{1,38}?)[\"”’']\s+[a-z]+")


def definite_references(docs: Sequence[Doc]) -> list[Reference]:
    """Per source sentence (one parse each, in story order), the earlier sentences it refers to."""
    nouns = [_nouns(doc) for doc in docs]
    told_in: dict[str, int] = {}
    for found in nouns:
        for word in found:
            told_in[word] = told_in.get(word, 0) + 1
    lead = nouns[0] if nouns else set()
    out: list[Reference] = []
    for i, doc in enumerate(docs):
        if i == 0:
            continue
        for head in _definite_heads(doc) + _compared_kind(doc) + _defined_terms(doc):
            word = noun_key(head)
            if word in lead or told_in.get(word, 0) > _SPECIFIC:
                continue
            if any(noun_key(t) == word for t in doc[: head.i] if t.pos_ in {"NOUN", "PROPN"}):
                continue  # told of earlier in the same sentence
            before = [j for j in range(i) if word in nouns[j]]
            # "The illustrator, who ..." opening a sentence: the one sentence that told of it, however far
            rare = told_in.get(word, 0) <= _RARE and _opens(head)
            if before and (i - before[-1] <= _LOOK_BACK or rare):  # else a general "the fight"
                out.append(Reference(i, before[-1], word))
    for i in range(1, len(docs)):
        # the nearest of the few sentences before (train 'organs': one about hospitals came between)
        for j in range(i - 1, max(0, i - _ACTION_LOOK_BACK) - 1, -1):
            action = _action_told_before(docs[i], docs[j])
            if action is not None:
                out.append(Reference(i, j, action))
                break
    texts = [doc.text for doc in docs]
    for j, doc in enumerate(docs):
        for name in _described_names(doc):
            named = re.compile(rf"\b{re.escape(name)}\b")
            later = [i for i in range(j + 1, len(docs)) if named.search(texts[i])]
            if any(named.search(texts[k]) for k in range(j)) or len(later) + 1 > _NAME_SPECIFIC:
                continue  # named before its description, or the story's running subject
            out += [Reference(i, j, name) for i in later]
    for i, text in enumerate(texts):
        for quoted in _QUOTED_TERM.finditer(text):
            term = re.compile(rf"\b{re.escape(quoted.group(1))}\b", re.IGNORECASE)
            before = [j for j in range(i) if term.search(texts[j])]
            if before and before[-1] and not term.search(text[: quoted.start()]):  # the lead is kept
                out.append(Reference(i, before[-1], quoted.group(1)))
    return out


_RUNNING = 3  # sentences a word must appear in to be what the story keeps coming back to


def running_words(docs: Sequence[Doc]) -> frozenset[str]:
    """Nouns and adjectives (lemmas) the story keeps coming back to: "black" in a story about skin
    colour. An aside holding one is the point someone makes, not a detail."""
    counts: dict[str, int] = {}
    for doc in docs:
        for word in {t.lemma_.lower() for t in doc if t.pos_ in {"NOUN", "ADJ"} and t.is_alpha}:
            counts[word] = counts.get(word, 0) + 1
    return frozenset(w for w, n in counts.items() if n >= _RUNNING and len(w) >= _MIN_LETTERS - 1)


def describes_a_name_with(tokens: Sequence[Token], words: Collection[str]) -> bool:
    """Are ``tokens`` (a span about to be cut) an aside right after a name ("Ellen Oléria - a black
    lesbian -", "Susumu Tonagawa, a neuroscientist,") holding one of ``words``?"""
    if not tokens:
        return False
    doc = tokens[0].doc
    k = tokens[0].i - 1
    while k >= 0 and doc[k].is_punct:
        k -= 1  # the dash, bracket or comma that opens the aside
    if k < 0 or doc[k].pos_ != "PROPN":
        return False
    return any(t.pos_ in {"NOUN", "ADJ"} and t.lemma_.lower() in words for t in tokens)


_KIND_DEPS = frozenset({"amod", "advmod", "compound"})
_NOMINAL_DEPS = frozenset({"nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "attr"})


def kind_key(tok: Token) -> tuple[str, str] | None:
    """(modifier, noun) for a word that modifies the noun phrase it opens or sits in ("woolly" in "a
    woolly rhino", "southern" in "southern white rhinos"; the parser may call either an adverb), by the
    words: the noun's plural "s" is dropped, as the tagger does not always know the noun."""
    if tok.dep_ not in _KIND_DEPS or tok.pos_ not in {"ADJ", "ADV"} or not tok.is_alpha:
        return None
    head = tok.head
    while head.dep_ in _KIND_DEPS and head.head.i > head.i:
        head = head.head  # "southern" -> "white" -> "rhinos"
    between = tok.doc[tok.i + 1 : head.i]
    if head.i <= tok.i or not head.is_alpha or any(t.dep_ not in _KIND_DEPS for t in between):
        return None
    if head.pos_ not in {"NOUN", "PROPN"} and head.dep_.split(":")[0] not in _NOMINAL_DEPS:
        return None  # "have so far failed": a verb's adverb
    noun = head.lower_
    if noun.endswith("s") and not noun.endswith("ss"):
        noun = noun[:-1]
    return tok.lower_, noun


def kind_adjectives(docs: Sequence[Doc]) -> frozenset[tuple[str, str]]:
    """(modifier, noun) pairs (``kind_key``) that tell kinds of a thing apart in this story: the noun
    comes with two or more different modifiers ("woolly rhinos", "southern white rhinos", "black
    rhinos"; "live television" beside "online television") or the same pair comes back in another
    sentence. Without its adjective such a noun names another kind ("far greater numbers of rhinos")."""
    seen: dict[str, set[str]] = {}
    sentences: dict[tuple[str, str], int] = {}
    for doc in docs:
        for pair in {key for key in map(kind_key, doc) if key is not None}:
            seen.setdefault(pair[1], set()).add(pair[0])
            sentences[pair] = sentences.get(pair, 0) + 1
    return frozenset(pair for pair, n in sentences.items() if n >= 2 or len(seen[pair[1]]) >= 2)
