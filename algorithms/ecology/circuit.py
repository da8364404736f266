"""Circuit theory on a raster (McRae 2006; McRae et al. 2008): effective resistance between focal
nodes and current density, with the semantics of Circuitscape 5's raster modes.

The landscape is a resistor network (Doyle & Snell 1984):
- every cell with a conductance g > 0 (g = 1/resistance, or the raster itself when it holds
  conductances) is a node; nodata and zero-conductance cells are not in the network;
- a cell is joined to its 4 (or 8) neighbours; the conductance of a link is
  the harmonic mean of the two conductances, 1 / ((r₁ + r₂)/2), when averaging resistances
  (Circuitscape's `connect_using_avg_resistances = true`), or the mean (g₁ + g₂)/2 when averaging
  conductances; a diagonal link is √2 times longer, so its conductance is divided by √2;
- a focal *region* (several cells with the same focal id) is short-circuited: its cells are one
  node (a region cell on nodata still belongs to the node when another cell of the region is valid,
  as in Circuitscape); parallel links between merged cells add up, links inside a node vanish.

With the Laplacian L = D − A of a connected component, unit current injected at i and taken out
at j gives potentials v with L v = eᵢ − eⱼ and the effective resistance R_ij = v_i − v_j. Grounding
node g (deleting its row and column) makes the reduced Laplacian L_g symmetric positive definite;
with x_k = L_g⁻¹ e_k (x_k(g) = 0), v = x_i − x_j, so n focal nodes need n − 1 solves:
R_ij = x_i(i) + x_j(j) − 2 x_i(j) (x_i(j) = x_j(i) by symmetry).

Cell current (Circuitscape's node current): with branch currents I_ab = g_ab (v_a − v_b),
the current through a node is max(Σ current flowing in, Σ current flowing out) over its links
(which includes the unit injected at a source and the unit leaving at a sink); branch currents
below 10⁻⁸ of the largest are dropped first, as Circuitscape does. Every cell of a merged node
carries the node's current. Cumulative current = Σ over the solved pairs (pairwise) or over
the focal nodes (one-to-all, all-to-one).

Modes (Circuitscape 5):
- pairwise: every pair of focal ids (or the PAIRS given); with focal regions, each pair is solved on
  a graph where only the two regions of the pair are short-circuited (the other regions stay plain
  cells); pairs in different components, or with a focal node off the network, get no resistance;
- one-to-all: for each focal id, 1 A injected at it, every other focal node grounded (zero
  resistance to ground); its resistance is the voltage at the source (R to the set of grounds);
- all-to-one: for each focal id, it is grounded and every other focal id injects 1 A; no resistance.
In both advanced modes every focal region is short-circuited and only the component holding the
focal node of the iteration is solved.

Solver: the grounded reduced Laplacian is factorised once per graph with SuperLU
(`scipy.sparse.linalg.splu`, symmetric minimum-degree ordering), the factor reused for every
right-hand side; results agree with a dense pseudo-inverse to rounding. Measured (benchmarks/circuit.py,
200 × 200 cells, 9 right-hand sides): SuperLU 0.66 s against 19 s for Jacobi-preconditioned conjugate
gradients (≈ 1 060 iterations each), so SuperLU is the default; a component above `DIRECT_LIMIT`
nodes, whose factor would not fit in memory, is solved by Jacobi-preconditioned conjugate gradients
to a relative residual of 1e-12 instead (slow, but in bounded memory). pyamg (algebraic multigrid,
as Circuitscape uses) needs scipy ≥ 1.11, newer than Debian 12's, so it is not used. References: Doyle P G &
Snell J L (1984) Random walks and electric networks; McRae B H (2006) Evolution 60: 1551–1561;
McRae B H, Dickson B G, Keitt T H, Shah V B (2008) Ecology 89: 2712–2724; Shah V B & McRae B H
(2008) Circuitscape: a tool for landscape ecology, Proc. 7th Python in Science Conference; Anantharaman
R, Hall K, Shah V B, Edelman A (2020) Circuitscape in Julia, JuliaCon Proceedings 1(1): 58.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Hashable, Sequence

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph
from scipy.sparse.linalg import LinearOperator, cg, splu

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, Progress, check


class Mode(IntEnum):
    PAIRWISE = 0
    ALL_TO_ONE = 1
    ONE_TO_ALL = 2


class Status:
    """Status texts of the resistance table (translatable templates)."""

    OK = tr("ok")
    DISCONNECTED = tr("different components: no current path (infinite resistance)")
    OFF_NETWORK = tr("focal node on nodata or zero conductance (not in the network)")
    SAME_NODE = tr("same node (short-circuited)")
    NO_GROUND = tr("no other focal node in its component (infinite resistance)")
    ALL_TO_ONE = tr("all-to-one: several sources, no single resistance")
    SINGLE = tr("only one focal node: nothing to connect")


@dataclass
class PairResistance:
    from_id: Hashable
    to_id: Hashable | None
    resistance: float | None
    status: str


@dataclass
class CircuitResult:
    """`current`: cumulative current per cell (NaN off the network); `voltage`: one band per focal
    id (one-to-all / all-to-one; NaN off the network), None in pairwise mode; `resistances`: the
    table; `matrix`: pairwise effective resistances (ids × ids, NaN when not computed, inf when
    disconnected) in pairwise mode."""

    ids: list
    current: np.ndarray
    voltage: np.ndarray | None
    resistances: list[PairResistance]
    matrix: np.ndarray | None
    nodes: int
    components: int
    solves: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def mean_resistance(self) -> float | None:
        values = [r.resistance for r in self.resistances if r.resistance is not None and math.isfinite(r.resistance)]
        if self.resistances and self.resistances[0].to_id is not None:  # pairwise: distinct pairs only
            values = [r.resistance for r in self.resistances if r.resistance is not None and math.isfinite(r.resistance) and r.from_id != r.to_id]
        return float(np.mean(values)) if values else None


# --- conductances and the graph ----------------------------------------------------------------


def conductances(values: np.ndarray, valid: np.ndarray, is_conductance: bool) -> np.ndarray:
    """Cell conductances g (0 = not in the network) from a resistance or conductance raster.

    Resistances must be > 0 (a zero resistance is a short circuit, which Circuitscape refuses too:
    draw it as a focal region); negative values are refused; conductance 0 leaves the cell out."""
    values = np.asarray(values, dtype=np.float64)
    valid = np.asarray(valid, dtype=bool) & np.isfinite(values)
    if not valid.any():
        raise InputError(tr("The raster has no valid cell (every cell is nodata)"))
    cells = values[valid]
    if (cells < 0).any():
        raise InputError(
            tr("The raster holds negative values (minimum {value:g}); resistances and conductances must be zero or positive"),
            value=float(cells.min()),
        )
    g = np.zeros(values.shape, dtype=np.float64)
    if is_conductance:
        g[valid] = cells
        if not (cells > 0).any():
            raise InputError(tr("Every conductance is 0: there is no network"))
    else:
        if (cells == 0).any():
            raise InputError(
                tr(
                    "{n} cells have resistance 0, which is a short circuit; give them a small positive resistance, or draw them as a "
                    "focal region (cells joined by zero resistance)"
                ),
                n=int((cells == 0).sum()),
            )
        g[valid] = 1.0 / cells
    return g


def node_map(g: np.ndarray, regions: np.ndarray | None = None) -> np.ndarray:
    """Node number per cell (−1 = not in the network), as Circuitscape's `construct_node_map`:
    cells with g > 0 are nodes; every cell of a region label > 0 joins one node when at least one
    of its cells has g > 0 (then also its cells on nodata)."""
    nodes = np.full(g.shape, -1, dtype=np.int64)
    inside = g > 0
    nodes[inside] = np.arange(int(inside.sum()))
    if regions is not None and (regions > 0).any():
        labels = regions.ravel()
        flat = nodes.ravel()
        for label in np.unique(labels[labels > 0]):
            cells = np.flatnonzero(labels == label)
            valid = cells[inside.ravel()[cells]]
            if valid.size:
                flat[cells] = flat[valid[0]]
        used = np.unique(flat[flat >= 0])
        remap = np.full(int(used.max()) + 1 if used.size else 1, -1, dtype=np.int64)
        remap[used] = np.arange(used.size)
        flat[flat >= 0] = remap[flat[flat >= 0]]
        nodes = flat.reshape(g.shape)
    return nodes


@dataclass
class Graph:
    """The resistor network: node map, links (u < w, summed conductance) and the Laplacian."""

    nodes: np.ndarray
    n: int
    u: np.ndarray
    w: np.ndarray
    c: np.ndarray
    labels: np.ndarray  # component of each node
    components: int

    def laplacian(self) -> sparse.csr_matrix:
        a = sparse.coo_matrix((np.r_[self.c, self.c], (np.r_[self.u, self.w], np.r_[self.w, self.u])), shape=(self.n, self.n)).tocsr()
        return (sparse.diags(np.asarray(a.sum(axis=1)).ravel()) - a).tocsr()


def _offsets(eight: bool):
    yield 0, 1, False
    yield 1, 0, False
    if eight:
        yield 1, 1, True
        yield -1, 1, True


def build_graph(g: np.ndarray, nodes: np.ndarray, eight: bool, average_conductance: bool) -> Graph:
    """Links between neighbouring cells of the node map, as Circuitscape's `construct_graph`."""
    rows, cols = g.shape
    us, ws, cs = [], [], []
    for dr, dc, diagonal in _offsets(eight):
        r0, r1 = max(0, -dr), rows - max(0, dr)
        c1 = cols - dc
        a_nodes = nodes[r0:r1, 0:c1]
        b_nodes = nodes[r0 + dr : r1 + dr, dc : c1 + dc]
        a_g = g[r0:r1, 0:c1]
        b_g = g[r0 + dr : r1 + dr, dc : c1 + dc]
        keep = (a_nodes >= 0) & (b_nodes >= 0) & (a_nodes != b_nodes)
        ga, gb = a_g[keep], b_g[keep]
        if average_conductance:
            link = (ga + gb) / 2.0
        else:
            with np.errstate(divide="ignore"):
                link = np.where((ga > 0) & (gb > 0), 2.0 / (1.0 / np.where(ga > 0, ga, 1.0) + 1.0 / np.where(gb > 0, gb, 1.0)), 0.0)
        if diagonal:
            link = link / math.sqrt(2.0)
        us.append(a_nodes[keep])
        ws.append(b_nodes[keep])
        cs.append(link)
    n = int(nodes.max()) + 1 if (nodes >= 0).any() else 0
    u = np.concatenate(us) if us else np.zeros(0, np.int64)
    w = np.concatenate(ws) if ws else np.zeros(0, np.int64)
    c = np.concatenate(cs) if cs else np.zeros(0)
    lo, hi = np.minimum(u, w), np.maximum(u, w)
    # Parallel links between the same two nodes add up (sparse summation of duplicates).
    m = sparse.coo_matrix((c, (lo, hi)), shape=(n, n)).tocsr()
    m.sum_duplicates()
    m = m.tocoo()
    # Links of conductance 0 (a region cell on nodata, averaging resistances) carry nothing; the
    # components follow the links that conduct.
    nz = m.data > 0
    u, w, c = m.row[nz].astype(np.int64), m.col[nz].astype(np.int64), m.data[nz]
    adjacency = sparse.coo_matrix((np.ones(u.size), (u, w)), shape=(n, n))
    components, labels = csgraph.connected_components(adjacency, directed=False) if n else (0, np.zeros(0, np.int64))
    return Graph(nodes, n, u, w, c, labels, components)


# --- solving ------------------------------------------------------------------------------------


#: Components with more nodes than this are solved by conjugate gradients (a SuperLU factor of a
#: 1000 × 1000 grid takes ≈ 2 GB; memory grows a little faster than the number of nodes).
DIRECT_LIMIT = 4_500_000
#: Relative residual of the conjugate-gradient solves.
CG_TOLERANCE = 1e-12


class _Factor:
    """Solves of one symmetric positive definite matrix: SuperLU (`method="direct"`), or conjugate
    gradients with a Jacobi preconditioner (`method="cg"`; `"auto"` picks by size)."""

    def __init__(self, matrix, method: str = "auto"):
        if method == "auto":
            method = "direct" if matrix.shape[0] <= DIRECT_LIMIT else "cg"
        self.method = method
        if method == "direct":
            self.lu = splu(matrix.tocsc(), permc_spec="MMD_AT_PLUS_A", options={"SymmetricMode": True})
        else:
            self.matrix = matrix.tocsr()
            diagonal = self.matrix.diagonal()
            self.preconditioner = LinearOperator(matrix.shape, matvec=lambda x: x / diagonal, dtype=np.float64)

    def solve(self, rhs: np.ndarray) -> np.ndarray:
        if self.method == "direct":
            return self.lu.solve(rhs)
        try:
            x, info = cg(self.matrix, rhs, rtol=CG_TOLERANCE, atol=0.0, M=self.preconditioner, maxiter=100 * self.matrix.shape[0])
        except TypeError:  # scipy < 1.12 names the relative tolerance `tol`
            x, info = cg(self.matrix, rhs, tol=CG_TOLERANCE, atol=0.0, M=self.preconditioner, maxiter=100 * self.matrix.shape[0])
        if info != 0:
            raise InputError(tr("The current solve did not converge ({info} iterations); check the resistance surface for extreme values"), info=info)
        return x


class GroundedSolver:
    """The reduced Laplacian of one component with node `ground` removed, factorised once."""

    def __init__(self, laplacian: sparse.csr_matrix, members: np.ndarray, ground: int, method: str = "auto"):
        self.members = members
        self.index = np.full(laplacian.shape[0], -1, dtype=np.int64)
        self.index[members] = np.arange(members.size)
        keep = members[members != ground]
        self.keep = keep
        self.position = np.full(laplacian.shape[0], -1, dtype=np.int64)
        self.position[keep] = np.arange(keep.size)
        self.ground = ground
        self.factor = _Factor(laplacian[keep][:, keep], method) if keep.size else None

    def potentials(self, injections: dict[int, float]) -> np.ndarray:
        """Potentials on the whole graph (0 at the ground and off the component) for the injected
        currents {node: ampere} (the ground takes what is injected)."""
        v = np.zeros(self.index.size)
        if self.factor is None:
            return v
        rhs = np.zeros(self.keep.size)
        for node, amps in injections.items():
            if node != self.ground:
                rhs[self.position[node]] += amps
        v[self.keep] = self.factor.solve(rhs)
        return v


def node_currents(graph: Graph, v: np.ndarray) -> np.ndarray:
    """Circuitscape's node current: max(inflow, outflow) over the links of each node, after dropping
    branch currents below 10⁻⁸ of the largest in each direction."""
    f = graph.c * (v[graph.u] - v[graph.w])  # flow u → w
    n = graph.n
    current = np.zeros(n)
    if f.size == 0:
        return current
    top_pos, top_neg = float(f.max()), float((-f).max())
    pos = np.where(np.abs(f) < 1e-8 * abs(top_pos), 0.0, f) if top_pos != 0 else f
    neg = np.where(np.abs(f) < 1e-8 * abs(top_neg), 0.0, f) if top_neg != 0 else f
    inflow = np.bincount(graph.w, np.where(pos > 0, pos, 0.0), n) + np.bincount(graph.u, np.where(pos < 0, -pos, 0.0), n)
    outflow = np.bincount(graph.u, np.where(neg > 0, neg, 0.0), n) + np.bincount(graph.w, np.where(neg < 0, -neg, 0.0), n)
    return np.maximum(inflow, outflow)


# --- focal nodes ---------------------------------------------------------------------------------


@dataclass
class Focal:
    """Focal cells: `ids` the sorted distinct focal ids; `cells[k]` the flat cell indices of id k
    (first = the cell Circuitscape uses for a region's source)."""

    ids: list
    cells: list[np.ndarray]

    @property
    def has_regions(self) -> bool:
        return any(c.size > 1 for c in self.cells)

    def region_map(self, shape, which: Sequence[int]) -> np.ndarray:
        regions = np.zeros(int(np.prod(shape)), dtype=np.int64)
        for k in which:
            regions[self.cells[k]] = k + 1
        return regions.reshape(shape)


def focal_from_cells(cells: Sequence[tuple[Hashable, int]]) -> Focal:
    """Focal ids sorted, each with its flat cell indices (duplicates dropped, order of cells kept sorted)."""
    by_id: dict = {}
    for fid, cell in cells:
        by_id.setdefault(fid, set()).add(int(cell))
    try:
        ids = sorted(by_id)
    except TypeError:
        ids = sorted(by_id, key=str)
    return Focal(ids, [np.array(sorted(by_id[i]), dtype=np.int64) for i in ids])


# --- the modes -----------------------------------------------------------------------------------


def _node_of(graph: Graph, focal: Focal, k: int) -> int:
    """Node of focal id k: that of its first cell on the network (−1 when none)."""
    flat = graph.nodes.ravel()[focal.cells[k]]
    on = flat[flat >= 0]
    return int(on[0]) if on.size else -1


def circuit(
    g: np.ndarray,
    focal: Focal,
    mode: Mode = Mode.PAIRWISE,
    eight: bool = True,
    average_conductance: bool = False,
    pairs: Sequence[tuple[Hashable, Hashable]] | None = None,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    method: str = "auto",
) -> CircuitResult:
    """Run Circuitscape's raster `mode` on conductances `g` (0 = not in the network); `method`:
    "auto", "direct" (SuperLU) or "cg" (Jacobi-preconditioned conjugate gradients)."""
    if len(focal.ids) == 0:
        raise InputError(tr("No focal node lies on the raster"))
    if len(focal.ids) < 2:
        raise InputError(tr("Only one focal node ({id}): circuit connectivity needs at least two"), id=focal.ids[0])
    wanted = None
    if pairs:
        position = {fid: k for k, fid in enumerate(focal.ids)}
        wanted = set()
        for a, b in pairs:
            for x in (a, b):
                if x not in position:
                    raise InputError(tr("PAIRS names the focal id {id}, which is not a focal node on the raster"), id=x)
            if a != b:
                wanted.add(frozenset((position[a], position[b])))
        if not wanted:
            raise InputError(tr("PAIRS holds no pair of two different focal ids"))
    if mode == Mode.PAIRWISE:
        return _pairwise(g, focal, eight, average_conductance, wanted, progress, cancelled, method)
    return _advanced(g, focal, mode, eight, average_conductance, wanted, progress, cancelled, method)


def _pairwise(g, focal, eight, avg_cond, wanted, progress, cancelled, method="auto") -> CircuitResult:
    shape = g.shape
    n_ids = len(focal.ids)
    pair_list = [(i, j) for i in range(n_ids) for j in range(i + 1, n_ids) if wanted is None or frozenset((i, j)) in wanted]
    matrix = np.full((n_ids, n_ids), np.nan)
    np.fill_diagonal(matrix, 0.0)
    status: dict[tuple[int, int], str] = {}
    current = np.zeros(int(np.prod(shape)))
    on_network = np.zeros(int(np.prod(shape)), dtype=bool)
    solves = 0
    done = 0
    components_seen = 0
    nodes_seen = 0

    def accumulate(graph, v):
        cur = node_currents(graph, v)
        flat = graph.nodes.ravel()
        m = flat >= 0
        current[m] += cur[flat[m]]

    if focal.has_regions:
        base_nodes = node_map(g)
        base = build_graph(g, base_nodes, eight, avg_cond)
        nodes_seen, components_seen = base.n, base.components
        on_network |= base_nodes.ravel() >= 0
        for i, j in pair_list:
            check(cancelled)
            graph = build_graph(g, node_map(g, focal.region_map(shape, (i, j))), eight, avg_cond)
            on_network |= graph.nodes.ravel() >= 0
            a, b = _node_of(graph, focal, i), _node_of(graph, focal, j)
            r, st, v = _solve_pair(graph, a, b, method)
            solves += 1 if v is not None else 0
            matrix[i, j] = matrix[j, i] = r
            status[(i, j)] = st
            if v is not None:
                accumulate(graph, v)
            done += 1
            if progress:
                progress(done / max(1, len(pair_list)))
    else:
        nodes = node_map(g)
        graph = build_graph(g, nodes, eight, avg_cond)
        nodes_seen, components_seen = graph.n, graph.components
        on_network |= nodes.ravel() >= 0
        lap = graph.laplacian()
        node = [_node_of(graph, focal, k) for k in range(n_ids)]
        involved = sorted({k for p in pair_list for k in p})
        # one factorisation per component holding focal nodes, grounded at its first focal node
        by_comp: dict[int, list[int]] = {}
        for k in involved:
            if node[k] >= 0:
                by_comp.setdefault(int(graph.labels[node[k]]), []).append(k)
        x: dict[int, np.ndarray] = {}
        total = sum(len({node[k] for k in ks}) - 1 for ks in by_comp.values()) or 1
        for comp, ks in by_comp.items():
            check(cancelled)
            members = np.flatnonzero(graph.labels == comp)
            ground = node[ks[0]]
            solver = GroundedSolver(lap, members, ground, method)
            for k in ks:
                check(cancelled)
                if node[k] == ground:
                    x[k] = np.zeros(graph.n)
                    continue
                same = [q for q in ks if q in x and node[q] == node[k]]
                if same:
                    x[k] = x[same[0]]
                    continue
                x[k] = solver.potentials({node[k]: 1.0})
                solves += 1
                done += 1
                if progress:
                    progress(0.8 * done / total)
        for count, (i, j) in enumerate(pair_list):
            check(cancelled)
            a, b = node[i], node[j]
            if a < 0 or b < 0:
                matrix[i, j] = matrix[j, i] = np.nan
                status[(i, j)] = Status.OFF_NETWORK
                continue
            if graph.labels[a] != graph.labels[b]:
                matrix[i, j] = matrix[j, i] = np.inf
                status[(i, j)] = Status.DISCONNECTED
                continue
            if a == b:
                matrix[i, j] = matrix[j, i] = 0.0
                status[(i, j)] = Status.SAME_NODE
                continue
            v = x[i] - x[j]
            r = float(v[a] - v[b])
            matrix[i, j] = matrix[j, i] = r
            status[(i, j)] = Status.OK
            accumulate(graph, v)
            if progress:
                progress(0.8 + 0.2 * (count + 1) / len(pair_list))
    table = []
    for i, j in pair_list:
        r = matrix[i, j]
        table.append(PairResistance(focal.ids[i], focal.ids[j], float(r) if math.isfinite(r) else None, status[(i, j)]))
    current_map = np.where(on_network, current, np.nan).reshape(shape)
    return CircuitResult(focal.ids, current_map, None, table, matrix, nodes_seen, components_seen, solves)


def _solve_pair(graph: Graph, a: int, b: int, method: str = "auto"):
    """(resistance, status, potentials) of unit current from node a to node b on `graph`."""
    if a < 0 or b < 0:
        return np.nan, Status.OFF_NETWORK, None
    if graph.labels[a] != graph.labels[b]:
        return np.inf, Status.DISCONNECTED, None
    if a == b:
        return 0.0, Status.SAME_NODE, None
    members = np.flatnonzero(graph.labels == graph.labels[a])
    solver = GroundedSolver(graph.laplacian(), members, b, method)
    v = solver.potentials({a: 1.0})
    return float(v[a] - v[b]), Status.OK, v


def _advanced(g, focal, mode, eight, avg_cond, wanted, progress, cancelled, method="auto") -> CircuitResult:
    """One-to-all and all-to-one: every focal region short-circuited; for focal id k, the component
    of its node is solved with grounds (zero resistance) at the other focal nodes and 1 A at k
    (one-to-all), or with the ground at k and 1 A at every other focal id (all-to-one)."""
    shape = g.shape
    n_ids = len(focal.ids)
    active = list(range(n_ids)) if wanted is None else sorted({k for p in wanted for k in p})
    nodes = node_map(g, focal.region_map(shape, active))
    graph = build_graph(g, nodes, eight, avg_cond)
    lap = graph.laplacian()
    flat = nodes.ravel()
    on = flat >= 0
    node = {}
    for k in active:
        first = flat[focal.cells[k][0]]  # Circuitscape's source cell: the first cell of the id
        node[k] = int(first) if first >= 0 else _node_of(graph, focal, k)
    current = np.zeros(flat.size)
    voltage = np.full((n_ids, flat.size), np.nan)
    table = []
    solves = 0
    for step, k in enumerate(active):
        check(cancelled)
        partners = [q for q in active if q != k and (wanted is None or frozenset((k, q)) in wanted)]
        volt = np.where(on, 0.0, np.nan)
        r, st = None, Status.OK
        src = node[k]
        if src < 0:
            st = Status.OFF_NETWORK
        else:
            comp = graph.labels[src]
            members = np.flatnonzero(graph.labels == comp)
            if mode == Mode.ONE_TO_ALL:
                sources = {src: 1.0}
                grounds = {node[q] for q in partners if node[q] >= 0 and graph.labels[node[q]] == comp and node[q] != src}
            else:
                sources = {}
                for q in partners:
                    if node[q] >= 0 and graph.labels[node[q]] == comp and node[q] != src:
                        sources[node[q]] = sources.get(node[q], 0.0) + 1.0
                grounds = {src}
            if not grounds or not sources:
                st = Status.NO_GROUND if mode == Mode.ONE_TO_ALL else Status.NO_GROUND
            else:
                v = _solve_grounded(lap, members, grounds, sources, method)
                solves += 1
                cur = node_currents(graph, v)
                current[on] += cur[flat[on]]
                volt[on] = v[flat[on]]
                if mode == Mode.ONE_TO_ALL:
                    r = float(v[src])
                    if abs(r) <= 1e-12 * max(1.0, float(np.abs(v).max())):
                        r, st = None, Status.SAME_NODE
                else:
                    st = Status.ALL_TO_ONE
        voltage[k] = volt
        if mode == Mode.ALL_TO_ONE and st == Status.OK:
            st = Status.ALL_TO_ONE
        table.append(PairResistance(focal.ids[k], None, r, st))
        if progress:
            progress((step + 1) / len(active))
    current_map = np.where(on, current, np.nan).reshape(shape)
    return CircuitResult(focal.ids, current_map, voltage.reshape((n_ids,) + shape), table, None, graph.n, graph.components, solves)


def _solve_grounded(lap, members, grounds: set[int], sources: dict[int, float], method: str = "auto") -> np.ndarray:
    """Potentials with the nodes `grounds` held at 0 V and `sources` injecting current."""
    keep = members[~np.isin(members, list(grounds))]
    v = np.zeros(lap.shape[0])
    if keep.size == 0:
        return v
    pos = np.full(lap.shape[0], -1, dtype=np.int64)
    pos[keep] = np.arange(keep.size)
    rhs = np.zeros(keep.size)
    for node, amps in sources.items():
        if pos[node] >= 0:
            rhs[pos[node]] += amps
    v[keep] = _Factor(lap[keep][:, keep], method).solve(rhs)
    return v


# --- corridor mode (Pinchpoint Mapper) -----------------------------------------------------------


def pinch_points(
    g: np.ndarray,
    focal: Focal,
    corridor: np.ndarray,
    width: float,
    eight: bool = True,
    average_conductance: bool = False,
    pairs: Sequence[tuple[Hashable, Hashable]] | None = None,
    progress: Progress = None,
    cancelled: CancelCheck = None,
) -> CircuitResult:
    """Linkage Mapper's Pinchpoint Mapper (McRae 2012): for each pair, pairwise current between its
    two focal nodes (regions short-circuited) on the network restricted to the corridor cells
    (normalised corridor value ≤ `width`) plus the two focal regions, keeping only the corridor's
    component that joins them; the pinch-point map is the maximum over the pairs of these
    currents (Linkage Mapper mosaics the corridors' current maps with MAXIMUM), focal regions set to
    nodata (as Linkage Mapper sets the cores to null)."""
    if not (width > 0 and math.isfinite(width)):
        raise InputError(tr("CORRIDOR_WIDTH must be a positive number (cost units), got {value}"), value=width)
    shape = g.shape
    n_ids = len(focal.ids)
    if n_ids < 2:
        raise InputError(tr("Only one focal node ({id}): circuit connectivity needs at least two"), id=focal.ids[0] if focal.ids else "")
    if pairs:
        position = {fid: k for k, fid in enumerate(focal.ids)}
        for a, b in pairs:
            for x in (a, b):
                if x not in position:
                    raise InputError(tr("PAIRS names the focal id {id}, which is not a focal node on the raster"), id=x)
        pair_list = sorted({tuple(sorted((position[a], position[b]))) for a, b in pairs if a != b})
    else:
        pair_list = [(i, j) for i in range(n_ids) for j in range(i + 1, n_ids)]
    inside = np.isfinite(corridor) & (corridor <= width)
    pinch = np.full(int(np.prod(shape)), np.nan)
    matrix = np.full((n_ids, n_ids), np.nan)
    np.fill_diagonal(matrix, 0.0)
    table = []
    solves = 0
    cores = np.zeros(int(np.prod(shape)), dtype=bool)
    for k in range(n_ids):
        cores[focal.cells[k]] = True
    for step, (i, j) in enumerate(pair_list):
        check(cancelled)
        mask = inside.ravel().copy()
        mask[focal.cells[i]] = True
        mask[focal.cells[j]] = True
        gm = np.where(mask.reshape(shape), g, 0.0)
        graph = build_graph(gm, node_map(gm, focal.region_map(shape, (i, j))), eight, average_conductance)
        a, b = _node_of(graph, focal, i), _node_of(graph, focal, j)
        r, st, v = _solve_pair(graph, a, b)
        matrix[i, j] = matrix[j, i] = r
        table.append(PairResistance(focal.ids[i], focal.ids[j], float(r) if math.isfinite(r) else None, st))
        if v is not None:
            solves += 1
            cur = node_currents(graph, v)
            flat = graph.nodes.ravel()
            comp = graph.labels[a]
            m = (flat >= 0) & (graph.labels[np.maximum(flat, 0)] == comp)
            values = cur[flat[m]]
            pinch[m] = np.fmax(pinch[m], values)
        if progress:
            progress((step + 1) / len(pair_list))
    pinch[cores] = np.nan
    return CircuitResult(focal.ids, pinch.reshape(shape), None, table, matrix, int((g > 0).sum()), 0, solves)
