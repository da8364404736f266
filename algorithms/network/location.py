"""Location-allocation: where to open facilities (shelters, clinics, fire stations) so that they
serve the population best, solved exactly as mixed-integer programmes with HiGHS
(Huangfu & Hall 2018, "Parallelizing the dual revised simplex method", Math. Prog. Comp.
10:119–142) through :func:`scipy.optimize.milp`.

Notation used in every docstring below.  i = demand point with weight w_i ≥ 0 (people);
j = candidate site; c_ij ≥ 0 = cost of serving i from j (metres or minutes), given as a sparse
:class:`costs.CostMatrix` of the reachable pairs only (routing.od_costs on the road network,
routing.straight_costs without one); an absent pair cannot be used.  The models rely on its
pairs being sorted by demand, then candidate.
y_j ∈ {0, 1} opens site j; x_ij ∈ [0, 1] is the share of i's weight served by j.
N_i(S) = {j : c_ij ≤ S} are the sites within the service distance S of i.

Existing facilities (``fixed``) are always open (y_j = 1) and do not count in P: P is the
number of *new* sites, opened in addition to the existing ones, and the LSCP minimises the
number of new sites.  Capacities (``capacity``, people; inf = unlimited) bound what an open
site serves, Σ_i w_i x_ij ≤ cap_j y_j; with capacities a demand point may be split between
several sites (x_ij continuous).

Demand points with weight 0 (nobody lives there) take no part in the models; in the results
they are assigned to their nearest open site in reach, if any.  Indices (demand points,
candidates) are 0-based positions in the cost matrix; :meth:`UncoverableDemand.with_ids` puts
the caller's feature ids in the message.

Every constraint matrix is built at once as a sparse COO matrix from numpy index arrays (no
Python loop over pairs).  HiGHS's MIP presolve is switched off (see :func:`_solve`); the
reductions that matter for these models are done here and are exact: merged demand rows and
dominated sites in the coverage models, a radius search for the p-center; the uncapacitated
p-median starts from a greedy + vertex-substitution solution, proves a Lagrangian lower bound,
drops the sites and pairs no better solution uses, and solves a radius formulation round by
round (:mod:`median`, :func:`_median_search`).  ``benchmarks/location.py`` measures them.

Every model is built from named constraint blocks (:class:`_Block`) and starts from one
preamble (:func:`_prepare`: options and inputs checked, clock started, cancel looked at).

Time and cancellation.  ``time_limit`` is a wall-clock budget for the whole call (every
solve of a p-center search or of a coverage curve included), counted from the call.
HiGHS, as scipy runs it, holds the interpreter until it returns and cannot be interrupted
from outside, so when a ``cancelled`` callback is given the solve runs in time slices
(:func:`_solve`): the callback is checked before every slice (and between the solves of a
search or a curve) and raises `Cancelled`.  The first slice lasts
FIRST_SLICE seconds; after a slice the best solution found is kept and the next slice only
looks for a better one (its objective is bounded by the incumbent's); every slice that does
not end the solve doubles the next one.  A cancel request is therefore seen within the
current slice, which is never longer than FIRST_SLICE plus the time the solve has already
run.  (Doubling only after a slice without improvement, as before, kept a solve that finds a
slightly better solution every second in 1-s slices, each restarting HiGHS from its root:
on the 5000 × 300 p-median it never proved anything in 300 s.)  Without a callback HiGHS
runs once with the whole budget.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Callable, Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import coo_matrix, csc_matrix, csr_matrix

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, Cancelled
from . import median
from .costs import CostMatrix, TableCosts, costs_from_table, frozen
from .coverage import nearest_facility

#: Seconds HiGHS may spend on one model before it returns its best solution so far.
DEFAULT_TIME_LIMIT = 300.0
#: Relative MIP gap at which HiGHS stops: 0 asks for a proven optimum (up to HiGHS's
#: absolute gap of 1e-6 on the objective, which is scaled to a largest coefficient of 1).
DEFAULT_MIP_GAP = 0.0
OPTIMAL = "optimal"
TIME_LIMIT = "time limit"
INFEASIBLE = "infeasible"
#: A share x_ij below this is solver noise, not an allocation.
SHARE_EPS = 1e-7
#: How many demand ids a message lists before "… (+N)".
LISTED_IDS = 10
#: Size of the blocks of the site-overlap matrix in the dominance test (entries, ~16 bytes each).
OVERLAP_CELLS = 4_000_000
#: Seconds of the first HiGHS time slice when a cancel callback is given (see _solve).
FIRST_SLICE = 1.0
#: A later slice must improve the objective by this much, relative (and at least this much
#: of the largest objective coefficient): more than HiGHS's feasibility tolerance of 1e-6.
IMPROVEMENT = 1e-5


class _Clock:
    """The wall-clock budget of one call (``time_limit`` seconds from now, None = none) and
    its cancel callback."""

    def __init__(self, time_limit: float | None, cancelled: CancelCheck = None, deadline: float | None = None):
        self.started = time.perf_counter()
        self.time_limit = time_limit
        if deadline is None:
            finite = time_limit is not None and np.isfinite(time_limit)
            deadline = self.started + float(time_limit) if finite else np.inf
        self.deadline = deadline
        self.cancelled = cancelled

    def remaining(self) -> float:
        return self.deadline - time.perf_counter()

    def check(self) -> None:
        """Raise Cancelled when the callback says so."""
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()

    def part(self, seconds: float) -> "_Clock":
        """A clock for the next ``seconds`` (never past this one's deadline), same callback."""
        part = _Clock(self.time_limit, self.cancelled, min(self.deadline, time.perf_counter() + max(seconds, 0.0)))
        part.started = self.started
        return part


class UncoverableDemand(InputError):
    """Demand points that no candidate site can serve (within the service distance, if any).

    ``demand`` holds their 0-based indices; :meth:`with_ids` gives the same error with the
    caller's ids in the message.
    """

    def __init__(self, demand: np.ndarray, limit: float | None, ids: Sequence[object] | None = None):
        self.demand = np.asarray(demand, dtype=np.int64)
        self.limit = limit
        labels = [str(i) for i in (self.demand if ids is None else ids)]
        listed = ", ".join(labels[:LISTED_IDS])
        if len(labels) > LISTED_IDS:
            listed += f" … (+{len(labels) - LISTED_IDS})"
        if limit is None:
            super().__init__(
                tr(
                    "No candidate site can reach these demand points ({count} in all): {ids}. "
                    "Check that they are connected to the network, or add candidate sites "
                    "that can reach them."
                ),
                count=len(labels),
                ids=listed,
            )
        else:
            super().__init__(
                tr(
                    "These demand points have no candidate site within the service distance "
                    "{limit:g} ({count} in all): {ids}. Add candidate sites near them or "
                    "increase the service distance."
                ),
                count=len(labels),
                ids=listed,
                limit=float(limit),
            )

    def with_ids(self, ids: Sequence[object]) -> "UncoverableDemand":
        """The same error naming the uncoverable demand points by their ids: ``ids`` holds one
        id per demand point of the cost matrix (all of them, in order), and the message lists
        those of the points in ``demand`` only."""
        if len(self.demand) and int(self.demand.max()) >= len(ids):
            raise ValueError("one id per demand point of the cost matrix")
        return UncoverableDemand(self.demand, self.limit, [ids[int(k)] for k in self.demand])


@dataclass(frozen=True, eq=False)
class Allocation:
    """Who is served where: ``amount`` people of demand point ``demand`` by site ``candidate``."""

    demand: np.ndarray
    candidate: np.ndarray
    amount: np.ndarray


@dataclass(frozen=True, eq=False)
class LocationResult:
    """The solution of one location model.

    ``selected``: open sites, sorted, existing ones included (``fixed`` lists those).
    ``assignment``: per demand point the site serving it (the largest share when a capacitated
    model splits it), −1 if none.  ``allocation``: every (demand, site, people) share; ``served``
    the people of each demand point served (or covered).  ``objective`` in the model's terms:
    new sites (LSCP), covered people (MCLP), Σ people × cost (p-median), largest cost of a
    served person (p-center).  ``total_cost`` = Σ people × cost over the allocation,
    ``mean_cost`` = total_cost / covered_weight, ``max_cost`` the largest cost of an
    allocation (cost units).  ``covered_percent`` = 100 × covered_weight / Σ w.
    ``uncovered``: demand points not fully served (or, with weight 0, out of reach of every
    open site).  ``status`` is "optimal", or "time limit" when HiGHS stopped early with the
    best solution found and ``mip_gap`` = |primal − dual bound| / |primal| tells how far from
    proven it may be.  ``seconds``: building and solving.
    """

    model: str
    selected: np.ndarray
    fixed: np.ndarray
    assignment: np.ndarray
    allocation: Allocation
    served: np.ndarray
    objective: float
    covered_weight: float
    covered_percent: float
    total_cost: float
    mean_cost: float
    max_cost: float
    uncovered: np.ndarray
    status: str
    mip_gap: float
    seconds: float

    @property
    def new_sites(self) -> np.ndarray:
        """The sites opened by the model (selected and not existing)."""
        return np.setdiff1d(self.selected, self.fixed)

    def served_per_site(self, n_sites: int) -> np.ndarray:
        """People served by each of the `n_sites` sites: Σ of the allocation's shares."""
        return np.bincount(self.allocation.candidate, weights=self.allocation.amount, minlength=n_sites)


@dataclass(frozen=True, eq=False)
class TransportResult:
    """Flows of people from demand points to sites (:func:`transportation`).

    ``flows``: (demand, site, people) with people > 0; ``unserved``: people of each demand point
    left without a place; ``served`` = Σ flows; ``total_cost`` = Σ people × cost.
    """

    flows: Allocation
    unserved: np.ndarray
    served: float
    total_cost: float


@dataclass(frozen=True, eq=False)
class _Model:
    """A MILP as scipy.optimize.milp takes it: min cᵀv, row_lb ≤ A v ≤ row_ub, lb ≤ v ≤ ub."""

    c: np.ndarray
    integrality: np.ndarray
    lb: np.ndarray
    ub: np.ndarray
    a: csc_matrix
    row_lb: np.ndarray
    row_ub: np.ndarray
    scale: float


@dataclass(frozen=True, eq=False)
class _Block:
    """One block of constraint rows: ``row_lb ≤ Σ values · v[cols] ≤ row_ub`` summed per row,
    with ``rows`` numbered from 0 within the block (n_rows rows).  ``values``, ``row_lb`` and
    ``row_ub`` may be scalars, broadcast to the entries and rows.  ``name`` says which
    constraint it is (for reading the model, not used by the solver)."""

    name: str
    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray | float
    row_lb: np.ndarray | float
    row_ub: np.ndarray | float
    n_rows: int


def _model(c, integrality, lb, ub, blocks: Sequence[_Block], n_vars: int) -> _Model:
    """Stack constraint blocks into one sparse matrix, each block's rows after the previous
    ones; the objective is scaled to a largest |c| of 1 so that HiGHS's tolerances mean the
    same for people × metres and for counts of sites."""
    rows, cols, vals, row_lb, row_ub = [], [], [], [], []
    offset = 0
    for block in blocks:
        n = block.n_rows
        rows.append(np.asarray(block.rows, dtype=np.int64) + offset)
        cols.append(np.asarray(block.cols, dtype=np.int64))
        vals.append(np.broadcast_to(np.asarray(block.values, dtype=np.float64), np.shape(block.rows)))
        row_lb.append(np.broadcast_to(np.asarray(block.row_lb, dtype=np.float64), (n,)))
        row_ub.append(np.broadcast_to(np.asarray(block.row_ub, dtype=np.float64), (n,)))
        offset += n
    # HiGHS takes the matrix by columns: build it as COO and convert once, to CSC.
    a = coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(offset, n_vars)).tocsc()
    c = np.asarray(c, dtype=np.float64)
    scale = float(np.abs(c).max()) if len(c) else 0.0
    scale = scale if scale > 0 else 1.0
    return _Model(
        c=c / scale,
        integrality=np.asarray(integrality, dtype=np.uint8),
        lb=np.asarray(lb, dtype=np.float64),
        ub=np.asarray(ub, dtype=np.float64),
        a=a,
        row_lb=np.concatenate(row_lb),
        row_ub=np.concatenate(row_ub),
        scale=scale,
    )


def _solve(
    model: _Model, clock: _Clock, mip_gap: float, incumbent: np.ndarray | None = None, lower_bound: float = -np.inf
) -> tuple[np.ndarray | None, str, float, float]:
    """Run HiGHS within ``clock``: the solution vector (None if there is none), the status
    (OPTIMAL; TIME_LIMIT with the best solution found, or None if none was found in time;
    INFEASIBLE), the MIP gap (relative; inf when no bound is known) and the dual bound on the
    objective in the model's own units (−inf when there is none).

    Without a cancel callback HiGHS runs once with the time left.  With one, it runs in time
    slices (see the module's docstring): before each the callback is checked; after one that
    stops on time, the incumbent x* is kept and the next slice solves the model with the
    extra row cᵀv ≤ cᵀx* − δ (δ = max(IMPROVEMENT, mip_gap) × max(1, |cᵀx*|) in the scaled
    units), so it only looks for better solutions; if that model is infeasible, x* is optimal
    (within δ).  The dual bound of a slice, capped at cᵀx*, is a valid bound on the original
    model, and the best of them is kept.

    ``incumbent``, a feasible solution known beforehand (scipy's HiGHS takes no starting
    point), is x* from the start: the first solve already looks only for better ones, and
    it is returned when none is found.  ``lower_bound`` (in the model's unscaled units) is a
    bound proven by other means, kept when it is better than HiGHS's.
    """
    # HiGHS's MIP presolve can return a wrong "optimal" solution: on the five-village line of
    # tests/core/test_location.py the p-median with P = 1 comes back at 290 instead of 210
    # (HiGHS 1.2.0, scipy 1.10; the same class of bug as ERGO-Code/HiGHS#1273).  These models
    # gain little from it (it removed under 1 % of rows and columns), so it stays off.
    options = {"disp": False, "presolve": False, "mip_rel_gap": float(mip_gap)}
    bounds = Bounds(model.lb, model.ub)
    rows = LinearConstraint(model.a, model.row_lb, model.row_ub)
    nonzero = np.flatnonzero(model.c)
    objective_row = csr_matrix((model.c[nonzero], (np.zeros(len(nonzero), dtype=np.int64), nonzero)), shape=(1, len(model.c)))
    best_x, best = None, np.inf
    if incumbent is not None:
        best_x, best = np.asarray(incumbent, dtype=np.float64), float(np.dot(model.c, incumbent))
    bound, last_gap = lower_bound / model.scale, np.inf
    length = FIRST_SLICE
    while True:
        if best_x is not None and bound >= best - max(IMPROVEMENT, float(mip_gap)) * max(1.0, abs(best)):
            return best_x, OPTIMAL, 0.0, bound * model.scale
        clock.check()
        left = clock.remaining()
        if left <= 0:
            break
        limit = left if clock.cancelled is None else min(left, length)
        if np.isfinite(limit):
            options["time_limit"] = float(limit)
        else:
            options.pop("time_limit", None)
        constraints = [rows]
        if best_x is not None:
            delta = max(IMPROVEMENT, float(mip_gap)) * max(1.0, abs(best))
            constraints.append(LinearConstraint(objective_row, -np.inf, best - delta))
        res = milp(model.c, integrality=model.integrality, bounds=bounds, constraints=constraints, options=options)
        if res.status == 2:
            if best_x is None:
                return None, INFEASIBLE, 0.0, np.inf
            return best_x, OPTIMAL, 0.0, best * model.scale  # nothing better than x* exists
        if res.status not in (0, 1):
            raise InputError(tr("The solver stopped without a solution: {message}"), message=str(res.message))
        improved = res.x is not None and (best_x is None or float(res.fun) < best)
        if improved:
            best_x, best = res.x, float(res.fun)
        if res.status == 0:
            gap = res.mip_gap if res.mip_gap is not None and np.isfinite(res.mip_gap) else 0.0
            dual = res.mip_dual_bound if res.mip_dual_bound is not None else best
            return best_x, OPTIMAL, float(max(gap, 0.0)), float(max(min(dual, best), bound)) * model.scale
        if res.mip_dual_bound is not None and np.isfinite(res.mip_dual_bound):
            bound = max(bound, min(float(res.mip_dual_bound), best))
        if res.mip_gap is not None and np.isfinite(res.mip_gap):
            last_gap = float(res.mip_gap)
        if clock.cancelled is None:
            if best_x is not None and bound >= best - max(IMPROVEMENT, float(mip_gap)) * max(1.0, abs(best)):
                return best_x, OPTIMAL, 0.0, bound * model.scale
            break  # one solve with the whole budget
        length *= 2.0
    if best_x is None:
        return None, TIME_LIMIT, np.inf, bound * model.scale
    if np.isfinite(bound):
        gap = max(best - bound, 0.0) / max(abs(best), 1e-12)
    else:
        gap = last_gap
    return best_x, TIME_LIMIT, float(gap), bound * model.scale


def _solution(model: _Model, clock: _Clock, mip_gap: float, infeasible: InputError) -> tuple[np.ndarray, str, float]:
    """As :func:`_solve`, but raises ``infeasible`` when HiGHS proves that no solution exists
    and InputError when the time ran out before any was found."""
    x, status, gap, _ = _solve(model, clock, mip_gap)
    if status == INFEASIBLE:
        raise infeasible
    if x is None:
        raise _out_of_time(clock.time_limit)
    return x, status, gap


def _out_of_time(time_limit: float | None) -> InputError:
    return InputError(
        tr(
            "No solution was found within the time limit of {seconds:g} s. Allow more time, or reduce the number of demand points or candidate sites."
        ),
        seconds=float(time_limit),
    )


@dataclass(frozen=True, eq=False)
class _Run:
    """What every location model starts from (:func:`_prepare`): the call's clock (time
    budget and cancel callback), the checked weights w, the mask of existing sites, P (None
    for the LSCP) and the capacities (None: uncapacitated)."""

    clock: _Clock
    w: np.ndarray
    fixed: np.ndarray
    p: int | None
    cap: np.ndarray | None


def _prepare(
    costs: CostMatrix,
    weights: np.ndarray,
    fixed: Sequence[int] | np.ndarray | None,
    capacity: np.ndarray | None,
    time_limit: float | None,
    mip_gap: float,
    cancelled: CancelCheck,
    p: int | None = None,
    need_one: bool = False,
) -> _Run:
    """The preamble shared by the five solvers: the solver options checked, the clock
    started (the wall-clock budget counts from here), a first look at the cancel callback,
    then the weights, existing sites, P and capacities checked against the cost matrix.
    Each model then reduces the cost matrix its own way (_coverage, _active_pairs)."""
    _check_solver(time_limit, mip_gap)
    clock = _Clock(time_limit, cancelled)
    clock.check()
    w = _check_weights(weights, costs.n_demand)
    fixed_mask = _check_fixed(fixed, costs.n_candidates)
    checked_p = None if p is None else _check_p(p, fixed_mask, need_one=need_one)
    cap = _check_capacity(capacity, costs.n_candidates, float(w.sum()))
    return _Run(clock, w, fixed_mask, checked_p, cap)


def _check_weights(weights: np.ndarray, n: int) -> np.ndarray:
    w = np.asarray(weights, dtype=np.float64).ravel()
    if w.shape != (n,):
        raise ValueError("one weight per demand point")
    bad = np.flatnonzero(~np.isfinite(w) | (w < 0))
    if bad.size:
        raise InputError(
            tr("Demand point {index} has weight {value}; weights (people) must be zero or positive numbers."),
            index=int(bad[0]),
            value=float(w[bad[0]]),
        )
    if w.sum() <= 0:
        raise InputError(tr("Every demand point has weight 0: there is nobody to serve."))
    return w


def _check_fixed(fixed: Sequence[int] | np.ndarray | None, n: int) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    if fixed is not None:
        index = np.asarray(fixed, dtype=np.int64).ravel()
        if index.size and (index.min() < 0 or index.max() >= n):
            raise ValueError("existing site index outside the candidates")
        mask[index] = True
    return mask


def _check_capacity(capacity: np.ndarray | None, n: int, total: float) -> np.ndarray | None:
    if capacity is None:
        return None
    cap = np.asarray(capacity, dtype=np.float64).ravel()
    if cap.shape != (n,):
        raise ValueError("one capacity per candidate site")
    bad = np.flatnonzero(np.isnan(cap) | (cap < 0))
    if bad.size:
        raise InputError(
            tr("Candidate site {index} has capacity {value}; capacities (people) must be zero or positive."),
            index=int(bad[0]),
            value=float(cap[bad[0]]),
        )
    # A site that can take everybody is unlimited; keeping the matrix finite needs no more.
    return np.minimum(cap, total)


def _check_p(p: int, fixed: np.ndarray, need_one: bool) -> int:
    free = int(np.count_nonzero(~fixed))
    if not float(p).is_integer() or p < 0:
        raise InputError(tr("The number of new sites must be a whole number of at least 0, got {p}."), p=p)
    if p > free:
        raise InputError(
            tr("{p} new sites were asked for, but only {free} candidate sites are not open already."),
            p=int(p),
            free=free,
        )
    if need_one and p == 0 and not fixed.any():
        raise InputError(tr("At least one site must be open: ask for new sites or give existing ones."))
    return int(p)


def _check_solver(time_limit: float | None, mip_gap: float) -> None:
    if time_limit is not None and not time_limit > 0:
        raise InputError(tr("The time limit must be a positive number of seconds, got {value}."), value=time_limit)
    if not (np.isfinite(mip_gap) and mip_gap >= 0):
        raise InputError(tr("The MIP gap must be zero or a positive fraction, got {value}."), value=mip_gap)


def _segments(sorted_keys: np.ndarray) -> np.ndarray:
    """Start of every run of equal values in a sorted array."""
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]) if len(sorted_keys) else np.zeros(0, np.int64)


def _coverage_groups(demand: np.ndarray, candidate: np.ndarray, n_demand: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Demand points with identical sets of candidates, merged.

    Takes pairs sorted by demand, then candidate.  Returns the group of every demand point
    (−1 for points without pairs) and the (group, candidate) pairs of the groups.  Coverage
    models see a demand point only through its set N_i, so the points of a group act as one
    point carrying their summed weight: the merged model has the same optimum, with one row
    per distinct set instead of one per point.
    """
    starts = _segments(demand)
    ends = np.append(starts[1:], len(demand))[: len(starts)]
    # One exact key per demand point: a loop over points, never over pairs.
    keys = np.empty(len(starts), dtype=object)
    keys[:] = [candidate[a:b].tobytes() for a, b in zip(starts, ends)]
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    group = np.full(n_demand, -1, dtype=np.int64)
    group[demand[starts]] = inverse
    representative = np.zeros(len(starts), dtype=bool)
    representative[first] = True
    of_representative = np.repeat(representative, ends - starts)
    pair_group = np.repeat(inverse, ends - starts)[of_representative]
    pair_site = candidate[of_representative]
    order = np.lexsort((pair_site, pair_group))
    return group, pair_group[order], pair_site[order]


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Concatenation of arange(starts[k], ends[k]) over k, without a loop."""
    lengths = ends - starts
    return np.repeat(starts - np.cumsum(np.r_[0, lengths[:-1]]), lengths) + np.arange(int(lengths.sum()))


def _undominated(pair_group: np.ndarray, pair_site: np.ndarray, n_groups: int, n_candidates: int) -> np.ndarray:
    """The candidates worth keeping in an uncapacitated coverage model.

    A site j whose groups are all covered by another site k as well (N_j ⊆ N_k; when the sets
    are equal, the lower index is kept) can be replaced by k in any solution without covering
    less and without opening more sites, so it is dropped, as are sites covering nobody: the
    column reduction of Toregas & ReVelle (1973, "Binary logic solutions to a class of
    location problem", Geographical Analysis 5(2):145–155).  Overlaps |N_j ∩ N_k| come from
    the sparse product AᵀA of the group × site incidence matrix, a block of sites at a time.
    """
    a = csc_matrix((np.ones(len(pair_group)), (pair_group, pair_site)), shape=(n_groups, n_candidates))
    size = np.diff(a.indptr)
    rows = a.T.tocsr()
    dominated = size == 0
    step = max(1, OVERLAP_CELLS // max(n_candidates, 1))
    for first in range(0, n_candidates, step):
        overlap = (rows[first : first + step] @ a).tocoo()
        j, k = overlap.row + first, overlap.col
        inside = (overlap.data == size[j]) & (k != j) & ((size[k] > size[j]) | (k < j))
        dominated[j[inside]] = True
    return ~dominated


def _nearest(costs: CostMatrix, open_sites: np.ndarray, limit: float) -> np.ndarray:
    """Per demand point the open site with the lowest cost ≤ limit (lowest index on ties), −1
    if none (:func:`coverage.nearest_facility`)."""
    return nearest_facility(costs, open_sites, limit)[0]


def _result(
    name: str,
    costs: CostMatrix,
    w: np.ndarray,
    selected: np.ndarray,
    fixed: np.ndarray,
    limit: float,
    shares: tuple[np.ndarray, np.ndarray, np.ndarray] | None,
    status: str,
    gap: float,
    started: float,
) -> LocationResult:
    """The result of a model whose open sites are ``selected``.

    Without ``shares`` (uncapacitated models) every demand point goes to its nearest open site
    within ``limit``, which is what an optimal solution does.  With ``shares`` (demand, site,
    people) from a capacitated model, the allocation is the model's and each point is
    assigned to the site serving its largest share.
    """
    nearest = _nearest(costs, selected, limit)
    if shares is None:
        served_pair = (nearest >= 0) & (w > 0)
        d = np.flatnonzero(served_pair)
        j, amount = nearest[d], w[d]
        assignment = nearest
    else:
        d, j, amount = shares
        order = np.lexsort((j, -amount, d))
        d, j, amount = d[order], j[order], amount[order]
        first = _segments(d)
        assignment = np.where(w > 0, -1, nearest)
        assignment[d[first]] = j[first]
    served = np.bincount(d, weights=amount, minlength=costs.n_demand)
    unit = costs.cost_of(d, j)
    covered = float(served.sum())
    total_cost = float(np.dot(amount, unit))
    uncovered = np.flatnonzero(np.where(w > 0, served < w * (1 - 1e-6), nearest < 0))
    new = int(np.count_nonzero(selected & ~fixed))
    max_cost = float(unit.max()) if len(unit) else 0.0
    objective = {"LSCP": float(new), "MCLP": covered, "p-median": total_cost, "p-center": max_cost}[name]
    return LocationResult(
        model=name,
        selected=frozen(np.flatnonzero(selected)),
        fixed=frozen(np.flatnonzero(fixed)),
        assignment=frozen(assignment),
        allocation=Allocation(frozen(d), frozen(j), frozen(amount)),
        served=frozen(served),
        objective=objective,
        covered_weight=covered,
        covered_percent=100.0 * covered / float(w.sum()),
        total_cost=total_cost,
        mean_cost=total_cost / covered if covered > 0 else float("nan"),
        max_cost=max_cost,
        uncovered=frozen(uncovered),
        status=status,
        mip_gap=gap,
        seconds=time.perf_counter() - started,
    )


def _spread(group: np.ndarray, pair_group: np.ndarray, pair_site: np.ndarray, share: np.ndarray, w: np.ndarray):
    """Shares x_gj of merged groups handed back to their member points: (demand, site,
    people) with people = w_i · x_gj for every member i of g."""
    keep = share > SHARE_EPS
    pair_group, pair_site, share = pair_group[keep], pair_site[keep], share[keep]
    members = np.flatnonzero(group >= 0)
    members = members[np.argsort(group[members], kind="stable")]
    count = np.bincount(group[members], minlength=int(group.max()) + 1)
    start = np.r_[0, np.cumsum(count)[:-1]]
    repeat = count[pair_group]
    offset = np.arange(int(repeat.sum())) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    demand = members[np.repeat(start[pair_group], repeat) + offset]
    x = np.repeat(share, repeat)
    return demand, np.repeat(pair_site, repeat), w[demand] * np.minimum(x, 1.0)


@dataclass(frozen=True, eq=False)
class _Coverage:
    """A coverage model (LSCP or MCLP) ready to solve, and what maps its solution back."""

    model: _Model
    capacitated: bool
    group: np.ndarray
    pair_group: np.ndarray
    pair_site: np.ndarray
    group_weight: np.ndarray
    p_row: int
    bound_row: int


def _coverage(costs: CostMatrix, w: np.ndarray, service: float, fixed: np.ndarray, cap: np.ndarray | None, maximal: bool) -> _Coverage:
    """The LSCP (``maximal`` False) or the MCLP on merged demand groups.  Its row
    Σ_{j new} y_j (``p_row``) is unbounded until :func:`_with_p` sets it; the MCLP also has the
    row Σ covered weight ≥ bound (``bound_row``).  Raises UncoverableDemand for an LSCP point
    with people and no candidate within ``service``."""
    n = costs.n_candidates
    near = costs.within(service)
    active = w > 0
    keep = active[near.demand]
    d, j = near.demand[keep], near.candidate[keep]
    need = active
    if cap is None:
        # Without capacities an existing site covers its neighbours whatever else opens.
        by_fixed = np.zeros(costs.n_demand, dtype=bool)
        by_fixed[d[fixed[j]]] = True
        keep = ~by_fixed[d] & ~fixed[j]
        d, j = d[keep], j[keep]
        need = active & ~by_fixed
    if not maximal:
        reached = np.zeros(costs.n_demand, dtype=bool)
        reached[d] = True
        missing = np.flatnonzero(need & ~reached)
        if missing.size:
            raise UncoverableDemand(missing, service)
    group, pair_group, pair_site = _coverage_groups(d, j, costs.n_demand)
    if cap is None and len(pair_group):
        keep = _undominated(pair_group, pair_site, int(group.max()) + 1, n)[pair_site]
        # Without the dropped sites some groups have the same set: merge them too.
        regroup, pair_group, pair_site = _coverage_groups(pair_group[keep], pair_site[keep], int(group.max()) + 1)
        group = np.where(group >= 0, regroup[group], -1)
    n_groups = int(group.max()) + 1
    members = group >= 0
    group_weight = np.bincount(group[members], weights=w[members], minlength=n_groups)
    new_site = (~fixed).astype(np.float64)
    ones = np.ones(len(pair_group))
    if cap is None:
        m = n_groups if maximal else 0
        if maximal:
            # z_g ≤ Σ_{j∈N_g} y_j, z_g continuous: with binary y the best z_g is 0 or 1.
            g = np.arange(m)
            blocks = [
                _Block("covered only by an open site", np.r_[g, pair_group], np.r_[n + g, pair_site], np.r_[np.ones(m), -ones], -np.inf, 0.0, m)
            ]
            c = np.r_[np.zeros(n), -group_weight]
        else:
            # Σ_{j∈N_g} y_j ≥ 1: one row per distinct coverage set.
            blocks = [_Block("every group covered", pair_group, pair_site, 1.0, 1.0, np.inf, n_groups)]
            c = new_site
        cover_vars, cover_weight = n + np.arange(m), group_weight
    else:
        m = len(pair_group)
        k = np.arange(m)
        x = n + k
        blocks = [
            # Σ_j x_gj = 1 (LSCP: everybody served within S) or ≤ 1 (MCLP)
            _Block("group served once", pair_group, x, 1.0, 0.0 if maximal else 1.0, 1.0, n_groups),
            # Σ_g W_g x_gj ≤ cap_j y_j
            _Block("capacity", np.r_[pair_site, np.arange(n)], np.r_[x, np.arange(n)], np.r_[group_weight[pair_group], -cap], -np.inf, 0.0, n),
            # x_gj ≤ y_j: implied by the capacity row only where cap_j ≤ W_g, and a much
            # tighter relaxation (the strong form of facility location models).
            _Block("served only by an open site", np.r_[k, k], np.r_[x, pair_site], np.r_[ones, -ones], -np.inf, 0.0, m),
        ]
        c = np.r_[np.zeros(n), -group_weight[pair_group]] if maximal else np.r_[new_site, np.zeros(m)]
        cover_vars, cover_weight = x, group_weight[pair_group]
    free = np.flatnonzero(~fixed)
    p_row = sum(b.n_rows for b in blocks)
    blocks.append(_Block("number of new sites", np.zeros(len(free)), free, 1.0, 0.0, np.inf, 1))
    bound_row = -1
    if maximal:
        bound_row = p_row + 1
        blocks.append(_Block("covered weight at least the bound", np.zeros(len(cover_vars)), cover_vars, cover_weight, -np.inf, np.inf, 1))
    n_vars = n + m
    integrality = np.r_[np.ones(n), np.zeros(m)]
    model = _model(c, integrality, np.r_[fixed.astype(np.float64), np.zeros(m)], np.ones(n_vars), blocks, n_vars)
    return _Coverage(model, cap is not None, group, pair_group, pair_site, group_weight, p_row, bound_row)


def _with_p(spec: _Coverage, low: float, high: float, bound: float = -np.inf) -> _Model:
    """The coverage model with low ≤ Σ_{j new} y_j ≤ high and covered weight ≥ bound."""
    row_lb, row_ub = spec.model.row_lb.copy(), spec.model.row_ub.copy()
    row_lb[spec.p_row], row_ub[spec.p_row] = low, high
    if spec.bound_row >= 0:
        row_lb[spec.bound_row] = bound
    return replace(spec.model, row_lb=row_lb, row_ub=row_ub)


def _coverage_result(
    name: str,
    spec: _Coverage,
    v: np.ndarray,
    costs: CostMatrix,
    w: np.ndarray,
    limit: float,
    fixed: np.ndarray,
    status: str,
    gap: float,
    started: float,
) -> tuple[LocationResult, float]:
    """The result of a solved coverage model, and the weight it covers in the model's own
    terms (points covered by existing sites left out): the bound for the next P of a curve."""
    n = costs.n_candidates
    selected = (v[:n] > 0.5) | fixed
    share = np.clip(v[n:], 0.0, 1.0)
    if spec.capacitated:
        shares = _spread(spec.group, spec.pair_group, spec.pair_site, share, w)
        reached = float(np.dot(spec.group_weight[spec.pair_group], share))
    else:
        shares = None
        reached = float(np.dot(spec.group_weight, share)) if len(share) else 0.0
    return _result(name, costs, w, selected, fixed, limit, shares, status, gap, started), reached


def _greedy(spec: _Coverage, n_candidates: int, p: int) -> tuple[np.ndarray, int]:
    """Up to p sites picked one at a time, each covering the most weight not yet covered, and
    how many of them cover every group (−1 if they do not).  When some prefix covers every
    group it is an optimal MCLP solution, since nobody else can be covered; many instances
    with a generous P end here without a MIP."""
    weight = spec.group_weight
    n_groups = len(weight)
    by_site = np.argsort(spec.pair_site, kind="stable")
    site_start = np.searchsorted(spec.pair_site[by_site], np.arange(n_candidates + 1))
    group_start = np.searchsorted(spec.pair_group, np.arange(n_groups + 1))
    gain = np.bincount(spec.pair_site, weights=weight[spec.pair_group], minlength=n_candidates)
    covered = np.zeros(n_groups, dtype=bool)
    chosen = []
    while len(chosen) < p and not covered.all():
        best = int(np.argmax(gain))
        groups = spec.pair_group[by_site[site_start[best] : site_start[best + 1]]]
        new = groups[~covered[groups]]
        if not new.size:
            break
        chosen.append(best)
        covered[new] = True
        # Every site that covers a newly covered group gains that much less from now on.
        lost = _ranges(group_start[new], group_start[new + 1])
        gain -= np.bincount(spec.pair_site[lost], weights=weight[spec.pair_group[lost]], minlength=n_candidates)
        gain[best] = -np.inf
    return np.asarray(chosen, dtype=np.int64), (len(chosen) if covered.all() else -1)


def _chosen(spec: _Coverage, fixed: np.ndarray, sites: np.ndarray) -> tuple[np.ndarray, float]:
    """The solution vector of an uncapacitated MCLP that opens ``sites``, and the weight it
    covers in the model's terms."""
    covered = np.zeros(len(spec.group_weight))
    covered[spec.pair_group[np.isin(spec.pair_site, sites)]] = 1.0
    v = np.r_[fixed.astype(np.float64), covered]
    v[sites] = 1.0
    return v, float(np.dot(spec.group_weight, covered))


def _mclp_solution(
    spec: _Coverage, model: _Model, p: int, greedy: tuple[np.ndarray, float] | None, clock: _Clock, mip_gap: float
) -> tuple[np.ndarray, str, float]:
    """Solve an MCLP no worse than a known solution ``greedy`` = (v, covered weight) when one
    is given (the greedy one, or the previous P's on a curve): its covered weight bounds the
    model's from below, which prunes like a known solution, and it is returned, with status
    "time limit", if HiGHS finds nothing better in time.  Its gap then uses HiGHS's dual
    bound or, when HiGHS has none yet, the weaker min(Σ_g W_g, sum of the p largest
    single-site coverages)."""
    if greedy is None:
        return _solution(model, clock, mip_gap, _MCLP_INFEASIBLE)
    v, floor = greedy
    row_lb = model.row_lb.copy()
    row_lb[spec.bound_row] = max(row_lb[spec.bound_row], floor * (1 - 1e-9))
    x, status, gap, bound = _solve(replace(model, row_lb=row_lb), clock, mip_gap)
    if x is not None:
        return x, status, gap
    alone = np.bincount(spec.pair_site, weights=spec.group_weight[spec.pair_group])
    best = min(-bound, float(spec.group_weight.sum()), float(np.sort(alone)[::-1][:p].sum()) if len(alone) else 0.0)
    return v, TIME_LIMIT, max(best - floor, 0.0) / floor if floor > 0 else float("inf")


def lscp(
    costs: CostMatrix,
    weights: np.ndarray,
    service: float,
    *,
    fixed: Sequence[int] | np.ndarray | None = None,
    capacity: np.ndarray | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    mip_gap: float = DEFAULT_MIP_GAP,
    cancelled: CancelCheck = None,
) -> LocationResult:
    """Location set covering problem (Toregas, Swain, ReVelle & Bergman 1971, "The location of
    emergency service facilities", Operations Research 19(6):1363–1373): the fewest new sites
    such that every demand point with w_i > 0 has an open site within the service distance S
    (cost units):

        min Σ_{j new} y_j   s.t.   Σ_{j ∈ N_i(S)} y_j ≥ 1  for every i with w_i > 0.

    Points covered by an existing site are dropped; points with the same set N_i(S) share one
    row (:func:`_coverage_groups`).  With capacities (people) everybody must be served within
    S and within capacity: Σ_{j∈N_i(S)} x_ij = 1, Σ_i w_i x_ij ≤ cap_j y_j, x_ij ≤ y_j,
    x_ij ∈ [0, 1] (a point may be split between sites).  ``objective`` = number of new sites.

    Raises :class:`UncoverableDemand` for points with w_i > 0 and no candidate within S, and
    InputError when the capacities within S cannot serve everybody even with every site open.
    """
    run = _prepare(costs, weights, fixed, capacity, time_limit, mip_gap, cancelled)
    w, fixed_mask, cap, clock = run.w, run.fixed, run.cap, run.clock
    spec = _coverage(costs, w, service, fixed_mask, cap, maximal=False)
    infeasible = InputError(
        tr(
            "Even with every candidate site open, their capacities cannot serve everybody within "
            "the service distance {service:g}. Add candidate sites or capacity, or increase the "
            "service distance."
        ),
        service=float(service),
    )
    v, status, gap = _solution(spec.model, clock, mip_gap, infeasible)
    return _coverage_result("LSCP", spec, v, costs, w, service, fixed_mask, status, gap, clock.started)[0]


# An MCLP always has a solution (P ≤ free candidates is checked first; x = 0 fits any capacity).
_MCLP_INFEASIBLE = InputError(tr("The maximal covering model has no solution."))


def mclp(
    costs: CostMatrix,
    weights: np.ndarray,
    service: float,
    p: int,
    *,
    fixed: Sequence[int] | np.ndarray | None = None,
    capacity: np.ndarray | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    mip_gap: float = DEFAULT_MIP_GAP,
    cancelled: CancelCheck = None,
) -> LocationResult:
    """Maximal covering location problem (Church & ReVelle 1974, "The maximal covering location
    problem", Papers of the Regional Science Association 32:101–118): at most P new sites that
    cover the most people within the service distance S (cost units):

        max Σ_i w_i z_i   s.t.   z_i ≤ Σ_{j ∈ N_i(S)} y_j,   Σ_{j new} y_j ≤ P,
                                 z_i ∈ [0, 1],  y_j ∈ {0, 1}

    (z_i may be continuous: with binary y the best z_i is 0 or 1; "≤ P" because a site that
    covers nobody more is not worth opening, so fewer than P new sites come back when they
    already cover everybody the candidates can reach).  Exact reductions before HiGHS sees
    the model: points covered by an existing site are counted and dropped; points with the
    same N_i(S) are merged into one carrying their summed weight (:func:`_coverage_groups`),
    one row per distinct coverage set instead of one per point; sites whose coverage is
    contained in another's are dropped (:func:`_undominated`).  The greedy solution (each new
    site covering the most people not yet covered) is tried first: when it covers everybody
    coverable it is optimal; otherwise the model must beat it, and it is returned with
    status "time limit" if HiGHS finds nothing better in time, so the answer is never worse
    than greedy.

    With capacities (people): max Σ_ij w_i x_ij with Σ_j x_ij ≤ 1, Σ_i w_i x_ij ≤ cap_j y_j,
    x_ij ≤ y_j: a point may be covered in part, and ``covered_weight`` counts the people
    covered (merging still applies, the other shortcuts do not).  ``objective`` = covered
    people.
    """
    run = _prepare(costs, weights, fixed, capacity, time_limit, mip_gap, cancelled, p=p)
    w, fixed_mask, p, cap, clock, started = run.w, run.fixed, run.p, run.cap, run.clock, run.clock.started
    spec = _coverage(costs, w, service, fixed_mask, cap, maximal=True)
    greedy = None
    if cap is None:
        sites, enough = _greedy(spec, costs.n_candidates, p)
        greedy = _chosen(spec, fixed_mask, sites if enough < 0 else sites[:enough])
        if enough >= 0:
            return _coverage_result("MCLP", spec, greedy[0], costs, w, service, fixed_mask, OPTIMAL, 0.0, started)[0]
    v, status, gap = _mclp_solution(spec, _with_p(spec, 0, p), p, greedy, clock, mip_gap)
    return _coverage_result("MCLP", spec, v, costs, w, service, fixed_mask, status, gap, started)[0]


def coverage_curve(
    costs: CostMatrix,
    weights: np.ndarray,
    service: float,
    max_p: int,
    *,
    fixed: Sequence[int] | np.ndarray | None = None,
    capacity: np.ndarray | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    mip_gap: float = DEFAULT_MIP_GAP,
    cancelled: CancelCheck = None,
) -> tuple[LocationResult, ...]:
    """The MCLP for P = 1, 2, …, ``max_p`` new sites: how coverage grows with every site, for
    the report's curve (each result as from :func:`mclp`).

    The model is built once; each P is then one solve in which the covered weight is bounded
    below by the optimum for P − 1 (valid: the P − 1 sites plus any other cover at least as
    much), which lets HiGHS discard weaker branches at once.  The curve stops at the first P
    that covers every person who can be covered at all (within S of some candidate).  Cost:
    up to ``max_p`` MIP solves, each no harder than :func:`mclp` with that P, so in practice a
    few times the single solve at ``max_p``.

    ``time_limit`` bounds the whole curve (wall clock): half of it is kept for the last P,
    the answer to "which ``max_p`` sites", and each earlier P gets an equal share of the
    rest of the other half (with what earlier ones left unused).  A P whose solve runs out
    of time keeps the better of the greedy solution (uncapacitated) and the previous P's
    solution (status "time limit"), so the curve is never cut short by the clock.
    ``cancelled`` is checked before every P and inside every solve (see :func:`_solve`).
    """
    run = _prepare(costs, weights, fixed, capacity, time_limit, mip_gap, cancelled, p=max_p)
    w, fixed_mask, max_p, cap, clock, started = run.w, run.fixed, run.p, run.cap, run.clock, run.clock.started
    spec = _coverage(costs, w, service, fixed_mask, cap, maximal=True)
    reachable = np.zeros(costs.n_demand, dtype=bool)
    reachable[costs.within(service).demand] = True
    coverable = float(w[reachable].sum())
    sites, enough = _greedy(spec, costs.n_candidates, max_p) if cap is None else (None, -1)
    curve = []
    bound = -np.inf
    previous = (np.r_[fixed_mask.astype(np.float64), np.zeros(len(spec.model.c) - costs.n_candidates)], 0.0)
    reserve = 0.0 if time_limit is None else 0.5 * float(time_limit)
    for p in range(1, max_p + 1):
        clock.check()
        # The greedy order's first p sites are the greedy solution for p.
        greedy = None if sites is None else _chosen(spec, fixed_mask, sites[:p])
        if 0 <= enough <= p:
            v, status, gap = greedy[0], OPTIMAL, 0.0
        else:
            share = clock if p == max_p else clock.part((clock.remaining() - reserve) / (max_p - p))
            known = previous if greedy is None or previous[1] > greedy[1] else greedy
            v, status, gap = _mclp_solution(spec, _with_p(spec, 0, p, bound), p, known, share, mip_gap)
        result, reached = _coverage_result("MCLP", spec, v, costs, w, service, fixed_mask, status, gap, started)
        started = time.perf_counter()
        curve.append(result)
        previous = (v, reached)
        if result.covered_weight >= coverable * (1 - 1e-9):
            break
        # A bound from an unproven solution is still valid: that solution exists.
        bound = reached * (1 - 1e-9)
    return tuple(curve)


def _active_pairs(costs: CostMatrix, w: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of demand points with people; raises UncoverableDemand for such points that
    reach no candidate at all."""
    keep = w[costs.demand] > 0
    d, j, c = costs.demand[keep], costs.candidate[keep], costs.cost[keep]
    reached = np.zeros(costs.n_demand, dtype=bool)
    reached[d] = True
    missing = np.flatnonzero((w > 0) & ~reached)
    if missing.size:
        raise UncoverableDemand(missing, None)
    return d, j, c


def _useful_pairs(d: np.ndarray, j: np.ndarray, c: np.ndarray, fixed: np.ndarray, closed: int, n_demand: int):
    """The pairs an uncapacitated assignment can use.  Every point goes to its nearest open
    site, so a pair is useless when it is farther than an existing (always open) site of the
    same point, or farther than the point's (closed + 1)-th nearest new candidate: at most
    ``closed`` new candidates stay closed, so one of those is open."""
    order = np.lexsort((c, d))
    free = ~fixed[j[order]]
    fd, fc = d[order][free], c[order][free]
    starts = _segments(fd)
    rank = np.arange(len(fd)) - np.repeat(starts, np.diff(np.r_[starts, len(fd)]))
    limit = np.full(n_demand, np.inf)
    at = rank == closed
    limit[fd[at]] = fc[at]
    existing = fixed[j]
    np.minimum.at(limit, d[existing], c[existing])
    keep = c <= limit[d]
    return d[keep], j[keep], c[keep]


def _median_model(
    d: np.ndarray,
    j: np.ndarray,
    c: np.ndarray,
    w: np.ndarray,
    n: int,
    p: int,
    fixed: np.ndarray,
    cap: np.ndarray | None,
    beyond: np.ndarray | None = None,
    opened: np.ndarray | None = None,
) -> tuple[_Model, np.ndarray]:
    """The p-median on the pairs (d, j, c) of the demand points with people (sorted by demand,
    then candidate; every such point has at least one); its variables are y_j (n), then x_ij
    in the order of the pairs, then one u_i per demand point with a finite ``beyond``_i.

    ``beyond`` (per demand point, cost units; None = all inf) is the radius formulation's
    overflow: when the pairs kept for i are only its nearest sites, u_i = 1 means "served
    by a site farther than every kept one", priced at w_i · beyond_i, the cost of i's
    nearest pair left out.  That underestimates what i pays, so the model is a relaxation
    of the p-median on all pairs (Garcia, Labbé & Marín 2011, "Solving large p-median
    problems with a radius formulation", INFORMS J. Computing 23(4):546–556), exact when the
    solution it returns has u = 0.  ``opened`` marks sites proven open (y_j ≥ 1).
    Returns the model and the demand point of every u."""
    m = len(d)
    starts = _segments(d)
    row = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, m]))
    points = d[starts]
    over = np.zeros(len(points), dtype=bool) if beyond is None else np.isfinite(beyond[points])
    u_rows = np.flatnonzero(over)
    u_points = points[u_rows]
    k = np.arange(m)
    x = n + k
    u = n + m + np.arange(len(u_rows))
    free = np.flatnonzero(~fixed)
    blocks = [
        # Σ_j x_ij (+ u_i) = 1: every point with people is served.
        _Block("every point served", np.r_[row, u_rows], np.r_[x, u], 1.0, 1.0, 1.0, len(points)),
        # x_ij ≤ y_j, one row per pair.  The aggregated Σ_i x_ij ≤ n_j y_j needs one row per
        # site only, but its LP relaxation is weak (y_j = n_j⁻¹ Σ_i x_ij may be fractional)
        # and HiGHS must branch where the pairwise rows give an almost integral relaxation.
        # Measured (benchmarks/location.py --aggregated-limit 120) on 2000 points × 200 sites,
        # all 400 000 pairs, P = 20: pairwise proven optimal at the root in 28 s, aggregated
        # still 28 % from optimal after 120 s.
        _Block("served only by an open site", np.r_[k, k], np.r_[x, j], np.r_[np.ones(m), -np.ones(m)], -np.inf, 0.0, m),
        _Block("number of new sites", np.zeros(len(free)), free, 1.0, p, p, 1),
    ]
    if cap is not None:
        blocks.append(_Block("capacity", np.r_[j, np.arange(n)], np.r_[x, np.arange(n)], np.r_[w[d], -cap], -np.inf, 0.0, n))
    lb_sites = fixed if opened is None else fixed | opened
    n_vars = n + m + len(u_rows)
    over_cost = w[u_points] * beyond[u_points] if len(u_rows) else np.zeros(0)
    model = _model(
        np.r_[np.zeros(n), w[d] * c, over_cost],
        np.r_[np.ones(n), np.zeros(m + len(u_rows))],
        np.r_[lb_sites.astype(np.float64), np.zeros(m + len(u_rows))],
        np.ones(n_vars),
        blocks,
        n_vars,
    )
    return model, u_points


def _median_shares(v: np.ndarray, n: int, d: np.ndarray, j: np.ndarray, w: np.ndarray):
    share = np.clip(v[n : n + len(d)], 0.0, 1.0)
    served = share > SHARE_EPS
    return d[served], j[served], w[d[served]] * share[served]


def _no_placement(p: int, cap: np.ndarray | None, w: np.ndarray) -> InputError:
    """Why an assignment model has no solution: too little capacity in all, or too few sites
    to reach (and, with capacities, to serve) every demand point."""
    if cap is not None and cap.sum() < w.sum():
        return InputError(
            tr("Even with every candidate site open, their capacities ({capacity:g} people in all) cannot serve everybody ({people:g} people)."),
            capacity=float(cap.sum()),
            people=float(w.sum()),
        )
    return InputError(
        tr(
            "No placement of {p} new sites, with the existing ones, can serve every demand point "
            "within the sites' reach and capacity. Ask for more sites, or add candidate sites or "
            "capacity."
        ),
        p=p,
    )


#: Shares of the time limit the p-median's heuristic and its Lagrangian bound may use before
#: the mixed-integer programme (counted from the call; they stop earlier when done).
HEURISTIC_SHARE = 0.2
BOUND_SHARE = 0.4


def _median_search(costs: CostMatrix, w: np.ndarray, p: int, fixed: np.ndarray, clock: _Clock, mip_gap: float) -> tuple[np.ndarray, str, float]:
    """The uncapacitated p-median: open sites, status and gap.

    1. Greedy adding and vertex substitution (:mod:`median`) give a solution of value UB;
       the answer is never worse.
    2. The Lagrangian bound LB (:func:`median.lagrange_bound`) and its reductions: sites
       that no better solution opens are dropped, sites that every better one opens are
       fixed open, and so are the pairs no better solution uses.  If UB − LB is within the
       accepted gap, UB is the answer, proven.
    3. The radius formulation (:func:`_median_model` with ``beyond``): each point keeps only
       its sites up to the cost of its site in the best known solution, plus an overflow
       priced at its next cost; HiGHS solves that smaller relaxation with the best known
       solution as incumbent.  A solution whose overflows are all 0 is exact; otherwise its
       true cost is evaluated (a new incumbent if better), the radii of the points that
       overflowed grow to their cost in it, and the model is solved again.  The search ends
       when the relaxation's bound meets the incumbent (proven) or the time runs out (the
       best solution, with gap (UB − max(LB, HiGHS's bound)) / UB).
    """
    n = costs.n_candidates
    d, j, c = _active_pairs(costs, w)
    d, j, c = _useful_pairs(d, j, c, fixed, n - int(fixed.sum()) - p, costs.n_demand)
    pairs = median.MedianPairs.build(d, j, c, w, n, fixed, p)
    active = pairs.active
    if p == 0:
        if (median.nearest_two(pairs, fixed).site[active] < 0).any():
            raise _no_placement(p, None, w)
        return fixed.copy(), OPTIMAL, 0.0
    budget = clock.deadline - clock.started

    def until(share: float) -> Callable[[], bool]:
        end = clock.started + share * budget
        return lambda: time.perf_counter() >= end

    known = median.greedy(pairs, clock.check)
    known, _ = median.interchange(pairs, known, clock.check, until(HEURISTIC_SHARE))
    near = median.nearest_two(pairs, known)
    upper, lower = np.inf, -np.inf
    keep, opened = np.ones(len(d), dtype=bool), np.zeros(n, dtype=bool)
    if (near.site[active] >= 0).all():
        upper = float(near.first.sum())
        # λ_i ≤ D2_i of the known solution: the pairs beyond it cannot enter any ρ_j.
        cap = near.second
        few = pairs.weighted < cap[pairs.demand]
        relaxed = replace(pairs, demand=d[few], candidate=j[few], weighted=pairs.weighted[few])

        def evaluate(sites: np.ndarray) -> float:
            value = median.nearest_two(pairs, sites)
            return float(value.first.sum()) if (value.site[active] >= 0).all() else np.inf

        bound = median.lagrange_bound(relaxed, upper, near.first, cap, clock.check, until(BOUND_SHARE), evaluate=evaluate)
        lower = bound.value
        if bound.solution is not None:
            # The relaxation found better sites: polish them by substitution too.
            better, _ = median.interchange(pairs, bound.solution, clock.check, until(BOUND_SHARE))
            where = median.nearest_two(pairs, better)
            if (where.site[active] >= 0).all() and float(where.first.sum()) < upper:
                known, near, upper = better, where, float(where.first.sum())
        if upper - lower <= max(IMPROVEMENT, mip_gap) * abs(upper):
            return known, OPTIMAL, max(upper - lower, 0.0) / upper
        cut = median.reduce(pairs, bound, upper, known, near.site)
        keep, opened = cut.keep, cut.opened
        if opened.any():
            # A site open in every better solution is nearer than anything beyond it.
            limit = np.full(costs.n_demand, np.inf)
            at = opened[j]
            np.minimum.at(limit, d[at], c[at])
            keep &= c <= limit[d]
    every, every_cost = d * n + j, c  # the active pairs' keys (sorted) and costs

    def cost_to(sites: np.ndarray) -> np.ndarray:
        """c_ij of every demand point to its site in ``sites`` (inf for −1): looked up, not
        divided back out of w_i c_ij, so that the pair lies within the radius exactly."""
        found = np.full(costs.n_demand, np.inf)
        has = sites >= 0
        found[has] = every_cost[np.searchsorted(every, np.flatnonzero(has) * n + sites[has])]
        return found

    radius = cost_to(near.site)
    d, j, c = d[keep], j[keep], c[keep]
    status = TIME_LIMIT
    while True:
        inside = c <= radius[d]
        beyond = np.full(costs.n_demand, np.inf)
        np.minimum.at(beyond, d[~inside], c[~inside])
        kd, kj, kc = d[inside], j[inside], c[inside]
        model, overflow = _median_model(kd, kj, kc, w, n, p, fixed, None, beyond, opened)
        incumbent = None
        if np.isfinite(upper):
            incumbent = np.zeros(len(model.c))
            incumbent[:n] = known
            wanted = np.flatnonzero(active) * n + near.site[active]
            kept = kd * n + kj
            at = np.minimum(np.searchsorted(kept, wanted), len(kept) - 1)
            if not np.array_equal(kept[at], wanted):
                raise RuntimeError("p-median: the known solution is not in the reduced model")
            incumbent[n + at] = 1.0
        v, found, _, dual = _solve(model, clock, mip_gap, incumbent, lower)
        if v is None:
            if found == INFEASIBLE:
                raise _no_placement(p, None, w)
            raise _out_of_time(clock.time_limit)
        lower = max(lower, dual)
        chosen = (v[:n] > 0.5) | fixed
        where = median.nearest_two(pairs, chosen)
        if (where.site[active] >= 0).all() and float(where.first.sum()) < upper:
            known, near, upper = chosen, where, float(where.first.sum())
        if found != OPTIMAL:
            break
        spilled = overflow[v[n + len(kd) :] > SHARE_EPS]
        proven = np.isfinite(upper) and upper - lower <= max(IMPROVEMENT, mip_gap) * abs(upper)
        if proven or not len(spilled):
            status = OPTIMAL
            break
        radius[spilled] = np.maximum(radius[spilled], cost_to(where.site)[spilled])
        clock.check()
    gap = max(upper - lower, 0.0) / upper if np.isfinite(lower) else np.inf
    if status == OPTIMAL:
        gap = min(gap, float(mip_gap)) if mip_gap > 0 else 0.0
    return known, status, gap


def p_median(
    costs: CostMatrix,
    weights: np.ndarray,
    p: int,
    *,
    fixed: Sequence[int] | np.ndarray | None = None,
    capacity: np.ndarray | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    mip_gap: float = DEFAULT_MIP_GAP,
    cancelled: CancelCheck = None,
) -> LocationResult:
    """p-median (Hakimi 1964, "Optimum locations of switching centers and the absolute centers
    and medians of a graph", Operations Research 12(3):450–459; as an integer programme ReVelle
    & Swain 1970, "Central facilities location", Geographical Analysis 2(1):30–42): P new sites
    that minimise the total cost of the people to their sites:

        min Σ_ij w_i c_ij x_ij   s.t.   Σ_j x_ij = 1,  x_ij ≤ y_j,  Σ_{j new} y_j = P,
                                        x_ij ∈ [0, 1],  y_j ∈ {0, 1}

    over the reachable pairs only (x_ij need not be binary: with binary y each point goes to
    its nearest open site).  ``objective`` = Σ people × cost (person-metres or
    person-minutes); ``mean_cost`` = objective / Σ w, the average trip.  With capacities:
    Σ_i w_i x_ij ≤ cap_j y_j, and a point may be split between sites.

    Uncapacitated, the search of :func:`_median_search` runs: greedy + vertex substitution
    first (the answer is never worse), a Lagrangian lower bound and the reductions it proves,
    then HiGHS on a radius formulation with that solution as incumbent.  Stopped by the time
    limit, it returns the best solution with ``mip_gap`` = (value − best lower bound) / value,
    the bound being the Lagrangian one or HiGHS's, whichever is higher.  Capacitated, HiGHS
    solves the pairwise model directly.

    Raises :class:`UncoverableDemand` for points with w_i > 0 and no reachable candidate, and
    InputError when even all sites open lack the capacity.
    """
    run = _prepare(costs, weights, fixed, capacity, time_limit, mip_gap, cancelled, p=p, need_one=True)
    w, fixed_mask, p, cap, clock = run.w, run.fixed, run.p, run.cap, run.clock
    n = costs.n_candidates
    if cap is None:
        selected, status, gap = _median_search(costs, w, p, fixed_mask, clock, mip_gap)
        return _result("p-median", costs, w, selected, fixed_mask, np.inf, None, status, gap, clock.started)
    d, j, c = _active_pairs(costs, w)
    model, _ = _median_model(d, j, c, w, n, p, fixed_mask, cap)
    v, status, gap = _solution(model, clock, mip_gap, _no_placement(p, cap, w))
    shares = _median_shares(v, n, d, j, w)
    return _result("p-median", costs, w, (v[:n] > 0.5) | fixed_mask, fixed_mask, np.inf, shares, status, gap, clock.started)


def p_center(
    costs: CostMatrix,
    weights: np.ndarray,
    p: int,
    *,
    fixed: Sequence[int] | np.ndarray | None = None,
    capacity: np.ndarray | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    mip_gap: float = DEFAULT_MIP_GAP,
    cancelled: CancelCheck = None,
) -> LocationResult:
    """p-center (Hakimi 1964, as above; Daskin 2013, "Network and Discrete Location", 2nd ed.,
    Wiley, ch. 5): P new sites that minimise the largest cost W at which a demand point with
    people is served:

        min W   s.t.   every i with w_i > 0 served by open sites j with c_ij ≤ W,
                       Σ_{j new} y_j = P.

    Solved exactly by searching the distinct costs (Minieka 1970, "The m-center problem", SIAM
    Review 12(1):138–139): W* is the smallest cost r at which at most P new sites can serve
    everybody within r, the set-covering problem Σ_{j∈N_i(r)} y_j ≥ 1 (with capacities:
    Σ_{j∈N_i(r)} x_ij = 1, Σ_i w_i x_ij ≤ cap_j y_j, splits allowed) with Σ_{j new} y_j ≤ P.
    That is monotone in r, so a bisection needs about log₂(number of distinct costs)
    feasibility MIPs, each on merged demand rows; the single MIP with Σ_j c_ij x_ij ≤ W has a
    weak relaxation and took 14 s on the 205 × 16 San Francisco test data where this takes
    about a tenth of a second.  The P sites are then placed by a p-median on the pairs with
    c_ij ≤ W* (uncapacitated: the search of :func:`_median_search`, heuristic and bounds
    first): among the placements that achieve W*, the one with the least total cost.
    ``objective`` = W* in cost units.

    ``time_limit`` bounds the whole search.  If a step runs out of time its radius counts as
    infeasible; the status is then "time limit" and ``mip_gap`` = (W − r₀)/W with r₀ the
    smallest radius not proven infeasible.  "time limit" with ``mip_gap`` 0 means W* is proven
    but the final p-median was stopped early.

    Raises :class:`UncoverableDemand` for points with w_i > 0 and no reachable candidate, and
    InputError when no placement of P new sites can serve everybody.
    """
    run = _prepare(costs, weights, fixed, capacity, time_limit, mip_gap, cancelled, p=p, need_one=True)
    w, fixed_mask, p, cap, clock, started = run.w, run.fixed, run.p, run.cap, run.clock, run.clock.started
    d, _, c = _active_pairs(costs, w)
    # Below the nearest site of the worst-placed point no radius can work.
    floor = np.minimum.reduceat(c, _segments(d)).max()
    radii = np.unique(c[c >= floor])

    def cover(k: int) -> tuple[_Coverage, np.ndarray | None, str]:
        spec = _coverage(costs, w, radii[k], fixed_mask, cap, maximal=False)
        # Any cover with at most P new sites will do: no objective, HiGHS stops at the first.
        model = replace(_with_p(spec, 0, p), c=np.zeros(len(spec.model.c)))
        x, status, _, _ = _solve(model, clock, 0.0)
        return spec, x, status

    lo, hi = 0, len(radii) - 1
    best, best_x, status = cover(hi)
    if status == INFEASIBLE:
        raise _no_placement(p, cap, w)
    if best_x is None:
        raise _out_of_time(time_limit)
    unknown = len(radii)
    while lo < hi:
        mid = (lo + hi) // 2
        spec, x, step = cover(mid)
        if x is not None:
            hi, best, best_x = mid, spec, x
        else:
            lo = mid + 1
            if step != INFEASIBLE:
                unknown = min(unknown, mid)
    radius = float(radii[hi])
    proven = unknown == len(radii)
    # A radius that timed out lies below hi, and the optimum may be as low as the first one.
    gap = 0.0 if proven else (radius - float(radii[unknown])) / radius
    n = costs.n_candidates
    if cap is None:
        try:
            selected, placed, _ = _median_search(costs.within(radius), w, p, fixed_mask, clock, mip_gap)
        except InputError:
            # Out of time before any placement: the cover found by the search achieves W too.
            return _coverage_result("p-center", best, best_x, costs, w, np.inf, fixed_mask, TIME_LIMIT, gap, started)[0]
        status = OPTIMAL if proven and placed == OPTIMAL else TIME_LIMIT
        return _result("p-center", costs, w, selected, fixed_mask, np.inf, None, status, gap, started)
    d, j, c = _active_pairs(costs.within(radius), w)
    model, _ = _median_model(d, j, c, w, n, p, fixed_mask, cap)
    v, placed, _, _ = _solve(model, clock, mip_gap)
    status = OPTIMAL if proven and placed == OPTIMAL else TIME_LIMIT
    if v is None:
        # Out of time for the final p-median: the cover found by the search achieves W too.
        return _coverage_result("p-center", best, best_x, costs, w, np.inf, fixed_mask, status, gap, started)[0]
    shares = _median_shares(v, n, d, j, w)
    return _result("p-center", costs, w, (v[:n] > 0.5) | fixed_mask, fixed_mask, np.inf, shares, status, gap, started)


def _checked_lp(res):
    """A linprog result that must hold a solution: any other status (infeasible, unbounded,
    iteration limit, numerical trouble) raises InputError with HiGHS's message, instead of
    reading flows out of a failed solve."""
    if res.status != 0 or res.x is None:
        raise InputError(
            tr("The allocation of people to sites could not be solved (solver status {status}: {message})."),
            status=int(res.status),
            message=str(res.message),
        )
    return res


def transportation(costs: CostMatrix, supply: np.ndarray, capacity: np.ndarray, cancelled: CancelCheck = None) -> TransportResult:
    """Capacity-respecting allocation of people to sites (the transportation problem,
    Hitchcock 1941, "The distribution of a product from several sources to numerous
    localities", J. Math. Phys. 20:224–230), e.g. evacuees to shelters.

    Lexicographic, by two linear programmes on the reachable pairs (HiGHS dual simplex):
    first the most people placed, F* = max Σ_ij f_ij with Σ_j f_ij ≤ s_i (people at i),
    Σ_i f_ij ≤ cap_j (places at j), f ≥ 0; then the least total cost among those
    allocations, min Σ_ij c_ij f_ij with in addition Σ_ij f_ij ≥ F*.  Two LPs instead of a
    big-M penalty on unplaced people keep the costs' scale out of the first goal.  Both LPs
    are network flows, whose vertex solutions are integral: whole numbers of people and
    places give whole flows.  Returns the flows and the people of each point left unplaced.
    An LP that HiGHS cannot solve (a status other than optimal) raises InputError with its
    message rather than returning flows read from a failed solve.
    ``cancelled`` is checked before each LP (raises Cancelled).
    """
    clock = _Clock(None, cancelled)
    s = np.asarray(supply, dtype=np.float64).ravel()
    cap = np.asarray(capacity, dtype=np.float64).ravel()
    if s.shape != (costs.n_demand,) or cap.shape != (costs.n_candidates,):
        raise ValueError("one supply per demand point and one capacity per site")
    for values, template in (
        (s, tr("Demand point {index} has {value} people; the number of people must be zero or positive.")),
        (cap, tr("Site {index} has {value} places; capacities must be zero or positive.")),
    ):
        bad = np.flatnonzero(~np.isfinite(values) | (values < 0))
        if bad.size:
            raise InputError(template, index=int(bad[0]), value=float(values[bad[0]]))
    keep = (s[costs.demand] > 0) & (cap[costs.candidate] > 0)
    d, j, c = costs.demand[keep], costs.candidate[keep], costs.cost[keep]
    m = len(d)
    flow = np.zeros(m)
    if m:
        k = np.arange(m)
        rows = costs.n_demand + costs.n_candidates
        # Rows: Σ_j f_ij ≤ s_i, Σ_i f_ij ≤ cap_j, and −Σ f ≤ −F* for the second LP only.
        a = coo_matrix(
            (np.r_[np.ones(2 * m), -np.ones(m)], (np.r_[d, costs.n_demand + j, np.full(m, rows)], np.r_[k, k, k])),
            shape=(rows + 1, m),
        ).tocsr()
        limits = np.r_[s, cap]
        clock.check()
        most = _checked_lp(linprog(-np.ones(m), A_ub=a[:rows], b_ub=limits, bounds=(0, None), method="highs-ds"))
        clock.check()
        cheapest = _checked_lp(linprog(c, A_ub=a, b_ub=np.r_[limits, most.fun], bounds=(0, None), method="highs-ds"))
        flow = np.maximum(cheapest.x, 0.0)
    flowing = flow > SHARE_EPS
    d, j, c, flow = d[flowing], j[flowing], c[flowing], flow[flowing]
    unserved = np.maximum(s - np.bincount(d, weights=flow, minlength=costs.n_demand), 0.0)
    return TransportResult(
        flows=Allocation(frozen(d), frozen(j), frozen(flow)),
        unserved=frozen(unserved),
        served=float(flow.sum()),
        total_cost=float(np.dot(c, flow)),
    )


# ---------------------------------------------------------------------------------------------
# What the facility location algorithm reports around the models (kept here, QGIS-free).


#: The models, numbered as tsr:facilitylocation's MODEL options.
LSCP, MCLP, P_MEDIAN, P_CENTER = range(4)


def solve_model(
    model: int, costs: CostMatrix, weights: np.ndarray, service: float, p: int, **options
) -> tuple[LocationResult, tuple[LocationResult, ...]]:
    """Solve one model by its number: LSCP (:func:`lscp`, service distance S), MCLP (:func:`mclp`;
    with P > 0 the whole curve for 1…P new sites, :func:`coverage_curve`, whose last point is the
    answer), p-median or p-center (:func:`p_median`, :func:`p_center`) over the pairs with cost ≤ S
    when S > 0 (:func:`service_cutoff`).  ``options`` go to the solver (fixed, capacity,
    time_limit, mip_gap, cancelled).  Returns (result, curve); the curve is empty but for MCLP."""
    if model == LSCP:
        return lscp(costs, weights, service, **options), ()
    if model == MCLP and p > 0:
        # The curve's last point is the answer: it keeps half the budget for it, and it stops
        # early only once everybody within reach is covered (then it is optimal for P).
        curve = coverage_curve(costs, weights, service, p, **options)
        return curve[-1], curve
    if model == MCLP:
        return mclp(costs, weights, service, p, **options), ()
    within = costs.within(service_cutoff(False, service))
    if model == P_MEDIAN:
        return p_median(within, weights, p, **options), ()
    if model == P_CENTER:
        return p_center(within, weights, p, **options), ()
    raise ValueError(f"unknown location model {model}")


def service_cutoff(covering: bool, service: float) -> float:
    """The largest cost worth computing for a model: the service distance S for the covering
    models (LSCP, MCLP), S for the p-median and p-center when S > 0 (pairs beyond it may not
    be used), none (inf) otherwise.  Cost units."""
    return float(service) if covering or service > 0 else np.inf


def table_cost_matrix(rows, demand_ids: Sequence[str], site_ids: Sequence[str], cutoff: float) -> TableCosts:
    """The costs of a user's origin–destination table (:func:`costs.costs_from_table`), refused
    with InputError when no row gives a usable pair: none of them names a located demand
    point and site, or every cost exceeds the cutoff."""
    read = costs_from_table(rows, demand_ids, site_ids, cutoff)
    if read.costs.n_pairs == 0:
        raise InputError(tr("No row of the cost table matches the demand and site ids (or every cost exceeds the service distance)"))
    return read


def served_percent(weight: float, total_population: float) -> float:
    """100 × weight / total population; 0 when nobody lives there.  The total counts the
    people of demand features without a location, who are never served."""
    return 100.0 * float(weight) / total_population if total_population > 0 else 0.0


@dataclass(frozen=True, eq=False)
class CurveStep:
    """One point of the coverage curve: with ``p`` new sites, ``covered_percent`` of the
    population is covered, ``added_percent`` more than with p − 1 (percentage points), by
    the new sites ``new_sites``."""

    p: int
    covered_percent: float
    added_percent: float
    new_sites: np.ndarray


def curve_steps(curve: Sequence[LocationResult], total_population: float) -> list[CurveStep]:
    """The coverage curve (:func:`coverage_curve`) as percentages of ``total_population`` and
    the marginal coverage of each added site."""
    steps, previous = [], 0.0
    for p, result in enumerate(curve, start=1):
        covered = served_percent(result.covered_weight, total_population)
        steps.append(CurveStep(p, covered, covered - previous, result.new_sites))
        previous = covered
    return steps
