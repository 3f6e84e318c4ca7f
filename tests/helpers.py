"""Checks shared by the test modules: the nothing-lost ledger and a guard against hangs.

Imported as ``from helpers import ...`` (pytest puts tests/ on the path).
"""

from __future__ import annotations

import contextlib
import signal

import numpy as np


def uncovered(res) -> list[tuple[int, str, int]]:
    """Non-space characters of a text input not covered exactly once by ``res.spans``.

    Returns (offset, character, times covered) for each, empty when nothing is lost.
    """
    text = res.text
    spans = res.spans
    if text is None:
        return []
    assert ((spans["start"] >= 0) & (spans["start"] < spans["end"])
            & (spans["end"] <= len(text))).all(), "a span lies outside the text or is empty"
    change = np.zeros(len(text) + 1, dtype=np.int64)
    np.add.at(change, spans["start"].to_numpy(dtype=np.int64), 1)
    np.add.at(change, spans["end"].to_numpy(dtype=np.int64), -1)
    times = np.cumsum(change)[:-1]
    return [(i, text[i], int(times[i])) for i in np.flatnonzero(times != 1)
            if not text[i].isspace()]


def assert_nothing_lost(res) -> None:
    """Every non-space character of the input went to exactly one place."""
    bad = uncovered(res)
    assert not bad, (f"{len(bad)} characters covered other than once, first: {bad[:5]} "
                     f"in ...{res.text[max(0, bad[0][0] - 30): bad[0][0] + 30]!r}...")


class TooSlow(Exception):
    """Raised inside the guarded block when its time is up."""


def _alarm(signum, frame):
    raise TooSlow


@contextlib.contextmanager
def time_limit(seconds: float):
    """Turn a hang into a failure: ``TooSlow`` is raised inside the block after ``seconds``.

    A guard against hangs (regular expressions included: Python's re checks for signals),
    not a measure of speed. Main thread, POSIX only.
    """
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
