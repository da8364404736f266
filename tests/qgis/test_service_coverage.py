"""tsr:servicecoverage on a hand-made road against costs computed by hand, and through
qgis_process."""

from __future__ import annotations

import json

import pytest
from network_layers import X0, Y0, Recorder, box, features, layer, save_layers, with_null_geometry
from qgis.core import QgsPointXY, QgsProcessingException
from qgis_runner import QgisProcess

# One road along y = 0 from x = 0 to 2000 m; a shelter 10 m off it at x = 1000.
ROAD = [([(0, 0), (2000, 0)], [1, 30.0])]
SHELTER = [((1000, 10), ["S1", 120.0])]
# A: 20 m off the road at x = 700 → 20 + 300 + 10 = 330 m; B: 5 m off at x = 1500 → 5 + 500 + 10 = 515 m;
# C: 800 m from the road, beyond the 500 m maximum snap distance → unreachable.
DEMAND = [((700, 20), ["A", 100.0]), ((1500, -5), ["B", 50.0]), ((100, 800), ["C", 30.0])]


def inputs(tmp_path, **extra):
    parameters = {
        "DEMAND": layer("Point", "&field=name:string&field=population:double", DEMAND),
        "POPULATION_FIELD": "population",
        "FACILITIES": layer("Point", "&field=code:string&field=area:double", SHELTER),
        "FACILITY_ID_FIELD": "code",
        "AREA_FIELD": "area",
        "AREA_PER_PERSON": 1.0,
        "NETWORK": layer("LineString", "&field=id:integer&field=speed:double", ROAD),
        "THRESHOLDS": "400, 600",
        "MAX_SNAP": 500.0,
        "OUTPUT_DEMAND": str(tmp_path / "demand.gpkg"),
        "OUTPUT_FACILITIES": str(tmp_path / "facilities.gpkg"),
        "OUTPUT_AREAS": str(tmp_path / "areas.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "coverage.html"),
    }
    parameters.update(extra)
    return parameters


def by_name(path):
    return {row["name"]: row for row in features(path)}


def test_network_costs_coverage_load_and_2sfca_by_hand(run, tmp_path):
    result = run("servicecoverage", inputs(tmp_path))
    assert result["COVERED_PERCENT"] == pytest.approx(100.0 * 100 / 180)
    # the curve: 41 costs 0, 15, … 600 m; A (100 people, 330 m) from 330 m, B (50, 515 m) from 525 m, C never
    costs = [float(c) for c in result["CURVE_COSTS"].split(",")]
    shares = [float(c) for c in result["COVERAGE_CURVE"].split(",")]
    assert costs == pytest.approx([15.0 * k for k in range(41)])
    assert shares == pytest.approx([0.0] * 22 + [100.0 * 100 / 180] * 13 + [100.0 * 150 / 180] * 6, abs=1e-4)
    demand = by_name(result["OUTPUT_DEMAND"])
    assert demand["A"]["cost"] == pytest.approx(330.0) and demand["B"]["cost"] == pytest.approx(515.0)
    assert demand["C"]["cost"] is None and demand["C"]["reached"] == 0 and demand["C"]["nearest_id"] is None
    assert [(demand[k]["covered_400"], demand[k]["covered_600"]) for k in "ABC"] == [(1, 1), (0, 1), (0, 0)]
    # 2SFCA at 400 m: R = 120 places / 100 persons; A_A = 1.2, the others reach no facility in time.
    assert [demand[k]["access_2sfca"] for k in "ABC"] == pytest.approx([1.2, 0.0, 0.0])
    (facility,) = features(result["OUTPUT_FACILITIES"])
    assert (facility["demand_400"], facility["demand_600"]) == (100.0, 150.0)
    assert facility["capacity"] == 120.0 and facility["assigned"] == 100.0
    assert facility["load_ratio"] == pytest.approx(100 / 120) and facility["overloaded"] == 0
    areas = {row["threshold"]: row["_geometry"] for row in features(result["OUTPUT_AREAS"])}
    assert set(areas) == {400.0, 600.0}
    assert areas[400.0].contains(QgsPointXY(X0 + 700, Y0 + 20)) and not areas[400.0].contains(QgsPointXY(X0 + 1500, Y0 - 5))
    assert areas[600.0].contains(QgsPointXY(X0 + 1500, Y0 - 5))
    html = (tmp_path / "coverage.html").read_text(encoding="utf-8")
    assert "Coverage per threshold" in html and "<svg" in html


def test_time_costs_walk_at_the_given_speed(run, tmp_path):
    result = run("servicecoverage", inputs(tmp_path, COST=1, SPEED=6.0, THRESHOLDS="4, 6", OUTPUT_AREAS=""))
    demand = by_name(result["OUTPUT_DEMAND"])
    # 6 km/h = 100 m per minute on the road (no speed field given) and on the access legs
    assert demand["A"]["cost"] == pytest.approx(3.3) and demand["B"]["cost"] == pytest.approx(5.15)
    assert (demand["A"]["covered_4"], demand["B"]["covered_4"], demand["B"]["covered_6"]) == (1, 0, 1)


def test_straight_line_without_network_and_preset(run, tmp_path):
    result = run("servicecoverage", inputs(tmp_path, NETWORK=None, PRESET=1, OUTPUT_AREAS=""))
    demand = by_name(result["OUTPUT_DEMAND"])
    assert demand["A"]["cost"] == pytest.approx((300**2 + 10**2) ** 0.5)
    assert demand["C"]["cost"] is None  # 1241 m away: beyond the preset's 500 m, so no facility in reach
    # emergency shelter preset: 500 m and 1 m² per person → 120 persons of capacity
    assert demand["A"]["covered_500"] == 1 and demand["B"]["covered_500"] == 0
    (facility,) = features(result["OUTPUT_FACILITIES"])
    assert facility["capacity"] == 120.0


def test_barriers_close_roads(run, tmp_path):
    barrier = layer("Polygon", "", [(box(1100, -50, 1300, 50), [])])
    result = run("servicecoverage", inputs(tmp_path, BARRIERS=barrier, OUTPUT_AREAS=""))
    demand = by_name(result["OUTPUT_DEMAND"])
    assert demand["A"]["cost"] == pytest.approx(330.0)
    assert demand["B"]["cost"] is None and demand["B"]["covered_600"] == 0


def test_overload_and_zero_capacity(run, tmp_path):
    full = layer("Point", "&field=code:string&field=cap:double", [((1000, 10), ["S1", 0.0])])
    result = run("servicecoverage", inputs(tmp_path, FACILITIES=full, AREA_FIELD=None, CAPACITY_FIELD="cap", OUTPUT_AREAS=""))
    (facility,) = features(result["OUTPUT_FACILITIES"])
    assert facility["overloaded"] == 1 and facility["load_ratio"] is None


@pytest.mark.parametrize(
    "change, message",
    [
        ({"crs": "EPSG:4326"}, "geographic"),
        ({"crs": "EPSG:3857"}, "Web Mercator"),
        ({"empty": True}, "no feature"),
        ({"THRESHOLDS": "0, 500"}, "positive"),
    ],
)
def test_bad_input_is_explained(run, tmp_path, change, message):
    parameters = inputs(tmp_path)
    if "crs" in change:
        parameters["DEMAND"] = layer("Point", "&field=name:string&field=population:double", [((116.4, 39.9), ["A", 1.0])], crs=change["crs"])
    elif "empty" in change:
        parameters["DEMAND"] = layer("Point", "&field=name:string&field=population:double", [])
    else:
        parameters.update(change)
    with pytest.raises(QgsProcessingException, match=message):
        run("servicecoverage", parameters)


def test_service_coverage_through_qgis_process(tmp_path):
    save_layers(
        tmp_path,
        {
            "demand": ("Point", "&field=name:string&field=population:double", DEMAND),
            "shelters": ("Point", "&field=code:string&field=area:double", SHELTER),
            "roads": ("LineString", "&field=id:integer&field=speed:double", ROAD),
        },
    )
    answer = QgisProcess(str(tmp_path / "profile")).run(
        "tsr:servicecoverage",
        {
            "DEMAND": str(tmp_path / "demand.gpkg"),
            "POPULATION_FIELD": "population",
            "FACILITIES": str(tmp_path / "shelters.gpkg"),
            "AREA_FIELD": "area",
            "NETWORK": str(tmp_path / "roads.gpkg"),
            "THRESHOLDS": "400,600",
            "OUTPUT_DEMAND": str(tmp_path / "d.gpkg"),
            "OUTPUT_FACILITIES": str(tmp_path / "f.gpkg"),
            "OUTPUT_AREAS": str(tmp_path / "a.gpkg"),
            "OUTPUT_HTML": str(tmp_path / "c.html"),
        },
    )
    assert answer["results"]["COVERED_PERCENT"] == pytest.approx(100.0 * 100 / 180)
    assert json.dumps(answer["results"])  # plain JSON numbers, not empty values
    assert len(features(str(tmp_path / "a.gpkg"))) == 2


def test_null_population_counts_zero_and_is_reported(run, tmp_path):
    feedback = Recorder()
    demand = layer("Point", "&field=name:string&field=population:double", [DEMAND[0], ((1500, -5), ["B", None])])
    result = run("servicecoverage", inputs(tmp_path, DEMAND=demand, OUTPUT_AREAS=""), feedback=feedback)
    assert result["COVERED_PERCENT"] == pytest.approx(100.0)  # A's 100 people are all within 400 m
    assert any("1 demand features have no population" in m for m in feedback.messages)
    (facility,) = features(result["OUTPUT_FACILITIES"])
    assert facility["demand_600"] == 100.0


# ---------------------------------------------------------------------------------------------
# Hostile input (issue 10)


def roads_with_speed(value, kind="double"):
    return layer("LineString", f"&field=id:integer&field=speed:{kind}", [([(0, 0), (2000, 0)], [1, value])])


@pytest.mark.parametrize("value, kind", [(0.0, "double"), (-30.0, "double"), ("fast", "string")])
def test_a_road_speed_of_zero_negative_or_text_is_refused_with_the_road(run, tmp_path, value, kind):
    # Before: such a road silently took the walking speed SPEED.
    parameters = inputs(tmp_path, NETWORK=roads_with_speed(value, kind), SPEED_FIELD="speed", COST=1, THRESHOLDS="4, 6", OUTPUT_AREAS="")
    with pytest.raises(QgsProcessingException, match=r"Road speeds must be positive.*1 roads.*features 1 \('" + str(value)):
        run("servicecoverage", parameters)


@pytest.mark.parametrize("value", [None, float("nan")])
def test_a_missing_road_speed_takes_speed_and_is_reported(run, tmp_path, value):
    feedback = Recorder()
    parameters = inputs(tmp_path, NETWORK=roads_with_speed(value), SPEED_FIELD="speed", COST=1, SPEED=6.0, THRESHOLDS="4, 6", OUTPUT_AREAS="")
    result = run("servicecoverage", parameters, feedback=feedback)
    demand = by_name(result["OUTPUT_DEMAND"])
    # 6 km/h = 100 m per minute on the road and on the access legs: A 330 m → 3.3 min
    assert demand["A"]["cost"] == pytest.approx(3.3) and demand["B"]["cost"] == pytest.approx(5.15)
    assert any("1 roads have no speed in 'speed' and take the speed SPEED (6 km/h)" in m for m in feedback.messages)
    # With a distance cost the speed field is not read at all, whatever it holds.
    zero = run(
        "servicecoverage",
        inputs(tmp_path, NETWORK=roads_with_speed(0.0), SPEED_FIELD="speed", OUTPUT_AREAS="", OUTPUT_DEMAND=str(tmp_path / "d2.gpkg")),
    )
    assert by_name(zero["OUTPUT_DEMAND"])["A"]["cost"] == pytest.approx(330.0)


def test_demand_without_geometry_stays_in_the_denominator(run, tmp_path):
    demand = with_null_geometry("Point", "&field=name:string&field=population:double", DEMAND, [["D", 20.0]])
    feedback = Recorder()
    result = run("servicecoverage", inputs(tmp_path, DEMAND=demand), feedback=feedback)
    # A (100 persons) within 400 m out of 100 + 50 + 30 + 20 = 200 persons (before: out of 180)
    assert result["COVERED_PERCENT"] == pytest.approx(50.0)
    assert any("1 demand features have no geometry; their 20 persons are counted as not covered" in m for m in feedback.messages)
    rows = by_name(result["OUTPUT_DEMAND"])
    assert set(rows) == {"A", "B", "C", "D"}  # written, not dropped
    assert rows["D"]["reached"] == 0 and rows["D"]["covered_400"] == 0 and rows["D"]["_geometry"].isEmpty()
    html = (tmp_path / "coverage.html").read_text(encoding="utf-8")
    assert "Demand features without geometry" in html


def test_facilities_without_geometry_are_reported(run, tmp_path):
    facilities = with_null_geometry("Point", "&field=code:string&field=area:double", SHELTER, [["S2", 50.0]])
    feedback = Recorder()
    result = run("servicecoverage", inputs(tmp_path, FACILITIES=facilities, OUTPUT_AREAS=""), feedback=feedback)
    assert result["COVERED_PERCENT"] == pytest.approx(100.0 * 100 / 180)
    assert any("The facility layer: 1 features have no geometry and are left out (features 2)" in m for m in feedback.messages)


def test_population_text_nan_and_negative(run, tmp_path):
    text = layer("Point", "&field=name:string&field=population:string", [((700, 20), ["A", "100"]), ((1500, -5), ["B", "many"])])
    with pytest.raises(QgsProcessingException, match=r"1 features have a value in 'population' that is not a number \(features 2 \('many'\)\)"):
        run("servicecoverage", inputs(tmp_path, DEMAND=text))
    negative = layer("Point", "&field=name:string&field=population:double", [((700, 20), ["A", 100.0]), ((1500, -5), ["B", -5.0])])
    with pytest.raises(QgsProcessingException, match=r"1 features have a negative value in 'population' \(features 2\)"):
        run("servicecoverage", inputs(tmp_path, DEMAND=negative))
    # NaN counts as 0, like NULL, and is reported; numbers written as text are read.
    nan = layer("Point", "&field=name:string&field=population:string", [((700, 20), ["A", "100"]), ((1500, -5), ["B", "nan"])])
    feedback = Recorder()
    result = run("servicecoverage", inputs(tmp_path, DEMAND=nan, OUTPUT_AREAS=""), feedback=feedback)
    assert result["COVERED_PERCENT"] == pytest.approx(100.0)
    assert any("1 demand features have no population" in m for m in feedback.messages)


def test_every_point_beyond_the_snap_distance_is_a_result_not_a_crash(run, tmp_path):
    # Before: IndexError in the snapping when no point had a road within MAX_SNAP.
    far = layer("Point", "&field=name:string&field=population:double", [((100, 800), ["C", 30.0])])
    shelter = layer("Point", "&field=code:string&field=area:double", [((1000, 900), ["S1", 120.0])])
    feedback = Recorder()
    result = run("servicecoverage", inputs(tmp_path, DEMAND=far, FACILITIES=shelter), feedback=feedback)
    assert result["COVERED_PERCENT"] == 0.0
    assert any("1 demand points are more than 500 m from any road" in m for m in feedback.messages)
    assert any("1 facilities are more than 500 m from any road" in m for m in feedback.messages)


def test_max_snap_zero_joins_only_points_on_the_road(run, tmp_path):
    on_road = layer("Point", "&field=name:string&field=population:double", [((700, 0), ["A", 100.0]), ((1500, -5), ["B", 50.0])])
    shelter = layer("Point", "&field=code:string&field=area:double", [((1000, 0), ["S1", 120.0])])
    result = run("servicecoverage", inputs(tmp_path, DEMAND=on_road, FACILITIES=shelter, MAX_SNAP=0.0, OUTPUT_AREAS=""))
    rows = by_name(result["OUTPUT_DEMAND"])
    assert rows["A"]["cost"] == pytest.approx(300.0) and rows["B"]["reached"] == 0
    assert result["COVERED_PERCENT"] == pytest.approx(100.0 * 100 / 150)


def test_layers_whose_coordinates_cannot_be_transformed_are_named(run, tmp_path):
    # x = 501 000 "degrees": no transformation into the demand layer's CRS exists.
    wrong = layer("Point", "&field=code:string&field=area:double", SHELTER, crs="EPSG:4326")
    with pytest.raises(QgsProcessingException, match="The facility layer: feature 1 cannot be transformed"):
        run("servicecoverage", inputs(tmp_path, FACILITIES=wrong))


def test_cancellation_reaches_routing_and_service_areas(run, tmp_path):
    free = Recorder()
    run("servicecoverage", inputs(tmp_path), feedback=free)
    assert free.calls >= 3  # routing, trees, service areas
    for n in range(1, free.calls + 1):
        feedback = Recorder(cancel_after=n)
        with pytest.raises(QgsProcessingException, match="Cancelled"):
            run("servicecoverage", inputs(tmp_path, OUTPUT_DEMAND=str(tmp_path / f"c{n}.gpkg")), feedback=feedback)
        assert feedback.calls == n


def test_hostile_input_through_qgis_process(tmp_path):
    save_layers(
        tmp_path,
        {
            "demand": ("Point", "&field=name:string&field=population:double", DEMAND),
            "shelters": ("Point", "&field=code:string&field=area:double", SHELTER),
            "roads": ("LineString", "&field=id:integer&field=speed:double", [([(0, 0), (2000, 0)], [1, 0.0])]),
        },
    )
    runner = QgisProcess(str(tmp_path / "profile"))
    parameters = {
        "DEMAND": str(tmp_path / "demand.gpkg"),
        "POPULATION_FIELD": "population",
        "FACILITIES": str(tmp_path / "shelters.gpkg"),
        "AREA_FIELD": "area",
        "NETWORK": str(tmp_path / "roads.gpkg"),
        "SPEED_FIELD": "speed",
        "COST": 1,
        "THRESHOLDS": "4,6",
        "OUTPUT_DEMAND": str(tmp_path / "d.gpkg"),
        "OUTPUT_FACILITIES": str(tmp_path / "f.gpkg"),
        "OUTPUT_AREAS": "",
        "OUTPUT_HTML": "",
    }
    with pytest.raises(RuntimeError) as failed:
        runner.run("tsr:servicecoverage", parameters)
    text = str(failed.value)
    assert "Road speeds must be positive numbers of km/h: 1 roads" in text and "Traceback" not in text
    assert "(1)" in text.splitlines()[0]  # qgis_process's exit code
    # The same roads with a distance cost: the speeds are not used and the run succeeds.
    answer = runner.run("tsr:servicecoverage", dict(parameters, COST=0, THRESHOLDS="400,600"))
    assert answer["results"]["COVERED_PERCENT"] == pytest.approx(100.0 * 100 / 180)


# ---------------------------------------------------------------------------------------------
# The shared network input block (common/network_input.add_network_inputs): a public contract.

NETWORK_BLOCK = ["NETWORK", "SPEED", "SPEED_FIELD", "COST", "MAX_SNAP", "ONEWAY_FIELD", "TOLERANCE", "SPLIT"]
PARAMETERS = {
    "servicecoverage": ["DEMAND", "POPULATION_FIELD", "FACILITIES", "FACILITY_ID_FIELD", "CAPACITY_FIELD", "AREA_FIELD", "AREA_PER_PERSON"]
    + NETWORK_BLOCK
    + ["THRESHOLDS", "PRESET", "BARRIERS", "OUTPUT_DEMAND", "OUTPUT_FACILITIES", "OUTPUT_AREAS", "OUTPUT_HTML"],
    "facilitylocation": ["DEMAND", "POPULATION_FIELD", "DEMAND_ID_FIELD", "CANDIDATES", "CANDIDATE_ID_FIELD", "EXISTING"]
    + NETWORK_BLOCK
    + ["COST_TABLE", "COST_ORIGIN_FIELD", "COST_DESTINATION_FIELD", "COST_FIELD", "MODEL", "CAPACITY_FIELD", "P", "SERVICE_DISTANCE"]
    + ["TIME_LIMIT", "MIP_GAP", "OUTPUT_SITES", "OUTPUT_ALLOCATION", "OUTPUT_HTML"],
    "evacuationroutes": ["DEMAND", "POPULATION_FIELD", "DEMAND_ID_FIELD", "SHELTERS", "SHELTER_ID_FIELD", "CAPACITY_FIELD"]
    + NETWORK_BLOCK
    + ["HAZARD_ZONES", "HAZARD_MODE", "PENALTY", "HAZARD_RASTER", "ASSIGNMENT", "OUTPUT", "OUTPUT_UNREACHED", "OUTPUT_HTML"],
}


@pytest.mark.parametrize("alg_id", sorted(PARAMETERS))
def test_the_network_block_keeps_names_order_defaults_and_has_help(provider, alg_id):
    from qgis.core import QgsProcessingParameterDefinition

    alg = provider.algorithm(alg_id)
    assert alg is not None, alg_id
    assert [p.name() for p in alg.parameterDefinitions()] == PARAMETERS[alg_id]
    block = {name: alg.parameterDefinition(name) for name in NETWORK_BLOCK}
    assert (block["SPEED"].defaultValue(), block["COST"].defaultValue(), block["MAX_SNAP"].defaultValue()) == (5.0, 0, 500.0)
    assert (block["TOLERANCE"].defaultValue(), block["SPLIT"].defaultValue()) == (0.0, False)
    advanced = {n for n, p in block.items() if p.flags() & QgsProcessingParameterDefinition.Flag.FlagAdvanced}
    assert advanced == {"ONEWAY_FIELD", "TOLERANCE", "SPLIT"}
    assert bool(block["NETWORK"].flags() & QgsProcessingParameterDefinition.Flag.FlagOptional) == (alg_id != "evacuationroutes")
    assert all(p.help() for p in block.values()), [n for n, p in block.items() if not p.help()]


def test_the_coverage_report_from_its_dataclass():
    import numpy as np

    from territorial_resilience.algorithms.network.costs import CostMatrix
    from territorial_resilience.algorithms.network.coverage import coverage
    from territorial_resilience.processing_provider.common.reports.servicecoverage import CoverageReport, coverage_report

    # demand 0 (100 people) at 200 from F1, demand 1 (300) at 400 from F2; capacities 80 and 400; 20 unlocated people
    pairs = CostMatrix(np.array([0, 1]), np.array([0, 1]), np.array([200.0, 400.0]), 2, 2)
    population, capacity = np.array([100.0, 300.0]), np.array([80.0, 400.0])
    data = CoverageReport(
        coverage(pairs, population, capacity, [500.0]), population, capacity, "m", 2.0, ["F1", "F2"], np.array([True, True]), 1, 20.0
    )
    html = coverage_report(str, data)
    cells = lambda label: html.split(f'<td class="l">{label}</td>')[1].split("</td>")[0].split(">")[-1]  # noqa: E731 (the value cell)
    assert cells("Total capacity (persons)") == "480.00" and cells("Total population (persons)") == "420.00"
    assert cells("Overall capacity gap (m² at 2 m² per person)") == "0" and cells("Overloaded facilities") == "1"
    assert cells("Assigned beyond capacity (persons)") == "20.00"  # F1 takes 100 for 80 places
    assert cells("Demand features without geometry (counted as not covered)") == "1 (20.00)"
