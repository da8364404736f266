"""Polygons burnt onto a grid strip by strip, against a whole-grid rasterisation and areas."""

from __future__ import annotations

import numpy as np
import rasterio
import rasterio.features
from affine import Affine
from rasterio.crs import CRS
from shapely.geometry import Polygon, box

from territorial_resilience.algorithms.engine.raster_io import Grid
from territorial_resilience.algorithms.raster.masks import burn_polygons


def test_burnt_cells_match_whole_grid_rasterisation(tmp_path, monkeypatch):
    grid = Grid(CRS.from_epsg(4547), Affine(30, 0, 480000, 0, -30, 3400000), 200, 300)
    polygons = [box(481000, 3392000, 483000, 3396000), Polygon([(484000, 3398000), (485500, 3399500), (485900, 3397100)])]
    monkeypatch.setattr(Grid, "strips", lambda self, cells=0: [rasterio.windows.Window(0, r, 200, min(32, 300 - r)) for r in range(0, 300, 32)])
    count = burn_polygons(polygons, grid, str(tmp_path / "mask.tif"))
    with rasterio.open(tmp_path / "mask.tif") as ds:
        mask = ds.read(1)
        assert ds.crs == grid.crs and ds.transform == grid.transform
    expected = rasterio.features.rasterize([(p, 1) for p in polygons], out_shape=(300, 200), transform=grid.transform, dtype="uint8")
    np.testing.assert_array_equal(mask, expected)
    assert count == int(expected.sum())
    # the rectangle is aligned with the cells: exactly its area
    assert (mask[(3400000 - 3396000) // 30 + 1 : (3400000 - 3392000) // 30 - 1, (481000 - 480000) // 30 + 1 : (483000 - 480000) // 30 - 1] == 1).all()


def test_no_polygons_gives_an_empty_mask(tmp_path):
    grid = Grid(CRS.from_epsg(4547), Affine(30, 0, 480000, 0, -30, 3400000), 20, 10)
    assert burn_polygons([], grid, str(tmp_path / "m.tif")) == 0
    with rasterio.open(tmp_path / "m.tif") as ds:
        assert not ds.read(1).any()


def test_label_polygons_by_centre_then_small_polygons_by_the_cells_they_touch():
    from rasterio.transform import from_origin
    from shapely.geometry import box, mapping

    from territorial_resilience.algorithms.raster.masks import label_polygons

    transform = from_origin(0, 40, 10, 10)  # 4 × 4 cells of 10 m
    big = (mapping(box(0, 20, 20, 40)), 1)  # holds the centres of the 2 × 2 top-left cells
    small = (mapping(box(31, 1, 34, 4)), 2)  # inside the bottom-right cell, holds no centre
    overlapping_small = (mapping(box(12, 22, 14, 24)), 3)  # touches only a cell label 1 already has
    outside = (mapping(box(100, 100, 110, 110)), 4)
    labels = label_polygons([big, small, overlapping_small, outside], (4, 4), transform)
    expected = np.zeros((4, 4), dtype=np.int32)
    expected[:2, :2] = 1
    expected[3, 3] = 2
    np.testing.assert_array_equal(labels, expected)
