"""The debrief's consistency checker: a coherent debrief passes, and each broken rule is caught.

The coherent debrief is built the way the engine builds one (scorecards from item outcomes, then
``build_debrief``) from a quick loop: an accepted coding problem, a strong answer about
Inception (whose question names Dive Deep and Learn and Be Curious) and a weak prioritisation
story; each test then breaks one rule by hand.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import pytest

from barraiser.content.bank import get_bank
from barraiser.content.loader import Bank
from barraiser.content.schemas import DecisionRule
from barraiser.grading.result import GradeResult
from barraiser.interview.debrief import build_debrief
from barraiser.interview.debrief_check import check_debrief
from barraiser.interview.decision import decision_sentences, principle_cap
from barraiser.interview.items import get_item
from barraiser.interview.models import CompetencyRating, Debrief, Evidence, Moment, StudyItem
from barraiser.interview.scoring import (
    CodeAttempt,
    TextAttempt,
    build_scorecard,
    code_outcome,
    text_outcome,
)
from barraiser.interview.study import principle_url

CONCEPT = "inception-architecture"
STORY = "prioritizing-multiple-deadlines"
PROBLEM = "problem:two-sum"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return get_bank()


def _grade(bank: Bank, question_id: str, score: float, covered: int) -> GradeResult:
    """A grade covering the rubric's first ``covered`` key points and missing the others."""
    rubric = bank.questions[question_id].rubric
    assert rubric is not None
    points = [
        {
            "id": p.id,
            "text": p.text,
            "weight": 1.0,
            "status": "covered" if i < covered else "missed",
            "similarity": 0.8 if i < covered else 0.1,
            "credit": 1.0 if i < covered else 0.0,
            "evidence": "I compared the options and measured them." if i < covered else None,
        }
        for i, p in enumerate(rubric.key_points)
    ]
    return GradeResult.model_validate({"score": score, "key_points": points})


def _judged(passed: int, total: int) -> dict[str, Any]:
    samples = [{"kind": "sample", "verdict": "AC"}] * 3
    hidden = [{"kind": "hidden", "verdict": "AC" if i < passed else "WA"} for i in range(total)]
    verdict = "AC" if passed == total else "WA"
    return {"mode": "submit", "verdict": verdict, "tests": samples + hidden}


def _debrief(bank: Bank) -> Debrief:
    loop = bank.loop("quick")
    coding_round, ml_round = loop.rounds()
    coding = code_outcome(get_item(bank, PROBLEM), CodeAttempt([("submit", "AC", _judged(20, 20))]))
    concept = text_outcome(
        get_item(bank, CONCEPT),
        TextAttempt(
            "Inception runs several filter sizes side by side.",
            None,
            None,
            _grade(bank, CONCEPT, 86.0, 3),
        ),
    )
    story = text_outcome(
        get_item(bank, STORY),
        TextAttempt(
            "We had many deadlines and did them.", None, None, _grade(bank, STORY, 40.0, 1)
        ),
    )
    cards = [
        build_scorecard(0, coding_round, [coding], bank=bank, rule=loop.decision),
        build_scorecard(
            1,
            ml_round,
            [concept, story],
            bank=bank,
            principle_quotes={(STORY, "ownership"): "We had many deadlines and did them."},
            rule=loop.decision,
        ),
    ]
    return build_debrief(
        session_id="s-1",
        mode="loop",
        loop=loop,
        started_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
        finished_at=datetime(2026, 3, 2, 9, 40, tzinfo=UTC),
        scorecards=cards,
        bank=bank,
        decision_rule=decision_sentences(loop.decision),
    )


def _check(bank: Bank, debrief: Debrief) -> list[str]:
    return check_debrief(debrief, bank, bank.loop("quick").decision)


def _only(found: list[str], rule: str) -> None:
    assert found, "the checker missed it"
    assert all(v.startswith(rule + ":") for v in found), found


def test_a_debrief_built_from_mixed_answers_is_coherent(bank: Bank) -> None:
    debrief = _debrief(bank)
    assert _check(bank, debrief) == []
    coding_card, ml_card = debrief.scorecards
    # Principles come from the story alone: the Inception answer names Dive Deep, rates none.
    assert {p.id for p in ml_card.principles} == set(bank.questions[STORY].leadership_principles)
    assert "dive-deep" not in debrief.principle_ratings
    # The round's scores alone earn "inclined"; the story's principle "no" ratings make it "no".
    assert ml_card.score >= 55 and ml_card.rating == "no"
    assert ml_card.rating_note and "“no” or worse; none is allowed" in ml_card.rating_note
    # One ranking: strongest from the top, weakest from the bottom, the plan from the weakest.
    assert [m.item_id for m in debrief.strongest] == [PROBLEM, CONCEPT]
    assert [m.item_id for m in debrief.weakest] == [STORY]
    assert [s.item_id for s in debrief.study_plan] == [STORY]
    # The prioritisation story learns from its principles' pages, the lowest-rated first, and
    # from other stories on them; never from "Why do you want to work with us?".
    links = [url for url, _ in debrief.study_plan[0].related]
    ratings = {p.id: p.score or 0.0 for p in ml_card.principles}
    pages = [u.rsplit("lp=", 1)[1] for u in links if u.startswith("/questions?kind=behavioral")]
    assert len(pages) == 2 and ratings[pages[0]] <= ratings[pages[1]]
    stories = [u.removeprefix("/questions/") for u in links if u not in map(principle_url, pages)]
    assert stories and "why-amazon" not in stories
    asked = set(bank.questions[STORY].leadership_principles)
    for qid in stories:
        assert bank.questions[qid].kind == "behavioral"
        assert asked & set(bank.questions[qid].leadership_principles)
    # Test counts in the editor's words.
    assert coding_card.items[0].tests_summary == "20 of 20 hidden tests passed"
    assert "20 of 20 hidden tests passed" in debrief.strongest[0].why


def test_a_principle_rated_from_a_technical_answer_is_caught(bank: Bank) -> None:
    debrief = _debrief(bank)
    card = debrief.scorecards[1]
    dive_deep = CompetencyRating(
        id="dive-deep",
        name="Dive Deep",
        rating="strong-hire",
        score=86.0,
        evidence=[
            Evidence(item_id=CONCEPT, item_title="Inception", kind="covered", text="Filters.")
        ],
    )
    broken = card.model_copy(update={"principles": [*card.principles, dive_deep]})
    ratings = {**debrief.principle_ratings, "dive-deep": {card.round_id: 4.0}}
    found = _check(
        bank,
        debrief.model_copy(
            update={"scorecards": [debrief.scorecards[0], broken], "principle_ratings": ratings}
        ),
    )
    _only(found, "principles")
    assert any("no story that probes it" in v for v in found)
    assert any("a concept item, not a story" in v for v in found)


def test_a_loop_table_that_differs_from_the_scorecard_is_caught(bank: Bank) -> None:
    debrief = _debrief(bank)
    ratings = {k: {r: 4.0 for r in v} for k, v in debrief.principle_ratings.items()}
    _only(_check(bank, debrief.model_copy(update={"principle_ratings": ratings})), "principles")


def test_a_hire_round_with_principle_noes_beyond_the_rule_is_caught(bank: Bank) -> None:
    debrief = _debrief(bank)
    card = debrief.scorecards[1]
    assert [p.rating for p in card.principles].count("no") >= 2
    lifted = card.model_copy(update={"rating": "strong-hire"})
    broken = debrief.model_copy(update={"scorecards": [debrief.scorecards[0], lifted]})
    _only(_check(bank, broken), "round rating")
    # A loop whose rule tolerates that many "no" ratings lets the same round hire.
    lenient = DecisionRule(max_no_ratings=len(card.principles), strong_no_blocks=False)
    assert check_debrief(broken, bank, lenient) == []


def test_a_strong_no_principle_blocks_a_hire_round_where_the_rule_says_so(bank: Bank) -> None:
    debrief = _debrief(bank)
    card = debrief.scorecards[1]
    first = card.principles[0].model_copy(update={"rating": "strong-no"})
    lifted = card.model_copy(update={"rating": "inclined", "principles": [first]})
    broken = debrief.model_copy(update={"scorecards": [debrief.scorecards[0], lifted]})
    rule = DecisionRule(max_no_ratings=1, strong_no_blocks=True)
    found = [v for v in check_debrief(broken, bank, rule) if v.startswith("round rating")]
    assert found and "strong no" in found[0]


def test_an_item_both_strongest_and_weakest_is_caught(bank: Bank) -> None:
    debrief = _debrief(bank)
    story = debrief.weakest[0]
    found = _check(bank, debrief.model_copy(update={"strongest": [*debrief.strongest, story]}))
    assert any("both among the strongest and the weakest" in v for v in found)
    assert any("below a weakest one" in v or "(weak)" in v for v in found)


def test_an_empty_weakest_list_beside_a_weak_item_is_caught(bank: Bank) -> None:
    """The issue's debrief: a 73-scored story strongest, "Weakest: None to show"."""
    debrief = _debrief(bank)
    found = _check(bank, debrief.model_copy(update={"weakest": []}))
    assert any(v.startswith("moments:") and "weakest list is empty" in v for v in found)


def test_a_weakest_moment_that_is_not_weak_or_not_the_lowest_is_caught(bank: Bank) -> None:
    debrief = _debrief(bank)
    concept = debrief.strongest[1]
    found = _check(bank, debrief.model_copy(update={"weakest": [concept]}))
    assert any("(not weak)" in v for v in found)
    assert any("weakest list starts at" in v for v in found)


def test_a_study_plan_that_does_not_start_from_the_weakest_is_caught(bank: Bank) -> None:
    debrief = _debrief(bank)
    strong = debrief.strongest[1]
    extra = StudyItem(
        item_id=strong.item_id, title=strong.item_title, url=strong.url, score=86.0, missed=["x"]
    )
    found = _check(bank, debrief.model_copy(update={"study_plan": [extra, *debrief.study_plan]}))
    _only(found, "study plan")
    assert any("not the weakest moment" in v for v in found)
    assert any("also among the strongest" in v for v in found)
    found = _check(bank, debrief.model_copy(update={"study_plan": []}))
    assert any(v.startswith("study plan: empty") for v in found)


def test_a_study_link_to_another_subject_is_caught(bank: Bank) -> None:
    """The issue's debrief: "Learn it" for prioritising led to "Why do you want to work with
    us?"."""
    debrief = _debrief(bank)
    entry = debrief.study_plan[0]
    why = bank.questions["why-amazon"]
    wrong = entry.model_copy(
        update={
            "related": [("/questions/why-amazon", why.title), ("/nowhere", "Nowhere")],
            "labs": [("inception-block", "Inception block")],
        }
    )
    found = _check(bank, debrief.model_copy(update={"study_plan": [wrong]}))
    _only(found, "study plan")
    assert any("Why do you want to work with us?" in v and "neither a story" in v for v in found)
    assert any("no question, problem or principle page" in v for v in found)
    assert any("not its lab" in v for v in found)


@pytest.mark.parametrize(
    "url",
    [
        # A technical question that names one of the story's principles is no story.
        "/questions/fraud-detection-model",
        # A story, and a principle's page, on principles the story was not asked about.
        "/questions/mentored-a-teammate",
        principle_url("frugality"),
        # The unfiltered bank, or a principle's name that is no principle.
        "/questions?kind=behavioral",
        "/questions?kind=behavioral&lp=no-such-principle",
    ],
)
def test_a_story_linked_to_material_on_another_weakness_is_caught(bank: Bank, url: str) -> None:
    debrief = _debrief(bank)
    entry = debrief.study_plan[0]
    assert "ownership" in bank.questions[STORY].leadership_principles
    wrong = entry.model_copy(update={"related": [(url, "Elsewhere")]})
    found = _check(bank, debrief.model_copy(update={"study_plan": [wrong]}))
    _only(found, "study plan")
    assert len(found) == 1 and url in found[0]


def test_a_study_entry_with_nothing_to_learn_from_is_caught(bank: Bank) -> None:
    debrief = _debrief(bank)
    bare = debrief.study_plan[0].model_copy(update={"related": [], "labs": []})
    found = _check(bank, debrief.model_copy(update={"study_plan": [bare]}))
    _only(found, "study plan")
    assert found == [f"study plan: {bare.title!r} links nothing to learn it from."]


def test_every_weak_item_of_the_bank_gets_links_on_its_weakness(bank: Bank) -> None:
    """Each question and problem, answered weakly, gets a study entry whose links all pass the
    checker; a story's include a page of each principle it asks (up to two)."""
    loop = bank.loop("quick")
    _coding_round, ml_round = loop.rounds()
    ids = [*bank.questions, *(f"problem:{p}" for p in bank.problems)]
    for item_id in ids:
        item = get_item(bank, item_id)
        if item.is_coding:
            outcome = code_outcome(item, CodeAttempt([("submit", "WA", _judged(3, 20))]))
        else:
            outcome = text_outcome(item, None)
        card = build_scorecard(0, ml_round, [outcome], bank=bank, rule=loop.decision)
        debrief = build_debrief(
            session_id="s-bank",
            mode="practice",
            loop=loop,
            started_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
            finished_at=None,
            scorecards=[card],
            bank=bank,
            decision_rule=[],
        )
        assert [s.item_id for s in debrief.study_plan] == [item.id]
        entry = debrief.study_plan[0]
        assert entry.labs or entry.related, item_id
        assert _check(bank, debrief) == [], item_id
        if item.kind == "behavioral":
            urls = [url for url, _ in entry.related]
            for lp in item.leadership_principles[:2]:
                assert principle_url(lp) in urls, (item_id, lp)


def test_test_counts_unlike_the_editors_are_caught(bank: Bank) -> None:
    """The issue's debrief: "20/20 tests" where the editor said "23 of 23"."""
    debrief = _debrief(bank)
    card = debrief.scorecards[0]
    item = card.items[0].model_copy(update={"tests_summary": "23 of 23 hidden tests passed"})
    cards = [card.model_copy(update={"items": [item]}), *debrief.scorecards[1:]]
    found = _check(bank, debrief.model_copy(update={"scorecards": cards}))
    _only(found, "tests")
    assert any("where the judge says “23 of 23 hidden tests passed”" in v for v in found)
    moment = debrief.strongest[0].model_copy(update={"why": "Verdict AC, 20/20 tests."})
    found = _check(bank, debrief.model_copy(update={"strongest": [moment, *debrief.strongest[1:]]}))
    _only(found, "tests")
    assert "counted unlike the editor" in found[0]


def test_the_round_rule_follows_the_loops_count_of_noes() -> None:
    strict = DecisionRule(max_no_ratings=0)
    lenient = DecisionRule(max_no_ratings=1, strong_no_blocks=False)
    assert principle_cap(strict, ["strong-hire", "no"]) is not None
    assert principle_cap(lenient, ["strong-hire", "no"]) is None
    assert principle_cap(lenient, ["no", "no"]) is not None
    assert principle_cap(lenient, ["strong-no"]) is None
    assert principle_cap(DecisionRule(max_no_ratings=1), ["strong-no"]) is not None
    assert principle_cap(strict, ["inclined", "strong-hire"]) is None
    # The rule the candidate reads says it.
    assert any("Leadership Principle" in s and "at best" in s for s in decision_sentences(strict))


def test_building_a_contradictory_debrief_logs_each_violation(
    bank: Bank, caplog: pytest.LogCaptureFixture
) -> None:
    """A scorecard handed over already contradicting the rule (rated strong hire over principle
    "no" ratings) makes build_debrief log a warning, as it does at run time."""
    coherent = _debrief(bank)
    lifted = coherent.scorecards[1].model_copy(update={"rating": "strong-hire"})
    loop = bank.loop("quick")
    with caplog.at_level(logging.WARNING, logger="barraiser.debrief"):
        build_debrief(
            session_id="s-2",
            mode="loop",
            loop=loop,
            started_at=coherent.started_at,
            finished_at=coherent.finished_at,
            scorecards=[coherent.scorecards[0], lifted],
            bank=bank,
            decision_rule=[],
        )
    warnings = [r.getMessage() for r in caplog.records if r.name == "barraiser.debrief"]
    assert warnings and all("round rating:" in w for w in warnings)
    assert "Debrief s-2 contradicts itself" in warnings[0]


def test_moments_take_their_scores_from_the_items(bank: Bank) -> None:
    """A hand-made weakest moment scoring above a strongest one is caught."""
    debrief = _debrief(bank)
    low = Moment(
        round_title="x",
        item_id=STORY,
        item_title="Story",
        url="/questions/x",
        score=95,
        quote=None,
        why="Missed: a result.",
    )
    found = _check(bank, debrief.model_copy(update={"weakest": [low]}))
    assert any("below a weakest one" in v for v in found)
