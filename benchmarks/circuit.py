"""Benchmark of the circuit core (tsr:circuitconnectivity): pairwise effective resistances and the
cumulative current map.

    python3 benchmarks/circuit.py [--side 1000] [--focal 10] [--solvers 300]

1. the core as the algorithm runs it: side × side cells of random, spatially smooth resistance 1–100,
   `--focal` focal points, pairwise mode, 8 neighbours: time and the peak memory of this process;
2. with `--solvers N`: the solvers compared on the grounded reduced Laplacian of an N × N grid
   (the same right-hand sides as a pairwise run): SuperLU (`splu`, symmetric minimum-degree
   ordering: one factorisation, then one solve per focal node) against conjugate gradients
   preconditioned by Jacobi, to a relative residual of 1e-10, and the largest relative difference
   of the effective resistances to SuperLU's (an incomplete-LU preconditioner, `spilu`, ran over
   13 minutes on 200 × 200 and was dropped).
3. with `--barriers N`: the Barrier Mapper core on N × N cells of 30 m (same landscape), 6 square
   sources, 10 linked pairs, radii 90, 180 and 360 m: time and peak memory.
Targets (issue 13): 1000 × 1000, 10 focal points, pairwise, 8 neighbours under 60 s and 4 GB;
Barrier Mapper on 2000 × 2000 with 10 linked pairs and 3 radii under 5 minutes.

Measured 2026-12-06 (2 cores, Debian 12's scipy 1.10, this machine shared with other jobs):
- pairwise 1000 × 1000, 10 focal points, 8 neighbours: 32 s, 2.1 GB peak (quiet machine; 47 s under load);
- pairwise 2000 × 2000: 182 s, 8.6 GB peak (quiet machine; 940 s under a load average of 8–10;
  SuperLU's factor dominates);
  4000 × 4000 exceeds DIRECT_LIMIT and goes to Jacobi-preconditioned CG, in bounded memory but for
  hours (≈ 20 000 iterations per solve): not practical without algebraic multigrid;
- solvers on 200 × 200, 9 right-hand sides: SuperLU 0.66 s (0.53 s factorisation), CG + Jacobi 19.5 s
  (≈ 1 060 iterations each), both within 2.4e-11 of each other;
- Barrier Mapper 2000 × 2000, 10 linked pairs, 3 radii: 43 s, 1.3 GB peak (84 s under load).
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
from _package import use_package

use_package()

from scipy import ndimage  # noqa: E402
from scipy.sparse.linalg import LinearOperator, cg, splu  # noqa: E402

from territorial_resilience.algorithms.ecology.barriers import barrier_scores  # noqa: E402
from territorial_resilience.algorithms.ecology.circuit import Mode, build_graph, circuit, focal_from_cells, node_map  # noqa: E402


def landscape(side: int, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    noise = ndimage.gaussian_filter(rng.random((side, side)), sigma=max(1.0, side / 100))
    noise = (noise - noise.min()) / (noise.max() - noise.min())
    return 1.0 + 99.0 * noise**2


def focal_cells(side: int, count: int, seed: int = 2):
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, side, count)
    cols = rng.integers(0, side, count)
    return focal_from_cells([(k + 1, int(r) * side + int(c)) for k, (r, c) in enumerate(zip(rows, cols))])


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_core(side: int, count: int) -> None:
    g = 1.0 / landscape(side)
    focal = focal_cells(side, count)
    start = time.perf_counter()
    result = circuit(g, focal, Mode.PAIRWISE, eight=True)
    elapsed = time.perf_counter() - start
    finite = [p.resistance for p in result.resistances if p.resistance is not None]
    print(
        f"core pairwise {side} × {side}, {count} focal points, 8 neighbours: {elapsed:.1f} s, peak memory {peak_mb():.0f} MB, "
        f"{result.solves} solves, {len(finite)} pairs, mean R {np.mean(finite):.4g}"
    )


def run_solvers(side: int, count: int) -> None:
    g = 1.0 / landscape(side)
    focal = focal_cells(side, count)
    graph = build_graph(g, node_map(g), True, False)
    lap = graph.laplacian()
    nodes = [int(graph.nodes.ravel()[c[0]]) for c in focal.cells]
    ground = nodes[0]
    keep = np.setdiff1d(np.arange(graph.n), [ground])
    position = np.full(graph.n, -1)
    position[keep] = np.arange(keep.size)
    a = lap[keep][:, keep].tocsc()
    rhs = [np.eye(1, keep.size, position[n]).ravel() for n in nodes[1:]]

    def resistances(xs):
        x = [np.zeros(keep.size)] + xs
        idx = [None] + [position[n] for n in nodes[1:]]
        out = []
        for i in range(len(x)):
            for j in range(i + 1, len(x)):
                v = x[i] - x[j]
                vi = v[idx[i]] if idx[i] is not None else 0.0
                vj = v[idx[j]] if idx[j] is not None else 0.0
                out.append(vi - vj)
        return np.array(out)

    t = time.perf_counter()
    lu = splu(a, permc_spec="MMD_AT_PLUS_A", options={"SymmetricMode": True})
    t_fact = time.perf_counter() - t
    xs = [lu.solve(b) for b in rhs]
    t_lu = time.perf_counter() - t
    reference = resistances(xs)
    print(f"solvers on {side} × {side} ({keep.size} unknowns, {len(rhs)} right-hand sides):")
    print(f"  SuperLU: {t_lu:.2f} s ({t_fact:.2f} s factorisation, fill {lu.L.nnz + lu.U.nnz} non-zeros)")
    diag = a.diagonal()
    jacobi = LinearOperator(a.shape, matvec=lambda x: x / diag)
    for name, build in (("CG + Jacobi", lambda: jacobi),):
        t = time.perf_counter()
        m = build()
        xs = []
        iterations = []
        for b in rhs:
            count_it = [0]
            x, info = cg(a, b, M=m, tol=1e-10, maxiter=20000, callback=lambda _x: count_it.__setitem__(0, count_it[0] + 1))
            xs.append(x)
            iterations.append(count_it[0])
        elapsed = time.perf_counter() - t
        diff = np.max(np.abs(resistances(xs) - reference) / np.abs(reference))
        print(f"  {name}: {elapsed:.2f} s, iterations {min(iterations)}–{max(iterations)}, largest relative difference to SuperLU {diff:.1e}")


def run_barriers(side: int) -> None:
    resistance = landscape(side)
    labels = np.zeros((side, side), dtype=np.int32)
    rng = np.random.default_rng(3)
    block = max(2, side // 50)
    for k in range(1, 7):
        r, c = rng.integers(0, side - block, 2)
        labels[r : r + block, c : c + block] = k
    pairs = [(a, b) for a in range(1, 7) for b in range(a + 1, 7)][:10]
    start = time.perf_counter()
    result = barrier_scores(resistance, 30.0, labels, pairs, [90.0, 180.0, 360.0])
    elapsed = time.perf_counter() - start
    print(
        f"barriers {side} × {side}, {len(pairs)} linked pairs, 3 radii: {elapsed:.1f} s, peak memory {peak_mb():.0f} MB, "
        f"largest score {np.nanmax(result.score):.4g}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--side", type=int, default=1000)
    parser.add_argument("--focal", type=int, default=10)
    parser.add_argument("--solvers", type=int, default=0, help="compare the solvers on an N × N grid (0: no)")
    parser.add_argument("--barriers", type=int, default=0, help="time the Barrier Mapper core on N × N cells (0: no)")
    parser.add_argument("--no-core", action="store_true", help="skip the pairwise circuit run")
    args = parser.parse_args()
    if args.solvers:
        run_solvers(args.solvers, args.focal)
    if args.barriers:
        run_barriers(args.barriers)
    if not args.no_core:
        run_core(args.side, args.focal)


if __name__ == "__main__":
    main()
