"""The teacher's side on both databases: quizzes edited by hand, classes and join codes, CSV rosters,
assignments at each learner's level, graded submissions (once), extensions, and the dashboard."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from tests.fixtures.articles import BRIDGE_A
from vocabsphere.config import Settings
from vocabsphere.core.classes.codes import CODE_LIFETIME
from vocabsphere.core.classes.levels import Status
from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.services import (
    accounts,
    assignments,
    classes,
    dashboard,
    learner_work,
    lookup_events,
    progress,
    quizzes,
    reading,
    rosters,
    stories,
    versions,
)
from vocabsphere.services.accounts import UserView
from vocabsphere.services.fetching import FetchPolicy
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.services.quizzes import QuestionDraft
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _story(db: Database, settings: Settings) -> int:
    story_id = ingest(db, IngestSource(kind="text", text=BRIDGE_A), now=T0, policy=FetchPolicy()).story_id
    versions.build_versions(db, settings, story_id, now=T0)
    return story_id


def _user(db: Database, name: str, role: str = "learner", level: str = "B1") -> UserView:
    return accounts.create_user(
        db,
        username=name,
        password="s3cret-pass",
        role=role,
        cefr_level=level,
        now=T0,
        time_zone="Europe/Madrid",
    )


def _quiz(db: Database, teacher: UserView, story_id: int) -> quizzes.QuizView:
    quiz = quizzes.create_quiz(db, teacher, story_id=story_id, title="Bridge", now=T0)
    for draft in (
        QuestionDraft("fact", "Why did the city close the bridge?", ["High winds", "A fire"], "High winds"),
        QuestionDraft("true_false", "The ferries will run less often.", [], "False"),
        QuestionDraft("discussion", "Would you work from home? Why?"),
    ):
        quiz = quizzes.add_question(db, teacher, quiz_id=quiz.id, draft=draft, now=T0)
    return quiz


def test_quiz_editing(database: Database, make_settings: Callable[..., Settings]) -> None:
    story_id = _story(database, make_settings())
    teacher, other = _user(database, "teach", "teacher"), _user(database, "other-teach", "teacher")
    learner = _user(database, "ana")
    quiz = _quiz(database, teacher, story_id)
    first, second, third = (q.id for q in quiz.questions)
    assert [q.question.kind.value for q in quiz.questions] == ["fact", "true_false", "discussion"]
    assert quiz.questions[1].question.options == ("True", "False")

    edited = quizzes.update_question(
        database,
        teacher,
        quiz_id=quiz.id,
        question_id=first,
        draft=QuestionDraft(
            "fact", "Why was the bridge closed?", ["Strong winds", "A fire", "A strike"], "strong winds"
        ),
        now=T0,
    )
    assert edited.questions[0].question.answer == "Strong winds"  # the option's own spelling
    moved = quizzes.move_question(database, teacher, quiz_id=quiz.id, question_id=third, offset=-1, now=T0)
    assert [q.id for q in moved.questions] == [first, third, second]
    after = quizzes.delete_question(database, teacher, quiz_id=quiz.id, question_id=second, now=T0)
    assert [q.id for q in after.questions] == [first, third]

    with pytest.raises(InvalidInput):  # the key must be one of the options
        quizzes.add_question(
            database, teacher, quiz_id=quiz.id, draft=QuestionDraft("fact", "Who?", ["A", "B"], "C"), now=T0
        )
    with pytest.raises(InvalidInput):
        quizzes.reorder_questions(database, teacher, quiz_id=quiz.id, question_ids=[first], now=T0)
    for outsider in (other, learner):  # another teacher's quiz, or a learner: it does not exist for them
        with pytest.raises(NotFound):
            quizzes.get_quiz(database, outsider, quiz.id)
    assert quizzes.list_quizzes(database, other) == []
    admin = _user(database, "root", "admin")
    assert quizzes.get_quiz(database, admin, quiz.id).title == "Bridge"


def test_join_codes(database: Database) -> None:
    teacher, ana, bob = _user(database, "teach", "teacher"), _user(database, "ana"), _user(database, "bob")
    room = classes.create_class(database, teacher, name="  5B  reading ", cefr_level="a2", now=T0)
    assert room.name == "5B reading" and room.cefr_level == "A2" and len(room.join_code) == 9

    joined = classes.join_class(database, ana, code=room.join_code.lower().replace("-", " "), now=T0)
    again = classes.join_class(database, ana, code=room.join_code, now=T0)
    assert joined.joined and not again.joined
    assert classes.get_class(database, teacher, room.id).member_count == 1

    with pytest.raises(NotFound):
        classes.join_class(database, bob, code="ZZZZ-ZZZZ", now=T0)
    with pytest.raises(NotFound):
        classes.join_class(database, bob, code="nonsense!", now=T0)
    with pytest.raises(InvalidInput, match="expired"):
        classes.join_class(database, bob, code=room.join_code, now=T0 + CODE_LIFETIME)

    rotated = classes.rotate_code(database, teacher, class_id=room.id, now=T0 + CODE_LIFETIME)
    assert rotated.join_code != room.join_code
    with pytest.raises(NotFound):  # the old code stops working at once
        classes.join_class(database, bob, code=room.join_code, now=T0 + CODE_LIFETIME)
    classes.join_class(database, bob, code=rotated.join_code, now=T0 + CODE_LIFETIME)

    assert [c.name for c in classes.list_classes(database, ana)] == ["5B reading"]
    classes.update_class(database, teacher, class_id=room.id, archived=True, now=T0)
    assert classes.list_classes(database, teacher) == []
    assert [c.id for c in classes.list_classes(database, teacher, archived=True)] == [room.id]
    assert classes.list_classes(database, ana) == []  # an archived class leaves the learner's list
    other = _user(database, "other", "teacher")
    with pytest.raises(NotFound):
        classes.get_class(database, other, room.id)


def test_roster_import(database: Database) -> None:
    teacher = _user(database, "teach", "teacher")
    _user(database, "maria.lopez")  # a namesake elsewhere: never matched by a made-up user name
    existing = _user(database, "carla.b")
    room = classes.create_class(database, teacher, name="6A", cefr_level="B1", now=T0)
    bad = "name,username,level\nJan Novak,,A2\n,,\nMaría López,,B1\nPeter,pe,Z9\nJan Novak,,\n"
    preview = rosters.preview_roster(database, teacher, class_id=room.id, text=bad)
    assert [e.line for e in preview.errors] == [4, 5, 6]  # taken name, bad user name and level, duplicate
    with pytest.raises(InvalidInput, match="line 4"):
        rosters.import_roster(database, teacher, class_id=room.id, text=bad, now=T0)
    assert classes.get_class(database, teacher, room.id).member_count == 0  # nothing half-imported

    good = "display_name,username,level\nJan Novák,,A2\nCarla Bruni,carla.b,\n"
    preview = rosters.preview_roster(database, teacher, class_id=room.id, text=good)
    assert [(line.username, line.action) for line in preview.lines] == [
        ("jan.novak", rosters.RosterAction.CREATE),
        ("carla.b", rosters.RosterAction.ENROL),
    ]
    cards = rosters.import_roster(database, teacher, class_id=room.id, text=good, now=T0)
    assert [(c.username, c.password is not None) for c in cards] == [("jan.novak", True), ("carla.b", False)]
    jan = accounts.authenticate(
        database,
        username="jan.novak",
        password=cards[0].password or "",
        client="test",
        policy=accounts.LoginPolicy(10, timedelta(minutes=5), 100, 100),
        now=T0,
    )
    assert jan.cefr_level == "A2" and jan.role.value == "learner"

    again = rosters.import_roster(database, teacher, class_id=room.id, text=good, now=T0)  # re-import
    assert all(c.password is None for c in again)
    members = classes.get_class(database, teacher, room.id).members
    assert sorted(m.username for m in members) == ["carla.b", "jan.novak"]
    assert existing.id in {m.user_id for m in members}
    with pytest.raises(InvalidInput, match="Line 1"):
        rosters.preview_roster(database, teacher, class_id=room.id, text="email\nx@example.org\n")


def test_assignment_loop(database: Database, make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    story_id = _story(database, settings)
    teacher = _user(database, "teach", "teacher")
    ana, bob, cleo = (
        _user(database, "ana", level="A2"),
        _user(database, "bob", level="B2"),
        _user(database, "cleo"),
    )
    quiz = _quiz(database, teacher, story_id)
    room = classes.create_class(database, teacher, name="6A", cefr_level="B1", now=T0)
    for learner in (ana, bob, cleo):
        classes.join_class(database, learner, code=room.join_code, now=T0)
    classes.lock_level(database, teacher, class_id=room.id, user_id=bob.id, level="A2")
    due = T0 + timedelta(days=2)
    work = assignments.create_assignment(
        database,
        teacher,
        class_id=room.id,
        draft=assignments.AssignmentDraft(story_id, quiz.id, "learner", None, T0, due),
        now=T0,
    )
    available = [v.level for v in versions.list_versions(database, story_id)]
    mine = learner_work.learner_assignments(database, ana, now=T0 + timedelta(hours=1))
    assert [(a.id, a.status) for a in mine] == [(work.id, Status.NOT_STARTED)]
    assert mine[0].level == versions.pick_level(available, "A2")
    bobs = learner_work.learner_assignment(database, bob, assignment_id=work.id, now=T0)
    assert bobs.level == versions.pick_level(available, "A2")  # the locked level, not his own B2
    assert all(not hasattr(q, "answer") for q in bobs.questions)  # no keys before submitting

    # Ana reads, looks words up and answers; a repeated submission is applied once.
    session = reading.start_reading(database, user_id=ana.id, story_id=story_id, level=mine[0].level, now=T0)
    for seconds, at in ((60, 61), (30, 95)):  # two heartbeats: 90 seconds of reading
        reading.record_progress(
            database,
            user_id=ana.id,
            session_id=session.session_id,
            seconds=seconds,
            finished=at == 95,
            now=T0 + timedelta(seconds=at),
        )
    text = reading.reader_text(database, story_id, mine[0].level)
    sentences = [s for p in text.paragraphs for s in p]
    word_at = next(
        (i, j) for i, s in enumerate(sentences) for j, t in enumerate(s.tokens) if t.is_word and not t.is_name
    )
    for learner in (ana, cleo):
        for _ in range(2):
            lookup_events.record_lookup(
                database,
                user_id=learner.id,
                story_id=story_id,
                level=mine[0].level,
                sentence=word_at[0],
                token=word_at[1],
                now=T0,
            )
    first, second, third = (q.id for q in quiz.questions)
    answers = {first: "high winds", second: "True", third: "Yes: the bridge is closed."}
    result = learner_work.submit_answers(
        database, ana, assignment_id=work.id, answers=answers, now=T0 + timedelta(hours=2)
    )
    assert (result.score, result.max_score, result.duplicate) == (1, 2, False)
    assert [f.correct for f in result.feedback] == [True, False, None]
    assert result.feedback[1].key == "False"
    # The learner's progress counts keyed quiz answers by kind of question (the discussion answer is not).
    quiz_rows = progress.accuracy(database, user_id=ana.id).quiz_by_kind
    assert {(r.key, r.answers, r.right) for r in quiz_rows} == {("fact", 1, 1), ("true_false", 1, 0)}
    assert not progress.accuracy(database, user_id=cleo.id).quiz_by_kind
    repeat = learner_work.submit_answers(
        database, ana, assignment_id=work.id, answers={}, now=T0 + timedelta(hours=3)
    )
    assert repeat.duplicate and repeat.score == 1 and repeat.submitted_at == result.submitted_at
    with pytest.raises(InvalidInput):  # an option that is not on the question
        learner_work.submit_answers(database, cleo, assignment_id=work.id, answers={first: "Snow"}, now=T0)

    # Bob gets an extension; Cleo is excused; past the due time the others are late.
    assignments.set_exception(
        database,
        teacher,
        assignment_id=work.id,
        user_id=bob.id,
        due_at=due + timedelta(days=3),
        excused=False,
    )
    assignments.set_exception(
        database, teacher, assignment_id=work.id, user_id=cleo.id, due_at=None, excused=True
    )
    board = dashboard.class_dashboard(database, teacher, class_id=room.id, now=due + timedelta(hours=1))
    cells = {uid: board.cells[(uid, work.id)] for uid in board.learner_ids}
    assert cells[ana.id].status is Status.SUBMITTED and cells[ana.id].score == 1
    assert cells[ana.id].reading_seconds == 90 and cells[ana.id].text == "submitted · 1/2 · 2 min"
    assert cells[bob.id].status is Status.NOT_STARTED  # his own due time has not passed
    assert cells[cleo.id].status is Status.EXCUSED
    assert board.rows[0][:2] == ("Learner", "User name") and len(board.rows) == 4
    assert board.rows[0][2].startswith("Storm Closes Harbour Bridge")
    assert board.rows[0][2].endswith("due 04 Nov 2026 10:00")  # in the teacher's time zone (Madrid)

    report = dashboard.assignment_report(database, teacher, assignment_id=work.id)
    assert report.question_scores == ((1, 1), (0, 1), (0, 0))
    ana_row = next(r for r in report.learners if r.user_id == ana.id)
    assert (
        ana_row.answers[2].answer == "Yes: the bridge is closed."
    )  # the discussion answer reaches the teacher
    assert report.top_lookups == ((sentences[word_at[0]].tokens[word_at[1]].lemma, 2),)

    # Two submissions at once (a double tap on two devices): one is stored, both answers agree.
    def hand_in() -> learner_work.SubmissionView:
        return learner_work.submit_answers(
            database, cleo, assignment_id=work.id, answers={first: "A fire"}, now=T0 + timedelta(hours=4)
        )

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: hand_in(), range(2)))
    assert sorted(r.duplicate for r in results) == [False, True]
    assert {(r.score, r.submitted_at) for r in results} == {(0, T0 + timedelta(hours=4))}

    # Authorization: another teacher and learners see none of it.
    other = _user(database, "other", "teacher")
    for call in (
        lambda: dashboard.class_dashboard(database, other, class_id=room.id, now=T0),
        lambda: dashboard.assignment_report(database, other, assignment_id=work.id),
        lambda: dashboard.assignment_report(database, ana, assignment_id=work.id),
        lambda: learner_work.learner_assignment(database, other, assignment_id=work.id, now=T0),
    ):
        with pytest.raises(NotFound):
            call()

    # A story hidden under the assignment: learners cannot do it, the teacher sees why; no new assignment.
    stories.change_visibility(database, story_id=story_id, action="hide", now=T0)
    assert not learner_work.learner_assignment(database, bob, assignment_id=work.id, now=T0).story_available
    board = dashboard.class_dashboard(database, teacher, class_id=room.id, now=T0)
    assert "(story hidden from learners)" in board.rows[0][2]
    with pytest.raises(InvalidInput, match="cannot see"):
        assignments.create_assignment(
            database,
            teacher,
            class_id=room.id,
            draft=assignments.AssignmentDraft(story_id, None, "class", None, T0, due),
            now=T0,
        )
    stories.change_visibility(database, story_id=story_id, action="restore", now=T0)

    # A story deleted under the assignment: shown as removed, no new submissions, nothing lost.
    stories.change_visibility(database, story_id=story_id, action="delete", now=T0)
    bob_view = learner_work.learner_assignment(database, bob, assignment_id=work.id, now=T0)
    assert not bob_view.story_available
    with pytest.raises(Conflict):
        learner_work.submit_answers(database, bob, assignment_id=work.id, answers={}, now=T0)
    board = dashboard.class_dashboard(database, teacher, class_id=room.id, now=T0)
    assert "(story removed)" in board.rows[0][2] and board.cells[(ana.id, work.id)].score == 1
    out = io.StringIO()
    csv.writer(out).writerows(board.rows)
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [list(r) for r in board.rows]


def test_assignment_input_is_checked(database: Database, make_settings: Callable[..., Settings]) -> None:
    story_id = _story(database, make_settings())
    teacher, other = _user(database, "teach", "teacher"), _user(database, "other", "teacher")
    room = classes.create_class(database, teacher, name="6A", cefr_level="B1", now=T0)
    others_quiz = quizzes.create_quiz(database, other, story_id=story_id, title="Theirs", now=T0)
    draft = assignments.AssignmentDraft(story_id, None, "fixed", None, T0, T0 + timedelta(days=1))
    with pytest.raises(InvalidInput, match="level"):
        assignments.create_assignment(database, teacher, class_id=room.id, draft=draft, now=T0)
    with pytest.raises(InvalidInput, match="due"):
        assignments.create_assignment(
            database,
            teacher,
            class_id=room.id,
            draft=assignments.AssignmentDraft(story_id, None, "class", None, T0, T0),
            now=T0,
        )
    with pytest.raises(NotFound):  # another teacher's quiz
        assignments.create_assignment(
            database,
            teacher,
            class_id=room.id,
            draft=assignments.AssignmentDraft(story_id, others_quiz.id, "class", None, T0, T0 + timedelta(1)),
            now=T0,
        )
    with pytest.raises(NotFound):  # another teacher's class
        assignments.create_assignment(
            database,
            other,
            class_id=room.id,
            draft=assignments.AssignmentDraft(story_id, None, "class", None, T0, T0 + timedelta(1)),
            now=T0,
        )
    future = assignments.create_assignment(
        database,
        teacher,
        class_id=room.id,
        draft=assignments.AssignmentDraft(
            story_id, None, "fixed", "C1", T0 + timedelta(days=1), T0 + timedelta(2)
        ),
        now=T0,
    )
    ana = _user(database, "ana")
    classes.join_class(database, ana, code=classes.get_class(database, teacher, room.id).join_code, now=T0)
    assert learner_work.learner_assignments(database, ana, now=T0) == []  # not open yet
    with pytest.raises(NotFound):
        learner_work.learner_assignment(database, ana, assignment_id=future.id, now=T0)
    opened = learner_work.learner_assignment(
        database, ana, assignment_id=future.id, now=T0 + timedelta(days=1)
    )
    assert opened.level in {v.level for v in versions.list_versions(database, story_id)}


def test_generated_quiz_is_stored(database: Database, make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    story_id = _story(database, settings)
    teacher = _user(database, "teach", "teacher")
    quiz = quizzes.generate_quiz(database, settings, teacher, story_id=story_id, title="", now=T0)
    assert quiz.questions and quiz.model_versions
    assert all(q.question.levels for q in quiz.questions if q.question.kind.has_key)
