"""tsr:patchconnectivity through processing.run and qgis_process, against a brute-force networkx
implementation of the Conefor definitions."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from network_layers import box, features, save_layers
from qgis.core import QgsProcessingException
from qgis_runner import QgisProcess
from rasters import write_raster

# four patches (metres from X0, Y0): A 100×100, B 50×100 80 m east of A, C 100×100 400 m north of A, D far away
BOXES = [box(0, 0, 100, 100), box(180, 0, 230, 100), box(0, 500, 100, 600), box(3000, 3000, 3200, 3100)]


def brute(areas, dist, threshold, probability, al):
    """IIC, PC, components and every dPC fraction from the definitions, removing each node."""
    k = -math.log(probability) / threshold
    n = len(areas)

    def indices(removed=None):
        nodes = [i for i in range(n) if i != removed]
        gb, gp = nx.Graph(), nx.Graph()
        gb.add_nodes_from(nodes)
        gp.add_nodes_from(nodes)
        for (i, j), d in dist.items():
            if removed in (i, j):
                continue
            if d <= threshold:
                gb.add_edge(i, j)
            gp.add_edge(i, j, weight=k * d)
        nl = dict(nx.all_pairs_shortest_path_length(gb))
        cost = dict(nx.all_pairs_dijkstra_path_length(gp))
        iic = sum(areas[i] * areas[j] / (1 + nl[i][j]) for i in nodes for j in nodes if j in nl[i])
        pc = sum(areas[i] * areas[j] * math.exp(-cost[i][j]) for i in nodes for j in nodes if j in cost[i])
        return iic, pc, nx.number_connected_components(gb), cost

    iic, pc, comps, cost = indices()
    rows = []
    for r in range(n):
        iic_r, pc_r, _, _ = indices(r)
        intra = 100 * areas[r] ** 2 / pc
        flux = 100 * sum(2 * areas[r] * areas[j] * math.exp(-cost[r][j]) for j in range(n) if j != r and j in cost[r]) / pc
        d_pc = 100 * (pc - pc_r) / pc
        rows.append(dict(dIIC=100 * (iic - iic_r) / iic, dPC=d_pc, dPC_intra=intra, dPC_flux=flux, dPC_connector=d_pc - intra - flux))
    return iic / al**2, pc / al**2, comps, rows


@pytest.fixture
def d(tmp_path):
    spec = {
        "patches": ("Polygon", "&field=name:string&field=quality:double", [(b, [f"p{i}", 1.0 + i]) for i, b in enumerate(BOXES)]),
        "study": ("Polygon", "&field=name:string", [(box(-1000, -1000, 4000, 4000), ["s"])]),
    }
    save_layers(tmp_path, spec)

    class D:
        patches = str(tmp_path / "patches.gpkg")
        study = str(tmp_path / "study.gpkg")

    return D


def distances():
    from shapely.geometry import Polygon

    shapes = [Polygon(b) for b in BOXES]
    return {(i, j): shapes[i].distance(shapes[j]) for i in range(4) for j in range(i + 1, 4)}


def test_euclidean_against_brute_force(run, d, tmp_path):
    result = run(
        "patchconnectivity",
        {
            "PATCHES": d.patches,
            "THRESHOLD": 100,
            "PROBABILITY": 0.5,
            "STUDY_AREA": d.study,
            "DISTANCE_SWEEP": "50, 100, 500, 5000",
            "OUTPUT": str(tmp_path / "out.gpkg"),
            "OUTPUT_LINKS": str(tmp_path / "links.gpkg"),
            "OUTPUT_CURVE": str(tmp_path / "curve.gpkg"),
            "OUTPUT_HTML": str(tmp_path / "r.html"),
        },
    )
    areas = [1.0, 0.5, 1.0, 2.0]
    al = 5000 * 5000 / 1e4
    iic, pc, comps, rows = brute(areas, distances(), 100, 0.5, al)
    assert result["IIC"] == pytest.approx(iic, rel=1e-9)
    assert result["PC"] == pytest.approx(pc, rel=1e-9)
    assert result["EC_PC"] == pytest.approx(math.sqrt(pc) * al, rel=1e-9)
    assert result["COMPONENTS"] == comps == 3
    assert type(result["PC"]) is float and type(result["COMPONENTS"]) is int
    out = features(result["OUTPUT"])
    assert [f["name"] for f in out] == ["p0", "p1", "p2", "p3"]
    for f, want in zip(out, rows):
        for key, value in want.items():
            assert f[key] == pytest.approx(value, rel=1e-7, abs=1e-9), key
    assert [f["area_ha"] for f in out] == pytest.approx(areas)
    assert sorted(f["rank"] for f in out) == [1, 2, 3, 4]
    assert out[0]["component"] == out[1]["component"] != out[2]["component"]
    links = features(result["OUTPUT_LINKS"])
    assert len(links) == 1 and links[0]["distance"] == pytest.approx(80.0) and links[0]["probability"] == pytest.approx(0.5**0.8)
    curve = features(result["OUTPUT_CURVE"])
    assert [c["distance"] for c in curve] == [50, 100, 500, 5000]
    assert [c["components"] for c in curve] == [4, 3, 2, 1]
    for c in curve:
        assert c["PC"] == pytest.approx(brute(areas, distances(), c["distance"], 0.5, al)[1], rel=1e-9)
    assert "dPC" in open(result["OUTPUT_HTML"], encoding="utf-8").read()


def test_quality_attribute_and_landscape_area(run, d, tmp_path):
    result = run(
        "patchconnectivity",
        {
            "PATCHES": d.patches,
            "ATTRIBUTE_FIELD": "quality",
            "LANDSCAPE_AREA": 100,
            "THRESHOLD": 500,
            "PROBABILITY": 0.1,
            "OUTPUT": str(tmp_path / "o.gpkg"),
        },
    )
    iic, pc, comps, _ = brute([1.0, 2.0, 3.0, 4.0], distances(), 500, 0.1, 100.0)
    assert result["PC"] == pytest.approx(pc, rel=1e-9) and result["IIC"] == pytest.approx(iic, rel=1e-9)


def test_habitat_raster_and_least_cost(run, tmp_path):
    # 30 m cells: patch 1 = columns 0–1, patch 2 = columns 5–6 (rows 0–1), class 3 = forest
    habitat = np.zeros((4, 10), np.int16)
    habitat[0:2, 0:2] = 3
    habitat[0:2, 5:7] = 3
    habitat[3, 9] = 2  # not habitat
    hab = write_raster(tmp_path / "hab.tif", habitat, nodata=-9999)
    resistance = write_raster(tmp_path / "res.tif", np.ones((4, 10), np.float32))
    common = {"HABITAT": hab, "HABITAT_CLASSES": "3", "THRESHOLD": 200, "PROBABILITY": 0.5, "LANDSCAPE_AREA": 10}
    eu = run("patchconnectivity", common | {"OUTPUT": str(tmp_path / "e.gpkg"), "OUTPUT_LINKS": str(tmp_path / "el.gpkg")})
    out = features(eu["OUTPUT"])
    assert [f["area_ha"] for f in out] == pytest.approx([0.36, 0.36])
    assert features(eu["OUTPUT_LINKS"])[0]["distance"] == pytest.approx(90.0)
    lc = run(
        "patchconnectivity",
        common | {"DISTANCE": 1, "RESISTANCE": resistance, "OUTPUT": str(tmp_path / "l.gpkg"), "OUTPUT_LINKS": str(tmp_path / "ll.gpkg")},
    )
    # from a cell of column 1 to column 5: 4 east-west steps of 30 m at resistance 1
    assert features(lc["OUTPUT_LINKS"])[0]["distance"] == pytest.approx(120.0)
    p = 0.5 ** (120 / 200)
    assert lc["PC"] == pytest.approx((2 * 0.36**2 + 2 * 0.36**2 * p) / 100, rel=1e-9)


def test_one_patch_only(run, tmp_path):
    save_layers(tmp_path, {"one": ("Polygon", "&field=name:string", [(box(0, 0, 100, 100), ["a"])])})
    result = run("patchconnectivity", {"PATCHES": str(tmp_path / "one.gpkg"), "LANDSCAPE_AREA": 4, "OUTPUT": str(tmp_path / "o.gpkg")})
    assert result["PC"] == pytest.approx(1 / 16) and result["IIC"] == pytest.approx(1 / 16) and result["COMPONENTS"] == 1
    assert features(result["OUTPUT"])[0]["dPC"] == pytest.approx(100.0)


def test_least_cost_needs_resistance(run, d, tmp_path):
    with pytest.raises(QgsProcessingException, match="RESISTANCE"):
        run("patchconnectivity", {"PATCHES": d.patches, "DISTANCE": 1, "OUTPUT": str(tmp_path / "o.gpkg")})


def test_hostile_input_through_qgis_process(d, tmp_path):
    qp = QgisProcess(str(tmp_path / "profile"))
    ok = qp.run("tsr:patchconnectivity", {"PATCHES": d.patches, "THRESHOLD": 100, "OUTPUT": str(tmp_path / "ok.gpkg")})
    assert ok["results"]["COMPONENTS"] == 3

    def refused(params, fragment):
        with pytest.raises(RuntimeError) as info:
            qp.run("tsr:patchconnectivity", params)
        text = str(info.value)
        assert fragment in text and "Traceback" not in text, text

    out = str(tmp_path / "o.gpkg")
    save_layers(
        tmp_path,
        {
            "empty": ("Polygon", "&field=name:string", []),
        },
    )
    refused({"PATCHES": str(tmp_path / "empty.gpkg"), "OUTPUT": out}, "nothing to measure")
    # geographic CRS
    from network_layers import layer
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    geo = layer("Polygon", "&field=name:string", [(box(0, 0, 1, 1), ["g"])], crs="EPSG:4490")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(geo, str(tmp_path / "geo.gpkg"), QgsCoordinateTransformContext(), options)
    refused({"PATCHES": str(tmp_path / "geo.gpkg"), "OUTPUT": out}, "geographic")
    # NULL geometry only
    from qgis.core import QgsFeature, QgsVectorLayer

    null = QgsVectorLayer("Polygon?crs=EPSG:4547&field=name:string", "null", "memory")
    feature = QgsFeature(null.fields())
    feature.setAttributes(["n"])
    null.dataProvider().addFeatures([feature])
    QgsVectorFileWriter.writeAsVectorFormatV3(null, str(tmp_path / "null.gpkg"), QgsCoordinateTransformContext(), options)
    refused({"PATCHES": str(tmp_path / "null.gpkg"), "OUTPUT": out}, "no polygon with a geometry")
    nodata = write_raster(tmp_path / "nodata.tif", np.full((3, 3), -9999, np.int16), nodata=-9999)
    refused({"HABITAT": nodata, "OUTPUT": out}, "no valid cell")
    rotated = write_raster(tmp_path / "rotated.tif", np.ones((40, 40), np.float32), rotation=10.0)
    refused({"PATCHES": d.patches, "DISTANCE": 1, "RESISTANCE": rotated, "OUTPUT": out}, "rotated")
    refused({"PATCHES": d.patches, "PROBABILITY": 1, "OUTPUT": out}, "strictly between 0 and 1")
    refused({"PATCHES": d.patches, "PROBABILITY": 0, "OUTPUT": out}, "strictly between 0 and 1")
    refused({"PATCHES": d.patches, "PROBABILITY": 1.5, "OUTPUT": out}, "PROBABILITY")
    refused({"PATCHES": d.patches, "OUTPUT": d.patches}, "input")
    refused({"OUTPUT": out}, "PATCHES")


def test_min_area_leaves_small_patches_out(run, d, tmp_path):
    result = run(
        "patchconnectivity", {"PATCHES": d.patches, "MIN_AREA": 0.6, "LANDSCAPE_AREA": 100, "THRESHOLD": 100, "OUTPUT": str(tmp_path / "o.gpkg")}
    )
    assert [f["name"] for f in features(result["OUTPUT"])] == ["p0", "p2", "p3"]
    dist = distances()
    kept = {(0, 1): dist[(0, 2)], (0, 2): dist[(0, 3)], (1, 2): dist[(2, 3)]}
    iic, pc, comps, _ = brute([1.0, 1.0, 2.0], kept, 100, 0.5, 100.0)
    assert result["PC"] == pytest.approx(pc, rel=1e-9) and result["COMPONENTS"] == comps == 3


def write_units(tmp_path, with_empty: bool) -> str:
    """Unit "west" holds A and the western half of B, "east" the eastern half of B and D;
    "nowhere" (with_empty) has no geometry."""
    from network_layers import layer
    from qgis.core import QgsCoordinateTransformContext, QgsFeature, QgsVectorFileWriter

    units = layer("Polygon", "&field=town:string", [(box(-50, -50, 205, 150), ["west"]), (box(205, -50, 4000, 4000), ["east"])])
    if with_empty:
        empty = QgsFeature(units.fields())
        empty.setAttributes(["nowhere"])
        units.dataProvider().addFeatures([empty])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    path = str(tmp_path / ("units_empty.gpkg" if with_empty else "units.gpkg"))
    QgsVectorFileWriter.writeAsVectorFormatV3(units, path, QgsCoordinateTransformContext(), options)
    return path


def expected_units():
    """(habitat, ECᵤ, unit area ha) of west and east: ECᵤ² = Σᵢ Σⱼ aᵢᵤ aⱼᵤ p*ᵢⱼ, p* by networkx."""
    k = math.log(2) / 100
    g = nx.Graph()
    g.add_nodes_from(range(4))
    for (i, j), dist in distances().items():
        g.add_edge(i, j, weight=k * dist)
    cost = dict(nx.all_pairs_dijkstra_path_length(g))
    pstar = np.array([[math.exp(-cost[i][j]) for j in range(4)] for i in range(4)])
    held = np.array([[1.0, 0.25, 0.0, 0.0], [0.0, 0.25, 0.0, 2.0]])  # aᵢᵤ (ha): B is split in half
    return held.sum(axis=1), np.sqrt(np.einsum("ui,ij,uj->u", held, pstar, held)), (255 * 200 / 1e4, 3795 * 4050 / 1e4)


def check_units(out):
    for f, habitat, ec, area in zip(out, *expected_units()):
        assert f["habitat_ha"] == pytest.approx(habitat, rel=1e-9)
        assert f["ec_pc_ha"] == pytest.approx(ec, rel=1e-9)
        assert f["ec_pc_pct"] == pytest.approx(100 * ec / area, rel=1e-9)
        assert f["ec_share"] == pytest.approx(ec / habitat, rel=1e-9)


def test_ec_per_planning_unit_against_brute_force(run, d, tmp_path):
    result = run(
        "patchconnectivity",
        {
            "PATCHES": d.patches,
            "THRESHOLD": 100,
            "PROBABILITY": 0.5,
            "UNITS": write_units(tmp_path, False),
            "OUTPUT": str(tmp_path / "out.gpkg"),
            "OUTPUT_UNITS": str(tmp_path / "units_out.gpkg"),
        },
    )
    out = features(result["OUTPUT_UNITS"])
    assert [f["town"] for f in out] == ["west", "east"]
    check_units(out)
    # without UNITS nothing is written for them
    plain = run("patchconnectivity", {"PATCHES": d.patches, "THRESHOLD": 100, "OUTPUT": str(tmp_path / "o2.gpkg")})
    assert not plain.get("OUTPUT_UNITS")


def test_planning_units_through_qgis_process(d, tmp_path):
    """A unit without geometry stays, with 0 habitat and NULL shares; units without any polygon are refused."""
    qp = QgisProcess(str(tmp_path / "profile"))
    parameters = {"PATCHES": d.patches, "THRESHOLD": 100, "OUTPUT": str(tmp_path / "o.gpkg"), "OUTPUT_UNITS": str(tmp_path / "u.gpkg")}
    done = qp.run("tsr:patchconnectivity", dict(parameters, UNITS=write_units(tmp_path, True)))
    out = features(done["results"]["OUTPUT_UNITS"])
    assert [f["town"] for f in out] == ["west", "east", "nowhere"]
    check_units(out[:2])
    assert out[2]["habitat_ha"] == 0 and out[2]["ec_pc_ha"] == 0
    assert out[2]["ec_pc_pct"] is None and out[2]["ec_share"] is None
    save_layers(tmp_path, {"nounits": ("Polygon", "&field=name:string", [])})
    with pytest.raises(RuntimeError) as info:
        qp.run("tsr:patchconnectivity", dict(parameters, UNITS=str(tmp_path / "nounits.gpkg")))
    assert "planning units have no polygon" in str(info.value) and "Traceback" not in str(info.value)


def test_curved_patches(run, tmp_path):
    """Curved polygons (GeoPackage CurvePolygon) are straightened, as every polygon input of the
    toolkit: two discs of radius 50 m whose edges are 100 m apart, and a 50 × 50 m square."""
    from network_layers import X0, Y0
    from qgis.core import QgsCoordinateTransformContext, QgsFeature, QgsGeometry, QgsVectorFileWriter, QgsVectorLayer

    patches = QgsVectorLayer("CurvePolygon?crs=EPSG:4547&field=name:string", "curved", "memory")
    wkts = [
        f"CURVEPOLYGON(CIRCULARSTRING({X0 - 50} {Y0}, {X0 + 50} {Y0}, {X0 - 50} {Y0}))",
        f"CURVEPOLYGON(CIRCULARSTRING({X0 + 150} {Y0}, {X0 + 250} {Y0}, {X0 + 150} {Y0}))",
        f"POLYGON(({X0 + 1000} {Y0}, {X0 + 1050} {Y0}, {X0 + 1050} {Y0 + 50}, {X0 + 1000} {Y0 + 50}, {X0 + 1000} {Y0}))",
    ]
    rows = []
    for name, wkt in zip("abc", wkts):
        feature = QgsFeature(patches.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([name])
        rows.append(feature)
    patches.dataProvider().addFeatures(rows)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    path = str(tmp_path / "curved.gpkg")
    QgsVectorFileWriter.writeAsVectorFormatV3(patches, path, QgsCoordinateTransformContext(), options)
    out = str(tmp_path / "o.gpkg")
    result = run(
        "patchconnectivity", {"PATCHES": path, "THRESHOLD": 150, "LANDSCAPE_AREA": 100, "OUTPUT": out, "OUTPUT_LINKS": str(tmp_path / "l.gpkg")}
    )
    rows = {row["name"]: row for row in features(out)}
    disc = math.pi * 50**2 / 1e4
    assert rows["a"]["area_ha"] == pytest.approx(disc, rel=2e-3) and rows["b"]["area_ha"] == pytest.approx(disc, rel=2e-3)
    assert rows["c"]["area_ha"] == pytest.approx(0.25, rel=1e-9)
    links = features(result["OUTPUT_LINKS"])
    assert len(links) == 1 and links[0]["distance"] == pytest.approx(100.0, abs=0.5)
    assert result["COMPONENTS"] == 2
