"""The package's one exception for bad input."""

from __future__ import annotations


class ResolutionParseError(ValueError):
    """Input that cannot be read as a resolution.

    The message names the file, the line (1-based, when one applies) and what was expected,
    so that a user can open the file at that line and see the problem.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 expected: str | None = None):
        self.source = source or "<text>"
        self.line = line
        self.expected = expected
        self.reason = message
        where = self.source if line is None else f"{self.source}, line {line}"
        text = f"{where}: {message}"
        if expected:
            text += f" (expected {expected})"
        super().__init__(text)
