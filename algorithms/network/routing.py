"""Shortest paths on a road network with scipy's compiled Dijkstra: cost matrices between
points, shortest-path trees towards facilities, routes and service areas.

Costs are in metres (`DISTANCE`) or minutes (`TIME`). A point's cost to the road includes the
straight access leg from the point to where it joins the network, walked at the access speed,
so a resident 80 m from the road is 80 m farther from every facility than the road point.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, check
from . import od_parallel
from .costs import CostMatrix
from .graph import BACKWARD, FORWARD, RoadNetwork

DISTANCE, TIME = 0, 1
#: Dijkstra rows computed at a time: rows × nodes × 8 bytes stays near this many bytes.
ROW_BYTES = 64 * 2**20
#: At most this many Dijkstra searches run between two checks of the cancel callback.
MAX_ROWS = 32
#: od_costs shares its searches with worker processes (on every core) from this many arc
#: scans on (searches × arcs; 2e7 ≈ 1.5 s of Dijkstra on scipy 1.10, 0.6 s on scipy ≥ 1.16):
#: below it, starting a process (≈ 0.3–0.7 s of CPU) would cost more than it saves.
PARALLEL_MIN_ARC_SCANS = 20_000_000
#: Service areas: the cancel callback is checked every this many road segments.
SEGMENTS_PER_CHECK = 2000


def check_speed(speed_kmh: float) -> float:
    """The speed (km/h) used for times, which must be a positive finite number."""
    speed = float(speed_kmh)
    if not (np.isfinite(speed) and speed > 0):
        raise InputError(tr("The speed must be a positive number of km/h, got {value}"), value=speed)
    return speed


def metres_per_unit(unit: int, speed_kmh: float) -> float:
    """Metres covered by one unit of cost: 1 for distance, speed·1000/60 m per minute for time
    (InputError when a time is asked for with a speed that is not a positive number)."""
    return 1.0 if unit == DISTANCE else check_speed(speed_kmh) * 1000.0 / 60.0


def segment_costs(net: RoadNetwork, unit: int, default_speed_kmh: float) -> np.ndarray:
    """Cost of each segment: its length in metres, or its travel time in minutes,
    t = length / (v · 1000/60) with v the segment's speed (the default where it has none,
    i.e. NaN). A speed that is not a positive number raises InputError."""
    length = net.length
    if unit == DISTANCE:
        return length
    speed = np.where(np.isnan(net.speed), check_speed(default_speed_kmh), net.speed)
    bad = np.flatnonzero(~(np.isfinite(speed) & (speed > 0)))
    if bad.size:
        raise InputError(
            tr("Road speeds must be positive numbers of km/h; {count} road segments have a speed of 0 or less or an infinite one"),
            count=int(bad.size),
        )
    return length / (speed * 1000.0 / 60.0)


@dataclass(frozen=True)
class Graph:
    """A directed graph: `matrix` holds the arc costs (node × node, sparse) and `segment`
    the road segment behind each stored arc, aligned with `matrix.data` (−1 for links that are
    not roads)."""

    matrix: csr_matrix
    segment: np.ndarray

    def arc_segments(self, nodes: Sequence[int]) -> np.ndarray:
        """The segments along a path given by its nodes."""
        u, v = np.asarray(nodes[:-1]), np.asarray(nodes[1:])
        indptr, indices = self.matrix.indptr, self.matrix.indices
        at = np.array([indptr[a] + np.searchsorted(indices[indptr[a] : indptr[a + 1]], b) for a, b in zip(u, v)], dtype=np.int64)
        return self.segment[at]


def graph_from_arcs(rows: np.ndarray, cols: np.ndarray, cost: np.ndarray, segment: np.ndarray, n_nodes: int) -> Graph:
    """The graph of the given arcs; of parallel arcs the cheapest is kept. Costs are kept
    strictly positive because a sparse graph cannot hold a zero-cost arc."""
    cost = np.maximum(cost, 1e-12)
    order = np.lexsort((cost, cols, rows))
    rows, cols, cost, segment = rows[order], cols[order], cost[order], segment[order]
    first = np.r_[True, (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])] if len(rows) else np.zeros(0, dtype=bool)
    matrix = csr_matrix((cost[first], (rows[first], cols[first])), shape=(n_nodes, n_nodes))
    # The arcs are unique and sorted row by row, so the CSR data keeps their order.
    return Graph(matrix, segment[first])


def road_arcs(net: RoadNetwork, usable: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(from nodes, to nodes, segments) of the arcs of the usable segments: one per one-way
    segment, two for the others."""
    usable = np.ones(net.n_segments, dtype=bool) if usable is None else usable
    forward = np.flatnonzero(usable & (net.direction != BACKWARD))
    backward = np.flatnonzero(usable & (net.direction != FORWARD))
    rows = np.concatenate([net.a[forward], net.b[backward]])
    cols = np.concatenate([net.b[forward], net.a[backward]])
    return rows, cols, np.concatenate([forward, backward])


def build_graph(net: RoadNetwork, cost: np.ndarray, closed: np.ndarray | None = None) -> Graph:
    """The directed graph of the open segments, arc costs from `cost` (per segment)."""
    rows, cols, segment = road_arcs(net, None if closed is None else ~closed)
    return graph_from_arcs(rows, cols, cost[segment], segment, net.n_nodes)


@dataclass(frozen=True)
class Endpoints:
    """Points on the network: their node (−1 = not reached) and access cost."""

    node: np.ndarray
    access: np.ndarray

    def __len__(self) -> int:
        return len(self.node)


def _rows_per_chunk(n_nodes: int) -> int:
    return int(min(MAX_ROWS, max(1, ROW_BYTES // (8 * max(n_nodes, 1)))))


def search_block(sources: np.ndarray, graph: csr_matrix, columns: np.ndarray, cutoff: float) -> np.ndarray:
    """Costs from each of `sources` (rows) to each node of `columns` (columns), inf beyond
    `cutoff` or where unreachable: one dijkstra call, the columns picked from its rows. The
    work of a chunk of sources, in this process or in a worker (od_parallel)."""
    rows = dijkstra(graph, directed=True, indices=sources, limit=cutoff)
    return np.atleast_2d(rows)[:, columns]


def _search_blocks(
    graph: csr_matrix,
    sources: np.ndarray,
    columns: np.ndarray,
    cutoff: float,
    cancelled: CancelCheck = None,
    workers: int | None = None,
) -> Iterator[tuple[int, np.ndarray]]:
    """(start, block) for chunks of at most MAX_ROWS sources: `block[r, c]` is the cost from
    `sources[start + r]` to node `columns[c]` (inf beyond `cutoff`). Chunks come in order
    when one process searches, in any order when workers share them (od_parallel.run_chunks:
    a worker receives the graph once, when it starts). The cancel callback is checked before
    each chunk the calling process searches and while it waits for the workers (raises
    Cancelled)."""
    step = _rows_per_chunk(graph.shape[0])
    starts = list(range(0, len(sources), step))
    processes = _processes(workers, len(starts), len(sources) * max(graph.nnz, 1))
    chunks = [sources[start : start + step] for start in starts]
    state = (graph.tocsr(), np.asarray(columns), float(cutoff))
    for k, block in od_parallel.run_chunks(chunks, processes, search_block, state, lambda: check(cancelled), libraries=("scipy",)):
        yield starts[k], block


def _processes(workers: int | None, chunks: int, arc_scans: int) -> int:
    """Processes that share the searches: `workers` when given, else every available core
    once the searches are long enough (PARALLEL_MIN_ARC_SCANS); never more than chunks."""
    return od_parallel.processes(workers, chunks, arc_scans >= PARALLEL_MIN_ARC_SCANS)


def od_costs(
    graph: Graph,
    origins: Endpoints,
    destinations: Endpoints,
    cutoff: float = np.inf,
    cancelled: CancelCheck = None,
    workers: int | None = None,
) -> CostMatrix:
    """Costs from every reached origin to every reached destination within `cutoff`.

    cost = access(origin) + network(origin node → destination node) + access(destination).
    Dijkstra runs from the smaller side (on the reversed graph when from the destinations),
    once per distinct node, with the cutoff bounding each search; pairs in different parts of
    a disconnected network are left out (unreachable), whatever the cutoff. `cancelled` is
    checked before every chunk of at most MAX_ROWS searches (raises Cancelled).

    `workers`: processes that share the searches (scipy's Dijkstra holds the GIL, so threads
    cannot). None: every available core when the searches are long enough to pay for
    starting a process (searches × arcs ≥ PARALLEL_MIN_ARC_SCANS), else one; 1: this process
    only. The costs are the same bit for bit whatever the number (od_parallel); when worker
    processes cannot start, this process does their share.
    """
    from_destinations = len(destinations) < len(origins)
    near, far = (destinations, origins) if from_destinations else (origins, destinations)
    g = graph.matrix.T.tocsr() if from_destinations else graph.matrix
    near_ok, far_ok = np.flatnonzero(near.node >= 0), np.flatnonzero(far.node >= 0)
    sources, source_of = np.unique(near.node[near_ok], return_inverse=True)
    columns, column_of = np.unique(far.node[far_ok], return_inverse=True)
    # The members of each source, grouped: near_ok[by_source[first[s]:first[s + 1]]] start at sources[s].
    by_source = np.argsort(source_of, kind="stable")
    first = np.searchsorted(source_of[by_source], np.arange(len(sources) + 1))
    parts: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    if len(columns) == 0:
        sources = sources[:0]  # nothing to reach: no search
    for start, block in _search_blocks(g, sources, columns, cutoff, cancelled, workers):
        members = by_source[first[start] : first[start + len(block)]]
        rows = block[np.ix_(source_of[members] - start, column_of)]
        total = rows + near.access[near_ok[members]][:, None] + far.access[far_ok][None, :]
        i, j = np.nonzero(np.isfinite(total) & (total <= cutoff))
        parts[start] = (near_ok[members][i], far_ok[j], total[i, j])
    if parts:
        n, f, c = (np.concatenate(x) for x in zip(*(parts[k] for k in sorted(parts))))
    else:
        n = f = np.zeros(0, dtype=np.int64)
        c = np.zeros(0)
    origin, destination = (f, n) if from_destinations else (n, f)
    return CostMatrix(origin, destination, np.asarray(c, dtype=float), len(origins), len(destinations))


def straight_costs(origins: np.ndarray, destinations: np.ndarray, per_metre: float, cutoff: float = np.inf) -> CostMatrix:
    """Straight-line costs (distance × `per_metre`) within `cutoff`, for use without a network."""
    origins = np.asarray(origins, dtype=float).reshape(-1, 2)
    destinations = np.asarray(destinations, dtype=float).reshape(-1, 2)
    if np.isfinite(cutoff):
        found = cKDTree(origins).sparse_distance_matrix(cKDTree(destinations), cutoff / per_metre, output_type="ndarray")
        i, j, d = found["i"].astype(np.int64), found["j"].astype(np.int64), found["v"]
        # sparse_distance_matrix leaves out pairs at distance 0 (points at the same place).
        same = cKDTree(origins).query_ball_tree(cKDTree(destinations), 0.0)
        zi = np.repeat(np.arange(len(origins)), [len(s) for s in same])
        zj = np.fromiter((k for s in same for k in s), dtype=np.int64, count=len(zi))
        keep = d > 0
        i, j, d = np.concatenate([i[keep], zi]), np.concatenate([j[keep], zj]), np.concatenate([d[keep], np.zeros(len(zi))])
    else:
        i, j = (g.ravel() for g in np.meshgrid(np.arange(len(origins)), np.arange(len(destinations)), indexing="ij"))
        d = np.hypot(*(origins[i] - destinations[j]).T)
    return CostMatrix(i, j, d * per_metre, len(origins), len(destinations))


@dataclass(frozen=True)
class Trees:
    """Shortest-path trees towards targets: `cost[k, v]` from node v to target k and
    `next_node[k, v]`, the node after v on that path (−9999 at the target or unreachable)."""

    cost: np.ndarray
    next_node: np.ndarray


def trees_to(graph: Graph, targets: np.ndarray, cancelled: CancelCheck = None) -> Trees:
    """Dijkstra from each target on the reversed graph: all-to-target costs and paths.
    `cancelled` is checked before every chunk of at most MAX_ROWS targets."""
    n = graph.matrix.shape[0]
    targets = np.asarray(targets, dtype=np.int64).ravel()
    if len(targets) == 0:
        return Trees(np.zeros((0, n)), np.zeros((0, n), dtype=np.int32))
    reverse = graph.matrix.T.tocsr()
    step = _rows_per_chunk(n)
    costs, preds = [], []
    for start in range(0, len(targets), step):
        check(cancelled)
        cost, pred = dijkstra(reverse, directed=True, indices=targets[start : start + step], return_predecessors=True)
        costs.append(np.atleast_2d(cost))
        preds.append(np.atleast_2d(pred))
    return Trees(np.concatenate(costs), np.concatenate(preds))


def path_nodes(next_node: np.ndarray, start: int) -> list[int]:
    """Nodes from `start` to the tree's target, following `next_node`."""
    path = [int(start)]
    while next_node[path[-1]] >= 0:
        path.append(int(next_node[path[-1]]))
    return path


def service_area(
    net: RoadNetwork,
    cost: np.ndarray,
    node_cost: np.ndarray,
    budget: float,
    access_metres_per_unit: float,
    max_access: float,
    closed: np.ndarray | None = None,
    cancelled: CancelCheck = None,
) -> BaseGeometry:
    """The area from which a facility is reached within `budget`, built from the network.

    `node_cost[v]` is the cost from node v to the facility (its access leg included). A road
    point x of a segment a–b costs c(x) = min(c_a + x·c_ab, c_b + (1 − x)·c_ab) over the
    directions the segment may be travelled; the reachable stretches are cut into pieces of
    at most a tenth of the budget, and each piece is widened by the access distance still
    affordable at its costlier end, r = min(max_access, (budget − c_end) · metres per unit).
    Every place inside is therefore within budget, and the area is short of the exact one
    by at most a tenth of the budget along each road. `cancelled` is checked every
    SEGMENTS_PER_CHECK segments.
    """
    open_ = np.ones(net.n_segments, dtype=bool) if closed is None else ~closed
    ca, cb = node_cost[net.a], node_cost[net.b]
    to_a = open_ & (net.direction != FORWARD) & np.isfinite(ca) & (ca < budget)
    to_b = open_ & (net.direction != BACKWARD) & np.isfinite(cb) & (cb < budget)
    c = np.maximum(cost, 1e-12)
    # Where both ways are open, the cost is highest at x*, where they meet (unreachable ends
    # only matter where the other end is reachable, so they are capped at the budget here).
    ca_capped, cb_capped = np.minimum(ca, budget), np.minimum(cb, budget)
    meet = np.clip((cb_capped - ca_capped + c) / (2 * c), 0.0, 1.0)
    meet = np.where(to_a & to_b, meet, np.where(to_a, 1.0, 0.0))
    reach_a = np.minimum(np.clip((budget - ca) / c, 0.0, 1.0), meet)  # stretch [0, reach_a] via a
    reach_b = np.maximum(1.0 - np.clip((budget - cb) / c, 0.0, 1.0), meet)  # stretch [reach_b, 1] via b
    step = budget / 10.0
    pieces: list[BaseGeometry] = []
    xy_a, xy_b = net.xy[net.a], net.xy[net.b]
    for count, s in enumerate(np.flatnonzero(to_a | to_b)):
        if count % SEGMENTS_PER_CHECK == 0:
            check(cancelled)
        for lo, hi, start_cost, slope in (
            (0.0, reach_a[s], ca[s], c[s]) if to_a[s] else (0.0, 0.0, 0.0, 0.0),
            (reach_b[s], 1.0, cb[s] + (1.0 - reach_b[s]) * c[s], -c[s]) if to_b[s] else (1.0, 1.0, 0.0, 0.0),
        ):
            if hi - lo <= 0:
                continue
            k = max(1, int(np.ceil((hi - lo) * c[s] / step)))
            edges = np.linspace(lo, hi, k + 1)
            for x0, x1 in zip(edges[:-1], edges[1:]):
                worst = start_cost + slope * (x1 - lo) if slope > 0 else start_cost + slope * (x0 - lo)
                radius = min(max_access, (budget - worst) * access_metres_per_unit)
                if radius <= 0:
                    continue
                p0 = xy_a[s] + x0 * (xy_b[s] - xy_a[s])
                p1 = xy_a[s] + x1 * (xy_b[s] - xy_a[s])
                pieces.append(LineString([p0, p1]).buffer(radius, 4))  # 4 segments per quarter circle (positional: shapely 1.8 and 2)
    return unary_union(pieces) if pieces else LineString().buffer(0)
