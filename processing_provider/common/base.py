"""What every algorithm of the provider shares: naming, help, icons, feedback and errors."""

from __future__ import annotations

import math
import os
from contextlib import contextmanager
from typing import Callable, Iterator

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRasterLayer,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ...algorithms.common.messages import InputError
from ...algorithms.common.progress import Cancelled
from ...i18n import tr
from . import PLUGIN_DIR, output_guard
from .help import help_html

WEB_MERCATOR = ("EPSG:3857", "EPSG:900913", "EPSG:3785", "EPSG:102100", "ESRI:102100", "EPSG:102113")


def metres_unit(qgis=Qgis, unit_types=QgsUnitTypes):
    """Qgis.DistanceUnit.Meters from QGIS 3.30, QgsUnitTypes.DistanceMeters before. An explicit
    None test: Qgis.DistanceUnit.Meters is an IntEnum equal to 0, so `scoped or fallback` would
    always take the fallback."""
    scoped = getattr(getattr(qgis, "DistanceUnit", None), "Meters", None)
    return unit_types.DistanceMeters if scoped is None else scoped


METRES = metres_unit()


class TsrAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set `ALG_ID`, `GROUP_ID` and implement the Processing methods.

    Every subclass's `processAlgorithm` runs inside the output guard (output_guard.py), wrapped
    once when the subclass is defined (`__init_subclass__`): before anything is written, numbers
    outside their range, destinations that are input files (or share a file, or whose folder is
    missing or read-only) are refused; a run that fails, is cancelled or receives SIGTERM leaves
    no file at its output paths. `checkParameterValues` says the same problems before the run
    (the dialog, qgis_process), with the allowed range of a number instead of QGIS's "incorrect".
    """

    ALG_ID = ""
    GROUP_ID = "risk"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        process = cls.__dict__.get("processAlgorithm")
        if process is not None:
            cls.processAlgorithm = output_guard.guarded(process)

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        problem = output_guard.number_problem(self, parameters)
        if problem:
            return False, problem
        with output_guard.statistics_kept_off_inputs():  # QGIS loads the input layers to check them
            ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = output_guard.output_problem(self, parameters, context)
        return (False, problem) if problem else (True, "")

    def tr(self, text: str) -> str:
        """`text` translated in the context of the algorithm's class: pylupdate5 files a
        `self.tr("…")` of a class body under the class name, so a translator sees which
        algorithm a string belongs to. Strings of this base class stay in the shared context."""
        return QCoreApplication.translate(type(self).__name__, text)

    def name(self) -> str:
        return self.ALG_ID

    def read_files(self, parameters, context) -> list[tuple[str, str]]:
        """(parameter name, file) of the files a run reads beyond those its parameters name (the
        files inside an input folder): the output guard refuses to write over them, and the run
        record lists them with their checksums. None by default."""
        return []

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return self.GROUP_ID

    def group(self) -> str:
        return {
            "sets": tr("0 · SETS resilience index"),
            "risk": tr("1 · Multi-hazard risk"),
            "zoning": tr("2 · Zoning under uncertainty"),
            "network": tr("3 · Community emergency network"),
            "ecology": tr("4 · Spatial network · ecological security pattern"),
            "stress": tr("5 · Spatial network · infrastructure stress test"),
        }[self.GROUP_ID]

    def icon(self) -> QIcon:
        return QIcon(self.svgIconPath())

    def svgIconPath(self) -> str:  # noqa: N802 (QGIS API)
        path = os.path.join(PLUGIN_DIR, "icons", f"{self.ALG_ID}.svg")
        return path if os.path.exists(path) else os.path.join(PLUGIN_DIR, "icons", "tsr.svg")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return help_html(self.ALG_ID)

    def helpUrl(self) -> str:  # noqa: N802 (QGIS API)
        return f"https://github.com/territorial-resilience/territorial_resilience#{self.ALG_ID}"

    # --- helpers for subclasses -------------------------------------------------------------

    def raster_file(self, layer: QgsRasterLayer | None, label: str) -> str:
        """Path of a file-based raster layer that GDAL (and so rasterio) can open."""
        if layer is None or not layer.isValid():
            raise QgsProcessingException(tr("{label}: the raster layer is missing or cannot be read").format(label=label))
        if layer.providerType() != "gdal":
            raise QgsProcessingException(
                tr("{label}: '{name}' is not a file-based raster; save it as a GeoTIFF first").format(label=label, name=layer.name())
            )
        return layer.source()

    def optional_number(self, parameters, name, context) -> float | None:
        """An optional number parameter, None when it is not set."""
        value = parameters.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        number = self.parameterAsDouble(parameters, name, context)
        return None if math.isnan(number) else number

    @staticmethod
    def progress_range(feedback: QgsProcessingFeedback, start: float, end: float) -> Callable[[float], None]:
        """A 0–1 progress callback mapped onto [start, end] per cent of the feedback bar."""
        return lambda fraction: feedback.setProgress(start + (end - start) * fraction)

    @contextmanager
    def core_errors(self) -> Iterator[None]:
        """Turn the core's input errors and cancellation into Processing errors a planner reads."""
        try:
            yield
        except InputError as error:
            raise QgsProcessingException(error.translated(tr)) from None
        except Cancelled:
            raise QgsProcessingException(tr("Cancelled: no output was written")) from None
        except MemoryError:
            raise QgsProcessingException(tr("Not enough memory for this raster; try a coarser cell size or a smaller extent")) from None


def require_projected_crs(crs: QgsCoordinateReferenceSystem, what: str) -> None:
    """Areas and distances need a projected CRS in metres that does not inflate them.

    A geographic CRS measures in degrees; Web Mercator inflates lengths by 1/cos(latitude)
    (about ×1.15 at 30° N, areas ×1.33), so neither may feed an area or a distance.
    """
    if not crs.isValid():
        raise QgsProcessingException(
            tr("{what} has no coordinate reference system; assign one before measuring areas or distances").format(what=what)
        )
    if crs.isGeographic():
        raise QgsProcessingException(
            tr(
                "{what} is in a geographic CRS ({crs}), whose units are degrees; reproject it to a projected CRS "
                "in metres, e.g. CGCS2000 / 3-degree Gauss-Kruger (EPSG:4513–4554)"
            ).format(what=what, crs=crs.authid() or crs.description())
        )
    proj = crs.toProj()
    if crs.authid() in WEB_MERCATOR or ("+proj=merc" in proj and "+a=6378137" in proj and "+b=6378137" in proj):
        raise QgsProcessingException(
            tr(
                "{what} is in Web Mercator ({crs}), which inflates distances and areas away from the equator; "
                "reproject it to a local projected CRS in metres, e.g. CGCS2000 / 3-degree Gauss-Kruger"
            ).format(what=what, crs=crs.authid())
        )
    if crs.mapUnits() != METRES:
        raise QgsProcessingException(
            tr("{what} is in a CRS whose unit is not the metre ({crs}); reproject it to a projected CRS in metres").format(
                what=what, crs=crs.authid()
            )
        )
