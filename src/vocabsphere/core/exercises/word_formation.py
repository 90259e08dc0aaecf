"""Word formation (the typed word-family item): the gap and a member of the word's family in capitals
with another part of speech ("The _____ study found ... (RECENTLY)" -> "recent"); the learner types
the family's member the gap needs, in the form it needs.

One answer must be defensible, so the item is made only where
- the slot's part of speech is decided by the sentence (the reason :func:`.slots.slot_reason` gives)
  and no member of another part of speech could stand there as well: no family noun before a noun
  ("a finance crisis" beside "a financial crisis"), no family verb (nor the key as a verb: "are
  present" beside "are presented") whose participle could follow "be" or come before a noun ("was
  decided", "a deciding goal"), no -ing form where a noun has no determiner ("without hesitating"
  beside "without hesitation");
- the key's form is decided: an adjective only where it has no one-word comparative ("it was
  warmer" fits where "warm" does); a noun's number by a cue of the sentence (:mod:`.word_forms`)
  or by having no plural ("wealth"); a verb only in its base form after a modal, "do" or "to", as a
  past participle after "have", or in -ing after a preposition with its object after it, opening
  with a determiner, pronoun, name or number ("by reducing their costs"; not "with fighting units",
  where "fighter units" fits): a tense a sentence rarely decides is never asked;
- no other member of the key's part of speech a learner may know ("employer" beside "employee",
  "economical" beside "economic");
- the word in capitals is another word, not a form of the key ("decide" is no stem of "decided").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getAllInflections, getAllLemmas, getInflection
from wordfreq import zipf_frequency

from .model import ExerciseItem, ExerciseKind
from .number_cues import base_form_reason
from .slots import POS_NAMES, gapped
from .word_forms import noun_number_reason, spellings

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["word_formation_item"]

_KEY_TAGS = {"NOUN": ("NN", "NNS"), "VERB": ("VB", "VBN", "VBG"), "ADJ": ("JJ",), "ADV": ("RB",)}
MIN_FORM_ZIPF = 3.0  # a participle or comparative rarer than this is not a word a learner would type
# Letters the stem shares with the key's beginning: a family a learner sees ("cost" / "costly"),
# not a link through an old root ("newly" / "news", "use" / "user" left out too).
MIN_SHARED = 4
_DETERMINER_DEPS = frozenset({"det", "nmod:poss"})
_LINKING = frozenset({"be", "become", "remain", "stay", "seem", "appear", "look", "feel", "sound", "get"})


def word_formation_item(
    token: Token,
    lemma: str,
    pos: str,
    reason: str,
    family: dict[str, list[str]],
    wider: dict[str, list[str]] | None = None,
) -> ExerciseItem | None:
    """The typed item for ``token`` (the learner's word ``lemma``, the slot's ``pos`` and its
    ``reason``), ``family`` the members a learner can know by part of speech; None where the
    gap would take more than one answer. The stem may come from ``wider`` (the family at any
    level): it is only read, and the answer is the learner's own word ("cruel" from CRUELTY)."""
    if token.tag_ not in _KEY_TAGS[pos] or family.get(pos):
        return None  # another member of the key's part of speech may fit: "employer" / "employee"
    form = _form_reason(token, lemma, pos)
    if pos in ("ADJ", "NOUN") and "VERB" in getAllLemmas(lemma):
        family = _with(family, "VERB", lemma)  # "are present" beside "are presented"
    key = token.lower_
    if form is None or any(t.i != token.i and t.lower_ == key for t in token.sent):
        return None  # the form left open, or the sentence says the key again (the answer given)
    stem = next(
        (
            stem
            for stem, stem_pos in _stems_by_frequency(key, lemma, pos, wider or family)
            if _only_this_part_of_speech(token, pos, _with(family, stem_pos, stem))
        ),
        None,
    )
    if stem is None:
        return None
    # named as the family only where a learner sees it: not "drift" (WordNet's link through "drive")
    known = [w for words in family.values() for w in words if _looks_related(w, lemma)]
    members = sorted({lemma, stem, *known})
    name = POS_NAMES[pos]
    accepted = _accepted(lemma, token.tag_, key)
    also = f" Also right: {', '.join(accepted[1:])}." if len(accepted) > 1 else ""
    explanation = (
        f"The gap needs {_a(name)} {name}: {reason}. \u2018{lemma}\u2019 is the {name} of the family of "
        f"\u2018{stem}\u2019 ({', '.join(members)}).{' ' + form if form else ''}{also}"
    )
    return ExerciseItem(
        kind=ExerciseKind.WORD_FAMILY,
        prompt=f"Write the word from the family of {stem.upper()} that fits the gap.",
        gapped=gapped(token.sent, token.i),
        answer=key if token.i > token.sent.start else token.text,
        accepted=accepted,
        explanation=explanation,
        source_sentence=token.sent.text.strip(),
        word=lemma,
    )


def _accepted(lemma: str, tag: str, key: str) -> tuple[str, ...]:
    """The key and its other spellings; a participle that is also the past tense takes the past
    tense's ("has learned" / "has learnt": lemminflect lists "learnt" only as a past tense)."""
    found = spellings(lemma, tag, key)
    if tag == "VBN" and key in getInflection(lemma, tag="VBD"):
        found += tuple(s for s in spellings(lemma, "VBD", key) if s not in found)
    return found


def _form_reason(token: Token, lemma: str, pos: str) -> str | None:
    """Why the key has its form ("" for adjectives and adverbs, which have one), None when the
    sentence leaves the form open."""
    if pos == "ADJ" and any(
        zipf_frequency(f, "en") >= MIN_FORM_ZIPF for f in getInflection(lemma, tag="JJR")
    ):
        return None  # "it was warmer", "a few quicker exercises": the comparative fits as well
    if pos in ("ADJ", "ADV"):
        return "" if token.lower_ == lemma else None
    if pos == "VERB" and token.tag_ == "VB":
        return base_form_reason(token)
    if pos == "VERB" and token.tag_ == "VBG":
        return _ing_reason(token)
    if pos == "VERB":
        return _participle_reason(token, lemma)
    said = noun_number_reason(token, lemma)
    if said is None and token.tag_ == "NN" and token.lower_ == lemma and _no_plural(lemma):
        return f"\u2018{lemma}\u2019 has no plural."
    return said


def _participle_reason(token: Token, lemma: str) -> str | None:
    """ "have _____": the past participle, after "have" right before it (adverbs between), no modal."""
    aux = [c for c in token.children if c.dep_ in ("aux", "aux:pass") and c.i < token.i]
    if (
        not aux
        or aux[-1].lemma_.lower() != "have"
        or aux[-1].dep_ != "aux"
        or any(a.tag_ == "MD" for a in aux)
    ):
        return None
    if any(t.pos_ != "ADV" for t in token.doc[aux[-1].i + 1 : token.i]):
        return None  # "Have the children ___ ...?": the subject between
    if token.lower_ not in {f.lower() for f in getInflection(lemma, tag="VBN")}:
        return None  # an irregular form lemminflect does not know: no key to trust
    return f"After \u2018{aux[-1].text}\u2019 the verb takes its past participle: \u2018{token.lower_}\u2019."


def _ing_reason(token: Token) -> str | None:
    """ "by _____ costs": the -ing form right after a preposition (not "to"), with an object after
    it, where no noun of the family can stand ("by reduction costs")."""
    mark = next((c for c in token.children if c.dep_ in ("mark", "case") and c.i == token.i - 1), None)
    if mark is None or mark.tag_ != "IN" or mark.lower_ in ("to", "that", "if", "whether"):
        return None
    if any(c.dep_ in ("aux", "aux:pass") for c in token.children):
        return None
    if not any(c.dep_ == "obj" and c.i > token.i for c in token.children):
        return None  # "without asking" beside "without a question": a noun could stand there
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is None or after.pos_ not in ("DET", "PRON", "PROPN", "NUM"):
        return None  # "involved with fighting units": "fighter units" too (a noun before a noun)
    said = f"\u2018{token.lower_}\u2019"
    return f"After a preposition (\u2018{mark.text}\u2019) a verb takes the -ing form: {said}."


def _no_plural(lemma: str) -> bool:
    """A noun lemminflect knows only in the singular ("wealth", "research")."""
    return getInflection(lemma, tag="NNS") == (lemma,) and "NOUN" in getAllLemmas(lemma)


def _only_this_part_of_speech(token: Token, pos: str, family: dict[str, list[str]]) -> bool:
    """No member of another part of speech fits the slot as well (see the module's list)."""
    verbs = family.get("VERB", [])
    if pos == "ADJ":
        before_noun = token.dep_ == "amod" and token.head.i > token.i
        if before_noun and family.get("NOUN"):
            return False  # "a finance crisis": a noun before a noun
        if _plural_noun_fits(token):
            return False  # "they are racist" beside "they are racists"
        return not any(_participles(v) for v in verbs)  # "was decided", "a deciding goal"
    if pos == "NOUN":
        determiner = any(c.dep_ in _DETERMINER_DEPS and c.i < token.i for c in token.children)
        after_linking = token.head.lemma_.lower() in _LINKING or any(c.dep_ == "cop" for c in token.children)
        if family.get("ADJ") and after_linking and not determiner:
            return False  # "The plan was success" beside "was successful"
        return determiner or not verbs  # "without hesitation" beside "without hesitating"
    if pos == "ADV":
        return True  # an adjective for an adverb ("acted decisive") is the mistake practised
    return True  # verbs: only after a modal, "do", "to" or "have", where no other part of speech stands


_SINGULAR_BE = frozenset({"is", "was", "am", "'s", "\u2019s", "'m", "\u2019m"})
PLURAL_NOUN_ZIPF = 2.5  # a plural a reader meets ("racists", "natives"), not lemminflect's "temporaries"


def _plural_noun_fits(token: Token) -> bool:
    """An adjective after a plural (or unknown) "be" that is also a noun in common use: the noun's
    plural fits the gap as well ("They are _____": racist / racists)."""
    cop = next((c for c in token.children if c.dep_ == "cop"), None)
    if cop is None or cop.lower_ in _SINGULAR_BE:
        return False
    plural = getInflection(token.lower_, tag="NNS")
    return bool(plural) and plural[0] != token.lower_ and zipf_frequency(plural[0], "en") >= PLURAL_NOUN_ZIPF


def _participles(verb: str) -> list[str]:
    """The verb's -ing and past participle forms a learner would write."""
    forms = {f for tag in ("VBG", "VBN") for f in getInflection(verb, tag=tag)}
    return sorted(f for f in forms if zipf_frequency(f, "en") >= MIN_FORM_ZIPF)


def _stems_by_frequency(
    key: str, lemma: str, pos: str, family: dict[str, list[str]]
) -> list[tuple[str, str]]:
    """The members that may be shown in capitals, the most frequent first, with their part of
    speech: of another part of speech, sharing the key's beginning (a learner sees the family),
    no form of the key and not able to fill the slot themselves (then the learner would copy)."""
    forms = {f.lower() for fs in getAllInflections(lemma).values() for f in fs} | {lemma, key}
    candidates = []
    for other, words in family.items():
        if other == pos:
            continue
        for word in words:
            lemmas = getAllLemmas(word)
            if word in forms or lemma in {x for xs in lemmas.values() for x in xs} or pos in lemmas:
                continue
            if _looks_related(word, lemma):
                candidates.append((word, other))
    return sorted(candidates, key=lambda c: -zipf_frequency(c[0], "en"))


def _with(family: dict[str, list[str]], pos: str, word: str) -> dict[str, list[str]]:
    """The family with ``word`` among the members of ``pos``."""
    words = family.get(pos, [])
    return family if word in words else {**family, pos: [*words, word]}


def _looks_related(word: str, lemma: str) -> bool:
    return max(_shared_start(a, b) for a in _stems(word) for b in _stems(lemma)) >= MIN_SHARED


def _shared_start(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _stems(word: str) -> tuple[str, ...]:
    """The word, and with a final "y" as "i" ("easy" is the "easi-" of "easily")."""
    return (word, word[:-1] + "i") if word.endswith("y") else (word,)


def _a(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"
