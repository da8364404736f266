"""Conefor indices against a brute-force networkx implementation of their definitions."""

from __future__ import annotations

import math
import threading

import networkx as nx
import numpy as np
import pytest
from shapely.geometry import Point, box

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.common.progress import Cancelled
from territorial_resilience.algorithms.ecology import connectivity as connectivity_module
from territorial_resilience.algorithms.ecology.connectivity import (
    Links,
    connectivity,
    decay_constant,
    distance_curve,
    edge_distances,
    global_indices,
    prune_dominated,
    search_distance,
)


def brute_indices(areas, pairs, threshold, probability, al, removed=None):
    """IIC, PC numerators and components straight from the definitions (networkx), without `removed`."""
    k = -math.log(probability) / threshold
    nodes = [i for i in range(len(areas)) if i != removed]
    gb, gp = nx.Graph(), nx.Graph()
    gb.add_nodes_from(nodes)
    gp.add_nodes_from(nodes)
    for i, j, d in pairs:
        if removed in (i, j):
            continue
        if d <= threshold:
            gb.add_edge(i, j)
        gp.add_edge(i, j, weight=k * d)
    nl = dict(nx.all_pairs_shortest_path_length(gb))
    cost = dict(nx.all_pairs_dijkstra_path_length(gp, weight="weight"))
    iic = sum(areas[i] * areas[j] / (1 + nl[i][j]) for i in nodes for j in nodes if j in nl[i])
    pc = sum(areas[i] * areas[j] * math.exp(-cost[i][j]) for i in nodes for j in nodes if j in cost[i])
    return iic, pc, nx.number_connected_components(gb)


def brute_importance(areas, pairs, threshold, probability, al):
    n = len(areas)
    iic, pc, _ = brute_indices(areas, pairs, threshold, probability, al)
    k = -math.log(probability) / threshold
    gp = nx.Graph()
    gp.add_nodes_from(range(n))
    for i, j, d in pairs:
        gp.add_edge(i, j, weight=k * d)
    cost = dict(nx.all_pairs_dijkstra_path_length(gp, weight="weight"))
    rows = []
    for r in range(n):
        iic_r, pc_r, _ = brute_indices(areas, pairs, threshold, probability, al, removed=r)
        intra = 100 * areas[r] ** 2 / pc
        flux = 100 * sum(2 * areas[r] * areas[j] * math.exp(-cost[r][j]) for j in range(n) if j != r and j in cost[r]) / pc
        dpc = 100 * (pc - pc_r) / pc
        rows.append((100 * (iic - iic_r) / iic, dpc, intra, flux, dpc - intra - flux))
    return iic / al**2, pc / al**2, np.array(rows)


def check_against_brute(areas, pairs, threshold, probability, al):
    iic, pc, rows = brute_importance(areas, pairs, threshold, probability, al)
    for method in ("floyd", "dijkstra"):
        result = check_result(areas, pairs, threshold, probability, al, method, iic, pc, rows)
    return result


def check_result(areas, pairs, threshold, probability, al, method, iic, pc, rows):
    result = connectivity(areas, Links.of(pairs), threshold, probability, al, method=method)
    assert result.iic == pytest.approx(iic, rel=1e-9)
    assert result.pc == pytest.approx(pc, rel=1e-9)
    assert result.ec_pc == pytest.approx(math.sqrt(pc) * al, rel=1e-9)
    assert result.components == brute_indices(areas, pairs, threshold, probability, al)[2]
    for got, want in zip((result.d_iic, result.d_pc, result.d_pc_intra, result.d_pc_flux, result.d_pc_connector), rows.T):
        np.testing.assert_allclose(got, want, rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(result.d_pc, result.d_pc_intra + result.d_pc_flux + result.d_pc_connector, rtol=1e-12)
    return result


def test_two_patches_by_hand():
    # a = 10, 20 ha, 100 m apart; P = 0.5 at 100 m → p = 0.5; A_L = 100 ha
    r = connectivity([10.0, 20.0], Links.of([(0, 1, 100.0)]), 100.0, 0.5, 100.0)
    pc_num = 100 + 400 + 2 * 10 * 20 * 0.5
    assert r.pc == pytest.approx(pc_num / 1e4)
    assert r.iic == pytest.approx((100 + 400 + 2 * 200 / 2) / 1e4)
    assert r.ec_pc == pytest.approx(math.sqrt(pc_num))
    assert r.components == 1
    # removing patch 0 leaves 400
    assert r.d_pc[0] == pytest.approx(100 * (pc_num - 400) / pc_num)
    assert r.d_pc_intra[0] == pytest.approx(100 * 100 / pc_num)
    assert r.d_pc_flux[0] == pytest.approx(100 * 200 / pc_num)
    assert r.d_pc_connector[0] == pytest.approx(0.0, abs=1e-12)
    assert list(r.rank) == [2, 1]


def test_stepping_stone_is_a_connector():
    # 0 — 1 — 2 in a line, 0 and 2 only linked through the small patch 1
    areas = [50.0, 1.0, 50.0]
    pairs = [(0, 1, 50.0), (1, 2, 50.0), (0, 2, 400.0)]
    r = check_against_brute(areas, pairs, 100.0, 0.5, 1000.0)
    assert r.d_pc_connector[1] > 10
    assert r.d_pc_connector[0] == pytest.approx(0.0, abs=1e-9)
    # binary graph at 100 m: one component, nl(0, 2) = 2
    assert r.iic == pytest.approx((2500 + 1 + 2500 + 2 * 50 / 2 * 2 + 2 * 2500 / 3) / 1e6)


def test_touching_patches_have_probability_one():
    r = connectivity([1.0, 1.0], Links.of([(0, 1, 0.0)]), 10.0, 0.1, 10.0)
    assert r.pc == pytest.approx(4 / 100)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_random_patch_sets_complete_graphs(seed):
    rng = np.random.default_rng(seed)
    n = 18
    xy = rng.uniform(0, 2000, (n, 2))
    areas = list(rng.uniform(0.5, 30, n))
    pairs = [(i, j, float(np.hypot(*(xy[i] - xy[j])))) for i in range(n) for j in range(i + 1, n)]
    check_against_brute(areas, pairs, 300.0 + 100 * seed, [0.5, 0.2, 0.05, 0.8][seed], 500.0)


def test_random_sparse_graph_with_several_components():
    rng = np.random.default_rng(7)
    n = 25
    xy = rng.uniform(0, 5000, (n, 2))
    areas = list(rng.uniform(1, 10, n))
    pairs = [(i, j, float(np.hypot(*(xy[i] - xy[j])))) for i in range(n) for j in range(i + 1, n)]
    pairs = [p for p in pairs if p[2] < 1500]
    r = check_against_brute(areas, pairs, 600.0, 0.3, 2500.0)
    assert r.components > 1
    assert sorted(set(r.component)) == list(range(1, r.components + 1))


def test_dense_random_graph_goes_through_pruning():
    # discs: edge-to-edge distances, so paths through a patch are shorter and dominate long links;
    # the dominated links are pruned and the result must not change
    rng = np.random.default_rng(11)
    n = 30
    xy = rng.uniform(0, 1000, (n, 2))
    radius = rng.uniform(10, 60, n)
    areas = list(math.pi * radius**2 / 1e4)
    pairs = [(i, j, float(max(0.0, np.hypot(*(xy[i] - xy[j])) - radius[i] - radius[j]))) for i in range(n) for j in range(i + 1, n)]
    links = Links.of(pairs)
    k = decay_constant(200.0, 0.4)
    assert prune_dominated(n, links, k).i.size < links.i.size
    check_against_brute(areas, pairs, 200.0, 0.4, 1000.0)


def test_one_patch_only():
    r = connectivity([4.0], Links.of([]), 100.0, 0.5, 8.0)
    assert r.pc == pytest.approx(16 / 64) and r.iic == pytest.approx(16 / 64)
    assert r.d_pc[0] == pytest.approx(100.0) and r.d_iic[0] == pytest.approx(100.0)
    assert r.components == 1


def test_curve_matches_global_indices():
    areas = [5.0, 5.0, 5.0]
    links = Links.of([(0, 1, 100.0), (1, 2, 300.0), (0, 2, 420.0)])
    curve = distance_curve(areas, links, [400, 50, 200], 0.5, 100.0)
    assert [p.distance for p in curve] == [50, 200, 400]
    assert [p.components for p in curve] == [3, 2, 1]
    g = global_indices(areas, links, 200, 0.5, 100.0)
    assert curve[1].pc == pytest.approx(g.pc) and curve[1].ec_pc == pytest.approx(g.ec_pc)


def test_edge_distances_of_polygons():
    shapes = [box(0, 0, 10, 10), box(20, 0, 30, 10), box(10, 10, 15, 15), Point(100, 100).buffer(5)]
    links = edge_distances(shapes, 50.0)
    got = {(int(i), int(j)): d for i, j, d in zip(links.i, links.j, links.d)}
    assert got[(0, 1)] == pytest.approx(10.0)
    assert got[(0, 2)] == pytest.approx(0.0)
    assert got[(1, 2)] == pytest.approx(5.0)
    assert not any(3 in pair for pair in got)
    brute = {(i, j): shapes[i].distance(shapes[j]) for i in range(4) for j in range(i + 1, 4)}
    for pair, d in brute.items():
        assert (pair in got) == (d <= 50.0)


def test_bad_parameters():
    with pytest.raises(InputError, match="PROBABILITY"):
        decay_constant(100.0, 1.0)
    with pytest.raises(InputError, match="PROBABILITY"):
        decay_constant(100.0, 0.0)
    with pytest.raises(InputError, match="THRESHOLD"):
        decay_constant(0.0, 0.5)
    with pytest.raises(InputError, match="LANDSCAPE_AREA"):
        connectivity([1.0], Links.of([]), 10, 0.5, 0.0)
    with pytest.raises(InputError, match="above 0"):
        connectivity([1.0, -1.0], Links.of([]), 10, 0.5, 10.0)
    assert search_distance([100.0], 0.5) == pytest.approx(100 * math.log(1e9) / math.log(2))


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_floyd_in_blocks_tiles_and_threads(monkeypatch, workers):
    # small blocks and tiles (ragged last ones) and a low thread threshold, so 60 patches go through
    # every branch of the blocked relaxation and the threaded halving, in several components
    monkeypatch.setattr(connectivity_module, "_BLOCK", 3)
    monkeypatch.setattr(connectivity_module, "_TILE", 7)
    monkeypatch.setattr(connectivity_module, "_workers", lambda: workers)
    rng = np.random.default_rng(5)
    n = 60
    xy = np.concatenate([rng.uniform(0, 2500, (40, 2)), rng.uniform(9000, 10500, (20, 2))])
    areas = list(rng.uniform(0.5, 20, n))
    pairs = [(i, j, float(np.hypot(*(xy[i] - xy[j])))) for i in range(n) for j in range(i + 1, n)]
    pairs = [p for p in pairs if p[2] < 1800]
    iic, pc, rows = brute_importance(areas, pairs, 500.0, 0.3, 3000.0)
    seen = []
    result = connectivity(areas, Links.of(pairs), 500.0, 0.3, 3000.0, method="floyd", progress=lambda f: seen.append((f, threading.get_ident())))
    assert result.components > 2
    for got, want in zip((result.d_iic, result.d_pc, result.d_pc_intra, result.d_pc_flux, result.d_pc_connector), rows.T):
        np.testing.assert_allclose(got, want, rtol=1e-7, atol=1e-9)
    assert result.iic == pytest.approx(iic, rel=1e-9) and result.pc == pytest.approx(pc, rel=1e-9)
    # progress is only reported from the caller's thread, rising within 0–1
    fractions = [f for f, _ in seen]
    assert {thread for _, thread in seen} == {threading.get_ident()}
    assert fractions == sorted(fractions) and 0 <= fractions[0] and fractions[-1] <= 1 + 1e-12


def test_floyd_stops_every_thread_when_cancelled(monkeypatch):
    monkeypatch.setattr(connectivity_module, "_BLOCK", 3)
    monkeypatch.setattr(connectivity_module, "_workers", lambda: 4)
    rng = np.random.default_rng(6)
    n = 50
    xy = rng.uniform(0, 3000, (n, 2))
    pairs = [(i, j, float(np.hypot(*(xy[i] - xy[j])))) for i in range(n) for j in range(i + 1, n)]
    polls = []
    before = threading.active_count()
    with pytest.raises(Cancelled):
        connectivity(
            list(rng.uniform(1, 5, n)), Links.of(pairs), 600.0, 0.5, 1e4, method="floyd", cancelled=lambda: polls.append(1) or len(polls) > 40
        )
    assert threading.active_count() == before
