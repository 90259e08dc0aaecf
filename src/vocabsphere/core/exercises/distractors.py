"""Cloze distractors: words of the key's part of speech and form, of similar level and frequency,
that do NOT fit the sentence.

A candidate is refused when it is related to the key in WordNet (a synonym or hypernym of any of
the key's senses, the key in its own synonyms or hypernyms, or a sister word under the same
hypernym: "tea" for "coffee"), from the key's word family, or when the shared sense ranking finds
its senses supported by the sentence's own words (it would make sense there). Surface cues are
removed: the same inflection as the key (same tag and capital, via the substitution step's
:func:`inflect_like`), the same "a"/"an" when an article stands before the gap, and a length within
three letters of the key's.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from lemminflect import getAllLemmas
from wordfreq import top_n_list, zipf_frequency

from vocabsphere.core.lexicon import sense_ranking
from vocabsphere.core.lexicon.lookup import Lexicon, Sense
from vocabsphere.core.lexicon.substitutes import inflect_like, plausible, taboo_sense, word_level

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["DISTRACTORS", "article_of", "choose_distractors", "rare_plural", "unfit_to_offer"]

DISTRACTORS = 3
SPARE = 12  # candidates that pass every check, so that the lengths can be balanced
POOL_WORDS = 30_000  # most frequent English words searched for candidates
ZIPF_BAND = 0.8  # candidates' frequency within this of the key's
LENGTH_BAND = 3
MAX_TRIES = 150  # candidates examined per item before settling for those found
# While fewer than DISTRACTORS pass and the item gives the key's meaning, the search goes on this
# far: a hard word has few candidates of its level and frequency ("smug", "inexperienced"). Not for
# a plain cloze: where most candidates were refused as fitting, the slot takes almost any noun of
# its kind, and the few found further on are the fit check's misses ("frustrated freshmen" beside
# "shoppers", "offer his contributions" beside "congratulations"; train review sheet).
MAX_TRIES_SHORT = 400
_AN_EXCEPTIONS = ("uni", "use", "usu", "eu", "one", "once")
_SILENT_H = ("hour", "honest", "honour", "honor", "heir")


@lru_cache(maxsize=4)
def _pool(upos: str) -> tuple[tuple[str, float], ...]:
    """Frequent words that are their own dictionary form as ``upos`` (lemminflect), with Zipf."""
    found = []
    for word in top_n_list("en", POOL_WORDS):
        if len(word) < 3 or not word.isalpha() or not word.islower():
            continue
        if getAllLemmas(word).get(upos, ())[:1] == (word,):
            found.append((word, float(zipf_frequency(word, "en"))))
    return tuple(found)


def article_of(word: str) -> str:
    """ "a" or "an" before the word, by its sound as far as the spelling tells it."""
    low = word.lower()
    if low.startswith(_SILENT_H):
        return "an"
    if low.startswith(_AN_EXCEPTIONS):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


def _related(senses: tuple[Sense, ...]) -> tuple[set[str], set[str]]:
    """Words of the senses (synonyms and hypernyms) and their hypernyms."""
    words = {w.lower() for s in senses for w in (*s.synonyms, *s.hypernyms)}
    hypernyms = {h.lower() for s in senses for h in s.hypernyms}
    return words, hypernyms


def _seeded(token: Token, purpose: str = "") -> random.Random:
    digest = hashlib.sha256(f"{token.sent.text}\x1f{token.i}\x1f{purpose}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _candidates(token: Token, lemma: str, upos: str) -> Iterator[str]:
    zipf = float(zipf_frequency(lemma, "en"))
    near = [w for w, z in _pool(upos) if abs(z - zipf) <= ZIPF_BAND and w != lemma]
    _seeded(token).shuffle(near)
    yield from near[:MAX_TRIES_SHORT]


def _sentence_supports(lexicon: Lexicon, token: Token, word: str, senses: tuple[Sense, ...]) -> bool:
    """Do the sentence's words support one of ``word``'s senses (shared ranking, Lesk overlap)?"""
    context = sense_ranking.context_of(token.doc, token.i, (token.lower_, word))
    ranked = sense_ranking.rank_in_lexicon(lexicon, senses[:5], context, word)
    return any(r.overlap > 0 for r in ranked)


MIN_POS_TAGS = 3  # SemCor tags of the word as this part of speech
MIN_POS_SHARE = 0.3  # and at least this share of all its SemCor tags


def _usual_as(lexicon: Lexicon, word: str, upos: str) -> bool:
    counts = {
        p: sum(s.tag_count for s in lexicon.entries(word, p).senses) for p in ("NOUN", "VERB", "ADJ", "ADV")
    }
    total = sum(counts.values())
    return counts[upos] >= MIN_POS_TAGS and counts[upos] >= MIN_POS_SHARE * total


def unfit_to_offer(senses: tuple[Sense, ...]) -> bool:
    """A word no teacher would show as an option: an expletive ("damn"), a taboo or grim word the
    sentence does not ask for ("52 million YouTube suicides"), a name written small ("christ")."""
    if any(taboo_sense(s) or "expletive" in s.definition for s in senses[:3]):
        return True
    if any(_GRIM & set(_WORDS.findall(s.definition.lower())) for s in senses[:2]):
        return True
    names = [w for w in senses[0].synonyms if w[:1].isupper()] if senses else []
    return len(names) * 2 > len(senses[0].synonyms) if names else False  # mostly capitalised: a name


def _refused(lexicon: Lexicon, token: Token, lemma: str, upos: str, word: str, family: set[str]) -> bool:
    if word in family or word[:4] == lemma[:4] or not plausible(word, lemma, upos):
        return True
    own = lexicon.entries(lemma, upos).senses
    senses = lexicon.entries(word, upos).senses
    if not senses or not _usual_as(lexicon, word, upos):
        return True  # rarely this part of speech ("to chin", "to thumb"): an odd word to offer
    mine, my_hypernyms = _related(own)
    theirs, their_hypernyms = _related(senses)
    if word in mine or lemma in theirs or my_hypernyms & their_hypernyms:
        return True
    if unfit_to_offer(senses):
        return True
    if any(lemma in _WORDS.findall(s.definition.lower()) for s in senses):
        return True  # defined by the key: "giant: of great mass; huge and bulky" for "huge"
    return _sentence_supports(lexicon, token, word, senses)


def choose_distractors(
    lexicon: Lexicon, token: Token, lemma: str, upos: str, key_form: str, cap: int, clue: str = ""
) -> tuple[str, ...]:
    """Up to :data:`DISTRACTORS` forms that do not fit; fewer when not enough pass every check.
    ``clue``: the meaning the item gives; no distractor echoes one of its words ("performs
    skillfully" beside "performers")."""
    own = word_level(lemma, upos)
    family = {m.lemma.lower() for m in lexicon.family(lemma)}
    before = token.doc[token.i - 1].lower_ if token.i > token.sent.start else ""
    found: list[str] = []
    for tried, word in enumerate(_candidates(token, lemma, upos)):
        if tried >= MAX_TRIES and (len(found) >= DISTRACTORS or not clue):
            break  # enough to choose from: the items of words with many candidates stay as they were
        rank = word_level(word, upos)
        if rank is None or rank > cap or (own is not None and abs(rank - own) > 1):
            continue
        form = inflect_like(token, word, upos)
        if form is None or abs(len(form) - len(key_form)) > LENGTH_BAND or form.lower() == key_form.lower():
            continue
        if before in ("a", "an") and article_of(form) != article_of(key_form):
            continue
        if token.tag_ == "NNS" and (form.lower() == word or rare_plural(word, form)):
            continue  # a mass noun ("accordance") is no plural: the one singular among plurals
        if _echoes(word, clue) or _refused(lexicon, token, lemma, upos, word, family):
            continue
        found.append(form)
        if len(found) == SPARE:
            break
    return _balanced(found, key_form, _seeded(token, "lengths"))  # a draw of its own, not the shuffle's


_WORDS = re.compile(r"[a-z]+")
_GRIM = frozenset({"suicide", "kill", "kills", "killing", "murder", "corpse", "execution", "torture"})
STEM = 5  # letters two words share at the start to count as one stem ("performers", "performs")


def _echoes(word: str, clue: str) -> bool:
    return any(w[:STEM] == word[:STEM] for w in _WORDS.findall(clue.lower()) if len(w) >= STEM)


PLURAL_DROP = 1.2  # a plural this much rarer (Zipf) than its singular is a mass noun's: "equipments"


def rare_plural(singular: str, plural: str) -> bool:
    return float(zipf_frequency(plural, "en")) < float(zipf_frequency(singular, "en")) - PLURAL_DROP


def _balanced(found: list[str], key: str, rng: random.Random) -> tuple[str, ...]:
    """:data:`DISTRACTORS` of the found words, chosen so that the key is the shortest, second,
    third or longest option about equally often: a key that is seldom (or often) the longest or
    the shortest is itself a cue, and so is one that is mostly of middle length.

    The key's place is drawn first; when the words found cannot give it (saved words are often
    longer than the frequent words found, so "shortest" often cannot be had), a middle place is
    taken: a solver that guesses among the middle lengths gains half as much from it as a
    longest-option solver would from an end."""
    if len(found) <= DISTRACTORS:
        return tuple(found)
    shorter = [w for w in found if len(w) < len(key)]
    longer = [w for w in found if len(w) > len(key)]  # strictly: a tie leaves "the longest" open

    def fits(place: int) -> bool:  # ``place`` distractors shorter than the key, the rest longer
        return place <= len(shorter) and DISTRACTORS - place <= len(longer)

    wanted = rng.randrange(DISTRACTORS + 1)
    middle = [p for p in range(1, DISTRACTORS) if fits(p)]
    places = [wanted] if fits(wanted) else middle or [p for p in range(DISTRACTORS + 1) if fits(p)]
    if places:
        place = rng.choice(places)
        return tuple(_of_lengths(shorter, place) + _of_lengths(longer, DISTRACTORS - place))
    picked = [w for w in found if len(w) != len(key)][:DISTRACTORS]  # too few either way
    picked += [w for w in found if w not in picked][: DISTRACTORS - len(picked)]
    return tuple(picked)


def _of_lengths(words: list[str], count: int) -> list[str]:
    """``count`` of the words, of different lengths where they can be: two distractors of one length
    on the same side of the key would leave the key alone among the middle lengths."""
    picked: list[str] = []
    for word in words:
        if len(picked) < count and all(len(word) != len(p) for p in picked):
            picked.append(word)
    return picked + [w for w in words if w not in picked][: count - len(picked)]
