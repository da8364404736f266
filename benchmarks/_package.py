"""Make the checkout importable as the installed plugin package `territorial_resilience`.

Same arrangement as tests/conftest.py: when the checkout folder is not itself called
`territorial_resilience`, a symlink with that name is made in a per-user temporary folder
(outside the repository) and that folder is put first on sys.path.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# The benchmark must not leave __pycache__ folders in the plugin tree.
sys.dont_write_bytecode = True

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "territorial_resilience"


def package_parent() -> Path:
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


def use_package() -> None:
    parent = str(package_parent())
    if parent not in sys.path:
        sys.path.insert(0, parent)
