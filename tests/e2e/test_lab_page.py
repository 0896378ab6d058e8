"""A lab end to end: `barraiser serve` as a real process, Debian's Chromium, a real fast run.

The candidate opens the labs from the navigation, opens the quickest lab, starts a quick run,
watches its progress and then reads the claims and the figure, all without a page reload.
Screenshots go to ``test-output/e2e/lab-*.png`` in the project root.
"""

from __future__ import annotations

from typing import Any

import pytest
from _support import SCREENSHOTS, Problems, Server, new_page

pytestmark = pytest.mark.e2e

RUN_TIMEOUT_MS = 180_000
#: Guide questions in the order their labs are picked: a fast run of several seconds, so the
#: progress can be seen (lab 11 ends in under a second), deep-learning labs last.
QUICK_FIRST = (12, 11, 4, 1, 5, 6, 15, 3, 10, 2, 8, 7, 14, 13, 9)


def test_candidate_runs_a_lab_and_reads_the_evidence(server: Server, browser: Any) -> None:
    labs = server.api("/api/labs")
    assert len(labs) == 15, "every guide question 1-15 has a lab"
    rank = {number: i for i, number in enumerate(QUICK_FIRST)}
    lab = min(labs, key=lambda item: (rank.get(item["guide_question"], 99), item["id"]))

    problems = Problems()
    page = new_page(browser, problems, viewport={"width": 1280, "height": 900})

    # From the home page to the list of labs, through the main navigation.
    page.goto(server.base + "/")
    page.locator(".site-nav").get_by_role("link", name="Labs").click()
    page.wait_for_url(server.base + "/labs")
    rows = page.locator("li.lab-row")
    assert rows.count() == len(labs)
    assert page.locator(f'li.lab-row[data-id="{lab["id"]}"] .lab-pill').inner_text() == (
        "Not run yet"
    )
    page.screenshot(path=SCREENSHOTS / "lab-list.png", full_page=True)

    # The lab page: what it shows, its data, and the run buttons; no result yet.
    page.locator(f'li.lab-row[data-id="{lab["id"]}"] a.q-title').click()
    page.wait_for_url(server.base + f"/labs/{lab['id']}")
    assert page.locator("h1").inner_text() == lab["title"]
    assert page.locator(".lab-no-result").is_visible()
    page.evaluate("window.__sameDocument = true")

    # A quick run: the panel shows progress, then the claims and the figure replace it.
    page.get_by_role("button", name="Quick run").click()
    page.locator("#lab-run.lab-run--active").wait_for(state="visible")
    assert page.locator("#lab-run progress.lab-progress").count() == 1
    # The status panel polls: once the lab reports progress, its message and share show.
    seen = page.wait_for_function(
        """() => {
            if (document.querySelector('#lab-result .lab-claim')) return 'done';
            const bar = document.querySelector('#lab-run[data-status="running"] progress[value]');
            const text = document.querySelector('#lab-run .lab-run-message');
            const message = text ? text.textContent.trim() : '';
            return bar && message !== 'Starting' ? message : false;
        }""",
        timeout=RUN_TIMEOUT_MS,
    ).json_value()
    if seen != "done":
        assert "%" in seen, seen
        page.screenshot(path=SCREENSHOTS / "lab-running.png", full_page=True)
    page.locator("#lab-result .lab-claim").first.wait_for(state="visible", timeout=RUN_TIMEOUT_MS)
    assert page.locator("#lab-run .lab-run-done").is_visible()
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded"

    result = server.api(f"/api/labs/{lab['id']}")
    assert result is not None and result["size"] == "fast"
    claims = page.locator("#lab-result .lab-claim")
    assert claims.count() == len(result["claims"])
    verdicts = page.locator("#lab-result .claim-verdict").all_inner_texts()
    assert verdicts == ["Holds" if c["holds"] else "Fails" for c in result["claims"]]
    figure = page.locator("#lab-result .lab-figure img").first
    figure.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=figure.element_handle()
    )
    assert page.locator("#lab-result .lab-figure img").count() == len(result["figures"])
    page.screenshot(path=SCREENSHOTS / "lab-result.png", full_page=True)

    # Back on the list, the lab shows what its claims found.
    page.goto(server.base + "/labs")
    pill = page.locator(f'li.lab-row[data-id="{lab["id"]}"] .lab-pill--cached')
    held = sum(c["holds"] for c in result["claims"])
    assert pill.get_attribute("data-held") == str(held)
    page.context.close()
    assert problems.items == [], "\n".join(problems.items)
