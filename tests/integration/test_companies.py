"""Other companies' loops as data: companies with their process and values, loops that name
their company, value questions drawn through the company's values, the company filter of the
bank, ``barraiser loops|companies`` and ``/api/companies``, and every shipped loop started by
the real engine on a real store."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from tempfile import gettempdir

import pytest
from fastapi import FastAPI
from pydantic import ValidationError
from typer.testing import CliRunner

from barraiser.cli import app as cli
from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.content.check import check_bank
from barraiser.content.loader import Bank
from barraiser.content.schemas import Question
from barraiser.interview.answers import AnswerService
from barraiser.interview.engine import InterviewService
from barraiser.interview.rounds import loop_of
from barraiser.interview.selection import Picker
from barraiser.store import Store, ensure_local_user
from barraiser.store.models import InterviewSession
from barraiser.web.app import create_app
from web_client import TestClient

#: The loops the issue names, each its own company's.
LOOPS = {
    "amazon-mle": "amazon",
    "quick": "amazon",
    "netflix-mle": "netflix",
    "walmart-mle": "walmart",
    "target-mle": "target",
    "google-mle": "google",
    "meta-mle": "meta",
}
runner = CliRunner()


@pytest.fixture(scope="module")
def bank() -> Bank:
    return get_bank()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data = tmp_path_factory.mktemp("companies-web")
    settings = Settings(
        data_dir=data,
        database_url=f"sqlite:///{data / 'companies.db'}",
        extra_content_dir=None,
        host="127.0.0.1",
        port=8000,
    )
    application: FastAPI = create_app(settings)
    with TestClient(application) as test_client:
        yield test_client


def test_every_named_loop_is_shipped_with_its_company_and_the_content_is_sound(
    bank: Bank,
) -> None:
    assert {loop_id: bank.loops[loop_id].company_id for loop_id in LOOPS} == LOOPS
    assert set(LOOPS.values()) <= set(bank.companies)
    assert check_bank(bank) == []  # company ids, value principles, names, feasibility
    for loop_id, company_id in LOOPS.items():
        assert bank.loops[loop_id].company == bank.companies[company_id].name


def test_only_amazon_has_a_bar_raiser_and_each_company_has_its_own_values(bank: Bank) -> None:
    for loop_id, company_id in LOOPS.items():
        loop = bank.loops[loop_id]
        raisers = [r for r in loop.rounds() if r.bar_raiser]
        if company_id != "amazon":
            assert not raisers and not loop.decision.bar_raiser_veto, loop_id
    assert bank.loops["amazon-mle"].decision.bar_raiser_veto
    amazon = bank.companies["amazon"]
    assert [v.id for v in amazon.values] == list(bank.principles)  # the principles are its values
    assert amazon.value_word == "Leadership Principle"
    for company_id in set(LOOPS.values()) - {"amazon"}:
        company = bank.companies[company_id]
        assert company.values and not company.values_from_principles
        assert company.value_word == f"{company.name} values"
        assert company.value_principles() <= set(bank.principles)
        assert company.as_of.year >= 2026 and company.process and company.ml_applications
        assert len(bank.filter_questions(company=company_id)) >= 8, company_id


def test_value_questions_follow_the_company_and_never_ask_why_amazon_elsewhere(
    bank: Bank,
) -> None:
    assert bank.questions["why-amazon"].company_specific
    for loop_id, company_id in LOOPS.items():
        company = bank.companies[company_id]
        mapped = company.value_principles()
        for seed in range(8):
            picker = Picker(bank, random.Random(seed), company=company)
            for rnd in bank.loops[loop_id].rounds():
                picked = picker.pick(rnd)
                asked = [i.id for i in picked]
                assert len(asked) == len(set(asked))
                if company_id != "amazon":
                    assert "why-amazon" not in asked, (loop_id, seed)
                values = picked[len(picked) - rnd.value_questions :] if rnd.value_questions else []
                for item in values:
                    assert set(item.leadership_principles) & mapped, (loop_id, item.id)


def test_a_question_cannot_be_company_specific_without_companies(bank: Bank) -> None:
    data = bank.questions["why-ml-engineering"].model_dump()
    with pytest.raises(ValidationError, match="company_specific is true but `companies`"):
        Question.model_validate({**data, "company_specific": True, "companies": []})


@pytest.mark.parametrize("loop_id", sorted(LOOPS))
def test_every_loop_starts_on_the_real_engine(loop_id: str, store: Store, bank: Bank) -> None:
    answers = AnswerService(store, bank, Settings(data_dir=Path(gettempdir())))
    service = InterviewService(store, bank, answers=answers)
    with store.session() as session:
        user = ensure_local_user(session).id
    sid = service.start_loop(user, loop_id, seed=3)
    view = service.view(user, sid)
    loop = bank.loops[loop_id]
    assert [len(r.items) for r in view.rounds] == [
        sum(s.count for s in r.questions) + r.value_questions for r in loop.rounds()
    ]
    asked = [i.id for r in view.rounds for i in r.items]
    assert len(asked) == len(set(asked))
    if LOOPS[loop_id] != "amazon":
        assert "why-amazon" not in asked


def test_a_session_stored_before_companies_still_loads(store: Store, bank: Bank) -> None:
    """Sessions keep the loop they started with; those of earlier releases have no company id
    and call value questions ``lp_questions``."""
    stored = bank.loops["quick"].model_dump(mode="json")
    del stored["company_id"]
    for stage in stored["stages"]:
        for rnd in stage["rounds"]:
            rnd["lp_questions"] = rnd.pop("value_questions")
    row = InterviewSession(
        user_id=1,
        loop_id="quick",
        mode="loop",
        status="active",
        started_at=datetime.now(UTC),
        state={"loop": stored, "seed": 1},
    )
    loop = loop_of(row)
    assert loop.company_id == "amazon"
    assert loop.rounds()[1].value_questions == 1


def test_cli_lists_the_loops_as_the_api_does(client: TestClient) -> None:
    result = runner.invoke(cli, ["loops", "list", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert {loop["id"] for loop in listed} >= set(LOOPS)
    assert listed == client.get("/api/loops").json()
    only = json.loads(
        runner.invoke(cli, ["loops", "list", "--company", "netflix", "--json"]).output
    )
    assert [loop["id"] for loop in only] == ["netflix-mle"]
    bad = runner.invoke(cli, ["loops", "list", "--company", "nope"])
    assert bad.exit_code == 1 and "unknown company 'nope'" in bad.output
    shown = runner.invoke(cli, ["loops", "show", "google-mle"])
    assert shown.exit_code == 0 and "How the debrief decides" in shown.output
    rounds, rule = shown.output.split("How the debrief decides")
    assert ", Bar Raiser;" not in rounds and "veto" not in rule


def test_cli_and_api_show_a_company_the_same_way(client: TestClient, bank: Bank) -> None:
    listed = json.loads(runner.invoke(cli, ["companies", "list", "--json"]).output)
    assert listed == client.get("/api/companies").json()
    assert {c["id"] for c in listed} >= set(LOOPS.values())
    shown = runner.invoke(cli, ["companies", "show", "netflix", "--json"])
    assert shown.exit_code == 0, shown.output
    detail = json.loads(shown.output)
    assert detail == client.get("/api/companies/netflix").json()
    assert detail["loops"] == ["netflix-mle"]
    assert detail["questions"] == [q.id for q in bank.filter_questions(company="netflix")]
    assert all(v["principles"] for v in detail["values"])
    missing = client.get("/api/companies/nope")
    assert missing.status_code == 404 and "Known companies:" in missing.json()["detail"]
    text = runner.invoke(cli, ["companies", "show", "meta"]).output
    assert "processes change" in text and "Values:" in text


def test_the_bank_filters_by_company(client: TestClient, bank: Bank) -> None:
    ids = [q["id"] for q in client.get("/api/questions", params={"company": "walmart"}).json()]
    assert ids and ids == [q.id for q in bank.filter_questions(company="walmart")]
    assert all("walmart" in bank.questions[i].companies for i in ids)
    listed = json.loads(
        runner.invoke(cli, ["questions", "list", "--company", "walmart", "--json"]).output
    )
    assert [q["id"] for q in listed] == ids
    page = client.get("/questions", params={"company": "walmart"})
    assert page.status_code == 200
    assert 'href="/companies/walmart"' in page.text
    assert page.text.count('class="q-row"') == len(ids)
    unknown = client.get("/questions", params={"company": "nope"})
    assert "There is no company with the id" in unknown.text


def test_company_pages(client: TestClient, bank: Bank) -> None:
    listing = client.get("/companies")
    assert listing.status_code == 200
    for company_id in set(LOOPS.values()):
        assert f'href="/companies/{company_id}"' in listing.text
    page = client.get("/companies/target")
    assert page.status_code == 200
    target = bank.companies["target"]
    assert "Interview processes change" in page.text
    assert target.as_of.isoformat() in page.text
    assert 'href="/loops/target-mle"' in page.text
    for value in target.values:
        assert f'data-value="{value.id}"' in page.text
    assert client.get("/companies/nope").status_code == 404
    loop_page = client.get("/loops/netflix-mle")
    assert "Netflix values question" in loop_page.text
    assert 'href="/companies/netflix"' in loop_page.text
    assert "Leadership Principle question" in client.get("/loops/amazon-mle").text


def test_a_debrief_of_another_company_says_how_its_values_were_graded(bank: Bank) -> None:
    from barraiser.interview.debrief import build_debrief

    now = datetime.now(UTC)

    def note(loop_id: str) -> str:
        loop = bank.loops[loop_id]
        debrief = build_debrief(
            session_id="s",
            mode="loop",
            loop=loop,
            started_at=now,
            finished_at=now,
            scorecards=[],
            bank=bank,
            decision_rule=[],
            partial=True,
        )
        return debrief.values_note

    assert note("amazon-mle") == ""
    netflix = bank.companies["netflix"]
    text = note("netflix-mle")
    assert text.startswith("Netflix's values are graded through the Leadership Principles")
    for value in netflix.values:
        principle = bank.principles[value.principles[0]].name
        assert f"{value.name}: {principle}" in text
