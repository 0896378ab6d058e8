"""``barraiser stories ...`` as a user runs it: real store in the test's data folder, the real
embedding model, files written and read back."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from barraiser.cli import app

runner = CliRunner()

DIVE_DEEP = {
    "title": "Traced a silent drop in fraud recall",
    "situation": "At a payments company I owned the fraud model, and one Monday its recall fell "
    "from 0.81 to 0.64 with no deploy in between.",
    "action": "I pulled the raw scoring logs for the week and compared feature distributions day "
    "by day. I traced the drop to one feature which had become null for 30% of transactions. I "
    "read the upstream pipeline's code and found a renamed column.",
    "result": "I fixed the join; recall went back to 0.80 within a day.",
    "reflection": "I learned to look at per-feature null rates first.",
}


def _add(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["stories", "add", *args, "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_add_with_options_then_list_and_show_as_json() -> None:
    options = [arg for key, value in DIVE_DEEP.items() for arg in (f"--{key}", value)]
    story = _add(*options)
    analysis = story["analysis"]
    assert isinstance(analysis, dict) and analysis["strong"] is True
    assert analysis["principles"][0]["id"] == "dive-deep"
    listed = json.loads(runner.invoke(app, ["stories", "list", "--json"]).output)
    assert [s["id"] for s in listed] == [story["id"]]
    shown = runner.invoke(app, ["stories", "show", str(story["id"]), "--json"])
    assert shown.exit_code == 0, shown.output
    detail = json.loads(shown.output)
    assert detail["action"] == DIVE_DEEP["action"]
    assert detail["questions"] and all(
        "dive-deep" in q["principles"] for q in detail["questions"][:1]
    )
    text = runner.invoke(app, ["stories", "show", str(story["id"])])
    assert "Dive Deep" in text.output and "Practise this story with" in text.output


def test_add_from_a_markdown_file_and_edit_and_delete(tmp_path: Path) -> None:
    md = tmp_path / "story.md"
    md.write_text(
        "# Shipped the ranker early\n\n## Situation\nThe launch was in two weeks.\n\n"
        "## Action\nI cut the scope to one market and shipped.\n"
    )
    story = _add("--from", str(md))
    assert story["title"] == "Shipped the ranker early"
    assert story["situation"] == "The launch was in two weeks."
    analysis = story["analysis"]
    assert isinstance(analysis, dict) and "no result" in analysis["missing"]
    edited = runner.invoke(
        app,
        ["stories", "edit", str(story["id"]), "--result", "It launched 5 days early.", "--json"],
    )
    assert edited.exit_code == 0, edited.output
    changed = json.loads(edited.output)
    assert changed["result"] == "It launched 5 days early."
    assert changed["situation"] == "The launch was in two weeks."  # parts not given are kept
    assert runner.invoke(app, ["stories", "delete", str(story["id"])]).exit_code == 0
    gone = runner.invoke(app, ["stories", "show", str(story["id"])])
    assert gone.exit_code == 1 and "You have no story with id" in gone.output


def test_export_and_import_round_trip_in_both_formats(tmp_path: Path) -> None:
    _add(*[arg for key, value in DIVE_DEEP.items() for arg in (f"--{key}", value)])
    _add("--title", "Second", "--action", "# I started the line with a hash.\nThen more.")
    before = json.loads(runner.invoke(app, ["stories", "list", "--json"]).output)
    for fmt, name in (("json", "bank.json"), ("markdown", "bank.md")):
        out = tmp_path / name
        result = runner.invoke(app, ["stories", "export", "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        for story in before:
            assert runner.invoke(app, ["stories", "delete", str(story["id"])]).exit_code == 0
        imported = runner.invoke(app, ["stories", "import", str(out), "--json"])
        assert imported.exit_code == 0, imported.output
        after = json.loads(runner.invoke(app, ["stories", "list", "--json"]).output)
        keys = ("title", "situation", "task", "action", "result", "reflection")
        assert sorted([s[k] for k in keys] for s in after) == sorted(
            [s[k] for k in keys] for s in before
        )
        if fmt == "json":  # the complete form keeps the dates too
            assert sorted(s["created_at"] for s in after) == sorted(s["created_at"] for s in before)
        again = json.loads(runner.invoke(app, ["stories", "import", str(out), "--json"]).output)
        assert again["added"] == [] and len(again["skipped"]) == 2
        before = after


def test_bad_input_is_refused_with_a_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "bank.json"
    bad.write_text('{"format": "barraiser-stories", "stories": [{"title": "", "action": "x"}]}')
    result = runner.invoke(app, ["stories", "import", str(bad)])
    assert result.exit_code == 1
    assert "nothing was imported" in result.output and "Give the story a title" in result.output
    missing = runner.invoke(app, ["stories", "add", "--action", "I did it."])
    assert missing.exit_code == 1 and "nothing was saved" in missing.output
    two = tmp_path / "two.md"
    two.write_text("## A\n### Action\nx\n## B\n### Action\ny\n")
    result = runner.invoke(app, ["stories", "add", "--from", str(two)])
    assert result.exit_code == 1 and "holds 2 stories" in result.output
    assert json.loads(runner.invoke(app, ["stories", "list", "--json"]).output) == []
