"""tsr:setsindex — SETS (social, ecological, technological) resilience index of planning units."""

from __future__ import annotations

import math
from contextlib import contextmanager
from typing import Iterator

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..algorithms.common.messages import InputError
from ..algorithms.mcda.sets_index import (
    GRADE_LABELS,
    LEVEL_KEYS,
    LEVEL_LABELS,
    Aggregation,
    Level,
    ParentResult,
    SetsResult,
    SetsSpec,
    Weighting,
    parent_level,
    parent_scores,
    parents_missing_geometry,
    sets_index,
)
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm
from .common.qgis_compat import FIELD_NUMERIC, WKB_MULTIPOLYGON, field, plain
from .common.reports.setsindex import SetsReport, grade_label, localised, sets_report

#: Fields added to every unit; an input field of the same name (any case) is replaced.
RESULT_FIELDS = (
    ("S_index", "double"),
    ("E_index", "double"),
    ("T_index", "double"),
    ("resilience", "double"),
    ("grade", "int"),
    ("label", "string"),
    ("label_en", "string"),
    ("label_zh", "string"),
    ("weakest", "string"),
    ("rank", "int"),
    ("level", "string"),
)
#: Fields that name a unit in the report and the log, tried in this order (any case).
NAME_FIELDS = ("name", "unit_name", "名称", "mc", "code")


class SetsIndex(TsrAlgorithm):
    ALG_ID = "setsindex"
    GROUP_ID = "sets"

    INPUT = "INPUT"
    SOCIAL_FIELDS = "SOCIAL_FIELDS"
    ECOLOGICAL_FIELDS = "ECOLOGICAL_FIELDS"
    TECHNOLOGICAL_FIELDS = "TECHNOLOGICAL_FIELDS"
    NEGATIVE_FIELDS = "NEGATIVE_FIELDS"
    WEIGHTING = "WEIGHTING"
    WEIGHTS = "WEIGHTS"
    DIMENSION_WEIGHTS = "DIMENSION_WEIGHTS"
    AGGREGATION = "AGGREGATION"
    LEVEL = "LEVEL"
    PARENT_FIELD = "PARENT_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_PARENT = "OUTPUT_PARENT"
    OUTPUT_HTML = "OUTPUT_HTML"
    MEAN_RESILIENCE = "MEAN_RESILIENCE"
    WEIGHTS_USED = "WEIGHTS_USED"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("SETS resilience index")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "Score planning units on the social, ecological and technological dimensions of resilience, grade and rank them, and aggregate them to "
            "the level above"
        )

    def tags(self) -> list[str]:
        return self.tr(
            "SETS,resilience,index,social,ecological,technological,entropy weight,CRITIC,township,county,韧性,社会生态技术系统,熵权法,指标"
        ).split(",")

    @staticmethod
    def weighting_options() -> list[str]:
        return [tr("Equal weights"), tr("Entropy weight method"), tr("CRITIC"), tr("Given weights (WEIGHTS)")]

    @staticmethod
    def aggregation_options() -> list[str]:
        return [tr("Weighted sum"), tr("Weighted geometric mean")]

    @staticmethod
    def level_options() -> list[str]:
        return [tr(label) for label in LEVEL_LABELS[0]]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Planning units (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon])
        )
        for name, label in (
            (self.SOCIAL_FIELDS, self.tr("Social (S) indicator fields")),
            (self.ECOLOGICAL_FIELDS, self.tr("Ecological (E) indicator fields")),
            (self.TECHNOLOGICAL_FIELDS, self.tr("Technological (T) indicator fields")),
        ):
            self.addParameter(QgsProcessingParameterField(name, label, parentLayerParameterName=self.INPUT, type=FIELD_NUMERIC, allowMultiple=True))
        self.addParameter(
            QgsProcessingParameterField(
                self.NEGATIVE_FIELDS,
                self.tr("Negative indicators (higher is worse)"),
                parentLayerParameterName=self.INPUT,
                type=FIELD_NUMERIC,
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.WEIGHTING, self.tr("Indicator weighting"), options=self.weighting_options(), defaultValue=int(Weighting.ENTROPY)
            )
        )
        weights = QgsProcessingParameterString(self.WEIGHTS, self.tr("Given indicator weights"), optional=True, defaultValue="")
        weights.setHelp(
            self.tr(
                "For the given weighting only: comma list, one weight per indicator field, the social fields first, then the ecological, "
                "then the technological ones; renormalised within each dimension."
            )
        )
        dimension_weights = QgsProcessingParameterString(self.DIMENSION_WEIGHTS, self.tr("Dimension weights S, E, T"), optional=True, defaultValue="")
        dimension_weights.setHelp(self.tr("Comma list of three weights for S, E and T, normalised to sum 1; empty = equal (1/3 each)."))
        for parameter in (weights, dimension_weights):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.AGGREGATION,
                self.tr("Aggregation of the dimensions"),
                options=self.aggregation_options(),
                defaultValue=int(Aggregation.WEIGHTED_SUM),
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.LEVEL, self.tr("Level of the units"), options=self.level_options(), defaultValue=int(Level.TOWNSHIP))
        )
        parent = QgsProcessingParameterField(self.PARENT_FIELD, self.tr("Parent unit field"), parentLayerParameterName=self.INPUT, optional=True)
        parent.setHelp(self.tr("Code of the unit of the level above (e.g. the county of each township): the units are aggregated to it."))
        population = QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.INPUT, type=FIELD_NUMERIC, optional=True
        )
        population.setHelp(self.tr("Population of each unit: the parent scores are population-weighted means; empty = unweighted means."))
        for parameter in (parent, population):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("SETS resilience of the units"), QgsProcessing.SourceType.TypeVectorPolygon)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_PARENT,
                self.tr("SETS resilience of the parent units"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("SETS report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.MEAN_RESILIENCE, self.tr("Mean resilience of the units")))
        self.addOutput(QgsProcessingOutputString(self.WEIGHTS_USED, self.tr("Indicator weights used (comma list, within each dimension)")))

    @contextmanager
    def sets_errors(self) -> Iterator[None]:
        """core_errors(), with the dimension words of the core's messages translated."""
        with self.core_errors():
            try:
                yield
            except InputError as error:
                raise QgsProcessingException(localised(error.message)) from None

    # --- parameters --------------------------------------------------------------------------

    def field_names(self, parameters, name, context) -> list[str]:
        # parameterAsStrings replaces parameterAsFields from QGIS 3.40
        read = getattr(self, "parameterAsStrings", None) or self.parameterAsFields
        return [f for f in (read(parameters, name, context) or []) if f]

    def check_fields(self, fields: QgsFields, names: list[str], numeric: bool = True) -> list[str]:
        """The fields' names as the layer spells them; a missing or (when `numeric`) non-numeric
        field is refused with a message that names it."""
        missing = [n for n in names if fields.lookupField(n) < 0]
        if missing:
            raise QgsProcessingException(
                self.tr("The unit layer has no field(s) {fields}; its fields are {available}").format(
                    fields=", ".join(f"'{n}'" for n in missing), available=", ".join(f.name() for f in fields)
                )
            )
        if numeric:
            for n in names:
                f = fields.at(fields.lookupField(n))
                if not f.isNumeric():
                    raise QgsProcessingException(
                        self.tr(
                            "The field '{field}' is of type {type}, not a number; indicator and population fields must be numeric (convert it with "
                            'the field calculator, e.g. to_real("{field}"))'
                        ).format(field=n, type=f.typeName())
                    )
        return [fields.at(fields.lookupField(n)).name() for n in names]

    @staticmethod
    def name_field(fields: QgsFields) -> int:
        """Index of the field that names units in reports (see NAME_FIELDS), else the first text
        field, else -1 (feature ids)."""
        lower = [f.name().lower() for f in fields]
        for candidate in NAME_FIELDS:
            if candidate in lower:
                return lower.index(candidate)
        for i, f in enumerate(fields):
            if not f.isNumeric() and f.typeName().lower() in ("string", "text", "varchar", "char"):
                return i
        return -1

    # --- run ---------------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        fields = source.fields()
        groups = [
            self.check_fields(fields, self.field_names(parameters, p, context))
            for p in (self.SOCIAL_FIELDS, self.ECOLOGICAL_FIELDS, self.TECHNOLOGICAL_FIELDS)
        ]
        negative = self.check_fields(fields, self.field_names(parameters, self.NEGATIVE_FIELDS, context))
        parent_field = self.parameterAsString(parameters, self.PARENT_FIELD, context)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        if parent_field:
            parent_field = self.check_fields(fields, [parent_field], numeric=False)[0]
        if population_field:
            population_field = self.check_fields(fields, [population_field])[0]
        level = Level(self.parameterAsEnum(parameters, self.LEVEL, context))
        with self.sets_errors():
            spec = SetsSpec.build(
                *groups,
                negative=negative,
                weighting=self.parameterAsEnum(parameters, self.WEIGHTING, context),
                weights=self.parameterAsString(parameters, self.WEIGHTS, context),
                dimension_weights=self.parameterAsString(parameters, self.DIMENSION_WEIGHTS, context),
                aggregation=self.parameterAsEnum(parameters, self.AGGREGATION, context),
                level=level,
            )
            if parent_field:
                parent_level(level)
        if population_field and not parent_field:
            feedback.pushInfo(self.tr("The population field is used only to aggregate to parent units; no parent field was given"))

        # read the units
        features: list[QgsFeature] = []
        values: dict[str, list] = {n: [] for n in spec.all_fields}
        parents, population, names = [], [], []
        no_geometry: list[int] = []
        name_index = self.name_field(fields)
        total = source.featureCount()
        step = 40.0 / total if total > 0 else 0.0
        for i, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled: no output was written"))
            features.append(feature)
            for n in spec.all_fields:
                values[n].append(plain(feature[n]))
            if parent_field:
                parents.append(plain(feature[parent_field]))
            if population_field:
                population.append(plain(feature[population_field]))
            label = plain(feature.attribute(name_index)) if name_index >= 0 else None
            names.append(str(label) if label not in (None, "") else f"#{feature.id()}")
            geometry = feature.geometry()
            if geometry is None or geometry.isNull() or geometry.isEmpty():
                no_geometry.append(i)
            feedback.setProgress(i * step)

        # every score, and every error, before any output is written
        parent = None
        with self.sets_errors():
            result = sets_index(values, spec, names)
            if parent_field:
                parent = parent_scores(result.indices, result.resilience, parents, level, population if population_field else None, names)
        for note in result.notes + (parent.notes if parent is not None else ()):
            feedback.pushWarning(localised(note))
        geometry_notes = self.geometry_notes(no_geometry, names, parent)
        for text in geometry_notes:
            feedback.pushWarning(text)
        weights_used = result.weights_text()
        feedback.pushInfo(
            self.tr("Indicator weights ({method}): {weights}").format(
                method=self.weighting_options()[spec.weighting], weights=", ".join(f"{i.name} {i.weight:.4f}" for i in result.indicators)
            )
        )
        feedback.setProgress(45)

        results = {
            self.MEAN_RESILIENCE: float(result.resilience.mean()),
            self.WEIGHTS_USED: weights_used,
        }
        results[self.OUTPUT] = self.write_units(parameters, context, feedback, source, features, result)
        feedback.setProgress(70)

        if parent is not None:
            dest = self.write_parents(parameters, context, feedback, source, features, parent, fields.at(fields.lookupField(parent_field)))
            if dest:
                results[self.OUTPUT_PARENT] = dest
        feedback.setProgress(90)

        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            content = SetsReport(
                result,
                names,
                self.weighting_options()[spec.weighting],
                self.aggregation_options()[spec.aggregation],
                parent,
                parent_field,
                geometry_notes,
            )
            report.write(html_path, sets_report(content))
            results[self.OUTPUT_HTML] = html_path
        feedback.pushInfo(self.tr("Mean resilience of the {count} units: {mean:.4f}").format(count=result.m, mean=results[self.MEAN_RESILIENCE]))
        feedback.setProgress(100)
        return results

    @staticmethod
    def geometry_notes(no_geometry: list[int], names: list[str], parent: ParentResult | None) -> list[str]:
        """What happens to units without geometry (NULL or empty): they keep their attributes,
        are scored, ranked and counted in their parent like any unit, and are written without a
        geometry; a parent's outline is the union of its members that have one."""
        if not no_geometry:
            return []
        shown = ", ".join(names[i] for i in no_geometry[:10]) + (" …" if len(no_geometry) > 10 else "")
        notes = [
            tr(
                "{count} of the {total} units have no geometry (NULL or empty): {units}; they are scored, ranked and written without a geometry"
            ).format(count=len(no_geometry), total=len(names), units=shown)
        ]
        for key, left, members in parents_missing_geometry(no_geometry, parent) if parent is not None else ():
            notes.append(
                tr(
                    "The outline of the parent unit {parent} leaves out {count} of its {total} units, which have no geometry; its scores include them"
                ).format(parent=key, count=left, total=members)
            )
        return notes

    # --- outputs -----------------------------------------------------------------------------

    @staticmethod
    def score_attributes(indices, resilience: float, grade: int, weakest: str, rank: int, level: Level) -> list:
        return [
            float(indices[0]),
            float(indices[1]),
            float(indices[2]),
            float(resilience),
            int(grade),
            grade_label(int(grade)),
            GRADE_LABELS[0][int(grade) - 1],
            GRADE_LABELS[1][int(grade) - 1],
            str(weakest),
            int(rank),
            LEVEL_KEYS[int(level)],
        ]

    def write_units(self, parameters, context, feedback, source, features, result: SetsResult) -> str:
        added = {name.lower() for name, _ in RESULT_FIELDS}
        fields = QgsFields()
        kept = []
        for i, f in enumerate(source.fields()):
            if f.name().lower() in added:
                feedback.pushWarning(self.tr("The input field '{field}' is replaced by the computed one of the same name").format(field=f.name()))
                continue
            fields.append(QgsField(f))
            kept.append(i)
        for name, kind in RESULT_FIELDS:
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        level = result.spec.level
        for i, feature in enumerate(features):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled: no output was written"))
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            attributes = feature.attributes()
            out.setAttributes(
                [attributes[k] for k in kept]
                + self.score_attributes(result.indices[i], result.resilience[i], result.grades[i], result.weakest[i], result.ranks[i], level)
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(45 + 25 * (i + 1) / len(features))
        styles.style_on_load(context, dest, styles.zones(styles.RESILIENCE_COLOURS, [grade_label(g) for g in range(1, 6)]))
        return dest

    def write_parents(self, parameters, context, feedback, source, features, parent: ParentResult, parent_qfield: QgsField) -> str | None:
        fields = QgsFields()
        key_field = QgsField(parent_qfield)
        key_field.setName("parent")
        fields.append(key_field)
        fields.append(field("units", "int"))
        fields.append(field("population", "double"))
        for name, kind in RESULT_FIELDS:
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_PARENT, context, fields, WKB_MULTIPOLYGON, source.sourceCrs())
        if sink is None:
            return None
        for g, key in enumerate(parent.keys):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled: no output was written"))
            geometries = []
            for i in parent.members[g]:
                geometry = QgsGeometry(features[i].geometry())
                if geometry.isNull() or geometry.isEmpty():
                    continue
                if not geometry.isGeosValid():
                    geometry = geometry.makeValid()
                geometries.append(geometry)
            out = QgsFeature(fields)
            if geometries:
                union = QgsGeometry.unaryUnion(geometries)
                union.convertToMultiType()
                out.setGeometry(union)
            population = float(parent.population[g])
            out.setAttributes(
                [key, len(parent.members[g]), population if math.isfinite(population) else None]
                + self.score_attributes(parent.indices[g], parent.resilience[g], parent.grades[g], parent.weakest[g], parent.ranks[g], parent.level)
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(70 + 20 * (g + 1) / len(parent.keys))
        styles.style_on_load(context, dest, styles.zones(styles.RESILIENCE_COLOURS, [grade_label(g) for g in range(1, 6)]))
        return dest
