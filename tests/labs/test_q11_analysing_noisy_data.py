"""Lab 11: self-reported heights, parsing and three outlier rules."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from barraiser.labs import LabResult
from barraiser.labs.q11_analysing_noisy_data import parse_height


@pytest.mark.parametrize(
    ("text", "inches", "how"),
    [
        ("70", 70.0, "inches"),
        ("5'7", 67.0, "feet and inches"),
        ("5' 4\"", 64.0, "feet and inches"),
        ("5 ft 9 inches", 69.0, "feet and inches"),
        ("5.11", 71.0, "feet.inches"),
        ("5,3", 63.0, "feet.inches"),
        ("6", 72.0, "feet"),
        ("165cm", 165 / 2.54, "centimetres"),
        ("180", 180 / 2.54, "centimetres"),
        ("1,70", 170 / 2.54, "metres"),
        ("11111", 11111.0, "unconverted number"),
    ],
)
def test_parse_height_reads_the_common_spellings(text: str, inches: float, how: str) -> None:
    value, read_as = parse_height(text)
    assert value == pytest.approx(inches)
    assert read_as == how


@pytest.mark.parametrize("text", ["yyy", ">9000", "5'12", "Five foot eight inches"])
def test_parse_height_refuses_to_guess(text: str) -> None:
    assert parse_height(text) == (None, "unreadable")


def test_z_score_is_masked_and_robust_rules_are_not(
    run_fast: Callable[[str], LabResult],
) -> None:
    result = run_fast("analysing-noisy-data")
    m = result.metrics
    assert m["rows"] == 1095

    masked = result.claim("z-score-masked")
    assert masked.holds == (m["recall_z_raw"] < 0.5)
    assert masked.holds
    # the gross errors inflate the standard deviation far beyond the spread of real heights
    assert m["sd_raw"] > 50 * (m["high_mad_raw"] - m["median_raw"]) / 3.5

    robust = result.claim("robust-rules-find-them")
    assert robust.holds == (
        min(m["recall_iqr_raw"], m["recall_mad_raw"]) >= 0.95
        and max(m["false_alarm_iqr_raw"], m["false_alarm_mad_raw"]) <= 0.02
    )
    assert robust.holds

    candidates = result.claim("flags-are-candidates")
    assert m["mad_flagged_recoverable_share"] == pytest.approx(
        m["mad_flagged_recoverable"] / m["mad_flagged_raw"]
    )
    assert candidates.holds == (m["mad_flagged_recoverable_share"] >= 0.5)
    assert candidates.holds
    assert m["plausible_parsed"] > m["plausible_raw"]

    guide = result.claim("iqr-and-z-score")
    assert guide.text.startswith("(guide)")
    assert guide.holds == (min(m["recall_iqr_raw"], m["recall_z_raw"]) >= 0.9)
    assert not guide.holds

    assert len(result.tables) == 2
    assert len(result.tables[0].rows) == 6
    assert [f.file for f in result.figures] == ["heights.png"]
