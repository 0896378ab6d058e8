"""Load the content files into a :class:`Bank`, collecting every problem with its file and field."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from barraiser.content.files import ContentError as ContentError
from barraiser.content.files import ContentProblem as ContentProblem
from barraiser.content.files import default_content_dir as default_content_dir
from barraiser.content.files import escapes as escapes
from barraiser.content.files import read_yaml as _read_yaml
from barraiser.content.files import relative_name as _rel
from barraiser.content.files import validate as _validate
from barraiser.content.problems import LoadedProblem, load_problems_collecting
from barraiser.content.schemas import (
    Company,
    CompanyValue,
    Competency,
    LeadershipPrinciple,
    Loop,
    Question,
)
from barraiser.content.search import QuestionIndex, SearchHit

M = TypeVar("M", bound=BaseModel)
_log = logging.getLogger(__name__)

#: Why a coding question cannot be the user's own draft (the loader and the journal say it).
CODING_NEEDS_PROBLEM = (
    "coding questions need a judge problem with tests to run answers against, which a draft "
    "cannot have; practise one of the coding problems (/problems, `barraiser problems list`), "
    "or write yours as a judge problem in your extra content folder (BARRAISER_EXTRA_CONTENT; "
    "see content/problems/README.md)"
)


@dataclass
class Bank:
    """All content: questions, loops, companies, Leadership Principles and competencies, by id."""

    questions: dict[str, Question] = field(default_factory=dict)
    loops: dict[str, Loop] = field(default_factory=dict)
    #: Companies, their values resolved (Amazon's are the Leadership Principles).
    companies: dict[str, Company] = field(default_factory=dict)
    principles: dict[str, LeadershipPrinciple] = field(default_factory=dict)
    competencies: dict[str, Competency] = field(default_factory=dict)
    #: Judge problems (``problems/<id>/`` folders), by id.
    problems: dict[str, LoadedProblem] = field(default_factory=dict)
    #: Where each object came from, keyed by ``"question:ID"``, ``"loop:ID"`` etc.
    origins: dict[str, str] = field(default_factory=dict)
    #: Ids of the questions read from the user content folder: the user's own drafts.
    own_questions: set[str] = field(default_factory=set)
    #: Problems of files in the user content folder: each such file was skipped (logged), and
    #: never stops the bank from loading; ``content check`` reports them as the user's.
    draft_problems: list[ContentProblem] = field(default_factory=list)
    #: The full-text index, built on the first search.
    _index: QuestionIndex | None = field(default=None, init=False, repr=False, compare=False)

    def search(self, text: str, limit: int | None = None) -> list[SearchHit]:
        """Full-text search over titles, prompts, model answers, topics and principle names,
        best first (:mod:`barraiser.content.search`)."""
        if self._index is None:
            names = {p.id: p.name for p in self.principles.values()}
            self._index = QuestionIndex(self.questions.values(), names)
        return self._index.search(text, limit)

    def is_own(self, question_id: str) -> bool:
        """True for a question from the user content folder (the user's own draft)."""
        return question_id in self.own_questions

    def question(self, question_id: str) -> Question:
        try:
            return self.questions[question_id]
        except KeyError:
            raise KeyError(
                f"No question with id {question_id!r}; `barraiser questions list` shows the ids."
            ) from None

    def loop(self, loop_id: str) -> Loop:
        try:
            return self.loops[loop_id]
        except KeyError:
            known = ", ".join(sorted(self.loops)) or "none"
            raise KeyError(f"No loop with id {loop_id!r}; known loops: {known}.") from None

    def filter_questions(
        self,
        *,
        kind: str | None = None,
        topic: str | None = None,
        lp: str | None = None,
        difficulty: str | None = None,
        text: str | None = None,
        company: str | None = None,
    ) -> list[Question]:
        """Questions matching every given filter, in a stable order (kind, then id).

        ``company``: the questions tagged with that company id. ``text``: a full-text
        search (:meth:`search`); its hits come best first instead.
        """
        ranked = {hit.question_id: i for i, hit in enumerate(self.search(text))} if text else None
        found = []
        for q in self.questions.values():
            if kind and q.kind != kind:
                continue
            if topic and topic not in q.topics:
                continue
            if lp and lp not in q.leadership_principles:
                continue
            if difficulty and q.difficulty != difficulty:
                continue
            if company and company not in q.companies:
                continue
            if ranked is not None and q.id not in ranked:
                continue
            found.append(q)
        if ranked is not None:
            return sorted(found, key=lambda q: ranked[q.id])
        return sorted(found, key=_question_order)

    def company_loops(self, company_id: str) -> list[Loop]:
        """The company's loops, in the bank's order."""
        return [loop for loop in self.loops.values() if loop.company_id == company_id]

    def value_word(self, loop: Loop) -> str:
        """What the loop's behavioural questions and ratings are called: "Leadership
        Principle" (Amazon, or a loop of no known company) or "<Company> values"."""
        company = self.companies.get(loop.company_id)
        return company.value_word if company else "Leadership Principle"

    def topics(self) -> list[str]:
        return sorted({t for q in self.questions.values() for t in q.topics})


def _question_order(q: Question) -> tuple[int, int, str]:
    from barraiser.content.schemas import QUESTION_KINDS

    source_no = q.source.question if q.source else 10_000
    return (QUESTION_KINDS.index(q.kind), source_no, q.id)


def _yaml_files(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        yield from sorted(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"})


def _load_list_file(
    model: type[M], path: Path, root: Path, key: str, problems: list[ContentProblem]
) -> list[M]:
    if not path.exists():
        return []
    data = _read_yaml(path, root, problems)
    rel = _rel(path, root)
    if data is None:
        return []
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        problems.append(ContentProblem(rel, f"expected a list under '{key}'", key))
        return []
    out = []
    for i, item in enumerate(items):
        obj = _validate(model, item, rel, problems, prefix=f"{key}[{i}]")
        if obj is not None:
            out.append(obj)
    return out


def _add(
    store: dict[str, M],
    obj: M,
    kind: str,
    rel: str,
    bank: Bank,
    problems: list[ContentProblem],
) -> None:
    obj_id: str = getattr(obj, "id")  # noqa: B009 - every content model has an id
    key = f"{kind}:{obj_id}"
    if obj_id in store:
        problems.append(
            ContentProblem(
                rel, f"duplicate {kind} id {obj_id!r} (also in {bank.origins[key]})", "id"
            )
        )
        return
    store[obj_id] = obj
    bank.origins[key] = rel


def load_bank_collecting(
    dirs: Iterable[Path] | None = None,
    *,
    user_dir: Path | None = None,
) -> tuple[Bank, list[ContentProblem]]:
    """Load every content folder given (default: the shipped content); return bank and problems.

    ``user_dir`` is the user content folder (their own draft questions), read after the others
    when it exists; only its questions may be drafts, and they are listed in ``own_questions``.
    Its problems are kept apart, in ``bank.draft_problems`` (the files are skipped): the list
    returned holds the bundled and extra folders' problems only.
    """
    folders = list(dirs) if dirs is not None else [default_content_dir()]
    bank = Bank()
    problems: list[ContentProblem] = []
    for root in folders:
        _load_folder(root, bank, problems)
    _resolve_values(bank)
    if user_dir is not None and user_dir.is_dir():
        _load_own_questions(user_dir, bank)
    for problem_id, loaded in _problems(folders, problems).items():
        if problem_id in bank.problems:
            problems.append(
                ContentProblem(str(loaded.folder), f"duplicate problem id {problem_id!r}")
            )
        else:
            bank.problems[problem_id] = loaded
    return bank, problems


def _load_own_questions(root: Path, bank: Bank) -> None:
    """The user's own questions (drafts from the experiences journal): questions only.

    A file with a problem (bad YAML, a missing field, an id the bank already has) is skipped
    and its problems go to ``bank.draft_problems``, never to the bank's: a typo in the user's
    draft must not stop the app or the CLI from loading the bundled bank.
    """
    for path in _yaml_files(root / "questions"):
        rel = str(path)  # an absolute path: plainly the user's file, not the bundled bank's
        found: list[ContentProblem] = []
        q = _own_question(path, root, rel, bank, found)
        if q is None:
            for problem in found:
                _log.warning("Skipped your question file (fix it to use it): %s", problem)
            bank.draft_problems.extend(found)
            continue
        bank.own_questions.add(q.id)
        bank.questions[q.id] = q
        bank.origins[f"question:{q.id}"] = rel


def _own_question(
    path: Path, root: Path, rel: str, bank: Bank, problems: list[ContentProblem]
) -> Question | None:
    """One file of the user content folder as a question, or None with its problems."""
    unreadable: list[ContentProblem] = []
    data = _read_yaml(path, root, unreadable)
    problems.extend(ContentProblem(rel, p.message, p.field) for p in unreadable)  # full path
    if data is None:
        return None
    q = _validate(Question, data, rel, problems)
    if q is None:
        return None
    if q.id in bank.questions:
        problems.append(
            ContentProblem(
                rel,
                f"duplicate question id {q.id!r} (also in {bank.origins[f'question:{q.id}']}); "
                "give this file another id",
                "id",
            )
        )
        return None
    if q.kind == "coding" and q.problem is None:
        problems.append(
            ContentProblem(
                rel,
                f"is a coding question without a judge problem: {CODING_NEEDS_PROBLEM}",
                "problem",
            )
        )
        return None
    return q


def _load_folder(root: Path, bank: Bank, problems: list[ContentProblem]) -> None:
    """One content folder: principles, competencies, companies, questions and loops."""
    if not root.is_dir():
        problems.append(ContentProblem(str(root), "content folder does not exist"))
        return
    lp_file, comp_file = root / "leadership_principles.yaml", root / "competencies.yaml"
    for p in _load_list_file(LeadershipPrinciple, lp_file, root, "principles", problems):
        _add(bank.principles, p, "principle", _rel(lp_file, root), bank, problems)
    for c in _load_list_file(Competency, comp_file, root, "competencies", problems):
        _add(bank.competencies, c, "competency", _rel(comp_file, root), bank, problems)
    for path in _yaml_files(root / "questions"):
        rel = _rel(path, root)
        data = _read_yaml(path, root, problems)
        if data is None:
            continue
        q = _validate(Question, data, rel, problems)
        if q is None:
            continue
        expected_folder = path.parent.name
        if expected_folder != q.kind and path.parent != root / "questions":
            problems.append(
                ContentProblem(
                    rel,
                    f"kind {q.kind!r} but the file is under "
                    f"questions/{expected_folder}/; move it to questions/{q.kind}/",
                    "kind",
                )
            )
        if q.draft:
            problems.append(
                ContentProblem(
                    rel,
                    "is a draft, and only the user content folder (BARRAISER_USER_CONTENT) may "
                    "hold drafts: give it a rubric, guidance and a model answer and remove "
                    "'draft: true', or move it there",
                    "draft",
                )
            )
        _add(bank.questions, q, "question", rel, bank, problems)
    for path in _yaml_files(root / "companies"):
        rel = _rel(path, root)
        data = _read_yaml(path, root, problems)
        company = None if data is None else _validate(Company, data, rel, problems)
        if company is not None:
            _add(bank.companies, company, "company", rel, bank, problems)
    for path in _yaml_files(root / "loops"):
        rel = _rel(path, root)
        data = _read_yaml(path, root, problems)
        if data is None:
            continue
        loop = _validate(Loop, data, rel, problems)
        if loop is not None:
            _add(bank.loops, loop, "loop", rel, bank, problems)


def _resolve_values(bank: Bank) -> None:
    """A company whose values are the Leadership Principles gets them as its values."""
    for company_id, company in bank.companies.items():
        if company.values_from_principles:
            values = [
                CompanyValue(id=p.id, name=p.name, description=p.description, principles=[p.id])
                for p in bank.principles.values()
            ]
            bank.companies[company_id] = company.model_copy(update={"values": values})


def _problems(folders: list[Path], problems: list[ContentProblem]) -> dict[str, LoadedProblem]:
    loaded, found = load_problems_collecting([f for f in folders if f.is_dir()])
    problems.extend(found)
    return loaded


def load_bank(dirs: Iterable[Path] | None = None, *, user_dir: Path | None = None) -> Bank:
    """Load the content, raising :class:`ContentError` listing every problem found.

    A broken file in the user content folder never raises: it is skipped, logged and listed in
    ``bank.draft_problems``.
    """
    bank, problems = load_bank_collecting(dirs, user_dir=user_dir)
    if problems:
        raise ContentError(problems)
    return bank
