"""Issue 14 benchmark: N−1 criticality of every segment of a 20 000-segment road grid with 2000
demand points and 20 facilities, against a naive re-run of every facility's Dijkstra per
segment (measured on a smaller grid in full, checked equal, and on a sample of the large grid's
segments, then extrapolated); and a targeted-betweenness robustness curve of 5000 nodes.

    python3 benchmarks/criticality.py [--side 100] [--small 30] [--sample 40] [--steps 20]

Prints one JSON line of timings.

Measured 2026-12-06 on the shared 2-core build machine (other jobs running):
N−1 of all 19 999 road elements + 20 facilities of the 22 019-segment grid (2000 demand points,
20 facilities): 17.1 s, 6660 elements searched again; the naive re-run costs 0.46 s per element
there, 9166 s (2.5 h) for all of them (7966 s extrapolated from the 2019-segment grid, where it
took 65.7 s against 1.1 s and gave the same lost access). Targeted betweenness, recomputed
before each of 20 steps, on a 71 × 71 lattice (5041 nodes): 79 s (critical fraction 0.39, R 0.40).
"""

from __future__ import annotations

import argparse
import json
import time

from _package import use_package

use_package()

import numpy as np  # noqa: E402

from territorial_resilience.algorithms.network import criticality as crit  # noqa: E402
from territorial_resilience.algorithms.network.graph import attach_points, build_network, snap_points  # noqa: E402
from territorial_resilience.algorithms.network.robustness import BETWEENNESS, NODES, line_graph, robustness_curve  # noqa: E402
from territorial_resilience.algorithms.network.routing import Endpoints, build_graph, segment_costs, trees_to  # noqa: E402


def grid_case(side: int, n_demand: int, n_facilities: int, seed: int = 0):
    """A side × (side + 1) street grid, 100 m blocks jittered by up to 10 m, speeds 20–60 km/h,
    demand and facilities at random places joined to the nearest road."""
    rng = np.random.default_rng(seed)
    xy = np.stack(np.meshgrid(np.arange(side), np.arange(side + 1), indexing="ij"), axis=-1).reshape(-1, 2) * 100.0
    xy += rng.uniform(-10, 10, xy.shape)
    index = np.arange(len(xy)).reshape(side, side + 1)
    pairs = np.concatenate([np.stack([index[:-1].ravel(), index[1:].ravel()], 1), np.stack([index[:, :-1].ravel(), index[:, 1:].ravel()], 1)])
    roads = [xy[p] for p in pairs]
    net = build_network(roads, rng.uniform(20, 60, len(roads)))
    span = xy.max(axis=0)
    points = rng.uniform(0, 1, (n_demand + n_facilities, 2)) * span
    snapped = snap_points(net, points, 500.0)
    net, nodes = attach_points(net, snapped)
    access = snapped.distance / (5.0 * 1000 / 60)  # walked at 5 km/h, in minutes
    demand = Endpoints(nodes[:n_demand], access[:n_demand])
    facilities = Endpoints(nodes[n_demand:], access[n_demand:])
    population = rng.uniform(10, 500, n_demand)
    capacity = np.full(n_facilities, population.sum() / n_facilities * 1.1)
    cost = segment_costs(net, 1, 5.0)
    return net, cost, demand, facilities, population, capacity, len(roads)


def naive(net, cost, demand, facilities, population, capacity, threshold, elements, which):
    """Per element: rebuild the graph without it and re-run every facility's Dijkstra."""
    out = []
    for k in which:
        closed = np.zeros(net.n_segments, dtype=bool)
        closed[elements.members(k)] = True
        trees = trees_to(build_graph(net, cost, closed), facilities.node)
        c = trees.cost[:, demand.node].T + demand.access[:, None] + facilities.access[None, :]
        best = c.min(axis=1)
        out.append(best)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--side", type=int, default=100)
    parser.add_argument("--small", type=int, default=30)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--steps", type=int, default=20)
    args = parser.parse_args()
    threshold = 15.0
    result = {}

    # Small grid: naive in full, equal to ours.
    net, cost, demand, facilities, population, capacity, n_roads = grid_case(args.small, 200, 20)
    elements = crit.Elements.from_labels(net.road, n_roads)
    began = time.perf_counter()
    measures, access = crit.n_minus_one(net, cost, demand, population, facilities, threshold, elements, False, capacity)
    ours_small = time.perf_counter() - began
    began = time.perf_counter()
    costs = naive(net, cost, demand, facilities, population, capacity, threshold, elements, range(len(elements)))
    naive_small = time.perf_counter() - began
    lost = np.array([population[(access.cost <= threshold) & (c > threshold)].sum() for c in costs])
    assert np.allclose(lost, measures.lost_access), "the naive re-run disagrees"
    result["small"] = {"segments": int(net.n_segments), "elements": len(elements), "ours_s": round(ours_small, 3), "naive_s": round(naive_small, 3)}

    # Large grid: ours in full, naive on a sample of elements, extrapolated.
    net, cost, demand, facilities, population, capacity, n_roads = grid_case(args.side, 2000, 20)
    elements = crit.Elements.from_labels(net.road, n_roads)
    began = time.perf_counter()
    measures, access = crit.n_minus_one(net, cost, demand, population, facilities, threshold, elements, True, capacity)
    ours = time.perf_counter() - began
    sample = np.random.default_rng(1).choice(len(elements), args.sample, replace=False)
    began = time.perf_counter()
    naive(net, cost, demand, facilities, population, capacity, threshold, elements, sample)
    per_element = (time.perf_counter() - began) / args.sample
    result["large"] = {
        "segments": int(net.n_segments),
        "road_elements": len(elements),
        "demand": 2000,
        "facilities": 20,
        "ours_s": round(ours, 2),
        "searched_elements": int(measures.searched),
        "naive_per_element_s": round(per_element, 4),
        "naive_extrapolated_s": round(per_element * len(elements), 1),
        "naive_extrapolated_from_small_s": round(naive_small / len(costs) * len(elements) * net.n_segments / result["small"]["segments"], 1),
    }

    # Robustness: targeted betweenness on a 71 × 71 lattice (5041 nodes), recomputed before each step.
    roads = []
    for i in range(71):
        for j in range(71):
            if i + 1 < 71:
                roads.append(np.array([[i, j], [i + 1, j]], float))
            if j + 1 < 71:
                roads.append(np.array([[i, j], [i, j + 1]], float))
    graph = line_graph(roads)
    began = time.perf_counter()
    curve = robustness_curve(graph, BETWEENNESS, NODES, steps=args.steps)
    result["robustness"] = {
        "nodes": graph.n_nodes,
        "steps": args.steps,
        "seconds": round(time.perf_counter() - began, 1),
        "critical_fraction": round(curve.critical_fraction, 4),
        "R": round(curve.robustness, 4),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
