"""Adjacency of polygons (parcels, planning units): which ones share a boundary, and how long.

Two polygons are neighbours when they share a stretch of boundary of positive length; touching
at a corner (a point) does not count. The weight w_ij is the shared length in CRS units (metres in
a projected CRS), the weight the compactness objective of land_allocation expects.

Shared length: the length of ∂A ∩ ∂B when the boundaries coincide exactly (shared vertices, as in
a clean partition); otherwise — digitising noise, an extra vertex on the neighbour's edge that is
not exactly on it — the length of ∂B within `tolerance` of ∂A, ℓ = |∂B ∩ buffer(∂A, tolerance)|,
which overstates the shared length by at most about 2·tolerance at its two ends. Pairs whose ℓ does
not exceed 4·tolerance (a corner contributes about 2·tolerance) are not neighbours. The exact
length is kept when it accounts for all of ℓ (within 4·tolerance), so a clean partition gets exact
weights. Polygons should not overlap; overlaps are not detected.

Candidate pairs come from a sweep over bounding boxes (sorted by their west edge), so the cost is
about n·k boundary intersections for n polygons with k neighbours each.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import scipy.sparse as sp
from shapely.geometry.base import BaseGeometry

from ..common.progress import CancelCheck, Cancelled

#: Boundaries closer than this (CRS units: 1 cm in metres) count as shared.
TOLERANCE = 0.01


def _length(geometry: BaseGeometry) -> float:
    """Length of the linear parts of a geometry (points add nothing)."""
    if geometry.is_empty:
        return 0.0
    if geometry.geom_type in ("LineString", "MultiLineString", "LinearRing"):
        return float(geometry.length)
    if geometry.geom_type == "GeometryCollection":
        return float(sum(_length(g) for g in geometry.geoms))
    return 0.0


def candidate_pairs(bounds: np.ndarray, tolerance: float = 0.0) -> np.ndarray:
    """Pairs (i, j), i < j, whose bounding boxes (west, south, east, north rows) meet or come
    within `tolerance`; (pairs × 2) int64."""
    bounds = np.asarray(bounds, dtype=float).reshape(-1, 4)
    order = np.argsort(bounds[:, 0], kind="stable")
    b = bounds[order]
    reach = np.searchsorted(b[:, 0], b[:, 2] + tolerance, side="right")
    out = []
    for s in range(len(b)):
        j = np.arange(s + 1, reach[s])
        if j.size:
            j = j[(b[j, 1] <= b[s, 3] + tolerance) & (b[j, 3] >= b[s, 1] - tolerance)]
            out.append(np.stack([np.full(j.size, s), j], axis=1))
    if not out:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = order[np.concatenate(out)]
    return np.sort(pairs, axis=1)


def polygon_adjacency(
    geometries: Sequence[BaseGeometry | None],
    tolerance: float = TOLERANCE,
    *,
    cancelled: CancelCheck = None,
) -> sp.csr_matrix:
    """Symmetric n × n matrix of shared boundary lengths (module docstring); None or empty
    geometries have no neighbours."""
    n = len(geometries)
    present = [i for i, g in enumerate(geometries) if g is not None and not g.is_empty]
    boundaries: dict[int, BaseGeometry] = {i: geometries[i].boundary for i in present}
    buffers: dict[int, BaseGeometry] = {}
    rows, cols, weights = [], [], []
    bounds = np.array([geometries[i].bounds for i in present], dtype=float).reshape(-1, 4)
    for count, (a, b) in enumerate(candidate_pairs(bounds, tolerance).tolist()):
        if cancelled is not None and count % 256 == 0 and cancelled():
            raise Cancelled()
        i, j = present[a], present[b]
        if i not in buffers:
            buffers[i] = boundaries[i].buffer(tolerance)
        near = _length(boundaries[j].intersection(buffers[i]))
        if near <= 4 * tolerance:
            continue
        exact = _length(boundaries[i].intersection(boundaries[j]))
        weight = exact if exact >= near - 4 * tolerance else near
        rows += [i, j]
        cols += [j, i]
        weights += [weight, weight]
    return sp.csr_matrix((np.array(weights, dtype=float), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))), shape=(n, n))
