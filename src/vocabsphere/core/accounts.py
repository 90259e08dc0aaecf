"""Rules for accounts and profiles: roles, CEFR levels, languages, names and passwords."""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from zoneinfo import available_timezones

from vocabsphere.core.errors import InvalidInput

CEFR_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")

# Languages a learner may pick for translations (ISO 639-1); which ones have dictionaries
# installed is decided by the lexicon, this is the list the profile accepts.
NATIVE_LANGUAGES: dict[str, str] = {
    "ar": "Arabic",
    "bg": "Bulgarian",
    "ca": "Catalan",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "la": "Latin",
    "lt": "Lithuanian",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sr": "Serbian",
    "sv": "Swedish",
    "sw": "Swahili",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "vi": "Vietnamese",
    "zh": "Chinese",
    "af": "Afrikaans",
}

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256
MAX_DAILY_GOAL = 500


class Role(StrEnum):
    LEARNER = "learner"
    TEACHER = "teacher"
    ADMIN = "admin"


# What each role may do beyond a learner's own data.
_ROLE_RANK = {Role.LEARNER: 0, Role.TEACHER: 1, Role.ADMIN: 2}


def role_at_least(role: Role, needed: Role) -> bool:
    return _ROLE_RANK[role] >= _ROLE_RANK[needed]


@dataclass(frozen=True)
class Profile:
    display_name: str
    native_language: str
    cefr_level: str
    daily_goal: int
    time_zone: str = "UTC"


def normalize_username(raw: str) -> str:
    name = unicodedata.normalize("NFKC", raw).strip().lower()
    if not USERNAME_PATTERN.fullmatch(name):
        raise InvalidInput(
            "User names have 3 to 32 characters: lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter or digit.",
            field="username",
        )
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.", field="password")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInput(f"Passwords may have at most {MAX_PASSWORD_LENGTH} characters.", field="password")
    return password


def parse_role(raw: str) -> Role:
    try:
        return Role(raw.strip().lower())
    except ValueError:
        raise InvalidInput("Role must be one of: " + ", ".join(r.value for r in Role), field="role") from None


def check_cefr_level(raw: str) -> str:
    level = raw.strip().upper()
    if level not in CEFR_LEVELS:
        raise InvalidInput("Level must be one of " + ", ".join(CEFR_LEVELS) + ".", field="cefr_level")
    return level


def check_native_language(raw: str) -> str:
    code = raw.strip().lower()
    if code not in NATIVE_LANGUAGES:
        raise InvalidInput("Unknown language code.", field="native_language")
    return code


def check_daily_goal(raw: int) -> int:
    if not 1 <= raw <= MAX_DAILY_GOAL:
        raise InvalidInput(
            f"The daily goal is a number of reviews from 1 to {MAX_DAILY_GOAL}.", field="daily_goal"
        )
    return raw


@cache
def time_zone_names() -> tuple[str, ...]:
    """IANA time zone names the server knows (study days, streaks and due dates follow the learner's)."""
    return tuple(sorted(available_timezones() | {"UTC"}))


def check_time_zone(raw: str) -> str:
    name = raw.strip()
    if name not in time_zone_names():
        raise InvalidInput("Unknown time zone; use a name such as Europe/Madrid or UTC.", field="time_zone")
    return name


def check_display_name(raw: str) -> str:
    name = " ".join(unicodedata.normalize("NFKC", raw).split())
    if not 1 <= len(name) <= 64:
        raise InvalidInput("The display name needs 1 to 64 characters.", field="display_name")
    if any(unicodedata.category(ch) in HIDDEN_CATEGORIES for ch in name):
        raise InvalidInput("The display name contains control characters.", field="display_name")
    return name


# Control, format (invisible, or reversing the text around them) and lone surrogate characters.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


@cache
def hidden_character_ranges() -> tuple[tuple[int, int], ...]:
    """Code point ranges of HIDDEN_CATEGORIES (for the API's description of display names)."""
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)) in HIDDEN_CATEGORIES:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return tuple(ranges)


def check_profile(
    display_name: str, native_language: str, cefr_level: str, daily_goal: int, time_zone: str = "UTC"
) -> Profile:
    return Profile(
        display_name=check_display_name(display_name),
        native_language=check_native_language(native_language),
        cefr_level=check_cefr_level(cefr_level),
        daily_goal=check_daily_goal(daily_goal),
        time_zone=check_time_zone(time_zone),
    )
