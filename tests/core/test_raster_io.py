"""The block driver: alignment, strips, temporary outputs, cancellation, untouched inputs."""

from __future__ import annotations

import hashlib
import os

import numpy as np
import pytest
import rasterio
from affine import Affine
from rasterio.enums import Resampling
from rasterio.transform import from_origin
from rasterio.windows import Window
from rasters import write_raster

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.engine.raster_io import (
    ALIGN_LIMIT,
    BlockReader,
    Cancelled,
    Grid,
    RasterSink,
    RasterSource,
    cell_ids,
    is_compressed,
    iterate_blocks,
    read_float,
    run_blocks,
    tile_columns,
    tile_rows,
    warp_scale,
    write_array,
)


def read(path):
    with rasterio.open(path) as ds:
        return ds.read(1, masked=True)


@pytest.fixture
def base(tmp_path):
    array = np.arange(60 * 80, dtype=np.float32).reshape(60, 80)
    array[5, 7] = -9999.0
    return write_raster(tmp_path / "base.tif", array), array


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def test_identity_over_many_strips_keeps_values_and_nodata(tmp_path, base):
    path, array = base
    grid = Grid.of(path)
    out = str(tmp_path / "out.tif")
    run_blocks(grid, [RasterSource(path)], lambda b: ((b[0] * 2,), None), [RasterSink(out)], cells_per_block=80 * 16)
    result = read(out)
    assert result.mask[5, 7] and result.mask.sum() == 1
    np.testing.assert_array_equal(result.filled(0)[~result.mask], (array * 2)[~result.mask])
    assert not [f for f in os.listdir(tmp_path) if ".part" in f]


def test_coarser_grid_is_aligned_to_reference(tmp_path, base):
    path, _ = base
    coarse = np.arange(30 * 40, dtype=np.float32).reshape(30, 40)
    coarse_path = write_raster(tmp_path / "coarse.tif", coarse, cell=60.0)
    grid = Grid.of(path)
    (block,) = next(iterate_blocks(grid, [RasterSource(coarse_path, resampling=Resampling.nearest)], cells_per_block=10**6))
    # every 30 m cell takes the value of the 60 m cell that contains it
    np.testing.assert_array_equal(block, np.repeat(np.repeat(coarse, 2, axis=0), 2, axis=1))


def test_other_crs_is_warped_like_gdalwarp_whatever_the_blocks(tmp_path, base):
    from osgeo import gdal

    path, _ = base
    grid = Grid.of(path)
    # the same area in geographic coordinates, at about 15 m: downsampled onto the 30 m grid
    src = np.random.default_rng(0).random((300, 300)).astype(np.float32)
    geo_path = write_raster(tmp_path / "geo.tif", src, cell=0.0002, crs="EPSG:4490", origin=(113.785, 30.720))
    (block,) = next(iterate_blocks(grid, [RasterSource(geo_path)], cells_per_block=10**6))
    strips = np.vstack([b for (b,) in iterate_blocks(grid, [RasterSource(geo_path)], cells_per_block=grid.width * 7)])
    with rasterio.open(geo_path) as ds:
        scale = warp_scale(ds, grid)
    left, bottom, right, top = grid.bounds
    gdal.UseExceptions()
    warped = gdal.Warp(
        str(tmp_path / "gdalwarp.tif"),
        geo_path,
        dstSRS=grid.crs.to_wkt(),
        outputBounds=(left, bottom, right, top),
        width=grid.width,
        height=grid.height,
        resampleAlg="bilinear",
        dstNodata=float("nan"),
        outputType=gdal.GDT_Float32,
        warpOptions=[f"XSCALE={scale['XSCALE']!r}", f"YSCALE={scale['YSCALE']!r}"],
    )
    expected = warped.ReadAsArray()
    warped = None
    valid = ~np.isnan(expected)
    assert valid.sum() > 1000
    np.testing.assert_array_equal(np.isnan(block), ~valid)
    np.testing.assert_allclose(block[valid], expected[valid], atol=1e-6)
    np.testing.assert_array_equal(strips, block)


def test_warp_scale_is_grid_cells_per_source_cell(tmp_path, base):
    path, _ = base
    grid = Grid.of(path)  # 30 m cells
    for cell, expected in ((15.0, 0.5), (60.0, 2.0)):  # downsampling 15 m, upsampling 60 m
        other = write_raster(tmp_path / f"{cell}.tif", np.ones((50, 50), np.float32), cell=cell)
        with rasterio.open(other) as ds:
            scale = warp_scale(ds, grid)
        assert scale == pytest.approx({"XSCALE": expected, "YSCALE": expected}, rel=1e-12)


def test_no_overlap_and_no_crs_are_refused(tmp_path, base):
    path, _ = base
    grid = Grid.of(path)
    far = write_raster(tmp_path / "far.tif", np.ones((10, 10), np.float32), origin=(600000.0, 3000000.0))
    with pytest.raises(InputError, match="does not overlap"):
        RasterSource(far).check_against(grid)
    no_crs = str(tmp_path / "nocrs.tif")
    with rasterio.open(
        no_crs, "w", driver="GTiff", width=10, height=10, count=1, dtype="float32", transform=from_origin(480000, 3400000, 30, 30)
    ) as ds:
        ds.write(np.ones((10, 10), np.float32), 1)
    with pytest.raises(InputError, match="no coordinate reference system"):
        RasterSource(no_crs).check_against(grid)
    with pytest.raises(InputError, match="band 2 does not exist"):
        RasterSource(path, band=2).check_against(grid)


def test_cancel_leaves_no_output(tmp_path, base):
    path, _ = base
    out = tmp_path / "cancelled.tif"
    calls = iter(range(100))
    with pytest.raises(Cancelled):
        run_blocks(
            Grid.of(path),
            [RasterSource(path)],
            lambda b: ((b[0],), None),
            [RasterSink(str(out))],
            cancelled=lambda: next(calls) >= 1,
            cells_per_block=80 * 16,
        )
    assert os.listdir(tmp_path) == ["base.tif"]


def test_kernel_error_leaves_no_output(tmp_path, base):
    path, _ = base

    def failing(blocks):
        raise InputError("broken")

    with pytest.raises(InputError):
        run_blocks(Grid.of(path), [RasterSource(path)], failing, [RasterSink(str(tmp_path / "x.tif"))])
    assert os.listdir(tmp_path) == ["base.tif"]


def test_output_equal_to_input_is_refused_and_input_untouched(base):
    path, _ = base
    before = digest(path)
    with pytest.raises(InputError, match="also an input"):
        run_blocks(Grid.of(path), [RasterSource(path)], lambda b: ((b[0],), None), [RasterSink(path)])
    assert digest(path) == before


def test_on_result_sees_blocks_in_order(tmp_path, base):
    path, array = base
    rows = []
    run_blocks(Grid.of(path), [RasterSource(path)], lambda b: ((), b[0][:, 0].copy()), on_result=rows.append, cells_per_block=80 * 16, workers=2)
    np.testing.assert_array_equal(np.concatenate(rows), array[:, 0])


def test_write_array_round_trip(tmp_path, base):
    path, _ = base
    grid = Grid.of(path)
    grades = (np.arange(grid.width * grid.height) % 6).astype(np.uint8).reshape(grid.height, grid.width)
    out = str(tmp_path / "grades.tif")
    write_array(out, grades, grid, nodata=0)
    with rasterio.open(out) as ds:
        assert ds.dtypes[0] == "uint8" and ds.nodata == 0 and ds.crs == grid.crs
        np.testing.assert_array_equal(ds.read(1), grades)


def test_outputs_follow_the_inputs_compression(tmp_path, base):
    path, array = base
    assert not is_compressed(path)
    plain, packed = str(tmp_path / "plain.tif"), str(tmp_path / "packed.tif")
    grid = Grid.of(path)
    for out, compress in ((plain, False), (packed, True)):
        run_blocks(grid, [RasterSource(path)], lambda b: ((b[0],), None), [RasterSink(out, compress=compress)])
    assert not is_compressed(plain) and is_compressed(packed)
    np.testing.assert_array_equal(read(plain), read(packed))


# --- damaged inputs, unwritable outputs, temporary files --------------------------------------


def cut(path, keep: float) -> str:
    """Truncate a file to `keep` of its size (a copy that stopped half-way)."""
    data = open(path, "rb").read()
    with open(path, "wb") as handle:
        handle.write(data[: int(len(data) * keep)])
    return str(path)


def test_a_truncated_raster_is_an_input_error_naming_it(tmp_path, base):
    """A GeoTIFF cut in half: refused as incomplete whether or not the run reads the lost part
    (here the grid covers only its intact top rows, which GDAL would read without complaint)."""
    path, array = base
    broken = cut(write_raster(tmp_path / "broken.tif", np.ones((300, 200), np.float32)), 0.5)
    with pytest.raises(InputError) as raised:
        Grid.of(broken)
    assert str(raised.value).startswith(f"The raster {broken} is incomplete: its data should reach byte ")
    assert f"but the file has {os.path.getsize(broken)} bytes" in str(raised.value)
    top = Grid.of(write_raster(tmp_path / "top.tif", np.ones((10, 200), np.float32)))  # rows 0–9 of broken.tif
    out = tmp_path / "out.tif"
    for run in (
        lambda: run_blocks(top, [RasterSource(broken)], lambda b: ([b[0]], None), [RasterSink(str(out))]),
        lambda: list(iterate_blocks(top, [RasterSource(broken)])),
    ):
        with pytest.raises(InputError, match="broken.tif is incomplete"):
            run()
    assert sorted(os.listdir(tmp_path)) == ["base.tif", "broken.tif", "top.tif"]  # no output, no .part file


def test_a_block_gdal_cannot_decode_is_an_input_error_naming_it(tmp_path, base):
    """Complete file, garbage inside a compressed block: GDAL's block read error, named."""
    path, _ = base
    source = write_raster(tmp_path / "garbled.tif", np.random.default_rng(0).random((300, 200)).astype(np.float32))
    with rasterio.open(source) as ds:
        profile = ds.profile
    profile.update(compress="deflate", tiled=True, blockxsize=64, blockysize=64)
    garbled = str(tmp_path / "deflate.tif")
    with rasterio.open(source) as src, rasterio.open(garbled, "w", **profile) as dst:
        dst.write(src.read())
        offset = None
    with rasterio.open(garbled) as ds:
        offset, size = int(ds.get_tag_item("BLOCK_OFFSET_1_1", "TIFF", bidx=1)), int(ds.get_tag_item("BLOCK_SIZE_1_1", "TIFF", bidx=1))
    with open(garbled, "r+b") as handle:
        handle.seek(offset)
        handle.write(b"\xff" * size)
    grid = Grid.of(garbled)  # the file is complete
    with pytest.raises(InputError) as raised:
        run_blocks(grid, [RasterSource(garbled)], lambda b: ([b[0]], None), [RasterSink(str(tmp_path / "out.tif"))])
    assert str(raised.value).startswith(f"The raster {garbled} cannot be read (")
    assert "IReadBlock failed" in str(raised.value) and "damaged or incomplete" in str(raised.value)
    with pytest.raises(InputError, match=r"deflate\.tif cannot be read \(.*IReadBlock failed"):
        read_float(garbled)
    assert sorted(os.listdir(tmp_path)) == ["base.tif", "deflate.tif", "garbled.tif"]


@pytest.mark.parametrize("dtype, nodata", [("int16", -9999), ("uint8", 255), ("float32", -9999.0), ("float32", float("nan")), ("float64", None)])
def test_read_float_gives_float64_with_nan_for_nodata(tmp_path, dtype, nodata):
    values = np.arange(1, 13).reshape(3, 4).astype(dtype)
    if nodata is not None:
        values[1, 2] = nodata
    path = write_raster(tmp_path / "in.tif", values, nodata=nodata)
    got = read_float(path)
    expected = values.astype(np.float64)
    if nodata is not None:
        expected[1, 2] = np.nan
    assert got.dtype == np.float64
    np.testing.assert_array_equal(got, expected)


def test_cell_size_of_north_up_south_up_and_rotated_grids():
    assert Grid(None, from_origin(0, 100, 30, 20), 5, 5).cell_size == (30.0, 20.0)
    assert Grid(None, Affine(30, 0, 0, 0, 20, 0), 5, 5).cell_size == (30.0, 20.0)  # south-up: same steps
    with pytest.raises(InputError, match="rotated"):
        Grid(None, from_origin(0, 100, 30, 30) * Affine.rotation(5), 5, 5).cell_size


def test_a_raster_cut_inside_its_header_is_an_input_error(tmp_path):
    broken = cut(write_raster(tmp_path / "header.tif", np.ones((30, 20), np.float32)), 0.02)
    for call in (Grid.of, is_compressed, lambda p: RasterSource(p).check_against(Grid.of(str(tmp_path / "ok.tif")))):
        write_raster(tmp_path / "ok.tif", np.ones((30, 20), np.float32))
        with pytest.raises(InputError, match=r"header\.tif cannot be read \(.+\); the file may be damaged or incomplete"):  # no TIFF directory
            call(broken)


def test_an_output_that_cannot_be_written_is_an_input_error(tmp_path, base):
    path, _ = base
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError, match=r"The output .*file/out\.tif cannot be written \("):
        run_blocks(Grid.of(path), [RasterSource(path)], lambda b: ([b[0]], None), [RasterSink(str(blocker / "out.tif"))])


def test_open_temporaries_are_listed_per_thread_and_can_be_removed(tmp_path, base):
    import threading

    from territorial_resilience.algorithms.engine import raster_io

    path, _ = base
    caller = threading.get_ident()
    seen = []

    def kernel(blocks):
        seen.append(raster_io.open_temporaries(caller))
        return [blocks[0]], None

    run_blocks(Grid.of(path), [RasterSource(path)], kernel, [RasterSink(str(tmp_path / "o.tif"))])
    assert seen and all(len(s) == 1 and os.path.basename(s[0]).endswith(".part.tif") for s in seen)
    assert raster_io.open_temporaries(caller) == [] and sorted(os.listdir(tmp_path)) == ["base.tif", "o.tif"]
    # a sink torn down before its discard (e.g. a signal between open and the try): removed on request
    sink = RasterSink(str(tmp_path / "torn.tif"))
    sink.open(Grid.of(path))
    [temporary] = raster_io.open_temporaries()
    assert os.path.exists(temporary) and raster_io.all_open_temporaries() == [temporary]
    assert raster_io.remove_temporaries() == [temporary]
    assert not os.path.exists(temporary) and raster_io.open_temporaries() == []
    sink._ds.close()


def test_an_output_hard_linked_to_the_input_is_refused(tmp_path, base):
    path, _ = base
    before = hashlib.sha256(open(path, "rb").read()).hexdigest()
    link = tmp_path / "other-name.tif"
    os.link(path, link)
    with pytest.raises(InputError, match="also an input"):
        run_blocks(Grid.of(path), [RasterSource(path)], lambda b: ([b[0] * 2], None), [RasterSink(str(link))])
    assert hashlib.sha256(open(path, "rb").read()).hexdigest() == before


# --- strips cut on the files' tiles ---------------------------------------------------------


def layout_raster(path, array, tile=None, rows_per_strip=None, compress=None):
    """A float32 GeoTIFF in a given layout: tiled `tile` × `tile`, or striped with `rows_per_strip`."""
    profile = dict(
        driver="GTiff",
        width=array.shape[1],
        height=array.shape[0],
        count=1,
        dtype="float32",
        crs="EPSG:4547",
        transform=from_origin(480000.0, 3400000.0, 30.0, 30.0),
        nodata=-9999.0,
    )
    if tile:
        profile.update(tiled=True, blockxsize=tile, blockysize=tile)
    elif rows_per_strip:
        profile.update(blockysize=rows_per_strip)
    if compress:
        profile.update(compress=compress)
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(array.astype(np.float32), 1)
    return str(path)


def test_strips_are_cut_on_the_tile_rows():
    grid = Grid(None, from_origin(0.0, 0.0, 30.0, 30.0), 1000, 1100)
    # striped files: multiples of 16 rows near the cells asked for (100 rows → 96)
    assert [w.height for w in grid.strips(100_000)] == [96] * 11 + [1100 - 96 * 11]
    # 256-row tiles: one tile row per strip, the last strip takes what is left
    aligned = grid.strips(100_000, align=256)
    assert [(w.row_off, w.height) for w in aligned] == [(0, 256), (256, 256), (512, 256), (768, 256), (1024, 76)]
    assert all(w.col_off == 0 and w.width == 1000 for w in aligned)
    # 600 rows asked for: two tile rows per strip
    assert [w.height for w in grid.strips(600_000, align=256)] == [512, 512, 76]
    # 48-row tiles: multiples of lcm(16, 48) = 48 rows
    assert [w.height for w in grid.strips(100_000, align=48)][:-1] == [96] * 11
    # one band of tile rows holding more than ALIGN_LIMIT times the cells asked for: memory first
    small = 256 * 1000 // ALIGN_LIMIT - 1
    assert {w.height for w in grid.strips(small, align=256)} <= {48, 1100 % 48}
    assert sum(w.height for w in grid.strips(small, align=256)) == 1100


def test_wide_grids_are_cut_into_windows_on_the_tiles():
    """A band of 256 rows of a national-width grid holds far more than a window's cells: the
    windows are then one tile row high and a multiple of the tile width wide, row by row."""
    grid = Grid(None, from_origin(0.0, 0.0, 30.0, 30.0), 100_000, 600)
    windows = grid.windows(1 << 20, 256, 256)
    columns = (1 << 20) // 256 // 256 * 256  # 3840: about 1 M cells a window
    assert windows[0] == Window(0, 0, columns, 256) and windows[1] == Window(columns, 0, columns, 256)
    assert [(w.row_off, w.height) for w in windows[:: len(windows) // 3]] == [(0, 256), (256, 256), (512, 88)]
    assert all(w.col_off % 256 == 0 and (w.width == columns or w.col_off + w.width == 100_000) for w in windows)
    covered = np.zeros((600, 100_000 // 256 + 1), dtype=np.int32)  # cells counted per tile column
    for w in windows:
        covered[w.row_off : w.row_off + w.height, w.col_off // 256 : (w.col_off + w.width + 255) // 256] += 1
    assert np.all(covered == 1)
    # a striped file (0), unknown tiles (alignment 1) or a grid narrow enough: full-width strips
    assert grid.windows(1 << 20, 256, 0) == grid.strips(1 << 20, 256)
    assert grid.windows(1 << 20, 1, 256) == grid.strips(1 << 20, 1)
    narrow = Grid(None, from_origin(0.0, 0.0, 30.0, 30.0), 4000, 600)
    assert narrow.windows(1 << 20, 256, 256) == narrow.strips(1 << 20, 256)


def test_run_blocks_on_windows_cut_in_both_directions(tmp_path):
    """On 256 × 256 windows (a 3000-wide grid, 100 000 cells a window): every output cell is the
    kernel of its own input cell, and the kernel knows where its window lies (cell_ids)."""
    a = np.random.default_rng(4).random((300, 3000)).astype(np.float32)
    path = layout_raster(tmp_path / "wide.tif", a, tile=256, compress="deflate")
    grid = Grid.of(path)
    seen = []

    def kernel(blocks):
        seen.append(blocks[0].shape)
        ids = cell_ids(blocks, np.arange(blocks[0].size)).reshape(blocks[0].shape)
        return [blocks[0] * 2.0, ids.astype(np.float64)], None

    sinks = [RasterSink(str(tmp_path / "twice.tif")), RasterSink(str(tmp_path / "ids.tif"), "float64")]
    run_blocks(grid, [RasterSource(path)], kernel, sinks, cells_per_block=100_000)
    assert len(seen) == 2 * 12 and max(seen) == (256, 256) and (44, 184) in seen
    with rasterio.open(tmp_path / "twice.tif") as ds:
        np.testing.assert_array_equal(ds.read(1), a * np.float32(2.0))
    with rasterio.open(tmp_path / "ids.tif") as ds:
        np.testing.assert_array_equal(ds.read(1), np.arange(300 * 3000, dtype=np.float64).reshape(300, 3000))


def test_tile_rows_of_inputs_on_the_grid_and_of_outputs(tmp_path):
    a = np.random.default_rng(1).random((300, 200)).astype(np.float32)
    tiled = layout_raster(tmp_path / "t64.tif", a, tile=64, compress="deflate")
    striped = layout_raster(tmp_path / "s8.tif", a, rows_per_strip=8)
    coarse = layout_raster(tmp_path / "coarse.tif", a[::2, ::2], tile=128)  # 30 m cells on another grid
    with rasterio.open(coarse, "r+") as ds:
        ds.transform = from_origin(480000.0, 3400000.0, 60.0, 60.0)
    grid = Grid.of(tiled)
    assert tile_rows(grid, [RasterSource(tiled)]) == 64
    assert tile_rows(grid, [RasterSource(tiled), RasterSource(striped)]) == 64
    assert tile_rows(grid, [RasterSource(striped)]) == 8
    assert tile_rows(grid, [RasterSource(coarse)]) == 1  # warped: its tiles do not fall on the grid's rows
    assert tile_columns(grid, [RasterSource(tiled)]) == 64
    assert tile_columns(grid, [RasterSource(tiled), RasterSource(striped)]) == 0  # a striped file: no column cut
    assert tile_columns(grid, [RasterSource(coarse)]) == 1
    sink = RasterSink(str(tmp_path / "out.tif"))
    sink.open(grid)
    try:
        assert sink.block_rows == 256
        assert tile_rows(grid, [RasterSource(tiled), RasterSource(striped)], [sink]) == 256
    finally:
        sink.discard()


def test_run_blocks_reads_and_writes_whole_tile_rows(tmp_path):
    """Strips of run_blocks and iterate_blocks are whole rows of the inputs' and outputs' tiles
    (before: multiples of 16 rows cut through them, so tiles were decoded and written twice)."""
    a = np.random.default_rng(2).random((300, 200)).astype(np.float32)
    tiled = layout_raster(tmp_path / "t64.tif", a, tile=64, compress="deflate")
    grid = Grid.of(tiled)
    heights = [b.shape[0] for (b,) in iterate_blocks(grid, [RasterSource(tiled)], cells_per_block=200 * 40)]
    assert heights == [64, 64, 64, 64, 44]
    seen = []

    def double(blocks):
        seen.append(blocks[0].shape[0])
        return (blocks[0] * 2,), None

    out = str(tmp_path / "out.tif")
    run_blocks(grid, [RasterSource(tiled)], double, [RasterSink(out)], cells_per_block=200 * 100)
    # the output's 256-row tiles, which are also 4 input tile rows (kernels run in a thread pool: any order)
    assert sorted(seen) == [44, 256]
    np.testing.assert_array_equal(read(out), a * 2)


def test_blocks_are_layers_of_one_array(tmp_path, base):
    path, array = base
    other = write_raster(tmp_path / "other.tif", array[::-1].copy())
    reader = BlockReader(Grid.of(path), [RasterSource(path), RasterSource(other)])
    try:
        blocks = reader.read_all(Window(0, 3, 80, 20))
    finally:
        reader.close()
    expected = np.stack([array[3:23], array[::-1][3:23]])
    expected[0][expected[0] == -9999.0] = np.nan
    stack = blocks.stack()
    assert np.shares_memory(stack, blocks.array) and stack.shape == (2, 20, 80)
    np.testing.assert_array_equal(stack, expected)
    assert np.isnan(blocks[0][2, 7])  # nodata of the first source, cell (5, 7)
    blocks[1] = blocks[1] + 1  # a kernel replacing one of its blocks: stack() copies the new list
    replaced = blocks.stack()
    assert not np.shares_memory(replaced, blocks.array)
    np.testing.assert_array_equal(replaced[1], expected[1] + 1)
    np.testing.assert_array_equal(blocks.stack(1)[0], expected[0])


def test_sinks_write_each_tile_row_once_whatever_the_strips(tmp_path):
    """Strips of 48 rows end inside the 256-row tiles: the rows must reach GDAL as whole tile
    rows (GDAL < 3.7.3 with compression threads may lose a tile written twice), and the file
    must hold every row."""
    rng = np.random.default_rng(3)
    data = rng.random((600, 300)).astype(np.float32)
    data[rng.random(data.shape) < 0.1] = np.nan
    grid = Grid(rasterio.crs.CRS.from_epsg(4547), from_origin(500000, 3400000, 30, 30), 300, 600)
    sink = RasterSink(str(tmp_path / "out.tif"), compress=True)
    sink.open(grid)
    calls = []
    real = sink._ds.write

    def spy(block, band, window):
        calls.append((int(window.row_off), int(window.height)))
        real(block, band, window=window)

    sink._ds.write = spy
    for row in range(0, 600, 48):
        window = Window(0, row, 300, min(48, 600 - row))
        sink.write(data[row : row + int(window.height)], window)
    sink.commit()
    assert calls == [(0, 256), (256, 256), (512, 88)]
    stored = read(tmp_path / "out.tif")
    np.testing.assert_array_equal(stored.filled(np.nan), data)
