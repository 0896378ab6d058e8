"""The code judge: a bubblewrap + cgroups sandbox, languages, and (later) checkers and runner.

This package imports none of ``web``, ``store`` or ``interview``.
"""

from barraiser.judge.result import Limits, RunResult, Status
from barraiser.judge.sandbox import Sandbox, SandboxUnavailable

__all__ = ["Limits", "RunResult", "Sandbox", "SandboxUnavailable", "Status"]
