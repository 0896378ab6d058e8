"""The story bank: the candidate's STAR stories, kept per user, and their analyses.

Every story is committed before it is analysed; the analysis is saved beside it afterwards and
cleared whenever the story changes, so a failed analysis never loses a story (it is redone the
next time the story or the bank is read). Stories are private to their user: every read and
write is by user and id, and another user's story is "not found".
"""

from __future__ import annotations

import builtins
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from barraiser.content.schemas import LeadershipPrinciple
from barraiser.store import Store, utcnow
from barraiser.store.models import Story
from barraiser.stories.analysis import (
    ANALYSIS_VERSION,
    StoryAnalysis,
    analyze_story,
    read_analysis,
)
from barraiser.stories.coverage import AnalysedStory, Coverage, coverage_matrix
from barraiser.stories.entries import StoryData

if TYPE_CHECKING:
    from barraiser.grading.behavioral import Encoder

logger = logging.getLogger(__name__)


class StoryNotFound(LookupError):
    """No story with that id belongs to the user."""


class StoryOut(BaseModel):
    """One story of the bank, with its analysis (None until it has been analysed)."""

    id: int
    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    reflection: str = ""
    created_at: dt.datetime
    updated_at: dt.datetime
    analysis: StoryAnalysis | None = Field(
        default=None, description="What the story shows; null until it has been analysed."
    )

    @classmethod
    def of(cls, row: Story) -> StoryOut:
        return cls(
            id=row.id,
            title=row.title,
            situation=row.situation,
            task=row.task,
            action=row.action,
            result=row.result,
            reflection=row.reflection,
            created_at=row.created_at,
            updated_at=row.updated_at,
            analysis=read_analysis(row.analysis),
        )

    def data(self) -> StoryData:
        """The story as the candidate wrote it."""
        return StoryData(
            title=self.title,
            situation=self.situation,
            task=self.task,
            action=self.action,
            result=self.result,
            reflection=self.reflection,
        )


@dataclass(frozen=True)
class Imported:
    """What an import did: the stories it added, and those it skipped as already in the bank."""

    added: list[StoryOut] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _load(session: Session, user_id: int, story_id: int) -> Story:
    row = session.scalars(
        select(Story).where(Story.id == story_id, Story.user_id == user_id)
    ).first()
    if row is None:
        raise StoryNotFound(
            f"You have no story with id {story_id}: `barraiser stories list` (or /stories) "
            "lists yours."
        )
    return row


def _fill(row: Story, data: StoryData) -> None:
    row.title = data.title
    for part, text in data.parts().items():
        setattr(row, part, text)
    # The old analysis no longer describes the story.
    row.analysis = None
    row.analysis_version = None


class StoryBank:
    """Reads and writes one store's stories, and analyses them with ``encoder()``.

    ``encoder`` is called only when a story needs analysing (loading the embedding model takes
    seconds); when it or the analysis fails, the story stays saved and unanalysed.
    """

    def __init__(
        self,
        store: Store,
        principles: Sequence[LeadershipPrinciple],
        encoder: Callable[[], Encoder] | None = None,
    ) -> None:
        self.store = store
        self.principles = list(principles)
        self._encoder = encoder

    # --- reading -------------------------------------------------------------------------

    def list(self, user_id: int) -> builtins.list[StoryOut]:
        """The user's stories, analysing those not analysed yet; most recently changed first."""
        self.analyse_missing(user_id)
        return self._rows(user_id)

    def _rows(self, user_id: int) -> builtins.list[StoryOut]:
        with self.store.session() as session:
            rows = session.scalars(
                select(Story)
                .where(Story.user_id == user_id)
                .order_by(Story.updated_at.desc(), Story.id.desc())
            ).all()
            return [StoryOut.of(row) for row in rows]

    def get(self, user_id: int, story_id: int) -> StoryOut:
        """One of the user's stories (analysed now if it was not); :class:`StoryNotFound` for
        any other id."""
        with self.store.session() as session:
            story = StoryOut.of(_load(session, user_id, story_id))
        if story.analysis is None:
            return self.analyse(user_id, story_id)
        return story

    def coverage(self, user_id: int, stories: Sequence[StoryOut] | None = None) -> Coverage:
        """The coverage matrix of the user's stories (``stories`` if already read)."""
        stories = self.list(user_id) if stories is None else stories
        return coverage_matrix(
            self.principles, [AnalysedStory(s.id, s.title, s.analysis) for s in stories]
        )

    # --- writing -------------------------------------------------------------------------

    def create(self, user_id: int, data: StoryData) -> StoryOut:
        """Save a new story (committed first), then analyse it."""
        story_id = self._insert(user_id, [data])[0]
        return self.analyse(user_id, story_id)

    def _insert(
        self, user_id: int, stories: Sequence[StoryData], created: Sequence[dt.datetime | None] = ()
    ) -> builtins.list[int]:
        with self.store.session() as session:
            rows = []
            for i, data in enumerate(stories):
                when = created[i] if i < len(created) else None
                row = Story(user_id=user_id)
                if when is not None:
                    row.created_at = when
                _fill(row, data)
                session.add(row)
                rows.append(row)
            session.flush()
            return [row.id for row in rows]

    def update(self, user_id: int, story_id: int, data: StoryData) -> StoryOut:
        """Replace a story's title and parts (committed first), then analyse it again."""
        with self.store.session() as session:
            row = _load(session, user_id, story_id)
            _fill(row, data)
            row.updated_at = utcnow()
        return self.analyse(user_id, story_id)

    def delete(self, user_id: int, story_id: int) -> None:
        """Delete one of the user's stories."""
        with self.store.session() as session:
            session.delete(_load(session, user_id, story_id))

    def import_stories(
        self,
        user_id: int,
        stories: Sequence[StoryData],
        created: Sequence[dt.datetime | None] = (),
    ) -> Imported:
        """Add stories (all committed in one transaction, then analysed); a story already in
        the bank word for word is skipped, so importing a file twice adds nothing."""
        existing = {s.data() for s in self._rows(user_id)}
        fresh: builtins.list[StoryData] = []
        dates: builtins.list[dt.datetime | None] = []
        skipped: builtins.list[str] = []
        for i, data in enumerate(stories):
            if data in existing:
                skipped.append(data.title)
                continue
            existing.add(data)
            fresh.append(data)
            dates.append(created[i] if i < len(created) else None)
        ids = self._insert(user_id, fresh, dates) if fresh else []
        added = [self.analyse(user_id, story_id) for story_id in ids]
        return Imported(added=added, skipped=skipped)

    # --- analysis ------------------------------------------------------------------------

    def analyse(self, user_id: int, story_id: int) -> StoryOut:
        """Analyse a saved story and save the analysis beside it; on failure the story is
        returned unanalysed (the failure is logged)."""
        with self.store.session() as session:
            story = StoryOut.of(_load(session, user_id, story_id))
        if self._encoder is None:
            return story
        try:
            analysis = analyze_story(story.data(), self.principles, self._encoder())
        except Exception:  # the model or the analysis failed: the story itself is safe
            logger.exception("Story %s was saved but could not be analysed", story_id)
            return story
        with self.store.session() as session:
            row = _load(session, user_id, story_id)
            if StoryOut.of(row).data() != story.data():
                return StoryOut.of(row)  # changed meanwhile: its own analysis will follow
            row.analysis = analysis.model_dump(mode="json")
            row.analysis_version = ANALYSIS_VERSION
            return StoryOut.of(row)

    def analyse_missing(self, user_id: int) -> int:
        """Analyse the user's stories that have no current analysis; how many were done."""
        if self._encoder is None:
            return 0
        with self.store.session() as session:
            ids = session.scalars(
                select(Story.id).where(
                    Story.user_id == user_id,
                    (Story.analysis_version.is_(None))
                    | (Story.analysis_version != ANALYSIS_VERSION),
                )
            ).all()
        done = 0
        for story_id in ids:
            try:
                done += self.analyse(user_id, story_id).analysis is not None
            except StoryNotFound:
                continue  # deleted meanwhile
        return done
