"""The LLM judge against a real local HTTP server that speaks the chat-completions API."""

from __future__ import annotations

import json
from typing import Any

import pytest
from chat_server import ChatServer

from barraiser.content.bank import get_bank
from barraiser.grading.llm import LLMConfig, judge_with_llm


def _question():  # type: ignore[no-untyped-def]
    return get_bank().question("prioritizing-multiple-deadlines")


def test_judge_returns_validated_json(chat_server: ChatServer) -> None:
    q = _question()
    assert q.rubric is not None
    chat_server.content = (
        "```json\n"
        + json.dumps(
            {
                "score": 35,
                "key_points": [
                    {"id": "stakeholder-communication", "covered": True, "evidence": "We kept..."},
                    {"id": "not-a-point", "covered": True, "evidence": None},
                ],
                "misconceptions": ["we-is-fine"],
                "feedback": "Say what you did.",
            }
        )
        + "\n```"
    )
    outcome = judge_with_llm(
        q.prompt,
        q.rubric,
        "We sat down as a team.",
        LLMConfig(chat_server.url, "tiny", api_key="k"),
    )
    assert outcome.ok and outcome.judgement is not None
    assert outcome.judgement.score == 35
    assert [kp.id for kp in outcome.judgement.key_points] == ["stakeholder-communication"]
    request = chat_server.requests[-1]["body"]
    assert request["model"] == "tiny"
    assert "decision-criteria" in request["messages"][1]["content"]
    assert "We sat down as a team." in request["messages"][1]["content"]
    assert chat_server.requests[-1]["auth"] == "Bearer k"


def test_judge_reports_bad_json_timeout_http_error_and_no_server(chat_server: ChatServer) -> None:
    q = _question()
    assert q.rubric is not None
    chat_server.content = '{"score": 250}'
    bad = judge_with_llm(q.prompt, q.rubric, "x", LLMConfig(chat_server.url, "m"))
    assert not bad.ok and bad.error and "not valid" in bad.error

    chat_server.delay_s = 1.0
    slow = judge_with_llm(q.prompt, q.rubric, "x", LLMConfig(chat_server.url, "m", timeout_s=0.2))
    assert not slow.ok and slow.error and "did not answer within" in slow.error

    chat_server.status = 500
    failed = judge_with_llm(q.prompt, q.rubric, "x", LLMConfig(chat_server.url, "m"))
    assert not failed.ok and failed.error and "HTTP 500" in failed.error

    gone = judge_with_llm(q.prompt, q.rubric, "x", LLMConfig("http://127.0.0.1:9", "m"))
    assert not gone.ok and gone.error and "cannot reach" in gone.error.lower()


# -- the CLI: the judge's outcome beside the built-in grade -----------------------------------

STORY = (
    "Two launches collided last quarter. I asked both managers what each delay would cost and "
    "shipped the fraud model first, then told the sales lead the new date the same day."
)


def _judge_env(monkeypatch: pytest.MonkeyPatch, base_url: str | None, model: str | None) -> None:
    from barraiser.config import get_settings

    for name, value in (("BASE_URL", base_url), ("MODEL", model)):
        if value is None:
            monkeypatch.delenv(f"BARRAISER_LLM_{name}", raising=False)
        else:
            monkeypatch.setenv(f"BARRAISER_LLM_{name}", value)
    monkeypatch.setenv("BARRAISER_LLM_TIMEOUT_S", "5")
    get_settings.cache_clear()


def _grade_json(*extra: str) -> dict[str, Any]:
    from typer.testing import CliRunner

    from barraiser.cli import app

    result = CliRunner().invoke(
        app,
        ["grade", "--question", "prioritizing-multiple-deadlines", "-", *extra],
        input=STORY,
    )
    assert result.exit_code == 0, result.output
    if "--json" not in extra:
        return {"text": result.stdout}
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_cli_grade_shows_the_llm_outcome_beside_the_grade(
    chat_server: ChatServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _judge_env(monkeypatch, chat_server.url + "/v1", "tiny")
    chat_server.content = json.dumps(
        {
            "score": 61,
            "key_points": [{"id": "decision-criteria", "covered": True, "evidence": "I asked"}],
            "feedback": "Give the numbers.",
        }
    )
    data = _grade_json("--json")
    assert 0 <= data["score"] <= 100 and data["key_points"]
    assert data["llm"]["model"] == "tiny" and data["llm"]["error"] is None
    assert data["llm"]["judgement"]["score"] == 61
    assert STORY in chat_server.requests[-1]["body"]["messages"][1]["content"]
    text = _grade_json()["text"]
    assert "LLM judge (tiny): 61/100." in text and "Give the numbers." in text


def test_cli_grade_survives_a_failing_or_half_configured_judge(
    chat_server: ChatServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _judge_env(monkeypatch, None, None)
    assert _grade_json("--json")["llm"] is None

    _judge_env(monkeypatch, chat_server.url, "tiny")
    chat_server.status = 500
    data = _grade_json("--json")
    assert data["score"] >= 0 and data["llm"]["judgement"] is None
    assert "HTTP 500" in data["llm"]["error"]
    assert "no assessment" in _grade_json()["text"]

    _judge_env(monkeypatch, "http://127.0.0.1:9", "tiny")
    assert "cannot reach" in _grade_json("--json")["llm"]["error"].lower()

    _judge_env(monkeypatch, chat_server.url, None)
    data = _grade_json("--json")
    assert data["score"] >= 0 and "BARRAISER_LLM_MODEL" in data["llm"]["error"]


def test_grade_batch_llm_flag(
    chat_server: ChatServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from typer.testing import CliRunner

    from barraiser.cli import app

    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": 1, "answer": STORY, "question_id": "prioritizing-multiple-deadlines"})
        + "\n"
        + json.dumps(
            {
                "id": 2,
                "answer": "It simulates parts of the software.",
                "question": "What is a prototype for?",
                "reference_answer": "To simulate the behaviour of parts of the software.",
            }
        )
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    chat_server.content = json.dumps(
        {"score": 40, "key_points": [{"id": "ref-1", "covered": True}]}
    )

    _judge_env(monkeypatch, None, None)
    result = CliRunner().invoke(app, ["grade-batch", "--in", str(src), "--out", str(out), "--llm"])
    assert result.exit_code != 0 and "BARRAISER_LLM_BASE_URL" in result.output

    result = CliRunner().invoke(app, ["grade-batch", "--in", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert all("llm" not in json.loads(line) for line in out.read_text().splitlines())

    _judge_env(monkeypatch, chat_server.url, "tiny")
    result = CliRunner().invoke(app, ["grade-batch", "--in", str(src), "--out", str(out), "--llm"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["llm"]["judgement"]["score"] for r in rows] == [40, 40]
    assert [kp["id"] for kp in rows[1]["llm"]["judgement"]["key_points"]] == ["ref-1"]


def test_llm_judge_as_the_main_grader(chat_server: ChatServer) -> None:
    """BARRAISER_GRADER=llm: the judge's JSON becomes a typed result that names its grader."""
    from barraiser.config import Settings
    from barraiser.grading import GradingUnavailable, build_grader, from_question

    question = get_bank().question("adam-optimizer")
    rubric = from_question(question)
    first, second = rubric.points[0], rubric.points[1]
    chat_server.content = json.dumps(
        {
            "score": 42,
            "key_points": [
                {"id": first.id, "covered": True, "evidence": "Adam keeps two moments."},
                {"id": second.id, "covered": False, "evidence": None},
            ],
            "misconceptions": ["Adam is a second-order method."],
            "feedback": "Explain the memory cost.",
        }
    )
    grader = build_grader(Settings(grader="llm", llm_base_url=chat_server.url, llm_model="tiny"))
    result = grader.grade("Adam keeps two moments. It is a second-order method.", rubric)
    assert (result.grader, result.grader_version, result.model) == ("llm", grader.version, "tiny")
    assert result.score == 42
    by_id = {p.id: p for p in result.key_points}
    assert by_id[first.id].status == "covered"
    assert by_id[first.id].evidence == "Adam keeps two moments."
    assert by_id[second.id].status == "missed"
    assert [m.statement for m in result.misconceptions] == ["Adam is a second-order method."]
    assert "Explain the memory cost." in result.feedback

    chat_server.status = 500
    with pytest.raises(GradingUnavailable):
        grader.grade("Adam keeps two moments.", rubric)
    with pytest.raises(GradingUnavailable, match="BARRAISER_LLM"):
        build_grader(Settings(grader="llm"))
