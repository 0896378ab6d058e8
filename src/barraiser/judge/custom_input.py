"""Custom input: checked before it is judged (size, JSON shape, the signature's types).

Refusals are :class:`SubmissionRejected` with a sentence that says what to fix.
"""

from __future__ import annotations

import json
from typing import Any

from barraiser.content.problems import LoadedProblem

MAX_CUSTOM_INPUT_BYTES = 1024 * 1024


class SubmissionRejected(ValueError):
    """The submission cannot be judged as given (too big, unknown language, bad custom input)."""


def validate_value(type_: str, value: Any, where: str) -> None:
    """Raise SubmissionRejected when ``value`` is not a JSON value of the signature ``type_``."""
    ok: bool
    if type_.endswith("[]"):
        if not isinstance(value, list):
            raise SubmissionRejected(f"{where} must be a list ({type_})")
        for i, item in enumerate(value):
            validate_value(type_[:-2], item, f"{where}[{i}]")
        return
    if type_ == "int":
        ok = isinstance(value, int) and not isinstance(value, bool) and -(2**31) <= value < 2**31
    elif type_ == "long":
        ok = isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63
    elif type_ == "float":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif type_ == "bool":
        ok = isinstance(value, bool)
    else:
        ok = isinstance(value, str)
    if not ok:
        raise SubmissionRejected(f"{where} must be a {type_}, not {json.dumps(value)[:50]}")


def parse_custom_input(problem: LoadedProblem, custom_input: str) -> Any:
    """What a custom run gets: the arguments (function style) or the text (stdio)."""
    if len(custom_input.encode()) > MAX_CUSTOM_INPUT_BYTES:
        raise SubmissionRejected(
            f"the custom input is larger than {MAX_CUSTOM_INPUT_BYTES // 1024} KiB; make it smaller"
        )
    signature = problem.problem.signature
    if signature is None:
        return custom_input
    try:
        args = json.loads(custom_input)
    except ValueError as error:
        raise SubmissionRejected(f"the custom input is not valid JSON: {error}") from None
    names = [p.name for p in signature.params]
    if not isinstance(args, dict) or sorted(args) != sorted(names):
        raise SubmissionRejected(
            "the custom input must be a JSON object with exactly these keys: " + ", ".join(names)
        )
    for param in signature.params:
        validate_value(param.type, args[param.name], param.name)
    return args
