"""tsr:multihazardoverlay's job without QGIS (algorithms/raster/overlay_job.py): parse, run and
outputs against hand computations on small rasters, the same cells and statistics on any engine
and window size, and the batch command end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import rasterio
from rasters import read_raster, write_raster

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.common.progress import Cancelled
from territorial_resilience.algorithms.raster.overlay import NodataPolicy, OverlayMethod
from territorial_resilience.algorithms.raster.overlay_job import BATCH_JOB, OverlayRequest, layer_name, outputs, parse, run

ROOT = Path(__file__).resolve().parents[2]
STAT_FIELDS = (
    "count",
    "total",
    "total_sq",
    "minimum",
    "maximum",
    "above",
    "joint_sum",
    "joint_cross",
    "dominant_cells",
    "hotspot_cells",
    "pair_count",
)


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
def hazards(tmp_path):
    """Two 0–1 hazards on 48 × 40 cells (three strips of 16 rows); quake has one nodata cell."""
    rng = np.random.default_rng(7)
    a = rng.random((48, 40)).astype(np.float32)
    b = rng.random((48, 40)).astype(np.float32)
    b[3, 4] = -9999
    return write_raster(tmp_path / "flood.tif", a), write_raster(tmp_path / "quake.tif", b), a, b


def every_output(tmp_path, tag, **extra):
    return dict(
        output=str(tmp_path / f"i{tag}.tif"), output_dominant=str(tmp_path / f"d{tag}.tif"), output_count=str(tmp_path / f"c{tag}.tif"), **extra
    )


# --- run ---------------------------------------------------------------------------------------


def test_weighted_sum_dominant_and_count_by_hand(hazards, tmp_path):
    pa, pb, a, b = hazards
    said = Said()
    request = OverlayRequest((pa, pb), weights="3,1", threshold=0.5, output_html="r.html", **every_output(tmp_path, "1"))
    result = run(request, log=said.log, warn=said.warn)
    valid = b != -9999
    index = read_raster(request.output)
    np.testing.assert_allclose(index[valid], (0.75 * a + 0.25 * b)[valid], rtol=1e-6)
    assert index.mask[3, 4] and index.mask.sum() == 1
    dominant = read_raster(request.output_dominant)
    np.testing.assert_array_equal(dominant[valid], np.where(0.75 * a >= 0.25 * b, 1, 2)[valid])
    count = read_raster(request.output_count)
    np.testing.assert_array_equal(count[valid], ((a >= 0.5).astype(int) + (b >= 0.5))[valid])
    assert said.info == ["Formula: I = Σ wᵢ·hᵢ  (Σ w = 1)"] and said.warnings == []
    assert result.spec.names == ("flood", "quake")
    # with a report asked for, the full statistics of the blocks
    stats = result.stats
    assert stats.count.tolist() == [48 * 40, 48 * 40 - 1] and stats.index_count == 48 * 40 - 1
    np.testing.assert_allclose(stats.mean, [a.mean(), b[valid].mean()], rtol=1e-6)
    assert stats.above.tolist() == [int((a >= 0.5).sum()), int((b[valid] >= 0.5).sum())]
    assert stats.correlation()[0, 1] == pytest.approx(np.corrcoef(a[valid], b[valid])[0, 1], rel=1e-6)
    assert outputs(result) == {"OUTPUT": request.output, "OUTPUT_DOMINANT": request.output_dominant, "OUTPUT_COUNT": request.output_count}


def test_union_with_exposure_and_capacity_by_hand(hazards, tmp_path):
    pa, pb, a, b = hazards
    e = write_raster(tmp_path / "e.tif", np.full(a.shape, 0.5, np.float32))
    c = write_raster(tmp_path / "c.tif", np.full(a.shape, 0.2, np.float32))
    request = OverlayRequest((pa, pb), str(tmp_path / "u.tif"), method=OverlayMethod.PROBABILISTIC_UNION, weights="1,0.5", exposure=e, capacity=c)
    result = run(request)
    expected = (1 - (1 - a) * (1 - 0.5 * b)) * 0.5 * 0.8
    np.testing.assert_allclose(read_raster(request.output)[5], expected[5], rtol=1e-5)
    assert result.factors == ("exposure", "capacity")
    assert outputs(result) == {"OUTPUT": request.output}
    assert sorted(os.listdir(tmp_path)) == ["c.tif", "e.tif", "flood.tif", "quake.tif", "u.tif"]


def test_cascade_by_hand(hazards, tmp_path):
    """m₁₂ = 1: where flood ≥ 0.5, quake is doubled (at most 1); the mean of the two then."""
    pa, pb, a, b = hazards
    request = OverlayRequest((pa, pb), str(tmp_path / "m.tif"), interactions="0,1;0,0", threshold=0.5)
    run(request)
    quake = np.where(a >= 0.5, np.minimum(1.0, 2 * b), b)
    valid = b != -9999
    np.testing.assert_allclose(read_raster(request.output)[valid], ((a + quake) / 2)[valid], rtol=1e-6)


def test_notes_on_ignored_parameters_and_resampled_inputs(hazards, tmp_path):
    pa, _, a, _ = hazards
    coarse = write_raster(tmp_path / "coarse.tif", np.full((12, 10), 0.5, np.float32), cell=120.0)
    said = Said()
    request = OverlayRequest(
        (pa, coarse), str(tmp_path / "x.tif"), names=("Flood", "Coarse"), method=OverlayMethod.MAXIMUM, weights="2,1", order_weights="1,0"
    )
    run(request, log=said.log)
    assert said.info == [
        "'Coarse' is on another grid (EPSG:4547, cells of 120); it is resampled (bilinear) to the reference grid (cells of 30)",
        "The order weights apply only to OWA; they were ignored.",
        "The maximum ignores the hazard weights.",
        "Formula: I = max hᵢ",
    ]
    np.testing.assert_allclose(read_raster(request.output)[:10], np.maximum(a[:10], 0.5), rtol=1e-6)


def test_reference_grid_and_factor_labels(hazards, tmp_path):
    pa, _, a, _ = hazards
    reference = write_raster(tmp_path / "ref.tif", np.zeros((24, 20), np.float32), cell=60.0)
    exposure = write_raster(tmp_path / "exp.tif", np.full((24, 20), 1.0, np.float32), cell=60.0)
    said = Said()
    request = OverlayRequest((pa,), str(tmp_path / "r.tif"), reference=reference, exposure=exposure)
    run(request, log=said.log, translate=lambda s: {"Exposure": "暴露度"}.get(s, s))
    assert read_raster(request.output).shape == (24, 20)
    assert said.info[0].startswith("'flood' is on another grid (EPSG:4547, cells of 30)")
    assert not [line for line in said.info if "'暴露度'" in line]  # the exposure is on the reference grid
    moved = write_raster(tmp_path / "exp30.tif", np.full(a.shape, 1.0, np.float32))
    said = Said()
    run(
        OverlayRequest((pa,), str(tmp_path / "r2.tif"), reference=reference, exposure=moved),
        log=said.log,
        translate=lambda s: {"Exposure": "暴露度"}.get(s, s),
    )
    assert said.info[1].startswith("'暴露度' is on another grid")


def test_refusals_leave_no_output(hazards, tmp_path):
    pa, pb, a, _ = hazards
    west, east = a.copy(), a.copy()
    west[:, 20:] = -9999
    east[:, :20] = -9999
    pw, pe = write_raster(tmp_path / "west.tif", west), write_raster(tmp_path / "east.tif", east)
    empty = write_raster(tmp_path / "empty.tif", np.full(a.shape, -9999, np.float32))
    raw = write_raster(tmp_path / "raw.tif", a * 10)
    far = write_raster(tmp_path / "far.tif", a, origin=(700000.0, 3000000.0))
    cases = [
        (
            OverlayRequest((pw, pe), "x.tif"),
            "The inputs share no valid cell: every cell of the result would be nodata. These hazards do not overlap: west / east",
        ),
        (OverlayRequest((pa, empty), "x.tif"), "These hazards have no valid cell on the reference grid (all nodata): empty"),
        (OverlayRequest((pa, raw), "x.tif"), "'raw' has values from"),
        (OverlayRequest((pa, far), "x.tif"), "far.tif does not overlap the reference raster"),
        (OverlayRequest((pa, pb), "x.tif", weights="1,2,3"), "3 weights were given for 2 hazards"),
        (OverlayRequest((pa, pb), "x.tif", weights="nan,1"), "WEIGHTS: 'nan' is not a finite number"),
        (OverlayRequest((), "x.tif"), "Give at least one hazard raster"),
    ]
    for request, fragment in cases:
        request = replace(request, output=str(tmp_path / "x.tif"), output_count=str(tmp_path / "y.tif"))
        with pytest.raises(InputError) as info:
            run(request)
        assert fragment in str(info.value)
        assert not (tmp_path / "x.tif").exists() and not (tmp_path / "y.tif").exists()
    assert not [f for f in os.listdir(tmp_path) if ".part" in f]


def test_coverage_warnings_under_the_ignore_policy(hazards, tmp_path):
    pa, _, a, _ = hazards
    tiny = np.full(a.shape, -9999, np.float32)
    tiny[0, :5] = 0.5  # 5 of 1 920 cells
    pt = write_raster(tmp_path / "tsunami.tif", tiny)
    said = Said()
    request = OverlayRequest((pa, pt), str(tmp_path / "i.tif"), policy=NodataPolicy.IGNORE)
    result = run(request, log=said.log, warn=said.warn)
    share = 100 * 5 / (48 * 40)
    assert said.warnings == [
        f"'tsunami' has values on only {share:.3g} % of the cells where any hazard has one (5 of 1920); everywhere else the index is made without it"
    ]
    assert [str(w) for w in result.warnings] == said.warnings
    index = read_raster(request.output)
    np.testing.assert_allclose(index[0, :5], (a[0, :5] + 0.5) / 2, rtol=1e-6)
    np.testing.assert_allclose(index[1], a[1], rtol=1e-6)


def test_cancelled_run_leaves_nothing(hazards, tmp_path):
    pa, pb, _, _ = hazards
    with pytest.raises(Cancelled):
        run(OverlayRequest((pa, pb), **every_output(tmp_path, "x")), cancelled=lambda: True)
    assert sorted(os.listdir(tmp_path)) == ["flood.tif", "quake.tif"]


@pytest.mark.parametrize("method", list(OverlayMethod))
def test_strips_from_pickled_kernels_give_the_same_cells_and_statistics(hazards, tmp_path, method):
    """Strips of 16 rows from pickled kernels: every output's cells are those of a one-strip run
    here, bit for bit; the statistics are those of 16-row strips merged here (the same float sums
    in the same order), and their counts those of the one-strip run."""
    pa, pb, _, _ = hazards
    common = dict(method=method, weights="2,1" if method != OverlayMethod.PROBABILISTIC_UNION else "1,0.5", output_html="r.html")
    single = run(OverlayRequest((pa, pb), **every_output(tmp_path, "1"), **common))
    here = run(OverlayRequest((pa, pb), **every_output(tmp_path, "2"), **common), engine=Strips(rows=16, inner=_Here()))
    engine, seen = Strips(rows=16), []
    pickled = run(OverlayRequest((pa, pb), **every_output(tmp_path, "3"), **common), engine=engine, progress=seen.append)
    assert engine.calls == 1
    for name in ("i", "d", "c"):
        assert cells(tmp_path / f"{name}3.tif") == cells(tmp_path / f"{name}1.tif")
    for field in STAT_FIELDS:
        np.testing.assert_array_equal(getattr(pickled.stats, field), getattr(here.stats, field))
    for field in ("count", "above", "dominant_cells", "hotspot_cells", "pair_count"):
        np.testing.assert_array_equal(getattr(pickled.stats, field), getattr(single.stats, field))
    assert (pickled.stats.index_min, pickled.stats.index_max) == (single.stats.index_min, single.stats.index_max)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)


class _Here:
    """The local driver as an inner engine (no pickling)."""

    def run_blocks(self, grid, sources, kernel, sinks=(), **kwargs):
        from territorial_resilience.algorithms.engine.raster_io import run_blocks

        run_blocks(grid, sources, kernel, sinks, **kwargs)


def test_a_dask_cluster_gives_the_same_cells_and_statistics(hazards, tmp_path):
    from territorial_resilience.algorithms.engine.engines import DaskEngine

    pa, pb, _, _ = hazards
    common = dict(method=OverlayMethod.OWA, order_weights="3,1", interactions="0,0.5;0,0", output_html="r.html")
    local = run(OverlayRequest((pa, pb), **every_output(tmp_path, "1"), **common), engine=Strips(rows=16, inner=_Here()))
    with DaskEngine(workers=2) as dask:
        remote = run(OverlayRequest((pa, pb), **every_output(tmp_path, "2"), **common), engine=Strips(rows=16, inner=dask))
    for name in ("i", "d", "c"):
        assert cells(tmp_path / f"{name}2.tif") == cells(tmp_path / f"{name}1.tif")
    for field in STAT_FIELDS:
        np.testing.assert_array_equal(getattr(remote.stats, field), getattr(local.stats, field))


# --- parse -------------------------------------------------------------------------------------


def test_parse_defaults_and_values():
    assert BATCH_JOB.algorithm == "multihazardoverlay" and BATCH_JOB.parse is parse and BATCH_JOB.run is run
    request = parse(text(HAZARDS=["a.tif", "b.tif"], OUTPUT="o.tif"))
    assert request == OverlayRequest(("a.tif", "b.tif"), "o.tif")
    assert (request.weights, request.method, request.order_weights, request.interactions, request.threshold, request.policy) == (
        "",
        OverlayMethod.WEIGHTED_SUM,
        "",
        "",
        0.5,
        NodataPolicy.PROPAGATE,
    )
    assert (request.output_dominant, request.output_count, request.output_html, request.reference) == (None, None, None, None)
    assert request.hazard_names == ("a", "b")
    request = parse(
        text(
            HAZARDS=["/data/flood.depth.tif", "quake.vrt"],
            WEIGHTS="0.6,0.4",
            METHOD=4,
            ORDER_WEIGHTS="2,1",
            INTERACTIONS="0,0.5;0,0",
            THRESHOLD="0.3",
            EXPOSURE="e.tif",
            VULNERABILITY="",
            CAPACITY="c.tif",
            NODATA_POLICY=1,
            REFERENCE="ref.tif",
            OUTPUT="o.tif",
            OUTPUT_DOMINANT="d.tif",
            OUTPUT_COUNT="",
            OUTPUT_HTML="",
        )
    )
    assert request == OverlayRequest(
        ("/data/flood.depth.tif", "quake.vrt"),
        "o.tif",
        weights="0.6,0.4",
        method=OverlayMethod.OWA,
        order_weights="2,1",
        interactions="0,0.5;0,0",
        threshold=0.3,
        exposure="e.tif",
        capacity="c.tif",
        policy=NodataPolicy.IGNORE,
        reference="ref.tif",
        output_dominant="d.tif",
    )
    assert request.hazard_names == ("flood", "quake") and request.factor_paths == {"exposure": "e.tif", "capacity": "c.tif"}
    assert layer_name("/vsis3/bucket/hazards/flood.tif") == "flood"


@pytest.mark.parametrize(
    "values, fragment",
    [
        (dict(HAZARDS="a.tif", OUTPUT="o.tif", INPUT="x.tif"), "multihazardoverlay has no parameter INPUT; its parameters are HAZARDS, WEIGHTS"),
        (dict(OUTPUT="o.tif"), "multihazardoverlay needs the parameter HAZARDS"),
        (dict(HAZARDS="", OUTPUT="o.tif"), "multihazardoverlay needs the parameter HAZARDS"),
        (dict(HAZARDS="a.tif"), "multihazardoverlay needs the parameter OUTPUT"),
        (dict(HAZARDS="a.tif", OUTPUT="o.tif", METHOD=5), "METHOD: '5' is not one of the options (0 = Weighted sum;"),
        (dict(HAZARDS="a.tif", OUTPUT="o.tif", NODATA_POLICY=-1), "NODATA_POLICY: '-1' is not one of the options"),
        (dict(HAZARDS="a.tif", OUTPUT="o.tif", THRESHOLD=5), "THRESHOLD: 5 is outside the range 0 to 1"),
        (dict(HAZARDS="a.tif", OUTPUT="o.tif", OUTPUT_HTML="r.html"), "The overlay report (OUTPUT_HTML) is written by QGIS only"),
    ],
)
def test_parse_refuses_bad_parameters_naming_them(values, fragment):
    with pytest.raises(InputError) as info:
        parse(text(**values))
    assert fragment in str(info.value)


# --- the batch command -------------------------------------------------------------------------


def test_batch_command_end_to_end(hazards, tmp_path):
    pa, pb, a, b = hazards
    output, count = tmp_path / "batch.tif", tmp_path / "count.tif"
    command = [sys.executable, str(ROOT / "tsr_batch.py"), "multihazardoverlay", f"HAZARDS={pa}", f"HAZARDS={pb}", "WEIGHTS=3,1"]
    done = subprocess.run(
        command + [f"OUTPUT={output}", f"OUTPUT_COUNT={count}", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LANG": "C.UTF-8", "LANGUAGE": ""},
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["results"] == {"OUTPUT": str(output), "OUTPUT_COUNT": str(count)}
    valid = b != -9999
    np.testing.assert_allclose(read_raster(output)[valid], (0.75 * a + 0.25 * b)[valid], rtol=1e-6)
    np.testing.assert_array_equal(read_raster(count)[valid], ((a >= 0.5).astype(int) + (b >= 0.5))[valid])
