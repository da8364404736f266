"""Run Processing algorithms headless through `qgis_process` with an isolated QGIS profile.

Used by the main job, the tests and the benchmarks. Debian's /usr/bin/qgis_process wrapper adds
`--noversioncheck`, which qgis_process rejects, so the real binary `qgis_process.bin` is called.
Arguments are passed as a list (never through a shell).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Mapping, Sequence

PLUGIN_NAME = "territorial_resilience"
PLUGIN_DIR = Path(__file__).resolve().parents[1]


def link_plugin(link: Path) -> Path:
    """Make `link` a symbolic link to this checkout: created when missing, re-pointed when it
    leads elsewhere (a link left by a run from another checkout would load that checkout's
    plugin under this one's name). A real folder there is never replaced: an error."""
    if link.is_symlink():
        if link.resolve() == PLUGIN_DIR:
            return link
        link.unlink()
    elif link.exists():
        raise RuntimeError(f"{link} is a folder, not a link to this checkout ({PLUGIN_DIR}); remove it or use another profile")
    link.symlink_to(PLUGIN_DIR, target_is_directory=True)
    return link


def plugin_package_parent() -> Path:
    """A folder holding `territorial_resilience` → this checkout, whatever the checkout's name;
    put it on sys.path to import the plugin as a package outside QGIS. One folder per checkout,
    so that two checkouts tested at the same time do not re-point each other's link."""
    if PLUGIN_DIR.name == PLUGIN_NAME:
        return PLUGIN_DIR.parent
    checkout = hashlib.sha1(str(PLUGIN_DIR).encode()).hexdigest()[:10]
    parent = Path(tempfile.gettempdir()) / f"tsr-package-{os.getuid()}-{checkout}"
    parent.mkdir(exist_ok=True)
    link_plugin(parent / PLUGIN_NAME)
    return parent


def qgis_process_binary() -> str:
    for candidate in ("qgis_process.bin", "qgis_process"):
        path = shutil.which(candidate)
        if path:
            return path
    raise FileNotFoundError("qgis_process was not found; install QGIS (Debian: apt install qgis)")


class QgisProcess:
    """A qgis_process with its own profile folder in which only this plugin is installed."""

    def __init__(self, config_dir: str | None = None):
        self.config_dir = Path(config_dir or tempfile.mkdtemp(prefix="tsr-qgis-profile-"))
        plugins = self.config_dir / "profiles" / "default" / "python" / "plugins"
        plugins.mkdir(parents=True, exist_ok=True)
        link_plugin(plugins / PLUGIN_NAME)
        # GDAL_PAM_ENABLED=NO: QGIS computes statistics when it loads an input raster, and GDAL
        # would save them in a .aux.xml beside the user's file; batch runs leave inputs alone.
        self.env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(self.config_dir), QT_QPA_PLATFORM="offscreen", GDAL_PAM_ENABLED="NO")
        runtime = self.config_dir / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        self.env.setdefault("XDG_RUNTIME_DIR", str(runtime))
        self.binary = qgis_process_binary()
        self._call(["plugins", "enable", PLUGIN_NAME])

    def _call(self, args: Sequence[str], timeout: float | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([self.binary, *args], env=self.env, capture_output=True, text=True, timeout=timeout)

    def run(self, algorithm: str, parameters: Mapping[str, Any], timeout: float | None = None, project: str | None = None) -> dict:
        """Run `algorithm` (in the saved `project` if given) and return qgis_process's JSON answer
        (raises on failure)."""
        args = ["--json", "run", algorithm] + ([f"--PROJECT_PATH={project}"] if project else []) + ["--"]
        for name, value in parameters.items():
            values = value if isinstance(value, (list, tuple)) else [value]
            args.extend(f"{name}={v}" for v in values)
        done = self._call(args, timeout)
        if done.returncode != 0:
            raise RuntimeError(f"{algorithm} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        start = done.stdout.find("{")
        return json.loads(done.stdout[start:])

    def help(self, algorithm: str) -> str:
        return self._call(["help", algorithm]).stdout

    def list(self) -> str:
        return self._call(["list"]).stdout
