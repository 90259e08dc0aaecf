"""The rest of a learner's day (issue 16): statuses by lemma and part of speech, the tapped form's
own pronunciation, live progress while versions build, and word-level marks in "What changed?"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_no_horizontal_scroll, register
from tests.browser.test_learner_day import new_page, open_popover, open_story

pytestmark = pytest.mark.browser


def _classes(page: Any, selector: str) -> list[list[str]]:
    return [c.split() for c in page.locator(selector).evaluate_all("spans => spans.map(s => s.className)")]


def test_status_belongs_to_the_lemma_in_its_part_of_speech(
    browser: Any, server: str, artifacts: Path
) -> None:
    """ "tags" (a noun) and "tagged" (a verb) share the lemma "tag": marking the noun marks every form of
    the noun and leaves the verb alone, after a reload too; saving the noun does not save the verb."""
    context, page, errors = new_page(browser, PHONE)
    register(page, server, "details-pos")
    open_story(page, server, "Bees")
    nouns = '.reader-text .w[data-k="tag:NOUN"]'
    verbs = '.reader-text .w[data-k="tag:VERB"]'
    assert page.locator(nouns).count() >= 1 and page.locator(verbs).count() >= 1
    verb_before = _classes(page, verbs)
    popover = open_popover(page, page.locator(nouns).first)
    popover.locator('.status-buttons button[data-status="learning-3"]').click()
    popover.locator(".status-line", has_text="learning 3").wait_for()
    popover.locator("button", has_text="Save word").click()
    popover.locator("text=Saved to your vocabulary book.").wait_for()
    page.keyboard.press("Escape")
    assert all("learning-3" in c and "saved" in c for c in _classes(page, nouns))
    assert _classes(page, verbs) == verb_before  # the verb is another word

    page.reload()
    assert all("learning-3" in c and "saved" in c for c in _classes(page, nouns))
    assert all("learning-3" not in c and "saved" not in c for c in _classes(page, verbs))
    popover = open_popover(page, page.locator(verbs).first)
    assert popover.locator("button", has_text="Save word").count() == 1
    assert popover.locator('.status-buttons button[aria-pressed="true"]').count() == 0
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / "details-status-pos-phone.png"))
    assert errors == []
    context.close()


@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_each_pronunciation_is_shown_beside_its_own_word(
    browser: Any, server: str, artifacts: Path, label: str, viewport: dict[str, int]
) -> None:
    """Tapping "bees" showed /ˈbiz/ beside "bee": now the dictionary form has its own IPA, and the
    tapped form's IPA (with its own ▶) is on a line naming the form."""
    context, page, errors = new_page(browser, viewport)
    register(page, server, f"details-ipa-{label}")
    open_story(page, server, "Bees")
    plural = page.locator(".reader-text .w", has_text="bees").first
    popover = open_popover(page, plural)
    head = popover.locator(".popover-head")
    assert head.locator(".headword").inner_text() == "bee"
    assert head.locator(".ipa").inner_text() == "/ˈbi/"
    form = popover.locator(".form-ipa")
    assert form.inner_text().replace("\n", " ").startswith("Here: bees /ˈbiz/")
    assert form.get_by_role("button", name="Say bees").count() == 1
    page.screenshot(path=str(artifacts / f"details-ipa-{label}.png"))
    page.keyboard.press("Escape")
    # A form that is the dictionary form has one pronunciation, beside it.
    single = page.locator('.reader-text .w[data-k="bee:NOUN"]', has_text="bee").filter(has_not_text="bees")
    if single.count():
        popover = open_popover(page, single.first)
        assert popover.locator(".form-ipa").count() == 0
    assert_no_horizontal_scroll(page)
    assert errors == []
    context.close()


@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_what_changed_marks_the_words_left_out_and_the_new_ones(
    browser: Any, server: str, artifacts: Path, label: str, viewport: dict[str, int]
) -> None:
    """ "What changed?" showed two paragraphs side by side with no marks: now the words the version left
    out are struck (<del>) and its new or replacing words marked (<ins>), each said to screen readers."""
    from tests.browser.test_accessibility import AXE, serious_violations

    context = browser.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    register(page, server, f"details-changes-{label}")
    open_story(page, server, "Trains")
    page.locator(".level-switch a", has_text="A2").click()
    page.get_by_role("link", name="What changed?").click()
    page.wait_for_url("**/changes?level=A2")
    struck = page.locator(".changes-row del")
    assert struck.count() >= 1
    assert struck.first.locator(".visually-hidden").first.inner_text().startswith("[left out")
    # A struck run is part of the original paragraph, never of the version's.
    for row in page.locator(".changes-row").all()[:12]:
        cells = row.locator("p").all()
        assert cells[1].locator("del").count() == 0 and cells[0].locator("ins").count() == 0
    if page.locator(".changes-row ins").count():
        assert page.locator(".changes-row ins .visually-hidden").first.inner_text().startswith("[new")
    assert_no_horizontal_scroll(page)
    page.add_script_tag(path=str(AXE))
    assert serious_violations(page) == []
    page.screenshot(path=str(artifacts / f"details-changes-{label}.png"), full_page=label == "phone")
    context.close()


# Recorded on every page load: each text the versions' progress line shows, and the bar's values.
RECORD_PROGRESS = """
addEventListener("DOMContentLoaded", () => {
  const step = document.getElementById("versions-step");
  if (!step) return;
  const seen = JSON.parse(sessionStorage.getItem("steps") || "[]");
  const note = () => {
    const bar = document.getElementById("versions-bar");
    seen.push([step.textContent.trim(), bar ? Number(bar.getAttribute("aria-valuenow")) : -1]);
    sessionStorage.setItem("steps", JSON.stringify(seen));
  };
  note();
  new MutationObserver(note).observe(step, { childList: true, characterData: true, subtree: true });
});
"""


# Written for this test: a story no other test adds (a shared wording would join it to theirs).
ORCHARD = """Apple growers in the hill villages above Lindqvist Valley started their harvest two weeks early
this year after a long, dry summer ripened the fruit faster than usual.

The growers' cooperative said the crop was smaller than last year but the apples were sweeter. Pickers
worked from sunrise to noon, when the heat became too strong, and packed the fruit in a new cold store
that the cooperative opened in the spring with help from a regional fund.

Several families said they had planted older varieties again, because those trees needed less water.
One grower, whose orchard has belonged to her family for four generations, showed visitors a row of
trees her grandfather had grafted by hand. "They look tired in August," she said, "but they never fail."

Schools in the valley will close for three days next week so that older pupils can help with the
picking, a tradition the villages have kept since the nineteen-fifties. The cooperative expects to
sell most of the harvest to shops in nearby towns and to make juice from the rest."""


def test_adding_an_article_shows_live_progress_then_the_versions(
    browser: Any, server: str, artifacts: Path
) -> None:
    """ "Reload in a moment" and nothing moved: the page now follows the job building the versions
    (which step, which levels are ready, a progress bar) and shows the versions when they are done."""
    from tests.browser.test_learner_day import login

    context, page, errors = new_page(browser, DESKTOP)
    page.add_init_script(RECORD_PROGRESS)
    login(page, server, "demo-teacher")
    # The demo articles again, each with a new line, keep both background workers busy (rebuilding
    # their stories), so this page is open before its own job starts.
    from vocabsphere.demo import __file__ as demo_init

    token = httpx.post(
        f"{server}/api/v1/auth/token", json={"username": "demo-teacher", "password": "vocabsphere-demo"}
    ).json()["access_token"]
    for path in sorted(Path(demo_init).parent.glob("*.md"))[:2]:
        response = httpx.post(
            f"{server}/api/v1/ingest/text",
            headers={"Authorization": f"Bearer {token}"},
            json={"text": path.read_text(encoding="utf-8") + "\n\nThe report was updated this week."},
            timeout=60,
        )
        assert response.status_code == 201
    page.goto(f"{server}/news/add")
    page.fill("input[name=title]", "Valley Growers Start the Apple Harvest Early")
    page.fill("textarea[name=text]", ORCHARD)
    page.get_by_role("button", name="Add article").click()
    page.wait_for_url("**/stories/*job=*")
    if page.locator("#versions-pending").count():
        assert page.get_by_role("progressbar", name="Level versions built").count() == 1
        page.screenshot(path=str(artifacts / "details-progress-desktop.png"))
    page.locator(".level-switch").wait_for(timeout=240_000)  # no reload by the test
    assert page.locator(".reader-text .w").count() > 100
    seen = page.evaluate("JSON.parse(sessionStorage.getItem('steps') || '[]')")
    texts = [text for text, _ in seen]
    assert texts, "the page never showed the versions' progress"
    # Every message the versions job reports (services/versions.py) and the page's own last word: the job may
    # end between two polls, so any of them can be the last one seen.
    job_steps = ("Adapting the text to each level", "Finding sentences worth", "Saving the versions")
    allowed = ("Waiting for a free worker", *job_steps, "The versions are ready; showing them now.")
    assert all(text.startswith(allowed) for text in texts), texts
    assert any(text.startswith(job_steps) for text in texts), texts  # a step of the job, as it ran
    values = [value for _, value in seen if value >= 0]
    assert values == sorted(values)  # the bar never goes back
    assert errors == []
    context.close()
