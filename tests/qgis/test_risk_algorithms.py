"""The three risk-path algorithms through processing.run, against hand computations."""

from __future__ import annotations

import hashlib
import math
import os
import sys
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from rasters import read_raster, write_raster

sys.path.insert(0, str(Path(__file__).resolve().parent))
from algorithm_checks import Recorder, refused  # noqa: E402


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
    table = run(
        "normalizehazard", {"INPUT": path, "METHOD": 5, "TABLE": ["", 20, 0.2, 20, 200, 0.6, 200, "", 1.0], "OUTPUT": str(tmp_path / "t_out.tif")}
    )
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
    result = run(
        "multihazardoverlay",
        {
            "HAZARDS": [pa, pb],
            "WEIGHTS": "3,1",
            "METHOD": 0,
            "THRESHOLD": 0.5,
            "OUTPUT": str(tmp_path / "i.tif"),
            "OUTPUT_DOMINANT": str(tmp_path / "d.tif"),
            "OUTPUT_COUNT": str(tmp_path / "c.tif"),
            "OUTPUT_HTML": str(tmp_path / "r.html"),
        },
    )
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
    result = run(
        "multihazardoverlay",
        {
            "HAZARDS": [pa, pb],
            "METHOD": 3,
            "WEIGHTS": "1,0.5",
            "EXPOSURE": e,
            "CAPACITY": c,
            "OUTPUT": str(tmp_path / "u.tif"),
            "OUTPUT_DOMINANT": "",
            "OUTPUT_COUNT": "",
            "OUTPUT_HTML": "",
        },
    )
    index = read_raster(result["OUTPUT"])
    expected = (1 - (1 - a) * (1 - 0.5 * b)) * 0.5 * 0.8
    np.testing.assert_allclose(index[5], expected[5], rtol=1e-5)
    assert set(result) == {"OUTPUT"}


def test_overlay_aligns_to_reference_grid(run, hazards, tmp_path):
    pa, _, a, _ = hazards
    coarse = np.kron(np.array([[0.2, 0.8], [0.4, 0.6]], np.float32), np.ones((15, 20), np.float32))[::1, ::1]
    coarse_path = write_raster(tmp_path / "coarse.tif", coarse[::3, ::4][:, :], cell=90.0 * 1)  # 10 × 10 cells of 90 m → 900 m wide
    result = run(
        "multihazardoverlay",
        {"HAZARDS": [pa, coarse_path], "METHOD": 2, "OUTPUT": str(tmp_path / "m.tif"), "OUTPUT_DOMINANT": "", "OUTPUT_COUNT": "", "OUTPUT_HTML": ""},
    )
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


def zoning_params(path, tmp_path, **extra) -> dict:
    """Parameters of a valid tsr:riskzoning run (natural breaks, 3 grades, every output), changed by `extra`."""
    params = {
        "INPUT": path,
        "CLASSES": 3,
        "METHOD": 0,
        "MIN_AREA": 0,
        "OUTPUT": str(tmp_path / "g.tif"),
        "OUTPUT_ZONES": str(tmp_path / "z.gpkg"),
        "OUTPUT_LINES": str(tmp_path / "l.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / "t.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "z.html"),
    }
    params.update(extra)
    return params


def zoning(run, path, tmp_path, feedback=None, **extra):
    return run("riskzoning", zoning_params(path, tmp_path, **extra), feedback)


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
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeature, QgsFields, QgsGeometry, QgsVectorFileWriter

    from territorial_resilience.processing_provider.common.qgis_compat import WKB_MULTIPOLYGON, field

    fields = QgsFields()
    fields.append(field("name", "string"))
    units_path = str(tmp_path / "units.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    writer = QgsVectorFileWriter.create(
        units_path, fields, WKB_MULTIPOLYGON, QgsCoordinateReferenceSystem("EPSG:4547"), QgsCoordinateTransformContext(), options
    )
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


# --- hostile input (issue 10): a clear message or a reported, documented handling ------------


@pytest.mark.parametrize(
    "breaks, classes, fragment",
    [
        ("0.2, 0.4, 0.6", 3, "3 manual breaks were given, which make 4 grades, but the number of grades is 3: give 2 increasing inner breaks"),
        ("0.3", 3, "1 manual breaks were given, which make 2 grades, but the number of grades is 3"),
        ("0.3, 0.7", 5, "2 manual breaks were given, which make 3 grades, but the number of grades is 5: give 4"),
    ],
)
def test_zoning_manual_break_count_must_match_classes(run, clusters, tmp_path, breaks, classes, fragment):
    path, _ = clusters
    refused(run, "riskzoning", zoning_params(path, tmp_path, CLASSES=classes, METHOD=4, BREAKS=breaks), fragment)
    assert not (tmp_path / "g.tif").exists()


@pytest.fixture
def float_surface(tmp_path):
    """A float32 risk surface with 4 000 distinct values: natural breaks fall on data values
    whose 10-significant-digit text is another float."""
    values = np.random.default_rng(11).random((40, 100)).astype(np.float32) ** 2
    return write_raster(tmp_path / "surface.tif", values), values


def test_zoning_breaks_used_fed_back_as_breaks_gives_the_same_grades(run, float_surface, tmp_path):
    path, values = float_surface
    first = zoning(run, path, tmp_path, CLASSES=5, METHOD=0, OUTPUT=str(tmp_path / "g1.tif"))
    breaks = [float(b) for b in first["BREAKS_USED"].split(",")]
    assert len(breaks) == 4
    on_break = np.isin(values.astype(np.float64), breaks)
    assert on_break.sum() >= 4  # natural breaks are data values: cells lie exactly on them
    again = zoning(
        run,
        path,
        tmp_path,
        CLASSES=5,
        METHOD=4,
        BREAKS=first["BREAKS_USED"],
        OUTPUT=str(tmp_path / "g2.tif"),
        OUTPUT_ZONES=str(tmp_path / "z2.gpkg"),
        OUTPUT_LINES=str(tmp_path / "l2.gpkg"),
        OUTPUT_TABLE=str(tmp_path / "t2.gpkg"),
        OUTPUT_HTML=str(tmp_path / "z2.html"),
    )
    g1, g2 = read_raster(first["OUTPUT"]), read_raster(again["OUTPUT"])
    np.testing.assert_array_equal(g1.filled(0), g2.filled(0))
    assert again["BREAKS_USED"] == first["BREAKS_USED"]
    # and the grades follow the documented rule g = 1 + #{b : v > b} on every cell, those on a break included
    expected = 1 + (values[..., None].astype(np.float64) > np.array(breaks)).sum(-1)
    np.testing.assert_array_equal(g1.filled(0), expected)


@pytest.mark.parametrize(
    "min_area, fragment",
    [
        (1e6, "The minimum patch area (1e+06 ha) is not smaller than the whole valid area of the risk surface (18 ha, 200 cells)"),
        (18.0, "not smaller than the whole valid area of the risk surface (18 ha, 200 cells)"),
        ("nan", "must be"),
    ],
)
def test_zoning_min_area_beyond_the_study_area_is_a_plain_message(run, clusters, tmp_path, min_area, fragment):
    path, _ = clusters
    refused(run, "riskzoning", zoning_params(path, tmp_path, MIN_AREA=min_area), fragment)
    assert not (tmp_path / "g.tif").exists()


def memory_units(features, crs="EPSG:4547", kind="MultiPolygon"):
    from qgis.core import QgsFeature, QgsGeometry

    layer = QgsVectorLayer(f"{kind}?crs={crs}&field=name:string", "units", "memory")
    created = []
    for name, wkt in features:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name])
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        created.append(feature)
    assert layer.dataProvider().addFeatures(created)[0]
    return layer


def square(x0, x1, y0=3399700, y1=3400000):
    return f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"


def test_zoning_units_without_geometry_or_cells_stay_in_the_table_and_are_listed(run, clusters, tmp_path):
    path, _ = clusters
    units = memory_units([("west", square(480000, 480300)), ("ghost", None), ("east", square(480300, 480600)), ("offshore", square(580000, 580300))])
    feedback = Recorder()
    result = zoning(run, path, tmp_path, feedback, METHOD=4, BREAKS="0.3,0.7", UNITS=units, UNIT_FIELD="name")
    rows = {f["unit"]: f for f in QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr").getFeatures()}
    assert sorted(rows) == ["east", "ghost", "offshore", "west"]  # nobody vanishes
    for name in ("ghost", "offshore"):
        assert [rows[name][f] for f in ("grade1_ha", "grade2_ha", "grade3_ha", "total_ha", "controlled_ha", "controlled_pct")] == [0.0] * 6
    assert rows["west"]["total_ha"] == pytest.approx(100 * 0.09) and rows["east"]["total_ha"] == pytest.approx(100 * 0.09)
    said = feedback.said()
    assert "2 of 4 units have zero area in the table: ghost: no geometry; offshore: it holds no graded cell" in said
    html = Path(result["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert "ghost has zero area: no geometry" in html


def test_zoning_units_with_curved_outlines(run, clusters, tmp_path):
    """A unit stored as a curve polygon (MultiSurface layer) is measured like its straight
    twin: GEOS reads no curves, so they are straightened first (they were a WKB error)."""
    path, _ = clusters
    ring = "480000 3399700, 480300 3399700, 480300 3400000, 480000 3400000, 480000 3399700"
    arc = "CIRCULARSTRING(480300 3399700, 480450 3399850, 480300 3400000)"  # a half disc east of the square
    units = memory_units(
        [
            ("square", f"MULTISURFACE(CURVEPOLYGON(COMPOUNDCURVE(({ring}))))"),
            ("arc", f"CURVEPOLYGON(COMPOUNDCURVE({arc}, (480300 3400000, 480300 3399700)))"),
        ],
        kind="MultiSurface",
    )
    result = zoning(run, path, tmp_path, Recorder(), METHOD=4, BREAKS="0.3,0.7", UNITS=units, UNIT_FIELD="name")
    rows = {f["unit"]: f for f in QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr").getFeatures()}
    assert rows["square"]["total_ha"] == pytest.approx(100 * 0.09)
    # the half disc of radius 150 m holds the cells whose centres lie in it: counted independently
    centres = [(480000 + 30 * c + 15, 3400000 - 30 * r - 15) for r in range(10) for c in range(20)]
    inside = sum(1 for x, y in centres if x > 480300 and (x - 480300) ** 2 + (y - 3399850) ** 2 < 150**2)
    assert rows["arc"]["total_ha"] == pytest.approx(inside * 0.09)


def test_zoning_empty_grades_are_reported(run, clusters, tmp_path):
    path, _ = clusters
    feedback = Recorder()
    result = zoning(run, path, tmp_path, feedback, METHOD=4, BREAKS="5, 6")
    assert (read_raster(result["OUTPUT"]) == 1).all()
    assert "Grades 2, 3 of 3 hold no cell: no value of the data range from 0.1 to 0.9 falls between their breaks" in feedback.said()


@pytest.mark.parametrize(
    "band, fragment",
    [
        (0, "Band 0 does not exist: 'ramp' has band(s) 1 to 1"),
        (2, "Band 2 does not exist: 'ramp' has band(s) 1 to 1"),
        (-1, "band(s) 1 to 1"),
    ],
)
def test_normalize_band_outside_the_raster_is_refused_with_the_range(run, ramp, tmp_path, band, fragment):
    path, _ = ramp
    refused(run, "normalizehazard", {"INPUT": path, "BAND": band, "METHOD": 0, "OUTPUT": str(tmp_path / "b.tif")}, fragment)
    assert not (tmp_path / "b.tif").exists()


def test_normalize_non_positive_return_periods_are_reported_and_left_nodata(run, tmp_path):
    path = write_raster(tmp_path / "rp.tif", np.array([[2, 10, 0, -5], [100, -9999, 0.5, 1]], dtype=np.float32))
    feedback = Recorder()
    result = run("normalizehazard", {"INPUT": path, "METHOD": 6, "OUTPUT": str(tmp_path / "p.tif")}, feedback)
    out = read_raster(result["OUTPUT"])
    assert out.mask.tolist() == [[False, False, True, True], [False, True, False, False]]
    np.testing.assert_allclose(out.compressed(), [1 - math.exp(-1 / t) for t in (2, 10, 100, 0.5, 1)], rtol=1e-6)
    assert "2 cells (28.6 % of the valid cells) hold a return period of 0 years or less" in feedback.said()
    none_positive = write_raster(tmp_path / "rp0.tif", np.array([[0, -1]], dtype=np.float32))
    refused(
        run,
        "normalizehazard",
        {"INPUT": none_positive, "METHOD": 6, "OUTPUT": str(tmp_path / "p0.tif")},
        "No cell holds a return period above 0 years",
    )


@pytest.mark.parametrize(
    "params, fragment",
    [
        ({"METHOD": 0, "INPUT": "const"}, "Every valid cell of the raster has the value 3: a single value cannot be stretched"),
        ({"METHOD": 1, "INPUT": "const"}, "Percentiles 2 % and 98 % are both 3"),
        ({"METHOD": 2, "LOWER": 10, "UPPER": 5}, "The lower control point (10) must be below the upper one (5)"),
        ({"METHOD": 2, "LOWER": "nan", "UPPER": 5}, "LOWER"),
        ({"METHOD": 0, "LOWER": 500}, "The lower control point 500 is not below the data maximum 199"),
        ({"METHOD": 5, "TABLE": ["nan", "5", "0.5"]}, "'nan' in the reclassification table is not a number"),
    ],
)
def test_normalize_numeric_parameters_give_clear_messages(run, ramp, tmp_path, params, fragment):
    path, _ = ramp
    const = write_raster(tmp_path / "const.tif", np.full((10, 20), 3.0, np.float32))
    params = {"INPUT": path, "OUTPUT": str(tmp_path / "n.tif"), **params}
    if params["INPUT"] == "const":
        params["INPUT"] = const
    refused(run, "normalizehazard", params, fragment)
    assert not (tmp_path / "n.tif").exists()


def test_overlay_warns_about_a_hazard_covering_a_tiny_part_of_the_grid(run, hazards, tmp_path):
    pa, _, a, _ = hazards
    tiny = np.full(a.shape, -9999, np.float32)
    tiny[0, :5] = 0.5  # 5 of 1 200 cells = 0.417 %
    pt = write_raster(tmp_path / "tsunami.tif", tiny)
    feedback = Recorder()
    result = run(
        "multihazardoverlay",
        {"HAZARDS": [pa, pt], "NODATA_POLICY": 1, "OUTPUT": str(tmp_path / "i.tif"), "OUTPUT_DOMINANT": "", "OUTPUT_COUNT": "", "OUTPUT_HTML": ""},
        feedback,
    )
    assert (
        "'tsunami' has values on only 0.417 % of the cells where any hazard has one (5 of 1200); everywhere else the index is made without it"
        in feedback.errors
    )
    index = read_raster(result["OUTPUT"])
    np.testing.assert_allclose(index[0, :5], (a[0, :5] + 0.5) / 2, rtol=1e-6)
    np.testing.assert_allclose(index[1], a[1], rtol=1e-6)
    # 120 of 1 200 cells = 10 %: the documented threshold is "below 10 %", so no warning
    tiny[:3, :] = 0.5
    pt12 = write_raster(tmp_path / "t12.tif", tiny)
    quiet = Recorder()
    run(
        "multihazardoverlay",
        {"HAZARDS": [pa, pt12], "NODATA_POLICY": 1, "OUTPUT": str(tmp_path / "j.tif"), "OUTPUT_DOMINANT": "", "OUTPUT_COUNT": "", "OUTPUT_HTML": ""},
        quiet,
    )
    assert not [e for e in quiet.errors if "has values on only" in e]


def test_overlay_hazards_that_do_not_overlap(run, hazards, tmp_path):
    pa, _, a, _ = hazards
    west, east = a.copy(), a.copy()
    west[:, 20:] = -9999
    east[:, :20] = -9999
    pw, pe = write_raster(tmp_path / "west.tif", west), write_raster(tmp_path / "east.tif", east)
    refused(run, "multihazardoverlay", {"HAZARDS": [pw, pe], "OUTPUT": str(tmp_path / "x.tif")}, "These hazards do not overlap: west / east")
    assert not (tmp_path / "x.tif").exists()
    feedback = Recorder()
    run(
        "multihazardoverlay",
        {"HAZARDS": [pw, pe], "NODATA_POLICY": 1, "OUTPUT": str(tmp_path / "y.tif"), "OUTPUT_DOMINANT": "", "OUTPUT_COUNT": "", "OUTPUT_HTML": ""},
        feedback,
    )
    assert "'west' and 'east' share no cell: where one has a value the other is missing, so the index never combines them" in feedback.errors
    # a hazard on another grid is said to be resampled
    coarse = write_raster(tmp_path / "coarse.tif", np.full((10, 10), 0.5, np.float32), cell=120.0)
    noted = Recorder()
    run(
        "multihazardoverlay",
        {"HAZARDS": [pa, coarse], "OUTPUT": str(tmp_path / "z.tif"), "OUTPUT_DOMINANT": "", "OUTPUT_COUNT": "", "OUTPUT_HTML": ""},
        noted,
    )
    assert "'coarse' is on another grid (EPSG:4547, cells of 120); it is resampled (bilinear) to the reference grid (cells of 30)" in noted.infos


@pytest.mark.parametrize(
    "extra, fragment",
    [
        ({"METHOD": 3, "WEIGHTS": "0,0"}, "Every weight is zero: the probabilistic union would be 0 in every cell"),
        ({"WEIGHTS": "0,0"}, "The weights sum to zero"),
        ({"WEIGHTS": "nan,1"}, "WEIGHTS: 'nan' is not a finite number"),
        ({"METHOD": 4, "ORDER_WEIGHTS": "0,0"}, "not all zero"),
    ],
)
def test_overlay_weight_parameters(run, hazards, tmp_path, extra, fragment):
    pa, pb, _, _ = hazards
    refused(run, "multihazardoverlay", {"HAZARDS": [pa, pb], "OUTPUT": str(tmp_path / "x.tif"), **extra}, fragment)


def test_overlay_huge_weights_and_too_many_hazards(run, hazards, tmp_path):
    pa, pb, a, b = hazards
    result = run(
        "multihazardoverlay",
        {
            "HAZARDS": [pa, pb],
            "WEIGHTS": "1e308,1e308",
            "OUTPUT": str(tmp_path / "h.tif"),
            "OUTPUT_DOMINANT": "",
            "OUTPUT_COUNT": "",
            "OUTPUT_HTML": "",
        },
    )
    valid = b != -9999
    np.testing.assert_allclose(read_raster(result["OUTPUT"])[valid], ((a + b) / 2)[valid], rtol=1e-6)  # not 0 from an overflowed sum
    refused(run, "multihazardoverlay", {"HAZARDS": [pa] * 255, "OUTPUT": str(tmp_path / "many.tif")}, "255 hazards were given; at most 254")


@pytest.mark.parametrize(
    "matrix, names, fragment",
    [
        ("1 0\n0 1", "", "row 1, column 2 is 0; judgements must be positive"),
        ("1 -3\n-1/3 1", "", "row 1, column 2 is -3"),
        ("1 3\n3 1", "", "must be its reciprocal 0.3333, but it is 3"),
        ("1 2 3\n1 1 1", "", "2 lines of 3, 3 values, which is not a matrix"),
        ("1e308", "", "far outside Saaty's scale"),
        ("3", "slope,slope", "given more than once: slope"),
        ("1 a\n1/a 1", "", "'a' is not a number"),
    ],
)
def test_ahp_inconsistent_matrices_are_plain_messages(run, matrix, names, fragment):
    refused(run, "ahpweights", {"MATRIX": matrix, "CRITERIA": names, "OUTPUT_TABLE": "", "OUTPUT_HTML": ""}, fragment)


# --- the same through qgis_process ----------------------------------------------------------


def test_hostile_path_one_through_qgis_process(clusters, ramp, hazards, tmp_path):
    from qgis_runner import QgisProcess

    qp = QgisProcess(str(tmp_path / "profile"))

    def call(alg, params):
        args = ["--json", "run", alg, "--"]
        for name, value in params.items():
            args.extend(f"{name}={v}" for v in (value if isinstance(value, list) else [value]))
        done = qp._call(args, timeout=300)
        text = done.stdout + done.stderr
        assert "Traceback" not in text and "Unexpected error" not in text
        return done.returncode, text

    risk, _ = clusters
    before = digest(risk)
    code, text = call(
        "tsr:riskzoning",
        {
            "INPUT": risk,
            "CLASSES": 3,
            "METHOD": 4,
            "BREAKS": "0.2,0.4,0.6",
            "OUTPUT": str(tmp_path / "g.tif"),
            "OUTPUT_ZONES": str(tmp_path / "z.gpkg"),
            "OUTPUT_LINES": str(tmp_path / "l.gpkg"),
        },
    )
    assert code != 0 and "3 manual breaks were given, which make 4 grades, but the number of grades is 3" in text
    code, text = call(
        "tsr:riskzoning",
        {
            "INPUT": risk,
            "CLASSES": 3,
            "MIN_AREA": 1000000,
            "OUTPUT": str(tmp_path / "g.tif"),
            "OUTPUT_ZONES": str(tmp_path / "z.gpkg"),
            "OUTPUT_LINES": str(tmp_path / "l.gpkg"),
        },
    )
    assert code != 0 and "is not smaller than the whole valid area of the risk surface (18 ha, 200 cells)" in text
    first = qp.run(
        "tsr:riskzoning",
        {
            "INPUT": risk,
            "CLASSES": 3,
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "g1.tif"),
            "OUTPUT_ZONES": str(tmp_path / "z1.gpkg"),
            "OUTPUT_LINES": str(tmp_path / "l1.gpkg"),
        },
    )["results"]
    assert first["BREAKS_USED"] == "0.11999999731779099,0.5"  # float32 0.12, exactly
    again = qp.run(
        "tsr:riskzoning",
        {
            "INPUT": risk,
            "CLASSES": 3,
            "METHOD": 4,
            "BREAKS": first["BREAKS_USED"],
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "g2.tif"),
            "OUTPUT_ZONES": str(tmp_path / "z2.gpkg"),
            "OUTPUT_LINES": str(tmp_path / "l2.gpkg"),
        },
    )["results"]
    np.testing.assert_array_equal(read_raster(first["OUTPUT"]).filled(0), read_raster(again["OUTPUT"]).filled(0))
    assert not (tmp_path / "g.tif").exists() and digest(risk) == before

    path, _ = ramp
    code, text = call("tsr:normalizehazard", {"INPUT": path, "BAND": 0, "OUTPUT": str(tmp_path / "n.tif")})
    assert code != 0 and "Band 0 does not exist: 'ramp' has band(s) 1 to 1" in text
    rp = write_raster(tmp_path / "rp.tif", np.array([[2, 0, -5, 100]], dtype=np.float32))
    code, text = call("tsr:normalizehazard", {"INPUT": rp, "METHOD": 6, "OUTPUT": str(tmp_path / "p.tif")})
    assert code == 0 and "2 cells (50 % of the valid cells) hold a return period of 0 years or less" in text

    pa, _, a, _ = hazards
    tiny = np.full(a.shape, -9999, np.float32)
    tiny[0, 0] = 0.5
    pt = write_raster(tmp_path / "tiny.tif", tiny)
    code, text = call("tsr:multihazardoverlay", {"HAZARDS": [pa, pt], "OUTPUT": str(tmp_path / "i.tif")})
    assert code == 0 and "'tiny' has values on only 0.0833 % of the cells where any hazard has one (1 of 1200)" in text

    code, text = call("tsr:ahpweights", {"MATRIX": "1 2 3\n1 1 1"})
    assert code != 0 and "2 lines of 3, 3 values, which is not a matrix" in text


def test_zoning_invalid_unit_geometry_is_repaired_not_a_broken_interpreter(run, clusters, tmp_path):
    """A self-intersecting township used to stop the run from inside the feature loop (QGIS's
    invalid-geometry check throws there), which left Python unusable for the next run."""
    from shapely import wkt as shapely_wkt
    from shapely.validation import make_valid

    path, array = clusters
    bowtie = "MULTIPOLYGON(((480000 3399700,480600 3400000,480600 3399700,480000 3400000,480000 3399700)))"
    feedback = Recorder()
    result = zoning(run, path, tmp_path, feedback, METHOD=4, BREAKS="0.3,0.7", UNITS=memory_units([("bow", bowtie)]), UNIT_FIELD="name")
    assert "1 unit geometries were invalid and were repaired (makeValid) before measuring" in feedback.infos
    # independent count: cell centres inside shapely's repair of the same polygon
    from shapely.geometry import Point

    repaired = make_valid(shapely_wkt.loads(bowtie))
    inside = np.array([[repaired.contains(Point(480000 + 30 * c + 15, 3400000 - 30 * r - 15)) for c in range(20)] for r in range(10)])
    grades = 1 + (array[..., None] > np.array([0.3, 0.7])).sum(-1)
    (row,) = list(QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr").getFeatures())
    for g in (1, 2, 3):
        assert row[f"grade{g}_ha"] == pytest.approx(0.09 * np.count_nonzero(inside & (grades == g)))
    # and the interpreter is still sound for the next run
    again = run("normalizehazard", {"INPUT": path, "METHOD": 0, "OUTPUT": str(tmp_path / "n.tif")})
    assert again["LOWER_USED"] == pytest.approx(0.1)


def test_overlay_report_gives_no_hectares_on_a_web_mercator_or_geographic_grid(run, hazards, tmp_path):
    pa, _, a, _ = hazards
    cases = {
        "EPSG:3857": dict(crs="EPSG:3857", origin=(12690000.0, 3590000.0)),
        "EPSG:4490": dict(crs="EPSG:4490", origin=(114.0, 30.7), cell=0.0003),
    }
    for name, kwargs in cases.items():
        path = write_raster(tmp_path / f"h{name[5:]}.tif", a, **kwargs)
        feedback = Recorder()
        html = tmp_path / f"r{name[5:]}.html"
        run(
            "multihazardoverlay",
            {"HAZARDS": [path], "THRESHOLD": 0.0, "OUTPUT": str(tmp_path / f"i{name[5:]}.tif"), "OUTPUT_HTML": str(html)},
            feedback,
        )
        assert f"The report gives no areas in hectares: the reference grid's CRS ({name}) does not measure true metres" in feedback.said()
        # THRESHOLD 0: every cell is ≥ T, so a metric grid would print 1 200 cells × 0.09 ha = 108 ha
        assert "108.00" not in html.read_text(encoding="utf-8")
    metric = Recorder()
    html = tmp_path / "metric.html"
    run("multihazardoverlay", {"HAZARDS": [pa], "THRESHOLD": 0.0, "OUTPUT": str(tmp_path / "m.tif"), "OUTPUT_HTML": str(html)}, metric)
    assert "no areas in hectares" not in metric.said()
    assert "108.00" in html.read_text(encoding="utf-8")
