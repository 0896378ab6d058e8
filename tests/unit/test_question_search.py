"""Full-text search over the bank (SQLite FTS5): stemming, principle names, ranking, snippets,
and search text that cannot break the query."""

from __future__ import annotations

import pytest

from barraiser.content.loader import Bank, load_bank
from barraiser.content.search import MARK_END, MARK_START, SearchHit, query_words
from barraiser.web.routes.filters import Snippet


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def test_a_principle_name_finds_every_question_that_probes_it(bank: Bank) -> None:
    probing = {q.id for q in bank.questions.values() if "ownership" in q.leadership_principles}
    assert probing
    assert probing <= {h.question_id for h in bank.search("ownership")}


def test_words_are_stemmed(bank: Bank) -> None:
    """'overfitting' finds answers that only say 'overfit' or 'overfits'."""
    hits = bank.search("overfitting")
    assert hits
    stems_only = [
        h
        for h in hits
        if "overfitting" not in (bank.questions[h.question_id].model_answer.lower())
        and "overfit" in bank.questions[h.question_id].model_answer.lower()
    ]
    assert stems_only, "no hit relied on stemming"
    for hit in hits:
        assert MARK_START in hit.snippet and MARK_END in hit.snippet


@pytest.mark.parametrize("word", ["recall", "boosting", "encoding"])
def test_title_matches_rank_above_passing_mentions(bank: Bank, word: str) -> None:
    in_title = [word in bank.questions[h.question_id].title.lower() for h in bank.search(word)]
    assert True in in_title and False in in_title  # both kinds of hit exist
    first_mention = in_title.index(False)
    assert all(in_title[:first_mention]) and not any(in_title[first_mention:])


def test_every_word_must_match(bank: Bank) -> None:
    both = {h.question_id for h in bank.search("precision recall")}
    for qid in both:
        q = bank.questions[qid]
        text = " ".join([q.title, q.prompt, q.model_answer, " ".join(q.topics)]).lower()
        assert "precision" in text and "recall" in text
    # Words no question has together find nothing (not the questions with any one of them).
    assert bank.search("xgboost") and bank.search("stakeholders")
    assert bank.search("xgboost stakeholders") == []
    assert bank.filter_questions(text="no-such-words-anywhere") == []


def test_the_last_word_matches_as_a_prefix_while_typing(bank: Bank) -> None:
    assert {h.question_id for h in bank.search("overfi")} >= {
        h.question_id for h in bank.search("overfit")
    }


@pytest.mark.parametrize(
    "text", ['"', "NEAR(a b)", "a OR b AND", "*", "col:value", "^start", "'); DROP TABLE q; --"]
)
def test_operators_in_the_search_text_are_words_not_syntax(bank: Bank, text: str) -> None:
    bank.search(text)  # raises sqlite3.OperationalError if any reached FTS5 as syntax


def test_nothing_to_search_for_finds_nothing(bank: Bank) -> None:
    assert query_words("?! --") == []
    assert bank.search("?! --") == []


def test_filters_combine_with_the_search_in_rank_order(bank: Bank) -> None:
    ranked = [h.question_id for h in bank.search("recall")]
    concept = bank.filter_questions(kind="concept", text="recall")
    assert concept and all(q.kind == "concept" for q in concept)
    assert [q.id for q in concept] == [i for i in ranked if bank.questions[i].kind == "concept"]


def test_snippet_html_escapes_the_content_and_marks_only_the_match() -> None:
    hit = SearchHit("x", -1.0, "prompt", f"<script>alert(1)</script> {MARK_START}word{MARK_END}")
    html = str(Snippet.of(hit).html)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert html.endswith("<mark>word</mark>")
