"""The Jinja2 environment of the pages: autoescaped templates plus the presenters as filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from barraiser import __version__
from barraiser.grading.text import ANSWER_MAX_WORDS
from barraiser.interview.answers import MAX_ANSWER_CHARS
from barraiser.interview.charts import CHART_CSS
from barraiser.interview.decision import RATING_LABELS, decision_sentences
from barraiser.web import grading_view, presenters
from barraiser.web.markdown import render_markdown

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

NAV_ITEMS: tuple[tuple[str, str], ...] = (
    ("/", "Home"),
    ("/loops", "Loops"),
    ("/companies", "Companies"),
    ("/questions", "Question bank"),
    ("/problems", "Coding problems"),
    ("/labs", "Labs"),
    ("/sessions", "History"),
    ("/review", "Review"),
    ("/progress", "Progress"),
    ("/resume", "Résumé"),
    ("/pay", "Pay"),
    ("/experiences", "Experiences"),
    ("/stories", "Stories"),
    ("/docs", "API docs"),
)


def _nav_context(request: Request) -> dict[str, Any]:
    path = request.url.path
    current = ""
    for href, _label in NAV_ITEMS:
        if path == href or (href != "/" and path.startswith(href)):
            current = href
    user = getattr(request.state, "user", None)  # hosted mode's signed-in account
    return {
        "nav_items": NAV_ITEMS,
        "current_nav": current,
        "version": __version__,
        "current_user": user,
    }


def _static_url(path: str) -> str:
    # The version in the query string makes browsers fetch new assets after an upgrade.
    return f"/static/{path}?v={__version__}"


def build_templates() -> Jinja2Templates:
    """The templates of the web app, with autoescaping on and the presenters registered."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        markdown=render_markdown,
        kind_label=presenters.kind_label,
        humanize=presenters.humanize,
        minutes=presenters.format_minutes,
        source_label=presenters.source_label,
        paragraphs=presenters.as_paragraphs,
    )
    env.globals.update(
        static_url=_static_url,
        plural=presenters.plural,
        stage_minutes=presenters.stage_minutes,
        decision_sentences=decision_sentences,
        loop_stats=presenters.loop_stats,
        rating_labels=RATING_LABELS,
        highlight=grading_view.highlight,
        evidence_anchor=grading_view.evidence_anchor,
        plain_point=grading_view.plain_point,
        score_band=grading_view.score_band,
        ownership_sentence=grading_view.ownership_sentence,
        status_labels=grading_view.STATUS_LABELS,
        verdict_labels=grading_view.VERDICT_LABELS,
        grader_labels=grading_view.GRADER_LABELS,
        star_letters=grading_view.STAR_LETTERS,
        length_labels=grading_view.LENGTH_LABELS,
        max_answer_chars=MAX_ANSWER_CHARS,
        max_answer_words=ANSWER_MAX_WORDS,
        chart_css=Markup(CHART_CSS),
    )
    return Jinja2Templates(env=env, context_processors=[_nav_context])
