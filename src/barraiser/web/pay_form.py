"""The offer calculator's GET form: query parameters in, offers and per-field messages out.

Fields are named ``o<N>_<field>`` (``o1_base``, ``o2_stock`` ...), so a result page's address
holds its offers and can be bookmarked or shared. An offer whose fields are all blank is left
out; a message for a bad value is kept next to its field, never raised.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import cast

from barraiser.pay import MAX_AMOUNT, MAX_OFFERS, Offer
from barraiser.pay.offers import (
    PRESET_LABELS,
    REFRESHER_LABELS,
    RefresherVesting,
    VestingPreset,
    vesting_problem,
)

AMOUNT_FIELDS: tuple[tuple[str, str], ...] = (
    ("base", "Base salary (a year)"),
    ("sign1", "Sign-on bonus, year 1"),
    ("sign2", "Sign-on bonus, year 2"),
    ("stock", "Stock grant (total value)"),
    ("refresher", "Refresher grant (value each year)"),
)
FIELD_NAMES = (
    "name",
    *(name for name, _ in AMOUNT_FIELDS),
    "vesting",
    "custom",
    "refresher_vesting",
)
#: A value longer than this is not an amount anybody typed.
MAX_FIELD_CHARS = 60
_AMOUNT = re.compile(r"^(?P<number>[0-9]*\.?[0-9]+)(?P<unit>[km]?)$")
_UNITS = {"": 1.0, "k": 1_000.0, "m": 1_000_000.0}
_PERCENT_SPLIT = re.compile(r"[/,;\s]+")


def _money(value: float) -> str:
    return f"${value:,.0f}"


def parse_amount(text: str) -> float:
    """Dollars from what a person types: ``150000``, ``150,000``, ``$150k``, ``1.2m``.

    Raises ValueError with a sentence saying what to type instead.
    """
    cleaned = text.strip().lower().replace(",", "").replace("_", "").replace(" ", "")
    negative = cleaned.startswith("-")
    cleaned = cleaned.lstrip("-+").lstrip("$").removeprefix("us$")
    match = _AMOUNT.match(cleaned) if len(cleaned) <= MAX_FIELD_CHARS else None
    if match is None:
        raise ValueError("Enter an amount in dollars, such as 150000, 150,000 or 150k.")
    value = float(match["number"]) * _UNITS[match["unit"]]
    if negative and value > 0:
        raise ValueError("An amount cannot be negative: enter 0 if there is none.")
    if not math.isfinite(value) or value > MAX_AMOUNT:
        raise ValueError(
            f"That is more than {_money(MAX_AMOUNT)}: check the number (amounts are in dollars, "
            "such as 150000 or 150k)."
        )
    return value


def parse_percentages(text: str) -> list[float]:
    """Yearly percentages from ``5/15/40/40`` (slashes, commas or spaces; ``%`` allowed)."""
    parts = [p for p in _PERCENT_SPLIT.split(text.replace("%", " ").strip()) if p]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if not values or any(not math.isfinite(v) for v in values):
        raise ValueError(
            "Enter the yearly percentages as numbers separated by slashes, such as 10/20/30/40."
        )
    problem = vesting_problem(values)
    if problem:
        raise ValueError(problem)
    return values


@dataclass
class OfferForm:
    """One offer's fields as typed, with a message per field that has a problem."""

    index: int
    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)

    def key(self, name: str) -> str:
        """The query parameter (and element id) of one field."""
        return f"o{self.index}_{name}"

    @property
    def blank(self) -> bool:
        typed = ("name", "custom", *(name for name, _ in AMOUNT_FIELDS))
        return not any(self.values.get(name, "").strip() for name in typed)

    @property
    def title(self) -> str:
        return self.values.get("name", "").strip() or f"Offer {self.index}"


@dataclass
class PayForm:
    """The whole form: three offers' fields, the offers they make, and the problems."""

    offers: list[OfferForm]
    submitted: bool
    parsed: list[Offer]
    general_error: str | None = None

    @property
    def problems(self) -> list[tuple[str, str, str]]:
        """Every field problem as (element id, offer title, message), in form order."""
        return [
            (form.key(name), form.title, form.errors[name])
            for form in self.offers
            for name in FIELD_NAMES
            if name in form.errors
        ]

    @property
    def ok(self) -> bool:
        return self.submitted and not self.general_error and not self.problems


def _offer(form: OfferForm) -> Offer | None:
    values = form.values
    name = values.get("name", "").strip()
    if len(name) > MAX_FIELD_CHARS:
        form.errors["name"] = f"Keep the name to {MAX_FIELD_CHARS} characters."
    amounts: dict[str, float] = {}
    for key, _label in AMOUNT_FIELDS:
        raw = values.get(key, "").strip()
        if not raw:
            if key == "base":
                form.errors[key] = "Enter the base salary (0 if there is none)."
            continue
        try:
            amounts[key] = parse_amount(raw)
        except ValueError as exc:
            form.errors[key] = str(exc)
    vesting = values.get("vesting") or "amazon"
    if vesting not in PRESET_LABELS:
        form.errors["vesting"] = "Choose one of the listed vesting schedules."
    custom: list[float] | None = None
    if vesting == "custom":
        raw_custom = values.get("custom", "").strip()
        if not raw_custom:
            form.errors["custom"] = "Enter the yearly percentages, such as 10/20/30/40."
        else:
            try:
                custom = parse_percentages(raw_custom)
            except ValueError as exc:
                form.errors["custom"] = str(exc)
    refresher_vesting = values.get("refresher_vesting") or "even-next-year"
    if refresher_vesting not in REFRESHER_LABELS:
        form.errors["refresher_vesting"] = "Choose one of the listed refresher schedules."
    if form.errors:
        return None
    return Offer(
        name=name or f"Offer {form.index}",
        base_salary=amounts["base"],
        sign_on_year1=amounts.get("sign1", 0.0),
        sign_on_year2=amounts.get("sign2", 0.0),
        stock_grant=amounts.get("stock", 0.0),
        vesting=cast(VestingPreset, vesting),
        custom_vesting=custom,
        refresher_per_year=amounts.get("refresher", 0.0),
        refresher_vesting=cast(RefresherVesting, refresher_vesting),
    )


def _unique_names(offers: list[Offer]) -> list[Offer]:
    """Offers named alike get " (2)", " (3)" so that the chart and tables tell them apart."""
    seen: dict[str, int] = {}
    named = []
    for offer in offers:
        count = seen.get(offer.name, 0) + 1
        seen[offer.name] = count
        named.append(
            offer if count == 1 else offer.model_copy(update={"name": f"{offer.name} ({count})"})
        )
    return named


def read_form(params: Mapping[str, str]) -> PayForm:
    """The form from query parameters: empty (nothing submitted) or offers and their problems."""
    forms = [
        OfferForm(
            index=k,
            values={
                name: params.get(f"o{k}_{name}", "")[: MAX_FIELD_CHARS * 4] for name in FIELD_NAMES
            },
        )
        for k in range(1, MAX_OFFERS + 1)
    ]
    submitted = any(re.fullmatch(r"o\d+_\w+", key) for key in params)
    parsed: list[Offer] = []
    if not submitted:
        return PayForm(offers=forms, submitted=False, parsed=parsed)
    for form in forms:
        if form.blank:
            continue
        offer = _offer(form)
        if offer is not None:
            parsed.append(offer)
    general = None
    if all(form.blank for form in forms):
        general = "Fill in at least one offer: its base salary, and any bonus and stock."
    return PayForm(
        offers=forms, submitted=True, parsed=_unique_names(parsed), general_error=general
    )
