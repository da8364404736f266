"""Bounds for the uncapacitated p-median: a good solution fast (upper bound), a proven lower
bound, and the exact reductions the two allow before the mixed-integer programme.

Notation as in :mod:`location`: demand point i with weight w_i > 0 (people), candidate site j,
cost c_ij ≥ 0 on the reachable pairs only; here a_ij = w_i c_ij (person·metres or
person·minutes) is the weighted cost of a pair.  The existing sites (``fixed``) are always
open and P new sites are opened among the others ("free" sites).  For an open set Y,
D1_i = min_{j∈Y} a_ij is i's weighted cost to its nearest open site (φ1(i) that site, lowest
index on ties) and D2_i the cost to its second nearest; the objective is Σ_i D1_i.  A point
that reaches no open site costs ``big``_i = w_i (2 max c + 1), so that the heuristics first
serve everybody they can.

Upper bound: greedy adding (Kuehn & Hamburger 1963, "A heuristic program for locating
warehouses", Management Science 9(4):643–666): P times, open the free site that lowers
Σ D1_i most; then vertex substitution (Teitz & Bart 1968, "Heuristic methods for estimating
the generalized vertex median of a weighted graph", Operations Research 16(5):955–961):
swap an open new site r for a closed one j while that lowers the objective, the best swap
first, until no swap improves.  Every candidate swap is evaluated at once with Whitaker's
fast interchange (Whitaker 1983, "A fast algorithm for the greedy interchange for
large-scale clustering and median location problems", INFOR 21(2):95–108) in the form of
Resende & Werneck (2007, "A fast swap-based local search procedure for location problems",
Annals of Operations Research 150:205–230): the saving of swapping j in and r out is

    profit(j, r) = gain(j) − loss(r) + extra(j, r),
    gain(j)      = Σ_i max(0, D1_i − a_ij)                        (j opened, nothing closed)
    loss(r)      = Σ_{i: φ1(i)=r} (D2_i − D1_i)                   (r closed, nothing opened)
    extra(j, r)  = Σ_{i: φ1(i)=r, a_ij < D2_i} (D2_i − max(a_ij, D1_i)),

which is exact (a point served by r goes to min(D2_i, a_ij), every other one to
min(D1_i, a_ij)); one pass over the pairs gives the whole |closed| × |open| table.

Lower bound: Lagrangian relaxation of the assignment rows Σ_j x_ij = 1 with multipliers λ_i
(Cornuéjols, Fisher & Nemhauser 1977, "Location of bank accounts to optimize float",
Management Science 23(8):789–810; Beasley 1993, "Lagrangean heuristics for location
problems", European Journal of Operational Research 65(3):383–399):

    L(λ) = Σ_i λ_i + Σ_{j fixed} ρ_j + (sum of the P smallest ρ_j over free j),
    ρ_j(λ) = Σ_i min(0, a_ij − λ_i),

a lower bound on the optimum for every λ, maximised by subgradient steps (Held, Wolfe &
Crowder 1974, "Validation of subgradient optimization", Math. Programming 6:62–88):
λ_i += θ (UB − L) g_i / ‖g‖², g_i = 1 − Σ_{j open in the relaxation} [a_ij < λ_i], θ halved
after rounds without progress.  The relaxed problem has the integrality property, so
max_λ L(λ) equals the bound of the linear relaxation of the pairwise model that HiGHS
solves at its root.

Reductions (Beasley 1993, §3): for a solution with y_j = 1 for a free site j not among the
relaxation's P, L(λ) + ρ_j − ρ_[P] is a lower bound (ρ_[P] the P-th smallest ρ of the free
sites); for one with y_j = 0 for a site among them, L − ρ_j + ρ_[P+1]; for one that sends i to
j, L + max(0, a_ij − λ_i) (+ ρ_j − ρ_[P] when j is not among the P).  Whatever such a bound
exceeds the value UB of a known solution cannot be part of a better one: the site is closed
(or kept open), the pair dropped.  The reduced model keeps every solution better than UB and
the known one, so its optimum is the optimum.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

#: A swap must lower the objective by more than this, relative, to be made (no cycling on
#: rounding noise).
SWAP_TOLERANCE = 1e-10
#: Subgradient steps at most, θ's start, halving after this many steps without progress,
#: and the θ below which the search stops.
LAGRANGE_STEPS = 3000
THETA_START = 2.0
THETA_PATIENCE = 15
THETA_MIN = 1e-4
#: A reduction test must exceed UB by this much, relative, before it removes anything.
REDUCTION_TOLERANCE = 1e-9
#: The relaxation's sites are evaluated as a solution at least every this many steps.
EVALUATE_EVERY = 10


@dataclass(frozen=True, eq=False)
class MedianPairs:
    """The pairs of a p-median on the demand points with people: ``demand``, ``candidate``
    (sorted by demand, then candidate), ``weighted`` = w_i c_ij; ``fixed`` marks the existing
    sites, ``p`` the number of new ones."""

    demand: np.ndarray
    candidate: np.ndarray
    weighted: np.ndarray
    n_demand: int
    n_candidates: int
    fixed: np.ndarray
    p: int
    big: np.ndarray  # per demand point: the weighted cost of reaching no open site

    @classmethod
    def build(cls, d: np.ndarray, j: np.ndarray, c: np.ndarray, w: np.ndarray, n_candidates: int, fixed: np.ndarray, p: int) -> "MedianPairs":
        largest = float(c.max()) if len(c) else 0.0
        return cls(d, j, w[d] * c, len(w), n_candidates, fixed, int(p), w * (2.0 * largest + 1.0))

    @property
    def active(self) -> np.ndarray:
        """The demand points that take part (those with pairs)."""
        mask = np.zeros(self.n_demand, dtype=bool)
        mask[self.demand] = True
        return mask


@dataclass(frozen=True, eq=False)
class Nearest:
    """Per demand point: the nearest open site ``site`` (−1 none), its weighted cost ``first``
    and the second nearest's ``second`` (``big`` when missing)."""

    site: np.ndarray
    first: np.ndarray
    second: np.ndarray


def nearest_two(pairs: MedianPairs, open_sites: np.ndarray) -> Nearest:
    """φ1, D1 and D2 of every demand point for the open sites ``open_sites`` (a mask)."""
    keep = open_sites[pairs.candidate]
    d, j, a = pairs.demand[keep], pairs.candidate[keep], pairs.weighted[keep]
    site = np.full(pairs.n_demand, -1, dtype=np.int64)
    first = pairs.big.copy()
    second = pairs.big.copy()
    if len(d):
        order = np.lexsort((j, a, d))
        d, j, a = d[order], j[order], a[order]
        starts = np.flatnonzero(np.r_[True, d[1:] != d[:-1]])
        site[d[starts]] = j[starts]
        first[d[starts]] = a[starts]
        after = starts + 1
        has_second = after < len(d)
        has_second[has_second] = d[after[has_second]] == d[starts[has_second]]
        second[d[starts[has_second]]] = a[after[has_second]]
    return Nearest(site, first, second)


def _by_candidate(pairs: MedianPairs) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(pairs.candidate, kind="stable")
    return order, np.searchsorted(pairs.candidate[order], np.arange(pairs.n_candidates + 1))


def greedy(pairs: MedianPairs, check: Callable[[], None] = lambda: None) -> np.ndarray:
    """The greedy-adding solution: the open sites (mask), existing ones included."""
    open_sites = pairs.fixed.copy()
    cost = nearest_two(pairs, open_sites).first
    order, start = _by_candidate(pairs)
    for _ in range(pairs.p):
        check()
        gain = np.bincount(pairs.candidate, weights=np.maximum(cost[pairs.demand] - pairs.weighted, 0.0), minlength=pairs.n_candidates)
        gain[open_sites] = -np.inf
        best = int(np.argmax(gain))
        open_sites[best] = True
        k = order[start[best] : start[best + 1]]
        np.minimum.at(cost, pairs.demand[k], pairs.weighted[k])
    return open_sites


def swap_profits(pairs: MedianPairs, open_sites: np.ndarray, near: Nearest) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """profit(j, r) for every closed free site j (rows) and open new site r (columns), with
    the row and column site indices (see the module's docstring)."""
    closed = np.flatnonzero(~open_sites & ~pairs.fixed)
    opened = np.flatnonzero(open_sites & ~pairs.fixed)
    d, j, a = pairs.demand, pairs.candidate, pairs.weighted
    gain = np.bincount(j, weights=np.maximum(near.first[d] - a, 0.0), minlength=pairs.n_candidates)
    served = near.site >= 0
    loss = np.bincount(near.site[served], weights=(near.second - near.first)[served], minlength=pairs.n_candidates)
    column = np.full(pairs.n_candidates, -1, dtype=np.int64)
    column[opened] = np.arange(len(opened))
    row = np.full(pairs.n_candidates, -1, dtype=np.int64)
    row[closed] = np.arange(len(closed))
    r = near.site[d]
    second = near.second[d]
    use = (row[j] >= 0) & (r >= 0) & (a < second)
    use[use] = column[r[use]] >= 0
    extra = np.bincount(
        row[j[use]] * len(opened) + column[r[use]],
        weights=second[use] - np.maximum(a[use], near.first[d[use]]),
        minlength=len(closed) * len(opened),
    ).reshape(len(closed), len(opened))
    return gain[closed][:, None] - loss[opened][None, :] + extra, closed, opened


def interchange(
    pairs: MedianPairs, open_sites: np.ndarray, check: Callable[[], None] = lambda: None, stop: Callable[[], bool] = lambda: False
) -> tuple[np.ndarray, int]:
    """Vertex substitution from ``open_sites``: the best swap while one improves (or until
    ``stop()``); the open sites and the number of swaps made."""
    open_sites = open_sites.copy()
    swaps = 0
    while True:
        check()
        if stop():
            break
        near = nearest_two(pairs, open_sites)
        profit, closed, opened = swap_profits(pairs, open_sites, near)
        if not profit.size:
            break
        k = int(np.argmax(profit))
        best = float(profit.flat[k])
        if not best > SWAP_TOLERANCE * max(float(near.first.sum()), 1e-300):
            break
        j, r = closed[k // len(opened)], opened[k % len(opened)]
        open_sites[j], open_sites[r] = True, False
        swaps += 1
    return open_sites, swaps


@dataclass(frozen=True, eq=False)
class LagrangeBound:
    """The best Lagrangian lower bound found: ``value`` = L(λ), with its ``multipliers`` λ,
    ``rho`` ρ_j(λ), the free sites ``chosen`` by the relaxation, ρ_[P] and ρ_[P+1]
    (``rho_p``, ``rho_next``: +inf when there are not that many free sites), and ``steps``."""

    value: float
    multipliers: np.ndarray
    rho: np.ndarray
    chosen: np.ndarray
    rho_p: float
    rho_next: float
    steps: int
    upper: float = np.inf
    solution: np.ndarray | None = None


def _relaxation(pairs: MedianPairs, lam: np.ndarray, free: np.ndarray):
    reduced = pairs.weighted - lam[pairs.demand]
    rho = np.bincount(pairs.candidate, weights=np.minimum(reduced, 0.0), minlength=pairs.n_candidates)
    p = pairs.p
    chosen = np.zeros(pairs.n_candidates, dtype=bool)
    ranked = free[np.argsort(rho[free], kind="stable")]
    chosen[ranked[:p]] = True
    value = float(lam.sum()) + float(rho[pairs.fixed].sum()) + float(rho[ranked[:p]].sum())
    rho_p = float(rho[ranked[p - 1]]) if p >= 1 else -np.inf
    rho_next = float(rho[ranked[p]]) if len(ranked) > p else np.inf
    return value, reduced, rho, chosen, rho_p, rho_next


def lagrange_bound(
    pairs: MedianPairs,
    upper: float,
    start: np.ndarray,
    cap: np.ndarray | None = None,
    check: Callable[[], None] = lambda: None,
    stop: Callable[[], bool] = lambda: False,
    steps: int = LAGRANGE_STEPS,
    evaluate: Callable[[np.ndarray], float] | None = None,
) -> LagrangeBound:
    """Subgradient ascent on L(λ) from λ = ``start`` (λ_i = 0 for points without pairs),
    with Polyak steps towards ``upper`` (the value of a known solution); stops when the bound
    meets ``upper``, after ``steps`` steps, when θ is spent or when ``stop()``.

    With ``cap``, λ_i stays ≤ cap_i (projected steps): then the pairs with a_ij ≥ cap_i add
    nothing to any ρ_j and may be left out of ``pairs``, which is what makes the bound cheap
    on large matrices; every L(λ) remains a valid bound.

    With ``evaluate`` (the true objective of an open set, inf if it leaves someone
    unserved), the relaxation's own sites are a heuristic too (Beasley 1993): they are
    evaluated whenever the bound improves and every EVALUATE_EVERY steps, the best of them
    is returned as ``solution`` with its value ``upper`` when it beats ``upper``, and the
    steps aim at the best value known.  Near the optimum of the dual they are often the
    optimal sites, and then the bound proves it."""
    active = pairs.active
    lam = np.where(active, start, 0.0).astype(np.float64)
    if cap is not None:
        lam = np.minimum(lam, cap)
    free = np.flatnonzero(~pairs.fixed)
    open_fixed = pairs.fixed
    best: LagrangeBound | None = None
    theta, since = THETA_START, 0
    solution, seen = None, set()
    for step in range(steps):
        check()
        value, reduced, rho, chosen, rho_p, rho_next = _relaxation(pairs, lam, free)
        rising = best is None or value > best.value
        if rising:
            if best is not None and value > best.value + 1e-6 * abs(best.value):
                since = 0
            best = LagrangeBound(value, lam.copy(), rho, chosen, rho_p, rho_next, step + 1)
        else:
            since += 1
        if evaluate is not None and (rising or step % EVALUATE_EVERY == 0):
            sites = chosen | open_fixed
            key = np.flatnonzero(sites).tobytes()
            if key not in seen:
                seen.add(key)
                found = evaluate(sites)
                if found < upper:
                    upper, solution = found, sites
        if since >= THETA_PATIENCE:
            theta, since = theta / 2.0, 0
        if theta < THETA_MIN or upper - best.value <= REDUCTION_TOLERANCE * abs(upper) or stop():
            break
        used = (reduced < 0) & (chosen | open_fixed)[pairs.candidate]
        g = np.where(active, 1.0 - np.bincount(pairs.demand, weights=used, minlength=pairs.n_demand), 0.0)
        norm = float(np.dot(g, g))
        if norm == 0.0:
            break  # the relaxation's solution is feasible: the bound is the optimum
        lam += theta * max(upper - value, 1e-9 * abs(upper)) / norm * g
        if cap is not None:
            np.minimum(lam, cap, out=lam)
    assert best is not None
    return LagrangeBound(best.value, best.multipliers, best.rho, best.chosen, best.rho_p, best.rho_next, step + 1, upper, solution)


@dataclass(frozen=True, eq=False)
class Reduction:
    """What the bounds prove about every solution better than the known one: ``keep`` marks
    the pairs it may use, ``closed`` the free sites it leaves closed and ``opened`` those it
    opens."""

    keep: np.ndarray
    closed: np.ndarray
    opened: np.ndarray


def reduce(pairs: MedianPairs, bound: LagrangeBound, upper: float, known: np.ndarray, known_site: np.ndarray) -> Reduction:
    """The reduction tests of the module's docstring, for solutions at most ``upper``.  The
    known solution (open mask ``known``, nearest site ``known_site`` per demand point) is
    always kept feasible, whatever rounding does to the tests."""
    limit = upper + REDUCTION_TOLERANCE * max(abs(upper), 1.0)
    free = ~pairs.fixed
    rho, value = bound.rho, bound.value
    # Opening a free site the relaxation leaves closed costs at least ρ_j − ρ_[P].
    enter = np.where(free & ~bound.chosen, rho - bound.rho_p, 0.0)
    closed = free & ~bound.chosen & (value + enter > limit) & ~known
    opened = free & bound.chosen & (value - rho + bound.rho_next > limit) & known
    reduced = pairs.weighted - bound.multipliers[pairs.demand]
    keep = value + np.maximum(reduced, 0.0) + enter[pairs.candidate] <= limit
    keep &= ~closed[pairs.candidate]
    keep |= known_site[pairs.demand] == pairs.candidate
    return Reduction(keep, closed, opened)
