"""Word forms: type the saved word in the form its gap needs, the key from the original sentence.

The form asked for must follow from the sentence or the instruction, so that one answer is right:
verbs name the tense or form wanted ("past simple"), since a sentence rarely rules out every other
tense; nouns are asked only where a number word makes the plural necessary ("many", "three",
"300", "one of the") or a determiner the singular ("a", "this"), or where a countable noun stands
with no determiner at all, which only its plural can (:mod:`.bare_plural`); the base form of a verb only after
a modal, "do" or "to" (:mod:`.number_cues`); comparatives only before "than", superlatives only
after "the"; the "-ly" adverb of an adjective and "more/most X" where the slot decides
(:mod:`.modifier_forms`). Every spelling lemminflect knows for that form is accepted ("learned" /
"learnt"), and "more X" beside "Xer" for longer adjectives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getAllLemmas, getInflection
from wordfreq import zipf_frequency

from vocabsphere.core.levels import GRAMMAR_POINTS
from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.lexicon.substitutes import past_tag

from .bare_plural import bare_plural_reason
from .model import ExerciseItem, ExerciseKind, PatternRef
from .modifier_forms import modifier_form_item, syllables
from .number_cues import base_form_reason, plural_reason, singular_reason
from .slots import gapped, slot_pos
from .verb_number import coordinated, plural_by_verb, singular_by_verb, there_be

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["gerund_after_be", "noun_number_reason", "spellings", "word_form_item"]

MIN_FORM_ZIPF = 2.5  # a spelling rarer than this is not accepted as a variant ("learnt" passes)
_PLURAL_CUES = frozenset(
    [
        "many",
        "several",
        "these",
        "those",
        "few",
        "both",
        "various",
        "numerous",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "thousand",
        "million",
        "billion",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
    ]
)


def _forms(lemma: str, tag: str, key: str) -> tuple[str, ...]:
    """The key and the other spellings of its form; never the base form ("services" / "service")."""
    found = [key.lower()]
    for form in getInflection(lemma, tag=tag):
        low = form.lower()
        frequent = zipf_frequency(low, "en") >= MIN_FORM_ZIPF
        if low not in found and low != lemma.lower() and frequent and _spelling_of(low, found[0]):
            found.append(low)
    return tuple(found)


def _spelling_of(form: str, key: str) -> bool:
    """Another spelling of the key's form ("learnt" / "learned", "travelled" / "traveled"), not
    another verb's ("lay" is the past of "lie" on a bed, not of "lie" as in "lied about it")."""
    shared = next(
        (i for i, (a, b) in enumerate(zip(form, key, strict=False)) if a != b), min(len(form), len(key))
    )
    return shared >= max(3, min(len(form), len(key)) - 3)


def _verb_form(token: Token, lemma: str) -> tuple[str, str, str | None] | None:
    """(tag, instruction, grammar point id) for a verb slot, None where the form is left in doubt."""
    aux = [c for c in token.children if c.dep_ in ("aux", "aux:pass") and c.i < token.i]
    # A subject before the verb, and no "which": "say which deceased person" is no past simple.
    has_subject = any(c.dep_ == "nsubj" and c.i < token.i and c.tag_ != "WDT" for c in token.children)
    if token.tag_ == "VBD" and not aux and has_subject and past_tag(token, lemma) == "VBD":
        return "VBD", "past simple", "past_simple"
    if token.tag_ == "VBZ" and not aux and has_subject:
        return "VBZ", "present simple", "present_simple"
    if token.tag_ == "VBP" and not aux and _plural_subject(token) is not None:
        return "VBP", "present simple", "present_simple"  # "ants taste": no -s after a plural subject
    if token.tag_ == "VBN" and aux and past_tag(token, lemma) == "VBN":
        if aux[-1].dep_ == "aux:pass" and aux[-1].lemma_.lower() == "get":
            return "VBN", "past participle", None  # "gets vilified": the be-passive's rule does not hold
        if aux[-1].dep_ == "aux:pass":
            agent = any(c.dep_ == "obl:agent" for c in token.children)
            if not agent and "ADJ" in getAllLemmas(token.lower_):
                return None  # "reaction was mixed": an adjective as much as a passive
            return "VBN", "past participle", "passive_with_agent" if agent else "passive_no_agent"
        if aux[-1].lemma_ == "have" and any(a.tag_ == "MD" for a in aux):
            return None  # "would have covered" is no present perfect
        if aux[-1].lemma_ == "have" and aux[-1].tag_ in ("VB", "VBG"):
            return "VBN", "past participle", None  # "thought to have broken", "having won": no tense
        if aux[-1].lemma_ == "have":
            point = "past_perfect" if aux[-1].lower_ == "had" else "present_perfect"
            return "VBN", "past participle", point
    if token.tag_ == "VBG" and aux and aux[-1].lemma_ == "be":
        if gerund_after_be(token):
            return None  # "Part of the solution is planning for ...": a gerund, not a continuous tense
        point = "past_continuous" if aux[-1].lower_ in ("was", "were") else "present_continuous"
        return "VBG", "-ing form", point
    if token.tag_ == "VBG" and not aux and _after_preposition(token) is not None:
        return "VBG", "-ing form", None
    if token.tag_ == "VB" and base_form_reason(token) is not None:
        return "VB", "", None  # "can _____", "did not _____", "to _____": the base form
    return None


_PLURAL_PRONOUNS = frozenset({"we", "they", "you", "i"})  # subjects that take the verb without -s


def _plural_subject(verb: Token) -> Token | None:
    """The verb's subject right before it when it is a plural noun or a pronoun that takes the
    verb without -s ("ants taste", "they live"); not "who" or "which", whose number is another word's."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or coordinated(subject, verb):
        return None  # "Tom and Mary" is plural though each noun is singular: leave it
    if subject.tag_ in ("NNS", "NNPS") or (subject.tag_ == "PRP" and subject.lower_ in _PLURAL_PRONOUNS):
        return subject
    return None


# Determiners after which a noun is singular ("a rival", "every prisoner").
_SINGULAR_CUES = frozenset({"a", "an", "each", "every", "another", "this", "that"})


def _singular_cue(token: Token) -> Token | None:
    """A singular determiner of the noun with only adjectives, adverbs or nouns between."""
    det = next((c for c in token.children if c.dep_ == "det" and c.i < token.i), None)
    if det is None or det.lower_ not in _SINGULAR_CUES:
        return None
    between = token.doc[det.i + 1 : token.i]
    if not all(t.pos_ in ("ADJ", "ADV", "NOUN") and t.is_alpha for t in between):
        return None
    doc = token.doc
    listed = (
        token.i + 2 < len(doc)
        and doc[token.i + 1].lower_ in (",", "and", "or")
        and doc[token.i + 2].pos_ == "ADJ"
    )
    if listed and "ADJ" in getAllLemmas(token.lower_):
        return None  # "on a grey, cold, windy Monday": an adjective of a list, taken for the noun
    return det


# Nouns whose "is + -ing" more often names what they are than what they are doing ("The aim is
# finding ...", "Part of the solution is planning ..."); such items are left out, never reworded.
_COMPLEMENT_NOUNS = frozenset(
    {"part", "aim", "goal", "solution", "answer", "idea", "key", "task", "job", "purpose", "point", "trick"}
)


def gerund_after_be(token: Token) -> bool:
    """An -ing word after 'be' that may name what its subject is ("Part of the solution is planning
    ..."), not what it is doing; true also when the -ing word has no subject: the parse then lost
    what "is" links it to."""
    if token.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
    return subject is None or subject.lemma_.lower() in _COMPLEMENT_NOUNS


def _after_preposition(token: Token) -> Token | None:
    """ "without asking", "by using": a verb right after a preposition takes -ing."""
    mark = next((c for c in token.children if c.dep_ in ("mark", "case") and c.i == token.i - 1), None)
    return mark if mark is not None and mark.pos_ == "ADP" and mark.lower_ != "to" else None


# Forms equal to the dictionary form that are still a choice the sentence decides: the verb
# without -s after a plural subject, the singular noun after "a" or "every".
_BASE_FORM_CHOICES = frozenset({"VBP", "NN", "VB"})


def _other_form(token: Token) -> tuple[str, str, str | None] | None:
    if token.tag_ == "NNS" and (
        any(c.lower_ in _PLURAL_CUES for c in token.children if c.i < token.i)
        or plural_by_verb(token)
        or there_be(token, plural=True)
        or plural_reason(token)
    ):
        return "NNS", "", None
    if token.tag_ == "NN" and (
        _singular_cue(token) is not None
        or singular_reason(token)
        or singular_by_verb(token)
        or there_be(token, plural=False)
    ):
        return "NN", "", None  # "a rival", "the price has risen": the singular, not "rivals"
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if (
        token.tag_ == "JJR"
        and nxt is not None
        and nxt.lower_ == "than"
        and not token.lower_.startswith("more")
    ):
        return "JJR", "comparative", "comparative_er"
    before = token.doc[token.i - 1] if token.i > 0 else None
    if token.tag_ == "JJS" and before is not None and before.lower_ == "the":
        return "JJS", "superlative", "superlative_est"
    return None


def word_form_item(lexicon: Lexicon, token: Token, lemma: str) -> ExerciseItem | None:
    pos = slot_pos(lexicon, token)
    if pos is None:
        return None
    wanted = (
        _verb_form(token, lemma) if pos == "VERB" else _other_form(token) if pos in ("NOUN", "ADJ") else None
    )
    bare = bare_plural_reason(lexicon, token, lemma) if wanted is None and pos == "NOUN" else None
    if bare is not None:
        wanted = ("NNS", "", None)  # "live in _____": a singular countable noun needs "a" or "the"
    if wanted is None:
        return modifier_form_item(lexicon, token, lemma, pos)  # "-ly" adverbs, "more ... than"
    tag, instruction, point = wanted
    if token.lower_ == lemma.lower() and tag not in _BASE_FORM_CHOICES:
        return None  # the base form is an exercise only where the sentence rules out the -s form
    if token.lower_ not in {f.lower() for f in getInflection(lemma, tag=tag)}:
        return None  # the sentence's form is not the regular one lemminflect knows: no key to trust
    accepted = _forms(lemma, tag, token.lower_)
    if tag in ("JJR", "JJS") and syllables(lemma) >= 2:
        accepted += (f"{'more' if tag == 'JJR' else 'most'} {lemma}",)
    what = f"the {instruction} of" if instruction else "the right form of"
    grammar = GRAMMAR_POINTS.get(point) if point else None
    passive_get = next((c.lower_ for c in token.children if c.dep_ == "aux:pass"), None)
    if grammar is None and tag == "VBN" and passive_get is not None:
        reason = (
            f"After ‘{passive_get}’ this passive takes the past participle: "
            f"‘{passive_get} {token.lower_}’ (get + past participle)."
        )
    elif grammar is None and tag == "VBN":  # "to have _____", "having _____": a perfect with no tense
        have = next(c.lower_ for c in token.children if c.dep_ == "aux" and c.lemma_ == "have")
        reason = f"After ‘{have}’ a verb takes its past participle: ‘{have} {token.lower_}’."
    elif grammar is None:
        reason = (
            bare or _noun_reason(token)
            if pos == "NOUN"
            else base_form_reason(token) or ""
            if tag == "VB"
            else _ing_reason(token)
        )
    else:
        aux = [c.i for c in token.children if c.dep_ in ("aux", "aux:pass") and c.i < token.i]
        group = token.doc[min([*aux, token.i]) : token.i + 1]
        # without a quotation mark inside the group ('had \u201cvanished' for 'had \u201cvanished\u201d')
        phrase = "".join(t.text_with_ws for t in group if not t.is_punct).strip().lower()
        reason = (
            f"The {instruction} of \u2018{lemma}\u2019 is \u2018{token.lower_}\u2019. "
            + grammar.explanation.format(text=phrase)
        )
        subject = _plural_subject(token) if tag == "VBP" else None
        if subject is not None:
            said = subject.text if subject.text == "I" or subject.tag_ == "NNPS" else subject.lower_
            reason = (
                f"The subject \u2018{said}\u2019 takes the verb without -s: "
                f"\u2018{said} {token.lower_}\u2019. " + grammar.explanation.format(text=phrase)
            )
    also = f" Also right: {', '.join(accepted[1:])}." if len(accepted) > 1 else ""
    return ExerciseItem(
        kind=ExerciseKind.WORD_FORM,
        prompt=f"Write {what} \u2018{lemma}\u2019 in the gap.",
        gapped=gapped(token.sent, token.i),
        answer=token.lower_,
        accepted=accepted,
        explanation=f"{reason}{also}",
        grammar_point=PatternRef(grammar.id, grammar.level) if grammar else None,
        source_sentence=token.sent.text.strip(),
        word=lemma,
    )


def _noun_reason(token: Token) -> str:
    if token.tag_ == "NN":
        det = _singular_cue(token)
        there = there_be(token, plural=False) if det is None else None
        if there is not None:
            return f"After \u2018there {there.lower_}\u2019 the noun is singular: \u2018{token.lower_}\u2019."
        verb = singular_by_verb(token) if det is None else None
        if verb is not None and not singular_reason(token):
            return (
                f"The verb \u2018{verb.text}\u2019 is singular, so its subject is singular too: "
                f"\u2018{token.lower_}\u2019."
            )
        if det is None:
            return singular_reason(token) or ""  # "one prisoner"
        return f"After \u2018{det.text}\u2019 the noun is singular: \u2018{token.lower_}\u2019."
    cue = next((c for c in token.children if c.lower_ in _PLURAL_CUES and c.i < token.i), None)
    if cue is not None:
        return f"After \u2018{cue.text}\u2019 the noun is plural: \u2018{token.lower_}\u2019."
    there = there_be(token, plural=True)
    if there is not None:
        return f"After \u2018there {there.lower_}\u2019 the noun is plural: \u2018{token.lower_}\u2019."
    verb = plural_by_verb(token)
    if verb is None or plural_reason(token):
        return plural_reason(token) or ""  # "300 prisoners", "one of the players": the nearer cue
    return (
        f"The verb \u2018{verb.text}\u2019 is plural, so its subject is plural too: "
        f"\u2018{token.lower_}\u2019."
    )


def _ing_reason(token: Token) -> str:
    prep = _after_preposition(token)
    assert prep is not None
    return (
        f"After a preposition (\u2018{prep.text}\u2019) a verb takes the -ing form: "
        f"\u2018{token.lower_}\u2019."
    )


def noun_number_reason(token: Token, lemma: str) -> str | None:
    """Why a noun of the sentence has its number ("After 'many' the noun is plural: 'rivals'."),
    None when the sentence leaves it open; the word family's typed item asks for the same form."""
    wanted = _other_form(token)
    if wanted is None or wanted[0] not in ("NN", "NNS"):
        return None
    if token.lower_ not in {f.lower() for f in getInflection(lemma, tag=wanted[0])}:
        return None  # not the regular form lemminflect knows: no key to trust
    return _noun_reason(token) or None


def spellings(lemma: str, tag: str, key: str) -> tuple[str, ...]:
    """The key and the other frequent spellings of its form ("learned", "learnt")."""
    return _forms(lemma, tag, key)
