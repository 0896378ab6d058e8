# ruff: noqa: E501  (starter templates are clearer on one line)
"""Starter code per language from a function-style signature (also used by the web app)."""

from __future__ import annotations

from barraiser.content.problems import Problem
from barraiser.judge.harness.cpp import cpp_type
from barraiser.judge.harness.java import java_type

_PY_TYPES = {"int": "int", "long": "int", "float": "float", "bool": "bool", "string": "str"}


def python_type(type_: str) -> str:
    if type_.endswith("[]"):
        return f"list[{python_type(type_[:-2])}]"
    return _PY_TYPES[type_]


def _cpp_param(type_: str) -> str:
    return f"{cpp_type(type_)}&" if type_.endswith("[]") or type_ == "string" else cpp_type(type_)


def starter_code(problem: Problem, language: str) -> str:
    """What the editor starts with for ``language``."""
    sig = problem.signature
    if sig is None:
        return {
            "python": "import sys\n\n\ndef main() -> None:\n    data = sys.stdin.read().split()\n\n\nmain()\n",
            "cpp": "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    \n    return 0;\n}\n",
            "java": "import java.util.*;\nimport java.io.*;\n\npublic class Main {\n    public static void main(String[] args) throws IOException {\n        \n    }\n}\n",
        }[language]
    if language == "python":
        params = ", ".join(f"{p.name}: {python_type(p.type)}" for p in sig.params)
        return (
            f"class Solution:\n    def {sig.name}(self, {params}) -> {python_type(sig.returns)}:\n"
            "        pass\n"
        )
    names = [_camel(p.name) for p in sig.params]
    if language == "cpp":
        params = ", ".join(
            f"{_cpp_param(p.type)} {n}" for p, n in zip(sig.params, names, strict=True)
        )
        return (
            f"class Solution {{\npublic:\n    {cpp_type(sig.returns)} {sig.camel_name}({params}) {{\n"
            "        \n    }\n};\n"
        )
    params = ", ".join(f"{java_type(p.type)} {n}" for p, n in zip(sig.params, names, strict=True))
    return (
        f"import java.util.*;\n\nclass Solution {{\n    public {java_type(sig.returns)} "
        f"{sig.camel_name}({params}) {{\n        \n    }}\n}}\n"
    )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
