"""Is this English? py3langid (model inside the wheel, nothing fetched) plus an English function-word check.

Short news texts full of foreign names (Zelensky, Pyongyang, Ulan-Ude) can fool a character-n-gram
model, while English grammar words ("the", "of", "which") still give English away; so either signal
strong enough accepts the text, and it is refused only when the model is confident and the words agree.
"""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from vocabsphere.core.errors import InvalidInput

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "nb": "Norwegian",
    "fi": "Finnish",
    "pl": "Polish",
    "cs": "Czech",
    "sk": "Slovak",
    "hu": "Hungarian",
    "ro": "Romanian",
    "hr": "Croatian",
    "sr": "Serbian",
    "sl": "Slovenian",
    "bg": "Bulgarian",
    "ru": "Russian",
    "uk": "Ukrainian",
    "el": "Greek",
    "tr": "Turkish",
    "ar": "Arabic",
    "he": "Hebrew",
    "fa": "Persian",
    "hi": "Hindi",
    "bn": "Bengali",
    "ur": "Urdu",
    "ta": "Tamil",
    "te": "Telugu",
    "mr": "Marathi",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "vi": "Vietnamese",
    "th": "Thai",
    "id": "Indonesian",
    "ms": "Malay",
    "tl": "Tagalog",
    "sw": "Swahili",
    "ca": "Catalan",
    "eu": "Basque",
    "gl": "Galician",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "et": "Estonian",
    "af": "Afrikaans",
    "ga": "Irish",
    "cy": "Welsh",
    "is": "Icelandic",
}
# Frequent English grammar words that are not also common words of other Latin-script languages
# (no "a", "in", "an", "on", "was", "will", "also", "die", "so").
_GRAMMAR_WORDS = (
    "the of and to is are were that this these those with for from by have has had it its they their them "
    "he she his her be been not but which who would could should said says than there what when where "
    "about after into over more most our we you your can because while"
)
_ENGLISH_WORDS = frozenset(_GRAMMAR_WORDS.split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_LETTERS = 12
_ACCEPT_SHARE = 0.15  # English grammar words among all words: English prose sits around 0.3-0.45
_REFUSE_SHARE = 0.06
_CONFIDENT = 0.8
_SAMPLE_CHARS = 6000


@cache
def _identifier() -> LanguageIdentifier:
    # Limited to the languages we can name, so that English with unusual names is not called a pidgin.
    from py3langid import langid

    identifier = LanguageIdentifier.from_modelpath(langid.MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(sorted(set(LANGUAGE_NAMES) & set(identifier.nb_classes)))
    return identifier


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability of the most likely language."""
    code, probability = _identifier().classify(text)
    return str(code), float(probability)


def english_word_share(text: str) -> float:
    tokens = [t.casefold() for t in _WORD.findall(text)]
    return sum(t in _ENGLISH_WORDS for t in tokens) / len(tokens) if tokens else 0.0


def _sample(text: str) -> str:
    # The start and the middle of a long text are enough, and keep the check fast on 200 kB pastes.
    if len(text) <= _SAMPLE_CHARS:
        return text
    middle = len(text) // 2
    return text[: _SAMPLE_CHARS // 2] + "\n" + text[middle : middle + _SAMPLE_CHARS // 2]


def check_english(text: str) -> None:
    """Raise InvalidInput naming the detected language when ``text`` is not English."""
    letters = sum(c.isalpha() for c in text)
    if letters < _MIN_LETTERS:
        return  # too little to judge; length limits are checked elsewhere
    sample = _sample(text)
    code, probability = detect_language(sample)
    share = english_word_share(sample)
    if code == "en" or share >= _ACCEPT_SHARE:
        return
    if probability < _CONFIDENT and share >= _REFUSE_SHARE:
        return
    name = LANGUAGE_NAMES.get(code, "another language")
    raise InvalidInput(
        f"This text does not look like English (detected: {name}). VocabSphere works with English articles.",
        field="text",
    )
