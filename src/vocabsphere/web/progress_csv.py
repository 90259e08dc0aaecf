"""A learner's day-by-day history as CSV (one row per local day), for their own spreadsheets."""

from __future__ import annotations

import csv
import io

from vocabsphere.services.progress import History

COLUMNS = (
    "date",
    "reviews",
    "retention",
    "reading_minutes",
    "words_per_minute",
    "known_words",
    "vocabulary_book",
    "studied",
    "goal_met",
)


def history_csv(history: History) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for d in history.days:
        writer.writerow(
            (
                d.day.isoformat(),
                d.reviews,
                "" if d.retention is None else f"{d.retention:.3f}",
                d.reading_minutes,
                "" if d.words_per_minute is None else d.words_per_minute,
                d.known_words,
                d.saved_words,
                int(d.studied),
                int(d.goal_met),
            )
        )
    return out.getvalue()
