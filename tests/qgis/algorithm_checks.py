"""Helpers the algorithm tests share: a feedback that keeps what an algorithm said, and the check
that a run is refused with a plain message.

tests/qgis is not on sys.path (pytest imports the tests in importlib mode); a test module puts it
there before `from algorithm_checks import …`.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback


class Recorder(QgsProcessingFeedback):
    """Feedback that keeps what the algorithm said: non-fatal errors, warnings and infos (and
    passes them on to the log as usual)."""

    def __init__(self):
        super().__init__()
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.infos: list[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 (QGIS API)
        self.errors.append(error)
        super().reportError(error, fatalError)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API)
        self.warnings.append(warning)
        super().pushWarning(warning)

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.infos.append(info)
        super().pushInfo(info)

    def said(self) -> str:
        return "\n".join(self.errors + self.warnings + self.infos)


def refused(run, alg: str, params: dict, fragment: str) -> str:
    """`run(alg, params)` fails with `fragment` in a plain message (no traceback, no 'Unexpected
    error'); returns the message."""
    with pytest.raises(QgsProcessingException) as info:
        run(alg, params, Recorder())
    text = str(info.value)
    assert fragment in text
    assert "Traceback" not in text and "Unexpected error" not in text
    return text
