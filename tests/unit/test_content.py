"""Content schemas, loaders and checks: the shipped bank is sound, bad content is named."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from barraiser.content.check import check_bank, check_content
from barraiser.content.loader import (
    ContentError,
    default_content_dir,
    load_bank,
    load_bank_collecting,
)
from barraiser.content.schemas import FREE_TEXT_KINDS, RATINGS, rating_value

SHIPPED = default_content_dir()


@pytest.fixture(scope="module")
def shipped():  # type: ignore[no-untyped-def]
    bank, problems = check_content([SHIPPED])
    return bank, problems


def test_shipped_content_has_no_problems(shipped) -> None:  # type: ignore[no-untyped-def]
    _, problems = shipped
    assert problems == [], "\n".join(str(p) for p in problems)


def test_all_17_guide_questions_with_calibration(shipped) -> None:  # type: ignore[no-untyped-def]
    bank, _ = shipped
    from_guide = {
        q.source.question: q
        for q in bank.questions.values()
        if q.source and q.source.document == "amazon-mle-interview-guide"
    }
    assert sorted(from_guide) == list(range(1, 18))
    for number, q in from_guide.items():
        assert sorted(c.level for c in q.calibration) == ["partial", "strong", "weak"], number
        assert q.rubric is not None and len(q.rubric.key_points) >= 4, number
        assert len(q.model_answer.split()) >= 150, f"Q{number} model answer is too thin"
        # Calibration answers are ordered by substance: the strong one says the most.
        words = {c.level: len(c.answer.split()) for c in q.calibration}
        assert words["strong"] > words["weak"], number


def test_guide_errors_are_corrected(shipped) -> None:  # type: ignore[no-untyped-def]
    """PRODUCT.md lists errors of the guide; the matching questions flag them."""
    bank, _ = shipped
    by_number = {q.source.question: q for q in bank.questions.values() if q.source}
    for number in (6, 12, 14, 10):
        rubric = by_number[number].rubric
        assert rubric is not None
        assert any(m.from_source for m in rubric.misconceptions), f"Q{number}"
    recall = by_number[6]
    assert "TP / (TP + FN)" in recall.model_answer.replace("TP/(TP+FN)", "TP / (TP + FN)")


def test_leadership_principles_and_loops(shipped) -> None:  # type: ignore[no-untyped-def]
    bank, _ = shipped
    assert len(bank.principles) == 16
    assert {"amazon-mle", "quick"} <= set(bank.loops)
    amazon = bank.loop("amazon-mle")
    assert [s.id for s in amazon.stages] == [
        "recruiter-screen",
        "online-assessment",
        "phone-screen",
        "onsite",
        "bar-raiser",
    ]
    assert any(r.bar_raiser for r in amazon.rounds())
    assert amazon.decision.bar_raiser_veto
    assert 25 <= bank.loop("quick").duration_min <= 35
    covered = {
        lp
        for q in bank.questions.values()
        for lp in q.leadership_principles
        if q.kind == "behavioral"
    }
    assert covered == set(bank.principles), "every LP has a behavioural question"


def test_every_free_text_question_has_a_rubric(shipped) -> None:  # type: ignore[no-untyped-def]
    bank, _ = shipped
    for q in bank.questions.values():
        if q.kind in FREE_TEXT_KINDS:
            assert q.rubric and len(q.rubric.key_points) >= 4, q.id


def test_filters(shipped) -> None:  # type: ignore[no-untyped-def]
    bank, _ = shipped
    behavioural = bank.filter_questions(kind="behavioral")
    assert behavioural and all(q.kind == "behavioral" for q in behavioural)
    ownership = bank.filter_questions(lp="ownership")
    assert ownership and all("ownership" in q.leadership_principles for q in ownership)
    found = bank.filter_questions(text="recall")
    assert any(q.source and q.source.question == 6 for q in found)
    assert bank.filter_questions(text="no-such-words-anywhere") == []


def test_ratings_scale() -> None:
    assert [rating_value(r) for r in RATINGS] == [1, 2, 3, 4]


# --- bad content is reported with its file and field -------------------------------------------


def _copy_shipped(tmp_path: Path) -> Path:
    """A small, valid content folder: the shipped LPs and competencies plus one question."""
    root = tmp_path / "content"
    (root / "questions" / "concept").mkdir(parents=True)
    for name in ("leadership_principles.yaml", "competencies.yaml"):
        (root / name).write_text((SHIPPED / name).read_text())
    src = SHIPPED / "questions" / "concept" / "choosing-between-two-accuracies.yaml"
    data = yaml.safe_load(src.read_text())
    data["related"] = []
    data["companies"] = []  # the minimal folder has no company files
    (root / "questions" / "concept" / "q.yaml").write_text(yaml.safe_dump(data))
    return root


def _messages(root: Path) -> list[str]:
    _, problems = check_content([root])
    return [str(p) for p in problems]


def test_minimal_folder_is_valid(tmp_path: Path) -> None:
    assert _messages(_copy_shipped(tmp_path)) == []


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    root = _copy_shipped(tmp_path)
    bad = root / "questions" / "concept" / "broken.yaml"
    bad.write_text("id: broken\ntitle: [unclosed\n")
    messages = _messages(root)
    assert any(
        "questions/concept/broken.yaml" in m and "not valid YAML" in m and "line" in m
        for m in messages
    ), messages


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    root = _copy_shipped(tmp_path)
    q = root / "questions" / "concept" / "q.yaml"
    (root / "questions" / "concept" / "q2.yaml").write_text(q.read_text())
    messages = _messages(root)
    assert any(
        "q2.yaml: id: duplicate question id 'choosing-between-two-accuracies'" in m
        and "q.yaml" in m
        for m in messages
    ), messages


def test_missing_and_unknown_fields_are_named(tmp_path: Path) -> None:
    root = _copy_shipped(tmp_path)
    q = root / "questions" / "concept" / "q.yaml"
    data = yaml.safe_load(q.read_text())
    del data["model_answer"]
    data["rubric"]["key_points"][0]["wieght"] = 2
    q.write_text(yaml.safe_dump(data))
    messages = _messages(root)
    assert any(m.endswith("q.yaml: model_answer: is required but missing") for m in messages)
    assert any("rubric.key_points.0.wieght: is not a known field" in m for m in messages)


def test_too_few_key_points_and_dangling_links(tmp_path: Path) -> None:
    root = _copy_shipped(tmp_path)
    q = root / "questions" / "concept" / "q.yaml"
    data = yaml.safe_load(q.read_text())
    data["rubric"]["key_points"] = data["rubric"]["key_points"][:3]
    data["rubric"]["follow_ups"] = [
        {
            "question": f["question"],
            "probes": [
                p for p in f["probes"] if p in {k["id"] for k in data["rubric"]["key_points"]}
            ],
        }
        for f in data["rubric"]["follow_ups"]
    ]
    data["related"] = ["no-such-question"]
    data["labs"] = ["no-such-lab"]
    data["leadership_principles"] = ["customer-obsesion"]
    q.write_text(yaml.safe_dump(data))
    text = "\n".join(_messages(root))
    assert "rubric.key_points: has 3 key points" in text
    assert "related: links to a question that does not exist: 'no-such-question'" in text
    assert "labs: links to a lab that does not exist: 'no-such-lab'" in text
    assert "unknown Leadership Principle 'customer-obsesion'" in text


def test_follow_up_probing_unknown_key_point(tmp_path: Path) -> None:
    root = _copy_shipped(tmp_path)
    q = root / "questions" / "concept" / "q.yaml"
    data = yaml.safe_load(q.read_text())
    data["rubric"]["follow_ups"][0]["probes"] = ["not-a-key-point"]
    q.write_text(yaml.safe_dump(data))
    assert any("probes unknown key points: not-a-key-point" in m for m in _messages(root))


def test_unsatisfiable_loop_is_reported(tmp_path: Path) -> None:
    root = _copy_shipped(tmp_path)
    (root / "loops").mkdir()
    (root / "loops" / "tiny.yaml").write_text(
        textwrap.dedent("""\
        id: tiny
        title: Tiny
        company_id: acme
        company: Acme
        role: MLE
        description: Two concept questions, but the bank has one.
        competencies: [ml-breadth]
        stages:
          - id: only
            title: Only
            description: One round.
            rounds:
              - id: r1
                title: R1
                kind: onsite
                duration_min: 30
                interviewer: Engineer
                assesses: [ml-breadth, coding]
                questions:
                  - kind: concept
                    count: 2
        decision:
          bar_raiser_veto: true
        """)
    )
    text = "\n".join(_messages(root))
    assert "1 more distinct question(s) needed for kind=concept" in text
    assert "unknown company 'acme'" in text
    assert "stages[0].rounds[0]" in text
    assert "assesses 'coding', which is not one of the loop's competencies" in text
    assert "bar_raiser_veto is on but no round has bar_raiser: true" in text


def test_question_in_wrong_folder(tmp_path: Path) -> None:
    root = _copy_shipped(tmp_path)
    (root / "questions" / "concept" / "q.yaml").rename(root / "questions" / "q.yaml")
    (root / "questions" / "behavioral").mkdir()
    (root / "questions" / "q.yaml").rename(root / "questions" / "behavioral" / "q.yaml")
    assert any("move it to questions/concept/" in m for m in _messages(root))


def test_load_bank_raises_with_every_problem(tmp_path: Path) -> None:
    root = _copy_shipped(tmp_path)
    (root / "questions" / "concept" / "a.yaml").write_text("- just a list\n")
    (root / "questions" / "concept" / "b.yaml").write_text("id: b\n")
    with pytest.raises(ContentError) as info:
        load_bank([root])
    paths = {p.path for p in info.value.problems}
    assert {"content/questions/concept/a.yaml", "content/questions/concept/b.yaml"} <= paths


def test_extra_folder_adds_to_shipped_content(tmp_path: Path) -> None:
    extra = tmp_path / "mine"
    (extra / "questions" / "concept").mkdir(parents=True)
    src = SHIPPED / "questions" / "concept" / "choosing-between-two-accuracies.yaml"
    data = yaml.safe_load(src.read_text())
    data["id"] = "my-own-question"
    data.pop("source")
    (extra / "questions" / "concept" / "mine.yaml").write_text(yaml.safe_dump(data))
    bank, problems = load_bank_collecting([SHIPPED, extra])
    assert problems == []
    assert "my-own-question" in bank.questions
    assert check_bank(bank) == []


def test_selector_matches_kind_topic_and_difficulty(shipped) -> None:  # type: ignore[no-untyped-def]
    from barraiser.content.schemas import Selector

    bank, _ = shipped
    q = bank.question("choosing-between-two-accuracies")
    assert Selector(kind="concept").matches(q)
    assert Selector(kind="concept", topics=["metrics", "nlp"], difficulty=[q.difficulty]).matches(q)
    assert not Selector(kind="behavioral").matches(q)
    assert not Selector(kind="concept", topics=["nlp"]).matches(q)
    other = "hard" if q.difficulty != "hard" else "easy"
    assert not Selector(kind="concept", difficulty=[other]).matches(q)


def test_a_link_out_of_the_content_folder_is_refused_and_never_shown(tmp_path: Path) -> None:
    root = _copy_shipped(tmp_path)
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret-line-of-another-file\ntitle: [unclosed\n")
    (root / "questions" / "concept" / "leak.yaml").symlink_to(secret)
    messages = _messages(root)
    assert any("leak.yaml" in m and "leads outside the content folder" in m for m in messages)
    assert not any("secret-line" in m or "unclosed" in m for m in messages), messages


def test_a_link_out_of_a_problem_folder_is_refused(tmp_path: Path) -> None:
    from barraiser.content.problems import load_problem_folder

    shipped = SHIPPED / "problems" / "two-sum"
    folder = tmp_path / "problems" / "two-sum"
    folder.mkdir(parents=True)
    for path in shipped.rglob("*"):
        target = folder / path.relative_to(shipped)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif "__pycache__" not in path.parts:
            target.write_bytes(path.read_bytes())
    assert load_problem_folder(folder, tmp_path, []) is not None
    (tmp_path / "outside.txt").write_text("not content\n")
    (folder / "statement.md").unlink()
    (folder / "statement.md").symlink_to(tmp_path / "outside.txt")
    problems: list[object] = []
    assert load_problem_folder(folder, tmp_path, problems) is None  # type: ignore[arg-type]
    assert any("statement.md" in str(p) and "leads outside" in str(p) for p in problems)
