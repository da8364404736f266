"""Graph connectivity of habitat patches: the indices of Conefor (IIC, PC, dIIC, dPC and its fractions).

Patches are nodes with an attribute aᵢ (area in ha, or a quality-weighted area); links join patches
whose distance dᵢⱼ (edge-to-edge Euclidean in metres, or least cost in cost units) is known.

- Integral index of connectivity (Pascual-Hortal & Saura 2006):
  IIC = Σᵢ Σⱼ aᵢ aⱼ / (1 + nlᵢⱼ) / A_L², nlᵢⱼ the number of links of the shortest topological path
  between i and j in the binary graph whose links are the pairs with dᵢⱼ ≤ THRESHOLD (nlᵢᵢ = 0; pairs
  in different components add 0).
- Probability of connectivity (Saura & Pascual-Hortal 2007):
  PC = Σᵢ Σⱼ aᵢ aⱼ p*ᵢⱼ / A_L², pᵢⱼ = exp(−k dᵢⱼ) with k = −ln(P_T)/d_T (the probability P_T at the
  distance d_T = THRESHOLD), p*ᵢⱼ the maximum product of the pᵢⱼ over all paths (p*ᵢᵢ = 1), found by
  Dijkstra on the weights −ln pᵢⱼ = k dᵢⱼ.
- Equivalent connected area EC(PC) = √(Σᵢ Σⱼ aᵢ aⱼ p*ᵢⱼ) (Saura et al. 2011), in the unit of aᵢ.
- Importance of a patch: dX = 100 · (X − X_remove)/X, X_remove the index after removing the patch.
  dPC = dPC_intra + dPC_flux + dPC_connector (Saura & Rubio 2010): intra = 100 aₖ²/(PC·A_L²), flux =
  100 · 2 aₖ Σ_{j≠k} aⱼ p*ₖⱼ / (PC·A_L²) (paths that start or end at k), connector = the rest (paths
  between other patches that run through k).

Node removal is exact and fast: removing k only changes the shortest paths of the sources whose
shortest-path tree runs through k, so only those are recomputed. Before that, a link i–j is dropped
when two different patches m each give a path i–m–j no longer than it with both links strictly shorter
(it can then never be the only best path, whichever single patch is removed).

References: Pascual-Hortal L, Saura S (2006) Landscape Ecology 21: 959–967. Saura S, Pascual-Hortal L
(2007) Landscape and Urban Planning 83: 91–103. Saura S, Rubio L (2010) Ecography 33: 523–537.
Saura S, Estreguil C, Mouton C, Rodríguez-Freire M (2011) Ecological Indicators 11: 407–416.
Saura S, Torné J (2009) Conefor Sensinode 2.2, Environmental Modelling & Software 24: 135–139.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra, shortest_path

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, Progress, check

#: Links whose direct probability would be below this are not measured (their contribution to PC
#: is at most this share of aᵢaⱼ); they may still be connected through other patches.
PROBABILITY_FLOOR = 1e-9
_NO_PRED = -9999


def decay_constant(threshold: float, probability: float) -> float:
    """k of pᵢⱼ = exp(−k dᵢⱼ) such that p = `probability` at d = `threshold`: k = −ln(P)/d."""
    if not (math.isfinite(threshold) and threshold > 0):
        raise InputError(tr("THRESHOLD must be a distance above 0, got {value}"), value=threshold)
    if not (math.isfinite(probability) and 0.0 < probability < 1.0):
        raise InputError(tr("PROBABILITY must lie strictly between 0 and 1 (a dispersal probability), got {value}"), value=probability)
    return -math.log(probability) / threshold


def search_distance(thresholds: Sequence[float], probability: float, floor: float = PROBABILITY_FLOOR) -> float:
    """The largest distance any index needs: where p = `floor` for the largest threshold (≥ it)."""
    largest = max(thresholds)
    return max(largest, largest * math.log(1.0 / floor) / -math.log(probability))


@dataclass(frozen=True)
class Links:
    """Undirected links: patches i[l] and j[l] (i ≠ j) at distance d[l] ≥ 0."""

    i: np.ndarray
    j: np.ndarray
    d: np.ndarray

    @classmethod
    def of(cls, pairs: Sequence[tuple[int, int, float]]) -> "Links":
        if not len(pairs):
            return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
        a = np.asarray(pairs, dtype=float)
        return cls(a[:, 0].astype(np.int64), a[:, 1].astype(np.int64), a[:, 2])

    def within(self, distance: float) -> "Links":
        keep = self.d <= distance
        return Links(self.i[keep], self.j[keep], self.d[keep])


@dataclass
class Indices:
    """Global indices at one threshold (numerators in the squared unit of the attributes)."""

    iic: float
    pc: float
    ec_pc: float
    components: int
    iic_num: float = 0.0
    pc_num: float = 0.0


@dataclass
class Connectivity(Indices):
    """Global indices and the per-patch importance (per cent)."""

    d_iic: np.ndarray = field(default_factory=lambda: np.zeros(0))
    d_pc: np.ndarray = field(default_factory=lambda: np.zeros(0))
    d_pc_intra: np.ndarray = field(default_factory=lambda: np.zeros(0))
    d_pc_flux: np.ndarray = field(default_factory=lambda: np.zeros(0))
    d_pc_connector: np.ndarray = field(default_factory=lambda: np.zeros(0))
    component: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    rank: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))


def _check(areas: np.ndarray, links: Links, landscape_area: float) -> None:
    if areas.ndim != 1 or areas.size == 0:
        raise InputError(tr("There is no habitat patch: nothing to measure"))
    if not np.all(np.isfinite(areas)) or np.any(areas <= 0):
        raise InputError(tr("Every patch attribute (area) must be a number above 0"))
    if not (math.isfinite(landscape_area) and landscape_area > 0):
        raise InputError(tr("LANDSCAPE_AREA must be an area above 0 (ha), got {value}"), value=landscape_area)
    n = areas.size
    if links.i.size and (links.i.min() < 0 or links.j.min() < 0 or max(links.i.max(), links.j.max()) >= n or np.any(links.i == links.j)):
        raise ValueError("links must join two different patches 0 … n − 1")
    if links.d.size and (not np.all(np.isfinite(links.d)) or links.d.min() < 0):
        raise InputError(tr("Distances between patches must be finite and not negative"))


def _graph(n: int, i: np.ndarray, j: np.ndarray, w: np.ndarray) -> csr_matrix:
    """Symmetric sparse graph (explicit zeros are links of weight 0); the lightest of duplicate links."""
    if i.size:
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        order = np.lexsort((w, hi, lo))
        lo, hi, w = lo[order], hi[order], w[order]
        first = np.ones(lo.size, bool)
        first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
        lo, hi, w = lo[first], hi[first], w[first]
        i, j = np.concatenate([lo, hi]), np.concatenate([hi, lo])
        w = np.concatenate([w, w])
    return csr_matrix((w.astype(float), (i, j)), shape=(n, n))


def prune_dominated(n: int, links: Links, k: float, candidates: int = 24) -> Links:
    """Drop the links i–j for which two different patches m give i–m–j with d_im + d_mj ≤ d_ij and
    both d_im, d_mj < d_ij: no single removal makes such a link the only best path (see module doc).
    The m looked at are the `candidates` nearest neighbours of i (fewer looked at = fewer links
    dropped, never a different result)."""
    if links.i.size <= 4 * n:
        return links
    graph = _graph(n, links.i, links.j, links.d)
    rows = np.repeat(np.arange(n), np.diff(graph.indptr))
    key = rows.astype(np.int64) * n + graph.indices
    order = np.argsort(key)
    key, weight = key[order], graph.data[order]
    lookup = (key, weight)

    def w(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        q = a.astype(np.int64) * n + b
        pos = np.clip(np.searchsorted(lookup[0], q), 0, key.size - 1)
        return np.where(lookup[0][pos] == q, lookup[1][pos], np.inf)

    keep_i, keep_j, keep_d = [], [], []
    for a in range(n):
        start, end = graph.indptr[a], graph.indptr[a + 1]
        nb, da = graph.indices[start:end], graph.data[start:end]
        upper = nb > a
        if not upper.any():
            continue
        near = nb[np.argsort(da, kind="stable")[:candidates]]
        d_am = w(np.full(near.size, a), near)
        b, d_ab = nb[upper], da[upper]
        d_mb = w(np.repeat(near, b.size), np.tile(b, near.size)).reshape(near.size, b.size)
        via = (d_am[:, None] + d_mb <= d_ab[None, :] * (1 + 1e-12)) & (d_am[:, None] < d_ab[None, :]) & (d_mb < d_ab[None, :])
        kept = via.sum(axis=0) < 2
        keep_i.append(np.full(int(kept.sum()), a))
        keep_j.append(b[kept])
        keep_d.append(d_ab[kept])
    if not keep_i:
        return Links.of([])
    return Links(np.concatenate(keep_i).astype(np.int64), np.concatenate(keep_j).astype(np.int64), np.concatenate(keep_d))


def _iic_num(areas: np.ndarray, nl: np.ndarray) -> np.ndarray:
    """Row sums of aᵢaⱼ/(1 + nlᵢⱼ) (0 where unreachable) for the rows of `nl`."""
    with np.errstate(divide="ignore"):
        inv = np.where(np.isfinite(nl), 1.0 / (1.0 + nl), 0.0)
    return inv @ areas


def global_indices(areas: Sequence[float], links: Links, threshold: float, probability: float, landscape_area: float) -> Indices:
    """IIC, PC, EC(PC) and the number of components at `threshold` (no node removal)."""
    areas = np.asarray(areas, dtype=float)
    _check(areas, links, landscape_area)
    n = areas.size
    k = decay_constant(threshold, probability)
    binary = links.within(threshold)
    gb = _graph(n, binary.i, binary.j, np.ones(binary.i.size))
    nl = shortest_path(gb, method="D", directed=False, unweighted=True)
    iic_num = float(areas @ _iic_num(areas, nl))
    pruned = prune_dominated(n, links, k)
    gp = _graph(n, pruned.i, pruned.j, k * pruned.d)
    pstar = np.exp(-dijkstra(gp, directed=True))
    pc_num = float(areas @ pstar @ areas)
    comps = connected_components(gb, directed=False)[0]
    al2 = landscape_area**2
    return Indices(iic_num / al2, pc_num / al2, math.sqrt(pc_num), int(comps), iic_num, pc_num)


def _sources_through(pred: np.ndarray) -> list[np.ndarray]:
    """For each node k, the sources whose shortest-path tree runs through k (k a predecessor)."""
    n = pred.shape[0]
    through = np.zeros((n, n), dtype=bool)  # through[source, k]
    rows = np.repeat(np.arange(n), n)
    flat = pred.ravel()
    ok = flat >= 0
    through[rows[ok], flat[ok]] = True
    through[np.arange(n), np.arange(n)] = False
    return [np.flatnonzero(through[:, k]) for k in range(n)]


def _removed(graph: csr_matrix, k: int) -> tuple[csr_matrix, np.ndarray]:
    keep = np.flatnonzero(np.arange(graph.shape[0]) != k)
    return graph[keep][:, keep], keep


#: Up to this many patches, node removal runs the vertex-avoiding Floyd–Warshall (memory ∝ n² log n).
FLOYD_MAX_NODES = 1500


def _dense(n: int, graph: csr_matrix) -> np.ndarray:
    """Dense weights of a sparse graph: inf where no link, 0 on the diagonal (explicit zeros kept)."""
    dense = np.full((n, n), np.inf)
    rows = np.repeat(np.arange(n), np.diff(graph.indptr))
    dense[rows, graph.indices] = graph.data
    np.fill_diagonal(dense, 0.0)
    return dense


def _removals_floyd(areas, gp, gb, candidates, *, cancelled: CancelCheck = None, progress: Progress = None) -> dict:
    """{k: (IIC numerator, PC numerator) without patch k} for the candidates k.

    Floyd–Warshall with every vertex but k as intermediate gives the shortest paths of the graph
    without k. Relaxing first over all non-candidates, then splitting the candidates in halves A, B
    (paths avoiding any k ∈ A = relaxed over B, and conversely) shares the work: n log n relaxation
    steps of n² each instead of n per removal. PC and hop counts are relaxed together (min-plus on
    −ln p and on links)."""
    n = areas.size
    d = np.stack([_dense(n, gp), _dense(n, gb)])
    buffer = np.empty_like(d)
    done = [0]
    total = max(len(candidates), 1)
    out: dict[int, tuple[float, float]] = {}

    def relax(matrix: np.ndarray, vertices) -> None:
        for count, m in enumerate(vertices):
            if count % 32 == 0:
                check(cancelled)
            col = matrix[:, :, m].copy()
            row = matrix[:, m, :].copy()
            np.add(col[:, :, None], row[:, None, :], out=buffer)
            np.minimum(matrix, buffer, out=matrix)

    def evaluate(k: int, matrix: np.ndarray) -> None:
        masked = areas.copy()
        masked[k] = 0.0
        pc_after = float(masked @ np.exp(-matrix[0]) @ masked)
        with np.errstate(divide="ignore"):
            inv = np.where(np.isfinite(matrix[1]), 1.0 / (1.0 + matrix[1]), 0.0)
        out[k] = (float(masked @ inv @ masked), pc_after)
        done[0] += 1
        if progress is not None and done[0] % 8 == 0:
            progress(done[0] / total)

    def recurse(matrix: np.ndarray, group: np.ndarray) -> None:
        if group.size == 1:
            evaluate(int(group[0]), matrix)
            return
        half = group.size // 2
        first, second = group[:half], group[half:]
        copy = matrix.copy()
        relax(copy, second)
        recurse(copy, first)
        del copy
        relax(matrix, first)
        recurse(matrix, second)

    if not candidates.size:
        return out
    relax(d, np.setdiff1d(np.arange(n), candidates))
    recurse(d, np.asarray(candidates))
    return out


def _removals_dijkstra(areas, gp, gb, nl, pstar, through_b, through_p, candidates, *, cancelled=None, progress=None) -> dict:
    """As `_removals_floyd`, by Dijkstra (BFS for hops) from the sources whose shortest-path tree
    runs through k, on the graph without k: the other sources keep their distances."""
    iic_num = float(areas @ _iic_num(areas, nl))
    pc_num = float(areas @ pstar @ areas)
    iic_rows = _iic_num(areas, nl)
    pc_rows = pstar @ areas
    out: dict[int, tuple[float, float]] = {}
    for count, node in enumerate(candidates):
        check(cancelled)
        a = areas[node]
        iic_after = iic_num - (2.0 * a * iic_rows[node] - a * a)
        sources = through_b[node]
        if sources.size:
            sub, keep = _removed(gb, node)
            index = np.searchsorted(keep, sources)
            nl_new = shortest_path(sub, method="D", directed=False, unweighted=True, indices=index)
            old = np.delete(nl[sources], node, axis=1)
            with np.errstate(divide="ignore"):
                change = np.where(np.isfinite(old), 1.0 / (1.0 + old), 0.0) - np.where(np.isfinite(nl_new), 1.0 / (1.0 + nl_new), 0.0)
            iic_after -= float(areas[sources] @ change @ areas[keep])
        pc_after = pc_num - (2.0 * a * pc_rows[node] - a * a)
        sources = through_p[node]
        if sources.size:
            sub, keep = _removed(gp, node)
            index = np.searchsorted(keep, sources)
            p_new = np.exp(-dijkstra(sub, directed=True, indices=index))
            change = np.delete(pstar[sources], node, axis=1) - p_new
            pc_after -= float(areas[sources] @ change @ areas[keep])
        out[int(node)] = (iic_after, pc_after)
        if progress is not None and count % 16 == 15:
            progress((count + 1) / len(candidates))
    return out


def connectivity(
    areas: Sequence[float],
    links: Links,
    threshold: float,
    probability: float,
    landscape_area: float,
    *,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    method: str = "auto",
) -> Connectivity:
    """The global indices and every patch's dIIC, dPC and dPC fractions (per cent), see module doc.

    `links` holds the distances of the pairs that may be linked (at least every pair within
    `search_distance([threshold], probability)`); `landscape_area` A_L in the unit of the areas.
    `method`: how the indices without each patch are recomputed (same result): "floyd" (vertex-
    avoiding Floyd–Warshall by halving, O(n² · n log n) in numpy, n² · 8 · 2 · log₂ n bytes), "dijkstra"
    (Dijkstra from the sources whose shortest paths run through the patch; little memory) or "auto"
    (floyd up to FLOYD_MAX_NODES patches).
    """
    areas = np.asarray(areas, dtype=float)
    _check(areas, links, landscape_area)
    n = areas.size
    k = decay_constant(threshold, probability)
    # --- IIC and dIIC on the binary graph
    binary = links.within(threshold)
    gb = _graph(n, binary.i, binary.j, np.ones(binary.i.size))
    nl, pred_b = shortest_path(gb, method="D", directed=False, unweighted=True, return_predecessors=True)
    labels = connected_components(gb, directed=False)[1]
    iic_rows = _iic_num(areas, nl)
    iic_num = float(areas @ iic_rows)
    through_b = _sources_through(pred_b)
    # --- PC on the pruned probability graph
    pruned = prune_dominated(n, links, k)
    gp = _graph(n, pruned.i, pruned.j, k * pruned.d)
    dist, pred_p = dijkstra(gp, directed=True, return_predecessors=True)
    pstar = np.exp(-dist)
    pc_num = float(areas @ pstar @ areas)
    through_p = _sources_through(pred_p)
    flux_rows = pstar @ areas - areas  # Σ_{j≠k} aⱼ p*ₖⱼ
    intra = 100.0 * areas**2 / pc_num
    flux = 100.0 * 2.0 * areas * flux_rows / pc_num
    # removing a patch that is no intermediate of any shortest path changes only its own pairs
    d_iic = 100.0 * (2.0 * areas * iic_rows - areas**2) / iic_num
    connector = np.zeros(n)
    candidates = np.flatnonzero([through_b[v].size > 0 or through_p[v].size > 0 for v in range(n)])
    if method == "auto":
        method = "floyd" if n <= FLOYD_MAX_NODES else "dijkstra"
    if method == "floyd":
        after = _removals_floyd(areas, gp, gb, candidates, cancelled=cancelled, progress=progress)
    else:
        after = _removals_dijkstra(areas, gp, gb, nl, pstar, through_b, through_p, candidates, cancelled=cancelled, progress=progress)
    for node, (iic_after, pc_after) in after.items():
        d_iic[node] = 100.0 * (iic_num - iic_after) / iic_num
        connector[node] = 100.0 * (pc_num - pc_after) / pc_num - intra[node] - flux[node]
    connector = np.maximum(connector, 0.0)  # rounding of exp(−d) may leave −1e−16
    d_pc = intra + flux + connector
    order = np.argsort(-d_pc, kind="stable")
    rank = np.empty(n, np.int64)
    rank[order] = np.arange(1, n + 1)
    # components numbered 1 … by decreasing attribute sum (1 = the largest)
    sums = np.bincount(labels, weights=areas)
    renumber = np.empty(sums.size, np.int64)
    renumber[np.argsort(-sums, kind="stable")] = np.arange(1, sums.size + 1)
    al2 = landscape_area**2
    return Connectivity(
        iic_num / al2,
        pc_num / al2,
        math.sqrt(pc_num),
        int(labels.max() + 1),
        iic_num,
        pc_num,
        d_iic=d_iic,
        d_pc=d_pc,
        d_pc_intra=intra,
        d_pc_flux=flux,
        d_pc_connector=connector,
        component=renumber[labels],
        rank=rank,
    )


@dataclass(frozen=True)
class CurvePoint:
    distance: float
    iic: float
    pc: float
    ec_pc: float
    components: int


def distance_curve(
    areas: Sequence[float],
    links: Links,
    distances: Sequence[float],
    probability: float,
    landscape_area: float,
    *,
    cancelled: CancelCheck = None,
) -> list[CurvePoint]:
    """IIC, PC, EC(PC) and components with THRESHOLD set to each distance in turn (the same
    probability at that distance): where the components jump is a spatial threshold of the network."""
    points = []
    for distance in sorted(set(float(d) for d in distances)):
        check(cancelled)
        g = global_indices(areas, links, distance, probability, landscape_area)
        points.append(CurvePoint(distance, g.iic, g.pc, g.ec_pc, g.components))
    return points


def edge_distances(geometries: Sequence, max_distance: float, *, cancelled: CancelCheck = None, progress: Progress = None) -> Links:
    """Edge-to-edge Euclidean distances (0 for touching or overlapping shapes) of the pairs of
    shapely geometries at most `max_distance` apart; pairs are first found by their bounding
    boxes (a sweep along x), then measured exactly."""
    n = len(geometries)
    if n < 2:
        return Links.of([])
    bounds = np.array([g.bounds for g in geometries], dtype=float)
    order = np.argsort(bounds[:, 0], kind="stable")
    b = bounds[order]
    pairs = []
    for pos in range(n):
        if pos % 64 == 0:
            check(cancelled)
            if progress is not None:
                progress(pos / n)
        a = order[pos]
        stop = np.searchsorted(b[:, 0], b[pos, 2] + max_distance, side="right")
        cand = np.arange(pos + 1, stop)
        if not cand.size:
            continue
        gx = np.maximum(0.0, np.maximum(b[cand, 0] - b[pos, 2], b[pos, 0] - b[cand, 2]))
        gy = np.maximum(0.0, np.maximum(b[cand, 1] - b[pos, 3], b[pos, 1] - b[cand, 3]))
        cand = cand[np.hypot(gx, gy) <= max_distance]
        ga = geometries[a]
        for c in cand:
            other = order[c]
            d = ga.distance(geometries[other])
            if d <= max_distance:
                pairs.append((min(a, other), max(a, other), d))
    return Links.of(pairs)
