"""The experiences journal: real interviews the candidate recorded, and practice drafts of the
questions asked in them."""

from barraiser.content.drafts import DraftRefused
from barraiser.journal.entries import (
    OUTCOME_LABELS,
    OUTCOMES,
    EntryData,
    EntryInvalid,
    Problem,
    parse_entry,
)
from barraiser.journal.service import EntryNotFound, EntryOut, Journal, PracticeQuestion

__all__ = [
    "OUTCOMES",
    "OUTCOME_LABELS",
    "DraftRefused",
    "EntryData",
    "EntryInvalid",
    "EntryNotFound",
    "EntryOut",
    "Journal",
    "PracticeQuestion",
    "Problem",
    "parse_entry",
]
