"""tsr:networkcriticality on a hand-made network with a bridge, a detour and a spur, against
costs computed by hand; scenarios by polygons and by raster; through qgis_process with hostile
input."""

from __future__ import annotations

import numpy as np
import pytest
from network_layers import X0, Y0, Recorder, box, features, layer, save_layers
from qgis.core import QgsCoordinateTransformContext, QgsProcessingException, QgsVectorFileWriter
from qgis_runner import QgisProcess
from rasters import write_raster

# Hospital H 10 m south of (0, 0). R1 (0,0)–(1000,0) the bridge; R2 (1000,0)–(2000,0); R3 the
# detour (0,0)–(0,1000)–(1000,1000)–(1000,0), 3000 m; R4 the spur (2000,0)–(2000,−500).
# D1 (100 persons) 10 m south of (1000,0): 10 + 1000 + 10 = 1020 m; D2 (50) 10 m south of
# the spur's end: 10 + 500 + 2000 + 10 = 2520 m. THRESHOLD 2600 m.
ROADS = [
    ([(0, 0), (1000, 0)], ["R1", 1]),
    ([(1000, 0), (2000, 0)], ["R2", 0]),
    ([(0, 0), (0, 1000), (1000, 1000), (1000, 0)], ["R3", 0]),
    ([(2000, 0), (2000, -500)], ["R4", 0]),
]
DEMAND = [((1000, -10), ["D1", 100.0]), ((2000, -510), ["D2", 50.0])]
HOSPITAL = [((0, -10), ["H", 120.0])]
ROAD_FIELDS = "&field=name:string&field=bridge:integer"


def inputs(tmp_path, **extra):
    parameters = {
        "DEMAND": layer("Point", "&field=name:string&field=population:double", DEMAND),
        "POPULATION_FIELD": "population",
        "DEMAND_ID_FIELD": "name",
        "FACILITIES": layer("Point", "&field=code:string&field=beds:double", HOSPITAL),
        "FACILITY_ID_FIELD": "code",
        "NETWORK": layer("LineString", ROAD_FIELDS, ROADS),
        "ELEMENT_ID_FIELD": "name",
        "COST": 0,
        "MAX_SNAP": 100.0,
        "THRESHOLD": 2600.0,
        "ELEMENTS": 0,
        "OUTPUT": str(tmp_path / "elements.gpkg"),
        "OUTPUT_DEMAND": str(tmp_path / "demand.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "criticality.html"),
    }
    parameters.update(extra)
    return parameters


def by_id(path, key="element_id"):
    return {row[key]: row for row in features(path)}


def test_n_minus_one_by_hand(run, tmp_path):
    result = run("networkcriticality", inputs(tmp_path))
    rows = by_id(result["OUTPUT"])
    # R1: both lose the standard (D1 3020 m, D2 4520 m), Δ mean = 2000 m; R2 and R4 cut D2 off; R3 carries nobody.
    assert rows["R1"]["lost_access"] == pytest.approx(150) and rows["R1"]["cut_off"] == 0
    assert rows["R1"]["mean_cost_increase"] == pytest.approx(2000.0)
    assert rows["R2"]["lost_access"] == pytest.approx(50) and rows["R2"]["cut_off"] == pytest.approx(50)
    assert rows["R2"]["mean_cost_increase"] == pytest.approx(0.0)
    assert rows["R4"]["cut_off"] == pytest.approx(50)
    assert rows["R3"]["lost_access"] == 0 and rows["R3"]["class"] == 0 and rows["R3"]["affected"] == 0
    assert [rows[k]["rank"] for k in ("R1", "R2", "R4", "R3")] == [1, 2, 3, 4]
    assert [rows[k]["class"] for k in ("R1", "R2", "R4")] == [4, 4, 4]
    assert result["MOST_CRITICAL_ID"] == "R1" and result["SCENARIO_LOST_ACCESS"] == 0.0
    demand = by_id(result["OUTPUT_DEMAND"], "demand_id")
    assert demand["D1"]["cost_before"] == pytest.approx(1020.0) and demand["D2"]["cost_after"] == pytest.approx(2520.0)
    text = open(result["OUTPUT_HTML"], encoding="utf-8").read()
    assert "R1" in text and "<svg" in text


def test_scenario_polygon_and_ranking_on_the_damaged_network(run, tmp_path):
    zone = layer("Polygon", "", [(box(400, -100, 600, 100), [])])
    result = run("networkcriticality", inputs(tmp_path, SCENARIO=zone))
    assert result["SCENARIO_LOST_ACCESS"] == pytest.approx(150.0)
    demand = by_id(result["OUTPUT_DEMAND"], "demand_id")
    assert demand["D1"]["cost_before"] == pytest.approx(1020.0) and demand["D1"]["cost_after"] == pytest.approx(3020.0)
    assert demand["D1"]["lost_access"] == 1 and demand["D2"]["cost_after"] == pytest.approx(4520.0)
    rows = by_id(result["OUTPUT"])
    # With the bridge gone the detour R3 is the lifeline: its loss cuts everybody off.
    assert rows["R3"]["cut_off"] == pytest.approx(150) and rows["R3"]["rank"] == 1
    assert rows["R1"]["class"] == 0
    assert result["MOST_CRITICAL_ID"] == "R3"


def test_scenario_raster_above_the_threshold(run, tmp_path):
    # 50 m cells over x −100 … 2100, y −600 … 1100; water 0.5 m deep around x 400–600 on the bridge.
    depth = np.zeros((34, 44), dtype=np.float32)
    depth[21:23, 10:12] = 0.5  # rows 21–22: y 50 … −50; columns 10–11: x 400 … 500 (north-up, origin at y 1100)
    path = write_raster(tmp_path / "depth.tif", depth, origin=(X0 - 100, Y0 + 1100), cell=50.0)
    result = run("networkcriticality", inputs(tmp_path, SCENARIO=path, SCENARIO_THRESHOLD=0.3))
    assert result["SCENARIO_LOST_ACCESS"] == pytest.approx(150.0)
    shallow = run("networkcriticality", inputs(tmp_path, SCENARIO=path, SCENARIO_THRESHOLD=0.6, OUTPUT=str(tmp_path / "e2.gpkg")))
    assert shallow["SCENARIO_LOST_ACCESS"] == 0.0


def test_facilities_and_filtered_elements(run, tmp_path):
    result = run("networkcriticality", inputs(tmp_path, ELEMENTS=2, CAPACITY_FIELD="beds"))
    rows = by_id(result["OUTPUT"])
    assert list(rows) == ["H"] and rows["H"]["cut_off"] == pytest.approx(150) and rows["H"]["kind"] == "facility"
    bridges = run("networkcriticality", inputs(tmp_path, ELEMENTS=1, ELEMENT_FILTER_FIELD="bridge", OUTPUT=str(tmp_path / "b.gpkg")))
    assert list(by_id(bridges["OUTPUT"])) == ["R1"]
    both = run("networkcriticality", inputs(tmp_path, ELEMENTS=3, OUTPUT=str(tmp_path / "both.gpkg"), OUTPUT_DEMAND=str(tmp_path / "d3.gpkg")))
    assert set(by_id(both["OUTPUT"])) == {"R1", "R2", "R3", "R4", "H"}


def test_overloaded_facility_when_demand_shifts(run, tmp_path):
    # A second hospital G 10 m beyond D2 with room for 60. Losing G sends D2 (50) to H (room 120, already
    # 100): overloaded; losing H sends D1 (100) to G (room 60): overloaded too.
    hospitals = layer("Point", "&field=code:string&field=beds:double", [((0, -10), ["H", 120.0]), ((2000, -520), ["G", 60.0])])
    result = run("networkcriticality", inputs(tmp_path, FACILITIES=hospitals, ELEMENTS=2, CAPACITY_FIELD="beds"))
    rows = by_id(result["OUTPUT"])
    assert rows["G"]["overloaded"] == 1 and rows["H"]["overloaded"] == 1
    assert rows["G"]["mean_cost_increase"] == pytest.approx(50 * (2520 - 30) / 150)  # D2: 10 + 20 m to G before


@pytest.mark.parametrize(
    "change, message",
    [
        ({"DEMAND": layer("Point", "&field=name:string&field=population:double", [((0.01, 0.01), ["D", 1.0])], crs="EPSG:4326")}, "geographic CRS"),
        ({"FACILITIES": layer("Point", "&field=code:string&field=beds:double", [((5000, 5000), ["X", 1.0])])}, "No facility"),
        ({"ELEMENTS": 1}, "none is"),
        ({"THRESHOLD": 0.0}, "THRESHOLD"),
    ],
)
def test_bad_input_is_explained(run, tmp_path, change, message):
    with pytest.raises(QgsProcessingException, match=message):
        run("networkcriticality", inputs(tmp_path, **change))


def test_scenarios_that_remove_nothing_or_everything(run, tmp_path):
    feedback = Recorder()
    nothing = layer("Polygon", "", [(box(5000, 5000, 6000, 6000), [])])
    result = run("networkcriticality", inputs(tmp_path, SCENARIO=nothing), feedback)
    assert result["SCENARIO_LOST_ACCESS"] == 0.0 and "closes no road" in feedback.text()
    everything = layer("Polygon", "", [(box(-500, -1000, 2500, 1500), [])])
    feedback = Recorder()
    result = run("networkcriticality", inputs(tmp_path, SCENARIO=everything, OUTPUT=str(tmp_path / "all.gpkg")), feedback)
    assert result["SCENARIO_LOST_ACCESS"] == pytest.approx(150.0) and "closes every road" in feedback.text()
    assert result["MOST_CRITICAL_ID"] == ""


def test_disconnected_network_and_unreached_people(run, tmp_path):
    roads = ROADS + [([(5000, 0), (6000, 0)], ["R5", 0])]
    demand = DEMAND + [((5500, 10), ["D3", 30.0])]
    result = run(
        "networkcriticality",
        inputs(
            tmp_path,
            NETWORK=layer("LineString", ROAD_FIELDS, roads),
            DEMAND=layer("Point", "&field=name:string&field=population:double", demand),
        ),
    )
    rows = by_id(result["OUTPUT"])
    assert rows["R5"]["class"] == 0 and rows["R1"]["lost_access"] == pytest.approx(150)
    assert by_id(result["OUTPUT_DEMAND"], "demand_id")["D3"]["cost_before"] is None


def test_network_criticality_through_qgis_process(tmp_path):
    save_layers(
        tmp_path,
        {
            "demand": ("Point", "&field=name:string&field=population:double", DEMAND),
            "hospitals": ("Point", "&field=code:string&field=beds:double", HOSPITAL),
            "roads": ("LineString", ROAD_FIELDS, ROADS),
            "zone": ("Polygon", "", [(box(400, -100, 600, 100), [])]),
        },
    )
    runner = QgisProcess(str(tmp_path / "profile"))
    parameters = {
        "DEMAND": str(tmp_path / "demand.gpkg"),
        "POPULATION_FIELD": "population",
        "DEMAND_ID_FIELD": "name",
        "FACILITIES": str(tmp_path / "hospitals.gpkg"),
        "NETWORK": str(tmp_path / "roads.gpkg"),
        "ELEMENT_ID_FIELD": "name",
        "THRESHOLD": 2600,
        "MAX_SNAP": 100,
        "SCENARIO": str(tmp_path / "zone.gpkg"),
        "OUTPUT": str(tmp_path / "out.gpkg"),
        "OUTPUT_DEMAND": str(tmp_path / "out_demand.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "out.html"),
    }
    answer = runner.run("tsr:networkcriticality", parameters)
    assert answer["results"]["SCENARIO_LOST_ACCESS"] == pytest.approx(150.0)
    assert answer["results"]["MOST_CRITICAL_ID"] == "R3"
    # Hostile: an output that is an input, no facility within reach, demand in degrees.
    geographic = layer("Point", "&field=name:string&field=population:double", [((0.01, 0.01), ["D", 1.0])], crs="EPSG:4326")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    written = QgsVectorFileWriter.writeAsVectorFormatV3(geographic, str(tmp_path / "degrees.gpkg"), QgsCoordinateTransformContext(), options)
    assert written[0] == QgsVectorFileWriter.WriterError.NoError
    for change, fragment in (
        ({"OUTPUT": str(tmp_path / "roads.gpkg")}, "roads.gpkg"),
        ({"MAX_SNAP": 1}, "No facility"),
        ({"DEMAND": str(tmp_path / "degrees.gpkg")}, "geographic CRS"),
    ):
        with pytest.raises(RuntimeError) as failed:
            runner.run("tsr:networkcriticality", dict(parameters, **change))
        text = str(failed.value)
        assert fragment in text and "Traceback" not in text
