"""What the content (and the sandbox) need to know of each language the judge runs: its name
and label, its file extension, its reference-solution file, whether every problem must ship
one, its default time multiplier, and the host paths its toolchain reads beyond the system's.

The judge's language classes (:mod:`barraiser.judge.languages`) take these facts from here
and add how to build, run and self-test a program, so a language is still described in one
package while the content never imports the judge (the judge imports the content).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LanguageFacts:
    """One language as the content sees it."""

    #: The name used everywhere (API, CLI, database, ``problem.yaml``): ``python``.
    name: str
    #: What a person reads: ``Python 3``.
    label: str
    #: The file extension of a solution, with its dot: ``.py``.
    extension: str
    #: The accepted reference solution's file in ``content/problems/<id>/solutions/``.
    reference_file: str
    #: The default time limit is the problem's (C++) limit times this.
    time_multiplier: float
    #: Whether every problem must ship an accepted reference in this language.
    reference_required: bool = True
    #: Other extensions the CLI recognises as this language (``.cc`` for C++).
    other_extensions: tuple[str, ...] = ()
    #: Host paths beyond the system's (``/usr``, ``/lib`` ...) the toolchain reads, bound
    #: read-only into every sandbox when present.
    host_paths: tuple[str, ...] = ()


#: Every language, by name, in the order the language picker shows them.
LANGUAGE_FACTS: dict[str, LanguageFacts] = {
    facts.name: facts
    for facts in (
        LanguageFacts("python", "Python 3", ".py", "reference.py", time_multiplier=4.0),
        LanguageFacts(
            "cpp", "C++17", ".cpp", "reference.cpp", time_multiplier=1.0, other_extensions=(".cc",)
        ),
        LanguageFacts(
            "java",
            "Java 17",
            ".java",
            "Reference.java",
            time_multiplier=2.0,
            # The JDK's configuration (security policy, logging), which /usr/lib/jvm links into.
            host_paths=("/etc/java-17-openjdk",),
        ),
        LanguageFacts(
            "javascript",
            "JavaScript (Node.js)",
            ".js",
            "reference.js",
            time_multiplier=2.0,
            reference_required=False,
        ),
    )
}
