"""The experiences journal in Chromium on a 390 px phone, without JavaScript: record an interview
through the form (a bad date first), make a question a practice question, find it in the bank
as a draft, answer it (saved, not scored), then delete the entry.

Screenshots go to ``test-output/e2e/experiences-*.png`` in the project root.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from _support import SCREENSHOTS, Problems, Server, new_page
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
QUESTION = "How would you detect label leakage in a churn model?"


def _no_horizontal_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a {PHONE['width']} px screen"


def test_record_practise_and_delete_on_a_phone(server: Server, browser: Any) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport=PHONE, java_script_enabled=False)
    page.goto(server.base + "/experiences")
    nav_link = page.get_by_role("navigation", name="Main").locator('a[href="/experiences"]')
    expect(nav_link).to_have_attribute("aria-current", "page")
    expect(page.locator(".empty")).to_contain_text("No interviews recorded yet")
    page.get_by_role("link", name="Record an interview").click()
    _no_horizontal_scroll(page)

    page.get_by_label("Company").fill("Acme")
    page.get_by_label("Role").fill("ML engineer")
    # A date a week ahead: refused with a sentence, and what was typed is kept.
    ahead = (date.today() + timedelta(days=7)).isoformat()
    page.get_by_label("Date").fill(ahead)
    page.get_by_label("Round 1: title").fill("Phone screen")
    page.get_by_label("Round 1: notes").fill("Coding first, then ML concepts.")
    page.get_by_label("Question 1", exact=True).fill(QUESTION)
    page.locator("#question-0-kind").select_option("ml")
    page.locator("#question-0-round").select_option("1")
    page.get_by_role("button", name="Save").click()
    errors = page.locator("#xp-errors")
    expect(errors).to_contain_text(f"The date {ahead} is in the future")
    expect(page.get_by_label("Question 1", exact=True)).to_have_value(QUESTION)
    page.screenshot(path=str(SCREENSHOTS / "experiences-error.png"), full_page=True)

    page.get_by_label("Date").fill(date.today().isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".xp-saved")).to_have_text("Saved.")
    expect(page.locator("h1")).to_have_text("Acme · ML engineer")
    question = page.locator(".xp-question").first
    expect(question).to_contain_text(QUESTION)
    expect(question).to_contain_text("Phone screen")
    _no_horizontal_scroll(page)
    page.screenshot(path=str(SCREENSHOTS / "experiences-entry.png"), full_page=True)

    question.get_by_role("button", name="Make it a practice question").click()
    page.wait_for_url("**/questions/draft-*")
    expect(page.locator(".badge--draft")).to_have_text("Your draft")
    expect(page.locator(".draft-note")).to_contain_text(
        "Draft: no rubric yet. Answers are saved but not scored against key points"
    )
    draft_url = page.url
    page.get_by_label("Answer as you would in the interview").fill(
        "I would look for features computed after the label date, then compare AUC on a "
        "time-based split against a random one."
    )
    page.get_by_role("button", name="Grade").click()
    expect(page.locator(".score--draft")).to_contain_text("Saved, not scored")
    _no_horizontal_scroll(page)
    page.screenshot(path=str(SCREENSHOTS / "experiences-draft-answer.png"), full_page=True)

    page.goto(server.base + "/questions?topic=from-your-interviews")
    row = page.locator(".q-row").filter(has_text=QUESTION)
    expect(row.locator(".badge--draft")).to_be_visible()
    assert draft_url.endswith(str(row.locator("a.q-title").get_attribute("href")))

    page.goto(server.base + "/experiences")
    page.get_by_role("link", name="Acme · ML engineer").click()
    expect(page.locator(".xp-practice-link")).to_have_attribute(
        "href", draft_url.removeprefix(server.base)
    )
    page.get_by_text("Delete this entry").click()
    page.get_by_role("button", name="Delete the entry").click()
    page.wait_for_url("**/experiences")
    expect(page.locator(".empty")).to_contain_text("No interviews recorded yet")
    # The refused form was answered 400 on purpose (the browser logs it too); nothing else.
    expected = ("HTTP 400: " + server.base + "/experiences", "status of 400 (Bad Request)")
    unexpected = [p for p in problems.items if not any(e in p for e in expected)]
    assert unexpected == []
