"""Test set-up: the checkout is importable as the installed plugin package
`territorial_resilience`, and QGIS runs headless."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "territorial_resilience"


def _package_parent() -> Path:
    """A folder holding `territorial_resilience` → the checkout, whatever the checkout's name."""
    if ROOT.name == PACKAGE:
        return ROOT.parent
    parent = Path(tempfile.gettempdir()) / f"tsr-package-{os.getuid()}"
    parent.mkdir(exist_ok=True)
    link = parent / PACKAGE
    if not link.is_symlink() or link.resolve() != ROOT:
        if link.is_symlink():
            link.unlink()
        link.symlink_to(ROOT, target_is_directory=True)
    return parent


PACKAGE_PARENT = _package_parent()
sys.path.insert(0, str(PACKAGE_PARENT))
# Shared helpers (tests/rasters.py) for test modules imported in importlib mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))
