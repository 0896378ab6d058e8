"""Quotes in story follow-ups are clean: short, cut at word and clause boundaries, no Markdown
or STAR headers, and they start where the candidate's own words start."""

from __future__ import annotations

import re

import pytest

from barraiser.grading.quotes import (
    I_SUBJECT,
    QUOTE_MAX_WORDS,
    WE_SUBJECT,
    clean_sentence,
    quote_fragment,
)

LONG = (
    "I pulled a week of raw session logs myself, about forty thousand sessions, and read a "
    "sample of them one by one before I trusted the dashboard."
)


def _words(fragment: str) -> list[str]:
    return fragment.rstrip("\u2026").split()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("**Result:** Latency fell by 30% within a week.", "Latency fell by 30% within a week"),
        ("- Action - I rewrote the `feature` job.", "I rewrote the feature job"),
        ("## Situation: our [dashboard](http://x) lied.", "our dashboard lied"),
        ('She said "ship it" and I did.', "She said 'ship it' and I did"),
    ],
)
def test_markdown_headers_and_bullets_are_removed(sentence: str, expected: str) -> None:
    assert quote_fragment(sentence) == expected


def test_a_long_sentence_is_cut_at_a_clause_with_an_ellipsis() -> None:
    fragment = quote_fragment(LONG)
    assert fragment == "I pulled a week of raw session logs myself\u2026"
    assert len(_words(fragment)) <= QUOTE_MAX_WORDS
    assert LONG.startswith(fragment.rstrip("\u2026"))


def test_a_cut_never_ends_on_a_dangling_word() -> None:
    sentence = (
        "Our team lead wanted the model in production for the spring sale in the north region "
        "of the country"
    )
    fragment = quote_fragment(sentence)
    last = _words(fragment)[-1].lower()
    assert last not in {"the", "for", "in", "of", "a", "and"}
    assert fragment.endswith("\u2026")
    assert len(_words(fragment)) <= QUOTE_MAX_WORDS
    # Every word is whole: the fragment is a prefix of the sentence at a word boundary.
    body = fragment.rstrip("\u2026")
    assert sentence.startswith(body) and sentence[len(body)] == " "


def test_the_quote_starts_at_the_candidates_subject() -> None:
    sentence = "Last spring at a logistics company I was the only ML engineer on the team."
    assert quote_fragment(sentence, start=I_SUBJECT) == ("I was the only ML engineer on the team")
    we = "At my last job we decided to finish the migration first."
    assert quote_fragment(we, start=WE_SUBJECT) == "we decided to finish the migration first"


def test_the_quote_does_not_start_inside_a_relative_clause() -> None:
    sentence = "What I liked about the role is that the team owns its models."
    assert quote_fragment(sentence, start=I_SUBJECT).startswith("What I liked")


def test_lead_in_words_are_dropped() -> None:
    assert quote_fragment("As a result, churn fell by a third.") == "churn fell by a third"
    assert quote_fragment("So then I called the vendor.") == "I called the vendor"


def test_clean_sentence_leaves_no_markdown() -> None:
    text = clean_sentence("  **Task:**   _my_ job was to *fix* `it`  ")
    assert text == "my job was to fix it"
    assert not re.search(r"[*_`#]", text)
