"""Build the installable plugin zip: dist/territorial_resilience-<version>.zip.

    python3 scripts/package.py

The zip holds one folder, territorial_resilience/, with what QGIS needs at run time (code,
icons, compiled translations and their sources, the shipped model, README, LICENSE, the batch
command tsr_batch.py and its guide docs/distributed.md) and none of the development files (tests,
benchmarks, scripts, CI, translations waiting in i18n/pending/). Install it in QGIS with
Plugins ▸ Manage and Install Plugins ▸ Install from ZIP.
"""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "territorial_resilience"
INCLUDE = (
    "__init__.py",
    "plugin.py",
    "dependencies.py",
    "metadata.txt",
    "README.md",
    "LICENSE",
    "tsr_batch.py",
    "docs/distributed.md",
    "algorithms/",
    "processing_provider/",
    "ui/",
    "i18n/",
    "icons/",
    "models/",
    "sample_data/",
)
EXCLUDE = ("i18n/pending/",)


def main() -> int:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    files += [str(p.relative_to(ROOT)) for p in (ROOT / "i18n").glob("*.qm")]
    chosen = sorted({f for f in files if f.startswith(INCLUDE) and not f.startswith(EXCLUDE) and not f.endswith(".pyc") and "__pycache__" not in f})
    parser = configparser.ConfigParser()
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    version = parser.get("general", "version")
    target = ROOT / "dist" / f"{NAME}-{version}.zip"
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in chosen:
            archive.write(ROOT / name, f"{NAME}/{name}")
    print(f"{target} ({len(chosen)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
