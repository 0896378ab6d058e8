"""The STAR story bank: the candidate's stories, what each shows, and the coverage matrix."""

from barraiser.stories.analysis import (
    FittingQuestion,
    StoryAnalysis,
    analyze_story,
    fitting_questions,
)
from barraiser.stories.coverage import Coverage, CoverageCell, coverage_matrix, principle_needs
from barraiser.stories.entries import (
    PART_HINTS,
    PART_LABELS,
    PARTS,
    Problem,
    StoryData,
    StoryInvalid,
    parse_story,
)
from barraiser.stories.service import Imported, StoryBank, StoryNotFound, StoryOut
from barraiser.stories.transfer import (
    FORMATS,
    ExportedStory,
    TransferError,
    export_stories,
    read_stories,
)

__all__ = [
    "FORMATS",
    "PARTS",
    "PART_HINTS",
    "PART_LABELS",
    "Coverage",
    "CoverageCell",
    "ExportedStory",
    "FittingQuestion",
    "Imported",
    "Problem",
    "StoryAnalysis",
    "StoryBank",
    "StoryData",
    "StoryInvalid",
    "StoryNotFound",
    "StoryOut",
    "TransferError",
    "analyze_story",
    "coverage_matrix",
    "export_stories",
    "fitting_questions",
    "parse_story",
    "principle_needs",
    "read_stories",
]
