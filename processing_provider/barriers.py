"""tsr:barriers — where restoration would improve connectivity most (Linkage Mapper's Barrier Mapper, 障碍点)."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..algorithms.common.parsing import parse_numbers
from ..algorithms.ecology.barriers import barrier_scores
from ..algorithms.engine.raster_io import Grid, is_compressed, read_float, write_array
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm, require_projected_crs
from .common.qgis_compat import plain
from .common.reports.barriers import BarrierReport, barrier_report
from .common.source_polygons import rasterise_sources

FLOAT_NODATA = -9999.0


class Barriers(TsrAlgorithm):
    ALG_ID = "barriers"
    GROUP_ID = "ecology"

    SOURCES = "SOURCES"
    SOURCE_ID_FIELD = "SOURCE_ID_FIELD"
    RESISTANCE = "RESISTANCE"
    PATHS = "PATHS"
    RADII = "RADII"
    OUTPUT = "OUTPUT"
    OUTPUT_RADIUS = "OUTPUT_RADIUS"
    OUTPUT_HTML = "OUTPUT_HTML"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Barriers (restoration improvement score)")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "Where restoring a circular window to resistance 1 would shorten the least-cost corridors between linked sources most "
            "(Linkage Mapper's Barrier Mapper)"
        )

    def tags(self) -> list[str]:
        return self.tr(
            "barrier,restoration,improvement score,Barrier Mapper,Linkage Mapper,least-cost,corridor,障碍点,生态修复,生态廊道,生态安全格局"
        ).split(",")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.SOURCES, self.tr("Ecological sources (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon])
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SOURCE_ID_FIELD, self.tr("Source id field (empty = feature order 1, 2, …)"), None, self.SOURCES, optional=True
            )
        )
        self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, self.tr("Resistance surface (≥ 1; nodata = impassable)")))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PATHS, self.tr("Least-cost paths (from Ecological corridors: from_id, to_id)"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]
            )
        )
        radii = QgsProcessingParameterString(self.RADII, self.tr("Search radii (map units, e.g. 100, 200, 400)"), "100, 200, 400")
        if hasattr(radii, "setHelp"):
            radii.setHelp(self.tr("Radius of the circular window restored to resistance 1; the window is 2R wide."))
        self.addParameter(radii)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Barrier improvement score (maximum over pairs and radii)")))
        self.addParameter(
            QgsProcessingParameterRasterDestination(self.OUTPUT_RADIUS, self.tr("Radius of the maximum score"), optional=True, createByDefault=True)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Barrier report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )

    # ------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        layer = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)
        path = self.raster_file(layer, self.tr("Resistance surface"))
        require_projected_crs(layer.crs(), self.tr("The resistance surface"))
        sources = self.parameterAsSource(parameters, self.SOURCES, context)
        if sources is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SOURCES))
        paths = self.parameterAsSource(parameters, self.PATHS, context)
        if paths is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.PATHS))
        id_field = self.parameterAsString(parameters, self.SOURCE_ID_FIELD, context)
        with self.core_errors():
            radii = parse_numbers(self.parameterAsString(parameters, self.RADII, context), self.RADII)

        with self.core_errors():
            grid = Grid.of(path)
            cell = grid.cell_size
            resistance = read_float(path)
        found = rasterise_sources(sources, id_field, layer.crs(), grid, context, feedback)
        ids, labels = found.ids, found.labels
        pairs = self.linked_pairs(paths, ids, feedback)
        feedback.setProgress(3)
        with self.core_errors():
            result = barrier_scores(
                resistance, cell, labels, pairs, radii, progress=self.progress_range(feedback, 3, 90), cancelled=feedback.isCanceled
            )
        del resistance
        for pair in result.pairs:
            if pair.status != "ok":
                feedback.reportError(
                    self.tr("Pair {a} – {b}: {status}").format(a=ids[pair.a - 1], b=ids[pair.b - 1], status=tr(pair.status)), fatalError=False
                )

        compress = is_compressed(path)
        results = {}
        out = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        score = result.score.astype(np.float32)
        with self.core_errors():
            write_array(out, score, grid, nodata=FLOAT_NODATA, description=self.tr("barrier improvement score"), compress=compress)
        top = float(np.nanmax(score)) if np.isfinite(score).any() else 0.0
        styles.style_on_load(context, out, styles.ramp(0.0, max(top, 1e-9), "Purples"))
        results[self.OUTPUT] = out
        out_radius = self.parameterAsOutputLayer(parameters, self.OUTPUT_RADIUS, context)
        if out_radius:
            with self.core_errors():
                write_array(
                    out_radius,
                    result.radius.astype(np.float32),
                    grid,
                    nodata=FLOAT_NODATA,
                    description=self.tr("radius of the maximum score"),
                    compress=compress,
                )
            results[self.OUTPUT_RADIUS] = out_radius
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            report.write(html_path, barrier_report(BarrierReport(result, ids, sorted(set(radii)), cell)))
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results

    # ------------------------------------------------------------------------------------------
    def linked_pairs(self, paths, ids, feedback) -> list[tuple[int, int]]:
        """Label pairs (a < b) of the PATHS features' from_id, to_id."""
        names = paths.fields().names()
        for name in ("from_id", "to_id"):
            if name not in names:
                raise QgsProcessingException(
                    self.tr("PATHS has no field {name}: give the least-cost paths of Ecological corridors (fields from_id, to_id)").format(name=name)
                )
        by_text = {str(v): k for k, v in enumerate(ids, start=1)}
        pairs, unknown = set(), set()
        for feature in paths.getFeatures():
            ends = []
            for name in ("from_id", "to_id"):
                value = plain(feature[name])
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                ends.append(by_text.get(str(value)))
                if ends[-1] is None:
                    unknown.add(str(value))
            if None not in ends and ends[0] != ends[1]:
                pairs.add((min(ends), max(ends)))
        if unknown:
            feedback.reportError(
                self.tr("PATHS names sources that are not in SOURCES ({ids}); those paths are skipped").format(ids=", ".join(sorted(unknown))),
                fatalError=False,
            )
        if not pairs:
            raise QgsProcessingException(self.tr("No path of PATHS links two of the SOURCES (compare their ids with SOURCE_ID_FIELD)"))
        return sorted(pairs)
