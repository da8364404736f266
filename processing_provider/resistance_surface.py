"""tsr:resistancesurface — a resistance surface (阻力面) from land cover, a resistance table and modifiers."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from rasterio.enums import Resampling

from ..algorithms.common.parsing import parse_numbers
from ..algorithms.ecology.resistance import Method, Resistance, classes_in, parse_table, preset_matrix
from ..algorithms.engine.raster_io import Grid, RasterSink, RasterSource, is_compressed, iterate_blocks, run_blocks
from .common import styles
from .common.base import TsrAlgorithm


class ResistanceSurface(TsrAlgorithm):
    ALG_ID = "resistancesurface"
    GROUP_ID = "ecology"

    LANDCOVER = "LANDCOVER"
    TABLE = "TABLE"
    BARRIER_CLASSES = "BARRIER_CLASSES"
    MODIFIERS = "MODIFIERS"
    MODIFIER_WEIGHTS = "MODIFIER_WEIGHTS"
    METHOD = "METHOD"
    MIN_RESISTANCE = "MIN_RESISTANCE"
    MAX_RESISTANCE = "MAX_RESISTANCE"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Resistance surface")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("A resistance surface for ecological flows from land cover (三调 classes preset), barriers and modifier rasters")

    def tags(self) -> list[str]:
        return self.tr("resistance,cost,friction,land cover,ecological security pattern,MCR,阻力面,生态安全格局,三调").split(",")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterRasterLayer(self.LANDCOVER, self.tr("Land cover (class codes)")))
        self.addParameter(
            QgsProcessingParameterMatrix(
                self.TABLE,
                self.tr("Resistance table (class value, resistance ≥ 1)"),
                numberRows=12,
                hasFixedNumberRows=False,
                headers=[self.tr("Class value"), self.tr("Resistance")],
                defaultValue=preset_matrix(),
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterString(self.BARRIER_CLASSES, self.tr("Impassable classes (barriers)"), optional=True))
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.MODIFIERS,
                self.tr("Modifier rasters (0–1, e.g. slope degree, night-time light)"),
                QgsProcessing.SourceType.TypeRaster,
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterString(self.MODIFIER_WEIGHTS, self.tr("Modifier weights"), optional=True))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.METHOD,
                self.tr("Method"),
                options=[self.tr("Multiplicative: R = R0 · Π(1 + w·m)"), self.tr("Weighted sum rescaled to the resistance range")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_RESISTANCE, self.tr("Minimum resistance (weighted sum)"), QgsProcessingParameterNumber.Type.Double, 1.0, minValue=1.0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_RESISTANCE, self.tr("Maximum resistance (weighted sum)"), QgsProcessingParameterNumber.Type.Double, 1000.0, minValue=1.0
            )
        )
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Resistance surface")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        layer = self.parameterAsRasterLayer(parameters, self.LANDCOVER, context)
        path = self.raster_file(layer, self.tr("Land cover"))
        modifier_layers = self.parameterAsLayerList(parameters, self.MODIFIERS, context) or []
        modifier_paths = [self.raster_file(m, self.tr("Modifier {n}").format(n=i + 1)) for i, m in enumerate(modifier_layers)]
        method = Method(self.parameterAsEnum(parameters, self.METHOD, context))
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        with self.core_errors():
            matrix = self.parameterAsMatrix(parameters, self.TABLE, context)
            table = parse_table(matrix if matrix else preset_matrix())
            barriers = parse_numbers(self.parameterAsString(parameters, self.BARRIER_CLASSES, context), self.BARRIER_CLASSES)
            weights = parse_numbers(self.parameterAsString(parameters, self.MODIFIER_WEIGHTS, context), self.MODIFIER_WEIGHTS)
            grid = Grid.of(path)
            landcover = RasterSource(path, 1, Resampling.nearest)
            modifiers = [RasterSource(p) for p in modifier_paths]
            for source in [landcover] + modifiers:
                source.check_against(grid)
            present: set[float] = set()
            for blocks in iterate_blocks(grid, [landcover], progress=self.progress_range(feedback, 0, 20), cancelled=feedback.isCanceled):
                present.update(float(c) for c in classes_in(blocks[0]))
            if not present:
                raise QgsProcessingException(self.tr("The land-cover raster has no valid cell (every cell is nodata)"))
            model = Resistance.build(
                table,
                sorted(present),
                barriers,
                weights,
                len(modifiers),
                method,
                self.parameterAsDouble(parameters, self.MIN_RESISTANCE, context),
                self.parameterAsDouble(parameters, self.MAX_RESISTANCE, context),
            )
            feedback.pushInfo(self.tr("Classes present: {classes}").format(classes=", ".join(f"{c:g}" for c in sorted(present))))
            feedback.pushInfo(self.tr("Formula: {formula}").format(formula=model.formula()))
            stats = []

            def kernel(blocks):
                out = model(blocks[0], list(blocks[1:]))
                valid = out[~np.isnan(out)]
                lost = int(np.count_nonzero(~np.isnan(blocks[0]) & np.isnan(out)))
                extent = (float(valid.min()), float(valid.max())) if valid.size else None
                return (out,), (valid.size, lost, extent)

            def check_valid() -> None:
                if sum(s[0] for s in stats) == 0:
                    raise QgsProcessingException(
                        self.tr("No cell has a resistance: every land-cover cell is a barrier or lies on nodata of a modifier")
                    )

            run_blocks(
                grid,
                [landcover] + modifiers,
                kernel,
                [RasterSink(output, "float32", description=self.tr("resistance"), compress=is_compressed(path))],
                on_result=stats.append,
                before_commit=check_valid,
                progress=self.progress_range(feedback, 20, 100),
                cancelled=feedback.isCanceled,
            )
        lost = sum(s[1] for s in stats)
        if lost:
            feedback.pushInfo(self.tr("{n} land-cover cells are nodata in the result (barrier classes or nodata in a modifier)").format(n=lost))
        ranges = [s[2] for s in stats if s[2]]
        low, high = min(r[0] for r in ranges), max(r[1] for r in ranges)
        feedback.pushInfo(self.tr("Resistance from {low:g} to {high:g}").format(low=low, high=high))
        styles.style_on_load(context, output, styles.ramp(low, max(high, low + 1.0), "Reds"))
        return {self.OUTPUT: output}
