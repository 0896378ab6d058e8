"""Which Leadership Principles a résumé bullet could support in an interview story.

The story principle detector (:mod:`barraiser.grading.principles`) is trained on whole stories;
on a one-line bullet it is often confidently wrong (a plain "Built a retrieval model" scored
Frugality 0.57 on the fixtures), so it does not decide alone. A principle is a candidate only
when the bullet has one of the principle's cue words (:data:`CUES`: "mentored" for Hire and
Develop the Best, "root cause" for Dive Deep, a cost or a dollar amount for Frugality...); the
detector's probability then ranks the candidates, and at most two are kept. A bullet without
cues (most "Responsible for ..." bullets) supports no principle yet, which is the point to make
to the candidate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from barraiser.content.schemas import LeadershipPrinciple
from barraiser.resume.models import BulletPrinciple

PER_BULLET = 2

_RESULT = r"(?:rais|reduc|cut|lift|lower|improv|increas|grow|grew|doubl|halv|sav)\w*"
CUES: dict[str, str] = {
    "customer-obsession": r"customers?|users?|shoppers?|patients?|clients?|complaints?|"
    r"store managers?|planning team",
    "ownership": r"owned|ownership|on-call|on call|end[- ]to[- ]end|took over",
    "invent-and-simplify": r"introduced|invented|designed|redesigned|simplif\w*|automated|"
    r"self-serve|replaced|reusable|new approach",
    "are-right-a-lot": r"decided|decision|chose|trade-?offs?|difference-in-differences|"
    r"causal|study of",
    "learn-and-be-curious": r"learned|self-taught|taught myself|research\w*|explored|"
    r"published|papers?|reading group|postdoctoral",
    "hire-and-develop-the-best": r"mentor\w*|coach\w*|hired|hiring|onboard\w*|promoted|"
    r"teaching|office hours|reading group|students",
    "insist-on-the-highest-standards": r"guardrails?|quality|standards?|code reviews?|"
    r"reliab\w*|monitoring|alerts?|validation|evaluation framework|accuracy dashboard|audit\w*",
    "think-big": r"platform|company-wide|org-wide|\d+\+? teams|vision|roadmap|strategy|"
    r"company's",
    "bias-for-action": r"(?:weeks?|days?) early|quickly|prototype\w*|within \d+ (?:days|weeks)|"
    r"unblocked|from \d+ weeks to \d+ days",
    "frugality": r"costs?|spend|saving|saved|budget|cheaper|idle|spot instances|\$\s?\d",
    "earn-trust": r"stakeholders?|trust|transparen\w*|partnered|cross-functional|presented|"
    r"review with|aligned",
    "dive-deep": r"root cause|traced|debugged|investigated|diagnosed|profil\w*|deep dive|"
    r"found that|\bbugs?\b",
    "have-backbone-disagree-and-commit": r"pushed back|disagreed|challenged|argued|convinced|"
    r"persuaded",
    "deliver-results": rf"launch\w*|shipped|delivered|released|{_RESULT}",
    "strive-to-be-earths-best-employer": r"wellbeing|well-being|inclusi\w*|burnout|"
    r"on-call load|team health|diversity",
    "success-and-scale-bring-broad-responsibility": r"privacy|fairness|safety|ethic\w*|"
    r"carbon|energy use|responsible ai|compliance|accessib\w*|hallucinat\w*",
}
_CUE_PATTERNS = {pid: re.compile(rf"\b(?:{body})", re.IGNORECASE) for pid, body in CUES.items()}
_NUMBER = re.compile(r"\d")


def cues(text: str) -> dict[str, str]:
    """principle id -> the first cue word of the bullet (only principles it has cues for).

    Deliver Results needs a measured result too: a number beside its verb.
    """
    found = {}
    for pid, pattern in _CUE_PATTERNS.items():
        match = pattern.search(text)
        if match is None:
            continue
        if pid == "deliver-results" and not _NUMBER.search(text):
            continue
        found[pid] = match.group(0)
    return found


def bullet_principles(
    texts: Sequence[str],
    vectors: npt.NDArray[Any],
    principles: Sequence[LeadershipPrinciple],
) -> list[list[BulletPrinciple]]:
    """For each bullet, up to :data:`PER_BULLET` principles it could support, best first."""
    from barraiser.grading.principles import shipped_model

    known = {p.id: p for p in principles}
    model = shipped_model()
    out: list[list[BulletPrinciple]] = []
    for text, vector in zip(texts, vectors, strict=True):
        candidates = {pid: cue for pid, cue in cues(text).items() if pid in known}
        if not candidates:
            out.append([])
            continue
        if model is not None:
            probs = model.probabilities(model.features([text], np.asarray(vector)[None, :]))[0]
            score = {
                pid: float(probs[model.ids.index(pid)]) for pid in candidates if pid in model.ids
            }
        else:  # no shipped weights: the cues alone, in the principles' order
            score = {}
        ranked = sorted(candidates, key=lambda pid: -score.get(pid, 0.0))
        out.append(
            [
                BulletPrinciple(
                    id=pid,
                    name=known[pid].name,
                    score=round(score.get(pid, 0.0), 3),
                    cue=candidates[pid],
                )
                for pid in ranked[:PER_BULLET]
            ]
        )
    return out
