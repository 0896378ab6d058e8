"""The debrief report: one HTML body shared by the web page and the export, plus the JSON export.

The body is rendered here, not by the web app, so that the debrief page and the downloaded file
can never drift apart: the page puts :func:`report_body` inside the site layout, and
:func:`report_html` wraps the same body in a self-contained document (inline CSS and SVG, no
script, no external address).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from barraiser import __version__
from barraiser.content.schemas import RATINGS
from barraiser.interview import charts
from barraiser.interview.decision import RATING_LABELS
from barraiser.interview.models import Debrief, Scorecard

if TYPE_CHECKING:
    from barraiser.content.loader import Bank

TEMPLATES_DIR = Path(__file__).parent / "templates"

#: Rating values (1-4) as words, for the heat map's cells and the competency table.
VALUE_LABELS: dict[int, str] = {i + 1: RATING_LABELS[r] for i, r in enumerate(RATINGS)}

ENDED_BY_LABELS: dict[str, str] = {
    "candidate": "you ended it",
    "time": "time ran out",
    "all-answered": "every question answered or skipped",
}

EVIDENCE_LABELS: dict[str, str] = {
    "covered": "Covered",
    "partly": "Partly covered",
    "missed": "Missed",
    "misconception": "Misconception",
    "verdict": "Verdict",
    "star": "Structure",
    "unanswered": "Not answered",
    "late": "Late",
    "not-graded": "Not graded",
    "approach": "Approach",
}


def duration(seconds: float | None) -> str:
    """Seconds as people read a clock: ``754`` -> ``12 min 34 s``; ``3600`` -> ``60 min``."""
    if seconds is None:
        return "-"
    total = max(0, round(seconds))
    minutes, secs = divmod(total, 60)
    if minutes == 0:
        return f"{secs} s"
    if secs == 0:
        return f"{minutes} min"
    return f"{minutes} min {secs} s"


def value_label(value: float | None) -> str:
    """A mean rating (1-4) as the nearest rating's words, with the number: ``inclined (2.7)``."""
    if value is None:
        return "not shown"
    nearest = min(max(round(value), 1), 4)
    return f"{VALUE_LABELS[nearest]} ({value:.1f})"


def score_text(score: float | None) -> str:
    """A 0-100 score as a whole number, or a dash while pending."""
    return "-" if score is None else f"{score:.0f}"


def app_path(url: str) -> str | None:
    """The URL if it is a path of the app (``/questions/x``), else None: nothing else is linked."""
    if url.startswith("/") and not url.startswith("//"):
        return url
    return None


def _round_columns(debrief: Debrief) -> list[tuple[str, str]]:
    """(round id, column title) of the rounds that rated any Leadership Principle, in order.

    Titles carry the round's number: two rounds may share a title ("Coding").
    """
    rated = {rid for by_round in debrief.principle_ratings.values() for rid in by_round}
    return [
        (c.round_id, f"{c.position + 1}. {c.title}")
        for c in debrief.scorecards
        if c.round_id in rated
    ]


def _charts(debrief: Debrief) -> dict[str, Markup | None]:
    """The three charts of the report as inline SVG or HTML (None when there is nothing to draw)."""
    radar = None
    if debrief.competencies:
        radar = charts.radar_chart(
            [(name, value) for _cid, name, value in debrief.competencies],
            max_value=4,
            title="Competencies over the loop (mean rating, 1-4)",
        )
    heat = None
    columns = _round_columns(debrief)
    rows = [(pid, name) for pid, name in debrief.principles if pid in debrief.principle_ratings]
    if rows and columns:
        values = {
            (name, title): debrief.principle_ratings[pid].get(rid)
            for pid, name in rows
            for rid, title in columns
        }
        heat = charts.heat_map(
            [name for _pid, name in rows],
            [title for _rid, title in columns],
            values,
            title="Leadership Principles by round (1-4)",
            max_value=4,
            value_labels=VALUE_LABELS,
        )
    times = None
    if debrief.scorecards:
        times = charts.time_bars(
            [(f"{c.position + 1}. {c.title}", c.used_s, c.allotted_s) for c in debrief.scorecards],
            title="Time used against time allotted, per round",
        )
    return {"radar": radar, "heat": heat, "times": times}


def _unshown_competencies(debrief: Debrief) -> list[str]:
    return [name for _cid, name, value in debrief.competencies if value is None]


def _answered(card: Scorecard) -> tuple[int, int]:
    return sum(1 for i in card.items if i.answered), len(card.items)


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(duration=duration, value_label=value_label, score=score_text)
    env.globals.update(
        rating_labels=RATING_LABELS,
        ended_by_labels=ENDED_BY_LABELS,
        evidence_labels=EVIDENCE_LABELS,
        app_path=app_path,
        answered=_answered,
    )
    return env


def report_css() -> Markup:
    """The report's own style sheet (and the charts'), to put inline in a ``<style>`` element."""
    css = (TEMPLATES_DIR / "report" / "report.css").read_text(encoding="utf-8")
    # Both come with the package, never from user text.
    return Markup(css + "\n" + charts.CHART_CSS)


def _context(debrief: Debrief, bank: Bank, *, standalone: bool) -> dict[str, Any]:
    loop = bank.loops.get(debrief.loop_id)
    return {
        "d": debrief,
        "loop_description": loop.description if loop is not None else "",
        "charts": _charts(debrief),
        "unshown": _unshown_competencies(debrief),
        "standalone": standalone,
        "version": __version__,
    }


def report_body(debrief: Debrief, bank: Bank, *, standalone: bool = False) -> Markup:
    """The report's body (headings, tables, charts, scorecards), shared by the page and the file.

    ``standalone`` shows the app's pages as paths to open in the app instead of links, since a
    saved file cannot reach them.
    """
    template = _environment().get_template("report/_body.html")
    return Markup(template.render(_context(debrief, bank, standalone=standalone)))


def report_html(debrief: Debrief, bank: Bank) -> str:
    """The whole report as one self-contained HTML document: inline CSS and SVG, no script."""
    template = _environment().get_template("report/standalone.html")
    return template.render(
        body=report_body(debrief, bank, standalone=True),
        css=report_css(),
        title=f"Debrief: {debrief.loop_title}",
        version=__version__,
    )


def report_json(debrief: Debrief) -> str:
    """The debrief as JSON: every field; ``Debrief.model_validate_json`` reads it back."""
    return debrief.model_dump_json(indent=2) + "\n"
