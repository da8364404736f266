"""Progress and cancellation, the two callbacks every long loop of the core takes.

`progress(fraction)` receives 0–1; `cancelled()` is polled between units of work (a block, a
Dijkstra batch, a generation) and, when it returns True, the loop raises `Cancelled`, which the
Processing layer turns into a cancelled run and the clean-up of partial outputs.
"""

from __future__ import annotations

from typing import Callable, Optional

Progress = Optional[Callable[[float], None]]
CancelCheck = Optional[Callable[[], bool]]


class Cancelled(Exception):
    """Raised when the caller's cancellation check returns True between two units of work."""


def check(cancelled: CancelCheck) -> None:
    """Raise `Cancelled` when the caller asked to stop."""
    if cancelled is not None and cancelled():
        raise Cancelled()


def scaled(progress: Progress, start: float, end: float) -> Progress:
    """`progress` for one part of a run: its 0–1 mapped onto start–end (None stays None)."""
    return (lambda f: progress(start + (end - start) * f)) if progress else None
