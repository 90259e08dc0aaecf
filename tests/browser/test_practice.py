"""Practice in a real browser at phone and desktop width: a learner with saved words answers an
exercise of every kind (right and wrong; by keyboard on the desktop), sees the feedback with its
explanation after each, and a summary at the end. Screenshots land in test-artifacts/."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_no_horizontal_scroll, register

pytestmark = pytest.mark.browser

# Sentences written for this test: (lemma, part of speech, word as written, sentence).
SAVED = [
    ("decision", "NOUN", "decision", "The board made a quick decision about the new school."),
    ("raise", "VERB", "raised", "They have raised the price of bread."),
    ("depend", "VERB", "depend", "Small farmers depend on the weather for their income."),
    ("child", "NOUN", "children", "Many children played happily in the park after school."),
]
# What a learner who knows the answers would give, by kind and word.
ANSWERS = {
    "part_of_speech": {"decision": "noun", "raise": "verb", "depend": "verb", "child": "noun"},
    "sentence_role": {"raise": "verb", "decision": "object", "depend": "verb", "child": "subject"},
    "word_order": {"raise": ["they", "have raised", "the price of bread"]},
    "collocation": {"depend": "on", "decision": "made"},
    "question": {
        "decision": "Did the board make a quick decision about the new school?",
        "depend": "Do small farmers depend on the weather for their income?",
        "child": "Did many children play happily in the park after school?",
    },
}
FORMS = {"decision": "decision", "raise": "raised", "depend": "depend", "child": "children"}
SAVE_JS = """async (words) => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  for (const [lemma, pos, word, sentence] of words) {
    const response = await fetch('/api/v1/words', {method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
      body: JSON.stringify({lemma, pos, word, sentence, definition: 'x'})});
    if (response.status !== 201) throw new Error(await response.text());
  }
}"""

# Exercises are made by a background job after each save: wait until none of the words is waiting.
READY_JS = """async () => {
  for (let i = 0; i < 240; i++) {
    const response = await fetch('/api/v1/practice/session?size=1', {credentials: 'same-origin'});
    if (response.ok && (await response.json()).waiting_words === 0) return true;
    await new Promise((done) => setTimeout(done, 500));
  }
  return false;
}"""


KIND_NAMES = {
    "Part of speech": "part_of_speech",
    "Word family": "word_family",
    "Word form": "word_form",
    "Sentence pattern": "sentence_role",
    "Word order": "word_order",
    "Fill the gap": "cloze",
    "Collocation": "collocation",
    "Questions": "question",
}
OPENINGS = {
    "The board": "decision",
    "They have": "raise",
    "Small farmers": "depend",
    "Many ": "child",
}


def _kind(page: Any) -> tuple[str, str]:
    """The exercise's kind (from its heading) and word (from its sentence's first words)."""
    meta = page.locator("#exercise .meta").first.inner_text()
    kind = next(k for name, k in KIND_NAMES.items() if f"· {name}" in meta)
    if kind == "word_order":
        return kind, "raise"  # the only sentence with a subject pronoun
    text = page.locator("#exercise").inner_text()
    word = next((word for opening, word in OPENINGS.items() if opening in text), None)
    assert word is not None, text
    return kind, word


def _options(page: Any) -> list[str]:
    texts = page.locator("#exercise .choices .button").all_inner_texts()
    return [t.rsplit(maxsplit=1)[0].strip() for t in texts]  # without the key hint ("noun 1")


def _choose(page: Any, option: str, keyboard: bool) -> None:
    index = _options(page).index(option)
    if keyboard:
        page.keyboard.press(str(index + 1))
    else:
        page.locator("#exercise .choices .button").nth(index).click()


def _answer(page: Any, kind: str, word: str, wrong: bool, keyboard: bool) -> None:
    if kind == "word_form" or page.locator("#exercise #typed").count():  # a word family may be typed
        page.fill("#typed", "zzz" if wrong else FORMS[word])
        if keyboard:
            page.keyboard.press("Enter")
        else:
            page.locator("form.typed button").click()
    elif kind == "word_order":
        for phrase in ANSWERS["word_order"][word][:: -1 if wrong else 1]:
            _choose(page, phrase, keyboard)
    else:
        right = ANSWERS.get(kind, {}).get(word, FORMS[word])
        pick = next(o for o in _options(page) if o != right) if wrong else right
        _choose(page, pick, keyboard)


@pytest.mark.skipif(not os.environ.get("VOCABSPHERE_LEXICON"), reason="exercises need the built lexicon")
@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_practice_every_kind_with_feedback_and_summary(
    browser: Any, server: str, artifacts: Path, label: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    register(page, server, f"practice-{label}")
    page.evaluate(SAVE_JS, SAVED)
    assert page.evaluate(READY_JS)
    page.goto(f"{server}/library")
    page.locator('nav.sections a[href="/practice"]').click()
    page.wait_for_url(f"{server}/practice")
    page.locator("#exercise .choices, #exercise #typed").first.wait_for(timeout=60_000)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / f"practice-question-{label}.png"))
    keyboard = label == "desktop"
    kinds: set[str] = set()
    right = wrong = 0
    for number in range(20):
        if page.locator("#practice-done").is_visible():
            break
        kind, word = _kind(page)
        # A wrong choice first, and a wrong typed answer the first time a form is asked.
        _answer(page, kind, word, number == 0 or (kind == "word_form" and kind not in kinds), keyboard)
        kinds.add(kind)
        feedback = page.locator("#feedback .feedback")
        feedback.wait_for()
        assert page.locator("#feedback .explanation").inner_text().strip()
        if "Right" in feedback.inner_text():
            right += 1
        else:
            wrong += 1
        if number == 0:
            assert_no_horizontal_scroll(page)
            page.screenshot(path=str(artifacts / f"practice-feedback-{label}.png"))
        if keyboard:
            page.keyboard.press("Enter")
        else:
            page.locator("#next").click()
    assert kinds == {
        "part_of_speech",
        "word_family",
        "word_form",
        "sentence_role",
        "word_order",
        "cloze",
        "collocation",
        "question",
    }
    assert right >= 5 and wrong >= 1
    summary = page.locator("#practice-score").inner_text()
    assert f"You answered {right} of {right + wrong} right." == summary
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / f"practice-summary-{label}.png"))
    assert errors == []
    context.close()


def _submit_filters(page: Any, keyboard: bool) -> None:
    if keyboard:  # from the grammar point list, Tab reaches the button; Enter starts again
        page.focus("#grammar-filter")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
    else:
        page.locator("#practice-kinds button[type=submit]").click()


@pytest.mark.skipif(not os.environ.get("VOCABSPHERE_LEXICON"), reason="exercises need the built lexicon")
@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_practice_by_kind_or_grammar_point(
    browser: Any, server: str, artifacts: Path, label: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    register(page, server, f"practice-pick-{label}")
    page.evaluate(SAVE_JS, SAVED)
    assert page.evaluate(READY_JS)
    page.goto(f"{server}/practice")
    page.locator("#exercise .choices, #exercise #typed").first.wait_for(timeout=60_000)
    keyboard = label == "desktop"
    # Only parts of speech: every item of the new session is one.
    page.select_option("#kind-filter", "part_of_speech")
    _submit_filters(page, keyboard)
    page.locator("#exercise .choices").first.wait_for()
    for _ in range(4):
        assert _kind(page)[0] == "part_of_speech"
        _choose(page, _options(page)[0], keyboard)
        page.locator("#feedback .feedback").wait_for()
        page.locator("#next").click()
        if page.locator("#practice-done").is_visible():
            break
    # A grammar point the learner's items practise (listed once they are made): "have raised".
    page.goto(f"{server}/practice")
    page.locator("#exercise .choices, #exercise #typed").first.wait_for(timeout=60_000)
    page.select_option("#kind-filter", "")
    page.select_option("#grammar-filter", "present_perfect")
    _submit_filters(page, keyboard)
    page.locator("#exercise #typed").wait_for()
    assert "present perfect (" in page.locator("#exercise .meta").first.inner_text()
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / f"practice-grammar-point-{label}.png"))
    assert errors == []
    context.close()


@pytest.mark.skipif(not os.environ.get("VOCABSPHERE_LEXICON"), reason="exercises need the built lexicon")
def test_a_typed_word_family_item_is_shown_and_graded(browser: Any, server: str, artifacts: Path) -> None:
    """Word formation (issue #17): the stem in capitals, a text field, a slip forgiven."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    register(page, server, "practice-family")
    page.evaluate(SAVE_JS, [("improve", "VERB", "improve", "We must improve the roads in our town.")])
    assert page.evaluate(READY_JS)
    page.goto(f"{server}/practice")
    page.locator("#exercise .choices, #exercise #typed").first.wait_for(timeout=60_000)
    page.select_option("#kind-filter", "word_form,word_family")
    _submit_filters(page, keyboard=False)
    page.locator("#exercise #typed").wait_for()
    for _ in range(3):  # the word's word-form item may come first
        if "IMPROVEMENT" in page.locator("#exercise").inner_text():
            break
        page.fill("#typed", "improve")
        page.locator("form.typed button").click()
        page.locator("#next").click()
        page.locator("#exercise #typed").wait_for()
    assert "Word family" in page.locator("#exercise .meta").first.inner_text()
    assert "IMPROVEMENT" in page.locator("#exercise").inner_text()
    page.fill("#typed", "imporve")
    page.locator("form.typed button").click()
    page.locator("#feedback .feedback").wait_for()
    assert "improve" in page.locator("#feedback").inner_text()
    assert page.locator("#feedback .explanation").inner_text().strip()
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / "practice-word-family-typed.png"))
    assert errors == []
    context.close()
