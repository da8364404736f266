"""Test set-up: the checkout is importable as the installed plugin package
`territorial_resilience`, and QGIS runs headless."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS.parent / "scripts"))
from qgis_runner import plugin_package_parent  # noqa: E402

sys.path.insert(0, str(plugin_package_parent()))
# Shared helpers (tests/rasters.py) for test modules imported in importlib mode.
sys.path.insert(0, str(TESTS))
