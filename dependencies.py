"""One clear message, instead of a traceback, when a scientific library is missing."""

from __future__ import annotations

import importlib.util

#: module → (Debian/Ubuntu package, pip package)
REQUIRED = {
    "numpy": ("python3-numpy", "numpy"),
    "scipy": ("python3-scipy", "scipy"),
    "rasterio": ("python3-rasterio", "rasterio"),
    "shapely": ("python3-shapely", "shapely"),
    "pyqtgraph": ("python3-pyqtgraph", "pyqtgraph"),
    "skimage": ("python3-skimage", "scikit-image"),
}


#: Without these the Processing provider cannot run; pyqtgraph is needed only by the charts and
#: scikit-image (its compiled minimum-cost-path search) only by the cost-distance tools.
CORE = ("numpy", "scipy", "rasterio", "shapely")


def missing_dependencies() -> list[str]:
    return [name for name in REQUIRED if importlib.util.find_spec(name) is None]


def install_hint(missing: list[str]) -> str:
    from .i18n import tr

    debian = " ".join(REQUIRED[m][0] for m in missing)
    pip = " ".join(REQUIRED[m][1] for m in missing)
    return tr(
        "Territorial Space Resilience needs these Python packages, which are not installed: {names}. "
        "On Debian or Ubuntu run: sudo apt install {debian}. On Windows, open the OSGeo4W Shell and run: "
        "python -m pip install {pip}. On macOS, run in the QGIS Python console: "
        "import pip; pip.main(['install', {pip_list}]). Then restart QGIS."
    ).format(names=", ".join(missing), debian=debian, pip=pip, pip_list=", ".join(repr(REQUIRED[m][1]) for m in missing))


class MissingDependenciesPlugin:
    """Stands in for the plugin: says once what to install, registers nothing."""

    def __init__(self, iface, missing: list[str]):
        self.iface = iface
        self.missing = missing

    def initProcessing(self):  # noqa: N802 (QGIS API)
        from qgis.core import Qgis, QgsMessageLog

        QgsMessageLog.logMessage(install_hint(self.missing), "Territorial Space Resilience", Qgis.MessageLevel.Critical)

    def initGui(self):  # noqa: N802 (QGIS API)
        from qgis.core import Qgis

        self.initProcessing()
        if self.iface is not None:
            self.iface.messageBar().pushMessage("Territorial Space Resilience", install_hint(self.missing), Qgis.MessageLevel.Critical, 0)

    def unload(self):
        pass
