"""Pay: the guide's Amazon ML engineer pay figures and an offer comparison calculator.

Pure code (no I/O, no web): the web pages and the JSON API call :func:`compare`.
"""

from barraiser.pay.market import AMAZON_MLE_PAY, PayFigures, PayStat
from barraiser.pay.offers import (
    HORIZON_YEARS,
    MAX_AMOUNT,
    MAX_OFFERS,
    Comparison,
    Offer,
    OfferResult,
    RefresherVesting,
    VestingPreset,
    YearPay,
    compare,
    schedule_for,
)

__all__ = [
    "AMAZON_MLE_PAY",
    "HORIZON_YEARS",
    "MAX_AMOUNT",
    "MAX_OFFERS",
    "Comparison",
    "Offer",
    "OfferResult",
    "PayFigures",
    "PayStat",
    "RefresherVesting",
    "VestingPreset",
    "YearPay",
    "compare",
    "schedule_for",
]
