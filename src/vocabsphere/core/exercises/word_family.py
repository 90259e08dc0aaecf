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
from .word_formation import word_formation_item

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["family_members", "family_words", "word_family_item"]

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
    return {pos: words[0] for pos, words in family_words(lexicon, lemma, upos, cap).items() if pos != upos}


def family_words(lexicon: Lexicon, lemma: str, upos: str, cap: int) -> dict[str, list[str]]:
    """Every member a learner can know (Zipf >= 3, level <= ``cap``) by UPOS, the most frequent
    first; the word's own part of speech holds its other members ("employer" beside "employee")."""
    found: dict[str, list[tuple[float, str]]] = {}
    adjective = _adjective_of(lexicon, lemma) if upos == "ADV" else None
    roots = [lemma] if adjective is None else [lemma, adjective]
    members = [
        (m.lemma, _WN_UPOS.get(m.pos.split()[0].lower().rstrip(","), ""))
        for root in roots
        for m in lexicon.family(root)
    ] + ([(adjective, "ADJ")] if adjective else [])
    adjectives = [w for w, p in members if p == "ADJ"] + ([lemma] if upos == "ADJ" else [])
    members += [(w, "ADV") for w in _adverbs(lexicon, adjectives)]
    unrelated = _unrelated(lemma) | (_unrelated(adjective) if adjective else frozenset())
    for word, pos in dict.fromkeys(members):
        if not pos or word in unrelated or not plausible(word, lemma, pos):
            continue  # also drops other words' forms: "deciding" is the verb's -ing form
        if getLemma(word, upos=pos)[:1] != (word,):
            continue  # an inflected form, not a member's base form
        zipf = float(zipf_frequency(word, "en"))
        rank = word_level(word, pos)
        if zipf < MIN_ZIPF or rank is None or rank > cap:
            continue
        found.setdefault(pos, []).append((zipf, word))
    return {pos: [w for _, w in sorted(ws, key=lambda x: -x[0])] for pos, ws in found.items()}


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


def _unrelated(word: str) -> frozenset[str]:
    """The words :data:`_NOT_FAMILY` keeps apart from ``word``, both ways ("likely" is no member
    of "like", nor "like" of "likely")."""
    return _NOT_FAMILY.get(word, frozenset()) | {k for k, v in _NOT_FAMILY.items() if word in v}


def _adjective_of(lexicon: Lexicon, adverb: str) -> str | None:
    """The adjective of an -ly adverb (quietly -> quiet, easily -> easy, simply -> simple,
    basically -> basic), the way back of :func:`_adverbs`: WordNet links none of them as family."""
    if not adverb.endswith("ly"):
        return None
    stem = adverb[:-2]
    for form in (
        stem,
        stem[:-1] + "y" if stem.endswith("i") else "",
        stem + "le",
        stem[:-2] if stem.endswith("al") else "",
    ):
        if adverb in _unrelated(form):
            return None
        if form and lexicon.base_forms(form, "ADJ") and adverb in _adverbs(lexicon, [form]):
            return form
    return None


def word_family_item(lexicon: Lexicon, token: Token, lemma: str, level: str) -> ExerciseItem | None:
    """The choice item where the family has two other members to offer, else the typed one
    (:mod:`.word_formation`: the stem in capitals, the member the gap needs typed)."""
    pos = slot_pos(lexicon, token)
    if (
        pos is None
        or token.dep_ in ("compound", "conj")
        or (pos == "ADV" and not token.lower_.endswith("ly"))
    ):
        return None
    if token.i > token.sent.start and token.text[:1].isupper():
        return None  # "the Massachusetts Institute of Technology": part of a name, no lower-case key
    reason = slot_reason(token, pos)
    if reason is None:
        return None
    family = family_words(lexicon, lemma, pos, min(level_rank(level) + 1, 5))
    return _choice_item(token, lemma, pos, reason, family) or word_formation_item(
        token, lemma, pos, reason, family, family_words(lexicon, lemma, pos, 5), lexicon
    )


def _choice_item(
    token: Token, lemma: str, pos: str, reason: str, family: dict[str, list[str]]
) -> ExerciseItem | None:
    if token.tag_ not in _SLOT_TAGS[pos] or not _clear_verb_slot(token, pos):
        return None
    members = {p: words[0] for p, words in family.items() if p != pos and p not in _ALSO_FITS[pos]}
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
    named = ", ".join(sorted({lemma, *members.values()}))
    return ExerciseItem(
        kind=ExerciseKind.WORD_FAMILY,
        prompt=f"Choose the word from the family of \u2018{lemma}\u2019 that fits the gap.",
        gapped=gapped(token.sent, token.i),
        options=tuple(options),
        answer=key,
        accepted=(key,),
        explanation=(
            f"The gap needs {_a(POS_NAMES[pos])} {POS_NAMES[pos]}: {reason}. "
            f"\u2018{key}\u2019 is the {POS_NAMES[pos]} of this family ({named})."
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
