"""Robustness of a line network (roads, power lines, pipes, the links of a patch graph): how
its connectivity falls apart as nodes or links are removed at random or by attack.

The network is read topologically: every line is a link between its two end points, and end
points closer than a tolerance are one node (lines that cross without ending at a common point
do not meet). After each step of removals the curve records

- the share of the N₀ original nodes in the largest connected component, s = N_LCC / N₀
  (Albert, Jeong & Barabási 2000);
- the global efficiency E = 1/(N₀(N₀ − 1)) Σ_{i≠j} 1/d_ij, d_ij the number of links on the
  shortest path (1/∞ = 0; Latora & Marchiori 2001), over the original N₀ so that removed nodes
  count as unreachable;
- optionally (a probe given by the caller) the share of the population still within a
  threshold of a facility.

The critical fraction is the removed share at which s first falls below ½ (linear between
steps), the network's threshold; the robustness R = ∫₀¹ s(q) dq is the area under the curve
(trapezoid over the steps), which for one step per removed node is Schneider et al. (2011)'s
R = 1/N Σ_{Q=1}^{N} s(Q) up to s(0)/(2N).

Removal orders: random (repeated and averaged, seeded); by degree (initial degree of a node,
d(u)·d(v) for a link: Holme et al. 2002); by betweenness, recomputed on the damaged network
before each step (Brandes 2001; unweighted shortest paths); by a priority the caller supplies
(e.g. the criticality of each element for access to facilities). Ties go to the lower index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import breadth_first_order, connected_components
from scipy.spatial import cKDTree

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, check

RANDOM, DEGREE, BETWEENNESS, PRIORITY = 0, 1, 2, 3
NODES, EDGES = 0, 1
#: Above this many nodes, efficiency and betweenness come from this many sampled sources
#: (unbiased estimates; Brandes & Pich 2007), below it they are exact.
EXACT_LIMIT = 1000
SAMPLED_SOURCES = 500
#: Betweenness: the cancel callback is checked every this many sources.
SOURCES_PER_CHECK = 32


@dataclass(frozen=True)
class LineGraph:
    """Nodes (end points, `xy`) and links (`u`, `v`: node of each line's first and last point;
    −1 for lines without two distinct end points, which are not links)."""

    xy: np.ndarray
    u: np.ndarray
    v: np.ndarray

    @property
    def n_nodes(self) -> int:
        return len(self.xy)

    @property
    def links(self) -> np.ndarray:
        """Indices of the lines that are links."""
        return np.flatnonzero((self.u >= 0) & (self.u != self.v))


def line_graph(lines: Sequence[np.ndarray], tolerance: float = 0.0) -> LineGraph:
    """The graph whose links are `lines` (each an (n, 2) array) between their end points;
    end points within `tolerance` metres of each other (transitively) are one node."""
    ends, good = [], []
    for k, line in enumerate(lines):
        line = np.asarray(line, dtype=float).reshape(-1, 2)
        if len(line) >= 2 and np.isfinite(line[[0, -1]]).all():
            ends.append(line[[0, -1]])
            good.append(k)
    if not ends:
        raise InputError(tr("The line layer has no line with two end points"))
    points = np.concatenate(ends)
    if tolerance > 0:
        pairs = cKDTree(points).query_pairs(tolerance, output_type="ndarray")
        n = len(points)
        _, group = connected_components(coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n)), directed=False)
    else:
        _, group = np.unique(points, axis=0, return_inverse=True)
        group = group.ravel()
    _, first, node = np.unique(group, return_index=True, return_inverse=True)
    node = node.ravel()
    # Number nodes in order of first appearance.
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    node = rank[node]
    xy = points[first[order]]
    u = np.full(len(lines), -1, dtype=np.int64)
    v = np.full(len(lines), -1, dtype=np.int64)
    good = np.asarray(good, dtype=np.int64)
    u[good], v[good] = node[0::2], node[1::2]
    graph = LineGraph(xy, u, v)
    if len(graph.links) == 0:
        raise InputError(tr("Every line begins and ends at the same node: the network has no link"))
    return graph


def id_graph(lines: Sequence[np.ndarray], start: Sequence[object], end: Sequence[object]) -> LineGraph:
    """The graph whose links are `lines` between the nodes named `start[k]` and `end[k]`
    (e.g. the from_id / to_id patch ids of a patch graph's links, whose geometries join the
    patches' edges, not one point per patch); a node lies at the first end point naming it.
    Links with a missing (None) id are not links."""
    names: dict[object, int] = {}
    xy: list[np.ndarray] = []
    u = np.full(len(lines), -1, dtype=np.int64)
    v = np.full(len(lines), -1, dtype=np.int64)
    for k, (line, a, b) in enumerate(zip(lines, start, end)):
        line = np.asarray(line, dtype=float).reshape(-1, 2)
        if a is None or b is None or len(line) == 0:
            continue
        for name, point, target in ((a, line[0], u), (b, line[-1], v)):
            if name not in names:
                names[name] = len(xy)
                xy.append(point)
            target[k] = names[name]
    graph = LineGraph(np.asarray(xy, dtype=float).reshape(-1, 2), u, v)
    if len(graph.links) == 0:
        raise InputError(tr("The line layer has no link between two different nodes"))
    return graph


def _adjacency(n: int, u: np.ndarray, v: np.ndarray) -> csr_matrix:
    """Symmetric 0/1 adjacency of the links u–v (parallel links count once, loops none)."""
    keep = u != v
    u, v = u[keep], v[keep]
    matrix = coo_matrix((np.ones(2 * len(u)), (np.r_[u, v], np.r_[v, u])), shape=(n, n)).tocsr()
    matrix.data[:] = 1.0
    return matrix


def largest_component_share(n0: int, alive: np.ndarray, u: np.ndarray, v: np.ndarray) -> float:
    """N_LCC / N₀ among the `alive` nodes joined by the links u–v."""
    if not alive.any():
        return 0.0
    _, label = connected_components(_adjacency(len(alive), u, v), directed=False)
    return float(np.bincount(label[alive]).max()) / n0


def _sources(alive: np.ndarray, sample: int | None, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """The search sources and the factor that scales their sum to all alive nodes."""
    nodes = np.flatnonzero(alive)
    if sample is None or len(nodes) <= max(sample, EXACT_LIMIT):
        return nodes, 1.0
    picked = np.sort(rng.choice(nodes, size=sample, replace=False))
    return picked, len(nodes) / sample


def global_efficiency(
    n0: int, alive: np.ndarray, u: np.ndarray, v: np.ndarray, sample: int | None = SAMPLED_SOURCES, rng: np.random.Generator | None = None
) -> float:
    """E = 1/(N₀(N₀ − 1)) Σ_{i≠j alive} 1/d_ij with d_ij in links (module docstring); from
    `sample` random sources when more than EXACT_LIMIT nodes are alive (None: always exact)."""
    if n0 < 2 or alive.sum() < 2:
        return 0.0
    rng = rng or np.random.default_rng(0)
    graph = _adjacency(len(alive), u, v)
    sources, scale = _sources(alive, sample, rng)
    total = 0.0
    for s in sources:
        d = bfs_distances(graph, int(s))
        reached = np.isfinite(d) & (d > 0)
        total += float((1.0 / d[reached]).sum())
    return scale * total / (n0 * (n0 - 1))


def betweenness(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    alive: np.ndarray | None = None,
    sample: int | None = SAMPLED_SOURCES,
    rng: np.random.Generator | None = None,
    cancelled: CancelCheck = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Shortest-path betweenness of every node and of every link u–v (Brandes 2001),
    unweighted, undirected, unnormalised: Σ over unordered pairs s ≠ t of the share of the
    s–t shortest paths through the node (s, t excluded) or the link. Parallel links share the
    paths of their node pair equally; loops carry none. From `sample` random sources when
    more than EXACT_LIMIT nodes are alive (scaled; Brandes & Pich 2007). `cancelled` is
    checked every SOURCES_PER_CHECK sources."""
    alive = np.ones(n, dtype=bool) if alive is None else alive
    rng = rng or np.random.default_rng(0)
    u = np.asarray(u, dtype=np.int64)
    v = np.asarray(v, dtype=np.int64)
    proper = np.flatnonzero(u != v)
    # Node pairs (both directions) with the number of parallel links between them.
    a, b = np.r_[u[proper], v[proper]], np.r_[v[proper], u[proper]]
    key, inverse, multiplicity = np.unique(a * n + b, return_inverse=True, return_counts=True)
    pa, pb = key // n, key % n
    graph = _adjacency(n, u, v)
    node_score = np.zeros(n)
    pair_score = np.zeros(len(key))
    sources, scale = _sources(alive, sample, rng)
    for count, s in enumerate(sources):
        if count % SOURCES_PER_CHECK == 0:
            check(cancelled)
        d = bfs_distances(graph, int(s))
        on_dag = np.isfinite(d[pa]) & (d[pb] == d[pa] + 1)
        di = np.flatnonzero(on_dag)
        level = d[pa[di]].astype(np.int64)
        order = np.argsort(level, kind="stable")
        di, level = di[order], level[order]
        du, dv = pa[di], pb[di]
        cuts = np.searchsorted(level, np.arange(level[-1] + 2)) if len(level) else np.zeros(1, np.int64)
        sigma = np.zeros(n)
        sigma[s] = 1.0
        for lo, hi in zip(cuts[:-1], cuts[1:]):
            sigma += np.bincount(dv[lo:hi], weights=sigma[du[lo:hi]], minlength=n)
        delta = np.zeros(n)
        for lo, hi in zip(cuts[-2::-1], cuts[:0:-1]):
            x, y = du[lo:hi], dv[lo:hi]
            share = sigma[x] / sigma[y] * (1.0 + delta[y])
            pair_score[di[lo:hi]] += share
            delta += np.bincount(x, weights=share, minlength=n)
        delta[s] = 0.0
        node_score += delta
    # Each unordered pair was counted from both ends; undirected links sum both directions.
    node_score *= scale / 2.0
    pair_total = pair_score * scale / 2.0
    per_link_pair = pair_total / multiplicity
    link_score = np.zeros(len(u))
    link_score[proper] = per_link_pair[inverse[: len(proper)]] + per_link_pair[inverse[len(proper) :]]
    return node_score, link_score


def bfs_distances(graph: csr_matrix, source: int) -> np.ndarray:
    """Links from `source` to every node (∞ unreachable), from scipy's breadth-first order:
    in that order the parents' positions never decrease, so each level is found by one
    binary search for the first node whose parent lies in the level before."""
    order, pred = breadth_first_order(graph, source, directed=True, return_predecessors=True)
    position = np.empty(graph.shape[0], dtype=np.int64)
    position[order] = np.arange(len(order))
    parent_position = np.r_[-1, position[pred[order[1:]]]]
    starts = [0, 1]
    while starts[-1] < len(order):
        starts.append(int(np.searchsorted(parent_position, starts[-1], side="left")))
        if starts[-1] == starts[-2]:  # cannot happen in a BFS order; guards against a loop
            break
    dist = np.full(graph.shape[0], np.inf)
    dist[order] = np.repeat(np.arange(len(starts) - 1), np.diff(starts))
    return dist


@dataclass(frozen=True)
class Curve:
    """The robustness curve: after `removed[k]` units (share `fraction[k]`), the largest
    component's share of the nodes, the global efficiency and the share of the population
    within the threshold (NaN without a probe); averaged over the repetitions of a random
    removal. `critical_fraction` (NaN when s never falls below ½) and `robustness` R."""

    fraction: np.ndarray
    removed: np.ndarray
    largest: np.ndarray
    efficiency: np.ndarray
    covered: np.ndarray
    critical_fraction: float
    robustness: float
    #: Units in removal order (of the first repetition for a random removal).
    order: np.ndarray


def critical_fraction(fraction: np.ndarray, largest: np.ndarray, level: float = 0.5) -> float:
    """The first removed share where `largest` falls below `level`, linear between steps."""
    below = np.flatnonzero(largest < level)
    if below.size == 0:
        return float("nan")
    k = int(below[0])
    if k == 0:
        return 0.0
    f0, f1, s0, s1 = fraction[k - 1], fraction[k], largest[k - 1], largest[k]
    return float(f0 + (s0 - level) / (s0 - s1) * (f1 - f0))


def robustness_curve(
    graph: LineGraph,
    removal: int = RANDOM,
    unit: int = NODES,
    steps: int = 20,
    repetitions: int = 10,
    seed: int = 0,
    priority: np.ndarray | None = None,
    probe: Callable[[np.ndarray, np.ndarray], float] | None = None,
    sample: int | None = SAMPLED_SOURCES,
    cancelled: CancelCheck = None,
    progress: Callable[[float], None] | None = None,
) -> Curve:
    """Remove the nodes or links (`unit`) of `graph` in `steps` equal steps until none is
    left, in the `removal` order, and measure after each step (module docstring). `priority`
    (one number per node or per line, higher first) drives removal PRIORITY; `probe(dead
    nodes, dead lines)` returns the population share within the threshold."""
    links = graph.links
    n0 = graph.n_nodes
    total = n0 if unit == NODES else len(links)
    if total == 0:
        raise InputError(tr("The network has nothing to remove"))
    steps = int(min(max(int(steps), 1), total))
    if removal == PRIORITY and (priority is None or len(priority) != (n0 if unit == NODES else len(graph.u))):
        raise ValueError("one priority per node or per line")
    runs = max(int(repetitions), 1) if removal == RANDOM else 1
    counts = np.round(np.linspace(0, total, steps + 1)).astype(np.int64)
    rng = np.random.default_rng(seed)
    curves = np.zeros((runs, 3, steps + 1))
    first_order = None
    for run in range(runs):
        order, measured = _run(graph, links, removal, unit, counts, rng, priority, probe, sample, cancelled, progress, run, runs)
        curves[run] = measured
        if first_order is None:
            first_order = order
    mean = curves.mean(axis=0)
    fraction = counts / total
    largest = mean[0]
    area = float(np.sum((largest[1:] + largest[:-1]) / 2.0 * np.diff(fraction)))
    return Curve(fraction, counts, largest, mean[1], mean[2], critical_fraction(fraction, largest), area, first_order)


def _run(graph, links, removal, unit, counts, rng, priority, probe, sample, cancelled, progress, run, runs):
    n0 = graph.n_nodes
    u, v = graph.u[links], graph.v[links]
    alive = np.ones(n0, dtype=bool)
    live_link = np.ones(len(links), dtype=bool)
    total = counts[-1]
    if removal == RANDOM:
        static = rng.permutation(total)
    elif removal == DEGREE:
        degree = np.bincount(np.r_[u[u != v], v[u != v]], minlength=n0).astype(float)
        score = degree if unit == NODES else degree[u] * degree[v]
        static = np.lexsort((np.arange(total), -score))
    elif removal == PRIORITY:
        score = np.asarray(priority, dtype=float)
        score = score if unit == NODES else score[links]
        static = np.lexsort((np.arange(total), -np.nan_to_num(score, nan=-np.inf)))
    else:
        static = None
    removed_order: list[int] = []
    out = np.zeros((3, len(counts)))
    done = 0
    for k, target in enumerate(counts):
        check(cancelled)
        if target > done:
            if static is not None:
                batch = static[done:target]
            else:
                batch = _most_between(n0, u, v, alive, live_link, unit, target - done, sample, rng, cancelled)
            removed_order.extend(int(x) for x in batch)
            if unit == NODES:
                alive[batch] = False
                live_link &= alive[u] & alive[v]
            else:
                live_link[batch] = False
            done = target
        eu, ev = u[live_link], v[live_link]
        out[0, k] = largest_component_share(n0, alive, eu, ev)
        out[1, k] = global_efficiency(n0, alive, eu, ev, sample, rng)
        if probe is not None:
            dead_lines = np.zeros(len(graph.u), dtype=bool)
            dead_lines[links[~live_link]] = True
            out[2, k] = probe(~alive, dead_lines)
        else:
            out[2, k] = np.nan
        if progress is not None:
            progress((run + (k + 1) / len(counts)) / runs)
    order = np.asarray(removed_order, dtype=np.int64)
    if unit == EDGES:
        order = links[order]
    return order, out


def _most_between(n0, u, v, alive, live_link, unit, count, sample, rng, cancelled=None) -> np.ndarray:
    """The `count` alive nodes or live links of highest betweenness on the damaged network."""
    eu, ev = u[live_link], v[live_link]
    nodes, link_scores = betweenness(n0, eu, ev, alive, sample, rng, cancelled)
    if unit == NODES:
        candidates = np.flatnonzero(alive)
        score = nodes[candidates]
    else:
        candidates = np.flatnonzero(live_link)
        score = link_scores
    order = np.lexsort((candidates, -score))
    return candidates[order[:count]]
