"""What every content loader shares: where the shipped content is, reading a YAML file safely
(never through a link that leaves its folder), validating it against a schema, and the
problems found, each located by file and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

# The C loader (libyaml) parses several times faster; both are safe loaders.
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with the content, located by file and (where known) field."""

    path: str
    message: str
    field: str = ""

    def __str__(self) -> str:
        where = f"{self.path}: {self.field}" if self.field else self.path
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} content problem(s):\n{lines}")


def default_content_dir() -> Path:
    """The content shipped with the package (wheel) or, in a checkout, the repo's ``content/``."""
    here = Path(__file__).resolve().parent.parent
    shipped = here / "_content"
    if shipped.is_dir():
        return shipped
    return here.parent.parent / "content"


def escapes(path: Path, root: Path) -> bool:
    """True when ``path`` (after following links) lies outside ``root``: such a file is never
    read, so a link in a content folder cannot show another file of the machine."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop
        return True


def read_yaml(path: Path, root: Path, problems: list[ContentProblem]) -> Any:
    rel = relative_name(path, root)
    if escapes(path, root):
        problems.append(
            ContentProblem(
                rel,
                "is a link that leads outside the content folder; copy the file into the "
                "folder instead",
            )
        )
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(ContentProblem(rel, f"cannot read the file: {exc}"))
        return None
    try:
        return yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        problems.append(ContentProblem(rel, f"is not valid YAML{where}: {reason}"))
        return None


def relative_name(path: Path, root: Path) -> str:
    """How a file is named in a problem: relative to its content folder's parent."""
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def validate(
    model: type[M], data: Any, rel: str, problems: list[ContentProblem], prefix: str = ""
) -> M | None:
    if not isinstance(data, dict):
        problems.append(ContentProblem(rel, "expected a mapping (key: value) at the top", prefix))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = ".".join(str(part) for part in err["loc"])
            where = f"{prefix}.{loc}" if prefix and loc else (prefix or loc)
            message = err["msg"]
            if err["type"] == "missing":
                message = "is required but missing"
            elif err["type"] == "extra_forbidden":
                message = "is not a known field (check the spelling)"
            problems.append(ContentProblem(rel, message, where))
        return None


def content_dirs(extra: Path | None, folders: tuple[Path, ...] = ()) -> list[Path]:
    """The shipped content folder, then the user's extra folder if configured, then the content
    folders an admin enabled (hosted mode, :mod:`barraiser.content.folders`)."""
    dirs = [default_content_dir()]
    if extra is not None:
        dirs.append(extra)
    dirs.extend(folders)
    return dirs
