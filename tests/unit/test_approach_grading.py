"""Big-O bounds read from the candidate's words, and the approach answer's grade."""

from __future__ import annotations

import pytest

from barraiser.content.complexity import BoundError, parse_bound
from barraiser.content.loader import Bank, load_bank
from barraiser.content.problems import Complexity
from barraiser.grading.approach import claims, grade_approach


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


@pytest.mark.parametrize(
    ("written", "same_as"),
    [
        ("O(nlogn)", "O(n log n)"),
        ("n log n", "O(n log n)"),
        ("O(N·log(N))", "O(n log n)"),
        ("O(n * log2 n)", "O(n log n)"),
        ("O(m+n)", "O(n + m)"),
        ("O(C \u00d7 R)", "O(R·C)"),
        ("O(2n + 5)", "O(n)"),
        ("O(n + n log n)", "O(n log n)"),
        ("O(n²)", "O(n^2)"),
        ("O(n*n)", "O(n^2)"),
        ("O(n(n + m))", "O(n^2 + n·m)"),
        ("O(|s| + |t|)", "O(s + t)"),
        ("O(len(coins) * amount)", "O(amount · coins)"),
        ("O(n + m·\u03b1(n))", "O(n + m)"),
        ("O(max(n, m))", "O(n + m)"),
        ("O(min(m, n))", "O(min(n, m))"),
        ("O(500)", "O(1)"),
        ("O(2^(n))", "O(2^n)"),
        ("O(n · 2^n)", "O(2^n * n)"),
        ("O(n! + 2^n)", "O(2^n + n!)"),
    ],
)
def test_equivalent_forms_are_one_bound(written: str, same_as: str) -> None:
    assert parse_bound(written) == parse_bound(same_as)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("O(n)", "O(n log n)"),
        ("O(n log k)", "O(n log n)"),
        ("O(n^2)", "O(n)"),
        ("O(1)", "O(n)"),
        ("O(log n)", "O(n)"),
        ("O(n + m)", "O(n·m)"),
        ("O((n + m) log n)", "O(n + m)"),
        ("O(2^n)", "O(3^n)"),  # the base of an exponential is not a constant factor
        ("O(2^n)", "O(1)"),
        ("O(n!)", "O(n)"),
        ("O(n!)", "O(n^n)"),
    ],
)
def test_different_bounds_differ(one: str, other: str) -> None:
    assert parse_bound(one) != parse_bound(other)


def test_aliases_rename_variables() -> None:
    graph = {"v": "n", "e": "m"}
    assert parse_bound("O(V + E)", graph) == parse_bound("O(n + m)")
    assert parse_bound("O(cells)", {"cells": "r*c"}) == parse_bound("O(R·C)")


@pytest.mark.parametrize("text", ["O()", "O(n +)", "O(n))", "O(n # m)", ""])
def test_what_is_not_a_bound_is_refused(text: str) -> None:
    with pytest.raises(BoundError):
        parse_bound(text)


TWO_SUM = Complexity(
    time="O(n)", space="O(n)", approach_terms=["hash map", "dictionary", "complement"]
)


def test_bounds_are_read_with_what_they_are_about() -> None:
    found = claims(
        "A hash map of what I have seen. It runs in O(n) time and uses O(n) extra memory.",
        TWO_SUM,
    )
    assert [(c.text, sorted(c.kinds), c.contrast) for c in found] == [
        ("O(n)", ["time"], False),
        ("O(n)", ["space"], False),
    ]
    both = claims("Time and space are both linear.", TWO_SUM)
    assert [sorted(c.kinds) for c in both] == [["space", "time"]]
    # A brute force's bound is an alternative, not the candidate's claim.
    found = claims("Brute force would be O(n^2), but the map makes it O(n) time.", TWO_SUM)
    assert [(c.text, c.contrast) for c in found] == [("O(n^2)", True), ("O(n)", False)]
    # "a linear scan" names no complexity; "constant" alone neither.
    assert claims("I do a linear scan and keep a constant.", TWO_SUM) == []


def test_a_complete_right_answer_earns_everything_with_its_sentences() -> None:
    answer = (
        "I keep a dictionary from each price to its index and look up the complement. "
        "That is O(n) time and O(n) extra space. The trade-off is memory for speed: checking "
        "every pair would be O(n^2) time with O(1) space."
    )
    grade = grade_approach(answer, TWO_SUM)
    assert grade.score == 100
    assert {p.id: p.status for p in grade.parts} == dict.fromkeys(
        ("time", "space", "trade-off", "approach"), "correct"
    )
    assert grade.part("time").evidence == "That is O(n) time and O(n) extra space."
    assert grade.part("approach").evidence and "dictionary" in grade.part("approach").evidence
    trade_off = grade.part("trade-off").evidence
    assert trade_off and "memory for speed" in trade_off


def test_words_count_as_bounds() -> None:
    grade = grade_approach("A hash map: linear time and linear memory.", TWO_SUM)
    assert grade.part("time").status == "correct" and grade.part("time").claimed == "linear"
    assert grade.part("space").status == "correct"


def test_a_wrong_bound_earns_nothing_and_says_what_was_expected() -> None:
    grade = grade_approach("It is O(n log n) time and constant space.", TWO_SUM)
    time_part, space_part = grade.part("time"), grade.part("space")
    assert time_part.status == "wrong" and time_part.points == 0
    assert time_part.claimed == "O(n log n)" and time_part.expected == "O(n)"
    assert "O(n)" in time_part.note and "O(n log n)" in time_part.note
    assert space_part.status == "wrong" and space_part.claimed == "constant"
    assert grade.score == 0


def test_no_bound_at_all_is_missing_not_wrong() -> None:
    grade = grade_approach("I used a hash map because it is fast.", TWO_SUM)
    assert grade.part("time").status == "missing" and grade.part("space").status == "missing"
    assert grade.part("approach").status == "correct"
    assert grade.score == 15
    assert "Not said" in grade.feedback


def test_a_bound_with_no_time_or_space_word_is_the_running_time() -> None:
    grade = grade_approach("It's O(n) overall.", TWO_SUM)
    assert grade.part("time").status == "correct" and grade.part("space").status == "missing"


def test_every_problem_states_a_complexity_its_own_words_earn_in_full(bank: Bank) -> None:
    for problem_id, loaded in bank.problems.items():
        c = loaded.problem.complexity
        answer = (
            f"My approach: {c.approach_terms[0]}. It takes {c.time} time and {c.space} extra "
            "space, trading memory for speed."
        )
        grade = grade_approach(answer, c)
        assert grade.score == 100, (problem_id, [p.note for p in grade.parts])
        # A quadratic claim is wrong for every problem whose intended time is not quadratic.
        if parse_bound(c.time, c.aliases) != parse_bound("O(n^2)", c.aliases):
            wrong = grade_approach(f"It takes O(n^2) time and {c.space} space.", c)
            assert wrong.part("time").status == "wrong", problem_id


def test_listing_every_bound_earns_nothing_and_a_correction_counts() -> None:
    listing = grade_approach(
        "O(n^2) time, O(n) time, O(n log n) time, O(1) space, O(n) space.", TWO_SUM
    )
    assert listing.part("time").status == "wrong" and listing.part("space").status == "wrong"
    corrected = grade_approach(
        "I first said O(n^2) time. Actually, it is O(n) time with a hash map, O(n) space.", TWO_SUM
    )
    assert corrected.part("time").status == "correct"
    assert corrected.part("space").status == "correct"
