"""tsr:suitability — multi-criteria suitability with Monte Carlo weight uncertainty."""

from __future__ import annotations

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

from ..algorithms.common.parsing import parse_directions
from ..algorithms.mcda.suitability import SuitabilityMethod
from ..algorithms.mcda.suitability_job import (
    RASTER_OUTPUTS,
    SENSITIVITY_FIELDS,
    WEIGHT_FIELDS,
    SuitabilityRequest,
    evaluate,
    sensitivity_rows,
    weight_rows,
)
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm, require_projected_crs
from .common.engine_setting import engine_in_use
from .common.qgis_compat import WKB_NOGEOMETRY, field
from .common.reports.suitability import report_html
from .common.shapes import polygon_shapes

CLASS_COLOURS = ("#1a9850", "#a6d96a", "#fee08b", "#d73027", "#969696")


def class_labels() -> list[str]:
    return [tr("Robustly suitable (p ≥ 0.9)"), tr("Likely suitable (0.5–0.9)"), tr("Uncertain (0.1–0.5)"), tr("Unsuitable (p < 0.1)"), tr("Excluded")]


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
        reference_layer = self.parameterAsRasterLayer(parameters, self.REFERENCE, context) or layers[0]
        require_projected_crs(reference_layer.crs(), self.tr("The reference grid"))
        with self.core_errors():
            parse_directions(self.parameterAsString(parameters, self.DIRECTIONS, context), len(paths))
        constraints = [
            self.raster_file(layer, self.tr("Constraint {n}").format(n=i + 1))
            for i, layer in enumerate(self.parameterAsLayerList(parameters, self.CONSTRAINTS, context))
        ]
        zones = self.parameterAsLayerList(parameters, self.EXCLUSION_ZONES, context)
        outputs = {key: self.parameterAsOutputLayer(parameters, key, context) or None for key in RASTER_OUTPUTS}
        request = SuitabilityRequest(
            criteria=tuple(paths),
            directions=self.parameterAsString(parameters, self.DIRECTIONS, context),
            weights=self.parameterAsString(parameters, self.WEIGHTS, context),
            method=SuitabilityMethod(self.parameterAsEnum(parameters, self.METHOD, context)),
            orness=self.optional_number(parameters, self.ORNESS, context),
            order_weights=self.parameterAsString(parameters, self.ORDER_WEIGHTS, context),
            constraints=tuple(constraints),
            weight_uncertainty=self.parameterAsDouble(parameters, self.WEIGHT_UNCERTAINTY, context),
            criterion_uncertainty=self.parameterAsDouble(parameters, self.CRITERION_UNCERTAINTY, context),
            iterations=self.parameterAsInt(parameters, self.ITERATIONS, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            threshold=self.optional_number(parameters, self.THRESHOLD, context),
            top_percent=self.optional_number(parameters, self.TOP_PERCENT, context),
            reference=self.raster_file(reference_layer, self.tr("Reference grid")),
            output_mean=outputs[self.OUTPUT_MEAN],
            output_std=outputs[self.OUTPUT_STD],
            output_probability=outputs[self.OUTPUT_PROBABILITY],
            output_class=outputs[self.OUTPUT_CLASS],
            names=tuple(layer.name() for layer in layers),
        )

        def exclusion_zones(grid):
            return polygon_shapes(zones, reference_layer.crs(), context, feedback)

        with self.core_errors(), engine_in_use() as engine:
            result = evaluate(
                request,
                engine=engine,
                progress=self.progress_range(feedback, 0, 95),
                cancelled=feedback.isCanceled,
                log=lambda message: feedback.pushInfo(self.say(message)),
                warn=lambda message: feedback.pushWarning(self.say(message)),
                exclusion_zones=exclusion_zones if zones else None,
                workdir=QgsProcessingUtils.tempFolder(),
                translate=self.tr,
            )

        spec, w = result.spec, result.w
        styles.style_on_load(context, outputs[self.OUTPUT_MEAN], styles.ramp(0.0, 1.0, "RdYlGn"))
        styles.style_on_load(context, outputs[self.OUTPUT_PROBABILITY], styles.ramp(0.0, 1.0, "Viridis"))
        styles.style_on_load(context, outputs[self.OUTPUT_CLASS], styles.palette(range(1, 6), CLASS_COLOURS, class_labels()))
        results = dict(result.rasters)
        results[self.ROBUST_AREA_HA] = result.robust_ha
        results[self.UNCERTAIN_AREA_HA] = result.uncertain_ha
        results.update(self.write_weights(parameters, context, result))
        results.update(self.write_sensitivity(parameters, context, result))
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            method = self.method_options()[spec.method]
            text = report_html(
                self.tr,
                spec,
                w,
                result.statistics,
                result.cell_ha,
                list(result.directions),
                list(result.ranges),
                result.sensitivity,
                list(result.effects),
                result.unit,
                method,
                class_labels(),
                CLASS_COLOURS,
            )
            report.write(html_path, text)
            results[self.OUTPUT_HTML] = html_path
        return results

    def say(self, message) -> str:
        """A core message in the user's language: the shared context first, then this
        algorithm's, where the message was translated while it was said here."""
        return message.translated(lambda text: tr(text) if tr(text) != text else self.tr(text))

    def write_weights(self, parameters, context, result) -> dict:
        """OUTPUT_WEIGHTS: the weight vector of every draw, one row per draw and criterion."""
        fields = QgsFields()
        for name, kind in WEIGHT_FIELDS:
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_WEIGHTS, context, fields, WKB_NOGEOMETRY)
        if sink is None:
            return {}
        rows = weight_rows(result)
        for start in range(0, len(rows), result.spec.n):
            features = []
            for row in rows[start : start + result.spec.n]:
                feature = QgsFeature(fields)
                feature.setAttributes(row)
                features.append(feature)
            sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT_WEIGHTS: dest}

    def write_sensitivity(self, parameters, context, result) -> dict:
        """OUTPUT_SENSITIVITY: the one-at-a-time sweep of the report (baseline first)."""
        fields = QgsFields()
        for name, kind in SENSITIVITY_FIELDS:
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_SENSITIVITY, context, fields, WKB_NOGEOMETRY)
        if sink is None:
            return {}
        for row in sensitivity_rows(result):
            feature = QgsFeature(fields)
            feature.setAttributes(row)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT_SENSITIVITY: dest}
