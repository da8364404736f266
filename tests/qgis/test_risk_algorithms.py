"""The three risk-path algorithms through processing.run, against hand computations."""

from __future__ import annotations

import hashlib
import math
import os

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from rasters import read_raster, write_raster


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.fixture
def ramp(tmp_path):
    """10 × 20 raster 0..199 with one nodata cell."""
    array = np.arange(200, dtype=np.float32).reshape(10, 20)
    array[0, 0] = -9999
    return write_raster(tmp_path / "ramp.tif", array), array


# --- tsr:normalizehazard -------------------------------------------------------------------


def test_normalize_minmax_by_hand(run, ramp, tmp_path):
    path, array = ramp
    result = run("normalizehazard", {"INPUT": path, "METHOD": 0, "OUTPUT": str(tmp_path / "n.tif")})
    out = read_raster(result["OUTPUT"])
    assert out.mask[0, 0] and out.mask.sum() == 1
    np.testing.assert_allclose(out[0, 1:], (array[0, 1:] - 1) / 198, rtol=1e-6)
    assert result["LOWER_USED"] == 1.0 and result["UPPER_USED"] == 199.0
    assert type(result["LOWER_USED"]) is float


def test_normalize_percentile_matches_numpy(run, ramp, tmp_path):
    path, array = ramp
    result = run("normalizehazard", {"INPUT": path, "METHOD": 1, "LOWER": 10, "UPPER": 90, "DIRECTION": 1, "OUTPUT": str(tmp_path / "p.tif")})
    valid = array[array != -9999].astype(float)
    lo, hi = np.percentile(valid, [10, 90])
    assert result["LOWER_USED"] == pytest.approx(lo) and result["UPPER_USED"] == pytest.approx(hi)
    out = read_raster(result["OUTPUT"])
    expected = 1 - np.clip((array[5] - lo) / (hi - lo), 0, 1)
    np.testing.assert_allclose(out[5], expected, atol=1e-6)


def test_normalize_table_and_return_period(run, tmp_path):
    path = write_raster(tmp_path / "t.tif", np.array([[2, 10, 50], [100, 500, -9999]], dtype=np.float32))
    table = run("normalizehazard", {"INPUT": path, "METHOD": 5, "TABLE": ["", 20, 0.2, 20, 200, 0.6, 200, "", 1.0], "OUTPUT": str(tmp_path / "t_out.tif")})
    np.testing.assert_allclose(read_raster(table["OUTPUT"]).compressed(), [0.2, 0.2, 0.6, 0.6, 1.0])
    assert "LOWER_USED" not in table
    rp = run("normalizehazard", {"INPUT": path, "METHOD": 6, "OUTPUT": str(tmp_path / "rp.tif")})
    np.testing.assert_allclose(read_raster(rp["OUTPUT"]).compressed(), [1 - math.exp(-1 / t) for t in (2, 10, 50, 100, 500)], rtol=1e-6)


def test_normalize_all_nodata_is_an_error(run, tmp_path):
    path = write_raster(tmp_path / "empty.tif", np.full((5, 5), -9999, dtype=np.float32))
    out = tmp_path / "never.tif"
    with pytest.raises(QgsProcessingException, match="no valid cells"):
        run("normalizehazard", {"INPUT": path, "METHOD": 0, "OUTPUT": str(out)})
    with pytest.raises(QgsProcessingException, match="no valid cell"):
        run("normalizehazard", {"INPUT": path, "METHOD": 6, "OUTPUT": str(out)})
    assert not out.exists()


def test_output_equal_to_input_refused_and_input_untouched(run, ramp):
    path, _ = ramp
    before = digest(path)
    with pytest.raises(QgsProcessingException, match="also an input"):
        run("normalizehazard", {"INPUT": path, "METHOD": 0, "OUTPUT": path})
    assert digest(path) == before


def test_cancelled_run_registers_no_output(run, ramp, tmp_path):
    path, _ = ramp
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "cancelled.tif"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("normalizehazard", {"INPUT": path, "METHOD": 0, "LOWER": 0, "UPPER": 1, "OUTPUT": str(out)}, feedback)
    assert not out.exists()
    assert not [f for f in os.listdir(tmp_path) if ".part" in f]


# --- tsr:multihazardoverlay ----------------------------------------------------------------


@pytest.fixture
def hazards(tmp_path):
    rng = np.random.default_rng(7)
    a = rng.random((30, 40)).astype(np.float32)
    b = rng.random((30, 40)).astype(np.float32)
    b[3, 4] = -9999
    return write_raster(tmp_path / "flood.tif", a), write_raster(tmp_path / "quake.tif", b), a, b


def test_overlay_weighted_sum_dominant_count(run, hazards, tmp_path):
    pa, pb, a, b = hazards
    result = run("multihazardoverlay", {
        "HAZARDS": [pa, pb], "WEIGHTS": "3,1", "METHOD": 0, "THRESHOLD": 0.5,
        "OUTPUT": str(tmp_path / "i.tif"), "OUTPUT_DOMINANT": str(tmp_path / "d.tif"),
        "OUTPUT_COUNT": str(tmp_path / "c.tif"), "OUTPUT_HTML": str(tmp_path / "r.html"),
    })
    index = read_raster(result["OUTPUT"])
    valid = b != -9999
    np.testing.assert_allclose(index[valid], (0.75 * a + 0.25 * b)[valid], rtol=1e-6)
    assert index.mask[3, 4] and index.mask.sum() == 1
    dominant = read_raster(result["OUTPUT_DOMINANT"])
    np.testing.assert_array_equal(dominant[valid], np.where(0.75 * a >= 0.25 * b, 1, 2)[valid])
    count = read_raster(result["OUTPUT_COUNT"])
    np.testing.assert_array_equal(count[valid], ((a >= 0.5).astype(int) + (b >= 0.5))[valid])
    html = open(result["OUTPUT_HTML"], encoding="utf-8").read()
    r = np.corrcoef(a[valid], b[valid])[0, 1]
    assert f"{r:.4g}" in html  # the report prints 4 significant digits
    assert "I = Σ wᵢ·hᵢ" in html


def test_overlay_union_with_exposure_and_capacity(run, hazards, tmp_path):
    pa, pb, a, b = hazards
    e = write_raster(tmp_path / "e.tif", np.full((30, 40), 0.5, np.float32))
    c = write_raster(tmp_path / "c.tif", np.full((30, 40), 0.2, np.float32))
    result = run("multihazardoverlay", {"HAZARDS": [pa, pb], "METHOD": 3, "WEIGHTS": "1,0.5", "EXPOSURE": e, "CAPACITY": c,
                                        "OUTPUT": str(tmp_path / "u.tif"), "OUTPUT_DOMINANT": "", "OUTPUT_COUNT": "", "OUTPUT_HTML": ""})
    index = read_raster(result["OUTPUT"])
    expected = (1 - (1 - a) * (1 - 0.5 * b)) * 0.5 * 0.8
    np.testing.assert_allclose(index[5], expected[5], rtol=1e-5)
    assert set(result) == {"OUTPUT"}


def test_overlay_aligns_to_reference_grid(run, hazards, tmp_path):
    pa, _, a, _ = hazards
    coarse = np.kron(np.array([[0.2, 0.8], [0.4, 0.6]], np.float32), np.ones((15, 20), np.float32))[::1, ::1]
    coarse_path = write_raster(tmp_path / "coarse.tif", coarse[::3, ::4][:, :], cell=90.0 * 1)  # 10 × 10 cells of 90 m → 900 m wide
    result = run("multihazardoverlay", {"HAZARDS": [pa, coarse_path], "METHOD": 2, "OUTPUT": str(tmp_path / "m.tif"),
                                        "OUTPUT_DOMINANT": "", "OUTPUT_COUNT": "", "OUTPUT_HTML": ""})
    out = read_raster(result["OUTPUT"])
    assert out.shape == a.shape  # the first hazard's grid
    assert out.mask[:, 30:].all() and not out.mask[:, :29].any()  # the second covers 900 m of 1200 m


@pytest.mark.parametrize(
    "extra, fragment",
    [
        ({"WEIGHTS": "1,2,3"}, "3 weights were given for 2 hazards"),
        ({"WEIGHTS": "1,-1"}, "zero or positive"),
        ({"INTERACTIONS": "0,1,0"}, "2×2"),
    ],
)
def test_overlay_bad_parameters(run, hazards, tmp_path, extra, fragment):
    pa, pb, _, _ = hazards
    with pytest.raises(QgsProcessingException, match=fragment):
        run("multihazardoverlay", {"HAZARDS": [pa, pb], "OUTPUT": str(tmp_path / "x.tif"), **extra})
    assert not (tmp_path / "x.tif").exists()


def test_overlay_refuses_disjoint_and_unnormalised_rasters(run, hazards, tmp_path):
    pa, _, a, _ = hazards
    far = write_raster(tmp_path / "far.tif", a, origin=(700000.0, 3000000.0))
    with pytest.raises(QgsProcessingException, match="does not overlap"):
        run("multihazardoverlay", {"HAZARDS": [pa, far], "OUTPUT": str(tmp_path / "x.tif")})
    raw = write_raster(tmp_path / "raw.tif", a * 10)
    with pytest.raises(QgsProcessingException, match="outside 0–1"):
        run("multihazardoverlay", {"HAZARDS": [pa, raw], "OUTPUT": str(tmp_path / "y.tif")})
    empty = write_raster(tmp_path / "empty.tif", np.full(a.shape, -9999, np.float32))
    with pytest.raises(QgsProcessingException, match="no valid cell"):
        run("multihazardoverlay", {"HAZARDS": [pa, empty], "OUTPUT": str(tmp_path / "z.tif")})
    assert not any((tmp_path / n).exists() for n in ("x.tif", "y.tif", "z.tif"))


# --- tsr:riskzoning -----------------------------------------------------------------------


@pytest.fixture
def clusters(tmp_path):
    """Three value clusters in vertical bands: 0.1 (10 columns), 0.5 (6 columns), 0.9 (4 columns)."""
    array = np.empty((10, 20), np.float32)
    array[:, :10] = 0.1
    array[:, 10:16] = 0.5
    array[:, 16:] = 0.9
    array[0, 0] = 0.12
    return write_raster(tmp_path / "risk.tif", array), array


def zoning(run, path, tmp_path, **extra):
    params = {"INPUT": path, "CLASSES": 3, "METHOD": 0, "MIN_AREA": 0,
              "OUTPUT": str(tmp_path / "g.tif"), "OUTPUT_ZONES": str(tmp_path / "z.gpkg"),
              "OUTPUT_LINES": str(tmp_path / "l.gpkg"), "OUTPUT_TABLE": str(tmp_path / "t.gpkg"), "OUTPUT_HTML": str(tmp_path / "z.html")}
    params.update(extra)
    return run("riskzoning", params)


def test_zoning_natural_breaks_areas_and_lines(run, clusters, tmp_path):
    path, _ = clusters
    result = zoning(run, path, tmp_path)
    breaks = [float(v) for v in result["BREAKS_USED"].split(",")]
    assert breaks == pytest.approx([0.12, 0.5])  # upper bounds of the first two clusters
    grades = read_raster(result["OUTPUT"])
    assert (grades[:, :10] == 1).all() and (grades[:, 10:16] == 2).all() and (grades[:, 16:] == 3).all()
    zones = QgsVectorLayer(result["OUTPUT_ZONES"], "z", "ogr")
    areas = {f["grade"]: (f["area_ha"], f["label_zh"], f.geometry().area()) for f in zones.getFeatures()}
    cell_ha = 30 * 30 / 10_000
    assert areas[1][0] == pytest.approx(100 * cell_ha) and areas[2][0] == pytest.approx(60 * cell_ha) and areas[3][0] == pytest.approx(40 * cell_ha)
    assert [areas[g][1] for g in (1, 2, 3)] == ["低", "中", "高"]
    assert areas[3][2] == pytest.approx(40 * 900)
    lines = QgsVectorLayer(result["OUTPUT_LINES"], "l", "ogr")
    lengths = [f["length_m"] for f in lines.getFeatures()]
    assert lengths == pytest.approx([2 * (4 * 30 + 10 * 30)])  # one rectangle 120 m × 300 m
    assert result["CONTROLLED_AREA_HA"] == pytest.approx(40 * cell_ha)
    assert result["GVF"] == pytest.approx(1.0, abs=1e-3)
    table = QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr")
    (row,) = list(table.getFeatures())
    assert row["grade3_ha"] == pytest.approx(40 * cell_ha) and row["total_ha"] == pytest.approx(200 * cell_ha)


def test_zoning_manual_breaks_sieve_and_units(run, clusters, tmp_path):
    path, array = clusters
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorFileWriter, QgsFields, QgsCoordinateReferenceSystem, QgsCoordinateTransformContext
    from territorial_resilience.processing_provider.qgis_compat import field, WKB_MULTIPOLYGON

    fields = QgsFields()
    fields.append(field("name", "string"))
    units_path = str(tmp_path / "units.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    writer = QgsVectorFileWriter.create(units_path, fields, WKB_MULTIPOLYGON, QgsCoordinateReferenceSystem("EPSG:4547"), QgsCoordinateTransformContext(), options)
    for name, (x0, x1) in (("west", (480000, 480300)), ("east", (480300, 480600))):
        feature = QgsFeature(fields)
        feature.setGeometry(QgsGeometry.fromWkt(f"MULTIPOLYGON((({x0} 3399700,{x1} 3399700,{x1} 3400000,{x0} 3400000,{x0} 3399700)))"))
        feature.setAttributes([name])
        writer.addFeature(feature)
    del writer
    # a 2-cell island of 0.9 inside the 0.1 band disappears with MIN_AREA = 0.27 ha (3 cells)
    array = array.copy()
    array[5, 3:5] = 0.9
    path2 = write_raster(tmp_path / "risk2.tif", array)
    result = zoning(run, path2, tmp_path, METHOD=4, BREAKS="0.3, 0.7", MIN_AREA=0.27, UNITS=units_path, UNIT_FIELD="name", CONTROL_GRADE=2)
    assert result["BREAKS_USED"] == "0.3,0.7"
    grades = read_raster(result["OUTPUT"])
    assert (grades[5, 3:5] == 1).all()
    rows = {f["unit"]: f for f in QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr").getFeatures()}
    cell_ha = 0.09
    assert rows["west"]["grade1_ha"] == pytest.approx(100 * cell_ha) and rows["west"]["controlled_ha"] == pytest.approx(0)
    assert rows["east"]["grade2_ha"] == pytest.approx(60 * cell_ha) and rows["east"]["grade3_ha"] == pytest.approx(40 * cell_ha)
    assert rows["east"]["controlled_pct"] == pytest.approx(100.0)


@pytest.mark.parametrize(
    "extra, fragment",
    [
        ({"METHOD": 4, "BREAKS": "0.5, 0.2"}, "strictly increasing"),
        ({"METHOD": 4, "BREAKS": "0.2, abc"}, "not a number"),
        ({"CONTROL_GRADE": 7}, "only 3 grades"),
    ],
)
def test_zoning_bad_parameters(run, clusters, tmp_path, extra, fragment):
    path, _ = clusters
    with pytest.raises(QgsProcessingException, match=fragment):
        zoning(run, path, tmp_path, **extra)
    assert not (tmp_path / "g.tif").exists()


def test_zoning_refuses_degrees_and_web_mercator(run, clusters, tmp_path):
    _, array = clusters
    geographic = write_raster(tmp_path / "geo.tif", array, cell=0.0003, crs="EPSG:4490", origin=(114.0, 30.7))
    with pytest.raises(QgsProcessingException, match="geographic"):
        zoning(run, geographic, tmp_path)
    mercator = write_raster(tmp_path / "merc.tif", array, crs="EPSG:3857", origin=(12690000.0, 3590000.0))
    with pytest.raises(QgsProcessingException, match="Web Mercator"):
        zoning(run, mercator, tmp_path)


def test_zoning_empty_unit_layer(run, clusters, tmp_path):
    path, _ = clusters
    empty = QgsVectorLayer("MultiPolygon?crs=EPSG:4547&field=name:string", "empty", "memory")
    with pytest.raises(QgsProcessingException, match="no features"):
        zoning(run, path, tmp_path, UNITS=empty, UNIT_FIELD="name")
