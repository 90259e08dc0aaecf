"""Join codes: short, unambiguous when read aloud or copied from a board, and valid for a while."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from vocabsphere.core.errors import InvalidInput, NotFound

# No 0/O, 1/I/L, 5/S, 2/Z: codes are copied from a projector by hand.
ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789"
CODE_LENGTH = 8
CODE_LIFETIME = timedelta(days=30)


def new_join_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_join_code(raw: str) -> str:
    """The code as stored: upper case, without the spaces or dashes people type between groups."""
    code = "".join(ch for ch in raw.upper() if ch not in " -\t")
    if len(code) != CODE_LENGTH or any(ch not in ALPHABET for ch in code):
        raise NotFound("No class has this code. Check it with your teacher.", field="code")
    return code


def check_code_current(expires_at: datetime, now: datetime) -> None:
    if now >= expires_at:
        raise InvalidInput("This code has expired. Ask your teacher for the new one.", field="code")


def display_code(code: str) -> str:
    """Two groups of four, easier to read aloud."""
    return f"{code[:4]}-{code[4:]}"


def check_class_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not 1 <= len(name) <= 100:
        raise InvalidInput("A class name needs 1 to 100 characters.", field="name")
    return name
