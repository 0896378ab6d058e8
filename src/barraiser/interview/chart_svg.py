"""The parts the charts share: palette, escaped SVG text, data tables, figures, date ticks.

Everything here returns strings of well-formed XML with every label escaped.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from markupsafe import Markup, escape

from barraiser.content.schemas import RATINGS

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#16181d"
MUTED = "#555c69"
GRID = "#dde1e7"
TRACK = "#eef0f3"
ACCENT = "#0b6b63"
#: Okabe-Ito colours (safe for the common colour-vision deficiencies), yellow left out: too
#: faint on white.
SERIES_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#555c69")
OVERTIME = "#d55e00"
USED = "#4a8fc0"
#: Diverging orange - light grey - blue for the heat map: light enough that dark text stays legible.
LOW, MID, HIGH = (0xF2, 0xA5, 0x6B), (0xF4, 0xF4, 0xF2), (0x86, 0xBC, 0xE0)
RATING_NAMES = tuple(rating.replace("-", " ") for rating in RATINGS)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NOT_ASSESSED = "not assessed"

# -- shared helpers ---------------------------------------------------------------------------


def num(value: float) -> str:
    """A number as people write it: 3, 2.5, 0.33 (no trailing zeros, no -0)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def xy(value: float) -> str:
    return f"{value:.1f}"


def make_chart_id(kind: str, title: str, payload: object) -> str:
    # Deterministic, so a report renders the same twice; the data keeps two charts apart.
    digest = hashlib.sha1(f"{kind}\x00{title}\x00{payload!r}".encode()).hexdigest()[:10]
    return f"chart-{kind}-{digest}"


def svg_text(x: float, y: float, content: str, **attrs: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{escape(v)}"' for name, v in attrs.items())
    return f'<text x="{xy(x)}" y="{xy(y)}"{extra}>{escape(content)}</text>'


def shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "\u2026"


def wrap(label: str, width: int, lines: int = 2) -> list[str]:
    """Break a label into at most ``lines`` lines of about ``width`` characters."""
    out: list[str] = []
    current = ""
    for word in label.split():
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    out.append(current)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
    return [shorten(line, width + 2) for line in out]


def data_table(title: str, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A collapsed table with the chart's numbers; cells that parse as numbers align right."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for k, cell in enumerate(row):
            if k == 0:
                cells.append(f'<th scope="row">{escape(cell)}</th>')
            else:
                numeric = cell.replace(".", "", 1).replace("-", "", 1).isdigit()
                cls = ' class="num"' if numeric else ""
                cells.append(f"<td{cls}>{escape(cell)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<details class="chart-data"><summary>Data table: {escape(title)}</summary>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></details>"
    )


def figure(
    kind: str, title: str, desc: str, size: tuple[int, int], body: Sequence[str], table: str
) -> Markup:
    chart_id = make_chart_id(kind, title, (desc, body))
    width, height = size
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMidYMid meet" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="{FONT}" '
        f'font-size="12" fill="{INK}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
        f"{''.join(body)}</svg>"
    )
    return Markup(f'<figure class="chart chart-{kind}" id="{chart_id}">{svg}{table}</figure>')


# -- dates -----------------------------------------------------------------------------------
_HOUR, _DAY = 3600, 86400
_SECOND_STEPS = (_HOUR, 3 * _HOUR, 6 * _HOUR, 12 * _HOUR, _DAY, 2 * _DAY, 7 * _DAY, 14 * _DAY)
_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)
_MAX_TICKS = 6


def utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def add_months(moment: datetime, months: int) -> datetime:
    total = moment.month - 1 + months
    return moment.replace(year=moment.year + total // 12, month=total % 12 + 1, day=1)


def time_ticks(start: datetime, end: datetime) -> list[tuple[datetime, str]]:
    """At most six round ticks (hours, days, weeks or months) between two instants, labelled."""
    t0, t1 = utc(start).timestamp(), utc(end).timestamp()
    span = max(t1 - t0, 1.0)
    many_years = utc(start).year != utc(end).year
    for step in _SECOND_STEPS:
        if span / step <= _MAX_TICKS:
            # Weeks start on Mondays: the epoch was a Thursday, the next Monday 4 days later.
            origin = 4 * _DAY if step % (7 * _DAY) == 0 else 0
            first = math.ceil((t0 - origin) / step) * step + origin
            ticks = []
            for k in range(int((t1 - first) // step) + 1):
                moment = datetime.fromtimestamp(first + k * step, UTC)
                day = f"{moment.day} {MONTHS[moment.month - 1]}"
                if many_years:
                    day += f" {moment.year}"
                ticks.append((moment, f"{day} {moment:%H:%M}" if step < _DAY else day))
            return ticks
    for months in _MONTH_STEPS:
        if span / (months * 30.44 * _DAY) <= _MAX_TICKS:
            break
    moment = add_months(utc(start).replace(hour=0, minute=0, second=0, microsecond=0), 0)
    ticks = []
    while moment.timestamp() <= t1:
        if moment.timestamp() >= t0 and (moment.year * 12 + moment.month - 1) % months == 0:
            ticks.append((moment, f"{MONTHS[moment.month - 1]} {moment.year}"))
        moment = add_months(moment, 1)
    return ticks


def marker(shape: int, x: float, y: float, r: float, colour: str, tip: str) -> str:
    """A point of series ``shape``: circle, square, triangle or diamond (not colour alone)."""
    tip_xml = f"<title>{escape(tip)}</title>"
    kind = shape % 4
    if kind == 0:
        return f'<circle cx="{xy(x)}" cy="{xy(y)}" r="{xy(r)}" fill="{colour}">{tip_xml}</circle>'
    if kind == 1:
        return (
            f'<rect x="{xy(x - r)}" y="{xy(y - r)}" width="{xy(2 * r)}" height="{xy(2 * r)}" '
            f'fill="{colour}">{tip_xml}</rect>'
        )
    if kind == 2:
        pts = [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
    else:
        pts = [(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)]
    coords = " ".join(f"{xy(px)},{xy(py)}" for px, py in pts)
    return f'<polygon points="{coords}" fill="{colour}">{tip_xml}</polygon>'


def date_text(moment: datetime) -> str:
    moment = utc(moment)
    text = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    return text if (moment.hour, moment.minute) in {(0, 0), (12, 0)} else f"{text} {moment:%H:%M}"
