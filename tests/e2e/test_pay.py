"""The pay page in Chromium on a 390 px phone: two offers compared through the GET form, with
and without JavaScript, bad values answered next to their field, and no horizontal scroll.

Screenshots go to ``test-output/e2e/pay-*.png`` in the project root.
"""

from __future__ import annotations

from typing import Any

import pytest
from _support import SCREENSHOTS, Problems, Server, new_page
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}

AMAZON = {
    "name": "Amazon L5",
    "base": "165000",
    "sign1": "60k",
    "sign2": "45,000",
    "stock": "240000",
    "refresher": "50000",
}
OTHER = {
    "name": "Other co",
    "base": "175000",
    "sign1": "20000",
    "stock": "200000",
    "refresher": "40000",
}


def _fill(page: Any, index: int, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.locator(f"#o{index}_{name}").fill(value)


def _no_horizontal_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a {PHONE['width']} px screen"


@pytest.mark.parametrize("javascript", [False, True])
def test_two_offers_compared_on_a_phone(server: Server, browser: Any, javascript: bool) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport=PHONE, java_script_enabled=javascript)
    page.goto(server.base + "/pay")
    nav_link = page.get_by_role("navigation", name="Main").locator('a[href="/pay"]')
    expect(nav_link).to_have_attribute("aria-current", "page")
    market = page.locator(".pay-market")
    expect(market).to_contain_text("$150K")
    expect(market).to_contain_text("205")
    expect(market).to_contain_text("$194K")
    expect(market).to_contain_text("Interview Query")
    expect(market).to_contain_text("2024")
    _no_horizontal_scroll(page)

    _fill(page, 1, AMAZON)
    page.locator("#o1_vesting").select_option("amazon")
    page.locator("#o1_refresher_vesting").select_option("same")
    _fill(page, 2, OTHER)
    page.locator("#o2_vesting").select_option("even")
    page.locator("#o2_refresher_vesting").select_option("even-next-year")
    page.get_by_role("button", name="Compare offers").click()
    page.wait_for_url("**/pay?*")
    assert "o1_base=165000" in page.url and "o2_vesting=even" in page.url

    summary = page.locator("table.pay-summary")
    first, second = summary.locator('tr[data-offer="1"]'), summary.locator('tr[data-offer="2"]')
    # Amazon: 4 x 165K base + 105K sign-on + 240K stock + 42.5K of back-loaded refreshers.
    expect(first).to_contain_text("Amazon L5")
    expect(first.locator("td").nth(1)).to_have_text("$237,000")  # 165K + 60K + 5% of 240K
    expect(first.locator(".pay-total")).to_have_text("$1,047,500")
    # Other: 4 x 175K + 20K + 200K + 60K of evenly vesting refreshers.
    expect(second.locator("td").nth(1)).to_have_text("$245,000")
    expect(second.locator(".pay-total")).to_have_text("$980,000")
    expect(page.locator(".pay-verdict")).to_contain_text("Amazon L5 pays the most")
    chart = page.locator("figure.chart-pay svg[role=img]")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    _no_horizontal_scroll(page)
    suffix = "js" if javascript else "nojs"
    page.screenshot(path=SCREENSHOTS / f"pay-phone-{suffix}.png", full_page=True)

    # The address is the result: opened again, it shows the same comparison.
    again = new_page(browser, problems, viewport=PHONE, java_script_enabled=javascript)
    again.goto(page.url)
    expect(again.locator('table.pay-summary tr[data-offer="2"] .pay-total')).to_have_text(
        "$980,000"
    )
    assert problems.items == [], "\n".join(problems.items)


def test_bad_values_are_explained_next_to_their_field(server: Server, browser: Any) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport=PHONE, java_script_enabled=False)
    page.goto(server.base + "/pay")
    _fill(page, 1, {"base": "-5", "stock": "lots"})
    page.locator("#o1_vesting").select_option("custom")
    _fill(page, 1, {"custom": "10/20/30"})
    _fill(page, 2, {"base": "500000000"})
    page.get_by_role("button", name="Compare offers").click()
    page.wait_for_url("**/pay?*")
    expect(page.locator("#o1_base-error")).to_contain_text("cannot be negative")
    expect(page.locator("#o1_base")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#o1_stock-error")).to_contain_text("Enter an amount in dollars")
    expect(page.locator("#o1_custom-error")).to_contain_text("add up to 60%")
    expect(page.locator("#o2_base-error")).to_contain_text("more than $100,000,000")
    expect(page.locator("#pay-errors")).to_be_visible()
    expect(page.locator("table.pay-summary")).to_have_count(0)
    # What was typed stays in the form, to be corrected.
    expect(page.locator("#o1_stock")).to_have_value("lots")
    _no_horizontal_scroll(page)
    page.screenshot(path=SCREENSHOTS / "pay-phone-errors.png", full_page=True)
    assert problems.items == [], "\n".join(problems.items)
