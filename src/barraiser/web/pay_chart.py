"""The offer comparison chart: grouped bars of each offer's pay per year, as inline SVG.

Built like the report charts (:mod:`barraiser.interview.charts`): a ``<figure>`` with a titled
SVG and a data table holding the same numbers. Bars carry their offer's number under them, so
the series are told apart without colour.
"""

from __future__ import annotations

from markupsafe import Markup

from barraiser.interview.chart_svg import (
    GRID,
    MUTED,
    SERIES_COLOURS,
    data_table,
    figure,
    svg_text,
    xy,
)
from barraiser.pay import Comparison

_WIDTH, _HEIGHT = 480, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 52, 8, 18, 64
_STEPS = (10_000, 20_000, 25_000, 50_000, 100_000, 200_000, 250_000, 500_000)


def short_money(value: float) -> str:
    """``$210K``, ``$1.25M``: short enough to sit over a bar."""
    if value >= 1_000_000:
        return f"${value / 1_000_000:.3g}M"
    if value >= 1_000:
        return f"${value / 1_000:.3g}K"
    return f"${value:.0f}"


def _tick_step(top: float) -> float:
    for candidate in _STEPS:
        if top / candidate <= 5:
            return float(candidate)
    step = float(_STEPS[-1])
    while top / step > 5:
        step *= 2
    return step


def offer_chart(comparison: Comparison) -> Markup:
    """Total pay per year for each offer, side by side, with a data table."""
    offers = comparison.offers
    years = comparison.horizon_years
    highest = max((y.total for o in offers for y in o.years), default=0.0)
    step = _tick_step(highest) if highest > 0 else 1.0
    top = step * max(1, -(-highest // step))
    plot_w = _WIDTH - _LEFT - _RIGHT
    plot_h = _HEIGHT - _TOP - _BOTTOM
    base_y = _TOP + plot_h
    body: list[str] = []
    tick = 0.0
    while tick <= top + 1e-9:
        y = base_y - plot_h * tick / top
        body.append(
            f'<line x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{xy(y)}" y2="{xy(y)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(svg_text(_LEFT - 6, y + 4, short_money(tick), text_anchor="end", fill=MUTED))
        tick += step
    group_w = plot_w / years
    gap = 3.0
    bar_w = min(40.0, (group_w - 16 - gap * (len(offers) - 1)) / max(1, len(offers)))
    label_size = "11" if len(offers) < 3 else "10"
    for k in range(years):
        left = _LEFT + k * group_w + (group_w - len(offers) * bar_w - gap * (len(offers) - 1)) / 2
        for n, offer in enumerate(offers):
            total = offer.years[k].total
            height = plot_h * total / top
            x = left + n * (bar_w + gap)
            colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
            body.append(
                f'<rect x="{xy(x)}" y="{xy(base_y - height)}" width="{xy(bar_w)}" '
                f'height="{xy(height)}" fill="{colour}"><title>'
                f"{_escape(offer.name)}, year {k + 1}: ${total:,.0f}</title></rect>"
            )
            body.append(
                svg_text(
                    x + bar_w / 2,
                    base_y - height - 4,
                    short_money(total),
                    text_anchor="middle",
                    font_size=label_size,
                )
            )
            body.append(
                svg_text(x + bar_w / 2, base_y + 13, str(n + 1), text_anchor="middle", fill=MUTED)
            )
        body.append(
            svg_text(
                _LEFT + (k + 0.5) * group_w,
                base_y + 30,
                f"Year {k + 1}",
                text_anchor="middle",
                font_weight="600",
                font_size="13",
            )
        )
    legend_y = _HEIGHT - 12
    x = float(_LEFT)
    for n, offer in enumerate(offers):
        colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
        label = f"{n + 1} {offer.name}"
        label = label if len(label) <= 22 else label[:21] + "\u2026"
        body.append(
            f'<rect x="{xy(x)}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>'
        )
        body.append(svg_text(x + 16, legend_y, label))
        x += 34 + 7.0 * len(label)
    title = "Pay per year for each offer"
    desc = "; ".join(
        f"{offer.name}: "
        + ", ".join(f"year {y.year} ${y.total:,.0f}" for y in offer.years)
        + f"; four years ${offer.four_year_total:,.0f}"
        for offer in offers
    )
    table = data_table(
        title,
        ["Offer", *(f"Year {k + 1}" for k in range(years)), "Four years"],
        [
            [
                offer.name,
                *(f"{y.total:.0f}" for y in offer.years),
                f"{offer.four_year_total:.0f}",
            ]
            for offer in offers
        ],
    )
    return figure("pay", title, desc, (_WIDTH, _HEIGHT), body, table)


def _escape(text: str) -> str:
    return str(Markup.escape(text))
