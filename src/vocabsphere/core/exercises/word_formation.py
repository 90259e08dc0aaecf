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

from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.lexicon.substitutes import taboo_sense

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
    lexicon: Lexicon | None = None,
) -> ExerciseItem | None:
    """The typed item for ``token`` (the learner's word ``lemma``, the slot's ``pos`` and its
    ``reason``), ``family`` the members a learner can know by part of speech; None where the
    gap would take more than one answer. The stem may come from ``wider`` (the family at any
    level): it is only read, and the answer is the learner's own word ("cruel" from CRUELTY). With
    the ``lexicon``, a noun whose number the sentence leaves open is asked too, both numbers
    accepted (:func:`_open_number`)."""
    if token.tag_ not in _KEY_TAGS[pos] or family.get(pos):
        return None  # another member of the key's part of speech may fit: "employer" / "employee"
    form = _form_reason(token, lemma, pos)
    other = (
        _open_number(lexicon, token, lemma)
        if lexicon is not None and pos == "NOUN" and form is None
        else None
    )
    if other is not None:
        form = "Nothing in the sentence decides the noun's number."  # both forms are accepted
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
            and not (lexicon is not None and _taboo_stem(lexicon, stem, stem_pos))
        ),
        None,
    )
    if stem is None:
        return None
    if (
        other is not None
        and lexicon is not None
        and not _open_stem_holds(lexicon, stem, lemma, family, wider or family)
    ):
        return None
    # named as the family only where a learner sees it: not "drift" (WordNet's link through "drive")
    known = [w for words in family.values() for w in words if _looks_related(w, lemma)]
    members = sorted({lemma, stem, *known})
    name = POS_NAMES[pos]
    accepted = _accepted(lemma, token.tag_, key) + ((other,) if other is not None else ())
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


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split(" "))


# The words before a noun whose number they leave open ("the", "their", "Obama's"); every other
# determiner decides it or is refused ("a", "this", "each", "some", "no").
_OPEN_DETERMINERS = frozenset({"the", "my", "your", "his", "her", "its", "our", "their"})
# Roles in which nothing outside the noun's phrase agrees with its number: a verb's object, a noun
# after a preposition (not a subject, a complement of "be", a list member, an apposition).
_OPEN_ROLES = frozenset({"obj", "obl", "nmod"})
# Modifiers and quantities that decide the number ("the many operations", "one of the operations",
# "between the operations"), and verbs whose object is two or more things ("compare the ...").
_NUMBER_WORDS = _set(
    "many few several various numerous multiple countless single sole whole entire one each either "
    "neither none some any most all both half number majority minority couple sum total collection "
    "range series variety group set pair list dozen dozens hundreds thousands millions"
)
_PLURAL_PREPOSITIONS = frozenset({"between", "among", "amongst"})
_PLURAL_OBJECT_VERBS = _set(
    "compare combine mix join unite link connect separate merge swap exchange distinguish"
)
# Words later in the sentence that may point back to the noun in its number ("made the announcement
# because it ...": "announcements ... it" would not agree); "this", "that", "these", "those" only as
# pronouns ("that" is mostly a conjunction).
_POINTING_BACK = {"NN": _set("it its itself one"), "NNS": _set("they them their theirs themselves ones")}
_POINTING_PRONOUNS = {"NN": _set("this that"), "NNS": _set("these those")}
# Later words that need two or more of the noun ("each other", "both"; "the teams respectively").
_TOGETHER = _set("each both another respectively")
# Plurals whose singular is another word or none (WordNet lists most of them as lemmas of their own).
_OWN_PLURALS = _set(
    "goods trousers clothes jeans pants shorts scissors glasses savings earnings arms thanks "
    "congratulations belongings surroundings remains means news premises headquarters manners "
    "customs spirits looks outskirts riches quarters"
)
COMMON_NOUN_ZIPF = 3.0  # another noun of the family a learner may think of ("prosecution", "demonstrator")
MIN_OPEN_STEM_ZIPF = 3.2  # "MAYORAL" for "mayor", not "PLANAR" (3.1) for the aeroplane
MIN_PLURAL_ZIPF = 2.5  # a plural in use ("pavements"), not lemminflect's regular guess


_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_PAST_AUXILIARIES = frozenset({"did", "had"})  # "had" of the past perfect: "the plans had failed"


def _taboo_stem(lexicon: Lexicon, stem: str, pos: str) -> bool:
    """A word in capitals with a sexual or abusive sense in the part of speech it is shown as
    ("HORNY" for "horn"): never shown ("SAFE" stays: only the noun has such a sense)."""
    return any(taboo_sense(s) for s in lexicon.entries(stem, pos).senses)


def _open_stem_holds(
    lexicon: Lexicon, stem: str, lemma: str, family: dict[str, list[str]], wider: dict[str, list[str]]
) -> bool:
    """For the item whose number is open (teacher's reading of the train items): the word in
    capitals is one the learner may know (not "PLANAR" for "plane", another sense), and no other
    member of the family is also a noun that would fill the gap ("changed my ideal" beside
    "changed my idea", from IDEALLY), nor a common noun of the family at any level, the key's or
    the stem's ("demonstrator" beside "demonstration", both linked to DEMONSTRATE)."""
    if not any(stem in ws for ws in family.values()) or zipf_frequency(stem, "en") < MIN_OPEN_STEM_ZIPF:
        return False  # a member above the learner's level + 1, or a rare one
    nouns = [
        *wider.get("NOUN", []),
        *(m.lemma for m in lexicon.family(stem) if m.pos.lower().startswith("noun")),
    ]
    if any(w != lemma and _noun_zipf(w) >= COMMON_NOUN_ZIPF for w in nouns):
        return False  # "The _____ will decide (PROSECUTE)": "prosecution" as well as "prosecutor"
    words = {stem, *(w for p, ws in family.items() if p != "NOUN" for w in ws)} - {lemma}
    return not any("NOUN" in getAllLemmas(w) and zipf_frequency(w, "en") >= MIN_FORM_ZIPF for w in words)


def _noun_zipf(noun: str) -> float:
    """How common a noun is in either number ("demonstrators" is met more than "demonstrator")."""
    return max(float(zipf_frequency(f, "en")) for f in (noun, *getInflection(noun, tag="NNS")))


def _agrees_with_neither(verb: Token) -> bool:
    """The subject's verb has one form for both numbers: a past tense other than "was"/"were"
    ("the plan failed"), or a group opening with a modal, "did" or "had" ("the plans will fail");
    no other verb joined to it ("failed and is ...")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in _LINKING:
        return False
    if any(c.dep_ in ("conj", "obj:pred") or (c.dep_ == "xcomp" and c.pos_ == "NOUN") for c in verb.children):
        return False
    auxiliaries = sorted(
        (c for c in verb.children if c.dep_ in ("aux", "aux:pass") and c.i < verb.i), key=lambda t: t.i
    )
    if not auxiliaries:
        return verb.tag_ == "VBD"
    first = auxiliaries[0]
    return first.tag_ == "MD" or first.lower_ in _PAST_AUXILIARIES


def _open_number(lexicon: Lexicon, token: Token, lemma: str) -> str | None:
    """The other number of a noun whose number nothing in the sentence decides ("He made the
    _____ (DISASTROUS)": disaster, disasters), to be accepted beside the key; None when the
    sentence may decide it or the noun may have no plural (lemminflect lists "pavement" and
    "advice" among their own plurals: "advices" is no English)."""
    if token.i == token.sent.start:
        return None
    if token.dep_ not in _OPEN_ROLES and not (token.dep_ in _SUBJECTS and _agrees_with_neither(token.head)):
        return None
    if (
        token.head.lemma_.lower() in _LINKING | _PLURAL_OBJECT_VERBS
        or token.head.lemma_.lower() in _NUMBER_WORDS
    ):
        return None
    if token.head.pos_ in ("NUM", "PRON", "DET"):
        return None  # "one of the operations", "some of their operations"
    before = [c for c in token.children if c.i < token.i]
    shown = [c for c in before if c.dep_ in _DETERMINER_DEPS]
    if len(shown) != 1:
        return None
    det = shown[0]
    if det.dep_ == "det" and det.lower_ not in _OPEN_DETERMINERS:
        return None
    if det.dep_ == "nmod:poss" and det.pos_ == "PRON" and det.lower_ not in _OPEN_DETERMINERS:
        return None
    for child in token.children:
        if child.dep_ in ("nummod", "conj", "appos", "acl", "acl:relcl", "cop", "det:predet"):
            return None
        if child.lower_ in _NUMBER_WORDS or child.lower_ in _PLURAL_PREPOSITIONS or child.lower_ == "as":
            return None  # "remembered as the greatest prime minister": "as" names what "she" is
    if any(c.dep_ in ("obj:pred", "xcomp") and c.pos_ == "NOUN" for c in token.head.children):
        return None  # "called the plans lies": a noun saying what the object is agrees with it
    later = token.doc[token.i + 1 : token.sent.end]
    if later and (later[0].lower_ in _NUMBER_WORDS or any(t.lower_ in _TOGETHER for t in later)):
        return None  # "the teams all agreed", "hugged each other": the plural only
    if token.tag_ in _POINTING_BACK and any(
        t.lower_ in _POINTING_BACK[token.tag_]
        or (t.pos_ == "PRON" and t.lower_ in _POINTING_PRONOUNS[token.tag_])
        for t in token.doc[token.i + 1 : token.sent.end]
    ):
        return None
    if token.tag_ == "NNS":
        if any(c.dep_ in ("obj", "iobj") and c.tag_ == "NNS" and c.i != token.i for c in token.head.children):
            return None  # "the families will be found permanent homes": one family, one home
        singular = getInflection(lemma, tag="NN")
        if token.lower_ in _OWN_PLURALS or token.lower_ not in getInflection(lemma, tag="NNS"):
            return None
        if not singular or singular[0] == token.lower_ or zipf_frequency(singular[0], "en") < MIN_FORM_ZIPF:
            return None
        if any(base == token.lower_ for base, _ in lexicon.base_forms(token.lower_, "NOUN")):
            return None  # a plural with a meaning of its own ("savings", "arms", "operations")
        return str(singular[0])
    plural = getInflection(lemma, tag="NNS")
    if token.tag_ != "NN" or token.lower_ != lemma or len(plural) != 1 or plural[0] == lemma:
        return None
    return str(plural[0]) if zipf_frequency(plural[0], "en") >= MIN_PLURAL_ZIPF else None


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
