"""HTML pages of the judge: the list of coding problems and a problem with its code editor."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from starlette.responses import Response

from barraiser.web.deps import BankDep, TemplatesDep
from barraiser.web.judge_models import LANGUAGE_LABELS, ProblemDetail
from barraiser.web.routes.pages import render_error

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def json_for_script(value: object) -> Markup:
    # Safe inside <script type="application/json">: "<", ">" and "&" cannot close the tag.
    text = json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


#: The problem kinds, as the filter of the problems page names them.
PROBLEM_KIND_LABELS: dict[str, str] = {"dsa": "Algorithms", "ml-coding": "ML coding"}


@router.get("/problems")
def problems(request: Request, bank: BankDep, templates: TemplatesDep, kind: str = "") -> Response:
    """Every coding problem with its difficulty and topics; ``?kind=`` keeps one kind."""
    order = {"easy": 0, "medium": 1, "hard": 2}
    chosen = kind if kind in PROBLEM_KIND_LABELS else ""
    items = sorted(
        (p for p in bank.problems.values() if not chosen or p.problem.kind == chosen),
        key=lambda p: (order.get(p.problem.difficulty, 3), p.problem.title.lower(), p.id),
    )
    context = {"problems": items, "kind": chosen, "kind_labels": PROBLEM_KIND_LABELS}
    return templates.TemplateResponse(request, "problems.html", context)


@router.get("/problems/{problem_id}")
def problem_page(
    problem_id: str, request: Request, bank: BankDep, templates: TemplatesDep
) -> Response:
    """A problem: statement, samples, constraints, hints and the editor with Run and Submit."""
    loaded = bank.problems.get(problem_id)
    if loaded is None:
        return render_error(
            request,
            templates,
            404,
            "Problem not found",
            f"There is no coding problem with the id “{problem_id}”. Pick one from the list.",
            [("/problems", "See all problems"), ("/", "Go to the home page")],
        )
    detail = ProblemDetail.of(loaded)
    return templates.TemplateResponse(
        request, "problem.html", {"p": detail, **editor_context(detail)}
    )


def editor_context(
    detail: ProblemDetail,
    *,
    submit_url: str | None = None,
    draft_scope: str | None = None,
    accepted_url: str | None = None,
) -> dict[str, Any]:
    """What the editor macro and static/problem.js need for ``detail``: the languages, the
    editor's config (as JSON for a script tag) and the sample formatter.

    ``submit_url`` sends runs elsewhere than ``/api/submissions`` (a session's item), and
    ``draft_scope`` keeps the browser drafts of that place apart from the problem page's;
    ``accepted_url`` is the page to open once a submission is accepted (a round's item, where
    the interviewer then asks about the approach).
    """
    # An ML-coding problem is solved in Python only: the picker offers the problem's languages.
    languages = {lang: LANGUAGE_LABELS[lang] for lang in detail.languages}
    config: dict[str, object] = {
        "problem_id": detail.id,
        "style": detail.style,
        "starter": detail.starter_code,
        "languages": languages,
        "params": [p.name for p in detail.signature.params] if detail.signature else [],
        "sample_input": first_sample_input(detail),
    }
    if submit_url is not None:
        config["submit_url"] = submit_url
    if draft_scope is not None:
        config["draft_scope"] = draft_scope
    if accepted_url is not None:
        config["accepted_url"] = accepted_url
    return {
        "languages": languages,
        "config_json": json_for_script(config),
        "sample_args": sample_args,
    }


def sample_args(args: dict[str, object]) -> str:
    """``prices = [4, 11]`` then ``target = 18``, one argument per line."""
    return "\n".join(f"{name} = {json.dumps(value)}" for name, value in args.items())


def first_sample_input(detail: ProblemDetail) -> str:
    """The custom-input box starts with the first sample, in the form the judge reads."""
    if not detail.samples:
        return ""
    sample = detail.samples[0]
    if sample.args is not None:
        return json.dumps(sample.args)
    return sample.input or ""
