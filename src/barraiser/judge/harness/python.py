# ruff: noqa: E501  (the embedded C++/Java/Python is kept dense on purpose)
"""The Python harness: ``main.py`` runs the candidate's ``solution.py``."""

from __future__ import annotations

from barraiser.content.problems import Signature

_TEMPLATE = r"""
import json, os, signal, sys, time

NAME = {name!r}
TYPES = {types!r}
LIMIT = {limit!r}
_lines = sys.stdin.buffer.read().decode("utf-8").splitlines()
_res = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr
sys.setrecursionlimit(1_000_000)
_current = [-1]


def _on_tle(signum, frame):
    _res.write("@@TLE %d\n" % _current[0])
    _res.flush()
    os._exit(124)


def _convert(type_, value):
    if type_ == "float":
        return float(value)
    if type_.endswith("[]"):
        return [_convert(type_[:-2], v) for v in value]
    return value


_ns = {{"__name__": "solution"}}
exec("from typing import *\nimport bisect, collections, functools, heapq, itertools, math\n"
     "from collections import Counter, defaultdict, deque\nfrom functools import cache, lru_cache\n", _ns)
_here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(_here, "solution.py"), encoding="utf-8") as _f:
    exec(compile(_f.read(), "solution.py", "exec"), _ns)
_Solution = _ns["Solution"]
signal.signal(signal.SIGPROF, _on_tle)
for _k, _line in enumerate(_lines):
    _args = [_convert(t, v) for t, v in zip(TYPES, json.loads(_line))]
    sys.stderr.write("@@barraiser-test %d@@\n" % _k)
    sys.stderr.flush()
    _current[0] = _k
    _method = getattr(_Solution(), NAME)
    _t0 = time.process_time()
    signal.setitimer(signal.ITIMER_PROF, LIMIT)
    _out = _method(*_args)
    signal.setitimer(signal.ITIMER_PROF, 0)
    _dt = time.process_time() - _t0
    sys.stderr.flush()
    _res.write("@@R %d %.6f %s\n" % (_k, _dt, json.dumps(_out, ensure_ascii=False, separators=(",", ":"))))
    _res.flush()
_res.write("@@END\n")
_res.flush()
"""


def build(signature: Signature, source: str, time_limit_s: float) -> dict[str, str]:
    """``main.py`` (the harness) and ``solution.py`` (the candidate's code)."""
    main = _TEMPLATE.format(
        name=signature.name,
        types=[p.type for p in signature.params],
        limit=float(time_limit_s),
    )
    return {"main.py": main, "solution.py": source}
