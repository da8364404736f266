"""Zonal statistics of rasters: the mean (and the most frequent value) of the cells of a raster
grid that fall in each zone, the zones being polygons or the square blocks of a coarser grid.

A cell belongs to a polygon when its centre does (GDAL's default rasterisation rule, as in
masks.py), and to a block when its centre lies in the block, so both converge to the area-
weighted mean as the cells get smaller. Where polygons overlap, a cell counts for the one given
last. Sources on another grid are first aligned to the grid (raster_io.RasterSource: bilinear by
default, nearest neighbour for classes).

Zonal mean of zone z and source k: m_zk = Σ_{c ∈ z, v_ck valid} v_ck / n_zk, with n_zk the number
of cells of z where source k has data (NaN when n_zk = 0). Majority of a class source: the value
held by the most cells of z; ties go to the smallest value.

Only the window that holds the zones is read, one strip at a time, and only the polygons whose
bounding box meets a strip are rasterised for it, so memory is bounded by the strip size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import rasterio
import rasterio.features
import rasterio.windows
from affine import Affine
from rasterio.windows import Window
from shapely.geometry.base import BaseGeometry

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, Cancelled, Progress
from ..engine.raster_io import GDAL_CACHE_MB, STRIP_CELLS, BlockReader, Grid, RasterSource

#: Zone labels of the cells of a window: int64, −1 where a cell is in no zone.
Labeller = Callable[[Window], np.ndarray]


def _north_up(grid: Grid) -> None:
    t = grid.transform
    if t.b != 0 or t.d != 0 or t.a <= 0 or t.e >= 0:
        raise InputError(tr("The raster grid is rotated or flipped; warp it to a north-up grid first (Raster ▸ Projections ▸ Warp)"))


@dataclass(frozen=True)
class BlockGrid:
    """Square blocks of `size` (CRS units) laid over a north-up grid from its upper-left corner,
    as many as cover it (the last row and column may reach past its edge). Block (row, col) is
    zone row·cols + col, numpy's ravel order."""

    west: float
    north: float
    size: float
    rows: int
    cols: int

    @classmethod
    def over(cls, grid: Grid, size: float) -> "BlockGrid":
        _north_up(grid)
        if not (math.isfinite(size) and size > 0):
            raise InputError(tr("The cell size must be a positive number of metres"))
        if size < grid.transform.a * (1 - 1e-9) or size < -grid.transform.e * (1 - 1e-9):
            raise InputError(
                tr("The cell size ({size:g}) is smaller than the raster's cells ({cell:g}); choose a cell size of at least one raster cell"),
                size=size,
                cell=max(grid.transform.a, -grid.transform.e),
            )
        west, south, east, north = grid.bounds
        cols = max(1, math.ceil((east - west) / size - 1e-9))
        rows = max(1, math.ceil((north - south) / size - 1e-9))
        return cls(float(west), float(north), float(size), rows, cols)

    @property
    def zones(self) -> int:
        return self.rows * self.cols

    @property
    def transform(self) -> Affine:
        return Affine(self.size, 0.0, self.west, 0.0, -self.size, self.north)

    def bounds(self, zone: int) -> tuple[float, float, float, float]:
        """(west, south, east, north) of one block."""
        row, col = divmod(int(zone), self.cols)
        west = self.west + col * self.size
        north = self.north - row * self.size
        return west, north - self.size, west + self.size, north

    def labeller(self, grid: Grid) -> Labeller:
        """Block of every cell of a window of `grid` (by the cell's centre)."""
        t = grid.transform

        def label(window: Window) -> np.ndarray:
            cols = np.arange(window.col_off, window.col_off + window.width)
            rows = np.arange(window.row_off, window.row_off + window.height)
            bc = np.floor((t.c + (cols + 0.5) * t.a - self.west) / self.size).astype(np.int64)
            br = np.floor((self.north - (t.f + (rows + 0.5) * t.e)) / self.size).astype(np.int64)
            ok = (bc >= 0)[None, :] & (bc < self.cols)[None, :] & (br >= 0)[:, None] & (br < self.rows)[:, None]
            return np.where(ok, br[:, None] * self.cols + bc[None, :], -1)

        return label


def polygon_labeller(geometries: Sequence[BaseGeometry | None], grid: Grid) -> Labeller:
    """Index of the polygon whose interior holds each cell centre (−1: none). Geometries must be
    in the grid's CRS; None or empty geometries hold no cell."""
    shapes = [(i, g) for i, g in enumerate(geometries) if g is not None and not g.is_empty]
    extents = np.array([g.bounds for _, g in shapes], dtype=float).reshape(-1, 4)

    def label(window: Window) -> np.ndarray:
        out = np.full((window.height, window.width), -1, dtype=np.int32)
        west, south, east, north = rasterio.windows.bounds(window, grid.transform)
        near = (extents[:, 0] <= east) & (extents[:, 2] >= west) & (extents[:, 1] <= north) & (extents[:, 3] >= south)
        if near.any():
            transform = rasterio.windows.transform(window, grid.transform)
            rasterio.features.rasterize(
                ((shapes[k][1], shapes[k][0]) for k in np.flatnonzero(near)), out=out, transform=transform, fill=-1, dtype="int32"
            )
        return out.astype(np.int64)

    return label


def window_of(grid: Grid, bounds: tuple[float, float, float, float]) -> Window | None:
    """The window of `grid` that covers `bounds` (west, south, east, north), whole cells, clipped
    to the grid; None when they do not overlap."""
    _north_up(grid)
    t = grid.transform
    west, south, east, north = bounds
    col0 = max(0, math.floor((west - t.c) / t.a))
    col1 = min(grid.width, math.ceil((east - t.c) / t.a))
    row0 = max(0, math.floor((north - t.f) / t.e))
    row1 = min(grid.height, math.ceil((south - t.f) / t.e))
    if col1 <= col0 or row1 <= row0:
        return None
    return Window(col0, row0, col1 - col0, row1 - row0)


@dataclass(frozen=True)
class ZonalResult:
    """mean: zones × sources (NaN where a zone has no valid cell of that source); valid: the
    number of cells with data behind each mean; cells: the number of cells of each zone (with
    data or not); majority: the most frequent value of the class source per zone (NaN: none)."""

    mean: np.ndarray
    valid: np.ndarray
    cells: np.ndarray
    majority: np.ndarray | None


def zonal_statistics(
    grid: Grid,
    labeller: Labeller,
    zones: int,
    sources: Sequence[RasterSource],
    classes: RasterSource | None = None,
    window: Window | None = None,
    *,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    cells_per_strip: int = STRIP_CELLS,
) -> ZonalResult:
    """Zonal mean of each source and majority of `classes` over `zones` zones labelled by
    `labeller`, reading `window` (default: the whole grid) strip by strip."""
    _north_up(grid)
    if window is None:
        window = Window(0, 0, grid.width, grid.height)
    k = len(sources)
    sums = np.zeros((zones, k))
    valid = np.zeros((zones, k), dtype=np.int64)
    cells = np.zeros(zones, dtype=np.int64)
    counts: dict[tuple[int, float], int] = {}
    everything = list(sources) + ([classes] if classes is not None else [])
    reader = BlockReader(grid, everything)
    step = max(1, cells_per_strip // max(int(window.width), 1))
    starts = range(int(window.row_off), int(window.row_off + window.height), step)
    try:
        with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB):
            for n, row in enumerate(starts):
                if cancelled is not None and cancelled():
                    raise Cancelled()
                strip = Window(window.col_off, row, window.width, min(step, int(window.row_off + window.height) - row))
                labels = labeller(strip)
                inside = labels >= 0
                if inside.any():
                    cells += np.bincount(labels[inside], minlength=zones)
                    for i in range(k):
                        data = reader.read(i, strip)
                        ok = inside & ~np.isnan(data)
                        sums[:, i] += np.bincount(labels[ok], weights=data[ok].astype(np.float64), minlength=zones)
                        valid[:, i] += np.bincount(labels[ok], minlength=zones)
                    if classes is not None:
                        data = reader.read(k, strip)
                        ok = inside & ~np.isnan(data)
                        pairs, number = np.unique(
                            np.stack([labels[ok].astype(np.float64), data[ok].astype(np.float64)], axis=1), axis=0, return_counts=True
                        )
                        for (z, v), c in zip(pairs.tolist(), number.tolist()):
                            counts[(int(z), v)] = counts.get((int(z), v), 0) + c
                if progress is not None:
                    progress((n + 1) / len(starts))
    finally:
        reader.close()
    mean = np.divide(sums, valid, out=np.full((zones, k), np.nan), where=valid > 0)
    majority = None
    if classes is not None:
        majority = np.full(zones, np.nan)
        if counts:
            z, v, c = (np.array(a) for a in zip(*((z, v, c) for (z, v), c in counts.items())))
            order = np.lexsort((v, -c, z))  # per zone: most cells first, then the smallest value
            z, v = z[order], v[order]
            first = np.r_[True, z[1:] != z[:-1]]
            majority[z[first]] = v[first]
    return ZonalResult(mean, valid, cells, majority)


def sample_points(grid: Grid, sources: Sequence[RasterSource], xs: Sequence[float], ys: Sequence[float]) -> np.ndarray:
    """Value of each source at each point (the cell that holds it), points × sources; NaN outside
    the grid or on nodata."""
    _north_up(grid)
    t = grid.transform
    out = np.full((len(xs), len(sources)), np.nan)
    reader = BlockReader(grid, sources)
    try:
        with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB):
            for p, (x, y) in enumerate(zip(xs, ys)):
                col, row = math.floor((x - t.c) / t.a), math.floor((y - t.f) / t.e)
                if 0 <= col < grid.width and 0 <= row < grid.height:
                    for i in range(len(sources)):
                        out[p, i] = float(reader.read(i, Window(col, row, 1, 1))[0, 0])
    finally:
        reader.close()
    return out
