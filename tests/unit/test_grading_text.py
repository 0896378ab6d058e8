"""Sentence splitting, tokens, phrase matching and negation cues of the grader."""

from __future__ import annotations

from barraiser.grading.text import (
    content_words,
    find_phrase,
    flip_polarity,
    negated_at,
    negation_scopes,
    sentence_parity,
    split_sentences,
    statement_parity,
    tokens,
    truncate_words,
)


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_abbreviations_and_numbers_do_not_split() -> None:
    text = "Use a metric, e.g. PR-AUC, not accuracy of 0.85 alone. Then i.e. check recall."
    assert _texts(text) == [
        "Use a metric, e.g. PR-AUC, not accuracy of 0.85 alone.",
        "Then i.e. check recall.",
    ]


def test_a_factorial_in_brackets_does_not_end_a_sentence() -> None:
    assert _texts("It tries O(n!) orders. That is slow! Then it stops.") == [
        "It tries O(n!) orders.",
        "That is slow!",
        "Then it stops.",
    ]


def test_bullets_and_blank_lines_start_sentences_but_wrapped_lines_do_not() -> None:
    text = (
        "First I would ask what the task\nis about.\n\n"
        "- precision and recall\n* cost of errors\n1. latency"
    )
    assert _texts(text) == [
        "First I would ask what the task\nis about.",
        "precision and recall",
        "cost of errors",
        "latency",
    ]


def test_spans_point_into_the_text() -> None:
    text = "  One sentence here. Another one!  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_phrases_match_whole_words_with_plurals() -> None:
    toks = tokens("We compare the confusion matrices and the AUC.")
    assert find_phrase("confusion matrix", toks) == [3]
    assert find_phrase("auc", toks) == [7]
    assert find_phrase("cat", tokens("a category")) == []


def test_negation_scope() -> None:
    toks = tokens("I would not look at recall, but at precision")
    assert negated_at(toks, toks.index("recall"))
    assert not negated_at(toks, toks.index("precision"))


def test_negation_counts_only_about_shared_words() -> None:
    sentence = (
        "The catch is dead units, if a neuron's input is always negative it never gets a "
        "gradient again, so I'd use He init and batch norm."
    )
    dying = "A unit whose input is always negative gets zero gradient and stops learning."
    guards = "Guards against dead units with He initialisation and batch norm."
    scopes = negation_scopes(sentence)
    assert [cue for cue, _ in scopes] == ["never"]
    # "never gets a gradient" agrees with "gets zero gradient" ...
    assert sentence_parity(scopes, set(content_words(dying))) == 1
    assert statement_parity(negation_scopes(dying), set(content_words(sentence))) == 1
    # ... and says nothing about batch norm.
    assert sentence_parity(scopes, set(content_words(guards))) == 0
    # A real negation of the same words still counts on both sides.
    point = "Accuracy alone is not enough to choose a model."
    claim = "Accuracy is enough to choose a model."
    assert statement_parity(negation_scopes(point), set(content_words(claim))) == 1
    assert sentence_parity(negation_scopes(claim), set(content_words(point))) == 0
    # "zero" alone, about nothing the sentence says, is not a negation of the statement.
    assert statement_parity(negation_scopes("Moments start at zero."), {"bias"}) == 0


def test_truncate_words() -> None:
    text, cut = truncate_words("one two three four", 2)
    assert (text, cut) == ("one two", True)
    assert truncate_words("one two", 5) == ("one two", False)


def test_polarity_flips_whole_verbs_only() -> None:
    """'hashed' is not 'has' + 'hed', and one-word negations flip back to their verb."""
    assert flip_polarity("The key is hashed by user") == "The key is not hashed by user"
    assert flip_polarity("It dominates the cost") is None
    assert flip_polarity("Candidates are ranked") == "Candidates are not ranked"
    assert flip_polarity("It cannot overfit") == "It can overfit"
    assert flip_polarity("It can't overfit") == "It can overfit"
    assert flip_polarity("It won't converge") == "It will converge"
    assert flip_polarity("It does not matter") == "It does matter"
