"""The zoning-under-uncertainty algorithms through processing.run and qgis_process."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis_runner import QgisProcess

SAATY_3 = "1 3 5\n1/3 1 3\n1/5 1/3 1"


def power_iteration(a: np.ndarray) -> np.ndarray:
    w = np.ones(len(a)) / len(a)
    for _ in range(200):
        w = a @ w
        w /= w.sum()
    return w


def test_ahp_weights_match_an_independent_eigenvector(run, tmp_path):
    result = run("ahpweights", {"MATRIX": SAATY_3, "CRITERIA": "slope, flood, roads", "OUTPUT_TABLE": str(tmp_path / "w.gpkg"), "OUTPUT_HTML": str(tmp_path / "ahp.html")})
    a = np.array([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]])
    w = power_iteration(a)
    assert [float(v) for v in result["WEIGHTS"].split(",")] == pytest.approx(w, abs=1e-6)
    lam = float(np.mean((a @ w) / w))
    assert result["LAMBDA_MAX"] == pytest.approx(lam, abs=1e-6)
    assert result["CI"] == pytest.approx((lam - 3) / 2, abs=1e-6)
    assert result["CR"] == pytest.approx((lam - 3) / 2 / 0.58, abs=1e-6)
    assert round(result["CR"], 3) == 0.033 and result["CONSISTENT"] is True
    table = QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr")
    assert {f["criterion"]: f["rank"] for f in table.getFeatures()} == {"slope": 1, "flood": 2, "roads": 3}


def test_ahp_upper_triangle_and_inconsistency_advice(run, tmp_path):
    consistent = run("ahpweights", {"MATRIX": "2,4,8,2,4,2", "OUTPUT_TABLE": "", "OUTPUT_HTML": ""})
    assert [float(v) for v in consistent["WEIGHTS"].split(",")] == pytest.approx(np.array([8, 4, 2, 1]) / 15, abs=1e-6)
    assert consistent["CR"] == pytest.approx(0.0, abs=1e-9)
    broken = run("ahpweights", {"MATRIX": "2,1/4,8,2,4,2", "OUTPUT_TABLE": "", "OUTPUT_HTML": str(tmp_path / "bad.html")})
    assert broken["CONSISTENT"] is False and broken["CR"] > 0.1
    html = (tmp_path / "bad.html").read_text(encoding="utf-8")
    assert "Row 1, column 3" in html  # the corrupted judgement is named first


@pytest.mark.parametrize(
    "matrix, names, fragment",
    [
        ("1 3\n3 1", "", "reciprocal"),
        ("1 -2\n-1/2 1", "", "positive"),
        ("1 2 3 4 5", "", "5"),
        (SAATY_3, "a,b", "2 criteria need 4 judgements"),
    ],
)
def test_ahp_bad_matrices(run, matrix, names, fragment):
    with pytest.raises(QgsProcessingException, match=fragment):
        run("ahpweights", {"MATRIX": matrix, "CRITERIA": names, "OUTPUT_TABLE": "", "OUTPUT_HTML": ""})


def test_ahp_through_qgis_process(tmp_path):
    answer = QgisProcess(str(tmp_path / "profile")).run("tsr:ahpweights", {"MATRIX": "1,3,5,1/3,1,3,1/5,1/3,1", "OUTPUT_HTML": str(tmp_path / "a.html")})
    results = answer["results"]
    assert isinstance(results["CR"], float) and isinstance(results["LAMBDA_MAX"], float)
    assert results["WEIGHTS"] == "0.636986,0.258285,0.104729"
    assert results["CONSISTENT"] is True


# --- tsr:suitability -----------------------------------------------------------------------

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeature, QgsFields, QgsGeometry, QgsVectorFileWriter  # noqa: E402
from rasters import read_raster, write_raster  # noqa: E402


@pytest.fixture
def criteria(tmp_path):
    """Three criteria on a 20 × 30 grid: a benefit in 0–1, a cost in 0–1, slope in degrees."""
    rng = np.random.default_rng(3)
    a = rng.random((20, 30)).astype(np.float32)
    b = rng.random((20, 30)).astype(np.float32)
    slope = (rng.random((20, 30)) * 30).astype(np.float32)
    slope[0, 0] = -9999
    return [write_raster(tmp_path / f"{n}.tif", x) for n, x in (("a", a), ("b", b), ("slope", slope))], (a, b, slope)


def suitability(run, paths, tmp_path, **extra):
    params = {"CRITERIA": paths, "DIRECTIONS": "+,-,-", "WEIGHTS": "0.5,0.3,0.2", "WEIGHT_UNCERTAINTY": 0, "ITERATIONS": 200, "SEED": 7,
              "THRESHOLD": 0.5, "OUTPUT_MEAN": str(tmp_path / "mean.tif"), "OUTPUT_STD": str(tmp_path / "std.tif"),
              "OUTPUT_PROBABILITY": str(tmp_path / "p.tif"), "OUTPUT_CLASS": str(tmp_path / "class.tif"), "OUTPUT_HTML": str(tmp_path / "s.html")}
    params.update(extra)
    return run("suitability", params)


def deterministic_score(a, b, slope):
    valid = slope != -9999
    s = (slope - slope[valid].min()) / (slope[valid].max() - slope[valid].min())
    return 0.5 * a + 0.3 * (1 - b) + 0.2 * (1 - s), valid


def test_suitability_without_uncertainty_is_the_deterministic_score(run, criteria, tmp_path):
    paths, (a, b, slope) = criteria
    result = suitability(run, paths, tmp_path)
    score, valid = deterministic_score(a, b, slope)
    mean = read_raster(result["OUTPUT_MEAN"])
    np.testing.assert_allclose(mean[valid], score[valid], atol=1e-6)
    assert mean.mask[0, 0]
    p = read_raster(result["OUTPUT_PROBABILITY"])
    np.testing.assert_array_equal(p[valid], (score >= 0.5)[valid].astype(np.float32))
    assert np.allclose(read_raster(result["OUTPUT_STD"])[valid], 0.0)
    classes = read_raster(result["OUTPUT_CLASS"])
    np.testing.assert_array_equal(classes[valid], np.where(score >= 0.5, 1, 4)[valid])
    assert result["ROBUST_AREA_HA"] == pytest.approx(int((score >= 0.5)[valid].sum()) * 0.09)
    assert result["UNCERTAIN_AREA_HA"] == 0.0


def test_suitability_exclusions_are_respected_exactly(run, criteria, tmp_path):
    paths, (a, b, slope) = criteria
    constraint = np.ones((20, 30), np.float32)
    constraint[:, :5] = 0  # the five western columns are excluded by the constraint raster
    constraint_path = write_raster(tmp_path / "constraint.tif", constraint)
    fields = QgsFields()
    zones_path = str(tmp_path / "zones.gpkg")
    writer = QgsVectorFileWriter.create(zones_path, fields, 6, QgsCoordinateReferenceSystem("EPSG:4547"), QgsCoordinateTransformContext(), QgsVectorFileWriter.SaveVectorOptions())
    feature = QgsFeature(fields)
    # rows 0–3, columns 20–29 by cell centre
    feature.setGeometry(QgsGeometry.fromWkt("MULTIPOLYGON(((480600 3400000,480900 3400000,480900 3399880,480600 3399880,480600 3400000)))"))
    writer.addFeature(feature)
    del writer
    result = suitability(run, paths, tmp_path, CONSTRAINTS=[constraint_path], EXCLUSION_ZONES=[zones_path], WEIGHT_UNCERTAINTY=15)
    classes = read_raster(result["OUTPUT_CLASS"])
    p = read_raster(result["OUTPUT_PROBABILITY"])
    excluded = np.zeros((20, 30), bool)
    excluded[:, :5] = True
    excluded[:4, 20:] = True
    valid = slope != -9999
    assert (classes[excluded & valid] == 5).all() and (classes[~excluded & valid] != 5).all()
    assert (p[excluded & valid] == 0).all() and (read_raster(result["OUTPUT_MEAN"])[excluded & valid] == 0).all()


def test_suitability_is_reproducible_with_a_seed(run, criteria, tmp_path):
    paths, _ = criteria
    first = read_raster(suitability(run, paths, tmp_path / "1", WEIGHT_UNCERTAINTY=30)["OUTPUT_PROBABILITY"])
    again = read_raster(suitability(run, paths, tmp_path / "2", WEIGHT_UNCERTAINTY=30)["OUTPUT_PROBABILITY"])
    other = read_raster(suitability(run, paths, tmp_path / "3", WEIGHT_UNCERTAINTY=30, SEED=8)["OUTPUT_PROBABILITY"])
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)
    assert ((first > 0) & (first < 1)).any()  # the weights really vary


@pytest.mark.parametrize(
    "extra, fragment",
    [
        ({"WEIGHTS": "0.5,0.5"}, "2 weights were given for 3 criteria"),
        ({"WEIGHTS": "0.5,-0.3,0.2"}, "zero or positive"),
        ({"DIRECTIONS": "+,-"}, "one direction per criterion"),
        ({"THRESHOLD": 0.5, "TOP_PERCENT": 10}, "not both"),
    ],
)
def test_suitability_bad_input(run, criteria, tmp_path, extra, fragment):
    paths, _ = criteria
    with pytest.raises(QgsProcessingException, match=fragment):
        suitability(run, paths, tmp_path, **extra)
    assert not (tmp_path / "mean.tif").exists()


def test_suitability_refuses_a_constraint_off_the_grid_and_zero_iterations(run, criteria, tmp_path):
    paths, _ = criteria
    far = write_raster(tmp_path / "far.tif", np.ones((5, 5), np.float32), origin=(700000.0, 3000000.0))
    with pytest.raises(QgsProcessingException, match="does not overlap"):
        suitability(run, paths, tmp_path, CONSTRAINTS=[far])
    with pytest.raises(QgsProcessingException, match="ITERATIONS"):
        suitability(run, paths, tmp_path, ITERATIONS=0)


def test_suitability_through_qgis_process(criteria, tmp_path):
    paths, (a, b, slope) = criteria
    results = QgisProcess(str(tmp_path / "profile")).run("tsr:suitability", {
        "CRITERIA": paths, "DIRECTIONS": "+,-,-", "WEIGHTS": "0.5,0.3,0.2", "WEIGHT_UNCERTAINTY": 20, "ITERATIONS": 300,
        "TOP_PERCENT": 25, "OUTPUT_MEAN": str(tmp_path / "m.tif"), "OUTPUT_PROBABILITY": str(tmp_path / "p.tif"),
        "OUTPUT_CLASS": str(tmp_path / "c.tif"), "OUTPUT_HTML": str(tmp_path / "r.html"),
    })["results"]
    assert isinstance(results["ROBUST_AREA_HA"], float) and isinstance(results["UNCERTAIN_AREA_HA"], float)
    score, valid = deterministic_score(a, b, slope)
    mean = read_raster(results["OUTPUT_MEAN"])
    np.testing.assert_allclose(mean[valid], score[valid], atol=1e-5)  # closed-form WLC mean
    p = read_raster(results["OUTPUT_PROBABILITY"])
    assert p[valid].mean() == pytest.approx(0.25, abs=0.01)  # a quarter of the cells is suitable in every draw
    assert "Sensitivity" in (tmp_path / "r.html").read_text(encoding="utf-8")
