"""Use cases: each opens a unit of work, calls core, persists, and returns plain data."""
