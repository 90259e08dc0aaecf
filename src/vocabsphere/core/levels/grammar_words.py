"""Token-level helpers shared by the grammar detectors: closed-class word lists, verb-form
tests on tags and morphology, and the raw :class:`Hit` a detector yields.

Closed-class words (forms of be/have/do, modals) are matched on their spelling, which is
more reliable than a statistical tagger or parser.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

BE_PRES = frozenset({"am", "is", "are", "'m", "'re", "m", "re"})
BE_PAST = frozenset({"was", "were"})
BE_FORMS = BE_PRES | BE_PAST | {"be", "been", "being", "'s"}
HAVE_PRES = frozenset({"have", "has", "'ve", "ve"})
HAVE_FORMS = HAVE_PRES | {"had", "having", "'d"}
DO_FORMS = frozenset({"do", "does", "did"})
WILL = frozenset({"will", "'ll", "ll", "wo", "shall", "sha"})
MODALS = WILL | {"would", "can", "ca", "could", "may", "might", "must", "should", "ought", "'d"}
NEGATORS = frozenset({"not", "n't", "never"})
AUX_DEPS = frozenset({"aux", "aux:pass", "cop"})
SUBJ_DEPS = frozenset({"nsubj", "nsubj:pass", "expl", "csubj", "csubj:pass", "nsubj:outer"})
# Participles that are adjectives after 'be' ("I am interested", "it was boring"): a be-group
# ending in one is copular, not a passive or a continuous.
# ("is located", "is based on" are passives in form, which is what the passive point says.)
ADJECTIVAL_PARTICIPLES = frozenset(
    {
        "interested",
        "tired",
        "bored",
        "excited",
        "worried",
        "surprised",
        "pleased",
        "married",
        "scared",
        "confused",
        "disappointed",
        "satisfied",
        "concerned",
        "focused",  # "The teachers are focused on ...": a state (concentrating), not a passive
        "embarrassed",
        "shocked",
        "amazed",
        "annoyed",
        "frightened",
        "qualified",
        "supposed",
        "talented",
        "skilled",
        "experienced",
        "boring",
        "interesting",
        "exciting",
        "amazing",
        "surprising",
        "shocking",
        "annoying",
        "disappointing",
        "frightening",
        "tiring",
        "relaxing",
        "confusing",
        "embarrassing",
        "worrying",
        "charming",
        "missing",
        "willing",
        "outstanding",
    }
)
# -ing forms that after 'be' and without an object describe ("The task was challenging"):
# calling them a continuous tense would teach the learner something false.
EVALUATIVE_ING = frozenset(
    {
        "challenging",
        "demanding",
        "rewarding",
        "promising",
        "encouraging",
        "alarming",
        "disturbing",
        "misleading",
        "overwhelming",
        "compelling",
        "daunting",
        "striking",
        "stunning",
        "appalling",
        "astonishing",
        "depressing",
        "frustrating",
        "fascinating",
        "terrifying",
        "thrilling",
        "inspiring",
        "convincing",
        "puzzling",
        "satisfying",
        "tempting",
        "entertaining",
        "intimidating",
        "humiliating",
        "exhausting",
        "refreshing",
        "pleasing",
        "troubling",
        "concerning",
        "reassuring",
        "disgusting",
        "irritating",
        "fulfilling",
        "lasting",
        "outgoing",
        "upcoming",
        "ongoing",
        "existing",
        "leading",
        "matching",
    }
)
DEGREE_ADVERBS = frozenset(
    {
        "very",
        "so",
        "too",
        "extremely",
        "quite",
        "rather",
        "more",
        "most",
        "less",
        "least",
        "fairly",
        "pretty",
        "incredibly",
        "really",
    }
)
# Irregular past participles that cannot be a base or past form.
EN_PARTICIPLES = frozenset(
    {
        "been",
        "gone",
        "done",
        "seen",
        "taken",
        "given",
        "risen",
        "fallen",
        "written",
        "spoken",
        "broken",
        "chosen",
        "driven",
        "eaten",
        "forgotten",
        "gotten",
        "hidden",
        "shown",
        "grown",
        "thrown",
        "flown",
        "drawn",
        "stolen",
        "beaten",
        "begun",
        "frozen",
        "known",
        "ridden",
        "woken",
        "sworn",
        "torn",
        "worn",
        "sung",
        "rung",
        "sunk",
        "swum",
        "shrunk",
        "sprung",
        "stung",
        "bitten",
        "shaken",
        "mistaken",
        "forsaken",
        "proven",
        "sewn",
        "sown",
        "woven",
        "withdrawn",
        "overtaken",
        "undertaken",
        "overseen",
        "slain",
    }
)
# Participles ending in -e (all others end in -ed, -en, -n, -t, -d, -ng, -nk, -um, -ught ...).
_E_PARTICIPLES = frozenset(
    {"become", "come", "overcome", "made", "done", "gone", "borne", "undone", "outdone", "forgone"}
)
_IRREGULAR_VERBS = {
    "began": "begin",
    "begun": "begin",
    "kept": "keep",
    "forgot": "forget",
    "forgotten": "forget",
    "chose": "choose",
    "chosen": "choose",
    "sought": "seek",
    "said": "say",
    "told": "tell",
    "quit": "quit",
    "understood": "understand",
    "rose": "rise",  # "rose up the chart": the lemmatizer keeps the flower
    "risen": "rise",
    "fell": "fall",
    "sank": "sink",
    "sunk": "sink",
}
_CANONICAL = {
    "wo": "will",
    "'ll": "will",
    "ll": "will",
    "sha": "shall",
    "ca": "can",
    "'m": "am",
    "m": "am",
    "'re": "are",
    "re": "are",
    "'ve": "have",
    "ve": "have",
}


def verb_lemmas(tok: Token) -> set[str]:
    """The lemmatizer's lemma plus spelling-based guesses ("stopped" -> stop, "decided" -> decide),
    so that closed verb lists still match when the lemmatizer errs ("stopp")."""
    word = low(tok)
    out = {tok.lemma_.lower(), word, _IRREGULAR_VERBS.get(word, word)}
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            out |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # stopped -> stop
            if stem.endswith("i"):
                out.add(stem[:-1] + "y")  # tried -> try
    return out


def low(tok: Token) -> str:
    """Lower-cased form with curly apostrophes straightened."""
    return tok.text.lower().replace("\u2019", "'")


def feat(tok: Token, name: str) -> str:
    """One morphological feature value ("" if absent)."""
    value = tok.morph.to_dict().get(name, "")
    return value if isinstance(value, str) else ""


def is_vbn(tok: Token) -> bool:
    word = low(tok)
    if word.endswith("er"):
        return False  # no participle ends in -er; "higher" tagged VBN is a comparative
    if word in EN_PARTICIPLES:
        return True  # unambiguous even when tagged as an adjective or noun ("He's gone")
    if word.endswith("e") and word not in _E_PARTICIPLES:
        return False  # no participle ends in a plain -e but these: "supple", "suppose" are mis-tags
    return tok.tag_ == "VBN" or (feat(tok, "VerbForm") == "Part" and feat(tok, "Tense") == "Past")


def is_vbg(tok: Token) -> bool:
    if tok.tag_ == "VBG" or feat(tok, "VerbForm") == "Ger":
        return True
    return feat(tok, "VerbForm") == "Part" and feat(tok, "Tense") == "Pres"


def is_base(tok: Token) -> bool:
    return tok.tag_ == "VB" or feat(tok, "VerbForm") == "Inf"


def is_negated(tok: Token) -> bool:
    """A negator right after ``tok`` (can't, will not, has never ...)."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and low(nxt) in NEGATORS


def aux_word(tok: Token, nxt: Token | None) -> str | None:
    """Canonical auxiliary word for ``tok`` given the next chain member, or None if not an auxiliary."""
    word = low(tok)
    if word == "'s":  # is or has: 'has' only before a participle that is not passive
        perfect = nxt is not None and (low(nxt) == "been" or (is_vbn(nxt) and tok.dep_ == "aux"))
        return "has" if perfect else "is"
    if word == "'d":  # had or would
        return "had" if nxt is not None and (low(nxt) == "been" or is_vbn(nxt)) else "would"
    word = _CANONICAL.get(word, word)
    if word in BE_FORMS or word in HAVE_FORMS or word in DO_FORMS or word in MODALS:
        return word
    return None


def category(word: str, prev: str | None) -> str:
    """Shape category of a canonical auxiliary word."""
    if word in WILL:
        return "WILL"
    if word in MODALS:
        return "MODAL"
    if word in BE_PRES:
        return "BE_PRES"
    if word in BE_PAST:
        return "BE_PAST"
    if word in ("be", "been", "being"):
        return word.upper()
    if word in ("have", "has"):
        # bare 'have' after a modal (will have, must have) is not a present form
        return "HAVE" if word == "have" and prev is not None and prev in MODALS else "HAVE_PRES"
    if word == "had":
        return "HAVE_PAST"
    if word == "having":
        return "HAVING"
    return "DO_PAST" if word == "did" else "DO_PRES"


def verb_category(tok: Token) -> str:
    """Shape category of a lexical verb from its Penn tag and morphology."""
    tag = tok.tag_
    if tag in ("VBZ", "VBP"):
        return "V_PRES"
    if tag == "VBD":
        return "V_PAST"
    if tag == "VBG" or is_vbg(tok):
        return "VBG"
    if is_vbn(tok):
        return "VBN"
    if tag == "VB":
        return "VB"  # base form; VB + Mood=Imp "Fin" is an imperative, not a present
    if feat(tok, "VerbForm") == "Fin":
        return "V_PAST" if feat(tok, "Tense") == "Past" else "V_PRES"
    return "VB"


def adjectival(tok: Token) -> bool:
    """A participle used as an adjective: a known one, or one with a degree adverb before it."""
    if low(tok) in ADJECTIVAL_PARTICIPLES:
        return True
    if low(tok) in EVALUATIVE_ING and not any(c.dep_ in ("obj", "iobj", "ccomp") for c in tok.children):
        return True  # "it was challenging to integrate them": the infinitive is extraposed
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    # 'really' also modifies verbs, and 'more/most/less/least' are handled by the comparison rules
    strict = DEGREE_ADVERBS - {"really", "more", "most", "less", "least"}
    return prev is not None and low(prev) in strict and prev.head.i == tok.i


def next_word(tok: Token, skip: frozenset[str] = NEGATORS) -> Token | None:
    """The next token in the sentence, skipping negators (and adverbs tagged RB)."""
    sent_end = tok.sent.end
    i = tok.i + 1
    while i < sent_end and (low(tok.doc[i]) in skip or tok.doc[i].tag_ == "RB"):
        i += 1
    return tok.doc[i] if i < sent_end else None


def to_infinitive_after(tok: Token) -> Token | None:
    """The verb of a 'to + base verb' right after ``tok`` (adverbs allowed), or None."""
    to = next_word(tok)
    if to is None or low(to) != "to":
        return None
    doc = tok.doc
    if to.i + 1 >= tok.sent.end:
        return None
    verb = doc[to.i + 1]
    if verb.tag_ == "RB" and to.i + 2 < tok.sent.end and is_base(doc[to.i + 2]):
        verb = doc[to.i + 2]  # split infinitive: "to really understand"
    if is_base(verb) and verb.pos_ in ("VERB", "AUX"):
        return verb
    return verb if _mistagged_infinitive(to, verb) else None


def _mistagged_infinitive(to: Token, verb: Token) -> bool:
    """ "going to rain." with 'rain' tagged as a noun: trust the infinitival TO tag when the
    word has no determiner and ends the clause or is followed by an object."""
    if to.tag_ != "TO" or verb.pos_ not in ("NOUN", "ADV", "VERB") or verb.tag_ not in ("NN", "RB", "VB"):
        return False
    if any(c.dep_ in ("det", "nmod:poss", "amod") for c in verb.children):
        return False
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return after is None or after.is_punct or after.pos_ in ("DET", "PRON")


@dataclass(frozen=True)
class Hit:
    """A raw detector result: point id, doc token span (end exclusive) and detail slots."""

    point_id: str
    start: int
    end: int
    details: tuple[tuple[str, str], ...] = ()


def is_question(sent: Span) -> bool:
    """True if the sentence's first terminal punctuation is '?'.

    Looks past the sentence end because the parser sometimes splits "..., please?" before '?'.
    """
    doc = sent.doc
    for i in range(sent.start, min(len(doc), sent.end + 2)):
        if doc[i].text in ("?", "!", "."):
            return doc[i].text == "?"
    return False


def has_if(sent: Span) -> bool:
    return any(low(t) == "if" for t in sent)
