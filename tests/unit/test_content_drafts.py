"""Draft questions: written into the user content folder, read beside the bundled bank as the
user's own, checked as drafts there and refused anywhere else; the bank's checks stay as strict."""

from __future__ import annotations

import logging
import stat
from datetime import date
from pathlib import Path

import pytest
import yaml

from barraiser.content.check import check_content
from barraiser.content.drafts import ASKED_KINDS, DraftSource, write_draft
from barraiser.content.loader import default_content_dir, load_bank, load_bank_collecting
from barraiser.content.schemas import Question

SHIPPED = default_content_dir()


def source(
    text: str = "How would you detect label leakage in a churn model?", **kw: object
) -> DraftSource:
    values: dict[str, object] = {
        "text": text,
        "kind": "ml",
        "company": "Acme",
        "role": "ML engineer",
        "interview_date": date(2026, 11, 30),
        "round_title": "Phone screen",
    }
    values.update(kw)
    return DraftSource(**values)  # type: ignore[arg-type]


def test_a_draft_is_written_readable_and_marked(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    bank = load_bank([SHIPPED], user_dir=folder)
    question, path = write_draft(folder, bank, source())
    assert question.draft and question.rubric is None and not question.has_rubric_to_score
    assert path == folder / "questions" / "concept" / f"{question.id}.yaml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text()
    assert text.startswith("# Your own draft question")
    assert "Asked at Acme (ML engineer), 2026-11-30, round: Phone screen." in text
    data = yaml.safe_load(text)
    assert (data["draft"], data["rubric"], data["model_answer"]) == (True, None, "")
    # In the running bank at once, and read back the same from disk, as the user's own.
    assert bank.questions[question.id] == question and bank.is_own(question.id)
    again = load_bank([SHIPPED], user_dir=folder)
    assert again.questions[question.id] == question and again.own_questions == {question.id}
    assert not bank.is_own("adam-optimizer")


def test_draft_ids_never_clash(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    bank = load_bank([SHIPPED], user_dir=folder)
    first, _ = write_draft(folder, bank, source("Same question?"))
    second, _ = write_draft(folder, bank, source("Same question?"))
    assert first.id != second.id and second.id.startswith(first.id)


@pytest.mark.parametrize("kind", [k for k in ASKED_KINDS if k != "coding"])
def test_every_kind_of_draft_passes_content_check_as_a_draft(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "content"
    bank = load_bank([SHIPPED], user_dir=folder)
    question, _ = write_draft(folder, bank, source(f"A {kind} question?", kind=kind))
    checked, problems = check_content([SHIPPED], user_dir=folder)
    assert problems == [], "\n".join(map(str, problems))
    assert checked.questions[question.id].draft


def test_drafts_are_never_picked_for_a_loop(tmp_path: Path) -> None:
    from barraiser.content.schemas import is_value_question
    from barraiser.interview.items import candidates, value_candidates

    folder = tmp_path / "content"
    bank = load_bank([SHIPPED], user_dir=folder)
    drafts = [
        write_draft(folder, bank, source(f"Question {k}?", kind=k))[0]
        for k in ("ml", "behavioural")
    ]
    for loop in bank.loops.values():
        for rnd in loop.rounds():
            for selector in rnd.questions:
                assert not {d.id for d in drafts} & {i.id for i in candidates(bank, selector)}
    assert not {d.id for d in drafts} & {i.id for i in value_candidates(bank)}
    with_lp = drafts[1].model_copy(update={"leadership_principles": ["ownership"]})
    assert not is_value_question(with_lp, None)


def test_a_draft_in_the_bundled_bank_is_a_problem(tmp_path: Path) -> None:
    """Only the user content folder may hold drafts: the bank's own checks are not weakened."""
    folder = tmp_path / "extra"
    (folder / "questions" / "concept").mkdir(parents=True)
    bank = load_bank([SHIPPED], user_dir=tmp_path / "none")
    question, path = write_draft(tmp_path / "content", bank, source())
    (folder / "questions" / "concept" / path.name).write_text(path.read_text())
    _, problems = load_bank_collecting([SHIPPED, folder])
    messages = [str(p) for p in problems]
    assert any(
        "draft: is a draft, and only the user content folder" in m and question.id in m
        for m in messages
    ), messages


def test_a_draft_in_the_user_folder_still_has_its_links_checked(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    bank = load_bank([SHIPPED], user_dir=folder)
    _, path = write_draft(folder, bank, source())
    data = yaml.safe_load(path.read_text())
    data["competencies"] = ["telepathy"]
    data["related"] = ["no-such-question"]
    path.write_text(yaml.safe_dump(data))
    _, problems = check_content([SHIPPED], user_dir=folder)
    messages = [str(p) for p in problems]
    assert any("unknown competency 'telepathy'" in m for m in messages), messages
    assert any("links to a question that does not exist" in m for m in messages), messages


def test_only_a_draft_may_leave_its_answer_empty() -> None:
    base = yaml.safe_load((SHIPPED / "questions" / "concept" / "adam-optimizer.yaml").read_text())
    with pytest.raises(ValueError, match="only a draft question may leave it empty"):
        Question.model_validate({**base, "model_answer": "  "})
    draft = Question.model_validate({**base, "draft": True, "model_answer": "", "rubric": None})
    assert draft.model_answer == "" and not draft.has_rubric_to_score
    # A bank question without a rubric (graded against its model answer) is not a draft.
    plain = Question.model_validate({**base, "rubric": None})
    assert plain.has_rubric_to_score


def test_a_coding_question_never_becomes_a_draft(tmp_path: Path) -> None:
    """A coding question needs a judge problem with tests: a draft of one would be a dead end
    (no judge to grade it, no practice round to start), so it is refused with a sentence."""
    from barraiser.content import drafts

    folder = tmp_path / "content"
    bank = load_bank([SHIPPED], user_dir=folder)
    before = dict(bank.questions)
    with pytest.raises(drafts.DraftRefused) as refused:
        write_draft(folder, bank, source("Reverse a linked list in place.", kind="coding"))
    assert str(refused.value).startswith("A coding question cannot become a practice question")
    assert "judge problem with tests" in str(refused.value)
    assert "/problems" in str(refused.value) and "content/problems/README.md" in str(refused.value)
    assert not folder.exists() and bank.questions == before
    assert not drafts.can_draft("coding") and drafts.can_draft("ml")


def test_a_coding_draft_made_before_is_skipped_with_a_reason(tmp_path: Path) -> None:
    from barraiser.content.loader import CODING_NEEDS_PROBLEM

    folder = tmp_path / "content"
    bank = load_bank([SHIPPED], user_dir=folder)
    _, path = write_draft(folder, bank, source())
    data = yaml.safe_load(path.read_text())
    data.update(id="draft-reverse-a-linked-list", kind="coding", competencies=["coding"])
    coding = folder / "questions" / "coding" / "draft-reverse-a-linked-list.yaml"
    coding.parent.mkdir()
    coding.write_text(yaml.safe_dump(data))
    loaded = load_bank([SHIPPED], user_dir=folder)
    assert "draft-reverse-a-linked-list" not in loaded.questions
    assert [str(p) for p in loaded.draft_problems] == [
        f"{coding}: problem: is a coding question without a judge problem: {CODING_NEEDS_PROBLEM}"
    ]


def test_a_broken_file_in_the_user_folder_is_skipped_and_never_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A YAML typo, an unfinished question whose `draft: true` was removed, an id the bank
    already has: each file is skipped and logged, the rest of the bank (and the user's other
    drafts) load, and `content check` reports them as the user's problems."""
    folder = tmp_path / "content"
    bank = load_bank([SHIPPED], user_dir=folder)
    good, path = write_draft(folder, bank, source())
    typo = path.parent / "typo.yaml"
    typo.write_text("id: typo\ntitle: [never closed\n")
    unfinished = yaml.safe_load(path.read_text())
    del unfinished["draft"]
    (path.parent / "unfinished.yaml").write_text(yaml.safe_dump({**unfinished, "id": "unfinished"}))
    (path.parent / "clash.yaml").write_text(
        yaml.safe_dump({**unfinished, "id": "adam-optimizer", "draft": True})
    )
    with caplog.at_level(logging.WARNING, logger="barraiser.content.loader"):
        loaded = load_bank([SHIPPED], user_dir=folder)
    assert loaded.own_questions == {good.id} and loaded.questions[good.id] == good
    assert "unfinished" not in loaded.questions
    assert loaded.questions["adam-optimizer"] == bank.questions["adam-optimizer"]  # the bank's
    messages = [str(p) for p in loaded.draft_problems]
    assert any(m.startswith(f"{typo}: is not valid YAML (line ") for m in messages), messages
    assert any(
        m.startswith(f"{path.parent / 'unfinished.yaml'}: model_answer: ")
        and "only a draft question may leave it empty" in m
        for m in messages
    ), messages
    assert any(
        m.startswith(f"{path.parent / 'clash.yaml'}: id: duplicate question id 'adam-optimizer'")
        for m in messages
    ), messages
    assert all(m in caplog.text for m in messages)
    # The bank's own problems are untouched; content check lists the user's after them.
    assert load_bank_collecting([SHIPPED], user_dir=folder)[1] == []
    checked, problems = check_content([SHIPPED], user_dir=folder)
    assert problems == checked.draft_problems
    assert {str(p) for p in problems} == set(messages)


def test_making_a_draft_never_changes_the_bank_under_a_reader(tmp_path: Path) -> None:
    """Another request may be looping over the bank while a draft is added (from a worker
    thread): the loop goes on over the bank it started with, not a dict that changed size."""
    folder = tmp_path / "content"
    bank = load_bank([SHIPPED], user_dir=folder)
    questions, origins = iter(bank.questions.values()), iter(bank.origins)
    own = iter(bank.own_questions)
    next(questions), next(origins)
    question, _ = write_draft(folder, bank, source())
    assert question not in list(questions)
    assert f"question:{question.id}" not in list(origins)
    assert list(own) == []
    assert bank.questions[question.id] == question and bank.is_own(question.id)
