"""Hazard zones and barriers on a road network: which segments lie inside which polygon, and
the hazard degree a raster gives each segment.

Segments are first cut where they cross a polygon boundary, so that every segment lies wholly
inside or wholly outside each polygon: a road that enters a flood zone for 40 m is closed or
penalised for those 40 m, not for its whole length.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import rasterio.windows
from rasterio.crs import CRS
from rasterio.warp import transform as transform_coords
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from ..common.messages import InputError, Message, tr
from ..common.progress import CancelCheck, Cancelled
from ..engine.raster_io import READ_ERRORS, gdal_reason, open_raster
from .graph import RoadNetwork, split_segments

#: Most points sampled along the roads from a hazard raster. Every half cell along 20 000 km of
#: roads at 1 m cells is 4·10⁷ points; beyond this limit the step grows (with a note) so that
#: the work stays near a few seconds and the memory near SAMPLE_CHUNK points at a time.
MAX_SAMPLES = 20_000_000
#: Sample points handled at a time (about 100 bytes each: ≈ 100 MB).
SAMPLE_CHUNK = 1_000_000
#: Side of the raster tiles read at a time (cells).
SAMPLE_TILE = 1024
#: Roads are cut into pieces at most this long (network units, metres) before they are
#: transformed into the raster's CRS, so that each piece stays straight there.
DENSIFY = 250.0

Cancel = CancelCheck


def _check(cancelled: Cancel) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()


def _near(net: RoadNetwork, bounds: tuple[float, float, float, float]) -> np.ndarray:
    """Segments whose bounding box meets `bounds` (a filter before exact tests; shapely's
    STRtree is avoided because its API differs between shapely 1.8 and 2)."""
    xa, xb = net.xy[net.a], net.xy[net.b]
    lo, hi = np.minimum(xa, xb), np.maximum(xa, xb)
    west, south, east, north = bounds
    return np.flatnonzero((lo[:, 0] <= east) & (hi[:, 0] >= west) & (lo[:, 1] <= north) & (hi[:, 1] >= south))


def split_at_boundaries(net: RoadNetwork, polygons: Sequence[BaseGeometry], cancelled: Cancel = None) -> RoadNetwork:
    """The network with its segments cut where they cross the boundary of any polygon.

    `cancelled` is checked for every polygon and every 4096 segments (raises Cancelled)."""
    cut_seg: list[int] = []
    cut_t: list[float] = []
    for polygon in polygons:
        _check(cancelled)
        boundary = polygon.boundary
        prepared = prep(boundary)
        for k, s in enumerate(_near(net, polygon.bounds)):
            if k % 4096 == 4095:
                _check(cancelled)
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


def zone_of_segments(net: RoadNetwork, zones: Sequence[BaseGeometry], cancelled: Cancel = None) -> np.ndarray:
    """Index of the zone holding each segment (by its midpoint), −1 for none.

    Zones must not overlap (dissolve them first); after `split_at_boundaries` a segment is
    wholly in or out of each zone, so its midpoint decides.
    """
    zone = np.full(net.n_segments, -1, dtype=np.int64)
    middle = (net.xy[net.a] + net.xy[net.b]) / 2.0
    for k, polygon in enumerate(zones):
        _check(cancelled)
        prepared = prep(polygon)
        for n, s in enumerate(_near(net, polygon.bounds)):
            if n % 4096 == 4095:
                _check(cancelled)
            if zone[s] < 0 and prepared.contains(Point(middle[s])):
                zone[s] = k
    return zone


def zone_of_points(points: np.ndarray, zones: Sequence[BaseGeometry], cancelled: Cancel = None) -> np.ndarray:
    """Index of the zone holding each point (boundary included), −1 for none."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    zone = np.full(len(points), -1, dtype=np.int64)
    for k, polygon in enumerate(zones):
        _check(cancelled)
        prepared = prep(polygon)
        west, south, east, north = polygon.bounds
        near = np.flatnonzero((points[:, 0] >= west) & (points[:, 0] <= east) & (points[:, 1] >= south) & (points[:, 1] <= north))
        for n, i in enumerate(near):
            if n % 4096 == 4095:
                _check(cancelled)
            if zone[i] < 0 and prepared.intersects(Point(points[i])):
                zone[i] = k
    return zone


@dataclass(frozen=True)
class RoadHazard:
    """The hazard degree a raster gives each road segment.

    `degree[s]` is the mean raster value along segment s (0 where the raster has no value);
    `samples` the points read; `step` the distance between them in the raster's units and
    `cell` the raster's cell size in those units (step = cell / 2 unless the work had to be
    bounded); `covered` the share of the road length where the raster has a value; `notes`
    what the planner should know (coarser sampling, missing CRS, roads off the raster).
    """

    degree: np.ndarray
    samples: int
    step: float
    cell: float
    covered: float
    notes: tuple[Message, ...]


def sample_along(net: RoadNetwork, path: str, crs_wkt: str | None = None, band: int = 1) -> np.ndarray:
    """Mean raster value along each segment: `hazard_along(...).degree`."""
    return hazard_along(net, path, crs_wkt, band).degree


def hazard_along(
    net: RoadNetwork,
    path: str,
    crs_wkt: str | None = None,
    band: int = 1,
    *,
    max_samples: int = MAX_SAMPLES,
    cancelled: Cancel = None,
) -> RoadHazard:
    """Mean raster value h̄_s along each segment s (nodata and cells off the raster count 0).

    The sampling is done in the raster's own units: each segment is cut into pieces of at most
    DENSIFY metres, their ends are transformed into the raster's CRS (`crs_wkt` is the
    network's CRS; None or the raster's = no transformation), and each piece, of length ℓ in
    raster units there, is sampled at the middles of n = ⌈ℓ / (cell / 2)⌉ equal parts, so
    every cell it crosses is seen, cell being the raster's smaller cell side in its units.
    h̄_s = Σ_pieces (1/k_s) · mean of the piece's samples (k_s pieces of equal length).

    The work is bounded: when Σ n would exceed `max_samples`, the step grows to
    Σ ℓ / (max_samples − pieces) so that at most `max_samples` points are read (with a note);
    points are handled SAMPLE_CHUNK at a time and the raster read in tiles of SAMPLE_TILE
    cells, so memory does not grow with the raster or the network. `cancelled` is checked
    between chunks and tiles (raises Cancelled).

    Raises InputError when the raster cannot be read, when a value along the roads lies
    outside 0–1, or when the network has more pieces than `max_samples`.
    """
    with open_raster(path) as src:
        try:
            return _hazard_along(net, src, crs_wkt, band, int(max_samples), cancelled)
        except READ_ERRORS as error:
            raise InputError(tr("The hazard raster cannot be read: {detail}"), detail=gdal_reason(error) or str(error)) from None


def _transformed(source: CRS, target: CRS, xy: np.ndarray) -> np.ndarray:
    """`xy` in `target`; NaN for the points that cannot be transformed (outside the domain of
    a projection), found by halving the batch GDAL refuses."""
    if len(xy) == 0:
        return xy.copy()
    try:
        xs, ys = transform_coords(source, target, xy[:, 0], xy[:, 1])
    except READ_ERRORS:
        if len(xy) == 1:
            return np.full((1, 2), np.nan)
        half = len(xy) // 2
        return np.concatenate([_transformed(source, target, xy[:half]), _transformed(source, target, xy[half:])])
    out = np.column_stack([np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)])
    out[~np.isfinite(out).all(axis=1)] = np.nan
    return out


def _hazard_along(net: RoadNetwork, src, crs_wkt: str | None, band: int, max_samples: int, cancelled: Cancel) -> RoadHazard:
    notes: list[Message] = []
    if not 1 <= band <= src.count:
        raise InputError(tr("The hazard raster has {count} bands; band {band} does not exist"), count=src.count, band=band)
    t = src.transform
    cell = float(min(np.hypot(t.a, t.d), np.hypot(t.b, t.e)))
    if not cell > 0:
        raise InputError(tr("The hazard raster has no cell size"))
    source = CRS.from_wkt(crs_wkt) if crs_wkt else None
    if source is not None and src.crs is None:
        notes.append(Message(tr("The hazard raster has no coordinate reference system; it is taken to be in the roads' CRS")))
    reproject = source is not None and src.crs is not None and source != src.crs

    # Pieces of at most DENSIFY metres, their ends in the raster's CRS.
    seg_length = net.length
    k = np.maximum(1, np.ceil(seg_length / DENSIFY)).astype(np.int64) if reproject else np.ones(net.n_segments, dtype=np.int64)
    piece_seg = np.repeat(np.arange(net.n_segments), k)
    j = np.arange(len(piece_seg)) - np.repeat(np.cumsum(k) - k, k)
    xa, xb = net.xy[net.a[piece_seg]], net.xy[net.b[piece_seg]]
    f0, f1 = (j / k[piece_seg])[:, None], ((j + 1) / k[piece_seg])[:, None]
    start, end = xa + f0 * (xb - xa), xa + f1 * (xb - xa)
    if reproject:
        ends = _transformed(source, src.crs, np.concatenate([start, end]))
        start, end = ends[: len(start)], ends[len(start) :]
    piece_len = np.hypot(*(end - start).T)
    valid = np.isfinite(piece_len)
    n_valid = int(valid.sum())
    if n_valid > max_samples:
        raise InputError(
            tr("The road network has {pieces} road pieces, more than the {limit} points the hazard raster may be sampled at"),
            pieces=n_valid,
            limit=max_samples,
        )
    step = cell / 2.0
    n = np.where(valid, np.maximum(1, np.ceil(np.where(valid, piece_len, 0.0) / step)), 0).astype(np.int64)
    needed = int(n.sum())
    if needed > max_samples:
        step = float(piece_len[valid].sum()) / (max_samples - n_valid) if max_samples > n_valid else np.inf
        n = np.where(valid, np.maximum(1, np.ceil(np.where(valid, piece_len, 0.0) / step)), 0).astype(np.int64)
        notes.append(
            Message(
                tr(
                    "Sampling the hazard raster every half cell along the roads would take {needed} points, more than the limit of {limit}; it is "
                    "sampled every {cells} cells instead"
                ),
                {"needed": needed, "limit": max_samples, "cells": round(step / cell, 2)},
            )
        )
    total = int(n.sum())
    last = np.cumsum(n)
    first = last - n
    sums = np.zeros(len(n))
    hits = np.zeros(len(n))
    low, high = np.inf, -np.inf
    nodata = src.nodatavals[band - 1]
    inverse = ~t
    for lo in range(0, total, SAMPLE_CHUNK):
        _check(cancelled)
        index = np.arange(lo, min(lo + SAMPLE_CHUNK, total))
        piece = np.searchsorted(last, index, side="right")
        frac = ((index - first[piece]) + 0.5) / n[piece]
        xy = start[piece] + frac[:, None] * (end[piece] - start[piece])
        cols, rows = inverse * (xy[:, 0], xy[:, 1])
        rows, cols = np.floor(rows).astype(np.int64), np.floor(cols).astype(np.int64)
        inside = np.flatnonzero((rows >= 0) & (rows < src.height) & (cols >= 0) & (cols < src.width))
        if not len(inside):
            continue
        tile = (rows[inside] // SAMPLE_TILE) * (src.width // SAMPLE_TILE + 1) + cols[inside] // SAMPLE_TILE
        order = np.argsort(tile, kind="stable")
        inside, tile = inside[order], tile[order]
        bounds = np.flatnonzero(np.r_[True, tile[1:] != tile[:-1], True])
        for a, b in zip(bounds[:-1], bounds[1:]):
            _check(cancelled)
            here = inside[a:b]
            r, c = rows[here], cols[here]
            top, left = int(r.min()), int(c.min())
            window = rasterio.windows.Window(left, top, int(c.max()) - left + 1, int(r.max()) - top + 1)
            block = src.read(band, window=window, masked=True)
            got = np.ma.getdata(block)[r - top, c - left].astype(float)
            ok = ~np.ma.getmaskarray(block)[r - top, c - left] & np.isfinite(got)
            if nodata is not None:
                ok &= got != nodata
            if ok.any():
                low, high = min(low, float(got[ok].min())), max(high, float(got[ok].max()))
            sums += np.bincount(piece[here][ok], weights=got[ok], minlength=len(n))
            hits += np.bincount(piece[here][ok], minlength=len(n))
    if low < 0 or high > 1:
        raise InputError(
            tr("The hazard raster weighting the roads must hold degrees between 0 and 1 (found {low} to {high}); normalise it first"),
            low=round(low, 4),
            high=round(high, 4),
        )
    per_piece = np.where(n > 0, sums / np.maximum(n, 1), 0.0) / k[piece_seg]
    degree = np.bincount(piece_seg, weights=per_piece, minlength=net.n_segments)
    metres = seg_length[piece_seg] / k[piece_seg]
    covered = float((metres * np.where(n > 0, hits / np.maximum(n, 1), 0.0)).sum() / metres.sum()) if metres.sum() > 0 else 0.0
    if covered < 1.0 - 1e-9:
        notes.append(
            Message(
                tr(
                    "The hazard raster has no value along {percent} % of the road length (off the raster or nodata); there the roads count as "
                    "without hazard"
                ),
                {"percent": round(100.0 * (1.0 - covered), 2)},
            )
        )
    return RoadHazard(degree, total, float(step), cell, covered, tuple(notes))
