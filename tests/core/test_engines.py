"""The engines: a Dask cluster gives the local driver's results bit for bit, survives a killed
worker, reports bad inputs and addresses, cancels cleanly and writes .vrt and COG outputs."""

from __future__ import annotations

import os
import signal
import time

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.common.progress import Cancelled
from territorial_resilience.algorithms.engine.engines import DaskEngine, LocalEngine, make_engine
from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSink, RasterSource, all_open_temporaries, run_blocks
from territorial_resilience.algorithms.raster.overlay import (
    NodataPolicy,
    OverlayMethod,
    OverlaySpec,
    OverlayStatistics,
    amplify,
    combine,
    overlay_kernel,
)

SIZE = 4000
#: Strips of 256 rows (16 windows) and of 1024 rows (4 windows) on the 4000-column grid.
SMALL, LARGE = 1 << 20, 4 << 20
#: Cells per window for which a band of 256 rows of the 4000-wide grid is too many: 256 × 768 windows.
TILES = 200_000
SPEC = OverlaySpec.build(3, OverlayMethod.WEIGHTED_SUM, [2, 1, 1], [], [0, 1.0, 0, 0, 0, 0, 0, 0.5, 0], 0.5, NodataPolicy.IGNORE)
OUTPUTS = ("risk", "dominant", "count")


def write_tiled(path, array, nodata=-9999.0):
    profile = dict(
        driver="GTiff",
        width=array.shape[1],
        height=array.shape[0],
        count=1,
        dtype="float32",
        crs="EPSG:4547",
        transform=from_origin(480000.0, 3400000.0, 30.0, 30.0),
        nodata=nodata,
        tiled=True,
        blockxsize=256,
        blockysize=256,
        compress="deflate",
        zlevel=1,
    )
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(array.astype(np.float32), 1)
    return str(path)


@pytest.fixture(scope="module")
def cluster():
    engine = DaskEngine(workers=2)
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def hazards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hazards")
    rng = np.random.default_rng(15)
    rows, cols = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32) / SIZE
    paths = []
    for k in range(3):
        field = 0.5 + 0.3 * np.sin(6.0 * rows + 2.0 * k) * np.cos(5.0 * cols - k) + 0.2 * rng.random((SIZE, SIZE), dtype=np.float32)
        field = np.clip(field, 0.0, 1.0)
        field[rng.random((SIZE, SIZE)) < 0.01] = -9999.0
        if k == 2:
            field[1500:1700, :] = -9999.0  # a band where only two hazards are known
        paths.append(write_tiled(folder / f"hazard{k}.tif", field))
    return paths


def overlay(engine, paths, folder, cells, ext=".tif"):
    """The multi-hazard overlay's three outputs (raw stored values) and its merged statistics."""
    os.makedirs(folder, exist_ok=True)
    stats = OverlayStatistics(SPEC.n, SPEC.threshold)
    sinks = [
        RasterSink(os.path.join(folder, f"risk{ext}"), "float32"),
        RasterSink(os.path.join(folder, f"dominant{ext}"), "uint8", 0),
        RasterSink(os.path.join(folder, f"count{ext}"), "uint8", 255),
    ]
    run_blocks(
        Grid.of(paths[0]), [RasterSource(p) for p in paths], overlay_kernel(SPEC), sinks, on_result=stats.add, engine=engine, cells_per_block=cells
    )
    arrays = []
    for sink in sinks:
        with rasterio.open(sink.path) as ds:
            arrays.append(ds.read(1))
    return arrays, stats


_LOCAL: dict = {}


def local_result(paths, folder, cells):
    if cells not in _LOCAL:
        _LOCAL[cells] = overlay(None, paths, os.path.join(folder, f"local{cells}"), cells)
    return _LOCAL[cells]


def assert_same(result, expected):
    for name, got, want in zip(OUTPUTS, result[0], expected[0]):
        assert got.dtype == want.dtype and np.array_equal(got, want, equal_nan=True), name
    stats, want = result[1], expected[1]
    for key, value in vars(want).items():
        assert np.array_equal(getattr(stats, key), value, equal_nan=True), key


def leftovers(folder, keep=()):
    return sorted(set(os.listdir(folder)) - set(keep))


@pytest.mark.parametrize("cells", [SMALL, LARGE, TILES])
def test_dask_equals_local_bit_for_bit(cluster, hazards, tmp_path_factory, cells):
    work = tmp_path_factory.mktemp("equal")
    windows = Grid.of(hazards[0]).windows(cells, 256, 256)
    if cells == TILES:  # cut in both directions, on the tiles
        assert {(w.height, w.width) for w in windows} == {(256, 768), (256, 160), (160, 768), (160, 160)} and len(windows) == 16 * 6
    else:
        assert all(w.width == SIZE for w in windows)
    expected = local_result(hazards, str(work), cells)
    result = overlay(cluster, hazards, str(work / "dask"), cells)
    assert_same(result, expected)
    assert leftovers(work / "dask") == ["count.tif", "dominant.tif", "risk.tif"]  # no pieces, no temporaries
    # The local result itself, against the overlay's formulas at a few cells (independent check).
    risk = expected[0][0]
    with rasterio.open(hazards[0]) as a, rasterio.open(hazards[1]) as b, rasterio.open(hazards[2]) as c:
        for r, col in [(0, 0), (1234, 3999), (1600, 17), (3999, 2500)]:
            h = np.array([[ds.read(1, window=((r, r + 1), (col, col + 1)))[0, 0]] for ds in (a, b, c)], dtype=np.float32)
            h[h == -9999.0] = np.nan
            index = combine(amplify(h, SPEC.interactions, SPEC.threshold), SPEC)[0]
            assert risk[r, col] == (np.float32(-9999.0) if np.isnan(index) else index)
    assert expected[1].index_count == np.count_nonzero(risk != -9999.0)
    # Another strip size gives the same cells (the reductions' sums may differ in the last bits).
    other = local_result(hazards, str(work), LARGE if cells == SMALL else SMALL)
    for got, want in zip(result[0], other[0]):
        assert np.array_equal(got, want)


def test_killed_worker_changes_nothing(cluster, hazards, tmp_path_factory):
    work = tmp_path_factory.mktemp("killed")
    expected = local_result(hazards, str(work), SMALL)
    before = cluster.client.run(os.getpid)
    victim = sorted(before.values())[0]
    killed = []

    def progress(fraction):
        if fraction >= 3 / 16 and not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(fraction)

    stats = OverlayStatistics(SPEC.n, SPEC.threshold)
    sinks = [
        RasterSink(str(work / "risk.tif")),
        RasterSink(str(work / "dominant.tif"), "uint8", 0),
        RasterSink(str(work / "count.tif"), "uint8", 255),
    ]
    cluster.run_blocks(
        Grid.of(hazards[0]),
        [RasterSource(p) for p in hazards],
        overlay_kernel(SPEC),
        sinks,
        on_result=stats.add,
        progress=progress,
        cells_per_block=SMALL,
    )
    assert killed and killed[0] < 1.0  # the worker died while windows were left
    arrays = []
    for sink in sinks:
        with rasterio.open(sink.path) as ds:
            arrays.append(ds.read(1))
    assert_same((arrays, stats), expected)
    cluster.client.wait_for_workers(2, timeout=30)  # the nanny restarts it for the next tests
    assert victim not in cluster.client.run(os.getpid).values()


def test_unreachable_scheduler_is_named_quickly():
    start = time.monotonic()
    with pytest.raises(InputError, match="tcp://127.0.0.1:9 cannot be reached"):
        DaskEngine("tcp://127.0.0.1:9", timeout=2)
    assert time.monotonic() - start < 10


def test_make_engine():
    engine = make_engine("local", 3, None)
    assert isinstance(engine, LocalEngine) and engine.workers == 3
    with pytest.raises(InputError, match="spark"):
        make_engine("spark", None, None)
    with pytest.raises(InputError, match="tcp://somewhere:8786"):
        make_engine("local", None, "tcp://somewhere:8786")


@pytest.mark.parametrize("cells", [256 * 600, 30_000], ids=["strips", "windows"])
def test_input_a_worker_cannot_read(cluster, hazards, tmp_path, cells):
    good = write_tiled(tmp_path / "good.tif", np.full((1024, 600), 0.4, dtype=np.float32))
    cut = write_tiled(tmp_path / "cut.tif", np.random.default_rng(3).random((1024, 600), dtype=np.float32))
    size = os.path.getsize(cut)
    with open(cut, "r+b") as f:
        f.truncate(size * 2 // 3)  # a copy cut short: the last tiles are missing
    out = tmp_path / "out"
    spec = OverlaySpec.build(2, OverlayMethod.MAXIMUM)
    with pytest.raises(InputError) as error:
        run_blocks(
            Grid.of(good),
            [RasterSource(good), RasterSource(cut)],
            overlay_kernel(spec),
            [RasterSink(str(out / "risk.tif"))],
            engine=cluster,
            cells_per_block=cells,
        )
    message = str(error.value)
    assert cut in message and "incomplete" in message
    where = message.split("Rows ")[1].split(" of the grid")[0]
    rows, _, columns = where.partition(", columns ")
    first, last = map(int, rows.split("–"))
    assert first % 256 == 0 and last in (first + 255, 1023)
    if cells == 30_000:  # 256 × 256 windows: the failed window's columns are named too
        left, right = map(int, columns.split("–"))
        assert left % 256 == 0 and right in (left + 255, 599)
        zh = {
            "Rows {first}–{last}, columns {left}–{right}": "第 {first}–{last} 行、第 {left}–{right} 列",
            "{window} of the grid failed on a Dask worker ({path}): {detail}": "网格{window}失败（{path}）：{detail}",
            "{window} of the grid failed on a Dask worker: {detail}": "网格{window}失败：{detail}",
        }
        assert error.value.translated(lambda text: zh.get(text, text)).startswith(f"网格第 {first}–{last} 行、第 {left}–{right} 列失败")
    else:
        assert not columns
    assert leftovers(out) == [] and not [p for p in all_open_temporaries() if str(out) in p]


def test_cancel_leaves_nothing(cluster, hazards, tmp_path):
    seen = []
    out = tmp_path / "out"
    with DaskEngine(cluster.address) as engine, pytest.raises(Cancelled):  # a second client of the same cluster
        engine.run_blocks(
            Grid.of(hazards[0]),
            [RasterSource(p) for p in hazards],
            overlay_kernel(SPEC),
            [RasterSink(str(out / "risk.tif")), RasterSink(str(out / "dominant.tif"), "uint8", 0)],
            on_result=OverlayStatistics(SPEC.n, SPEC.threshold).add,
            progress=seen.append,
            cancelled=lambda: len(seen) >= 2,
            cells_per_block=SMALL,
        )
    assert 2 <= len(seen) < 16
    assert leftovers(out) == []
    time.sleep(1.5)  # tasks that were running when the run stopped cannot write anything either
    assert leftovers(out) == []


def test_vrt_output_keeps_the_pieces(cluster, hazards, tmp_path_factory):
    work = tmp_path_factory.mktemp("vrt")
    expected = local_result(hazards, str(work), LARGE)
    result = overlay(cluster, hazards, str(work / "dask"), LARGE, ext=".vrt")
    assert_same(result, expected)
    names = leftovers(work / "dask")
    assert names == ["count.vrt", "count_tiles", "dominant.vrt", "dominant_tiles", "risk.vrt", "risk_tiles"]
    pieces = sorted(os.listdir(work / "dask" / "risk_tiles"))
    assert pieces == [f"{i:06d}.tif" for i in range(4)]
    with rasterio.open(work / "dask" / "risk_tiles" / pieces[0]) as ds:
        assert ds.profile["tiled"] and ds.block_shapes[0] == (256, 256) and ds.compression is not None
        assert ds.height == 1024 and ds.transform == Grid.of(hazards[0]).transform


def test_cog_output(cluster, hazards, tmp_path_factory):
    work = tmp_path_factory.mktemp("cog")
    expected = local_result(hazards, str(work), SMALL)
    with DaskEngine(cluster.address, cog=True) as engine:
        result = overlay(engine, hazards, str(work / "dask"), SMALL)
    assert_same(result, expected)
    with rasterio.open(work / "dask" / "risk.tif") as ds:
        assert ds.tags(ns="IMAGE_STRUCTURE").get("LAYOUT") == "COG"
        assert ds.block_shapes[0] == (256, 256) and ds.overviews(1) and ds.nodata == -9999.0
    assert leftovers(work / "dask") == ["count.tif", "dominant.tif", "risk.tif"]
