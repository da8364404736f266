"""Benchmark of the NSGA-II core against pymoo's NSGA-II (issue 11) on ZDT1, ZDT2, ZDT3 and DTLZ2.

    .venv/bin/pip install pymoo        # optional, for the comparison only; the plugin never imports it
    python3 benchmarks/nsga2.py [--seeds 25] [--population 100] [--generations 250]
                                [--problems zdt1,zdt2,zdt3,dtlz2] [--no-pymoo]

Problems (Zitzler, Deb & Thiele 2000; Deb, Thiele, Laumanns & Zitzler 2002), all minimised, every
variable in [0, 1]:
- ZDT1–3, n = 30: f1 = x1, g = 1 + 9 Σᵢ₌₂ⁿ xᵢ/(n − 1), f2 = g·h with h = 1 − √(f1/g) (ZDT1),
  1 − (f1/g)² (ZDT2), 1 − √(f1/g) − (f1/g) sin(10π f1) (ZDT3).
- DTLZ2, m = 3 objectives, n = 12: g = Σᵢ₌₃ⁿ (xᵢ − ½)², f1 = (1 + g) cos(x1 π/2) cos(x2 π/2),
  f2 = (1 + g) cos(x1 π/2) sin(x2 π/2), f3 = (1 + g) sin(x1 π/2).
When pymoo is installed the definitions are checked against pymoo's own on random points.

Both optimisers get the same budget and the same problem functions: population 100 and 25 000
evaluations (pymoo's n_gen = 250 counts the initial population as generation 1, so it evaluates
100 + 249 × 100; the core is run for 249 generations after its initial population, the same
count), seeds 0 … 24. pymoo runs with its defaults (SBX η = 15, probability 0.9, ½ per variable;
polynomial mutation η = 20, 1/n per variable; binary tournament; duplicate elimination).
Reported per problem, over the seeds:
- the exact hypervolume of the final non-dominated set (nsga2.hypervolume, cross-checked with
  pymoo's HV indicator) with the usual reference point on the problem's own scale: (1.1, 1.1)
  for ZDT, (1.1, 1.1, 1.1) for DTLZ2; median, min and max for each optimiser, the ratio of the
  medians (core / pymoo) and a two-sided Mann–Whitney U test of the two samples; for ZDT the
  optimum too (the hypervolume of the whole true front, computed in closed form);
- the share of evaluations spent on a solution evaluated before (same variables, bit for bit):
  a child that copies a parent or another child; counted by wrapping the problem function;
- wall time of the 25 runs (the optimisation only, hypervolume excluded).
Exit status 1 when the core's median is below pymoo's by more than 1e-4 relative on a problem.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from _package import use_package
from scipy import optimize, stats

use_package()

from territorial_resilience.algorithms.optimize.nsga2 import RealCodedProblem, hypervolume, non_dominated, nsga2  # noqa: E402


def zdt(kind: int) -> Callable[[np.ndarray], np.ndarray]:
    def function(x: np.ndarray) -> np.ndarray:
        f1 = x[:, 0]
        g = 1.0 + 9.0 * x[:, 1:].sum(axis=1) / (x.shape[1] - 1)
        r = f1 / g
        h = {1: 1.0 - np.sqrt(r), 2: 1.0 - r * r, 3: 1.0 - np.sqrt(r) - r * np.sin(10.0 * np.pi * f1)}[kind]
        return np.c_[f1, g * h]

    return function


def dtlz2(x: np.ndarray, m: int = 3) -> np.ndarray:
    g = np.sum((x[:, m - 1 :] - 0.5) ** 2, axis=1)
    angle = x[:, : m - 1] * (np.pi / 2.0)
    f = np.empty((len(x), m))
    for k in range(m):
        value = 1.0 + g
        value = value * np.prod(np.cos(angle[:, : m - 1 - k]), axis=1)
        if k:
            value = value * np.sin(angle[:, m - 1 - k])
        f[:, k] = value
    return f


def zdt3_front_hypervolume(reference: float = 1.1) -> float:
    """Hypervolume of ZDT3's true front with reference (r, r), in closed form up to the ends of
    its five segments. The front is the non-dominated part of φ(t) = 1 − √t − t sin(10πt),
    t = f1 ∈ [0, 1]; the dominated region's lower boundary is the running minimum
    m(t) = min_{s ≤ t} φ(s) (and m(1) beyond 1), so HV = r² − ∫₀ʳ m(t) dt. m follows φ from the
    point where φ comes down through the last minimum to the next, lower, local minimum, and is
    constant between; φ has the antiderivative Φ(t) = t − ⅔t^{3/2} − sin(10πt)/(10π)² +
    t cos(10πt)/(10π). The local extrema (φ' = 0) and the crossings are found by brentq to 1e-15."""
    phi = lambda t: 1.0 - np.sqrt(t) - t * np.sin(10.0 * np.pi * t)  # noqa: E731
    dphi = lambda t: -0.5 / np.sqrt(t) - np.sin(10.0 * np.pi * t) - 10.0 * np.pi * t * np.cos(10.0 * np.pi * t)  # noqa: E731
    big_phi = lambda t: t - 2.0 / 3.0 * t**1.5 - np.sin(10.0 * np.pi * t) / (10.0 * np.pi) ** 2 + t * np.cos(10.0 * np.pi * t) / (10.0 * np.pi)  # noqa: E731
    grid = np.linspace(1e-9, 1.0, 100001)
    d = np.sign(dphi(grid))
    critical = [(optimize.brentq(dphi, grid[i], grid[i + 1], xtol=1e-15), d[i] < 0) for i in np.flatnonzero(d[:-1] != d[1:])]
    integral, t, low = 0.0, 0.0, 1.0  # φ(0) = 1 and φ decreases from 0
    peak = 0.0
    for c, is_min in critical:
        if not is_min:
            peak = c
            continue
        if phi(c) >= low:
            continue
        start = 0.0 if t == 0.0 else optimize.brentq(lambda s: phi(s) - low, peak, c, xtol=1e-15)
        integral += low * (start - t) + big_phi(c) - big_phi(start)
        t, low = c, phi(c)
    integral += low * (reference - t)
    return reference * reference - integral


#: Hypervolume of the whole true front with reference (1.1, 1.1): ∫₀^1.1 (1.1 − m(f1)) df1.
OPTIMUM = {
    "zdt1": 1.1 * 1.1 - (1.0 - 2.0 / 3.0),  # m = 1 − √f1 on [0, 1], 0 beyond
    "zdt2": 1.1 * 1.1 - (1.0 - 1.0 / 3.0),  # m = 1 − f1²
}


@dataclass
class Spec:
    name: str
    function: Callable[[np.ndarray], np.ndarray]
    variables: int
    objectives: int
    reference: float = 1.1


SPECS = {
    "zdt1": Spec("zdt1", zdt(1), 30, 2),
    "zdt2": Spec("zdt2", zdt(2), 30, 2),
    "zdt3": Spec("zdt3", zdt(3), 30, 2),
    "dtlz2": Spec("dtlz2", dtlz2, 12, 3),
}


@dataclass
class Counter:
    """Wraps a problem function; counts the evaluated rows that repeat one evaluated before."""

    function: Callable[[np.ndarray], np.ndarray]
    seen: set = field(default_factory=set)
    evaluations: int = 0
    repeats: int = 0

    def __call__(self, x: np.ndarray) -> np.ndarray:
        for row in np.ascontiguousarray(x, dtype=float) + 0.0:  # + 0.0: −0.0 counts as 0.0
            key = row.tobytes()
            self.repeats += key in self.seen
            self.seen.add(key)
        self.evaluations += len(x)
        return self.function(x)


def run_core(spec: Spec, population: int, generations: int, seed: int) -> tuple[np.ndarray, Counter, float]:
    counter = Counter(spec.function)
    n, m = spec.variables, spec.objectives
    problem = RealCodedProblem(counter, np.zeros(n), np.ones(n), np.zeros(m), np.ones(m))
    start = time.perf_counter()
    result = nsga2(problem, population, generations - 1, seed)
    return result.front_objectives, counter, time.perf_counter() - start


def run_pymoo(spec: Spec, population: int, generations: int, seed: int) -> tuple[np.ndarray, Counter, float]:
    from pymoo.algorithms.moo.nsga2 import NSGA2
    from pymoo.core.problem import Problem
    from pymoo.optimize import minimize

    counter = Counter(spec.function)

    class Wrapped(Problem):
        def __init__(self) -> None:
            super().__init__(n_var=spec.variables, n_obj=spec.objectives, xl=0.0, xu=1.0)

        def _evaluate(self, x, out, *args, **kwargs):
            out["F"] = counter(x)

    start = time.perf_counter()
    result = minimize(Wrapped(), NSGA2(pop_size=population), ("n_gen", generations), seed=seed, verbose=False)
    seconds = time.perf_counter() - start
    assert result.algorithm.evaluator.n_eval == counter.evaluations
    return np.atleast_2d(result.F), counter, seconds


def check_definitions() -> None:
    """Our problem functions against pymoo's on random points (pymoo installed only)."""
    from pymoo.problems import get_problem

    x = np.random.default_rng(0).random((500, 30))
    for name in ("zdt1", "zdt2", "zdt3"):
        np.testing.assert_allclose(SPECS[name].function(x), get_problem(name, n_var=30).evaluate(x), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dtlz2(x[:, :12]), get_problem("dtlz2", n_var=12, n_obj=3).evaluate(x[:, :12]), rtol=1e-12, atol=1e-12)


def summary(values: list[float]) -> str:
    return f"{np.median(values):.5f} [{min(values):.5f}, {max(values):.5f}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=25)
    parser.add_argument("--population", type=int, default=100)
    parser.add_argument("--generations", type=int, default=250, help="pymoo's n_gen (initial population included)")
    parser.add_argument("--problems", default="zdt1,zdt2,zdt3,dtlz2")
    parser.add_argument("--no-pymoo", action="store_true", help="the core only")
    args = parser.parse_args()

    with_pymoo = not args.no_pymoo
    if with_pymoo:
        try:
            import pymoo
        except ImportError:
            print("pymoo is not installed (.venv/bin/pip install pymoo); running the core only")
            with_pymoo = False
    versions = f"numpy {np.__version__}" + (f", pymoo {pymoo.__version__}" if with_pymoo else "")
    evaluations = args.population * args.generations
    print(f"{versions}, {os.cpu_count()} CPUs; population {args.population}, {evaluations} evaluations per run, seeds 0–{args.seeds - 1}")
    if with_pymoo:
        check_definitions()
        from pymoo.indicators.hv import HV
    OPTIMUM["zdt3"] = zdt3_front_hypervolume()
    worse = []
    for name in args.problems.split(","):
        spec = SPECS[name]
        reference = np.full(spec.objectives, spec.reference)
        rows = {}
        for label, runner in (("core", run_core), ("pymoo", run_pymoo))[: 2 if with_pymoo else 1]:
            hv, repeats, seconds = [], 0, 0.0
            for seed in range(args.seeds):
                f, counter, s = runner(spec, args.population, args.generations, seed)
                assert counter.evaluations == evaluations, (label, counter.evaluations)
                f = f[non_dominated(f, 0.0)]
                hv.append(hypervolume(f, reference))
                if with_pymoo:
                    assert abs(HV(ref_point=reference)(f) - hv[-1]) <= 1e-12 * max(hv[-1], 1.0)
                repeats += counter.repeats
                seconds += s
            rows[label] = (hv, repeats / (evaluations * args.seeds), seconds)
        print(
            f"\n{name} ({spec.variables} variables, {spec.objectives} objectives, reference {spec.reference})"
            + (f"; optimum (whole true front) {OPTIMUM[name]:.5f}" if name in OPTIMUM else "")
        )
        print(f"  {'':6} {'median [min, max] hypervolume':>34} {'repeated evals':>15} {'wall s':>8}")
        for label, (hv, share, seconds) in rows.items():
            print(f"  {label:6} {summary(hv):>34} {100 * share:14.2f}% {seconds:8.1f}")
        if with_pymoo:
            core, ref = np.median(rows["core"][0]), np.median(rows["pymoo"][0])
            p = stats.mannwhitneyu(rows["core"][0], rows["pymoo"][0], alternative="two-sided").pvalue
            print(
                f"  core / pymoo median: {core / ref:.5f} (Mann–Whitney p = {p:.3g}); "
                f"seeds below pymoo's median: core {sum(h < ref for h in rows['core'][0])}, pymoo {sum(h < ref for h in rows['pymoo'][0])}"
            )
            if core < ref * (1.0 - 1e-4):
                worse.append(name)
    if worse:
        print("\ncore median below pymoo's on: " + ", ".join(worse))
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
