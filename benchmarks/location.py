"""Benchmark of the location-allocation core (algorithms/network/location.py).

    python3 benchmarks/location.py [--demand 20000] [--candidates 1000] [--p 50] [--radius 5000]
                                   [--binding 5000,250,10] [--median 2000,200,20]
                                   [--median-limit SECONDS] [--median-cancel] [--only-median]
                                   [--aggregated-limit 0] [--seed 7]

The large p-median of issue 11 (5000 points × 300 candidates, P = 20, all 1.5 M pairs, the
300-s limit, a cancel callback as QGIS passes one):

    python3 benchmarks/location.py --only-median --median 5000,300,20 --median-limit 300 --median-cancel

Builds its own inputs in memory (seeded): a 40 × 40 km county whose demand points are
clustered like settlements (300 Gaussian clusters, σ = 500 m × lognormal, lognormal sizes),
weighted by lognormal household counts; candidate sites 70 % near settlements (σ = 1 km),
30 % anywhere.  Costs are straight-line distances (routing.straight_costs, k-d tree).
Then measures, in the same run:
  1. MCLP, 20 000 points × 1000 candidates, P = 50, S = 5 km, solved to proven optimality:
     a. ours, mclp(): model building (merging of identical coverage sets, dominated sites
        dropped), greedy check, and the MIP when the greedy check does not settle it;
     b. a plain sparse HiGHS model of the same MCLP without merging (one z_i per point,
        Σ y = P, built the same vectorised way, same HiGHS options: presolve off, gap 0);
     the ratio b / a and that both cover the same people.  50 sites of 5 km cover such a
     county entirely, so here the greedy check proves the optimum; hence also
  1'. the same comparison where P binds (--binding points,candidates,P; default 5000, 250,
     10), which ours must prove with the MIP;
  2. p-median, 2000 points × 200 candidates, P = 20 (--median), with all 400 000 pairs and
     with the pairs cut at 15 km as a network search with a cutoff would give; with
     --aggregated-limit > 0 also the aggregated linking form Σ_i x_ij ≤ n_j y_j on all pairs,
     stopped after that many seconds (the measurement behind the pairwise form chosen in
     _median_model).  Each p-median line also gives the heuristics alone (greedy adding;
     greedy + fast vertex substitution, algorithms/network/median.py), the status, the gap and the
     wall time against --median-limit.  --only-median skips case 1 (its inputs are still
     drawn, so case 2 sees the same instance).
Target: 1a under 10 s.

Results on this machine (2 × Xeon KVM, Debian 12, numpy 1.24.2, scipy 1.10.1 with HiGHS 1.2.0;
`python3 benchmarks/location.py --aggregated-limit 120`, quiet machine):
  1.  907,732 pairs (0.22 s k-d tree); ours 0.32–0.48 s over two runs (47 sites cover all
      134,212 people, proven by the greedy check); plain 12.5–12.7 s; ratio 26–39×.
  1'. 53,821 pairs; ours 0.12 s (10 sites, 64.61 %, proven by the MIP); plain 1.52 s; 12.5×.
  2.  p-median all 400,000 pairs 28–29 s, pairs ≤ 15 km (113,702) 7.5 s, same optimum (mean
      2,368.7 m); aggregated form 28.1 % from optimal when stopped at 120 s.
Heavier runs, not in the default set: 10,000 × 500, P = 15 (binding, 86.7 %): ours 17.1 s,
plain 175 s (plain with HiGHS presolve on).  20,000 × 1000 with P = 10 (68.5 %): ours proven
in 68 s; with P = 20 and time_limit=120 HiGHS 1.2 found nothing better than the greedy
solution, which mclp returned (92.4 %) with status "time limit" and a gap of at most 8.2 %.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
from _package import use_package
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

use_package()
from territorial_resilience.algorithms import median  # noqa: E402
from territorial_resilience.algorithms.network.costs import CostMatrix  # noqa: E402
from territorial_resilience.algorithms.network.location import mclp, p_median  # noqa: E402
from territorial_resilience.algorithms.network.routing import straight_costs  # noqa: E402

SIDE = 40_000.0
#: HiGHS options as algorithms/network/location.py sets them, so that only the models differ.
SAME_OPTIONS = {"mip_rel_gap": 0.0, "presolve": False, "disp": False}


def clustered(rng: np.random.Generator, n: int, clusters: int, spread: float, anywhere: float = 0.0) -> np.ndarray:
    """n points around `clusters` centres (Gaussian, σ = spread × lognormal), a share
    `anywhere` of them uniform over the square."""
    centres = rng.uniform(0, SIDE, (clusters, 2))
    size = rng.lognormal(0.0, 1.0, clusters)
    which = rng.choice(clusters, n, p=size / size.sum())
    sigma = spread * rng.lognormal(0.0, 0.6, clusters)
    xy = centres[which] + rng.normal(size=(n, 2)) * sigma[which, None]
    loose = rng.random(n) < anywhere
    xy[loose] = rng.uniform(0, SIDE, (int(loose.sum()), 2))
    return np.clip(xy, 0, SIDE)


def plain_mclp(costs: CostMatrix, w: np.ndarray, radius: float, p: int) -> tuple[float, float]:
    """The MCLP without merging: max Σ w_i z_i, z_i ≤ Σ_{j∈N_i} y_j, Σ y = P, one z per point.
    Returns (seconds including the build, covered weight)."""
    started = time.perf_counter()
    near = costs.within(radius)
    n, m = costs.n_candidates, costs.n_demand
    i = np.arange(m)
    a = coo_matrix(
        (np.r_[np.ones(m), -np.ones(near.n_pairs), np.ones(n)], (np.r_[i, near.demand, np.full(n, m)], np.r_[n + i, near.candidate, np.arange(n)])),
        shape=(m + 1, n + m),
    ).tocsc()
    c = np.r_[np.zeros(n), -w / w.max()]
    res = milp(
        c,
        integrality=np.r_[np.ones(n), np.zeros(m)],
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(a, np.r_[np.full(m, -np.inf), p], np.r_[np.zeros(m), p]),
        options=SAME_OPTIONS,
    )
    assert res.status == 0, res.message
    y = res.x[:n] > 0.5
    covered = np.zeros(m, dtype=bool)
    covered[near.demand[y[near.candidate]]] = True
    return time.perf_counter() - started, float(w[covered].sum())


def aggregated_median(costs: CostMatrix, w: np.ndarray, p: int, limit: float) -> tuple[float, str, float]:
    """p-median with Σ_i x_ij ≤ n_j y_j instead of x_ij ≤ y_j: (seconds, status, gap)."""
    started = time.perf_counter()
    n, m, k = costs.n_candidates, costs.n_demand, costs.n_pairs
    x = n + np.arange(k)
    count = np.bincount(costs.candidate, minlength=n)
    a = coo_matrix(
        (
            np.r_[np.ones(k), np.ones(k), -count, np.ones(n)],
            (np.r_[costs.demand, m + costs.candidate, m + np.arange(n), np.full(n, m + n)], np.r_[x, x, np.arange(n), np.arange(n)]),
        ),
        shape=(m + n + 1, n + k),
    ).tocsc()
    c = np.r_[np.zeros(n), w[costs.demand] * costs.cost]
    res = milp(
        c / c.max(),
        integrality=np.r_[np.ones(n), np.zeros(k)],
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(a, np.r_[np.ones(m), np.full(n, -np.inf), p], np.r_[np.ones(m), np.zeros(n), p]),
        options={**SAME_OPTIONS, "time_limit": limit},
    )
    status = {0: "optimal", 1: "time limit"}.get(res.status, res.message)
    gap = res.mip_gap if res.mip_gap is not None else float("nan")
    return time.perf_counter() - started, status, gap


def heuristic(costs: CostMatrix, w: np.ndarray, p: int) -> None:
    """The heuristics alone on the same pairs: greedy adding, then vertex substitution."""
    keep = w[costs.demand] > 0
    pairs = median.MedianPairs.build(
        costs.demand[keep], costs.candidate[keep], costs.cost[keep], w, costs.n_candidates, np.zeros(costs.n_candidates, dtype=bool), p
    )
    started = time.perf_counter()
    sites = median.greedy(pairs)
    greedy_value, greedy_seconds = float(median.nearest_two(pairs, sites).first.sum()), time.perf_counter() - started
    sites, swaps = median.interchange(pairs, sites)
    value = float(median.nearest_two(pairs, sites).first.sum())
    print(
        f"   heuristics: greedy {greedy_value:.6g} ({greedy_seconds:.2f} s); + interchange {value:.6g} "
        f"({swaps} swaps, {time.perf_counter() - started:.2f} s in all)"
    )


def county(rng: np.random.Generator, n_demand: int, n_candidates: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    demand = clustered(rng, n_demand, 300, 500.0)
    candidates = clustered(rng, n_candidates, 300, 1000.0, anywhere=0.3)
    weights = np.round(rng.lognormal(1.5, 0.7, n_demand)) + 1
    return demand, candidates, weights


def compare_mclp(rng: np.random.Generator, n_demand: int, n_candidates: int, p: int, radius: float, label: str) -> None:
    demand, candidates, w = county(rng, n_demand, n_candidates)
    started = time.perf_counter()
    costs = straight_costs(demand, candidates, 1.0, radius)
    prep = time.perf_counter() - started
    reachable = np.zeros(n_demand, dtype=bool)
    reachable[costs.demand] = True
    print(f"\n{label} MCLP {n_demand} points × {n_candidates} candidates, P = {p}, S = {radius:g} m")
    print(f"   cost matrix (k-d tree, pairs ≤ S): {costs.n_pairs:,} pairs in {prep:.2f} s (input to both)")
    started = time.perf_counter()
    ours = mclp(costs, w, radius, p, time_limit=None)
    ours_seconds = time.perf_counter() - started
    saturated = ours.covered_weight == w[reachable].sum()
    note = "everybody coverable is covered: proven by the greedy check" if saturated else "P binds: proven by the MIP"
    print(
        f"   a. ours (reductions + solve): {ours_seconds:.2f} s, {ours.status}, {len(ours.new_sites)} sites cover "
        f"{ours.covered_weight:,.0f} of {w.sum():,.0f} people ({ours.covered_percent:.2f} %); {note}"
    )
    plain_seconds, plain_covered = plain_mclp(costs, w, radius, p)
    print(f"   b. plain sparse model without merging: {plain_seconds:.2f} s, covers {plain_covered:,.0f} people")
    same = abs(plain_covered - ours.covered_weight) < 1e-6
    print(f"   ratio b / a: {plain_seconds / ours_seconds:.1f}×; same optimum: {same}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--demand", type=int, default=20_000)
    parser.add_argument("--candidates", type=int, default=1000)
    parser.add_argument("--p", type=int, default=50)
    parser.add_argument("--radius", type=float, default=5000.0)
    parser.add_argument("--binding", default="5000,250,10", help="points,candidates,P of case 1' (empty: skip)")
    parser.add_argument("--median", default="2000,200,20", help="points,candidates,P of case 2")
    parser.add_argument("--median-limit", type=float, default=None, help="time limit of case 2 (s; default none)")
    parser.add_argument("--median-cancel", action="store_true", help="pass a cancel callback (never true), as QGIS does")
    parser.add_argument("--only-median", action="store_true", help="skip case 1 (its inputs are still drawn)")
    parser.add_argument("--aggregated-limit", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    import scipy

    print(f"numpy {np.__version__}, scipy {scipy.__version__} (HiGHS inside), {os.cpu_count()} CPUs, seed {args.seed}")
    rng = np.random.default_rng(args.seed)
    if args.only_median:
        county(rng, args.demand, args.candidates)
        if args.binding:
            n_demand, n_candidates, _ = (int(v) for v in args.binding.split(","))
            county(rng, n_demand, n_candidates)
    else:
        compare_mclp(rng, args.demand, args.candidates, args.p, args.radius, "1.")
        print("   [target: a under 10 s]")
        if args.binding:
            n_demand, n_candidates, p = (int(v) for v in args.binding.split(","))
            compare_mclp(rng, n_demand, n_candidates, p, args.radius, "1'.")

    n_demand, n_candidates, p = (int(v) for v in args.median.split(","))
    md = clustered(rng, n_demand, 60, 600.0)
    mc = clustered(rng, n_candidates, 60, 1500.0, anywhere=0.3)
    mw = np.round(rng.lognormal(2.0, 0.8, n_demand)) + 1
    full = straight_costs(md, mc, 1.0)
    print(f"\n2. p-median {n_demand} points × {n_candidates} candidates, P = {p}")
    cancelled = (lambda: False) if args.median_cancel else None
    limit = args.median_limit
    for label, costs in (("all pairs", full), ("pairs ≤ 15 km", full.within(15_000.0))):
        heuristic(costs, mw, p)
        started = time.perf_counter()
        result = p_median(costs, mw, p, time_limit=limit, cancelled=cancelled)
        wall = time.perf_counter() - started
        budget = f" (limit {limit:g} s, {'kept' if wall <= limit else f'overrun {wall - limit:.1f} s'})" if limit else ""
        print(
            f"   {label} ({costs.n_pairs:,}): {wall:.2f} s{budget}, {result.status}, gap {100 * result.mip_gap:.3f} %, "
            f"objective {result.objective:.6g} person·m, mean distance {result.mean_cost:,.1f} m"
        )
    if args.aggregated_limit > 0:
        seconds, status, gap = aggregated_median(full, mw, p, args.aggregated_limit)
        print(f"   aggregated form Σ_i x_ij ≤ n_j y_j, all pairs: {seconds:.2f} s, {status}, gap {100 * gap:.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
