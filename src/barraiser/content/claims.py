"""The claim corpus: hand-written answer sentences labelled against rubric key points.

The grader's claim verifier is trained on these pairs (``content/claims/<question-id>.yaml``).
Each item is a piece of answer text (a sentence, or two that belong together) with one label per
rubric target it was judged against: a key point or a misconception of the same question.

Labels:

- ``states``: the text asserts the target's claim (in any words, however tersely);
- ``contradicts``: the text asserts something incompatible with it (reversed, swapped, wrong
  definition, wrong number, denied);
- ``mentions``: the text names the idea or its terms without asserting or explaining it;
- ``unrelated``: the text is about something else, a different key point of the question included.

Run ``python -m barraiser.content.claims [FILE ...]`` to validate files and see their counts.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from barraiser.content.loader import Bank, ContentProblem, default_content_dir, load_bank
from barraiser.content.schemas import Question, Slug

Label = Literal["states", "contradicts", "mentions", "unrelated"]
LABELS: tuple[Label, ...] = ("states", "contradicts", "mentions", "unrelated")

Case = Literal[
    "paraphrase",
    "terse",
    "long",
    "technical",
    "window",
    "reversed",
    "swapped",
    "wrong-definition",
    "wrong-number",
    "negated",
    "mixed",
    "terms-only",
    "hedged",
    "other-point",
    "off-topic",
    "misconception",
]
#: Cases that are hard for a topic-similarity grader (everything but a plain paraphrase).
HARD_CASES: frozenset[str] = frozenset(
    {
        "terse",
        "long",
        "technical",
        "window",
        "reversed",
        "swapped",
        "wrong-definition",
        "wrong-number",
        "mixed",
        "terms-only",
        "hedged",
        "other-point",
        "misconception",
    }
)

#: Items have at least this many and at most this many words.
MIN_WORDS = 2
MAX_WORDS = 90
#: Coverage that ``content check`` requires of every free-text question's claims file.
MIN_PER_KEY_POINT: dict[Label, int] = {"states": 5, "contradicts": 3, "mentions": 2, "unrelated": 2}
MIN_PER_MISCONCEPTION: dict[Label, int] = {"states": 3, "contradicts": 3}
#: The corpus as a whole must hold at least this many labelled pairs.
MIN_PAIRS = 12_000
#: A run of this many words shared with a calibration answer means the item was copied from it.
COPY_SHINGLE_WORDS = 7

ItemText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=700)]


class ClaimItem(BaseModel):
    """One piece of answer text and its label against each target it was judged for."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: ItemText
    case: Case = Field(description="How the text was built: the hard case it exercises.")
    labels: dict[Slug, Label] = Field(min_length=1)


class ClaimFile(BaseModel):
    """The claims written for one question."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    question: Slug
    items: list[ClaimItem] = Field(min_length=1)


@dataclass(frozen=True)
class Pair:
    """One labelled training pair: answer text, target (key point or misconception), label."""

    question_id: str
    target_id: str
    target_kind: Literal["key_point", "misconception"]
    target_text: str
    text: str
    label: Label
    case: str


def claims_dir(content_dir: Path | None = None) -> Path:
    """The folder of claim files (``content/claims`` beside the questions)."""
    return (content_dir or default_content_dir()) / "claims"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())


def _norm(text: str) -> str:
    return " ".join(_words(text))


def read_claim_file(path: Path) -> tuple[ClaimFile | None, list[ContentProblem]]:
    """Parse and validate one file's shape (not yet against the bank)."""
    rel = str(path)
    try:
        data = yaml.load(
            path.read_text(encoding="utf-8"),
            Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
        )
    except (OSError, UnicodeDecodeError) as exc:
        return None, [ContentProblem(rel, f"cannot read the file: {exc}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        return None, [ContentProblem(rel, f"is not valid YAML{where}: {exc}")]
    try:
        return ClaimFile.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:20]:
            loc = ".".join(str(p) for p in err["loc"])
            problems.append(ContentProblem(rel, err["msg"], loc))
        return None, problems


def targets_of(question: Question) -> dict[str, tuple[Literal["key_point", "misconception"], str]]:
    """The question's rubric targets by id: key points and misconceptions with their texts."""
    if question.rubric is None:
        return {}
    out: dict[str, tuple[Literal["key_point", "misconception"], str]] = {}
    for kp in question.rubric.key_points:
        out[kp.id] = ("key_point", kp.text)
    for m in question.rubric.misconceptions:
        out[m.id] = ("misconception", m.statement)
    return out


def _shingles(text: str, n: int = COPY_SHINGLE_WORDS) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def calibration_shingles(bank: Bank) -> set[tuple[str, ...]]:
    """Word runs of every calibration answer in the bank (claims must not copy them)."""
    out: set[tuple[str, ...]] = set()
    for q in bank.questions.values():
        for c in q.calibration:
            out |= _shingles(c.answer)
    return out


def check_claim_file(
    claims: ClaimFile, rel: str, bank: Bank, calibration: set[tuple[str, ...]] | None = None
) -> list[ContentProblem]:
    """Problems of one parsed file against the bank: unknown targets, duplicates, copies."""
    problems: list[ContentProblem] = []
    question = bank.questions.get(claims.question)
    if question is None:
        return [ContentProblem(rel, f"unknown question {claims.question!r}", "question")]
    if Path(rel).stem != claims.question:
        problems.append(
            ContentProblem(rel, f"the file must be named {claims.question}.yaml", "question")
        )
    targets = targets_of(question)
    if not targets:
        return [ContentProblem(rel, f"{claims.question!r} has no rubric to label against")]
    seen: dict[str, int] = {}
    shingles = calibration if calibration is not None else calibration_shingles(bank)
    for i, item in enumerate(claims.items):
        where = f"items[{i}]"
        n_words = len(_words(item.text))
        if not MIN_WORDS <= n_words <= MAX_WORDS:
            problems.append(
                ContentProblem(rel, f"has {n_words} words; keep {MIN_WORDS}-{MAX_WORDS}", where)
            )
        key = _norm(item.text)
        if key in seen:
            problems.append(
                ContentProblem(rel, f"repeats the text of items[{seen[key]}]", where + ".text")
            )
        seen.setdefault(key, i)
        for target in item.labels:
            if target not in targets:
                problems.append(
                    ContentProblem(
                        rel,
                        f"{target!r} is not a key point or misconception of {claims.question}",
                        where + ".labels",
                    )
                )
        if _shingles(item.text) & shingles:
            problems.append(
                ContentProblem(
                    rel,
                    f"shares {COPY_SHINGLE_WORDS}+ words in a row with a calibration answer "
                    "(calibration answers are a test: write the claim in your own words)",
                    where + ".text",
                )
            )
    return problems


def coverage(claims: ClaimFile) -> dict[str, Counter[str]]:
    """Label counts per target id."""
    counts: dict[str, Counter[str]] = {}
    for item in claims.items:
        for target, label in item.labels.items():
            counts.setdefault(target, Counter())[label] += 1
    return counts


def coverage_problems(claims: ClaimFile, rel: str, question: Question) -> list[ContentProblem]:
    """Targets with too few examples of a label (each needs every kind of evidence)."""
    problems = []
    counts = coverage(claims)
    for target, (kind, _text) in targets_of(question).items():
        need = MIN_PER_KEY_POINT if kind == "key_point" else MIN_PER_MISCONCEPTION
        have = counts.get(target, Counter())
        short = [f"{label} {have[label]}/{n}" for label, n in need.items() if have[label] < n]
        if short:
            problems.append(
                ContentProblem(rel, "too few labelled examples: " + ", ".join(short), target)
            )
    return problems


def load_claims(
    bank: Bank, folder: Path | None = None
) -> tuple[dict[str, ClaimFile], list[ContentProblem]]:
    """Every claims file of the folder, checked against the bank, by question id."""
    folder = folder or claims_dir()
    files: dict[str, ClaimFile] = {}
    problems: list[ContentProblem] = []
    shingles = calibration_shingles(bank)
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        rel = f"claims/{path.name}"
        parsed, found = read_claim_file(path)
        problems.extend(ContentProblem(rel, p.message, p.field) for p in found)
        if parsed is None:
            continue
        problems.extend(check_claim_file(parsed, rel, bank, shingles))
        if parsed.question in files:
            problems.append(ContentProblem(rel, f"a second file for {parsed.question!r}"))
            continue
        files[parsed.question] = parsed
    return files, problems


def check_claims(
    bank: Bank, folder: Path | None = None, required: set[str] | None = None
) -> list[ContentProblem]:
    """Every problem of the corpus: per file, coverage of every free-text question, size.

    ``required``: the question ids that must have claims (default: every free-text question).
    """
    files, problems = load_claims(bank, folder)
    for question in sorted(bank.questions.values(), key=lambda q: q.id):
        if not question.is_free_text or question.rubric is None:
            continue
        if required is not None and question.id not in required:
            continue
        claims = files.get(question.id)
        if claims is None:
            problems.append(
                ContentProblem(
                    f"claims/{question.id}.yaml",
                    "missing: every free-text question needs labelled claims for the verifier",
                )
            )
            continue
        problems.extend(coverage_problems(claims, f"claims/{question.id}.yaml", question))
    total = sum(len(item.labels) for c in files.values() for item in c.items)
    if files and total < MIN_PAIRS:
        problems.append(
            ContentProblem("claims/", f"holds {total:,} labelled pairs; at least {MIN_PAIRS:,}")
        )
    return problems


def pairs(bank: Bank, files: Iterable[ClaimFile]) -> list[Pair]:
    """Flatten claim files into training pairs (targets resolved to their texts)."""
    out: list[Pair] = []
    for claims in files:
        targets = targets_of(bank.questions[claims.question])
        for item in claims.items:
            for target, label in item.labels.items():
                kind, text = targets[target]
                out.append(Pair(claims.question, target, kind, text, item.text, label, item.case))
    return out


def _summary(claims: ClaimFile, question: Question) -> str:
    counts = coverage(claims)
    lines = [f"{claims.question}: {len(claims.items)} items, "]
    total = sum(sum(c.values()) for c in counts.values())
    cases = Counter(item.case for item in claims.items)
    lines[0] += f"{total} pairs; cases: " + ", ".join(f"{k} {v}" for k, v in cases.most_common())
    for target, (kind, _text) in targets_of(question).items():
        have = counts.get(target, Counter())
        cells = " ".join(f"{label[:4]} {have[label]:3d}" for label in LABELS)
        lines.append(f"  {'KP' if kind == 'key_point' else 'MC'} {target:40s} {cells}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Validate claim files (default: all) and print their counts per target and label."""
    args = list(sys.argv[1:] if argv is None else argv)
    bank = load_bank()
    paths = [Path(a) for a in args] or sorted(claims_dir().glob("*.yaml"))
    shingles = calibration_shingles(bank)
    bad = 0
    for path in paths:
        parsed, problems = read_claim_file(path)
        if parsed is not None:
            problems += check_claim_file(parsed, str(path), bank, shingles)
            question = bank.questions.get(parsed.question)
            if question is not None:
                problems += coverage_problems(parsed, str(path), question)
                print(_summary(parsed, question))
        for p in problems:
            print(f"  PROBLEM {p}")
        bad += len(problems)
    print(f"{len(paths)} file(s), {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
