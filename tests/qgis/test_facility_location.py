"""tsr:facilitylocation on a hand-solvable instance along one road, and through qgis_process.

Road y = 0 from x = 0 to 3000 m. Demand D1 (x 100, 100 people), D2 (x 1000, 50), D3 (x 2000, 80),
D4 (x 2900, 30), all on the road; candidates C1 at x 0 on the road, C2 and C3 10 m off it at
x 1000 and 2500. Network costs (m):
        C1     C2     C3
  D1   100    910   2410
  D2  1000     10   1510
  D3  2000   1010    510
  D4  2900   1910    410
"""

from __future__ import annotations

import pytest
from network_layers import features, layer, save_layers
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis_runner import QgisProcess

ROAD = [([(0, 0), (3000, 0)], [1])]
DEMAND = [((100, 0), ["D1", 100.0]), ((1000, 0), ["D2", 50.0]), ((2000, 0), ["D3", 80.0]), ((2900, 0), ["D4", 30.0])]
CANDIDATES = [((0, 0), ["C1", 500.0]), ((1000, 10), ["C2", 500.0]), ((2500, 10), ["C3", 90.0])]
TOTAL = 260.0


def inputs(tmp_path, **extra):
    parameters = {
        "DEMAND": layer("Point", "&field=name:string&field=pop:double", DEMAND),
        "POPULATION_FIELD": "pop",
        "DEMAND_ID_FIELD": "name",
        "CANDIDATES": layer("Point", "&field=code:string&field=cap:double", CANDIDATES),
        "CANDIDATE_ID_FIELD": "code",
        "NETWORK": layer("LineString", "&field=id:integer", ROAD),
        "MAX_SNAP": 500.0,
        "MODEL": 1,
        "P": 2,
        "SERVICE_DISTANCE": 600.0,
        "OUTPUT_SITES": str(tmp_path / "sites.gpkg"),
        "OUTPUT_ALLOCATION": str(tmp_path / "allocation.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "location.html"),
    }
    parameters.update(extra)
    return parameters


def selected(result):
    return sorted(row["site_id"] for row in features(result["OUTPUT_SITES"]))


def test_mclp_and_its_coverage_curve(run, tmp_path):
    result = run("facilitylocation", inputs(tmp_path))
    # P = 1: C3 covers D3 + D4 = 110; P = 2: C3 + C1 = 210.
    assert selected(result) == ["C1", "C3"]
    assert result["OBJECTIVE"] == pytest.approx(210.0)
    assert result["COVERED_PERCENT"] == pytest.approx(100 * 210 / TOTAL)
    assert [float(v) for v in result["COVERAGE_CURVE"].split(",")] == pytest.approx([100 * 110 / TOTAL, 100 * 210 / TOTAL], abs=1e-3)
    assert result["STATUS"] == "optimal"
    lines = {(r["demand_id"], r["site_id"]): r for r in features(result["OUTPUT_ALLOCATION"])}
    assert lines[("D3", "C3")]["cost"] == pytest.approx(510.0) and lines[("D1", "C1")]["people"] == 100.0
    html = (tmp_path / "location.html").read_text(encoding="utf-8")
    assert "Coverage against the number of new sites" in html and "<svg" in html


def test_lscp_pmedian_pcenter_by_hand(run, tmp_path):
    lscp = run("facilitylocation", inputs(tmp_path, MODEL=0))
    assert selected(lscp) == ["C1", "C2", "C3"] and lscp["OBJECTIVE"] == 3 and lscp["COVERED_PERCENT"] == pytest.approx(100.0)
    # p-median, P = 2: {C1,C3} costs 100·100 + 50·1000 + 80·510 + 30·410 = 113 100 person-metres
    # ({C1,C2}: 148 600, {C2,C3}: 144 600).
    median = run("facilitylocation", inputs(tmp_path, MODEL=2, SERVICE_DISTANCE=0))
    assert selected(median) == ["C1", "C3"] and median["OBJECTIVE"] == pytest.approx(113100.0)
    # p-center, P = 2: {C2,C3} has the shortest longest trip, 910 m (D1 to C2).
    center = run("facilitylocation", inputs(tmp_path, MODEL=3, SERVICE_DISTANCE=0))
    assert selected(center) == ["C2", "C3"] and center["OBJECTIVE"] == pytest.approx(910.0)


def test_existing_sites_stay_open_and_capacities_bind(run, tmp_path):
    existing = layer("Point", "&field=code:string&field=cap:double", [((1000, 10), ["E2", 500.0])])
    candidates = layer("Point", "&field=code:string&field=cap:double", [CANDIDATES[0], CANDIDATES[2]])
    result = run("facilitylocation", inputs(tmp_path, CANDIDATES=candidates, EXISTING=existing, P=1))
    # E2 covers D2 (50); the one new site: C3 adds 110, C1 adds 100.
    rows = {r["site_id"]: r for r in features(result["OUTPUT_SITES"])}
    assert set(rows) == {"E2", "C3"} and rows["E2"]["existing"] == 1 and rows["C3"]["existing"] == 0
    assert result["COVERED_PERCENT"] == pytest.approx(100 * 160 / TOTAL)
    # C3 holds 90 people: with capacities C1 (100) beats C3 (90 of 110) for P = 1.
    capacitated = run("facilitylocation", inputs(tmp_path, P=1, CAPACITY_FIELD="cap", OUTPUT_SITES=str(tmp_path / "cap.gpkg")))
    assert selected(capacitated) == ["C1"] and capacitated["OBJECTIVE"] == pytest.approx(100.0)


def test_cost_table_replaces_the_network(run, tmp_path):
    table = QgsVectorLayer("None?field=o:string&field=d:string&field=c:double", "od", "memory")
    from qgis.core import QgsFeature

    costs = {"D1": (100, 910, 2410), "D2": (1000, 10, 1510), "D3": (2000, 1010, 510), "D4": (2900, 1910, 410)}
    rows = []
    for origin, values in costs.items():
        for site, value in zip(("C1", "C2", "C3"), values):
            feature = QgsFeature(table.fields())
            feature.setAttributes([origin, site, float(value)])
            rows.append(feature)
    table.dataProvider().addFeatures(rows)
    result = run("facilitylocation", inputs(tmp_path, NETWORK=None, COST_TABLE=table, COST_ORIGIN_FIELD="o", COST_DESTINATION_FIELD="d", COST_FIELD="c", MODEL=2, SERVICE_DISTANCE=0))
    assert selected(result) == ["C1", "C3"] and result["OBJECTIVE"] == pytest.approx(113100.0)


def test_uncoverable_demand_is_named(run, tmp_path):
    demand = layer("Point", "&field=name:string&field=pop:double", DEMAND + [((1500, 400), ["D5", 10.0])])
    with pytest.raises(QgsProcessingException, match="D5"):
        run("facilitylocation", inputs(tmp_path, DEMAND=demand, MODEL=0))


@pytest.mark.parametrize(
    "change, message",
    [
        ({"SERVICE_DISTANCE": 0}, "SERVICE_DISTANCE"),
        ({"DEMAND_ID_FIELD": "pop", "duplicate": True}, "unique"),
        ({"COST_TABLE": "table"}, "COST_ORIGIN_FIELD"),
        ({"crs": "EPSG:4326"}, "geographic"),
    ],
)
def test_bad_input_is_explained(run, tmp_path, change, message):
    parameters = inputs(tmp_path)
    if change.pop("duplicate", False):
        parameters["DEMAND"] = layer("Point", "&field=name:string&field=pop:double", [((100, 0), ["A", 5.0]), ((200, 0), ["B", 5.0])])
    if change.get("COST_TABLE") == "table":
        change["COST_TABLE"] = QgsVectorLayer("None?field=o:string", "od", "memory")
    if "crs" in change:
        parameters["DEMAND"] = layer("Point", "&field=name:string&field=pop:double", [((113.3, 23.1), ["A", 1.0])], crs=change.pop("crs"))
    parameters.update(change)
    with pytest.raises(QgsProcessingException, match=message):
        run("facilitylocation", parameters)


def test_facility_location_through_qgis_process(tmp_path):
    save_layers(tmp_path, {
        "demand": ("Point", "&field=name:string&field=pop:double", DEMAND),
        "candidates": ("Point", "&field=code:string&field=cap:double", CANDIDATES),
        "roads": ("LineString", "&field=id:integer", ROAD),
    })
    answer = QgisProcess(str(tmp_path / "profile")).run(
        "tsr:facilitylocation",
        {
            "DEMAND": str(tmp_path / "demand.gpkg"), "POPULATION_FIELD": "pop", "DEMAND_ID_FIELD": "name",
            "CANDIDATES": str(tmp_path / "candidates.gpkg"), "CANDIDATE_ID_FIELD": "code", "NETWORK": str(tmp_path / "roads.gpkg"),
            "MODEL": 1, "P": 2, "SERVICE_DISTANCE": 600, "OUTPUT_SITES": str(tmp_path / "s.gpkg"), "OUTPUT_ALLOCATION": "", "OUTPUT_HTML": "",
        },
    )
    results = answer["results"]
    assert results["OBJECTIVE"] == pytest.approx(210.0) and results["COVERED_PERCENT"] == pytest.approx(100 * 210 / TOTAL)
    assert results["STATUS"] == "optimal" and len(results["COVERAGE_CURVE"].split(",")) == 2
