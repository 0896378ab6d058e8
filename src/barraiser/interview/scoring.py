"""Scorecards: how each item of a round went, and a rating per competency and per principle.

Scores are 0-100.  A free-text item scores its grade (the grade of the answer together with its
follow-ups, up to the latest answered in time: that is what the interviewer heard).  A coding item
scores from its submissions on the hidden tests: accepted is 100, less 5 for each rejected
submission before it (never below 80); otherwise 60 x the share of tests passed, so a solution
failing some hidden tests cannot reach "strong hire"; runs on samples alone score 10 (code that
was never submitted is not a solution); nothing at all scores 0.  An unanswered item scores 0.

Ratings follow the scores, on the grader's bands (grading/bands.py): 80 and above "strong
hire", 55 "inclined", 25 "no", below "strong no".

Leadership Principles are rated from stories alone (behavioural items): a technical answer shows
competencies, not principles, even when its question names a principle.  A round's rating is
the rating of its mean score, unless its principle ratings hold more "no" ratings than the
loop's decision rule allows (:func:`~barraiser.interview.decision.principle_cap`): it is then
"no" at best, and the scorecard says why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from barraiser.content.loader import Bank
from barraiser.content.schemas import DecisionRule, Rating, Round, rating_value
from barraiser.grading.bands import PARTIAL_FROM, STRONG_FROM, WEAK_FROM
from barraiser.grading.result import GradeResult
from barraiser.interview.approach import APPROACH_COMPETENCY, approach_scores
from barraiser.interview.decision import RATING_LABELS, principle_cap
from barraiser.interview.items import Item
from barraiser.interview.models import (
    CompetencyRating,
    Evidence,
    FollowUpExchange,
    ItemOutcome,
    Scorecard,
)
from barraiser.interview.submissions import hidden_counts
from barraiser.judge.summary import summary as judge_summary

#: Lowest score of each rating, best first.
#: The grader's bands (strong, partial, weak, not yet an answer), so a grade and the rating it
#: earns always agree.
RATING_FLOORS: tuple[tuple[float, Rating], ...] = (
    (STRONG_FROM, "strong-hire"),
    (PARTIAL_FROM, "inclined"),
    (WEAK_FROM, "no"),
    (0.0, "strong-no"),
)
#: Highest score a principle gets from a story that was asked for it but never shows it: "no".
PRINCIPLE_NOT_SHOWN_CAP = PARTIAL_FROM - 1
#: Evidence lines kept per item and kind, so a scorecard stays readable.
_MAX_EVIDENCE = 3


def rating_for(score: float) -> Rating:
    """The rating a 0-100 score earns."""
    for floor, rating in RATING_FLOORS:
        if score >= floor:
            return rating
    return "strong-no"


@dataclass(frozen=True)
class TextAttempt:
    """A free-text item's stored answer, follow-up and the grade that counts."""

    answer_text: str
    follow_up_question: str | None
    follow_up_answer: str | None
    result: GradeResult | None  # None while the grade is missing (grader failed)
    late: bool = False
    #: Every follow-up asked, in order (the first is also ``follow_up_question``).
    follow_ups: tuple[FollowUpExchange, ...] = ()

    def exchanges(self) -> list[FollowUpExchange]:
        """The follow-ups asked, the first one alone when only it was given."""
        if self.follow_ups or self.follow_up_question is None:
            return list(self.follow_ups)
        return [FollowUpExchange(question=self.follow_up_question, answer=self.follow_up_answer)]


@dataclass(frozen=True)
class CodeAttempt:
    """A coding item's submissions, oldest first: (mode, verdict or None, result or None)."""

    submissions: Sequence[tuple[str, str | None, dict[str, Any] | None]]


def _counted(attempt: CodeAttempt) -> tuple[float | None, int | None]:
    """(score, index of the submission that counts); score None while one is judged.

    A submission the judge itself failed on (IE) says nothing about the candidate: it is left
    out, and an item whose only submissions failed that way has no score (see
    :func:`code_outcome`).
    """
    submits = [
        (i, s) for i, s in enumerate(attempt.submissions) if s[0] == "submit" and s[1] != "IE"
    ]
    if any(s[1] is None for _, s in submits):
        return None, None
    best: tuple[float, int | None] = (0.0, None)
    for rejected, (index, (_, verdict, result)) in enumerate(submits):
        passed, total = hidden_counts(result)
        if verdict == "AC":
            return max(80.0, 100.0 - 5.0 * rejected), index
        share = passed / total if total else 0.0
        if best[1] is None or 60.0 * share > best[0]:
            best = (60.0 * share, index)
    if submits:
        return best
    return (10.0 if attempt.submissions else 0.0), None


def coding_score(attempt: CodeAttempt) -> tuple[float | None, str | None, int | None, int | None]:
    """(score, best verdict, hidden tests passed, hidden tests run); score None while judged."""
    score, index = _counted(attempt)
    if index is None:
        return score, None, None, None
    _, verdict, result = attempt.submissions[index]
    passed, total = hidden_counts(result)
    return score, verdict, passed, total


def _first_sentence(text: str) -> str:
    """The answer's first sentence (hard-wrapped lines joined), cut at 240 characters."""
    from barraiser.grading.text import split_sentences

    sentences = split_sentences(text)
    sentence = " ".join((sentences[0].text if sentences else text).split())
    return sentence if len(sentence) <= 240 else sentence[:237].rstrip() + "…"


def text_outcome(item: Item, attempt: TextAttempt | None) -> ItemOutcome:
    """An item answered in prose (or not answered)."""
    base = _base(item)
    if attempt is None:
        return ItemOutcome(**base, score=0.0, answered=False)
    result = attempt.result
    if result is None:
        return ItemOutcome(
            **base,
            score=None,
            answered=True,
            grading_failed=True,
            answer_text=attempt.answer_text,
            follow_up_question=attempt.follow_up_question,
            follow_up_answer=attempt.follow_up_answer,
            follow_ups=attempt.exchanges(),
            late=attempt.late,
        )
    points = result.key_points
    # The most certain statement first (the verifier's confidence; a cosine for older grades).
    covered = sorted(
        (p for p in points if p.status == "covered"),
        key=lambda p: -(p.confidence if p.confidence is not None else p.similarity),
    )
    missed = [p.text for p in points if p.status == "missed"]
    partly = [p.text for p in points if p.status == "partly"]
    misconceptions = [
        Evidence(
            item_id=item.id,
            item_title=item.title,
            kind="misconception",
            text=(
                f"Contradicts: {m.correction}"
                if m.kind == "contradiction"
                else f"{m.statement} — {m.correction}"
            ),
            quote=m.evidence,
        )
        for m in result.misconceptions
    ]
    best_quote = covered[0].evidence if covered else None
    return ItemOutcome(
        **base,
        score=0.0 if attempt.late else result.score,
        answered=True,
        late=attempt.late,
        answer_text=attempt.answer_text,
        follow_up_question=attempt.follow_up_question,
        follow_up_answer=attempt.follow_up_answer,
        follow_ups=attempt.exchanges(),
        covered=[p.text for p in covered],
        partly=partly,
        missed=missed,
        misconceptions=misconceptions,
        best_quote=best_quote or _first_sentence(attempt.answer_text),
    )


def code_outcome(item: Item, attempt: CodeAttempt) -> ItemOutcome:
    """A coding item, from its runs and submissions."""
    score, index = _counted(attempt)
    verdict, passed, total, result = None, None, None, None
    if index is not None:
        _, verdict, result = attempt.submissions[index]
        passed, total = hidden_counts(result)
    runs = sum(1 for s in attempt.submissions if s[0] != "submit")
    submits = sum(1 for s in attempt.submissions if s[0] == "submit" and s[1] != "IE")
    judge_failed = submits == 0 and any(
        s[0] == "submit" and s[1] == "IE" for s in attempt.submissions
    )
    return ItemOutcome(
        **_base(item),
        score=None if judge_failed else score,
        grading_failed=judge_failed,
        answered=bool(attempt.submissions),
        verdict=verdict,
        tests_passed=passed,
        tests_total=total,
        # The editor's own words for the same judgement, so the two never disagree.
        tests_summary=judge_summary(result) if result else None,
        runs=runs,
        submits=submits,
    )


def _base(item: Item) -> dict[str, Any]:
    return {
        "item_id": item.id,
        "title": item.title,
        "kind": item.kind,
        "url": item.url,
        "labs": list(item.labs),
        "competencies": list(item.competencies),
        "leadership_principles": list(item.leadership_principles),
    }


def item_evidence(outcome: ItemOutcome) -> list[Evidence]:
    """What an item shows an interviewer: verdicts, key points covered and missed, quotes."""

    def ev(kind: Any, text: str, quote: str | None = None) -> Evidence:
        return Evidence(
            item_id=outcome.item_id, item_title=outcome.title, kind=kind, text=text, quote=quote
        )

    if outcome.grading_failed:
        what = "judged" if outcome.kind == "coding" else "graded"
        return [ev("not-graded", f"Stored, but could not be {what}: left out of the ratings.")]
    if not outcome.answered:
        what = (
            "problem was left, before a submission"
            if outcome.kind == "coding"
            else ("question was skipped, before an answer")
        )
        return [ev("unanswered", f"The round ended, or the {what}.")]
    if outcome.kind == "coding":
        if outcome.verdict is None and outcome.submits == 0:
            return [ev("verdict", f"Ran the code {outcome.runs} time(s) but never submitted it.")]
        if outcome.verdict is None:
            return [ev("verdict", "A submission is still being judged.")]
        tests = f": {outcome.tests_summary}," if outcome.tests_summary else ""
        return [
            ev(
                "verdict",
                f"{outcome.verdict}{tests} after {outcome.submits} submission(s) and "
                f"{outcome.runs} run(s).",
            )
        ]
    out: list[Evidence] = []
    if outcome.late:
        out.append(ev("late", "Sent after the round's time ran out: not counted."))
    # The kind says covered, partly or missed (the report labels it): the text is the point.
    for text in outcome.covered[:_MAX_EVIDENCE]:
        out.append(ev("covered", text))
    if outcome.best_quote and outcome.covered:
        out[-1] = out[-1].model_copy(update={"quote": outcome.best_quote})
    for text in outcome.partly[:_MAX_EVIDENCE]:
        out.append(ev("partly", text))
    for text in outcome.missed[:_MAX_EVIDENCE]:
        out.append(ev("missed", text))
    out.extend(outcome.misconceptions[:_MAX_EVIDENCE])
    return out


def _mean(values: Sequence[float]) -> float | None:
    return fmean(values) if values else None


def build_scorecard(
    position: int,
    rnd: Round,
    outcomes: Sequence[ItemOutcome],
    *,
    bank: Bank,
    principle_quotes: Mapping[tuple[str, str], str] | None = None,
    times: tuple[float, float, float] = (0.0, 0.0, 0.0),
    ended_by: Any = None,
    rule: DecisionRule | None = None,
) -> Scorecard:
    """One round's scorecard; ``principle_quotes`` maps (item id, principle id) to a sentence.

    ``times`` is (allotted, used, away) in seconds; ``rule`` is the loop's decision rule, whose
    count of "no" ratings caps the round's rating (none given: the scores alone rate it).
    """
    quotes = principle_quotes or {}
    pending = any(o.score is None and not o.grading_failed for o in outcomes)
    # Items that could not be graded or judged are left out of every mean.
    counted = [o for o in outcomes if not o.grading_failed]
    score = _mean([o.score or 0.0 for o in counted]) or 0.0
    competencies = []
    for comp_id in rnd.assesses:
        # A competency no item of the round shows is "not shown", not rated from the others.
        showing = [o for o in counted if comp_id in o.competencies]
        scores = [o.score or 0.0 for o in showing]
        evidence = [e for o in showing for e in item_evidence(o)]
        if comp_id == APPROACH_COMPETENCY:  # coding items' approach answers show it too
            approach, approach_evidence = approach_scores(counted)
            scores, evidence = scores + approach, evidence + approach_evidence
        comp_score = _mean(scores)
        competency = bank.competencies.get(comp_id)
        competencies.append(
            CompetencyRating(
                id=comp_id,
                name=competency.name if competency else comp_id,
                rating=rating_for(comp_score) if comp_score is not None else None,
                score=round(comp_score, 1) if comp_score is not None else None,
                evidence=evidence,
            )
        )
    principles = []
    # Principles are rated from stories alone: a technical answer shows competencies.
    stories = [o for o in counted if o.kind == "behavioral"]
    probed = sorted({p for o in stories for p in o.leadership_principles})
    for lp_id in probed:
        showing = [o for o in stories if lp_id in o.leadership_principles]
        lp_scores = []
        evidence = []
        for o in showing:
            quote = quotes.get((o.item_id, lp_id))
            item_score = o.score or 0.0
            if quote:
                evidence.append(
                    Evidence(
                        item_id=o.item_id,
                        item_title=o.title,
                        kind="star",
                        text="The story shows this principle.",
                        quote=quote,
                    )
                )
            elif o.answered:
                # A story told for this principle that never shows it is a "no" at best.
                item_score = min(item_score, PRINCIPLE_NOT_SHOWN_CAP)
                evidence.append(
                    Evidence(
                        item_id=o.item_id,
                        item_title=o.title,
                        kind="missed",
                        text="The story does not clearly show this principle.",
                    )
                )
            lp_scores.append(item_score)
            evidence.extend(item_evidence(o))
        lp_score = _mean(lp_scores) or 0.0
        principle = bank.principles.get(lp_id)
        principles.append(
            CompetencyRating(
                id=lp_id,
                name=principle.name if principle else lp_id,
                rating=rating_for(lp_score),
                score=round(lp_score, 1),
                evidence=evidence,
            )
        )
    rating = rating_for(score)
    note = None
    capped = principle_cap(rule, [p.rating for p in principles if p.rating]) if rule else None
    if capped and rating_value(rating) > rating_value("no"):
        note = (
            f"Rated “no”: the scores alone earn “{RATING_LABELS[rating]}”, but the stories earned "
            f"{capped[0].lower()}{capped[1:]}"
        )
        rating = "no"
    allotted, used, away = times
    return Scorecard(
        position=position,
        round_id=rnd.id,
        title=rnd.title,
        interviewer=rnd.interviewer,
        bar_raiser=rnd.bar_raiser,
        rating=rating,
        score=round(score, 1),
        summary=_summary(outcomes),
        rating_note=note,
        competencies=competencies,
        principles=principles,
        items=list(outcomes),
        allotted_s=allotted,
        used_s=used,
        away_s=away,
        ended_by=ended_by,
        pending=pending,
    )


def _summary(outcomes: Sequence[ItemOutcome]) -> str:
    answered = sum(1 for o in outcomes if o.answered and not o.late)
    parts = [f"Answered {answered} of {len(outcomes)} question(s)."]
    scored = [o for o in outcomes if o.score is not None and o.answered]
    if scored:
        best = max(scored, key=lambda o: o.score or 0.0)
        parts.append(f"Best: {best.title} ({best.score:.0f}/100).")
        worst = min(scored, key=lambda o: o.score or 0.0)
        if worst is not best:
            parts.append(f"Weakest: {worst.title} ({worst.score:.0f}/100).")
    return " ".join(parts)
