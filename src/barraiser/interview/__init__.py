"""The interview engine: loops and practice sessions (``engine.InterviewService``), their rounds,
clocks, scorecards and debrief, and the services that save then grade answers and judge code."""

from barraiser.interview.submissions import (
    SubmissionError,
    SubmissionLimits,
    SubmissionService,
    SubmissionState,
)

__all__ = ["SubmissionError", "SubmissionLimits", "SubmissionService", "SubmissionState"]
