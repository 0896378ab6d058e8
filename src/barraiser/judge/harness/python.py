# ruff: noqa: E501  (the embedded C++/Java/Python is kept dense on purpose)
"""The Python harness: ``main.py`` runs the candidate's ``solution.py``."""

from __future__ import annotations

from barraiser.content.problems import Signature

_TEMPLATE = r"""
import json, os, sys

NAME = {name!r}
TYPES = {types!r}
_stdin = os.fdopen(os.dup(0), "rb")
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.close(_null)
_res = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr
sys.setrecursionlimit(1_000_000)


def _convert(type_, value):
    # Only floats need converting (JSON may write 2.0 as 2); the rest is used as read, since a
    # test's time includes reading its input.
    if "float" not in type_:
        return value
    if type_ == "float":
        return float(value)
    return [_convert(type_[:-2], v) for v in value]


_ns = {{"__name__": "solution"}}
exec("from typing import *\nimport bisect, collections, functools, heapq, itertools, math\n"
     "from collections import Counter, defaultdict, deque\nfrom functools import cache, lru_cache\n", _ns)
_here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(_here, "solution.py"), encoding="utf-8") as _f:
    exec(compile(_f.read(), "solution.py", "exec"), _ns)
_Solution = _ns["Solution"]
_res.write("@@READY\n")
_res.flush()
_k = 0
while True:
    _line = _stdin.readline()
    if not _line:
        break
    _args = [_convert(t, v) for t, v in zip(TYPES, json.loads(_line))]
    sys.stderr.write("@@barraiser-test %d@@\n" % _k)
    sys.stderr.flush()
    _out = getattr(_Solution(), NAME)(*_args)
    sys.stderr.flush()
    _res.write("@@R %d %s\n" % (_k, json.dumps(_out, ensure_ascii=False, separators=(",", ":"))))
    _res.flush()
    _k += 1
_res.write("@@END\n")
_res.flush()
"""


_PY_TYPES = {"int": "int", "long": "int", "float": "float", "bool": "bool", "string": "str"}


def python_type(type_: str) -> str:
    """The type hint of a signature type: ``int[][]`` -> ``list[list[int]]``."""
    if type_.endswith("[]"):
        return f"list[{python_type(type_[:-2])}]"
    return _PY_TYPES[type_]


def starter(signature: Signature) -> str:
    """``class Solution`` with the method to write."""
    params = ", ".join(f"{p.name}: {python_type(p.type)}" for p in signature.params)
    return (
        f"class Solution:\n    def {signature.name}(self, {params}) -> "
        f"{python_type(signature.returns)}:\n        pass\n"
    )


def build(signature: Signature, source: str) -> dict[str, str]:
    """``main.py`` (the harness) and ``solution.py`` (the candidate's code)."""
    main = _TEMPLATE.format(name=signature.name, types=[p.type for p in signature.params])
    return {"main.py": main, "solution.py": source}
