"""The words and numbers the pages show: durations, labels and the debrief rule in plain words."""

from __future__ import annotations

import pytest

from barraiser.content.bank import get_bank
from barraiser.content.schemas import QUESTION_KINDS, DecisionRule, Question
from barraiser.interview.decision import decision_sentences
from barraiser.web.presenters import (
    format_minutes,
    humanize,
    kind_label,
    plural,
    source_label,
)


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(15, "15 min"), (60, "60 min"), (90, "90 min"), (120, "2 h"), (465, "7 h 45 min")],
)
def test_format_minutes(minutes: int, text: str) -> None:
    assert format_minutes(minutes) == text


def test_labels() -> None:
    assert humanize("model-evaluation") == "Model evaluation"
    assert humanize("ml-system-design") == "ML system design"
    assert kind_label("ml-design") == "ML system design"
    assert kind_label("behavioral") == "Behavioural"
    assert all(kind_label(kind) for kind in QUESTION_KINDS)
    assert plural(1, "question") == "1 question"
    assert plural(0, "question") == "0 questions"


def test_source_label() -> None:
    question = next(q for q in get_bank().questions.values() if q.source is not None)
    assert question.source is not None
    assert source_label(question) == f"Guide Q{question.source.question}"
    unsourced = Question.model_validate({**question.model_dump(), "source": None})
    assert source_label(unsourced) == ""


def test_amazon_decision_rule_in_plain_words() -> None:
    sentences = " ".join(decision_sentences(get_bank().loop("amazon-mle").decision))
    assert "at least 3 out of 4" in sentences
    assert "At most one round may be rated “no”" in sentences
    assert "A “strong no” from any interviewer means no hire." in sentences
    assert "Bar Raiser has a veto" in sentences
    assert "“no” or worse" in sentences
    assert "Leadership Principle ratings" in sentences and "2.5" in sentences


def test_decision_rule_without_veto() -> None:
    rule = DecisionRule(max_no_ratings=0, strong_no_blocks=False, bar_raiser_veto=False)
    sentences = " ".join(decision_sentences(rule))
    assert "No round may be rated “no”" in sentences
    assert "veto" not in sentences
    assert "strong no” from" not in sentences
    strictest = " ".join(
        decision_sentences(DecisionRule(bar_raiser_veto=True, veto_at_or_below="strong-no"))
    )
    assert "“strong no”, there is no offer" in strictest


def test_typed_text_becomes_escaped_paragraphs() -> None:
    from barraiser.web.presenters import as_paragraphs

    text = "First line wrapped\nhere.\n\n<script>x</script> & more\r\n\r\n\n"
    assert str(as_paragraphs(text)) == (
        "<p>First line wrapped here.</p><p>&lt;script&gt;x&lt;/script&gt; &amp; more</p>"
    )
