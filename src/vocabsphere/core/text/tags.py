"""Penn Treebank tag sets that more than one part of the domain core tests tokens against."""

from __future__ import annotations

__all__ = ["FINITE_TAGS"]

# A finite verb or auxiliary: past, present (3rd person -s and other) and modal.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
