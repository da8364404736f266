"""The road network core against hand-made networks and an independent shortest-path
implementation (networkx)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from cancelling import CancelAfter
from pools import patient_pool
from rasters import write_raster
from scipy.spatial import cKDTree
from shapely.geometry import Point, box

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.network.costs import CostMatrix
from territorial_resilience.algorithms.network.coverage import capacity_balance, coverage, coverage_curve, nearest_facility, two_step_fca
from territorial_resilience.algorithms.network.evacuation import AVOID, PENALISE, EvacuationGraphs, hazard_costs
from territorial_resilience.algorithms.network.graph import attach_points, build_network, snap_points, split_segments
from territorial_resilience.algorithms.network.routing import (
    DISTANCE,
    TIME,
    Endpoints,
    build_graph,
    graph_from_arcs,
    od_costs,
    segment_costs,
    service_area,
    straight_costs,
    trees_to,
)
from territorial_resilience.algorithms.network.zones import sample_along, split_at_boundaries, zone_of_points, zone_of_segments


def grid_roads(n: int, spacing: float) -> list[np.ndarray]:
    """n horizontal and n vertical roads, crossing at shared vertices."""
    ticks = np.arange(n) * spacing
    return [np.c_[ticks, np.full(n, k * spacing)] for k in range(n)] + [np.c_[np.full(n, k * spacing), ticks] for k in range(n)]


def networkx_graph(net, cost):
    graph = nx.DiGraph()
    for a, b, c, d in zip(net.a, net.b, cost, net.direction):
        for u, v in ((a, b), (b, a)) if d == 0 else ((a, b),) if d == 1 else ((b, a),):
            if not graph.has_edge(u, v) or graph[u][v]["weight"] > c:
                graph.add_edge(int(u), int(v), weight=float(c))
    return graph


def test_vertices_within_tolerance_become_one_node():
    net = build_network([np.array([[0, 0], [100, 0]]), np.array([[100.4, 0.3], [100, 80]])], tolerance=0.6)
    assert net.n_nodes == 3 and net.n_segments == 2
    apart = build_network([np.array([[0, 0], [100, 0]]), np.array([[100.4, 0.3], [100, 80]])])
    assert apart.n_nodes == 4


def test_crossings_join_only_when_split():
    roads = [np.array([[0, 50], [100, 50]]), np.array([[50, 0], [50, 100]])]
    bridge = build_network(roads)
    assert bridge.n_nodes == 4 and bridge.n_segments == 2
    joined = build_network(roads, speed=[30, 50], direction=[1, 0], split_crossings=True)
    assert joined.n_nodes == 5 and joined.n_segments == 4
    assert sorted(joined.length) == pytest.approx([50, 50, 50, 50])
    # the one-way road keeps its direction on both pieces, the speeds follow the road
    one_way = joined.direction == 1
    assert one_way.sum() == 2 and np.all(joined.xy[joined.b[one_way], 0] > joined.xy[joined.a[one_way], 0])
    assert sorted(joined.speed) == [30, 30, 50, 50]


def test_split_segments_keeps_node_ids_and_length():
    net = build_network([np.array([[0, 0], [100, 0], [100, 100]])])
    split, nodes = split_segments(net, np.array([0, 0, 0, 1]), np.array([0.25, 0.75, 0.25, 1.0]))
    assert split.n_nodes == net.n_nodes + 2
    assert nodes[0] == nodes[2] and nodes[3] == net.b[1]
    assert split.length.sum() == pytest.approx(200.0)
    assert sorted(np.round(split.length, 6)) == [25, 50, 25, 100][:0] or sorted(np.round(split.length, 6)) == [25.0, 25.0, 50.0, 100.0]
    np.testing.assert_allclose(split.xy[: net.n_nodes], net.xy)


def test_snapping_is_exact_and_respects_the_maximum():
    net = build_network(grid_roads(5, 100.0))
    rng = np.random.default_rng(3)
    points = rng.uniform(-50, 450, size=(300, 2))
    snapped = snap_points(net, points, max_distance=30.0)
    # distance to the nearest grid line, clamped to the grid's extent, by hand
    x, y = np.clip(points[:, 0], 0, 400), np.clip(points[:, 1], 0, 400)
    to_vertical = np.hypot(points[:, 0] - np.round(x / 100) * 100, points[:, 1] - y)
    to_horizontal = np.hypot(points[:, 0] - x, points[:, 1] - np.round(y / 100) * 100)
    expected = np.minimum(to_vertical, to_horizontal)
    assert np.array_equal(snapped.reached, expected <= 30.0)
    np.testing.assert_allclose(snapped.distance[snapped.reached], expected[snapped.reached], atol=1e-9)
    xa, xb = net.xy[net.a[snapped.segment]], net.xy[net.b[snapped.segment]]
    on_road = xa + snapped.t[:, None] * (xb - xa)
    np.testing.assert_allclose(np.hypot(*(points - on_road).T)[snapped.reached], expected[snapped.reached], atol=1e-9)


def test_od_costs_match_networkx_with_access_legs_and_cutoff():
    net = build_network(grid_roads(12, 100.0), speed=np.r_[np.full(12, 30.0), np.full(12, 60.0)], direction=np.r_[np.ones(3), np.zeros(21)])
    rng = np.random.default_rng(7)
    points = rng.uniform(0, 1100, size=(40, 2))
    snapped = snap_points(net, points, 60.0)
    split, nodes = attach_points(net, snapped)
    for unit in (DISTANCE, TIME):
        cost = segment_costs(split, unit, 5.0)
        access = snapped.distance / (1.0 if unit == DISTANCE else 5000 / 60)
        origins, destinations = Endpoints(nodes[:30], access[:30]), Endpoints(nodes[30:], access[30:])
        graph = networkx_graph(split, cost)
        cutoff = 900.0 if unit == DISTANCE else 1.5
        pairs = od_costs(build_graph(split, cost), origins, destinations, cutoff)
        got = {(int(i), int(j)): c for i, j, c in zip(pairs.demand, pairs.candidate, pairs.cost)}
        expected = {}
        for i in range(30):
            lengths = nx.single_source_dijkstra_path_length(graph, int(nodes[i]))
            for j in range(10):
                total = lengths.get(int(nodes[30 + j]), np.inf) + access[i] + access[30 + j]
                if total <= cutoff:
                    expected[(i, j)] = total
        assert got.keys() == expected.keys() and len(got) > 50
        assert [got[k] for k in expected] == pytest.approx([expected[k] for k in expected], rel=1e-12)
        # Fewer origins than destinations: Dijkstra runs from the origins; check that side too.
        swapped = od_costs(build_graph(split, cost), destinations, origins, cutoff)
        back = {(int(i), int(j)): c for i, j, c in zip(swapped.demand, swapped.candidate, swapped.cost)}
        expected_back = {}
        for j in range(10):
            lengths = nx.single_source_dijkstra_path_length(graph, int(nodes[30 + j]))
            for i in range(30):
                total = lengths.get(int(nodes[i]), np.inf) + access[30 + j] + access[i]
                if total <= cutoff:
                    expected_back[(j, i)] = total
        assert back.keys() == expected_back.keys()
        assert [back[k] for k in expected_back] == pytest.approx([expected_back[k] for k in expected_back], rel=1e-12)


def test_unreached_points_are_never_routed():
    net = build_network([np.array([[0, 0], [1000, 0]])])
    snapped = snap_points(net, np.array([[10, 5], [500, 400], [990, -3]]), 100.0)
    assert snapped.reached.tolist() == [True, False, True]
    split, nodes = attach_points(net, snapped)
    assert nodes[1] == -1
    pairs = od_costs(build_graph(split, split.length), Endpoints(nodes[:2], snapped.distance[:2]), Endpoints(nodes[2:], snapped.distance[2:]))
    assert pairs.demand.tolist() == [0]
    assert pairs.cost[0] == pytest.approx(5 + 980 + 3)


def test_straight_costs_include_coincident_points():
    pairs = straight_costs(np.array([[0, 0], [3, 4]]), np.array([[0, 0], [6, 8]]), 1.0, cutoff=5.0)
    assert list(zip(pairs.demand, pairs.candidate, pairs.cost)) == [(0, 0, 0.0), (1, 0, 5.0), (1, 1, 5.0)]
    everything = straight_costs(np.array([[0, 0]]), np.array([[6, 8]]), 0.5)
    assert everything.cost.tolist() == [5.0]


def test_coverage_and_two_step_fca_by_hand():
    # demand 0 (100 people) reaches A at 200 and B at 600; demand 1 (300) reaches B at 400.
    pairs = CostMatrix(np.array([0, 0, 1]), np.array([0, 1, 1]), np.array([200.0, 600.0, 400.0]), 3, 2)
    population = np.array([100.0, 300.0, 50.0])
    result = coverage(pairs, population, np.array([80.0, 150.0]), [500.0, 1000.0])
    assert result.nearest.tolist() == [0, 1, -1]
    assert result.covered.tolist() == [[True, True], [True, True], [False, False]]
    assert result.covered_population(population).tolist() == [400.0, 400.0]
    assert result.demand.tolist() == [[100.0, 100.0], [300.0, 400.0]]
    assert result.assigned.tolist() == [100.0, 300.0]
    # 2SFCA at 500: R_A = 80/100, R_B = 150/300; A_0 = R_A, A_1 = R_B, A_2 = 0
    access, ratio = two_step_fca(pairs, population, np.array([80.0, 150.0]), 500.0)
    assert ratio.tolist() == pytest.approx([0.8, 0.5])
    assert access.tolist() == pytest.approx([0.8, 0.5, 0.0])
    assert result.accessibility.tolist() == pytest.approx([0.8, 0.5, 0.0])
    assert nearest_facility(CostMatrix(np.array([0, 0]), np.array([1, 0]), np.array([5.0, 5.0]), 1, 2))[0].tolist() == [0]


def test_service_area_contains_only_places_within_budget():
    net = build_network(grid_roads(9, 100.0))
    snapped = snap_points(net, np.array([[400.0, 430.0]]), 50.0)
    split, nodes = attach_points(net, snapped)
    cost = split.length
    node_cost = trees_to(build_graph(split, cost), nodes).cost[0] + snapped.distance[0]
    area = service_area(split, cost, node_cost, 300.0, 1.0, 50.0)
    # Independent check: road points every metre with their exact cost; a place is served when
    # some road point within 50 m of it plus the walk to it stays within 300 m.
    xa, xb = split.xy[split.a], split.xy[split.b]
    steps = np.linspace(0.0, 1.0, 101)
    road = (xa[:, None, :] + steps[None, :, None] * (xb - xa)[:, None, :]).reshape(-1, 2)
    along = steps[None, :] * cost[:, None]
    road_cost = np.minimum(node_cost[split.a][:, None] + along, node_cost[split.b][:, None] + cost[:, None] - along).ravel()
    rng = np.random.default_rng(0)
    probes = rng.uniform(0, 800, size=(3000, 2))
    tree = cKDTree(road)
    best = np.array([min((np.hypot(*(road[k] - p)) + road_cost[k] for k in tree.query_ball_point(p, 50.0)), default=np.inf) for p in probes])
    inside = np.array([area.contains(Point(p)) for p in probes])
    assert inside.sum() > 100
    # Every place inside is within budget (to the metre of the sampling); nearly all within 90 % of it are inside.
    assert np.all(best[inside] <= 300.0 + 1.0)
    assert inside[best <= 270.0].mean() > 0.97


def test_zones_split_roads_and_avoid_mode_leaves_the_start_zone_only():
    # A road 0–1000 m east, a bypass north of it; a hazard zone over x 400–600 of the main road.
    roads = [np.array([[0, 0], [1000, 0]]), np.array([[0, 0], [0, 300], [1000, 300], [1000, 0]])]
    net = build_network(roads)
    zones = [box(400, -50, 600, 50), box(-50, -50, 100, 50)]
    net = split_at_boundaries(net, zones)
    zone = zone_of_segments(net, zones)
    inside = net.length[zone == 0].sum()
    assert inside == pytest.approx(200.0)
    points = np.array([[50.0, 0.0], [700.0, 0.0], [1000.0, 0.0]])  # resident in zone 1, resident east, shelter
    snapped = snap_points(net, points, 10.0)
    net, nodes = attach_points(net, snapped)
    zone = zone_of_segments(net, zones)
    start = zone_of_points(points[:2], zones)
    assert start.tolist() == [1, -1]
    cost = net.length
    graphs = EvacuationGraphs(net, cost, zone, AVOID, Endpoints(nodes[:2], np.zeros(2)), start, Endpoints(nodes[2:], np.zeros(1)))
    pairs = graphs.pairs()
    # resident 0 leaves zone 1 eastwards (50 m inside), cannot cross zone 0, takes the bypass
    assert dict(zip(pairs.demand.tolist(), pairs.cost.tolist())) == pytest.approx({0: 50 + 300 + 1000 + 300, 1: 300.0})
    route = graphs.routes(np.array([0]), np.array([0]))[0]
    assert set(zone[route.segments]) <= {-1, 1}
    assert net.length[route.segments[zone[route.segments] == 1]].sum() == pytest.approx(50.0 + 50.0)  # west, then up the bypass
    # penalised × 5: east through both zones 250 + 300 + 1000 + 400, or west and the bypass 250 + 250 + 250 + 1000 + 300
    weighted = hazard_costs(cost, zone, PENALISE, 5.0, None)
    penalised = EvacuationGraphs(net, weighted, zone, PENALISE, Endpoints(nodes[:2], np.zeros(2)), start, Endpoints(nodes[2:], np.zeros(1)))
    assert penalised.pairs().cost.tolist() == pytest.approx([min(250 + 300 + 1000 + 400, 250 + 250 + 250 + 1000 + 300), 300.0])


def test_hazard_raster_weights_roads(tmp_path):
    net = build_network([np.array([[0, 5], [100, 5]]), np.array([[0, 15], [100, 15]])])
    degrees = np.zeros((2, 10), dtype=np.float32)
    degrees[1, :5] = 1.0  # southern row, western half
    path = tmp_path / "h.tif"
    write_raster(path, degrees, origin=(0.0, 20.0), cell=10.0, crs="EPSG:4547")
    mean = sample_along(net, str(path))
    assert mean.tolist() == pytest.approx([0.5, 0.0])
    assert hazard_costs(net.length, np.full(2, -1), AVOID, 3.0, mean).tolist() == pytest.approx([200.0, 100.0])
    degrees[0, 0] = 2.0
    write_raster(path, degrees, origin=(0.0, 20.0), cell=10.0, crs="EPSG:4547")
    with pytest.raises(InputError, match="between 0 and 1"):
        sample_along(net, str(path))


# ---------------------------------------------------------------------------------------------
# Hostile input (issue 10): speeds, far or unlocated points, disconnected networks,
# cancellation, shapely 1.8 and 2.


@pytest.mark.parametrize("bad", [0.0, -20.0, np.inf])
def test_a_road_speed_of_zero_or_less_or_infinite_is_refused(bad):
    roads = [np.array([[0, 0], [100, 0]]), np.array([[100, 0], [200, 0]]), np.array([[200, 0], [300, 0]])]
    with pytest.raises(InputError, match=r"1 roads .* \(roads 1\)"):
        build_network(roads, speed=[30.0, bad, np.nan])
    # NaN is "no speed": the default applies, t = 100 m / (6 km/h = 100 m/min) = 1 min
    net = build_network(roads, speed=[30.0, np.nan, np.nan])
    assert segment_costs(net, TIME, 6.0).tolist() == pytest.approx([0.2, 1.0, 1.0])
    with pytest.raises(InputError, match="positive number of km/h"):
        segment_costs(net, TIME, bad)
    with pytest.raises(InputError, match="positive number of km/h"):
        segment_costs(net, TIME, np.nan)
    assert segment_costs(net, DISTANCE, bad).tolist() == [100.0, 100.0, 100.0]  # distance needs no speed


def test_points_beyond_the_snap_distance_or_without_coordinates_reach_nothing():
    net = build_network([np.array([[0, 0], [1000, 0]])])
    # Every point far away: this used to raise IndexError.
    far = snap_points(net, np.array([[0.0, 900.0], [500.0, -700.0]]), 500.0)
    assert far.segment.tolist() == [-1, -1] and np.isinf(far.distance).all()
    mixed = snap_points(net, np.array([[10.0, 5.0], [np.nan, 0.0], [990.0, -3.0]]), 100.0)
    assert mixed.reached.tolist() == [True, False, True]
    assert mixed.distance[[0, 2]].tolist() == pytest.approx([5.0, 3.0]) and mixed.t[2] == pytest.approx(0.99)
    # MAX_SNAP 0: only points lying on a road join it.
    exact = snap_points(net, np.array([[250.0, 0.0], [250.0, 0.5]]), 0.0)
    assert exact.reached.tolist() == [True, False]


def test_disconnected_network_without_cutoff_leaves_unreachable_pairs_out():
    # Two roads that do not meet: 0–500 and 900–1500. Demand at 100 and 1000, sites at 0 and 1400.
    net = build_network([np.array([[0, 0], [500, 0]]), np.array([[900, 0], [1500, 0]])])
    points = np.array([[100.0, 0.0], [1000.0, 0.0], [0.0, 0.0], [1400.0, 0.0]])
    snapped = snap_points(net, points, 10.0)
    split, nodes = attach_points(net, snapped)
    graph = build_graph(split, split.length)
    pairs = od_costs(graph, Endpoints(nodes[:2], np.zeros(2)), Endpoints(nodes[2:], np.zeros(2)))
    assert sorted(zip(pairs.demand.tolist(), pairs.candidate.tolist(), pairs.cost.tolist())) == [(0, 0, 100.0), (1, 1, 400.0)]


def test_routing_checks_cancellation_between_chunks_of_searches():
    from territorial_resilience.algorithms.common.progress import Cancelled
    from territorial_resilience.algorithms.network import routing

    net = build_network(grid_roads(12, 100.0))
    rng = np.random.default_rng(5)
    snapped = snap_points(net, rng.uniform(0, 1100, size=(170, 2)), 60.0)
    split, nodes = attach_points(net, snapped)
    graph = build_graph(split, split.length)
    origins, destinations = Endpoints(nodes[:70], snapped.distance[:70]), Endpoints(nodes[70:], snapped.distance[70:])
    sources = len(np.unique(nodes[:70]))
    chunks = -(-sources // routing.MAX_ROWS)
    free = CancelAfter()
    reference = od_costs(graph, origins, destinations)
    pairs = od_costs(graph, origins, destinations, cancelled=free)
    assert free.calls == chunks >= 3 and np.array_equal(pairs.cost, reference.cost)
    for n in range(1, chunks + 1):
        callback = CancelAfter(n)
        with pytest.raises(Cancelled):
            od_costs(graph, origins, destinations, cancelled=callback)
        assert callback.calls == n
    # Trees towards many targets come in chunks too, and equal one search from every target.
    targets = np.unique(nodes)[:70]
    trees = trees_to(graph, targets, cancelled=CancelAfter())
    from scipy.sparse.csgraph import dijkstra

    np.testing.assert_allclose(trees.cost, dijkstra(graph.matrix.T.tocsr(), indices=targets))
    with pytest.raises(Cancelled):
        trees_to(graph, targets, cancelled=CancelAfter(2))
    with pytest.raises(Cancelled):
        service_area(split, split.length, trees.cost[0], 300.0, 1.0, 50.0, cancelled=CancelAfter(1))


def test_service_area_passes_quad_segments_positionally(monkeypatch):
    # shapely 2 renamed buffer's `resolution` to `quad_segs` (and warns on the old name): the
    # only call that works on shapely 1.8 and 2 passes it positionally. Simulate shapely 2's
    # removal of the keyword and check that the area is unchanged.
    from shapely.geometry.base import BaseGeometry

    original = BaseGeometry.buffer

    def strict(self, distance, *args, **kwargs):
        assert "resolution" not in kwargs, "buffer(resolution=...) is deprecated in shapely 2"
        return original(self, distance, *args, **kwargs)

    net = build_network(grid_roads(3, 100.0))
    snapped = snap_points(net, np.array([[100.0, 100.0]]), 10.0)
    split, nodes = attach_points(net, snapped)
    node_cost = trees_to(build_graph(split, split.length), nodes).cost[0]
    expected = service_area(split, split.length, node_cost, 50.0, 1.0, 10.0)
    monkeypatch.setattr(BaseGeometry, "buffer", strict)
    area = service_area(split, split.length, node_cost, 50.0, 1.0, 10.0)
    assert area.area == pytest.approx(expected.area) and area.area > 0


def test_a_tolerance_that_joins_every_vertex_is_refused():
    with pytest.raises(InputError, match="no road segment is left"):
        build_network([np.array([[0, 0], [100, 0]]), np.array([[100, 0], [100, 80]])], tolerance=500.0)


def test_a_graph_without_arcs_has_no_edges():
    graph = graph_from_arcs(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64), 3)
    assert graph.matrix.shape == (3, 3) and graph.matrix.nnz == 0


# --- origin–destination searches shared with worker processes (od_parallel) ----------------


def exact_grid_case(n_origins=400, n_destinations=250, seed=11):
    """A 24 × 24 grid of roads 128 m apart, three of them one-way, and points placed where
    every length is a multiple of 1/128 m: each cost is a sum of exactly representable
    numbers, so any correct shortest-path search gives it bit for bit, whichever of the tied
    paths it follows."""
    side, spacing = 24, 128.0
    roads = grid_roads(side, spacing)
    direction = np.zeros(len(roads))
    direction[[2, 9, side + 5]] = [1, -1, 1]
    net = build_network(roads, direction=direction)
    rng = np.random.default_rng(seed)
    n = n_origins + n_destinations
    along = 8.0 * rng.integers(0, (side - 1) * 16 + 1, n)
    road = spacing * rng.integers(0, side, n)
    off = rng.integers(0, 6, n).astype(float)
    horizontal = rng.random(n) < 0.5
    points = np.where(horizontal[:, None], np.c_[along, road + off], np.c_[road + off, along])
    snapped = snap_points(net, points, 10.0)
    split, nodes = attach_points(net, snapped)
    assert snapped.reached.all() and np.array_equal(snapped.distance, np.round(snapped.distance * 128) / 128)
    graph = build_graph(split, split.length)
    origins = Endpoints(nodes[:n_origins], snapped.distance[:n_origins])
    destinations = Endpoints(nodes[n_origins:], snapped.distance[n_origins:])
    return split, graph, origins, destinations


def same_pairs(a, b):
    return (
        np.array_equal(a.demand, b.demand)
        and np.array_equal(a.candidate, b.candidate)
        and np.array_equal(a.cost, b.cost)
        and a.n_demand == b.n_demand
        and a.n_candidates == b.n_candidates
    )


def test_workers_share_the_searches_and_give_the_same_costs_bit_for_bit(monkeypatch):
    from territorial_resilience.algorithms.network import od_parallel

    split, graph, origins, destinations = exact_grid_case()
    reference = networkx_graph(split, split.length)
    for cutoff in (np.inf, 2000.0):
        one = od_costs(graph, origins, destinations, cutoff, workers=1)
        log = {}
        monkeypatch.setattr(od_parallel, "SearchPool", patient_pool(log))
        shared = od_costs(graph, origins, destinations, cutoff, workers=2)
        monkeypatch.undo()
        took = [k for k, ok in log["from_workers"] if ok]
        assert log["first"] is not None and len(took) >= 1, "a worker searched some chunks"
        assert len(took) < -(-len(np.unique(destinations.node)) // 32), "and the caller the others"
        assert same_pairs(shared, one)
        # Against networkx, exactly (every cost is exactly representable): from each origin.
        expected = {}
        for i in range(len(origins)):
            lengths = nx.single_source_dijkstra_path_length(reference, int(origins.node[i]))
            for j in range(len(destinations)):
                total = lengths.get(int(destinations.node[j]), np.inf) + origins.access[i] + destinations.access[j]
                if total <= cutoff:
                    expected[(i, j)] = total
        got = {(int(i), int(j)): c for i, j, c in zip(shared.demand, shared.candidate, shared.cost)}
        assert got == expected and len(got) > 10000


def test_workers_that_cannot_start_or_refuse_leave_their_chunks_to_the_caller(monkeypatch):
    from territorial_resilience.algorithms.network import od_parallel

    _, graph, origins, destinations = exact_grid_case()
    one = od_costs(graph, origins, destinations, workers=1)

    def cannot_start(*args, **kwargs):
        raise OSError("no process may be started here")

    monkeypatch.setattr(od_parallel, "ProcessPoolExecutor", cannot_start)
    assert same_pairs(od_costs(graph, origins, destinations, workers=2), one)
    monkeypatch.undo()
    # A worker whose numpy, scipy or Python differ from the caller's refuses the graph: the
    # caller searches the chunks it took.
    log = {}
    monkeypatch.setattr(od_parallel, "SearchPool", patient_pool(log))
    monkeypatch.setattr(od_parallel, "versions", lambda: ((3, 0), "0", "0"))
    assert same_pairs(od_costs(graph, origins, destinations, workers=2), one)
    assert log["first"] is None and log["from_workers"] and not any(ok for _, ok in log["from_workers"])


def test_cancelling_with_workers_raises_and_the_workers_end(monkeypatch):
    import multiprocessing
    import time

    from territorial_resilience.algorithms.common.progress import Cancelled
    from territorial_resilience.algorithms.network import od_parallel

    _, graph, origins, destinations = exact_grid_case()
    # Cancelled while the caller searches its own chunks …
    callback = CancelAfter(2)
    with pytest.raises(Cancelled):
        od_costs(graph, origins, destinations, workers=2, cancelled=callback)
    assert callback.calls == 2
    # … and while it waits for the workers' chunks.
    log = {}
    monkeypatch.setattr(od_parallel, "SearchPool", patient_pool(log))
    with pytest.raises(Cancelled):
        od_costs(graph, origins, destinations, workers=2, cancelled=lambda: log.get("collecting", False))
    waited = time.monotonic()
    while multiprocessing.active_children() and time.monotonic() - waited < 120:
        time.sleep(0.1)
    assert multiprocessing.active_children() == []


def test_small_searches_stay_in_one_process(monkeypatch):
    from territorial_resilience.algorithms.network import od_parallel, routing

    _, graph, origins, destinations = exact_grid_case()
    # 250 searches × 2 300 arcs is far below PARALLEL_MIN_ARC_SCANS: no pool is started.
    assert len(np.unique(destinations.node)) * graph.matrix.nnz < routing.PARALLEL_MIN_ARC_SCANS

    def no_pool(*args, **kwargs):
        raise AssertionError("a worker process was started for a small matrix")

    monkeypatch.setattr(od_parallel, "SearchPool", no_pool)
    od_costs(graph, origins, destinations)
    monkeypatch.setattr(od_parallel, "available_cores", lambda: 2)
    assert routing._processes(None, 8, routing.PARALLEL_MIN_ARC_SCANS) == 2
    assert routing._processes(None, 8, routing.PARALLEL_MIN_ARC_SCANS - 1) == 1
    assert routing._processes(None, 1, 10 * routing.PARALLEL_MIN_ARC_SCANS) == 1  # one chunk: nothing to share
    assert routing._processes(4, 3, 0) == 3


def test_worker_interpreter_inside_an_embedding_program(monkeypatch, tmp_path):
    import sys
    import types

    from territorial_resilience.algorithms.network import od_parallel

    major, minor = sys.version_info[:2]

    def executable_file(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")
        path.chmod(0o755)
        return path

    real = executable_file(tmp_path / "usr" / "bin" / f"python{major}.{minor}")
    shim = executable_file(tmp_path / "pyenv" / "shims" / "python3")
    venv = tmp_path / "venv" / "bin" / "python"
    venv.parent.mkdir(parents=True)
    venv.symlink_to(real)
    qgis = executable_file(tmp_path / "usr" / "bin" / "qgis.bin")
    monkeypatch.setattr(sys, "exec_prefix", str(tmp_path / "usr"))
    monkeypatch.setattr(sys, "platform", "linux")
    # A Python interpreter (a venv's too) runs the workers itself …
    monkeypatch.setattr(od_parallel, "_running_binary", lambda: str(real))
    for executable in (real, venv):
        monkeypatch.setattr(sys, "executable", str(executable))
        assert od_parallel.python_executable() == str(executable)
    # … and where it is not known which program runs, a "python…" file is trusted.
    monkeypatch.setattr(od_parallel, "_running_binary", lambda: None)
    monkeypatch.setattr(sys, "executable", str(shim))
    assert od_parallel.python_executable() == str(shim)
    # A Python whose sys.executable is another python3 of the PATH runs itself.
    monkeypatch.setattr(od_parallel, "_running_binary", lambda: str(real))
    assert od_parallel.python_executable() == str(real)
    # QGIS desktop on Debian 12: the program is qgis.bin and sys.executable the first
    # python3 of the PATH (here a pyenv shim: another Python, whose numpy failed to import
    # with QGIS's sys.path). The interpreter of QGIS's own prefix runs the workers.
    monkeypatch.setattr(od_parallel, "_running_binary", lambda: str(qgis))
    for executable in (shim, qgis):
        monkeypatch.setattr(sys, "executable", str(executable))
        assert od_parallel.python_executable() == str(real)
    real.unlink()
    assert od_parallel.python_executable() is None  # none in the prefix: one process
    # Windows (OSGeo4W): pythonw.exe beside the prefix, so that no console window opens.
    monkeypatch.setattr(od_parallel, "_running_binary", lambda: None)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "usr" / "bin" / "qgis-bin.exe"))
    monkeypatch.setattr(sys, "exec_prefix", str(tmp_path / "apps" / "Python312"))
    executable_file(tmp_path / "apps" / "Python312" / "python.exe")
    assert od_parallel.python_executable() == str(tmp_path / "apps" / "Python312" / "python.exe")
    executable_file(tmp_path / "apps" / "Python312" / "pythonw.exe")
    assert od_parallel.python_executable() == str(tmp_path / "apps" / "Python312" / "pythonw.exe")
    # A host that ran a script as __main__: spawn would run it again in the worker; none.
    script = types.ModuleType("__main__")
    script.__file__, script.__spec__ = str(tmp_path / "startup.py"), None
    monkeypatch.setitem(sys.modules, "__main__", script)
    assert od_parallel.python_executable() is None


def test_a_worker_that_never_answers_is_not_waited_for_forever(monkeypatch):
    import threading
    from concurrent.futures import Future

    from territorial_resilience.algorithms.network import od_parallel

    # A pool whose worker took chunk 3 and hangs: after PATIENCE (+ twice the caller's time
    # per chunk) the chunk comes back as None, for the caller to search; the cancel check
    # ran meanwhile.
    monkeypatch.setattr(od_parallel, "PATIENCE", 0.3)
    pool = od_parallel.SearchPool.__new__(od_parallel.SearchPool)
    hung = Future()
    hung.set_running_or_notify_cancel()
    pool._lock, pool._futures, pool._claimed = threading.Lock(), {3: hung}, set()
    checks = []
    assert list(pool.collect(0.0, lambda: checks.append(1))) == [(3, None)]
    assert len(checks) >= 2


def test_coverage_curve_counts_people_at_or_below_each_cost():
    cost = np.array([0.0, 10.0, 10.0, 25.0, np.inf])
    people = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    steps, shares = coverage_curve(cost, people, total=20.0, largest=20.0, points=5)  # 5 more people were not located
    assert steps.tolist() == [0.0, 5.0, 10.0, 15.0, 20.0]
    assert shares.tolist() == pytest.approx([5.0, 5.0, 30.0, 30.0, 30.0])
    assert coverage_curve(cost, people, total=0.0, largest=20.0, points=3)[1].tolist() == [0.0, 0.0, 0.0]


def test_capacity_balance_by_hand():
    # assigned 100 / 300 / 40 people; capacities 80, 400, unknown (NaN); population 500.
    balance = capacity_balance(np.array([100.0, 300.0, 40.0]), np.array([80.0, 400.0, np.nan]), 500.0)
    assert balance.total_capacity == 480.0
    assert balance.gap == 20.0  # 500 − 480
    assert balance.beyond.tolist() == [20.0, 0.0, 40.0]  # unknown capacity counts 0
    assert balance.overloaded == 2
    assert capacity_balance(np.array([10.0]), np.array([50.0]), 30.0).gap == 0.0
