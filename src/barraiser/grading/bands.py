"""What a 0-100 grade is called: one set of cut-offs for every place that names a score.

The grader's feedback headline, the grade's label on a question page, a loop's ratings (strong
hire / inclined / no / strong no) and the review schedule all read these, so a score is never
"partial" on one page and "strong hire" on the next.
"""

from __future__ import annotations

from typing import Literal

#: From here an answer is strong: what a strong interviewer wants to hear, nothing wrong said.
STRONG_FROM = 80.0
#: From here the core of the answer is there, with important points missing.
PARTIAL_FROM = 55.0
#: From here the answer is weak but about the question; below, it is not yet an answer.
WEAK_FROM = 25.0

Band = Literal["strong", "partial", "weak", "not yet an answer"]


def band(score: float, *, misconceptions: bool = False) -> Band:
    """The word for ``score``; an answer that states a misconception is never "strong"."""
    if score >= STRONG_FROM and not misconceptions:
        return "strong"
    if score >= PARTIAL_FROM:
        return "partial"
    if score >= WEAK_FROM:
        return "weak"
    return "not yet an answer"
