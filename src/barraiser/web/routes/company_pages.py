"""Company pages: ``/companies`` (every company whose loops barraiser runs) and
``/companies/{id}`` (its process, values, ML work, loops and the questions tagged with it).

The JSON twins are ``GET /api/companies`` and ``GET /api/companies/{id}`` (``routes/api.py``).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from barraiser.web.deps import BankDep, TemplatesDep
from barraiser.web.routes.pages import render_error

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/companies")
def companies(request: Request, bank: BankDep, templates: TemplatesDep) -> Response:
    """Every company, by name, with its loops and how many questions are tagged with it."""
    rows = [
        (
            c,
            bank.company_loops(c.id),
            len(bank.filter_questions(company=c.id)),
        )
        for c in sorted(bank.companies.values(), key=lambda c: c.name)
    ]
    return templates.TemplateResponse(request, "companies.html", {"rows": rows, "bank": bank})


@router.get("/companies/{company_id}")
def company_page(
    company_id: str, request: Request, bank: BankDep, templates: TemplatesDep
) -> Response:
    """One company: process, values (with the principles that grade their stories), ML work,
    its loops and its questions."""
    company = bank.companies.get(company_id)
    if company is None:
        return render_error(
            request,
            templates,
            404,
            "No such company",
            f"There is no company with the id “{company_id}”. Pick one from the list.",
            [("/companies", "See all companies"), ("/loops", "See all loops")],
        )
    context = {
        "company": company,
        "loops": bank.company_loops(company.id),
        "questions": bank.filter_questions(company=company.id),
        "bank": bank,
    }
    return templates.TemplateResponse(request, "company.html", context)
