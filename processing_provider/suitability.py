"""tsr:suitability — multi-criteria suitability with Monte Carlo weight uncertainty."""

from __future__ import annotations

import math
import os
import tempfile

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)
from rasterio.enums import Resampling

from ..algorithms.common.parsing import parse_directions, parse_numbers
from ..algorithms.engine.raster_io import Grid, RasterSink, RasterSource, is_compressed, run_blocks
from ..algorithms.mcda.suitability import (
    SuitabilityClass,
    SuitabilityMethod,
    SuitabilitySpec,
    SuitabilityStatistics,
    SweepEffect,
    block_preparer,
    check_run_time,
    criterion_ranges,
    draws,
    estimate_seconds,
    sensitivity,
    suitability_kernel,
    sweep_effects,
    top_percent_thresholds,
)
from ..algorithms.raster.masks import burn_polygons
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm, require_projected_crs
from .common.qgis_compat import WKB_NOGEOMETRY, field
from .common.reports.suitability import report_html
from .common.shapes import polygon_shapes

#: Suitable if the score reaches it, when neither THRESHOLD nor TOP_PERCENT is given.
DEFAULT_THRESHOLD = 0.6
CLASS_COLOURS = ("#1a9850", "#a6d96a", "#fee08b", "#d73027", "#969696")


def class_labels() -> list[str]:
    return [tr("Robustly suitable (p ≥ 0.9)"), tr("Likely suitable (0.5–0.9)"), tr("Uncertain (0.1–0.5)"), tr("Unsuitable (p < 0.1)"), tr("Excluded")]


def finite_or_none(value: float) -> float | None:
    """A float for an attribute; NULL instead of NaN."""
    return float(value) if math.isfinite(value) else None


class Suitability(TsrAlgorithm):
    ALG_ID = "suitability"
    GROUP_ID = "zoning"

    CRITERIA = "CRITERIA"
    DIRECTIONS = "DIRECTIONS"
    WEIGHTS = "WEIGHTS"
    METHOD = "METHOD"
    ORNESS = "ORNESS"
    ORDER_WEIGHTS = "ORDER_WEIGHTS"
    CONSTRAINTS = "CONSTRAINTS"
    EXCLUSION_ZONES = "EXCLUSION_ZONES"
    WEIGHT_UNCERTAINTY = "WEIGHT_UNCERTAINTY"
    CRITERION_UNCERTAINTY = "CRITERION_UNCERTAINTY"
    ITERATIONS = "ITERATIONS"
    SEED = "SEED"
    THRESHOLD = "THRESHOLD"
    TOP_PERCENT = "TOP_PERCENT"
    REFERENCE = "REFERENCE"
    OUTPUT_MEAN = "OUTPUT_MEAN"
    OUTPUT_STD = "OUTPUT_STD"
    OUTPUT_PROBABILITY = "OUTPUT_PROBABILITY"
    OUTPUT_CLASS = "OUTPUT_CLASS"
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_WEIGHTS = "OUTPUT_WEIGHTS"
    OUTPUT_SENSITIVITY = "OUTPUT_SENSITIVITY"
    ROBUST_AREA_HA = "ROBUST_AREA_HA"
    UNCERTAIN_AREA_HA = "UNCERTAIN_AREA_HA"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Suitability under uncertainty")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Multi-criteria suitability with Monte Carlo weight uncertainty: mean, spread, probability of being suitable, robust zones")

    def tags(self) -> list[str]:
        return self.tr("suitability,MCDA,multi-criteria,WLC,OWA,weakest link,Monte Carlo,uncertainty,sensitivity,适宜性评价,不确定性,敏感性").split(
            ","
        )

    @staticmethod
    def method_options() -> list[str]:
        return [tr("Weighted linear combination"), tr("Ordered weighted averaging (OWA)"), tr("Weakest link / minimum (短板法)")]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        number = QgsProcessingParameterNumber
        self.addParameter(QgsProcessingParameterMultipleLayers(self.CRITERIA, self.tr("Criteria rasters"), QgsProcessing.SourceType.TypeRaster))
        directions = QgsProcessingParameterString(self.DIRECTIONS, self.tr("Directions"), optional=True, defaultValue="")
        directions.setHelp(
            self.tr("Comma list, one per criterion in their order: + where more is better (benefit), - where less is (cost); empty = all +.")
        )
        weights = QgsProcessingParameterString(self.WEIGHTS, self.tr("Criterion weights"), optional=True, defaultValue="")
        weights.setHelp(
            self.tr("Comma list, one weight per criterion (e.g. the WEIGHTS of tsr:ahpweights), normalised to sum 1; empty = equal weights.")
        )
        self.addParameter(directions)
        self.addParameter(weights)
        self.addParameter(QgsProcessingParameterEnum(self.METHOD, self.tr("Aggregation method"), options=self.method_options(), defaultValue=0))
        orness = number(self.ORNESS, self.tr("OWA orness"), number.Type.Double, None, True, 0.0, 1.0)
        orness.setHelp(
            self.tr("For OWA: 0 = the minimum (all criteria must be good), 0.5 = the mean, 1 = the maximum (one good criterion is enough).")
        )
        order_weights = QgsProcessingParameterString(self.ORDER_WEIGHTS, self.tr("OWA order weights"), optional=True, defaultValue="")
        order_weights.setHelp(self.tr("For OWA, instead of ORNESS: comma list, the first weight for the largest criterion of a cell."))
        self.addParameter(orness)
        self.addParameter(order_weights)
        constraints = QgsProcessingParameterMultipleLayers(
            self.CONSTRAINTS, self.tr("Constraint rasters (0 = excluded)"), QgsProcessing.SourceType.TypeRaster, optional=True
        )
        constraints.setHelp(self.tr("Rasters whose cells equal to 0 are excluded (e.g. a 0/1 mask of protected land); other values keep the cell."))
        self.addParameter(constraints)
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.EXCLUSION_ZONES, self.tr("Exclusion zones (polygons)"), QgsProcessing.SourceType.TypeVectorPolygon, optional=True
            )
        )
        self.addParameter(
            number(self.WEIGHT_UNCERTAINTY, self.tr("Weight uncertainty: coefficient of variation (%)"), number.Type.Double, 10.0, False, 0.0, 100.0)
        )
        self.addParameter(
            number(
                self.CRITERION_UNCERTAINTY,
                self.tr("Criterion uncertainty: standard deviation of noise (0–1 units)"),
                number.Type.Double,
                0.0,
                False,
                0.0,
                1.0,
            )
        )
        self.addParameter(number(self.ITERATIONS, self.tr("Monte Carlo draws"), number.Type.Integer, 1000, False, 1, 10000))
        self.addParameter(number(self.SEED, self.tr("Random seed"), number.Type.Integer, 1, False, 0))
        threshold = number(self.THRESHOLD, self.tr("Suitable if score ≥"), number.Type.Double, None, True, 0.0, 1.0)
        threshold.setHelp(self.tr("A cell is suitable in a draw when its score reaches this value; empty = 0.6, unless TOP_PERCENT is given."))
        top_percent = number(
            self.TOP_PERCENT, self.tr("Or suitable if among the top share of the study area (%)"), number.Type.Double, None, True, 0.0, 100.0
        )
        top_percent.setHelp(
            self.tr("Instead of THRESHOLD: in each draw the best-scoring cells that make up this share of the study area are suitable.")
        )
        self.addParameter(threshold)
        self.addParameter(top_percent)
        reference = QgsProcessingParameterRasterLayer(self.REFERENCE, self.tr("Reference grid"), optional=True)
        reference.setHelp(self.tr("Grid (extent, cells, CRS) of the outputs; the criteria are resampled to it. Empty = the first criterion's grid."))
        reference.setFlags(reference.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(reference)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_MEAN, self.tr("Mean suitability")))
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_STD, self.tr("Standard deviation of suitability"), optional=True, createByDefault=True
            )
        )
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_PROBABILITY, self.tr("Probability of being suitable")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_CLASS, self.tr("Robustness class")))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Suitability report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_WEIGHTS, self.tr("Weight draws (table)"), QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SENSITIVITY,
                self.tr("Weight sensitivity (table)"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.ROBUST_AREA_HA, self.tr("Robustly suitable area (ha)")))
        self.addOutput(QgsProcessingOutputNumber(self.UNCERTAIN_AREA_HA, self.tr("Uncertain area (ha)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        layers = self.parameterAsLayerList(parameters, self.CRITERIA, context)
        if not layers:
            raise QgsProcessingException(self.tr("Give at least one criterion raster"))
        paths = [self.raster_file(layer, self.tr("Criterion {n}").format(n=i + 1)) for i, layer in enumerate(layers)]
        names = tuple(layer.name() for layer in layers)
        reference_layer = self.parameterAsRasterLayer(parameters, self.REFERENCE, context) or layers[0]
        require_projected_crs(reference_layer.crs(), self.tr("The reference grid"))
        with self.core_errors():
            directions = parse_directions(self.parameterAsString(parameters, self.DIRECTIONS, context), len(paths))
        constraints = [
            self.raster_file(layer, self.tr("Constraint {n}").format(n=i + 1))
            for i, layer in enumerate(self.parameterAsLayerList(parameters, self.CONSTRAINTS, context))
        ]
        zones = self.parameterAsLayerList(parameters, self.EXCLUSION_ZONES, context)
        threshold = self.optional_number(parameters, self.THRESHOLD, context)
        top_percent = self.optional_number(parameters, self.TOP_PERCENT, context)
        if threshold is None and top_percent is None:
            threshold = DEFAULT_THRESHOLD

        with self.core_errors():
            spec = SuitabilitySpec.build(
                len(paths),
                SuitabilityMethod(self.parameterAsEnum(parameters, self.METHOD, context)),
                parse_numbers(self.parameterAsString(parameters, self.WEIGHTS, context), self.WEIGHTS),
                parse_numbers(self.parameterAsString(parameters, self.ORDER_WEIGHTS, context), self.ORDER_WEIGHTS),
                self.optional_number(parameters, self.ORNESS, context),
                self.parameterAsDouble(parameters, self.WEIGHT_UNCERTAINTY, context) / 100.0,
                self.parameterAsDouble(parameters, self.CRITERION_UNCERTAINTY, context),
                self.parameterAsInt(parameters, self.ITERATIONS, context),
                self.parameterAsInt(parameters, self.SEED, context),
                threshold,
                top_percent,
                names=names,
            )
            for note in spec.notes:
                feedback.pushWarning(note.translated(tr))
            grid = Grid.of(self.raster_file(reference_layer, self.tr("Reference grid")))
            sources = [RasterSource(p) for p in paths]
            # Nearest neighbour keeps a 0/1 constraint a 0/1 constraint on another grid.
            masks = [RasterSource(p, resampling=Resampling.nearest) for p in constraints]
            for source in sources + masks:
                source.check_against(grid)

            feedback.pushInfo(self.tr("Reading the range of each criterion"))
            ranges, common = criterion_ranges(grid, sources, names, progress=self.progress_range(feedback, 0, 8), cancelled=feedback.isCanceled)
            for i, (low, high) in enumerate(ranges):
                if (low, high) != (0.0, 1.0):
                    feedback.pushInfo(
                        self.tr("Criterion {n} ranges from {low:.6g} to {high:.6g}: min-max normalised to 0–1").format(n=i + 1, low=low, high=high)
                    )
            w = draws(spec)
            note = check_run_time(estimate_seconds(spec, w, common), common, spec.draw_count)
            if note is not None:
                feedback.pushWarning(note.translated(tr))
            workdir = tempfile.mkdtemp(prefix="tsr_suitability_", dir=QgsProcessingUtils.tempFolder())
            exclusion = self.exclusion_raster(zones, grid, reference_layer.crs(), context, workdir, feedback)
            if exclusion:
                masks.append(RasterSource(exclusion))

            prepare = block_preparer(spec.n, ranges, directions, len(constraints), bool(exclusion))
            thresholds = None
            if spec.top_percent is not None:
                feedback.pushInfo(self.tr("Pass 1: the score distribution of every draw"))

                def map_blocks(kernel, on_result, start, stop):
                    run_blocks(
                        grid,
                        sources + masks,
                        lambda b: kernel(prepare(b)),
                        on_result=on_result,
                        progress=self.progress_range(feedback, 10 + 35 * start, 10 + 35 * stop),
                        cancelled=feedback.isCanceled,
                    )

                thresholds = top_percent_thresholds(spec, w, map_blocks)

            outputs = {
                key: self.parameterAsOutputLayer(parameters, key, context)
                for key in (self.OUTPUT_MEAN, self.OUTPUT_STD, self.OUTPUT_PROBABILITY, self.OUTPUT_CLASS)
            }
            compress = is_compressed(paths[0])
            sinks = [
                RasterSink(outputs[self.OUTPUT_MEAN], "float32", description=self.tr("mean suitability score"), compress=compress),
                RasterSink(outputs[self.OUTPUT_STD], "float32", description=self.tr("standard deviation of the score"), compress=compress)
                if outputs[self.OUTPUT_STD]
                else None,
                RasterSink(outputs[self.OUTPUT_PROBABILITY], "float32", description=self.tr("probability of being suitable"), compress=compress),
                RasterSink(outputs[self.OUTPUT_CLASS], "uint8", 0, self.tr("robustness class"), compress),
            ]
            wanted = [i for i, sink in enumerate(sinks) if sink is not None]
            kernel = suitability_kernel(spec, w, thresholds)

            def run(blocks):
                results, part = kernel(prepare(blocks))
                return [results[i] for i in wanted], part

            statistics = SuitabilityStatistics.for_spec(spec)
            feedback.pushInfo(self.tr("Scoring {draws} draws per cell").format(draws=spec.draw_count))
            run_blocks(
                grid,
                sources + masks,
                run,
                [sinks[i] for i in wanted],
                on_result=statistics.add,
                before_commit=statistics.require_study_cells,
                progress=self.progress_range(feedback, 45 if thresholds is not None else 10, 95),
                cancelled=feedback.isCanceled,
            )
            if exclusion:
                os.remove(exclusion)

        ha = grid.cell_area / 10_000.0
        if constraints or exclusion:
            feedback.pushInfo(
                self.tr(
                    "Excluded by the constraints and exclusion zones: {ha} ha ({cells} cells with data in every criterion; exclusions outside them "
                    "are ignored)"
                ).format(ha=report.fmt(float(statistics.excluded_cells * ha)), cells=int(statistics.excluded_cells))
            )
        robust_ha = float(statistics.class_cells[SuitabilityClass.ROBUST] * ha)
        uncertain_ha = float(statistics.class_cells[SuitabilityClass.UNCERTAIN] * ha)
        styles.style_on_load(context, outputs[self.OUTPUT_MEAN], styles.ramp(0.0, 1.0, "RdYlGn"))
        styles.style_on_load(context, outputs[self.OUTPUT_PROBABILITY], styles.ramp(0.0, 1.0, "Viridis"))
        styles.style_on_load(context, outputs[self.OUTPUT_CLASS], styles.palette(range(1, 6), CLASS_COLOURS, class_labels()))
        results = {key: path for key, path in outputs.items() if path}
        results[self.ROBUST_AREA_HA] = robust_ha
        results[self.UNCERTAIN_AREA_HA] = uncertain_ha
        sens = sensitivity(spec, w, statistics)
        effects, unit = sweep_effects(spec, sens, ha)
        results.update(self.write_weights(parameters, context, spec, w))
        results.update(self.write_sensitivity(parameters, context, effects, unit))
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            method = self.method_options()[spec.method]
            text = report_html(self.tr, spec, w, statistics, ha, directions, ranges, sens, effects, unit, method, class_labels(), CLASS_COLOURS)
            report.write(html_path, text)
            results[self.OUTPUT_HTML] = html_path
        feedback.pushInfo(
            self.tr("Robustly suitable: {robust} ha; uncertain: {uncertain} ha").format(
                robust=report.fmt(robust_ha), uncertain=report.fmt(uncertain_ha)
            )
        )
        return results

    def write_weights(self, parameters, context, spec, w) -> dict:
        """OUTPUT_WEIGHTS: the weight vector of every draw (columns 0 … draw_count − 1 of `w`),
        one row per draw and criterion."""
        fields = QgsFields()
        for name, kind in (("draw", "int"), ("criterion", "string"), ("weight", "double")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_WEIGHTS, context, fields, WKB_NOGEOMETRY)
        if sink is None:
            return {}
        for k in range(spec.draw_count):
            features = []
            for i, name in enumerate(spec.names):
                feature = QgsFeature(fields)
                feature.setAttributes([k + 1, name, float(w[i, k])])
                features.append(feature)
            sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT_WEIGHTS: dest}

    def write_sensitivity(self, parameters, context, effects: list[SweepEffect], unit: str) -> dict:
        """OUTPUT_SENSITIVITY: the one-at-a-time sweep of the report (baseline first)."""
        fields = QgsFields()
        for name, kind in (
            ("criterion", "string"),
            ("change", "double"),
            ("suitable_ha", "double"),
            ("mean_score", "double"),
            ("kept_pct", "double"),
            ("delta", "double"),
            ("delta_unit", "string"),
        ):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_SENSITIVITY, context, fields, WKB_NOGEOMETRY)
        if sink is None:
            return {}
        for e in effects:
            feature = QgsFeature(fields)
            feature.setAttributes([e.name, e.change, e.suitable_ha, e.mean_score, finite_or_none(e.kept_pct), finite_or_none(e.delta), unit])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT_SENSITIVITY: dest}

    def exclusion_raster(self, layers, grid, crs, context, workdir, feedback) -> str | None:
        """The exclusion zones burnt onto the grid (1 inside), or None without zones."""
        if not layers:
            return None
        geometries, empty = polygon_shapes(layers, crs, context, feedback)
        for name, count in empty.items():
            feedback.pushWarning(
                self.tr("{count} feature(s) of the exclusion zones '{layer}' have no geometry: they exclude nothing").format(count=count, layer=name)
            )
        path = os.path.join(workdir, "exclusion.tif")
        burn_polygons(geometries, grid, path, cancelled=feedback.isCanceled)
        return path
