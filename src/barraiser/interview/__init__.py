"""The interview engine: code submissions now; loops, rounds, timers and scorecards later."""

from barraiser.interview.submissions import (
    SubmissionError,
    SubmissionLimits,
    SubmissionService,
    SubmissionState,
)

__all__ = ["SubmissionError", "SubmissionLimits", "SubmissionService", "SubmissionState"]
