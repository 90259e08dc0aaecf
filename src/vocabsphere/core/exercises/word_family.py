"""Word family: choose the member of the word's family (decide / decision / decisive / decisively)
that fits the gap. Members come from WordNet's derivational links in our lexicon, checked as base
forms with lemminflect; only members a learner can know (level <= learner + 1) are offered, one per
part of speech, and never one that could also fill the slot (a noun before a noun: "a decision
vote"; an adjective after a verb that is also a flat adverb: "act quick")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getAllLemmas, getLemma
from wordfreq import zipf_frequency

from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.lexicon.substitutes import plausible, word_level

from .model import ExerciseItem, ExerciseKind
from .sentences import level_rank
from .slots import POS_NAMES, gapped, slot_pos, slot_reason

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["family_members", "word_family_item"]

MIN_ZIPF = 3.0  # members rarer than this are not words a learner meets
# Slot forms where no member of another part of speech can stand: "has ___" takes a participle
# only, but "was ___" would take "critical" as well as "criticised", so passive and -ing slots are out.
_SLOT_TAGS = {
    "NOUN": ("NN", "NNS"),
    "VERB": ("VB", "VBP", "VBZ", "VBD", "VBN"),
    "ADJ": ("JJ",),
    "ADV": ("RB",),
}
_WN_UPOS = {"noun": "NOUN", "verb": "VERB", "adjective": "ADJ", "adverb": "ADV", "adj": "ADJ"}
# Parts of speech that could also stand in a slot: such members are not offered there.
_ALSO_FITS = {"ADJ": frozenset({"NOUN"}), "NOUN": frozenset(), "VERB": frozenset(), "ADV": frozenset()}
# Verbs that take an adjective after their object ("made football historical"): after a noun
# that can be the whole object, an adjective fits a noun's gap too.
_COMPLEMENT_VERBS = frozenset(
    {
        "make",
        "find",
        "keep",
        "leave",
        "consider",
        "call",
        "get",
        "render",
        "turn",
        "paint",
        "declare",
        "prove",
    }
)
# Members WordNet links through a rare sense, which a learner knows as other words (teacher's
# reading, issue #17; "solvent" from the train articles): "liver" (the organ) and "livery" are no
# family of "live", "significant" none of "sign".
_NOT_FAMILY = {
    "live": frozenset({"liver", "livery"}),
    "sign": frozenset({"significant", "significantly", "signify", "significance"}),
    "like": frozenset({"likely"}),
    "form": frozenset({"formal", "formally"}),
    "solve": frozenset({"solvent"}),
}


def family_members(lexicon: Lexicon, lemma: str, upos: str, cap: int) -> dict[str, str]:
    """One member per other part of speech (the most frequent), by UPOS; at most level ``cap``."""
    best: dict[str, tuple[float, str]] = {}
    members = [
        (m.lemma, _WN_UPOS.get(m.pos.split()[0].lower().rstrip(","), "")) for m in lexicon.family(lemma)
    ]
    adjectives = [w for w, p in members if p == "ADJ"] + ([lemma] if upos == "ADJ" else [])
    members += [(w, "ADV") for w in _adverbs(lexicon, adjectives)]
    unrelated = _NOT_FAMILY.get(lemma, frozenset())
    for word, pos in members:
        if not pos or pos == upos or word in unrelated or not plausible(word, lemma, pos):
            continue  # also drops other words' forms: "deciding" is the verb's -ing form
        if getLemma(word, upos=pos)[:1] != (word,):
            continue  # an inflected form, not a member's base form
        zipf = float(zipf_frequency(word, "en"))
        rank = word_level(word, pos)
        if zipf < MIN_ZIPF or rank is None or rank > cap:
            continue
        if pos not in best or zipf > best[pos][0]:
            best[pos] = (zipf, word)
    return {pos: word for pos, (_, word) in best.items()}


def _adverbs(lexicon: Lexicon, adjectives: list[str]) -> list[str]:
    """The -ly adverbs of the adjectives (WordNet links adverbs to adjectives as pertainyms, not as
    derivations): decisive -> decisively, easy -> easily, simple -> simply, basic -> basically."""
    found = []
    for adj in adjectives:
        for form in (adj + "ly", adj[:-1] + "ily", adj[:-2] + "ly", adj + "ally"):
            if (adj.endswith("y") or not form.endswith("ily")) and lexicon.base_forms(form, "ADV"):
                found.append(form)
                break
    return found


def word_family_item(lexicon: Lexicon, token: Token, lemma: str, level: str) -> ExerciseItem | None:
    pos = slot_pos(lexicon, token)
    if pos is None or token.tag_ not in _SLOT_TAGS[pos] or not _clear_verb_slot(token, pos):
        return None
    if token.dep_ in ("compound", "conj") or (pos == "ADV" and not token.lower_.endswith("ly")):
        return None
    if token.i > token.sent.start and token.text[:1].isupper():
        return None  # "the Massachusetts Institute of Technology": part of a name, no lower-case key
    reason = slot_reason(token, pos)
    if reason is None:
        return None
    members = family_members(lexicon, lemma, pos, min(level_rank(level) + 1, 5))
    members = {p: w for p, w in members.items() if p not in _ALSO_FITS[pos]}
    if pos == "NOUN" and _complement_slot(token):
        members.pop("ADJ", None)
    # A member that is also a word of the slot's part of speech fits the gap too: "the form of
    # false memories" beside "the formation of".
    members = {p: w for p, w in members.items() if pos not in getAllLemmas(w)}
    if pos == "ADV":
        members.pop("ADJ", None)  # "acted decisive" is heard; leave adjective vs adverb to the teacher
    if len(members) < 2:
        return None
    key = token.text if token.i == token.sent.start else token.lower_
    options = sorted([key, *(_cased(w, token) for w in members.values())], key=str.lower)
    family = ", ".join(sorted({lemma, *members.values()}))
    return ExerciseItem(
        kind=ExerciseKind.WORD_FAMILY,
        prompt=f"Choose the word from the family of \u2018{lemma}\u2019 that fits the gap.",
        gapped=gapped(token.sent, token.i),
        options=tuple(options),
        answer=key,
        accepted=(key,),
        explanation=(
            f"The gap needs {_a(POS_NAMES[pos])} {POS_NAMES[pos]}: {reason}. "
            f"\u2018{key}\u2019 is the {POS_NAMES[pos]} of this family ({family})."
        ),
        source_sentence=token.sent.text.strip(),
        word=lemma,
    )


def _clear_verb_slot(token: Token, pos: str) -> bool:
    """A verb with a subject and no passive or "be" before it; a participle only after "have"."""
    if pos != "VERB":
        return True
    aux = [c for c in token.children if c.dep_ in ("aux", "aux:pass") and c.i < token.i]
    if any(a.dep_ == "aux:pass" or a.lemma_ == "be" for a in aux):
        return False
    if token.tag_ == "VBN":
        return bool(aux) and aux[-1].lemma_ == "have"
    return bool(aux) or any(c.dep_ == "nsubj" for c in token.children)


def _complement_slot(token: Token) -> bool:
    """A noun ending the object of a verb like "make" after another noun: "made football _____"
    takes "historical" as well as "history"."""
    verb, before = token.head, token.doc[token.i - 1]
    return (
        token.dep_ == "obj"
        and verb.lemma_.lower() in _COMPLEMENT_VERBS
        and before.pos_ in ("NOUN", "PROPN", "PRON")
    )


def _cased(word: str, token: Token) -> str:
    return word[:1].upper() + word[1:] if token.i == token.sent.start else word


def _a(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"
