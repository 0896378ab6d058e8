"""Server-rendered charts as inline SVG (and one HTML table): no JavaScript, work offline.

Every chart is a ``<figure>`` holding the picture and a ``<details>`` data table with the same
numbers, so a screen reader (and anyone who wants the numbers) gets them as text. The SVG carries
``role="img"``, a ``<title>`` and a ``<desc>`` named by ``aria-labelledby``, a fixed ``viewBox``
and ``width="100%"`` so it scales. Colours, fonts and strokes are inline attributes: a chart looks
right in the self-contained HTML report without any stylesheet. :data:`CHART_CSS` only adds
spacing and table styling around the pictures; pages and reports inline it. The output is
well-formed XML; every label is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from markupsafe import Markup, escape

from barraiser.interview.chart_svg import (
    ACCENT,
    GRID,
    HIGH,
    INK,
    LOW,
    MID,
    MUTED,
    NOT_ASSESSED,
    OVERTIME,
    RATING_NAMES,
    SERIES_COLOURS,
    TRACK,
    USED,
    data_table,
    date_text,
    figure,
    make_chart_id,
    marker,
    num,
    shorten,
    svg_text,
    time_ticks,
    utc,
    wrap,
    xy,
)

#: Layout rules for the figure, legend and data tables; the pictures need none of them.
CHART_CSS = """\
.chart { margin: 0 0 1.5rem; max-width: 44rem; }
.chart svg { display: block; height: auto; }
.chart-data { margin-top: 0.4rem; font-size: 0.875rem; }
.chart-data summary { cursor: pointer; color: #555c69; }
.chart-data table { border-collapse: collapse; margin-top: 0.4rem; }
.chart-data th, .chart-data td { padding: 0.2rem 0.7rem; border-top: 1px solid #e1e4e9;
  text-align: left; }
.chart-data td.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart-heatmap-wrap { overflow-x: auto; margin: 0 0 1.5rem; }
.chart-heatmap caption { text-align: left; font-weight: 650; padding-bottom: 0.4rem; }
"""

# -- radar ------------------------------------------------------------------------------------


def _ring_labels(max_value: float) -> dict[int, str]:
    if max_value == len(RATING_NAMES):
        return {k + 1: name for k, name in enumerate(RATING_NAMES)}
    return {k: num(k) for k in range(1, int(max_value) + 1)}


def _rating_text(value: float | None, max_value: float) -> str:
    if value is None:
        return NOT_ASSESSED
    name = _ring_labels(max_value).get(round(value)) if value == round(value) else None
    return f"{num(value)} ({name})" if name and name != num(value) else num(value)


def _assessed_runs(assessed: Sequence[bool]) -> list[list[int]]:
    """Runs of consecutive assessed axes, going round the circle; a full circle is one run."""
    n = len(assessed)
    if all(assessed):
        return [list(range(n))]
    start = assessed.index(False)
    runs: list[list[int]] = []
    current: list[int] = []
    for step in range(1, n + 1):
        i = (start + step) % n
        if assessed[i]:
            current.append(i)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def radar_chart(
    axes: Sequence[tuple[str, float | None]], *, max_value: float = 4, title: str
) -> Markup:
    """A radar of ratings (1..``max_value``, None = not assessed) with labelled rings.

    Three to twelve axes make a radar; fewer or more are drawn as horizontal bars, which read
    better there. Unassessed axes are dashed, labelled "not assessed" and leave a gap.
    """
    axes = list(axes)
    if not 3 <= len(axes) <= 12:
        return _rating_bars(axes, max_value=max_value, title=title)
    width, height, cx, cy, radius = 560, 420, 280.0, 205.0, 140.0
    n = len(axes)
    angles = [-math.pi / 2 + 2 * math.pi * i / n for i in range(n)]
    values = [None if v is None else min(max(v, 0.0), max_value) for _, v in axes]

    def point(i: int, r: float) -> tuple[float, float]:
        return cx + r * math.cos(angles[i]), cy + r * math.sin(angles[i])

    body: list[str] = []
    for level, name in _ring_labels(max_value).items():
        r = radius * level / max_value
        body.append(
            f'<circle cx="{xy(cx)}" cy="{xy(cy)}" r="{xy(r)}" fill="none" stroke="{GRID}"/>'
        )
        body.append(svg_text(cx + 4, cy - r - 3, name, font_size="10", fill=MUTED))
    for i, (label, _) in enumerate(axes):
        x, y = point(i, radius)
        dash = ' stroke-dasharray="3 3"' if values[i] is None else ""
        body.append(
            f'<line x1="{xy(cx)}" y1="{xy(cy)}" x2="{xy(x)}" y2="{xy(y)}" stroke="{GRID}"{dash}/>'
        )
        lx, ly = point(i, radius + 16)
        cos, sin = math.cos(angles[i]), math.sin(angles[i])
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        lines = wrap(label, 18)
        if values[i] is None:
            lines.append(NOT_ASSESSED)
        top = ly + 4 - (len(lines) - 1) * 13 if sin < -0.3 else ly + (10 if sin > 0.3 else 4)
        for k, line in enumerate(lines):
            italic = {"font_style": "italic", "fill": MUTED} if line == NOT_ASSESSED else {}
            body.append(svg_text(lx, top + 13 * k, line, text_anchor=anchor, **italic))
    for run in _assessed_runs([v is not None for v in values]):
        pts = [point(i, radius * (values[i] or 0.0) / max_value) for i in run]
        coords = " ".join(f"{xy(x)},{xy(y)}" for x, y in pts)
        closed = len(run) == n
        if len(run) > 1:
            fill_coords = coords if closed else f"{xy(cx)},{xy(cy)} {coords}"
            body.append(
                f'<polygon points="{fill_coords}" fill="{ACCENT}" fill-opacity="0.15" '
                'stroke="none"/>'
            )
            shape = "polygon" if closed else "polyline"
            body.append(
                f'<{shape} points="{coords}" fill="none" stroke="{ACCENT}" stroke-width="2" '
                'stroke-linejoin="round"/>'
            )
        for i, (x, y) in zip(run, pts, strict=True):
            tip = f"{axes[i][0]}: {_rating_text(values[i], max_value)}"
            body.append(
                f'<circle cx="{xy(x)}" cy="{xy(y)}" r="4" fill="{ACCENT}">'
                f"<title>{escape(tip)}</title></circle>"
            )
    texts = [f"{label}: {_rating_text(v, max_value)}" for label, v in axes]
    desc = f"Radar chart of {n} ratings out of {num(max_value)}. " + "; ".join(texts) + "."
    table = data_table(
        title, ["Competency", "Rating"], [(lbl, _rating_text(v, max_value)) for lbl, v in axes]
    )
    return figure("radar", title, desc, (width, height), body, table)


def _rating_bars(
    axes: Sequence[tuple[str, float | None]], *, max_value: float, title: str
) -> Markup:
    """Horizontal bars of ratings: the radar's stand-in for fewer than 3 or more than 12 axes."""
    row_h, label_w, bar_w = 30, 190, 250
    width, height = 600, max(1, len(axes)) * row_h + 16
    body: list[str] = []
    for k, (label, value) in enumerate(axes):
        y = 8 + k * row_h
        body.append(svg_text(label_w - 8, y + 15, shorten(label, 28), text_anchor="end"))
        body.append(
            f'<rect x="{label_w}" y="{y + 5}" width="{bar_w}" height="14" rx="3" fill="{TRACK}"/>'
        )
        text = _rating_text(value, max_value)
        if value is not None:
            length = bar_w * min(max(value, 0.0), max_value) / max_value
            body.append(
                f'<rect x="{label_w}" y="{y + 5}" width="{xy(length)}" height="14" rx="3" '
                f'fill="{ACCENT}"/>'
            )
        style = {"font_style": "italic", "fill": MUTED} if value is None else {}
        body.append(svg_text(label_w + bar_w + 8, y + 16, text, **style))
    if not axes:
        body.append(svg_text(width / 2, 20, "No ratings yet", text_anchor="middle", fill=MUTED))
    texts = [f"{label}: {_rating_text(v, max_value)}" for label, v in axes]
    desc = f"Bar chart of {len(axes)} ratings out of {num(max_value)}. " + "; ".join(texts)
    table = data_table(
        title, ["Competency", "Rating"], [(lbl, _rating_text(v, max_value)) for lbl, v in axes]
    )
    return figure("bars", title, desc, (width, height), body, table)


# -- heat map ---------------------------------------------------------------------------------


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> str:
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b, strict=True))


def heat_colour(value: float, max_value: float = 4) -> str:
    """The heat map's background for ``value`` on 1..``max_value``: orange, grey, blue."""
    t = 0.5 if max_value <= 1 else min(max((value - 1) / (max_value - 1), 0.0), 1.0)
    return _mix(LOW, MID, t * 2) if t < 0.5 else _mix(MID, HIGH, (t - 0.5) * 2)


def heat_map(
    rows: Sequence[str],
    columns: Sequence[str],
    values: Mapping[tuple[str, str], float | None],
    *,
    title: str,
    max_value: float = 4,
    value_labels: Mapping[int, str] | None = None,
) -> Markup:
    """An HTML table of ``values[(row, column)]`` coloured by value, with the value's label.

    Colour is never the only cue: each cell shows its label (or number); empty cells show "—".
    Styles are inline, so the table looks the same without the app's stylesheet.
    """
    labels = dict(value_labels or {})
    cell_style = "padding:0.35rem 0.6rem;border:1px solid #ffffff;text-align:center;"
    head = "".join(
        f'<th scope="col" style="{cell_style}font-size:0.8rem;color:{MUTED}">{escape(c)}</th>'
        for c in columns
    )
    body = []
    for row in rows:
        cells = [f'<th scope="row" style="{cell_style}text-align:left">{escape(row)}</th>']
        for column in columns:
            value = values.get((row, column))
            if value is None:
                cells.append(f'<td style="{cell_style}color:{MUTED}" data-value="">\u2014</td>')
                continue
            name = labels.get(round(value))
            text = name if name is not None and value == round(value) else num(value)
            if name is not None and value != round(value):
                text = f"{num(value)} (~{name})"
            colour = heat_colour(value, max_value)
            cells.append(
                f'<td style="{cell_style}background:{colour};color:{INK}" '
                f'data-value="{num(value)}" title="{escape(num(value))}">{escape(text)}</td>'
            )
        body.append(f"<tr>{''.join(cells)}</tr>")
    legend_items = []
    for level in range(1, int(max_value) + 1):
        name = labels.get(level, num(level))
        legend_items.append(
            f'<span style="display:inline-block;margin-right:0.8rem">'
            f'<span style="display:inline-block;width:0.9rem;height:0.9rem;vertical-align:middle;'
            f'background:{heat_colour(level, max_value)};border:1px solid {GRID}"></span> '
            f"{escape(num(level))} = {escape(name)}</span>"
        )
    legend = (
        f'<p class="chart-legend" style="font-size:0.8rem;color:{MUTED};margin:0.4rem 0 0">'
        f"{''.join(legend_items)}<span>\u2014 = not assessed</span></p>"
    )
    chart_id = make_chart_id("heatmap", title, (list(rows), list(columns), sorted(values.items())))
    table = (
        f'<table class="chart-heatmap" id="{chart_id}" '
        f'style="border-collapse:collapse;font-size:0.875rem">'
        f"<caption>{escape(title)}</caption>"
        f'<thead><tr><td style="{cell_style}"></td>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    return Markup(f'<div class="chart-heatmap-wrap">{table}{legend}</div>')


# -- time bars --------------------------------------------------------------------------------


def minutes_text(seconds: float) -> str:
    """Seconds as minutes for people: ``750`` -> ``12.5 min``."""
    minutes = seconds / 60
    # Half up, not Python's round-half-even: 12.5 minutes reads as 13.
    shown = math.floor(minutes * 10 + 0.5) / 10 if minutes < 10 else math.floor(minutes + 0.5)
    return f"{num(shown)} min"


def time_bars(rows: Sequence[tuple[str, float, float]], *, title: str) -> Markup:
    """Per round, time used as a bar against the allotted time (a marker); overtime stands out."""
    # As wide as half the debrief's charts row (it sits beside the radar), so its text reads at
    # about its set size there.
    row_h, label_w, bar_w, legend_h = 36, 180, 220, 34
    width = 560
    height = 10 + max(1, len(rows)) * row_h + legend_h
    scale = max([1.0, *(max(used, allotted) for _, used, allotted in rows)]) * 1.04
    body: list[str] = []
    table_rows = []
    for k, (label, used, allotted) in enumerate(rows):
        used, allotted = max(used, 0.0), max(allotted, 0.0)
        y = 10 + k * row_h
        body.append(svg_text(label_w - 10, y + 17, shorten(label, 26), text_anchor="end"))
        if allotted > 0:
            body.append(
                f'<rect x="{label_w}" y="{y + 6}" width="{xy(bar_w * allotted / scale)}" '
                f'height="16" fill="{TRACK}"/>'
            )
        within = used if allotted <= 0 else min(used, allotted)
        body.append(
            f'<rect x="{label_w}" y="{y + 6}" width="{xy(bar_w * within / scale)}" height="16" '
            f'fill="{USED}"/>'
        )
        over = used - allotted if allotted > 0 and used > allotted else 0.0
        if over:
            body.append(
                f'<rect x="{xy(label_w + bar_w * allotted / scale)}" y="{y + 6}" '
                f'width="{xy(bar_w * over / scale)}" height="16" fill="{OVERTIME}"/>'
            )
        if allotted > 0:
            mx = xy(label_w + bar_w * allotted / scale)
            body.append(
                f'<line x1="{mx}" y1="{y + 1}" x2="{mx}" y2="{y + 27}" stroke="{INK}" '
                'stroke-width="2"/>'
            )
        text = minutes_text(used) + (f" of {minutes_text(allotted)}" if allotted > 0 else "")
        body.append(svg_text(label_w + bar_w + 12, y + 18, text))
        if over:
            body.append(
                svg_text(
                    label_w + bar_w + 12,
                    y + 31,
                    f"{minutes_text(over)} over",
                    fill=OVERTIME,
                    font_size="11",
                    font_weight="600",
                )
            )
        table_rows.append(
            (
                label,
                minutes_text(used),
                minutes_text(allotted) if allotted > 0 else "\u2014",
                minutes_text(over) if over else "\u2014",
            )
        )
    if not rows:
        empty = "No timed rounds yet"
        body.append(svg_text(width / 2, 30, empty, text_anchor="middle", fill=MUTED))
    ly = height - legend_h + 14
    body += [
        f'<rect x="{label_w}" y="{ly - 9}" width="12" height="12" fill="{USED}"/>',
        svg_text(label_w + 18, ly + 1, "time used"),
        f'<rect x="{label_w + 110}" y="{ly - 9}" width="12" height="12" fill="{OVERTIME}"/>',
        svg_text(label_w + 128, ly + 1, "over time"),
        f'<line x1="{label_w + 216}" y1="{ly - 11}" x2="{label_w + 216}" y2="{ly + 5}" '
        f'stroke="{INK}" stroke-width="2"/>',
        svg_text(label_w + 224, ly + 1, "time allotted"),
    ]
    desc = f"Time used per round, {len(rows)} rounds. " + "; ".join(
        f"{r[0]}: {r[1]} of {r[2]}" + (f", {r[3]} over" if r[3] != "\u2014" else "")
        for r in table_rows
    )
    table = data_table(title, ["Round", "Used", "Allotted", "Over time"], table_rows)
    return figure("time", title, desc, (width, height), body, table)


# -- line chart -------------------------------------------------------------------------------


def line_chart(
    series: Mapping[str, Sequence[tuple[datetime, float]]],
    *,
    title: str,
    y_max: float = 100,
    y_label: str = "score",
) -> Markup:
    """Lines with points over dates, one per series, with a legend; a single point still shows."""
    width, left, right, top, plot_h = 680, 56, 20, 16, 220
    plot_w = width - left - right
    named = [
        (name, sorted(((utc(t), v) for t, v in pts), key=lambda p: p[0]))
        for name, pts in series.items()
    ]
    per_row = 3
    legend_rows = math.ceil(len(named) / per_row) if named else 0
    height = top + plot_h + 40 + legend_rows * 22 + 6
    moments = [t for _, pts in named for t, _ in pts]
    if moments:
        start, end = min(moments), max(moments)
        pad = (end - start) * 0.05 if end > start else timedelta(days=3)
        start, end = start - pad, end + pad
    else:
        # No dates to show: an arbitrary week keeps the arithmetic simple; no ticks are drawn.
        start = datetime(2000, 1, 3, tzinfo=UTC)
        end = start + timedelta(days=7)
    t0, span = start.timestamp(), (end - start).total_seconds()

    def x_of(moment: datetime) -> float:
        return left + plot_w * (moment.timestamp() - t0) / span

    def y_of(value: float) -> float:
        return top + plot_h * (1 - min(max(value, 0.0), y_max) / y_max)

    body: list[str] = []
    for k in range(5):
        value = y_max * k / 4
        y = y_of(value)
        body.append(
            f'<line x1="{left}" y1="{xy(y)}" x2="{left + plot_w}" y2="{xy(y)}" stroke="{GRID}"/>'
        )
        body.append(svg_text(left - 6, y + 4, num(value), text_anchor="end", fill=MUTED))
    body.append(
        svg_text(
            14,
            top + plot_h / 2,
            y_label,
            text_anchor="middle",
            fill=MUTED,
            transform=f"rotate(-90 14 {xy(top + plot_h / 2)})",
        )
    )
    base = top + plot_h
    body.append(
        f'<line x1="{left}" y1="{base}" x2="{left + plot_w}" y2="{base}" stroke="{MUTED}"/>'
    )
    for moment, label in time_ticks(start, end) if moments else []:
        x = x_of(moment)
        body.append(
            f'<line x1="{xy(x)}" y1="{base}" x2="{xy(x)}" y2="{base + 5}" stroke="{MUTED}"/>'
        )
        body.append(svg_text(x, base + 18, label, text_anchor="middle", fill=MUTED, font_size="11"))
    if not moments:
        body.append(
            svg_text(
                left + plot_w / 2, top + plot_h / 2, "No data yet", text_anchor="middle", fill=MUTED
            )
        )
    table_rows = []
    for index, (name, pts) in enumerate(named):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        dash = "" if index < len(SERIES_COLOURS) else ' stroke-dasharray="6 3"'
        coords = [(x_of(t), y_of(v)) for t, v in pts]
        if len(coords) > 1:
            line = " ".join(f"{xy(x)},{xy(y)}" for x, y in coords)
            body.append(
                f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2" '
                f'stroke-linejoin="round"{dash}/>'
            )
        r = 3.5 if len(pts) <= 60 else 2.0
        for (t, v), (x, y) in zip(pts, coords, strict=True):
            body.append(marker(index, x, y, r, colour, f"{name}: {num(v)} on {date_text(t)}"))
            table_rows.append((name, date_text(t), num(v)))
        lx = left + (index % per_row) * (plot_w / per_row)
        ly = base + 42 + (index // per_row) * 22
        body.append(
            f'<line x1="{xy(lx)}" y1="{ly - 4}" x2="{xy(lx + 22)}" y2="{ly - 4}" '
            f'stroke="{colour}" stroke-width="2"{dash}/>'
        )
        body.append(marker(index, lx + 11, ly - 4, 3.5, colour, name))
        body.append(svg_text(lx + 28, ly, shorten(name, 26)))
    summary = "; ".join(
        f"{name}: {len(pts)} points"
        + (f", last {num(pts[-1][1])} on {date_text(pts[-1][0])}" if pts else "")
        for name, pts in named
    )
    desc = f"Line chart of {y_label} (0 to {num(y_max)}) over time. {summary or 'No data yet.'}"
    table = data_table(title, ["Series", "Date", y_label.capitalize()], table_rows)
    return figure("line", title, desc, (width, height), body, table)
