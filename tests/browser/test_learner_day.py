"""A learner's day on a phone (issue: statuses and saved words on every form, a visible status model,
no sideways scrolling, reachable review buttons, a confirmed and undoable "mark the rest known",
pronunciation without a device voice, and stories teachers can hide)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_no_horizontal_scroll, register
from tests.browser.test_story import wait_for_versions

pytestmark = pytest.mark.browser


def new_page(browser: Any, viewport: dict[str, int]) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return context, page, errors


def open_story(page: Any, server: str, title_part: str) -> None:
    """Open the library's story whose title contains ``title_part``, once its level versions exist."""
    page.goto(f"{server}/library")
    page.locator(".story a", has_text=title_part).first.click()
    wait_for_versions(page)


def open_popover(page: Any, word: Any) -> Any:
    word.click()
    popover = page.locator("#word-popover")
    popover.locator(".headword, .error").first.wait_for(timeout=60_000)  # a busy CI machine is slow
    assert popover.locator(".error").count() == 0, popover.inner_text()
    return popover


@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_saved_word_stays_saved_on_every_form(
    browser: Any, server: str, artifacts: Path, label: str, viewport: dict[str, int]
) -> None:
    """Bug 1: saving "Bees" saves "bee"; after a reload every form is saved, and its popover offers
    the word's page instead of "Save word" (which used to end in a 409)."""
    context, page, errors = new_page(browser, viewport)
    register(page, server, f"day-saved-{label}")
    open_story(page, server, "Bees")
    forms = page.locator(".reader-text .w", has_text="bees")
    assert forms.count() >= 3
    # Every form of the word carries the look-up's lemma, so a status or a saved word covers them all.
    lemmas = page.locator(".reader-text .w").evaluate_all(
        "spans => spans.filter(s => /^bees?$/i.test(s.textContent)).map(s => [s.textContent, s.dataset.l])"
    )
    assert {text for text, _ in lemmas} >= {"Bees", "bees"}  # the trained lemmatiser kept "Bees"
    assert {lemma for _, lemma in lemmas} == {"bee"}
    bee_spans = page.locator('.reader-text .w[data-l="bee"]')
    popover = open_popover(page, bee_spans.first)
    assert popover.locator(".headword").inner_text() == "bee"
    popover.locator("button", has_text="Save word").click()
    popover.locator("text=Saved to your vocabulary book.").wait_for()
    page.keyboard.press("Escape")

    page.reload()
    classes = [
        c.split()
        for c in page.locator('.reader-text .w[data-l="bee"]').evaluate_all(
            "spans => spans.map(s => s.className)"
        )
    ]
    assert classes and all("saved" in c and "learning-1" in c and "new" not in c for c in classes)
    popover = open_popover(page, page.locator('.reader-text .w[data-l="bee"]').last)
    assert popover.locator("button", has_text="Save word").count() == 0
    assert popover.locator(".saved-note").inner_text() == "✓ In your vocabulary book"
    page.screenshot(path=str(artifacts / f"day-saved-word-{label}.png"))
    popover.locator("a", has_text="Open its page").click()
    page.wait_for_url("**/vocabulary/words/*")
    assert page.locator("h1").inner_text().split()[0] == "bee"
    assert errors == []
    context.close()


def test_popover_shows_the_current_status_and_vocabulary_finds_it(
    browser: Any, server: str, artifacts: Path
) -> None:
    """Bug 2: the chips say what they mean, the current one is pressed, and a status set without
    saving is listed in Vocabulary."""
    context, page, errors = new_page(browser, PHONE)
    register(page, server, "day-status")
    open_story(page, server, "Trains")
    word = page.locator(".reader-text .w.new").first
    lemma = word.get_attribute("data-l")
    popover = open_popover(page, word)
    chips = popover.locator(".status-buttons button")
    assert chips.count() == 6
    assert [c.get_attribute("aria-pressed") for c in chips.all()] == ["false"] * 6
    assert popover.locator(".status-line").inner_text().startswith("Not marked yet")
    assert "recognise" in chips.nth(1).inner_text()  # each chip has a short label, not a bare number
    chips.nth(1).click()
    popover.locator(".status-line", has_text="learning 2").wait_for()
    assert [c.get_attribute("aria-pressed") for c in chips.all()] == ["false", "true"] + ["false"] * 4
    for chip in chips.all():  # touch targets
        box = chip.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
    page.screenshot(path=str(artifacts / "day-status-phone.png"))

    page.reload()
    popover = open_popover(page, page.locator(f'.reader-text .w[data-l="{lemma}"]').first)
    assert popover.locator('.status-buttons button[aria-pressed="true"]').get_attribute("data-status") == (
        "learning-2"
    )
    page.goto(f"{server}/vocabulary")
    marked = page.locator("#marked-words li", has_text=lemma or "")
    assert marked.count() == 1 and "learning 2" in marked.inner_text()
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / "day-status-vocabulary-phone.png"), full_page=True)
    assert errors == []
    context.close()


def test_mark_the_rest_known_asks_with_the_count_and_can_be_undone(
    browser: Any, server: str, artifacts: Path
) -> None:
    """Bug 5: one tap no longer marks a hundred words: a confirmation names the count, and Undo
    restores every word's colour (also after a reload)."""
    context, page, errors = new_page(browser, PHONE)
    register(page, server, "day-mark")
    open_story(page, server, "Library")
    finish = page.locator("#finish-story")
    mark = page.locator("#mark-known")
    assert "primary" in (finish.get_attribute("class") or "")  # finishing is the main action
    assert "primary" not in (mark.get_attribute("class") or "")
    new_before = page.locator(".reader-text .w.new").count()
    lemmas = set(
        page.locator(".reader-text .w.new, .reader-text .w.presumed").evaluate_all(
            "spans => spans.map(s => s.dataset.k)"  # one word: its lemma in one part of speech
        )
    )
    mark.click()
    question = page.locator("#mark-known-question")
    assert f"Mark the {len(lemmas)} words you have not marked yet" in question.inner_text()
    page.screenshot(path=str(artifacts / "day-mark-confirm-phone.png"))
    page.locator("#mark-known-no").click()  # cancel changes nothing
    assert page.locator(".reader-text .w.new").count() == new_before
    mark.click()
    page.locator("#mark-known-yes").click()
    page.locator("#finish-status", has_text=f"{len(lemmas)} words marked known").wait_for()
    assert page.locator(".reader-text .w.new").count() == 0
    page.locator("#mark-known-undo").click()
    page.locator("#finish-status", has_text="Undone").wait_for()
    assert page.locator(".reader-text .w.new").count() == new_before
    page.reload()
    assert page.locator(".reader-text .w.new").count() == new_before
    # Finishing offers what to do next and shows the pace.
    page.locator("#finish-story").click()
    page.locator("#finish-status", has_text="Finished").wait_for()
    page.locator(".next-steps a", has_text="Read the next story for you").wait_for()
    assert errors == []
    context.close()


def test_pronunciation_falls_back_to_the_server_and_says_when_impossible(
    browser: Any, server: str, artifacts: Path
) -> None:
    """Bug 6: on a device without an English voice ▶ plays the server's espeak-ng audio; when that
    fails too, the learner is told."""
    context, page, errors = new_page(browser, PHONE)
    page.add_init_script("window.speechSynthesis && (window.speechSynthesis.getVoices = () => []);")
    register(page, server, "day-speech")
    open_story(page, server, "Trains")
    popover = open_popover(page, page.locator(".reader-text .w.new").first)
    with page.expect_response("**/api/v1/pronounce?*") as response_info:
        popover.locator(".popover-head button.play").click()
    response = response_info.value
    assert response.status in (200, 206) and response.headers["content-type"] == "audio/wav"
    popover.locator("text=server's recording").wait_for()
    popover.locator("button", has_text="Save word").click()
    popover.locator("a", has_text="Open its page").click()
    page.wait_for_url("**/vocabulary/words/*")
    with page.expect_response("**/api/v1/pronounce?*") as word_page_audio:
        page.locator("#say-word").click()  # the word's page has ▶ too
    assert word_page_audio.value.status in (200, 206)  # a media element may ask for a range
    page.locator("#say-note", has_text="server's recording").wait_for()
    page.route("**/api/v1/pronounce?*", lambda route: route.abort())
    page.locator("#say-word").click()
    page.locator("#say-note", has_text="No audio is possible").wait_for()
    page.go_back()
    popover = open_popover(page, page.locator(".reader-text .w.new").first)
    popover.locator(".popover-head button.play").click()
    popover.locator("text=No audio is possible").wait_for()
    page.screenshot(path=str(artifacts / "day-speech-phone.png"))
    assert all("pronounce" in e or "Failed to load" in e for e in errors), errors
    context.close()


@pytest.mark.parametrize("width", [320, 375])
def test_no_page_scrolls_sideways_on_a_phone(browser: Any, server: str, width: int) -> None:
    """Bug 3: every learner page fits 320-375 px, the vocabulary book with its filters included."""
    context, page, errors = new_page(browser, {"width": width, "height": 700})
    register(page, server, f"day-width-{width}")
    open_story(page, server, "Bees")
    story_url = page.url
    popover = open_popover(page, page.locator(".reader-text .w.new").first)
    popover.locator("button", has_text="Save word").click()
    popover.locator("text=Saved to your vocabulary book.").wait_for()
    page.keyboard.press("Escape")
    pages = [
        "/library",
        story_url,
        f"{story_url}&level=orig" if "?" in story_url else f"{story_url}?level=orig",
        "/vocabulary",
        "/review",
        "/progress",
        "/settings",
        "/about",
    ]
    for url in pages:
        page.goto(url if url.startswith("http") else f"{server}{url}")
        assert_no_horizontal_scroll(page)
    page.goto(f"{server}/vocabulary")
    page.locator(".word-list a").first.click()
    page.wait_for_url("**/vocabulary/words/*")
    assert_no_horizontal_scroll(page)
    assert errors == []
    context.close()


def test_review_answer_and_ratings_are_visible_without_scrolling(
    browser: Any, server: str, artifacts: Path
) -> None:
    """Bug 4: after "Show answer" or "Check" the answer and the rating buttons are on a 375 x 667
    screen, not behind the bottom navigation."""
    context, page, errors = new_page(browser, {"width": 375, "height": 667})
    register(page, server, "day-review")
    open_story(page, server, "Library")
    # Words from the longest sentences: their cards are the tallest.
    sentences = page.locator(".reader-text .sent").all()
    sentences.sort(key=lambda s: -len(s.inner_text()))
    seen: set[str] = set()
    for sentence in sentences:
        word = sentence.locator(".w.new").first
        if len(seen) == 2 or not word.count() or word.get_attribute("data-l") in seen:
            continue
        seen.add(word.get_attribute("data-l") or "")
        popover = open_popover(page, word)
        popover.locator("button", has_text="Save word").click()
        popover.locator("text=Saved to your vocabulary book.").wait_for()
        page.keyboard.press("Escape")
    page.goto(f"{server}/review")
    for _ in range(2):
        page.locator("#reveal, #answer").first.wait_for()
        if page.locator("#reveal").count():
            page.locator("#reveal").click()
        else:
            page.fill("#answer", "not the word")
            page.locator("#review-card button[type=submit]").click()
        page.locator("#review-controls:not([hidden])").wait_for()
        page.wait_for_timeout(400)  # a smooth scroll settles
        answer = page.locator("#review-card > :last-child")
        for target in [answer, *page.locator("#review-controls button").all()]:
            box = target.bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= 667, target.inner_text()
            centre = target.evaluate(
                """el => { const r = el.getBoundingClientRect();
                   const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                   return el.contains(hit); }"""
            )
            assert centre, f"covered: {target.inner_text()}"
        intervals = page.locator("#review-controls .interval").all_inner_texts()
        assert len(intervals) == 4 and all(re.fullmatch(r"\d+(\.\d)? (min|h|d|mo|y)", t) for t in intervals)
        page.screenshot(path=str(artifacts / "day-review-answer-phone.png"))
        page.locator("#review-controls button", has_text="Good").click()
        page.locator("#review-status", has_text="next review").wait_for()
    assert errors == []
    context.close()


def login(page: Any, server: str, username: str) -> None:
    page.goto(f"{server}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "vocabsphere-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/library")


def test_teacher_hides_deletes_and_restores_a_story(browser: Any, server: str, artifacts: Path) -> None:
    """Bug 7: a teacher hides or deletes (softly) a story and learners no longer meet it, in the list or
    as "Next for you"; restoring brings it back with the learner's saved word still linked."""
    teacher_context, teacher, teacher_errors = new_page(browser, DESKTOP)
    learner_context, learner, learner_errors = new_page(browser, PHONE)
    login(teacher, server, "demo-teacher")
    register(learner, server, "day-hidden")
    open_story(learner, server, "Trains")
    story_url = learner.url.split("?")[0]
    popover = open_popover(learner, learner.locator(".reader-text .w.new").first)
    popover.locator("button", has_text="Save word").click()
    popover.locator("text=Saved to your vocabulary book.").wait_for()
    title = "Night Trains Make a Comeback Across Europe"
    try:
        teacher.goto(story_url)
        teacher.get_by_role("button", name="Hide from learners").click()
        teacher.locator(".staff-actions .notice", has_text="Hidden from learners").wait_for()
        teacher.goto(f"{server}/library")
        assert teacher.locator(".story", has_text=title).locator(".hidden-badge").count() == 1
        teacher.screenshot(path=str(artifacts / "day-teacher-hidden-desktop.png"), full_page=True)
        learner.goto(f"{server}/library")
        assert learner.locator(".story", has_text=title).count() == 0
        assert learner.locator(".next-pick", has_text=title).count() == 0
        assert learner.goto(story_url).status == 404

        teacher.goto(story_url)
        teacher.get_by_role("button", name="Restore").click()
        teacher.once("dialog", lambda dialog: dialog.accept())
        teacher.get_by_role("button", name="Delete").click()
        teacher.wait_for_url("**/library?notice=deleted*")
        teacher.locator("#deleted-stories li", has_text=title).wait_for()
        learner.goto(f"{server}/library")
        assert learner.locator(".story", has_text=title).count() == 0
        learner.goto(f"{server}/vocabulary")
        assert learner.locator(".word-list li").count() == 1  # the learner's saved word stays
        teacher.locator("#deleted-stories li", has_text=title).get_by_role("button", name="Restore").click()
        teacher.wait_for_url(f"{story_url}")
    finally:  # other tests read this story: never leave it hidden
        teacher.goto(story_url)
        restore = teacher.get_by_role("button", name="Restore")
        if restore.count():
            restore.click()
    learner.goto(f"{server}/library")
    assert learner.locator(".story", has_text=title).count() == 1
    assert_no_horizontal_scroll(learner)
    assert teacher_errors == [] and learner_errors == [e for e in learner_errors if "404" in e]
    teacher_context.close()
    learner_context.close()


def test_sentence_explanation_opens_beside_the_sentence(browser: Any, server: str, artifacts: Path) -> None:
    """Rough edge: "?" on a sentence used to jump thousands of pixels down to the list; the explanation
    now opens in the sheet, and the sentence stays where it was."""
    context, page, errors = new_page(browser, PHONE)
    register(page, server, "day-why")
    open_story(page, server, "Bees")
    why = page.locator("mark.hl button.why").first
    why.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    expected = (page.locator(".highlight details p").first.text_content() or "").strip()
    assert len(expected) > 20
    why.click()
    popover = page.locator("#word-popover")
    popover.locator("text=Why this sentence is worth learning").wait_for()
    assert popover.locator("p", has_text=expected[:40]).count() == 1
    assert abs(page.evaluate("window.scrollY") - before) < 400
    box = why.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= popover.bounding_box()["y"]  # not under the sheet
    page.screenshot(path=str(artifacts / "day-why-phone.png"))
    page.keyboard.press("Escape")
    assert popover.is_hidden()
    assert errors == []
    context.close()


ARTICLE = """Volunteers in the coastal town of Marlow Bay spent the weekend cleaning the beach after a
winter of storms left plastic, rope and broken wood along three kilometres of sand.

More than two hundred people joined the clean-up, which the town council organised with a local diving
club. Families collected rubbish in large bags, while divers checked the rocks near the old harbour, where
fishing nets had become stuck.

By Sunday evening, the volunteers had filled more than four hundred bags. The council said it would
recycle most of the plastic and use the wood for a new footpath through the dunes.

Scientists from a nearby university also took samples of the sand. They want to know how much of the
plastic comes from ships and how much is carried by rivers from towns further inland.

The organisers hope to make the clean-up a yearly event. They are also asking shops in the town to stop
selling drinks in plastic bottles during the summer, when thousands of visitors come to the beach."""


def test_new_story_shows_its_versions_without_a_reload(browser: Any, server: str, artifacts: Path) -> None:
    """Rough edge: a teacher who adds an article used to read "reload in a moment" and see nothing
    change; the page now shows the level versions by itself when they are ready."""
    context, page, errors = new_page(browser, DESKTOP)
    login(page, server, "demo-teacher")
    page.goto(f"{server}/news/add")
    page.fill("input[name=title]", "Volunteers Clean a Beach After Winter Storms")
    page.fill("textarea[name=text]", ARTICLE)
    page.get_by_role("button", name="Add article").click()
    page.wait_for_url("**/stories/*")
    if not page.locator(".level-switch").count():
        assert page.locator("#versions-pending").is_visible()
        page.locator(".level-switch").wait_for(timeout=240_000)  # no reload by the test
    assert page.locator(".reader-text .w").count() > 100
    page.screenshot(path=str(artifacts / "day-new-story-desktop.png"))
    # Teachers can hide it at once (it is not a story for everyone yet).
    page.get_by_role("button", name="Hide from learners").click()
    page.locator(".staff-actions .notice", has_text="Hidden from learners").wait_for()
    assert errors == []
    context.close()


def test_typing_u_in_an_answer_box_types_and_undo_has_a_button(
    browser: Any, server: str, artifacts: Path
) -> None:
    """Rough edge: on typed cards "U" must type a u, not undo; undo stays reachable as a button."""
    context, page, errors = new_page(browser, PHONE)
    register(page, server, "day-undo")
    open_story(page, server, "Library")
    saved: set[str] = set()
    for word in page.locator(".reader-text .w.new").all():
        lemma = word.get_attribute("data-l") or ""
        if len(saved) == 5:
            break
        if lemma in saved:
            continue
        saved.add(lemma)
        popover = open_popover(page, word)
        popover.locator("button", has_text="Save word").click()
        popover.locator("text=Saved to your vocabulary book.").wait_for()
        page.keyboard.press("Escape")
    page.goto(f"{server}/review")
    for rated in range(len(saved)):
        page.locator("#reveal, #answer").first.wait_for()
        if rated and page.locator("#answer").count():
            break
        if page.locator("#reveal").count():
            page.locator("#reveal").click()
        else:
            page.fill("#answer", "not the word")
            page.locator("#review-card button[type=submit]").click()
        page.locator("#review-controls button", has_text="Good").click()
        page.locator("#review-status", has_text="next review").wait_for()
    else:
        pytest.fail("no typed card after a rated one")
    page.locator("#answer").focus()
    page.keyboard.type("uu")
    assert page.input_value("#answer") == "uu"
    assert "undone" not in page.locator("#review-status").inner_text()
    undo = page.locator("#undo")
    box = undo.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    undo.click()
    page.locator("#review-status", has_text="Rating undone.").wait_for()
    page.screenshot(path=str(artifacts / "day-undo-phone.png"))
    assert errors == []
    context.close()
