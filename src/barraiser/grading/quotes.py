"""Short, clean quotes of what a candidate said, for follow-up questions."""

from __future__ import annotations

import re

#: Longest quoted fragment, in words.
QUOTE_MAX_WORDS = 12
#: A fragment cut at a clause boundary keeps at least this many words.
_QUOTE_MIN_WORDS = 4

OPEN, CLOSE = "\u201c", "\u201d"
ELLIPSIS = "\u2026"

_HEADER = re.compile(r"^(situation|task|actions?|results?)\s*[:\-\u2013\u2014]\s*", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-*+\u2022]|\d+[.)])\s+")
_LEAD_IN = re.compile(
    r"^(?:(?:and|but|so|then|first|second|third|next|finally|eventually|afterwards|after that"
    r"|as a result|in the end|in short|overall|basically|honestly|also|also,|at that point)"
    r"\b[,:]?\s+)+",
    re.IGNORECASE,
)
#: Words a fragment must not end on (it would read as cut mid-phrase).
_DANGLING = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "so",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "that",
        "which",
        "who",
        "whose",
        "when",
        "while",
        "because",
        "than",
        "then",
        "our",
        "my",
        "their",
        "his",
        "her",
        "its",
        "your",
        "we",
        "i",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "had",
        "has",
        "have",
        "into",
        "onto",
        "about",
        "over",
        "under",
        "after",
        "before",
        "if",
    ]
)
#: Words before which a long sentence may be cut (a new clause starts).
_CLAUSE_WORDS = frozenset(
    ["and", "but", "so", "because", "which", "while", "who", "where", "whereas", "although"]
)
_RELATIVE = frozenset(
    ["what", "that", "which", "who", "how", "when", "where", "why", "whom", "whose"]
)
WOULD = re.compile(r"\b(?:I|we)(?:\s+would|'d|'ll|\s+will)\b", re.IGNORECASE)
I_SUBJECT = re.compile(r"\bI\b")
WE_SUBJECT = re.compile(r"\bwe\b(?!'re|\s+(?:were|are|had|have|was)\b)", re.IGNORECASE)
WE_ANY = re.compile(r"\b(we|us|our|ours|ourselves)\b", re.IGNORECASE)
I_ANY = re.compile(r"\b(I|me|my|mine|myself)\b")


def clean_sentence(text: str) -> str:
    """A sentence without Markdown, list bullets or a STAR header ("Result: ...")."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [text](url) -> text
    text = re.sub(r"[*_`]+", "", text)
    text = re.sub(r"^\s*#+\s*", "", text)
    text = " ".join(text.split())
    text = _BULLET.sub("", text)
    text = _HEADER.sub("", text)
    return text.replace('"', "'").replace(OPEN, "'").replace(CLOSE, "'").strip()


def quote_fragment(sentence: str, *, start: re.Pattern[str] | None = None) -> str:
    """A clean fragment of a sentence, at most ``QUOTE_MAX_WORDS`` words, cut at word (and where
    possible clause) boundaries; "…" marks a cut.  ``start`` moves the start to its first match
    (for instance the "we" of "At my last job we ...")."""
    text = clean_sentence(sentence)
    if start is not None:
        m = start.search(text)
        before = text[: m.start()].split() if m is not None else []
        # Start at the subject after an opening phrase ("Last spring at a startup I ..."), not
        # inside a relative clause ("What I liked ...").
        if m is not None and before and before[-1].lower() not in _RELATIVE:
            text = text[m.start() :]
    text = _LEAD_IN.sub("", text).strip()
    words = text.split()
    cut = len(words) > QUOTE_MAX_WORDS
    if cut:
        end = QUOTE_MAX_WORDS
        for i in range(QUOTE_MAX_WORDS, _QUOTE_MIN_WORDS - 1, -1):
            # Cut after a word ending in a clause mark, or before a clause word.
            if words[i - 1][-1:] in ",;:" or (i < len(words) and words[i].lower() in _CLAUSE_WORDS):
                end = i
                break
        words = words[:end]
    words[-1] = words[-1].rstrip(",;:.!?")
    while len(words) > _QUOTE_MIN_WORDS and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
        cut = True
        words[-1] = words[-1].rstrip(",;:.!?")
    fragment = " ".join(words).rstrip(",;:.!?")
    return fragment + (ELLIPSIS if cut else "")
