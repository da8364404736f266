"""Hazard zones and barriers on a road network: which segments lie inside which polygon, and
the hazard degree a raster gives each segment.

Segments are first cut where they cross a polygon boundary, so that every segment lies wholly
inside or wholly outside each polygon: a road that enters a flood zone for 40 m is closed or
penalised for those 40 m, not for its whole length.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import rasterio
import rasterio.windows
from rasterio.crs import CRS
from rasterio.warp import transform as transform_coords
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from .messages import InputError, tr
from .network import RoadNetwork, split_segments

#: Rows of the hazard raster read at a time when sampling along roads.
SAMPLE_STRIP_ROWS = 512


def _near(net: RoadNetwork, bounds: tuple[float, float, float, float]) -> np.ndarray:
    """Segments whose bounding box meets `bounds` (a filter before exact tests; shapely's
    STRtree is avoided because its API differs between shapely 1.8 and 2)."""
    xa, xb = net.xy[net.a], net.xy[net.b]
    lo, hi = np.minimum(xa, xb), np.maximum(xa, xb)
    west, south, east, north = bounds
    return np.flatnonzero((lo[:, 0] <= east) & (hi[:, 0] >= west) & (lo[:, 1] <= north) & (hi[:, 1] >= south))


def split_at_boundaries(net: RoadNetwork, polygons: Sequence[BaseGeometry]) -> RoadNetwork:
    """The network with its segments cut where they cross the boundary of any polygon."""
    cut_seg: list[int] = []
    cut_t: list[float] = []
    for polygon in polygons:
        boundary = polygon.boundary
        prepared = prep(boundary)
        for s in _near(net, polygon.bounds):
            a, b = net.xy[net.a[s]], net.xy[net.b[s]]
            segment = LineString([a, b])
            if not prepared.intersects(segment):
                continue
            for x, y in _points_of(segment.intersection(boundary)):
                cut_seg.append(int(s))
                cut_t.append(segment.project(Point(x, y), normalized=True))
    if not cut_seg:
        return net
    split, _ = split_segments(net, np.asarray(cut_seg), np.asarray(cut_t))
    return split


def _points_of(geometry: BaseGeometry) -> list[tuple[float, float]]:
    """The crossing points of an intersection: points, and the ends of shared stretches."""
    if geometry.is_empty:
        return []
    if geometry.geom_type == "Point":
        return [(geometry.x, geometry.y)]
    if geometry.geom_type == "LineString":
        coords = list(geometry.coords)
        return [coords[0], coords[-1]]
    return [p for part in geometry.geoms for p in _points_of(part)]


def zone_of_segments(net: RoadNetwork, zones: Sequence[BaseGeometry]) -> np.ndarray:
    """Index of the zone holding each segment (by its midpoint), −1 for none.

    Zones must not overlap (dissolve them first); after `split_at_boundaries` a segment is
    wholly in or out of each zone, so its midpoint decides.
    """
    zone = np.full(net.n_segments, -1, dtype=np.int64)
    middle = (net.xy[net.a] + net.xy[net.b]) / 2.0
    for k, polygon in enumerate(zones):
        prepared = prep(polygon)
        for s in _near(net, polygon.bounds):
            if zone[s] < 0 and prepared.contains(Point(middle[s])):
                zone[s] = k
    return zone


def zone_of_points(points: np.ndarray, zones: Sequence[BaseGeometry]) -> np.ndarray:
    """Index of the zone holding each point (boundary included), −1 for none."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    zone = np.full(len(points), -1, dtype=np.int64)
    for k, polygon in enumerate(zones):
        prepared = prep(polygon)
        west, south, east, north = polygon.bounds
        near = np.flatnonzero((points[:, 0] >= west) & (points[:, 0] <= east) & (points[:, 1] >= south) & (points[:, 1] <= north))
        for i in near:
            if zone[i] < 0 and prepared.intersects(Point(points[i])):
                zone[i] = k
    return zone


def sample_along(net: RoadNetwork, path: str, crs_wkt: str | None = None, band: int = 1) -> np.ndarray:
    """Mean raster value along each segment (nodata and cells outside the raster count 0).

    Each segment is sampled at the middles of n equal pieces, n = ⌈length / (cell / 2)⌉, so
    every cell it crosses is seen; the raster is read a strip of rows at a time.
    `crs_wkt` is the network's CRS when it differs from the raster's.
    """
    with rasterio.open(path) as src:
        cell = min(abs(src.transform.a), abs(src.transform.e))
        length = net.length
        pieces = np.maximum(1, np.ceil(length / (cell / 2.0))).astype(np.int64)
        owner = np.repeat(np.arange(net.n_segments), pieces)
        offset = np.arange(len(owner)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
        t = (offset + 0.5) / pieces[owner]
        xa, xb = net.xy[net.a[owner]], net.xy[net.b[owner]]
        xy = xa + t[:, None] * (xb - xa)
        xs, ys = xy[:, 0], xy[:, 1]
        if crs_wkt and src.crs is not None and CRS.from_wkt(crs_wkt) != src.crs:
            xs, ys = (np.asarray(v) for v in transform_coords(CRS.from_wkt(crs_wkt), src.crs, xs, ys))
        cols, rows = ~src.transform * (xs, ys)
        rows, cols = np.floor(rows).astype(np.int64), np.floor(cols).astype(np.int64)
        inside = (rows >= 0) & (rows < src.height) & (cols >= 0) & (cols < src.width)
        values = np.zeros(len(owner))
        nodata = src.nodatavals[band - 1]
        for top in range(0, src.height, SAMPLE_STRIP_ROWS):
            here = np.flatnonzero(inside & (rows >= top) & (rows < top + SAMPLE_STRIP_ROWS))
            if not len(here):
                continue
            left, right = int(cols[here].min()), int(cols[here].max()) + 1
            height = min(SAMPLE_STRIP_ROWS, src.height - top)
            block = src.read(band, window=rasterio.windows.Window(left, top, right - left, height), masked=False).astype(float)
            got = block[rows[here] - top, cols[here] - left]
            bad = ~np.isfinite(got) | ((got == nodata) if nodata is not None else False)
            values[here] = np.where(bad, 0.0, got)
    if np.any((values < 0) | (values > 1)):
        raise InputError(
            tr("The hazard raster weighting the roads must hold degrees between 0 and 1 (found {low} to {high}); normalise it first"),
            low=round(float(values.min()), 4),
            high=round(float(values.max()), 4),
        )
    return np.bincount(owner, weights=values, minlength=net.n_segments) / pieces
