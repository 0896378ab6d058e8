"""The problem page end to end: a real `barraiser serve`, Chromium, the editor and the real judge.

Screenshots are saved under ``test-output/e2e/problem-*.png``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _support import SCREENSHOTS, Problems, Server, new_page, type_code

pytestmark = pytest.mark.e2e

SOLUTIONS = Path(__file__).resolve().parents[2] / "content/problems/two-sum/solutions"
JUDGE_TIMEOUT_MS = 90_000


def _verdict(page: Any) -> str:
    page.wait_for_selector(
        "#results .result-summary .verdict", state="visible", timeout=JUDGE_TIMEOUT_MS
    )
    verdict: str = page.locator("#results .result-summary .verdict").get_attribute("data-verdict")
    return verdict


def test_candidate_solves_two_sum_in_the_editor(server: Server, browser: Any) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport={"width": 1400, "height": 1000})

    # From the navigation to the list of problems, then to two-sum.
    page.goto(server.base + "/")
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Coding problems").click()
    page.wait_for_url("**/problems")
    assert page.locator('.q-row[data-id="two-sum"]').count() == 1
    page.screenshot(path=SCREENSHOTS / "problem-list.png", full_page=True)
    page.locator('.q-row[data-id="two-sum"] a.q-title').click()
    page.wait_for_url("**/problems/two-sum")

    # The editor opens with the Python starter code; switching language loads C++'s.
    page.wait_for_selector(".cm-editor .cm-content")
    assert "def two_sum" in page.locator(".cm-content").inner_text()
    page.select_option("#language", "cpp")
    page.wait_for_function("() => window.barraiserEditor.getValue().includes('twoSum')")
    page.select_option("#language", "python")
    page.wait_for_function("() => window.barraiserEditor.getValue().includes('def two_sum')")

    # A wrong solution: Ctrl+Enter runs the samples; the failing sample shows expected/actual.
    type_code(page, (SOLUTIONS / "wrong_same_index.py").read_text())
    page.evaluate("window.__samePage = true")
    page.keyboard.press("Control+Enter")
    assert _verdict(page) == "WA"
    failing = page.locator('.test-row[data-verdict="WA"]').first
    expected = failing.locator(".io-expected pre").inner_text().replace(" ", "")
    samples = server.api("/api/problems/two-sum")["samples"]
    assert expected in {str(s["expected"]).replace(" ", "") for s in samples}
    assert failing.locator(".io-actual pre").inner_text().replace(" ", "") == "[0,0]"
    page.screenshot(path=SCREENSHOTS / "problem-wrong-answer.png", full_page=True)

    # Submitted, it stops at that sample and says so: no count of tests it never ran.
    sample = page.locator("#results .test-row").evaluate_all(
        "rows => rows.findIndex(r => r.dataset.verdict === 'WA') + 1"
    )
    page.get_by_role("button", name="Submit").click()
    page.wait_for_selector("#results .pending", state="detached", timeout=JUDGE_TIMEOUT_MS)
    assert _verdict(page) == "WA"
    summary = page.locator("#results [data-summary]").inner_text()
    assert summary == f"Submission · stopped at sample {sample}; hidden tests not run", summary

    # The correct solution passes the samples (Run button) ...
    type_code(page, (SOLUTIONS / "reference.py").read_text())
    page.get_by_role("button", name="Run samples").click()
    assert _verdict(page) == "AC"
    rows = page.locator("#results .test-row")
    assert rows.count() >= 2
    assert page.locator('#results .test-row[data-verdict="AC"]').count() == rows.count()
    page.screenshot(path=SCREENSHOTS / "problem-run.png", full_page=True)

    # ... and is Accepted on submit; hidden tests show verdict and time only, never data.
    page.get_by_role("button", name="Submit").click()
    page.wait_for_selector("#results .pending", state="detached", timeout=JUDGE_TIMEOUT_MS)
    assert _verdict(page) == "AC"
    hidden = page.locator('#results .test-row[data-hidden="true"]')
    assert hidden.count() >= 15
    assert hidden.first.locator(".test-name").inner_text() == "Hidden test 1"
    assert page.locator('#results .test-row[data-hidden="true"] .test-body').count() == 0
    assert page.locator('#results .test-row[data-hidden="true"] pre').count() == 0
    summary = page.locator("#results [data-summary]").inner_text()
    assert summary == f"Submission · {hidden.count()} of {hidden.count()} hidden tests passed"
    page.screenshot(path=SCREENSHOTS / "problem-accepted.png", full_page=True)

    # Custom input: the box opens, then the program runs on the arguments given there.
    page.get_by_role("button", name="Run with custom input").click()
    page.fill("#custom-input", '{"prices": [1, 9, 5], "target": 14}')
    page.get_by_role("button", name="Run with custom input").click()
    page.wait_for_selector("#results .pending", state="detached", timeout=JUDGE_TIMEOUT_MS)
    assert _verdict(page) == "OK"
    assert page.locator("#results .io-actual pre").inner_text().replace(" ", "") == "[1,2]"
    # The expected output is the reference solution's, as LeetCode shows it.
    expected = page.locator("#results .io-expected")
    assert expected.locator(".io-label").text_content() == "Expected (reference solution)"
    assert expected.locator("pre").inner_text().replace(" ", "") == "[1,2]"
    assert "matches the expected output" in page.locator("#results [data-summary]").inner_text()
    page.screenshot(path=SCREENSHOTS / "problem-custom.png", full_page=True)

    # Results arrived without a page load; the draft survives a reload.
    assert page.evaluate("window.__samePage") is True
    page.reload()
    page.wait_for_selector(".cm-editor .cm-content")
    assert "seen" in page.evaluate("window.barraiserEditor.getValue()")

    # Hints open one at a time.
    assert page.locator("details.hint:visible").count() == 1
    page.locator("details.hint summary").first.click()
    page.wait_for_selector('details.hint[data-hint="2"]', state="visible")
    assert page.locator("details.hint:visible").count() == 2

    assert problems.items == []


def test_candidate_solves_two_sum_in_javascript(server: Server, browser: Any) -> None:
    """The language picker offers JavaScript with its starter code, and a JavaScript solution
    is judged through the page like the others."""
    problems = Problems()
    page = new_page(browser, problems, viewport={"width": 1400, "height": 1000})
    page.goto(server.base + "/problems/two-sum")
    page.wait_for_selector(".cm-editor .cm-content")
    assert page.locator('#language option[value="javascript"]').inner_text() == (
        "JavaScript (Node.js)"
    )
    page.select_option("#language", "javascript")
    page.wait_for_function("() => window.barraiserEditor.getValue().includes('twoSum(prices')")
    assert "class Solution {" in page.evaluate("window.barraiserEditor.getValue()")

    type_code(page, (SOLUTIONS / "reference.js").read_text())
    page.get_by_role("button", name="Run samples").click()
    assert _verdict(page) == "AC"
    rows = page.locator("#results .test-row")
    assert rows.count() >= 2
    assert page.locator('#results .test-row[data-verdict="AC"]').count() == rows.count()
    page.screenshot(path=SCREENSHOTS / "problem-javascript.png", full_page=True)
    assert problems.items == []
