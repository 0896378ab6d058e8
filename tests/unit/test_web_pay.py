"""The pay page and its JSON API through FastAPI's TestClient: figures, results, messages, CSP."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from fastapi import FastAPI

from barraiser.config import Settings
from barraiser.web.app import create_app
from barraiser.web.routes.pay_pages import EXAMPLE_QUERY
from web_client import TestClient

TWO_OFFERS = {
    "o1_name": "Amazon L5",
    "o1_base": "165000",
    "o1_sign1": "60k",
    "o1_sign2": "45,000",
    "o1_stock": "240000",
    "o1_vesting": "amazon",
    "o1_refresher": "50000",
    "o1_refresher_vesting": "same",
    "o2_name": "Other co",
    "o2_base": "175000",
    "o2_sign1": "20000",
    "o2_stock": "200000",
    "o2_vesting": "even",
    "o2_refresher": "40000",
    "o2_refresher_vesting": "even-next-year",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    data = tmp_path_factory.mktemp("pay-data")
    settings = Settings(
        data_dir=data,
        database_url=f"sqlite:///{data / 'barraiser_test.db'}",
        extra_content_dir=None,
        host="127.0.0.1",
        port=8000,
    )
    return create_app(settings)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_pay_is_in_the_navigation(client: TestClient) -> None:
    home = client.get("/")
    assert '<a href="/pay">Pay</a>' in home.text
    page = client.get("/pay")
    assert '<a href="/pay" aria-current="page">Pay</a>' in page.text


def test_the_empty_page_shows_the_guides_figures_and_the_form(client: TestClient) -> None:
    response = client.get("/pay")
    assert response.status_code == 200
    text = _text(response.text)
    for fact in ("$150K", "$147K", "$84K to $192K", "205", "$194K", "$202K", "202"):
        assert fact in text, fact
    assert "Interview Query" in text and "published 2024" in text
    assert "rough guide" in text
    assert 'method="get" action="/pay#compare"' in response.text
    for k in (1, 2, 3):
        assert f'name="o{k}_base"' in response.text
    assert "pay-summary" not in response.text and "field-error" not in response.text


def test_two_offers_give_year_by_year_and_four_year_totals(client: TestClient) -> None:
    response = client.get("/pay?" + urlencode(TWO_OFFERS))
    assert response.status_code == 200
    rows = re.findall(r'<tr data-offer="(\d)">(.*?)</tr>', response.text, re.S)
    cells = {n: re.findall(r'<td class="num[^"]*">([^<]+)</td>', row) for n, row in rows}
    assert cells["1"] == ["$1,047,500", "$237,000", "$248,500", "$271,000", "$291,000"]
    assert cells["2"] == ["$980,000", "$245,000", "$235,000", "$245,000", "$255,000"]
    assert "Amazon L5</strong> pays the most over four years" in response.text
    # The chart: inline SVG with a title and a data table, and no script anywhere in the page.
    assert re.search(r'<figure class="chart chart-pay"[^>]*><svg [^>]*role="img"', response.text)
    assert "Data table: Pay per year for each offer" in response.text
    assert "<script>" not in response.text and " onclick=" not in response.text
    # What was typed stays in the form.
    assert 'value="60k"' in response.text and 'value="Amazon L5"' in response.text


def test_the_example_link_fills_two_offers(client: TestClient) -> None:
    page = client.get("/pay")
    assert EXAMPLE_QUERY.replace("&", "&amp;") in page.text
    response = client.get("/pay?" + EXAMPLE_QUERY)
    assert len(re.findall(r'<tr data-offer="\d">', response.text)) == 2


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"o1_base": "-5"}, "o1_base", "cannot be negative"),
        ({"o1_base": "abc"}, "o1_base", "Enter an amount in dollars"),
        ({"o1_base": "1", "o1_stock": "200000000"}, "o1_stock", "more than $100,000,000"),
        (
            {"o1_base": "1", "o1_vesting": "custom", "o1_custom": "10/20/30"},
            "o1_custom",
            "add up to 60%",
        ),
        ({"o1_base": "1", "o1_vesting": "custom"}, "o1_custom", "Enter the yearly percentages"),
        ({"o1_base": "1", "o1_vesting": "monthly"}, "o1_vesting", "listed vesting schedules"),
        ({"o2_stock": "1000"}, "o2_base", "Enter the base salary"),
    ],
)
def test_bad_values_get_a_message_next_to_the_field(
    client: TestClient, params: dict[str, str], field: str, message: str
) -> None:
    response = client.get("/pay?" + urlencode(params))
    assert response.status_code == 200
    error = re.search(rf'<p class="field-error" id="{field}-error">([^<]+)</p>', response.text)
    assert error is not None and message in error.group(1).replace("&#39;", "'")
    assert f'aria-describedby="{field}-error"' in response.text
    assert 'id="pay-errors"' in response.text and "pay-summary" not in response.text


def test_a_submitted_empty_form_asks_for_an_offer(client: TestClient) -> None:
    response = client.get("/pay?o1_base=&o2_base=")
    assert response.status_code == 200
    assert "Fill in at least one offer" in response.text


def test_hostile_input_is_never_a_server_error(client: TestClient) -> None:
    params = {"o1_base": "1" * 5000, "o1_name": "<script>x</script>" * 10, "o9_base": "1"}
    response = client.get("/pay?" + urlencode(params))
    assert response.status_code == 200
    assert "<script>x" not in response.text


def test_the_page_keeps_the_content_security_policy(client: TestClient) -> None:
    response = client.get("/pay?" + urlencode(TWO_OFFERS))
    policy = response.headers["content-security-policy"]
    assert (
        "script-src 'self'" in policy
        and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert not re.search(r"<script(?![^>]*\bsrc=)", response.text)


# --- JSON API --------------------------------------------------------------------------------


def test_api_compare_takes_the_forms_query(client: TestClient) -> None:
    response = client.get("/api/pay/compare?" + urlencode(TWO_OFFERS))
    assert response.status_code == 200
    body = response.json()
    assert body["horizon_years"] == 4 and body["highest"] == "Amazon L5"
    first, second = body["offers"]
    assert [y["total"] for y in first["years"]] == [237_000, 248_500, 271_000, 291_000]
    assert first["stock_schedule"] == [5, 15, 40, 40]
    assert second["four_year_total"] == 980_000


def test_api_compare_names_the_bad_query_field(client: TestClient) -> None:
    response = client.get("/api/pay/compare?o1_base=1&o1_vesting=custom&o1_custom=50/40")
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "o1_custom"] and "add up to 90%" in problem["msg"]
    empty = client.get("/api/pay/compare")
    assert empty.status_code == 422 and "at least one offer" in empty.json()["detail"][0]["msg"]


def test_api_compare_takes_json(client: TestClient) -> None:
    offers = [
        {"name": "A", "base_salary": 150_000, "stock_grant": 200_000, "vesting": "amazon"},
        {"name": "B", "base_salary": 160_000, "stock_grant": 200_000, "vesting": "even"},
    ]
    response = client.post("/api/pay/compare", json={"offers": offers})
    assert response.status_code == 200
    a, b = response.json()["offers"]
    assert [y["stock"] for y in a["years"]] == [10_000, 30_000, 80_000, 80_000]
    assert [y["stock"] for y in b["years"]] == [50_000] * 4
    bad = client.post(
        "/api/pay/compare",
        json={"offers": [{"base_salary": -1}, {"base_salary": 1, "vesting": "custom"}]},
    )
    assert bad.status_code == 422
    too_many = client.post("/api/pay/compare", json={"offers": [{"base_salary": 1}] * 4})
    assert too_many.status_code == 422


def test_api_figures_and_schema(client: TestClient) -> None:
    figures = client.get("/api/pay/figures").json()
    assert figures["base"]["median_usd"] == 150_000 and figures["published"] == "2024"
    paths = client.get("/openapi.json").json()["paths"]
    assert {"get", "post"} <= set(paths["/api/pay/compare"])
    assert "/api/pay/figures" in paths and "/pay" not in paths


def test_offers_of_nothing_still_draw(client: TestClient) -> None:
    response = client.get("/pay?o1_base=0&o2_base=0")
    assert response.status_code == 200
    assert "chart-pay" in response.text and "$0" in response.text
