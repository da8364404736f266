"""The zoning-under-uncertainty algorithms through processing.run and qgis_process."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis_runner import QgisProcess

sys.path.insert(0, str(Path(__file__).resolve().parent))
from algorithm_checks import Recorder  # noqa: E402

SAATY_3 = "1 3 5\n1/3 1 3\n1/5 1/3 1"


def power_iteration(a: np.ndarray) -> np.ndarray:
    w = np.ones(len(a)) / len(a)
    for _ in range(200):
        w = a @ w
        w /= w.sum()
    return w


def test_ahp_weights_match_an_independent_eigenvector(run, tmp_path):
    result = run(
        "ahpweights",
        {"MATRIX": SAATY_3, "CRITERIA": "slope, flood, roads", "OUTPUT_TABLE": str(tmp_path / "w.gpkg"), "OUTPUT_HTML": str(tmp_path / "ahp.html")},
    )
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
    answer = QgisProcess(str(tmp_path / "profile")).run(
        "tsr:ahpweights", {"MATRIX": "1,3,5,1/3,1,3,1/5,1/3,1", "OUTPUT_HTML": str(tmp_path / "a.html")}
    )
    results = answer["results"]
    assert isinstance(results["CR"], float) and isinstance(results["LAMBDA_MAX"], float)
    assert results["WEIGHTS"] == "0.636986,0.258285,0.104729"
    assert results["CONSISTENT"] is True


# --- tsr:suitability -----------------------------------------------------------------------

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeature, QgsFields, QgsGeometry, QgsVectorFileWriter  # noqa: E402
from rasters import read_raster, write_raster  # noqa: E402

from territorial_resilience.processing_provider.common.qgis_compat import WKB_MULTIPOLYGON  # noqa: E402


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
    params = {
        "CRITERIA": paths,
        "DIRECTIONS": "+,-,-",
        "WEIGHTS": "0.5,0.3,0.2",
        "WEIGHT_UNCERTAINTY": 0,
        "ITERATIONS": 200,
        "SEED": 7,
        "THRESHOLD": 0.5,
        "OUTPUT_MEAN": str(tmp_path / "mean.tif"),
        "OUTPUT_STD": str(tmp_path / "std.tif"),
        "OUTPUT_PROBABILITY": str(tmp_path / "p.tif"),
        "OUTPUT_CLASS": str(tmp_path / "class.tif"),
        "OUTPUT_HTML": str(tmp_path / "s.html"),
    }
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
    writer = QgsVectorFileWriter.create(
        zones_path,
        fields,
        WKB_MULTIPOLYGON,
        QgsCoordinateReferenceSystem("EPSG:4547"),
        QgsCoordinateTransformContext(),
        QgsVectorFileWriter.SaveVectorOptions(),
    )
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
    results = QgisProcess(str(tmp_path / "profile")).run(
        "tsr:suitability",
        {
            "CRITERIA": paths,
            "DIRECTIONS": "+,-,-",
            "WEIGHTS": "0.5,0.3,0.2",
            "WEIGHT_UNCERTAINTY": 20,
            "ITERATIONS": 300,
            "TOP_PERCENT": 25,
            "OUTPUT_MEAN": str(tmp_path / "m.tif"),
            "OUTPUT_PROBABILITY": str(tmp_path / "p.tif"),
            "OUTPUT_CLASS": str(tmp_path / "c.tif"),
            "OUTPUT_HTML": str(tmp_path / "r.html"),
        },
    )["results"]
    assert isinstance(results["ROBUST_AREA_HA"], float) and isinstance(results["UNCERTAIN_AREA_HA"], float)
    score, valid = deterministic_score(a, b, slope)
    mean = read_raster(results["OUTPUT_MEAN"])
    np.testing.assert_allclose(mean[valid], score[valid], atol=1e-5)  # closed-form WLC mean
    p = read_raster(results["OUTPUT_PROBABILITY"])
    assert p[valid].mean() == pytest.approx(0.25, abs=0.01)  # a quarter of the cells is suitable in every draw
    assert "Sensitivity" in (tmp_path / "r.html").read_text(encoding="utf-8")


# --- tsr:suitability under hostile input -----------------------------------------------------


def write_polygons(path, wkts, crs="EPSG:4547") -> str:
    """A GeoPackage of (multi)polygons; None in `wkts` writes a feature without geometry."""
    fields = QgsFields()
    writer = QgsVectorFileWriter.create(
        str(path),
        fields,
        WKB_MULTIPOLYGON,
        QgsCoordinateReferenceSystem(crs),
        QgsCoordinateTransformContext(),
        QgsVectorFileWriter.SaveVectorOptions(),
    )
    for wkt in wkts:
        feature = QgsFeature(fields)
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        assert writer.addFeature(feature)
    del writer
    return str(path)


@pytest.fixture
def study_area(tmp_path):
    """A 10 × 10 grid of 30 m cells whose study area (data in both criteria) is rows 0–8 ×
    columns 0–6 (63 cells): criterion a is nodata in columns 7–9, b in row 9. The exclusion
    zone covers rows 0–4 × columns 5–9 by cell centre and reaches 300 m east of the raster,
    i.e. 25 cells of the grid, of which only rows 0–4 × columns 5–6 (10 cells) are valid; a
    second feature has no geometry."""
    a = np.full((10, 10), 0.9, np.float32)
    a[:, 7:] = -9999
    b = np.full((10, 10), 0.7, np.float32)
    b[9, :] = -9999
    paths = [write_raster(tmp_path / "a.tif", a), write_raster(tmp_path / "b.tif", b)]
    x0, y0 = 480000 + 150, 3400000 - 150
    zones = write_polygons(
        tmp_path / "zones.gpkg", [f"MULTIPOLYGON((({x0} 3400000,{x0 + 450} 3400000,{x0 + 450} {y0},{x0} {y0},{x0} 3400000)))", None]
    )
    return paths, zones


def run_study_area(run, paths, zones, tmp_path, feedback=None, **extra):
    params = {
        "CRITERIA": paths,
        "WEIGHT_UNCERTAINTY": 0,
        "ITERATIONS": 10,
        "THRESHOLD": 0.5,
        "EXCLUSION_ZONES": [zones],
        "OUTPUT_MEAN": str(tmp_path / "mean.tif"),
        "OUTPUT_PROBABILITY": str(tmp_path / "p.tif"),
        "OUTPUT_CLASS": str(tmp_path / "class.tif"),
        "OUTPUT_HTML": str(tmp_path / "s.html"),
    }
    params.update(extra)
    return run("suitability", params, feedback)


def test_exclusions_reaching_past_the_study_area_remove_only_valid_cells(run, study_area, tmp_path):
    from territorial_resilience.processing_provider.common import report

    paths, zones = study_area
    feedback = Recorder()
    result = run_study_area(run, paths, zones, tmp_path, feedback)
    classes = read_raster(result["OUTPUT_CLASS"]).filled(0)
    expected = np.zeros((10, 10), np.uint8)
    expected[:9, :7] = 1  # score 0.8 ≥ 0.5 in every draw
    expected[:5, 5:7] = 5  # the excluded valid cells only
    np.testing.assert_array_equal(classes, expected)
    assert int((classes == 5).sum()) == 10 and int((classes == 0).sum()) == 37
    assert result["ROBUST_AREA_HA"] == pytest.approx(53 * 0.09)
    # the excluded area: 10 cells × 0.09 ha, in the log and in the report's class table
    assert any("zones: 0.9 ha (10 cells" in m for m in feedback.infos), feedback.infos
    assert "1 feature(s) of the exclusion zones 'zones' have no geometry" in " ".join(feedback.warnings)
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    row = report.table(["h"] * 3, [["Excluded", 10, 10 * 0.09]]).split("<tbody>")[1].split("</tbody>")[0]
    assert row in html


def test_exclusions_past_the_study_area_through_qgis_process(study_area, tmp_path):
    paths, zones = study_area
    answer = QgisProcess(str(tmp_path / "profile")).run(
        "tsr:suitability",
        {
            "CRITERIA": paths,
            "WEIGHT_UNCERTAINTY": 0,
            "ITERATIONS": 10,
            "THRESHOLD": 0.5,
            "EXCLUSION_ZONES": zones,
            "CONSTRAINTS": write_raster(tmp_path / "c.tif", np.where(np.arange(10)[:, None] == 9, 0, 1).repeat(10, axis=1).astype(np.float32)),
            "OUTPUT_MEAN": str(tmp_path / "m.tif"),
            "OUTPUT_PROBABILITY": str(tmp_path / "p.tif"),
            "OUTPUT_CLASS": str(tmp_path / "c_out.tif"),
            "OUTPUT_HTML": str(tmp_path / "r.html"),
        },
    )
    classes = read_raster(answer["results"]["OUTPUT_CLASS"]).filled(0)
    # the constraint row 9 lies in b's nodata and the zone reaches into a's: neither adds a cell
    assert int((classes == 5).sum()) == 10 and int((classes == 0).sum()) == 37 and int((classes == 1).sum()) == 53
    assert answer["results"]["ROBUST_AREA_HA"] == pytest.approx(53 * 0.09)


@pytest.mark.parametrize(
    "arrays, extra, fragment",
    [
        ([np.full((5, 5), -9999, np.float32), np.full((5, 5), 0.5, np.float32)], {}, "'c0' has no valid cell"),
        (
            [
                np.where(np.arange(5) < 2, 0.5, -9999).astype(np.float32)[None].repeat(5, 0),
                np.where(np.arange(5) >= 2, 0.5, -9999).astype(np.float32)[None].repeat(5, 0),
            ],
            {},
            "do not overlap",
        ),
        ([np.full((5, 5), 0.5, np.float32)] * 2, {"WEIGHTS": "0,0"}, "sum to zero"),
        ([np.full((5, 5), 0.5, np.float32)] * 2, {"WEIGHTS": "-1,2"}, "zero or positive"),
        ([np.full((5, 5), 0.5, np.float32)] * 2, {"WEIGHTS": "a,b"}, "number"),
        ([np.full((5, 5), 0.5, np.float32)] * 2, {"WEIGHTS": "nan,1"}, "WEIGHTS: 'nan' is not a finite number"),
        ([np.full((5, 5), 0.5, np.float32)] * 2, {"THRESHOLD": None, "TOP_PERCENT": 0}, "greater than 0"),
    ],
)
def test_suitability_hostile_criteria_and_settings(run, tmp_path, arrays, extra, fragment):
    paths = [write_raster(tmp_path / f"c{i}.tif", a) for i, a in enumerate(arrays)]
    params = {
        "CRITERIA": paths,
        "ITERATIONS": 10,
        "THRESHOLD": 0.5,
        "OUTPUT_MEAN": str(tmp_path / "m.tif"),
        "OUTPUT_PROBABILITY": str(tmp_path / "p.tif"),
        "OUTPUT_CLASS": str(tmp_path / "c.tif"),
        "OUTPUT_HTML": str(tmp_path / "r.html"),
    }
    params.update(extra)
    with pytest.raises(QgsProcessingException, match=fragment):
        run("suitability", params)
    assert not any((tmp_path / n).exists() for n in ("m.tif", "p.tif", "c.tif", "r.html"))


def test_suitability_estimated_time_is_warned_and_refused(run, study_area, tmp_path, monkeypatch):
    from territorial_resilience.algorithms.mcda import suitability as core

    paths, zones = study_area
    monkeypatch.setattr(core, "SLOW_RUN_SECONDS", -1.0)
    feedback = Recorder()
    run_study_area(run, paths, zones, tmp_path / "1", feedback, WEIGHT_UNCERTAINTY=20, ITERATIONS=500)
    assert any("This run will take about" in w and "500 draws × 63 cells" in w for w in feedback.warnings), feedback.warnings
    monkeypatch.setattr(core, "MAX_RUN_SECONDS", -1.0)
    with pytest.raises(QgsProcessingException, match=r"more than the -0 hours allowed|500 draws × 63 cells"):
        run_study_area(run, paths, zones, tmp_path / "2", WEIGHT_UNCERTAINTY=20, ITERATIONS=500)
    assert not (tmp_path / "2" / "mean.tif").exists()


# --- tsr:suitability tables for the wizard's charts (OUTPUT_WEIGHTS, OUTPUT_SENSITIVITY) -----

from qgis.core import NULL, QgsProcessingParameterDefinition  # noqa: E402


def table_rows(path) -> list[dict]:
    layer = QgsVectorLayer(str(path), "t", "ogr")
    assert layer.isValid(), path
    names = [n for n in layer.fields().names() if n != "fid"]
    return [{n: (None if f[n] == NULL else f[n]) for n in names} for f in layer.getFeatures()]


def test_suitability_tables_are_optional_and_not_written_by_default(run, provider, criteria, tmp_path):
    alg = provider.algorithm("suitability")
    for name in ("OUTPUT_WEIGHTS", "OUTPUT_SENSITIVITY"):
        definition = alg.parameterDefinition(name)
        assert definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional and not definition.createByDefault()
    paths, _ = criteria
    result = suitability(run, paths, tmp_path)
    assert "OUTPUT_WEIGHTS" not in result and "OUTPUT_SENSITIVITY" not in result
    assert "<b>OUTPUT_WEIGHTS</b>" in alg.shortHelpString() and "<b>OUTPUT_SENSITIVITY</b>" in alg.shortHelpString()


def test_suitability_weight_draws_table(run, criteria, tmp_path):
    from territorial_resilience.algorithms.mcda.suitability import SuitabilitySpec, draws

    paths, _ = criteria
    extra = {"WEIGHT_UNCERTAINTY": 20, "ITERATIONS": 400}
    result = suitability(run, paths, tmp_path / "1", OUTPUT_WEIGHTS=str(tmp_path / "w1.gpkg"), **extra)
    rows = table_rows(result["OUTPUT_WEIGHTS"])
    assert set(rows[0]) == {"draw", "criterion", "weight"}
    assert len(rows) == 400 * 3 and all(isinstance(r["draw"], int) and isinstance(r["weight"], float) for r in rows)
    w = np.zeros((3, 400))
    names = ["a", "b", "slope"]  # the criterion layers' names, as in the report
    for r in rows:
        w[names.index(r["criterion"]), r["draw"] - 1] = r["weight"]
    assert {r["draw"] for r in rows} == set(range(1, 401))
    np.testing.assert_allclose(w.sum(axis=0), 1.0, atol=1e-12)  # every draw sums to 1
    assert (w > 0).all()
    np.testing.assert_allclose(w.mean(axis=1), [0.5, 0.3, 0.2], atol=0.015)  # centred on the given weights
    cv = np.sqrt(w.var(axis=1, ddof=1).sum() / np.sum(np.array([0.5, 0.3, 0.2]) ** 2))
    assert cv == pytest.approx(0.20, rel=0.12)  # CV² = ΣVar(wᵢ)/Σw̄ᵢ² as the help says
    # exactly the algorithm's own draws (the same seed gives the same rows; another seed others)
    spec = SuitabilitySpec.build(3, 0, (0.5, 0.3, 0.2), weight_cv=0.2, iterations=400, seed=7, threshold=0.5, names=names)
    np.testing.assert_array_equal(w, draws(spec)[:, :400])
    again = table_rows(suitability(run, paths, tmp_path / "2", OUTPUT_WEIGHTS=str(tmp_path / "w2.gpkg"), **extra)["OUTPUT_WEIGHTS"])
    assert again == rows
    other = table_rows(suitability(run, paths, tmp_path / "3", OUTPUT_WEIGHTS=str(tmp_path / "w3.gpkg"), SEED=8, **extra)["OUTPUT_WEIGHTS"])
    assert [r["weight"] for r in other] != [r["weight"] for r in rows]


def test_suitability_tables_without_weight_uncertainty_or_weights(run, criteria, tmp_path):
    paths, _ = criteria
    fixed = suitability(run, paths, tmp_path / "1", OUTPUT_WEIGHTS=str(tmp_path / "w.gpkg"))  # one draw: the weights as given
    assert [(r["draw"], r["criterion"], pytest.approx(r["weight"])) for r in table_rows(fixed["OUTPUT_WEIGHTS"])] == [
        (1, "a", 0.5),
        (1, "b", 0.3),
        (1, "slope", 0.2),
    ]
    weakest = suitability(run, paths, tmp_path / "2", METHOD=2, OUTPUT_SENSITIVITY=str(tmp_path / "s.gpkg"))
    rows = table_rows(weakest["OUTPUT_SENSITIVITY"])  # the minimum has no weights to sweep: the baseline only
    assert len(rows) == 1 and rows[0]["criterion"] == "" and rows[0]["delta"] == 0.0


def swept(weights, i, change):
    """Weight i changed by `change` (relative), the others rescaled to keep the sum at 1."""
    w = np.array(weights, dtype=float)
    moved = w[i] * (1 + change)
    rest = np.delete(np.arange(len(w)), i)
    w[rest] *= (1 - moved) / w[rest].sum()
    w[i] = moved
    return w


def test_suitability_sensitivity_table_is_the_reports_and_an_independent_sweep(run, criteria, tmp_path):
    from territorial_resilience.processing_provider.common import report

    paths, (a, b, slope) = criteria
    result = suitability(run, paths, tmp_path, WEIGHT_UNCERTAINTY=20, OUTPUT_SENSITIVITY=str(tmp_path / "sens.gpkg"))
    rows = table_rows(result["OUTPUT_SENSITIVITY"])
    assert set(rows[0]) == {"criterion", "change", "suitable_ha", "mean_score", "kept_pct", "delta", "delta_unit"}
    assert len(rows) == 1 + 3 * 2 and rows[0]["criterion"] == "" and rows[0]["change"] == 0.0 and rows[0]["delta"] == 0.0
    assert {r["delta_unit"] for r in rows} == {"ha"}
    # independent: the deterministic score of every swept weight vector (no noise on the sweep)
    valid = slope != -9999
    s = (slope - slope[valid].min()) / (slope[valid].max() - slope[valid].min())
    c = np.stack([a, 1 - b, 1 - s]).astype(float)
    base_ok = None
    names = ["a", "b", "slope"]
    for r in rows:
        w = np.array([0.5, 0.3, 0.2]) if r["criterion"] == "" else swept([0.5, 0.3, 0.2], names.index(r["criterion"]), r["change"])
        score = np.tensordot(w, c, axes=1)[valid]
        ok = score >= 0.5
        base_ok = ok if base_ok is None else base_ok
        assert r["suitable_ha"] == pytest.approx(ok.sum() * 0.09)
        assert r["mean_score"] == pytest.approx(score.mean(), rel=1e-5)
        assert r["kept_pct"] == pytest.approx(100.0 * (ok & base_ok).sum() / base_ok.sum())
        assert r["delta"] == pytest.approx((ok.sum() - base_ok.sum()) * 0.09, abs=1e-9)
    assert sorted({(r["criterion"], r["change"]) for r in rows[1:]}) == sorted((n, d) for n in names for d in (-0.2, 0.2))
    assert any(r["delta"] != 0 for r in rows)
    # the report's sweep table shows the same rows
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    for r in rows:
        cells = [r["criterion"] or "Baseline", f"{r['change']:+.0%}", r["suitable_ha"], r["mean_score"], r["kept_pct"]]
        shown = report.table(["h"] * 5, [cells], left_columns=2).split("<tbody>")[1].split("</tbody>")[0]
        assert shown in html


def test_suitability_sensitivity_table_under_a_top_percentage(run, criteria, tmp_path):
    paths, _ = criteria
    result = suitability(run, paths, tmp_path, THRESHOLD=None, TOP_PERCENT=25, OUTPUT_SENSITIVITY=str(tmp_path / "sens.gpkg"))
    rows = table_rows(result["OUTPUT_SENSITIVITY"])
    assert {r["delta_unit"] for r in rows} == {"%"} and rows[0]["kept_pct"] == pytest.approx(100.0)
    for r in rows:  # about a quarter of the 599 study cells (the cut-off comes from a score histogram)
        assert r["suitable_ha"] == pytest.approx(0.25 * 599 * 0.09, rel=0.02)
    for r in rows:
        assert r["delta"] == pytest.approx(r["kept_pct"] - 100.0)
        assert 0.0 <= r["kept_pct"] <= 100.0


# --- styles of the community emergency network's outputs ------------------------------------

from qgis.core import QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer, QgsRenderContext, QgsSingleSymbolRenderer  # noqa: E402


def memory_layer(geometry: str, fields: str, rows: list[list]) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4547&{fields}", "styled", "memory")
    assert layer.isValid()
    features = []
    for values in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(values)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def colours(layer) -> list[str]:
    """The colour each feature is drawn with (renderer started, nothing painted)."""
    renderer = layer.renderer()
    context = QgsRenderContext()
    renderer.startRender(context, layer.fields())
    try:
        return [renderer.symbolForFeature(f, context).color().name() for f in layer.getFeatures()]
    finally:
        renderer.stopRender(context)


def test_network_styles_give_valid_renderers():
    from territorial_resilience.processing_provider.common import styles

    demand = memory_layer("Point", "field=pop:double&field=covered_500:integer&field=covered_1000:integer", [[1.0, 1, 1], [2.0, 0, 1]])
    styles.covered_demand()(demand)  # the first covered_ field
    renderer = demand.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "covered_500"
    assert colours(demand) == [styles.GOOD, styles.BAD]
    styles.covered_demand("covered_1000", "1000 m")(demand)
    assert demand.renderer().classAttribute() == "covered_1000" and colours(demand) == [styles.GOOD, styles.GOOD]
    assert "1000 m" in demand.renderer().categories()[0].label()

    facilities = memory_layer("Point", "field=overloaded:integer", [[1], [0], [NULL]])
    styles.facility_load(facilities)
    assert colours(facilities) == [styles.BAD, styles.GOOD, styles.UNKNOWN]
    assert all(c.symbol().symbolLayer(0).shape() is not None for c in facilities.renderer().categories())

    areas = memory_layer(
        "MultiPolygon", "field=facility_id:string&field=threshold:double&field=area_ha:double", [["s1", 1000.0, 3.0], ["s1", 500.0, 1.0]]
    )
    styles.service_areas([500, 1000], "m")(areas)
    renderer = areas.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "threshold" and len(renderer.ranges()) == 2
    opacity = [r.symbol().color().alpha() for r in renderer.ranges()]
    assert opacity[0] > opacity[1] and all(0 < o < 255 for o in opacity)
    styles.service_areas([500])(areas)
    assert isinstance(areas.renderer(), QgsSingleSymbolRenderer) and areas.renderer().symbol().color().alpha() < 255

    sites = memory_layer("Point", "field=site_id:string&field=existing:integer", [["a", 1], ["b", 0]])
    styles.candidate_sites(sites)
    assert colours(sites) == [styles.GOOD, styles.NEW]

    allocation = memory_layer("LineString", "field=people:double", [[3.0]])
    styles.allocation_lines(allocation)
    assert isinstance(allocation.renderer(), QgsSingleSymbolRenderer) and allocation.renderer().symbol().width() < 0.5

    people = [1.0, 5.0, 20.0, 80.0, 300.0, 12.0]
    routes = memory_layer("LineString", "field=demand_id:string&field=people:double", [[str(i), p] for i, p in enumerate(people)])
    styles.evacuation_routes(people)(routes)
    renderer = routes.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "people"
    widths = [r.symbol().width() for r in renderer.ranges()]
    assert widths == sorted(widths) and widths[0] < widths[-1]
    assert renderer.ranges()[0].lowerValue() <= 1.0 and renderer.ranges()[-1].upperValue() >= 300.0
    assert set(colours(routes)) == {styles.ROUTE_BLUE}
    styles.evacuation_routes([])(routes)
    assert isinstance(routes.renderer(), QgsSingleSymbolRenderer)

    unreached = memory_layer("Point", "field=demand_id:string&field=people:double&field=reason:string", [["x", 4.0, "too far"]])
    styles.unreached(unreached)
    assert isinstance(unreached.renderer(), QgsSingleSymbolRenderer) and colours(unreached) == [styles.BAD]
