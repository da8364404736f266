"""tsr:ahpweights — criterion weights from pairwise comparisons (AHP), with a consistency verdict."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..algorithms.common.parsing import split_names
from ..algorithms.mcda.ahp import ahp_weights, parse_matrix
from ..i18n import tr
from .common import report
from .common.base import TsrAlgorithm
from .common.qgis_compat import WKB_NOGEOMETRY, field
from .common.reports.ahpweights import report_html


def weights_text(weights) -> str:
    """The WEIGHTS output: "w1,w2,…" with enough digits to sum to 1 after parsing."""
    return ",".join(f"{w:.6g}" for w in weights)


class AhpWeights(TsrAlgorithm):
    ALG_ID = "ahpweights"
    GROUP_ID = "zoning"

    MATRIX = "MATRIX"
    CRITERIA = "CRITERIA"
    MAX_CR = "MAX_CR"
    WEIGHTS = "WEIGHTS"
    CR = "CR"
    CI = "CI"
    LAMBDA_MAX = "LAMBDA_MAX"
    CONSISTENT = "CONSISTENT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_HTML = "OUTPUT_HTML"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("AHP weights")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Weights from pairwise comparisons on Saaty's scale, with the consistency ratio and the judgements to revise")

    def tags(self) -> list[str]:
        return self.tr("AHP,analytic hierarchy process,pairwise comparison,weights,consistency,Saaty,层次分析法,权重,一致性").split(",")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        matrix = QgsProcessingParameterString(self.MATRIX, self.tr("Pairwise comparison matrix"), multiLine=True)
        matrix.setHelp(
            self.tr(
                "Judgements on Saaty's 1–9 scale (fractions such as 1/3 allowed): the full matrix, one row per line, "
                "or only the values above the diagonal, row by row, e.g. 3, 5, 3 for three criteria."
            )
        )
        criteria = QgsProcessingParameterString(self.CRITERIA, self.tr("Criterion names"), optional=True, defaultValue="")
        criteria.setHelp(self.tr("Comma list of names in the order of the rows; it also fixes the number of criteria."))
        self.addParameter(matrix)
        self.addParameter(criteria)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_CR, self.tr("Largest acceptable consistency ratio"), QgsProcessingParameterNumber.Type.Double, 0.10, False, 0.0, 1.0
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE, self.tr("Weights table"), QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("AHP report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputString(self.WEIGHTS, self.tr("Weights (comma list)")))
        self.addOutput(QgsProcessingOutputNumber(self.CR, self.tr("Consistency ratio CR")))
        self.addOutput(QgsProcessingOutputNumber(self.CI, self.tr("Consistency index CI")))
        self.addOutput(QgsProcessingOutputNumber(self.LAMBDA_MAX, self.tr("Principal eigenvalue λmax")))
        self.addOutput(QgsProcessingOutputBoolean(self.CONSISTENT, self.tr("Consistent (CR ≤ MAX_CR)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        names = split_names(self.parameterAsString(parameters, self.CRITERIA, context))
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise QgsProcessingException(
                self.tr("Each criterion needs its own name, but these are given more than once: {names}").format(names=", ".join(repeated))
            )
        with self.core_errors():
            matrix = parse_matrix(self.parameterAsString(parameters, self.MATRIX, context), len(names) or None)
            result = ahp_weights(matrix, self.parameterAsDouble(parameters, self.MAX_CR, context))
        names = names or [self.tr("Criterion {i}").format(i=i + 1) for i in range(result.n)]

        for message in result.advice:
            text = message.translated(tr)
            if result.consistent:
                feedback.pushInfo(text)
            else:
                feedback.reportError(text, fatalError=False)
        feedback.pushInfo(self.tr("Weights: {weights}").format(weights=", ".join(f"{n} {w:.4f}" for n, w in zip(names, result.weights))))

        results = {
            self.WEIGHTS: weights_text(result.weights),
            self.CR: float(result.cr),
            self.CI: float(result.ci),
            self.LAMBDA_MAX: float(result.lambda_max),
            self.CONSISTENT: bool(result.consistent),
        }
        fields = QgsFields()
        for name, kind in (("criterion", "string"), ("weight", "double"), ("rank", "int")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, WKB_NOGEOMETRY)
        if sink is not None:
            for name, weight, rank in zip(names, result.weights, result.ranks):
                feature = QgsFeature(fields)
                feature.setAttributes([name, float(weight), int(rank)])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            results[self.OUTPUT_TABLE] = dest
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            report.write(html_path, report_html(self.tr, matrix, result, names))
            results[self.OUTPUT_HTML] = html_path
        return results
