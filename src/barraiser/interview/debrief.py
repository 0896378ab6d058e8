"""The debrief: decision, competencies and principles over the loop, moments and a study plan."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from statistics import fmean

from barraiser.content.loader import Bank
from barraiser.content.schemas import Loop, rating_value
from barraiser.interview.debrief_check import check_debrief
from barraiser.interview.decision import decide
from barraiser.interview.models import (
    PROBLEM_PREFIX,
    Debrief,
    ItemOutcome,
    Moment,
    Scorecard,
    StudyItem,
)
from barraiser.interview.study import (
    STUDY_BELOW,
    Subject,
    on_subject,
    principle_url,
    subject_of,
)

#: Moments listed on each side.
MOMENTS = 3
#: Pages linked by a study-plan entry, and of those, Leadership Principles' pages.
MAX_LINKS = 4
MAX_PRINCIPLE_LINKS = 2

logger = logging.getLogger("barraiser.debrief")

Ranked = tuple[Scorecard, ItemOutcome]


def _lab_title(lab_id: str) -> str:
    try:
        from barraiser.labs.registry import get_lab

        return get_lab(lab_id).title
    except Exception:  # a missing lab module must not break a debrief
        return lab_id


def _ranking(scorecards: Sequence[Scorecard]) -> list[Ranked]:
    """Every scored item of the loop, best first; ties keep the order the items were met.

    The strongest moments are taken from its top, the weakest from its bottom, and the study
    plan follows it from the bottom up: one order, so the three never disagree.
    """
    scored = [
        (c, o) for c in scorecards for o in c.items if o.score is not None and not o.grading_failed
    ]
    return sorted(scored, key=lambda pair: -(pair[1].score or 0.0))


def _is_strong(outcome: ItemOutcome) -> bool:
    return (outcome.score or 0.0) >= STUDY_BELOW and not outcome.misconceptions


def _moments(ranked: Sequence[Ranked]) -> tuple[list[Moment], list[Moment]]:
    """The strongest (70+, no misconception) and the weakest (below 70) items, from one ranking."""
    strong = [(c, o) for c, o in ranked if _is_strong(o)][:MOMENTS]
    weak = [(c, o) for c, o in reversed(ranked) if (o.score or 0.0) < STUDY_BELOW][:MOMENTS]
    return (
        [_moment(c, o, strong=True) for c, o in strong],
        [_moment(c, o, strong=False) for c, o in weak],
    )


def _listed(points: Sequence[str]) -> str:
    """Key points as one sentence: "a; b; c." (each point's own full stop dropped)."""
    return "; ".join(p.strip().rstrip(".") for p in points) + "."


def _moment(card: Scorecard, outcome: ItemOutcome, *, strong: bool) -> Moment:
    score = outcome.score or 0.0
    if outcome.kind == "coding":
        quote = None
        if outcome.verdict:
            tests = f": {outcome.tests_summary}," if outcome.tests_summary else ""
            why = f"Verdict {outcome.verdict}{tests} after {outcome.submits} submission(s)."
        elif outcome.answered:
            why = f"Ran the code {outcome.runs} time(s) but never submitted it."
        else:
            why = "No code was run or submitted."
    elif not outcome.answered:
        quote, why = None, "Not answered: the round ended or the question was skipped."
    elif outcome.late:
        quote, why = outcome.best_quote, "Answered after time ran out, so it did not count."
    elif strong:
        quote = outcome.best_quote
        if outcome.covered:
            why = "Covered: " + _listed(outcome.covered[:3])
        elif outcome.partly:
            why = "Partly covered: " + _listed(outcome.partly[:3])
        else:
            why = "Answered, without a key point fully made."
    elif outcome.misconceptions:
        first = outcome.misconceptions[0]
        quote, why = first.quote, f"Stated a misconception: {first.text}"
    else:
        quote = outcome.best_quote
        gaps = outcome.missed or outcome.partly
        why = "Missed: " + _listed(gaps[:3]) if gaps else "A thin answer."
    return Moment(
        round_title=card.title,
        item_id=outcome.item_id,
        item_title=outcome.title,
        url=outcome.url,
        score=round(score, 1),
        quote=quote,
        why=why,
    )


def _related(card: Scorecard, outcome: ItemOutcome, bank: Bank) -> list[tuple[str, str]]:
    """(url, title) of bank pages on the item's weakness (see :mod:`barraiser.interview.study`).

    A story links the pages of the principles it was asked about, the weakest first, then
    other stories on them; any other item links its related questions on its own topics, or
    for a problem, the problems sharing its rarest topics.  An item with nothing else (and no
    lab) links its own page: how to answer it and the model answer.
    """
    item = subject_of(bank, outcome.url)
    if item is None:
        return []
    if item.behavioral:
        related = _story_links(card, outcome, item, bank)
    elif outcome.kind == "coding":
        related = _problem_links(outcome, item, bank)
    else:
        related = _question_links(outcome, item, bank)
    if not related and not outcome.labs:
        what = "its hints" if item.page == "problem" else "how to answer it and the model answer"
        related = [(outcome.url, f"{outcome.title}: {what}")]
    return related


def _question_links(
    outcome: ItemOutcome, item: Subject, bank: Bank, limit: int = MAX_LINKS
) -> list[tuple[str, str]]:
    """The item's curated related questions that are on its subject, in their order."""
    question = bank.questions.get(outcome.item_id)
    related: list[tuple[str, str]] = []
    for rid in question.related if question is not None else []:
        url, other = f"/questions/{rid}", bank.questions.get(rid)
        subject = subject_of(bank, url)
        if other is not None and subject is not None and on_subject(item, subject):
            related.append((url, other.title))
    return related[:limit]


def _story_links(
    card: Scorecard, outcome: ItemOutcome, item: Subject, bank: Bank
) -> list[tuple[str, str]]:
    """A behavioural item's links: its principles' pages (the lowest-rated first), then the
    stories that ask about them (curated ones first)."""
    rated = {p.id: p.score if p.score is not None else 0.0 for p in card.principles}
    asked = [lp for lp in outcome.leadership_principles if lp in bank.principles]
    # The weakest principle first; unrated ones (a motive question's) keep the question's order.
    order = sorted(asked, key=lambda lp: (rated.get(lp, 100.0), asked.index(lp)))
    links = [
        (principle_url(lp), f"{bank.principles[lp].name}: what it asks, and the stories on it")
        for lp in order[:MAX_PRINCIPLE_LINKS]
    ]
    curated = _question_links(outcome, item, bank, limit=len(bank.questions))
    if item.story:
        rank = {lp: i for i, lp in enumerate(order)}
        shown = {url for url, _ in curated}
        others = []
        for qid, other in sorted(bank.questions.items()):
            url = f"/questions/{qid}"
            subject = subject_of(bank, url)
            if qid == outcome.item_id or url in shown or subject is None:
                continue
            if on_subject(item, subject):
                first = min(rank.get(lp, len(rank)) for lp in subject.principles)
                others.append((first, url, other.title))
        curated += [(url, title) for _, url, title in sorted(others)]
    return links + curated[: MAX_LINKS - len(links)]


def _problem_links(outcome: ItemOutcome, item: Subject, bank: Bank) -> list[tuple[str, str]]:
    """Problems sharing the item's topics, those sharing its rarest topics first (two-sum's
    lesson is the hash map, not the array every other problem also takes)."""
    pid = outcome.item_id.removeprefix(PROBLEM_PREFIX)
    counts: dict[str, int] = {}
    for loaded in bank.problems.values():
        for topic in loaded.problem.topics:
            counts[topic] = counts.get(topic, 0) + 1
    ranked = []
    for other_id, candidate in bank.problems.items():
        shared = item.topics & set(candidate.problem.topics)
        if other_id != pid and shared:
            weight = sum(1.0 / counts[t] for t in shared)
            ranked.append((-weight, other_id, candidate.problem.title))
    return [(f"/problems/{other_id}", title) for _, other_id, title in sorted(ranked)[:3]]


def _needs_study(outcome: ItemOutcome) -> bool:
    return bool(
        (outcome.score or 0.0) < STUDY_BELOW
        or outcome.missed
        or outcome.partly
        or outcome.misconceptions
        or not outcome.answered
    )


def _study_plan(
    ranked: Sequence[Ranked], strongest: Sequence[Moment], bank: Bank
) -> list[StudyItem]:
    """The items to study, weakest first (the ranking from the bottom up).

    An item shown among the strongest moments is left out (its missed points stay on its
    scorecard), so the page never calls one answer both a strength and the first thing to study.
    """
    shown = {m.item_id for m in strongest}
    items: list[StudyItem] = []
    for card, o in reversed(ranked):
        if o.item_id in shown or not _needs_study(o):
            continue
        missed = list(o.missed)
        if o.kind == "coding" and o.verdict != "AC":
            missed.append(
                "A solution accepted on the hidden tests: read the problem's hints, then "
                "solve it again against the clock."
            )
        if not o.answered and not missed:
            missed.append("Not answered: practise it with the model answer in mind.")
        items.append(
            StudyItem(
                item_id=o.item_id,
                title=o.title,
                url=o.url,
                score=o.score,
                missed=missed,
                partly=list(o.partly),
                misconceptions=[m.text for m in o.misconceptions],
                labs=[(lab, _lab_title(lab)) for lab in o.labs],
                related=_related(card, o, bank),
            )
        )
    return items


def _values_note(loop: Loop, bank: Bank) -> str:
    """How a company's own values were graded: through the principles each one maps to."""
    company = bank.companies.get(loop.company_id)
    if company is None or company.values_from_principles or not company.values:
        return ""
    names = {p.id: p.name for p in bank.principles.values()}
    mapped = "; ".join(
        f"{v.name}: {', '.join(names.get(p, p) for p in v.principles)}" for v in company.values
    )
    return (
        f"{company.name}'s values are graded through the Leadership Principles each one maps "
        f"to, so the ratings below name principles. {mapped}."
    )


def build_debrief(
    *,
    session_id: str,
    mode: str,
    loop: Loop,
    started_at: datetime,
    finished_at: datetime | None,
    scorecards: Sequence[Scorecard],
    bank: Bank,
    decision_rule: list[str],
    partial: bool = False,
) -> Debrief:
    """Everything the debrief page and the report show, from the rounds' scorecards.

    A loop gets a decision once no verdict is pending, unless ``partial`` (rounds were left
    untaken): deciding on some of the rounds would skip the others' say, the Bar Raiser's too.
    """
    pending = any(c.pending for c in scorecards)
    decides = mode == "loop" and not pending and not partial
    decision = decide(loop.decision, scorecards) if decides else None
    competencies: list[tuple[str, str, float | None]] = []
    for comp_id in loop.competencies:
        values = [
            rating_value(r.rating)
            for c in scorecards
            for r in c.competencies
            if r.id == comp_id and r.rating is not None
        ]
        comp = bank.competencies.get(comp_id)
        name = comp.name if comp else comp_id
        competencies.append((comp_id, name, round(fmean(values), 2) if values else None))
    principle_ratings: dict[str, dict[str, float]] = {}
    for card in scorecards:
        for p in card.principles:
            if p.rating is not None:
                principle_ratings.setdefault(p.id, {})[card.round_id] = rating_value(p.rating)
    principles = []
    for lp_id in sorted(principle_ratings):
        lp = bank.principles.get(lp_id)
        principles.append((lp_id, lp.name if lp else lp_id))
    ranked = _ranking(scorecards)
    strongest, weakest = _moments(ranked)
    debrief = Debrief(
        session_id=session_id,
        mode="loop" if mode == "loop" else "practice",
        loop_id=loop.id,
        loop_title=loop.title,
        started_at=started_at,
        finished_at=finished_at,
        decision=decision,
        decision_rule=decision_rule if mode == "loop" else [],
        values_note=_values_note(loop, bank),
        scorecards=list(scorecards),
        competencies=competencies,
        principles=principles,
        principle_ratings=principle_ratings,
        strongest=strongest,
        weakest=weakest,
        study_plan=_study_plan(ranked, strongest, bank),
        pending=pending,
    )

    for violation in check_debrief(debrief, bank, loop.decision):
        logger.warning("Debrief %s contradicts itself: %s", session_id, violation)
    return debrief
