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

from ..algorithms.common.parsing import parse_numbers
from ..algorithms.engine.raster_io import Grid, RasterSink, RasterSource, is_compressed, run_blocks
from ..algorithms.raster.overlay import (
    NodataPolicy,
    OverlayMethod,
    OverlaySpec,
    OverlayStatistics,
    cell_hectares,
    coverage_notes,
    disjoint_pairs,
    metric_grid,
    overlay_kernel,
    resampling_notes,
)
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm
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
        return [
            tr("Weighted sum"),
            tr("Weighted geometric mean"),
            tr("Maximum (worst case)"),
            tr("Probabilistic union 1 − Π(1 − wᵢhᵢ)"),
            tr("Ordered weighted averaging (OWA)"),
        ]

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
        names = [layer.name() for layer in layers]
        reference_layer = self.parameterAsRasterLayer(parameters, self.REFERENCE, context)
        reference = self.raster_file(reference_layer, self.tr("Reference grid")) if reference_layer else paths[0]
        factors = {}
        for key, label in (
            (self.EXPOSURE, self.tr("Exposure")),
            (self.VULNERABILITY, self.tr("Vulnerability")),
            (self.CAPACITY, self.tr("Coping capacity")),
        ):
            layer = self.parameterAsRasterLayer(parameters, key, context)
            if layer is not None:
                factors[key] = self.raster_file(layer, label)

        method = OverlayMethod(self.parameterAsEnum(parameters, self.METHOD, context))
        with self.core_errors():
            spec = OverlaySpec.build(
                len(paths),
                method,
                parse_numbers(self.parameterAsString(parameters, self.WEIGHTS, context), self.WEIGHTS),
                parse_numbers(self.parameterAsString(parameters, self.ORDER_WEIGHTS, context), self.ORDER_WEIGHTS),
                parse_numbers(self.parameterAsString(parameters, self.INTERACTIONS, context), self.INTERACTIONS),
                self.parameterAsDouble(parameters, self.THRESHOLD, context),
                NodataPolicy(self.parameterAsEnum(parameters, self.NODATA_POLICY, context)),
                names,
            )
            grid = Grid.of(reference)
            if grid.crs is None:
                raise QgsProcessingException(self.tr("The reference raster has no coordinate reference system; assign one first"))
            sources = [RasterSource(p) for p in paths + list(factors.values())]
            for source in sources:
                source.check_against(grid)
            labels = names + [
                label
                for key, label in (
                    (self.EXPOSURE, self.tr("Exposure")),
                    (self.VULNERABILITY, self.tr("Vulnerability")),
                    (self.CAPACITY, self.tr("Coping capacity")),
                )
                if key in factors
            ]
            for note in resampling_notes(grid, [s.path for s in sources], labels):
                feedback.pushInfo(note.translated(tr))
        for note in spec.notes:
            feedback.pushInfo(note.translated(tr))

        if method == OverlayMethod.MAXIMUM and self.parameterAsString(parameters, self.WEIGHTS, context).strip():
            feedback.pushInfo(self.tr("The maximum ignores the hazard weights."))
        out_index = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        out_dominant = self.parameterAsOutputLayer(parameters, self.OUTPUT_DOMINANT, context)
        out_count = self.parameterAsOutputLayer(parameters, self.OUTPUT_COUNT, context)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        compress = is_compressed(reference)
        sinks = [
            RasterSink(out_index, "float32", description=self.tr("multi-hazard risk index"), compress=compress),
            RasterSink(out_dominant, "uint8", 0, self.tr("dominant hazard (1-based)"), compress) if out_dominant else None,
            RasterSink(out_count, "uint8", 255, self.tr("hazards at or above the threshold"), compress) if out_count else None,
        ]
        kernel = overlay_kernel(
            spec,
            self.EXPOSURE in factors,
            self.VULNERABILITY in factors,
            self.CAPACITY in factors,
            with_dominant=bool(out_dominant),
            with_count=bool(out_count),
            with_statistics=bool(html_path),
        )
        stats = OverlayStatistics(spec.n, spec.threshold)

        def check_valid() -> None:
            empty = [names[i] for i in range(spec.n) if stats.count[i] == 0]
            if empty:
                raise QgsProcessingException(
                    self.tr("These hazards have no valid cell on the reference grid (all nodata): {names}").format(names=", ".join(empty))
                )
            if stats.index_count == 0:
                pairs = disjoint_pairs(stats)
                if pairs:
                    raise QgsProcessingException(
                        self.tr(
                            "The inputs share no valid cell: every cell of the result would be nodata. These hazards do not overlap: {pairs}"
                        ).format(pairs="; ".join(f"{names[i]} / {names[j]}" for i, j in pairs))
                    )
                raise QgsProcessingException(self.tr("The inputs share no valid cell: every cell of the result would be nodata"))

        feedback.pushInfo(self.tr("Formula: {formula}").format(formula=spec.formula()))
        with self.core_errors():
            run_blocks(
                grid,
                sources,
                kernel,
                [sink for sink in sinks if sink is not None],
                on_result=stats.add,
                before_commit=check_valid,
                progress=self.progress_range(feedback, 0, 95),
                cancelled=feedback.isCanceled,
            )
        for note in coverage_notes(stats, names, spec.policy):
            feedback.reportError(note.translated(tr), fatalError=False)
        results = {self.OUTPUT: out_index}
        styles.style_on_load(context, out_index, styles.ramp(stats.index_min, max(stats.index_max, stats.index_min + 1e-6), "Reds"))
        if out_dominant:
            results[self.OUTPUT_DOMINANT] = out_dominant
            colours = [styles.HAZARD_COLOURS[i % len(styles.HAZARD_COLOURS)] for i in range(spec.n)]
            styles.style_on_load(context, out_dominant, styles.palette(range(1, spec.n + 1), colours, names))
        if out_count:
            results[self.OUTPUT_COUNT] = out_count
            heat = ["#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026", "#4a0012", "#2d000b", "#1a0006", "#0d0003", "#000000"]
            styles.style_on_load(context, out_count, styles.palette(range(spec.n + 1), heat, [str(k) for k in range(spec.n + 1)]))
        if html_path and not metric_grid(grid.crs):
            feedback.pushInfo(
                self.tr(
                    "The report gives no areas in hectares: the reference grid's CRS ({crs}) does not measure true metres (geographic, Web Mercator "
                    "or none)"
                ).format(crs=grid.crs.to_string() if grid.crs is not None else "?")
            )
        if html_path:
            factor_keys = tuple(
                k for key, k in ((self.EXPOSURE, "exposure"), (self.VULNERABILITY, "vulnerability"), (self.CAPACITY, "capacity")) if key in factors
            )
            method_name = self.method_options()[spec.method]
            report.write(html_path, overlay_report(OverlayReport(spec, stats, method_name, factor_keys, cell_hectares(grid.crs, grid.cell_area))))
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results
