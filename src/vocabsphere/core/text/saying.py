"""Verbs of saying that more than one part of the domain core looks for: the news story's
"..., she said", "he told reporters", '"...," said Ann Lee'.

A user that needs more verbs adds them where it imports the set, with the reason.
"""

from __future__ import annotations

__all__ = ["SAYING_FORMS", "SAYING_LEMMAS"]

# Lemmas, as the parse gives them, of the verbs that say who said the words reported.
SAYING_LEMMAS = frozenset({"say", "tell", "add", "explain", "report", "write", "note", "claim"})
# Written forms that name the speaker right after a closing quotation mark ('"...," said Ann Lee').
SAYING_FORMS = frozenset(
    {"said", "says", "added", "adds", "explained", "explains", "told", "warned", "wrote", "asked", "insisted"}
)
