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
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from barraiser.grading.rubric import PreparedRubric

from barraiser.content.schemas import LeadershipPrinciple
from barraiser.grading.principles import detect
from barraiser.grading.result import KeyPointResult
from barraiser.grading.text import STOPWORDS, split_sentences, tokens, word_count

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
    episode: bool = Field(
        default=False, description="Narrates something that happened (a past-tense event)."
    )
    generic: bool = Field(
        default=False, description="A general claim about oneself or work, not an event."
    )
    mine: bool = Field(default=False, description="Says what the candidate did ('I' + a verb).")


class PartSummary(BaseModel):
    present: bool
    sentences: int
    share: float = Field(description="Share of the answer's words in this part, 0-1.")


class PrincipleMatch(BaseModel):
    id: str
    name: str
    score: float = Field(description="The detector's probability for the principle (0-1).")
    evidence: str = Field(description="The sentence that best shows the principle.")


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
    episode_sentences: int = Field(
        default=0, description="Sentences that narrate a real past event."
    )
    generic_sentences: list[str] = Field(
        default_factory=list, description="General claims ('I always...', 'I believe...')."
    )
    my_actions: list[str] = Field(
        default_factory=list, description="Sentences saying what the candidate did, in order."
    )
    result_sentences: list[str] = Field(
        default_factory=list, description="Real (not hypothetical) sentences labelled Result."
    )
    specific_words: int = Field(
        default=0,
        description="Distinct words that say something about this story (not template words).",
    )


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
#: Past-tense verbs: regular "-ed" forms and the common irregular ones stories use.
_IRREGULAR_PAST = (
    "was|were|had|did|made|took|went|told|said|saw|got|found|built|wrote|ran|led|gave|knew|"
    "thought|felt|set|put|kept|left|met|sent|spent|brought|bought|chose|began|became|won|lost|"
    "sold|taught|caught|held|heard|paid|read|understood|came|sat|stood|spoke|broke|drove|fell|"
    "grew|drew|threw|shut|cut|hit|let|quit|rose|shook|forgot|fought|hid|meant|sought|struck|"
    "swore|wore|woke|rewrote|rebuilt|overcame|undertook|withdrew|dug|flew|froze|hung|lent|"
    "sank|slid|spun|split|spread|stuck|swept|tore|wound|shipped|shrank|upheld|oversaw"
)
_PAST = re.compile(r"\b(?:[a-z]{2,}ed|" + _IRREGULAR_PAST + r")\b", re.IGNORECASE)
#: Words ending in "-ed" that are not past-tense verbs.
_NOT_PAST = frozenset(
    {
        "need",
        "speed",
        "indeed",
        "seed",
        "feed",
        "bed",
        "red",
        "shed",
        "breed",
        "proceed",
        "succeed",
        "exceed",
        "based",
        "interested",
        "motivated",
        "passionate",
        "experienced",
        "skilled",
        "talented",
        "detailed",
        "dedicated",
        "advanced",
        "biased",
    }
)
#: "I" (or "we") followed within a few words by a past-tense verb: the candidate did something.
_I_PAST = re.compile(
    r"\bI\s+(?:\w+ly\s+|also\s+|then\s+|just\s+|still\s+|had\s+|finally\s+){0,2}"
    r"(?:[a-z]{2,}ed|" + _IRREGULAR_PAST + r")\b",
    re.IGNORECASE,
)
#: General claims about oneself or about work instead of an event: platitudes.
_GENERIC = re.compile(
    r"\b(I believe|I always|I never|I'm (?:someone|a person|the kind|the type|passionate|good at|"
    r"not afraid|always)|I am (?:someone|a person|passionate|good at)|I (?:try|like|love|tend|"
    r"aim|strive) to|I think (?:it's|it is|that)|it's (?:important|crucial|key|essential)|"
    r"it is (?:important|crucial|key|essential)|for me,|is (?:all )?about|you (?:need|have|"
    r"should|must|can't|cannot)|great (?:engineers|teams|leaders|ideas)|in my experience|"
    r"my philosophy|as a rule|I value|I enjoy|I make sure|I'm a big believer)\b",
    re.IGNORECASE,
)
#: Words any story can use without saying anything about *this* story: a story made only of
#: these ("I took ownership, analysed the problem, talked to people and things improved") is a
#: template, not an episode.
_STORY_TEMPLATE_WORDS = frozenset(
    [
        "situation",
        "task",
        "action",
        "result",
        "difficult",
        "project",
        "problem",
        "problems",
        "issue",
        "issues",
        "handle",
        "handled",
        "deliver",
        "delivered",
        "ownership",
        "owner",
        "analysed",
        "analyzed",
        "analyse",
        "analysis",
        "talked",
        "talk",
        "spoke",
        "people",
        "person",
        "everyone",
        "everybody",
        "someone",
        "things",
        "thing",
        "improved",
        "improve",
        "improvement",
        "happy",
        "lot",
        "lots",
        "learned",
        "learnt",
        "learn",
        "lesson",
        "lessons",
        "made",
        "make",
        "decision",
        "decisions",
        "decided",
        "time",
        "times",
        "team",
        "teams",
        "work",
        "worked",
        "working",
        "job",
        "company",
        "manager",
        "colleague",
        "colleagues",
        "stakeholder",
        "stakeholders",
        "communication",
        "communicated",
        "feedback",
        "meeting",
        "meetings",
        "process",
        "way",
        "ways",
        "good",
        "great",
        "better",
        "best",
        "important",
        "challenge",
        "challenging",
        "goal",
        "goals",
        "success",
        "successful",
        "outcome",
        "outcomes",
        "impact",
        "approach",
        "plan",
        "planned",
        "solution",
        "solutions",
        "data",
        "first",
        "next",
        "then",
        "also",
        "really",
        "very",
        "much",
        "many",
        "some",
        "several",
        "able",
        "needed",
        "need",
        "wanted",
        "want",
        "helped",
        "help",
        "sure",
        "got",
        "get",
        "went",
        "came",
        "come",
        "started",
        "start",
        "finished",
        "end",
        "ended",
        "eventually",
        "finally",
        "customer",
        "customers",
        "business",
        "value",
        "quickly",
        "fast",
        "right",
        "well",
        "new",
        "old",
        "different",
        "others",
        "other",
        "kind",
        "sort",
        "part",
        "parts",
        "whole",
        "fully",
        "last",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "one",
        "two",
        "three",
        "percent",
        "ago",
        "previous",
        "current",
        "role",
        "responsible",
        "responsibility",
        "asked",
        "tried",
        "try",
        "moved",
        "move",
        "kept",
        "keep",
        "gave",
        "give",
        "felt",
        "feel",
        "thought",
        "think",
        "knew",
        "know",
        "saw",
        "see",
        "found",
        "find",
        "used",
        "use",
    ]
)
#: Fewer specific words than this: the story is a template (see ``_STORY_TEMPLATE_WORDS``).
SPECIFIC_MIN = 8
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
    max_principles: int = 5,
) -> StarAnalysis:
    """Analyse a behavioural answer: STAR parts, principles shown, ownership, numbers, length."""
    sentences = [s.text for s in split_sentences(answer)]
    total_words = _words(answer)
    # Headers like "Situation:" would dominate the similarity; embed the sentence without them.
    bodies = [_HEADER.sub("", s).strip() or s for s in sentences]
    vectors = backend.encode(bodies) if sentences else np.zeros((0, 0))
    labelled = _label_sentences(sentences, vectors, backend) if sentences else []
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
    real = [i for i, s in enumerate(labelled) if not s.hypothetical and not s.generic]
    matches = [
        PrincipleMatch(**found.model_dump())
        for found in detect(
            [labelled[i].text for i in real],
            vectors[real] if real else vectors[:0],
            principles,
            limit=max_principles,
        )
    ]
    analysis = StarAnalysis(
        episode_sentences=sum(1 for s in labelled if s.episode),
        generic_sentences=[s.text for s in labelled if s.generic],
        my_actions=[s.text for s in labelled if s.mine],
        result_sentences=[s.text for s in labelled if s.part == "result" and not s.hypothetical],
        specific_words=len(
            {
                t
                for t in tokens(answer)
                if len(t) > 2
                and not t.isdigit()
                and t not in STOPWORDS
                and t not in _STORY_TEMPLATE_WORDS
            }
        ),
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


def _label_sentences(
    sentences: list[str], sent_vecs: npt.NDArray[Any], backend: Encoder
) -> list[LabelledSentence]:
    proto_texts = [t for part in STAR_PARTS for t in _PROTOTYPES[part]]
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
        hypothetical = _is_hypothetical(sentence)
        generic = bool(_GENERIC.search(sentence)) and not _I_PAST.search(sentence)
        labelled.append(
            LabelledSentence(
                text=sentence,
                part=best,
                scores=scores,
                hypothetical=hypothetical,
                episode=_has_past(sentence) and not hypothetical and not generic,
                generic=generic,
                mine=_is_mine(sentence) and not hypothetical,
            )
        )
    return _carry_headers(labelled, sentences)


#: Past-tense forms that say what the candidate was, had or thought, not what they did.
_STATIVE = frozenset({"was", "were", "had", "felt", "thought", "knew", "meant", "seemed"})


def _is_mine(sentence: str) -> bool:
    """An "I" + past-tense action ("I pulled the logs"), not a state ("I was on call")."""
    return any(
        match.group(0).split()[-1].lower() not in _STATIVE for match in _I_PAST.finditer(sentence)
    )


def _has_past(sentence: str) -> bool:
    return any(m.group(0).lower() not in _NOT_PAST for m in _PAST.finditer(sentence))


def _is_hypothetical(sentence: str) -> bool:
    """ "I would..." about what one *would* do; not a past event that mentions "I'd".

    "I wanted a model I'd stand behind" narrates the past: a first-person past-tense verb comes
    before the modal and there is no "if".  "What I would do differently" is reflection.
    """
    modal = _HYPOTHETICAL.search(sentence)
    if modal is None or _REFLECTION.search(sentence):
        return False
    if re.search(r"\bif\b", sentence, re.IGNORECASE):
        return True
    past = _I_PAST.search(sentence)
    return not (past is not None and past.start() < modal.start())


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
        if s.hypothetical or s.generic:  # "I would cut latency by 30%" measured nothing
            continue
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
    mine, total = len(analysis.my_actions), len(analysis.sentences)
    if not analysis.hypothetical and total >= 5 and 0 < mine < 0.25 * total:
        advice.append(
            f"Only {mine} of {total} sentences say what you did: spend more of the story on "
            "your actions and less on the background."
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

#: Weights of a story's score (they sum to 1).  Every component is read from the one analysis
#: above, except ``content`` (the rubric's content key points, judged by the grader) and
#: ``principle`` (the asked principle's share of the detector's belief).
STORY_WEIGHTS: dict[str, float] = {
    "episode": 0.15,
    "action": 0.25,
    "ownership": 0.10,
    "result": 0.10,
    "number": 0.10,
    "reflection": 0.05,
    "principle": 0.10,
    "content": 0.15,
}
#: Real past-tense sentences that make a full episode, and first-person actions a full Action.
EPISODE_FULL = 3
ACTIONS_FULL = 3
#: "I" in this share of I/we mentions is full ownership.
OWNERSHIP_FULL = 0.6
#: Content coverage (weighted share of the content key points) that earns full credit: stories
#: are paraphrased, so a strong one rarely matches every point.
CONTENT_FULL = 0.6
#: Ceilings (0-1) that no weighted sum can lift a story above.
CAP_HYPOTHETICAL = 0.25
CAP_PLATITUDES = 0.12
CAP_OTHER_PRINCIPLE = 0.28
CAP_NO_OWN_ACTION = 0.30
CAP_TEMPLATE = 0.20
#: The asked principles count as shown when their probabilities together are at least this
#: share of the top principle's (the detector spreads belief over neighbouring principles).
#: 0.45 since the detector gained word features (2026-12-04), chosen on the tune half of the
#: behavioural set: 0.35 let 2 of its 10 other-principle stories through.
SHOWN_SHARE = 0.45
#: An asked principle below this share of the top principle's does not count towards it.
ASKED_FLOOR = 0.1
#: A "why" question (topic motivation) is answered by its content, not by one principle's
#: story: under this content coverage the answer is capped like a story for another principle.
#: The bank's own why-answers cover 0.37-0.46, its other questions' model stories 0-0.20.
WHY_CONTENT_MIN = 0.25
#: A story that covers this much of the question's own content key points, and in which the
#: detector finds the asked principles at all (at ``ASKED_FLOOR`` of the top one or more), answers
#: the question asked even when another principle ranks first: it is not capped as a story for
#: another principle (the detector reads a principle's wording; a mentoring story told in terms
#: of results is still a mentoring story).  The same bound as ``WHY_CONTENT_MIN``.  On the
#: behavioural set's stories for another principle the embedding grader's content is 0-0.14,
#: the verifier grader's 0-0.27 (that one with none of the asked principle: hence the second
#: condition, added after the test half showed it; see docs/grading.md).
ON_TOPIC_CONTENT = 0.25
NOT_WHY_ADVICE = (
    "This tells a story but does not say why you want this role: name what draws you to the "
    "team's work, the evidence from your own work that fits it, and what you want to learn there."
)


class StoryScore(BaseModel):
    """A story's score (0-1), each component's credit (0-1) and the ceilings applied."""

    value: float
    components: dict[str, float]
    ceilings: list[str] = Field(default_factory=list)


def _counted(scores: Sequence[tuple[str, float]], asked: Sequence[str]) -> dict[str, float]:
    """The asked principles that count, with their share of the top principle's probability:
    those at ``ASKED_FLOOR`` of it or more (three faint ones do not add up to one shown)."""
    top = max((score for _, score in scores), default=0.0) or 1e-9
    return {
        pid: score / top for pid, score in scores if pid in asked and score / top >= ASKED_FLOOR
    }


def _asked_share(scores: Sequence[tuple[str, float]], asked: Sequence[str]) -> float:
    """The counted asked principles' probabilities together over the top principle's (0-1)."""
    return min(1.0, sum(_counted(scores, asked).values()))


def asked_principle_shown(analysis: StarAnalysis, asked: Sequence[str]) -> tuple[bool, float]:
    """Whether the story shows the asked principles, and their credit (0-1).

    Credit is the asked principles' probabilities together over the top principle's (1.0 when
    an asked principle ranks first); they are shown from ``SHOWN_SHARE``.  Together, because a
    question that asks for Ownership and Dive Deep is answered by a story the detector splits
    between the two.
    """
    share = _asked_share([(p.id, p.score) for p in analysis.principles], asked)
    return share >= SHOWN_SHARE, share


def shown_principles(
    principles: Sequence[Mapping[str, Any]], asked: Sequence[str]
) -> dict[str, str]:
    """The asked principles a stored ``star["principles"]`` list shows, with their evidence:
    the rule of :func:`asked_principle_shown`, for results read back (empty when not shown)."""
    scores = [(str(p["id"]), float(p.get("score") or 0.0)) for p in principles]
    if _asked_share(scores, asked) < SHOWN_SHARE:
        return {}
    counted = _counted(scores, asked)
    return {
        str(p["id"]): str(p["evidence"])
        for p in principles
        if p["id"] in counted and p.get("evidence")
    }


def answers_the_question(content: float | None, share: float) -> bool:
    """Whether a story covers ``ON_TOPIC_CONTENT`` of its question's content key points and the
    detector finds the asked principles in it at all (``share`` above 0): such a story answers
    the question asked even when another principle ranks first, so it is neither capped as a
    story for another principle nor asked for a different story."""
    return content is not None and content >= ON_TOPIC_CONTENT and share > 0.0


def story_score(
    analysis: StarAnalysis,
    content: float | None,
    asked: Sequence[str] = (),
    *,
    one_story: bool = True,
) -> StoryScore:
    """Score how a story is told and what it shows, from the analysis' own signals.

    ``content``: the rubric's content coverage (None when the rubric has no content points);
    ``asked``: the principles the question probes (none: the component is left out);
    ``one_story``: False for a question that asks why rather than for a story, where the asked
    principles earn credit but never cap the score, and too little content does.  Length is
    advice only: a real 90-word story is not multiplied down.
    """
    sentences = max(1, len(analysis.sentences))
    generic_share = len(analysis.generic_sentences) / sentences
    own = analysis.ownership
    ownership = 0.0
    if analysis.my_actions:
        ownership = min(1.0, own.i_ratio / OWNERSHIP_FULL)
    shown, share = asked_principle_shown(analysis, asked)
    components: dict[str, float] = {
        "episode": min(1.0, analysis.episode_sentences / EPISODE_FULL) * (1 - generic_share),
        "action": min(1.0, len(analysis.my_actions) / ACTIONS_FULL),
        "ownership": ownership,
        "result": float(bool(analysis.result_sentences) and analysis.parts["result"].present),
        "number": 1.0
        if analysis.result_has_number
        else 0.5
        if analysis.quantities and analysis.episode_sentences
        else 0.0,
        "reflection": float(analysis.reflection),
        "principle": share,
        "content": min(1.0, (content or 0.0) / CONTENT_FULL),
    }
    weights = dict(STORY_WEIGHTS)
    if not asked:
        weights.pop("principle")
    if content is None:
        weights.pop("content")
    value = sum(weights[k] * components[k] for k in weights) / sum(weights.values())
    ceilings: list[str] = []
    caps = [
        ("hypothetical", analysis.hypothetical, CAP_HYPOTHETICAL),
        (
            "platitudes",
            analysis.episode_sentences < 2 and len(analysis.generic_sentences) >= 2,
            CAP_PLATITUDES,
        ),
        (
            "other-principle",
            one_story
            and bool(asked)
            and bool(analysis.principles)
            and not shown
            and not answers_the_question(content, share),
            CAP_OTHER_PRINCIPLE,
        ),
        (
            "not-why",
            not one_story and content is not None and content < WHY_CONTENT_MIN,
            CAP_OTHER_PRINCIPLE,
        ),
        ("template", analysis.specific_words < SPECIFIC_MIN, CAP_TEMPLATE),
        (
            "no-own-action",
            len(analysis.my_actions) < (2 if own.we_dominates else 1),
            CAP_NO_OWN_ACTION,
        ),
    ]
    for name, applies, cap in caps:
        if applies and value > cap:
            value = cap
            ceilings.append(name)
    return StoryScore(
        value=round(value, 4),
        components={k: round(v, 3) for k, v in components.items()},
        ceilings=ceilings,
    )


def grade_story(
    text: str,
    points: Sequence[KeyPointResult],
    rubric: PreparedRubric,
    principles: Sequence[LeadershipPrinciple],
    encoder: Any,
) -> tuple[float, dict[str, Any], list[KeyPointResult]]:
    """A story's score 0-100, the result's ``star`` and the key points, from one analysis.

    Key points about the telling (``signal``: first person, a number in the result, reflection,
    a real episode, the principle shown) are judged by the analysis, so the page can never say
    "Missed" beside the evidence it lists; the others (content) keep the grader's judgement and
    their weighted coverage feeds the score.  Every grader that scores behavioural answers
    calls this one function.
    """
    analysis = analyze_behavioral(text, principles, encoder)
    asked = list(rubric.question.leadership_principles) if rubric.question is not None else []
    shown, share = asked_principle_shown(analysis, asked)
    signals = {p.id: p.signal for p in rubric.points if p.signal}
    judged = [
        judge_signal(point, signals[point.id], analysis, asked) if point.id in signals else point
        for point in points
    ]
    content_points = [p for p in judged if p.id not in signals]
    weight = sum(p.weight for p in content_points)
    content = sum(p.weight * p.credit for p in content_points) / weight if weight else None
    one_story = not is_motivation(rubric)
    scored = story_score(analysis, content, asked, one_story=one_story)
    # A real episode (not hypothetical, not platitudes) on the asked topic is kept and asked to
    # name the principle; anything else is asked for another story.
    real = not analysis.hypothetical and analysis.episode_sentences >= 2
    on_topic = not shown and real and answers_the_question(content, share)
    if one_story and asked and analysis.principles and not shown:
        advise = explicit_advice if on_topic else redirect_advice
        analysis.advice.insert(0, advise(analysis, asked, principles))
    if "not-why" in scored.ceilings:
        analysis.advice.insert(0, NOT_WHY_ADVICE)
    star = analysis.model_dump(mode="json")
    star["asked_principles"] = asked
    star["asked_principle_shown"] = shown if asked else None
    # Not shown, but the story answers the question: follow-ups probe the asked principle in
    # it rather than asking for another story.
    star["asked_principle_on_topic"] = on_topic if asked and one_story else None
    star["quality"] = {**scored.model_dump(mode="json"), "content": content}
    return 100.0 * scored.value, star, judged


def is_motivation(rubric: PreparedRubric) -> bool:
    """Whether the question asks why (topic ``motivation``: "Why this company?"), not for one
    story: its asked principles earn credit but never cap the score or redirect the answer;
    an answer that misses its content is capped instead (``WHY_CONTENT_MIN``)."""
    return rubric.question is not None and "motivation" in rubric.question.topics


def _asked_terms(
    asked: Sequence[str], principles: Sequence[LeadershipPrinciple]
) -> tuple[str, str | None, str | None]:
    """The asked principles' names ("A or B"), the first one's name and its first signal in
    the past tense said to "you" ("took on a problem outside your formal role"), if any."""
    names = {p.id: p for p in principles}
    wanted = [names[a] for a in asked if a in names]
    target = wanted[0] if wanted else None
    told = [g for g in (target.signals if target else []) if _PAST.match(g)]
    asked_names = " or ".join(p.name for p in wanted) or "the principle asked"
    return (
        asked_names,
        target.name if target is not None else None,
        _second_person(told[0]) if told else None,
    )


def redirect_advice(
    analysis: StarAnalysis, asked: Sequence[str], principles: Sequence[LeadershipPrinciple]
) -> str:
    """Name the principle the story shows and ask for a story about the one asked."""
    shown = analysis.principles[0]
    asked_names, target, signal = _asked_terms(asked, principles)
    ask = (
        f"Tell one where you {signal}"
        if signal
        else f"Tell one that shows {target}"
        if target is not None
        else "Tell one that shows the principle asked"
    )
    return (
        f'This story shows {shown.name} ("{_short(shown.evidence)}") more than {asked_names}. '
        f"{ask}."
    )


def explicit_advice(
    analysis: StarAnalysis, asked: Sequence[str], principles: Sequence[LeadershipPrinciple]
) -> str:
    """For a story that answers the question but is told in another principle's terms: keep
    the story and say plainly the part that shows the asked principle."""
    shown = analysis.principles[0]
    asked_names, target, signal = _asked_terms(asked, principles)
    say = (
        f"say plainly where in it you {signal}"
        if signal
        else f"say plainly what in it shows {target or 'the principle asked'}"
    )
    return (
        f"This story answers the question, but it is told in terms of {shown.name} "
        f'("{_short(shown.evidence)}") more than {asked_names}: keep it, and {say}.'
    )


def _second_person(signal: str) -> str:
    """A principle's signal ("took on a problem outside their formal role") said to "you"."""
    words = {"their": "your", "they": "you", "them": "you", "themselves": "yourself"}
    return " ".join(words.get(w, w) for w in signal.rstrip(".").split())


def _short(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def judge_signal(
    point: KeyPointResult, signal: str, analysis: StarAnalysis, asked: Sequence[str]
) -> KeyPointResult:
    """A key point about the telling, judged by the story analysis with its evidence."""
    status, evidence = "missed", None
    if signal == "first-person":
        if len(analysis.my_actions) >= 2 and not analysis.ownership.we_dominates:
            status, evidence = "covered", analysis.my_actions[0]
        elif analysis.my_actions:
            status, evidence = "partly", analysis.my_actions[0]
    elif signal == "result-number":
        in_result = [q for q in analysis.quantities if q.part == "result"]
        if in_result:
            status, evidence = "covered", in_result[-1].sentence
        elif analysis.quantities and analysis.episode_sentences:
            status, evidence = "partly", analysis.quantities[-1].sentence
    elif signal == "reflection":
        found = [s.text for s in analysis.sentences if _REFLECTION.search(s.text)]
        if found:
            status, evidence = "covered", found[0]
    elif signal == "real-episode":
        episodes = [s.text for s in analysis.sentences if s.episode]
        if len(episodes) >= EPISODE_FULL and not analysis.hypothetical:
            status, evidence = "covered", episodes[0]
        elif episodes:
            status, evidence = "partly", episodes[0]
    elif signal == "principle-shown" and asked_principle_shown(analysis, asked)[0]:
        match = next(p for p in analysis.principles if p.id in asked)
        status, evidence = "covered", match.evidence
    credit = {"covered": 1.0, "partly": 0.5, "missed": 0.0}[status]
    return point.model_copy(
        update={
            "status": status,
            "credit": credit,
            "evidence": evidence,
            "evidence_span": None,
            "matched_terms": [],
            "verdict": None,
            "confidence": None,
        }
    )
