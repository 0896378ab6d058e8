"""The approach question of a coding round: "what is its time and space complexity, and what
trade-off did you make?", asked once a submission is accepted, graded without a model.

The answer earns points in four parts, each with the sentence that earned them:

* **time** (40) and **space** (25): the bounds the candidate states, read from big-O notation
  (``O(n log n)``, ``O(nlogn)``, ``O(|s| + |t|)``) and from words ("linear time", "n log n",
  "quadratic", "constant extra space"), compared with the problem's stated complexity
  (:class:`~barraiser.content.problems.Complexity`).  A bound equal to the intended one (or to
  one of the forms the problem also accepts) earns the part; any other bound earns nothing, and
  the evidence says which bound was expected.  A bound is about space only when its clause says
  so ("memory", "space", "extra"); one with neither word is taken as the running time.  Bounds
  given for an alternative ("brute force would be O(n^2)", "instead of O(n log n)") are not the
  candidate's claim: they count as naming a trade-off.
* **trade-off** (20): a sentence that weighs one choice against another ("trading memory for
  speed", "sorting instead of hashing", "at the cost of").
* **approach** (15): a sentence that names the approach (the problem's ``approach_terms``:
  "hash map", "two pointers", "binary search").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from barraiser.content.complexity import Bound, BoundError, parse_bound
from barraiser.content.problems import Complexity
from barraiser.grading.text import find_phrase, split_sentences, tokens

APPROACH_GRADER_VERSION = "approach-1"
#: What the interviewer asks after an accepted submission.
APPROACH_QUESTION = (
    "Walk me through your approach: what is its time and space complexity, and what trade-off "
    "did you make?"
)

PartId = Literal["time", "space", "trade-off", "approach"]
PartStatus = Literal["correct", "wrong", "missing"]

#: Points of each part; they add up to 100.
POINTS: dict[PartId, float] = {"time": 40.0, "space": 25.0, "trade-off": 20.0, "approach": 15.0}
_LABELS: dict[PartId, str] = {
    "time": "Time complexity",
    "space": "Space complexity",
    "trade-off": "Trade-off",
    "approach": "Approach named",
}

_O_START = re.compile(r"(?<![A-Za-z])(?:big[\s-]*)?[oOΘθ]\s*\(")
# Bounds in words; each maps to an expression in the problem's "size" (what "linear" means).
_WORD_BOUNDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![a-z])n\s*[*·]?\s*log\s*\(?\s*n\s*\)?(?![a-z])"), "SIZE log(SIZE)"),
    (re.compile(r"(?<![a-z])(?:log[\s-]?linear|linearithmic|quasi[\s-]?linear)"), "SIZE log(SIZE)"),
    (re.compile(r"(?<![a-z-])linear(?:ly)?(?![a-z])"), "SIZE"),
    (re.compile(r"(?<![a-z])(?:quadratic(?:ally)?|n\s+squared)(?![a-z])"), "(SIZE)^2"),
    (re.compile(r"(?<![a-z])cubic(?![a-z])"), "(SIZE)^3"),
    (re.compile(r"(?<![a-z])logarithmic(?:ally)?(?![a-z])"), "log(SIZE)"),
    (re.compile(r"(?<![a-z])constant(?![a-z])"), "1"),
)
_TIME_WORDS = re.compile(
    r"(?<![a-z])(?:time|runtime|run[\s-]time|running|runs?|speed|operations|steps)(?![a-z])"
)
_SPACE_WORDS = re.compile(r"(?<![a-z])(?:space|memory|storage|auxiliary|extra)(?![a-z])")
# "O(n) time and space": one bound for both; the "and" must not split the clause.
_BOTH = re.compile(r"(?<![a-z])(time|space|memory)( and | & )(time|space|memory)(?![a-z])")
_CLAUSE_BREAK = re.compile(
    r"[,;:()]|(?<![a-z_])(?:and|but|while|whereas|which|so|plus|then)(?![a-z_])"
)
# Before a bound: the bound is an alternative's, not the candidate's own claim.
_CONTRAST = re.compile(
    r"brute[\s-]?force|naive(?:ly)?|instead of|rather than|than|compared (?:to|with)|versus|"
    r"(?<![a-z])vs\.?(?![a-z])|alternative(?:ly)?|otherwise|if (?:we|you|i)|without|down from|"
    r"improv|nested loops?|all pairs|every pair|would (?:be|take|cost|need)|could (?:be|take)"
)
_TRADE_OFF = re.compile(
    r"trade[\s-]?offs?|trad(?:e|es|ed|ing) (?:\w+ ){0,3}(?:for|against|off)|at the (?:cost|"
    r"expense) of|in exchange for|in return for|sacrific|downside|drawback|on the other hand|"
    r"instead|rather than|versus|(?<![a-z])vs\.?(?![a-z])|compared (?:to|with)|"
    r"(?:more|less) (?:memory|space)|(?:memory|space) for (?:speed|time)|"
    r"(?:speed|time) for (?:memory|space)|brute[\s-]?force|naive|alternatively|could also|"
    r"(?:faster|slower|simpler|cheaper) (?:but|than|at)|the price"
)


class ApproachPart(BaseModel):
    """One part of the approach answer: what earned (or missed) its points, with the sentence."""

    id: PartId
    label: str
    status: PartStatus
    points: float
    max_points: float
    evidence: str | None = Field(default=None, description="The candidate's sentence, if any.")
    claimed: str | None = Field(default=None, description="The bound the candidate gave.")
    expected: str | None = Field(default=None, description="The intended solution's bound.")
    note: str = Field(description="What this part found, in a sentence.")


class ApproachGrade(BaseModel):
    """The grade of an approach answer: 0-100, part by part."""

    score: float
    parts: list[ApproachPart]
    feedback: str
    grader_version: str = APPROACH_GRADER_VERSION

    def part(self, part_id: PartId) -> ApproachPart:
        return next(p for p in self.parts if p.id == part_id)


@dataclass(frozen=True)
class Claim:
    """A bound found in the answer: its words, its canonical form, what it is about."""

    text: str
    bound: Bound
    kinds: frozenset[str]  # {"time"}, {"space"}, both, or empty (said of nothing: time)
    contrast: bool  # given for an alternative, not as the candidate's own bound
    sentence: str


def _o_spans(text: str) -> list[tuple[int, int]]:
    """Where ``O(...)`` bounds are, brackets balanced."""
    spans: list[tuple[int, int]] = []
    for match in _O_START.finditer(text):
        depth, end = 0, None
        for i in range(match.end() - 1, len(text)):
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                depth -= 1
                if depth == 0:
                    end = i + 1
                    break
        if end is not None and not any(s <= match.start() < e for s, e in spans):
            spans.append((match.start(), end))
    return spans


def _mentions(lower: str, size: str) -> list[tuple[int, int, str]]:
    """(start, end, bound text) of every bound in a lower-cased sentence, in order."""
    found = [(s, e, lower[s:e]) for s, e in _o_spans(lower)]
    for pattern, expression in _WORD_BOUNDS:
        for match in pattern.finditer(lower):
            if any(s < match.end() and match.start() < e for s, e, _ in found):
                continue
            found.append((match.start(), match.end(), expression.replace("SIZE", f"({size})")))
    return sorted(found)


def _clause(lower: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause around ``[start, end)``: broken by punctuation and conjunctions outside bounds."""
    breaks = [
        m.start()
        for m in _CLAUSE_BREAK.finditer(lower)
        if not any(s <= m.start() < e for s, e in spans)
    ]
    left = max((b for b in breaks if b < start), default=-1) + 1
    right = min((b for b in breaks if b >= end), default=len(lower))
    return left, right


def claims(text: str, complexity: Complexity) -> list[Claim]:
    """Every bound the answer states, with what it is about and whether it is the candidate's."""
    out: list[Claim] = []
    for sentence in split_sentences(text):
        lower = sentence.text.lower()
        # Same length, so positions stay put: "time and space" becomes one phrase.
        lower = _BOTH.sub(lambda m: m.group(1) + "_" * len(m.group(2)) + m.group(3), lower)
        mentions = _mentions(lower, complexity.size)
        spans = [(s, e) for s, e, _ in mentions]
        previous_end = 0
        for start, end, bound_text in mentions:
            left, right = _clause(lower, start, end, spans)
            clause = lower[left:right]
            if len(mentions) == 1:  # "linear in the cells, both time and memory": the sentence
                left, right, clause = 0, len(lower), lower
            word_bound = not bound_text.startswith(("o", "big", "θ"))
            time_hit = _TIME_WORDS.search(clause)
            space_hit = _SPACE_WORDS.search(clause)
            if word_bound and not (time_hit or space_hit):
                continue  # "a linear scan", "a constant": not a complexity claim
            try:
                bound = parse_bound(bound_text, complexity.aliases)
            except BoundError:
                continue
            kinds = _kinds(clause, start - left, end - left, time_hit, space_hit, spans, left)
            before = lower[max(left, previous_end) : start]
            out.append(
                Claim(
                    text=sentence.text[start:end] if not word_bound else lower[start:end],
                    bound=bound,
                    kinds=kinds,
                    contrast=bool(_CONTRAST.search(before)),
                    sentence=sentence.text,
                )
            )
            previous_end = end
    return out


def _kinds(
    clause: str,
    start: int,
    end: int,
    time_hit: re.Match[str] | None,
    space_hit: re.Match[str] | None,
    spans: list[tuple[int, int]],
    offset: int,
) -> frozenset[str]:
    """What a bound is about, from the time and space words of its clause."""
    if time_hit and space_hit:
        if sum(1 for s, _ in spans if offset <= s < offset + len(clause)) <= 1:
            return frozenset({"time", "space"})
        distances = [
            (abs(m.start() - start), kind)
            for kind, pattern in (("time", _TIME_WORDS), ("space", _SPACE_WORDS))
            for m in pattern.finditer(clause)
        ]
        return frozenset({min(distances)[1]})
    if time_hit:
        return frozenset({"time"})
    if space_hit:
        return frozenset({"space"})
    return frozenset()


#: Words that mark a correction of a bound said just before.
_CORRECTION = re.compile(r"\b(actually|I mean|rather|correction|sorry|no,|wait)\b", re.IGNORECASE)


def _accepted(first: str, also: Iterable[str], complexity: Complexity) -> set[Bound]:
    return {parse_bound(text, complexity.aliases) for text in [first, *also]}


def _bound_part(
    part_id: Literal["time", "space"], found: list[Claim], complexity: Complexity
) -> ApproachPart:
    expected_text = complexity.time if part_id == "time" else complexity.space
    also = complexity.time_also if part_id == "time" else complexity.space_also
    accepted = _accepted(expected_text, also, complexity)
    own = [c for c in found if not c.contrast]
    if part_id == "time":
        about = [c for c in own if "time" in c.kinds] or [c for c in own if not c.kinds]
    else:
        about = [c for c in own if "space" in c.kinds]
    what = "running time" if part_id == "time" else "extra space"
    base = {"id": part_id, "label": _LABELS[part_id], "max_points": POINTS[part_id]}
    if not about:
        return ApproachPart(
            **base,
            status="missing",
            points=0.0,
            expected=expected_text,
            note=f"No {what} was stated: say it as a bound, e.g. “{expected_text} {part_id}”.",
        )
    # The candidate's last word on the bound counts ("O(n^2)... actually, O(n)"); several
    # different bounds for the same part with no correction is a guess, not an answer.
    # Bounds in a sentence about an alternative ("brute force would be O(n^2) with O(1)
    # space") describe that alternative when the answer states its own elsewhere.
    contrast = {c.sentence for c in found if c.contrast}
    clean = [c for c in about if c.sentence not in contrast] or about
    final = clean[-1]
    corrected = bool(_CORRECTION.search(final.sentence))
    conflicting = len({c.bound for c in clean}) > 1 and not corrected
    right = final if final.bound in accepted and not conflicting else None
    if right is not None:
        return ApproachPart(
            **base,
            status="correct",
            points=POINTS[part_id],
            evidence=right.sentence,
            claimed=right.text,
            expected=expected_text,
            note=f"The {what} matches the intended solution's {expected_text}.",
        )
    wrong = final
    return ApproachPart(
        **base,
        status="wrong",
        points=0.0,
        evidence=wrong.sentence,
        claimed=wrong.text,
        expected=expected_text,
        note=(
            f"You said {wrong.text}; the intended solution's {what} is {expected_text}. If yours "
            "really differs, say why: the interviewer will ask."
        ),
    )


def _sentence_part(
    part_id: Literal["trade-off", "approach"], sentence: str | None, found: str, missing: str
) -> ApproachPart:
    return ApproachPart(
        id=part_id,
        label=_LABELS[part_id],
        status="correct" if sentence else "missing",
        points=POINTS[part_id] if sentence else 0.0,
        max_points=POINTS[part_id],
        evidence=sentence,
        note=found if sentence else missing,
    )


def _trade_off_sentence(text: str, found: list[Claim]) -> str | None:
    for sentence in split_sentences(text):
        if _TRADE_OFF.search(sentence.text.lower()):
            return sentence.text
    # A bound given for an alternative weighs two approaches too.
    return next((c.sentence for c in found if c.contrast), None)


def _approach_sentence(text: str, terms: Iterable[str]) -> str | None:
    for sentence in split_sentences(text):
        lower = sentence.text.lower()
        words = tokens(lower)
        for term in terms:
            term_lower = term.lower()
            if not re.search(r"[a-z0-9]", term_lower[-1]):  # "ok[": matched as written
                if term_lower in lower:
                    return sentence.text
            elif find_phrase(term_lower, words):
                return sentence.text
    return None


def grade_approach(text: str, complexity: Complexity) -> ApproachGrade:
    """Grade the candidate's account of an accepted solution against the problem's complexity."""
    found = claims(text, complexity)
    parts = [
        _bound_part("time", found, complexity),
        _bound_part("space", found, complexity),
        _sentence_part(
            "trade-off",
            _trade_off_sentence(text, found),
            "You weighed your choice against another.",
            "No trade-off was named: say what your choice costs and what it buys (e.g. extra "
            "memory for a faster lookup), or what the alternative would have cost.",
        ),
        _sentence_part(
            "approach",
            _approach_sentence(text, complexity.approach_terms),
            "You named the approach.",
            "The approach itself was not named: start with the idea (e.g. "
            f"“{complexity.approach_terms[0]}”) before the bounds.",
        ),
    ]
    score = round(sum(p.points for p in parts), 1)
    return ApproachGrade(score=score, parts=parts, feedback=_feedback(parts, score))


def _feedback(parts: list[ApproachPart], score: float) -> str:
    wrong = [p for p in parts if p.status == "wrong"]
    missing = [p.label.lower() for p in parts if p.status == "missing"]
    if not wrong and not missing:
        return "A complete account: the approach, both bounds right, and the trade-off named."
    bits = []
    if wrong:
        bits.append(
            "Check your bounds: "
            + "; ".join(f"{p.label.lower()} {p.expected}, not {p.claimed}" for p in wrong)
            + "."
        )
    if missing:
        bits.append("Not said: " + ", ".join(missing) + ".")
    return f"{score:.0f}/100. " + " ".join(bits)
