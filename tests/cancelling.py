"""A cancellation check for tests of the cancel callbacks."""

from __future__ import annotations


class CancelAfter:
    """A cancel callback that answers True from its n-th call on (never when n is None), and
    counts its calls."""

    def __init__(self, n=None):
        self.n, self.calls = n, 0

    def __call__(self):
        self.calls += 1
        return self.n is not None and self.calls >= self.n
