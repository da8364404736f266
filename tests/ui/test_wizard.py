"""The SETS guide driven offscreen through every step on the sample county: the layers it adds
(names, groups, styles), the project properties it saves, the AHP sub-dialog against
tsr:ahpweights, cancel, errors in plain words, skip and revisit, and "save as model".

The tests of this module run in order on one wizard, as a planner would go through it.
"""

from __future__ import annotations

import os

import processing
import pytest
import rasterio
from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsPalettedRasterRenderer,
    QgsProcessingModelAlgorithm,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtWidgets import QWizard

from territorial_resilience.ui import wizard as wizard_module
from territorial_resilience.ui.ahp_dialog import AhpDialog
from territorial_resilience.ui.inventory import Inventory
from territorial_resilience.ui.page_base import DONE, SKIPPED
from territorial_resilience.ui.results import GROUP_KEY, output_layer, wizard_layers
from territorial_resilience.ui.runner import available
from territorial_resilience.ui.wizard import SetsWizard

WAIT = 60_000  # ms


def layer(project, name):
    (found,) = project.mapLayersByName(name)
    return found


def group_of(project, path):
    groups = [g for g in project.layerTreeRoot().findGroups() if g.customProperty(GROUP_KEY) == path]
    assert len(groups) == 1, path
    return groups[0]


def test_framework_names_the_modules_and_paths(wizard):
    assert wizard.currentId() == wizard_module.FRAMEWORK
    text = wizard.framework.text.text()
    for words in (
        "Module 1 · SETS",
        "Module 2 · Spatial network",
        "Module 3 · Interdisciplinary research",
        "Path 1 · Coordinate multiple hazards",
        "Path 2 · Zoning under uncertainty",
        "Path 3 · Community emergency network",
    ):
        assert words in text
    assert wizard.steps.count() == 8
    assert wizard_module.step_names()[wizard_module.ECOLOGY] == "Spatial network · Ecological security pattern"


def test_study_area_defaults_and_a_geographic_crs_is_flagged(wizard, county_project):
    wizard.next()
    page = wizard.study_area
    assert wizard.currentPage() is page
    townships = layer(county_project, "townships")
    assert page.units.currentLayer() is townships
    assert (page.name_field.currentField(), page.parent_field.currentField(), page.population_field.currentField()) == (
        "name",
        "parent_code",
        "population",
    )
    assert page.level.currentIndex() == 4 and page.level.count() == 5
    assert page.crs_banner.isVisible() and "EPSG:4547" in page.crs_banner.text()
    assert not page.folder_banner.isVisible()  # the project is saved: results go beside it

    geographic = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "units in degrees", "memory")
    county_project.addMapLayer(geographic)
    page.set_units(geographic)
    assert "geographic CRS (EPSG:4326)" in page.crs_banner.text() and "reproject" in page.crs_banner.text()
    assert "units in degrees" in page.layers_banner.text() or page.layers_banner.isHidden()
    assert not page.crs_ok
    page.set_units(townships)
    county_project.removeMapLayer(geographic)
    assert page.crs_ok and not page.layers_banner.isVisible()
    state = wizard.state
    assert state.get("study/units") == townships.id()
    assert (state.get("study/name_field"), state.get("study/parent_field"), state.get("study/level")) == ("name", "parent_code", 4)


def test_inventory_suggests_components_categories_and_indicators(wizard, county_project):
    wizard.next()
    page = wizard.inventory
    inventory = wizard.state.inventory
    entry = lambda name: inventory.layers[layer(county_project, name).id()]  # noqa: E731
    assert (entry("flood_depth").component, entry("flood_depth").category, entry("flood_depth").onset) == ("H", "natural", "pulse")
    assert (entry("heat_lst").category, entry("heat_lst").onset) == ("natural", "slow")
    assert entry("chemical_accident").category == "accident"
    assert [entry(n).component for n in ("townships", "roads", "ecological_red_line", "slope", "population")] == ["S", "T", "E", "E", "S"]
    assert inventory.indicators["elderly_share"].component == "S" and inventory.indicators["elderly_share"].negative
    assert inventory.indicators["impervious_share"].negative and inventory.indicators["road_density"].component == "T"
    assert "population" not in inventory.fields_of("S", list(inventory.indicators))
    # the user re-assigns a layer and an indicator; both are saved in the project at once
    page.set_layer(layer(county_project, "chemical_plant").id(), "T")
    page.set_layer(layer(county_project, "hospitals").id(), "H", "public_health", "slow")
    page.set_indicator("pop_density", "S", negative=False)
    saved = Inventory.load(county_project)
    assert saved.layers[layer(county_project, "chemical_plant").id()].component == "T"
    hospitals = saved.layers[layer(county_project, "hospitals").id()]
    assert (hospitals.component, hospitals.category, hospitals.onset) == ("H", "public_health", "slow")
    assert [layer.name() for layer in saved.hazard_layers(county_project)] == [
        "flood_depth",
        "landslide_susceptibility",
        "seismic_pga",
        "chemical_accident",
        "heat_lst",
    ]
    page.set_layer(layer(county_project, "hospitals").id(), "T")
    assert "Hazards: 5" in page.summary.text()


def test_ahp_dialog_gives_the_weights_of_tsr_ahpweights(qtbot):
    dialog = AhpDialog(["flood", "landslide", "seismic"])
    qtbot.addWidget(dialog)
    dialog.set_judgement(0, 1, "3")
    dialog.set_judgement(0, 2, "5")
    dialog.set_judgement(1, 2, "1/2")
    assert dialog.table.item(2, 1).text() == "2" and dialog.table.item(1, 0).text() == "1/3"
    dialog.compute()
    qtbot.waitUntil(lambda: bool(dialog.weights), timeout=WAIT)
    expected = processing.run("tsr:ahpweights", {"MATRIX": "3, 5, 1/2", "CRITERIA": "flood,landslide,seismic"})
    assert dialog.weights == [float(w) for w in expected["WEIGHTS"].split(",")]
    assert dialog.cr == pytest.approx(expected["CR"]) and dialog.consistent == expected["CONSISTENT"]
    assert dialog.chart.kind == "bars" and dialog.chart.data["values"] == dialog.weights


def test_path1_errors_are_in_plain_words(wizard, run_page):
    wizard.next()  # the ecological security pattern (tests/ui/test_wizard_ecology.py), passed by
    assert wizard.currentPage() is wizard.ecology
    wizard.next()
    assert wizard.ecology.status == SKIPPED
    page = wizard.risk
    assert wizard.currentPage() is page
    names = [row["name"] for row in page.hazard_rows()]
    assert names == ["flood_depth", "landslide_susceptibility", "seismic_pga", "chemical_accident", "heat_lst"]
    for name in names:
        page.set_hazard(name, use=False)
    page.run()
    assert page.runner is None and "No hazard is in use" in page.panel.banner.text()
    # an algorithm's own refusal reaches the page as its message, not as a traceback
    page.set_hazard("flood_depth", use=True, method=5, table="0,1")
    run_page(page)
    text = page.panel.banner.text()
    assert page.status != DONE and "Normalise flood_depth stopped:" in text and "Traceback" not in text
    assert not wizard_layers(wizard.state.project)


def test_path1_runs_overlay_and_zoning_into_a_styled_group(wizard, qtbot, run_page, set_path1, county_project):
    page = wizard.risk
    weights = set_path1(page)
    rows = {row["name"]: row for row in page.hazard_rows()}
    assert [rows[n]["method"] for n in weights] == [5, 0, 2, 2, 3]  # suggested from the names
    run_page(page)
    assert page.status == DONE, page.panel.banner.text()
    group = group_of(county_project, "risk")
    assert group.name() == "1 · Multi-hazard risk"
    names = [node.layer().name() for node in group.findLayers()]
    assert names[:4] == ["Risk control lines", "Risk zones", "Risk grades", "Area per grade and unit"]
    assert names[4:7] == ["Multi-hazard risk index", "Dominant hazard", "Number of hazards at or above the threshold"]
    assert sorted(names[7:]) == sorted(f"{n} (0–1)" for n in weights)
    assert isinstance(output_layer(county_project, "zoning", "OUTPUT_ZONES").renderer(), QgsCategorizedSymbolRenderer)
    assert isinstance(output_layer(county_project, "zoning", "OUTPUT_LINES").renderer(), QgsSingleSymbolRenderer)
    assert isinstance(output_layer(county_project, "zoning", "OUTPUT").renderer(), QgsPalettedRasterRenderer)
    saved = wizard.state.run("risk")
    breaks = [float(b) for b in saved["zoning"]["BREAKS_USED"].split(",")]
    assert len(breaks) == 4 and os.path.exists(saved["zoning"]["OUTPUT_HTML"])
    assert "Breaks" in page.panel.banner.text()
    qtbot.waitUntil(lambda: page.histogram.kind == "histogram", timeout=WAIT)
    assert page.histogram.data["breaks"] == pytest.approx(breaks)
    zones = output_layer(county_project, "zoning", "OUTPUT_ZONES")
    assert page.areas.kind == "bars" and page.areas.data["values"] == pytest.approx(
        [f["area_ha"] for f in sorted(zones.getFeatures(), key=lambda f: f["grade"])]
    )


def test_cancel_leaves_no_partial_layer(wizard, qtbot, county_project):
    page = wizard.risk
    before = sorted(layer.id() for layer in wizard_layers(county_project))
    folders = set(os.listdir(wizard.state.output_folder()))
    page.run()
    page.panel.cancel()
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert "Cancelled" in page.panel.banner.text()
    assert sorted(layer.id() for layer in wizard_layers(county_project)) == before
    assert set(os.listdir(wizard.state.output_folder())) == folders
    assert page.status == DONE  # the earlier run still stands


def test_path2_offers_the_risk_zones_and_runs_suitability(wizard, qtbot, run_page, county_project):
    wizard.next()
    page = wizard.zoning
    assert wizard.currentPage() is page and wizard.risk.status == DONE
    rows = {row["name"]: row for row in page.criteria_rows()}
    assert "Multi-hazard risk index" in rows and "flood_depth" not in rows  # hazards are not criteria; the index of step 4 is
    used = {name: row["direction"] for name, row in rows.items() if row["use"]}
    assert used == {"slope": "-", "dem": "-", "population": "+", "Multi-hazard risk index": "-"}
    assert page.risk_zones.isEnabled() and page.risk_zones.isChecked() and page.risk_grade.value() == 4
    checked = [county_project.mapLayer(i).name() for i in page.exclusions.checked_ids()]
    assert checked == ["ecological_red_line", "basic_farmland"]
    # weights from the AHP sub-dialog: risk index, slope, dem, population (the table's order)
    dialog = page.open_ahp()
    qtbot.addWidget(dialog)
    for (i, j), value in {(0, 1): "2", (0, 2): "4", (0, 3): "3", (1, 2): "3", (1, 3): "2", (2, 3): "1/2"}.items():
        dialog.set_judgement(i, j, value)
    dialog.compute()
    qtbot.waitUntil(lambda: bool(dialog.weights), timeout=WAIT)
    dialog.accept()
    weights = [float(row["weight"]) for row in page.criteria_rows() if row["use"]]
    assert weights == pytest.approx(dialog.weights, abs=5e-5) and dialog.consistent
    page.draws.setValue(50)
    run_page(page)
    assert page.status == DONE, page.panel.banner.text()
    group = group_of(county_project, "zoning")
    assert group.name() == "2 · Zoning under uncertainty"
    assert [n.layer().name() for n in group.findLayers()] == [
        "Robustness class",
        "Probability of being suitable",
        "Mean suitability",
        "Standard deviation of suitability",
    ]
    assert isinstance(output_layer(county_project, "suitability", "OUTPUT_CLASS").renderer(), QgsPalettedRasterRenderer)
    results = wizard.state.run("zoning")
    assert set(results) == {"high_risk", "suitability"}
    classes = output_layer(county_project, "suitability", "OUTPUT_CLASS")
    with rasterio.open(classes.source()) as ds:
        robust_cells = int((ds.read(1) == 1).sum())
        cell_ha = abs(ds.transform.a * ds.transform.e) / 10_000.0
    assert robust_cells > 0
    assert results["suitability"]["ROBUST_AREA_HA"] == pytest.approx(robust_cells * cell_ha, rel=1e-9)
    qtbot.waitUntil(lambda: page.probability_chart.kind == "histogram", timeout=WAIT)
    assert sum(page.probability_chart.data["counts"]) > 0
    outputs = {d.name() for d in QgsApplication.processingRegistry().algorithmById("tsr:suitability").outputDefinitions()}
    assert (page.weights_chart.kind == "distributions") == ("OUTPUT_WEIGHTS" in outputs)
    assert (page.tornado_chart.kind == "tornado") == ("OUTPUT_SENSITIVITY" in outputs)


def test_path3_skip_and_revisit_then_coverage(wizard, qtbot, run_page, county_project):
    wizard.next()
    page = wizard.network
    assert wizard.currentPage() is page
    skip = wizard.button(QWizard.WizardButton.CustomButton1)
    assert skip.isVisible() and skip.text() == "Skip this step"
    skip.click()
    assert wizard.currentPage() is wizard.summary and page.status == SKIPPED
    assert wizard.steps.item(wizard_module.NETWORK).text().startswith("–")
    wizard.go_to(wizard_module.NETWORK)
    assert wizard.currentPage() is page
    assert page.demand.currentLayer().name() == "residential_blocks" and page.facilities.currentLayer().name() == "shelters"
    assert page.network.currentLayer().name() == "roads" and page.capacity.currentField() == "capacity_persons"
    location, routes = available("tsr:facilitylocation"), available("tsr:evacuationroutes")
    assert page.location.isCheckable() == location and page.routes.isCheckable() == routes
    assert page.location.isChecked() == location and page.routes.isChecked() == routes
    assert page.avoid_zones.isChecked() == routes  # around the risk zones of step 4
    page.sites.setValue(3)
    run_page(page)
    assert page.status == DONE, page.panel.banner.text()
    group = group_of(county_project, "network")
    assert group.name() == "3 · Community emergency network"
    names = [n.layer().name() for n in group.findLayers()]
    expected = (["Evacuation routes", "Residents not evacuated"] if routes else []) + (["Selected sites", "Allocation lines"] if location else [])
    assert names == expected + ["Facilities with load", "Demand with coverage", "Service areas"]
    if location:
        qtbot.waitUntil(lambda: page.sites_chart.kind == "curve", timeout=WAIT)
        curve = wizard.state.run("network")["location"]["COVERAGE_CURVE"]
        assert page.sites_chart.data["xs"] == [1, 2, 3] and page.sites_chart.data["ys"] == pytest.approx([float(v) for v in curve.split(",")])
    else:
        assert "not have" in page.sites_chart.message.text()
    qtbot.waitUntil(lambda: page.distance_chart.kind == "curve", timeout=WAIT)
    curve = page.distance_chart.data
    outputs = wizard.state.run("network")["coverage"]
    covered = outputs["COVERED_PERCENT"]
    assert curve["marks"] == [500.0]
    assert max(y for x, y in zip(curve["xs"], curve["ys"]) if x <= 500.0) == pytest.approx(covered)
    if "COVERAGE_CURVE" in outputs:  # the curve as the algorithm writes it
        assert curve["ys"] == pytest.approx([float(v) for v in outputs["COVERAGE_CURVE"].split(",")])
        assert curve["xs"] == pytest.approx([float(v) for v in outputs["CURVE_COSTS"].split(",")])
    else:  # the coverage per threshold: the emergency-shelter standard has one, 500 m
        assert curve["xs"] == [500.0] and curve["ys"] == [pytest.approx(covered)]
        assert "HTML report" in page.distance_chart.toolTip()
    assert wizard.steps.item(wizard_module.NETWORK).text().startswith("✓")


def test_summary_sets_index_reports_and_model(wizard, qtbot, run_page, county_project, tmp_path):
    wizard.next()
    page = wizard.summary
    assert wizard.currentPage() is page
    assert "S: pop_density, gdp_per_capita, doctors_per_1000, elderly_share" in page.indicators.text()
    run_page(page)
    assert page.status == DONE, page.panel.banner.text()
    group = group_of(county_project, "sets")
    assert group.name() == "0 · SETS resilience index"
    assert [n.layer().name() for n in group.findLayers()] == ["SETS resilience of the units", "SETS resilience of the parent units"]
    units = output_layer(county_project, "sets", "OUTPUT")
    assert units.featureCount() == 7 and isinstance(units.renderer(), QgsCategorizedSymbolRenderer)
    qtbot.waitUntil(lambda: page.sets_chart.kind == "grouped_bars", timeout=WAIT)
    assert len(page.sets_chart.data["labels"]) == 7 and "Mean resilience" in page.panel.banner.text()

    # every output of the guide, grouped: networks over zones over risk over the SETS units
    groups = [g.name() for g in county_project.layerTreeRoot().children() if g.customProperty(GROUP_KEY) is not None]
    assert groups == ["3 · Community emergency network", "2 · Zoning under uncertainty", "1 · Multi-hazard risk", "0 · SETS resilience index"]
    network = len(group_of(county_project, "network").findLayers())
    assert len(wizard_layers(county_project)) == 12 + 4 + network + 2
    assert page.outputs.topLevelItemCount() == 4
    reports = [page.reports.item(i).data(0x0100) for i in range(page.reports.count())]
    assert len(reports) == 3 + len(wizard.state.run("network")) and all(r.endswith(".html") and os.path.exists(r) for r in reports)

    path = str(tmp_path / "guide.model3")
    assert page.save_model(path), page.model_banner.text()
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(path)
    children = model.childAlgorithms()
    network_algorithms = {
        "coverage": "tsr:servicecoverage",
        "location": "tsr:facilitylocation",
        "evacuation_zones": "native:extractbyexpression",
        "routes": "tsr:evacuationroutes",
    }
    assert sorted(c.algorithmId() for c in children.values()) == sorted(
        ["tsr:normalizehazard"] * 5
        + ["tsr:multihazardoverlay", "tsr:riskzoning", "native:extractbyexpression", "tsr:suitability", "tsr:setsindex"]
        + [network_algorithms[step] for step in wizard.state.run("network")]
    )
    # path 2 reads path 1's outputs through links, not as separate inputs
    criteria = children["suitability"].parameterSources()["CRITERIA"]
    assert any(s.outputChildId() == "overlay" for s in criteria)
    assert children["high_risk"].parameterSources()["INPUT"][0].outputChildId() == "zoning"
    model.initAlgorithm()
    assert model.validate()[0]
    assert {"units", "flood_depth", "residents", "facilities", "roads"} <= {p.name() for p in model.parameterDefinitions()}


def test_inventory_and_settings_are_restored_from_the_project(wizard, qtbot, county_project, tmp_path):
    path = str(tmp_path / "saved.qgz")
    county_project.setFileName(path)
    assert county_project.write()
    expected = Inventory.load(county_project).to_json()
    units = county_project.mapLayersByName("townships")[0].id()
    county_project.clear()
    assert Inventory.load(county_project).layers == {}
    assert county_project.read(path)
    reopened = SetsWizard(county_project)
    qtbot.addWidget(reopened)
    reopened.show()
    assert reopened.state.inventory.to_json() == expected
    assert reopened.state.get("study/units") == units and reopened.study_area.units.currentLayer().id() == units
    reopened.go_to(wizard_module.INVENTORY)
    page = reopened.inventory
    rows = {page.layers.item(r, 0).text(): page.layers.cellWidget(r, 1).content.currentData() for r in range(page.layers.rowCount())}
    assert rows["chemical_plant"] == "T" and rows["flood_depth"] == "H" and "Risk zones" not in rows
    reopened.go_to(wizard_module.RISK)
    qtbot.waitUntil(lambda: reopened.risk.histogram.kind == "histogram", timeout=WAIT)  # the charts of the saved run
    assert len(wizard_layers(county_project)) == 12 + 4 + len(group_of(county_project, "network").findLayers()) + 2
