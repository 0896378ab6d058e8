"""Offer comparison: base, sign-on by year, stock with its vesting schedule and refreshers.

Everything is in US dollars of grant value: stock is counted at the value it was granted at
(no share-price change), and a year's pay is what vests or is paid in that year. Refreshers are
granted at the end of every year, from the end of year 1, and start vesting the year after
their grant; a grant at the end of year 4 vests nothing inside the four years.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: Years shown year by year and summed in the four-year total.
HORIZON_YEARS = 4
#: Offers compared side by side.
MAX_OFFERS = 3
#: Any amount above this is a typing slip, not an offer ($100M).
MAX_AMOUNT = 100_000_000.0
#: Percentages summing to within this of 100 count as 100 (33.33/33.33/33.34 is fine).
SUM_TOLERANCE = 0.01

VestingPreset = Literal["amazon", "even", "custom"]
RefresherVesting = Literal["same", "even-next-year"]

PRESET_SCHEDULES: dict[str, tuple[float, ...]] = {
    "amazon": (5.0, 15.0, 40.0, 40.0),
    "even": (25.0, 25.0, 25.0, 25.0),
}
PRESET_LABELS: dict[str, str] = {
    "amazon": "Amazon, back-loaded: 5/15/40/40",
    "even": "Even: 25/25/25/25",
    "custom": "Custom percentages",
}
REFRESHER_LABELS: dict[str, str] = {
    "even-next-year": "Over 4 years evenly, starting the year after grant",
    "same": "Same schedule as the stock grant, starting the year after grant",
}

Money = Annotated[float, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]


def vesting_problem(percentages: Sequence[float]) -> str | None:
    """Why these yearly vesting percentages are not a schedule, or None when they are."""
    if not 1 <= len(percentages) <= HORIZON_YEARS:
        return f"Give one to {HORIZON_YEARS} yearly percentages, such as 10/20/30/40."
    if any(not math.isfinite(p) or p < 0 or p > 100 for p in percentages):
        return "Each percentage must be between 0 and 100."
    total = sum(percentages)
    if abs(total - 100) > SUM_TOLERANCE:
        return f"The percentages add up to {total:g}%, not 100%: change them so they do."
    return None


def schedule_for(preset: VestingPreset, custom: Sequence[float] | None = None) -> tuple[float, ...]:
    """The yearly vesting percentages of a preset, or the custom ones (checked)."""
    if preset != "custom":
        return PRESET_SCHEDULES[preset]
    problem = vesting_problem(custom or ())
    if problem:
        raise ValueError(problem)
    return tuple(float(p) for p in custom or ())


class Offer(BaseModel):
    """One offer as the recruiter wrote it; every amount in US dollars, 0 when absent."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="Offer", min_length=1, max_length=60)
    base_salary: Money
    sign_on_year1: Money = 0.0
    sign_on_year2: Money = 0.0
    stock_grant: Money = Field(default=0.0, description="Value of the initial stock grant.")
    vesting: VestingPreset = "amazon"
    custom_vesting: list[float] | None = Field(
        default=None, description="Yearly percentages when vesting is 'custom'; they sum to 100."
    )
    refresher_per_year: Money = Field(default=0.0, description="Value of each yearly refresher.")
    refresher_vesting: RefresherVesting = "even-next-year"

    @model_validator(mode="after")
    def _custom_vesting_sums_to_100(self) -> Offer:
        if self.vesting == "custom":
            schedule_for("custom", self.custom_vesting)  # raises ValueError with the reason
        return self

    @property
    def schedule(self) -> tuple[float, ...]:
        """The initial grant's yearly vesting percentages."""
        return schedule_for(self.vesting, self.custom_vesting)

    @property
    def refresher_schedule(self) -> tuple[float, ...]:
        """Each refresher's yearly vesting percentages, from the year after its grant."""
        if self.refresher_vesting == "same":
            return self.schedule
        return PRESET_SCHEDULES["even"]


class YearPay(BaseModel):
    """What one offer pays (or vests) in one year."""

    year: int
    base: float
    sign_on: float
    stock: float
    refreshers: float
    total: float


class OfferResult(BaseModel):
    """One offer year by year, with its four-year totals."""

    name: str
    stock_schedule: list[float]
    refresher_schedule: list[float]
    years: list[YearPay]
    base_total: float
    sign_on_total: float
    stock_total: float
    refresher_total: float
    four_year_total: float
    average_per_year: float
    refreshers_unvested_after: float = Field(
        description="Refresher value granted within the four years that vests after them."
    )


class Comparison(BaseModel):
    """Every offer's result, in the order given, and which one pays most over four years."""

    horizon_years: int = HORIZON_YEARS
    offers: list[OfferResult]
    highest: str | None
    assumptions: list[str]


ASSUMPTIONS = [
    "Stock is counted at its grant value: no share-price change.",
    "A year's pay is what is paid or vests in that year.",
    "Refreshers are granted at the end of each year from year 1 and start vesting the year "
    "after their grant.",
    "Sign-on bonuses are counted in full (a clawback if you leave early is not modelled).",
]


def _cents(value: float) -> float:
    return round(value + 0.0, 2)


def _vest(amount: float, schedule: Sequence[float], first_year: int) -> list[float]:
    """Per year 1..HORIZON_YEARS, what a grant of ``amount`` vests from ``first_year`` on."""
    vested = [0.0] * HORIZON_YEARS
    for offset, percent in enumerate(schedule):
        year = first_year + offset
        if year <= HORIZON_YEARS:
            vested[year - 1] += amount * percent / 100
    return vested


def evaluate(offer: Offer) -> OfferResult:
    """One offer's pay year by year and over four years."""
    stock = _vest(offer.stock_grant, offer.schedule, 1)
    refreshers = [0.0] * HORIZON_YEARS
    granted = 0.0
    for grant_year in range(1, HORIZON_YEARS + 1):
        granted += offer.refresher_per_year
        grant = _vest(offer.refresher_per_year, offer.refresher_schedule, grant_year + 1)
        refreshers = [a + b for a, b in zip(refreshers, grant, strict=True)]
    # The refresher granted at the end of the last year is not part of these four years.
    granted -= offer.refresher_per_year
    sign_on = [offer.sign_on_year1, offer.sign_on_year2] + [0.0] * (HORIZON_YEARS - 2)
    years = [
        YearPay(
            year=k + 1,
            base=_cents(offer.base_salary),
            sign_on=_cents(sign_on[k]),
            stock=_cents(stock[k]),
            refreshers=_cents(refreshers[k]),
            total=_cents(offer.base_salary + sign_on[k] + stock[k] + refreshers[k]),
        )
        for k in range(HORIZON_YEARS)
    ]
    total = _cents(sum(y.total for y in years))
    return OfferResult(
        name=offer.name,
        stock_schedule=list(offer.schedule),
        refresher_schedule=list(offer.refresher_schedule),
        years=years,
        base_total=_cents(sum(y.base for y in years)),
        sign_on_total=_cents(sum(y.sign_on for y in years)),
        stock_total=_cents(sum(y.stock for y in years)),
        refresher_total=_cents(sum(y.refreshers for y in years)),
        four_year_total=total,
        average_per_year=_cents(total / HORIZON_YEARS),
        refreshers_unvested_after=_cents(granted - sum(refreshers)),
    )


def compare(offers: Sequence[Offer]) -> Comparison:
    """Evaluate up to :data:`MAX_OFFERS` offers side by side."""
    if len(offers) > MAX_OFFERS:
        raise ValueError(f"Compare at most {MAX_OFFERS} offers at a time.")
    results = [evaluate(offer) for offer in offers]
    highest = max(results, key=lambda r: r.four_year_total).name if results else None
    return Comparison(offers=results, highest=highest, assumptions=list(ASSUMPTIONS))
