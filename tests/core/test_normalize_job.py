"""tsr:normalizehazard's job without QGIS (algorithms/raster/normalize_job.py): parse, run and
outputs against hand computations on small rasters, the same cells on any engine and window size,
and the batch command end to end."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import rasterio
from rasters import read_raster, write_raster

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.common.progress import Cancelled
from territorial_resilience.algorithms.raster.normalize import Direction, Method
from territorial_resilience.algorithms.raster.normalize_job import BATCH_JOB, NormalizeRequest, outputs, parse, run

ROOT = Path(__file__).resolve().parents[2]


class Strips:
    """An engine that cuts the grid into strips of `rows` rows and runs every strip's kernel from a
    cloudpickle copy (as a Dask worker would), here or on `inner` (another engine)."""

    def __init__(self, rows=None, inner=None):
        self.rows, self.inner, self.calls = rows, inner, 0

    def run_blocks(self, grid, sources, kernel, sinks=(), **kwargs):
        import cloudpickle

        from territorial_resilience.algorithms.engine.raster_io import run_blocks

        self.calls += 1
        if self.rows is not None:
            kwargs["cells_per_block"] = self.rows * grid.width
        if self.inner is not None:
            self.inner.run_blocks(grid, sources, kernel, sinks, **kwargs)
            return
        payload = cloudpickle.dumps(kernel)
        run_blocks(grid, sources, lambda blocks: cloudpickle.loads(payload)(blocks), sinks, **kwargs)


def text(**values):
    return {key: [str(v) for v in value] if isinstance(value, list) else [str(value)] for key, value in values.items()}


def cells(path) -> bytes:
    """The output's cell values as bytes (nodata as NaN), to compare runs bit for bit."""
    with rasterio.open(path) as ds:
        return ds.read(1).tobytes()


class Said:
    def __init__(self):
        self.info, self.warnings = [], []

    def log(self, message):
        self.info.append(str(message))

    def warn(self, message):
        self.warnings.append(str(message))


@pytest.fixture
def ramp(tmp_path):
    """40 × 20 raster 0..799 with one nodata cell (three strips of 16 rows)."""
    array = np.arange(800, dtype=np.float32).reshape(40, 20)
    array[0, 0] = -9999
    return write_raster(tmp_path / "ramp.tif", array), array


# --- run ---------------------------------------------------------------------------------------


def test_minmax_from_the_data_by_hand(ramp, tmp_path):
    path, array = ramp
    said = Said()
    result = run(NormalizeRequest(path, str(tmp_path / "n.tif")), log=said.log, warn=said.warn)
    out = read_raster(result.request.output)
    assert out.mask[0, 0] and out.mask.sum() == 1
    np.testing.assert_allclose(out[1:], (array[1:] - 1) / 798, rtol=1e-6)
    assert (result.lower_used, result.upper_used) == (1.0, 799.0)
    assert (result.valid_cells, result.dropped_cells) == (799, 0)
    assert said.info == ["Data range: 1 to 799", "Formula: μ = clip((x − 1) / (799 − 1), 0, 1)"]
    assert said.warnings == []
    got = outputs(result)
    assert got == {"OUTPUT": str(tmp_path / "n.tif"), "LOWER_USED": 1.0, "UPPER_USED": 799.0}
    assert type(got["LOWER_USED"]) is float and type(got["UPPER_USED"]) is float


def test_one_control_point_given_the_other_from_the_data(ramp, tmp_path):
    path, array = ramp
    result = run(NormalizeRequest(path, str(tmp_path / "n.tif"), method=Method.FUZZY_LINEAR, upper=401.0))
    assert (result.lower_used, result.upper_used) == (1.0, 401.0)
    out = read_raster(result.request.output)
    np.testing.assert_allclose(out[10], np.clip((array[10] - 1) / 400, 0, 1), rtol=1e-6)
    with pytest.raises(InputError, match="The lower control point 900 is not below the data maximum 799"):
        run(NormalizeRequest(path, str(tmp_path / "x.tif"), lower=900.0))
    assert not (tmp_path / "x.tif").exists()


def test_percentiles_match_numpy_and_the_direction_is_reversed(ramp, tmp_path):
    path, array = ramp
    said = Said()
    request = NormalizeRequest(path, str(tmp_path / "p.tif"), method=Method.PERCENTILE, direction=Direction.HIGHER_IS_LESS, lower=10, upper=90)
    result = run(request, log=said.log)
    lo, hi = np.percentile(array[array != -9999].astype(float), [10, 90])
    assert result.lower_used == pytest.approx(lo) and result.upper_used == pytest.approx(hi)
    np.testing.assert_allclose(read_raster(request.output)[20], 1 - np.clip((array[20] - lo) / (hi - lo), 0, 1), atol=1e-6)
    assert said.info[0] == f"Percentiles 10 % and 90 %: {lo:.6g} and {hi:.6g}"
    assert said.info[1].startswith("Formula: 1 − (μ = clip(")


def test_gaussian_by_hand(ramp, tmp_path):
    path, array = ramp
    result = run(NormalizeRequest(path, str(tmp_path / "g.tif"), method=Method.FUZZY_GAUSSIAN, lower=100.0, upper=300.0))
    expected = np.exp(-math.log(2) * ((array[5:15].astype(float) - 200) / 100) ** 2)
    np.testing.assert_allclose(read_raster(result.request.output)[5:15], expected, rtol=1e-5)


def test_table_with_open_bounds_and_unmatched_cells_warned(tmp_path):
    path = write_raster(tmp_path / "t.tif", np.array([[2, 10, 50], [100, 500, -9999]], dtype=np.float32))
    said = Said()
    request = NormalizeRequest(
        path, str(tmp_path / "t_out.tif"), method=Method.TABLE, direction=Direction.HIGHER_IS_LESS, table=("", 20, 0.2, 20, 200, 0.6)
    )
    result = run(request, log=said.log, warn=said.warn)
    out = read_raster(request.output)
    assert out.mask.tolist() == [[False, False, False], [False, True, True]]
    np.testing.assert_allclose(out.compressed(), [0.2, 0.2, 0.6, 0.6])
    assert (result.valid_cells, result.dropped_cells) == (4, 1)
    assert "The direction does not apply to this method; it was ignored." in said.info
    # 1 of the 5 cells with a value: 20 %
    assert said.warnings == ["1 cells (20 % of the valid cells) match no row of the reclassification table: they are nodata in the result"]
    assert outputs(result) == {"OUTPUT": request.output}
    assert result.lower_used is None
    with pytest.raises(InputError, match="No row of the reclassification table matches a value of the raster"):
        run(NormalizeRequest(path, str(tmp_path / "none.tif"), method=Method.TABLE, table=(1000, 2000, 1)))
    assert not (tmp_path / "none.tif").exists()


def test_return_periods_by_hand_and_non_positive_ones(tmp_path):
    path = write_raster(tmp_path / "rp.tif", np.array([[2, 10, 0, -5], [100, -9999, 0.5, 1]], dtype=np.float32))
    said = Said()
    result = run(NormalizeRequest(path, str(tmp_path / "p.tif"), method=Method.RETURN_PERIOD), log=said.log, warn=said.warn)
    out = read_raster(result.request.output)
    np.testing.assert_allclose(out.compressed(), [1 - math.exp(-1 / t) for t in (2, 10, 100, 0.5, 1)], rtol=1e-6)
    assert (result.valid_cells, result.dropped_cells) == (5, 2)
    share = 100 * 2 / 7
    assert said.warnings == [
        f"2 cells ({share:.3g} % of the valid cells) hold a return period of 0 years or less, which has no exceedance probability: "
        "they are nodata in the result"
    ]
    bad = write_raster(tmp_path / "rp0.tif", np.array([[0, -1]], dtype=np.float32))
    with pytest.raises(InputError, match="No cell holds a return period above 0 years"):
        run(NormalizeRequest(bad, str(tmp_path / "p0.tif"), method=Method.RETURN_PERIOD))
    assert not (tmp_path / "p0.tif").exists()


@pytest.mark.parametrize("method, fragment", [(Method.MINMAX, "no valid cells"), (Method.RETURN_PERIOD, "The raster has no valid cell")])
def test_all_nodata_is_refused_and_nothing_written(tmp_path, method, fragment):
    path = write_raster(tmp_path / "empty.tif", np.full((5, 5), -9999, dtype=np.float32))
    with pytest.raises(InputError, match=fragment):
        run(NormalizeRequest(path, str(tmp_path / "never.tif"), method=method))
    assert os.listdir(tmp_path) == ["empty.tif"]


def test_band_beyond_the_raster_is_refused(ramp, tmp_path):
    path, _ = ramp
    with pytest.raises(InputError, match="band 2 does not exist"):
        run(NormalizeRequest(path, str(tmp_path / "b.tif"), band=2))


def test_cancelled_run_leaves_nothing(ramp, tmp_path):
    path, _ = ramp
    with pytest.raises(Cancelled):
        run(NormalizeRequest(path, str(tmp_path / "c.tif"), lower=0.0, upper=1.0), cancelled=lambda: True)
    assert sorted(os.listdir(tmp_path)) == ["ramp.tif"]


@pytest.mark.parametrize(
    "method, passes",
    [(Method.MINMAX, 2), (Method.PERCENTILE, 3), (Method.FUZZY_SIGMOID, 1), (Method.TABLE, 1), (Method.RETURN_PERIOD, 1)],
)
def test_every_pass_runs_on_the_engine_and_strips_give_the_same_cells(ramp, tmp_path, method, passes):
    """The statistics passes and the degree pass all go through the engine (the range, the
    percentile summary, the degrees); strips of 16 rows from pickled kernels give the cells and the
    control points of a single strip run here, bit for bit; progress rises to 1."""
    path, _ = ramp
    extra = {"lower": 5.0, "upper": 600.0} if method == Method.FUZZY_SIGMOID else {}
    if method == Method.TABLE:
        extra = {"table": ("", 300, 0.1, 300, "", 0.9)}
    if method == Method.RETURN_PERIOD:
        extra = {}
    reference = run(NormalizeRequest(path, str(tmp_path / "one.tif"), method=method, **extra))
    engine, seen = Strips(rows=16), []
    result = run(NormalizeRequest(path, str(tmp_path / "strips.tif"), method=method, **extra), engine=engine, progress=seen.append)
    assert engine.calls == passes
    assert cells(tmp_path / "strips.tif") == cells(tmp_path / "one.tif")
    assert outputs(result)["OUTPUT"] == str(tmp_path / "strips.tif")
    assert {k: v for k, v in outputs(result).items() if k != "OUTPUT"} == {k: v for k, v in outputs(reference).items() if k != "OUTPUT"}
    assert (result.valid_cells, result.dropped_cells) == (reference.valid_cells, reference.dropped_cells)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)


def test_a_dask_cluster_gives_the_same_cells(ramp, tmp_path):
    from territorial_resilience.algorithms.engine.engines import DaskEngine

    path, _ = ramp
    local = run(NormalizeRequest(path, str(tmp_path / "local.tif"), method=Method.PERCENTILE))
    with DaskEngine(workers=2) as dask:
        remote = run(NormalizeRequest(path, str(tmp_path / "dask.tif"), method=Method.PERCENTILE), engine=Strips(rows=16, inner=dask))
    assert cells(tmp_path / "dask.tif") == cells(tmp_path / "local.tif")
    assert (remote.lower_used, remote.upper_used) == (local.lower_used, local.upper_used)


# --- parse -------------------------------------------------------------------------------------


def test_parse_defaults_and_values():
    assert BATCH_JOB.algorithm == "normalizehazard" and BATCH_JOB.parse is parse and BATCH_JOB.run is run
    request = parse(text(INPUT="a.tif", OUTPUT="o.tif"))
    assert request == NormalizeRequest("a.tif", "o.tif")
    assert (request.band, request.method, request.direction, request.lower, request.upper, request.table) == (
        1,
        Method.MINMAX,
        Direction.HIGHER_IS_MORE,
        None,
        None,
        (),
    )
    request = parse(text(INPUT="a.tif", BAND=2, METHOD=3, DIRECTION="1", LOWER="-2.5", UPPER="1e3", OUTPUT="o.tif"))
    assert request == NormalizeRequest("a.tif", "o.tif", 2, Method.FUZZY_SIGMOID, Direction.HIGHER_IS_LESS, -2.5, 1000.0)
    # optional parameters given empty are absent
    assert parse(text(INPUT="a.tif", LOWER="", UPPER=" ", TABLE="", BAND="", OUTPUT="o.tif")) == NormalizeRequest("a.tif", "o.tif")


def test_parse_table_as_qgis_process_writes_a_matrix(tmp_path):
    request = parse(text(INPUT="a.tif", METHOD=5, TABLE=",20,0.2,20,200,0.6,200,,1", OUTPUT="o.tif"))
    assert request.table == ("", "20", "0.2", "20", "200", "0.6", "200", "", "1")
    # and the run reads it as the Processing matrix: empty bounds are open
    path = write_raster(tmp_path / "t.tif", np.array([[2, 10, 50], [100, 500, -9999]], dtype=np.float32))
    result = run(parse(text(INPUT=path, METHOD=5, TABLE=",20,0.2,20,200,0.6,200,,1", OUTPUT=str(tmp_path / "o.tif"))))
    np.testing.assert_allclose(read_raster(result.request.output).compressed(), [0.2, 0.2, 0.6, 0.6, 1.0])


@pytest.mark.parametrize(
    "values, fragment",
    [
        (dict(INPUT="a.tif", OUTPUT="o.tif", WEIGHTS="1"), "normalizehazard has no parameter WEIGHTS; its parameters are INPUT, BAND, METHOD"),
        (dict(INPUT="a.tif"), "normalizehazard needs the parameter OUTPUT"),
        (dict(OUTPUT="o.tif"), "normalizehazard needs the parameter INPUT"),
        (dict(INPUT="a.tif", OUTPUT="o.tif", METHOD=7), "METHOD: '7' is not one of the options (0 = Min-max;"),
        (dict(INPUT="a.tif", OUTPUT="o.tif", METHOD="minmax"), "METHOD: 'minmax' is not one of the options"),
        (dict(INPUT="a.tif", OUTPUT="o.tif", DIRECTION=2), "DIRECTION: '2' is not one of the options (0 = Higher value = more hazard;"),
        (dict(INPUT="a.tif", OUTPUT="o.tif", LOWER="nan"), "LOWER: 'nan' is not a number"),
        (dict(INPUT="a.tif", OUTPUT="o.tif", BAND="1.5"), "BAND: '1.5' is not a whole number"),
        (dict(INPUT=["a.tif", "b.tif"], OUTPUT="o.tif"), "INPUT was given 2 times; it takes one value"),
    ],
)
def test_parse_refuses_bad_parameters_naming_them(values, fragment):
    with pytest.raises(InputError) as info:
        parse(text(**values))
    assert fragment in str(info.value)


# --- the batch command -------------------------------------------------------------------------


def test_batch_command_end_to_end(ramp, tmp_path):
    path, array = ramp
    output = tmp_path / "batch.tif"
    done = subprocess.run(
        [sys.executable, str(ROOT / "tsr_batch.py"), "tsr:normalizehazard", f"INPUT={path}", "METHOD=0", "LOWER=100", f"OUTPUT={output}", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LANG": "C.UTF-8", "LANGUAGE": ""},
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["results"] == {"OUTPUT": str(output), "LOWER_USED": 100.0, "UPPER_USED": 799.0}
    assert answer["log"]["info"] == ["Data range: 1 to 799", "Formula: μ = clip((x − 100) / (799 − 100), 0, 1)"]
    np.testing.assert_allclose(read_raster(output)[10], np.clip((array[10] - 100) / 699, 0, 1), rtol=1e-6)
