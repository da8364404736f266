"""Cost distance on a resistance raster: minimum cumulative resistance (MCR, 最小累积阻力).

The grid is a graph whose nodes are the cells with a valid resistance and whose edges are the 8
moves to the neighbouring cells (no knight's moves). A move from cell i to a neighbour j costs

    c(i, j) = (R_i + R_j) / 2 · ℓ(i, j)

with R the resistance (dimensionless, ≥ 1) and ℓ the length of the step in map units: the cell
width for an east-west move, the cell height for a north-south move and √(width² + height²)
(√2 · cell size on square cells) for a diagonal move. The accumulated cost of a cell is the
minimum, over all 8-connected paths from any source cell, of the sum of its steps; source cells
start at 0. Costs are thus in "resistance × map unit" (e.g. resistance-metres), as ArcGIS
reports them; GRASS `r.cost` counts step lengths in cells (an east-west step is 1), so its values
are ours divided by the cell width. These are the rules of GRASS `r.cost` without `-k` (Neteler & Mitasova 2008, GRASS GIS manual r.cost) and of
ArcGIS "Cost Distance" (Esri, "How cost distance tools work"); the MCR model is that of Knaapen,
Scheffer & Harms (1992) and Yu Kongjian (1999, 景观生态安全格局).

Cells with a NaN (or infinite) resistance are impassable: nodata and barriers. Their cost is
`inf`, as is the cost of every cell no source can reach (or that lies beyond `max_cost`).

The shortest paths are computed exactly by Dijkstra's algorithm (scipy.sparse.csgraph.dijkstra)
on a compressed sparse graph of the valid cells, built once (`CostGraph`) and reused for many
runs (one multi-source run for the cost surface and allocation; one bounded run per patch for
pairwise least-cost distances). Memory: about 12 bytes per edge (float64 weight, int32 column),
i.e. ≈ 100 bytes per valid cell, plus 4 bytes per cell of index; a 5000 × 5000 grid without
nodata needs ≈ 2.5 GB for the graph.

Public API
----------
- `validate_resistance(resistance, min_resistance=1.0)` → float64 array (NaN = impassable).
- `CostGraph(resistance, cell_size)` then `.run(sources, max_cost=…)` → `CostSurface`;
  per source k: `nodes = graph.nodes_by_label(labels)`, then
  `graph.run_nodes(nodes[k], max_cost=…, allocation=False).cost` (CWD_k, bounded search).
- `accumulated_cost(resistance, cell_size, sources, max_cost=…)` → `CostSurface` (one-shot).
- `least_cost_path(cost, resistance, cell_size, start)` → list of (row, col), start → source.
- `path_cost(resistance, cell_size, path)` → the summed step cost of a cell path.
- `CostGraph.patch_distances(labels, …)` / `patch_distances(…)` → {(a, b): least-cost distance}.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence, Union

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, Progress, check

CellSize = Union[float, Sequence[float]]

#: The 8 moves (d_row, d_col), in a fixed order.
MOVES: tuple[tuple[int, int], ...] = ((-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1))


def cell_sizes(cell_size: CellSize) -> tuple[float, float]:
    """(width, height) of a cell from a number (square cells) or an (x, y) pair, both > 0."""
    if isinstance(cell_size, (int, float, np.floating, np.integer)):
        dx = dy = float(cell_size)
    else:
        dx, dy = (float(v) for v in cell_size)
    if not (math.isfinite(dx) and math.isfinite(dy) and dx > 0 and dy > 0):
        raise InputError(tr("The cell size must be a positive number (got {size})."), size=cell_size)
    return dx, dy


def step_lengths(cell_size: CellSize) -> dict[tuple[int, int], float]:
    """Length in map units of each of the 8 moves."""
    dx, dy = cell_sizes(cell_size)
    diag = math.hypot(dx, dy)
    return {(dr, dc): (diag if dr and dc else (dy if dr else dx)) for dr, dc in MOVES}


def validate_resistance(resistance: np.ndarray, min_resistance: float = 1.0) -> np.ndarray:
    """Resistance as a float64 2-D array with NaN for every impassable (nodata, ±inf) cell.

    Refuses (InputError, naming the count) values ≤ 0 (a step would cost nothing or less) and,
    when `min_resistance` > 0, values below it; refuses a grid without a single valid cell.
    """
    r = np.array(resistance, dtype=np.float64, copy=True)
    if r.ndim != 2:
        raise InputError(tr("The resistance must be a single-band raster (got {ndim} dimensions)."), ndim=r.ndim)
    r[~np.isfinite(r)] = np.nan
    valid = ~np.isnan(r)
    if not valid.any():
        raise InputError(tr("The resistance raster has no valid cell (all nodata)."))
    non_positive = int(np.count_nonzero(r[valid] <= 0))
    if non_positive:
        raise InputError(
            tr("{count} resistance cells are zero or negative; a resistance must be at least 1 (use nodata for barriers)."),
            count=non_positive,
        )
    if min_resistance > 0:
        low = int(np.count_nonzero(r[valid] < min_resistance))
        if low:
            raise InputError(
                tr("{count} resistance cells are below {minimum}; rescale the resistance so that it is at least {minimum}."),
                count=low,
                minimum=min_resistance,
            )
    return r


@dataclass
class CostSurface:
    """Result of a cost-distance run.

    Attributes
    ----------
    cost : float64 (rows, cols), accumulated cost to the nearest source; inf where unreachable,
        impassable or beyond `max_cost`; 0 on the source cells.
    allocation : int32 (rows, cols), label of that nearest source (0 where cost is inf).
    predecessor : int64 (rows, cols) flat index (row·cols + col) of the previous cell on a least-
        cost path towards the source, −1 on sources and unreached cells; None unless asked.
    missing : labels of sources without a single passable cell (they reach nothing).
    """

    cost: np.ndarray
    allocation: np.ndarray
    predecessor: Optional[np.ndarray] = None
    missing: tuple[int, ...] = field(default_factory=tuple)


class CostGraph:
    """The 8-connected cell graph of a resistance raster, built once for many Dijkstra runs.

    Parameters
    ----------
    resistance : 2-D array; NaN/inf = impassable; values checked by `validate_resistance`.
    cell_size : cell width in map units, or (width, height).
    min_resistance : smallest allowed resistance (default 1; 0 only requires > 0).
    """

    def __init__(
        self,
        resistance: np.ndarray,
        cell_size: CellSize,
        *,
        min_resistance: float = 1.0,
        cancelled: CancelCheck = None,
        progress: Progress = None,
        chunk_rows: int = 512,
    ):
        r = validate_resistance(resistance, min_resistance)
        self.resistance = r
        self.shape: tuple[int, int] = r.shape
        self.cell_size = cell_sizes(cell_size)
        rows, cols = r.shape
        valid = ~np.isnan(r)
        self.valid = valid
        n = int(valid.sum())
        self.n_nodes = n
        # node id of every cell (−1 = impassable) and flat cell index of every node
        index_type = np.int32 if rows * cols < 2**31 - 1 else np.int64
        node_of = np.full(rows * cols, -1, dtype=index_type)
        flat_valid = valid.ravel()
        node_of[flat_valid] = np.arange(n, dtype=index_type)
        self.node_of = node_of
        self.cell_of = np.flatnonzero(flat_valid).astype(index_type)
        lengths = step_lengths(cell_size)
        padded = np.full((rows + 2, cols + 2), np.nan)
        padded[1:-1, 1:-1] = r

        # edges per node, then CSR filled direction by direction (bounded temporaries: by row chunks)
        counts = np.zeros(n, dtype=np.int8)  # at most 8 edges per node
        for dr, dc in MOVES:
            nb = padded[1 + dr : rows + 1 + dr, 1 + dc : cols + 1 + dc]
            counts += (~np.isnan(nb))[valid]
        idx_type = np.int32 if 8 * n < 2**31 - 1 else np.int64
        indptr = np.zeros(n + 1, dtype=idx_type)
        np.cumsum(counts, out=indptr[1:], dtype=idx_type)
        del counts
        m = int(indptr[-1])
        data = np.empty(m, dtype=np.float64)
        indices = np.empty(m, dtype=idx_type)
        offset = indptr[:-1].copy()
        total = len(MOVES) * max(1, math.ceil(rows / chunk_rows))
        done = 0
        for dr, dc in MOVES:
            length = lengths[(dr, dc)]
            for r0 in range(0, rows, chunk_rows):
                check(cancelled)
                r1 = min(rows, r0 + chunk_rows)
                here = r[r0:r1]
                there = padded[1 + r0 + dr : 1 + r1 + dr, 1 + dc : cols + 1 + dc]
                ok = valid[r0:r1] & ~np.isnan(there)
                nodes = node_of[r0 * cols : r1 * cols].reshape(r1 - r0, cols)[ok]
                rr, cc = np.nonzero(ok)
                target = node_of[(rr + r0 + dr) * cols + (cc + dc)]
                pos = offset[nodes]
                data[pos] = (here[ok] + there[ok]) * (0.5 * length)
                indices[pos] = target
                offset[nodes] += 1
                done += 1
                if progress is not None:
                    progress(done / total)
        del offset, padded
        self.graph = csr_matrix((data, indices, indptr), shape=(n, n))

    # ------------------------------------------------------------------ runs
    def source_nodes(self, sources: np.ndarray) -> tuple[np.ndarray, np.ndarray, tuple[int, ...]]:
        """(node ids, their labels, labels without a passable cell) of a label raster (0 = none)."""
        labels = np.asarray(sources)
        if labels.shape != self.shape:
            raise InputError(
                tr("The sources grid ({got}) does not match the resistance grid ({expected})."),
                got="×".join(map(str, labels.shape)),
                expected="×".join(map(str, self.shape)),
            )
        labels = labels.astype(np.int64, copy=False).ravel()
        present = np.unique(labels[labels > 0])
        cells = np.flatnonzero((labels > 0) & self.valid.ravel())
        nodes = self.node_of[cells]
        node_labels = labels[cells]
        missing = tuple(int(v) for v in np.setdiff1d(present, np.unique(node_labels)))
        return nodes, node_labels, missing

    def nodes_by_label(self, labels: np.ndarray) -> dict[int, np.ndarray]:
        """{k: node ids of label k's passable cells} of a label raster, for per-source runs:
        `graph.run_nodes(nodes[k], max_cost=…, allocation=False).cost` is CWD_k."""
        nodes, node_labels, _missing = self.source_nodes(labels)
        return {int(k): nodes[node_labels == k] for k in np.unique(node_labels)}

    def run(
        self,
        sources: np.ndarray,
        *,
        max_cost: float = math.inf,
        predecessors: bool = False,
        cancelled: CancelCheck = None,
    ) -> CostSurface:
        """Accumulated cost from every labelled source at once (multi-source Dijkstra).

        `sources`: int label raster of the grid's shape (0 = not a source, k > 0 = source k).
        `max_cost`: cells costlier than this stay at inf (the search stops there; faster).
        Raises InputError when no source has a passable cell.
        """
        nodes, node_labels, missing = self.source_nodes(sources)
        if nodes.size == 0:
            raise InputError(tr("No source lies on a passable cell of the resistance raster."))
        return self.run_nodes(nodes, node_labels, max_cost=max_cost, predecessors=predecessors, cancelled=cancelled, missing=missing)

    def run_nodes(
        self,
        nodes: np.ndarray,
        node_labels: Optional[np.ndarray] = None,
        *,
        max_cost: float = math.inf,
        predecessors: bool = False,
        allocation: bool = True,
        cancelled: CancelCheck = None,
        missing: tuple[int, ...] = (),
    ) -> CostSurface:
        """As `run`, with the sources given as node ids (and their labels, default 1).

        `allocation=False` skips the allocation raster (all zeros; saves time in per-source runs).
        """
        check(cancelled)
        nodes = np.asarray(nodes, dtype=np.int64)
        limit = float(max_cost) if max_cost is not None and max_cost > 0 else math.inf
        rows, cols = self.shape
        if not (allocation or predecessors):
            dist = dijkstra(self.graph, directed=True, indices=nodes, min_only=True, limit=limit)
            check(cancelled)
            cost = np.full(rows * cols, np.inf)
            cost[self.cell_of] = dist
            return CostSurface(cost.reshape(self.shape), np.zeros(self.shape, dtype=np.int32), None, tuple(missing))
        dist, pred, origin = dijkstra(self.graph, directed=True, indices=nodes, min_only=True, return_predecessors=True, limit=limit)
        check(cancelled)
        cost = np.full(rows * cols, np.inf)
        cost[self.cell_of] = dist
        del dist
        reached = origin >= 0
        label_of_node = np.zeros(self.n_nodes, dtype=np.int32)
        label_of_node[nodes] = 1 if node_labels is None else np.asarray(node_labels, dtype=np.int32)
        alloc_nodes = np.zeros(self.n_nodes, dtype=np.int32)
        alloc_nodes[reached] = label_of_node[origin[reached]]
        del origin, label_of_node
        allocation = np.zeros(rows * cols, dtype=np.int32)
        allocation[self.cell_of] = alloc_nodes
        del alloc_nodes
        pred_cells = None
        if predecessors:
            has = pred >= 0
            p = np.full(self.n_nodes, -1, dtype=np.int64)
            p[has] = self.cell_of[pred[has]]
            pred_cells = np.full(rows * cols, -1, dtype=np.int64)
            pred_cells[self.cell_of] = p
            pred_cells = pred_cells.reshape(self.shape)
        del pred
        return CostSurface(cost.reshape(self.shape), allocation.reshape(self.shape), pred_cells, tuple(missing))

    def patch_distances(
        self,
        labels: np.ndarray,
        *,
        pairs: Optional[Iterable[tuple[int, int]]] = None,
        max_cost: float = math.inf,
        cancelled: CancelCheck = None,
        progress: Progress = None,
    ) -> dict[tuple[int, int], float]:
        """Least-cost distance between labelled patches: LCD(a, b) = min over b's cells of CWD_a.

        CWD_a is the accumulated cost with a's cells at 0 (one bounded Dijkstra run per patch a
        that appears first in a pair). Symmetric: LCD(a, b) = LCD(b, a); returned with a < b.
        `pairs`: the pairs wanted (default all pairs); pairs farther than `max_cost` get inf.
        """
        nodes, node_labels, _missing = self.source_nodes(labels)
        ids = np.unique(node_labels)
        if pairs is None:
            wanted: dict[int, list[int]] = {int(a): [int(b) for b in ids if b > a] for a in ids}
        else:
            wanted = {}
            for a, b in pairs:
                a, b = (int(a), int(b)) if a < b else (int(b), int(a))
                if a != b:
                    wanted.setdefault(a, []).append(b)
        cells_of = {int(k): self.cell_of[nodes[node_labels == k]] for k in ids}
        result: dict[tuple[int, int], float] = {}
        todo = [(a, bs) for a, bs in sorted(wanted.items()) if bs]
        for k, (a, bs) in enumerate(todo):
            check(cancelled)
            own = nodes[node_labels == a]
            if own.size == 0:
                for b in bs:
                    result[(a, b)] = math.inf
                continue
            cost = self.run_nodes(own, max_cost=max_cost, allocation=False, cancelled=cancelled).cost.ravel()
            for b in bs:
                cells = cells_of.get(b)
                result[(a, b)] = float(cost[cells].min()) if cells is not None else math.inf
            if progress is not None:
                progress((k + 1) / len(todo))
        return result


def accumulated_cost(
    resistance: np.ndarray,
    cell_size: CellSize,
    sources: np.ndarray,
    *,
    max_cost: float = math.inf,
    predecessors: bool = False,
    min_resistance: float = 1.0,
    cancelled: CancelCheck = None,
    progress: Progress = None,
) -> CostSurface:
    """Accumulated cost (MCR surface) and allocation from the labelled `sources` (0 = none).

    cost(x) = min over sources s and 8-connected paths s → x of Σ (R_i + R_j)/2 · ℓ(i, j).
    See the module docstring for the rules and units; `CostGraph` to reuse the graph.
    """
    graph = CostGraph(
        resistance,
        cell_size,
        min_resistance=min_resistance,
        cancelled=cancelled,
        progress=None if progress is None else (lambda f: progress(0.5 * f)),
    )
    surface = graph.run(sources, max_cost=max_cost, predecessors=predecessors, cancelled=cancelled)
    if progress is not None:
        progress(1.0)
    return surface


def patch_distances(
    resistance: np.ndarray,
    cell_size: CellSize,
    labels: np.ndarray,
    *,
    pairs: Optional[Iterable[tuple[int, int]]] = None,
    max_cost: float = math.inf,
    min_resistance: float = 1.0,
    cancelled: CancelCheck = None,
    progress: Progress = None,
) -> dict[tuple[int, int], float]:
    """{(a, b): least-cost distance} between labelled patches (a < b); see CostGraph.patch_distances."""
    graph = CostGraph(resistance, cell_size, min_resistance=min_resistance, cancelled=cancelled)
    return graph.patch_distances(labels, pairs=pairs, max_cost=max_cost, cancelled=cancelled, progress=progress)


def path_cost(resistance: np.ndarray, cell_size: CellSize, path: Sequence[tuple[int, int]]) -> float:
    """Σ over consecutive cells of (R_i + R_j)/2 · ℓ(i, j) along a cell path (8-connected)."""
    lengths = step_lengths(cell_size)
    total = 0.0
    for (r0, c0), (r1, c1) in zip(path[:-1], path[1:]):
        move = (r1 - r0, c1 - c0)
        if move not in lengths:
            raise ValueError(f"cells {(r0, c0)} and {(r1, c1)} are not neighbours")
        total += (float(resistance[r0, c0]) + float(resistance[r1, c1])) * 0.5 * lengths[move]
    return total


def least_cost_path(
    cost: np.ndarray,
    resistance: np.ndarray,
    cell_size: CellSize,
    start: tuple[int, int],
    *,
    max_steps: Optional[int] = None,
) -> list[tuple[int, int]]:
    """Least-cost path from `start` back to a source cell (cost 0), by descending `cost`.

    At each cell x the next cell is the neighbour y minimising cost(y) + c(y, x): by Dijkstra's
    optimality cost(x) = min_y cost(y) + c(y, x), so y is x's predecessor on a least-cost path
    and the path's summed step cost equals cost(start) (up to rounding). Returns [] when `start`
    is unreachable (inf) or impassable. The path runs start → source.
    """
    rows, cols = cost.shape
    r, c = int(start[0]), int(start[1])
    if not (0 <= r < rows and 0 <= c < cols) or not math.isfinite(float(cost[r, c])):
        return []
    lengths = step_lengths(cell_size)
    path = [(r, c)]
    limit = max_steps if max_steps is not None else rows * cols
    while cost[r, c] > 0 and len(path) <= limit:
        here_cost = float(cost[r, c])
        here_r = float(resistance[r, c])
        best = None
        best_value = here_cost
        for dr, dc in MOVES:
            rr, cc = r + dr, c + dc
            if 0 <= rr < rows and 0 <= cc < cols:
                cy = float(cost[rr, cc])
                if cy < here_cost:
                    value = cy + (float(resistance[rr, cc]) + here_r) * 0.5 * lengths[(dr, dc)]
                    if best is None or value < best_value:
                        best, best_value = (rr, cc), value
        if best is None:  # no lower neighbour: not a surface this function can descend
            break
        r, c = best
        path.append(best)
    return path


def path_from_predecessors(predecessor: np.ndarray, start: tuple[int, int]) -> list[tuple[int, int]]:
    """Cell path start → source by following `CostSurface.predecessor` (flat indices, −1 = stop)."""
    rows, cols = predecessor.shape
    flat = predecessor.ravel()
    k = int(start[0]) * cols + int(start[1])
    path = [(int(start[0]), int(start[1]))]
    for _ in range(rows * cols):
        k = int(flat[k])
        if k < 0:
            break
        path.append((k // cols, k % cols))
    return path
