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

from ..algorithms.common.messages import InputError, Message
from ..algorithms.mcda.sets_index import (
    DIMENSION_NAMES,
    DIMENSION_NAMES_ZH,
    DIMENSION_WORDS,
    DIMENSIONS,
    GEOMETRIC_FLOOR,
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
    sets_index,
)
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm
from .common.qgis_compat import FIELD_NUMERIC, WKB_MULTIPOLYGON, field, plain

#: Grade 1 (low resilience) red … grade 5 (high) green: the risk palette reversed.
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


def grade_label(g: int) -> str:
    """Grade label in the user's language (低 / 较低 / 中 / 较高 / 高 in Chinese)."""
    return tr(GRADE_LABELS[0][g - 1])


def population_text(value: float) -> str:
    return f"{value:,.0f}" if math.isfinite(value) else "–"


def dimension_label(d: int) -> str:
    return f"{tr(DIMENSION_NAMES[d])} ({DIMENSIONS[d]})"


def localised(message: Message) -> str:
    """A core message in the user's language, its dimension words ("social", …) included."""
    values = {k: tr(v) if isinstance(v, str) and v in DIMENSION_WORDS else v for k, v in message.values.items()}
    return Message(message.template, values).translated(tr)


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
        self.addParameter(
            QgsProcessingParameterString(
                self.WEIGHTS,
                self.tr("Given indicator weights (comma list: social fields, then ecological, then technological)"),
                optional=True,
                defaultValue="",
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.DIMENSION_WEIGHTS, self.tr("Dimension weights S,E,T (comma list; empty = equal)"), optional=True, defaultValue=""
            )
        )
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
        self.addParameter(
            QgsProcessingParameterField(
                self.PARENT_FIELD, self.tr("Parent unit field (aggregate to the level above)"), parentLayerParameterName=self.INPUT, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                self.tr("Population field (weights of the parent means)"),
                parentLayerParameterName=self.INPUT,
                type=FIELD_NUMERIC,
                optional=True,
            )
        )
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
            report.write(html_path, self.report_html(result, names, parent, parent_field, geometry_notes))
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
        if parent is not None:
            missing = set(no_geometry)
            for g, key in enumerate(parent.keys):
                left = sum(1 for i in parent.members[g] if i in missing)
                if left:
                    notes.append(
                        tr(
                            "The outline of the parent unit {parent} leaves out {count} of its {total} units, which have no geometry; its scores "
                            "include them"
                        ).format(parent=key, count=left, total=len(parent.members[g]))
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

    # --- report ------------------------------------------------------------------------------

    def report_html(self, result: SetsResult, names: list[str], parent: ParentResult | None, parent_field: str, extra_notes: list[str] = ()) -> str:
        spec = result.spec
        v = spec.dimension_weights
        if spec.aggregation == Aggregation.WEIGHTED_SUM:
            formula = f"R = {v[0]:.3g}·S + {v[1]:.3g}·E + {v[2]:.3g}·T"
        else:
            e = GEOMETRIC_FLOOR
            formula = f"R = (ε + (1 − ε)S)^{v[0]:.3g} · (ε + (1 − ε)E)^{v[1]:.3g} · (ε + (1 − ε)T)^{v[2]:.3g},  ε = {e:g}"
        method = self.weighting_options()[spec.weighting]
        setup = report.table(
            [self.tr("Item"), self.tr("Value")],
            [
                (self.tr("Level of the units"), self.tr(LEVEL_LABELS[0][spec.level])),
                (self.tr("Units"), str(result.m)),
                (self.tr("Normalisation"), self.tr("min–max over the units; negative indicators reversed (1 − r)")),
                (self.tr("Indicator weighting"), method),
                (self.tr("Dimension index"), "D = Σ wⱼ·rⱼ  (Σ w = 1 " + self.tr("within each dimension") + ")"),
                (self.tr("Aggregation of the dimensions"), self.aggregation_options()[spec.aggregation]),
                (self.tr("Dimension weights S, E, T"), ", ".join(f"{w:.4g}" for w in v)),
                (
                    self.tr("Grading rule"),
                    self.tr("equal intervals of R: 1 low (R ≤ 0.2), 2 relatively low (≤ 0.4), 3 medium (≤ 0.6), 4 relatively high (≤ 0.8), 5 high"),
                ),
                (self.tr("Mean resilience"), f"{float(result.resilience.mean()):.4f}"),
            ],
            left_columns=2,
        )
        setup += f'<p class="formula">{report.esc(formula)}</p>'
        sections = [(self.tr("Set-up"), setup), (self.tr("Indicator weights ({method})").format(method=method), self.weights_html(result))]
        notes = [localised(n) for n in result.notes + (parent.notes if parent is not None else ())] + list(extra_notes)
        if notes:
            sections.append((self.tr("Notes"), "".join(f'<p class="warn">{report.esc(n)}</p>' for n in notes)))
        counts = [int((result.grades == g).sum()) for g in range(1, 6)]
        # The fixed Chinese label is shown beside the interface's own, unless that is Chinese already.
        bilingual = grade_label(1) != GRADE_LABELS[1][0]
        grades = report.table(
            [self.tr("Grade"), self.tr("Label")] + (["中文"] if bilingual else []) + [self.tr("Units")],
            [[g, grade_label(g)] + ([GRADE_LABELS[1][g - 1]] if bilingual else []) + [counts[g - 1]] for g in range(1, 6)],
            left_columns=3 if bilingual else 2,
        )
        grades += report.bar_chart([grade_label(g) for g in range(1, 6)], counts, "", list(styles.RESILIENCE_COLOURS))
        sections.append((self.tr("Units per grade"), grades))
        order = sorted(range(result.m), key=lambda i: (int(result.ranks[i]), i))
        sections.append(
            (
                self.tr("Unit profiles"),
                self.profiles_html(
                    [names[i] for i in order],
                    result.indices[order],
                    result.resilience[order],
                    result.grades[order],
                    [result.weakest[i] for i in order],
                    result.ranks[order],
                ),
            )
        )
        if parent is not None:
            order = sorted(range(len(parent.keys)), key=lambda g: (int(parent.ranks[g]), g))
            if math.isfinite(float(parent.population[0])):
                heading = self.tr("Parent units ({level}, by '{field}', population-weighted means)")
            else:
                heading = self.tr("Parent units ({level}, by '{field}', unweighted means)")
            sections.append(
                (
                    heading.format(level=self.tr(LEVEL_LABELS[0][parent.level]), field=parent_field),
                    self.profiles_html(
                        [str(parent.keys[g]) for g in order],
                        parent.indices[order],
                        parent.resilience[order],
                        parent.grades[order],
                        [parent.weakest[g] for g in order],
                        parent.ranks[order],
                        (
                            [self.tr("Units"), self.tr("Population")],
                            [[str(len(parent.members[g])), population_text(float(parent.population[g]))] for g in order],
                        ),
                    ),
                )
            )
        return report.document(self.tr("SETS resilience report"), sections)

    def weights_html(self, result: SetsResult) -> str:
        spec = result.spec
        parts = []
        extra_headers = {
            Weighting.EQUAL: [],
            Weighting.ENTROPY: [self.tr("Entropy e"), "1 − e"],
            Weighting.CRITIC: ["σ", self.tr("Conflict Σ(1 − ρ)"), "C = σ·Σ(1 − ρ)"],
            Weighting.GIVEN: [self.tr("Given weight")],
        }[spec.weighting]
        any_constant = any(i.constant for i in result.indicators)
        for d in range(3):
            rows = []
            for ind in (i for i in result.indicators if i.dimension == d):
                extra = {
                    Weighting.EQUAL: [],
                    Weighting.ENTROPY: [ind.entropy, 1.0 - ind.entropy],
                    Weighting.CRITIC: [ind.sigma, ind.conflict, ind.information],
                    Weighting.GIVEN: [ind.given],
                }[spec.weighting]
                nulls = str(len(ind.imputed)) if ind.imputed else "0"
                rows.append(
                    [ind.name, "−" if ind.negative else "+"]
                    + [f"{x:.4f}" for x in extra]
                    + [
                        f"{ind.weight:.4f}",
                        f"{ind.overall:.4f}",
                        ind.minimum,
                        ind.maximum,
                        nulls + (" → " + report.fmt(ind.fill) if ind.imputed else ""),
                    ]
                    + ([self.tr("constant: weight 0") if ind.constant else ""] if any_constant else [])
                )
            headers = (
                [self.tr("Field"), self.tr("Direction")]
                + extra_headers
                + [self.tr("Weight in dimension"), self.tr("Overall weight"), self.tr("Minimum"), self.tr("Maximum"), self.tr("Nulls imputed (mean)")]
            )
            headers += [self.tr("Note")] if any_constant else []
            title = self.tr("{dimension} · {zh} — dimension weight {weight:.4g}").format(
                dimension=dimension_label(d), zh=DIMENSION_NAMES_ZH[d], weight=spec.dimension_weights[d]
            )
            parts.append(f"<h3>{report.esc(title)}</h3>")
            parts.append(report.table(headers, rows, left_columns=2))
            ind = [i for i in result.indicators if i.dimension == d]
            parts.append(report.bar_chart([i.name for i in ind], [100.0 * i.weight for i in ind], " %", [styles.DIMENSION_COLOURS[d]] * len(ind)))
        return "".join(parts)

    @staticmethod
    def profile_svg(indices) -> str:
        """Three small bars S, E, T (0–1) as inline SVG."""
        width, bar = 150, 10
        parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{3 * bar + 4}" font-size="9">']
        for d in range(3):
            y = 1 + d * (bar + 1)
            length = (width - 52) * max(0.0, min(1.0, float(indices[d])))
            parts.append(f'<text x="0" y="{y + 8}">{DIMENSIONS[d]}</text>')
            parts.append(f'<rect x="10" y="{y}" width="{width - 52}" height="{bar}" fill="#eee"/>')
            parts.append(f'<rect x="10" y="{y}" width="{length:.1f}" height="{bar}" fill="{styles.DIMENSION_COLOURS[d]}"/>')
            parts.append(f'<text x="{width - 38}" y="{y + 8}">{float(indices[d]):.3f}</text>')
        parts.append("</svg>")
        return "".join(parts)

    def profiles_html(self, names, indices, resilience, grades, weakest, ranks, extra=((), ())) -> str:
        """Units by rank: S, E, T as bars and numbers, R, grade, weakest dimension; `extra` holds
        more (headers, rows of text) shown after the unit's name."""
        extra_headers, extra_rows = extra
        head = (
            [self.tr("Rank"), self.tr("Unit")]
            + list(extra_headers)
            + [self.tr("Profile S / E / T"), "S", "E", "T", self.tr("Resilience"), self.tr("Grade"), self.tr("Weakest dimension")]
        )
        profile_column = 2 + len(extra_headers)
        html = [
            "<table><thead><tr>"
            + "".join(f'<th class="{"l" if k in (1, profile_column) else ""}">{report.esc(h)}</th>' for k, h in enumerate(head))
            + "</tr></thead><tbody>"
        ]
        for k, name in enumerate(names):
            g = int(grades[k])
            weak = DIMENSIONS.index(weakest[k])
            html.append(
                "<tr>"
                f'<td>{int(ranks[k])}</td><td class="l">{report.esc(name)}</td>'
                + "".join(f"<td>{report.esc(v)}</td>" for v in (extra_rows[k] if extra_rows else ()))
                + f'<td class="l">{self.profile_svg(indices[k])}</td>'
                + "".join(f"<td>{float(indices[k][d]):.4f}</td>" for d in range(3))
                + f"<td>{float(resilience[k]):.4f}</td>"
                f'<td style="background:{styles.RESILIENCE_COLOURS[g - 1]}">{g} {report.esc(grade_label(g))}</td>'
                f"<td>{report.esc(dimension_label(weak))}</td>"
                "</tr>"
            )
        html.append("</tbody></table>")
        return "".join(html)
