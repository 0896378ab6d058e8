"""`barraiser grade` in a terminal: the feedback names things in words, and the command line to
run a lab comes after it (the web page links the lab instead); the LLM judge's key points are
named in words too, never by id."""

from __future__ import annotations

import json

import pytest
from chat_server import ChatServer
from typer.testing import CliRunner

from barraiser.cli import app
from barraiser.config import get_settings
from barraiser.content.bank import get_bank

QUESTION = "choosing-between-two-accuracies"
ANSWER = (
    "Accuracy alone hides the minority class. With 1% fraud, a model that flags nothing is 99% "
    "accurate, so I would compare recall and precision on the fraud class instead."
)


def _grade(*extra: str) -> str:
    result = CliRunner().invoke(app, ["grade", "--question", QUESTION, "-", *extra], input=ANSWER)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_feedback_names_the_lab_and_the_cli_adds_its_command() -> None:
    lines = _grade().splitlines()
    run_lab = "Run the lab: barraiser lab run two-accuracies"
    assert run_lab in lines
    feedback = "\n".join(lines[: lines.index(run_lab)])
    # The stored feedback (the same text the web page shows) has no command line and no id.
    assert "barraiser" not in feedback and "`" not in feedback
    assert 'Next: see it measured on real data in the lab "Choosing between two' in feedback


def test_the_llm_judges_key_points_are_named_in_words(
    chat_server: ChatServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = get_bank().questions[QUESTION]
    assert question.rubric is not None
    first, second = question.rubric.key_points[:2]
    monkeypatch.setenv("BARRAISER_LLM_BASE_URL", chat_server.url + "/v1")
    monkeypatch.setenv("BARRAISER_LLM_MODEL", "tiny")
    monkeypatch.setenv("BARRAISER_LLM_TIMEOUT_S", "5")
    get_settings.cache_clear()
    chat_server.content = json.dumps(
        {
            "score": 55,
            "key_points": [
                {"id": first.id, "covered": True, "evidence": "Accuracy alone hides it"},
                {"id": second.id, "covered": False, "evidence": ""},
            ],
            "feedback": "Name the metric you would pick.",
        }
    )
    text = _grade()
    judged = text[text.index("LLM judge (tiny)") :]
    assert first.id not in judged and second.id not in judged
    covered = next(line for line in judged.splitlines() if line.startswith("Covered: "))
    missed = next(line for line in judged.splitlines() if line.startswith("Missed: "))
    assert first.text.rstrip(".")[1:40] in covered
    assert second.text.rstrip(".")[1:40] in missed
