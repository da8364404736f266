"""Network criticality (N−1 and scenarios) against brute force: networkx re-runs every
shortest path with each element removed, on hand-made and random networks."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.network import criticality as crit
from territorial_resilience.algorithms.network.graph import build_network
from territorial_resilience.algorithms.network.routing import Endpoints, road_arcs


def grid(nx_: int, ny: int, rng, drop: float = 0.0, oneway: float = 0.0, parallel: float = 0.0):
    roads = []
    for i in range(nx_):
        for j in range(ny):
            if i + 1 < nx_:
                roads.append(np.array([[i, j], [i + 1, j]], float) * 100)
            if j + 1 < ny:
                roads.append(np.array([[i, j], [i, j + 1]], float) * 100)
    roads = [r for r in roads if rng.random() >= drop]
    roads += [r for r in roads if rng.random() < parallel]  # parallel roads between the same nodes
    direction = np.where(rng.random(len(roads)) < oneway, rng.choice([1, -1], len(roads)), 0)
    return build_network(roads, None, direction)


def brute_access(net, cost, demand, facilities, closed):
    """Cost and nearest facility of every demand point, by networkx on the network without
    the closed segments (facilities with node −1 are gone)."""
    rows, cols, seg = road_arcs(net, ~closed)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(net.n_nodes))
    for r, c, s in zip(rows, cols, seg):
        w = max(cost[s], 1e-12)
        if not graph.has_edge(r, c) or graph[r][c]["weight"] > w:
            graph.add_edge(int(r), int(c), weight=w)
    reverse = graph.reverse()
    best = np.full(len(demand), np.inf)
    label = np.full(len(demand), -1)
    for k in range(len(facilities)):
        if facilities.node[k] < 0:
            continue
        d = nx.single_source_dijkstra_path_length(reverse, int(facilities.node[k]))
        for i in range(len(demand)):
            if demand.node[i] >= 0 and int(demand.node[i]) in d:
                c = d[int(demand.node[i])] + demand.access[i] + facilities.access[k]
                if c < best[i] - 1e-9:
                    best[i], label[i] = c, k
    return best, label


def brute_measures(net, cost, demand, population, facilities, capacity, threshold, elements, closed):
    """(lost, cut off, Δ mean cost, overloaded) per element, road elements then facilities."""
    before, label = brute_access(net, cost, demand, facilities, closed)
    load = np.bincount(label[label >= 0], population[label >= 0], minlength=len(facilities))
    rows = []
    for k in range(len(elements) + len(facilities)):
        shut, ends = closed.copy(), facilities
        if k < len(elements):
            shut[elements.members(k)] = True
        else:
            nodes = facilities.node.copy()
            nodes[k - len(elements)] = -1
            ends = Endpoints(nodes, facilities.access)
        after, new = brute_access(net, cost, demand, ends, shut)
        lost = population[(before <= threshold) & (after > threshold)].sum()
        cut = population[np.isfinite(before) & ~np.isfinite(after)].sum()
        still = np.isfinite(after)
        increase = (population[still] * (after[still] - before[still])).sum() / population[still].sum() if still.any() else 0.0
        new_load = np.bincount(new[new >= 0], population[new >= 0], minlength=len(facilities))
        hit = np.isfinite(capacity) & (load <= capacity) & (new_load > capacity + 1e-9)
        if k >= len(elements):
            hit[k - len(elements)] = False
        rows.append((lost, cut, increase, hit.sum()))
    return np.array(rows), before


@pytest.mark.parametrize("seed", range(10))
def test_n_minus_one_equals_brute_force_on_random_networks(seed):
    rng = np.random.default_rng(seed)
    net = grid(5 + seed % 3, 5, rng, drop=0.2, oneway=0.3, parallel=0.1)
    cost = net.length * rng.uniform(0.5, 2.0, net.n_segments)
    nd, nf = 20, 1 + seed % 4
    demand = Endpoints(np.where(rng.random(nd) < 0.1, -1, rng.integers(0, net.n_nodes, nd)), rng.uniform(0, 50, nd))
    facilities = Endpoints(rng.integers(0, net.n_nodes, nf), rng.uniform(0, 50, nf))
    population = rng.uniform(1, 100, nd)
    capacity = np.full(nf, population.sum() / nf * 0.9)
    closed = rng.random(net.n_segments) < 0.1 if seed % 2 else np.zeros(net.n_segments, bool)
    # Elements: random groups of segments (some segments in none).
    elements = crit.Elements.from_labels(rng.integers(-1, net.n_segments // 2, net.n_segments))
    measures, access = crit.n_minus_one(net, cost, demand, population, facilities, 500.0, elements, True, capacity, closed=closed)
    expected, before = brute_measures(net, cost, demand, population, facilities, capacity, 500.0, elements, closed)
    assert np.allclose(access.cost, before)
    got = np.stack([measures.lost_access, measures.cut_off, measures.mean_cost_increase, measures.overloaded], axis=1)
    assert np.allclose(got, expected, rtol=1e-9, atol=1e-9)
    # Only elements on some shortest path were searched again.
    assert measures.searched <= len(measures)


def test_scenario_against_brute_force():
    rng = np.random.default_rng(7)
    net = grid(7, 6, rng, drop=0.1, oneway=0.2)
    cost = net.length * rng.uniform(0.5, 2.0, net.n_segments)
    demand = Endpoints(rng.integers(0, net.n_nodes, 30), rng.uniform(0, 30, 30))
    facilities = Endpoints(rng.integers(0, net.n_nodes, 3), np.zeros(3))
    population = rng.uniform(1, 10, 30)
    closed = rng.random(net.n_segments) < 0.2
    result = crit.scenario(net, cost, demand, population, facilities, 400.0, closed)
    intact, _ = brute_access(net, cost, demand, facilities, np.zeros(net.n_segments, bool))
    damaged, _ = brute_access(net, cost, demand, facilities, closed)
    assert np.allclose(result.before.cost, intact) and np.allclose(result.after.cost, damaged)
    lost = population[(intact <= 400.0) & (damaged > 400.0)].sum()
    assert result.impact.lost_access == pytest.approx(lost)
    # Nothing closed: nothing changes; everything closed: every person off the facility's node is cut off.
    none = crit.scenario(net, cost, demand, population, facilities, 400.0, np.zeros(net.n_segments, bool))
    assert none.impact == crit.Impact(0.0, 0.0, 0.0, 0, 0.0)
    everything = crit.scenario(net, cost, demand, population, facilities, 400.0, np.ones(net.n_segments, bool))
    at_facility = np.isin(demand.node, facilities.node)
    assert everything.impact.cut_off == pytest.approx(population[~at_facility & np.isfinite(intact)].sum())


def path_network(n: int):
    """A line of n nodes 100 m apart (a tree: every segment is a bridge)."""
    return build_network([np.array([[100.0 * i, 0.0], [100.0 * (i + 1), 0.0]]) for i in range(n - 1)])


def test_every_edge_of_a_tree_is_a_bridge():
    net = path_network(6)  # nodes 0 … 5, facility at node 0, one person at every other node
    demand = Endpoints(np.arange(1, 6), np.zeros(5))
    facilities = Endpoints(np.array([0]), np.zeros(1))
    population = np.ones(5)
    elements = crit.Elements.from_labels(net.road)
    measures, access = crit.n_minus_one(net, net.length, demand, population, facilities, 1000.0, elements)
    assert np.allclose(access.cost, [100, 200, 300, 400, 500])
    # Segment k (between nodes k and k+1) cuts the 5 − k people beyond it from the facility.
    assert np.allclose(measures.cut_off, [5, 4, 3, 2, 1])
    assert np.allclose(measures.lost_access, [5, 4, 3, 2, 1])
    assert list(measures.rank) == [1, 2, 3, 4, 5]
    assert list(measures.klass) == [4, 4, 4, 4, 4]


def test_a_ring_survives_any_single_loss():
    n = 8
    angle = 2 * np.pi * np.arange(n) / n
    xy = np.stack([np.cos(angle), np.sin(angle)], axis=1) * 1000
    net = build_network([np.array([xy[i], xy[(i + 1) % n]]) for i in range(n)])
    demand = Endpoints(np.arange(1, n), np.zeros(n - 1))
    facilities = Endpoints(np.array([0]), np.zeros(1))
    population = np.full(n - 1, 10.0)
    measures, access = crit.n_minus_one(net, net.length, demand, population, facilities, 1e9, crit.Elements.from_labels(net.road))
    assert not measures.cut_off.any() and not measures.lost_access.any()
    side = np.linalg.norm(xy[1] - xy[0])
    # Losing the segment next to the facility sends the person beside it round the other way.
    first = int(np.flatnonzero((net.a == 0) | (net.b == 0))[0])
    assert measures.mean_cost_increase.max() > 0
    assert measures.affected[net.road[first]] > 0
    assert access.cost.min() == pytest.approx(side)


def test_facility_loss_shifts_demand_and_overloads():
    # Facilities at both ends of a 4-segment line; capacity 2 persons each; one person per node 1…3.
    net = path_network(5)
    demand = Endpoints(np.array([1, 2, 3]), np.zeros(3))
    facilities = Endpoints(np.array([0, 4]), np.zeros(2))
    population = np.ones(3)
    measures, access = crit.n_minus_one(net, net.length, demand, population, facilities, 250.0, None, True, np.array([2.0, 2.0]))
    # Node 2 is 200 m from both: equal costs, ties are not part of the contract; nodes 1 and 3 are clear.
    assert access.nearest[0] == 0 and access.nearest[2] == 1
    # Losing facility 0: node 1 goes to facility 1 at 300 m > 250 m (node 2 still has it at 200 m),
    # and the load of facility 1 becomes 3 > 2.
    k = 0
    assert measures.lost_access[k] == pytest.approx(1.0)
    assert measures.overloaded[k] == 1
    assert measures.cut_off[k] == 0


def test_elements_off_every_path_change_nothing():
    # A spur leading nowhere: its loss changes nobody's cost and it is never searched.
    roads = [np.array([[0.0, 0.0], [100.0, 0.0]]), np.array([[100.0, 0.0], [200.0, 0.0]]), np.array([[100.0, 0.0], [100.0, 100.0]])]
    net = build_network(roads)
    demand = Endpoints(np.array([2]), np.zeros(1))
    facilities = Endpoints(np.array([0]), np.zeros(1))
    measures, _ = crit.n_minus_one(net, net.length, demand, np.ones(1), facilities, 150.0, crit.Elements.from_labels(net.road))
    assert list(measures.cut_off) == [1.0, 1.0, 0.0]
    assert measures.klass[2] == 0 and measures.searched == 2  # the spur carries no demand: not searched


def test_bad_input():
    net = path_network(3)
    demand = Endpoints(np.array([1]), np.zeros(1))
    with pytest.raises(InputError, match="No facility"):
        crit.n_minus_one(net, net.length, demand, np.ones(1), Endpoints(np.array([-1]), np.array([np.inf])), 10.0)
    with pytest.raises(InputError, match="THRESHOLD"):
        crit.n_minus_one(net, net.length, demand, np.ones(1), Endpoints(np.array([0]), np.zeros(1)), 0.0)


def test_disconnected_network():
    # Two separate lines; the facility on the first: the second's people are unserved before and after.
    roads = [np.array([[0.0, 0.0], [100.0, 0.0]]), np.array([[0.0, 500.0], [100.0, 500.0]])]
    net = build_network(roads)
    demand = Endpoints(np.array([1, 2, 3]), np.zeros(3))
    facilities = Endpoints(np.array([0]), np.zeros(1))
    measures, access = crit.n_minus_one(net, net.length, demand, np.array([1.0, 5.0, 7.0]), facilities, 500.0, crit.Elements.from_labels(net.road))
    assert np.isinf(access.cost[1:]).all()
    assert list(measures.cut_off) == [1.0, 0.0]


def test_covered_share_against_brute_force():
    rng = np.random.default_rng(3)
    net = grid(6, 6, rng, drop=0.15, oneway=0.2)
    cost = net.length * rng.uniform(0.5, 2.0, net.n_segments)
    demand = Endpoints(rng.integers(0, net.n_nodes, 40), rng.uniform(0, 40, 40))
    facilities = Endpoints(rng.integers(0, net.n_nodes, 3), rng.uniform(0, 40, 3))
    population = rng.uniform(1, 10, 40)
    closed = rng.random(net.n_segments) < 0.2
    for threshold in (200.0, 450.0, 900.0):
        best, _ = brute_access(net, cost, demand, facilities, closed)
        expected = population[best <= threshold].sum() / (population.sum() + 5.0)
        assert crit.covered_share(net, cost, demand, population, facilities, threshold, closed, population.sum() + 5.0) == pytest.approx(expected)


def test_segments_above_a_raster_threshold(tmp_path):
    import rasterio
    from rasterio.transform import from_origin

    # 10 m cells over x 0 … 300, y 0 … 100 (north-up); a 0.5 m deep pool over x 100–120, y 0–100.
    depth = np.zeros((10, 30), dtype=np.float32)
    depth[:, 10:12] = 0.5
    depth[0, 0] = -9999.0  # nodata never exceeds
    path = tmp_path / "depth.tif"
    profile = dict(
        driver="GTiff", width=30, height=10, count=1, dtype="float32", crs="EPSG:4547", transform=from_origin(0, 100, 10, 10), nodata=-9999.0
    )
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(depth, 1)
    roads = [np.array([[0.0, 50.0], [95.0, 50.0]]), np.array([[95.0, 50.0], [150.0, 50.0]]), np.array([[150.0, 50.0], [290.0, 50.0]])]
    net = build_network(roads)
    assert list(crit.segments_above(net, str(path), 0.3)) == [False, True, False]
    assert not crit.segments_above(net, str(path), 0.6).any()
    with pytest.raises(InputError, match="cannot be read"):
        crit.segments_above(net, str(tmp_path / "missing.tif"), 0.3)


def test_cancellation_stops_the_n_minus_one_loop():
    from territorial_resilience.algorithms.common.progress import Cancelled

    net = path_network(4)
    demand = Endpoints(np.array([3]), np.zeros(1))
    with pytest.raises(Cancelled):
        crit.n_minus_one(
            net,
            net.length,
            demand,
            np.ones(1),
            Endpoints(np.array([0]), np.zeros(1)),
            1e3,
            crit.Elements.from_labels(net.road),
            cancelled=lambda: True,
        )
