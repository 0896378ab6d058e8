"""The two language families: interpreted (run the source) and compiled (build, then run).

Each language is a small class and the one place that describes it (the habit of DMOJ's
executors): its name and label, its file extension and reference-solution file, its commands,
the CPU allowance for its runtime to start, its default time multiplier, its harness for
function-style problems, its starter code and a self-test program.  Everything else (content
validation, the runner, the web app, the CLI) reads these facts from
:data:`barraiser.judge.languages.LANGUAGES`.  :func:`execute` compiles when needed and runs one
program in the sandbox.
"""

from __future__ import annotations

import dataclasses
import tempfile
from abc import ABC, abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from barraiser.content.languages import LanguageFacts
from barraiser.judge.result import Limits, RunResult, Status
from barraiser.judge.sandbox import Sandbox, remove_tree
from barraiser.judge.scratch import scratch_root

if TYPE_CHECKING:
    from barraiser.content.problems import Signature

SELF_TEST_INPUT = b"barraiser\n"
SELF_TEST_OUTPUT = b"hello, barraiser\n"
#: Runs the compile command given after it, then copies the output tmpfs to the build folder.
_COMPILE_THEN_COPY = 'out=$1 build=$2; shift 2; "$@" || exit; exec cp -R -- "$out/." "$build/"'
_NO_SPACE = b"No space left on device"


class Language(ABC):
    """One programming language: how to build and run a program, and a program to self-test."""

    #: The name used everywhere (API, CLI, database, ``problem.yaml``): ``python``.
    name: ClassVar[str]
    #: What a person reads: ``Python 3``.
    label: ClassVar[str]
    #: The file extension of a solution, with its dot: ``.py``.
    extension: ClassVar[str]
    #: Other extensions the CLI recognises as this language (``.cc`` for C++).
    other_extensions: ClassVar[tuple[str, ...]] = ()
    #: The file a stdio program is saved as in the box.
    source_name: ClassVar[str]
    #: The accepted reference solution's file in ``content/problems/<id>/solutions/``.
    reference_file: ClassVar[str]
    #: Whether every problem must ship an accepted reference in this language.
    reference_required: ClassVar[bool] = True
    #: CPU seconds a function-style run gets before its first test, for the runtime to start.
    startup_s: ClassVar[float]
    #: The default time limit is the problem's (C++) limit times this.
    time_multiplier: ClassVar[float]
    #: Reads one line and prints ``hello, <line>``.
    self_test_program: ClassVar[str]
    #: What the editor starts with on a stdio problem.
    stdio_starter: ClassVar[str]
    #: Host paths beyond the system's the toolchain reads (``/etc/java-17-openjdk`` for Java);
    #: the sandbox binds them from the same table.
    host_paths: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, facts: LanguageFacts | None = None, **kwargs: object) -> None:
        """A concrete language names its facts (``class Python(..., facts=...)``): its name,
        label, extensions, reference file and time multiplier come from the content's table,
        :data:`barraiser.content.languages.LANGUAGE_FACTS`."""
        super().__init_subclass__(**kwargs)
        if facts is not None:
            cls.name, cls.label, cls.extension = facts.name, facts.label, facts.extension
            cls.other_extensions = facts.other_extensions
            cls.reference_file = facts.reference_file
            cls.reference_required = facts.reference_required
            cls.time_multiplier = facts.time_multiplier
            cls.host_paths = facts.host_paths

    def program_files(self, source: str) -> dict[str, str]:
        """The files (name -> text) of a stdio program: its source, and whatever the language
        runs alongside it."""
        return {self.source_name: source}

    def run_limits(self, limits: Limits) -> Limits:
        """The sandbox limits of the run step (a language may add room for its runtime)."""
        return limits

    @abstractmethod
    def run_argv(self, limits: Limits) -> list[str]:
        """The command of the run step (``{src}`` and ``{build}`` are box folders)."""

    def harness_run_argv(self, limits: Limits) -> list[str]:
        """The command of a function-style run (the harness); by default :meth:`run_argv`."""
        return self.run_argv(limits)

    @abstractmethod
    def harness(self, signature: Signature, source: str) -> dict[str, str]:
        """The files (name -> text) of a function-style run: the candidate's ``source`` and
        this language's harness for ``signature`` (see :mod:`barraiser.judge.harness`)."""

    @abstractmethod
    def function_starter(self, signature: Signature) -> str:
        """What the editor starts with on a function-style problem of ``signature``."""

    def starter_code(self, signature: Signature | None) -> str:
        """The starter code of a problem: function style when it has a signature, else stdio."""
        return self.stdio_starter if signature is None else self.function_starter(signature)

    def classify(self, result: RunResult) -> RunResult:
        """Refine a verdict from what the runtime printed (e.g. a Java OutOfMemoryError)."""
        return result


class InterpretedLanguage(Language):
    """A language run straight from its source."""


class CompiledLanguage(Language):
    """A language with a sandboxed compile step whose failure is CE.

    The compiler writes its output to a size-capped tmpfs in the box (``{build}`` in
    :meth:`compile_argv`), and only a successful compile's output is copied to the host's build
    folder: a source that makes the compiler write more than :attr:`compile_output_mib` fails
    to compile, and nothing of it stays on the host's disk."""

    compile_limits: ClassVar[Limits] = Limits(
        time_limit_s=10.0,
        wall_limit_s=20.0,
        memory_limit_mib=1024,
        pids_max=32,
        output_limit_bytes=1024 * 1024,
        stderr_limit_bytes=16 * 1024,
        file_size_limit_bytes=64 * 1024 * 1024,
        tmpfs_size_mib=256,
    )
    #: The most a compile may write as its output (the tmpfs it writes to).
    compile_output_mib: ClassVar[int] = 64

    @abstractmethod
    def compile_argv(self) -> list[str]:
        """The compile command; it writes its output under ``{build}``."""

    def compile_binds(self) -> dict[str, Path]:
        """Trusted host folders bound read-only into the compile box (``{name}`` in the argv)."""
        return {}

    def compile_in(self, sandbox: Sandbox, files: dict[str, bytes], build: Path) -> RunResult:
        """Run the compile step of ``files`` into the host folder ``build``."""
        argv = [part.replace("{build}", "{out}") for part in self.compile_argv()]
        result = sandbox.run(
            ["/bin/sh", "-c", _COMPILE_THEN_COPY, "compile", "{out}", "{build}", *argv],
            limits=self.compile_limits,
            files=files,
            build_dir=build,
            build_writable=True,
            binds=self.compile_binds(),
            out_mib=self.compile_output_mib,
        )
        if result.status is not Status.OK and _NO_SPACE in result.stderr + result.stdout:
            note = (
                f"\n(a compile may write at most {self.compile_output_mib} MiB of output and "
                f"{self.compile_limits.tmpfs_size_mib} MiB of temporary files)"
            )
            result = dataclasses.replace(result, stderr=result.stderr + note.encode())
        return result


def execute(
    language: Language,
    sandbox: Sandbox,
    source: bytes,
    *,
    stdin: bytes = b"",
    limits: Limits | None = None,
) -> RunResult:
    """Compile (if needed) and run ``source`` once; a failed compile is a CE result."""
    limits = limits or Limits()
    text = language.program_files(source.decode("utf-8", "surrogateescape"))
    files = {name: body.encode("utf-8", "surrogateescape") for name, body in text.items()}
    if not isinstance(language, CompiledLanguage):
        result = sandbox.run(
            language.run_argv(limits), limits=language.run_limits(limits), files=files, stdin=stdin
        )
        return language.classify(result)
    build = Path(tempfile.mkdtemp(prefix="build-", dir=scratch_root()))
    try:
        compiled = language.compile_in(sandbox, files, build)
        if compiled.status is not Status.OK:
            message = compiled.stderr or compiled.stdout
            if compiled.status is Status.IE:
                return compiled
            if compiled.status is not Status.RE:
                message += f"\n(compilation stopped: {compiled.status})".encode()
            return dataclasses.replace(
                compiled, status=Status.CE, stdout=b"", stderr=message[: limits.stderr_limit_bytes]
            )
        result = sandbox.run(
            language.run_argv(limits),
            limits=language.run_limits(limits),
            build_dir=build,
            stdin=stdin,
        )
        return language.classify(result)
    finally:
        remove_tree(build)


def self_test(language: Language, sandbox: Sandbox) -> tuple[bool, RunResult]:
    """Run the language's self-test program; ``True`` when it printed the expected line."""
    result = execute(
        language,
        sandbox,
        language.self_test_program.encode(),
        stdin=SELF_TEST_INPUT,
        limits=Limits(time_limit_s=5.0, memory_limit_mib=256),
    )
    return result.status is Status.OK and result.stdout == SELF_TEST_OUTPUT, result
