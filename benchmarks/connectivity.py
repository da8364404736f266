"""Benchmark of tsr:patchconnectivity's core: dPC and its fractions for 1000 patches.

    python3 benchmarks/connectivity.py [--patches 1000] [--side 400] [--threshold 3000] [--euclidean-only] [--compare 300] [--workers N]

Builds its own landscape: `--patches` random discs (radius 1–4 cells) on a side × side raster of
100 m cells whose resistance is 1 in habitat, 10–100 elsewhere. Then measures, in one run:
  1. edge-to-edge Euclidean distances (bounding-box sweep + shapely) and the indices with node
     removal by vertex-avoiding Floyd–Warshall and by Dijkstra from the affected sources
     (both exact; their dPC must agree; Dijkstra only up to --compare patches, it is much slower);
  2. least-cost distances between the patches (algorithms/ecology/cost_distance.py: one bounded
     Dijkstra per patch on the cell graph) and the indices on them.
Target (issue 12): dPC of 1000 patches with least-cost distances in under 60 s.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import resource
import time

import _package
import numpy as np

_package.use_package()

from shapely.geometry import Point  # noqa: E402

from territorial_resilience.algorithms.ecology.connectivity import Links, connectivity, edge_distances, search_distance  # noqa: E402
from territorial_resilience.algorithms.ecology.cost_distance import CostGraph  # noqa: E402


def landscape(patches: int, side: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    cell = 100.0
    resistance = rng.uniform(10, 100, (side, side))
    labels = np.zeros((side, side), np.int32)
    rows, cols = np.mgrid[0:side, 0:side]
    shapes = []
    centres = rng.uniform(5, side - 5, (patches, 2))
    radii = rng.uniform(1.0, 4.0, patches)
    for k, ((r, c), rad) in enumerate(zip(centres, radii), start=1):
        r0, r1, c0, c1 = int(r - rad - 1), int(r + rad + 2), int(c - rad - 1), int(c + rad + 2)
        sub = (rows[r0:r1, c0:c1] + 0.5 - r) ** 2 + (cols[r0:r1, c0:c1] + 0.5 - c) ** 2 <= rad**2
        free = sub & (labels[r0:r1, c0:c1] == 0)
        if not free.any():
            free = np.zeros_like(sub)
            free[int(r) - r0, int(c) - c0] = True
        labels[r0:r1, c0:c1][free] = k
        resistance[r0:r1, c0:c1][free] = 1.0
        shapes.append(Point(c * cell, -r * cell).buffer(rad * cell, 8))
    return shapes, labels, resistance, cell


def cpu_seconds() -> float:
    """CPU seconds of this process and of its worker processes that have ended (those of
    patch_distances end once it returns: waited for here, so that their CPU counts)."""
    waited = time.monotonic()
    while multiprocessing.active_children() and time.monotonic() - waited < 30:
        time.sleep(0.05)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(label, fn):
    """Run fn(), print wall-clock and CPU seconds, worker processes included (CPU is what
    counts on a shared machine)."""
    start, cpu = time.perf_counter(), cpu_seconds()
    value = fn()
    wall = time.perf_counter() - start
    print(f"{label:<55s} {wall:8.2f} s wall {cpu_seconds() - cpu:8.2f} s CPU", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patches", type=int, default=1000)
    parser.add_argument("--side", type=int, default=400)
    parser.add_argument("--threshold", type=float, default=3000.0)
    parser.add_argument("--probability", type=float, default=0.5)
    parser.add_argument("--euclidean-only", action="store_true")
    parser.add_argument("--workers", type=int, default=None, help="processes of the least-cost distances (default: every core when worth it)")
    parser.add_argument("--compare", type=int, default=300, help="also time the Dijkstra removal up to this many patches")
    args = parser.parse_args()
    shapes, labels, resistance, cell = landscape(args.patches, args.side)
    areas = np.array([s.area / 1e4 for s in shapes])
    al = (args.side * cell) ** 2 / 1e4
    reach = search_distance([args.threshold], args.probability)
    print(f"{args.patches} patches on {args.side} × {args.side} cells of {cell:g} m; THRESHOLD {args.threshold:g}, P {args.probability:g}")
    links = timed("edge-to-edge distances", lambda: edge_distances(shapes, reach))
    print(f"  {links.i.size} pairs within {reach:.0f} m")
    floyd = timed("indices + removal (Floyd–Warshall)", lambda: connectivity(areas, links, args.threshold, args.probability, al, method="floyd"))
    print(f"  PC {floyd.pc:.6g}, components {floyd.components}")
    if args.patches <= args.compare:
        dij = timed("indices + removal (Dijkstra)", lambda: connectivity(areas, links, args.threshold, args.probability, al, method="dijkstra"))
        print(f"  max |ΔdPC| between the two removal methods {np.abs(floyd.d_pc - dij.d_pc).max():.2e}")
    if not args.euclidean_only:
        cost_threshold = args.threshold * 10  # resistance ~10 on the way
        cost_reach = search_distance([cost_threshold], args.probability)
        cpu = cpu_seconds()
        graph = timed("cell graph (CostGraph)", lambda: CostGraph(resistance, cell))
        lcd = timed(
            f"least-cost distances (patch_distances, {args.workers or 'auto'} proc.)",
            lambda: graph.patch_distances(labels, max_cost=cost_reach, workers=args.workers),
        )
        pairs = [(a - 1, b - 1, d) for (a, b), d in lcd.items() if math.isfinite(d)]
        print(f"  {len(pairs)} pairs within {cost_reach:.0f} cost units")
        lc_links = Links.of(pairs)
        result = timed("indices + removal on least-cost distances", lambda: connectivity(areas, lc_links, cost_threshold, args.probability, al))
        print(f"  least-cost total {cpu_seconds() - cpu:.1f} s CPU (target < 60 s); PC {result.pc:.6g}, components {result.components}")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
