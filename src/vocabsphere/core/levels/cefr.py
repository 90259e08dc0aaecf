"""The CEFR scale, lowest level first: every level the domain core gives or compares is on it."""

from __future__ import annotations

__all__ = ["LEVELS"]

LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")
