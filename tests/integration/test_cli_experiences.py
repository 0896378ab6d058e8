"""``barraiser experiences``: record, list, show, delete and practise, on a real SQLite store in the
test's own data folder, as a user would type them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from barraiser.cli import app
from barraiser.content.bank import get_bank
from barraiser.store import utcnow

runner = CliRunner()
TODAY = utcnow().date().isoformat()


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["experiences", *args], input=input)
    return result.exit_code, result.output


def add(*extra: str) -> dict[str, object]:
    code, out = run(
        "add",
        "--company", "Acme",
        "--role", "ML engineer",
        "--date", TODAY,
        "--round", "Phone screen",
        "--question", "ml: How would you detect label leakage?",
        "--question", "Why this company?",
        "--json",
        *extra,
    )  # fmt: skip
    assert code == 0, out
    entry: dict[str, object] = json.loads(out)
    return entry


def test_add_list_show_and_delete() -> None:
    code, out = run("list")
    assert code == 0 and "No entries yet" in out
    entry = add("--outcome", "pending")
    assert entry["shared"] is False and entry["outcome"] == "pending"
    questions = entry["questions"]
    assert isinstance(questions, list)
    assert [(q["kind"], q["text"]) for q in questions] == [
        ("ml", "How would you detect label leakage?"),
        ("other", "Why this company?"),
    ]
    code, out = run("list", "--json")
    assert code == 0 and [e["id"] for e in json.loads(out)] == [entry["id"]]
    code, out = run("list")
    assert code == 0 and "Acme" in out and "ML engineer" in out
    code, out = run("show", str(entry["id"]))
    assert code == 0
    assert "Round 1: Phone screen" in out and "How would you detect label leakage?" in out
    code, out = run("show", str(entry["id"]), "--json")
    assert json.loads(out) == entry
    code, out = run("delete", str(entry["id"]))
    assert code == 0 and f"Deleted entry {entry['id']}" in out
    code, out = run("show", str(entry["id"]))
    assert code == 1 and f"no journal entry with id {entry['id']}" in out


def test_bad_input_is_one_sentence_and_nothing_is_saved() -> None:
    code, out = run("add", "--company", " ", "--role", "MLE", "--date", "2999-01-01")
    assert code == 1
    assert "Error: nothing was saved. The company is empty" in out
    assert "The date 2999-01-01 is in the future" in out
    assert "Traceback" not in out
    code, out = run(
        "add", "--company", "A", "--role", "B", "--date", TODAY, "--notes", "x" * 200_000
    )
    assert code == 1 and "The notes are 200,000 characters long" in out
    code, out = run("list", "--json")
    assert json.loads(out) == []


def test_add_from_json_with_rounds_and_questions(tmp_path: Path) -> None:
    source = tmp_path / "entry.json"
    source.write_text(
        json.dumps(
            {
                "company": "Beta",
                "role": "Applied scientist",
                "date": TODAY,
                "rounds": [{"title": "Onsite", "notes": "Four interviews."}],
                "questions": [
                    {"text": "Design a feature store.", "kind": "system-design", "round": 1}
                ],
            }
        )
    )
    code, out = run("add", "--from-json", str(source), "--json")
    assert code == 0, out
    entry = json.loads(out)
    assert entry["questions"][0]["round_title"] == "Onsite"
    code, out = run("add", "--from-json", str(tmp_path / "missing.json"))
    assert code == 1 and "cannot read" in out


def test_practice_makes_a_draft_that_content_check_accepts(tmp_path: Path) -> None:
    entry = add()
    questions = entry["questions"]
    assert isinstance(questions, list)
    code, out = run("practice", str(entry["id"]), str(questions[0]["id"]), "--json")
    assert code == 0, out
    made = json.loads(out)
    assert made["created"] is True and made["question_id"].startswith("draft-how-would-you")
    assert Path(made["path"]).is_relative_to(tmp_path / "data" / "content")
    code, out = run("practice", str(entry["id"]), str(questions[0]["id"]), "--json")
    assert json.loads(out)["created"] is False
    listed = runner.invoke(app, ["questions", "list", "--json"])
    drafts = [q for q in json.loads(listed.output) if q["draft"]]
    assert [q["id"] for q in drafts] == [made["question_id"]]
    checked = runner.invoke(app, ["content", "check"])
    assert checked.exit_code == 0, checked.output
    assert "1 of them drafts with no rubric yet" in " ".join(checked.output.split())
    graded = runner.invoke(
        app,
        ["grade", "--question", made["question_id"], "-", "--json"],
        input="Look at time splits.",
    )
    assert graded.exit_code == 0, graded.output
    assert json.loads(graded.output)["draft"] is True


def test_practice_refuses_a_coding_question(tmp_path: Path) -> None:
    entry = add("--question", "coding: Reverse a linked list in place.")
    questions = entry["questions"]
    assert isinstance(questions, list) and questions[2]["kind"] == "coding"
    code, out = run("practice", str(entry["id"]), str(questions[2]["id"]))
    out = " ".join(out.split())
    assert code == 1, out
    assert "A coding question cannot become a practice question" in out
    assert "`barraiser problems list`" in out and "content/problems/README.md" in out
    assert not (tmp_path / "data" / "content").exists()


def test_a_broken_draft_stops_no_command_and_content_check_reports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "500")  # one problem per line, paths unbroken
    entry = add()
    questions = entry["questions"]
    assert isinstance(questions, list)
    code, out = run("practice", str(entry["id"]), str(questions[0]["id"]), "--json")
    assert code == 0, out
    draft = Path(json.loads(out)["path"])
    # The user removes `draft: true` before writing the model answer and guidance.
    draft.write_text(draft.read_text().replace("draft: true\n", ""))
    get_bank.cache_clear()  # each command is a new process
    listed = runner.invoke(app, ["questions", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert not [q for q in json.loads(listed.output) if q["draft"]]
    assert run("list")[0] == 0
    checked = runner.invoke(app, ["content", "check"])
    assert checked.exit_code == 1, checked.output
    assert "Content OK" in checked.output
    assert "2 problem(s) in your own questions" in checked.output
    assert f"{draft}: how_to_answer: " in checked.output
    assert f"{draft}: model_answer: " in checked.output
