"""Full-text search over the question bank (SQLite FTS5, in memory).

Each question is indexed by its title, prompt, model answer, topics and the names of the
Leadership Principles (and company values) it probes. Words are stemmed (Porter), so
"overfitting" finds "overfit" and "overfits"; the last word also matches as a prefix, so a
word being typed already finds something. Results are ranked by BM25 with the title, topics
and principles weighted above the prompt, and the prompt above the model answer; each hit
carries a snippet of the best-matching field with the matched words marked.

The index is built once per bank (a few milliseconds for hundreds of questions) and read
under a lock: SQLite connections are not shared across threads without one.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from barraiser.content.schemas import Question

#: Marks around a matched word in a snippet (control characters: never in the content, so
#: a renderer can escape the text first and then turn them into markup).
MARK_START = "\x02"
MARK_END = "\x03"
#: Indexed fields, in column order, with their BM25 weights.
FIELDS: tuple[tuple[str, float], ...] = (
    ("title", 10.0),
    ("topics", 6.0),
    ("principles", 6.0),
    ("prompt", 3.0),
    ("model_answer", 1.0),
)
MAX_QUERY_WORDS = 12
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    question_id: str
    #: BM25 rank: lower is better (SQLite's convention); only the order means anything.
    rank: float
    #: The field the snippet comes from.
    field: str
    #: Text around the matches, matched words between MARK_START and MARK_END.
    snippet: str

    def snippet_with(self, start: str, end: str) -> str:
        """The snippet with the marks replaced (e.g. ``**`` for Markdown)."""
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)


def query_words(text: str) -> list[str]:
    """The words of a search text (letters and digits; everything else separates words);
    one-letter words are left out unless there is nothing else."""
    words = _WORD.findall(text.lower())
    longer = [w for w in words if len(w) > 1 or w.isdigit()]
    return (longer or words)[:MAX_QUERY_WORDS]


def _match_expression(words: list[str]) -> str:
    # Every word quoted (no FTS5 operator can be injected), all required; the last one, from
    # three letters on, also as a prefix (a word being typed).
    last = f'"{words[-1]}" *' if len(words[-1]) >= 3 else f'"{words[-1]}"'
    return " AND ".join([f'"{w}"' for w in words[:-1]] + [last])


class QuestionIndex:
    """The bank's questions in an FTS5 table; :meth:`search` answers ranked hits.

    ``principle_names``: Leadership Principle id -> name, so a principle's name finds the
    questions that probe it. The same search again (a page's list and its snippets, a filter
    changed next to it) is answered from a small cache.
    """

    def __init__(self, questions: Iterable[Question], principle_names: Mapping[str, str]) -> None:
        self._lock = threading.Lock()
        self._cached = functools.lru_cache(maxsize=256)(self._search)
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        columns = ", ".join(name for name, _ in FIELDS)
        self._db.execute(
            f"CREATE VIRTUAL TABLE q USING fts5(qid UNINDEXED, {columns}, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        rows = []
        for question in questions:
            names = [
                principle_names.get(p) or p.replace("-", " ")
                for p in question.leadership_principles
            ]
            rows.append(
                (
                    question.id,
                    question.title,
                    " ".join(t.replace("-", " ") for t in question.topics),
                    " ".join(names),
                    question.prompt,
                    question.model_answer,
                )
            )
        marks = ", ".join("?" for _ in range(len(FIELDS) + 1))
        self._db.executemany(f"INSERT INTO q VALUES ({marks})", rows)
        self._db.commit()

    def search(self, text: str, limit: int | None = None) -> list[SearchHit]:
        """Questions containing every word (stemmed; the last word as a prefix), best first."""
        return list(self._cached(tuple(query_words(text)), limit))

    def _search(self, words: tuple[str, ...], limit: int | None) -> tuple[SearchHit, ...]:
        if not words:
            return ()
        return tuple(self._run(_match_expression(list(words)), limit))

    def _run(self, expression: str, limit: int | None) -> list[SearchHit]:
        weights = ", ".join(str(w) for _, w in FIELDS)
        # snippet() column -1 picks the column with the best match; its index is not
        # reported, so the field is found by which column's own snippet carries a mark.
        snippets = ", ".join(
            f"snippet(q, {i + 1}, '{MARK_START}', '{MARK_END}', ' … ', 14)"
            for i in range(len(FIELDS))
        )
        sql = (
            f"SELECT qid, bm25(q, 0.0, {weights}) AS score, {snippets} FROM q "
            "WHERE q MATCH ? ORDER BY score, qid"
        )
        params: tuple[object, ...] = (expression,)
        if limit is not None:
            sql += " LIMIT ?"
            params = (expression, limit)
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        hits = []
        for qid, score, *fields in rows:
            field_name, snippet = _best_snippet(fields)
            hits.append(SearchHit(qid, float(score), field_name, " ".join(snippet.split())))
        return hits


def _best_snippet(snippets: list[str]) -> tuple[str, str]:
    """The field whose snippet marks the most matches (prompt and title first on a tie)."""
    order = ["prompt", "title", "model_answer", "topics", "principles"]
    best = max(
        range(len(FIELDS)),
        key=lambda i: (snippets[i].count(MARK_START), -order.index(FIELDS[i][0])),
    )
    return FIELDS[best][0], snippets[best]
