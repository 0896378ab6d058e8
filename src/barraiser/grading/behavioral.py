"""Behavioural (STAR / Leadership Principle) analysis of a spoken-style answer.

How sentences are labelled Situation / Task / Action / Result:

1. Each sentence gets a *cue score* per label from hand-picked phrases ("when I was" -> Situation,
   "my goal was" -> Task, "I decided/built/led" -> Action, "as a result", numbers -> Result) and
   from an explicit header ("Result: ...") when the candidate uses one.
2. Each sentence gets a *semantic score* per label: its highest cosine similarity to a few
   prototype sentences of that label, using the embedding backend passed in.
3. A weak *position prior* nudges early sentences towards Situation and late ones towards Result,
   as stories are usually told in that order.
4. The label is the one with the highest sum. A part counts as present when at least one
   sentence carries it with a clear margin (``_PRESENT_MIN``); sentences that describe what the
   candidate *would* do are not real episodes and do not count towards Action or Result.

Leadership Principles: every sentence is compared with each principle's description and signals;
a principle's score is its best sentence-to-signal similarity and that sentence is the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, Field

from barraiser.content.schemas import LeadershipPrinciple
from barraiser.grading.text import split_sentences, word_count

StarPart = Literal["situation", "task", "action", "result"]
STAR_PARTS: tuple[StarPart, ...] = ("situation", "task", "action", "result")
LengthVerdict = Literal["too-short", "fine", "too-long"]

#: Spoken pace used to turn words into minutes, and the 2-3 minute window a good story fits in.
WORDS_PER_MINUTE = 130
TARGET_MIN = (2.0, 3.0)
#: Spoken estimates are rough: only call an answer short or long well outside the window.
SHORT_BELOW_MIN = 1.5
LONG_ABOVE_MIN = 3.5


class Encoder(Protocol):
    """What the analysis needs from an embedding backend: L2-normalised sentence vectors."""

    def encode(self, texts: list[str]) -> npt.NDArray[Any]: ...


class LabelledSentence(BaseModel):
    text: str
    part: StarPart
    scores: dict[StarPart, float] = Field(description="Combined score of each label.")
    hypothetical: bool = False


class PartSummary(BaseModel):
    present: bool
    sentences: int
    share: float = Field(description="Share of the answer's words in this part, 0-1.")


class PrincipleMatch(BaseModel):
    id: str
    name: str
    score: float
    evidence: str = Field(description="The sentence that best shows the principle.")
    signal: str = Field(description="The description or signal it matched.")


class Ownership(BaseModel):
    i_count: int
    we_count: int
    i_ratio: float = Field(description="I / (I + we); 1.0 when neither appears.")
    we_sentences: int = Field(description="Sentences saying 'we' and not 'I'.")
    sentences: int
    we_dominates: bool


class Quantity(BaseModel):
    text: str = Field(description="The quantity as written, e.g. '26 hours' or '0.9%'.")
    sentence: str
    part: StarPart


class LengthCheck(BaseModel):
    words: int
    minutes: float
    verdict: LengthVerdict


class StarAnalysis(BaseModel):
    """Everything the behavioural analysis found, with the advice to show the candidate."""

    sentences: list[LabelledSentence]
    parts: dict[StarPart, PartSummary]
    missing_parts: list[StarPart]
    principles: list[PrincipleMatch]
    ownership: Ownership
    quantities: list[Quantity]
    result_has_number: bool
    hypothetical: bool
    hypothetical_sentences: list[str]
    reflection: bool
    length: LengthCheck
    advice: list[str]


# --- cues ------------------------------------------------------------------------------------

_PROTOTYPES: dict[StarPart, list[str]] = {
    "situation": [
        "Last year I was working as an engineer on a team at a company.",
        "When I was at my previous job, our service had a problem with customers.",
        "The context was a product launch with a tight deadline.",
        "At the time the team was small and the system was old.",
    ],
    "task": [
        "My goal was to fix the problem before the deadline.",
        "I was responsible for delivering the project.",
        "I had to decide what to do first.",
        "My task was to find out why the metric dropped.",
    ],
    "action": [
        "I decided to rewrite the pipeline and I built a new model.",
        "I talked to the product manager and explained the trade-off.",
        "I analysed the data, found the cause and fixed the bug.",
        "I led the team through the migration and delegated the testing.",
    ],
    "result": [
        "As a result, latency dropped by 30% and customers stopped complaining.",
        "In the end the project shipped two days early and revenue grew.",
        "The outcome was that accuracy improved and the error rate fell by half.",
        "The model was launched and conversion went up by 2 percent.",
    ],
}

_CUES: dict[StarPart, list[str]] = {
    "situation": [
        r"\bwhen I was\b",
        r"\b(last|that) (year|spring|summer|autumn|fall|winter|month|quarter)\b",
        r"\bat my (previous|last|current|old) (job|company|team|role)\b",
        r"\bI was (the|a|an|one|working|on)\b",
        r"\b(a few|two|three|several) (years|months) ago\b",
        r"\bat the time\b",
        r"\bour (team|company|product|service)\b",
    ],
    "task": [
        r"\bmy (goal|task|job|responsibility|role) was\b",
        r"\bI was (responsible|asked|tasked|expected)\b",
        r"\bI (had|needed) to\b",
        r"\bI owned\b",
        r"\bthe (goal|challenge|problem) was\b",
    ],
    "action": [
        r"\bI (decided|built|led|wrote|designed|implemented|fixed|talked|spoke|went|"
        r"proposed|ran|analy[sz]ed|created|set up|added|cut|dropped|paired|asked|"
        r"explained|convinced|investigated|rewrote|changed|started|organi[sz]ed|"
        r"delegated|ranked|prioriti[sz]ed|negotiated|reached out|met|called|switched|"
        r"posted|trained|tested|measured)\b",
        r"\b(so|then|first|next) I\b",
    ],
    "result": [
        r"\bas a result\b",
        r"\bin the end\b",
        r"\b(the )?(outcome|result|impact) was\b",
        r"\bended up\b",
        r"\b(reduced|increased|improved|raised|cut|saved|dropped|grew|fell|rose)\b.*\bby\b",
        r"\bshipped\b",
        r"\blaunched\b",
    ],
}
_HEADER = re.compile(r"^\s*\**(situation|task|action|result)s?\**\s*[:\-]", re.IGNORECASE)
_CUE_WEIGHT = 0.12
_HEADER_WEIGHT = 0.5
_NUMBER_RESULT_WEIGHT = 0.08
_POSITION_WEIGHT = 0.06
#: A sentence labelled with a combined score below this does not make its part present.
_PRESENT_MIN = 0.35

_HYPOTHETICAL = re.compile(
    r"\b(I|we) would\b|\bI'd (?!been|had|already|never|just)\w+|\b(I|we)'ll\b|\bI will\b"
    r"|\bI (usually|always|generally|typically|normally|tend to)\b|\bmy approach (is|would be)\b",
    re.IGNORECASE,
)
_REFLECTION = re.compile(
    r"\b(I learned|I learnt|lesson|since then|next time|afterwards|looking back|in hindsight"
    r"|I now|now I|what I changed|I would do differently)\b",
    re.IGNORECASE,
)
_I_WORDS = re.compile(r"\b(I|me|my|mine|myself|I'm|I've|I'd|I'll)\b", re.IGNORECASE)
_WE_WORDS = re.compile(r"\b(we|us|our|ours|ourselves|we're|we've|we'd|we'll)\b", re.IGNORECASE)

_NUM_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|hundred|a few|several|a|half an?)"
)
_UNIT = (
    r"(?:percent|per cent|percentage points?|ms|milliseconds?|seconds?|minutes?|hours?|days?"
    r"|weeks?|months?|quarters?|years?|users?|customers?|engineers?|requests?|k|m|bn"
    r"|thousand|million|billion|x|times|points?|dollars?|euros?|pounds?|GB|TB|MB)"
)
_QUANTITY = re.compile(
    r"[$€£]\s?\d[\d,.]*\s?(?:k|m|bn|thousand|million|billion)?"
    r"|\b\d[\d,.]*\s?(?:%|x\b|\u00d7)"
    r"|\b\d[\d,.]*(?:\s?-\s?\d[\d,.]*)?\s?" + _UNIT + r"\b"
    r"|\b(?<!\d)\d+\.\d+\b"
    r"|\b" + _NUM_WORD + r"\s+" + _UNIT + r"\b(?!\s+ago)"
    r"|\b(doubled|tripled|halved|twice as|three times|ten times)\b"
    r"|\b(?!(?:19|20)\d\d\b)\d{2,}\b",
    re.IGNORECASE,
)


def _words(text: str) -> int:
    return word_count(text)


def _encode_fixed(backend: Encoder, texts: list[str]) -> npt.NDArray[Any]:
    """Embed texts that repeat across answers (prototypes, principles) with the cache if any."""
    cached = getattr(backend, "encode_cached", None)
    if callable(cached):
        return np.asarray(cached(texts))
    return backend.encode(texts)


# --- analysis --------------------------------------------------------------------------------


def analyze_behavioral(
    answer: str,
    principles: Sequence[LeadershipPrinciple],
    backend: Encoder,
    *,
    max_principles: int = 3,
    principle_threshold: float = 0.35,
) -> StarAnalysis:
    """Analyse a behavioural answer: STAR parts, principles shown, ownership, numbers, length."""
    sentences = [s.text for s in split_sentences(answer)]
    total_words = _words(answer)
    labelled = _label_sentences(sentences, backend) if sentences else []
    parts = _summarise_parts(labelled)
    missing = [p for p in STAR_PARTS if not parts[p].present]
    hypothetical_sentences = [s.text for s in labelled if s.hypothetical]
    hypothetical = bool(sentences) and len(hypothetical_sentences) / len(sentences) >= 0.3
    quantities = _quantities(labelled)
    result_has_number = any(q.part == "result" for q in quantities)
    ownership = _ownership(sentences)
    reflection = any(_REFLECTION.search(s) for s in sentences)
    minutes = round(total_words / WORDS_PER_MINUTE, 1)
    verdict: LengthVerdict = (
        "too-short"
        if minutes < SHORT_BELOW_MIN
        else "too-long"
        if minutes > LONG_ABOVE_MIN
        else "fine"
    )
    length = LengthCheck(words=total_words, minutes=minutes, verdict=verdict)
    matches = _principles(labelled, principles, backend, max_principles, principle_threshold)
    analysis = StarAnalysis(
        sentences=labelled,
        parts=parts,
        missing_parts=missing,
        principles=matches,
        ownership=ownership,
        quantities=quantities,
        result_has_number=result_has_number,
        hypothetical=hypothetical,
        hypothetical_sentences=hypothetical_sentences,
        reflection=reflection,
        length=length,
        advice=[],
    )
    analysis.advice = star_advice(analysis)
    return analysis


def _label_sentences(sentences: list[str], backend: Encoder) -> list[LabelledSentence]:
    proto_texts = [t for part in STAR_PARTS for t in _PROTOTYPES[part]]
    # Headers like "Situation:" would dominate the similarity; embed the sentence without them.
    bodies = [_HEADER.sub("", s).strip() or s for s in sentences]
    sent_vecs = backend.encode(bodies)
    proto_vecs = _encode_fixed(backend, proto_texts)
    sims = sent_vecs @ proto_vecs.T
    n = len(sentences)
    labelled: list[LabelledSentence] = []
    for i, sentence in enumerate(sentences):
        position = i / (n - 1) if n > 1 else 0.5
        header = _HEADER.match(sentence)
        has_number = bool(_QUANTITY.search(sentence))
        scores: dict[StarPart, float] = {}
        col = 0
        for part in STAR_PARTS:
            k = len(_PROTOTYPES[part])
            semantic = float(np.max(sims[i, col : col + k]))
            col += k
            cues = sum(1 for c in _CUES[part] if re.search(c, sentence, re.IGNORECASE))
            score = semantic + _CUE_WEIGHT * min(cues, 2)
            if header and header.group(1).lower() == part:
                score += _HEADER_WEIGHT
            if part == "result" and has_number:
                score += _NUMBER_RESULT_WEIGHT
            if part == "situation":
                score += _POSITION_WEIGHT * (1 - position)
            elif part == "result":
                score += _POSITION_WEIGHT * position
            scores[part] = round(score, 4)
        best = max(STAR_PARTS, key=lambda p: scores[p])
        labelled.append(
            LabelledSentence(
                text=sentence,
                part=best,
                scores=scores,
                hypothetical=bool(_HYPOTHETICAL.search(sentence)),
            )
        )
    return _carry_headers(labelled, sentences)


def _carry_headers(
    labelled: list[LabelledSentence], sentences: list[str]
) -> list[LabelledSentence]:
    """Sentences following an explicit header belong to that part until the next header."""
    current: StarPart | None = None
    for item, sentence in zip(labelled, sentences, strict=True):
        header = _HEADER.match(sentence)
        if header:
            current = header.group(1).lower()  # type: ignore[assignment]
        elif _REFLECTION.match(sentence) or sentence.lower().startswith("what i changed"):
            current = None
        if current is not None:
            item.part = current
    return labelled


def _summarise_parts(labelled: list[LabelledSentence]) -> dict[StarPart, PartSummary]:
    total = sum(_words(s.text) for s in labelled) or 1
    summary: dict[StarPart, PartSummary] = {}
    for part in STAR_PARTS:
        mine = [s for s in labelled if s.part == part]
        real = [s for s in mine if s.scores[part] >= _PRESENT_MIN and not s.hypothetical]
        summary[part] = PartSummary(
            present=bool(real),
            sentences=len(mine),
            share=round(sum(_words(s.text) for s in mine) / total, 3),
        )
    return summary


def _quantities(labelled: list[LabelledSentence]) -> list[Quantity]:
    found = []
    for s in labelled:
        for m in _QUANTITY.finditer(_HEADER.sub("", s.text)):
            found.append(Quantity(text=m.group(0).strip(), sentence=s.text, part=s.part))
    return found


def _ownership(sentences: list[str]) -> Ownership:
    i_count = sum(len(_I_WORDS.findall(s)) for s in sentences)
    we_count = sum(len(_WE_WORDS.findall(s)) for s in sentences)
    we_sentences = sum(1 for s in sentences if _WE_WORDS.search(s) and not _I_WORDS.search(s))
    ratio = i_count / (i_count + we_count) if i_count + we_count else 1.0
    dominates = we_count > i_count and we_sentences >= 2
    return Ownership(
        i_count=i_count,
        we_count=we_count,
        i_ratio=round(ratio, 3),
        we_sentences=we_sentences,
        sentences=len(sentences),
        we_dominates=dominates,
    )


def _principles(
    labelled: list[LabelledSentence],
    principles: Sequence[LeadershipPrinciple],
    backend: Encoder,
    limit: int,
    threshold: float,
) -> list[PrincipleMatch]:
    # Hypothetical sentences are not evidence of anything the candidate did.
    evidence = [s.text for s in labelled if not s.hypothetical]
    if not evidence or not principles:
        return []
    texts: list[str] = []
    owners: list[int] = []
    for idx, lp in enumerate(principles):
        for t in [f"{lp.name}: {lp.description}", *lp.signals]:
            texts.append(t)
            owners.append(idx)
    sims = backend.encode(evidence) @ _encode_fixed(backend, texts).T
    # Score = mean of the principle's two best-matched texts (each with its best sentence): one
    # lucky sentence is weaker evidence than two signals shown.
    best_row = np.argmax(sims, axis=0)
    best_val = sims[best_row, np.arange(sims.shape[1])]
    scored: list[tuple[float, int, int]] = []
    for idx in range(len(principles)):
        cols = [c for c, o in enumerate(owners) if o == idx]
        top = sorted(cols, key=lambda c: float(best_val[c]), reverse=True)[:2]
        value = float(np.mean([best_val[c] for c in top]))
        scored.append((value, idx, top[0]))
    scored.sort(reverse=True)
    matches = []
    for value, idx, col in scored[:limit]:
        if value < threshold:
            break
        lp = principles[idx]
        matches.append(
            PrincipleMatch(
                id=lp.id,
                name=lp.name,
                score=round(value, 3),
                evidence=evidence[int(best_row[col])],
                signal=texts[col],
            )
        )
    return matches


# --- advice ----------------------------------------------------------------------------------

_PART_ADVICE: dict[StarPart, str] = {
    "situation": "Set the scene in one or two sentences: where you were, your role, what was at "
    "stake.",
    "task": "Say what you were responsible for and why the decision or problem was yours.",
    "action": "Most of the answer should be your actions: what you decided, did and said, in "
    "order.",
    "result": "End with the Result: what changed because of what you did, with a number.",
}


def star_advice(analysis: StarAnalysis) -> list[str]:
    """Concrete, short advice for what the story is missing, most important first."""
    advice: list[str] = []
    if not analysis.sentences:
        return ["Tell one real story in STAR form: Situation, Task, Action, Result."]
    if analysis.hypothetical:
        advice.append(
            'This is hypothetical ("I would..."): tell one real time it happened and what you '
            "actually did."
        )
    for part in analysis.missing_parts:
        if analysis.hypothetical and part in ("action", "result"):
            continue
        advice.append(_PART_ADVICE[part])
    if analysis.parts["result"].present and not analysis.result_has_number:
        advice.append("Your Result has no number: what changed, by how much, and how fast?")
    own = analysis.ownership
    if own.we_dominates:
        advice.append(
            f"Say what *you* did: {own.we_sentences} of {own.sentences} sentences say 'we' "
            f"and never 'I' ({own.we_count} 'we' vs {own.i_count} 'I')."
        )
    action_share = analysis.parts["action"].share
    if analysis.parts["action"].present and action_share < 0.3 and len(analysis.sentences) >= 5:
        advice.append(
            f"Only {round(action_share * 100)}% of the story is Action: spend more of it on what "
            "you did and less on the background."
        )
    length = analysis.length
    if length.verdict == "too-short":
        advice.append(
            f"About {length.minutes} min spoken ({length.words} words): aim for 2-3 minutes, "
            "with detail on your actions and the result."
        )
    elif length.verdict == "too-long":
        advice.append(
            f"About {length.minutes} min spoken ({length.words} words): aim for 2-3 minutes; "
            "trim the background and keep the actions and numbers."
        )
    if not analysis.reflection and not analysis.hypothetical:
        advice.append("Close with one sentence on what you learned or do differently since.")
    return advice


# --- scoring ---------------------------------------------------------------------------------

#: Weights of the parts of a story's STAR quality (they sum to 1).  The principle weight is
#: shared out among the others when the grader knows no Leadership Principles.
QUALITY_WEIGHTS: dict[str, float] = {
    "situation": 0.10,
    "task": 0.10,
    "action": 0.20,
    "result": 0.15,
    "ownership": 0.15,
    "number": 0.10,
    "principle": 0.10,
    "reflection": 0.10,
}
#: A principle match at this similarity earns nothing, at ``+ _PRINCIPLE_SPAN`` full credit.
_PRINCIPLE_FLOOR = 0.35
_PRINCIPLE_SPAN = 0.12
#: "I" in this share of I/we mentions is full ownership.
_OWNERSHIP_FULL = 0.6


class StarQuality(BaseModel):
    """How well the answer is told as a story (0-1), and each component's credit (0-1)."""

    value: float
    components: dict[str, float]
    length_factor: float


def star_quality(analysis: StarAnalysis, *, with_principles: bool = True) -> StarQuality:
    """Score the telling of a story: STAR parts, ownership, a number, principles, reflection.

    The weighted sum is multiplied by a length factor: a story well under the 2-3 minute window
    (a skeleton) cannot earn its full structure credit, and a rambling one loses a little.  A
    hypothetical answer ("I would...") is not a story and keeps half at most.
    """
    own = analysis.ownership
    ownership = 0.0
    if own.i_count > 0:
        ownership = min(1.0, own.i_ratio / _OWNERSHIP_FULL)
        if own.we_dominates:
            ownership *= 0.5
    best_principle = max((p.score for p in analysis.principles), default=0.0)
    components: dict[str, float] = {
        **{part: float(analysis.parts[part].present) for part in STAR_PARTS},
        "ownership": ownership,
        "number": float(analysis.result_has_number),
        "principle": min(1.0, max(0.0, (best_principle - _PRINCIPLE_FLOOR) / _PRINCIPLE_SPAN)),
        "reflection": float(analysis.reflection),
    }
    weights = dict(QUALITY_WEIGHTS)
    if not with_principles:
        weights.pop("principle")
    total = sum(weights.values())
    value = sum(weights[k] * components[k] for k in weights) / total
    minutes = analysis.length.minutes
    if minutes < SHORT_BELOW_MIN:
        length_factor = minutes / SHORT_BELOW_MIN
    elif minutes > LONG_ABOVE_MIN:
        length_factor = 0.85
    else:
        length_factor = 1.0
    value *= length_factor
    if analysis.hypothetical:
        value *= 0.5
    return StarQuality(
        value=round(value, 4),
        components={k: round(v, 3) for k, v in components.items()},
        length_factor=round(length_factor, 3),
    )


#: Behavioural score = ``COVERAGE_WEIGHT`` x rubric coverage (full at ``COVERAGE_FULL``) +
#: ``STAR_WEIGHT`` x STAR quality x topic gate.  Story key points are rarely paraphrased
#: sentence by sentence, so coverage is full well before every point is matched.
COVERAGE_WEIGHT = 0.45
COVERAGE_FULL = 0.6
STAR_WEIGHT = 0.55
#: The gate: STAR credit flows only in proportion to on-topic content (rubric coverage between
#: these two values); a well-told story about something else, or an empty STAR skeleton, earns
#: little of it.
GATE_FROM = 0.05
GATE_FULL = 0.25


def combine_behavioral(coverage: float, quality: float) -> tuple[float, float]:
    """The behavioural score 0-100 from coverage and STAR quality (both 0-1), and the gate."""
    gate = min(1.0, max(0.0, (coverage - GATE_FROM) / (GATE_FULL - GATE_FROM)))
    score = 100.0 * (
        COVERAGE_WEIGHT * min(1.0, coverage / COVERAGE_FULL) + STAR_WEIGHT * quality * gate
    )
    return score, gate


def grade_story(
    text: str, coverage: float, principles: Sequence[LeadershipPrinciple], encoder: Any
) -> tuple[float, dict[str, Any]]:
    """A story's score from its rubric coverage and how it is told, and the result's ``star``.

    ``star`` is the analysis with ``quality`` (the STAR components, ``coverage`` and the
    ``topic_gate``); every grader that scores behavioural answers calls this one function.
    """
    analysis = analyze_behavioral(text, principles, encoder)
    quality = star_quality(analysis, with_principles=bool(principles))
    score, gate = combine_behavioral(coverage, quality.value)
    star = analysis.model_dump(mode="json")
    star["quality"] = {
        **quality.model_dump(mode="json"),
        "coverage": round(coverage, 4),
        "topic_gate": round(gate, 3),
    }
    return score, star
