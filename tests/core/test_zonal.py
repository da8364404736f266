"""Zonal means and majorities over polygons and blocks, against plain loops over cell centres."""

from __future__ import annotations

import math

import numpy as np
import pytest
from rasterio.enums import Resampling
from rasterio.windows import Window
from rasters import ORIGIN, write_raster
from shapely.geometry import Point, Polygon, box

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.common.progress import Cancelled
from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSource
from territorial_resilience.algorithms.raster.zonal import BlockGrid, polygon_labeller, sample_points, window_of, zonal_statistics

X0, Y0 = ORIGIN
CELL = 30.0


def values(rows=20, cols=24, seed=4):
    rng = np.random.default_rng(seed)
    a = rng.random((rows, cols)).astype(np.float32)
    a[rng.random((rows, cols)) < 0.1] = -9999.0
    return a


def centres(rows, cols):
    for r in range(rows):
        for c in range(cols):
            yield r, c, X0 + (c + 0.5) * CELL, Y0 - (r + 0.5) * CELL


def test_polygon_means_and_majority_match_cell_centre_loops(tmp_path):
    a = values()
    classes = np.random.default_rng(5).integers(1, 4, size=a.shape).astype(np.float32)
    path = write_raster(tmp_path / "a.tif", a)
    class_path = write_raster(tmp_path / "c.tif", classes)
    grid = Grid.of(path)
    polygons = [
        box(X0 + 31, Y0 - 200, X0 + 250, Y0 - 41),
        Polygon([(X0 + 300, Y0 - 20), (X0 + 700, Y0 - 100), (X0 + 420, Y0 - 590)]),
        box(X0 + 10, Y0 - 590, X0 + 200, Y0 - 400),
        box(X0 + 400, Y0 - 10, X0 + 405, Y0 - 5),  # holds no cell centre
    ]
    result = zonal_statistics(grid, polygon_labeller(polygons, grid), 4, [RasterSource(path)], RasterSource(class_path), cells_per_strip=24 * 3)
    for z, polygon in enumerate(polygons):
        inside = [(r, c) for r, c, x, y in centres(*a.shape) if polygon.contains(Point(x, y))]
        good = [float(a[r, c]) for r, c in inside if a[r, c] != -9999.0]
        assert result.cells[z] == len(inside) and result.valid[z, 0] == len(good)
        if good:
            assert result.mean[z, 0] == pytest.approx(sum(good) / len(good), rel=1e-6)
            tally = {}
            for r, c in inside:
                tally[float(classes[r, c])] = tally.get(float(classes[r, c]), 0) + 1
            best = max(tally.values())
            assert result.majority[z] == min(v for v, n in tally.items() if n == best)
        else:
            assert math.isnan(result.mean[z, 0]) and math.isnan(result.majority[z])


def test_blocks_average_the_cells_whose_centres_they_hold(tmp_path):
    a = values(rows=10, cols=13)
    path = write_raster(tmp_path / "a.tif", a)
    grid = Grid.of(path)
    blocks = BlockGrid.over(grid, 100.0)  # not a multiple of 30 m: 4 × 4 blocks, some cells straddle
    assert (blocks.rows, blocks.cols) == (3, 4)
    result = zonal_statistics(grid, blocks.labeller(grid), blocks.zones, [RasterSource(path)], cells_per_strip=13 * 4)
    for z in range(blocks.zones):
        west, south, east, north = blocks.bounds(z)
        inside = [(r, c) for r, c, x, y in centres(*a.shape) if west <= x < east and south < y <= north]
        good = [float(a[r, c]) for r, c in inside if a[r, c] != -9999.0]
        assert result.cells[z] == len(inside)
        assert result.mean[z, 0] == pytest.approx(sum(good) / len(good), rel=1e-6) if good else math.isnan(result.mean[z, 0])
    assert result.cells.sum() == a.size


def test_a_source_on_another_grid_is_aligned(tmp_path):
    fine = write_raster(tmp_path / "fine.tif", np.zeros((20, 20), dtype=np.float32))
    coarse = write_raster(tmp_path / "coarse.tif", np.arange(25, dtype=np.float32).reshape(5, 5), cell=120.0)
    grid = Grid.of(fine)
    blocks = BlockGrid.over(grid, 120.0)
    result = zonal_statistics(grid, blocks.labeller(grid), blocks.zones, [RasterSource(coarse, resampling=Resampling.nearest)])
    assert result.mean[:, 0] == pytest.approx(np.arange(25))


def test_window_sample_and_refusals(tmp_path):
    path = write_raster(tmp_path / "a.tif", np.arange(12, dtype=np.float32).reshape(3, 4))
    grid = Grid.of(path)
    assert window_of(grid, (X0 + 31, Y0 - 61, X0 + 59, Y0 - 1)) == Window(1, 0, 1, 3)
    assert window_of(grid, (X0 - 100, Y0 - 10, X0 - 50, Y0)) is None
    got = sample_points(grid, [RasterSource(path)], [X0 + 45, X0 + 119, X0 - 1], [Y0 - 75, Y0 - 1, Y0 - 1])
    assert got[:2, 0].tolist() == [9.0, 3.0] and math.isnan(got[2, 0])
    with pytest.raises(InputError, match="smaller than the raster's cells"):
        BlockGrid.over(grid, 10.0)
    blocks = BlockGrid.over(grid, 60.0)
    with pytest.raises(Cancelled):
        zonal_statistics(grid, blocks.labeller(grid), blocks.zones, [RasterSource(path)], cancelled=lambda: True)
