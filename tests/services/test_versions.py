"""Level versions of stories on both databases: built, stored, picked for a learner, kept fresh."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from tests.fixtures.articles import BRIDGE_A, BRIDGE_B
from vocabsphere.config import Settings
from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.services import versions
from vocabsphere.services.fetching import FetchPolicy
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
POLICY = FetchPolicy()


def test_versions_are_built_stored_and_replaced(
    database: Database, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings()
    story_id = ingest(database, IngestSource(kind="text", text=BRIDGE_A), now=T0, policy=POLICY).story_id
    assert versions.stale_story_ids(database, limit=10) == [story_id]
    reports: list[tuple[int, int, str]] = []
    built = versions.build_versions(
        database, settings, story_id, now=T0 + timedelta(seconds=5), on_progress=lambda *r: reports.append(r)
    )
    levels = [v.level for v in built]
    # The teacher waiting is told each step and which levels are ready, ending with all of them.
    messages = [m for _, _, m in reports]
    assert messages[0] == "Adapting the text to each level."
    assert "Adapting the text to each level: A2, B1, B2 ready." in messages
    assert f"Finding sentences worth learning: original, {', '.join(levels[1:])} ready." in messages
    assert reports[-1] == (reports[-1][1], reports[-1][1], "All versions are ready.")
    assert [d for d, _, _ in reports] == sorted(d for d, _, _ in reports)  # never goes back
    assert all(d <= t for d, t, _ in reports)
    assert levels[0] == versions.ORIGINAL and {"A2", "B1", "B2"} <= set(levels)
    assert versions.stale_story_ids(database, limit=10) == []
    a2 = versions.get_version(database, story_id, "A2")
    assert (
        a2.paragraphs
        and a2.summary.word_count <= versions.get_version(database, story_id, "orig").summary.word_count
    )
    assert a2.model_versions.get("spacy_model")
    assert all(h["explanation"] and h["sentence"] for h in a2.highlights)
    # A second outlet's report changes the story: its versions are stale until rebuilt.
    ingest(database, IngestSource(kind="text", text=BRIDGE_B), now=T0 + timedelta(minutes=1), policy=POLICY)
    assert versions.stale_story_ids(database, limit=10) == [story_id]
    again = versions.build_versions(database, settings, story_id, now=T0 + timedelta(minutes=2))
    assert [v.level for v in again] == levels
    assert len(versions.list_versions(database, story_id)) == len(levels)


def test_missing_versions_and_bad_levels(database: Database) -> None:
    with pytest.raises(NotFound):
        versions.get_version(database, 999, "A2")
    with pytest.raises(InvalidInput):
        versions.get_version(database, 1, "Z9")


@pytest.mark.parametrize(
    ("available", "learner", "expected"),
    [
        (["orig", "A2", "B1", "B2"], "B1", "B1"),
        (["orig", "A2", "B1", "B2"], "C2", "B2"),
        (["orig", "A2", "B1", "B2"], "A1", "A2"),
        (["orig", "B1"], "A2", "B1"),
        (["orig"], "B1", "orig"),
    ],
)
def test_pick_level_prefers_the_learners_level(available: list[str], learner: str, expected: str) -> None:
    assert versions.pick_level(available, learner) == expected


def test_side_by_side_rows_keep_dropped_paragraphs_in_place() -> None:
    original = ("First.", "Second.", "Third.", "Fourth.")
    version = ("First simple.", "Third simple.")
    rows = versions.aligned_paragraphs(original, version, ((0, 0), (2, 1)))
    assert rows == [
        ("First.", "First simple."),
        ("Second.", ""),
        ("Third.", "Third simple."),
        ("Fourth.", ""),
    ]


SECTIONED = "\n\n".join(
    [
        "Harbour town opens new ferry line",
        "The small harbour town of Westby opened a new ferry line to the islands on Monday. The first boat "
        "left at seven in the morning with 120 passengers on board, the town council said.",
        "A long wait for islanders",
        "For ten years the islanders had asked for a direct connection to the mainland. Until now they had "
        "to change boats twice, and the whole journey often took more than four hours in winter.",
        "What comes next",
        "The council plans a second boat next summer. Tickets for children and older people will be free "
        "from January, and a new waiting room with a cafe will open at the harbour in the spring.",
    ]
)


def test_headings_are_stored_as_headings_and_never_highlighted(
    database: Database, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings()
    story_id = ingest(database, IngestSource(kind="text", text=SECTIONED), now=T0, policy=POLICY).story_id
    versions.build_versions(database, settings, story_id, now=T0 + timedelta(seconds=5))
    titles = {"A long wait for islanders", "What comes next"}
    for level in (versions.ORIGINAL, "A2", "B1"):
        view = versions.get_version(database, story_id, level)
        shown = {view.paragraphs[h] for h in view.headings}
        assert shown and shown <= titles | {"Harbour town opens new ferry line"}, (level, view.paragraphs)
        for h in view.headings:
            assert h + 1 < len(view.paragraphs) and h + 1 not in view.headings  # its text follows
        assert not any(g["paragraph"] in view.headings for g in view.glosses)
        for highlight in view.highlights:
            assert not any(title in highlight["sentence"] for title in titles), highlight["sentence"]


def test_original_level_reuses_what_ingestion_measured_with_the_same_model() -> None:
    from vocabsphere.core.levels import text_level
    from vocabsphere.core.levels.text_level import load_text_model

    text = "The bridge opened on Monday. People walked across it in the rain."
    current = load_text_model().version
    # Measuring again costs a parse: the stored figures stand while the model is the same ...
    assert versions._original_level(text, "C2", 5.9, current) == ("C2", 5.9, current)
    # ... and a level from another model (or none) is measured again.
    fresh = text_level(text)
    expected = (fresh.level, fresh.score, fresh.model_version)
    assert versions._original_level(text, "C2", 5.9, "text-level-0-old") == expected
    assert versions._original_level(text, None, None, None) == expected


def test_the_versions_whole_texts_are_parsed_together_once(
    database: Database, make_settings: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The highlights are chosen in each version's whole text: one batch parses them all (the same
    # Docs as one at a time), and the highlights of each text use that parse.
    import vocabsphere.core.text as text_package

    real = text_package.load_pipeline()
    calls: list[str] = []

    class Counted:
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def __call__(self, text: str) -> object:
            calls.append(text)
            return real(text)

    story_id = ingest(database, IngestSource(kind="text", text=BRIDGE_A), now=T0, policy=POLICY).story_id
    monkeypatch.setattr(text_package, "load_pipeline", Counted)
    built = versions.build_versions(database, make_settings(), story_id, now=T0, prepare_taps=False)
    assert len(built) >= 4 and calls == []
    for level in [v.level for v in built]:
        view = versions.get_version(database, story_id, level)
        assert all(h["sentence"] in "\n\n".join(view.paragraphs) for h in view.highlights)
