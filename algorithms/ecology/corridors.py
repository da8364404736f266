"""Least-cost corridors between ecological sources (生态廊道), as Linkage Mapper's "Build Network
and Map Linkages" (McRae & Kavanagh 2011) builds them, with the gravity model of Kong et al. (2010).

Definitions (costs in resistance × map unit; see cost_distance.py for the step rule):
- CWD_a(x): accumulated cost from source a's cells (cost 0) to cell x (cost-weighted distance).
- LCD_ab = min over b's cells of CWD_a = min over x of CWD_a(x) + CWD_b(x): the least-cost
  distance between a and b ("cwd" of the link). Symmetric.
- Least-cost path: from the cell of b nearest to a (by cost) down CWD_a to a; every cell x on it
  has CWD_a(x) + CWD_b(x) = LCD_ab.
- Normalised least-cost corridor: NLCC_ab(x) = CWD_a(x) + CWD_b(x) − LCD_ab (0 on the path); the
  corridor raster is min over the kept pairs of NLCC_ab, kept where ≤ the width W (cut-off).
- Candidate pairs (NEIGHBOURS): 0 sources whose cost-allocation zones touch (8-adjacent cells
  allocated to a and b); 1 sources whose Euclidean allocation zones touch; 2 all pairs. Pairs with
  LCD_ab > `max_cost_distance` (when > 0) or unreachable are dropped.
- Link measures (Linkage Mapper names): euc_dist = edge-to-edge Euclidean distance between the
  sources (map units); lcp_length = length of the least-cost path (map units, from the edge of a
  to the edge of b, cell centre to cell centre); cwd_to_euc = cwd / euc_dist;
  cwd_to_path = cwd / lcp_length (the mean resistance met along the path).
- Gravity (Kong, Yin, Nakagoshi & Zong 2010, Landscape and Urban Planning 95, 16–27):
  G_ab = N_a·N_b / D_ab², N = (1/P)·ln S, D_ab = L_ab / L_max, with P the mean resistance of the
  source's cells, S its area in square map units (m²), L_ab = LCD_ab and L_max the largest LCD of
  the kept links. A link is "important" when G_ab is at or above the median G of the kept links
  (so the upper half of the links by gravity; a single link is important), otherwise "general".

Each source's CWD is computed once by a Dijkstra run bounded at max over its pairs of
(upper bound of LCD_ab, or `max_cost_distance`) + W, which is exact for every value kept: a cell
beyond the bound has NLCC > W.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Optional, Sequence

import numpy as np
from scipy import ndimage
from scipy.spatial import cKDTree

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, Progress, check
from .cost_distance import CellSize, CostGraph, cell_sizes, least_cost_path, step_lengths


class Neighbours(IntEnum):
    """Which pairs of sources get a corridor, in the order of the public NEIGHBOURS parameter."""

    COST_ALLOCATION = 0
    EUCLIDEAN = 1
    ALL_PAIRS = 2


IMPORTANT = "important"
GENERAL = "general"


@dataclass
class CorridorLink:
    """One least-cost link between sources `a` and `b` (labels, a < b)."""

    a: int
    b: int
    cwd: float
    euc_dist: float
    lcp_length: float
    path: list[tuple[int, int]]  # cells (row, col) from a's edge to b's edge
    gravity: float = math.nan
    importance: str = GENERAL

    @property
    def cwd_to_euc(self) -> float:
        return self.cwd / self.euc_dist if self.euc_dist > 0 else math.inf

    @property
    def cwd_to_path(self) -> float:
        return self.cwd / self.lcp_length if self.lcp_length > 0 else math.inf


@dataclass
class SourceStats:
    """Per source: label, number of passable cells, mean resistance P, area S, N = ln(S)/P."""

    label: int
    cells: int
    mean_resistance: float
    area: float

    @property
    def weight(self) -> float:
        return math.log(self.area) / self.mean_resistance if self.area > 0 and self.mean_resistance > 0 else math.nan


@dataclass
class CorridorResult:
    cost: np.ndarray  # float32 MCR surface to the nearest source (inf: unreached), as written out
    allocation: np.ndarray  # int32 label of that source (0 none)
    corridors: np.ndarray  # float32 normalised corridor, NaN beyond the width or outside every corridor
    links: list[CorridorLink]
    sources: dict[int, SourceStats]
    candidate_pairs: int = 0
    dropped_pairs: list[tuple[int, int, float]] = field(default_factory=list)  # (a, b, lcd) beyond max cost / unreachable
    gravity_median: float = math.nan
    missing: tuple[int, ...] = ()  # labels without a passable cell (left out)


def _pair_minima(keys: np.ndarray, values: np.ndarray) -> dict[tuple[int, int], float]:
    """Min of `values` per (a, b) key pair (keys: (k, 2) int)."""
    if keys.size == 0:
        return {}
    order = np.lexsort((values, keys[:, 1], keys[:, 0]))
    keys, values = keys[order], values[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = np.any(keys[1:] != keys[:-1], axis=1)
    return {(int(a), int(b)): float(v) for (a, b), v in zip(keys[first], values[first])}


def zone_adjacency(zones: np.ndarray, cost: Optional[np.ndarray] = None, resistance: Optional[np.ndarray] = None, cell_size: CellSize = 1.0):
    """Pairs (a < b) of zone labels (> 0) that touch through one of the 8 moves.

    With `cost` and `resistance`: {pair: min over touching cells p ∈ a, q ∈ b of cost(p) + c(p, q) +
    cost(q)} — the cost of a real path between the two sources, an upper bound of LCD_ab.
    Without: {pair: nan}.
    """
    rows, cols = zones.shape
    lengths = step_lengths(cell_size)
    found: dict[tuple[int, int], float] = {}
    for dr, dc in ((0, 1), (1, -1), (1, 0), (1, 1)):
        r0, r1 = 0, rows - dr
        c0, c1 = max(0, -dc), cols - max(0, dc)
        za = zones[r0:r1, c0:c1]
        zb = zones[r0 + dr : r1 + dr, c0 + dc : c1 + dc]
        touch = (za > 0) & (zb > 0) & (za != zb)
        if not touch.any():
            continue
        a, b = za[touch], zb[touch]
        keys = np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1).astype(np.int64)
        if cost is None:
            values = np.zeros(len(keys))
        else:
            ra, rb = resistance[r0:r1, c0:c1][touch], resistance[r0 + dr : r1 + dr, c0 + dc : c1 + dc][touch]
            values = cost[r0:r1, c0:c1][touch] + cost[r0 + dr : r1 + dr, c0 + dc : c1 + dc][touch] + (ra + rb) * 0.5 * lengths[(dr, dc)]
        for pair, v in _pair_minima(keys, values).items():
            found[pair] = min(v, found.get(pair, math.inf))
    if cost is None:
        return {pair: math.nan for pair in found}
    return found


def euclidean_zones(labels: np.ndarray, cell_size: CellSize) -> np.ndarray:
    """Label of the Euclidean-nearest source cell for every cell (Euclidean allocation)."""
    dx, dy = cell_sizes(cell_size)
    indices = ndimage.distance_transform_edt(labels == 0, sampling=(dy, dx), return_distances=False, return_indices=True)
    return labels[indices[0], indices[1]]


def edge_distances(labels: np.ndarray, cell_size: CellSize, pairs: Sequence[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """Euclidean distance between the nearest cell centres of two labelled sources (map units)."""
    dx, dy = cell_sizes(cell_size)
    trees: dict[int, cKDTree] = {}
    # the edge cells (a neighbour with another label, or the grid's border) are enough for the nearest pair
    padded = np.pad(labels, 1, constant_values=-1)
    rows, cols = labels.shape
    edge = np.zeros(labels.shape, dtype=bool)
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr or dc:
                edge |= padded[1 + dr : rows + 1 + dr, 1 + dc : cols + 1 + dc] != labels
    edge &= labels > 0
    rr, cc = np.nonzero(edge)
    owner = labels[rr, cc]
    order = np.argsort(owner, kind="stable")
    owner, rr, cc = owner[order], rr[order], cc[order]
    starts = np.searchsorted(owner, np.unique(owner))
    ends = list(starts[1:]) + [len(owner)]
    points = {int(owner[i]): np.column_stack([cc[i:j] * dx, rr[i:j] * dy]) for i, j in zip(starts, ends)}

    def pts(k: int) -> np.ndarray:
        return points.get(k, np.empty((0, 2)))

    out = {}
    for a, b in pairs:
        if a not in trees:
            trees[a] = cKDTree(pts(a))
        d, _ = trees[a].query(pts(b), k=1)
        out[(a, b)] = float(np.min(d)) if len(d) else math.nan
    return out


def path_length(path: Sequence[tuple[int, int]], cell_size: CellSize) -> float:
    """Length in map units of a cell path, centre to centre."""
    lengths = step_lengths(cell_size)
    return float(sum(lengths[(r1 - r0, c1 - c0)] for (r0, c0), (r1, c1) in zip(path[:-1], path[1:])))


def apply_gravity(links: list[CorridorLink], sources: dict[int, SourceStats]) -> float:
    """Kong et al. (2010) gravity of each link and its class; returns the median G (the threshold)."""
    if not links:
        return math.nan
    l_max = max(link.cwd for link in links)
    for link in links:
        d = link.cwd / l_max if l_max > 0 else math.nan
        na, nb = sources[link.a].weight, sources[link.b].weight
        link.gravity = na * nb / (d * d) if d and d > 0 else math.nan
    values = np.array([link.gravity for link in links])
    finite = values[np.isfinite(values)]
    median = float(np.median(finite)) if finite.size else math.nan
    for link in links:
        link.importance = IMPORTANT if math.isfinite(link.gravity) and link.gravity >= median else GENERAL
    return median


def source_stats(
    cell_labels: np.ndarray, resistances: np.ndarray, cell_size: CellSize, areas: Optional[dict[int, float]] = None
) -> dict[int, SourceStats]:
    """Per source, from its passable cells (`cell_labels` and their `resistances`): P, the mean
    resistance, and S, the given area or else cells × cell area."""
    dx, dy = cell_sizes(cell_size)
    ids, inverse, counts = np.unique(np.asarray(cell_labels), return_inverse=True, return_counts=True)
    sums = np.bincount(inverse.ravel(), weights=np.asarray(resistances, dtype=np.float64), minlength=ids.size)
    stats = {}
    for k, n, total in zip(ids.tolist(), counts.tolist(), sums.tolist()):
        area = float(areas[k]) if areas and k in areas else n * dx * dy
        stats[k] = SourceStats(k, n, total / n, area)
    return stats


def lower_corridor(target: np.ndarray, a: np.ndarray, b: np.ndarray, lcd: float, rows: int = 256) -> None:
    """target ← min(target, max(a + b − lcd, 0)), in float64 a band of `rows` rows at a time (the
    whole window at once would hold three float64 copies of it)."""
    for start in range(0, target.shape[0], rows):
        band = slice(start, start + rows)
        nlcc = a[band].astype(np.float64)
        nlcc += b[band]
        nlcc -= lcd
        np.maximum(nlcc, 0.0, out=nlcc)
        np.minimum(target[band], nlcc.astype(np.float32), out=target[band])


def build_corridors(
    resistance: np.ndarray,
    cell_size: CellSize,
    labels: np.ndarray,
    *,
    neighbours: Neighbours = Neighbours.COST_ALLOCATION,
    max_cost_distance: float = 0.0,
    corridor_width: float = 0.0,
    areas: Optional[dict[int, float]] = None,
    euclidean: Optional[dict[tuple[int, int], float]] = None,
    min_resistance: float = 1.0,
    cancelled: CancelCheck = None,
    progress: Progress = None,
) -> CorridorResult:
    """Cost surface, allocation, normalised corridors and least-cost links between labelled sources.

    `labels`: int raster (0 = not a source, k > 0 = source k); `corridor_width` W ≤ 0 = no cut;
    `max_cost_distance` ≤ 0 = no limit; `areas` {k: area} (default cells × cell area); `euclidean`
    {(a, b): edge-to-edge distance} (default from cell centres).
    """
    report = progress if progress is not None else (lambda f: None)
    labels = np.asarray(labels)
    width = float(corridor_width) if corridor_width and corridor_width > 0 else math.inf
    max_cost = float(max_cost_distance) if max_cost_distance and max_cost_distance > 0 else math.inf
    graph = CostGraph(resistance, cell_size, min_resistance=min_resistance, cancelled=cancelled, progress=lambda f: report(0.15 * f))
    res = graph.resistance
    cells, cell_labels, missing = graph.source_cells(labels)
    present = sorted(int(k) for k in np.unique(cell_labels))
    if len(present) < 2:
        raise InputError(tr("At least two sources are needed to build corridors (found {count})."), count=len(present))
    multi = graph.run_cells(cells, cell_labels, cancelled=cancelled)
    report(0.25)

    # candidate pairs and, for cost-allocation adjacency, an upper bound of each LCD
    if neighbours == Neighbours.COST_ALLOCATION:
        bounds = zone_adjacency(multi.allocation, multi.cost, res, cell_size)
    elif neighbours == Neighbours.EUCLIDEAN:
        bounds = {pair: math.inf for pair in zone_adjacency(euclidean_zones(np.where(np.isfinite(res), labels, 0), cell_size))}
    else:
        bounds = {(a, b): math.inf for i, a in enumerate(present) for b in present[i + 1 :]}
    bounds = {pair: v for pair, v in bounds.items() if pair[0] in present and pair[1] in present}
    surface = multi.cost.astype(np.float32)  # the MCR output; float64 only while the bounds are taken
    allocation = multi.allocation
    del multi
    partners: dict[int, list[int]] = {k: [] for k in present}
    for a, b in bounds:
        partners[a].append(b)
        partners[b].append(a)
    limit = {k: max((min(bounds[(min(k, o), max(k, o))], max_cost) + width for o in partners[k]), default=0.0) for k in present}
    check(cancelled)

    cells_of = {k: cells[cell_labels == k] for k in present}
    rows, cols = labels.shape
    corridors = np.full(labels.shape, np.inf, dtype=np.float32)
    stored: dict[int, tuple[tuple[int, int, int, int], np.ndarray]] = {}  # k: (window, float32 CWD_k)
    remaining = {k: len(partners[k]) for k in present}
    lcd: dict[tuple[int, int], float] = {}
    paths: dict[tuple[int, int], list[tuple[int, int]]] = {}
    order = [k for k in present if partners[k]]
    for step, k in enumerate(order):
        check(cancelled)
        (w0, w1, v0, v1), cwd, _traceback = graph.search(cells[cell_labels == k], limit[k])
        del _traceback
        # least-cost distance and path to every partner not yet visited (a < b handled once)
        for o in partners[k]:
            if o in stored:
                continue
            orr, occ = np.divmod(cells_of[o], cols)
            inside = (orr >= w0) & (orr < w1) & (occ >= v0) & (occ < v1)
            values = cwd[orr[inside] - w0, occ[inside] - v0]
            v = float(values.min()) if values.size else math.inf
            pair = (min(k, o), max(k, o))
            lcd[pair] = v
            if math.isfinite(v) and v <= max_cost:
                best = int(np.argmin(values))
                start = (int(orr[inside][best]) - w0, int(occ[inside][best]) - v0)
                path = [(r + w0, c + v0) for r, c in least_cost_path(cwd, res[w0:w1, v0:v1], cell_size, start)]  # o's edge → k
                paths[pair] = path[::-1] if pair[0] == k else path
        # Only cells with CWD_k ≤ LCD_ko + W can lie in k's corridor with any partner o (CWD_o ≥ 0):
        # keep the box around them, not the whole search (a few boxes are stored at a time).
        reach = max((lcd[pair] for pair in ((min(k, o), max(k, o)) for o in partners[k]) if lcd.get(pair, math.inf) <= max_cost), default=None)
        near = None if reach is None else (cwd <= reach + width if math.isfinite(width) else np.isfinite(cwd))
        if near is None or not near.any():  # no partner within max_cost: nothing of k is needed
            window, mine = (w0, w0, v0, v0), np.empty((0, 0), dtype=np.float32)
        else:
            rr = np.flatnonzero(near.any(axis=1))
            cc = np.flatnonzero(near.any(axis=0))
            window = (w0 + int(rr[0]), w0 + int(rr[-1]) + 1, v0 + int(cc[0]), v0 + int(cc[-1]) + 1)
            mine = cwd[window[0] - w0 : window[1] - w0, window[2] - v0 : window[3] - v0].astype(np.float32)
        del near, cwd
        # corridors of k with every partner already stored
        for o in partners[k]:
            if o not in stored:
                continue
            pair = (min(k, o), max(k, o))
            v = lcd.get(pair, math.inf)
            if math.isfinite(v) and v <= max_cost:
                (o0, o1, p0, p1), theirs = stored[o]
                r0, r1 = max(window[0], o0), min(window[1], o1)
                c0, c1 = max(window[2], p0), min(window[3], p1)
                if r0 < r1 and c0 < c1:
                    lower_corridor(
                        corridors[r0:r1, c0:c1],
                        mine[r0 - window[0] : r1 - window[0], c0 - window[2] : c1 - window[2]],
                        theirs[r0 - o0 : r1 - o0, c0 - p0 : c1 - p0],
                        v,
                    )
            remaining[o] -= 1
            remaining[k] -= 1
            if remaining[o] == 0:
                del stored[o]
        if remaining[k] > 0:
            stored[k] = (window, mine)
        report(0.25 + 0.7 * (step + 1) / len(order))
    del stored
    graph.release()
    corridors[~(corridors <= width) | np.isinf(corridors)] = np.nan  # inf: in no kept pair's reach (also without a width)

    label_grid = np.zeros(labels.shape, dtype=np.int32)  # the sources on passable cells
    label_grid.ravel()[cells] = cell_labels
    stats = source_stats(cell_labels, res.ravel()[cells], cell_size, areas)
    kept = sorted(pair for pair, v in lcd.items() if math.isfinite(v) and v <= max_cost and pair in paths)
    dropped = sorted((a, b, lcd.get((a, b), math.inf)) for (a, b) in bounds if (a, b) not in kept)
    eu = dict(euclidean or {})
    todo = [pair for pair in kept if pair not in eu]
    if todo:
        eu.update(edge_distances(label_grid, cell_size, todo))
    links = []
    for a, b in kept:
        path = paths[(a, b)]
        links.append(CorridorLink(a, b, lcd[(a, b)], eu[(a, b)], path_length(path, cell_size), path))
    median = apply_gravity(links, stats)
    report(1.0)
    return CorridorResult(surface, allocation, corridors, links, stats, len(bounds), dropped, median, tuple(missing))
