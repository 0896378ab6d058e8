"""Stories written to train the Leadership Principle detector (``content/principle_training``).

Read here, beside the other content, so ``content check`` can validate them without importing
the grader; ``barraiser.grading.principles`` trains on them.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from barraiser.content.loader import default_content_dir
from barraiser.content.schemas import Slug, Text


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TrainingStory(_Strict):
    id: Slug
    principles: list[Slug] = Field(min_length=1, max_length=2)
    story: Text


class _TrainingFile(_Strict):
    stories: list[TrainingStory]


def training_dir(content_dir: Path | None = None) -> Path:
    return (content_dir or default_content_dir()) / "principle_training"


def load_training(folder: Path | None = None) -> tuple[list[TrainingStory], list[str]]:
    """Every training story (sorted by id) and the problems found reading them."""
    folder = folder or training_dir()
    stories: list[TrainingStory] = []
    problems: list[str] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        rel = f"principle_training/{path.name}"
        try:
            parsed = _TrainingFile.model_validate(yaml.safe_load(path.read_text("utf-8")))
        except (yaml.YAMLError, ValidationError, UnicodeDecodeError) as exc:
            problems.append(f"{rel}: {str(exc).splitlines()[0]}")
            continue
        for story in parsed.stories:
            if story.id in seen:
                problems.append(f"{rel}: story id {story.id!r} is used twice")
                continue
            seen.add(story.id)
            stories.append(story)
    return sorted(stories, key=lambda s: s.id), problems
