"""A STAR story as typed data, and the checks that turn raw input into one.

Raw input (the JSON API's body, the web form, the CLI's options, an imported file) is read by
:func:`parse_story`, which returns the story or every problem as a sentence that says what to
do; nothing is saved until the whole story is sound.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

StoryPart = Literal["situation", "task", "action", "result", "reflection"]
#: The five parts of a story, in the order it is told.
PARTS: tuple[StoryPart, ...] = ("situation", "task", "action", "result", "reflection")
PART_LABELS: dict[str, str] = {
    "situation": "Situation",
    "task": "Task",
    "action": "Action",
    "result": "Result",
    "reflection": "Reflection",
}
#: What each part should say, shown beside its box.
PART_HINTS: dict[str, str] = {
    "situation": "Where you were, your role, and what was at stake (one or two sentences).",
    "task": "What you were responsible for, and why the problem was yours.",
    "action": "What you did, decided and said, in order: say 'I', not 'we'.",
    "result": "What changed because of what you did, with a number.",
    "reflection": "What you learned, or what you do differently since.",
}
#: Longest title, and longest part, in characters.
MAX_TITLE_CHARS = 200
MAX_PART_CHARS = 10_000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: the field it is about, and what to do."""

    field: str
    message: str


class StoryInvalid(ValueError):
    """The input is not a sound story; ``problems`` says what to fix (nothing was saved)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(" ".join(p.message for p in self.problems))


@dataclass(frozen=True)
class StoryData:
    """A story as the candidate wrote it: a title and the five parts (any may be empty but not
    all)."""

    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    reflection: str = ""

    def parts(self) -> dict[str, str]:
        """The five parts by name, in telling order."""
        values = asdict(self)
        return {part: values[part] for part in PARTS}


def _clean(text: str) -> str:
    # Windows line ends from a pasted form, and trailing blanks, are not part of the story.
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


def parse_story(raw: Mapping[str, Any]) -> StoryData:
    """A sound story from raw input, or :class:`StoryInvalid` listing every problem.

    Unknown keys are ignored (an export's ``id`` or ``analysis``, say); missing parts are empty.
    """
    problems: list[Problem] = []
    values: dict[str, str] = {}
    for name in ("title", *PARTS):
        value = raw.get(name)
        if value is None:
            value = ""
        if not isinstance(value, str):
            label = "title" if name == "title" else f"the {name}"
            problems.append(Problem(name, f"Give {label} as text, not {type(value).__name__}."))
            value = ""
        values[name] = _clean(value)
    title = values.pop("title")
    if not title:
        problems.append(
            Problem("title", "Give the story a title, e.g. 'Cut fraud-model latency by 40%'.")
        )
    elif len(title) > MAX_TITLE_CHARS:
        problems.append(
            Problem(
                "title",
                f"The title has {len(title)} characters: shorten it to {MAX_TITLE_CHARS} or fewer.",
            )
        )
    if "\n" in title:
        problems.append(Problem("title", "Write the title on one line."))
    for name, value in values.items():
        if len(value) > MAX_PART_CHARS:
            problems.append(
                Problem(
                    name,
                    f"The {name} has {len(value)} characters: shorten it to {MAX_PART_CHARS} or "
                    "fewer (a told story lasts two to three minutes).",
                )
            )
    if not any(values.values()) and not any(p.field in PARTS for p in problems):
        problems.append(
            Problem(
                "action",
                "Write at least one part of the story: the situation, the task, what you did, "
                "the result or what you learned.",
            )
        )
    if problems:
        raise StoryInvalid(problems)
    return StoryData(title=title, **values)
