"""The grading commands with the default grader: shapes, bad input, batch, the model stack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from barraiser.cli import app
from barraiser.grading.verifier_grader import VERIFIER_GRADER_VERSION

ACCURACY = "choosing-between-two-accuracies"
GOOD = (
    "Accuracy alone can be misleading, because it hides which kind of mistakes each model "
    "makes. If only a few percent of transactions are fraud, a model that always predicts "
    "'not fraud' already reaches about 97%. So I would compare precision and recall on the "
    "fraud class using the confusion matrix, and put a cost on each error type to compute the "
    "expected cost of both models. I'd also check with a bootstrap that the gap is not noise."
)

runner = CliRunner()


def test_cli_grade_json_shape(tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(GOOD)
    result = runner.invoke(
        app, ["grade", "--question", ACCURACY, "--answer-file", str(answer), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert 0 <= data["score"] <= 100
    assert {"key_points", "misconceptions", "feedback", "star", "grader_version"} <= set(data)
    point = data["key_points"][0]
    assert {"id", "text", "weight", "status", "covered", "similarity", "evidence"} <= set(point)
    assert data["star"] is None


def test_cli_grade_rubric_file_from_stdin(tmp_path: Path) -> None:
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(
        yaml.safe_dump(
            {
                "question": "Why is a validation set needed?",
                "reference_answer": "To tune hyperparameters and choose a model without "
                "touching the test set, so the final test estimate stays unbiased.",
            }
        )
    )
    result = runner.invoke(
        app,
        ["grade", "--rubric", str(rubric), "-", "--json"],
        input="We tune the hyperparameters on it so the test set stays untouched and unbiased.",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["score"] > 30


def test_cli_grade_errors_are_sentences(tmp_path: Path) -> None:
    result = runner.invoke(app, ["grade", "--question", "no-such-question", "-"], input="x")
    assert result.exit_code != 0
    assert "no question" in result.output
    assert "Traceback" not in result.output


def test_grade_batch_round_trip(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "answer": GOOD, "question_id": ACCURACY}),
        "{not json",
        json.dumps({"id": "b", "answer": "fine", "question_id": ACCURACY}),
        json.dumps(
            {
                "id": 3,
                "answer": "It simulates parts of the software.",
                "question": "What is a prototype for?",
                "reference_answer": "To simulate the behaviour of parts of the software product.",
            }
        ),
        json.dumps({"id": "c", "answer": "x", "question_id": "nope"}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["grade-batch", "--in", str(src), "--out", str(out)])
    assert result.exit_code == 1  # bad lines make the exit code non-zero, others are graded
    assert "line 2" in result.output and "line 5" in result.output
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    by_id = {r["id"]: r for r in rows if "score" in r}
    assert set(by_id) == {"a", "b", 3}
    assert by_id["a"]["score"] > by_id["b"]["score"]
    assert [r["line"] for r in rows if "error" in r] == [2, 5]


def test_cli_behavioural_answer_has_star_and_follow_ups() -> None:
    story = (
        "Last year two launches collided: a fraud model refresh and a dashboard for sales. "
        "I asked both managers what each delay would cost; the refresh protected about $40k a "
        "week, so I did it first and told the sales lead the new date the same day. I shipped "
        "the fraud model a week early and the dashboard five days late, and losses fell 12%."
    )
    result = runner.invoke(
        app, ["grade", "--question", "prioritizing-multiple-deadlines", "-", "--json"], input=story
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["star"] is not None and data["star"]["result_has_number"]
    assert data["follow_ups"] and data["feedback"]


def test_cli_help_does_not_import_the_model_stack() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from barraiser.cli import app; "
        "heavy = ('torch', 'sentence_transformers', 'numpy'); "
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("grader", ["embedding", "verifier"])
def test_cli_grade_records_the_grader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, grader: str
) -> None:
    from barraiser.config import get_settings
    from barraiser.grading.result import GRADER_VERSION

    monkeypatch.setenv("BARRAISER_GRADER", grader)
    get_settings.cache_clear()
    answer = tmp_path / "answer.txt"
    answer.write_text(GOOD)
    try:
        result = runner.invoke(
            app, ["grade", "--question", ACCURACY, "--answer-file", str(answer), "--json"]
        )
    finally:
        monkeypatch.delenv("BARRAISER_GRADER")
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["grader"] == grader
    if grader == "verifier":
        assert data["grader_version"] == VERIFIER_GRADER_VERSION
        assert any(kp["verdict"] == "states" for kp in data["key_points"])
    else:
        assert data["grader_version"] == GRADER_VERSION
        assert all(kp["verdict"] is None for kp in data["key_points"])


def test_cli_grade_refuses_bad_input_with_a_sentence(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Pr\xe9cision and recall".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    huge.write_text("word " * 30_000)
    for path, expected in ((latin1, "not UTF-8"), (huge, "at most 20,000")):
        result = runner.invoke(app, ["grade", "--question", ACCURACY, "--answer-file", str(path)])
        assert result.exit_code != 0
        assert expected in result.output, result.output
        assert "Traceback" not in result.output
    empty = runner.invoke(app, ["grade", "--question", ACCURACY, "-"], input="   ")
    assert empty.exit_code != 0 and "empty" in empty.output


def test_grade_batch_grades_every_good_line_and_names_each_bad_one(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "answer": GOOD, "question_id": ACCURACY})
    lines = [
        good.encode(),
        b'{"id": "surrogate", "answer": "recall \\ud800 is TP/(TP+FN)", "question_id": "'
        + ACCURACY.encode()
        + b'"}',
        ("[" * 20_000 + "]" * 20_000).encode(),
        '{"id": "latin", "answer": "pr\xe9cision"}'.encode("latin-1"),
        json.dumps({"id": "big", "answer": "x " * 15_000, "question_id": ACCURACY}).encode(),
        json.dumps({"id": "ok2", "answer": GOOD, "question_id": ACCURACY}).encode(),
    ]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["grade-batch", "--in", str(src), "--out", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for number, words in ((2, "lone surrogate"), (3, "nested"), (4, "UTF-8"), (5, "20,000")):
        assert f"line {number}" in result.output and words in result.output, result.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows if "score" in r] == ["ok", "ok2"]
    assert [r["line"] for r in rows if "error" in r] == [2, 3, 4, 5]
