"""The Amazon ML engineer pay figures quoted by the interview guide, with their source and date."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class PayStat(BaseModel):
    """One pay measure (base salary or total compensation) as the source reports it, in US$."""

    model_config = ConfigDict(frozen=True)

    label: str
    median_usd: int
    mean_usd: int
    min_usd: int
    max_usd: int
    data_points: int
    note: str = ""


class PayFigures(BaseModel):
    """Self-reported pay for one role at one company, from one dated source."""

    model_config = ConfigDict(frozen=True)

    company: str
    role: str
    source: str
    published: str
    base: PayStat
    total: PayStat
    caveats: tuple[str, ...]


#: As printed in the guide (Interview Query's "Amazon Machine Learning Engineer Interview Guide
#: (2024)"), the project's seed document. Its text gives the exact means: US$146,766 base and
#: US$202,028 total compensation.
AMAZON_MLE_PAY = PayFigures(
    company="Amazon",
    role="Machine Learning Engineer",
    source="Interview Query, “Amazon Machine Learning Engineer Interview Guide (2024)”",
    published="2024",
    base=PayStat(
        label="Base salary",
        median_usd=150_000,
        mean_usd=146_766,
        min_usd=84_000,
        max_usd=192_000,
        data_points=205,
    ),
    total=PayStat(
        label="Total compensation",
        median_usd=194_000,
        mean_usd=202_028,
        min_usd=9_000,
        max_usd=448_000,
        data_points=202,
        note=(
            "The $9K low end is as printed; it looks like a partial year or a mistyped report, "
            "so trust the median more than the range."
        ),
    ),
    caveats=(
        "These are self-reported figures from 2024, a couple of hundred reports across levels "
        "and locations; pay moves every year, so treat them as a rough guide, not today's market.",
        "Level (L4, L5, L6) and location change pay more than anything else: compare an offer "
        "with current figures for the same level and city before you negotiate.",
    ),
)
