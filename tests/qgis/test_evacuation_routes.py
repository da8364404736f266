"""tsr:evacuationroutes on a hand-made network: a main road crossing a hazard zone and a
bypass around it; lengths, hazard lengths and capacity-respecting flows computed by hand."""

from __future__ import annotations

import numpy as np
import pytest
from network_layers import X0, Y0, Recorder, box, features, layer, save_layers, with_null_geometry
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
    result = run(
        "evacuationroutes", inputs(tmp_path, HAZARD_ZONES=None, HAZARD_MODE=1, PENALTY=5.0, HAZARD_RASTER=raster, OUTPUT=str(tmp_path / "r2.gpkg"))
    )
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
    save_layers(
        tmp_path,
        {
            "residents": ("Point", "&field=name:string&field=pop:double", RESIDENTS),
            "shelters": ("Point", "&field=code:string&field=cap:double", SHELTERS),
            "roads": ("LineString", "&field=id:integer", ROADS),
            "zone": ("Polygon", "", ZONE),
        },
    )
    answer = QgisProcess(str(tmp_path / "profile")).run(
        "tsr:evacuationroutes",
        {
            "DEMAND": str(tmp_path / "residents.gpkg"),
            "POPULATION_FIELD": "pop",
            "DEMAND_ID_FIELD": "name",
            "SHELTERS": str(tmp_path / "shelters.gpkg"),
            "SHELTER_ID_FIELD": "code",
            "CAPACITY_FIELD": "cap",
            "ASSIGNMENT": 1,
            "NETWORK": str(tmp_path / "roads.gpkg"),
            "HAZARD_ZONES": str(tmp_path / "zone.gpkg"),
            "MAX_SNAP": 100,
            "OUTPUT": str(tmp_path / "r.gpkg"),
            "OUTPUT_UNREACHED": str(tmp_path / "u.gpkg"),
            "OUTPUT_HTML": str(tmp_path / "e.html"),
        },
    )
    assert answer["results"]["EVACUATED_PERCENT"] == pytest.approx(100.0 * 100 / 105)
    assert sum(r["people"] for r in features(str(tmp_path / "r.gpkg"))) == pytest.approx(100.0)


# --- shelters inside hazard zones, NULL geometry, hostile input, cancellation --------------------

from qgis.core import QgsFeature, QgsVectorLayer  # noqa: E402

# S_in stands inside the zone, 10 m north of the main road at x = 900 (it joins the road inside the zone).
SHELTER_IN = ((900, 10), ["S_in", 100.0])
EVERYWHERE = [(box(-1000, -1000, 6000, 6000), [])]


def shelters_layer(rows):
    return layer("Point", "&field=code:string&field=cap:double", rows)


def people_per_shelter(html_path) -> dict[str, float]:
    """The 'People per shelter' table of the HTML report: {shelter: people}."""
    import re

    text = open(html_path, encoding="utf-8").read()
    section = text[text.index("People per shelter") :]
    section = section[: section.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", section, flags=re.S)
    out = {}
    for row in rows[1:]:
        cells = [re.sub("<[^>]+>", "", c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)]
        out[cells[0]] = float(cells[1].replace(",", "").replace(" ", ""))
    return out


def test_avoid_mode_sends_nobody_to_a_shelter_inside_a_zone(run, tmp_path):
    # R2 (inside the zone) is 5 + 100 + 10 = 115 m from S_in but must leave the zone: 5 + 1000 + 10 m to S1.
    feedback = Recorder()
    result = run("evacuationroutes", inputs(tmp_path, SHELTERS=shelters_layer(SHELTERS[:1] + [SHELTER_IN])), feedback=feedback)
    got = routes(result["OUTPUT"])
    assert set(got) == {("R1", "S1"), ("R2", "S1"), ("R3", "S1")}
    assert got[("R2", "S1")]["length_m"] == pytest.approx(1015.0) and got[("R2", "S1")]["hazard_length_m"] == pytest.approx(200.0)
    assert got[("R1", "S1")]["length_m"] == pytest.approx(3310.0)
    assert result["EVACUATED_PERCENT"] == pytest.approx(100.0 * 100 / 105)
    assert "1 shelters stand inside hazard zones and receive nobody in avoid mode: S_in" in feedback.text()
    assert people_per_shelter(result["OUTPUT_HTML"]) == {"S1": 100.0, "S_in": 0.0}
    assert "inside a hazard zone" in open(result["OUTPUT_HTML"], encoding="utf-8").read()


def test_avoid_mode_with_capacity_never_fills_a_shelter_inside_a_zone(run, tmp_path):
    # S1 holds 40: R3 (510 m) and 20 of R2 (1015 m) go there; R1 (3310 m) and 10 of R2 are left, S_in stays empty.
    shelters = shelters_layer([((2010, 0), ["S1", 40.0]), SHELTER_IN])
    result = run("evacuationroutes", inputs(tmp_path, SHELTERS=shelters, CAPACITY_FIELD="cap", ASSIGNMENT=1))
    got = {k: v["people"] for k, v in routes(result["OUTPUT"]).items()}
    assert got == pytest.approx({("R3", "S1"): 20.0, ("R2", "S1"): 20.0})
    assert result["EVACUATED_PERCENT"] == pytest.approx(100.0 * 40 / 105)
    left = {r["demand_id"]: r["people"] for r in features(result["OUTPUT_UNREACHED"])}
    assert left == pytest.approx({"R1": 50.0, "R2": 10.0, "R4": 5.0})


def test_a_zone_over_everything_evacuates_nobody_and_says_so(run, tmp_path):
    feedback = Recorder()
    shelters = shelters_layer(SHELTERS + [SHELTER_IN])
    result = run("evacuationroutes", inputs(tmp_path, SHELTERS=shelters, HAZARD_ZONES=layer("Polygon", "", EVERYWHERE)), feedback=feedback)
    assert features(result["OUTPUT"]) == []
    assert result["EVACUATED_PERCENT"] == 0.0
    left = {r["demand_id"]: r for r in features(result["OUTPUT_UNREACHED"])}
    assert {k: v["people"] for k, v in left.items()} == {"R1": 50.0, "R2": 30.0, "R3": 20.0, "R4": 5.0}
    assert all("inside a hazard zone" in left[k]["reason"] for k in ("R1", "R2", "R3")) and "road" in left["R4"]["reason"]
    assert "Nobody can be evacuated: every shelter stands inside a hazard zone" in feedback.text()
    assert "0.00 % of residents have a safe route" in feedback.text()
    html = open(result["OUTPUT_HTML"], encoding="utf-8").read()
    assert "Nobody can be evacuated" in html
    assert people_per_shelter(result["OUTPUT_HTML"]) == {"S1": 0.0, "S2": 0.0, "S_in": 0.0}


def test_penalise_mode_uses_shelters_inside_zones_at_a_cost_and_says_so(run, tmp_path):
    # × 5 inside: R1 → S_in 300 + 100·5 + 10 = 810 (S1 costs 3110 through, 3310 around); R2 → S_in 5 + 100·5 + 10 = 515.
    feedback = Recorder()
    result = run(
        "evacuationroutes", inputs(tmp_path, SHELTERS=shelters_layer(SHELTERS[:1] + [SHELTER_IN]), HAZARD_MODE=1, PENALTY=5.0), feedback=feedback
    )
    got = routes(result["OUTPUT"])
    assert set(got) == {("R1", "S_in"), ("R2", "S_in"), ("R3", "S1")}
    assert got[("R1", "S_in")]["cost"] == pytest.approx(810.0) and got[("R1", "S_in")]["length_m"] == pytest.approx(410.0)
    assert got[("R2", "S_in")]["cost"] == pytest.approx(515.0) and got[("R2", "S_in")]["hazard_length_m"] == pytest.approx(100.0)
    assert (
        "1 shelters stand inside hazard zones; in penalise mode they are used, the roads inside costing PENALTY times more: they receive 80 people "
        "(S_in)" in feedback.text()
    )
    assert people_per_shelter(result["OUTPUT_HTML"]) == {"S1": 20.0, "S_in": 80.0}


def test_features_without_geometry_stay_in_the_counts(run, tmp_path):
    # R5 (7 people) has no geometry: not evacuated, named in the unreached output, in the denominator.
    residents = with_null_geometry("Point", "&field=name:string&field=pop:double", RESIDENTS, [["R5", 7.0]])
    # S0 has no geometry, S2 a capacity of 0, S3 none (NULL): in the capacity assignment they receive nobody.
    shelters = with_null_geometry(
        "Point",
        "&field=code:string&field=cap:double",
        [((2010, 0), ["S1", 200.0]), ((0, 410), ["S2", 0.0]), ((1500, 10), ["S3", None])],
        [["S0", 50.0]],
    )
    feedback = Recorder()
    result = run("evacuationroutes", inputs(tmp_path, DEMAND=residents, SHELTERS=shelters, CAPACITY_FIELD="cap", ASSIGNMENT=1), feedback=feedback)
    assert result["EVACUATED_PERCENT"] == pytest.approx(100.0 * 100 / 112)
    assert {k[1] for k in routes(result["OUTPUT"])} == {"S1"}
    left = {r["demand_id"]: r for r in features(result["OUTPUT_UNREACHED"])}
    assert left["R5"]["people"] == 7.0 and "no geometry" in left["R5"]["reason"] and left["R5"]["_geometry"].isEmpty()
    assert set(left) == {"R4", "R5"}
    text = feedback.text()
    assert "1 residents have no geometry (7 people): they are counted as not evacuated: R5" in text
    assert "1 shelters have no geometry and receive nobody: S0" in text
    assert "2 shelters have no capacity (0 or NULL) and receive nobody: S2, S3" in text
    assert people_per_shelter(result["OUTPUT_HTML"]) == {"S1": 100.0, "S2": 0.0, "S3": 0.0, "S0": 0.0}


def test_features_without_geometry_in_nearest_mode(run, tmp_path):
    residents = with_null_geometry("Point", "&field=name:string&field=pop:double", RESIDENTS, [["R5", 7.0]])
    shelters = with_null_geometry("Point", "&field=code:string&field=cap:double", SHELTERS[:1], [["S0", 50.0]])
    feedback = Recorder()
    result = run("evacuationroutes", inputs(tmp_path, DEMAND=residents, SHELTERS=shelters), feedback=feedback)
    assert result["EVACUATED_PERCENT"] == pytest.approx(100.0 * 100 / 112)
    assert {r["demand_id"] for r in features(result["OUTPUT_UNREACHED"])} == {"R4", "R5"}
    assert "1 shelters have no geometry and receive nobody: S0" in feedback.text()


def test_negative_capacity_is_refused(run, tmp_path):
    shelters = shelters_layer([((2010, 0), ["S1", -5.0])])
    with pytest.raises(QgsProcessingException, match="negative"):
        run("evacuationroutes", inputs(tmp_path, SHELTERS=shelters, CAPACITY_FIELD="cap", ASSIGNMENT=1))


def test_zones_and_roads_in_other_crs_give_the_same_routes(run, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    def reprojected(source):
        transform = QgsCoordinateTransform(source.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
        kind = {0: "Point", 1: "LineString", 2: "Polygon"}[int(source.geometryType())]
        out = QgsVectorLayer(f"{kind}?crs=EPSG:4326", "geo", "memory")
        out.dataProvider().addAttributes(source.fields().toList())
        out.updateFields()
        copies = []
        for feature in source.getFeatures():
            geometry = feature.geometry()
            # densify so that the straight lines stay straight (within a millimetre) in the projected CRS
            geometry = geometry.densifyByDistance(10.0)
            geometry.transform(transform)
            copy = QgsFeature(out.fields())
            copy.setGeometry(geometry)
            copy.setAttributes(feature.attributes())
            copies.append(copy)
        out.dataProvider().addFeatures(copies)
        return out

    plain = run("evacuationroutes", inputs(tmp_path))
    geographic = run(
        "evacuationroutes",
        inputs(
            tmp_path,
            NETWORK=reprojected(layer("LineString", "&field=id:integer", ROADS)),
            HAZARD_ZONES=reprojected(layer("Polygon", "", ZONE)),
            OUTPUT=str(tmp_path / "geo.gpkg"),
            OUTPUT_UNREACHED=str(tmp_path / "geo_u.gpkg"),
            OUTPUT_HTML=str(tmp_path / "geo.html"),
        ),
    )
    a, b = routes(plain["OUTPUT"]), routes(geographic["OUTPUT"])
    assert set(a) == set(b)
    for key in a:
        assert b[key]["length_m"] == pytest.approx(a[key]["length_m"], abs=0.01)
        assert b[key]["hazard_length_m"] == pytest.approx(a[key]["hazard_length_m"], abs=0.01)
    assert geographic["EVACUATED_PERCENT"] == pytest.approx(plain["EVACUATED_PERCENT"])


@pytest.mark.parametrize(
    "change, message",
    [
        ({"DEMAND": "empty"}, "The resident layer has no feature"),
        ({"SHELTERS": "empty"}, "The shelter layer has no feature"),
        ({"NETWORK": "empty"}, "The road network has no line"),
        ({"HAZARD_ZONES": "empty"}, None),
        ({"HAZARD_ZONES": "bowtie"}, "invalid geometry"),
        ({"HAZARD_ZONES": "nocrs"}, None),
        ({"NETWORK": "nocrs"}, None),
        ({"SHELTERS": "nocrs"}, None),
        # Since 6a47995 a raster cut short is refused by raster_io before any block is read.
        ({"HAZARD_RASTER": "corrupt"}, r"The raster .*corrupt\.tif is incomplete: its data should reach byte \d+ but the file has \d+ bytes"),
        ({"HAZARD_RASTER": "outside"}, None),
        # The network core refuses it now (a1f10c4), before the algorithm's own check.
        ({"TOLERANCE": "huge"}, "every road shrinks to a point: no road segment is left"),
        ({"PENALTY": "huge"}, "PENALTY 1e\\+308 makes the road costs overflow"),
    ],
)
def test_hostile_input_is_a_message_or_a_sound_result(run, tmp_path, change, message):
    ((name, kind),) = change.items()
    extra = {}
    if kind == "empty":
        geometry = {"DEMAND": "Point", "SHELTERS": "Point", "NETWORK": "LineString", "HAZARD_ZONES": "Polygon"}[name]
        extra[name] = layer(geometry, "&field=name:string&field=pop:double&field=code:string", [])
    elif kind == "bowtie":
        # a self-intersecting ring: Processing's own check stops it with its message
        extra[name] = layer("Polygon", "", [([(800, -100), (1200, 100), (1200, -100), (800, 100), (800, -100)], [])])
    elif kind == "nocrs":
        source = inputs(tmp_path)[name]
        extra[name] = layer(
            {"SHELTERS": "Point", "NETWORK": "LineString", "HAZARD_ZONES": "Polygon"}[name],
            {"SHELTERS": "&field=code:string&field=cap:double", "NETWORK": "&field=id:integer", "HAZARD_ZONES": ""}[name],
            {"SHELTERS": SHELTERS[:1], "NETWORK": ROADS, "HAZARD_ZONES": ZONE}[name],
            crs="",
        )
        assert source.crs().isValid() and not extra[name].crs().isValid()
    elif kind == "corrupt":
        path = tmp_path / "corrupt.tif"
        write_raster(path, np.zeros((200, 200), dtype=np.float32), cell=10.0, origin=(X0 - 200.0, Y0 + 100.0))
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 20])  # the header stays, the rows along the roads are gone
        extra[name] = str(path)
        extra["HAZARD_MODE"] = 1
    elif kind == "huge":  # every vertex joined into one node; a penalty beyond any float cost
        extra[name] = 1e9 if name == "TOLERANCE" else 1e308
        extra["HAZARD_MODE"] = 1
    elif kind == "outside":
        extra[name] = write_raster(tmp_path / "far.tif", np.ones((10, 10), dtype=np.float32), cell=10.0, origin=(X0 + 90000.0, Y0 + 90000.0))
    parameters = inputs(tmp_path, **extra)
    if message is None:
        feedback = Recorder()
        result = run("evacuationroutes", parameters, feedback=feedback)
        if kind == "empty":  # no zone: R1 goes straight through, 1510 m
            assert routes(result["OUTPUT"])[("R1", "S1")]["length_m"] == pytest.approx(1510.0)
            assert "The hazard zone layer holds no polygon" in feedback.text()
        else:
            assert routes(result["OUTPUT"])[("R1", "S1")]["length_m"] == pytest.approx(3310.0)
        if kind == "nocrs":
            assert (
                "the layer has no coordinate reference system; its coordinates are taken to be in the resident layer's CRS (EPSG:4547)"
                in feedback.text()
            )
        if kind == "outside":
            assert "The hazard raster has no value along 100.0 % of the road length" in feedback.text()
        assert result["EVACUATED_PERCENT"] == pytest.approx(100.0 * 100 / 105)
    else:
        with pytest.raises(QgsProcessingException, match=message):
            run("evacuationroutes", parameters)


def test_a_zone_over_every_road_with_a_resident_outside_it(run, tmp_path):
    # Every road and both shelters inside the zone, R4 outside it (and far from any road): nobody, and no crash
    # on the graph of the roads outside the zones, which has no road at all.
    zone = layer("Polygon", "", [(box(-100, -100, 2100, 500), [])])
    feedback = Recorder()
    result = run("evacuationroutes", inputs(tmp_path, SHELTERS=shelters_layer(SHELTERS), HAZARD_ZONES=zone), feedback=feedback)
    assert result["EVACUATED_PERCENT"] == 0.0 and features(result["OUTPUT"]) == []
    assert "Nobody can be evacuated: every shelter stands inside a hazard zone" in feedback.text()
    # the same with R4 near a road outside the zone: it has roads but no shelter
    residents = layer("Point", "&field=name:string&field=pop:double", RESIDENTS[:3] + [((3000, 0), ["R4", 5.0])])
    roads = layer("LineString", "&field=id:integer", ROADS + [([(2000, 0), (3000, 0)], [3])])
    result = run(
        "evacuationroutes",
        inputs(
            tmp_path,
            DEMAND=residents,
            NETWORK=roads,
            SHELTERS=shelters_layer(SHELTERS),
            HAZARD_ZONES=zone,
            OUTPUT=str(tmp_path / "b.gpkg"),
            OUTPUT_UNREACHED=str(tmp_path / "b_u.gpkg"),
            OUTPUT_HTML=str(tmp_path / "b.html"),
        ),
    )
    left = {r["demand_id"]: r["reason"] for r in features(result["OUTPUT_UNREACHED"])}
    assert result["EVACUATED_PERCENT"] == 0.0 and set(left) == {"R1", "R2", "R3", "R4"}
    assert all(reason == "every shelter stands inside a hazard zone" for reason in left.values())


def test_cancelled_run_writes_nothing(run, tmp_path):
    for at in (1, 20, 50):
        folder = tmp_path / f"at{at}"
        folder.mkdir()
        with pytest.raises(QgsProcessingException, match="Cancelled"):
            run("evacuationroutes", inputs(folder), feedback=Recorder(cancel_at=at))
        assert list(folder.iterdir()) == []


def test_shelters_inside_zones_through_qgis_process(tmp_path):
    save_layers(
        tmp_path,
        {
            "residents": ("Point", "&field=name:string&field=pop:double", RESIDENTS),
            "shelters": ("Point", "&field=code:string&field=cap:double", SHELTERS + [SHELTER_IN]),
            "roads": ("LineString", "&field=id:integer", ROADS),
            "zone": ("Polygon", "", ZONE),
            "everywhere": ("Polygon", "", EVERYWHERE),
        },
    )
    qp = QgisProcess(str(tmp_path / "profile"))
    common = {
        "DEMAND": str(tmp_path / "residents.gpkg"),
        "POPULATION_FIELD": "pop",
        "DEMAND_ID_FIELD": "name",
        "SHELTERS": str(tmp_path / "shelters.gpkg"),
        "SHELTER_ID_FIELD": "code",
        "NETWORK": str(tmp_path / "roads.gpkg"),
        "MAX_SNAP": 100,
    }
    # nearest shelter, avoid mode: R2 and R3 to S1 (1015 m, 510 m), R1 to S2 by the bypass (500 + 400 + 10 m); S_in empty
    answer = qp.run(
        "tsr:evacuationroutes",
        {
            **common,
            "HAZARD_ZONES": str(tmp_path / "zone.gpkg"),
            "OUTPUT": str(tmp_path / "r.gpkg"),
            "OUTPUT_UNREACHED": str(tmp_path / "u.gpkg"),
            "OUTPUT_HTML": str(tmp_path / "e.html"),
        },
    )
    got = {(r["demand_id"], r["shelter_id"]): r["length_m"] for r in features(str(tmp_path / "r.gpkg"))}
    assert got == pytest.approx({("R1", "S2"): 910.0, ("R2", "S1"): 1015.0, ("R3", "S1"): 510.0})
    assert answer["results"]["EVACUATED_PERCENT"] == pytest.approx(100.0 * 100 / 105)
    assert people_per_shelter(str(tmp_path / "e.html")) == {"S1": 50.0, "S2": 50.0, "S_in": 0.0}
    # a zone over everything: nobody, and the unreached output says why
    answer = qp.run(
        "tsr:evacuationroutes",
        {
            **common,
            "HAZARD_ZONES": str(tmp_path / "everywhere.gpkg"),
            "OUTPUT": str(tmp_path / "r2.gpkg"),
            "OUTPUT_UNREACHED": str(tmp_path / "u2.gpkg"),
            "OUTPUT_HTML": str(tmp_path / "e2.html"),
        },
    )
    assert answer["results"]["EVACUATED_PERCENT"] == 0.0
    assert features(str(tmp_path / "r2.gpkg")) == []
    assert sum(r["people"] for r in features(str(tmp_path / "u2.gpkg"))) == pytest.approx(105.0)


def test_a_geographic_hazard_raster_over_metric_roads(run, tmp_path):
    """The raster of test_penalise_mode_and_hazard_raster (degree 1 over x 800–1200) reprojected
    to EPSG:4326 at 10⁻⁵° (≈ 1 m): the roads are sampled every half cell in degrees (≈ 10⁴
    points, not the 10⁹ of half cells measured in metres), and the cost is the projected one.
    Tolerance: each of the two edges crossed moves by at most half a cell diagonal (0.75 m) in
    the nearest-neighbour reprojection, and the sampling misplaces at most one half cell
    (0.56 m) there; each metre misplaced costs PENALTY − 1 = 4: 2 × 1.31 × 4 ≈ 10.5."""
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.warp import calculate_default_transform, reproject

    degrees = np.zeros((20, 250), dtype=np.float32)
    degrees[:, 80:120] = 1.0
    projected = write_raster(tmp_path / "hazard.tif", degrees, cell=10.0, origin=(X0 - 200.0, Y0 + 100.0))
    with rasterio.open(projected) as src:
        transform, width, height = calculate_default_transform(src.crs, "EPSG:4326", src.width, src.height, *src.bounds, resolution=1e-5)
        out = np.full((height, width), -9999.0, dtype=np.float32)
        reproject(
            degrees,
            out,
            src_transform=src.transform,
            src_crs=src.crs,
            dst_transform=transform,
            dst_crs="EPSG:4326",
            resampling=Resampling.nearest,
            src_nodata=-9999.0,
            dst_nodata=-9999.0,
        )
    geographic = str(tmp_path / "hazard_4326.tif")
    with rasterio.open(
        geographic, "w", driver="GTiff", width=width, height=height, count=1, dtype="float32", crs="EPSG:4326", transform=transform, nodata=-9999.0
    ) as ds:
        ds.write(out, 1)
    results = {}
    for name, raster in (("gk", projected), ("geo", geographic)):
        result = run(
            "evacuationroutes",
            inputs(
                tmp_path,
                HAZARD_ZONES=None,
                HAZARD_MODE=1,
                PENALTY=5.0,
                HAZARD_RASTER=raster,
                OUTPUT=str(tmp_path / f"{name}.gpkg"),
                OUTPUT_HTML=str(tmp_path / f"{name}.html"),
            ),
        )
        results[name] = routes(result["OUTPUT"])
    assert results["geo"][("R1", "S1")]["length_m"] == pytest.approx(1510.0)
    assert results["geo"][("R1", "S1")]["cost"] == pytest.approx(results["gk"][("R1", "S1")]["cost"], abs=10.5)
    assert results["gk"][("R1", "S1")]["cost"] == pytest.approx(3110.0)
    assert results["geo"][("R2", "S1")]["cost"] == pytest.approx(results["gk"][("R2", "S1")]["cost"], abs=10.5)
