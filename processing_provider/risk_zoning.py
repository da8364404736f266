"""tsr:riskzoning — risk grades, zones and risk control lines (风险分区与风险控制线)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
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

from ..algorithms.raster import classify
from ..algorithms.raster.zoning import GRADE_LABELS, control_lines, grade_zones
from ..algorithms.raster.zoning_job import LINE_FIELDS, ZONE_FIELDS, ZoningRequest, grade_surface, study_table, table_fields, table_row, unit_table
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm, require_projected_crs
from .common.engine_setting import engine_in_use
from .common.qgis_compat import WKB_LINESTRING, WKB_MULTIPOLYGON, WKB_NOGEOMETRY, field
from .common.reports.riskzoning import ZoningReport, zoning_report
from .common.shapes import straight, to_qgs, to_shapely


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
        units = self.parameterAsSource(parameters, self.UNITS, context) if parameters.get(self.UNITS) else None
        unit_field = self.parameterAsString(parameters, self.UNIT_FIELD, context)
        if units is not None:
            if units.featureCount() == 0:
                raise QgsProcessingException(self.tr("The administrative unit layer has no features"))
            if unit_field and units.fields().lookupField(unit_field) < 0:
                raise QgsProcessingException(self.tr("The unit layer has no field '{name}'").format(name=unit_field))
        request = ZoningRequest(
            input=path,
            output=self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
            classes=self.parameterAsInt(parameters, self.CLASSES, context),
            method=classify.BreakMethod(self.parameterAsEnum(parameters, self.METHOD, context)),
            breaks=self.parameterAsString(parameters, self.BREAKS, context),
            min_area=self.parameterAsDouble(parameters, self.MIN_AREA, context),
            control_grade=(
                self.parameterAsInt(parameters, self.CONTROL_GRADE, context) if parameters.get(self.CONTROL_GRADE) not in (None, "") else None
            ),
            unit_field=unit_field,
        )
        with self.core_errors(), engine_in_use() as engine:
            result = grade_surface(
                request,
                engine=engine,
                progress=self.progress_range(feedback, 0, 65),
                cancelled=feedback.isCanceled,
                log=lambda message: feedback.pushInfo(self.say(message)),
                warn=lambda message: feedback.pushWarning(self.say(message)),
                translate=self.tr,
            )
        feedback.setProgress(65)
        output, k, grid, grades = request.output, result.classes, result.grid, result.grades
        labels = [grade_label(k, g) for g in range(1, k + 1)]
        styles.style_on_load(context, output, styles.palette(range(1, k + 1), styles.GRADE_COLOURS[k], labels))
        if result.empty_note is not None:
            feedback.reportError(self.say(result.empty_note), fatalError=False)
        records = list(result.records)
        # exact (shortest round-trip) values: fed back as BREAKS they give the very same grades
        results = {self.OUTPUT: output, self.BREAKS_USED: result.breaks_used}
        results.update(self.write_zones(parameters, context, grades, grid, records, k, layer.crs()))
        feedback.setProgress(75)
        results[self.OUTPUT_LINES] = self.write_lines(parameters, context, grades, grid, result.control_grade, layer.crs())
        results[self.CONTROLLED_AREA_HA] = float(result.controlled_ha)
        feedback.setProgress(85)
        unit_rows, unit_problems = self.unit_rows(units, unit_field, result, layer.crs(), context, feedback) if units is not None else (None, [])
        table_id = self.write_table(parameters, context, unit_rows, result)
        if table_id:
            results[self.OUTPUT_TABLE] = table_id
        results[self.GVF] = float(result.gvf)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            edges, counts = classify.value_histogram(result.summary)
            zoning = ZoningReport(
                self.method_options()[request.method],
                k,
                result.breaks,
                result.gvf,
                request.min_area,
                result.control_grade,
                result.controlled_ha,
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

    def say(self, message) -> str:
        """A core message in the user's language: the shared context first, then this
        algorithm's, where the message was translated while it was said here."""
        return message.translated(lambda text: tr(text) if tr(text) != text else self.tr(text))

    def write_zones(self, parameters, context, grades, grid, records, k, crs) -> dict:
        fields = QgsFields()
        for name, kind in ZONE_FIELDS:
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

    def write_lines(self, parameters, context, grades, grid, control_grade, crs):
        fields = QgsFields()
        for name, kind in LINE_FIELDS:
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
        return dest

    def unit_rows(self, units, unit_field, result, crs, context, feedback) -> tuple[list[list], list[tuple[str, str]]]:
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
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                problems[len(geometries)] = self.tr("no geometry")
                geometries.append(None)
                continue
            geometry = straight(geometry)
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
                repaired += 1
            try:
                geometry.transform(transform)
            except QgsCsException:
                problems[len(geometries)] = self.tr("its coordinates cannot be transformed to the risk surface's CRS")
                geometries.append(None)
                continue
            shape = to_shapely(geometry) if not geometry.isEmpty() else None
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
        with self.core_errors():
            rows, listed, note = unit_table(result, names, geometries, problems, tr)
        if note is not None:
            feedback.reportError(self.say(note), fatalError=False)
        return rows, listed

    def write_table(self, parameters, context, unit_rows, result):
        fields = QgsFields()
        for name, kind in table_fields(result.classes):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, WKB_NOGEOMETRY)
        if sink is None:
            return None
        if unit_rows is None:
            unit_rows = study_table(result, self.tr("Study area"))
        for row in unit_rows:
            feature = QgsFeature(fields)
            feature.setAttributes(table_row(row))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest
