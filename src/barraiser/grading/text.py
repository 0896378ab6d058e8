"""Text helpers for the grader: sentence splitting, tokens, phrase matching and negation cues."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations whose final dot does not end a sentence (lower case, without the last dot).
_ABBREVIATIONS = frozenset(
    {
        "e.g",
        "i.e",
        "etc",
        "vs",
        "cf",
        "approx",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "fig",
        "eq",
        "no",
        "al",
        "resp",
        "incl",
        "esp",
        "min",
        "max",
        "sec",
        "st",
        "jr",
        "sr",
        "u.s",
        "a.k.a",
    }
)

_BULLET = re.compile(r"^\s*(?:[-*+\u2022\u2013\u2014>]|\d{1,3}[.)]|[a-zA-Z][.)])\s+")
# A sentence ends at . ! ? (possibly followed by closing quotes/brackets) and whitespace.
_END = re.compile(r"([.!?]+[\"'\u201d\u2019)\]]*)(\s+)")
_SEMI_LONG = re.compile(r";\s+")
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019.+\-][a-z0-9]+)*", re.IGNORECASE)

#: Words that turn a statement around when they come shortly before a term.
NEGATION_CUES = frozenset(
    {
        "not",
        "no",
        "never",
        "without",
        "nor",
        "neither",
        "none",
        "cannot",
        "can't",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "won't",
        "wouldn't",
        "shouldn't",
        "couldn't",
        "hardly",
        "barely",
        "nothing",
        "ignore",
        "ignoring",
        "irrelevant",
        "unnecessary",
        "needn't",
    }
)

_STOPWORD_TEXT = """a an the and or but if then than so of to in on at by for with from as is are
    was were be
    been being it its this that these those there here which who whom what when where why how i
    we you he she they them our your their my me us do does did doing have has had having can
    could would should will shall may might must also just very really quite some any each every
    all both either more most much many such other another into onto over under about up down out
    off again further once only own same too s t don not no nor few one two first next then like
    well kind sort lot get got make made use used using say said think want way
    thing things"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True)
class Sentence:
    """A sentence of an answer, with its position in the original text."""

    text: str
    start: int
    end: int


def _is_abbreviation(text: str, dot_index: int) -> bool:
    """True when the dot at ``dot_index`` ends an abbreviation or sits inside a number."""
    before = text[:dot_index]
    match = re.search(r"([A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+)$", before)
    if match is None:
        return False
    word = match.group(1).lower()
    if word in _ABBREVIATIONS:
        return True
    # Single capital initial ("J. Smith") and dotted acronyms ("U.S.") do not end sentences.
    return bool(re.fullmatch(r"[a-z](?:\.[a-z])+", word)) or (
        len(word) == 1 and before[-1].isupper() and dot_index + 2 < len(text)
    )


def _is_factorial(block: str, start: int, index: int) -> bool:
    """True for the "!" of a factorial inside brackets ("O(n!) time"), not a sentence end."""
    if block[index] != "!" or index == 0 or not block[index - 1].isalnum():
        return False
    opened = block[start:index]
    return opened.count("(") > opened.count(")")


def _split_block(block: str, offset: int, out: list[Sentence]) -> None:
    start = 0
    for match in _END.finditer(block):
        punct_start = match.start(1)
        if block[punct_start] == "." and _is_abbreviation(block, punct_start):
            continue
        if _is_factorial(block, start, punct_start):
            continue
        following = block[match.end() : match.end() + 1]
        # "... 0.85 or ..." never reaches here (no whitespace after the dot); a lower-case
        # continuation after a dot is usually an abbreviation we do not know.
        if block[punct_start] == "." and following.islower():
            continue
        end = match.end(1)
        _emit(block, start, end, offset, out)
        start = match.end()
    _emit(block, start, len(block), offset, out)


def _emit(block: str, start: int, end: int, offset: int, out: list[Sentence]) -> None:
    piece = block[start:end]
    stripped = piece.strip()
    if not stripped or not _WORD.search(stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    out.append(Sentence(stripped, offset + start + lead, offset + start + lead + len(stripped)))


def split_sentences(text: str, max_words: int = 60) -> list[Sentence]:
    """Split prose, bullet lists and line-broken text into sentences.

    Bullets and blank lines always start a new sentence; a single line break inside a paragraph
    does not (answers are often hard-wrapped).  Dots in abbreviations ("e.g.", "i.e.") and
    numbers ("0.85") do not end sentences.  Very long run-on sentences are cut at semicolons.
    """
    out: list[Sentence] = []
    lines = text.splitlines(keepends=True)
    blocks: list[tuple[int, str]] = []
    position = 0
    current_start: int | None = None
    current: list[str] = []
    for line in lines:
        bullet = _BULLET.match(line)
        blank = not line.strip()
        if (bullet or blank) and current:
            blocks.append((current_start or 0, "".join(current)))
            current, current_start = [], None
        if not blank:
            if bullet:
                content_start = position + bullet.end()
                line_text = line[bullet.end() :]
            else:
                content_start = position
                line_text = line
            if current_start is None:
                current_start = content_start
            current.append(line_text)
        position += len(line)
    if current:
        blocks.append((current_start or 0, "".join(current)))
    for block_start, block in blocks:
        _split_block(block, block_start, out)
    return _cut_long(out, max_words)


def _cut_long(sentences: list[Sentence], max_words: int) -> list[Sentence]:
    result: list[Sentence] = []
    for sentence in sentences:
        if len(sentence.text.split()) <= max_words:
            result.append(sentence)
            continue
        start = 0
        for match in _SEMI_LONG.finditer(sentence.text):
            piece = sentence.text[start : match.start() + 1].strip()
            if piece:
                pos = sentence.start + start
                result.append(Sentence(piece, pos, pos + len(piece)))
            start = match.end()
        tail = sentence.text[start:].strip()
        if tail:
            pos = sentence.start + start
            result.append(Sentence(tail, pos, pos + len(tail)))
    return result


def tokens(text: str) -> list[str]:
    """Lower-case word tokens (keeps "pr-auc", "0.85", "don't" whole)."""
    return [m.group(0).lower().replace("\u2019", "'") for m in _WORD.finditer(text)]


def stem(word: str) -> str:
    """A light suffix stripper so "features"/"feature" and "splits"/"split" match."""
    if word.endswith("ices") and len(word) > 6:  # matrices, indices
        return word[:-4] + "ix"
    for suffix in ("ies", "es", "s"):
        if len(word) > 4 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def content_words(text: str) -> list[str]:
    """Stemmed tokens without stop words."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS and not t.isdigit()]


def word_count(text: str) -> int:
    return len(tokens(text))


#: Answers longer than this are graded on their first words (time stays bounded).  A spoken
#: concept answer of 2-3 minutes is 300-400 words, but an ML or system design walk-through runs
#: 500-900, so the cap sits above that: its monitoring and launch sections are graded too.
ANSWER_MAX_WORDS = 1000
#: What the result says when an answer was cut.
TRUNCATED_NOTE = (
    "Only the first {max_words} words were graded; a spoken answer of 2-3 minutes is about "
    "300-400 words, a design walk-through 600-900."
)


def truncate_words(text: str, max_words: int) -> tuple[str, bool]:
    """The text cut after ``max_words`` words (at a word boundary), and whether it was cut."""
    for count, match in enumerate(_WORD.finditer(text), start=1):
        if count > max_words:
            return text[: match.start()].rstrip(), True
    return text, False


def find_phrase(phrase: str, text_tokens: list[str]) -> list[int]:
    """Token positions where the (stemmed) phrase occurs as whole words."""
    target = [stem(t) for t in tokens(phrase)]
    if not target:
        return []
    stems = [stem(t) for t in text_tokens]
    n = len(target)
    return [i for i in range(len(stems) - n + 1) if stems[i : i + n] == target]


def negated_at(text_tokens: list[str], position: int, window: int = 4) -> bool:
    """True when a negation cue appears within ``window`` words before ``position``."""
    # A clause break (e.g. "but") resets the scope of an earlier negation.
    for i in range(position - 1, max(-1, position - window - 1), -1):
        token = text_tokens[i]
        if token in {"but", "however", "although", "though", "yet", "whereas"}:
            return False
        if token in NEGATION_CUES or token.endswith("n't"):
            return True
    return False


#: Words that deny what follows them when two statements are compared for polarity, besides
#: :data:`NEGATION_CUES`: "gets zero gradient" says what "never gets a gradient" says.
POLARITY_CUES = NEGATION_CUES | {"zero"}
#: Cues that deny the words before them ("the order is irrelevant").
_POSTPOSITIVE = frozenset({"irrelevant", "unnecessary"})
#: A negation governs at most this many words of its clause.
NEGATION_SCOPE_WORDS = 6
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]!?]|\.(?=\s|$)|\s[-\u2013\u2014]\s")
_CLAUSE_WORDS = frozenset(
    {
        "but",
        "so",
        "because",
        "since",
        "although",
        "though",
        "however",
        "whereas",
        "while",
        "yet",
        "which",
        "if",
        "when",
        "unless",
        "then",
    }
)


def _is_cue(token: str) -> bool:
    return token in POLARITY_CUES or token.endswith("n't")


def negation_scopes(text: str) -> list[tuple[str, frozenset[str]]]:
    """Each negation cue of ``text`` with the stemmed content words it governs.

    A cue governs the next few words of its clause ("it never gets a gradient again, so ..."
    governs *gets*, *gradient*); "irrelevant" and "unnecessary" govern the words before them.
    Clauses end at punctuation and at words such as "but", "so", "because".
    """
    scopes: list[tuple[str, frozenset[str]]] = []
    for clause in _CLAUSE_BREAK.split(text):
        pieces: list[list[str]] = [[]]
        for w in tokens(clause):
            if w in _CLAUSE_WORDS:
                pieces.append([])
            else:
                pieces[-1].append(w)
        for piece in pieces:
            for i, w in enumerate(piece):
                if not _is_cue(w):
                    continue
                if w in _POSTPOSITIVE:
                    governed = piece[max(0, i - NEGATION_SCOPE_WORDS) : i]
                else:
                    governed = piece[i + 1 : i + 1 + NEGATION_SCOPE_WORDS]
                words = frozenset(
                    stem(t) for t in governed if t not in STOPWORDS and not _is_cue(t)
                )
                scopes.append((w, words))
    return scopes


def _strict_cue(cue: str) -> bool:
    return cue in NEGATION_CUES or cue.endswith("n't")


def statement_parity(scopes: list[tuple[str, frozenset[str]]], other_words: set[str]) -> int:
    """Negation parity of a key point or misconception, compared with a sentence.

    Every real negation of the statement counts; "zero" counts only when it governs a word the
    sentence uses ("gets zero gradient" beside "never gets a gradient").
    """
    return sum(1 for cue, scope in scopes if _strict_cue(cue) or scope & other_words) % 2


def sentence_parity(scopes: list[tuple[str, frozenset[str]]], other_words: set[str]) -> int:
    """Negation parity of an answer sentence, counting only negations about the statement.

    A negation that governs no word of the statement ("... it never gets a gradient again"
    beside a point about batch norm) says nothing about whether the sentence denies it; a bare
    negation with nothing to govern ("No.") counts.
    """
    return (
        sum(1 for cue, scope in scopes if scope & other_words or (not scope and _strict_cue(cue)))
        % 2
    )


def has_negation(text: str) -> bool:
    return any(t in NEGATION_CUES or t.endswith("n't") for t in tokens(text))


_AUX = re.compile(
    r"\b(?:(cannot|can['\u2019]t|won['\u2019]t)\b|"
    r"(is|are|was|were|can|could|does|do|did|should|will|would|has|have|must|may|might)"
    r"(?:(\s+not\b|n['\u2019]t\b)|\b))",
    re.IGNORECASE,
)
#: Negated forms that are one word, and their positive verb.
_ONE_WORD_NEGATIONS = {"cannot": "can", "can't": "can", "won't": "will"}


def flip_polarity(text: str) -> str | None:
    """The statement with its first auxiliary verb negated or un-negated ("is" <-> "is not").

    Used to test that a sentence agrees with a key point rather than with its opposite; None
    when the text has no auxiliary verb to flip.
    """
    match = _AUX.search(text)
    if match is None:
        return None
    if match.group(1):
        word = match.group(1)
        positive = _ONE_WORD_NEGATIONS[word.lower().replace("\u2019", "'")]
        replacement = positive.capitalize() if word[0].isupper() else positive
        return text[: match.start()] + replacement + text[match.end() :]
    verb = match.group(2)
    if match.group(3):
        replacement = verb
    elif verb.lower() == "can":
        replacement = verb + "not"
    else:
        replacement = verb + " not"
    return text[: match.start()] + replacement + text[match.end() :]
