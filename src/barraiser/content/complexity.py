"""Big-O bounds as people write them: parsed to one canonical form, so equal bounds compare equal.

``O(n log n)``, ``O(nlogn)``, ``O(n·log(n))`` and ``n log n`` are one bound; so are ``O(m + n)``
and ``O(n + m)``, ``O(R·C)`` and ``O(C * R)``, ``O(2n + 5)`` and ``O(n)``.  A bound is a set of
terms (constant factors dropped, terms another term dominates dropped: ``O(n + n log n)`` is
``O(n log n)``); a term is a product of factors with powers (a variable or a logarithm).

Variables are lower-cased; ``aliases`` renames them per problem (``v`` -> ``n`` for a graph's
vertices, ``amount`` -> ``a``), and an alias may stand for an expression (``cells`` -> ``r*c``).
Used by the problem schema (the intended solution's stated complexity) and by the grader of the
candidate's spoken approach (``barraiser.grading.approach``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

#: A term: sorted (factor, power) pairs; ``()`` is the constant term, O(1).
Term = tuple[tuple[str, float], ...]

_FUNCTIONS_DROPPED = {"alpha", "ackermann"}  # inverse Ackermann: a constant in practice
_KNOWN_WORDS = {"log", "lg", "ln", "min", "max", "len", "sqrt", "alpha", "sigma"}
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z_][a-z0-9_]*|[-+*/^(),!]")


_NUMBER = re.compile(r"\d+(?:\.\d+)?")

#: Symbols people write in bounds, as the parser reads them (escaped: they look like letters).
_SYMBOLS = {
    "\u00b7": "*",  # middle dot
    "\u00d7": "*",  # multiplication sign
    "\u22c5": "*",  # dot operator
    "\u2219": "*",  # bullet operator
    "**": "^",
    "\u00b2": "^2",
    "\u00b3": "^3",
    "\u2212": "-",  # minus sign
    "\u2013": "-",  # en dash
    "\u03b1": "alpha",
    "\u03c3": "sigma",
    "\u221a": "sqrt",
}
#: The constant term alone: O(1).
_ONE: frozenset[Term] = frozenset({()})


class BoundError(ValueError):
    """A string that is not a bound this parser reads."""


@dataclass(frozen=True)
class Bound:
    """A canonical big-O bound: the set of its non-dominated terms."""

    terms: frozenset[Term]

    def __str__(self) -> str:
        return "O(" + " + ".join(sorted(_term_text(t) for t in self.terms)) + ")"


def _term_text(term: Term) -> str:
    if not term:
        return "1"
    parts = []
    for factor, power in term:
        parts.append(factor if power == 1 else f"{factor}^{power:g}")
    return "·".join(parts)


def _prepare(text: str) -> str:
    text = text.strip().lower()
    for old, new in _SYMBOLS.items():
        text = text.replace(old, new)
    # |s| is the length of s; a logarithm's base does not matter.
    text = re.sub(r"\|([^|]+)\|", r"(\1)", text)
    text = re.sub(r"(log|lg)_?\{?\d+\}?", r"\1 ", text)
    match = re.fullmatch(r"(?:big[\s-]*)?o\s*\((.*)\)", text, flags=re.S)
    return match.group(1) if match else text


def _split_word(word: str, known: set[str]) -> list[str]:
    """``nlogn`` -> n log n; ``mn`` -> m n; known words and longer names stay whole."""
    if word in known or word in _KNOWN_WORDS:
        return [word]
    if "log" in word:
        out: list[str] = []
        for i, piece in enumerate(word.split("log")):
            if i:
                out.append("log")
            if piece:
                out.extend(_split_word(piece, known))
        return out
    if len(word) <= 2 and word.isalpha():
        return list(word)
    return [word]


class _Parser:
    def __init__(self, text: str, aliases: Mapping[str, str]) -> None:
        self.aliases = {k.lower(): v for k, v in aliases.items()}
        known = set(self.aliases)
        tokens: list[str] = []
        rest = _TOKEN.sub("", re.sub(r"\s+", "", text))
        if rest:
            raise BoundError(f"unexpected characters {rest!r}")
        for token in _TOKEN.findall(text):
            tokens.extend(_split_word(token, known) if token[0].isalpha() else [token])
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise BoundError(f"expected {expected or 'more'}, found {token or 'the end'}")
        self.pos += 1
        return token

    def parse(self) -> frozenset[Term]:
        if not self.tokens:
            raise BoundError("empty bound")
        terms = self.sum()
        if self.peek() is not None:
            raise BoundError(f"unexpected {self.peek()!r}")
        return terms

    def sum(self) -> frozenset[Term]:
        terms = set(self.product())
        while self.peek() in ("+", "-"):
            self.take()
            terms |= self.product()
        return frozenset(terms)

    def product(self) -> frozenset[Term]:
        result = _ONE
        first = True
        while True:
            token = self.peek()
            if token in ("*", "/") and not first:
                self.take()
                factor = self.power()
                result = _multiply(result, _invert(factor) if token == "/" else factor)
            elif token is not None and (token[0].isalnum() or token == "("):
                result = _multiply(result, self.power())
            elif first:
                raise BoundError(f"expected a term, found {token or 'the end'}")
            else:
                return result
            first = False

    def power(self) -> frozenset[Term]:
        number = self.peek()
        base = self.atom()
        # A number is a constant factor on its own (2n is n), but not as the base of a power
        # in a variable (2^n is not 3^n): keep its digits for that case.
        base_text = number if number and _NUMBER.fullmatch(number) else _text(base)
        if self.peek() == "!":
            self.take()
            # n!: kept as an opaque factor, like an exponential.
            return frozenset({((f"{base_text}!", 1.0),)})
        if self.peek() == "^":
            self.take()
            exponent = self.take()
            if exponent == "(":
                exponent = self.take()
                self.take(")")
            try:
                value = float(exponent)
            except ValueError:
                # n^k, 2^n: exponential in a variable; kept as an opaque factor.
                return frozenset({((f"{base_text}^{exponent}", 1.0),)})
            return _raise(base, value)
        return base

    def atom(self) -> frozenset[Term]:
        token = self.take()
        if token == "(":
            inner = self.sum()
            self.take(")")
            return inner
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            return _ONE
        if token in ("log", "lg", "ln"):
            return _log(self.power() if self.peek() != "(" else self.group())
        if token in ("min", "max", "len", "sqrt") or token in _FUNCTIONS_DROPPED:
            args = self.arguments()
            if token in _FUNCTIONS_DROPPED:
                return _ONE
            if token == "len":
                return args[0]
            if token == "sqrt":
                return _raise(args[0], 0.5)
            if token == "max":  # max(a, b) is O(a + b)
                return frozenset().union(*args)
            names = sorted(_text(a) for a in args)
            return frozenset({((f"min({','.join(names)})", 1.0),)})
        if self.peek() == "(" and len(token) > 1:
            # f(x): a named quantity of x (sum(weights)); the name is the variable. A single
            # letter before a bracket multiplies it: n(n + m).
            self.arguments()
        if token in self.aliases:
            return _Parser(_prepare(self.aliases[token]), {}).parse()
        if not re.fullmatch(r"[a-z][a-z0-9_]*", token):
            raise BoundError(f"unexpected {token!r}")
        return frozenset({((token, 1.0),)})

    def group(self) -> frozenset[Term]:
        self.take("(")
        inner = self.sum()
        self.take(")")
        return inner

    def arguments(self) -> list[frozenset[Term]]:
        self.take("(")
        args = [self.sum()]
        while self.peek() == ",":
            self.take()
            args.append(self.sum())
        self.take(")")
        return args


def _combine(a: Term, b: Term) -> Term:
    powers: dict[str, float] = dict(a)
    for factor, power in b:
        powers[factor] = powers.get(factor, 0.0) + power
    return tuple(sorted((f, p) for f, p in powers.items() if p != 0))


def _multiply(a: frozenset[Term], b: frozenset[Term]) -> frozenset[Term]:
    return frozenset(_combine(x, y) for x in a for y in b)


def _invert(a: frozenset[Term]) -> frozenset[Term]:
    if len(a) != 1:
        return frozenset({((f"1/({_text(a)})", 1.0),)})
    (term,) = a
    return frozenset({tuple((f, -p) for f, p in term)})


def _raise(base: frozenset[Term], power: float) -> frozenset[Term]:
    if len(base) == 1:
        (term,) = base
        return frozenset({tuple((f, p * power) for f, p in term)})
    if power == int(power) and 1 <= power <= 3:
        result = _ONE
        for _ in range(int(power)):
            result = _multiply(result, base)
        return result
    return frozenset({((f"({_text(base)})", power),)})


def _log(arg: frozenset[Term]) -> frozenset[Term]:
    """log of an expression: log(n^2 m) = log n + log m; log of a sum stays whole."""
    pruned = _prune(arg)
    if len(pruned) == 1:
        (term,) = pruned
        logs: frozenset[Term] = frozenset(((f"log({f})", 1.0),) for f, p in term if p > 0)
        return logs or _ONE
    return frozenset({((f"log({_text(pruned)})", 1.0),)})


def _text(terms: frozenset[Term]) -> str:
    return "+".join(sorted(_term_text(t) for t in _prune(terms)))


def _dominated(a: Term, b: Term) -> bool:
    """True when term ``a`` grows no faster than term ``b`` (and they differ)."""
    if a == b:
        return False
    mine, theirs = dict(a), dict(b)
    if any(p < 0 for p in mine.values()) or any(p < 0 for p in theirs.values()):
        return False
    for factor, power in mine.items():
        if theirs.get(factor, 0.0) >= power:
            continue
        inner = re.fullmatch(r"log\((.+)\)", factor)
        # log n grows slower than any power of n: covered by a higher power of n in ``b``.
        if inner and theirs.get(inner.group(1), 0.0) > mine.get(inner.group(1), 0.0):
            continue
        return False
    return True


def _prune(terms: frozenset[Term]) -> frozenset[Term]:
    return frozenset(t for t in terms if not any(_dominated(t, o) for o in terms))


def parse_bound(text: str, aliases: Mapping[str, str] | None = None) -> Bound:
    """The canonical bound of ``O(...)`` (or the bare expression); raises :class:`BoundError`."""
    body = _prepare(text)
    return Bound(_prune(_Parser(body, aliases or {}).parse()))
