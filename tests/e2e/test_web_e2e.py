"""The web app end to end: `barraiser serve` as a real process, driven by Debian's Chromium.

Screenshots of each step are saved (full page) under ``test-output/e2e/`` in the project root.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from _support import SCREENSHOTS, Problems, Server, new_page

pytestmark = pytest.mark.e2e


def _row_ids(page: Any) -> list[str]:
    ids: list[str] = page.eval_on_selector_all(".q-row", "rows => rows.map(r => r.dataset.id)")
    return ids


def test_candidate_browses_the_loop_and_the_bank(server: Server, browser: Any) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport={"width": 1280, "height": 900})

    # Home: the Amazon loop as a timeline of its five stages.
    loop = server.api("/api/loops/amazon-mle")
    page.goto(server.base + "/")
    stages = page.locator("ol.timeline > li.tl-stage")
    assert stages.count() == 5 == len(loop["stages"])
    titles = [t.strip() for t in page.locator(".tl-name").all_inner_texts()]
    assert titles == [s["title"] for s in loop["stages"]]
    assert page.get_by_text("Bar Raiser has a veto").is_visible()
    page.screenshot(path=SCREENSHOTS / "home.png", full_page=True)

    # To the bank through the main navigation.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Question bank").click()
    page.wait_for_url("**/questions")
    assert len(_row_ids(page)) == len(server.api("/api/questions"))
    page.evaluate("window.__sameDocument = true")  # survives HTMX swaps, not a page load

    # Filter by kind: the list updates in place (HTMX) and every row has that kind.
    summaries = server.api("/api/questions")
    kind = max({q["kind"] for q in summaries}, key=lambda k: sum(q["kind"] == k for q in summaries))
    expected = [q["id"] for q in server.api(f"/api/questions?kind={kind}")]
    page.select_option("#f-kind", kind)
    page.wait_for_function(
        "n => document.querySelectorAll('.q-row').length === n", arg=len(expected)
    )
    assert _row_ids(page) == expected
    kinds = page.eval_on_selector_all(".q-row", "rows => rows.map(r => r.dataset.kind)")
    assert set(kinds) == {kind}

    # Type a word in the search box: the list narrows as you type.
    target = next(q for q in summaries if q["kind"] == kind)
    word = max(target["title"].split(), key=len).strip(".,?%").lower()
    expected = [q["id"] for q in server.api(f"/api/questions?kind={kind}&q={word}")]
    assert target["id"] in expected
    page.locator("#f-q").press_sequentially(word, delay=40)
    page.wait_for_function(
        "ids => JSON.stringify([...document.querySelectorAll('.q-row')].map(r => r.dataset.id))"
        " === JSON.stringify(ids)",
        arg=expected,
    )
    assert page.evaluate("window.__sameDocument") is True, "filtering reloaded the whole page"
    # The address bar holds the filters in use (and only those), so the view can be shared.
    pushed = parse_qs(urlsplit(page.url).query, keep_blank_values=True)
    assert pushed == {"kind": [kind], "q": [word]}, page.url
    count = page.locator("#result-count").inner_text()
    assert count.startswith(f"{len(expected)} question")
    # Each hit says where it matched, the search word marked.
    marked = page.locator(f'.q-row[data-id="{target["id"]}"] .q-snippet mark')
    # Search stems words ("interpreting" finds "interpret"): the mark is a form of the word.
    assert marked.count() >= 1
    mark = marked.first.inner_text().lower()
    common = next(
        (i for i, (a, b) in enumerate(zip(mark, word, strict=False)) if a != b),
        min(len(mark), len(word)),
    )
    assert common >= max(4, min(len(mark), len(word)) - 2), (mark, word)
    page.screenshot(path=SCREENSHOTS / "bank-filtered.png", full_page=True)

    # Open the question; before a first graded answer, its answer key (the model answer
    # among it) is hidden until "Show me anyway" is opened.
    question = server.api(f"/api/questions/{target['id']}")
    page.locator(f'.q-row[data-id="{target["id"]}"] a.q-title').click()
    page.wait_for_url(f"**/questions/{target['id']}")
    assert page.locator("h1").inner_text().strip() == question["title"]
    answer = page.locator(".model-answer")
    assert not answer.is_visible()
    page.get_by_text("Show me anyway").click()
    answer.wait_for(state="visible")
    assert len(answer.inner_text().strip()) > 40
    if question["rubric"]:
        first_point = question["rubric"]["key_points"][0]["text"]
        assert page.locator(".key-points").get_by_text(first_point).is_visible()
    assert page.get_by_role("link", name="Back to the question bank").is_visible()
    page.screenshot(path=SCREENSHOTS / "question.png", full_page=True)

    # The API docs work offline (vendored Swagger UI).
    page.get_by_role("navigation", name="Main").get_by_role("link", name="API docs").click()
    page.locator(".swagger-ui .opblock").first.wait_for(state="visible")
    page.screenshot(path=SCREENSHOTS / "docs.png", full_page=True)

    assert problems.items == [], "\n".join(problems.items)


def test_filters_work_without_javascript(server: Server, browser: Any) -> None:
    problems = Problems()
    page = new_page(browser, problems, java_script_enabled=False)
    page.goto(server.base + "/questions")
    kind = server.api("/api/questions")[0]["kind"]
    page.select_option("#f-kind", kind)
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(f"**/questions?*kind={kind}*")
    expected = [q["id"] for q in server.api(f"/api/questions?kind={kind}")]
    assert _row_ids(page) == expected
    page.locator(".q-row a.q-title").first.click()
    page.get_by_text("Show me anyway").click()  # <details> opens without JavaScript
    page.locator(".model-answer").wait_for(state="visible")
    assert problems.items == [], "\n".join(problems.items)


def test_layout_fits_a_phone(server: Server, browser: Any) -> None:
    problems = Problems()
    page = new_page(
        browser,
        problems,
        viewport={"width": 375, "height": 812},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    for path in ("/", "/questions", "/loops/quick"):
        page.goto(server.base + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 375px"
        # The links fold behind the Menu button, which opens them.
        nav = page.get_by_role("navigation", name="Main")
        assert not nav.get_by_role("link", name="Loops").is_visible(), path
        nav.locator("summary.nav-toggle").click()
        for label in ("Home", "Loops", "Question bank", "API docs"):
            assert nav.get_by_role("link", name=label).is_visible(), (path, label)
        if path == "/":
            assert page.locator("ol.timeline > li.tl-stage").count() == 5
            box = page.locator(".tl-card").first.bounding_box()
            assert box is not None and box["x"] + box["width"] <= 375
            page.screenshot(path=SCREENSHOTS / "mobile-home.png", full_page=True)
    assert problems.items == [], "\n".join(problems.items)
