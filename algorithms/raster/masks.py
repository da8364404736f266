"""Polygons burnt onto a raster grid strip by strip (exclusion zones, constraints).

A cell belongs to a polygon when its centre does (GDAL's default rasterisation rule), so the
burnt area converges to the polygon area as cells get smaller. Only the polygons whose bounding
box meets a strip are rasterised for it, and only one strip is in memory at a time.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import rasterio.features
import rasterio.windows
from shapely.geometry.base import BaseGeometry

from ..common.progress import CancelCheck, Cancelled
from ..engine.raster_io import Grid, RasterSink


def burn_polygons(
    geometries: Sequence[BaseGeometry],
    grid: Grid,
    path: str,
    *,
    cancelled: CancelCheck = None,
) -> int:
    """Write a Byte raster on `grid`: 1 inside any of `geometries`, 0 elsewhere.

    Returns the number of cells set to 1. Geometries must be in the grid's CRS.
    """
    polygons = [g for g in geometries if g is not None and not g.is_empty]
    # A bounding-box filter rather than STRtree, whose API differs between shapely 1.8 and 2.
    extents = np.array([g.bounds for g in polygons], dtype=float).reshape(-1, 4)
    sink = RasterSink(path, "uint8", 255, "exclusion (1 = excluded)", compress=False)
    burnt = 0
    try:
        sink.open(grid)
        for window in grid.strips():
            if cancelled is not None and cancelled():
                raise Cancelled()
            transform = rasterio.windows.transform(window, grid.transform)
            out = np.zeros((window.height, window.width), dtype=np.uint8)
            west, south, east, north = rasterio.windows.bounds(window, grid.transform)
            near = (extents[:, 0] <= east) & (extents[:, 2] >= west) & (extents[:, 1] <= north) & (extents[:, 3] >= south)
            if near.any():
                rasterio.features.rasterize(((polygons[i], 1) for i in np.flatnonzero(near)), out=out, transform=transform)
            burnt += int(out.sum(dtype=np.int64))
            sink.write(out, window)
        sink.commit()
    except BaseException:
        sink.discard()
        raise
    return burnt


def label_polygons(shapes: Sequence[tuple[object, int]], out_shape: tuple[int, int], transform) -> np.ndarray:
    """An int32 raster of polygon labels (0 = none) from (geometry, label > 0) pairs in the grid's CRS.

    A cell takes the label of the polygon holding its centre (later shapes win where polygons
    overlap); a polygon that holds no cell centre (smaller than a cell) then takes the cells it
    touches that no label has yet, in the order given. A label absent from the result lies outside
    the grid."""
    labels = rasterio.features.rasterize(shapes, out_shape=out_shape, transform=transform, fill=0, dtype="int32")
    found = set(np.unique(labels[labels > 0]).tolist())
    for geometry, label in shapes:
        if label in found:
            continue
        touched = rasterio.features.rasterize([(geometry, label)], out_shape=out_shape, transform=transform, fill=0, dtype="uint8", all_touched=True)
        labels[(touched > 0) & (labels == 0)] = label
    return labels


def region_polygons(mask: np.ndarray, transform) -> list:
    """The 8-connected regions of True cells of `mask`, each as one shapely (multi)polygon in the
    coordinates of `transform` (the inverse of label_polygons), in the order of scipy's labels."""
    from scipy import ndimage
    from shapely.geometry import shape
    from shapely.ops import unary_union

    labels, count = ndimage.label(mask, structure=np.ones((3, 3), int))
    parts: dict[int, list] = {}
    for geom, value in rasterio.features.shapes(labels.astype(np.int32), mask=labels > 0, connectivity=8, transform=transform):
        parts.setdefault(int(value), []).append(shape(geom))
    return [unary_union(parts[k]) for k in range(1, count + 1)]
