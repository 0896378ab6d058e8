"""Behavioural scoring: STAR quality and its combination with rubric coverage (no model)."""

from __future__ import annotations

import pytest

from barraiser.grading.behavioral import (
    STAR_PARTS,
    WORDS_PER_MINUTE,
    LengthCheck,
    Ownership,
    PartSummary,
    PrincipleMatch,
    StarAnalysis,
    combine_behavioral,
    star_quality,
)


def _analysis(
    parts: str = "star",
    *,
    i_count: int = 8,
    we_count: int = 2,
    number: bool = True,
    principle: float = 0.5,
    reflection: bool = True,
    words: int = 300,
    hypothetical: bool = False,
) -> StarAnalysis:
    present = {p: p[0] in parts for p in STAR_PARTS}
    ratio = i_count / (i_count + we_count) if i_count + we_count else 1.0
    return StarAnalysis(
        sentences=[],
        parts={p: PartSummary(present=present[p], sentences=1, share=0.25) for p in STAR_PARTS},
        missing_parts=[p for p in STAR_PARTS if not present[p]],
        principles=[
            PrincipleMatch(
                id="ownership", name="Ownership", score=principle, evidence="x", signal="y"
            )
        ],
        ownership=Ownership(
            i_count=i_count,
            we_count=we_count,
            i_ratio=ratio,
            we_sentences=0,
            sentences=10,
            we_dominates=we_count > i_count,
        ),
        quantities=[],
        result_has_number=number,
        hypothetical=hypothetical,
        hypothetical_sentences=[],
        reflection=reflection,
        length=LengthCheck(words=words, minutes=round(words / WORDS_PER_MINUTE, 1), verdict="fine"),
        advice=[],
    )


def test_complete_story_has_full_quality() -> None:
    quality = star_quality(_analysis())
    assert quality.value == pytest.approx(1.0)
    assert quality.length_factor == 1.0


def test_each_gap_costs_quality() -> None:
    full = star_quality(_analysis()).value
    for gap in (
        _analysis("sta"),
        _analysis(i_count=0, we_count=9),
        _analysis(number=False),
        _analysis(principle=0.2),
        _analysis(reflection=False),
    ):
        assert star_quality(gap).value < full


def test_skeleton_and_hypothetical_answers_keep_little_quality() -> None:
    assert star_quality(_analysis(words=60)).value < 0.35
    assert star_quality(_analysis(hypothetical=True)).value <= 0.5


def test_without_principles_the_weight_is_shared_out() -> None:
    assert star_quality(_analysis(principle=0.0), with_principles=False).value == pytest.approx(1)


def test_combination_needs_on_topic_content() -> None:
    strong, gate = combine_behavioral(0.35, 0.9)
    assert strong >= 65 and gate == 1.0
    partial, _ = combine_behavioral(0.12, 0.5)
    weak, _ = combine_behavioral(0.05, 0.1)
    assert strong > partial > weak
    # A perfectly told story with no content of this question earns (almost) nothing.
    off_topic, gate = combine_behavioral(0.02, 1.0)
    assert off_topic < 5 and gate == 0.0
