"""The guide's step "Spatial network · Ecological security pattern" on the sample county: the
resistance table pre-filled from tsr:resistancesurface's preset, edited to the county's classes;
the chain run (resistance, patch importance, sources, corridors, pinch points, barriers) into a
styled group; the charts equal to what the algorithms wrote (dPC of the patches, the threshold
curve, the effective resistances), read back from their outputs."""

from __future__ import annotations

import json
import math
import os
import subprocess

import pytest
from qgis.core import QgsApplication, QgsRasterLayer, QgsVectorLayer

from territorial_resilience.ui import wizard as wizard_module
from territorial_resilience.ui.page_base import DONE
from territorial_resilience.ui.results import GROUP_KEY, output_layer

WAIT = 240_000  # ms
#: The county's land cover (sample_data/county/landcover.py): 1 cropland, 2 forest, 3 grassland,
#: 4 water, 5 built-up, 6 wetland — the resistances of scripts/main_job.py.
COUNTY_TABLE = [("1", "30"), ("2", "1"), ("3", "20"), ("4", "100"), ("5", "500"), ("6", "10")]


@pytest.fixture(scope="module")
def eco_wizard(county_project, county):
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    from territorial_resilience.ui.wizard import SetsWizard

    landcover = QgsRasterLayer(str(county / "landcover.tif"), "landcover")
    assert landcover.isValid()
    county_project.addMapLayer(landcover)
    w = SetsWizard(county_project)
    w.show()
    yield w
    w.cancel_runs()
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def table_of(path: str, fields: list[str]) -> list[dict]:
    layer = QgsVectorLayer(path, "t", "ogr")
    assert layer.isValid(), path
    return [{f: feature[f] for f in fields} for feature in layer.getFeatures()]


def test_the_step_follows_the_inventory_with_the_preset_table(eco_wizard):
    assert eco_wizard.steps.count() == 8
    assert wizard_module.step_names()[wizard_module.ECOLOGY] == "Spatial network · Ecological security pattern"
    eco_wizard.go_to(wizard_module.ECOLOGY)
    page = eco_wizard.ecology
    assert eco_wizard.currentPage() is page
    assert page.landcover.currentLayer().name() == "landcover" and page.roads.currentLayer().name() == "roads"
    default = QgsApplication.processingRegistry().algorithmById("tsr:resistancesurface").parameterDefinition("TABLE").defaultValue()
    flat = [cell for row in page.table_rows() for cell in row]
    assert flat == [str(v) for v in default] and len(flat) == 24  # the twelve first-level classes of 三调


def test_the_ecological_security_pattern_runs_and_the_charts_are_the_outputs(eco_wizard, qtbot, county_project):
    page = eco_wizard.ecology
    page.set_table(COUNTY_TABLE)
    page.habitat_classes.setText("2, 6")
    page.sources_kept.setValue(6)
    page.run()
    assert page.runner is not None, page.panel.banner.text()
    qtbot.waitUntil(lambda: not page.runner.running, timeout=WAIT)
    assert page.status == DONE, page.panel.banner.text()
    results = eco_wizard.state.run("ecology")
    assert set(results) == {"resistance", "patches", "sources", "corridors", "circuit", "barriers"}
    assert eco_wizard.state.get("ecology/table") == [list(row) for row in COUNTY_TABLE]

    groups = [g for g in county_project.layerTreeRoot().findGroups() if g.customProperty(GROUP_KEY) == "ecology"]
    assert len(groups) == 1 and groups[0].name() == "4 · Spatial network · ecological security pattern"
    names = [n.layer().name() for n in groups[0].findLayers()]
    assert names[:2] == ["Barriers (improvement score)", "Radius of the maximum score"]
    assert "Ecological sources" in names and "Least-cost paths" in names and "Pinch points (current density)" in names
    sources = output_layer(county_project, "sources", "OUTPUT")
    assert sources.featureCount() == 6

    # dPC of the sources: the bars are the six best-ranked patches of the OUTPUT layer
    qtbot.waitUntil(lambda: page.sources_chart.kind == "bars", timeout=WAIT)
    patches = sorted(table_of(results["patches"]["OUTPUT"], ["patch_id", "dPC", "rank"]), key=lambda r: r["rank"])
    assert page.sources_chart.data["values"] == pytest.approx([r["dPC"] for r in patches[:6]], rel=1e-12)
    assert page.sources_chart.data["labels"] == [f"patch {r['patch_id']}" for r in patches[:6]]
    assert page.sources_chart.data["values"] == sorted(page.sources_chart.data["values"], reverse=True)

    # the threshold curve: PC and the components of OUTPUT_CURVE at the swept distances
    curve = sorted(table_of(results["patches"]["OUTPUT_CURVE"], ["distance", "PC", "components"]), key=lambda r: r["distance"])
    chart = page.curve_chart
    assert chart.kind == "lines"
    assert chart.data["xs"] == [1000.0, 2500.0, 5000.0, 10000.0, 20000.0, 40000.0, 80000.0] == [r["distance"] for r in curve]
    assert chart.data["series"][0][1] == pytest.approx([r["PC"] for r in curve], rel=1e-12)
    assert chart.data["right"][1] == [r["components"] for r in curve]
    assert chart.data["marks"] == [10000.0]
    assert curve[3]["PC"] == pytest.approx(results["patches"]["PC"], rel=1e-9)  # the curve at THRESHOLD is the run's PC
    assert curve[3]["components"] == results["patches"]["COMPONENTS"]
    assert chart.data["right"][1] == sorted(chart.data["right"][1], reverse=True)  # longer reach, fewer components

    # effective resistances of the pairs: the table the circuit wrote, the highest first
    pairs = table_of(results["circuit"]["OUTPUT_RESISTANCES"], ["from_id", "to_id", "resistance"])
    finite = sorted((r for r in pairs if r["to_id"] is not None and r["resistance"] is not None), key=lambda r: -r["resistance"])
    assert page.resistance_chart.kind == "bars" and len(finite) >= 1
    shown = finite[:12]  # the twelve highest; the note says how many there are
    assert page.resistance_chart.data["values"] == pytest.approx([r["resistance"] for r in shown], rel=1e-12)
    assert page.resistance_chart.data["labels"] == [f"{r['from_id']}–{r['to_id']}" for r in shown]
    if len(finite) > 12:
        assert page.resistance_chart.note.text().startswith(f"the 12 highest of {len(finite)} pairs")
    mean = results["circuit"]["MEAN_EFFECTIVE_RESISTANCE"]
    assert sum(r["resistance"] for r in finite) / len(finite) == pytest.approx(mean, rel=1e-9)
    assert "EC(PC)" in page.panel.banner.text() and f"{results['patches']['EC_PC']:,.1f} ha" in page.panel.banner.text()

    # EC(PC) per planning unit, for the E dimension of SETS: one row per township, the habitat
    # split among them at most that of the patches, each unit's EC between √Σa² and its habitat
    units = eco_wizard.state.units_layer()
    per_unit = table_of(results["patches"]["OUTPUT_UNITS"], ["habitat_ha", "ec_pc_ha", "ec_pc_pct"])
    assert len(per_unit) == units.featureCount()
    total = sum(r["area_ha"] for r in table_of(results["patches"]["OUTPUT"], ["area_ha"]))
    assert 0 < sum(r["habitat_ha"] for r in per_unit) <= total * (1 + 1e-9)
    assert all(0 <= r["ec_pc_ha"] <= r["habitat_ha"] * (1 + 1e-9) for r in per_unit)
    assert "ec_pc_pct" in page.panel.banner.text()


def test_the_resistance_table_refuses_a_cell_that_is_not_a_number(eco_wizard):
    page = eco_wizard.ecology
    page.set_table([("1", "30"), ("2", "forest")])
    page.run()
    assert "needs a number" in page.panel.banner.text()
    page.set_table(COUNTY_TABLE)


def numbers_in(value) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [float(value)]
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers_in(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers_in(v)]
    return []


def test_the_summary_makes_the_dossier_from_the_last_runs(eco_wizard, qtbot):
    eco_wizard.go_to(wizard_module.SUMMARY)
    section = eco_wizard.summary.dossier
    assert section.panel.findChildren(type(section.open_button))[0].text() == "Make the dossier…"
    assert not section.open_button.isEnabled()
    section.language.setCurrentIndex(1)  # English
    section.run()
    assert section.runner is not None, section.panel.banner.text()
    qtbot.waitUntil(lambda: not section.runner.running, timeout=WAIT)
    results = eco_wizard.state.run("dossier").get("dossier")
    assert results and os.path.exists(results["OUTPUT_PDF"]), section.panel.banner.text() + section.panel.details.toPlainText()[-2000:]
    folder = os.path.dirname(results["OUTPUT_PDF"])
    # the records of the last ecological run, gathered for the dossier, the dossier's own last
    with open(os.path.join(folder, "tsr_runs.jsonl"), encoding="utf-8") as lines:
        algorithms = [json.loads(line)["algorithm"] for line in lines if line.strip()]
    assert algorithms == [
        "tsr:resistancesurface",
        "tsr:patchconnectivity",
        "tsr:ecologicalcorridors",
        "tsr:circuitconnectivity",
        "tsr:barriers",
        "tsr:resiliencedossier",
    ]
    info = subprocess.run(["pdfinfo", results["OUTPUT_PDF"]], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages == results["PAGES"] > 0
    # the findings carry the numbers of the run
    with open(results["OUTPUT_JSON"], encoding="utf-8") as handle:
        found = numbers_in(json.load(handle))
    run = eco_wizard.state.run("ecology")
    for number in (run["patches"]["PC"], run["circuit"]["MEAN_EFFECTIVE_RESISTANCE"]):
        assert any(math.isclose(n, number, rel_tol=1e-9) for n in found), number
    assert section.open_button.isEnabled() and f"{pages} pages" in section.panel.banner.text()


def test_the_model_holds_the_ecological_chain(eco_wizard, tmp_path):
    from qgis.core import QgsProcessingModelAlgorithm

    path = str(tmp_path / "ecology.model3")
    assert eco_wizard.summary.save_model(path), eco_wizard.summary.model_banner.text()
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(path)
    children = model.childAlgorithms()
    assert sorted(c.algorithmId() for c in children.values()) == sorted(
        [
            "tsr:resistancesurface",
            "tsr:patchconnectivity",
            "native:extractbyexpression",
            "tsr:ecologicalcorridors",
            "tsr:circuitconnectivity",
            "tsr:barriers",
        ]
    )
    # the corridors read the sources and the resistance of the earlier steps through links
    sources = children["corridors"].parameterSources()
    assert sources["SOURCES"][0].outputChildId() == "sources" and sources["RESISTANCE"][0].outputChildId() == "resistance"
    assert children["circuit"].parameterSources()["CORRIDORS"][0].outputChildId() == "corridors"
    model.initAlgorithm()
    assert model.validate()[0]
    assert "landcover" in {p.name() for p in model.parameterDefinitions()}
