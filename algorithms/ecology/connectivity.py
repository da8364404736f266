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
shortest-path tree runs through k (the candidates are the patches that are some tree's intermediate),
and only in k's component. Up to FLOYD_MAX_NODES patches, the paths without each candidate come from
a vertex-avoiding Floyd–Warshall shared by halving, on p itself (max–product, no exp per removal)
and on hop counts (min–plus); beyond, from Dijkstra from the affected sources. Before that, a link i–j is dropped
when two different patches m each give a path i–m–j no longer than it with both links strictly shorter
(it can then never be the only best path, whichever single patch is removed).

References: Pascual-Hortal L, Saura S (2006) Landscape Ecology 21: 959–967. Saura S, Pascual-Hortal L
(2007) Landscape and Urban Planning 83: 91–103. Saura S, Rubio L (2010) Ecography 33: 523–537.
Saura S, Estreguil C, Mouton C, Rodríguez-Freire M (2011) Ecological Indicators 11: 407–416.
Saura S, Torné J (2009) Conefor Sensinode 2.2, Environmental Modelling & Software 24: 135–139.
"""

from __future__ import annotations

import math
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra, shortest_path

from ..common import machine
from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, Cancelled, Progress, check

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


def _inverse_hops(nl: np.ndarray) -> np.ndarray:
    """1/(1 + nlᵢⱼ), 0 where unreachable (nl = inf), the IIC weight of a pair; float64 whatever nl's type."""
    weight = np.add(nl, 1.0, dtype=np.float64)
    return np.reciprocal(weight, out=weight)


def _iic_num(areas: np.ndarray, nl: np.ndarray) -> np.ndarray:
    """Row sums of aᵢaⱼ/(1 + nlᵢⱼ) (0 where unreachable) for the rows of `nl`."""
    return _inverse_hops(nl) @ areas


def probability_graph(n: int, links: Links, k: float) -> csr_matrix:
    """The graph whose shortest paths give p*: links of weight −ln pᵢⱼ = k·dᵢⱼ, dominated links
    pruned (prune_dominated)."""
    pruned = prune_dominated(n, links, k)
    return _graph(n, pruned.i, pruned.j, k * pruned.d)


def max_product_probabilities(n: int, links: Links, k: float) -> np.ndarray:
    """p*ᵢⱼ, the largest product of link probabilities exp(−k·d) over the paths between i and j
    (p*ᵢᵢ = 1, 0 between components), as a dense n × n array."""
    return np.exp(-dijkstra(probability_graph(n, links, k), directed=True))


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
    pstar = max_product_probabilities(n, links, k)
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
#: Pivots relaxed together, and rows per tile, in `_relax` (measured on 1000 patches: smaller tiles
#: make the threads wait for each other at the GIL between numpy calls, larger ones leave the cache).
_BLOCK = 64
_TILE = 128


@dataclass(frozen=True)
class _PathAlgebra:
    """How path values combine: a path is the ⊗ of its links, the best path the ⊕ (`plus`) of the
    paths; `outer`(x, y, out) = the matrix xᵢ ⊗ yⱼ; `zero` = no path, `one` = the empty path (a patch
    to itself)."""

    plus: np.ufunc
    outer: Callable[..., np.ndarray]
    zero: float
    one: float
    dtype: type


def _product_outer(x: np.ndarray, y: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    return np.einsum("i,j->ij", x, y, out=out)  # the same products as multiply's broadcasting, faster


def _sum_outer(x: np.ndarray, y: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    out = np.empty((x.size, y.size), np.result_type(x, y)) if out is None else out
    out[...] = x[:, None]  # a broadcast copy, then an add of rows: faster than add's broadcasting
    return np.add(out, y, out=out)


#: p*ᵢⱼ, the largest product of link probabilities: exp(−Dijkstra on −ln p) without logs or exps.
PROBABILITY = _PathAlgebra(np.maximum, _product_outer, 0.0, 1.0, np.float64)
#: nlᵢⱼ, the fewest links: small integers, exact in float32 (half the memory traffic of float64).
HOPS = _PathAlgebra(np.minimum, _sum_outer, np.inf, 0.0, np.float32)


@dataclass(frozen=True)
class _Removal:
    """One index to recompute without each of the `candidates`: Σᵢⱼ aᵢaⱼ weight(best path value ᵢⱼ)
    on `graph` (its data are the link values), = `numerator` = Σᵢ aᵢ `rows`ᵢ on the full graph."""

    graph: csr_matrix
    algebra: _PathAlgebra
    weight: Callable[[np.ndarray], np.ndarray]
    numerator: float
    rows: np.ndarray
    candidates: np.ndarray


def _relax(matrix: np.ndarray, vertices: np.ndarray, algebra: _PathAlgebra, poll: Callable[[], None], out: np.ndarray | None = None) -> None:
    """Floyd–Warshall steps over `vertices`: mᵢⱼ ← mᵢⱼ ⊕ mᵢᵥ ⊗ mᵥⱼ for each v in turn, in place or
    into `out` (then `matrix` is left as it was; no separate copy, each tile is copied in cache).

    Blocked (Venkataraman, Sahni & Mukhopadhyaya 2003): the rows of a block K of pivots only depend
    on each other, so they are relaxed first, pivot after pivot; every entry then takes
    ⊕_{v∈K} mᵢᵥ ⊗ mᵥⱼ from those final rows, a tile of rows at a time, so the tile stays in cache
    while the block's pivots pass over it. The links are undirected, so the paths are symmetric (⊗
    commutes) and only the band of `_band_sum` is kept: mᵢⱼ for j from the first row of i's tile on
    (half the work); mⱼᵥ left of the band is read as mᵥⱼ."""
    n = matrix.shape[0]
    plus, outer = algebra.plus, algebra.outer
    out = matrix if out is None else out
    if not vertices.size:
        np.copyto(out, matrix)
    scratch = np.empty((2, min(_TILE, n) * n), matrix.dtype)
    for start in range(0, vertices.size, _BLOCK):
        poll()
        block = vertices[start : start + _BLOCK]
        rows = matrix[block]  # a copy of m_K· (= m_·K transposed), left of the band from column v
        for q, v in enumerate(block):
            left = v - v % _TILE
            rows[q, :left] = matrix[:left, v]
        for q, v in enumerate(block):
            plus(rows, outer(rows[:, v], rows[q]), out=rows)
        for top in range(0, n, _TILE):
            end = min(top + _TILE, n)
            # contiguous copies: numpy's loops are several times slower on a strided 2-D view
            tile, product = (part[: (end - top) * (n - top)].reshape(end - top, n - top) for part in scratch)
            tile[...] = matrix[top:end, top:]
            for q in range(block.size):
                outer(rows[q, top:end], rows[q, top:], out=product)
                plus(tile, product, out=tile)
            out[top:end, top:] = tile
        matrix = out


def _band_sum(matrix: np.ndarray, weight: Callable[[np.ndarray], np.ndarray], a: np.ndarray) -> float:
    """Σᵢⱼ aᵢ aⱼ weight(mᵢⱼ) of a symmetric `matrix` of which only the band left by `_relax` is read:
    each tile of rows with the columns from its first row on, those right of the tile counted twice."""
    n, total = matrix.shape[0], 0.0
    for top in range(0, n, _TILE):
        end = min(top + _TILE, n)
        twice = a[top:].copy()
        twice[end - top :] *= 2.0
        # einsum, not BLAS: a threaded BLAS's workers would spin on the cores the halves run on
        total += float(a[top:end] @ np.einsum("ij,j->i", weight(matrix[top:end, top:]), twice))
    return total


def _dense(graph: csr_matrix, members: np.ndarray, algebra: _PathAlgebra) -> np.ndarray:
    """The link values among `members` (sorted) as a dense matrix: `zero` where no link, `one` on the diagonal."""
    sub = graph[members][:, members]
    matrix = np.full((members.size, members.size), algebra.zero, algebra.dtype)
    matrix[np.repeat(np.arange(members.size), np.diff(sub.indptr)), sub.indices] = sub.data
    np.fill_diagonal(matrix, algebra.one)
    return matrix


def _removals_floyd(
    areas: np.ndarray, removals: Sequence[_Removal], *, cancelled: CancelCheck = None, progress: Progress = None
) -> list[dict[int, float]]:
    """For each removal, {k: its index numerator without patch k} for its candidates k.

    Removing k only changes k's component: its part of the numerator is recomputed and swapped in.
    In a component, Floyd–Warshall with every vertex but k as intermediate gives the paths without
    k. Relaxing first over all non-candidates, then splitting the candidates in halves A, B (paths
    avoiding any k ∈ A = relaxed over B, and conversely) shares the work: s log₂ s relaxation steps
    of s² each for a component of s patches, instead of s per removal. The halves of the first splits
    run in threads (numpy releases the GIL in its loops), up to `_workers()`; each thread holds its
    own copies, s² · log₂ s values."""
    n = areas.size
    lock, stop, caller = threading.Lock(), threading.Event(), threading.get_ident()
    jobs = []  # (removal number, members, candidates as positions among the members, work per candidate)
    for number, removal in enumerate(removals):
        labels = connected_components(removal.graph, directed=False)[1]
        chosen = np.zeros(n, bool)
        chosen[removal.candidates] = True
        for label in np.unique(labels[removal.candidates]):
            members = np.flatnonzero(labels == label)
            local = np.flatnonzero(chosen[members])
            work = members.size**2 * math.log2(members.size + 1) * np.dtype(removal.algebra.dtype).itemsize
            jobs.append((number, members, local, work))
    total = sum(work * local.size for _, _, local, work in jobs) or 1.0
    done, reported = [0.0], [0.0]
    out: list[dict[int, float]] = [{} for _ in removals]

    def poll() -> None:
        """Stop when asked; the caller's callbacks are only called from the caller's thread."""
        if stop.is_set():
            raise Cancelled()
        if threading.get_ident() != caller:
            return
        try:
            check(cancelled)
        except Cancelled:
            stop.set()
            raise
        if progress is not None and done[0] - reported[0] >= total / 200:  # every 0.5 %
            reported[0] = done[0]
            progress(done[0] / total)

    def solve(removal: _Removal, members: np.ndarray, local: np.ndarray, work: float, result: dict[int, float]) -> None:
        before = float(areas[members] @ removal.rows[members])

        def evaluate(k: int, matrix: np.ndarray) -> None:
            masked = areas[members]
            masked[k] = 0.0
            result[int(members[k])] = removal.numerator - before + _band_sum(matrix, removal.weight, masked)
            with lock:
                done[0] += work
            poll()

        def recurse(matrix: np.ndarray, group: np.ndarray, threads: int, spare: list[np.ndarray]) -> None:
            """`spare`: this thread's matrices, one per level below (reused: fresh memory costs page faults)."""
            if group.size == 1:
                evaluate(int(group[0]), matrix)
                return
            first, second = group[: group.size // 2], group[group.size // 2 :]

            def without(relaxed: np.ndarray, removed: np.ndarray, out: np.ndarray | None, threads: int, spare: list[np.ndarray]) -> None:
                _relax(matrix, relaxed, removal.algebra, poll, out=out)
                recurse(matrix if out is None else out, removed, threads, spare)

            if threads < 2 or group.size < 2 * _BLOCK:
                without(second, first, spare[0], 1, spare[1:])
                without(first, second, None, 1, spare[1:])  # the last user of `matrix` relaxes it in place
                return
            # both halves read `matrix` at once, so both write elsewhere
            with ThreadPoolExecutor(1) as pool:
                other = pool.submit(without, second, first, spare[0], threads // 2, [np.empty_like(m) for m in spare[1:]])
                try:
                    without(first, second, np.empty_like(matrix), threads - threads // 2, spare[1:])
                    while True:  # keep asking the caller while the other half finishes
                        try:
                            other.result(timeout=0.25)
                            break
                        except FutureTimeout:
                            poll()
                except BaseException:
                    stop.set()  # the other thread stops at its next poll; the pool waits for it
                    raise

        matrix = _dense(removal.graph, members, removal.algebra)
        others = np.ones(members.size, bool)
        others[local] = False
        _relax(matrix, np.flatnonzero(others), removal.algebra, poll)
        levels = math.ceil(math.log2(local.size)) if local.size > 1 else 0
        recurse(matrix, local, _workers(), [np.empty_like(matrix) for _ in range(levels)])

    for number, members, local, work in jobs:
        solve(removals[number], members, local, work, out[number])
    return out


def _workers() -> int:
    """Threads for the halving: the cores this process may run on, at most 4 (each thread holds
    its copies of the matrix)."""
    return min(4, machine.available_cores())


def _removals_dijkstra(areas, gb, nl, gp, pstar, through_b, through_p, *, cancelled=None, progress=None) -> list[dict[int, float]]:
    """As `_removals_floyd` for IIC and PC, by BFS (hops) and Dijkstra (−ln p) from the sources whose
    shortest-path tree runs through k, on the graph without k: the other sources keep their paths."""
    iic_rows = _iic_num(areas, nl)
    pc_rows = pstar @ areas
    iic_num, pc_num = float(areas @ iic_rows), float(areas @ pc_rows)
    iic_after: dict[int, float] = {}
    pc_after: dict[int, float] = {}
    for node in range(areas.size):
        check(cancelled)
        a = areas[node]
        sources = through_b[node]
        if sources.size:
            sub, keep = _removed(gb, node)
            index = np.searchsorted(keep, sources)
            nl_new = shortest_path(sub, method="D", directed=False, unweighted=True, indices=index)
            change = _inverse_hops(np.delete(nl[sources], node, axis=1)) - _inverse_hops(nl_new)
            iic_after[node] = iic_num - (2.0 * a * iic_rows[node] - a * a) - float(areas[sources] @ change @ areas[keep])
        sources = through_p[node]
        if sources.size:
            sub, keep = _removed(gp, node)
            index = np.searchsorted(keep, sources)
            p_new = np.exp(-dijkstra(sub, directed=True, indices=index))
            change = np.delete(pstar[sources], node, axis=1) - p_new
            pc_after[node] = pc_num - (2.0 * a * pc_rows[node] - a * a) - float(areas[sources] @ change @ areas[keep])
        if progress is not None and node % 16 == 15:
            progress((node + 1) / areas.size)
    return [iic_after, pc_after]


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
    avoiding Floyd–Warshall by halving in each component, O(n² · n log n) in numpy, in threads, about
    n² · 8 · log₂ n bytes per thread), "dijkstra"
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
    gp = probability_graph(n, links, k)
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
    if method == "auto":
        method = "floyd" if n <= FLOYD_MAX_NODES else "dijkstra"
    if method == "floyd":
        hops = _Removal(gb, HOPS, _inverse_hops, iic_num, iic_rows, np.flatnonzero([s.size for s in through_b]))
        p = gp.copy()
        p.data = np.exp(-p.data)
        chances = _Removal(p, PROBABILITY, lambda values: values, pc_num, pstar @ areas, np.flatnonzero([s.size for s in through_p]))
        iic_after, pc_after = _removals_floyd(areas, [hops, chances], cancelled=cancelled, progress=progress)
    else:
        iic_after, pc_after = _removals_dijkstra(areas, gb, nl, gp, pstar, through_b, through_p, cancelled=cancelled, progress=progress)
    for node, value in iic_after.items():
        d_iic[node] = 100.0 * (iic_num - value) / iic_num
    for node, value in pc_after.items():
        connector[node] = 100.0 * (pc_num - value) / pc_num - intra[node] - flux[node]
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
