"""tsr:evacuationroutes on a hand-made network: a main road crossing a hazard zone and a
bypass around it; lengths, hazard lengths and capacity-respecting flows computed by hand."""

from __future__ import annotations

import numpy as np
import pytest
from network_layers import X0, Y0, box, features, layer, save_layers
from qgis.core import QgsProcessingException
from qgis_runner import QgisProcess
from rasters import write_raster

# Main road y = 0 from x = 0 to 2000; bypass (0,0) → (0,400) → (2000,400) → (2000,0).
ROADS = [([(0, 0), (2000, 0)], [1]), ([(0, 0), (0, 400), (2000, 400), (2000, 0)], [2])]
ZONE = [(box(800, -100, 1200, 100), [])]
# S1 10 m east of the east end; S2 10 m above the bypass's west corner.
SHELTERS = [((2010, 0), ["S1", 40.0]), ((0, 410), ["S2", 100.0])]
# R1 west of the zone, R2 inside it, R3 east of it, R4 5 km from any road.
RESIDENTS = [((500, 0), ["R1", 50.0]), ((1000, 5), ["R2", 30.0]), ((1500, 0), ["R3", 20.0]), ((5000, 5000), ["R4", 5.0])]


def inputs(tmp_path, **extra):
    parameters = {
        "DEMAND": layer("Point", "&field=name:string&field=pop:double", RESIDENTS),
        "POPULATION_FIELD": "pop",
        "DEMAND_ID_FIELD": "name",
        "SHELTERS": layer("Point", "&field=code:string&field=cap:double", SHELTERS[:1]),
        "SHELTER_ID_FIELD": "code",
        "NETWORK": layer("LineString", "&field=id:integer", ROADS),
        "HAZARD_ZONES": layer("Polygon", "", ZONE),
        "MAX_SNAP": 100.0,
        "OUTPUT": str(tmp_path / "routes.gpkg"),
        "OUTPUT_UNREACHED": str(tmp_path / "unreached.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "evacuation.html"),
    }
    parameters.update(extra)
    return parameters


def routes(path):
    return {(r["demand_id"], r["shelter_id"]): r for r in features(path)}


def test_avoid_mode_goes_around_and_only_leaves_the_start_zone(run, tmp_path):
    result = run("evacuationroutes", inputs(tmp_path))
    got = routes(result["OUTPUT"])
    assert set(got) == {("R1", "S1"), ("R2", "S1"), ("R3", "S1")}
    # R1 must take the bypass: 500 + 400 + 2000 + 400 + 10 m; R2 leaves its zone eastwards (200 m inside).
    assert got[("R1", "S1")]["length_m"] == pytest.approx(3310.0) and got[("R1", "S1")]["hazard_length_m"] == 0.0
    assert got[("R2", "S1")]["length_m"] == pytest.approx(5 + 1000 + 10) and got[("R2", "S1")]["hazard_length_m"] == pytest.approx(200.0)
    assert got[("R3", "S1")]["length_m"] == pytest.approx(510.0)
    assert got[("R1", "S1")]["time_min"] == pytest.approx(3310.0 / (5000 / 60))
    assert got[("R1", "S1")]["people"] == 50.0
    # the route geometry goes from the resident to the shelter, around the zone
    line = got[("R1", "S1")]["_geometry"]
    assert line.length() == pytest.approx(3310.0)
    assert max(p.y() for p in line.asPolyline()) == pytest.approx(Y0 + 400.0)
    (left,) = features(result["OUTPUT_UNREACHED"])
    assert left["demand_id"] == "R4" and left["people"] == 5.0 and "road" in left["reason"]
    assert result["EVACUATED_PERCENT"] == pytest.approx(100.0 * 100 / 105)


def test_penalise_mode_and_hazard_raster(run, tmp_path):
    # × 5 inside: through the zone 300 + 400·5 + 800 + 10 = 3110 < 3310 around it.
    result = run("evacuationroutes", inputs(tmp_path, HAZARD_MODE=1, PENALTY=5.0))
    got = routes(result["OUTPUT"])
    assert got[("R1", "S1")]["length_m"] == pytest.approx(1510.0)
    assert got[("R1", "S1")]["hazard_length_m"] == pytest.approx(400.0)
    assert got[("R1", "S1")]["cost"] == pytest.approx(3110.0)
    # The same hazard as a raster of degree 1 over x 800–1200: costs × (1 + 4·h̄) along the roads.
    degrees = np.zeros((20, 250), dtype=np.float32)
    degrees[:, 80:120] = 1.0
    raster = write_raster(tmp_path / "hazard.tif", degrees, cell=10.0, origin=(X0 - 200.0, Y0 + 100.0))
    result = run("evacuationroutes", inputs(tmp_path, HAZARD_ZONES=None, HAZARD_MODE=1, PENALTY=5.0, HAZARD_RASTER=raster, OUTPUT=str(tmp_path / "r2.gpkg")))
    got = routes(result["OUTPUT"])
    assert got[("R1", "S1")]["cost"] == pytest.approx(3110.0) and got[("R1", "S1")]["length_m"] == pytest.approx(1510.0)


def test_capacity_respecting_assignment_by_hand(run, tmp_path):
    shelters = layer("Point", "&field=code:string&field=cap:double", SHELTERS)
    result = run("evacuationroutes", inputs(tmp_path, SHELTERS=shelters, CAPACITY_FIELD="cap", ASSIGNMENT=1))
    got = {k: v["people"] for k, v in routes(result["OUTPUT"]).items()}
    # S1 holds 40: moving a person of R2 to S2 costs 1415 − 1015 = 400 m more, one of R3 2910 − 510 = 2400 m,
    # so R3 stays whole at S1, R2 splits 20 / 10, R1 goes to S2 (910 m).
    assert got == pytest.approx({("R1", "S2"): 50.0, ("R2", "S1"): 20.0, ("R2", "S2"): 10.0, ("R3", "S1"): 20.0})
    loads = {}
    for (_, shelter), people in got.items():
        loads[shelter] = loads.get(shelter, 0.0) + people
    assert loads["S1"] <= 40.0 and loads["S2"] <= 100.0


def test_full_shelters_leave_people_reported(run, tmp_path):
    small = layer("Point", "&field=code:string&field=cap:double", [((2010, 0), ["S1", 25.0])])
    result = run("evacuationroutes", inputs(tmp_path, SHELTERS=small, CAPACITY_FIELD="cap", ASSIGNMENT=1))
    assert sum(r["people"] for r in features(result["OUTPUT"])) == pytest.approx(25.0)
    left = {r["demand_id"]: r for r in features(result["OUTPUT_UNREACHED"])}
    assert sum(r["people"] for r in left.values()) == pytest.approx(80.0)
    assert "full" in left["R1"]["reason"]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"ASSIGNMENT": 1}, "CAPACITY_FIELD"),
        ({"DEMAND": "geographic"}, "geographic"),
        ({"DEMAND_ID_FIELD": "pop"}, "unique"),
    ],
)
def test_bad_input_is_explained(run, tmp_path, change, message):
    parameters = inputs(tmp_path, **change)
    if change.get("DEMAND") == "geographic":
        parameters["DEMAND"] = layer("Point", "&field=name:string&field=pop:double", [((113.3, 23.1), ["A", 1.0])], crs="EPSG:4490")
    if change.get("DEMAND_ID_FIELD") == "pop":
        parameters["DEMAND"] = layer("Point", "&field=name:string&field=pop:double", [((500, 0), ["A", 1.0]), ((600, 0), ["B", 1.0])])
    with pytest.raises(QgsProcessingException, match=message):
        run("evacuationroutes", parameters)


def test_evacuation_through_qgis_process(tmp_path):
    save_layers(tmp_path, {
        "residents": ("Point", "&field=name:string&field=pop:double", RESIDENTS),
        "shelters": ("Point", "&field=code:string&field=cap:double", SHELTERS),
        "roads": ("LineString", "&field=id:integer", ROADS),
        "zone": ("Polygon", "", ZONE),
    })
    answer = QgisProcess(str(tmp_path / "profile")).run(
        "tsr:evacuationroutes",
        {
            "DEMAND": str(tmp_path / "residents.gpkg"), "POPULATION_FIELD": "pop", "DEMAND_ID_FIELD": "name",
            "SHELTERS": str(tmp_path / "shelters.gpkg"), "SHELTER_ID_FIELD": "code", "CAPACITY_FIELD": "cap", "ASSIGNMENT": 1,
            "NETWORK": str(tmp_path / "roads.gpkg"), "HAZARD_ZONES": str(tmp_path / "zone.gpkg"), "MAX_SNAP": 100,
            "OUTPUT": str(tmp_path / "r.gpkg"), "OUTPUT_UNREACHED": str(tmp_path / "u.gpkg"), "OUTPUT_HTML": str(tmp_path / "e.html"),
        },
    )
    assert answer["results"]["EVACUATED_PERCENT"] == pytest.approx(100.0 * 100 / 105)
    assert sum(r["people"] for r in features(str(tmp_path / "r.gpkg"))) == pytest.approx(100.0)
