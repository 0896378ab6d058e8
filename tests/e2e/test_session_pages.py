"""Round pages in Chromium against a real `barraiser serve`: the card shown while the interviewer
is still reading an answer (it polls until the follow-up comes), the main navigation on a
phone-sized screen, and an answer pasted over the length limit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from _support import SCREENSHOTS, Problems, Server, new_page
from playwright.sync_api import expect

from barraiser.store import Store
from barraiser.store.db import make_engine

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def store(server: Server) -> Iterator[Store]:
    """The running server's own SQLite store (conftest keeps its data folder next to its log)."""
    database = server.log.parent / "data" / "barraiser.db"
    opened = Store.from_engine(make_engine(f"sqlite:///{database}"))
    try:
        yield opened
    finally:
        opened.close()


def _post(page: Any, url: str, data: dict[str, Any] | None = None) -> Any:
    response = page.request.post(url, data=data or {})
    assert response.ok, f"{url}: {response.status} {response.text()[:300]}"
    return response.json()


def test_still_reading_card_waits_then_swaps_in_the_follow_up(
    server: Server, browser: Any, store: Store, set_item_state: Callable[..., None]
) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport={"width": 1280, "height": 900})
    api = server.base + "/api/sessions"
    session_id = _post(page, api, {"loop_id": "quick"})["id"]
    _post(page, f"{api}/{session_id}/rounds/start")
    _post(page, f"{api}/{session_id}/rounds/finish")
    view = _post(page, f"{api}/{session_id}/rounds/start")
    items = next(r for r in view["rounds"] if r["status"] == "active")["items"]
    concept = next(i["id"] for i in items if i["kind"] == "concept")
    # Reloaded while the grader reads the answer: answered, no follow-up yet.
    set_item_state(
        store, session_id, concept, status="answered", answer_text="Softmax.", late=False
    )

    page.goto(f"{server.base}/sessions/{session_id}?item={concept}")
    card = page.locator(".still-reading")
    expect(card).to_contain_text("The interviewer is still reading your answer")
    assert page.get_by_role("button", name="Next question", exact=True).count() == 0
    assert page.get_by_role("link", name="Check again").is_visible()
    page.screenshot(path=SCREENSHOTS / "loop-still-reading.png", full_page=True)

    # The grader finishes: within a poll or two the follow-up shows, without a reload, focused.
    question = "How would you check that on held-out data?"
    set_item_state(store, session_id, concept, follow_up={"question": question})
    expect(page.locator(".follow-up-question")).to_have_text(question, timeout=10_000)
    expect(page.locator("#follow-up-title")).to_be_focused()
    assert card.count() == 0
    assert problems.items == [], "\n".join(problems.items)


@pytest.mark.parametrize("path", ["/", "/problems", "/sessions", "/progress"])
def test_main_nav_shows_every_link_on_a_phone(server: Server, browser: Any, path: str) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport={"width": 390, "height": 844})
    page.goto(server.base + path)
    nav = page.get_by_role("navigation", name="Main")
    nav.locator("summary.nav-toggle").click()  # on a phone the links open from the Menu button
    links = nav.get_by_role("link")
    assert links.count() >= 8
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        name = links.nth(index).inner_text()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, (name, box)
    # No hidden scroller in the nav and no sideways scroll on the page.
    assert nav.evaluate("n => n.scrollWidth <= n.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(nav.locator('a[aria-current="page"]')).to_be_in_viewport()
    assert problems.items == [], "\n".join(problems.items)


def test_an_answer_over_the_limit_is_not_cut_and_the_counter_says_so(
    server: Server, browser: Any
) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport={"width": 1280, "height": 900})
    api = server.base + "/api/sessions"
    concept = "activation-function-for-image-classification"
    session_id = _post(page, api, {"practice_item_id": concept})["id"]
    _post(page, f"{api}/{session_id}/rounds/start")
    page.goto(f"{server.base}/sessions/{session_id}")
    box = page.get_by_label("Answer as you would say it to the interviewer")
    pasted = "softmax " * 3125  # 25,000 characters
    box.fill(pasted)
    assert len(box.input_value()) == len(pasted), "the paste is kept whole"
    expect(page.locator("#answer-count")).to_have_text(
        "3125 words, over the 20,000-character limit by 5,000 characters: cut it before sending"
    )
    page.get_by_role("button", name="Send answer").click()
    alert = page.locator(".session-error[role=alert]")
    expect(alert).to_contain_text("The answer is 25,000 characters long")
    expect(alert).to_contain_text("at most 20,000")
    assert problems.items == [], "\n".join(problems.items)
