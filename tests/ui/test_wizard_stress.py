"""Path 3's stress test on the sample county: the high-risk zones of path 1 close the roads
(the SCENARIO of tsr:networkcriticality), the ten most critical elements on the map and in the
chart, the robustness curve of tsr:networkrobustness; every number of the charts read back from
the algorithms' outputs."""

from __future__ import annotations

import math

import pytest
from qgis.core import QgsVectorLayer

from territorial_resilience.ui import wizard as wizard_module
from territorial_resilience.ui.page_base import DONE
from territorial_resilience.ui.results import GROUP_KEY, output_layer

WAIT = 240_000  # ms


def table_of(path: str, fields: list[str]) -> list[dict]:
    layer = QgsVectorLayer(path, "t", "ogr")
    assert layer.isValid(), path
    return [{f: (None if feature[f] is None or str(feature[f]) == "NULL" else feature[f]) for f in fields} for feature in layer.getFeatures()]


def test_without_path1_the_scenario_is_offered_later(wizard):
    wizard.go_to(wizard_module.NETWORK)
    stress = wizard.network.stress
    assert wizard.network.tabs.count() == 2 and wizard.network.tabs.tabText(1) == "2 · Stress test"
    assert not stress.scenario.isEnabled() and "Run path 1 first" in stress.scenario_note.text()
    assert stress.facilities.currentLayer().name() == "hospitals" and stress.element_id.currentField() == "road_id"


def test_stress_test_with_the_high_risk_zones_of_path1(wizard, qtbot, run_page, set_path1, county_project):
    wizard.go_to(wizard_module.RISK)
    set_path1(wizard.risk)
    run_page(wizard.risk)
    assert wizard.risk.status == DONE, wizard.risk.panel.banner.text()
    wizard.go_to(wizard_module.NETWORK)
    page = wizard.network
    stress = page.stress
    assert stress.scenario.isEnabled() and stress.scenario.isChecked() and stress.scenario_grade.value() == 4
    run_page(stress)
    assert page.status == DONE, stress.panel.banner.text()
    results = wizard.state.run("stress")
    assert set(results) == {"stress_zones", "criticality", "critical_top", "robustness"}
    groups = [g for g in county_project.layerTreeRoot().findGroups() if g.customProperty(GROUP_KEY) == "stress"]
    assert len(groups) == 1 and groups[0].name() == "5 · Spatial network · infrastructure stress test"
    assert [n.layer().name() for n in groups[0].findLayers()] == [
        "The ten most critical elements",
        "Elements with criticality",
        "Demand before and after the scenario",
    ]
    # the scenario: the zones of grade 4 and 5 of path 1
    zones = output_layer(county_project, "zoning", "OUTPUT_ZONES")
    closed = table_of(results["stress_zones"]["OUTPUT"], ["grade"])
    assert closed and all(r["grade"] >= 4 for r in closed)
    assert len(closed) == len([f for f in zones.getFeatures() if f["grade"] >= 4])

    criticality = results["criticality"]
    demand = table_of(criticality["OUTPUT_DEMAND"], ["population", "cost_before", "cost_after", "lost_access"])
    lost = sum(r["population"] for r in demand if r["lost_access"])
    assert criticality["SCENARIO_LOST_ACCESS"] == pytest.approx(lost, rel=1e-9)
    threshold = stress.threshold.value()
    by_cost = sum(
        r["population"]
        for r in demand
        if r["cost_before"] is not None
        and r["cost_before"] <= threshold
        and (r["cost_after"] is None or not math.isfinite(r["cost_after"]) or r["cost_after"] > threshold)
    )
    assert lost == pytest.approx(by_cost, rel=1e-9)

    # the ten most critical: on the map (styled as the algorithm styles the elements) and in the chart
    elements = sorted(table_of(criticality["OUTPUT"], ["element_id", "kind", "lost_access", "rank"]), key=lambda r: r["rank"])
    top = output_layer(county_project, "critical_top", "OUTPUT")
    assert top.featureCount() == 10 and sorted(f["rank"] for f in top.getFeatures()) == [r["rank"] for r in elements[:10]]
    assert type(top.renderer()) is type(output_layer(county_project, "criticality", "OUTPUT").renderer())
    qtbot.waitUntil(lambda: stress.critical_chart.kind == "bars", timeout=WAIT)
    assert stress.critical_chart.data["values"] == pytest.approx([r["lost_access"] for r in elements[:10]], rel=1e-12)
    assert stress.critical_chart.data["labels"] == [f"{r['kind']} {r['element_id']}" for r in elements[:10]]
    assert elements[0]["element_id"] == criticality["MOST_CRITICAL_ID"]
    assert f"the most critical element is {criticality['MOST_CRITICAL_ID']}" in stress.panel.banner.text()

    # the robustness curve of the roads
    curve = sorted(table_of(results["robustness"]["OUTPUT_CURVE"], ["step", "fraction", "largest_share", "efficiency"]), key=lambda r: r["step"])
    chart = stress.robustness_chart
    assert chart.kind == "lines" and chart.data["xs"] == pytest.approx([r["fraction"] for r in curve], rel=1e-12)
    assert chart.data["series"][0][1] == pytest.approx([r["largest_share"] for r in curve], rel=1e-12)
    assert chart.data["series"][1][1] == pytest.approx([r["efficiency"] for r in curve], rel=1e-12)
    assert chart.data["marks"] == [pytest.approx(results["robustness"]["CRITICAL_FRACTION"])]
    assert curve[0]["fraction"] == 0.0 and curve[0]["largest_share"] == pytest.approx(
        max(r["largest_share"] for r in curve)
    )  # the intact network holds the most

    # the summary's model holds the stress test too
    steps = [s.alg_id for s in wizard.summary.chain_steps()]
    assert "tsr:networkcriticality" in steps and "tsr:networkrobustness" in steps
