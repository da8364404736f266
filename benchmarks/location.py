"""Benchmark of the location-allocation core (algorithms/location.py).

    python3 benchmarks/location.py [--demand 20000] [--candidates 1000] [--p 50] [--radius 5000]
                                   [--median-demand 2000] [--median-candidates 200] [--median-p 20]
                                   [--aggregated-limit 120] [--seed 7]

Builds its own inputs in memory (seeded): a ~40 × 40 km county whose demand points are
clustered like settlements (a few hundred Gaussian clusters, 0.2–2 km wide, lognormal sizes)
and weighted by lognormal household counts; candidate sites partly near the settlements,
partly anywhere.  Costs are straight-line distances (CostMatrix.straight_line, k-d tree).
Then measures, in the same run:
  1. MCLP, 20 000 points × 1000 candidates, P = 50, 5 km, solved to proven optimality:
     a. ours (mclp: model building with the merging of identical coverage sets, and solve);
     b. a plain sparse HiGHS model of the same MCLP without merging (one z_i per point,
        built the same vectorised way);
     the ratio b / a, and that both reach the same covered weight;
  2. p-median, 2000 points × 200 candidates, P = 20, all pairs (p_median), and the same with
     pairs cut at 15 km as a network search with a cutoff would give; with --aggregated-limit
     > 0 also the aggregated linking form Σ_i x_ij ≤ n_j y_j, stopped at that many seconds
     (the measurement behind the choice of the pairwise form in _median_model).
Targets: 1a under 10 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from _package import use_package

use_package()
from territorial_resilience.algorithms.location import CostMatrix, mclp, p_median  # noqa: E402

SIDE = 40_000.0


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
        (np.r_[np.ones(m), -np.ones(near.n_pairs), np.ones(n)],
         (np.r_[i, near.demand, np.full(n, m)], np.r_[n + i, near.candidate, np.arange(n)])),
        shape=(m + 1, n + m),
    ).tocsc()
    c = np.r_[np.zeros(n), -w / w.max()]
    res = milp(
        c,
        integrality=np.r_[np.ones(n), np.zeros(m)],
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(a, np.r_[np.full(m, -np.inf), p], np.r_[np.zeros(m), p]),
        options={"mip_rel_gap": 0.0, "disp": False},
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
        (np.r_[np.ones(k), np.ones(k), -count, np.ones(n)],
         (np.r_[costs.demand, m + costs.candidate, m + np.arange(n), np.full(n, m + n)],
          np.r_[x, x, np.arange(n), np.arange(n)])),
        shape=(m + n + 1, n + k),
    ).tocsc()
    c = np.r_[np.zeros(n), w[costs.demand] * costs.cost]
    res = milp(
        c / c.max(),
        integrality=np.r_[np.ones(n), np.zeros(k)],
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(a, np.r_[np.ones(m), np.full(n, -np.inf), p], np.r_[np.ones(m), np.zeros(n), p]),
        options={"mip_rel_gap": 0.0, "time_limit": limit, "disp": False},
    )
    status = {0: "optimal", 1: "time limit"}.get(res.status, res.message)
    gap = res.mip_gap if res.mip_gap is not None else float("nan")
    return time.perf_counter() - started, status, gap


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--demand", type=int, default=20_000)
    parser.add_argument("--candidates", type=int, default=1000)
    parser.add_argument("--p", type=int, default=50)
    parser.add_argument("--radius", type=float, default=5000.0)
    parser.add_argument("--median-demand", type=int, default=2000)
    parser.add_argument("--median-candidates", type=int, default=200)
    parser.add_argument("--median-p", type=int, default=20)
    parser.add_argument("--aggregated-limit", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    import scipy

    print(f"numpy {np.__version__}, scipy {scipy.__version__}, {os.cpu_count()} CPUs, seed {args.seed}")
    rng = np.random.default_rng(args.seed)

    demand = clustered(rng, args.demand, 300, 500.0)
    candidates = clustered(rng, args.candidates, 300, 1000.0, anywhere=0.3)
    w = np.round(rng.lognormal(1.5, 0.7, args.demand)) + 1
    started = time.perf_counter()
    costs = CostMatrix.straight_line(demand, candidates, args.radius)
    prep = time.perf_counter() - started
    print(f"\n1. MCLP {args.demand} points × {args.candidates} candidates, P = {args.p}, S = {args.radius:g} m")
    print(f"   cost matrix (k-d tree, pairs ≤ S): {costs.n_pairs:,} pairs in {prep:.2f} s (input to both)")
    started = time.perf_counter()
    ours = mclp(costs, w, args.radius, args.p, time_limit=None)
    ours_seconds = time.perf_counter() - started
    print(f"   a. ours (merging + solve): {ours_seconds:.2f} s, {ours.status}, covers {ours.covered_weight:,.0f} "
          f"of {w.sum():,.0f} people ({ours.covered_percent:.2f} %)   [target < 10 s]")
    plain_seconds, plain_covered = plain_mclp(costs, w, args.radius, args.p)
    print(f"   b. plain sparse model without merging: {plain_seconds:.2f} s, covers {plain_covered:,.0f} people")
    print(f"   ratio b / a: {plain_seconds / ours_seconds:.1f}×; same optimum: {abs(plain_covered - ours.covered_weight) < 1e-6}")

    md = clustered(rng, args.median_demand, 60, 600.0)
    mc = clustered(rng, args.median_candidates, 60, 1500.0, anywhere=0.3)
    mw = np.round(rng.lognormal(2.0, 0.8, args.median_demand)) + 1
    full = CostMatrix.straight_line(md, mc, np.inf)
    print(f"\n2. p-median {args.median_demand} points × {args.median_candidates} candidates, P = {args.median_p}")
    for label, costs in (("all pairs", full), ("pairs ≤ 15 km", full.within(15_000.0))):
        started = time.perf_counter()
        result = p_median(costs, mw, args.median_p, time_limit=None)
        print(f"   {label} ({costs.n_pairs:,}): {time.perf_counter() - started:.2f} s, {result.status}, "
              f"mean distance {result.mean_cost:,.1f} m")
    if args.aggregated_limit > 0:
        seconds, status, gap = aggregated_median(full, mw, args.median_p, args.aggregated_limit)
        print(f"   aggregated form Σ_i x_ij ≤ n_j y_j, all pairs: {seconds:.2f} s, {status}, gap {100 * gap:.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
