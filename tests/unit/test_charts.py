"""The SVG charts: well-formed XML, accessible, escaped, and their numbers in the data table."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
from markupsafe import Markup

from barraiser.interview.chart_svg import time_ticks
from barraiser.interview.charts import (
    heat_colour,
    heat_map,
    line_chart,
    minutes_text,
    radar_chart,
    time_bars,
)

SVG = "{http://www.w3.org/2000/svg}"
EVIL = "<script>alert(1)</script> & co"
RATING_LABELS = {1: "strong no", 2: "no", 3: "inclined", 4: "strong hire"}
START = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)


def _parse(markup: Markup) -> ET.Element:
    """Parse a chart as XML (fails on anything not well-formed)."""
    assert isinstance(markup, Markup)
    return ET.fromstring(str(markup))


def _svg(figure: ET.Element) -> ET.Element:
    svg = figure.find(f"{SVG}svg")
    assert svg is not None, "the figure holds no SVG"
    return svg


def _table_cells(figure: ET.Element) -> list[str]:
    return ["".join(cell.itertext()) for cell in figure.iter() if cell.tag in {"td", "th"}]


def _check_accessible(figure: ET.Element, title: str) -> ET.Element:
    svg = _svg(figure)
    assert svg.get("role") == "img"
    assert svg.get("width") == "100%"
    assert re.fullmatch(r"0 0 \d+ \d+", svg.get("viewBox", ""))
    labelled = (svg.get("aria-labelledby") or "").split()
    ids = {el.get("id"): "".join(el.itertext()) for el in svg.iter() if el.get("id")}
    assert labelled and all(i in ids for i in labelled)
    title_el = svg.find(f"{SVG}title")
    assert title_el is not None and title_el.text == title and title_el.get("id") in labelled
    details = figure.find("details")
    assert details is not None and details.find("table") is not None
    return svg


def _svg_texts(svg: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]


# -- radar --------------------------------------------------------------------------------------


def test_radar_is_accessible_xml_with_rings_and_the_numbers_in_its_table() -> None:
    axes = [("Coding", 3.0), ("Problem solving", 4.0), ("ML depth", 1.0), ("Communication", 2.0)]
    figure = _parse(radar_chart(axes, title="Competencies"))
    svg = _check_accessible(figure, "Competencies")
    texts = _svg_texts(svg)
    for ring in ("strong no", "no", "inclined", "strong hire"):
        assert ring in texts
    assert all(label in texts for label, _ in axes)
    cells = _table_cells(figure)
    assert "3 (inclined)" in cells and "4 (strong hire)" in cells and "1 (strong no)" in cells
    # All assessed: one closed outline through the four points.
    assert len(svg.findall(f".//{SVG}polygon")) == 2


def test_radar_leaves_a_gap_for_an_axis_not_assessed() -> None:
    axes = [("A", 3.0), ("B", None), ("C", 2.0), ("D", 4.0), ("E", 1.0)]
    figure = _parse(radar_chart(axes, title="Gaps"))
    svg = _svg(figure)
    assert "not assessed" in _svg_texts(svg)
    assert svg.findall(f".//{SVG}polyline"), "a gap breaks the outline into an open line"
    assert not [p for p in svg.iter(f"{SVG}polygon") if p.get("stroke") not in (None, "none")]
    # Four points drawn (one per assessed axis), each with a tooltip.
    dots = [c for c in svg.iter(f"{SVG}circle") if c.find(f"{SVG}title") is not None]
    assert len(dots) == 4
    assert "not assessed" in _table_cells(figure)


@pytest.mark.parametrize("count", [3, 12])
def test_radar_draws_three_to_twelve_axes(count: int) -> None:
    axes = [(f"Axis {k}", float(k % 4 + 1)) for k in range(count)]
    svg = _svg(_parse(radar_chart(axes, title="Many")))
    lines = [el for el in svg.iter(f"{SVG}line")]
    assert len(lines) == count


@pytest.mark.parametrize("count", [0, 1, 2, 13])
def test_radar_falls_back_to_bars_outside_three_to_twelve_axes(count: int) -> None:
    axes = [(f"Axis {k}", None if k == 1 else 2.0) for k in range(count)]
    figure = _parse(radar_chart(axes, title="Few"))
    assert "chart-bars" in (figure.get("class") or "")
    svg = _check_accessible(figure, "Few")
    assert not list(svg.iter(f"{SVG}polygon"))
    if count > 1:
        assert "not assessed" in _svg_texts(svg)


def test_radar_escapes_labels_and_title() -> None:
    markup = radar_chart([(EVIL, 3.0), ("B", 2.0), ("C", 1.0)], title=EVIL)
    assert "<script>" not in str(markup)
    figure = _parse(markup)
    assert _svg(figure).find(f"{SVG}title").text == EVIL  # type: ignore[union-attr]
    assert EVIL in _table_cells(figure)


# -- heat map -----------------------------------------------------------------------------------


def test_heat_map_shows_labels_colours_and_dashes_for_empty_cells() -> None:
    rows = ["Ownership", "Dive Deep"]
    columns = ["Phone screen", "Bar raiser"]
    values = {("Ownership", "Phone screen"): 1.0, ("Ownership", "Bar raiser"): 4.0}
    values[("Dive Deep", "Phone screen")] = None  # type: ignore[assignment]
    table = _parse(
        heat_map(rows, columns, values, title="Principles", value_labels=RATING_LABELS)
    ).find("table")
    assert table is not None
    assert "".join(table.find("caption").itertext()) == "Principles"  # type: ignore[union-attr]
    cells = {
        (tr.find("th").text, k): td  # type: ignore[union-attr]
        for tr in table.iter("tr")
        for k, td in enumerate(tr.findall("td"))
        if tr.find("th") is not None and tr.find("th").get("scope") == "row"  # type: ignore[union-attr]
    }
    low, high = cells[("Ownership", 0)], cells[("Ownership", 1)]
    assert low.text == "strong no" and high.text == "strong hire"
    assert heat_colour(1.0) in (low.get("style") or "")
    assert heat_colour(4.0) in (high.get("style") or "")
    assert heat_colour(1.0) != heat_colour(4.0)
    assert cells[("Dive Deep", 0)].text == "\u2014" and cells[("Dive Deep", 1)].text == "\u2014"


def test_heat_map_shows_the_number_when_a_value_is_between_labels() -> None:
    markup = heat_map(["R"], ["C"], {("R", "C"): 2.5}, title="Mean", value_labels=RATING_LABELS)
    cell = _parse(markup).find(".//td[@data-value='2.5']")
    assert cell is not None and cell.text is not None and cell.text.startswith("2.5")


def test_heat_map_escapes_row_and_column_names() -> None:
    markup = heat_map([EVIL], [EVIL], {(EVIL, EVIL): 3.0}, title=EVIL)
    assert "<script>" not in str(markup)
    texts = ["".join(el.itertext()) for el in _parse(markup).iter("th")]
    assert texts.count(EVIL) == 2


def test_heat_colours_run_from_orange_to_blue() -> None:
    low, mid, high = heat_colour(1), heat_colour(2.5), heat_colour(4)
    red, blue = int(low[1:3], 16), int(low[5:7], 16)
    assert red > blue  # orange end
    red, blue = int(high[1:3], 16), int(high[5:7], 16)
    assert blue > red  # blue end
    assert len({low, mid, high}) == 3


# -- time bars ----------------------------------------------------------------------------------


def test_time_bars_mark_overtime_in_its_own_colour_and_in_words() -> None:
    rows = [("Recruiter screen", 600.0, 900.0), ("Online assessment", 5700.0, 5400.0)]
    figure = _parse(time_bars(rows, title="Time used"))
    svg = _check_accessible(figure, "Time used")
    texts = _svg_texts(svg)
    assert "10 min of 15 min" in texts
    assert "95 min of 90 min" in texts
    assert "5 min over" in texts
    fills = [rect.get("fill") for rect in svg.iter(f"{SVG}rect")]
    overtime = "#d55e00"
    # One overtime bar plus the legend's swatch; the round within its time has none.
    assert fills.count(overtime) == 2
    cells = _table_cells(figure)
    assert cells[-4:] == ["Online assessment", "95 min", "90 min", "5 min"]


def test_time_bars_without_rounds_say_so() -> None:
    svg = _svg(_parse(time_bars([], title="Nothing")))
    assert "No timed rounds yet" in _svg_texts(svg)


def test_minutes_are_written_for_people() -> None:
    assert minutes_text(450) == "7.5 min"
    assert minutes_text(750) == "13 min"  # whole minutes from 10 on, halves rounded up
    assert minutes_text(3600) == "60 min"
    assert minutes_text(0) == "0 min"


# -- line chart ---------------------------------------------------------------------------------


def test_line_chart_draws_each_series_with_a_legend_and_tabulates_points() -> None:
    series = {
        "Coding": [(START + timedelta(days=k), 40.0 + 10 * k) for k in range(4)],
        "ML breadth": [(START + timedelta(days=2), 75.0)],
    }
    figure = _parse(line_chart(series, title="Scores"))
    svg = _check_accessible(figure, "Scores")
    assert len(svg.findall(f".//{SVG}polyline")) == 1  # one line; the single point has none
    texts = _svg_texts(svg)
    assert "Coding" in texts and "ML breadth" in texts
    assert [t for t in texts if t.endswith("Mar")] == ["4 Mar", "5 Mar", "6 Mar"]  # days
    cells = _table_cells(figure)
    assert cells[cells.index("Coding") + 6 :][:3] == ["Coding", "5 Mar 2025 09:30", "60"]
    assert "75" in cells


def test_line_chart_with_one_point_still_draws_it() -> None:
    svg = _svg(_parse(line_chart({"Only": [(START, 55.0)]}, title="One")))
    points = [el for el in svg.iter() if el.find(f"{SVG}title") is not None]
    assert any("55" in (el.find(f"{SVG}title").text or "") for el in points)  # type: ignore[union-attr]
    assert [t for t in _svg_texts(svg) if t.endswith("Mar")], "a single point still gets dates"


def test_line_chart_without_data_says_so() -> None:
    svg = _svg(_parse(line_chart({}, title="Empty")))
    assert "No data yet" in _svg_texts(svg)


def test_line_chart_escapes_series_names() -> None:
    markup = line_chart({EVIL: [(START, 10.0)]}, title="x", y_label=EVIL)
    assert "<script>" not in str(markup)
    assert EVIL in _svg_texts(_svg(_parse(markup)))


def test_line_chart_keeps_hundreds_of_points_inside_the_plot() -> None:
    points = [(START + timedelta(hours=7 * k), float(k % 101)) for k in range(300)]
    svg = _svg(_parse(line_chart({"Many": points}, title="Many")))
    polyline = svg.find(f".//{SVG}polyline")
    assert polyline is not None
    coords = [tuple(map(float, p.split(","))) for p in (polyline.get("points") or "").split()]
    assert len(coords) == 300
    width = float((svg.get("viewBox") or "").split()[2])
    assert all(0 <= x <= width for x, _ in coords)


@pytest.mark.parametrize(
    ("span", "pattern"),
    [
        (timedelta(hours=5), r"\d+ Mar \d\d:\d\d"),
        (timedelta(days=4), r"\d+ Mar"),
        (timedelta(days=30), r"\d+ (Mar|Apr)"),
        (timedelta(days=200), r"(Apr|May|Jun|Jul|Aug|Sep) 2025"),
        (timedelta(days=800), r"\w{3} 20(25|26|27)"),
    ],
)
def test_time_ticks_are_few_and_round(span: timedelta, pattern: str) -> None:
    ticks = time_ticks(START, START + span)
    assert 2 <= len(ticks) <= 6
    assert all(START <= moment <= START + span for moment, _ in ticks)
    assert all(re.fullmatch(pattern, label) for _, label in ticks), ticks


def test_weekly_ticks_fall_on_mondays() -> None:
    ticks = time_ticks(START, START + timedelta(days=30))
    assert all(moment.weekday() == 0 for moment, _ in ticks)
