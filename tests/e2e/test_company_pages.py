"""Companies in Chromium on a 390 px phone, with and without JavaScript: from the navigation to
the company list, a company's page (dated, its process and values), its loop started from
there, and the question bank filtered by the company.

Screenshots go to ``test-output/e2e/companies-*.png`` in the project root.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from _support import SCREENSHOTS, Problems, Server, new_page
from playwright.sync_api import expect

from barraiser.content.bank import get_bank

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


def _no_horizontal_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a {PHONE['width']} px screen"


@pytest.mark.parametrize("javascript", [False, True])
def test_study_a_company_and_start_its_loop_on_a_phone(
    server: Server, browser: Any, javascript: bool
) -> None:
    bank = get_bank()
    netflix = bank.companies["netflix"]
    problems = Problems()
    page = new_page(browser, problems, viewport=PHONE, java_script_enabled=javascript)
    page.goto(server.base + "/companies")
    nav_link = page.get_by_role("navigation", name="Main").locator('a[href="/companies"]')
    expect(nav_link).to_have_attribute("aria-current", "page")
    for company in ("Amazon", "Netflix", "Walmart", "Target", "Google", "Meta"):
        expect(page.get_by_role("link", name=company, exact=True)).to_be_visible()
    _no_horizontal_scroll(page)
    page.screenshot(path=SCREENSHOTS / "companies-list.png", full_page=True)

    page.get_by_role("link", name="Netflix", exact=True).click()
    page.wait_for_url("**/companies/netflix")
    expect(page.get_by_role("heading", name="Netflix", level=1)).to_be_visible()
    expect(page.locator(".company-dated")).to_contain_text("processes change")
    expect(page.locator(".company-dated time")).to_have_attribute(
        "datetime", netflix.as_of.isoformat()
    )
    expect(page.locator(".company-value")).to_have_count(len(netflix.values))
    first = netflix.values[0]
    expect(page.locator(f'.company-value[data-value="{first.id}"] dt')).to_have_text(first.name)
    expect(page.locator(".company-process > li")).to_have_count(len(netflix.process))
    _no_horizontal_scroll(page)
    page.screenshot(path=SCREENSHOTS / "companies-netflix.png", full_page=True)

    # Its questions, then the bank filtered by the company.
    tagged = [q.id for q in bank.filter_questions(company="netflix")]
    expect(page.locator(".company-questions > li")).to_have_count(len(tagged))
    page.get_by_role("link", name="Filter the question bank by Netflix").click()
    page.wait_for_url(re.compile(r"/questions\?company=netflix"))
    expect(page.locator("#f-company")).to_have_value("netflix")
    expect(page.locator(".q-row")).to_have_count(len(tagged))
    expect(page.locator(".company-filter")).to_contain_text("Netflix")
    _no_horizontal_scroll(page)
    page.go_back()

    # Its loop: the page names the company's values, and the loop starts.
    page.locator(".loop-card").get_by_role("link", name=bank.loops["netflix-mle"].title).click()
    page.wait_for_url("**/loops/netflix-mle")
    expect(page.locator(".chip--lp").first).to_contain_text("Netflix values question")
    _no_horizontal_scroll(page)
    page.get_by_test_id("start-loop").click()
    page.wait_for_url(re.compile(r"/sessions/[0-9a-zA-Z_-]+$"))
    expect(page.get_by_role("heading", name=re.compile(r"^Next: "))).to_be_visible()
    assert problems.items == [], "\n".join(problems.items)
