"""The pay page (``/pay``): the guide's Amazon figures and the offer calculator, and its API.

The calculator is a GET form computed on the server, so it works without JavaScript and its
result address can be bookmarked. ``GET /api/pay/compare`` takes the same query parameters
and ``POST /api/pay/compare`` takes the offers as JSON.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.responses import Response

from barraiser.interview.chart_svg import num
from barraiser.pay import AMAZON_MLE_PAY, MAX_OFFERS, Comparison, Offer, PayFigures, compare
from barraiser.pay.offers import PRESET_LABELS, REFRESHER_LABELS
from barraiser.web.deps import TemplatesDep
from barraiser.web.pay_chart import offer_chart
from barraiser.web.pay_form import AMOUNT_FIELDS, read_form

router = APIRouter(default_response_class=HTMLResponse)

#: Two offers a candidate might weigh, as a link that fills the form.
EXAMPLE_QUERY = urlencode(
    {
        "o1_name": "Amazon L5",
        "o1_base": "165000",
        "o1_sign1": "60000",
        "o1_sign2": "45000",
        "o1_stock": "240000",
        "o1_vesting": "amazon",
        "o1_refresher": "50000",
        "o1_refresher_vesting": "same",
        "o2_name": "Other company",
        "o2_base": "175000",
        "o2_sign1": "20000",
        "o2_stock": "200000",
        "o2_vesting": "even",
        "o2_refresher": "40000",
        "o2_refresher_vesting": "even-next-year",
    }
)


def money(value: float) -> str:
    """Whole dollars with thousands separators: ``$150,000``."""
    return f"${value:,.0f}"


def money_k(value: float) -> str:
    """Thousands of dollars, as the guide writes them: ``$150K``."""
    return f"${value / 1000:,.0f}K"


def percents(schedule: list[float]) -> str:
    """``5/15/40/40%``."""
    return "/".join(num(p) for p in schedule) + "%"


class CompareIn(BaseModel):
    """Up to three offers to compare."""

    offers: Annotated[list[Offer], Field(min_length=1, max_length=MAX_OFFERS)]


@router.get("/pay", include_in_schema=False)
def pay_page(request: Request, templates: TemplatesDep) -> Response:
    """Amazon MLE pay as the guide reports it, and the offer comparison calculator."""
    form = read_form(request.query_params)
    comparison = compare(form.parsed) if form.ok else None
    context = {
        "figures": AMAZON_MLE_PAY,
        "form": form,
        "comparison": comparison,
        "chart": offer_chart(comparison) if comparison else None,
        "amount_fields": AMOUNT_FIELDS,
        "preset_labels": PRESET_LABELS,
        "refresher_labels": REFRESHER_LABELS,
        "example_query": EXAMPLE_QUERY,
        "money": money,
        "money_k": money_k,
        "percents": percents,
    }
    return templates.TemplateResponse(request, "pay.html", context)


@router.get("/api/pay/figures", response_class=JSONResponse, tags=["pay"])
def pay_figures() -> PayFigures:
    """Amazon ML engineer pay as the interview guide quotes it, with its source and date."""
    return AMAZON_MLE_PAY


@router.get(
    "/api/pay/compare",
    response_class=JSONResponse,
    response_model=Comparison,
    tags=["pay"],
    responses={422: {"description": "A field has a bad value; `detail` names it and says why."}},
)
def compare_query(request: Request) -> Response:
    """Compare up to three offers given as the /pay form's query parameters.

    For offer N (1 to 3): `oN_name`, `oN_base`, `oN_sign1`, `oN_sign2`, `oN_stock`,
    `oN_vesting` (`amazon`, `even` or `custom`), `oN_custom` (e.g. `10/20/30/40`),
    `oN_refresher` and `oN_refresher_vesting` (`even-next-year` or `same`). Amounts are dollars
    (`150000`, `150k`). The answer is the same as `POST /api/pay/compare`.
    """
    form = read_form(request.query_params)
    if not form.ok:
        detail = [
            {"loc": ["query", key], "msg": message, "type": "value_error"}
            for key, _title, message in form.problems
        ]
        if form.general_error or not form.submitted:
            message = form.general_error or "Give at least one offer, e.g. ?o1_base=150000."
            detail.append({"loc": ["query"], "msg": message, "type": "value_error"})
        return JSONResponse({"detail": detail}, status_code=422)
    return JSONResponse(compare(form.parsed).model_dump(mode="json"))


@router.post("/api/pay/compare", response_class=JSONResponse, tags=["pay"])
def compare_json(body: CompareIn) -> Comparison:
    """Compare up to three offers: pay year by year and over four years for each."""
    return compare(body.offers)
