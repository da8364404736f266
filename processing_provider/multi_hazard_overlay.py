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
    coverage_notes,
    disjoint_pairs,
    orness,
    overlay_kernel,
)
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm


def metric_grid(grid: Grid) -> bool:
    """Whether cell areas of the grid are true square metres: a projected CRS in metres that is
    not Web Mercator (which inflates areas by 1/cos²(latitude))."""
    crs = grid.crs
    if crs is None or not crs.is_projected or (crs.linear_units or "").lower() not in ("metre", "meter", "m"):
        return False
    proj = crs.to_proj4() if hasattr(crs, "to_proj4") else ""
    web_mercator = crs.to_epsg() in (3857, 900913, 3785, 102100, 102113) or ("+proj=merc" in proj and "+a=6378137" in proj and "+b=6378137" in proj)
    return not web_mercator


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
        self.addParameter(
            QgsProcessingParameterString(
                self.WEIGHTS, self.tr("Hazard weights (comma list, in the order of the hazards; empty = equal)"), optional=True, defaultValue=""
            )
        )
        self.addParameter(QgsProcessingParameterEnum(self.METHOD, self.tr("Combination method"), options=self.method_options(), defaultValue=0))
        self.addParameter(
            QgsProcessingParameterString(
                self.ORDER_WEIGHTS, self.tr("OWA order weights (largest hazard first; empty = equal)"), optional=True, defaultValue=""
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.INTERACTIONS,
                self.tr("Interaction matrix mᵢⱼ (n×n, one row per triggering hazard)"),
                multiLine=True,
                optional=True,
                defaultValue="",
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.THRESHOLD,
                self.tr("Hazard threshold (cascade trigger and hotspot count)"),
                QgsProcessingParameterNumber.Type.Double,
                0.5,
                False,
                0.0,
                1.0,
            )
        )
        self.addParameter(QgsProcessingParameterRasterLayer(self.EXPOSURE, self.tr("Exposure (0–1)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.VULNERABILITY, self.tr("Vulnerability (0–1)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.CAPACITY, self.tr("Coping capacity (0–1)"), optional=True))
        policy = QgsProcessingParameterEnum(
            self.NODATA_POLICY,
            self.tr("Missing hazard values"),
            options=[self.tr("Propagate: a cell missing in any input is nodata"), self.tr("Ignore missing hazards and renormalise the weights")],
            defaultValue=0,
        )
        reference = QgsProcessingParameterRasterLayer(self.REFERENCE, self.tr("Reference grid (default: the first hazard)"), optional=True)
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
            self.report_alignment(grid, [s.path for s in sources], labels, feedback)
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
        if html_path and not metric_grid(grid):
            feedback.pushInfo(
                self.tr(
                    "The report gives no areas in hectares: the reference grid's CRS ({crs}) does not measure true metres (geographic, Web Mercator "
                    "or none)"
                ).format(crs=grid.crs.to_string() if grid.crs is not None else "?")
            )
        if html_path:
            report.write(html_path, self.report_html(spec, stats, grid, factors))
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results

    @staticmethod
    def report_alignment(grid: Grid, paths: list[str], labels: list[str], feedback) -> None:
        """Say which inputs are not on the reference grid and are therefore resampled."""
        cell = max(abs(grid.transform.a), abs(grid.transform.e))
        for path, label in zip(paths, labels):
            other = Grid.of(path)
            if other.same_as(grid):
                continue
            other_cell = max(abs(other.transform.a), abs(other.transform.e))
            crs = other.crs.to_string() if other.crs is not None else "?"
            feedback.pushInfo(
                tr(
                    "'{name}' is on another grid ({crs}, cells of {cell:.6g}); it is resampled (bilinear) to the reference grid (cells of {ref:.6g})"
                ).format(name=label, crs=crs, cell=other_cell, ref=cell)
            )

    def report_html(self, spec: OverlaySpec, stats: OverlayStatistics, grid: Grid, factors: dict) -> str:
        names = list(spec.names)
        ha = grid.cell_area / 10_000 if metric_grid(grid) else float("nan")
        method_name = self.method_options()[spec.method]
        setup = [
            (self.tr("Method"), method_name),
            (self.tr("Formula"), spec.formula()),
            (self.tr("Threshold T"), f"{spec.threshold:g}"),
            (self.tr("Missing values"), [self.tr("propagate"), self.tr("ignore and renormalise")][spec.policy]),
        ]
        if factors:
            setup.append(
                (
                    self.tr("Risk"),
                    "R = I" + "".join({self.EXPOSURE: " · E", self.VULNERABILITY: " · V", self.CAPACITY: " · (1 − C)"}[k] for k in factors),
                )
            )
        if spec.order_weights is not None:
            setup.append(
                (self.tr("Order weights (orness)"), ", ".join(f"{v:.4g}" for v in spec.order_weights) + f"  ({orness(spec.order_weights):.3f})")
            )
        setup_html = report.table([self.tr("Item"), self.tr("Value")], setup, left_columns=2)

        weight_rows = [[names[i], float(spec.weights[i])] for i in range(spec.n)]
        weight_note = (
            self.tr("Weights are used as given (share of each hazard that acts).")
            if spec.method == OverlayMethod.PROBABILISTIC_UNION
            else (self.tr("Weights are ignored by the maximum.") if spec.method == OverlayMethod.MAXIMUM else self.tr("Weights normalised to sum 1."))
        )
        weights_html = report.table([self.tr("Hazard"), self.tr("Weight")], weight_rows) + f'<p class="note">{report.esc(weight_note)}</p>'
        if spec.interactions is not None:
            rows = [[names[i]] + [float(v) for v in spec.interactions[i]] for i in range(spec.n)]
            weights_html += "<p>" + report.esc(self.tr("Interactions mᵢⱼ: row i triggers, column j is amplified by 1 + mᵢⱼ where hᵢ ≥ T")) + "</p>"
            weights_html += report.table([self.tr("Trigger \\ affected")] + names, rows)

        total_dominant = max(int(stats.dominant_cells[1:].sum()), 1)
        hazard_rows = []
        for i in range(spec.n):
            hazard_rows.append(
                [
                    names[i],
                    int(stats.count[i]),
                    float(stats.minimum[i]),
                    float(stats.maximum[i]),
                    float(stats.mean[i]),
                    float(stats.std[i]),
                    100.0 * stats.above[i] / max(stats.count[i], 1),
                    float(stats.above[i] * ha),
                    100.0 * stats.dominant_cells[i + 1] / total_dominant,
                ]
            )
        hazard_html = report.table(
            [
                self.tr("Hazard"),
                self.tr("Valid cells"),
                self.tr("Min"),
                self.tr("Max"),
                self.tr("Mean"),
                self.tr("Std. dev."),
                self.tr("≥ T (%)"),
                self.tr("≥ T (ha)"),
                self.tr("Dominant (%)"),
            ],
            hazard_rows,
        )
        hazard_html += report.bar_chart(names, [100.0 * stats.dominant_cells[i + 1] / total_dominant for i in range(spec.n)], " %")

        r = stats.correlation()
        corr_html = (
            report.table(
                [""] + names,
                [[names[i]] + [float(v) for v in r[i]] for i in range(spec.n)],
                colours=[[None] + [report.correlation_colour(float(v)) for v in r[i]] for i in range(spec.n)],
            )
            + '<p class="note">'
            + report.esc(self.tr("Pearson correlation over the {n} cells where every hazard has a value.").format(n=f"{stats.joint_count:,}"))
            + "</p>"
        )

        hot_rows = [
            [str(k), int(stats.hotspot_cells[k]), float(stats.hotspot_cells[k] * ha), 100.0 * stats.hotspot_cells[k] / max(stats.index_count, 1)]
            for k in range(spec.n + 1)
        ]
        hot_html = report.table([self.tr("Hazards ≥ T"), self.tr("Cells"), self.tr("Area (ha)"), self.tr("Share (%)")], hot_rows)

        mean_index = stats.index_sum / max(stats.index_count, 1)
        index_html = report.table(
            [self.tr("Valid cells"), self.tr("Min"), self.tr("Max"), self.tr("Mean")],
            [[int(stats.index_count), stats.index_min, stats.index_max, mean_index]],
            left_columns=0,
        )
        return report.document(
            self.tr("Multi-hazard overlay report"),
            [
                (self.tr("Method and formula"), setup_html),
                (self.tr("Weights"), weights_html),
                (self.tr("Hazards"), hazard_html),
                (self.tr("Hazard correlation"), corr_html),
                (self.tr("Multi-hazard hotspots"), hot_html),
                (self.tr("Risk index"), index_html),
            ],
        )
