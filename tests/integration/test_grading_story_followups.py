"""Follow-ups to a behavioural answer come from the candidate's story, never the model answer's.

Real stories (the bank's calibration answers, other questions' model answers and four written
here) are analysed with the real embedding model; the follow-ups must quote the candidate's own
words, target the story's real weakness or the asked principle, and carry no detail of the asked
question's model answer that the candidate did not say.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.content.schemas import LeadershipPrinciple, Question
from barraiser.grading.behavioral import StarAnalysis, analyze_behavioral
from barraiser.grading.embedding_grader import EmbeddingGrader
from barraiser.grading.embeddings import CachedEncoder, get_backend
from barraiser.grading.followups import FollowUpPick, pick_follow_ups
from barraiser.grading.quotes import QUOTE_MAX_WORDS
from barraiser.grading.rubric import from_question
from barraiser.grading.story_followups import asks_for_a_story
from barraiser.grading.text import content_words

#: A Dive Deep investigation that never says what came of it.
NO_RESULT = """Last year I owned the search ranking model at an online grocery. The weekly report
said fewer searches were ending in a click, but the product team insisted nothing had changed. I
did not trust either claim, so I pulled a sample of raw search sessions myself and read them one
by one. I noticed that many of the searches with no click were for brands the shop had stopped
stocking. I then split the drop by query type to see where it came from. I wrote up what I had
found and walked the merchandising lead through the sessions I had read. I learned to read raw
sessions before I trust any dashboard."""

#: A missed deadline told entirely as "we".
WE_STORY = """At my previous company we were building a churn model for the marketing team and we
had promised it for the end of the quarter. We underestimated how messy the billing data was. We
spent three weeks cleaning it and we realised we would miss the date. We told the marketing
team and we agreed on a smaller first version. We shipped that version two weeks late and the
team used it for their next campaign. I learned that it is important to check the data early."""

#: What the candidate would do, not what they did.
HYPOTHETICAL = """If I had to decide quickly without all the data, I would first figure out which
decision is reversible. I would gather whatever data I could get in a day and talk to the people
closest to the problem. Then I'd pick the option that is easiest to undo and set a date to review
it. I would also tell my manager about the risk so there are no surprises."""

#: A good mentoring story, given to the Dive Deep question (the symptom of issue 12).
MENTORING = """Two years ago a new graduate, Priya, joined my team and was struggling with code
reviews; her pull requests sat for days because reviewers found them hard to follow. I offered to
pair with her for an hour twice a week. I showed her how I split a change into small commits and
how I write a description a reviewer can read in two minutes. I also asked her to review my pull
requests, so she could see the other side. After two months her average review time had dropped
from four days to one, and she was the one onboarding the next new hire. I now pair with every
new joiner for their first month."""

WRITTEN = {
    "no-result": NO_RESULT,
    "we-story": WE_STORY,
    "hypothetical": HYPOTHETICAL,
    "mentoring": MENTORING,
}
_QUOTE = re.compile("\u201c([^\u201d]*)\u201d")


@pytest.fixture(scope="module")
def encoder() -> CachedEncoder:
    return get_backend(Settings(grader_model=None))


@pytest.fixture(scope="module")
def principles() -> list[LeadershipPrinciple]:
    return list(get_bank().principles.values())


def _behavioural() -> list[Question]:
    return [q for q in get_bank().questions.values() if q.kind == "behavioral"]


def _candidates() -> Iterator[tuple[str, str, str]]:
    """(label, owning question id or "", text) of every real story the tests use."""
    for q in _behavioural():
        yield f"{q.id}:model", q.id, q.model_answer
        for c in q.calibration:
            yield f"{q.id}:{c.level}", q.id, c.answer
    for label, text in WRITTEN.items():
        yield label, "", text


@pytest.fixture(scope="module")
def analyses(
    encoder: CachedEncoder, principles: list[LeadershipPrinciple]
) -> dict[str, StarAnalysis]:
    return {
        label: analyze_behavioral(text, principles, encoder) for label, _, text in _candidates()
    }


def _picks(
    star: StarAnalysis,
    question: Question,
    principles: list[LeadershipPrinciple],
    shown: bool | None = None,
) -> list[FollowUpPick]:
    return pick_follow_ups(
        question.rubric,
        [],
        star,
        question=question,
        principles=principles,
        asked_principle_shown=shown,
    )


def _plain(text: str) -> str:
    text = re.sub(r"[*_`]+", "", text).replace('"', "'")
    return " ".join(text.split())


def _assert_quotes_are_the_candidates(picks: list[FollowUpPick], answer: str) -> None:
    plain = _plain(answer)
    for pick in picks:
        for quote in _QUOTE.findall(pick.question):
            body = quote.removesuffix("\u2026")
            assert body and body in plain, (quote, pick.question)
            assert len(body.split()) <= QUOTE_MAX_WORDS, quote
            # Whole words: the quote neither starts nor ends inside a word of the answer.
            at = plain.index(body)
            assert at == 0 or not plain[at - 1].isalnum(), quote
            end = at + len(body)
            assert end == len(plain) or not plain[end].isalnum(), quote
            assert not re.search(r"\b(situation|task|action|result)s?\s*:", quote, re.I), quote


# --- the weakness each story has ----------------------------------------------------------------


def test_a_story_without_a_result_is_asked_what_changed(
    analyses: dict[str, StarAnalysis], principles: list[LeadershipPrinciple]
) -> None:
    star = analyses["no-result"]
    assert "result" in star.missing_parts
    picks = _picks(star, get_bank().question("dove-deep-into-a-metric"), principles)
    first_star = next(p for p in picks if p.source == "star")
    assert first_star.question.endswith("What changed because of it, and by how much?")
    quote = _QUOTE.findall(first_star.question)[0]
    assert quote.startswith("I "), quote
    _assert_quotes_are_the_candidates(picks, NO_RESULT)


@pytest.mark.parametrize(
    ("label", "qid", "answer"),
    [
        ("we-story", "missed-a-deadline", WE_STORY),
        (
            "prioritizing-multiple-deadlines:partial",
            "prioritizing-multiple-deadlines",
            next(
                c.answer
                for c in get_bank().question("prioritizing-multiple-deadlines").calibration
                if c.level == "partial"
            ),
        ),
    ],
)
def test_a_we_story_is_asked_what_the_candidate_did(
    label: str,
    qid: str,
    answer: str,
    analyses: dict[str, StarAnalysis],
    principles: list[LeadershipPrinciple],
) -> None:
    star = analyses[label]
    assert star.ownership.we_dominates
    picks = _picks(star, get_bank().question(qid), principles, shown=True)
    first = picks[0]
    assert first.source == "star"
    assert "What did you yourself do" in first.question
    quote = _QUOTE.findall(first.question)[0]
    assert quote.lower().startswith("we "), quote
    _assert_quotes_are_the_candidates(picks, answer)


@pytest.mark.parametrize(
    ("label", "qid"),
    [
        ("hypothetical", "shipped-with-incomplete-data"),
        ("prioritizing-multiple-deadlines:weak", "prioritizing-multiple-deadlines"),
    ],
)
def test_a_hypothetical_answer_is_asked_for_a_real_time(
    label: str, qid: str, analyses: dict[str, StarAnalysis], principles: list[LeadershipPrinciple]
) -> None:
    star = analyses[label]
    assert star.hypothetical
    picks = _picks(star, get_bank().question(qid), principles)
    first = picks[0]
    assert "tell me about one time it actually happened" in first.question
    quote = _QUOTE.findall(first.question)[0]
    assert re.search(r"\b(would|I'd)\b", quote), quote
    # No follow-up asks for the Result or Action of a story that did not happen.
    assert not any("What changed because of it" in p.question for p in picks)
    text = HYPOTHETICAL if label == "hypothetical" else _calibration(qid, "weak")
    _assert_quotes_are_the_candidates(picks, text)


def _calibration(qid: str, level: str) -> str:
    return next(c.answer for c in get_bank().question(qid).calibration if c.level == level)


def test_a_story_for_another_principle_is_redirected_to_the_asked_one(
    analyses: dict[str, StarAnalysis], principles: list[LeadershipPrinciple]
) -> None:
    """The issue's case: a mentoring story given to Dive Deep."""
    question = get_bank().question("dove-deep-into-a-metric")
    picks = _picks(analyses["mentoring"], question, principles, shown=False)
    first = picks[0]
    assert first.source == "principle"
    assert "The question is about Dive Deep" in first.question
    dive_deep = get_bank().principles["dive-deep"]
    assert dive_deep.signals[0].split(" by ")[0].split()[-1] in first.question  # "cause"
    _assert_quotes_are_the_candidates(picks, MENTORING)
    asked = " ".join(p.question for p in picks).lower()
    assert "click" not in asked and "accidental" not in asked


def test_a_story_showing_the_asked_principle_is_probed_on_it(
    analyses: dict[str, StarAnalysis], principles: list[LeadershipPrinciple]
) -> None:
    question = get_bank().question("dove-deep-into-a-metric")
    picks = _picks(analyses["no-result"], question, principles, shown=True)
    probe = next(p for p in picks if p.source == "principle")
    assert "Dive Deep" in probe.reason
    assert "how did you prove what the cause was" in probe.question
    assert "The question is about" not in probe.question
    _assert_quotes_are_the_candidates(picks, NO_RESULT)


def test_a_complete_story_is_asked_about_a_number_it_gave(
    analyses: dict[str, StarAnalysis], principles: list[LeadershipPrinciple]
) -> None:
    """The bank's strongest calibration story: its follow-ups name its own number."""
    question = get_bank().question("why-amazon")
    text = _calibration("why-amazon", "strong")
    picks = _picks(analyses["why-amazon:strong"], question, principles, shown=True)
    numbers = re.findall(r"\d[\d.,]*%?", " ".join(p.question for p in picks))
    assert numbers and all(n.rstrip(".,") in text for n in numbers), numbers
    _assert_quotes_are_the_candidates(picks, text)


def test_a_principle_of_the_coachs_own_is_probed_through_its_signal(
    analyses: dict[str, StarAnalysis], principles: list[LeadershipPrinciple]
) -> None:
    own = LeadershipPrinciple(
        id="write-it-down",
        name="Write It Down",
        description="Decisions and their reasons are written where the team can find them.",
        signals=["wrote a decision record that others used later"],
    )
    question = get_bank().question("dove-deep-into-a-metric")
    question = question.model_copy(update={"leadership_principles": ["write-it-down"]})
    picks = _picks(analyses["mentoring"], question, [*principles, own], shown=False)
    redirect = next(p for p in picks if p.source == "principle")
    assert (
        "The question is about Write It Down: can you tell me about a time you wrote a decision "
        "record that others used later?" in redirect.question
    )


# --- never the model answer's story -------------------------------------------------------------


def _story_frequency(questions: list[Question]) -> Counter[str]:
    """In how many of the bank's behavioural model answers each content word appears."""
    df: Counter[str] = Counter()
    for q in questions:
        df.update(set(content_words(q.model_answer)))
    return df


#: A word of a model answer is a detail of its story when at most this many of the bank's
#: model answers use it ("clicks", "dwell", "widget"); story vocabulary ("team", "people",
#: "decided") appears in many.
DETAIL_MAX_STORIES = 2


def _interview_words(questions: list[Question], but: Question) -> set[str]:
    """The words interviewers use about any story: the other behavioural questions' prompts
    and answering advice, and every principle's text (none of it tells a story)."""
    words: set[str] = set()
    for q in questions:
        if q.id != but.id:
            words |= set(content_words(f"{q.prompt} {q.how_to_answer or ''}"))
    for lp in get_bank().principles.values():
        words |= set(content_words(" ".join([lp.name, lp.description, *lp.signals])))
    return words


def test_no_follow_up_carries_a_detail_of_the_asked_questions_model_answer(
    analyses: dict[str, StarAnalysis], principles: list[LeadershipPrinciple]
) -> None:
    """For every behavioural question and every story not written for it (other questions'
    model answers and calibration answers, the stories above), under every principle verdict:
    no follow-up uses a detail of the question's model answer (a word of it that at most one
    other model answer uses) unless the candidate said it, the prompt asks it or the asked
    principle's own text names it."""
    questions = _behavioural()
    frequency = _story_frequency(questions)
    by_id = {p.id: p for p in principles}
    failures: list[tuple[str, str, bool | None, list[str]]] = []
    checked = 0
    for question in questions:
        principle_words: set[str] = set()
        for pid in question.leadership_principles:
            lp = by_id[pid]
            principle_words |= set(content_words(" ".join([lp.name, lp.description, *lp.signals])))
        distinctive = (
            {w for w in content_words(question.model_answer) if frequency[w] <= DETAIL_MAX_STORIES}
            - set(content_words(question.prompt))
            - principle_words
        )
        distinctive -= _interview_words(questions, question)
        # The check has something to find (the bank's growth makes fewer words distinctive:
        # 46 stories left 20 for changed-your-mind-on-evidence, 81 leave 10 for
        # raised-the-quality-bar).
        assert len(distinctive) >= 5, question.id
        if question.id == "dove-deep-into-a-metric":
            # The issue's case. Its other word, "click", is now told by four model answers, so
            # it no longer counts as this story's detail here; the redirect test above still
            # checks that no follow-up of that case says it.
            assert "accidental" in distinctive
        for label, owner, text in _candidates():
            if owner == question.id:
                continue
            said = set(content_words(text))
            for shown in (None, False, True):
                picks = _picks(analyses[label], question, principles, shown)
                assert picks, (question.id, label)
                assert sum(p.source == "principle" for p in picks) <= 1, picks
                words = set(content_words(" ".join(p.question for p in picks)))
                leaked = (words & distinctive) - said
                if leaked:
                    failures.append((question.id, label, shown, sorted(leaked)))
                checked += 1
    assert not failures, sorted({(f[0], w) for f in failures for w in f[3]})
    assert checked > 500


def test_story_follow_ups_do_not_depend_on_the_model_answer_or_rubric(
    analyses: dict[str, StarAnalysis], principles: list[LeadershipPrinciple]
) -> None:
    """Swapping a story question's model answer and rubric for another question's changes no
    follow-up: they are built from the story, the prompt and the principles alone."""
    questions = [q for q in _behavioural() if asks_for_a_story(q)]
    assert len(questions) >= 10
    for question, donor in zip(questions, questions[1:] + questions[:1], strict=True):
        swapped = question.model_copy(
            update={"model_answer": donor.model_answer, "rubric": donor.rubric}
        )
        for label in ("no-result", "we-story", "mentoring", f"{donor.id}:model"):
            star = analyses[label]
            for shown in (None, False):
                before = _picks(star, question, principles, shown)
                after = pick_follow_ups(
                    donor.rubric,
                    [],
                    star,
                    question=swapped,
                    principles=principles,
                    asked_principle_shown=shown,
                )
                assert [p.question for p in before] == [p.question for p in after]


def test_the_grader_asks_the_issues_mentoring_story_about_itself(
    encoder: CachedEncoder, principles: list[LeadershipPrinciple]
) -> None:
    """End to end through the grader: the follow-ups quote the mentoring story and never ask
    about the model answer's clicks."""
    question = get_bank().question("dove-deep-into-a-metric")
    grader = EmbeddingGrader(encoder, principles=principles)
    result = grader.grade(MENTORING, from_question(question))
    assert result.follow_ups
    asked = " ".join(f.question for f in result.follow_ups)
    assert "click" not in asked.lower() and "accidental" not in asked.lower()
    assert "Dive Deep" in asked or "Dive Deep" in " ".join(f.reason for f in result.follow_ups)
    quotes = _QUOTE.findall(asked)
    assert quotes and all(q.removesuffix("\u2026") in _plain(MENTORING) for q in quotes)
