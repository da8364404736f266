"""tsr:riskzoning — risk grades, zones and risk control lines (风险分区与风险控制线)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from shapely import wkb

from ..algorithms.engine.raster_io import Grid, RasterSource, is_compressed, write_array
from ..algorithms.raster import classify
from ..algorithms.raster.zoning import (
    GRADE_LABELS,
    check_classes,
    check_manual_breaks,
    check_min_area,
    control_lines,
    controlled_area_ha,
    empty_grades_note,
    grade_cell_counts,
    grade_raster,
    grade_zones,
    min_area_cells,
    sieve_grades,
    study_area_row,
    unit_area_rows,
    zone_records,
)
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm, require_projected_crs
from .common.qgis_compat import WKB_LINESTRING, WKB_MULTIPOLYGON, WKB_NOGEOMETRY, field
from .common.reports.riskzoning import ZoningReport, zoning_report
from .common.shapes import to_qgs


def grade_label(k: int, g: int) -> str:
    """Grade label in the user's language (the .ts gives 低 / 较低 / 中 / 较高 / 高 …)."""
    return tr(GRADE_LABELS[k][0][g - 1])


class RiskZoning(TsrAlgorithm):
    ALG_ID = "riskzoning"

    INPUT = "INPUT"
    CLASSES = "CLASSES"
    METHOD = "METHOD"
    BREAKS = "BREAKS"
    MIN_AREA = "MIN_AREA"
    CONTROL_GRADE = "CONTROL_GRADE"
    UNITS = "UNITS"
    UNIT_FIELD = "UNIT_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_ZONES = "OUTPUT_ZONES"
    OUTPUT_LINES = "OUTPUT_LINES"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_HTML = "OUTPUT_HTML"
    BREAKS_USED = "BREAKS_USED"
    CONTROLLED_AREA_HA = "CONTROLLED_AREA_HA"
    GVF = "GVF"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Risk zoning and control lines")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Grade a risk surface into zones (natural breaks and other methods) and draw the risk control lines")

    def tags(self) -> list[str]:
        return self.tr("risk,zoning,grade,classification,natural breaks,jenks,quantile,control line,风险分区,风险控制线,自然断点").split(",")

    @staticmethod
    def method_options() -> list[str]:
        return [
            tr("Natural breaks (Fisher–Jenks)"),
            tr("Quantile"),
            tr("Equal interval"),
            tr("Standard deviation"),
            tr("Manual breaks"),
        ]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Risk surface")))
        self.addParameter(
            QgsProcessingParameterNumber(self.CLASSES, self.tr("Number of grades"), QgsProcessingParameterNumber.Type.Integer, 5, False, 2, 9)
        )
        self.addParameter(QgsProcessingParameterEnum(self.METHOD, self.tr("Classification method"), options=self.method_options(), defaultValue=0))
        breaks = QgsProcessingParameterString(self.BREAKS, self.tr("Manual breaks"), optional=True, defaultValue="")
        breaks.setHelp(
            self.tr(
                "For the manual method: the k − 1 inner breaks as an increasing comma list (e.g. 0.2, 0.4, 0.6, 0.8 for 5 grades); "
                "a value equal to a break belongs to the lower grade. BREAKS_USED of an earlier run gives the same grades."
            )
        )
        self.addParameter(breaks)
        self.addParameter(
            QgsProcessingParameterNumber(self.MIN_AREA, self.tr("Minimum patch area (ha)"), QgsProcessingParameterNumber.Type.Double, 1.0, False, 0.0)
        )
        control = QgsProcessingParameterNumber(
            self.CONTROL_GRADE, self.tr("Lowest grade of the controlled zone"), QgsProcessingParameterNumber.Type.Integer, None, True, 1, 9
        )
        control.setHelp(self.tr("Grades from this one up form the controlled zone, outlined by the risk control lines. Empty = the top grade only."))
        self.addParameter(control)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.UNITS, self.tr("Administrative units"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(self.UNIT_FIELD, self.tr("Unit name field"), parentLayerParameterName=self.UNITS, optional=True)
        )
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Risk grades")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_ZONES, self.tr("Risk zones"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_LINES, self.tr("Risk control lines"), QgsProcessing.SourceType.TypeVectorLine)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE, self.tr("Area per grade and unit"), QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Zoning report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputString(self.BREAKS_USED, self.tr("Breaks used")))
        self.addOutput(QgsProcessingOutputNumber(self.CONTROLLED_AREA_HA, self.tr("Area of the controlled zone (ha)")))
        self.addOutput(QgsProcessingOutputNumber(self.GVF, self.tr("Goodness of variance fit")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        path = self.raster_file(layer, self.tr("Risk surface"))
        require_projected_crs(layer.crs(), self.tr("The risk surface"))
        k = self.parameterAsInt(parameters, self.CLASSES, context)
        method = self.parameterAsEnum(parameters, self.METHOD, context)
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        units = self.parameterAsSource(parameters, self.UNITS, context) if parameters.get(self.UNITS) else None
        unit_field = self.parameterAsString(parameters, self.UNIT_FIELD, context)
        if units is not None:
            if units.featureCount() == 0:
                raise QgsProcessingException(self.tr("The administrative unit layer has no features"))
            if unit_field and units.fields().lookupField(unit_field) < 0:
                raise QgsProcessingException(self.tr("The unit layer has no field '{name}'").format(name=unit_field))
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)

        breaks_text = self.parameterAsString(parameters, self.BREAKS, context)
        with self.core_errors():
            grid = Grid.of(path)
            source = RasterSource(path)
            check_classes(k)
            manual = None
            if method == classify.BreakMethod.MANUAL:
                # the count of manual breaks must match CLASSES: never another number of grades
                manual = classify.manual_breaks(breaks_text)
                check_manual_breaks(len(manual.values), k)
            elif breaks_text.strip():
                feedback.pushInfo(self.tr("The manual breaks are used only by the manual method; they were ignored."))
            cells = min_area_cells(min_area, grid.cell_area)
            progress = self.progress_range
            vmin, vmax, summary = classify.summarise_raster(grid, source, progress(feedback, 0, 35), feedback.isCanceled)
            breaks = classify.method_breaks(method, summary, k, vmin, vmax, manual)
            for note in breaks.notes:
                feedback.pushWarning(note.translated(tr))
            if breaks.classes != k:
                raise QgsProcessingException(
                    self.tr("Only {got} grades can be formed from this raster instead of {k}; lower the number of grades").format(
                        got=breaks.classes, k=k
                    )
                )
            control_grade = (
                self.parameterAsInt(parameters, self.CONTROL_GRADE, context) if parameters.get(self.CONTROL_GRADE) not in (None, "") else k
            )
            if not 1 <= control_grade <= k:
                raise QgsProcessingException(
                    self.tr("The controlled zone starts at grade {g}, but there are only {k} grades").format(g=control_grade, k=k)
                )

            check_min_area(cells, summary.count, min_area, grid.cell_area)
            grades = grade_raster(grid, source, breaks, progress(feedback, 35, 55), feedback.isCanceled)
            if cells > 1:
                feedback.pushInfo(self.tr("Merging patches smaller than {ha:g} ha ({cells} cells)").format(ha=min_area, cells=cells))
                grades = sieve_grades(grades, cells)
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled: no output was written"))
            write_array(
                output,
                grades,
                grid,
                nodata=0,
                description=self.tr("risk grade (1 = lowest)"),
                compress=is_compressed(path),
                cancelled=feedback.isCanceled,
            )
            feedback.setProgress(65)

        labels = [grade_label(k, g) for g in range(1, k + 1)]
        styles.style_on_load(context, output, styles.palette(range(1, k + 1), styles.GRADE_COLOURS[k], labels))
        cells_per_grade = grade_cell_counts(grades, k)
        note = empty_grades_note(cells_per_grade, k, vmin, vmax, sieved=cells > 1)
        if note is not None:
            feedback.reportError(note.translated(tr), fatalError=False)
        records = zone_records(cells_per_grade, grid.cell_area, k)
        # exact (shortest round-trip) values: fed back as BREAKS they give the very same grades
        results = {self.OUTPUT: output, self.BREAKS_USED: classify.breaks_text(breaks)}
        results.update(self.write_zones(parameters, context, grades, grid, records, k, layer.crs()))
        feedback.setProgress(75)
        lines_id, controlled_ha = self.write_lines(parameters, context, grades, grid, control_grade, layer.crs(), cells_per_grade)
        results[self.OUTPUT_LINES] = lines_id
        results[self.CONTROLLED_AREA_HA] = float(controlled_ha)
        feedback.setProgress(85)
        unit_rows, unit_problems = (
            self.unit_rows(units, unit_field, grades, grid, k, control_grade, layer.crs(), context, feedback) if units is not None else (None, [])
        )
        table_id = self.write_table(parameters, context, unit_rows, records, k, control_grade)
        if table_id:
            results[self.OUTPUT_TABLE] = table_id
        gvf = classify.goodness_of_variance_fit(summary, breaks)
        results[self.GVF] = float(gvf)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            edges, counts = classify.value_histogram(summary)
            zoning = ZoningReport(
                self.method_options()[method],
                k,
                breaks,
                gvf,
                min_area,
                control_grade,
                controlled_ha,
                labels,
                edges,
                counts,
                records,
                unit_rows,
                unit_problems,
            )
            report.write(html_path, zoning_report(zoning))
            results[self.OUTPUT_HTML] = html_path
        feedback.pushInfo(self.tr("Breaks used: {breaks}").format(breaks=results[self.BREAKS_USED]))
        feedback.setProgress(100)
        return results

    def write_zones(self, parameters, context, grades, grid, records, k, crs) -> dict:
        fields = QgsFields()
        for name, kind in (
            ("grade", "int"),
            ("label", "string"),
            ("label_en", "string"),
            ("label_zh", "string"),
            ("area_ha", "double"),
            ("share_pct", "double"),
        ):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_ZONES, context, fields, WKB_MULTIPOLYGON, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_ZONES))
        zones = grade_zones(grades, grid.transform)
        for record in records:
            if record.grade not in zones:
                continue
            feature = QgsFeature(fields)
            feature.setGeometry(to_qgs(zones[record.grade]))
            feature.setAttributes(
                [record.grade, grade_label(k, record.grade), record.label_en, record.label_zh, round(record.area_ha, 4), round(record.share_pct, 4)]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        styles.style_on_load(context, dest, styles.zones(styles.GRADE_COLOURS[k], [grade_label(k, g) for g in range(1, k + 1)]))
        return {self.OUTPUT_ZONES: dest}

    def write_lines(self, parameters, context, grades, grid, control_grade, crs, cells_per_grade):
        fields = QgsFields()
        for name, kind in (("line_id", "int"), ("kind", "string"), ("min_grade", "int"), ("length_m", "double")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_LINES, context, fields, WKB_LINESTRING, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_LINES))
        for i, (line, kind) in enumerate(control_lines(grades, control_grade, grid.transform), start=1):
            feature = QgsFeature(fields)
            feature.setGeometry(to_qgs(line))
            feature.setAttributes([i, kind, control_grade, round(line.length, 3)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        styles.style_on_load(context, dest, styles.control_lines)
        return dest, controlled_area_ha(cells_per_grade, control_grade, grid.cell_area)

    def unit_rows(self, units, unit_field, grades, grid, k, control_grade, crs, context, feedback) -> tuple[list[list], list[tuple[str, str]]]:
        """One row per unit, none dropped: a unit without geometry, whose geometry cannot be
        transformed to the risk surface's CRS, or that holds no graded cell keeps a row of zero
        areas, and the log lists it with the reason."""
        if not units.sourceCrs().isValid():
            feedback.reportError(
                self.tr(
                    "The administrative unit layer has no coordinate reference system; its coordinates are taken to be in the risk surface's CRS"
                ),
                fatalError=False,
            )
        transform = QgsCoordinateTransform(units.sourceCrs(), crs, context.transformContext())
        names, geometries, problems, repaired = [], [], {}, 0
        # Geometry validity is handled here (repaired, or counted), never by the context's check:
        # that check throws from inside the Python loop and leaves the interpreter unusable.
        for feature in units.getFeatures(QgsFeatureRequest(), QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks):
            value = feature[unit_field] if unit_field else None
            name = (
                str(value)
                if unit_field and value is not None and not (hasattr(value, "isNull") and value.isNull())
                else self.tr("unit {id}").format(id=feature.id())
            )
            names.append(name)
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                problems[len(geometries)] = self.tr("no geometry")
                geometries.append(None)
                continue
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
                repaired += 1
            try:
                geometry.transform(transform)
            except QgsCsException:
                problems[len(geometries)] = self.tr("its coordinates cannot be transformed to the risk surface's CRS")
                geometries.append(None)
                continue
            shape = wkb.loads(bytes(geometry.asWkb())) if not geometry.isEmpty() else None
            if shape is None or shape.is_empty:
                problems[len(geometries)] = self.tr("no geometry")
            geometries.append(shape)
        if repaired:
            feedback.pushInfo(self.tr("{n} unit geometries were invalid and were repaired (makeValid) before measuring").format(n=repaired))
        skipped = units.featureCount() - len(names)
        if skipped > 0:
            feedback.reportError(
                self.tr(
                    "{n} unit(s) were skipped by QGIS's invalid-geometry filter and are not in the table; fix their geometries (Vector ▸ Geometry "
                    "Tools ▸ Fix Geometries)"
                ).format(n=skipped),
                fatalError=False,
            )
        if all(g is None for g in geometries):
            raise QgsProcessingException(self.tr("The administrative unit layer has no usable geometry"))
        rows, empty = unit_area_rows(names, geometries, grades, grid.transform, k, control_grade, grid.cell_area)
        for i in empty:
            problems.setdefault(i, self.tr("it holds no graded cell of the risk surface (outside it, over nodata, or smaller than a cell)"))
        if problems:
            listed = "; ".join(f"{names[i]}: {reason}" for i, reason in sorted(problems.items()))
            feedback.reportError(
                self.tr("{n} of {total} units have zero area in the table: {units}").format(n=len(problems), total=len(names), units=listed),
                fatalError=False,
            )
        return rows, [(names[i], reason) for i, reason in sorted(problems.items())]

    def write_table(self, parameters, context, unit_rows, records, k, control_grade):
        fields = QgsFields()
        fields.append(field("unit", "string"))
        for g in range(1, k + 1):
            fields.append(field(f"grade{g}_ha", "double"))
        for name in ("total_ha", "controlled_ha", "controlled_pct"):
            fields.append(field(name, "double"))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, WKB_NOGEOMETRY)
        if sink is None:
            return None
        if unit_rows is None:
            unit_rows = [[self.tr("Study area")] + study_area_row(records, control_grade)]
        for row in unit_rows:
            feature = QgsFeature(fields)
            feature.setAttributes([row[0]] + [round(v, 4) for v in row[1:]])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest
