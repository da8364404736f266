"""Criticality of road segments and facilities: what the loss of each element (N−1) or of a
scenario of elements (every road under a flood at once) costs the people who need a facility.

Measures per failed element e, with cᵢ the cost of demand point i to its nearest open facility
on the intact (or scenario-damaged) network, c′ᵢ the same after e fails, pᵢ its population and
T the threshold (the standard, e.g. 15 minutes to a hospital):

- lost access   L(e) = Σ pᵢ [cᵢ ≤ T < c′ᵢ]          persons who lose the standard;
- cut off       U(e) = Σ pᵢ [cᵢ < ∞ = c′ᵢ]          persons who reach no facility at all;
- Δ mean cost   Δ(e) = Σ_{c′ᵢ<∞} pᵢ (c′ᵢ − cᵢ) / Σ_{c′ᵢ<∞} pᵢ   increase of the population-weighted
  mean cost of those still served (metres or minutes);
- overloaded    O(e) = #{k ≠ e : loadₖ ≤ capₖ < load′ₖ}  facilities pushed over capacity by the
  shift of demand, loadₖ being the population for which k is the nearest reachable facility.

These are Jenelius, Petersen & Mattsson (2006)'s importance (an element's loss seen from the
whole network) measured for access to facilities, with unsatisfied demand (U) kept apart from
the cost increase, as they recommend.

Exact and fast (Jenelius et al. 2006 re-run a full search per link): the nearest-facility costs
are one Dijkstra from a super source joined to every facility on the reversed graph, whose
predecessors form a shortest-path forest. A node whose forest path avoids the failed element
keeps its cost (removing arcs never shortens a path), so only the subtree hanging below the
element's forest arcs can change. That subtree is found as a slice of the forest's pre-order,
and its new costs come from a Dijkstra restricted to it, seeded at each of its nodes with the
cheapest arc leaving it: c′(y) = min(min_{y→z, z∉S} w(y,z) + c(z), min_{y→z, z∈S} w(y,z) + c′(z)).
Elements on no shortest path change nothing and cost nothing to evaluate; the work is the sum
of the subtree sizes instead of one search of the whole network per element.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, check
from .graph import RoadNetwork
from .routing import Endpoints, graph_from_arcs, road_arcs

#: Offset of the virtual arcs (super source → facility): keeps every arc weight positive (a
#: sparse matrix cannot hold a zero weight) and is subtracted again; 2·OFFSET per path.
OFFSET = 1.0
#: Criticality classes: the share of the population (%) that loses access bounds classes 2–4.
CLASS_BOUNDS = (1.0, 5.0)
#: Elements evaluated between two checks of the cancel callback.
ELEMENTS_PER_CHECK = 64


@dataclass(frozen=True)
class Elements:
    """Groups of road segments that fail together (a road feature, a bridge, the roads
    incident to a node): element k is `segments[start[k]:start[k + 1]]`."""

    start: np.ndarray
    segments: np.ndarray

    def __len__(self) -> int:
        return len(self.start) - 1

    @staticmethod
    def from_labels(label: np.ndarray, n: int | None = None) -> "Elements":
        """Element `label[s]` for each segment s (−1: in no element); `n` elements."""
        label = np.asarray(label, dtype=np.int64)
        n = int(label.max() + 1 if label.size else 0) if n is None else int(n)
        inside = np.flatnonzero(label >= 0)
        order = inside[np.argsort(label[inside], kind="stable")]
        start = np.searchsorted(label[order], np.arange(n + 1))
        return Elements(start.astype(np.int64), order.astype(np.int64))

    @staticmethod
    def from_lists(groups: Sequence[Sequence[int]]) -> "Elements":
        sizes = np.array([len(g) for g in groups], dtype=np.int64)
        start = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        segments = np.concatenate([np.asarray(g, dtype=np.int64) for g in groups]) if len(groups) and sizes.sum() else np.zeros(0, np.int64)
        return Elements(start, segments)

    def members(self, k: int) -> np.ndarray:
        return self.segments[self.start[k] : self.start[k + 1]]


@dataclass(frozen=True)
class Impact:
    """The consequence of one failure (see the module's formulas); `affected` = persons whose
    cost rises; `overloaded` = facilities pushed over capacity."""

    lost_access: float
    cut_off: float
    mean_cost_increase: float
    overloaded: int
    affected: float


class Forest:
    """Costs to the nearest open facility and the shortest-path forest, on a network with the
    segments in `closed` removed.

    Extended graph (travel direction): node n + k stands for facility k and n + m for the super
    source; arcs fₖ → n + k cost accessₖ + OFFSET, n + k → n + m cost OFFSET. `dist[v]` − 2·OFFSET
    is the cost from node v to its nearest facility (access leg of the facility included),
    `parent[v]` the next node on that path, `label[v]` the facility reached (−1 none).
    """

    def __init__(self, net: RoadNetwork, cost: np.ndarray, facilities: Endpoints, closed: np.ndarray | None = None):
        n, m = net.n_nodes, len(facilities)
        self.n, self.m = n, m
        self.size = n + m + 1
        self.source = n + m
        usable = np.ones(net.n_segments, dtype=bool) if closed is None else ~np.asarray(closed, dtype=bool)
        rows, cols, seg = road_arcs(net, usable)
        w = np.maximum(np.asarray(cost, dtype=float)[seg], 1e-12)
        ok = np.flatnonzero(facilities.node >= 0)
        rows = np.concatenate([rows, facilities.node[ok], n + ok])
        cols = np.concatenate([cols, n + ok, np.full(len(ok), n + m)])
        w = np.concatenate([w, facilities.access[ok] + OFFSET, np.full(len(ok), OFFSET)])
        # Virtual arcs carry "segment" ids n_segments + k (the facility arc) and −1 (to the source).
        seg = np.concatenate([seg, net.n_segments + ok, np.full(len(ok), -1)])
        self.n_segments = net.n_segments
        # Every arc, parallel ones included, by tail node: the restricted searches need them all.
        order = np.lexsort((w, cols, rows))
        self.arc_from, self.arc_to, self.arc_w, self.arc_seg = rows[order], cols[order], w[order], seg[order]
        self.arc_start = np.searchsorted(self.arc_from, np.arange(self.size + 1))
        graph = graph_from_arcs(rows, cols, w, seg, self.size)
        self.dist, pred = dijkstra(graph.matrix.T.tocsr(), directed=True, indices=self.source, return_predecessors=True)
        self.parent = np.where(pred >= 0, pred, -1).astype(np.int64)
        # The segment of each forest arc v → parent(v) (the cheapest of parallel arcs, as searched).
        has = np.flatnonzero(self.parent >= 0)
        pos = _arc_positions(graph.matrix, has, self.parent[has])
        self.tree_seg = np.full(self.size, -2, dtype=np.int64)
        self.tree_seg[has] = graph.segment[pos]
        self.cut_node_of_seg = np.full(net.n_segments + m, -1, dtype=np.int64)
        self.removed = np.zeros(net.n_segments + m + 1, dtype=bool)
        real = has[self.tree_seg[has] >= 0]
        self.cut_node_of_seg[self.tree_seg[real]] = real
        self.label = _labels(self.parent, n, m, self.source)
        self.order, self.tin, self.subtree = _preorder(self.parent, self.source, self.size)

    def node_cost(self) -> np.ndarray:
        """Cost from each real node to its nearest open facility (∞ none)."""
        return self.dist[: self.n] - 2 * OFFSET

    def cut_ranges(self, segments: np.ndarray, facility: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The failed arc ids and the pre-order ranges [lo, hi) of the subtrees hanging below
        the forest arcs of `segments` (and of the facility, if given): the nodes whose cost
        may change. Nested ranges are merged into the outermost."""
        ids = np.asarray(segments, dtype=np.int64)
        if facility is not None:
            ids = np.append(ids, self.n_segments + facility)
        cuts = self.cut_node_of_seg[ids]
        cuts = np.unique(cuts[cuts >= 0])
        lo, hi = self.tin[cuts], self.tin[cuts] + self.subtree[cuts]
        order = np.argsort(lo)
        lo, hi = lo[order], hi[order]
        outer = hi > np.concatenate([[-1], np.maximum.accumulate(hi)[:-1]]) if len(hi) else np.zeros(0, bool)
        return ids, lo[outer], hi[outer]

    def failure(self, segments: np.ndarray, facility: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The nodes whose cost changes when `segments` (and the facility, if given) fail, their
        new `dist` and their new facility label: (nodes, dist, label)."""
        ids, lo, hi = self.cut_ranges(segments, facility)
        return self.search(ids, lo, hi)

    def search(self, ids: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """New dist and label of the nodes in the pre-order ranges, without the arcs `ids`."""
        if len(lo) == 0:
            return np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64)
        sizes = hi - lo
        pos = np.repeat(lo - np.cumsum(np.concatenate([[0], sizes[:-1]])), sizes) + np.arange(sizes.sum())
        nodes = self.order[pos]
        return (nodes, *self._restricted(nodes, ids))

    def _restricted(self, nodes: np.ndarray, removed_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Dijkstra inside `nodes` seeded by the arcs leaving them (module docstring)."""
        k = len(nodes)
        local = np.full(self.size, -1, dtype=np.int64)
        local[nodes] = np.arange(k)
        counts = self.arc_start[nodes + 1] - self.arc_start[nodes]
        total = int(counts.sum())
        arcs = np.repeat(self.arc_start[nodes] - np.cumsum(np.concatenate([[0], counts[:-1]])), counts) + np.arange(total)
        tail = np.repeat(np.arange(k), counts)
        # Failed arcs by a mask over the arc ids; the extra last slot (id −1: arcs to the super
        # source) is never set.
        self.removed[removed_ids] = True
        keep = ~self.removed[self.arc_seg[arcs]]
        self.removed[removed_ids] = False
        arcs, tail = arcs[keep], tail[keep]
        head = local[self.arc_to[arcs]]
        w = self.arc_w[arcs]
        inside = head >= 0
        # Seeds: the cheapest way out of the subtree from each node (cost beyond unchanged).
        out_cost = w[~inside] + self.dist[self.arc_to[arcs[~inside]]]
        out_tail = tail[~inside]
        out_label = self.label[self.arc_to[arcs[~inside]]]
        finite = np.isfinite(out_cost)
        out_cost, out_tail, out_label = out_cost[finite], out_tail[finite], out_label[finite]
        o = np.lexsort((out_cost, out_tail))
        first = o[np.r_[True, out_tail[o][1:] != out_tail[o][:-1]]] if len(o) else o
        seed_tail, seed_cost, seed_label = out_tail[first], out_cost[first], out_label[first]
        # Reversed restricted graph: local node k is the seed; arcs head → tail, seed → tail.
        rows = np.concatenate([head[inside], np.full(len(seed_tail), k)])
        cols = np.concatenate([tail[inside], seed_tail])
        ww = np.concatenate([w[inside], seed_cost])
        o = np.lexsort((ww, cols, rows))
        rows, cols, ww = rows[o], cols[o], ww[o]
        uniq = np.r_[True, (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])] if len(rows) else np.zeros(0, bool)
        rows, cols, ww = rows[uniq], cols[uniq], ww[uniq]
        # Arcs sorted by row then column and unique: the CSR arrays directly (no COO conversion).
        indptr = np.searchsorted(rows, np.arange(k + 2)).astype(np.int32)
        sub = csr_matrix((ww, cols.astype(np.int32), indptr), shape=(k + 1, k + 1))
        dist, pred = dijkstra(sub, directed=True, indices=k, return_predecessors=True)
        # Labels: the exit label of the seed arc each node's new path starts with (pointer jumping).
        seed_of = np.full(k + 1, -1, dtype=np.int64)
        seed_of[seed_tail] = seed_label
        up = np.arange(k + 1)
        inner = (pred >= 0) & (pred != k)
        up[inner] = pred[inner]
        while True:
            nxt = up[up]
            if np.array_equal(nxt, up):
                break
            up = nxt
        label = np.where(np.isfinite(dist) & (pred[up] == k), seed_of[up], -1)
        return dist[:k], label[:k]


def _arc_positions(matrix: csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Position in `matrix.data` of the arcs rows[i] → cols[i] (each must exist)."""
    n = matrix.shape[1]
    counts = np.diff(matrix.indptr)
    keys = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), counts) * n + matrix.indices
    return np.searchsorted(keys, rows.astype(np.int64) * n + cols)


def _labels(parent: np.ndarray, n: int, m: int, source: int) -> np.ndarray:
    """The facility whose virtual node each node's forest path passes through (−1 none)."""
    size = len(parent)
    top = np.where(parent >= 0, parent, np.arange(size))
    virtual = np.arange(n, n + m)
    top[virtual] = virtual
    while True:
        nxt = top[top]
        if np.array_equal(nxt, top):
            break
        top = nxt
    label = np.where((top >= n) & (top < n + m), top - n, -1)
    label[source] = -1
    return label


def _preorder(parent: np.ndarray, root: int, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pre-order of the forest below `root`: (order, position of each node, subtree size); the
    subtree of v is order[tin[v] : tin[v] + subtree[v]] (unreached nodes: tin −1, size 0)."""
    child = np.flatnonzero(parent >= 0)
    by_parent = child[np.argsort(parent[child], kind="stable")]
    start = np.searchsorted(parent[by_parent], np.arange(size + 1))
    order = np.empty(len(child) + 1, dtype=np.int64)
    tin = np.full(size, -1, dtype=np.int64)
    subtree = np.zeros(size, dtype=np.int64)
    stack = [root]
    starts, by, ordr = start.tolist(), by_parent.tolist(), []
    while stack:
        v = stack.pop()
        ordr.append(v)
        stack.extend(by[starts[v] : starts[v + 1]])
    order[:] = ordr
    tin[order] = np.arange(len(order))
    # Subtree sizes: children before parents in reverse pre-order.
    sizes = np.ones(size, dtype=np.int64)
    par = parent[order[::-1]]
    for v, p in zip(order[::-1].tolist(), par.tolist()):
        if p >= 0:
            sizes[p] += sizes[v]
    subtree[order] = sizes[order]
    return order, tin, subtree


@dataclass(frozen=True)
class Measures:
    """Per failed element (road elements first, then facilities when they fail too): the
    module's measures, `rank` (1 = most critical: by lost access, then cut off, then Δ mean
    cost, then overloaded facilities) and `klass` (0 no effect; 1 costs rise, nobody loses
    access; 2 some lose access or are cut off, < 1 % of the population; 3 1–5 %; 4 ≥ 5 %)."""

    lost_access: np.ndarray
    cut_off: np.ndarray
    mean_cost_increase: np.ndarray
    overloaded: np.ndarray
    affected: np.ndarray
    rank: np.ndarray
    klass: np.ndarray
    #: Elements that lie on a shortest path (only they were searched again).
    searched: int = 0

    def __len__(self) -> int:
        return len(self.rank)


@dataclass(frozen=True)
class Access:
    """Each demand point's cost to its nearest open facility (∞ none) and that facility (−1)."""

    cost: np.ndarray
    nearest: np.ndarray


class _Baseline:
    """What every failure is compared with: the forest, the demand costs, loads and groups."""

    def __init__(self, forest: Forest, demand: Endpoints, population: np.ndarray, capacity: np.ndarray, threshold: float, total: float):
        self.forest = forest
        self.demand = demand
        self.population = np.asarray(population, dtype=float)
        self.capacity = np.asarray(capacity, dtype=float)
        self.threshold = float(threshold)
        self.total = float(total)
        self.access = access_of(forest, demand)
        ok = np.flatnonzero(demand.node >= 0)
        order = ok[np.argsort(demand.node[ok], kind="stable")]
        self.demand_by_node = order
        self.node_start = np.searchsorted(demand.node[order], np.arange(forest.size + 1))
        served = self.access.nearest >= 0
        self.load = np.bincount(self.access.nearest[served], weights=self.population[served], minlength=forest.m)
        self.served_population = float(self.population[np.isfinite(self.access.cost)].sum())
        # Demand points per node, summed along the forest's pre-order: a subtree without any is skipped.
        at_node = np.bincount(demand.node[ok], minlength=forest.size)
        self.in_preorder = np.concatenate([[0], np.cumsum(at_node[forest.order])])

    def carries_demand(self, lo: np.ndarray, hi: np.ndarray) -> bool:
        return bool((self.in_preorder[hi] - self.in_preorder[lo]).sum() > 0)

    def impact(self, nodes: np.ndarray, dist: np.ndarray, label: np.ndarray, failed_facility: int | None = None) -> Impact:
        """The measures when the nodes `nodes` get the new `dist` and `label`."""
        if len(nodes) == 0:
            return Impact(0.0, 0.0, 0.0, 0, 0.0)
        counts = self.node_start[nodes + 1] - self.node_start[nodes]
        total = int(counts.sum())
        if total == 0:
            return Impact(0.0, 0.0, 0.0, 0, 0.0)
        pos = np.repeat(self.node_start[nodes] - np.cumsum(np.concatenate([[0], counts[:-1]])), counts) + np.arange(total)
        which = self.demand_by_node[pos]
        local = np.repeat(np.arange(len(nodes)), counts)
        before = self.access.cost[which]
        after = dist[local] - 2 * OFFSET + self.demand.access[which]
        after = np.where(np.isfinite(after), np.maximum(after, before), np.inf)
        new_label = np.where(np.isfinite(after), label[local], -1)
        p = self.population[which]
        t = self.threshold
        lost = float(p[(before <= t) & (after > t)].sum())
        cut = float(p[np.isfinite(before) & ~np.isfinite(after)].sum())
        rises = after > before
        still = np.isfinite(after)
        denominator = self.served_population - cut
        increase = float((p[still & rises] * (after[still & rises] - before[still & rises])).sum() / denominator) if denominator > 0 else 0.0
        overloaded = 0
        if np.isfinite(self.capacity).any():
            old_label = self.access.nearest[which]
            moved = old_label != new_label
            if moved.any():
                delta = np.zeros(self.forest.m)
                gone = moved & (old_label >= 0)
                come = moved & (new_label >= 0)
                np.add.at(delta, old_label[gone], -p[gone])
                np.add.at(delta, new_label[come], p[come])
                new_load = self.load + delta
                hit = np.isfinite(self.capacity) & (self.load <= self.capacity) & (new_load > self.capacity + 1e-9)
                if failed_facility is not None:
                    hit[failed_facility] = False
                overloaded = int(hit.sum())
        return Impact(lost, cut, increase, overloaded, float(p[rises].sum()))


def access_of(forest: Forest, demand: Endpoints) -> Access:
    """Cost (access legs included) and nearest facility of every demand point."""
    node = demand.node
    ok = node >= 0
    cost = np.full(len(node), np.inf)
    nearest = np.full(len(node), -1, dtype=np.int64)
    cost[ok] = forest.dist[node[ok]] - 2 * OFFSET + demand.access[ok]
    nearest[ok] = forest.label[node[ok]]
    nearest[~np.isfinite(cost)] = -1
    return Access(cost, nearest)


def _check_inputs(demand: Endpoints, population: np.ndarray, facilities: Endpoints, capacity, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    population = np.asarray(population, dtype=float)
    if len(population) != len(demand):
        raise ValueError("one population per demand point")
    capacity = np.full(len(facilities), np.nan) if capacity is None else np.asarray(capacity, dtype=float)
    if len(capacity) != len(facilities):
        raise ValueError("one capacity per facility")
    if not (np.isfinite(threshold) and threshold > 0):
        raise InputError(tr("THRESHOLD must be a positive number of metres or minutes, got {value}"), value=float(threshold))
    if len(facilities) == 0 or not (facilities.node >= 0).any():
        raise InputError(tr("No facility is within reach of the road network: there is nothing whose loss could be measured"))
    return population, capacity


def n_minus_one(
    net: RoadNetwork,
    cost: np.ndarray,
    demand: Endpoints,
    population: np.ndarray,
    facilities: Endpoints,
    threshold: float,
    elements: Elements | None = None,
    facilities_fail: bool = False,
    capacity: np.ndarray | None = None,
    closed: np.ndarray | None = None,
    total_population: float | None = None,
    cancelled: CancelCheck = None,
    progress: Callable[[float], None] | None = None,
) -> tuple[Measures, Access]:
    """The consequence of losing each element alone (N−1) on the network without the `closed`
    segments (a scenario's damage, or none).

    `cost` per segment (metres or minutes, routing.segment_costs), `threshold` in the same unit,
    `population` per demand point (persons), `capacity` per facility (persons, NaN = unknown).
    `elements` are the groups of segments that fail one at a time; with `facilities_fail` each
    facility fails alone too (after the road elements in the result). Returns the measures and
    the demand's access on that network. Exact (module docstring): only elements on a shortest
    path are searched again, inside the subtree they carry.
    """
    population, capacity = _check_inputs(demand, population, facilities, capacity, threshold)
    total = float(population.sum()) if total_population is None else float(total_population)
    forest = Forest(net, cost, facilities, closed)
    base = _Baseline(forest, demand, population, capacity, threshold, total)
    n_road = len(elements) if elements is not None else 0
    n = n_road + (len(facilities) if facilities_fail else 0)
    out = np.zeros((5, n))
    searched = 0
    closed_mask = np.zeros(net.n_segments, dtype=bool) if closed is None else np.asarray(closed, dtype=bool)
    for k in range(n):
        if k % ELEMENTS_PER_CHECK == 0:
            check(cancelled)
            if progress is not None:
                progress(k / max(n, 1))
        if k < n_road:
            segments = elements.members(k)
            segments = segments[~closed_mask[segments]]
            failed = None
        else:
            segments, failed = np.zeros(0, np.int64), k - n_road
        ids, lo, hi = forest.cut_ranges(segments, failed)
        if not base.carries_demand(lo, hi):
            continue  # on nobody's shortest path: nothing changes
        searched += 1
        hit = base.impact(*forest.search(ids, lo, hi), failed)
        out[:, k] = (hit.lost_access, hit.cut_off, hit.mean_cost_increase, hit.overloaded, hit.affected)
    if progress is not None:
        progress(1.0)
    return _ranked(out, total, searched), base.access


def _ranked(out: np.ndarray, total: float, searched: int) -> Measures:
    lost, cut, increase, overloaded, affected = out
    order = np.lexsort((np.arange(len(lost)), -overloaded, -increase, -cut, -lost))
    rank = np.empty(len(lost), dtype=np.int64)
    rank[order] = np.arange(1, len(lost) + 1)
    share = 100.0 * lost / total if total > 0 else np.zeros(len(lost))
    klass = np.where((affected > 0) | (overloaded > 0), 1, 0)
    klass = np.where((lost > 0) | (cut > 0), 2, klass)
    klass = np.where(share >= CLASS_BOUNDS[0], 3, klass)
    klass = np.where(share >= CLASS_BOUNDS[1], 4, klass)
    return Measures(lost, cut, increase, overloaded.astype(np.int64), affected, rank, klass.astype(np.int64), searched)


@dataclass(frozen=True)
class Scenario:
    """A set of segments failing at once: the demand's access before and after, and the
    scenario's measures (as for one element)."""

    before: Access
    after: Access
    impact: Impact


def scenario(
    net: RoadNetwork,
    cost: np.ndarray,
    demand: Endpoints,
    population: np.ndarray,
    facilities: Endpoints,
    threshold: float,
    closed: np.ndarray,
    capacity: np.ndarray | None = None,
) -> Scenario:
    """The scenario where every segment in `closed` fails at once, against the intact network."""
    population, capacity = _check_inputs(demand, population, facilities, capacity, threshold)
    intact = Forest(net, cost, facilities)
    base = _Baseline(intact, demand, population, capacity, threshold, float(population.sum()))
    damaged = Forest(net, cost, facilities, closed)
    after = access_of(damaged, demand)
    nodes = np.arange(intact.size)
    hit = base.impact(nodes, damaged.dist, damaged.label)
    return Scenario(base.access, after, hit)


#: Most raster cells read at once for a scenario raster (the network's extent); beyond, the
#: raster is read at a coarser resolution (each cell then stands for several).
SCENARIO_CELLS = 50_000_000
#: Most sample points along the roads for a scenario raster.
SCENARIO_SAMPLES = 20_000_000


def segments_above(net: RoadNetwork, path: str, threshold: float, crs_wkt: str | None = None, band: int = 1) -> np.ndarray:
    """The segments along which the raster exceeds `threshold` anywhere (e.g. flood depth
    > 0.3 m): each segment is sampled every half cell (at its ends too), the points transformed
    into the raster's CRS when it differs from `crs_wkt` (the network's); nodata and cells off
    the raster do not exceed. Raises InputError when the raster cannot be read."""
    import rasterio
    from rasterio.crs import CRS
    from rasterio.errors import RasterioError
    from rasterio.warp import transform as transform_coords
    from rasterio.windows import Window, from_bounds

    try:
        src = rasterio.open(path)
    except (RasterioError, OSError) as error:
        raise InputError(tr("The scenario raster cannot be read: {detail}"), detail=str(error)) from None
    with src:
        if not 1 <= band <= src.count:
            raise InputError(tr("The scenario raster has {count} bands; band {band} does not exist"), count=src.count, band=band)
        t = src.transform
        cell = float(min(abs(t.a), abs(t.e))) or 1.0
        xa, xb = net.xy[net.a], net.xy[net.b]
        source = CRS.from_wkt(crs_wkt) if crs_wkt else None
        reproject = source is not None and src.crs is not None and source != src.crs
        if reproject:
            # The half-cell spacing in the network's units: a cell's size at the network's centre.
            centre = net.xy.mean(axis=0)
            xs, ys = transform_coords(source, src.crs, [centre[0], centre[0] + 1.0], [centre[1], centre[1]])
            per_metre = float(np.hypot(xs[1] - xs[0], ys[1] - ys[0])) or 1.0
            spacing = cell / per_metre / 2.0
        else:
            spacing = cell / 2.0
        length = net.length
        spacing = max(spacing, float(length.sum()) / SCENARIO_SAMPLES)
        count = np.maximum(2, np.ceil(length / spacing).astype(np.int64) + 1)
        seg = np.repeat(np.arange(net.n_segments), count)
        f = (np.arange(len(seg)) - np.repeat(np.cumsum(count) - count, count)) / (count[seg] - 1)
        pts = xa[seg] + f[:, None] * (xb[seg] - xa[seg])
        if reproject:
            xs, ys = transform_coords(source, src.crs, pts[:, 0], pts[:, 1])
            pts = np.column_stack([xs, ys])
        ok = np.isfinite(pts).all(axis=1)
        left, bottom = np.nanmin(pts[ok], axis=0) if ok.any() else (0.0, 0.0)
        right, top = np.nanmax(pts[ok], axis=0) if ok.any() else (0.0, 0.0)
        window = from_bounds(left - cell, bottom - cell, right + cell, top + cell, transform=t)
        window = window.intersection(Window(0, 0, src.width, src.height)) if _overlaps(window, src) else None
        above = np.zeros(net.n_segments, dtype=bool)
        if window is None:
            return above
        window = window.round_offsets().round_lengths()
        cells = int(window.width) * int(window.height)
        scale = max(1.0, float(np.sqrt(cells / SCENARIO_CELLS)))
        shape = (max(1, int(window.height / scale)), max(1, int(window.width / scale)))
        data = src.read(band, window=window, out_shape=shape, masked=True)
        values = np.ma.filled(data.astype(float), np.nan)
        wt = src.window_transform(window) * rasterio.Affine.scale(window.width / shape[1], window.height / shape[0])
        cols, rows = ~wt * (pts[:, 0], pts[:, 1])
        rows, cols = np.floor(rows).astype(np.int64), np.floor(cols).astype(np.int64)
        inside = ok & (rows >= 0) & (rows < shape[0]) & (cols >= 0) & (cols < shape[1])
        got = np.full(len(seg), np.nan)
        got[inside] = values[rows[inside], cols[inside]]
        hit = np.isfinite(got) & (got > threshold)
        above[np.unique(seg[hit])] = True
        return above


def _overlaps(window, src) -> bool:
    return window.col_off < src.width and window.row_off < src.height and window.col_off + window.width > 0 and window.row_off + window.height > 0


def covered_share(
    net: RoadNetwork,
    cost: np.ndarray,
    demand: Endpoints,
    population: np.ndarray,
    facilities: Endpoints,
    threshold: float,
    closed: np.ndarray | None = None,
    total: float | None = None,
) -> float:
    """Share (0–1) of the population within `threshold` of an open facility on the network
    without the `closed` segments: one Dijkstra from every facility at once, bounded by the
    threshold."""
    population = np.asarray(population, dtype=float)
    total = float(population.sum()) if total is None else float(total)
    if total <= 0:
        return 0.0
    n = net.n_nodes
    usable = np.ones(net.n_segments, dtype=bool) if closed is None else ~np.asarray(closed, dtype=bool)
    rows, cols, seg = road_arcs(net, usable)
    ok = np.flatnonzero(facilities.node >= 0)
    # Reversed graph with a super source (node n) joined to each facility node at its access + OFFSET.
    r = np.concatenate([cols, np.full(len(ok), n)])
    c = np.concatenate([rows, facilities.node[ok]])
    w = np.concatenate([np.asarray(cost, dtype=float)[seg], facilities.access[ok] + OFFSET])
    graph = graph_from_arcs(r, c, w, np.zeros(len(r), np.int64), n + 1)
    dist = dijkstra(graph.matrix, directed=True, indices=n, limit=threshold + OFFSET + 1e-9)
    node = demand.node
    reached = node >= 0
    cost_i = np.full(len(node), np.inf)
    cost_i[reached] = dist[node[reached]] - OFFSET + demand.access[reached]
    return float(population[cost_i <= threshold].sum() / total)
