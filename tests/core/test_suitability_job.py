"""tsr:suitability's job without QGIS (algorithms/mcda/suitability_job.py): parse, run, outputs,
against hand computations on small rasters, and the same results on any engine and window size."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import ogr, osr
from rasters import ORIGIN, read_raster, write_raster

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.mcda.suitability import SuitabilityMethod
from territorial_resilience.algorithms.mcda.suitability_job import BATCH_JOB, SuitabilityRequest, outputs, parse, run

CELL_HA = 30 * 30 / 10_000


class PicklingEngine:
    """Runs every strip's kernel from a cloudpickle copy, as a Dask worker would, on strips of
    `rows` rows (any window size must give the same result)."""

    def __init__(self, rows=None):
        self.rows = rows
        self.calls = 0

    def run_blocks(self, grid, sources, kernel, sinks=(), **kwargs):
        import cloudpickle

        from territorial_resilience.algorithms.engine.raster_io import run_blocks

        self.calls += 1
        if self.rows is not None:
            kwargs["cells_per_block"] = self.rows * grid.width
        payload = cloudpickle.dumps(kernel)
        run_blocks(grid, sources, lambda blocks: cloudpickle.loads(payload)(blocks), sinks, **kwargs)


def text(**values):
    return {key: [str(v) for v in value] if isinstance(value, list) else [str(value)] for key, value in values.items()}


@pytest.fixture
def criteria(tmp_path):
    """a: 0–1 benefit; slope: 0–30 degrees, a cost (min-max normalised, then 1 − c')."""
    rng = np.random.default_rng(3)
    a = rng.random((48, 40)).astype(np.float32)
    slope = (rng.random((48, 40)) * 30).astype(np.float32)
    a[0, 0] = -9999  # nodata
    return write_raster(tmp_path / "a.tif", a), write_raster(tmp_path / "slope.tif", slope), a, slope


def test_parse_defaults_values_and_repeated_layers():
    request = parse(text(CRITERIA=["a.tif", "b.tif"], OUTPUT_MEAN="m.tif"))
    assert request == SuitabilityRequest(criteria=("a.tif", "b.tif"), output_mean="m.tif")
    assert (request.weight_uncertainty, request.iterations, request.seed, request.threshold, request.top_percent) == (10.0, 1000, 1, None, None)
    assert request.criterion_names == ("a", "b")
    request = parse(
        text(
            CRITERIA=["a.tif", "b.tif"],
            METHOD=1,
            ORNESS="0.3",
            CONSTRAINTS=["c1.tif", "c2.tif"],
            WEIGHTS="0.6,0.4",
            TOP_PERCENT=10,
            ITERATIONS=200,
            SEED=2020,
            THRESHOLD="",
        )
    )
    assert request.method == SuitabilityMethod.OWA and request.orness == 0.3 and request.constraints == ("c1.tif", "c2.tif")
    assert (request.weights, request.top_percent, request.threshold, request.iterations, request.seed) == ("0.6,0.4", 10.0, None, 200, 2020)
    assert BATCH_JOB.algorithm == "suitability" and BATCH_JOB.run is run


@pytest.mark.parametrize(
    "values, fragment",
    [
        (dict(CRITERIA="a.tif", WEIGHT="1"), "suitability has no parameter WEIGHT; its parameters are CRITERIA, DIRECTIONS, WEIGHTS"),
        (dict(OUTPUT_MEAN="m.tif"), "suitability needs the parameter CRITERIA"),
        (dict(CRITERIA="a.tif", METHOD=3), "METHOD: '3' is not one of the options (0 = Weighted linear combination"),
        (dict(CRITERIA="a.tif", ITERATIONS=0), "ITERATIONS: 0 is outside the range 1 to 10000"),
        (dict(CRITERIA="a.tif", THRESHOLD="1.5"), "THRESHOLD: 1.5 is outside the range 0 to 1"),
        (dict(CRITERIA="a.tif", SEED="x"), "SEED: 'x' is not a number"),
        (dict(CRITERIA="a.tif", OUTPUT_HTML="r.html"), "(OUTPUT_HTML) is written by QGIS only"),
    ],
)
def test_parse_refuses(values, fragment):
    with pytest.raises(InputError) as error:
        parse(text(**values))
    assert fragment in str(error.value)


def expected_scores(a, slope, weights=(0.6, 0.4)):
    """Σ wᵢcᵢ with a as given (0–1) and the slope min-max normalised and flipped (a cost)."""
    c_slope = 1 - (slope.astype(np.float64) - slope.min()) / (slope.max() - slope.min())
    score = weights[0] * a.astype(np.float64) + weights[1] * c_slope
    return np.where(a == -9999, np.nan, score)


def test_run_deterministic_wlc_is_the_hand_score(criteria, tmp_path):
    pa, ps, a, slope = criteria
    logged = []
    request = parse(
        text(
            CRITERIA=[pa, ps],
            DIRECTIONS="+,-",
            WEIGHTS="3,2",
            WEIGHT_UNCERTAINTY=0,
            THRESHOLD="0.5",
            OUTPUT_MEAN=tmp_path / "m.tif",
            OUTPUT_PROBABILITY=tmp_path / "p.tif",
            OUTPUT_CLASS=tmp_path / "c.tif",
        )
    )
    out = outputs(run(request, log=logged.append))
    score = expected_scores(a, slope)
    mean = read_raster(out["OUTPUT_MEAN"])
    np.testing.assert_allclose(mean.filled(np.nan), score, rtol=1e-6, atol=1e-6, equal_nan=True)
    suitable = np.nan_to_num(score) >= 0.5
    probability = read_raster(out["OUTPUT_PROBABILITY"]).filled(np.nan)
    np.testing.assert_array_equal(probability[~np.isnan(score)], suitable[~np.isnan(score)].astype(np.float32))
    classes = read_raster(out["OUTPUT_CLASS"]).filled(0)
    np.testing.assert_array_equal(classes, np.where(np.isnan(score), 0, np.where(suitable, 1, 4)))
    assert out["ROBUST_AREA_HA"] == pytest.approx(int(suitable.sum()) * CELL_HA) and out["UNCERTAIN_AREA_HA"] == 0.0
    assert type(out["ROBUST_AREA_HA"]) is float and "OUTPUT_STD" not in out
    said = [str(m) for m in logged]
    assert f"Criterion 2 ranges from {slope.min():.6g} to {slope.max():.6g}: min-max normalised to 0–1" in said
    assert said[-1].startswith("Robustly suitable: ")


def write_zones(path, wkts, crs=4547):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(crs)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("zones", srs, ogr.wkbMultiPolygon)
    for wkt in wkts:
        feature = ogr.Feature(layer.GetLayerDefn())
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def test_run_constraints_and_exclusion_zones_are_excluded(criteria, tmp_path):
    pa, ps, a, slope = criteria
    constraint = np.ones(a.shape, np.float32)
    constraint[10:20, :] = 0
    pc = write_raster(tmp_path / "constraint.tif", constraint)
    x0, y0 = ORIGIN
    # the first 5 columns of the top 8 rows (cell centres inside), and a feature without geometry
    zone = f"MULTIPOLYGON((({x0} {y0},{x0 + 150} {y0},{x0 + 150} {y0 - 240},{x0} {y0 - 240},{x0} {y0})))"
    zones = write_zones(tmp_path / "zones.gpkg", [zone, None])
    warned = []
    request = parse(
        text(
            CRITERIA=[pa, ps],
            DIRECTIONS="+,-",
            WEIGHT_UNCERTAINTY=0,
            CONSTRAINTS=pc,
            EXCLUSION_ZONES=zones,
            OUTPUT_CLASS=tmp_path / "c.tif",
            OUTPUT_MEAN=tmp_path / "m.tif",
        )
    )
    out = outputs(run(request, warn=warned.append))
    classes = read_raster(out["OUTPUT_CLASS"]).filled(0)
    excluded = np.zeros(a.shape, bool)
    excluded[10:20, :] = True
    excluded[:8, :5] = True
    excluded[0, 0] = False  # nodata stays nodata inside an exclusion
    assert classes[0, 0] == 0
    np.testing.assert_array_equal(classes == 5, excluded)
    assert (read_raster(out["OUTPUT_MEAN"]).filled(np.nan)[excluded] == 0).all()
    assert "1 feature(s) of the exclusion zones 'zones' have no geometry: they exclude nothing" in [str(m) for m in warned]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # the burnt zones are removed


@pytest.mark.parametrize(
    "method",
    [{}, {"METHOD": 1, "ORNESS": 0.3, "CRITERION_UNCERTAINTY": 0.05}, {"METHOD": 2, "CRITERION_UNCERTAINTY": 0.05}],
    ids=["wlc", "owa-noise", "minimum-noise"],
)
def test_run_identical_on_any_engine_and_window_with_weight_draws(criteria, tmp_path, method):
    """Weight uncertainty, TOP_PERCENT and the tables: local, pickled kernels on strips of 16
    rows and of 32 rows give the same rasters bit for bit and the same numbers (also with the
    criterion noise that OWA and MINIMUM sample per cell)."""
    pa, ps, a, slope = criteria
    results = []
    for name, engine in (("local", None), ("pickled16", PicklingEngine(16)), ("pickled32", PicklingEngine(32))):
        folder = tmp_path / name
        request = parse(
            text(
                CRITERIA=[pa, ps],
                DIRECTIONS="+,-",
                WEIGHTS="0.6,0.4",
                WEIGHT_UNCERTAINTY=20,
                ITERATIONS=64,
                SEED=7,
                TOP_PERCENT=25,
                OUTPUT_MEAN=folder / "m.tif",
                OUTPUT_STD=folder / "s.tif",
                OUTPUT_PROBABILITY=folder / "p.tif",
                OUTPUT_CLASS=folder / "c.tif",
                OUTPUT_WEIGHTS=folder / "w.csv",
                OUTPUT_SENSITIVITY=folder / "sens.gpkg",
                **method,
            )
        )
        out = outputs(run(request, engine=engine))
        rasters = [read_raster(out[key]) for key in ("OUTPUT_MEAN", "OUTPUT_STD", "OUTPUT_PROBABILITY", "OUTPUT_CLASS")]
        results.append((out, rasters))
        if engine is not None:
            assert engine.calls >= 4  # ranges, sample, bracket, scoring (and full histograms where a bracket missed)
    (first, rasters0), others = results[0], results[1:]
    for out, rasters in others:
        for x, y in zip(rasters0, rasters):
            np.testing.assert_array_equal(np.ma.getmaskarray(x), np.ma.getmaskarray(y))
            np.testing.assert_array_equal(x.data, y.data)
        assert (out["ROBUST_AREA_HA"], out["UNCERTAIN_AREA_HA"]) == (first["ROBUST_AREA_HA"], first["UNCERTAIN_AREA_HA"])
    # the weight draws: 64 draws × 2 criteria, each draw summing to 1, centred on the weights
    ds = ogr.Open(first["OUTPUT_WEIGHTS"])
    rows = [(int(f["draw"]), f["criterion"], float(f["weight"])) for f in ds.GetLayer(0)]
    assert len(rows) == 128 and {r[1] for r in rows} == {"a", "slope"}
    w = np.array([r[2] for r in rows]).reshape(64, 2)
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    assert w[:, 0].mean() == pytest.approx(0.6, abs=0.05)
    # each draw marks its top 25 % of the study area (at least k = ⌈0.25·N⌉ cells, the cut-off on a 1/4096 grid)
    probability = rasters0[2].compressed()
    assert probability.size == a.size - 1
    assert probability.mean() == pytest.approx(0.25, abs=0.01)
    ds = ogr.Open(first["OUTPUT_SENSITIVITY"])  # kept: a layer must not outlive its data source
    sweep = [f.items() for f in ds.GetLayer(0)]
    assert sweep[0]["criterion"] == "" and sweep[0]["delta_unit"] == "%" and sweep[0]["kept_pct"] == pytest.approx(100.0)


def test_run_refusals(criteria, tmp_path):
    pa, ps, _, _ = criteria
    with pytest.raises(InputError, match="Give one direction per criterion"):
        run(parse(text(CRITERIA=[pa, ps], DIRECTIONS="+", OUTPUT_MEAN=tmp_path / "m.tif")))
    with pytest.raises(InputError, match="2 weights were given for 1 criteria"):
        run(parse(text(CRITERIA=pa, WEIGHTS="1,2", OUTPUT_MEAN=tmp_path / "m.tif")))
    with pytest.raises(InputError, match="either a suitability threshold or a top percentage"):
        run(parse(text(CRITERIA=pa, THRESHOLD=0.5, TOP_PERCENT=10, OUTPUT_MEAN=tmp_path / "m.tif")))
    assert not (tmp_path / "m.tif").exists()
