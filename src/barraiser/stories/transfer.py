"""Export and import of the story bank as JSON and as Markdown.

JSON (``barraiser stories export --format json``) is the complete form: every story's title,
five parts and dates. Markdown is for reading and for writing stories in an editor: ``## Title``
then ``### Situation``, ``### Task``, ``### Action``, ``### Result`` and ``### Reflection``
sections (any heading levels work, as long as the parts sit one level or more below the title).
A line of a part that starts with ``#`` is written with a backslash before it, so that it is
not read back as a heading; both forms read back exactly what was written.

Reading refuses a bad file with a sentence naming the problem (and, for a story, which one).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Literal

from barraiser.stories.entries import PART_LABELS, PARTS, StoryData, StoryInvalid, parse_story

Format = Literal["json", "markdown"]
FORMATS: tuple[Format, ...] = ("json", "markdown")
#: The ``format`` tag of an exported JSON file, and its version.
JSON_FORMAT = "barraiser-stories"
JSON_VERSION = 1
#: The largest file read, in bytes: a bank of a hundred long stories is far below it.
MAX_FILE_BYTES = 5_000_000
MAX_STORIES = 1_000


class TransferError(ValueError):
    """The file is not a story bank this can read; the message says what is wrong."""


@dataclass(frozen=True)
class ExportedStory:
    """A story as written to, or read from, a file."""

    story: StoryData
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


# --- writing -------------------------------------------------------------------------------


def to_json(stories: Sequence[ExportedStory], exported_at: dt.datetime) -> str:
    """The stories as one JSON document."""
    doc = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at": exported_at.isoformat(),
        "stories": [
            {
                "title": s.story.title,
                **s.story.parts(),
                "created_at": s.created_at.isoformat() if s.created_at else None,
                "updated_at": s.updated_at.isoformat() if s.updated_at else None,
            }
            for s in stories
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


_ESCAPABLE = re.compile(r"^(\\*)#")


def _escape(text: str) -> str:
    return "\n".join("\\" + line if _ESCAPABLE.match(line) else line for line in text.split("\n"))


def _unescape(text: str) -> str:
    return "\n".join(line[1:] if re.match(r"^\\+#", line) else line for line in text.split("\n"))


def to_markdown(stories: Sequence[ExportedStory], exported_at: dt.datetime) -> str:
    """The stories as Markdown: ``## Title``, then one ``###`` section per written part."""
    out = [
        "# STAR stories",
        "",
        f"Exported from barraiser on {exported_at.date().isoformat()}: {len(stories)} "
        f"{'story' if len(stories) == 1 else 'stories'}. Import it again with "
        "`barraiser stories import FILE` or on the stories page.",
    ]
    for s in stories:
        out += ["", f"## {s.story.title}"]
        if s.created_at:
            out += ["", f"<!-- created {s.created_at.isoformat()} -->"]
        for part, text in s.story.parts().items():
            if text:
                out += ["", f"### {PART_LABELS[part]}", "", _escape(text)]
    return "\n".join(out) + "\n"


def export_stories(stories: Sequence[ExportedStory], fmt: Format, exported_at: dt.datetime) -> str:
    """The stories in ``fmt`` (``json`` or ``markdown``)."""
    return to_json(stories, exported_at) if fmt == "json" else to_markdown(stories, exported_at)


# --- reading -------------------------------------------------------------------------------


def _date(value: Any, where: str) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise TransferError(f"{where} must be a date and time as text, like 2026-11-30T09:00:00Z.")
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise TransferError(
            f"{where} is {value!r}, which is not a date and time: use the ISO form, like "
            "2026-11-30T09:00:00+00:00."
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def _story(raw: Any, number: int, count: int) -> ExportedStory:
    where = f"Story {number}" if count > 1 else "The story"
    if not isinstance(raw, dict):
        raise TransferError(
            f"{where} is {type(raw).__name__}, not an object with a title and the parts "
            "situation, task, action, result and reflection."
        )
    title = raw.get("title")
    if isinstance(title, str) and title.strip() and count > 1:
        where += f" ({title.strip()[:60]!r})"
    try:
        story = parse_story(raw)
    except StoryInvalid as exc:
        raise TransferError(f"{where}: {exc}") from None
    return ExportedStory(
        story=story,
        created_at=_date(raw.get("created_at"), f"{where}'s created_at"),
        updated_at=_date(raw.get("updated_at"), f"{where}'s updated_at"),
    )


def from_json(text: str) -> list[ExportedStory]:
    """The stories of a JSON file: an export, a list of stories, or one story object."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TransferError(
            f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    if isinstance(doc, dict) and "stories" in doc:
        tag = doc.get("format", JSON_FORMAT)
        if tag != JSON_FORMAT:
            raise TransferError(
                f"The file's format is {tag!r}, not {JSON_FORMAT!r}: it is not a barraiser "
                "story bank."
            )
        version = doc.get("version", JSON_VERSION)
        if version != JSON_VERSION:
            raise TransferError(
                f"The file is version {version!r} of the story bank format; this barraiser reads "
                f"version {JSON_VERSION}. Export it again from the barraiser that wrote it."
            )
        raw_stories = doc["stories"]
        if not isinstance(raw_stories, list):
            raise TransferError("The file's 'stories' must be a list of stories.")
    elif isinstance(doc, list):
        raw_stories = doc
    elif isinstance(doc, dict):
        raw_stories = [doc]
    else:
        raise TransferError(
            f"The file holds {type(doc).__name__}: it must hold an exported story bank, a list "
            "of stories or one story (an object with a title and the five parts)."
        )
    return _checked([_story(raw, i + 1, len(raw_stories)) for i, raw in enumerate(raw_stories)])


# Closing hashes are kept: a title such as "Moved the team to C#" must read back whole.
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_CREATED = re.compile(r"^<!--\s*created\s+(\S+)\s*-->$")


def _part_name(heading: str) -> str | None:
    name = heading.strip().rstrip(":").strip().strip("*").strip().lower()
    return name if name in PARTS else None


def from_markdown(text: str) -> list[ExportedStory]:
    """The stories of a Markdown file (see the module's docstring for the layout)."""
    lines = text.replace("\r\n", "\n").split("\n")
    headings = [
        (i, len(m.group(1)), m.group(2))
        for i, line in enumerate(lines)
        if (m := _HEADING.match(line))
    ]
    # A title is a heading whose next heading is a part one level or more below it.
    title_level = next(
        (
            level
            for (_, level, _), (_, next_level, next_text) in pairwise(headings)
            if _part_name(next_text) and next_level > level
        ),
        None,
    )
    if title_level is None:
        raise TransferError(
            "The file has no story: write each story as a '## Title' heading followed by "
            "'### Situation', '### Task', '### Action', '### Result' and '### Reflection' "
            "sections."
        )
    stories: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    part: str | None = None
    body: list[str] = []

    def flush() -> None:
        if current is not None and part is not None:
            current[part] = _unescape("\n".join(body))

    for i, line in enumerate(lines):
        m = _HEADING.match(line)
        if m and len(m.group(1)) < title_level:
            flush()
            current, part, body = None, None, []
            continue
        if m and len(m.group(1)) == title_level:
            flush()
            current, part, body = {"title": m.group(2)}, None, []
            stories.append(current)
            continue
        if current is None:
            continue  # the file's own heading and introduction
        if m:
            name = _part_name(m.group(2))
            if name is None:
                raise TransferError(
                    f"Line {i + 1}: the heading {m.group(2)!r} in story {current['title']!r} is "
                    "not a part: use Situation, Task, Action, Result or Reflection (write "
                    "'\\#' to start a line of text with '#')."
                )
            flush()
            if name in current:
                raise TransferError(
                    f"Line {i + 1}: story {current['title']!r} has two {PART_LABELS[name]} "
                    "sections: merge them into one."
                )
            part, body = name, []
            continue
        if part is None:
            created = _CREATED.match(line.strip())
            if created:
                current["created_at"] = created.group(1)
            elif line.strip():
                raise TransferError(
                    f"Line {i + 1}: story {current['title']!r} has text before its first part: "
                    "put it under a '### Situation' (or another part) heading."
                )
            continue
        body.append(line)
    flush()
    return _checked([_story(raw, i + 1, len(stories)) for i, raw in enumerate(stories)])


def _checked(stories: list[ExportedStory]) -> list[ExportedStory]:
    if not stories:
        raise TransferError("The file holds no stories.")
    if len(stories) > MAX_STORIES:
        raise TransferError(
            f"The file holds {len(stories)} stories; import at most {MAX_STORIES} at a time."
        )
    return stories


def guess_format(name: str, text: str) -> Format:
    """``json`` for a ``.json`` name, ``markdown`` for ``.md``; otherwise ``json`` for text
    starting with ``{`` or ``[``, else ``markdown``."""
    lowered = name.lower()
    if lowered.endswith(".json"):
        return "json"
    if lowered.endswith((".md", ".markdown")):
        return "markdown"
    return "json" if text.lstrip()[:1] in {"{", "["} else "markdown"


def read_stories(data: bytes, name: str = "", fmt: Format | None = None) -> list[ExportedStory]:
    """The stories of a file's bytes, or :class:`TransferError` naming the problem."""
    if len(data) > MAX_FILE_BYTES:
        raise TransferError(
            f"The file has {len(data):,} bytes; a story bank file may have at most "
            f"{MAX_FILE_BYTES:,}."
        )
    if not data.strip():
        raise TransferError("The file is empty.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TransferError(
            "The file is not UTF-8 text: export it again, or save it as UTF-8 in your editor."
        ) from None
    if "\x00" in text:
        raise TransferError("The file is binary, not a JSON or Markdown story bank.")
    chosen = fmt or guess_format(name, text)
    return from_json(text) if chosen == "json" else from_markdown(text)
