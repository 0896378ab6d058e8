"""The judge's own error, raised by the sandbox and by the folders it runs in."""

from __future__ import annotations


class SandboxUnavailable(RuntimeError):
    """No safe sandbox on this machine; the message says what to install or change."""
