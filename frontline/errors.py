"""Every error frontline raises, rooted in one class::

    FrontlineError
    ├── InputError    one input (file, row, feed) could not be read; it is skipped and recorded
    ├── SetupError    the environment is wrong (missing data, bad configuration); fix and rerun
    └── StoreError    the database refused an operation; nothing of the batch was written

Each message says what went wrong, where (file and line or row), and what to do next.
"""

from __future__ import annotations


class FrontlineError(Exception):
    """The root of frontline's errors."""


class InputError(FrontlineError):
    """One input could not be read. ``origin`` names the file or URL, ``line`` the row."""

    def __init__(self, origin: str, message: str, line: int | None = None) -> None:
        self.origin = origin
        self.line = line
        self.reason = message
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {message}")


class SetupError(FrontlineError):
    """The environment is not as frontline needs it; the message says how to fix it."""


class StoreError(FrontlineError):
    """The store could not complete an operation; the transaction was rolled back."""
