"""Make the checkout importable as the installed plugin package `territorial_resilience`
(the same arrangement as the tests and the main job: scripts/qgis_runner.py)."""

from __future__ import annotations

import sys
from pathlib import Path

# The benchmark must not leave __pycache__ folders in the plugin tree.
sys.dont_write_bytecode = True

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from qgis_runner import plugin_package_parent  # noqa: E402


def use_package() -> None:
    parent = str(plugin_package_parent())
    if parent not in sys.path:
        sys.path.insert(0, parent)
