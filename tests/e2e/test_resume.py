"""The résumé page in Chromium on a 390 px phone, with and without JavaScript: upload a PDF
résumé, paste a job description, read the report; no horizontal scroll.

Screenshots go to ``test-output/e2e/resume-*.png`` in the project root.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from _support import SCREENSHOTS, Problems, Server, new_page
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from resume_files import fixture_text, text_pdf

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("javascript", [False, True])
def test_upload_a_resume_and_read_the_report_on_a_phone(
    server: Server, browser: Any, javascript: bool, tmp_path: Path
) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport=PHONE, java_script_enabled=javascript)
    page.goto(server.base + "/resume")
    nav_link = page.get_by_role("navigation", name="Main").locator('a[href="/resume"]')
    expect(nav_link).to_have_attribute("aria-current", "page")

    resume = tmp_path / "priya.pdf"
    resume.write_bytes(text_pdf(fixture_text("resumes", "new-grad")))
    page.locator("#resume_file").set_input_files(str(resume))
    page.locator("#job_text").fill(fixture_text("jobs", "new-grad-mle"))
    # The first analysis of the server loads the language model: allow it a minute.
    page.get_by_role("button", name="Analyse my résumé").click(timeout=60_000)
    page.wait_for_url("**/resume?done=1*", timeout=60_000)

    missing = page.locator("#skills-missing")
    expect(missing.locator('[data-skill="data structures and algorithms"]')).to_contain_text(
        "required"
    )
    expect(page.locator(".rs-rewrite").first).to_contain_text("Worked on")
    expect(page.locator(".rs-rewrite").first).to_contain_text("[your measured result")
    expect(page.locator('.rs-question[data-kind="project"]').first).to_contain_text(
        "Tell me about this project"
    )
    # The text read from the PDF is kept in the form, to edit and analyse again.
    expect(page.locator("#resume_text")).to_have_value(
        re.compile("Trained a gradient-boosted classifier")
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a 390 px screen"
    page.screenshot(
        path=str(SCREENSHOTS / f"resume-{'js' if javascript else 'nojs'}.png"), full_page=True
    )

    # A file that is not what its name says: a sentence, nothing analysed.
    fake = tmp_path / "fake.pdf"
    fake.write_text("just text", encoding="utf-8")
    page.locator("#resume_file").set_input_files(str(fake))
    page.get_by_role("button", name="Analyse my résumé").click()
    expect(page.locator("#rs-errors")).to_contain_text("named like a PDF but holds plain text")
    # The refusal is a 400 by design; nothing else may go wrong.
    assert [p for p in problems.items if "400" not in p] == []
    page.context.close()
