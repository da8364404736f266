"""tsr:multihazardoverlay — combine hazard degrees into one multi-hazard risk index."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..algorithms.raster.overlay import NodataPolicy, OverlayMethod, cell_hectares, metric_grid
from ..algorithms.raster.overlay_job import METHOD_OPTIONS, OverlayRequest, outputs, run
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm
from .common.engine_setting import engine_in_use
from .common.reports.multihazardoverlay import OverlayReport, overlay_report


class MultiHazardOverlay(TsrAlgorithm):
    ALG_ID = "multihazardoverlay"

    HAZARDS = "HAZARDS"
    REFERENCE = "REFERENCE"
    WEIGHTS = "WEIGHTS"
    METHOD = "METHOD"
    ORDER_WEIGHTS = "ORDER_WEIGHTS"
    INTERACTIONS = "INTERACTIONS"
    EXPOSURE = "EXPOSURE"
    VULNERABILITY = "VULNERABILITY"
    CAPACITY = "CAPACITY"
    NODATA_POLICY = "NODATA_POLICY"
    THRESHOLD = "THRESHOLD"
    OUTPUT = "OUTPUT"
    OUTPUT_DOMINANT = "OUTPUT_DOMINANT"
    OUTPUT_COUNT = "OUTPUT_COUNT"
    OUTPUT_HTML = "OUTPUT_HTML"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Multi-hazard overlay")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Combine hazard degrees with weights, cascades, exposure, vulnerability and coping capacity into one risk index")

    def tags(self) -> list[str]:
        return self.tr("multi-hazard,risk,overlay,weighted sum,OWA,probabilistic union,cascade,exposure,vulnerability,多灾种,风险叠加").split(",")

    @staticmethod
    def method_options() -> list[str]:
        return [tr(option) for option in METHOD_OPTIONS]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterMultipleLayers(self.HAZARDS, self.tr("Hazard degrees (0–1 rasters)"), QgsProcessing.SourceType.TypeRaster)
        )
        weights = QgsProcessingParameterString(self.WEIGHTS, self.tr("Hazard weights"), optional=True, defaultValue="")
        weights.setHelp(self.tr("Comma list, one weight per hazard in the order of the hazards (e.g. the WEIGHTS of an AHP); empty = equal weights."))
        self.addParameter(weights)
        self.addParameter(QgsProcessingParameterEnum(self.METHOD, self.tr("Combination method"), options=self.method_options(), defaultValue=0))
        order = QgsProcessingParameterString(self.ORDER_WEIGHTS, self.tr("OWA order weights"), optional=True, defaultValue="")
        order.setHelp(self.tr("For OWA only: comma list, the first weight for the largest hazard of a cell; empty = equal (the mean)."))
        self.addParameter(order)
        interactions = QgsProcessingParameterString(
            self.INTERACTIONS, self.tr("Interaction matrix mᵢⱼ"), multiLine=True, optional=True, defaultValue=""
        )
        interactions.setHelp(
            self.tr(
                "n×n numbers, one row per triggering hazard (rows on new lines or separated by semicolons): where hazard i reaches the "
                "threshold, hazard j is amplified by 1 + mᵢⱼ. Empty = no cascades."
            )
        )
        self.addParameter(interactions)
        threshold = QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Hazard threshold"), QgsProcessingParameterNumber.Type.Double, 0.5, False, 0.0, 1.0
        )
        threshold.setHelp(self.tr("Hazard degree from which a hazard triggers its cascades and counts in the hotspot count."))
        self.addParameter(threshold)
        self.addParameter(QgsProcessingParameterRasterLayer(self.EXPOSURE, self.tr("Exposure (0–1)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.VULNERABILITY, self.tr("Vulnerability (0–1)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.CAPACITY, self.tr("Coping capacity (0–1)"), optional=True))
        policy = QgsProcessingParameterEnum(
            self.NODATA_POLICY,
            self.tr("Missing hazard values"),
            options=[self.tr("Propagate: a cell missing in any input is nodata"), self.tr("Ignore missing hazards and renormalise the weights")],
            defaultValue=0,
        )
        reference = QgsProcessingParameterRasterLayer(self.REFERENCE, self.tr("Reference grid"), optional=True)
        reference.setHelp(self.tr("Grid (extent, cells, CRS) of the outputs; other inputs are resampled to it. Empty = the first hazard's grid."))
        for advanced in (policy, reference):
            advanced.setFlags(advanced.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(advanced)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Multi-hazard risk index")))
        self.addParameter(
            QgsProcessingParameterRasterDestination(self.OUTPUT_DOMINANT, self.tr("Dominant hazard"), optional=True, createByDefault=True)
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_COUNT, self.tr("Number of hazards at or above the threshold"), optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Overlay report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        layers = self.parameterAsLayerList(parameters, self.HAZARDS, context)
        if not layers:
            raise QgsProcessingException(self.tr("Give at least one hazard raster"))
        paths = [self.raster_file(layer, self.tr("Hazard {n}").format(n=i + 1)) for i, layer in enumerate(layers)]
        reference_layer = self.parameterAsRasterLayer(parameters, self.REFERENCE, context)
        reference = self.raster_file(reference_layer, self.tr("Reference grid")) if reference_layer else None
        factors = {}
        for key, label in (
            (self.EXPOSURE, self.tr("Exposure")),
            (self.VULNERABILITY, self.tr("Vulnerability")),
            (self.CAPACITY, self.tr("Coping capacity")),
        ):
            layer = self.parameterAsRasterLayer(parameters, key, context)
            if layer is not None:
                factors[key] = self.raster_file(layer, label)
        request = OverlayRequest(
            hazards=tuple(paths),
            names=tuple(layer.name() for layer in layers),
            output=self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
            weights=self.parameterAsString(parameters, self.WEIGHTS, context),
            method=OverlayMethod(self.parameterAsEnum(parameters, self.METHOD, context)),
            order_weights=self.parameterAsString(parameters, self.ORDER_WEIGHTS, context),
            interactions=self.parameterAsString(parameters, self.INTERACTIONS, context),
            threshold=self.parameterAsDouble(parameters, self.THRESHOLD, context),
            exposure=factors.get(self.EXPOSURE),
            vulnerability=factors.get(self.VULNERABILITY),
            capacity=factors.get(self.CAPACITY),
            policy=NodataPolicy(self.parameterAsEnum(parameters, self.NODATA_POLICY, context)),
            reference=reference,
            output_dominant=self.parameterAsOutputLayer(parameters, self.OUTPUT_DOMINANT, context) or None,
            output_count=self.parameterAsOutputLayer(parameters, self.OUTPUT_COUNT, context) or None,
            output_html=self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context) or None,
        )
        with self.core_errors(), engine_in_use() as engine:
            result = run(
                request,
                engine=engine,
                progress=self.progress_range(feedback, 0, 95),
                cancelled=feedback.isCanceled,
                log=lambda message: feedback.pushInfo(message.translated(tr)),
                warn=lambda message: feedback.reportError(message.translated(tr), fatalError=False),
                translate=tr,
            )
        spec, stats, names = result.spec, result.stats, list(request.names)
        results = outputs(result)
        styles.style_on_load(context, request.output, styles.ramp(stats.index_min, max(stats.index_max, stats.index_min + 1e-6), "Reds"))
        if request.output_dominant:
            colours = [styles.HAZARD_COLOURS[i % len(styles.HAZARD_COLOURS)] for i in range(spec.n)]
            styles.style_on_load(context, request.output_dominant, styles.palette(range(1, spec.n + 1), colours, names))
        if request.output_count:
            heat = ["#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026", "#4a0012", "#2d000b", "#1a0006", "#0d0003", "#000000"]
            styles.style_on_load(context, request.output_count, styles.palette(range(spec.n + 1), heat, [str(k) for k in range(spec.n + 1)]))
        html_path = request.output_html
        if html_path and not metric_grid(result.grid.crs):
            feedback.pushInfo(
                self.tr(
                    "The report gives no areas in hectares: the reference grid's CRS ({crs}) does not measure true metres (geographic, Web Mercator "
                    "or none)"
                ).format(crs=result.grid.crs.to_string() if result.grid.crs is not None else "?")
            )
        if html_path:
            method_name = self.method_options()[spec.method]
            cell_ha = cell_hectares(result.grid.crs, result.grid.cell_area)
            report.write(html_path, overlay_report(OverlayReport(spec, stats, method_name, result.factors, cell_ha)))
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results
