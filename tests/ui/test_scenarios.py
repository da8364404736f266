"""The land-use scenarios of path 2 (issue 6) driven offscreen on the sample county: path 1 and the
suitability run first, then tsr:landallocation with small settings on a 600 m grid, as
scripts/main_job.py plans the county (urban on the mean suitability, farmland and forest on the
slope, the current use from the land cover, the excluded areas locked). Checked: the plain-word
refusals, the layers added to the path 2 group, the Pareto chart read from OUTPUT_PARETO, the
summary, and the chain recorded for "save as model".

The tests of this module run in order on one wizard."""

from __future__ import annotations

import processing
import pytest
from qgis.core import QgsCategorizedSymbolRenderer, QgsProcessingModelAlgorithm, QgsRasterLayer

from territorial_resilience.ui import chart_data
from territorial_resilience.ui import wizard as wizard_module
from territorial_resilience.ui.model_export import build_model, write_model
from territorial_resilience.ui.page_base import DONE
from territorial_resilience.ui.results import GROUP_KEY, output_layer, wizard_layers
from territorial_resilience.ui.scenarios import ScenarioSection

WAIT = 120_000  # ms


@pytest.fixture(scope="module")
def slope_suitability(county, tmp_path_factory):
    """Farmland and forest suitability from the slope, as scripts/main_job.py makes them."""
    folder = tmp_path_factory.mktemp("use_suitability")
    farmland = processing.run(
        "tsr:normalizehazard",
        {
            "INPUT": str(county / "slope.tif"),
            "METHOD": 2,
            "DIRECTION": 1,
            "LOWER": 2,
            "UPPER": 15,
            "OUTPUT": str(folder / "farmland_suitability.tif"),
        },
    )["OUTPUT"]
    forest = processing.run(
        "tsr:normalizehazard",
        {"INPUT": str(county / "slope.tif"), "METHOD": 2, "DIRECTION": 0, "LOWER": 5, "UPPER": 25, "OUTPUT": str(folder / "forest_suitability.tif")},
    )["OUTPUT"]
    return farmland, forest


def test_before_the_suitability_the_scenarios_say_what_is_missing(wizard, run_page, set_path1):
    wizard.go_to(wizard_module.RISK)
    risk = wizard.risk
    set_path1(risk)
    run_page(risk)
    assert risk.status == DONE, risk.panel.banner.text()

    wizard.next()
    page = wizard.zoning
    section = page.scenarios
    assert isinstance(section, ScenarioSection) and page.tabs.count() == 2
    assert page.tabs.tabText(1) == "2 · Land-use scenarios"
    (urban,) = section.uses()
    assert urban["name"] == "urban" and urban["development"] and urban["raster"] is None  # no suitability yet
    assert section.risk.text() == "Risk: Multi-hazard risk index (step 4)." and section.objectives[1].isEnabled()
    assert "ecological_red_line, basic_farmland" in section.locked.text()
    section.run()
    assert section.runner is None and "Choose the suitability raster of urban" in section.panel.banner.text()


def test_suitability_then_scenarios_on_a_600_m_grid(wizard, qtbot, run_page, county_project, county, slope_suitability):
    page = wizard.zoning
    section = page.scenarios
    page.draws.setValue(50)
    run_page(page)
    assert page.status == DONE, page.panel.banner.text()
    mean = output_layer(county_project, "suitability", "OUTPUT_MEAN")
    assert section.uses()[0]["raster"] is mean  # urban follows the mean suitability just run

    # the planner's own rasters: the land cover and the farmland and forest suitability
    landcover = QgsRasterLayer(str(county / "landcover.tif"), "landcover")
    farmland = QgsRasterLayer(slope_suitability[0], "farmland suitability")
    forest = QgsRasterLayer(slope_suitability[1], "forest suitability")
    for layer in (landcover, farmland, forest):
        assert layer.isValid()
        county_project.addMapLayer(layer)
    page.refresh()
    assert section.current.currentLayer() is landcover  # found by its name

    page.tabs.setCurrentWidget(section)
    section.set_use("urban", classes="5")
    section.run()
    assert section.runner is None and "demand" in section.panel.banner.text()
    section.set_use("urban", demand=2040, tolerance=3)
    section.set_use("farmland", raster=farmland, demand=6650, tolerance=2, classes="1")
    section.set_use("forest", raster=forest, demand=15000, tolerance=2, classes="2")
    section.cell_size.setValue(600)
    section.population_size.setValue(20)
    section.generations.setValue(10)
    section.kept.setValue(4)
    suitability_layers = {layer.id() for layer in wizard_layers(county_project, "zoning")}
    run_page(section)
    assert section.panel.banner.text().startswith("Done:"), section.panel.banner.text()
    assert "Traceback" not in section.panel.details.toPlainText()

    # the layers: on top of the path 2 group, the suitability's layers kept
    groups = [g for g in county_project.layerTreeRoot().findGroups() if g.customProperty(GROUP_KEY) == "zoning"]
    assert len(groups) == 1
    names = [n.layer().name() for n in groups[0].findLayers()]
    allocated = output_layer(county_project, "land_allocation", "OUTPUT")
    pareto = output_layer(county_project, "land_allocation", "OUTPUT_PARETO")
    assert allocated is not None and pareto is not None
    assert names[:2] == [allocated.name(), pareto.name()]
    assert names[2:] == ["Robustness class", "Probability of being suitable", "Mean suitability", "Standard deviation of suitability"]
    assert suitability_layers <= {layer.id() for layer in wizard_layers(county_project, "zoning")}
    assert isinstance(allocated.renderer(), QgsCategorizedSymbolRenderer) and allocated.renderer().classAttribute() == "use"
    fields = allocated.fields().names()
    assert {"use", "current_use", "locked", "risk", "use_s1", "use_s4"} <= set(fields)
    uses = {f["use"] for f in allocated.getFeatures()}
    assert uses <= {"urban", "farmland", "forest", "other"} and "urban" in uses
    assert any(f["locked"] for f in allocated.getFeatures())  # red line and basic farmland

    # the run saved in the project, beside the suitability's
    saved = wizard.state.run("zoning")
    assert {"suitability", "land_allocation"} <= set(saved)
    outputs = saved["land_allocation"]
    assert outputs["FRONT_SIZE"] >= 1 and 1 <= outputs["KNEE_ID"] <= outputs["FRONT_SIZE"]

    # the chart: the front read from OUTPUT_PARETO, suitability against exposure
    qtbot.waitUntil(lambda: section.chart.kind == "pareto", timeout=WAIT)
    expected = chart_data.pareto_front(outputs["OUTPUT_PARETO"])
    assert expected["objectives"] == ["suitability", "exposed_area_ha", "compactness", "converted_ha"]
    assert section.x_axis.currentData() == "suitability" and section.y_axis.currentData() == "exposed_area_ha"
    data = section.chart.data
    assert len(data["xs"]) == outputs["FRONT_SIZE"] == pareto.featureCount()
    assert data["xs"] == pytest.approx(expected["values"]["suitability"]) and data["ys"] == pytest.approx(expected["values"]["exposed_area_ha"])
    assert expected["ids"][data["knee"]] == outputs["KNEE_ID"]
    assert data["labels"][0] == "s1" and data["kept"][0] == data["knee"]  # the knee is the first scenario column
    assert len(data["kept"]) == min(4, outputs["FRONT_SIZE"])
    section.y_axis.setCurrentIndex(section.y_axis.findData("converted_ha"))
    assert section.chart.data["ys"] == pytest.approx(expected["values"]["converted_ha"])
    summary = section.summary.text()
    assert f"{outputs['FRONT_SIZE']} non-dominated solutions" in summary and f"solution {outputs['KNEE_ID']}" in summary
    assert f"{outputs['HYPERVOLUME']:.3f}" in summary


def test_the_chain_records_the_scenarios_for_the_model(wizard, county_project, tmp_path):
    page = wizard.zoning
    steps = page.model_steps()
    assert [s.id for s in steps] == ["high_risk", "suitability", "land_allocation"]
    step = steps[-1]
    assert step.alg_id == "tsr:landallocation"
    p = step.parameters
    assert p["CELL_SIZE"] == 600 and p["POPULATION_SIZE"] == 20 and p["GENERATIONS"] == 10 and p["SCENARIOS"] == 4
    assert p["OBJECTIVES"] == [0, 1, 2, 3] and p["DEVELOPMENT_USES"] == "urban"
    assert p["DEMAND"] == "urban, 2040, 3%; farmland, 6650, 2%; forest, 15000, 2%"
    assert p["CURRENT_USE_CLASSES"] == "urban, 5; farmland, 1; forest, 2"
    assert p["SUITABILITY"].startswith("urban, ") and "farmland_suitability.tif" in p["SUITABILITY"]
    assert p["RISK"].origin is not None and p["RISK"].origin.step == "overlay"
    assert sorted(i.value.split("layername=")[-1] for i in p["LOCKED_ZONES"]) == ["basic_farmland", "ecological_red_line"]

    # with path 1 in the model, the risk is a link to the overlay; the model is valid
    path = str(tmp_path / "path2.model3")
    model = build_model("path 2", "tsr", wizard.risk.model_steps() + steps)
    written, problems = write_model(model, path)
    assert written, problems
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(path)
    child = loaded.childAlgorithms()["land_allocation"]
    assert child.parameterSources()["RISK"][0].outputChildId() == "overlay"
    # the summary's "save as model" takes them too
    assert "land_allocation" in [s.id for s in wizard.summary.chain_steps()]


def test_running_the_suitability_again_replaces_the_scenarios(wizard, run_page, county_project):
    page = wizard.zoning
    section = page.scenarios
    run_page(page)
    assert page.status == DONE
    assert output_layer(county_project, "land_allocation", "OUTPUT") is None
    assert section.last_steps == [] and [s.id for s in page.model_steps()] == ["high_risk", "suitability"]
    assert section.chart.kind is None and "run the land-use scenarios again" in section.chart.message.text()
    assert section.uses()[0]["raster"] is output_layer(county_project, "suitability", "OUTPUT_MEAN")
    assert "land_allocation" not in wizard.state.run("zoning")


def test_cancel_leaves_nothing(wizard, qtbot, county_project):
    section = wizard.zoning.scenarios
    before = sorted(layer.id() for layer in wizard_layers(county_project))
    section.generations.setValue(2000)
    section.run()
    section.panel.cancel()
    qtbot.waitUntil(lambda: not section.running, timeout=WAIT)
    assert "Cancelled" in section.panel.banner.text()
    assert sorted(layer.id() for layer in wizard_layers(county_project)) == before
