"""Least-cost corridors against brute force: networkx distances, full per-source surfaces, hand-computed gravity."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.ecology.corridors import (
    GENERAL,
    IMPORTANT,
    Neighbours,
    build_corridors,
)
from territorial_resilience.algorithms.ecology.cost_distance import accumulated_cost, path_cost


def cell_graph(resistance, dx, dy):
    """Independent cell graph: undirected 8-neighbour edges, weight = mean resistance × step length."""
    g = nx.Graph()
    rows, cols = resistance.shape
    for r in range(rows):
        for c in range(cols):
            if np.isnan(resistance[r, c]):
                continue
            g.add_node((r, c))
            for dr, dc in ((0, 1), (1, -1), (1, 0), (1, 1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < rows and 0 <= cc < cols and not np.isnan(resistance[rr, cc]):
                    length = math.sqrt((dr * dy) ** 2 + (dc * dx) ** 2)
                    g.add_edge((r, c), (rr, cc), weight=(resistance[r, c] + resistance[rr, cc]) / 2 * length)
    return g


def landscape(seed, rows=24, cols=30):
    rng = np.random.default_rng(seed)
    res = rng.uniform(1, 20, (rows, cols))
    res[rng.random((rows, cols)) < 0.08] = np.nan
    labels = np.zeros((rows, cols), dtype=np.int32)
    labels[2:5, 2:5] = 1
    labels[2:4, 24:28] = 2
    labels[18:22, 3:6] = 3
    labels[19:22, 22:26] = 4
    labels[11:13, 14:16] = 5
    res[labels > 0] = rng.uniform(1, 3, (labels > 0).sum())
    return res, labels


def per_source(res, labels, cell):
    return {k: accumulated_cost(res, cell, np.where(labels == k, 1, 0)).cost for k in np.unique(labels[labels > 0])}


@pytest.mark.parametrize("seed", [0, 1])
def test_all_pairs_against_brute_force(seed):
    res, labels = landscape(seed)
    cell = 10.0
    width = 150.0
    result = build_corridors(res, cell, labels, neighbours=Neighbours.ALL_PAIRS, corridor_width=width)
    g = cell_graph(res, cell, cell)
    cwd = per_source(res, labels, cell)
    assert [(link.a, link.b) for link in result.links] == [(a, b) for a in range(1, 6) for b in range(a + 1, 6)]
    brute = np.full(res.shape, np.inf)
    for link in result.links:
        a_cells = {(int(r), int(c)) for r, c in zip(*np.nonzero(labels == link.a))}
        dist = nx.multi_source_dijkstra_path_length(g, a_cells)
        expected = min(dist[(int(r), int(c))] for r, c in zip(*np.nonzero(labels == link.b)))
        assert link.cwd == pytest.approx(expected, rel=1e-12)
        # the path runs from a's edge to b's edge, costs the LCD, and on every one of its cells
        # CWD_a + CWD_b equals the LCD (the cost-distance sum at the meeting cell)
        assert labels[link.path[0]] == link.a and labels[link.path[-1]] == link.b
        assert path_cost(res, cell, link.path) == pytest.approx(link.cwd, rel=1e-9)
        for r, c in link.path:
            assert cwd[link.a][r, c] + cwd[link.b][r, c] == pytest.approx(link.cwd, rel=1e-9)
        steps = [math.hypot(r1 - r0, c1 - c0) * cell for (r0, c0), (r1, c1) in zip(link.path[:-1], link.path[1:])]
        assert link.lcp_length == pytest.approx(sum(steps))
        assert link.cwd_to_path == pytest.approx(link.cwd / link.lcp_length)
        ra, ca = np.nonzero(labels == link.a)
        rb, cb = np.nonzero(labels == link.b)
        euc = min(math.hypot((r1 - r0) * cell, (c1 - c0) * cell) for r0, c0 in zip(ra, ca) for r1, c1 in zip(rb, cb))
        assert link.euc_dist == pytest.approx(euc)
        assert link.cwd_to_euc == pytest.approx(link.cwd / euc)
        brute = np.minimum(brute, cwd[link.a] + cwd[link.b] - link.cwd)
    expected_corridor = np.where(brute <= width, brute, np.nan)
    np.testing.assert_allclose(result.corridors, expected_corridor, rtol=1e-5, atol=1e-3)
    # the MCR surface and allocation are those of the multi-source run
    every = accumulated_cost(res, cell, labels)
    np.testing.assert_array_equal(result.cost, every.cost.astype(np.float32))  # written out as float32
    np.testing.assert_array_equal(result.allocation, every.allocation)


def test_cost_allocation_adjacency_is_exact_with_bounded_runs():
    res, labels = landscape(3)
    cell = 10.0
    result = build_corridors(res, cell, labels, neighbours=Neighbours.COST_ALLOCATION, corridor_width=80.0)
    alloc = accumulated_cost(res, cell, labels).allocation
    touching = set()
    rows, cols = alloc.shape
    for r in range(rows):
        for c in range(cols):
            for dr, dc in ((0, 1), (1, -1), (1, 0), (1, 1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < rows and 0 <= cc < cols and alloc[r, c] and alloc[rr, cc] and alloc[r, c] != alloc[rr, cc]:
                    touching.add((min(alloc[r, c], alloc[rr, cc]), max(alloc[r, c], alloc[rr, cc])))
    assert {(link.a, link.b) for link in result.links} == touching
    assert result.candidate_pairs == len(touching)
    cwd = per_source(res, labels, cell)
    brute = np.full(res.shape, np.inf)
    for link in result.links:
        lcd = min(cwd[link.a][labels == link.b])
        assert link.cwd == pytest.approx(lcd, rel=1e-12)
        brute = np.minimum(brute, cwd[link.a] + cwd[link.b] - lcd)
    np.testing.assert_allclose(result.corridors, np.where(brute <= 80.0, brute, np.nan), rtol=1e-5, atol=1e-3)


@pytest.mark.parametrize(
    "neighbours, width, max_cost",
    [
        (Neighbours.ALL_PAIRS, 40.0, 0.0),  # narrow corridors: each source keeps a small box
        (Neighbours.ALL_PAIRS, 400.0, 2500.0),  # some pairs beyond max_cost
        (Neighbours.COST_ALLOCATION, 120.0, 0.0),
        (Neighbours.ALL_PAIRS, 0.0, 1700.0),  # no width: every reachable cell of the kept pairs
    ],
)
def test_corridors_of_many_sources_against_full_surfaces(neighbours, width, max_cost):
    """Corridors on a wider landscape with eight sources, where each source's stored surface is
    cut to the cells its corridors can reach: the same as min over pairs of the full surfaces."""
    rng = np.random.default_rng(7)
    res = rng.uniform(1, 20, (36, 70))
    res[rng.random(res.shape) < 0.05] = np.nan
    labels = np.zeros(res.shape, dtype=np.int32)
    for k, (r, c) in enumerate([(2, 3), (3, 30), (2, 62), (16, 14), (17, 48), (30, 4), (31, 33), (30, 64)], start=1):
        labels[r : r + 3, c : c + 3] = k
        res[r : r + 3, c : c + 3] = 1.5
    cell = 10.0
    result = build_corridors(res, cell, labels, neighbours=neighbours, corridor_width=width, max_cost_distance=max_cost)
    cwd = per_source(res, labels, cell)
    brute = np.full(res.shape, np.inf)
    kept = 0
    for a in range(1, 9):
        for b in range(a + 1, 9):
            lcd = min(cwd[a][labels == b])
            if any((link.a, link.b) == (a, b) for link in result.links):
                kept += 1
                brute = np.minimum(brute, cwd[a] + cwd[b] - lcd)
            elif neighbours == Neighbours.ALL_PAIRS:
                assert max_cost and lcd > max_cost  # only max_cost drops a pair of ALL_PAIRS
    assert kept >= (7 if neighbours == Neighbours.COST_ALLOCATION else 10)
    expected = np.where(brute <= width, brute, np.nan) if width else np.where(np.isfinite(brute), brute, np.nan)
    np.testing.assert_allclose(result.corridors, expected, rtol=1e-5, atol=1e-3)


def test_neighbour_modes_on_a_strip_and_max_cost():
    res = np.ones((3, 40))
    labels = np.zeros((3, 40), dtype=np.int32)
    labels[:, 0:2] = 1
    labels[:, 19:21] = 2
    labels[:, 38:40] = 3
    for mode in (Neighbours.COST_ALLOCATION, Neighbours.EUCLIDEAN):
        result = build_corridors(res, 1.0, labels, neighbours=mode)
        assert [(link.a, link.b) for link in result.links] == [(1, 2), (2, 3)]
        assert [link.cwd for link in result.links] == pytest.approx([18.0, 18.0])
    result = build_corridors(res, 1.0, labels, neighbours=Neighbours.ALL_PAIRS)
    assert {(link.a, link.b): link.cwd for link in result.links} == {(1, 2): 18.0, (1, 3): 37.0, (2, 3): 18.0}
    result = build_corridors(res, 1.0, labels, neighbours=Neighbours.ALL_PAIRS, max_cost_distance=20)  # 18 kept, 37 dropped
    assert [(link.a, link.b) for link in result.links] == [(1, 2), (2, 3)]
    assert result.dropped_pairs == [(1, 3, 37.0)]
    # no width: the normalised corridor covers every reachable cell; 0 on the straight paths
    assert np.nanmin(result.corridors) == 0.0
    assert not np.isnan(result.corridors).any()


def test_gravity_by_hand():
    res = np.full((5, 30), 2.0)
    labels = np.zeros((5, 30), dtype=np.int32)
    labels[1:4, 0:3] = 1  # 9 cells
    res[1:4, 0:3] = 4.0
    labels[2, 10] = 2  # 1 cell
    labels[0:5, 26:30] = 3  # 20 cells
    cell = 10.0
    result = build_corridors(res, cell, labels, neighbours=Neighbours.ALL_PAIRS)
    n = {1: math.log(900.0) / 4.0, 2: math.log(100.0) / 2.0, 3: math.log(2000.0) / 2.0}
    links = {(link.a, link.b): link for link in result.links}
    l_max = max(link.cwd for link in result.links)
    gravity = {pair: n[pair[0]] * n[pair[1]] / (link.cwd / l_max) ** 2 for pair, link in links.items()}
    for pair, link in links.items():
        assert link.gravity == pytest.approx(gravity[pair])
    median = float(np.median(list(gravity.values())))
    assert result.gravity_median == pytest.approx(median)
    assert {pair: link.importance for pair, link in links.items()} == {pair: IMPORTANT if g >= median else GENERAL for pair, g in gravity.items()}
    # (1, 2): the step from (2, 2) to (2, 10): one step 4→2 then 7 steps at 2
    assert links[(1, 2)].cwd == pytest.approx((4 + 2) / 2 * 10 + 7 * 2 * 10)
    # areas given (square map units) replace the cell count
    given = build_corridors(res, cell, labels, neighbours=Neighbours.ALL_PAIRS, areas={1: 1000.0, 2: 50.0, 3: 3000.0})
    assert given.sources[2].weight == pytest.approx(math.log(50.0) / 2.0)


def test_bad_sources():
    res = np.ones((5, 5))
    labels = np.zeros((5, 5), dtype=np.int32)
    labels[0, 0] = 1
    with pytest.raises(InputError, match="At least two sources"):
        build_corridors(res, 1.0, labels)
    labels[4, 4] = 2
    res[4, 4] = np.nan
    with pytest.raises(InputError, match="At least two sources"):
        build_corridors(res, 1.0, labels)
    labels[2, 2] = 3
    result = build_corridors(res, 1.0, labels)
    assert result.missing == (2,)
    assert [(link.a, link.b) for link in result.links] == [(1, 3)]
