"""Accepts any valid order of the modules, or [] exactly when no order exists."""

from __future__ import annotations

import json
from typing import Any


def _args(data: Any) -> dict:
    if isinstance(data, str):
        data = json.loads(data)
    if isinstance(data, dict) and "args" in data:
        data = data["args"]
    return data


def check(input: Any, output: Any, expected: Any) -> tuple[bool, str]:
    args = _args(input)
    n, prerequisites = args["n"], args["prerequisites"]
    if isinstance(output, str):
        try:
            output = json.loads(output)
        except ValueError:
            return False, "the output is not a list"
    if not isinstance(output, list) or not all(type(x) is int for x in output):
        return False, "the output must be a list of module numbers"
    if expected == []:
        if output == []:
            return True, ""
        return False, "the prerequisites contain a cycle, so the answer is an empty list"
    if not output:
        return False, "an order exists, but an empty list was returned"
    if len(output) != n:
        return False, f"the order has {len(output)} modules, expected all {n}"
    position = [-1] * n
    for index, module in enumerate(output):
        if not 0 <= module < n:
            return False, f"module {module} does not exist"
        if position[module] != -1:
            return False, f"module {module} appears twice"
        position[module] = index
    for a, b in prerequisites:
        if position[b] > position[a]:
            return False, f"module {a} is placed before its prerequisite {b}"
    return True, ""
