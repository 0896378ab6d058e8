"""Practice pages in Chromium: the answer key behind "Show me anyway", the quick loop first on
the home page, the phone menu (with and without JavaScript) and lab tables on a phone.

Screenshots go to ``test-output/e2e/practice-*.png`` in the project root.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _support import SCREENSHOTS, Problems, Server, new_page
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
CONCEPT = "adam-optimizer"
# The first grading loads the model; on a busy 2-core machine that can take a while.
GRADE_TIMEOUT_MS = 180_000


@pytest.mark.parametrize("javascript", [True, False])
def test_the_phone_nav_is_a_menu_button(server: Server, browser: Any, javascript: bool) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport=PHONE, java_script_enabled=javascript)
    page.goto(server.base + "/questions")
    nav = page.get_by_role("navigation", name="Main")
    # A <details> menu: its <summary> is the button (browsers expose it as a disclosure
    # button with its expanded state); it opens without JavaScript.
    menu = nav.locator("summary.nav-toggle")
    expect(menu).to_be_visible()
    expect(menu).to_have_text("Menu")
    links = nav.locator("a")
    assert links.count() >= 8
    for index in range(links.count()):
        expect(links.nth(index)).to_be_hidden()
    # Folded, the header is one row: the brand and the button side by side.
    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] < 80, header
    brand = page.locator(".brand").bounding_box()
    button = menu.bounding_box()
    assert brand and button and abs(brand["y"] - button["y"]) < 20

    menu.click()
    assert page.locator(".nav-menu").get_attribute("open") is not None
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        expect(links.nth(index)).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=SCREENSHOTS / f"practice-phone-menu-{'js' if javascript else 'nojs'}.png")
    nav.get_by_role("link", name="Coding problems").click()
    page.wait_for_url("**/problems")
    assert problems.items == [], "\n".join(problems.items)


def test_a_wide_screen_shows_the_links_and_no_menu_button(server: Server, browser: Any) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport=DESKTOP)
    page.goto(server.base + "/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.locator("summary.nav-toggle")).to_be_hidden()
    for label in ("Home", "Question bank", "Coding problems", "Labs", "History"):
        expect(nav.get_by_role("link", name=label)).to_be_visible()
    assert problems.items == [], "\n".join(problems.items)


@pytest.mark.parametrize("javascript", [True, False])
def test_show_me_anyway_reveals_the_answer_key(
    server: Server, browser: Any, javascript: bool
) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport=DESKTOP, java_script_enabled=javascript)
    question = server.api(f"/api/questions/{CONCEPT}")
    page.goto(f"{server.base}/questions/{CONCEPT}")
    expect(page.get_by_role("heading", name="How to answer")).to_be_hidden()
    expect(page.locator(".model-answer")).to_be_hidden()
    expect(page.get_by_text(question["rubric"]["follow_ups"][0]["question"])).to_be_hidden()
    expect(page.get_by_role("textbox", name="Answer as you would in the interview")).to_be_visible()

    toggle = page.locator("#answer-key > summary")
    expect(toggle).to_contain_text("Show me anyway")
    toggle.click()  # a <details>: no JavaScript needed
    expect(page.get_by_role("heading", name="How to answer")).to_be_visible()
    expect(page.locator("#answer-key .model-answer")).to_be_visible()
    first_point = question["rubric"]["key_points"][0]["text"]
    expect(page.locator("#answer-key .key-points").get_by_text(first_point)).to_be_visible()
    expect(page.get_by_text(question["rubric"]["follow_ups"][0]["question"])).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "practice-show-me-anyway.png", full_page=True)
    assert problems.items == [], "\n".join(problems.items)


def test_the_home_page_leads_with_the_quick_loop(server: Server, browser: Any) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport=DESKTOP)
    page.goto(server.base + "/")
    first = page.locator("main .button").first
    expect(first).to_have_text("Start the 35 min quick loop")
    # The full loop is one click further: its page, where it starts.
    page.locator("main").get_by_role("link", name="The full loop").first.click()
    page.wait_for_url("**/loops/amazon-mle")
    expect(page.get_by_test_id("start-loop")).to_be_visible()
    page.go_back()
    page.get_by_role("button", name="Start the 35 min quick loop").click()
    page.wait_for_url("**/sessions/*")
    expect(page.get_by_role("heading", name="Next: Coding")).to_be_visible()
    assert problems.items == [], "\n".join(problems.items)


def _on_screen(cell: Any) -> bool:
    """Whether the whole cell is inside the phone's width (and so not cut off)."""
    box = cell.bounding_box()
    return bool(box) and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1


def _plant_lab_result(server: Server) -> str:
    """A cached result of a lab with a wide table, as a run leaves it in the data folder."""
    from barraiser.labs.base import LabResult, Table
    from barraiser.labs.registry import get_lab
    from barraiser.labs.runner import cache_entry

    lab = get_lab("optimizer-memory")
    columns = ["optimiser", "chosen learning rate", "state bytes per parameter"]
    columns += ["state MB for 100M parameters", "mean loss, epoch 1", "mean loss, epoch 8"]
    columns += ["validation accuracy", "test accuracy"]
    rows: list[list[str | float | int | None]] = [
        ["SGD", 0.1, 0.0, 0.0, 1.8312, 0.4211, 0.8712, 0.8655],
        ["SGD with momentum", 0.01, 4.0, 400.0, 1.2201, 0.3501, 0.8812, 0.8761],
        ["Adam", 0.001, 8.0, 800.0, 0.6123, 0.2903, 0.8905, 0.8844],
        ["RMSProp", 0.0003, 4.0, 400.0, 0.7001, 0.3112, 0.8850, 0.8790],
    ]
    result = LabResult(
        id=lab.id,
        title=lab.title,
        question_id=lab.question_id,
        guide_question=lab.guide_question,
        size="full",
        summary=lab.summary,
        datasets=[],
        tables=[Table(title="Optimisers compared", columns=columns, rows=rows)],
        seconds=12.0,
    )
    data = Path(server.log).parent / "data"
    entry = cache_entry(lab.id, "full", data / "cache" / "labs")
    entry.mkdir(parents=True, exist_ok=True)
    (entry / "result.json").write_text(result.model_dump_json(), encoding="utf-8")
    return lab.id


def test_a_lab_table_scrolls_on_a_phone_and_keeps_small_numbers(
    server: Server, browser: Any
) -> None:
    lab_id = _plant_lab_result(server)
    problems = Problems()
    page = new_page(browser, problems, viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(f"{server.base}/labs/{lab_id}")
    table = page.locator(".lab-table").first
    expect(table).to_be_visible()
    rates = table.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert rates == ["0.100", "0.010", "1e-3", "3e-4"], rates
    # The page itself never scrolls sideways; the table's own box does, to its last column.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    wrap = page.locator(".lab-table-wrap").first
    widths = wrap.evaluate("w => [w.scrollWidth, w.clientWidth]")
    assert widths[0] > widths[1], f"the table does not scroll: {widths}"
    # A region the keyboard can reach (and scroll), named by the table's caption.
    expect(page.get_by_role("region", name="Optimisers compared")).to_have_attribute(
        "tabindex", "0"
    )
    last = table.locator("thead th").last
    wrap.scroll_into_view_if_needed()
    assert not _on_screen(last), "the last column starts out of sight, to scroll to"
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    assert _on_screen(last), "scrolled, the last column shows in full"
    # The row labels stay in place while the numbers scroll under them.
    assert _on_screen(table.locator("tbody tr td:first-child").nth(2))
    page.screenshot(path=SCREENSHOTS / "practice-lab-table-phone.png", full_page=True)
    assert problems.items == [], "\n".join(problems.items)


def test_the_first_grade_opens_the_answer_key_and_links_the_lab(
    server: Server, browser: Any
) -> None:
    question_id = "bagging-vs-boosting"
    question = server.api(f"/api/questions/{question_id}")
    weak = next(c["answer"] for c in question["calibration"] if c["level"] == "weak")
    problems = Problems()
    page = new_page(browser, problems, viewport=DESKTOP)
    page.goto(f"{server.base}/questions/{question_id}")
    expect(page.locator("#answer-key > summary")).to_contain_text("Show me anyway")
    expect(page.locator(".model-answer")).to_be_hidden()
    page.get_by_label("Answer as you would in the interview").fill(weak)
    page.get_by_role("button", name="Grade").click()
    page.locator("#grade .score-value").wait_for(state="visible", timeout=GRADE_TIMEOUT_MS)

    # Graded: the key opens in place, without a reload.
    expect(page.locator("#answer-key > summary")).to_contain_text("Compare with the answer key")
    expect(page.locator("#answer-key .model-answer")).to_be_visible()
    expect(page.get_by_text(question["rubric"]["follow_ups"][0]["question"]).first).to_be_visible()
    # The attempt is numbered for this question.
    expect(page.locator("#attempts .attempt-number").first).to_have_text("Attempt 1")
    # The next step links the lab's page; the page shows no command line to run.
    page.locator("#grade .feedback-text summary").click()
    assert "barraiser lab" not in page.locator("main").inner_text()
    link = page.locator(".grade-next a")
    expect(link).to_have_attribute("href", "/labs/bagging-vs-boosting")
    page.screenshot(path=SCREENSHOTS / "practice-first-grade.png", full_page=True)
    link.click()
    page.wait_for_url("**/labs/bagging-vs-boosting")
    assert problems.items == [], "\n".join(problems.items)
