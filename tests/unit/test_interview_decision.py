"""Scorecards and the debrief's decision rule, the Bar Raiser's veto included."""

from __future__ import annotations

from typing import Any

import pytest

from barraiser.content.bank import get_bank
from barraiser.content.schemas import DecisionRule, Rating, Round
from barraiser.grading.result import GradeResult
from barraiser.interview.decision import decide
from barraiser.interview.items import get_item
from barraiser.interview.models import CompetencyRating, Scorecard
from barraiser.interview.scoring import (
    CodeAttempt,
    TextAttempt,
    build_scorecard,
    code_outcome,
    coding_score,
    item_evidence,
    rating_for,
    text_outcome,
)

RULE = DecisionRule(
    min_mean_rating=3.0,
    max_no_ratings=1,
    strong_no_blocks=True,
    bar_raiser_veto=True,
    veto_at_or_below="no",
    min_lp_mean_rating=2.5,
)


def _grade(data: dict[str, Any]) -> GradeResult:
    """A stored grade from the fields a test cares about (weights and credits filled in)."""
    points = [
        {"weight": 1.0, "credit": 1.0 if p["status"] == "covered" else 0.0, **p}
        for p in data.get("key_points", [])
    ]
    return GradeResult.model_validate({**data, "key_points": points})


def _card(
    title: str, rating: Rating, *, bar_raiser: bool = False, lp: Rating | None = None
) -> Scorecard:
    principles = [CompetencyRating(id="ownership", name="Ownership", rating=lp)] if lp else []
    return Scorecard(
        position=0,
        round_id=title.lower(),
        title=title,
        interviewer="x",
        bar_raiser=bar_raiser,
        rating=rating,
        score=0,
        summary="",
        competencies=[],
        principles=principles,
        items=[],
        allotted_s=3600,
        used_s=0,
        away_s=0,
    )


def _round(assesses: list[str], kind: str) -> Round:
    """A 30-minute onsite round assessing ``assesses``, asking one question of ``kind``."""
    return Round(
        id="r",
        title="Round",
        kind="onsite",
        duration_min=30,
        interviewer="x",
        assesses=assesses,
        questions=[{"kind": kind}],
    )


def test_strong_rounds_hire() -> None:
    decision = decide(
        RULE,
        [
            _card("A", "strong-hire", lp="inclined"),
            _card("B", "inclined", lp="strong-hire"),
            _card("BR", "inclined", bar_raiser=True, lp="inclined"),
        ],
    )
    assert decision.hire and decision.label == "Hire"
    assert not decision.vetoed
    assert any("no veto" in r for r in decision.reasons)


def test_the_bar_raiser_vetoes_whatever_the_other_rounds_say() -> None:
    cards = [_card(t, "strong-hire", lp="strong-hire") for t in "ABCD"]
    cards.append(_card("BR", "no", bar_raiser=True, lp="inclined"))
    decision = decide(RULE, cards)
    assert decision.mean_rating >= 3.0  # the average alone would hire
    assert not decision.hire and decision.vetoed
    assert decision.reasons[0].startswith("The Bar Raiser (BR) rated you “no” and vetoes")
    no_veto = decide(RULE.model_copy(update={"bar_raiser_veto": False}), cards)
    assert no_veto.hire and not no_veto.vetoed


def test_a_strong_no_blocks_and_too_many_noes_fail() -> None:
    blocked = decide(
        RULE, [_card("A", "strong-hire", lp="strong-hire")] * 5 + [_card("Z", "strong-no")]
    )
    assert not blocked.hire
    assert any("“strong no” from Z blocks" in r for r in blocked.reasons)
    noes = decide(
        RULE,
        [_card("A", "strong-hire", lp="strong-hire")] * 6 + [_card("N1", "no"), _card("N2", "no")],
    )
    assert not noes.hire
    assert any("2 round(s) rated “no” or worse (N1, N2)" in r for r in noes.reasons)
    # Without the blocking rule a strong no still counts among the "no" ratings.
    lenient = RULE.model_copy(update={"strong_no_blocks": False, "max_no_ratings": 1})
    two_strong = decide(
        lenient,
        [_card("A", "strong-hire", lp="strong-hire")] * 8
        + [_card("Z1", "strong-no"), _card("Z2", "strong-no")],
    )
    assert not two_strong.hire
    assert any("2 round(s) rated “no” or worse (Z1, Z2)" in r for r in two_strong.reasons)
    assert any("does not block the offer on its own" in r for r in two_strong.reasons)


def test_low_average_and_low_principles_each_say_why() -> None:
    low = decide(RULE, [_card("A", "inclined", lp="no"), _card("B", "no", lp="no")])
    assert not low.hire
    text = " ".join(low.reasons)
    assert "average 2.50 out of 4, below the 3 needed" in text
    assert "Leadership Principles average 2.00, below the 2.5 needed" in text
    none = decide(RULE, [_card("A", "strong-hire")])
    assert not none.hire and "No Leadership Principle was shown" in none.reasons[0]


@pytest.mark.parametrize(
    ("score", "rating"),
    [
        (100, "strong-hire"),
        (80, "strong-hire"),
        (79.9, "inclined"),
        (55, "inclined"),
        (54.9, "no"),
        (25, "no"),
        (24.9, "strong-no"),
        (0, "strong-no"),
    ],
)
def test_ratings_follow_the_score(score: float, rating: str) -> None:
    assert rating_for(score) == rating


def _sub(
    mode: str, verdict: str | None, passed: int = 0, total: int = 10
) -> tuple[str, str | None, dict[str, Any] | None]:
    """A judged submission: two samples passed, then `total` hidden tests, `passed` of them AC."""
    if verdict is None:
        return (mode, None, None)
    samples = [{"kind": "sample", "verdict": "AC"}] * 2
    hidden = [{"kind": "hidden", "verdict": "AC" if i < passed else "WA"} for i in range(total)]
    return (mode, verdict, {"passed": passed + 2, "total": total + 2, "tests": samples + hidden})


def test_coding_scores_come_from_hidden_test_verdicts() -> None:
    assert coding_score(CodeAttempt([]))[0] == 0
    assert coding_score(CodeAttempt([_sub("run", "OK")]))[0] == 10
    assert coding_score(CodeAttempt([_sub("submit", "AC", 10)]))[:2] == (100, "AC")
    assert coding_score(CodeAttempt([_sub("submit", "WA", 4), _sub("submit", "AC", 10)]))[0] == 95
    assert coding_score(CodeAttempt([_sub("submit", "WA", 5)]))[:4] == (30, "WA", 5, 10)
    assert coding_score(CodeAttempt([_sub("submit", "TLE", 9)]))[0] == pytest.approx(54)
    # While a submission is judged there is no score yet.
    assert coding_score(CodeAttempt([_sub("submit", None)]))[0] is None


def test_a_scorecard_rates_each_competency_and_principle_with_evidence() -> None:
    bank = get_bank()
    concept = next(
        q
        for q in bank.questions.values()
        if q.kind == "concept" and q.rubric and "ml-breadth" in q.competencies
    )
    story = next(
        q for q in bank.questions.values() if q.kind == "behavioral" and q.leadership_principles
    )
    assert concept.rubric is not None
    points = concept.rubric.key_points
    result = {
        "score": 82.0,
        "key_points": [
            {
                "id": points[0].id,
                "text": points[0].text,
                "status": "covered",
                "similarity": 0.8,
                "evidence": "My sentence.",
            },
            {
                "id": points[1].id,
                "text": points[1].text,
                "status": "missed",
                "similarity": 0.1,
                "evidence": None,
            },
        ],
        "misconceptions": [],
    }
    outcomes = [
        text_outcome(
            get_item(bank, concept.id),
            TextAttempt("My sentence. More.", None, None, _grade(result)),
        ),
        text_outcome(get_item(bank, story.id), None),
        code_outcome(get_item(bank, "problem:two-sum"), CodeAttempt([_sub("submit", "AC", 10)])),
    ]
    rnd = _round(["coding", "ml-breadth", "motivation"], "concept")
    card = build_scorecard(0, rnd, outcomes, bank=bank, times=(1800, 1500, 60))
    assert card.score == pytest.approx((82 + 0 + 100) / 3, abs=0.1)
    by_id = {c.id: c for c in card.competencies}
    assert by_id["coding"].rating == "strong-hire"
    verdicts = [e.text for e in by_id["coding"].evidence if e.kind == "verdict"]
    # The judge's (and the editor's) words for the counts.
    assert verdicts == ["AC: 10 of 10 hidden tests passed, after 1 submission(s) and 0 run(s)."]
    covered = [e for e in by_id["ml-breadth"].evidence if e.kind == "covered"]
    assert covered and covered[0].quote == "My sentence."
    # The kind is the label ("Covered", "Missed"): the text is the key point alone.
    assert covered[0].text == points[0].text
    missed = [e for e in by_id["ml-breadth"].evidence if e.kind == "missed"]
    assert [e.text for e in missed] == [points[1].text]
    principles = {p.id: p for p in card.principles}
    # Principles come from the story alone: the concept answer names some, and rates none.
    assert concept.leadership_principles
    assert set(principles) == set(story.leadership_principles)
    for lp_id in story.leadership_principles:
        # The story was not answered: a strong no, and the evidence says so.
        assert principles[lp_id].rating == "strong-no"
        assert any(e.kind == "unanswered" for e in principles[lp_id].evidence)
    late = text_outcome(
        get_item(bank, concept.id), TextAttempt("x", None, None, _grade(result), late=True)
    )
    assert late.score == 0 and late.late
    assert item_evidence(late)[0].kind == "late"


def test_a_quote_is_a_whole_sentence_even_when_the_answer_is_hard_wrapped() -> None:
    bank = get_bank()
    story = next(q for q in bank.questions.values() if q.kind == "behavioral")
    wrapped = "I like that ML is used everywhere in\nthe business. In my job we built one."
    result = {"score": 10.0, "key_points": [], "misconceptions": []}
    outcome = text_outcome(
        get_item(bank, story.id), TextAttempt(wrapped, None, None, _grade(result))
    )
    assert outcome.best_quote == "I like that ML is used everywhere in the business."


def test_partly_made_points_are_told_apart_from_missed_ones() -> None:
    bank = get_bank()
    concept = next(q for q in bank.questions.values() if q.kind == "concept" and q.rubric)
    assert concept.rubric is not None
    first, second = concept.rubric.key_points[:2]
    result = {
        "score": 40.0,
        "key_points": [
            {"id": first.id, "text": first.text, "status": "partly", "similarity": 0.5},
            {"id": second.id, "text": second.text, "status": "missed", "similarity": 0.1},
        ],
        "misconceptions": [],
    }
    outcome = text_outcome(
        get_item(bank, concept.id), TextAttempt("An answer.", None, None, _grade(result))
    )
    assert outcome.partly == [first.text] and outcome.missed == [second.text]
    kinds = [e.kind for e in item_evidence(outcome)]
    assert kinds == ["partly", "missed"]


def test_a_judge_failure_is_left_out_not_held_against_the_candidate() -> None:
    assert coding_score(CodeAttempt([_sub("submit", "IE", 0, 0), _sub("submit", "AC", 10)]))[
        :2
    ] == (100, "AC")
    bank = get_bank()
    outcome = code_outcome(
        get_item(bank, "problem:two-sum"), CodeAttempt([("submit", "IE", {"tests": []})])
    )
    assert outcome.grading_failed and outcome.score is None
    rnd = _round(["coding"], "coding")
    card = build_scorecard(0, rnd, [outcome], bank=bank)
    assert not card.pending  # nothing is being judged: the failure is reported, not awaited
    assert card.competencies[0].rating is None  # nothing left to rate coding from
    said = [(e.kind, e.text) for e in item_evidence(outcome)]
    assert said == [("not-graded", "Stored, but could not be judged: left out of the ratings.")]


def test_a_story_that_never_shows_its_principle_is_a_no_at_best() -> None:
    bank = get_bank()
    story = next(
        q
        for q in bank.questions.values()
        if q.kind == "behavioral" and len(q.leadership_principles) >= 2
    )
    shown, not_shown = story.leadership_principles[:2]
    result = {"score": 90.0, "key_points": [], "misconceptions": []}
    outcome = text_outcome(
        get_item(bank, story.id), TextAttempt("I led it.", None, None, _grade(result))
    )
    rnd = _round(["communication", "coding"], "behavioral")
    card = build_scorecard(
        0, rnd, [outcome], bank=bank, principle_quotes={(story.id, shown): "I led it."}
    )
    ratings = {p.id: p.rating for p in card.principles}
    assert ratings[shown] == "strong-hire"
    assert ratings[not_shown] == "no"
    by_id = {c.id: c for c in card.competencies}
    assert "coding" not in story.competencies and by_id["coding"].rating is None
