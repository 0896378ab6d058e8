"""Starter code for the editor: the judge's generator when installed, else built here.

Function-style problems get ``class Solution`` with the method's signature and an empty body
(types as in ``content/problems/README.md``); stdio problems get a program that reads stdin.
"""

from __future__ import annotations

import importlib

from barraiser.content.problems import LoadedProblem, Signature

_CPP = {
    "int": "int", "long": "long long", "float": "double", "bool": "bool", "string": "string",
    "int[]": "vector<int>", "long[]": "vector<long long>", "float[]": "vector<double>",
    "bool[]": "vector<bool>", "string[]": "vector<string>", "int[][]": "vector<vector<int>>",
    "string[][]": "vector<vector<string>>",
}  # fmt: skip
_JAVA = {
    "int": "int", "long": "long", "float": "double", "bool": "boolean", "string": "String",
    "int[]": "int[]", "long[]": "long[]", "float[]": "double[]", "bool[]": "boolean[]",
    "string[]": "String[]", "int[][]": "int[][]", "string[][]": "String[][]",
}  # fmt: skip
_PY = {
    "int": "int", "long": "int", "float": "float", "bool": "bool", "string": "str",
    "int[]": "list[int]", "long[]": "list[int]", "float[]": "list[float]",
    "bool[]": "list[bool]", "string[]": "list[str]", "int[][]": "list[list[int]]",
    "string[][]": "list[list[str]]",
}  # fmt: skip

_STDIO = {
    "python": "import sys\n\n\ndef main() -> None:\n    data = sys.stdin.read().split()\n"
    "    # Solve the problem and print the answer.\n\n\nmain()\n",
    "cpp": "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n"
    "    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n"
    "    // Read the input, solve the problem and print the answer.\n    return 0;\n}\n",
    "java": "import java.io.*;\nimport java.util.*;\n\npublic class Main {\n"
    "    public static void main(String[] args) throws IOException {\n"
    "        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n"
    "        // Read the input, solve the problem and print the answer.\n    }\n}\n",
}


def _function_starter(sig: Signature, language: str) -> str:
    if language == "python":
        params = "".join(f", {p.name}: {_PY[p.type]}" for p in sig.params)
        return (
            f"class Solution:\n    def {sig.name}(self{params}) -> {_PY[sig.returns]}:\n"
            "        pass\n"
        )
    names = {p.name: sig_camel(p.name) for p in sig.params}
    if language == "cpp":
        params = ", ".join(f"{_CPP[p.type]} {names[p.name]}" for p in sig.params)
        return (
            f"class Solution {{\npublic:\n    {_CPP[sig.returns]} {sig.camel_name}({params}) {{\n"
            "        \n    }\n};\n"
        )
    params = ", ".join(f"{_JAVA[p.type]} {names[p.name]}" for p in sig.params)
    return (
        f"class Solution {{\n    public {_JAVA[sig.returns]} {sig.camel_name}({params}) {{\n"
        "        \n    }\n}\n"
    )


def sig_camel(name: str) -> str:
    """``max_weight`` -> ``maxWeight``."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def starter_code(loaded: LoadedProblem, language: str) -> str:
    """The code the editor opens with for ``language``: the signature, with an empty body."""
    try:
        generate = importlib.import_module("barraiser.judge.starter").starter_code
    except (ImportError, AttributeError):
        generate = None
    if generate is not None:
        text: str = generate(loaded.problem, language)
        return text
    signature = loaded.problem.signature
    if signature is None:
        return _STDIO[language]
    return _function_starter(signature, language)
