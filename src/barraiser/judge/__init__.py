"""The code judge: a bubblewrap + cgroups sandbox, languages, and (later) checkers and runner.

This package imports none of ``web``, ``store`` or ``interview``.
"""

from barraiser.judge.sandbox import Limits, RunResult, Sandbox, SandboxUnavailable, Status

__all__ = ["Limits", "RunResult", "Sandbox", "SandboxUnavailable", "Status"]
