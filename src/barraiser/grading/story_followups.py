"""Follow-ups to a behavioural answer, built from the candidate's own story.

An interviewer follows up on what the candidate said, not on the story the interviewer had in
mind.  Each follow-up quotes a short fragment of the answer (or names a number from it) and
probes the story's weakest STAR part, or the Leadership Principle the question asks about.  The
question's model answer, rubric follow-ups and key points are never read here, so no detail of
the model answer's story can reach the candidate; only the question's prompt and principles and
the principles' own descriptions and signals are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from barraiser.grading.behavioral import LabelledSentence, StarAnalysis, StarPart
from barraiser.grading.quotes import (
    CLOSE,
    I_ANY,
    I_SUBJECT,
    OPEN,
    WE_ANY,
    WE_SUBJECT,
    WOULD,
    clean_sentence,
    quote_fragment,
)
from barraiser.grading.text import content_words

if TYPE_CHECKING:
    from barraiser.content.schemas import LeadershipPrinciple, Question

StoryWeakness = Literal[
    "hypothetical", "action", "we", "result", "result-number", "setup", "reflection", "number"
]


@dataclass(frozen=True)
class StoryFollowUp:
    """One follow-up built from the story: the question, why it is asked, what it quotes."""

    question: str
    reason: str
    target: StoryWeakness | Literal["principle"]
    quote: str | None = None
    #: The candidate's sentence it quotes (None when it names a number).
    sentence: str | None = None


# --- the asked principle ----------------------------------------------------------------------

#: What an interviewer asks to test each Amazon principle once the story touches it.  Written
#: without any detail of a bank model answer; a principle not listed here (a coach's own) is
#: probed through its first signal.
_PRINCIPLE_PROBES: dict[str, tuple[str, str]] = {
    "customer-obsession": (
        "Customer Obsession",
        "Who was the customer, and how did you find out what they needed rather than assume it?",
    ),
    "ownership": (
        "Ownership",
        "What made that yours to fix rather than someone else's, and what did you follow "
        "through on afterwards?",
    ),
    "invent-and-simplify": (
        "Invent and Simplify",
        "What did you take out or make simpler, and how did you know the simpler version was "
        "good enough?",
    ),
    "are-right-a-lot": (
        "Are Right, A Lot",
        "What did you not know when you decided, and whose contrary view did you seek out?",
    ),
    "learn-and-be-curious": (
        "Learn and Be Curious",
        "What did you have to learn for that, how did you learn it, and what surprised you?",
    ),
    "hire-and-develop-the-best": (
        "Hire and Develop the Best",
        "What did that person do differently afterwards, and how did you know they had grown?",
    ),
    "insist-on-the-highest-standards": (
        "Insist on the Highest Standards",
        "What bar did you hold, who thought it was too high, and what stopped the problem "
        "coming back?",
    ),
    "think-big": (
        "Think Big",
        "How much bigger was that than the task you were given, and how did you win people "
        "over to it?",
    ),
    "bias-for-action": (
        "Bias for Action",
        "What risk did you take by moving before you had every fact, and what made it reversible?",
    ),
    "frugality": (
        "Frugality",
        "What did you do without, and what did that save in money, people or time?",
    ),
    "earn-trust": (
        "Earn Trust",
        "What was the hardest thing you had to say, and how did the other person respond?",
    ),
    "dive-deep": (
        "Dive Deep",
        "What did you look at with your own eyes, in the data or the code, and how did you "
        "prove what the cause was?",
    ),
    "have-backbone-disagree-and-commit": (
        "Have Backbone; Disagree and Commit",
        "What evidence did you bring when you disagreed, and what did you do once the decision "
        "was made?",
    ),
    "deliver-results": (
        "Deliver Results",
        "Which number told you it had worked, and what setback did you get past to move it?",
    ),
    "strive-to-be-earths-best-employer": (
        "Strive to be Earth's Best Employer",
        "How did that change the day-to-day work of the people around you, and what did it "
        "cost you?",
    ),
    "success-and-scale-bring-broad-responsibility": (
        "Success and Scale Bring Broad Responsibility",
        "Who else could be affected by what you built, and what did you change because of them?",
    ),
}

_THIRD_TO_SECOND = {
    "their": "your",
    "they": "you",
    "them": "you",
    "themselves": "yourself",
    "theirs": "yours",
}


def _second_person(signal: str) -> str:
    text = " ".join(signal.split()).rstrip(".")
    return re.sub(
        r"\b(" + "|".join(_THIRD_TO_SECOND) + r")\b",
        lambda m: _THIRD_TO_SECOND[m.group(1).lower()],
        text,
        flags=re.IGNORECASE,
    )


def _principle_name(pid: str, catalogue: dict[str, LeadershipPrinciple]) -> str:
    if pid in catalogue:
        return catalogue[pid].name
    if pid in _PRINCIPLE_PROBES:
        return _PRINCIPLE_PROBES[pid][0]
    return pid.replace("-", " ").capitalize()


_PAST_VERB = re.compile(
    r"^(?:[a-z]+ed|took|made|found|won|led|built|chose|sought|held|got|gave|rebuilt|did|went|"
    r"kept|set|put|told|brought|wrote|ran|taught|spoke|saw|cut|grew|drove|began|met|sent|spent|"
    r"shipped|stood|understood|undertook|overcame|fought|thought|knew|rewrote)\b",
    re.IGNORECASE,
)


def _past_signal(pid: str, catalogue: dict[str, LeadershipPrinciple]) -> str | None:
    """The principle's first signal that reads as a past action ("found the root cause ..."),
    in the second person; None when it has none."""
    lp = catalogue.get(pid)
    if lp is None:
        return None
    for signal in lp.signals:
        text = " ".join(signal.split())
        if _PAST_VERB.match(text):
            return _second_person(text)
    return None


def _deepen(pid: str, catalogue: dict[str, LeadershipPrinciple]) -> str:
    if pid in _PRINCIPLE_PROBES:
        return _PRINCIPLE_PROBES[pid][1]
    signal = _past_signal(pid, catalogue)
    if signal is not None:
        return f"Which part of this story shows that you {signal}?"
    return f"What in this story shows {_principle_name(pid, catalogue)}?"


def _redirect(pid: str, catalogue: dict[str, LeadershipPrinciple]) -> str:
    name = _principle_name(pid, catalogue)
    signal = _past_signal(pid, catalogue)
    if signal is not None:
        return f"The question is about {name}: can you tell me about a time you {signal}?"
    return f"The question is about {name}: can you tell me about a time that shows it?"


def _said(fragment: str) -> str:
    return f"You said {OPEN}{fragment}{CLOSE}."


# --- picking ---------------------------------------------------------------------------------

_STORY_PROMPT = re.compile(
    r"\b(tell me about a time|a time (when|you)|walk me through|describe a (time|situation)"
    r"|give me an example)\b",
    re.IGNORECASE,
)


def asks_for_a_story(question: Question | None) -> bool:
    """True when the question asks for an episode ("Tell me about a time..."), not a motive
    ("Why do you want to work here?")."""
    return question is None or bool(_STORY_PROMPT.search(question.prompt))


def _real(star: StarAnalysis) -> list[LabelledSentence]:
    return [s for s in star.sentences if not s.hypothetical and clean_sentence(s.text)]


def _best(
    sentences: Sequence[LabelledSentence], part: StarPart, used: set[str]
) -> LabelledSentence | None:
    """The sentence most clearly of ``part`` not quoted yet (the later one wins a tie)."""
    best: LabelledSentence | None = None
    for sentence in sentences:
        if sentence.text in used:
            continue
        if best is None or sentence.scores.get(part, 0.0) >= best.scores.get(part, 0.0):
            best = sentence
    return best


def _action_sentence(star: StarAnalysis, used: set[str]) -> LabelledSentence | None:
    """The sentence that best says what the candidate did (an "I" Action first)."""
    real = _real(star)
    actions = [s for s in real if s.part == "action"]
    return (
        _best([s for s in actions if I_ANY.search(s.text)], "action", used)
        or _best(actions, "action", used)
        or _best([s for s in real if I_ANY.search(s.text)], "action", used)
        or _best(real, "action", used)
    )


def _we_sentence(star: StarAnalysis, used: set[str]) -> LabelledSentence | None:
    """A sentence where "we" did something, an Action one first."""
    real = [s for s in _real(star) if s.text not in used]
    doing = [s for s in real if WE_SUBJECT.search(clean_sentence(s.text))]
    if doing:
        return max(doing, key=lambda s: (s.part == "action", s.scores.get("action", 0.0)))
    return next((s for s in real if WE_ANY.search(s.text)), None)


def _quoted(
    sentence: LabelledSentence, question: str, reason: str, target: StoryWeakness
) -> StoryFollowUp:
    start = WE_SUBJECT if target == "we" else I_SUBJECT
    if target == "we" and not WE_SUBJECT.search(clean_sentence(sentence.text)):
        start = WE_ANY
    fragment = quote_fragment(sentence.text, start=start)
    return StoryFollowUp(
        question=f"{_said(fragment)} {question}",
        reason=reason,
        target=target,
        quote=fragment,
        sentence=sentence.text,
    )


def _star_follow_up(
    star: StarAnalysis,
    used: set[str],
    skip: set[StoryWeakness],
    story: bool,
    *,
    major: bool = False,
) -> StoryFollowUp | None:
    """The follow-up on the weakest STAR part not probed yet (None when no gap is left).

    ``major`` keeps to the gaps that matter most (a hypothetical, "we", no Action, no Result,
    no number in it); a missing scene or reflection is probed only after the principle.

    An answer to a motive question ("why this company?") is not held to the STAR form: only
    the episode it does tell is probed (its "we", its missing or unmeasured result).
    """
    own = star.ownership
    real = _real(star)
    missing = set(star.missing_parts)
    if not real and not star.hypothetical_sentences:
        return None
    if story and star.hypothetical and "hypothetical" not in skip:
        fragment = quote_fragment(star.hypothetical_sentences[0], start=WOULD)
        return StoryFollowUp(
            question=f"{_said(fragment)} That is what you would do: tell me about one time it "
            "actually happened, and what you did.",
            reason="The answer describes what the candidate would do, not what they did.",
            target="hypothetical",
            quote=fragment,
            sentence=star.hypothetical_sentences[0],
        )
    we = _we_sentence(star, used)
    if we is not None and (own.we_dominates or "action" in missing) and "we" not in skip:
        return _quoted(
            we,
            "What did you yourself do there, and what did others do?",
            "The story mostly says 'we': the candidate's own part is unclear.",
            "we",
        )
    if star.hypothetical:
        # What the candidate would do has no Action or Result of its own to probe.
        skip = skip | {"action", "result", "result-number", "setup", "reflection"}
    if story and "action" in missing and "action" not in skip:
        chosen = _best(real, "action", used)
        if chosen is not None:
            return _quoted(
                chosen,
                "What did you do yourself, step by step?",
                "The story has no Action: it does not say what the candidate did.",
                "action",
            )
    if "result" in missing and "action" not in missing and "result" not in skip:
        chosen = _action_sentence(star, used)
        if chosen is not None:
            return _quoted(
                chosen,
                "What changed because of it, and by how much?",
                "The story has no Result.",
                "result",
            )
    if "result" not in missing and not star.result_has_number and "result-number" not in skip:
        chosen = _best([s for s in real if s.part == "result"], "result", used)
        if chosen is not None:
            return _quoted(
                chosen,
                "How did you measure that, and by how much did it change?",
                "The Result has no number.",
                "result-number",
            )
    if not major and story and missing & {"situation", "task"} and "setup" not in skip:
        chosen = real[0] if real and real[0] is star.sentences[0] else None
        if chosen is not None:
            fragment = quote_fragment(chosen.text)
            return StoryFollowUp(
                question=f"You began with {OPEN}{fragment}{CLOSE}. What was at stake, and what "
                "part of it was yours to solve?",
                reason="The story does not set the scene: the situation or the candidate's task "
                "is missing.",
                target="setup",
                quote=fragment,
                sentence=chosen.text,
            )
    if not major and story and not star.reflection and "reflection" not in skip:
        chosen = _action_sentence(star, used)
        if chosen is not None:
            fragment = quote_fragment(chosen.text, start=I_SUBJECT)
            return StoryFollowUp(
                question=f"Looking back on {OPEN}{fragment}{CLOSE}, what would you do "
                "differently today?",
                reason="The story does not say what the candidate learned.",
                target="reflection",
                quote=fragment,
                sentence=chosen.text,
            )
    return None


_DIGIT = re.compile(r"\d")
_BARE_NUMBER = re.compile(r"[\d.,]+")


def _number_follow_up(star: StarAnalysis, used: set[str]) -> StoryFollowUp | None:
    """Name a number the candidate gave for the result and ask how it was measured."""
    found = [
        q
        for q in star.quantities
        if q.part == "result" and q.sentence not in used and _DIGIT.search(q.text)
    ]
    if not found:
        return None
    # A number with a unit ("30%", "two weeks") reads on its own; a bare one ("4.2") does not.
    named = [q for q in found if not _BARE_NUMBER.fullmatch(q.text)]
    quantity = (named or found)[-1]
    amount = clean_sentence(quantity.text)
    if named:
        said = f"You gave {amount}."
    else:
        fragment = quote_fragment(quantity.sentence)
        if amount not in fragment:
            fragment = quote_fragment(quantity.sentence, start=re.compile(re.escape(amount)))
        said = _said(fragment)
        amount = fragment
    return StoryFollowUp(
        question=f"{said} How did you measure it, and how much of that change was down to what "
        "you did?",
        reason="Tests the result the candidate gave.",
        target="number",
        quote=amount,
        sentence=quantity.sentence,
    )


def _shown_principle(star: StarAnalysis, asked: Sequence[str], flag: bool | None) -> str | None:
    """The asked principle the story shows best (None when it shows none of them)."""
    if flag is False:
        return None
    for match in star.principles:
        if match.id in asked:
            return match.id
    return asked[0] if flag is True and asked else None


def _principle_follow_up(
    star: StarAnalysis,
    asked: Sequence[str],
    catalogue: dict[str, LeadershipPrinciple],
    used: set[str],
    flag: bool | None,
) -> StoryFollowUp | None:
    """Probe the asked principle around the sentence that shows it, or redirect to it."""
    if not asked:
        return None
    if not _real(star):
        # Nothing real to quote (a hypothetical answer): ask for a time that shows it.
        return StoryFollowUp(
            question=_redirect(asked[0], catalogue),
            reason=f"Asks for a real story of {_principle_name(asked[0], catalogue)}, the "
            "principle the question asks about.",
            target="principle",
        )
    texts = {s.text for s in _real(star)}
    shown = _shown_principle(star, asked, flag)
    other = next((p for p in star.principles if p.id not in asked), None)
    if shown is None and flag is None and other is None:
        # Nothing detected at all: no evidence the story misses the principle; probe it.
        shown = asked[0]
    if shown is not None:
        match = next((p for p in star.principles if p.id == shown), None)
        other = None
    else:
        match = other
    sentence = match.evidence if match is not None and match.evidence in texts else None
    if sentence is None or sentence in used:
        picked = _action_sentence(star, used)
        sentence = picked.text if picked is not None else None
    if sentence is None:
        return None
    fragment = quote_fragment(sentence, start=I_SUBJECT)
    if shown is not None:
        name = _principle_name(shown, catalogue)
        return StoryFollowUp(
            question=f"{_said(fragment)} {_deepen(shown, catalogue)}",
            reason=f"Probes {name}, the principle the question asks about.",
            target="principle",
            quote=fragment,
            sentence=sentence,
        )
    name = _principle_name(asked[0], catalogue)
    shows = (
        f" That shows {_principle_name(other.id, catalogue)} more than {name}."
        if other is not None
        else ""
    )
    return StoryFollowUp(
        question=f"{_said(fragment)}{shows} {_redirect(asked[0], catalogue)}",
        reason=f"The story does not show {name}, the principle the question asks about.",
        target="principle",
        quote=fragment,
        sentence=sentence,
    )


def story_follow_ups(
    star: StarAnalysis,
    question: Question | None = None,
    principles: Sequence[LeadershipPrinciple] = (),
    *,
    asked_principle_shown: bool | None = None,
    limit: int = 3,
) -> list[StoryFollowUp]:
    """Follow-ups on the candidate's story, most important first.

    A hypothetical answer is asked for one real time; a story that shows another principle
    than the asked one is redirected to it; then the weakest STAR part is probed ("we" instead
    of "I", no Action, no Result, a Result without a number, no scene, no reflection), quoting
    the sentence concerned; then the asked principle, around the sentence that shows it; a
    complete story is asked about a number it gave.  ``asked_principle_shown`` is the grader's
    verdict when it has one (else the analysis's ranked principles decide).  Only the prompt
    and the principle ids of ``question`` are read: never its model answer or its rubric.
    """
    catalogue = {p.id: p for p in principles}
    asked = list(question.leadership_principles) if question is not None else []
    flag = asked_principle_shown
    if flag is None:
        flag = getattr(star, "asked_principle_shown", None)
    story = asks_for_a_story(question)
    picks: list[StoryFollowUp] = []
    used: set[str] = set()
    skip: set[StoryWeakness] = set()

    def add(pick: StoryFollowUp | None) -> None:
        if pick is None or len(picks) >= limit or pick.question in {p.question for p in picks}:
            return
        if pick.quote is None and picks:
            return  # an unquoted question only when nothing better is left
        if pick.target == "principle" and any(p.target == "principle" for p in picks):
            return  # one question on the principle is enough
        picks.append(pick)
        if pick.target != "principle":
            skip.add(pick.target)
        if pick.sentence is not None:
            used.add(pick.sentence)

    weakest = _star_follow_up(star, used, skip, story, major=True)
    if weakest is not None and weakest.target == "hypothetical":
        add(weakest)
    shown = _shown_principle(star, asked, flag)
    # Another principle shown instead of the asked one is the biggest gap: redirect first.
    mismatch = bool(asked) and shown is None and (flag is False or bool(star.principles))
    if mismatch:
        add(_principle_follow_up(star, asked, catalogue, used, flag))
    add(_star_follow_up(star, used, skip, story, major=True))
    add(_principle_follow_up(star, asked, catalogue, used, flag))
    add(_star_follow_up(star, used, skip, story))
    if len(picks) < 2:
        add(_number_follow_up(star, used))
    return picks[:limit]


def principle_text(principle: LeadershipPrinciple) -> str:
    """A principle's name, description and signals as one text."""
    return " ".join([principle.name, principle.description, *principle.signals])


def unseen_words(text: str, *sources: str) -> set[str]:
    """Content words of ``text`` found in none of ``sources`` (stemmed, stop words dropped)."""
    seen: set[str] = set()
    for source in sources:
        seen.update(content_words(source))
    return set(content_words(text)) - seen


def safe_rubric_follow_ups(
    question: Question, answer: str, principles: Sequence[LeadershipPrinciple] = ()
) -> list[str]:
    """The question's rubric follow-ups that carry no detail of its model answer.

    A follow-up is kept only when none of its content words comes from the model answer
    without also being in the candidate's answer, the prompt or the asked principles' text.
    Used for motive questions ("why this company?"), whose rubric follow-ups are general.
    """
    if question.rubric is None:
        return []
    asked = [p for p in principles if p.id in question.leadership_principles]
    known = [question.prompt, answer, *(principle_text(p) for p in asked)]
    model_words = set(content_words(question.model_answer))
    return [
        f.question
        for f in question.rubric.follow_ups
        if not (unseen_words(f.question, *known) & model_words)
    ]
