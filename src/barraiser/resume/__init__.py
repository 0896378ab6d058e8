"""Résumé tailoring: read a résumé and a job description, report what to change, and make the
questions a recruiter and an interviewer would ask (issue 16, item 1).

- :mod:`~barraiser.resume.parse` reads PDF, DOCX, Markdown and text (PDF and DOCX in a child
  process with size, page, memory and time limits);
- :mod:`~barraiser.resume.analysis` builds the :class:`ResumeAnalysis`;
- :mod:`~barraiser.resume.latest` keeps each user's latest analysis in the database, which
  the loop's résumé round asks from.
"""

from __future__ import annotations

from barraiser.resume.analysis import analyze
from barraiser.resume.models import ResumeAnalysis
from barraiser.resume.parse import (
    MAX_FILE_BYTES,
    ParsedFile,
    ResumeFileError,
    read_bytes,
    read_file,
    read_text,
)

__all__ = [
    "MAX_FILE_BYTES",
    "ParsedFile",
    "ResumeAnalysis",
    "ResumeFileError",
    "analyze",
    "read_bytes",
    "read_file",
    "read_text",
]
