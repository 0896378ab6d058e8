"""C++17 with g++ -O2."""

from __future__ import annotations

from barraiser.judge.languages.base import CompiledLanguage
from barraiser.judge.result import Limits

GXX = "/usr/bin/g++"


class Cpp(CompiledLanguage):
    """GNU C++17, optimised, statically sized like the common online judges."""

    name = "cpp"
    source_name = "main.cpp"
    self_test_program = (
        "#include <iostream>\n#include <string>\n"
        "int main() { std::string s; std::getline(std::cin, s);"
        ' std::cout << "hello, " << s << "\\n"; }\n'
    )

    def compile_argv(self) -> list[str]:
        return [GXX, "-O2", "-std=c++17", "-pipe", "-o", "{build}/main", "{src}/main.cpp", "-lm"]

    def run_argv(self, limits: Limits) -> list[str]:
        return ["{build}/main"]
