"""Checks that a debrief never contradicts itself: each broken rule is one sentence.

:func:`build_debrief` runs :func:`check_debrief` on every debrief it builds and logs each
violation as a warning (logger ``barraiser.debrief``); the tests assert there are none.  The
rules:

- principles: a Leadership Principle is rated only from stories (behavioural items) that probe
  it, and the loop-wide table shows the rounds' own ratings;
- round rating: a round rated "inclined" or better holds no more principle "no" ratings than the
  loop's decision rule allows (and no "strong no" where a strong no blocks);
- moments: no item is both strongest and weakest, every strongest item scores at least as much
  as every weakest one, strongest items are strong (70+) and weakest ones weak (below 70), and
  when any item is weak the weakest list starts from the lowest-scored one;
- study plan: it starts from the weakest item, lists none of the strongest, every entry (of
  an item still in the bank) links something to learn it from, and each link is on the item's
  weakness: a lab of the item; for a story, a page of a principle it asks about or another
  story asking about one of them; otherwise a question or problem sharing a topic with it
  (:func:`~barraiser.interview.study.on_subject`);
- tests: a coding item's counts are the judge's (the editor's words, "20 of 20 hidden tests
  passed"), and every sentence about its tests uses those words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from barraiser.content.loader import Bank
from barraiser.content.schemas import DecisionRule, rating_value
from barraiser.interview.models import Debrief, ItemOutcome, Scorecard
from barraiser.interview.study import STUDY_BELOW, Subject, on_subject, subject_of

_NO = rating_value("no")
_PASSED = re.compile(r"(\d+) of (\d+) hidden tests passed")
_STOPPED = re.compile(r"stopped at hidden test (\d+) of (\d+)")
_SLASH_COUNT = re.compile(r"\d+\s*/\s*\d+")
_TESTS = re.compile(r"\btests?\b", re.IGNORECASE)


def check_debrief(debrief: Debrief, bank: Bank, rule: DecisionRule | None) -> list[str]:
    """Every way ``debrief`` contradicts itself, as sentences; empty when it is coherent.

    ``rule`` is the loop's decision rule (None: the round-rating rule is not checked).
    """
    out: list[str] = []
    out.extend(_principles(debrief))
    if rule is not None:
        out.extend(_round_ratings(debrief, rule))
    out.extend(_moments(debrief))
    out.extend(_study_plan(debrief, bank))
    out.extend(_test_counts(debrief))
    return out


def _counted(debrief: Debrief) -> list[ItemOutcome]:
    return [
        o
        for c in debrief.scorecards
        for o in c.items
        if o.score is not None and not o.grading_failed
    ]


def _principles(debrief: Debrief) -> Iterator[str]:
    for card in debrief.scorecards:
        items = {o.item_id: o for o in card.items}
        for p in card.principles:
            if p.rating is None:
                continue
            stories = [
                o for o in card.items if o.kind == "behavioral" and p.id in o.leadership_principles
            ]
            if not stories:
                yield (
                    f"principles: round {card.title!r} rates {p.name} with no story that probes it."
                )
            for e in p.evidence:
                kind = items[e.item_id].kind if e.item_id in items else None
                if kind != "behavioral":
                    yield (
                        f"principles: round {card.title!r} rates {p.name} from {e.item_title!r}, "
                        f"a {kind or 'missing'} item, not a story."
                    )
                    break
            shown = debrief.principle_ratings.get(p.id, {}).get(card.round_id)
            if shown != rating_value(p.rating):
                yield (
                    f"principles: the loop's table shows {p.name} in round {card.title!r} as "
                    f"{shown}, the scorecard as {rating_value(p.rating)}."
                )
    rated = {(c.round_id, p.id) for c in debrief.scorecards for p in c.principles if p.rating}
    for lp_id, by_round in debrief.principle_ratings.items():
        for round_id in by_round:
            if (round_id, lp_id) not in rated:
                yield f"principles: the loop's table rates {lp_id} in {round_id}; no round does."


def _round_ratings(debrief: Debrief, rule: DecisionRule) -> Iterator[str]:
    for card in debrief.scorecards:
        if rating_value(card.rating) <= _NO:
            continue
        ratings = [p.rating for p in card.principles if p.rating is not None]
        nos = sum(1 for r in ratings if rating_value(r) <= _NO)
        if nos > rule.max_no_ratings:
            yield (
                f"round rating: round {card.title!r} is rated {card.rating} with {nos} principle "
                f"“no” rating(s); the loop's rule allows {rule.max_no_ratings}."
            )
        if rule.strong_no_blocks and "strong-no" in ratings:
            yield (
                f"round rating: round {card.title!r} is rated {card.rating} with a principle "
                "“strong no”, which blocks in this loop."
            )


def _moments(debrief: Debrief) -> Iterator[str]:
    strong = {m.item_id: m.score for m in debrief.strongest}
    weak = {m.item_id: m.score for m in debrief.weakest}
    for item_id in strong.keys() & weak.keys():
        yield f"moments: {item_id} is both among the strongest and the weakest."
    if strong and weak and min(strong.values()) < max(weak.values()):
        yield (
            f"moments: a strongest moment scores {min(strong.values()):g}, below a weakest one "
            f"({max(weak.values()):g})."
        )
    for item_id, score in strong.items():
        if score < STUDY_BELOW:
            yield f"moments: {item_id} is among the strongest with {score:g} (weak)."
    for item_id, score in weak.items():
        if score >= STUDY_BELOW:
            yield f"moments: {item_id} is among the weakest with {score:g} (not weak)."
    counted = _counted(debrief)
    low = [o for o in counted if (o.score or 0.0) < STUDY_BELOW]
    if low and not debrief.weakest:
        yield (
            f"moments: {len(low)} item(s) score below {STUDY_BELOW:g} (first: {low[0].title!r}) "
            "but the weakest list is empty."
        )
    if low and debrief.weakest:
        lowest = min(o.score or 0.0 for o in counted)
        if debrief.weakest[0].score > round(lowest, 1):
            yield (
                f"moments: the weakest list starts at {debrief.weakest[0].score:g}, but an item "
                f"scores {lowest:.1f}."
            )


def _study_plan(debrief: Debrief, bank: Bank) -> Iterator[str]:
    plan = debrief.study_plan
    if debrief.weakest:
        first = debrief.weakest[0]
        if not plan:
            yield f"study plan: empty, though {first.item_title!r} is the weakest moment."
        elif plan[0].item_id != first.item_id:
            yield (
                f"study plan: starts with {plan[0].title!r}, not the weakest moment "
                f"{first.item_title!r}."
            )
    strong = {m.item_id for m in debrief.strongest}
    outcomes = {o.item_id: o for c in debrief.scorecards for o in c.items}
    for entry in plan:
        if entry.item_id in strong:
            yield f"study plan: {entry.title!r} is also among the strongest moments."
        outcome = outcomes.get(entry.item_id)
        if outcome is None:
            yield f"study plan: {entry.title!r} is not an item of any round."
            continue
        for lab_id, _title in entry.labs:
            if lab_id not in outcome.labs:
                yield f"study plan: {entry.title!r} links lab {lab_id}, which is not its lab."
        item = subject_of(bank, outcome.url)
        if item is None:
            continue  # the item left the bank: there is nothing to link it to
        if not entry.labs and not entry.related:
            yield f"study plan: {entry.title!r} links nothing to learn it from."
        for url, title in entry.related:
            link = subject_of(bank, url)
            if link is None:
                yield (
                    f"study plan: {entry.title!r} links {url}, which is no question, problem "
                    "or principle page."
                )
            elif not on_subject(item, link):
                yield f"study plan: {entry.title!r} links {title!r} ({url}), {_off(item, bank)}."


def _off(item: Subject, bank: Bank) -> str:
    """Why a link is off the item's subject, in words."""
    if item.behavioral and item.story:
        names = ", ".join(
            bank.principles[lp].name if lp in bank.principles else lp
            for lp in sorted(item.principles)
        )
        return f"which is neither a story nor a principle page about what it asks ({names})"
    if item.behavioral:
        return "which is neither a principle it names nor a motive question on its topics"
    return "which shares no topic with it"


def _test_texts(card: Scorecard, outcome: ItemOutcome) -> Iterator[str]:
    for rating in (*card.competencies, *card.principles):
        for e in rating.evidence:
            if e.item_id == outcome.item_id and e.kind == "verdict":
                yield e.text


def _test_counts(debrief: Debrief) -> Iterator[str]:
    moments = [*debrief.strongest, *debrief.weakest]
    for card in debrief.scorecards:
        for o in card.items:
            if o.kind != "coding" or o.verdict is None:
                continue
            passed, total = o.tests_passed or 0, o.tests_total or 0
            if passed > total:
                yield f"tests: {o.title!r} passes {passed} of only {total} tests."
            said = o.tests_summary or ""
            if total and not said:
                yield f"tests: {o.title!r} counts {passed} of {total} tests, the judge nothing."
            if (m := _PASSED.search(said)) and (int(m[1]), int(m[2])) != (passed, total):
                yield (f"tests: {o.title!r} says {passed}/{total} where the judge says “{m[0]}”.")
            if (m := _STOPPED.search(said)) and (int(m[1]) - 1, int(m[2])) != (passed, total):
                yield f"tests: {o.title!r} says {passed}/{total} where the judge says “{m[0]}”."
            texts = [*_test_texts(card, o), *(m.why for m in moments if m.item_id == o.item_id)]
            for text in texts:
                if _SLASH_COUNT.search(text):
                    yield f"tests: {o.title!r} is counted unlike the editor: {text!r}."
                elif said and _TESTS.search(text) and said not in text:
                    yield f"tests: {o.title!r} is described as {text!r}, the editor as “{said}”."
