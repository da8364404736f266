"""The report builders of the zoning algorithms (processing_provider/common/reports/): built from the
results with any `tr`, and translated in the algorithm class's context, where pylupdate5 files
their texts (the objectives' names, from the core, in the default context)."""

from __future__ import annotations

from territorial_resilience.algorithms.mcda.ahp import ahp_weights, parse_matrix
from territorial_resilience.algorithms.optimize.land_allocation import Objective, ObjectiveInfo
from territorial_resilience.i18n import install_translator, remove_translators
from territorial_resilience.processing_provider.ahp_weights import AhpWeights
from territorial_resilience.processing_provider.common import report
from territorial_resilience.processing_provider.common.reports import ahpweights, landallocation
from territorial_resilience.processing_provider.land_allocation import LandAllocation

#: Saaty's judgements with the 1–3 judgement turned round: inconsistent, so revisions are listed.
INCONSISTENT = "1, 1/3, 5\n3, 1, 1/4\n1/5, 4, 1"


def test_ahp_report_from_the_result(qgis_app):
    matrix = parse_matrix("3, 5, 3", 3)
    result = ahp_weights(matrix)
    text = ahpweights.report_html(lambda s: s, matrix, result, ["slope", "flood", "roads"])
    assert "<title>AHP weights report</title>" in text
    for name, weight in zip(["slope", "flood", "roads"], result.weights):
        assert f'<td class="l">{name}</td><td class="">{report.fmt(float(weight))}</td>' in text
    assert "CR = CI/RI" in text and f"{result.cr:.4f}" in text
    assert "Judgements to revise first" not in text  # consistent: nothing to revise


def test_reports_are_translated_in_the_algorithm_context(qgis_app):
    matrix = parse_matrix(INCONSISTENT, 3)
    result = ahp_weights(matrix)
    assert result.revisions
    try:
        assert install_translator("zh_CN") is not None
        text = ahpweights.report_html(AhpWeights().tr, matrix, result, ["a", "b", "c"])
        assert "层次分析法权重报告" in text and "优先修正的判断" in text
        info = ObjectiveInfo(Objective.SUITABILITY, "mean suitability", True, "0–1")
        assert landallocation.objective_label(LandAllocation().tr, info) == "平均适宜性 (0–1, 最大化)"
    finally:
        remove_translators()
    english = ahpweights.report_html(AhpWeights().tr, matrix, result, ["a", "b", "c"])
    first = result.revisions[0]
    assert "Judgements to revise first" in english and f"{'abc'[first.row]} : {'abc'[first.col]}" in english
