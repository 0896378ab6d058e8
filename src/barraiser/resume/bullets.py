"""Judging one résumé bullet: a measurable result, a weak opening, its length; and the shape of
a rewrite (a verb, what was done, a placeholder for the result: never invented facts)."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A number that measures something: not a year, a version (YOLOv8), a metric's name (NDCG@10,
#: p99) or a compound adjective (6-layer).
_NUMBER = re.compile(
    r"(?<![\w.@/-])"
    r"(?:[$€£]\s?)?\d[\d,]*(?:\.\d+)?"
    r"(?:\s?(?:%|percent\b|pp\b|x\b|\u00d7|[kKMB]\b|\+))?"
    r"(?![\w@])(?!-[A-Za-z])"
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MULTIPLIER_WORDS = re.compile(
    r"\b(doubled|tripled|quadrupled|halved|twice as|three times|ten times)\b", re.IGNORECASE
)

#: Openings that describe a duty or a presence, not what the candidate did.
WEAK_OPENINGS: tuple[tuple[str, str], ...] = (
    (r"responsible for", "Responsible for"),
    (r"(?:was |were )?in charge of", "In charge of"),
    (r"helped(?: with| to)?", "Helped"),
    (r"assisted(?: with| in)?", "Assisted"),
    (r"worked on", "Worked on"),
    (r"worked with", "Worked with"),
    (r"participated in", "Participated in"),
    (r"(?:was )?involved in", "Involved in"),
    (r"tasked with", "Tasked with"),
    (r"duties included", "Duties included"),
    (r"contributed to", "Contributed to"),
    (r"(?:was )?part of", "Part of"),
    (r"supported", "Supported"),
)
_WEAK = [
    (re.compile(rf"^\s*{pattern}\b\s*", re.IGNORECASE), label) for pattern, label in WEAK_OPENINGS
]
MAX_WORDS = 35
MIN_WORDS = 5


@dataclass(frozen=True)
class BulletIssue:
    code: str
    message: str


def metrics(text: str) -> list[str]:
    """The quantities in a bullet that measure something (empty: no measurable result)."""
    found = []
    for match in _NUMBER.finditer(text):
        token = match.group(0).strip()
        if _YEAR.match(token):
            continue
        found.append(token)
    found.extend(m.group(0) for m in _MULTIPLIER_WORDS.finditer(text))
    return found


_RESULT_CLAUSE = re.compile(
    r"\b(?:rais|reduc|cut|lift|lower|improv|increas|grow|grew|sav|reach|tak|tripl|doubl|halv)"
    r"\w*\b[^,;]*?\d[^,;]*",
    re.IGNORECASE,
)
_FROM_TO = re.compile(r"\bfrom\s+[^,;]*?\d[^,;]*?\s+to\s+[^,;]*?\d[\w%.]*", re.IGNORECASE)


def result_phrase(text: str) -> str | None:
    """The bullet's measured result as a phrase ("raising recall from 41% to 58%"), or its
    strongest quantity (a percentage first), or None."""
    for pattern in (_RESULT_CLAUSE, _FROM_TO):
        match = pattern.search(text)
        if match:
            return match.group(0).strip().rstrip(".")
    found = metrics(text)
    percent = [m for m in found if "%" in m or "x" in m.lower() or "$" in m]
    best = percent or found
    return best[0] if best else None


def weak_opening(text: str) -> tuple[str, str] | None:
    """(the weak opening's label, the rest of the bullet) when the bullet starts with one."""
    for pattern, label in _WEAK:
        match = pattern.match(text)
        if match:
            return label, text[match.end() :]
    return None


def issues(text: str) -> list[BulletIssue]:
    """What a reader of the résumé would hold against the bullet."""
    found: list[BulletIssue] = []
    weak = weak_opening(text)
    if weak is not None:
        found.append(
            BulletIssue(
                "weak-opening",
                f'"{weak[0]}" describes a duty or a presence, not what you did: start with the '
                "verb of your own action (Built, Cut, Led, Shipped).",
            )
        )
    if not metrics(text):
        found.append(
            BulletIssue(
                "no-metric",
                "No measurable result: say what changed because of it, with a number "
                "(from X to Y, N% faster, $N saved, N users).",
            )
        )
    words = len(text.split())
    if words > MAX_WORDS:
        found.append(
            BulletIssue(
                "too-long",
                f"{words} words: a bullet a reader takes in at a glance is two lines at most "
                f"(about {MAX_WORDS} words); keep the action and the result.",
            )
        )
    elif words < MIN_WORDS:
        found.append(
            BulletIssue(
                "too-short",
                f"Only {words} words: say what you did, to what, and what came of it.",
            )
        )
    return found


#: Verbs to suggest, by what the bullet is about (first match wins). They are suggestions in
#: brackets: only the candidate knows which one is true.
_VERBS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(latency|cost|costs|spend|errors?|failures?)\b", re.I), "Cut / Reduced"),
    (
        re.compile(r"\b(pipelines?|etl|workflows?|jobs?|runbooks?|cleaning)\b", re.I),
        "Automated / Rebuilt / Sped up",
    ),
    (re.compile(r"\b(migration|moved|move)\b", re.I), "Led / Planned"),
    (
        re.compile(r"\b(models?|classifiers?|recommenders?|detectors?|forecasts?)\b", re.I),
        "Built / Trained / Shipped",
    ),
    (
        re.compile(r"\b(services?|api|platform|framework|dashboards?|tools?)\b", re.I),
        "Built / Designed / Launched",
    ),
    (
        re.compile(r"\b(grading|homework|office hours|students?|teaching)\b", re.I),
        "Taught / Ran / Graded",
    ),
    (re.compile(r"\b(review|meetings?|calibration)\b", re.I), "Ran / Led"),
    (re.compile(r"\b(papers?|research)\b", re.I), "Wrote / Co-authored"),
)
_DEFAULT_VERBS = "Built / Led / Designed"
RESULT_PLACEHOLDER = "[your measured result: what changed, from <before> to <after>, or by <N%>]"
SHAPE = "<verb of your own action> + <what you did it to> + <measurable result>"
_ACTION_VERB = re.compile(
    r"^(?:[A-Z][a-z]+ed|Built|Led|Ran|Wrote|Won|Made|Set|Cut|Drove|Took|Grew|Brought|Taught|Shipped"
    r"|Began|Built|Sped|Spun|Rewrote|Chose|Gave|Found|Held|Kept|Met|Put|Sold|Spent|Split)\b"
)
_HELPED_TEAM = re.compile(
    r"^(?P<who>(?:the |our |a )?(?:[\w-]+ ){0,3}(?:team|teams|scientists|engineers|group))\s+"
    r"(?:with|to|on|in)\s+(?P<what>.+)$",
    re.IGNORECASE,
)


def rewrite_shape(text: str) -> tuple[str, str]:
    """(the shape, an example in the bullet's own words). The verb is offered as choices in
    brackets and the result is a placeholder: only the candidate knows what is true."""
    weak = weak_opening(text)
    rest = (weak[1] if weak else text).strip().rstrip(".")
    if weak is None and _ACTION_VERB.match(rest):
        # Already opens with an action: keep the candidate's own verb, add the result.
        return SHAPE, f"{rest}, {RESULT_PLACEHOLDER}"
    helped = _HELPED_TEAM.match(rest)
    if helped:
        rest = f"{helped.group('what')} for {helped.group('who')}"
    # "maintaining the pipelines": the -ing word is what was done; the verb says it as action.
    words = rest.split(" ", 1)
    if len(words) == 2 and words[0].lower().endswith("ing"):
        rest = words[1]
    what = rest[:1].lower() + rest[1:] if rest[1:2].islower() or rest[1:2] == " " else rest
    return SHAPE, f"[{_suggest_verb(rest)}] {what}, {RESULT_PLACEHOLDER}"


def _suggest_verb(text: str) -> str:
    for pattern, verbs in _VERBS:
        if pattern.search(text):
            return verbs
    return _DEFAULT_VERBS
