"""The labs in the web app: list and lab pages, runs in the background, figures, JSON API.

A real lab is run at its fast size (the quickest one installed, picked from the registry), in a
temporary data folder, through the same requests the browser and HTMX send.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from barraiser.config import Settings
from barraiser.labs import Lab, LabContext, LabError, all_labs, registry
from barraiser.labs.base import Table
from barraiser.labs.data import BREAST_CANCER
from barraiser.web.app import create_app
from barraiser.web.lab_runs import LabCache, LabRunner, LabRunsBusy
from barraiser.web.lab_views import format_cell, table_rows
from web_client import TestClient

#: Guide questions whose labs are quick at the fast size, quickest first (deep-learning last).
QUICK_FIRST = (12, 11, 4, 1, 5, 6, 15, 3, 10, 2, 8, 7, 14, 13, 9)
RUN_TIMEOUT_S = 180.0
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
IMG_SRC = re.compile(r'<img src="([^"]+)"')


def _quickest_lab() -> Lab:
    labs = all_labs()
    assert labs, "no lab module found (src/barraiser/labs/qNN_*.py)"
    rank = {number: i for i, number in enumerate(QUICK_FIRST)}
    return min(labs, key=lambda lab: (rank.get(lab.guide_question, 99), lab.id))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    data = tmp_path_factory.mktemp("web-labs")
    settings = Settings(
        data_dir=data,
        database_url=f"sqlite:///{data / 'barraiser_test.db'}",
        extra_content_dir=None,
        host="127.0.0.1",
        port=8000,
    )
    yield create_app(settings, judge_slots=1)


@pytest.fixture(scope="module")
def lab() -> Lab:
    return _quickest_lab()


@pytest.fixture(scope="module")
def fast_run(client: TestClient, lab: Lab) -> dict[str, Any]:
    """Start a fast run of the quickest lab through the API and poll it until it has ended."""
    started = client.post(f"/api/labs/{lab.id}/runs", json={"fast": True})
    assert started.status_code == 202, started.text
    run = started.json()
    assert run["lab_id"] == lab.id and run["size"] == "fast"
    assert run["status"] in {"queued", "running", "done"}
    deadline = time.monotonic() + RUN_TIMEOUT_S
    seen: set[str] = {run["status"]}
    while run["status"] in {"queued", "running"}:
        assert time.monotonic() < deadline, f"lab {lab.id} did not finish in {RUN_TIMEOUT_S} s"
        time.sleep(0.25)
        polled = client.get(f"/api/labs/runs/{run['id']}")
        assert polled.status_code == 200, polled.text
        run = polled.json()
        seen.add(run["status"])
    assert run["status"] == "done", run.get("error")
    run["seen"] = seen
    return run


# --- before any run ------------------------------------------------------------------------


def test_labs_are_in_the_main_navigation(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200
    assert '<a href="/labs">Labs</a>' in home.text
    page = client.get("/labs")
    assert '<a href="/labs" aria-current="page">Labs</a>' in page.text


def test_the_list_page_and_the_api_list_every_lab(client: TestClient) -> None:
    labs = all_labs()
    page = client.get("/labs")
    assert page.status_code == 200
    listed = re.findall(r'<li class="q-row lab-row" data-id="([^"]+)"', page.text)
    assert listed == [lab.id for lab in labs]
    for lab in labs:
        assert f'href="/labs/{lab.id}"' in page.text
        assert f'href="/questions/{lab.question_id}"' in page.text
        assert f"Guide Q{lab.guide_question}" in page.text
    api = client.get("/api/labs")
    assert api.status_code == 200
    items = api.json()
    assert [item["id"] for item in items] == [lab.id for lab in labs]
    for item, lab in zip(items, labs, strict=True):
        assert item["title"] == lab.title
        assert item["question_id"] == lab.question_id
        assert item["guide_question"] == lab.guide_question
        assert isinstance(item["cached"], bool)
        assert item["datasets"] and {"id", "licence", "citation"} <= set(item["datasets"][0])


def test_a_lab_page_before_a_run_offers_to_run_it(client: TestClient, lab: Lab) -> None:
    assert client.get(f"/api/labs/{lab.id}").json() is None
    page = client.get(f"/labs/{lab.id}")
    assert page.status_code == 200
    text = page.text
    assert f"<h1>{_esc(lab.title)}</h1>" in text
    assert f'href="/questions/{lab.question_id}"' in text
    for dataset in lab.datasets:
        assert _esc(dataset.licence) in text and _esc(dataset.citation) in text
    assert ">Run this lab</button>" in text and ">Quick run</button>" in text
    assert f'hx-post="/labs/{lab.id}/runs?size=fast"' in text
    assert "has not been run on this machine yet" in text
    assert "lab-claim" not in text


def test_an_unknown_lab_is_a_404_page_in_the_apps_style(client: TestClient) -> None:
    page = client.get("/labs/no-such-lab")
    assert page.status_code == 404
    assert "Lab not found" in page.text and 'class="site-header"' in page.text
    assert 'href="/labs"' in page.text
    assert client.post("/labs/no-such-lab/runs?size=fast").status_code == 404
    for method, path in [
        ("GET", "/api/labs/no-such-lab"),
        ("POST", "/api/labs/no-such-lab/runs"),
        ("GET", "/api/labs/runs/no-such-run"),
    ]:
        response = client.request(method, path, json={"fast": True})
        assert response.status_code == 404, path
        assert "no-such" in response.json()["detail"]


def test_the_api_is_documented(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    assert {"get"} <= set(paths["/api/labs"])
    assert {"get"} <= set(paths["/api/labs/{lab_id}"])
    assert {"post"} <= set(paths["/api/labs/{lab_id}/runs"])
    assert {"get"} <= set(paths["/api/labs/runs/{run_id}"])
    models = schema["components"]["schemas"]
    assert {"LabSummary", "LabRunIn", "LabRunOut", "LabResult", "Claim"} <= set(models)
    assert "/labs" not in paths  # pages stay out of the API schema


# --- a real fast run ------------------------------------------------------------------------


def test_a_fast_run_through_the_api_returns_the_result(fast_run: dict[str, Any], lab: Lab) -> None:
    result = fast_run["result"]
    assert result is not None and result["id"] == lab.id and result["size"] == "fast"
    assert fast_run["fraction"] == 1.0 and fast_run["error"] is None
    assert fast_run["started_at"] and fast_run["finished_at"]
    assert result["claims"], "a lab checks claims"
    for claim in result["claims"]:
        assert isinstance(claim["text"], str) and isinstance(claim["holds"], bool)


def test_after_the_run_the_page_shows_claims_and_figures(
    client: TestClient, fast_run: dict[str, Any], lab: Lab
) -> None:
    result = fast_run["result"]
    page = client.get(f"/labs/{lab.id}")
    assert page.status_code == 200
    text = page.text
    verdicts = re.findall(r'data-holds="(true|false)"', text)
    assert verdicts == ["true" if c["holds"] else "false" for c in result["claims"]]
    held = sum(c["holds"] for c in result["claims"])
    assert f"{held} of {len(result['claims'])} hold" in text
    for claim in result["claims"]:
        assert _esc(claim["text"]) in text and _esc(claim["evidence"]) in text
    assert text.count(">Holds</span>") == held
    assert text.count(">Fails</span>") == len(result["claims"]) - held
    assert "Quick run" in text and "Ran " in text
    sources = IMG_SRC.findall(text)
    assert len(sources) == len(result["figures"]) >= 1
    for src in sources:
        image = client.get(src.replace("&amp;", "&"))
        assert image.status_code == 200
        assert image.headers["content-type"] == "image/png"
        assert image.content.startswith(PNG_MAGIC)
    for number, table in enumerate(result["tables"], 1):
        title = _esc(table["title"])
        caption = f'<caption id="lab-table-{number}" class="visually-hidden">{title}</caption>'
        assert caption in text
        assert f'aria-labelledby="lab-table-{number}"' in text
    # The API and the list page now know the cached result.
    assert client.get(f"/api/labs/{lab.id}").json()["cache_key"] == result["cache_key"]
    listed = {item["id"]: item for item in client.get("/api/labs").json()}[lab.id]
    assert listed["cached"] and listed["cached_sizes"] == ["fast"]
    assert listed["claims_held"] == held
    assert listed["claims_failed"] == len(result["claims"]) - held
    row = client.get("/labs").text
    assert f'data-held="{held}" data-failed="{len(result["claims"]) - held}"' in row


def test_htmx_run_polls_then_swaps_in_the_result(
    client: TestClient, fast_run: dict[str, Any], lab: Lab
) -> None:
    htmx = {"HX-Request": "true"}
    started = client.post(f"/labs/{lab.id}/runs?size=fast", headers=htmx)
    assert started.status_code == 200
    assert 'id="lab-run"' in started.text
    panel = started.text
    deadline = time.monotonic() + 30
    while "hx-trigger=" in panel:
        poll = re.search(r'hx-get="([^"]+)"', panel)
        assert poll is not None
        time.sleep(0.1)
        panel = client.get(poll.group(1), headers=htmx).text
        assert time.monotonic() < deadline
    # The ended run stops polling and brings the results along, out of band.
    assert 'hx-swap-oob="true"' in panel and 'id="lab-result"' in panel
    assert "Finished" in panel and "data-holds=" in panel
    # Without HTMX, a form post is sent back to the lab page.
    plain = client.post(f"/labs/{lab.id}/runs?size=fast", follow_redirects=False)
    assert plain.status_code == 303 and plain.headers["location"] == f"/labs/{lab.id}"


def test_the_figure_route_serves_only_figures_of_the_result(
    client: TestClient, app: FastAPI, fast_run: dict[str, Any], lab: Lab
) -> None:
    figure = fast_run["result"]["figures"][0]["file"]
    base = f"/labs/{lab.id}/figures/fast"
    assert client.get(f"{base}/{figure}").status_code == 200
    # A file beside the figures that the result does not name is not served.
    entry = Path(app.state.lab_runner.cache.get(lab.id, "fast").entry)
    (entry / "secret.png").write_bytes(PNG_MAGIC)
    refused = [
        f"{base}/result.json",
        f"{base}/secret.png",
        f"{base}/..%2F..%2F..%2Fbarraiser_test.db",
        f"{base}/%2e%2e",
        f"{base}/..%2Fresult.json",
        f"/labs/{lab.id}/figures/full/{figure}",  # no full-size result
        f"/labs/no-such-lab/figures/fast/{figure}",
        f"/labs/{lab.id}/figures/fast/..%5C..%5Cresult.json",
    ]
    for path in refused:
        response = client.get(path)
        assert response.status_code in {400, 404}, path
        assert not response.content.startswith(PNG_MAGIC), path
        assert b'"claims"' not in response.content, path
    assert client.get(f"/labs/{lab.id}/figures/../../../etc/passwd").status_code == 404


def test_the_question_page_partial_links_to_the_evidence(app: FastAPI, lab: Lab) -> None:
    bank = app.state.bank
    templates = app.state.templates
    partial = templates.get_template("partials/question_labs.html")
    question = bank.questions[lab.question_id]
    html = partial.render(question=question)
    assert "See the evidence" in html and f'href="/labs/{lab.id}"' in html
    backed = {lab.question_id for lab in all_labs()}
    other = next(q for qid, q in bank.questions.items() if qid not in backed)
    assert partial.render(question=other).strip() == ""


def test_every_question_page_with_a_lab_links_to_it(client: TestClient) -> None:
    for backing in all_labs():
        page = client.get(f"/questions/{backing.question_id}")
        assert page.status_code == 200
        assert "See the evidence" in page.text and f'href="/labs/{backing.id}"' in page.text


# --- failures and the queue, with stand-in labs ----------------------------------------------


def _stand_in(lab_id: str, run: Any) -> Lab:
    return Lab(
        id=lab_id,
        title=f"Stand-in {lab_id}",
        question_id="adam-optimizer",
        guide_question=14,
        summary="A lab for the web tests.",
        datasets=[BREAST_CANCER],
        run=run,
        module=__name__,
    )


def _missing_data(ctx: LabContext) -> None:
    ctx.progress("loading", 0.1)
    raise LabError("Fashion-MNIST is not installed: run `apt-get install dataset-fashion-mnist`")


def _crashes(ctx: LabContext) -> None:
    raise ZeroDivisionError("division by zero")


def test_a_failed_run_shows_the_sentence_not_a_traceback(
    client: TestClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    labs = {lab.id: lab for lab in all_labs()}
    labs["needs-data"] = _stand_in("needs-data", _missing_data)
    labs["crashes"] = _stand_in("crashes", _crashes)
    monkeypatch.setattr(registry, "_labs", lambda: labs)
    runner: LabRunner = app.state.lab_runner

    run = client.post("/api/labs/needs-data/runs", json={"fast": True}).json()
    ended = runner.wait(run["id"], 30)
    assert ended is not None and ended.status == "failed"
    out = client.get(f"/api/labs/runs/{run['id']}").json()
    assert out["status"] == "failed" and out["result"] is None
    assert out["error"].startswith("Fashion-MNIST is not installed")
    panel = client.get(f"/labs/needs-data/runs/{run['id']}", headers={"HX-Request": "true"})
    assert 'role="alert"' in panel.text and "apt-get install dataset-fashion-mnist" in panel.text
    assert "hx-trigger=" not in panel.text

    run = client.post("/api/labs/crashes/runs", json={"fast": False}).json()
    assert runner.wait(run["id"], 30) is not None
    out = client.get(f"/api/labs/runs/{run['id']}").json()
    assert out["status"] == "failed"
    assert "ZeroDivisionError" in out["error"] and "barraiser lab run crashes" in out["error"]
    for text in (out["error"], client.get("/labs/crashes").text):
        assert "Traceback" not in text and 'File "' not in text


def test_one_run_at_a_time_later_ones_wait_then_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    order: list[str] = []

    def waits(ctx: LabContext) -> None:
        order.append(f"start {ctx.out_dir.parent.name}")
        assert gate.wait(30)
        ctx.claim("ok", "It ran.", True, "it ran")
        order.append(f"end {ctx.out_dir.parent.name}")

    labs = {f"w{i}": _stand_in(f"w{i}", waits) for i in range(7)}
    monkeypatch.setattr(registry, "_labs", lambda: labs)
    runner = LabRunner(LabCache(tmp_path / "cache"))
    first = runner.start("w0", "fast")
    assert runner.start("w0", "fast").id == first.id  # the same run, not a second one
    waiting = [runner.start(f"w{i}", "fast") for i in range(1, 5)]
    assert runner.ahead_of(waiting[-1].id) == 4
    with pytest.raises(LabRunsBusy, match="try again"):
        runner.start("w5", "fast")
    gate.set()
    for run in [first, *waiting]:
        ended = runner.wait(run.id, 30)
        assert ended is not None and ended.status == "done", ended
    starts = [line for line in order if line.startswith("start")]
    assert [line.split()[1] for line in starts] == ["w0", "w1", "w2", "w3", "w4"]
    # Each run started after the previous one ended: one lab at a time.
    assert order == [item for w in range(5) for item in (f"start w{w}", f"end w{w}")]
    assert runner.cache.get("w3", "fast") is not None


def test_numbers_are_formatted_for_reading() -> None:
    assert format_cell(0.853212) == "0.853"
    assert format_cell(12.3456) == "12.3"
    assert format_cell(123456.7) == "123,457"
    assert format_cell(2.0) == "2"
    assert format_cell(1234) == "1,234"
    assert format_cell(0.000123) == "1.23e-4"
    # Small numbers keep their digits: a learning rate reads 1e-3, never 0.00 or 0.001.
    assert format_cell(0.001) == "1e-3"
    assert format_cell(0.001, 2) == "1e-3"
    assert format_cell(0.05, 2) == "0.05"
    assert format_cell(0.0) == "0"
    rates = Table(
        title="rates",
        columns=["optimiser", "learning rate", "loss"],
        rows=[["SGD", 0.1, 2.31], ["Adam", 0.001, 0.52], ["RMSProp", 0.0003, 12.4]],
    )
    assert [[text for text, _ in row] for row in table_rows(rates)] == [
        ["SGD", "0.100", "2.3"],
        ["Adam", "1e-3", "0.52"],
        ["RMSProp", "3e-4", "12.4"],
    ]
    assert format_cell(None) == "—"
    assert format_cell(float("nan")) == "—"
    assert format_cell("random forest") == "random forest"
    # One format per column: a column of scores keeps its decimals, whole numbers their commas.
    table = Table(
        title="t",
        columns=["model", "rows", "MAE", "R2"],
        rows=[
            ["linear", 1030, 10.6, 0.597],
            ["forest", 442, 7.576, 0.5],
            ["none", None, 8.0, None],
        ],
    )
    assert [[text for text, _ in row] for row in table_rows(table)] == [
        ["linear", "1,030", "10.6", "0.597"],
        ["forest", "442", "7.6", "0.500"],
        ["none", "—", "8.0", "—"],
    ]
    assert [number for _, number in table_rows(table)[0]] == [False, True, True, True]


def _esc(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))
