"""Benchmark of the network core: an origin–destination matrix on a ~50 000-segment road grid.

    python3 benchmarks/network.py [--side 160] [--origins 1000] [--destinations 1000] [--workdir DIR]

Builds its own inputs (a side × side grid of roads 100 m apart, random origins and
destinations), then measures in the same run:
  1. the core as the Processing algorithms run it: build the network, snap and attach the
     points, build the graph, the full cost matrix (no cutoff) — for all destinations and for
     the first 100 of them; the full matrix both with the searches shared by every core
     (od_costs' default, worker processes) and in one process (workers=1), with the CPU
     seconds of this process and of its workers, and a check that both give the same costs
     bit for bit;
  2. a networkx Dijkstra loop (single_source_dijkstra_path_length) over 20 origins, per origin;
  3. QGIS's own native:shortestpathpointtolayer through qgis_process for 2 origins, per origin
     (start-up measured separately and subtracted; on QGIS 3.22 it needs a saved project);
and checks that the three agree on the costs they share. Targets (issues 4 and 11): the
whole 1000-origin matrix under 5 s, and at least 100× QGIS's tool per origin.

    python3 benchmarks/network.py --patterns [--sources 200]

measures instead scipy's Dijkstra alone on the same graph, called in different ways (one
call, chunks of 32, one source per call, int32 or int64 indices, CSR or CSC, predecessors,
`limit`), in CPU milliseconds per search (best of 3), to compare scipy versions:
`scripts/qgis_root.sh qgis340 python3 benchmarks/network.py --patterns` runs it with
Debian 13's scipy.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _package import use_package  # noqa: E402

use_package()
from qgis_runner import QgisProcess  # noqa: E402

from territorial_resilience.algorithms.network.graph import attach_points, build_network, snap_points  # noqa: E402
from territorial_resilience.algorithms.network.od_parallel import available_cores  # noqa: E402
from territorial_resilience.algorithms.network.routing import DISTANCE, Endpoints, build_graph, od_costs, segment_costs  # noqa: E402

SPACING = 100.0
X0, Y0 = 500000.0, 3400000.0


def grid_roads(side: int) -> list[np.ndarray]:
    ticks = np.arange(side) * SPACING
    rows = [np.c_[X0 + ticks, np.full(side, Y0 + k * SPACING)] for k in range(side)]
    cols = [np.c_[np.full(side, X0 + k * SPACING), Y0 + ticks] for k in range(side)]
    return rows + cols


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its ended child processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def core_matrix(roads, origins, destinations, workers=None):
    started = time.perf_counter()
    net = build_network(roads)
    snapped = snap_points(net, np.concatenate([origins, destinations]), 500.0)
    net, nodes = attach_points(net, snapped)
    cost = segment_costs(net, DISTANCE, 5.0)
    graph = build_graph(net, cost)
    prepared = time.perf_counter()
    n = len(origins)
    access = snapped.distance
    pairs = od_costs(graph, Endpoints(nodes[:n], access[:n]), Endpoints(nodes[n:], access[n:]), workers=workers)
    done = time.perf_counter()
    return net, nodes, access, cost, pairs, prepared - started, done - prepared


def write_layers(folder: Path, roads, origins, destinations) -> Path:
    """GeoPackages and a saved project for QGIS's tool (QGIS 3.22 needs one)."""
    from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorFileWriter, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    roads_layer = QgsVectorLayer("LineString?crs=EPSG:4547", "roads", "memory")
    feats = []
    for line in roads:
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in line]))
        feats.append(f)
    roads_layer.dataProvider().addFeatures(feats)
    ends = QgsVectorLayer("Point?crs=EPSG:4547&field=id:integer", "destinations", "memory")
    feats = []
    for k, (x, y) in enumerate(destinations):
        f = QgsFeature(ends.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes([k])
        feats.append(f)
    ends.dataProvider().addFeatures(feats)
    for layer, name in ((roads_layer, "roads"), (ends, "destinations")):
        QgsVectorFileWriter.writeAsVectorFormat(layer, str(folder / f"{name}.gpkg"), "utf-8", layer.crs(), "GPKG")
    project = QgsProject.instance()
    project.setCrs(roads_layer.crs())
    project.write(str(folder / "bench.qgz"))
    return folder / "bench.qgz"


def qgis_tool(folder: Path, project: Path, origins) -> tuple[float, float, list[dict]]:
    """Seconds per origin of native:shortestpathpointtolayer and qgis_process's start-up."""
    qp = QgisProcess(str(folder / "profile"))
    started = time.perf_counter()
    qp.run("native:extractbyexpression", {"INPUT": str(folder / "destinations.gpkg"), "EXPRESSION": "id < 0", "OUTPUT": str(folder / "none.gpkg")})
    startup = time.perf_counter() - started
    times, answers = [], []
    for k, (x, y) in enumerate(origins):
        started = time.perf_counter()
        qp.run(
            "native:shortestpathpointtolayer",
            {
                "INPUT": str(folder / "roads.gpkg"),
                "STRATEGY": 0,
                "START_POINT": f"{x},{y} [EPSG:4547]",
                "END_POINTS": str(folder / "destinations.gpkg"),
                "OUTPUT": str(folder / f"paths{k}.gpkg"),
            },
            project=str(project),
        )
        times.append(time.perf_counter() - started - startup)
        answers.append(str(folder / f"paths{k}.gpkg"))
    return float(np.median(times)), startup, answers


def patterns(roads, origins, destinations, n_sources: int) -> int:
    """CPU ms per search of scipy's dijkstra on the benchmark's graph, called in different ways."""
    import scipy
    from scipy.sparse.csgraph import dijkstra

    net = build_network(roads)
    snapped = snap_points(net, np.concatenate([origins, destinations]), 500.0)
    net, nodes = attach_points(net, snapped)
    g = build_graph(net, segment_costs(net, DISTANCE, 5.0)).matrix
    sources = np.unique(nodes[: len(origins)])[:n_sources]
    n = len(sources)
    print(
        f"scipy {scipy.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}: "
        f"{g.shape[0]} nodes, {g.nnz} arcs, {n} searches per pattern; CPU ms per search, best of 3"
    )
    g64 = g.copy()
    g64.indices, g64.indptr = g.indices.astype(np.int64), g.indptr.astype(np.int64)
    gc = g.tocsc()
    chunks = [sources[i : i + 32] for i in range(0, n, 32)]
    cases = {
        "chunks of 32 (the core)": lambda: [dijkstra(g, directed=True, indices=c) for c in chunks],
        "one call for every source": lambda: dijkstra(g, directed=True, indices=sources),
        "one call per source": lambda: [dijkstra(g, directed=True, indices=int(s)) for s in sources],
        "chunks of 32, limit=1e300": lambda: [dijkstra(g, directed=True, indices=c, limit=1e300) for c in chunks],
        "chunks of 32, int64 indices": lambda: [dijkstra(g64, directed=True, indices=c) for c in chunks],
        "chunks of 32, CSC": lambda: [dijkstra(gc, directed=True, indices=c) for c in chunks],
        "chunks of 32, return_predecessors": lambda: [dijkstra(g, directed=True, indices=c, return_predecessors=True) for c in chunks],
        "chunks of 32, directed=False": lambda: [dijkstra(g, directed=False, indices=c) for c in chunks],
    }
    for label, run in cases.items():
        best = np.inf
        try:
            for _ in range(3):
                started = time.process_time()
                run()
                best = min(best, time.process_time() - started)
        except ValueError as error:  # scipy 1.10 takes only int32 indices
            print(f"  {label:40s} refused: {error}")
            continue
        print(f"  {label:40s} {1000 * best / n:6.2f} ms")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--side", type=int, default=160, help="roads per direction (160 → 50 880 segments)")
    parser.add_argument("--origins", type=int, default=1000)
    parser.add_argument("--destinations", type=int, default=1000)
    parser.add_argument("--qgis-origins", type=int, default=2)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--patterns", action="store_true", help="time scipy's Dijkstra called in different ways, nothing else")
    parser.add_argument("--sources", type=int, default=200, help="searches per pattern with --patterns")
    args = parser.parse_args()
    folder = Path(args.workdir or tempfile.mkdtemp(prefix="tsr-network-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(4)
    roads = grid_roads(args.side)
    extent = (args.side - 1) * SPACING
    origins = np.c_[X0 + rng.uniform(0, extent, args.origins), Y0 + rng.uniform(0, extent, args.origins)]
    destinations = np.c_[X0 + rng.uniform(0, extent, args.destinations), Y0 + rng.uniform(0, extent, args.destinations)]

    if args.patterns:
        return patterns(roads, origins, destinations, args.sources)
    import scipy

    print(f"scipy {scipy.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}, {available_cores()} cores")
    before = cpu_seconds()
    net, nodes, access, cost, pairs, prepare_s, matrix_s = core_matrix(roads, origins, destinations)
    for child in multiprocessing.active_children():
        child.join()
    after = cpu_seconds()
    print(f"network: {net.n_nodes} nodes, {net.n_segments} segments after attaching {len(nodes)} points")
    print(
        f"core, searches shared by {available_cores()} cores: prepare {prepare_s:.2f} s, {args.origins} × {args.destinations} matrix "
        f"{matrix_s:.2f} s ({1000 * matrix_s / args.origins:.2f} ms per origin), total {prepare_s + matrix_s:.2f} s; "
        f"CPU {after[0] - before[0]:.2f} s here + {after[1] - before[1]:.2f} s in workers"
    )
    before = cpu_seconds()
    _, _, _, _, alone, prepare_1, matrix_1 = core_matrix(roads, origins, destinations, workers=1)
    after = cpu_seconds()
    same = np.array_equal(alone.cost, pairs.cost) and np.array_equal(alone.demand, pairs.demand) and np.array_equal(alone.candidate, pairs.candidate)
    assert same, "one process and several disagree"
    print(
        f"core, one process: {args.origins} × {args.destinations} matrix {matrix_1:.2f} s "
        f"({1000 * matrix_1 / args.origins:.2f} ms per origin), total {prepare_1 + matrix_1:.2f} s; CPU {after[0] - before[0]:.2f} s "
        f"→ shared {matrix_1 / matrix_s:.2f}× faster, costs identical bit for bit"
    )
    few = min(100, args.destinations)
    _, _, _, _, _, prepare_few, matrix_few = core_matrix(roads, origins, destinations[:few])
    print(f"core: {args.origins} × {few} matrix {matrix_few:.2f} s (Dijkstra from the {few} destinations), total {prepare_few + matrix_few:.2f} s")

    import networkx as nx

    graph = nx.Graph()
    graph.add_weighted_edges_from(zip(net.a.tolist(), net.b.tolist(), cost.tolist()))
    sample = 20
    started = time.perf_counter()
    reference = [nx.single_source_dijkstra_path_length(graph, int(nodes[i])) for i in range(sample)]
    nx_per_origin = (time.perf_counter() - started) / sample
    n = args.origins
    got = pairs.cost.reshape(args.origins, args.destinations)
    expected = np.array([[reference[i][int(nodes[n + j])] + access[i] + access[n + j] for j in range(args.destinations)] for i in range(sample)])
    assert np.allclose(got[:sample], expected), "core and networkx disagree"
    core_per_origin = matrix_s / args.origins
    print(f"networkx: {1000 * nx_per_origin:.1f} ms per origin → core is {nx_per_origin / core_per_origin:.1f}× faster per origin (costs equal)")

    if args.qgis_origins:
        project = write_layers(folder, roads, origins, destinations)
        per_origin, startup, answers = qgis_tool(folder, project, origins[: args.qgis_origins])
        print(
            f"QGIS native:shortestpathpointtolayer: {per_origin:.2f} s per origin (+ {startup:.2f} s qgis_process start-up) "
            f"→ core is {per_origin / core_per_origin:.0f}× faster per origin"
        )
        from qgis.core import QgsVectorLayer

        qgis_costs = {int(f["id"]): f["cost"] for f in QgsVectorLayer(answers[0], "p", "ogr").getFeatures()}
        ours = got[0]
        # QGIS starts and ends at the nearest network point too, but without the access legs.
        diff = max(abs(qgis_costs[j] - (ours[j] - access[0] - access[n + j])) for j in qgis_costs)
        print(f"    largest difference to QGIS's costs (access legs removed): {diff:.3f} m")
    target = "met" if prepare_s + matrix_s < 5.0 else "NOT met"
    print(f"target: {args.origins}-origin matrix under 5 s — {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
