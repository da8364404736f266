"""Test set-up: the checkout is importable as the installed plugin package
`territorial_resilience`, and QGIS runs headless."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# pytest-qt must drive the Qt binding QGIS is built on (PyQt5 for QGIS 3, PyQt6 for QGIS 4),
# whatever other bindings are installed.
from qgis.PyQt.QtCore import PYQT_VERSION_STR  # noqa: E402

os.environ.setdefault("PYTEST_QT_API", f"pyqt{PYQT_VERSION_STR.split('.')[0]}")

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS.parent / "scripts"))
from qgis_runner import plugin_package_parent  # noqa: E402

sys.path.insert(0, str(plugin_package_parent()))
# Shared helpers (tests/rasters.py) for test modules imported in importlib mode.
sys.path.insert(0, str(TESTS))
