"""Robustness curves: efficiency and betweenness against networkx, removal orders against a
networkx simulation, and the known threshold of bond percolation on the square lattice."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.network import robustness as rob


def lines_of(graph: nx.Graph, n: int) -> list[np.ndarray]:
    """One straight line per edge between points placed by node id (distinct positions)."""
    xy = np.stack([np.arange(n) * 10.0, (np.arange(n) % 7) * 3.0], axis=1)
    return [np.array([xy[a], xy[b]]) for a, b in graph.edges()]


def as_nx(g: rob.LineGraph) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(range(g.n_nodes))
    graph.add_edges_from(zip(g.u[g.links].tolist(), g.v[g.links].tolist()))
    return graph


def lattice(n: int) -> list[np.ndarray]:
    roads = []
    for i in range(n):
        for j in range(n):
            if i + 1 < n:
                roads.append(np.array([[i, j], [i + 1, j]], float))
            if j + 1 < n:
                roads.append(np.array([[i, j], [i, j + 1]], float))
    return roads


@pytest.mark.parametrize("seed", range(4))
def test_betweenness_and_efficiency_equal_networkx(seed):
    source = nx.gnm_random_graph(40, 70 + 10 * seed, seed=seed)
    g = rob.line_graph(lines_of(source, 40))
    graph = as_nx(g)
    nodes, links = rob.betweenness(g.n_nodes, g.u, g.v, sample=None)
    expected = nx.betweenness_centrality(graph, normalized=False)
    assert np.allclose(nodes, [expected[i] for i in range(g.n_nodes)])
    expected_links = nx.edge_betweenness_centrality(graph, normalized=False)
    assert np.allclose(links, [expected_links.get((a, b), expected_links.get((b, a))) for a, b in zip(g.u, g.v)])
    alive = np.ones(g.n_nodes, dtype=bool)
    assert rob.global_efficiency(g.n_nodes, alive, g.u, g.v, sample=None) == pytest.approx(nx.global_efficiency(graph))
    # Removed nodes count as unreachable over the original N(N − 1) pairs.
    dead = np.arange(0, g.n_nodes, 3)
    alive[dead] = False
    keep = alive[g.u] & alive[g.v]
    damaged = graph.subgraph(np.flatnonzero(alive).tolist())
    m, n = damaged.number_of_nodes(), g.n_nodes
    assert rob.global_efficiency(n, alive, g.u[keep], g.v[keep], sample=None) == pytest.approx(
        nx.global_efficiency(damaged) * m * (m - 1) / (n * (n - 1))
    )


def test_bfs_distances_equal_networkx():
    source = nx.gnm_random_graph(60, 80, seed=11)  # several components
    g = rob.line_graph(lines_of(source, 60))
    graph = as_nx(g)
    adjacency = rob._adjacency(g.n_nodes, g.u, g.v)
    for s in range(0, g.n_nodes, 7):
        d = rob.bfs_distances(adjacency, s)
        expected = nx.single_source_shortest_path_length(graph, s)
        assert all(d[v] == expected[v] for v in expected)
        assert np.isinf(d[[v for v in range(g.n_nodes) if v not in expected]]).all()


def test_targeted_betweenness_recomputed_after_each_removal_against_networkx():
    source = nx.gnm_random_graph(30, 45, seed=5)
    g = rob.line_graph(lines_of(source, 30))
    curve = rob.robustness_curve(g, rob.BETWEENNESS, rob.NODES, steps=g.n_nodes, sample=None)
    graph = as_nx(g)
    largest = [1.0]
    order = []
    while graph.number_of_nodes():
        score = nx.betweenness_centrality(graph, normalized=False)
        victim = min(graph.nodes, key=lambda v: (-round(score[v], 9), v))
        order.append(victim)
        graph.remove_node(victim)
        largest.append(max((len(c) for c in nx.connected_components(graph)), default=0) / g.n_nodes)
    assert list(curve.order) == order
    assert np.allclose(curve.largest, largest)


def test_degree_attack_on_a_star():
    # Hub 0 and four leaves: removing the hub leaves isolated nodes (s = 1/5).
    lines = [np.array([[0.0, 0.0], [np.cos(a), np.sin(a)]]) for a in np.arange(4) * np.pi / 2]
    g = rob.line_graph(lines)
    curve = rob.robustness_curve(g, rob.DEGREE, rob.NODES, steps=5)
    assert np.allclose(curve.largest, [1, 0.2, 0.2, 0.2, 0.2, 0])
    assert curve.order[0] == 0
    assert curve.critical_fraction == pytest.approx(0.125)  # 0.5 reached between 0 (s = 1) and 0.2 (s = 0.2)
    assert curve.robustness == pytest.approx(0.2 * ((1 + 0.2) / 2 + 0.2 * 3 + 0.1))


def test_a_ring_survives_any_single_link_loss():
    n = 12
    angle = 2 * np.pi * np.arange(n) / n
    xy = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    g = rob.line_graph([np.array([xy[i], xy[(i + 1) % n]]) for i in range(n)])
    for removal in (rob.RANDOM, rob.DEGREE, rob.BETWEENNESS):
        curve = rob.robustness_curve(g, removal, rob.EDGES, steps=n, repetitions=3, seed=2)
        assert curve.largest[1] == 1.0  # one link lost: still one component
        assert curve.largest[-1] == pytest.approx(1 / n)


def test_bond_percolation_threshold_of_the_square_lattice():
    # Random removal of links of a 120 × 120 lattice: the giant component breaks up when about
    # half of the links are gone (bond percolation threshold p_c = 1/2; Kesten 1980).
    g = rob.line_graph(lattice(120))
    curve = rob.robustness_curve(g, rob.RANDOM, rob.EDGES, steps=100, repetitions=2, seed=4, sample=5)
    assert curve.critical_fraction == pytest.approx(0.5, abs=0.04)
    assert curve.largest[30] > 0.85 and curve.largest[70] < 0.05


def test_line_graph_joins_end_points_within_tolerance():
    lines = [np.array([[0.0, 0.0], [5.0, 5.0], [10.0, 0.0]]), np.array([[10.2, 0.0], [20.0, 0.0]]), np.array([[3.0, 3.0], [3.0, 3.0]])]
    g = rob.line_graph(lines, tolerance=0.5)
    assert g.n_nodes == 4  # the loop's single point is a node of its own
    assert g.v[0] == g.u[1] and list(g.links) == [0, 1]
    assert rob.line_graph(lines).n_nodes == 5
    with pytest.raises(InputError):
        rob.line_graph([np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 0.0]])])


def test_priority_order_and_probe():
    path = [np.array([[float(i), 0.0], [i + 1.0, 0.0]]) for i in range(4)]  # 5 nodes on a line
    g = rob.line_graph(path)
    seen = []

    def probe(dead_nodes, dead_lines):
        seen.append(int(dead_lines.sum()))
        return 1.0 - dead_lines.mean()

    curve = rob.robustness_curve(g, rob.PRIORITY, rob.EDGES, steps=4, priority=np.array([0.0, 3.0, 1.0, 2.0]), probe=probe)
    assert list(curve.order) == [1, 3, 2, 0]
    assert seen == [0, 1, 2, 3, 4] and np.allclose(curve.covered, [1, 0.75, 0.5, 0.25, 0])
    assert np.allclose(curve.largest, [1, 0.6, 0.4, 0.4, 0.2])


def test_cancellation_reaches_the_betweenness_sources():
    from territorial_resilience.algorithms.common.progress import Cancelled

    g = rob.line_graph(lattice(6))
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1  # the step check passes, the first betweenness check stops

    with pytest.raises(Cancelled):
        rob.robustness_curve(g, rob.BETWEENNESS, rob.NODES, steps=3, cancelled=cancelled)
    assert len(calls) == 2
