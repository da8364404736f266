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
from network_layers import Recorder, features, layer, save_layers, with_null_geometry
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
    result = run(
        "facilitylocation",
        inputs(
            tmp_path, NETWORK=None, COST_TABLE=table, COST_ORIGIN_FIELD="o", COST_DESTINATION_FIELD="d", COST_FIELD="c", MODEL=2, SERVICE_DISTANCE=0
        ),
    )
    assert selected(result) == ["C1", "C3"] and result["OBJECTIVE"] == pytest.approx(113100.0)


def test_uncoverable_demand_is_named(run, tmp_path):
    # D5 is 400 m off the road at x 1500: 400 + 500 + 10 = 910 m from C2, beyond 600 m of every
    # candidate; D1–D4 are all coverable (see the table above), so only D5 may be listed.
    demand = layer("Point", "&field=name:string&field=pop:double", DEMAND + [((1500, 400), ["D5", 10.0])])
    with pytest.raises(QgsProcessingException, match=r"\(1 in all\): D5\.") as caught:
        run("facilitylocation", inputs(tmp_path, DEMAND=demand, MODEL=0))
    assert not any(name in str(caught.value) for name in ("D1", "D2", "D3", "D4"))


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


def process_parameters(tmp_path, **extra) -> dict:
    """qgis_process parameters on the layers save_layers wrote as demand, candidates and roads.gpkg."""
    parameters = {
        "DEMAND": str(tmp_path / "demand.gpkg"),
        "POPULATION_FIELD": "pop",
        "DEMAND_ID_FIELD": "name",
        "CANDIDATES": str(tmp_path / "candidates.gpkg"),
        "CANDIDATE_ID_FIELD": "code",
        "NETWORK": str(tmp_path / "roads.gpkg"),
        "P": 2,
        "SERVICE_DISTANCE": 600,
        "OUTPUT_SITES": str(tmp_path / "s.gpkg"),
        "OUTPUT_ALLOCATION": "",
        "OUTPUT_HTML": "",
    }
    return parameters | extra


def test_facility_location_through_qgis_process(tmp_path):
    save_layers(
        tmp_path,
        {
            "demand": ("Point", "&field=name:string&field=pop:double", DEMAND),
            "candidates": ("Point", "&field=code:string&field=cap:double", CANDIDATES),
            "roads": ("LineString", "&field=id:integer", ROAD),
        },
    )
    answer = QgisProcess(str(tmp_path / "profile")).run("tsr:facilitylocation", process_parameters(tmp_path, MODEL=1))
    results = answer["results"]
    assert results["OBJECTIVE"] == pytest.approx(210.0) and results["COVERED_PERCENT"] == pytest.approx(100 * 210 / TOTAL)
    assert results["STATUS"] == "optimal" and len(results["COVERAGE_CURVE"].split(",")) == 2


# ---------------------------------------------------------------------------------------------
# Hostile input (issue 10)


def cost_table(rows):
    from qgis.core import QgsFeature

    table = QgsVectorLayer("None?field=o:string&field=d:string&field=c:string", "od", "memory")
    features = []
    for origin, site, value in rows:
        feature = QgsFeature(table.fields())
        feature.setAttributes([origin, site, value])
        features.append(feature)
    table.dataProvider().addFeatures(features)
    return table


TABLE = [
    (o, s, str(v))
    for o, values in {"D1": (100, 910, 2410), "D2": (1000, 10, 1510), "D3": (2000, 1010, 510), "D4": (2900, 1910, 410)}.items()
    for s, v in zip(("C1", "C2", "C3"), values)
]


@pytest.mark.parametrize(
    "value, message",
    [
        ("nan", r"Row 6 of the cost table \(D2 → C3\): the cost is nan"),
        ("-5", r"Row 6 of the cost table \(D2 → C3\): the cost is -5.0"),
        ("far", r"Row 6 of the cost table \(D2 → C3\): the cost 'far' is not a number"),
    ],
)
def test_bad_costs_in_the_table_name_the_row(run, tmp_path, value, message):
    # Before: NaN silently dropped the pair, text raised a traceback, a negative cost named an index.
    rows = list(TABLE)
    rows[5] = ("D2", "C3", value)
    table = cost_table(rows)
    parameters = inputs(
        tmp_path, NETWORK=None, COST_TABLE=table, COST_ORIGIN_FIELD="o", COST_DESTINATION_FIELD="d", COST_FIELD="c", MODEL=2, SERVICE_DISTANCE=0
    )
    with pytest.raises(QgsProcessingException, match=message):
        run("facilitylocation", parameters)


def test_missing_costs_are_unreachable_and_reported(run, tmp_path):
    rows = list(TABLE)
    rows[5] = ("D2", "C3", None)  # D2 → C3 unreachable: the p-median {C1, C3} sends D2 to C1 (1000 m) anyway
    feedback = Recorder()
    parameters = inputs(
        tmp_path,
        NETWORK=None,
        COST_TABLE=cost_table(rows),
        COST_ORIGIN_FIELD="o",
        COST_DESTINATION_FIELD="d",
        COST_FIELD="c",
        MODEL=2,
        SERVICE_DISTANCE=0,
    )
    result = run("facilitylocation", parameters, feedback=feedback)
    assert selected(result) == ["C1", "C3"] and result["OBJECTIVE"] == pytest.approx(113100.0)
    assert any("1 rows of the cost table have no cost" in m for m in feedback.messages)


def test_demand_without_geometry_counts_as_not_covered(run, tmp_path):
    demand = with_null_geometry("Point", "&field=name:string&field=pop:double", DEMAND, [["D5", 40.0]])
    feedback = Recorder()
    result = run("facilitylocation", inputs(tmp_path, DEMAND=demand), feedback=feedback)
    # Same sites and objective as without D5; the percentages are out of 260 + 40 = 300 persons.
    assert selected(result) == ["C1", "C3"] and result["OBJECTIVE"] == pytest.approx(210.0)
    assert result["COVERED_PERCENT"] == pytest.approx(70.0)
    assert [float(v) for v in result["COVERAGE_CURVE"].split(",")] == pytest.approx([100 * 110 / 300, 70.0], abs=1e-3)
    assert any("1 demand features have no geometry; their 40 persons are counted as not covered" in m for m in feedback.messages)
    # LSCP still places sites for everybody it can locate, and says who it cannot.
    cover = run("facilitylocation", inputs(tmp_path, DEMAND=demand, MODEL=0))
    assert cover["OBJECTIVE"] == 3 and cover["COVERED_PERCENT"] == pytest.approx(100 * 260 / 300)


def test_candidates_without_geometry_are_reported(run, tmp_path):
    candidates = with_null_geometry("Point", "&field=code:string&field=cap:double", CANDIDATES, [["C4", 10.0]])
    feedback = Recorder()
    result = run("facilitylocation", inputs(tmp_path, CANDIDATES=candidates), feedback=feedback)
    assert selected(result) == ["C1", "C3"]
    assert any("The candidate layer: 1 features have no geometry and are left out (features 4)" in m for m in feedback.messages)


def test_road_speed_zero_is_refused(run, tmp_path):
    roads = layer("LineString", "&field=id:integer&field=speed:double", [([(0, 0), (1500, 0)], [1, 40.0]), ([(1500, 0), (3000, 0)], [2, 0.0])])
    with pytest.raises(QgsProcessingException, match=r"1 roads have a speed in 'speed' of 0 or less.*features 2"):
        run("facilitylocation", inputs(tmp_path, NETWORK=roads, SPEED_FIELD="speed", COST=1, SERVICE_DISTANCE=10))


@pytest.mark.parametrize("model", [0, 1, 2, 3])
def test_cancellation_reaches_routing_and_every_solver(run, tmp_path, model):
    extra = {"MODEL": model, "SERVICE_DISTANCE": 600.0 if model < 2 else 0.0}
    free = Recorder()
    reference = run("facilitylocation", inputs(tmp_path, **extra), feedback=free)
    assert free.calls >= 3 and reference["STATUS"] == "optimal"
    for n in range(1, free.calls + 1):
        feedback = Recorder(cancel_after=n)
        with pytest.raises(QgsProcessingException, match="Cancelled"):
            run("facilitylocation", inputs(tmp_path, OUTPUT_SITES=str(tmp_path / f"c{n}.gpkg"), **extra), feedback=feedback)
        assert feedback.calls == n


def test_time_limit_is_one_wall_clock_budget_for_solve_and_curve(run, tmp_path):
    import time

    import numpy as np

    # 4000 residents × 400 candidates in 40 km, straight lines, MCLP S = 3 km, P = 10: far from
    # proven within seconds. Before, the curve had TIME_LIMIT and the answer TIME_LIMIT again.
    rng = np.random.default_rng(11)
    people = [((x, y), [f"D{k}", float(w)]) for k, ((x, y), w) in enumerate(zip(rng.uniform(0, 40_000, (4000, 2)), rng.integers(1, 30, 4000)))]
    sites = [((x, y), [f"C{k}", 0.0]) for k, (x, y) in enumerate(rng.uniform(0, 40_000, (400, 2)))]
    parameters = inputs(
        tmp_path,
        DEMAND=layer("Point", "&field=name:string&field=pop:double", people),
        CANDIDATES=layer("Point", "&field=code:string&field=cap:double", sites),
        NETWORK=None,
        P=10,
        SERVICE_DISTANCE=3000.0,
        TIME_LIMIT=4.0,
        OUTPUT_ALLOCATION="",
        OUTPUT_HTML="",
    )
    started = time.perf_counter()
    result = run("facilitylocation", parameters)
    elapsed = time.perf_counter() - started
    assert elapsed < 4.0 + 3.0  # generous margin for reading the layers and writing the sites
    assert len(result["COVERAGE_CURVE"].split(",")) == 10 and len(selected(result)) == 10
    curve = [float(v) for v in result["COVERAGE_CURVE"].split(",")]
    assert curve == sorted(curve) and curve[-1] == pytest.approx(result["COVERED_PERCENT"], abs=1e-3)


def test_hostile_input_through_qgis_process(tmp_path):
    save_layers(
        tmp_path,
        {
            "demand": ("Point", "&field=name:string&field=pop:double", DEMAND + [((1500, 400), ["D5", 10.0])]),
            "candidates": ("Point", "&field=code:string&field=cap:double", CANDIDATES),
            "roads": ("LineString", "&field=id:integer", ROAD),
        },
    )
    runner = QgisProcess(str(tmp_path / "profile"))
    with pytest.raises(RuntimeError) as failed:
        runner.run("tsr:facilitylocation", process_parameters(tmp_path, MODEL=0))
    text = str(failed.value)
    assert "(1 in all): D5." in text and "Traceback" not in text and "(1)" in text.splitlines()[0]
    assert not any(f"D{k}," in text or f"D{k}." in text for k in range(1, 5))
    assert not (tmp_path / "s.gpkg").exists()
