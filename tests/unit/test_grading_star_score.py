"""Behavioural scoring: a story's score from the analysis' own signals (no model)."""

from __future__ import annotations

import pytest

from barraiser.content.schemas import LeadershipPrinciple
from barraiser.grading.behavioral import (
    CAP_HYPOTHETICAL,
    CAP_NO_OWN_ACTION,
    CAP_OTHER_PRINCIPLE,
    CAP_PLATITUDES,
    CAP_TEMPLATE,
    ON_TOPIC_CONTENT,
    STAR_PARTS,
    WORDS_PER_MINUTE,
    LabelledSentence,
    LengthCheck,
    Ownership,
    PartSummary,
    PrincipleMatch,
    Quantity,
    StarAnalysis,
    answers_the_question,
    asked_principle_shown,
    explicit_advice,
    judge_signal,
    redirect_advice,
    shown_principles,
    story_score,
)
from barraiser.grading.result import KeyPointResult

ASKED = ["dive-deep"]


def _analysis(
    *,
    episodes: int = 12,
    actions: int = 6,
    i_count: int = 10,
    we_count: int = 2,
    result: bool = True,
    number: bool = True,
    reflection: bool = True,
    words: int = 300,
    hypothetical: bool = False,
    generic: int = 0,
    specific: int = 40,
    principles: tuple[tuple[str, float], ...] = (("dive-deep", 0.6), ("ownership", 0.2)),
) -> StarAnalysis:
    sentences = [
        LabelledSentence(
            text=f"I checked table {i} and found the cause.",
            part="action",
            scores=dict.fromkeys(STAR_PARTS, 0.5),
            episode=i < episodes,
            mine=i < actions,
        )
        for i in range(max(episodes, actions, 1) + generic)
    ]
    ratio = i_count / (i_count + we_count) if i_count + we_count else 1.0
    quantities = (
        [Quantity(text="40%", sentence="Errors fell 40%.", part="result")] if number else []
    )
    return StarAnalysis(
        sentences=sentences,
        parts={
            p: PartSummary(present=p != "result" or result, sentences=1, share=0.25)
            for p in STAR_PARTS
        },
        missing_parts=[] if result else ["result"],
        principles=[
            PrincipleMatch(id=pid, name=pid, score=score, evidence=f"{pid} sentence")
            for pid, score in principles
        ],
        ownership=Ownership(
            i_count=i_count,
            we_count=we_count,
            i_ratio=ratio,
            we_sentences=3 if we_count > i_count else 0,
            sentences=len(sentences),
            we_dominates=we_count > i_count,
        ),
        quantities=quantities,
        result_has_number=number,
        hypothetical=hypothetical,
        hypothetical_sentences=[],
        reflection=reflection,
        length=LengthCheck(words=words, minutes=round(words / WORDS_PER_MINUTE, 1), verdict="fine"),
        advice=[],
        episode_sentences=episodes,
        generic_sentences=[f"I always care {i}." for i in range(generic)],
        my_actions=[s.text for s in sentences if s.mine],
        result_sentences=["Errors fell 40%."] if result else [],
        specific_words=specific,
    )


def test_complete_story_scores_full_marks() -> None:
    score = story_score(_analysis(), content=0.6, asked=ASKED)
    assert score.value == pytest.approx(1.0)
    assert score.ceilings == []


def test_each_gap_costs_score() -> None:
    full = story_score(_analysis(), 0.6, ASKED).value
    for gap in (
        _analysis(actions=1),
        _analysis(result=False),
        _analysis(number=False),
        _analysis(reflection=False),
        _analysis(principles=(("ownership", 0.5), ("dive-deep", 0.3))),
    ):
        assert story_score(gap, 0.6, ASKED).value < full
    assert story_score(_analysis(), 0.2, ASKED).value < full


def test_length_is_advice_not_a_multiplier() -> None:
    """A short but complete story loses nothing for its length."""
    short = story_score(_analysis(words=80, episodes=4, actions=3), 0.6, ASKED).value
    long = story_score(_analysis(words=300), 0.6, ASKED).value
    assert short == pytest.approx(long)


def test_ceilings_for_what_is_not_a_story_of_the_candidate() -> None:
    hypothetical = story_score(_analysis(hypothetical=True), 0.6, ASKED)
    assert hypothetical.value <= CAP_HYPOTHETICAL and "hypothetical" in hypothetical.ceilings
    platitudes = story_score(_analysis(episodes=1, actions=0, generic=4), 0.6, ASKED)
    assert platitudes.value <= CAP_PLATITUDES and "platitudes" in platitudes.ceilings
    we_story = story_score(_analysis(actions=0, i_count=0, we_count=9), 0.6, ASKED)
    assert we_story.value <= CAP_NO_OWN_ACTION and "no-own-action" in we_story.ceilings
    template = story_score(_analysis(specific=3), 0.6, ASKED)
    assert template.value <= CAP_TEMPLATE and "template" in template.ceilings
    other = story_score(_analysis(principles=(("frugality", 0.8), ("dive-deep", 0.05))), 0.6, ASKED)
    assert other.value <= CAP_OTHER_PRINCIPLE and "other-principle" in other.ceilings


def test_without_asked_principles_or_content_the_weights_are_shared_out() -> None:
    assert story_score(_analysis(), None, ()).value == pytest.approx(1.0)


def test_asked_principle_shown_is_relative_to_the_top_principle() -> None:
    assert asked_principle_shown(_analysis(), ASKED) == (True, 1.0)
    shown, share = asked_principle_shown(
        _analysis(principles=(("ownership", 0.5), ("dive-deep", 0.25))), ASKED
    )
    assert shown and share == pytest.approx(0.5)
    assert not asked_principle_shown(_analysis(principles=(("ownership", 0.9),)), ASKED)[0]
    assert asked_principle_shown(_analysis(principles=()), ASKED) == (False, 0.0)


def _point(kind: str) -> KeyPointResult:
    return KeyPointResult(id=kind, text=kind, weight=1, status="missed", similarity=0.0, credit=0.0)


def test_form_points_follow_the_analysis_with_its_evidence() -> None:
    story = _analysis()
    number = judge_signal(_point("n"), "result-number", story, ASKED)
    assert number.status == "covered" and number.evidence == "Errors fell 40%."
    first = judge_signal(_point("i"), "first-person", story, ASKED)
    assert first.status == "covered" and first.evidence in story.my_actions
    shown = judge_signal(_point("lp"), "principle-shown", story, ASKED)
    assert shown.status == "covered" and shown.evidence == "dive-deep sentence"
    we_story = _analysis(actions=0, i_count=0, we_count=8, number=False)
    assert judge_signal(_point("i"), "first-person", we_story, ASKED).status == "missed"
    assert judge_signal(_point("n"), "result-number", we_story, ASKED).status == "missed"
    assert judge_signal(_point("lp"), "principle-shown", story, ["frugality"]).status == "missed"


def test_asked_principles_count_together_but_faint_ones_do_not() -> None:
    """Two asked principles the detector splits a story between are shown together; three
    faint ones (each under a tenth of the top principle) do not add up to one."""
    split = [
        {"id": "customer-obsession", "score": 0.40, "evidence": "c"},
        {"id": "ownership", "score": 0.12, "evidence": "o"},
        {"id": "dive-deep", "score": 0.10, "evidence": "d"},
    ]
    assert shown_principles(split, ["ownership", "dive-deep"]) == {
        "ownership": "o",
        "dive-deep": "d",
    }
    assert shown_principles(split, ["dive-deep"]) == {}
    faint = [
        {"id": "customer-obsession", "score": 0.70, "evidence": "c"},
        {"id": "ownership", "score": 0.06, "evidence": "o"},
        {"id": "bias-for-action", "score": 0.06, "evidence": "b"},
        {"id": "deliver-results", "score": 0.06, "evidence": "d"},
    ]
    assert shown_principles(faint, ["ownership", "bias-for-action", "deliver-results"]) == {}


def test_a_why_question_is_not_capped_for_another_principle() -> None:
    """A motivation answer ("why this company?") is not one principle's story: the asked
    principles earn credit, but another principle ranking first does not cap it."""
    analysis = _analysis(principles=(("frugality", 0.8), ("dive-deep", 0.05)))
    story = story_score(analysis, 0.6, ASKED)
    why = story_score(analysis, 0.6, ASKED, one_story=False)
    assert story.value == CAP_OTHER_PRINCIPLE and "other-principle" in story.ceilings
    assert why.value > CAP_OTHER_PRINCIPLE and "other-principle" not in why.ceilings
    assert why.components["principle"] == story.components["principle"] < 0.1


def test_a_story_on_the_asked_topic_is_not_capped_for_a_neighbouring_principle() -> None:
    """The detector ranks another principle first and the asked one is below the shown share,
    but present: a story that covers the question's own content answers the question asked, so
    only a story that misses the content (or shows none of the asked principle) is capped."""
    leaning = _analysis(principles=(("frugality", 0.8), ("dive-deep", 0.2)))
    assert not asked_principle_shown(leaning, ASKED)[0]
    on_topic = story_score(leaning, ON_TOPIC_CONTENT, ASKED)
    off_topic = story_score(leaning, ON_TOPIC_CONTENT - 0.01, ASKED)
    assert "other-principle" not in on_topic.ceilings and on_topic.value > CAP_OTHER_PRINCIPLE
    assert "other-principle" in off_topic.ceilings and off_topic.value == CAP_OTHER_PRINCIPLE
    # With none of the asked principle at all, covering the content does not lift the cap.
    absent = _analysis(principles=(("frugality", 0.8), ("dive-deep", 0.05)))
    assert "other-principle" in story_score(absent, 0.9, ASKED).ceilings
    # Without content key points there is nothing to show the topic: capped as before.
    assert "other-principle" in story_score(leaning, None, ASKED).ceilings


def test_an_on_topic_story_is_asked_to_say_the_principle_not_for_another_story() -> None:
    """A story released from the other-principle cap (on the asked topic, the asked principle
    present) keeps the story: the advice asks to make the asked principle explicit, while one
    that misses the topic is still asked for a different story."""
    dive_deep = LeadershipPrinciple(
        id="dive-deep",
        name="Dive Deep",
        description="Stay connected to the details.",
        signals=["found the root cause by going into the data or the code themselves"],
    )
    leaning = _analysis(principles=(("frugality", 0.8), ("dive-deep", 0.2)))
    share = asked_principle_shown(leaning, ASKED)[1]
    assert answers_the_question(ON_TOPIC_CONTENT, share)
    assert not answers_the_question(ON_TOPIC_CONTENT - 0.01, share)
    assert not answers_the_question(None, share)
    assert not answers_the_question(0.9, 0.0)
    keep = explicit_advice(leaning, ASKED, [dive_deep])
    assert keep.startswith("This story answers the question")
    assert "say plainly where in it you found the root cause by going into the data" in keep
    assert "Tell one" not in keep
    redirect = redirect_advice(leaning, ASKED, [dive_deep])
    assert redirect.startswith(
        'This story shows frugality ("frugality sentence") more than Dive Deep'
    )
    assert "Tell one where you found the root cause" in redirect
