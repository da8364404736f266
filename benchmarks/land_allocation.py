"""Benchmark of the land-allocation core (issue 6): 10 000 units, 4 uses, 3 objectives, NSGA-II
with a population of 100 over 200 generations.

    python3 benchmarks/land_allocation.py [--side 100] [--population 100] [--generations 200] [--seed 1]

The county is synthetic and built on the spot (no files): a side × side grid of 1 ha cells;
suitability of urban, industrial, farmland and forest land and the risk are smooth random fields
(Gaussian-filtered noise scaled to 0–1, 2 % of the suitability values missing = unsuitable); the
current use is each cell's most suitable use after weighting urban, industry, farmland and forest
by 0.8, 0.7, 1, 0.95 ("other" where the best weighted value is below 0.4): about 22 % urban, 9 %
industry, 48 % farmland, 12 % forest. Locked: a river two cells wide across the grid (other) and a
block of basic farmland. Demands: urban +15 %, industry +10 %, farmland −10 %, forest ±0 of the
current unlocked-and-locked areas, tolerance 2 % (at least 1 ha). Objectives: mean suitability
(max), development area exposed to risk (urban and industry, min), compactness (max).

Reported: the time to build and check the problem, the run's time (initial population included)
and time per generation, the normalised hypervolume (nsga2.HV_REFERENCE, problem bounds) of the
initial population and at a few generations, the front's size and range, the compromise
solution, and a check that every returned scenario meets the demands and keeps the locked cells.
Target (issue 6): a few minutes on this 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

import numpy as np
from _package import use_package
from scipy import ndimage

use_package()

from territorial_resilience.algorithms.optimize.land_allocation import LandAllocationProblem, Objective, allocate_land, grid_adjacency  # noqa: E402

USES = ("urban", "industry", "farmland", "forest")
DEVELOPMENT = (0, 1)
CHANGE = np.array([1.15, 1.10, 0.90, 1.00])
PRIOR = np.array([0.8, 0.7, 1.0, 0.95])
OBJECTIVES = (Objective.SUITABILITY, Objective.RISK_EXPOSURE, Objective.COMPACTNESS)


def smooth(rng: np.random.Generator, side: int, sigma: float) -> np.ndarray:
    f = ndimage.gaussian_filter(rng.normal(size=(side, side)), sigma)
    return ((f - f.min()) / (f.max() - f.min())).ravel()


def county(side: int) -> dict:
    rng = np.random.default_rng(2026)
    n = side * side
    suit = np.stack([smooth(rng, side, side / 10) for _ in USES], axis=1)
    risk = smooth(rng, side, side / 8)
    weighted = suit * PRIOR
    current = np.argmax(weighted, axis=1)
    current[weighted.max(axis=1) < 0.4] = -1
    locked = np.zeros((side, side), dtype=bool)
    locked[:, side // 2 - 1 : side // 2 + 1] = True
    current.reshape(side, side)[locked] = -1
    block = (slice(side // 10, side // 4), slice(side // 10, side // 4))
    locked[block] = True
    current.reshape(side, side)[block] = 2
    suit[rng.random(suit.shape) < 0.02] = np.nan
    area = np.ones(n)
    held = np.bincount(current[current >= 0], weights=area[current >= 0], minlength=len(USES))
    demand = held * CHANGE
    return dict(
        area=area,
        current=current,
        locked=locked.ravel(),
        suitability=suit,
        risk=risk,
        demand=demand,
        tolerance=np.maximum(0.02 * demand, 1.0),
        development_uses=DEVELOPMENT,
        use_names=USES,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--side", type=int, default=100)
    parser.add_argument("--population", type=int, default=100)
    parser.add_argument("--generations", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    inputs = county(args.side)
    print(
        f"numpy {np.__version__}, {os.cpu_count()} CPUs; {args.side}² = {args.side**2} units, {len(USES)} uses, "
        f"{len(OBJECTIVES)} objectives, population {args.population} × {args.generations} generations, seed {args.seed}"
    )
    print("demand (ha): " + ", ".join(f"{u} {d:.0f} ± {t:.0f}" for u, d, t in zip(USES, inputs["demand"], inputs["tolerance"])))
    started = time.perf_counter()
    problem = LandAllocationProblem.build(adjacency=grid_adjacency(args.side, args.side), objectives=OBJECTIVES, **inputs)
    built = time.perf_counter() - started
    marks = []

    def progress(fraction: float) -> None:
        marks.append(time.perf_counter())

    started = time.perf_counter()
    result = allocate_land(problem, args.population, args.generations, args.seed, progress=progress)
    seconds = time.perf_counter() - started
    first = marks[0] - started  # initial population + first generation
    per_generation = (marks[-1] - marks[0]) / max(len(marks) - 1, 1)
    hv = result.hypervolume
    print(f"build and check: {built:.2f} s")
    print(
        f"run: {seconds:.1f} s  (initial population + generation 1: {first:.1f} s, then {per_generation:.3f} s per generation)   [target: a few "
        f"minutes]"
    )
    shown = sorted({0, len(hv) // 4, len(hv) // 2, 3 * (len(hv) // 4), len(hv) - 1})
    print("hypervolume (normalised, reference 1.1, max 1.1³ = 1.331): " + ", ".join(f"gen {g}: {hv[g]:.4f}" for g in shown))
    feasible = all(problem.feasible(x) for x in result.allocations)
    print(f"front: {len(result.allocations)} scenarios, all feasible: {feasible}")
    for j, info in enumerate(result.objectives):
        column = result.values[:, j]
        print(
            f"  {info.name} ({'max' if info.maximise else 'min'}, {info.unit}): {column.min():.4g} – {column.max():.4g}, knee "
            f"{column[result.knee]:.4g}"
        )
    knee = result.summaries[result.knee]
    print("knee scenario: area " + ", ".join(f"{u} {a:.0f}" for u, a in zip(USES, knee.area_by_use)) + f" ha, converted {knee.converted_area:.0f} ha")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0 if feasible else 1


if __name__ == "__main__":
    sys.exit(main())
