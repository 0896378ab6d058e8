"""Question selection: the loop's selectors, fresh questions first, principles mixed in."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from barraiser.content.bank import get_bank
from barraiser.content.check import unmet_slots
from barraiser.content.loader import Bank
from barraiser.content.schemas import Round, Selector
from barraiser.interview.items import candidates, get_item, value_candidates
from barraiser.interview.selection import Picker, SelectionError

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return get_bank()


def _round(**kwargs: object) -> Round:
    defaults: dict[str, object] = {
        "id": "r",
        "title": "R",
        "kind": "onsite",
        "duration_min": 30,
        "interviewer": "x",
        "assesses": ["coding"],
    }
    return Round.model_validate({**defaults, **kwargs})


def test_every_round_of_the_amazon_loop_gets_what_its_selectors_ask(bank: Bank) -> None:
    loop = bank.loop("amazon-mle")
    picker = Picker(bank, random.Random(7))
    seen: list[str] = []
    for rnd in loop.rounds():
        items = picker.pick(rnd)
        wanted = sum(s.count for s in rnd.questions) + rnd.value_questions
        assert len(items) == wanted
        position = 0
        for selector in rnd.questions:
            for item in items[position : position + selector.count]:
                assert item.kind == selector.kind
                if selector.difficulty:
                    assert item.difficulty in selector.difficulty
            position += selector.count
        for item in items[position:]:
            assert item.is_lp_question
        seen.extend(i.id for i in items)
    assert len(seen) == len(set(seen)), "a question was asked twice in one session"


def test_coding_selectors_pick_judge_problems(bank: Bank) -> None:
    pool = candidates(bank, Selector(kind="coding", difficulty=["easy", "medium"]))
    assert len(pool) == sum(
        1
        for p in bank.problems.values()
        if p.problem.difficulty in ("easy", "medium") and p.problem.kind == "dsa"
    )
    assert all(i.is_coding and i.id.startswith("problem:") for i in pool)


def test_ml_coding_selectors_pick_ml_coding_problems_only(bank: Bank) -> None:
    """An algorithms round never draws a Python-only ML problem, and an ML-coding slot draws
    only those (judged like any coding item)."""
    ml = {pid for pid, p in bank.problems.items() if p.problem.kind == "ml-coding"}
    assert ml and len(ml) < len(bank.problems)
    coding = {i.problem_id for i in candidates(bank, Selector(kind="coding"))}
    ml_pool = candidates(bank, Selector(kind="ml-coding"))
    assert not coding & ml
    assert {i.problem_id for i in ml_pool} == ml
    assert all(i.is_coding for i in ml_pool)


def test_never_seen_questions_come_first_then_the_oldest_seen(bank: Bank) -> None:
    pool = candidates(bank, Selector(kind="concept"))
    fresh = pool[3].id
    oldest = pool[5].id
    last_seen = {i.id: NOW - timedelta(days=1) for i in pool}
    del last_seen[fresh]
    last_seen[oldest] = NOW - timedelta(days=30)
    for seed in range(5):
        picker = Picker(bank, random.Random(seed), last_seen)
        picked = [i.id for i in picker.pick(_round(questions=[{"kind": "concept", "count": 2}]))]
        assert picked == [fresh, oldest]


def test_a_seed_reproduces_the_picks_and_seeds_differ(bank: Bank) -> None:
    loop = bank.loop("amazon-mle")

    def plan(seed: int) -> list[str]:
        picker = Picker(bank, random.Random(seed))
        return [i.id for rnd in loop.rounds() for i in picker.pick(rnd)]

    assert plan(3) == plan(3)
    assert len({tuple(plan(seed)) for seed in range(6)}) > 1


def test_lp_questions_prefer_principles_not_probed_yet(bank: Bank) -> None:
    picker = Picker(bank, random.Random(1))
    first = picker.pick(_round(value_questions=3, assesses=["communication"]))
    principles = [set(i.leadership_principles) for i in first]
    # Each new question brings at least one principle the earlier ones did not.
    for index in range(1, len(principles)):
        earlier = set().union(*principles[:index])
        assert principles[index] - earlier, principles


def test_a_technical_question_does_not_meet_a_principles_story_need(bank: Bank) -> None:
    """A concept question tagged with a principle probes it but asks for no story: the value
    question still goes to the principle the candidate's story bank lacks."""
    technical = next(
        q
        for q in sorted(bank.questions.values(), key=lambda q: q.id)
        if q.kind == "concept" and q.leadership_principles
    )
    lacking = technical.leadership_principles[0]
    needs = {p: (2 if p == lacking else 0) for p in bank.principles}
    picker = Picker(bank, random.Random(3), needs=needs)
    picker.probed.update(technical.leadership_principles)  # as if an earlier round asked it
    picker.taken.add(technical.id)
    (story,) = picker.pick(_round(value_questions=1, assesses=["communication"]))
    assert lacking in story.leadership_principles


def test_running_out_of_questions_is_a_sentence(bank: Bank) -> None:
    rounds = len(value_candidates(bank)) // 10 + 1  # ten value questions a round, one too many
    picker = Picker(bank, random.Random(0))
    with pytest.raises(SelectionError, match="add behavioural questions"):
        for n in range(rounds):
            picker.pick(_round(id=f"r{n}", value_questions=10, assesses=["communication"]))


def test_content_check_counts_problems_for_coding_slots(bank: Bank) -> None:
    loop = bank.loop("quick")
    assert unmet_slots(loop, bank) == []
    hard = sum(1 for p in bank.problems.values() if p.problem.difficulty == "hard")
    greedy = loop.model_copy(
        update={
            "stages": [
                loop.stages[0].model_copy(
                    update={
                        "rounds": [
                            _round(
                                questions=[
                                    {"kind": "coding", "difficulty": ["hard"], "count": hard + 1}
                                ]
                            )
                        ]
                    }
                )
            ]
        }
    )
    assert unmet_slots(greedy, bank) == [("r", "kind=coding difficulty=['hard']")]


def test_items_know_their_problem_and_question(bank: Bank) -> None:
    wrapped = next(q for q in bank.questions.values() if q.problem)
    item = get_item(bank, wrapped.id)
    assert item.id == f"problem:{wrapped.problem}"
    assert item.question == wrapped
    assert get_item(bank, "problem:two-sum").url == "/problems/two-sum"


def test_a_fresh_story_beats_a_seen_one_that_covers_more_principles(bank: Bank) -> None:
    pool = value_candidates(bank)
    fresh = min(pool, key=lambda i: len(i.leadership_principles))
    last_seen = {i.id: NOW for i in pool if i.id != fresh.id}
    picker = Picker(bank, random.Random(0), last_seen)
    assert [i.id for i in picker.pick(_round(value_questions=1, assesses=["communication"]))] == [
        fresh.id
    ]


def test_fresh_questions_showing_the_rounds_competencies_come_first(bank: Bank) -> None:
    pool = candidates(bank, Selector(kind="concept"))
    showing = {i.id for i in pool if {"ml-breadth", "communication"} <= set(i.competencies)}
    assert showing and len(showing) < len(pool)
    for seed in range(5):
        picker = Picker(bank, random.Random(seed))
        rnd = _round(questions=[{"kind": "concept"}], assesses=["ml-breadth", "communication"])
        assert picker.pick(rnd)[0].id in showing


def test_weak_competencies_weigh_in_among_equally_fresh_questions(bank: Bank) -> None:
    """A candidate weak at one competency gets questions exercising it, once freshness and the
    round's own competencies are equal; with no weakness known the picks stay to chance."""
    pool = candidates(bank, Selector(kind="concept"))
    counts: dict[str, int] = {}
    for item in pool:
        for c in item.competencies:
            counts[c] = counts.get(c, 0) + 1
    # A competency some but not all concept questions exercise.
    weak = min((c for c, n in counts.items() if 0 < n < len(pool)), key=counts.__getitem__)
    exercising = {i.id for i in pool if weak in i.competencies}
    # The round assesses what no concept question shows: its own competencies tie every one.
    other = next(c for c in bank.competencies if c not in counts)
    rnd = _round(questions=[{"kind": "concept", "count": 1}], assesses=[other])
    plain, leaning = [], []
    for seed in range(10):
        plain.append(Picker(bank, random.Random(seed)).pick(rnd)[0].id in exercising)
        weakness = dict.fromkeys(counts, 0.1) | {weak: 0.8}
        picked = Picker(bank, random.Random(seed), weakness=weakness).pick(rnd)[0]
        leaning.append(picked.id in exercising)
    assert all(leaning)
    assert not all(plain), "the test proves nothing if chance always picked the weak one"


def test_weakness_never_outweighs_freshness(bank: Bank) -> None:
    pool = candidates(bank, Selector(kind="concept"))
    now = datetime.now(UTC)
    # Every question exercising the weak competency was seen yesterday: a fresh one wins.
    weak = pool[0].competencies[0]
    seen = {i.id: now - timedelta(days=1) for i in pool if weak in i.competencies}
    assert len(seen) < len(pool)
    other = next(c for c in bank.competencies if all(c not in i.competencies for i in pool))
    rnd = _round(questions=[{"kind": "concept", "count": 1}], assesses=[other])
    for seed in range(5):
        picker = Picker(bank, random.Random(seed), seen, weakness={weak: 1.0})
        assert picker.pick(rnd)[0].id not in seen
