"""The offer calculator's arithmetic and its form parsing: pure functions, no I/O."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from barraiser.pay import AMAZON_MLE_PAY, Offer, compare
from barraiser.pay.offers import evaluate, schedule_for, vesting_problem
from barraiser.web.pay_form import parse_amount, parse_percentages, read_form


def _years(offer: Offer, field: str) -> list[float]:
    return [getattr(year, field) for year in evaluate(offer).years]


# --- vesting ---------------------------------------------------------------------------------


def test_amazon_vesting_is_back_loaded() -> None:
    offer = Offer(base_salary=0, stock_grant=200_000, vesting="amazon")
    assert _years(offer, "stock") == [10_000, 30_000, 80_000, 80_000]


def test_even_vesting_is_a_quarter_a_year() -> None:
    offer = Offer(base_salary=0, stock_grant=200_000, vesting="even")
    assert _years(offer, "stock") == [50_000] * 4


def test_custom_vesting_uses_the_given_percentages() -> None:
    offer = Offer(
        base_salary=0, stock_grant=100_000, vesting="custom", custom_vesting=[33.33, 33.33, 33.34]
    )
    assert _years(offer, "stock") == [33_330, 33_330, 33_340, 0]


@pytest.mark.parametrize(
    ("percentages", "reason"),
    [
        ([10, 20, 30], "add up to 60%"),
        ([50, 60], "add up to 110%"),
        ([-10, 60, 50], "between 0 and 100"),
        ([20, 20, 20, 20, 20], "one to 4"),
        ([], "one to 4"),
    ],
)
def test_custom_vesting_must_sum_to_100(percentages: list[float], reason: str) -> None:
    problem = vesting_problem(percentages)
    assert problem is not None and reason in problem
    with pytest.raises(ValidationError, match=re.escape(reason)):
        Offer(base_salary=1, vesting="custom", custom_vesting=percentages)


def test_presets_ignore_custom_percentages() -> None:
    assert schedule_for("amazon", [1, 2]) == (5, 15, 40, 40)


# --- sign-on, base and refreshers -------------------------------------------------------------


def test_sign_on_is_paid_in_its_year() -> None:
    offer = Offer(base_salary=150_000, sign_on_year1=60_000, sign_on_year2=45_000)
    assert _years(offer, "sign_on") == [60_000, 45_000, 0, 0]
    assert _years(offer, "total") == [210_000, 195_000, 150_000, 150_000]


def test_even_refreshers_start_the_year_after_each_grant() -> None:
    offer = Offer(base_salary=0, refresher_per_year=40_000, refresher_vesting="even-next-year")
    # Grants at the end of years 1, 2 and 3, each 10K a year from the next year.
    assert _years(offer, "refreshers") == [0, 10_000, 20_000, 30_000]
    result = evaluate(offer)
    assert result.refresher_total == 60_000
    assert result.refreshers_unvested_after == 3 * 40_000 - 60_000


def test_refreshers_can_follow_the_stock_schedule() -> None:
    offer = Offer(
        base_salary=0, vesting="amazon", refresher_per_year=100_000, refresher_vesting="same"
    )
    # Year 2: 5% of grant 1; year 3: 15% + 5%; year 4: 40% + 15% + 5%.
    assert _years(offer, "refreshers") == [0, 5_000, 20_000, 60_000]


def test_four_year_totals_add_every_part() -> None:
    offer = Offer(
        name="Amazon L5",
        base_salary=165_000,
        sign_on_year1=60_000,
        sign_on_year2=45_000,
        stock_grant=240_000,
        vesting="amazon",
        refresher_per_year=50_000,
        refresher_vesting="same",
    )
    result = evaluate(offer)
    assert [y.total for y in result.years] == [237_000, 248_500, 271_000, 291_000]
    assert result.base_total == 660_000
    assert result.sign_on_total == 105_000
    assert result.stock_total == 240_000
    assert result.refresher_total == 42_500
    assert result.four_year_total == 1_047_500 == sum(y.total for y in result.years)
    assert result.average_per_year == 261_875


def test_compare_names_the_highest_and_keeps_the_order() -> None:
    low = Offer(name="Low", base_salary=100_000)
    high = Offer(name="High", base_salary=120_000)
    comparison = compare([low, high])
    assert [o.name for o in comparison.offers] == ["Low", "High"]
    assert comparison.highest == "High"
    assert comparison.horizon_years == 4 and comparison.assumptions


def test_compare_takes_at_most_three_offers() -> None:
    with pytest.raises(ValueError, match="at most 3"):
        compare([Offer(base_salary=1)] * 4)


@pytest.mark.parametrize("amount", [-1, 100_000_001, float("nan"), float("inf")])
def test_offer_refuses_absurd_amounts(amount: float) -> None:
    with pytest.raises(ValidationError):
        Offer(base_salary=amount)


# --- the guide's figures ----------------------------------------------------------------------


def test_the_guides_figures_are_quoted_with_source_and_date() -> None:
    figures = AMAZON_MLE_PAY
    assert (figures.base.median_usd, figures.base.mean_usd) == (150_000, 146_766)
    assert (figures.base.min_usd, figures.base.max_usd, figures.base.data_points) == (
        84_000,
        192_000,
        205,
    )
    assert (figures.total.median_usd, figures.total.mean_usd) == (194_000, 202_028)
    assert figures.total.data_points == 202
    assert "Interview Query" in figures.source and figures.published == "2024"
    assert any("rough guide" in caveat for caveat in figures.caveats)


# --- the form --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dollars"),
    [
        ("150000", 150_000),
        ("150,000", 150_000),
        ("$150,000", 150_000),
        ("150k", 150_000),
        ("1.25M", 1_250_000),
        (" 0 ", 0),
        ("100000000", 100_000_000),
    ],
)
def test_amounts_are_read_as_people_type_them(text: str, dollars: float) -> None:
    assert parse_amount(text) == dollars


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("-5", "cannot be negative"),
        ("lots", "Enter an amount in dollars"),
        ("1e9", "Enter an amount in dollars"),
        ("nan", "Enter an amount in dollars"),
        ("100000001", "more than $100,000,000"),
        ("9" * 400, "Enter an amount in dollars"),
    ],
)
def test_bad_amounts_say_what_to_type(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=re.escape(reason)):
        parse_amount(text)


def test_percentages_accept_slashes_commas_and_percent_signs() -> None:
    assert parse_percentages("5/15/40/40") == [5, 15, 40, 40]
    assert parse_percentages("25%, 25%, 25%, 25%") == [25, 25, 25, 25]
    with pytest.raises(ValueError, match="numbers separated by slashes"):
        parse_percentages("a/b")


def test_an_empty_form_is_not_an_error() -> None:
    form = read_form({})
    assert not form.submitted and not form.problems and not form.general_error
    assert len(form.offers) == 3


def test_blank_offers_are_left_out_and_defaults_apply() -> None:
    form = read_form({"o1_base": "150k", "o2_name": "", "o3_vesting": "even"})
    assert form.ok
    (offer,) = form.parsed
    assert offer.name == "Offer 1" and offer.base_salary == 150_000
    assert offer.vesting == "amazon" and offer.refresher_vesting == "even-next-year"


def test_problems_stay_next_to_their_fields() -> None:
    form = read_form(
        {
            "o1_base": "-1",
            "o1_vesting": "custom",
            "o1_custom": "50/40",
            "o2_name": "Second",
            "o3_base": "1",
            "o3_refresher_vesting": "weekly",
        }
    )
    assert not form.ok and form.parsed == []
    keys = {key: message for key, _title, message in form.problems}
    assert "negative" in keys["o1_base"]
    assert "add up to 90%" in keys["o1_custom"]
    assert "Enter the base salary" in keys["o2_base"]
    assert "listed refresher schedules" in keys["o3_refresher_vesting"]


def test_a_submitted_empty_form_asks_for_an_offer() -> None:
    form = read_form({"o1_base": ""})
    assert form.submitted and not form.ok
    assert form.general_error is not None and "at least one offer" in form.general_error


def test_offers_with_the_same_name_are_told_apart() -> None:
    form = read_form({"o1_name": "Acme", "o1_base": "1", "o2_name": "Acme", "o2_base": "2"})
    assert [offer.name for offer in form.parsed] == ["Acme", "Acme (2)"]
