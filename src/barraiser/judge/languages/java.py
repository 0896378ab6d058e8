"""Java 17: ``Main.java`` with a public class ``Main``.

The JVM is bounded by the cgroup (RLIMIT_AS would stop it reserving its address space); the
heap gets the problem's memory limit and the cgroup adds room for the JVM itself.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, ClassVar

from barraiser.content.languages import LANGUAGE_FACTS
from barraiser.judge.languages.base import CompiledLanguage
from barraiser.judge.result import Limits, RunResult, Status

if TYPE_CHECKING:
    from barraiser.content.problems import Signature

JAVA_HOME = "/usr/lib/jvm/java-17-openjdk-amd64"
_JVM_FLAGS = ["-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData"]


class Java(CompiledLanguage, facts=LANGUAGE_FACTS["java"]):
    """OpenJDK 17."""

    source_name = "Main.java"
    startup_s = 2.0
    stdio_starter = (
        "import java.util.*;\nimport java.io.*;\n\npublic class Main {\n"
        "    public static void main(String[] args) throws IOException {\n        \n    }\n}\n"
    )
    self_test_program = (
        "import java.util.Scanner;\n"
        "public class Main { public static void main(String[] a) {"
        ' System.out.println("hello, " + new Scanner(System.in).nextLine()); } }\n'
    )
    #: Room for the JVM itself (code cache, metaspace, thread stacks) on top of the heap.
    jvm_overhead_mib: ClassVar[int] = 192
    compile_limits: ClassVar[Limits] = dataclasses.replace(
        CompiledLanguage.compile_limits, pids_max=128, memory_limit_mib=1536
    )

    def compile_argv(self) -> list[str]:
        return [
            f"{JAVA_HOME}/bin/javac",
            "-J-XX:+UseSerialGC",
            "-J-Xmx512m",
            "-J-XX:TieredStopAtLevel=1",
            "-J-XX:-UsePerfData",
            "-encoding",
            "UTF-8",
            "-d",
            "{build}",
            "{src}/Main.java",
        ]

    def run_limits(self, limits: Limits) -> Limits:
        return dataclasses.replace(
            limits,
            memory_limit_mib=limits.memory_limit_mib + self.jvm_overhead_mib,
            pids_max=max(limits.pids_max, 128),
        )

    def run_argv(self, limits: Limits) -> list[str]:
        return [
            f"{JAVA_HOME}/bin/java",
            *_JVM_FLAGS,
            f"-Xmx{limits.memory_limit_mib}m",
            "-Xss64m",
            "-cp",
            "{build}",
            "Main",
        ]

    def classify(self, result: RunResult) -> RunResult:
        if result.status is Status.RE and b"java.lang.OutOfMemoryError" in result.stderr:
            return dataclasses.replace(result, status=Status.MLE)
        return result

    def harness(self, signature: Signature, source: str) -> dict[str, str]:
        from barraiser.judge.harness import java

        return java.build(signature, source)

    def function_starter(self, signature: Signature) -> str:
        from barraiser.judge.harness import java

        return java.starter(signature)
