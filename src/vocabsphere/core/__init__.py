"""Pure-Python domain core: no web, database or HTTP imports here."""
