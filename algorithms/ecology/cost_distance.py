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

The shortest paths are computed exactly by Dijkstra's algorithm on the grid itself, with
scikit-image's compiled minimum-cost-path search (`skimage.graph.MCP_Geometric`, whose step cost
is this same mean-resistance × length rule), prepared once (`CostGraph`) and reused for many runs
(one multi-source run for the cost surface and allocation; one bounded run per patch for pairwise
least-cost distances). Memory: about 31 bytes per cell of the searched window while a run lasts
(costs, cumulative costs, traceback, edge maps and heap, measured at 5000²), plus the results.

Public API
----------
- `validate_resistance(resistance, min_resistance=1.0)` → float64 array (NaN = impassable).
- `CostGraph(resistance, cell_size)` then `.run(sources, max_cost=…)` → `CostSurface`;
  per source k: `cells = graph.cells_by_label(labels)`, then
  `graph.run_cells(cells[k], max_cost=…, allocation=False).cost` (CWD_k, bounded search).
- `accumulated_cost(resistance, cell_size, sources, max_cost=…)` → `CostSurface` (one-shot).
- `least_cost_path(cost, resistance, cell_size, start)` → list of (row, col), start → source.
- `path_cost(resistance, cell_size, path)` → the summed step cost of a cell path.
- `CostGraph.patch_distances(labels, …, workers=None)` / `patch_distances(…)` → {(a, b): least-cost
  distance}, its runs shared with worker processes on every core when they are long enough.
"""

from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence, Union

import numpy as np

from ..common import machine
from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, Progress, check
from ..network import od_parallel

CellSize = Union[float, Sequence[float]]

#: Estimated seconds of one run per cell of its window (scikit-image's MCP_Geometric: about
#: 65 ms for a 400 × 400 grid), to decide whether patch_distances starts worker processes.
SECONDS_PER_CELL = 4e-7
#: patch_distances shares its runs with worker processes from this many estimated seconds
#: on (a worker with numpy and scikit-image takes about 0.7 s of CPU to start).
PARALLEL_MIN_SECONDS = 2.0
#: Estimated seconds of runs in one chunk: the cancel callback is checked between chunks.
CHUNK_SECONDS = 0.25
#: Bytes per cell of a run's window while the run lasts (see the module docstring).
RUN_BYTES_PER_CELL = 32
#: Bytes a worker process holds besides its runs: Python, numpy and scikit-image (~80 MB).
WORKER_BYTES = 120 * 2**20

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
    """Resistance as a float64 2-D array with NaN for every impassable (nodata, ±inf) cell (the
    array given when it is one already: never written to).

    Refuses (InputError, naming the count) values ≤ 0 (a step would cost nothing or less) and,
    when `min_resistance` > 0, values below it; refuses a grid without a single valid cell.
    """
    r = np.asarray(resistance, dtype=np.float64)  # the caller's array when it is float64 already: read only
    if r.ndim != 2:
        raise InputError(tr("The resistance must be a single-band raster (got {ndim} dimensions)."), ndim=r.ndim)
    if np.isinf(r).any():
        r = np.where(np.isinf(r), np.nan, r)
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
    """The 8-connected cell graph of a resistance raster, prepared once for many runs.

    Runs are Dijkstra's algorithm on the grid itself (scikit-image's `MCP_Geometric`, a compiled
    minimum-cost-path search whose step cost is exactly (R_i + R_j)/2 · ℓ(i, j)), so no edge list
    is stored: about 31 bytes per cell while a run lasts. A run bounded by `max_cost` stops when
    the cheapest cell left on the heap costs more, and is confined to the cells within
    `max_cost / R_min` (map units) of its sources, where R_min is the smallest resistance: every
    step costs at least R_min times its length, so no path of cost ≤ max_cost leaves that window.
    "Cells" are flat indices (row · columns + column).

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
    ):
        r = validate_resistance(resistance, min_resistance)
        check(cancelled)
        self.resistance = r
        self.shape: tuple[int, int] = r.shape
        self.cell_size = cell_sizes(cell_size)
        self.valid = ~np.isnan(r)
        self.n_cells = int(self.valid.sum())
        self.min_resistance = float(np.nanmin(r))
        self._search = None  # (bounded?, MCP over the whole grid), built on first use
        if progress is not None:
            progress(1.0)

    # ------------------------------------------------------------------ searches
    def _whole_grid_search(self, bounded: bool):
        if self._search is None or self._search[0] != bounded:
            self._search = None  # one search object at a time: each holds a padded copy of the costs
            self._search = (bounded, self._new_search(bounded, slice(None), slice(None)))
        return self._search[1]

    def release(self) -> None:
        """Free the whole-grid search kept for the next run (~31 bytes per cell); the next run
        builds it again."""
        self._search = None

    def _new_search(self, bounded: bool, rows: slice, cols: slice):
        window = self.resistance[rows, cols]
        # Column-major, as MCP keeps its costs: it uses this array instead of a copy of it.
        costs = np.empty(window.shape, order="F")
        np.copyto(costs, window)
        costs[np.isnan(costs)] = np.inf  # MCP's impassable cells are infinite ones
        return _new_mcp(_mcp(bounded), costs, self.cell_size[::-1])

    def _window(self, cells: np.ndarray, limit: float) -> tuple[int, int, int, int]:
        """(row0, row1, col0, col1): the cells any path of cost ≤ limit from `cells` stays in."""
        rows, cols = self.shape
        if not math.isfinite(limit):
            return 0, rows, 0, cols
        dx, dy = self.cell_size
        reach = limit / self.min_resistance
        rr, cc = np.divmod(cells, cols)
        ext_r, ext_c = int(math.ceil(reach / dy)) + 1, int(math.ceil(reach / dx)) + 1
        return (
            max(0, int(rr.min()) - ext_r),
            min(rows, int(rr.max()) + ext_r + 1),
            max(0, int(cc.min()) - ext_c),
            min(cols, int(cc.max()) + ext_c + 1),
        )

    def search(self, cells: np.ndarray, limit: float = math.inf) -> tuple[tuple[int, int, int, int], np.ndarray, np.ndarray]:
        """(window, cost, traceback) of one run from `cells` (flat indices of passable cells),
        inside the window of `_window`: cost (float64, inf beyond `limit`) and MCP's traceback
        (index into MOVES of the step that reached the cell; −1 on sources, −2 unreached).
        The arrays are scikit-image's own buffers, reused by the next search over the whole
        grid: copy what must outlive it."""
        cells = np.asarray(cells, dtype=np.int64)
        rows, cols = self.shape
        window = self._window(cells, limit)
        r0, r1, c0, c1 = window
        bounded = math.isfinite(limit)
        if (r1 - r0) * (c1 - c0) < 0.5 * rows * cols:
            mcp = self._new_search(bounded, slice(r0, r1), slice(c0, c1))
        else:
            window = (0, rows, 0, cols)
            r0, r1, c0, c1 = window
            mcp = self._whole_grid_search(bounded)
        if bounded:
            mcp.limit = limit
        rr, cc = np.divmod(cells, cols)
        cost, traceback = mcp.find_costs(np.column_stack((rr - r0, cc - c0)))
        if bounded:
            beyond = cost > limit  # left on the heap when the search stopped
            cost[beyond] = np.inf
            traceback[beyond] = -2
        return window, cost, traceback

    # ------------------------------------------------------------------ runs
    def source_cells(self, sources: np.ndarray) -> tuple[np.ndarray, np.ndarray, tuple[int, ...]]:
        """(flat indices, their labels, labels without a passable cell) of a label raster (0 = none)."""
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
        cell_labels = labels[cells]
        missing = tuple(int(v) for v in np.setdiff1d(present, np.unique(cell_labels)))
        return cells, cell_labels, missing

    def cells_by_label(self, labels: np.ndarray) -> dict[int, np.ndarray]:
        """{k: flat indices of label k's passable cells} of a label raster, for per-source runs:
        `graph.run_cells(cells[k], max_cost=…, allocation=False).cost` is CWD_k."""
        cells, cell_labels, _missing = self.source_cells(labels)
        return {int(k): cells[cell_labels == k] for k in np.unique(cell_labels)}

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
        cells, cell_labels, missing = self.source_cells(sources)
        if cells.size == 0:
            raise InputError(tr("No source lies on a passable cell of the resistance raster."))
        return self.run_cells(cells, cell_labels, max_cost=max_cost, predecessors=predecessors, cancelled=cancelled, missing=missing)

    def run_cells(
        self,
        cells: np.ndarray,
        cell_labels: Optional[np.ndarray] = None,
        *,
        max_cost: float = math.inf,
        predecessors: bool = False,
        allocation: bool = True,
        cancelled: CancelCheck = None,
        missing: tuple[int, ...] = (),
    ) -> CostSurface:
        """As `run`, with the sources given as flat cell indices (and their labels, default 1).

        `allocation=False` skips the allocation raster (all zeros; saves time in per-source runs).
        The allocation follows each cell's least-cost path back to its source (pointer jumping on
        the predecessor tree: log₂ of the longest path's steps passes).
        """
        check(cancelled)
        limit = float(max_cost) if max_cost is not None and max_cost > 0 else math.inf
        rows, cols = self.shape
        (r0, r1, c0, c1), local_cost, traceback = self.search(cells, limit)
        check(cancelled)
        cost = np.full(self.shape, np.inf)
        cost[r0:r1, c0:c1] = local_cost
        del local_cost
        alloc = np.zeros(self.shape, dtype=np.int32)
        pred_cells = None
        if allocation or predecessors:
            # The predecessor tree needs a few arrays of the window's size: free the search
            # (~31 bytes per cell) first; runs that need the tree are one-offs, not worth caching.
            traceback = traceback.copy()
            self.release()
            parent = _parents(traceback, cols)  # flat indices within the window; −1 = none
            win_cols = c1 - c0
            if predecessors:
                has = parent >= 0
                pr, pc = np.divmod(parent[has], win_cols)
                pred_window = np.full(parent.shape, -1, dtype=np.int64)
                pred_window[has] = (pr + r0) * cols + (pc + c0)
                pred_cells = np.full(self.shape, -1, dtype=np.int64)
                pred_cells[r0:r1, c0:c1] = pred_window.reshape(r1 - r0, win_cols)
                del pred_window
            if allocation:
                rr, cc = np.divmod(np.asarray(cells, dtype=np.int64), cols)
                seeds = np.zeros(parent.size, dtype=np.int32)
                seeds[(rr - r0) * win_cols + (cc - c0)] = 1 if cell_labels is None else np.asarray(cell_labels, dtype=np.int32)
                alloc[r0:r1, c0:c1] = seeds[_roots(parent)].reshape(r1 - r0, win_cols)
                alloc[~np.isfinite(cost)] = 0
        return CostSurface(cost, alloc, pred_cells, tuple(missing))

    def run_bound(self, cells: np.ndarray, limit: float) -> tuple[float, int]:
        """(bound, cells searched) of a run from `cells` that only needs costs ≤ `limit`: the
        bound is `limit` when it confines the run to a window smaller than half the grid, else
        inf (the bound would stop little and its check, a Python call per settled cell, costs
        as much as the search itself: the run covers the grid, the bound is applied after)."""
        r0, r1, c0, c1 = self._window(cells, limit)
        whole = self.shape[0] * self.shape[1]
        window = (r1 - r0) * (c1 - c0)
        return (limit, window) if window < 0.5 * whole else (math.inf, whole)

    def patch_distances(
        self,
        labels: np.ndarray,
        *,
        pairs: Optional[Iterable[tuple[int, int]]] = None,
        max_cost: float = math.inf,
        cancelled: CancelCheck = None,
        progress: Progress = None,
        workers: Optional[int] = None,
    ) -> dict[tuple[int, int], float]:
        """Least-cost distance between labelled patches: LCD(a, b) = min over b's cells of CWD_a.

        CWD_a is the accumulated cost with a's cells at 0 (one run per patch a that appears first
        in a pair), bounded as `run_bound` says. Symmetric: LCD(a, b) = LCD(b, a); returned with
        a < b. `pairs`: the pairs wanted (default all pairs); pairs farther than `max_cost` get inf.

        `workers`: processes that share the runs (scikit-image's search holds the GIL, so
        threads cannot). None: every available core when the runs are long enough to pay for
        starting processes (estimated at SECONDS_PER_CELL per cell searched, at least
        PARALLEL_MIN_SECONDS in all), else one; 1: this process only; never more workers than
        the available memory holds (WORKER_BYTES + RUN_BYTES_PER_CELL per cell of the largest
        run's window, each: a worker keeps a whole-grid search). The runs are cut into
        chunks of about CHUNK_SECONDS; workers read the resistance once, from a temporary .npy
        file they map into memory (the folder is removed at the end, whatever the end). The
        distances are the same bit for bit whatever the number (od_parallel); when worker
        processes cannot start, this process does their share. `cancelled` is checked before
        each chunk this process runs and while it waits for the workers (raises Cancelled).
        """
        cells, cell_labels, _missing = self.source_cells(labels)
        ids = np.unique(cell_labels)
        if pairs is None:
            wanted: dict[int, list[int]] = {int(a): [int(b) for b in ids if b > a] for a in ids}
        else:
            wanted = {}
            for a, b in pairs:
                a, b = (int(a), int(b)) if a < b else (int(b), int(a))
                if a != b:
                    wanted.setdefault(a, []).append(b)
        at = _patch_cells(cells, cell_labels, self.shape[1])
        limit = float(max_cost) if max_cost is not None and max_cost > 0 else math.inf
        todo = [(a, bs) for a, bs in sorted(wanted.items()) if bs]
        cols = self.shape[1]
        searched = [self.run_bound(at[a][0] * cols + at[a][1], limit)[1] for a, _bs in todo if a in at]
        seconds = SECONDS_PER_CELL * sum(searched)
        step = max(1, int(CHUNK_SECONDS * len(todo) / seconds)) if seconds > 0 else max(1, len(todo))
        chunks = [todo[i : i + step] for i in range(0, len(todo), step)]
        processes = od_parallel.processes(workers, len(chunks), seconds >= PARALLEL_MIN_SECONDS)
        if processes > 1:
            per_worker = WORKER_BYTES + RUN_BYTES_PER_CELL * max(searched) + self.valid.size  # + its passable mask
            processes = min(processes, 1 + _affordable_workers(per_worker))
        state = (self, at, limit)
        folder = tempfile.mkdtemp(prefix="tsr-patch-distances-") if processes > 1 else None
        try:
            if folder is not None:
                np.save(os.path.join(folder, "resistance.npy"), self.resistance)
                np.save(os.path.join(folder, "cells.npy"), cells)
                np.save(os.path.join(folder, "cell_labels.npy"), cell_labels)
            found = dict(
                od_parallel.run_chunks(
                    chunks,
                    processes,
                    _chunk_distances,
                    state,
                    lambda: check(cancelled),
                    initializer=_worker_state,
                    initargs=(folder, self.cell_size, limit),
                    libraries=("skimage",),
                    progress=progress,
                )
            )
        finally:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        result: dict[tuple[int, int], float] = {}
        for k, chunk in enumerate(chunks):  # in the order of one process, whoever ran the chunk
            for (a, bs), values in zip(chunk, found[k]):
                result.update(zip(((a, b) for b in bs), values))
        return result


def _affordable_workers(per_worker: float) -> int:
    """Worker processes of `per_worker` bytes each that the available memory holds (no limit
    where it is not known)."""
    memory = machine.available_memory()
    return 2**31 if memory is None else int(memory // per_worker)


def _patch_cells(cells: np.ndarray, cell_labels: np.ndarray, cols: int) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """{k: (rows, columns) of label k's passable cells} from `CostGraph.source_cells`."""
    return {int(k): np.divmod(cells[cell_labels == k], cols) for k in np.unique(cell_labels)}


def _chunk_distances(
    chunk: Sequence[tuple[int, Sequence[int]]], graph: CostGraph, at: dict[int, tuple[np.ndarray, np.ndarray]], limit: float
) -> list[list[float]]:
    """For each (a, bs) of `chunk`, [LCD(a, b) for b in bs] (inf beyond `limit` or where a or b
    has no passable cell): the runs of `CostGraph.patch_distances`, in this process or in a
    worker (od_parallel)."""
    cols = graph.shape[1]
    found = []
    for a, bs in chunk:
        if a not in at:
            found.append([math.inf] * len(bs))
            continue
        own = at[a][0] * cols + at[a][1]
        (r0, r1, c0, c1), cost, _traceback = graph.search(own, graph.run_bound(own, limit)[0])
        values = []
        for b in bs:
            if b not in at:
                values.append(math.inf)
                continue
            rr, cc = at[b]
            inside = (rr >= r0) & (rr < r1) & (cc >= c0) & (cc < c1)
            v = float(cost[rr[inside] - r0, cc[inside] - c0].min()) if inside.any() else math.inf
            values.append(v if v <= limit else math.inf)
        found.append(values)
    return found


def _worker_state(folder: str, cell_size: tuple[float, float], limit: float) -> tuple:
    """The state of `_chunk_distances` in a worker process: the grid (mapped read-only from the
    .npy file patch_distances wrote, never copied through a pipe) and the patches' cells."""
    resistance = np.load(os.path.join(folder, "resistance.npy"), mmap_mode="r")
    cells = np.load(os.path.join(folder, "cells.npy"))
    cell_labels = np.load(os.path.join(folder, "cell_labels.npy"))
    graph = CostGraph(resistance, cell_size, min_resistance=0.0)  # validated by the caller: NaN where impassable
    return graph, _patch_cells(cells, cell_labels, resistance.shape[1]), limit


_MCP_CLASSES: dict[bool, type] = {}
#: scikit-image's MCP module when its edge maps may be built by `_lean_edge_maps` (checked once).
_LEAN_MODULE: list = []
_EDGE_MAP_LOCK = threading.Lock()


def _mcp(bounded: bool) -> type:
    """scikit-image's MCP_Geometric, or (bounded) a subclass that stops once the cheapest cell
    left costs more than its `limit` (the hook costs a little per cell, so only bounded runs use it)."""
    if not _MCP_CLASSES:
        try:
            from skimage.graph import MCP_Geometric
        except ImportError:
            raise InputError(
                tr(
                    "The cost-distance tools need scikit-image, which is not installed. On Debian or Ubuntu run: "
                    "sudo apt install python3-skimage; elsewhere: python -m pip install scikit-image. Then restart QGIS."
                )
            ) from None

        class BoundedMCP(MCP_Geometric):
            limit = math.inf

            def goal_reached(self, index, cumcost):  # noqa: ARG002 (scikit-image's hook, called per settled cell)
                return 2 if cumcost > self.limit else 0

        offsets = np.asarray(MCP_Geometric(np.ones((3, 3)), fully_connected=True).offsets)
        if not np.array_equal(offsets, np.array(MOVES)):  # _parents reads the traceback in MOVES order
            raise RuntimeError(f"unexpected scikit-image MCP offsets {offsets.tolist()}")
        _MCP_CLASSES[False] = MCP_Geometric
        _MCP_CLASSES[True] = BoundedMCP
        _LEAN_MODULE[:] = [module for module in [sys.modules.get(MCP_Geometric.__module__)] if _lean_agrees(module)]
    return _MCP_CLASSES[bounded]


def _lean_edge_maps(shape: Sequence[int], offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """scikit-image's MCP edge maps (`skimage.graph._mcp._offset_edge_map`), int8 from the start.

    pos[d] holds, at each cell, its distance to the upper edge along dimension d (size − index)
    where some offset would step out of the grid from there, else 0; neg[d] the same towards the
    lower edge (−1 − index). scikit-image computes them from `np.indices` in int64 and converts
    at the end: a transient of about 66 bytes per cell (1.65 GB on a 5000² grid, over 4 s), which
    set the peak memory of the corridors. Each depends on one coordinate only, so a 1-D profile
    broadcast over the grid gives the same arrays.
    """
    offsets = np.asarray(offsets)
    pos = np.zeros((len(shape),) + tuple(shape), dtype=np.int8)
    neg = np.zeros_like(pos)
    for d, (size, most, least) in enumerate(zip(shape, offsets.max(axis=0), offsets.min(axis=0))):
        index = np.arange(size)
        up, down = size - index, -1 - index
        up[up > most] = 0
        down[down < least] = 0
        along = [np.newaxis] * len(shape)
        along[d] = slice(None)
        pos[d] = up.astype(np.int8)[tuple(along)]
        neg[d] = down.astype(np.int8)[tuple(along)]
    return pos, neg


def _lean_agrees(module) -> bool:
    """Whether `module` builds its edge maps with an `_offset_edge_map` that `_lean_edge_maps`
    equals (values, type, shape) on a few grids; a scikit-image that changed them keeps its own."""
    original = getattr(module, "_offset_edge_map", None)
    if original is None:
        return False
    offsets = np.array(MOVES)
    for shape in ((1, 1), (1, 6), (5, 1), (4, 7)):
        for mine, theirs in zip(_lean_edge_maps(shape, offsets), original(shape, offsets)):
            if mine.dtype != theirs.dtype or not np.array_equal(mine, theirs):
                return False
    return True


def _new_mcp(cls: type, costs: np.ndarray, sampling: Sequence[float]):
    """`cls(costs, …)` with the edge maps of `_lean_edge_maps`: scikit-image's constructor calls
    its module's `_offset_edge_map`, which is lent the lean equivalent for the call (the same
    arrays; any other caller meanwhile gets them too)."""
    if not _LEAN_MODULE:
        return cls(costs, fully_connected=True, sampling=sampling)
    module = _LEAN_MODULE[0]
    with _EDGE_MAP_LOCK:
        original = module._offset_edge_map
        module._offset_edge_map = _lean_edge_maps
        try:
            return cls(costs, fully_connected=True, sampling=sampling)
        finally:
            module._offset_edge_map = original


def _parents(traceback: np.ndarray, cols: int) -> np.ndarray:
    """Flat index (in `traceback`'s own grid) of each cell's predecessor; −1 on sources and
    unreached cells. MCP's traceback holds the index of the move into MOVES order: the
    predecessor of x is x − move."""
    t = traceback.ravel()
    win_cols = traceback.shape[1]
    index = np.int32 if t.size < 2**31 - 1 else np.int64
    step = np.array([dr * win_cols + dc for dr, dc in MOVES] + [0, 0], dtype=index)  # t = −2, −1 → 0
    parent = np.arange(t.size, dtype=index)
    parent -= step[t]
    parent[t < 0] = -1
    return parent


def _roots(parent: np.ndarray) -> np.ndarray:
    """The root (a source cell) of each cell's predecessor chain, by pointer jumping; cells
    without a parent are their own root."""
    root = np.where(parent >= 0, parent, np.arange(parent.size, dtype=parent.dtype))
    active = np.flatnonzero(parent >= 0).astype(parent.dtype, copy=False)
    while active.size:
        here = root[active]
        up = root[here]
        moved = up != here
        root[active] = up
        active = active[moved]
    return root


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
    workers: Optional[int] = None,
) -> dict[tuple[int, int], float]:
    """{(a, b): least-cost distance} between labelled patches (a < b); see CostGraph.patch_distances."""
    graph = CostGraph(resistance, cell_size, min_resistance=min_resistance, cancelled=cancelled)
    return graph.patch_distances(labels, pairs=pairs, max_cost=max_cost, cancelled=cancelled, progress=progress, workers=workers)


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
