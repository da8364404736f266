"""Barrier Mapper core against the definition computed independently: cost-weighted distances by a
networkx Dijkstra on the 8-connected cell graph, window minima by loops over the cells within the
radius, and a hand-made wall whose restoration score is known."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.ecology.barriers import barrier_scores, disk_minimum


def dijkstra_cwd(res, cell, sources):
    rows, cols = res.shape
    graph = nx.DiGraph()
    for r in range(rows):
        for c in range(cols):
            if not np.isfinite(res[r, c]):
                continue
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    q = (r + dr, c + dc)
                    if (dr or dc) and 0 <= q[0] < rows and 0 <= q[1] < cols and np.isfinite(res[q]):
                        length = math.hypot(dr * cell, dc * cell)
                        graph.add_edge((r, c), q, weight=(res[r, c] + res[q]) / 2 * length)
    dist = nx.multi_source_dijkstra_path_length(graph, sources)
    out = np.full(res.shape, np.inf)
    for (r, c), v in dist.items():
        out[r, c] = v
    return out


def loop_disk_min(values, radius, cell):
    rows, cols = values.shape
    out = np.full(values.shape, np.inf)
    for r in range(rows):
        for c in range(cols):
            for rr in range(rows):
                for cc in range(cols):
                    if math.hypot((rr - r) * cell, (cc - c) * cell) <= radius + 1e-9:
                        out[r, c] = min(out[r, c], values[rr, cc])
    return out


def test_disk_minimum_matches_loops():
    rng = np.random.default_rng(2)
    values = rng.random((9, 12))
    values[3, 4] = np.nan
    for radius in (10.0, 30.0, 45.0, 75.0):
        np.testing.assert_array_equal(
            disk_minimum(values, radius, (30.0, 30.0)), loop_disk_min(np.where(np.isnan(values), np.inf, values), radius, 30.0)
        )


def test_scores_against_definition():
    rng = np.random.default_rng(9)
    res = rng.uniform(1, 30, (10, 12))
    res[2:8, 6] = np.nan
    labels = np.zeros(res.shape, dtype=np.int32)
    labels[1:3, 1:3] = 1
    labels[7:9, 9:11] = 2
    labels[0, 10] = 3
    res[labels > 0] = 1.0
    cell = 30.0
    radii = [30.0, 60.0]
    result = barrier_scores(res, cell, labels, [(1, 2), (1, 3)], radii)
    cwd = {k: dijkstra_cwd(res, cell, [tuple(x) for x in np.argwhere(labels == k)]) for k in (1, 2, 3)}
    best = np.zeros(res.shape)
    best_r = np.full(res.shape, np.nan)
    for r in radii:
        for a, b in ((1, 2), (1, 3)):
            lcd = np.min(cwd[a] + cwd[b])
            through = loop_disk_min(cwd[a], r, cell) + loop_disk_min(cwd[b], r, cell) + 2 * r
            score = np.maximum(lcd - through, 0) / (2 * r)
            better = score > best
            best = np.where(better, score, best)
            best_r = np.where(better, r, best_r)
    np.testing.assert_allclose(result.score, best, rtol=1e-9, atol=1e-12)
    np.testing.assert_array_equal(np.isnan(result.radius), np.isnan(best_r))
    np.testing.assert_array_equal(result.radius[~np.isnan(best_r)], best_r[~np.isnan(best_r)])
    lcd12 = np.min(cwd[1] + cwd[2])
    assert result.pairs[0].lcd == pytest.approx(lcd12, rel=1e-12)
    assert result.score.max() > 0


def test_a_wall_by_hand():
    # a corridor of resistance 1 interrupted by a wall 3 cells thick of resistance 101 (cell 1 m)
    res = np.ones((3, 21))
    res[:, 9:12] = 101.0
    labels = np.zeros(res.shape, dtype=np.int32)
    labels[:, 0] = 1
    labels[:, 20] = 2
    result = barrier_scores(res, 1.0, labels, [(1, 2)], [1.5])
    # LCD: 20 steps along a row; the 4 steps touching the wall cost (1+101)/2 = 51, the 2 inside 101
    lcd = 16 * 1.0 + 2 * 51.0 + 2 * 101.0
    assert result.pairs[0].lcd == pytest.approx(lcd)
    # window of radius 1.5 centred on the wall's middle (column 10) reaches columns 9..11 in the row
    # and 9..11 diagonally within 1.5: min CWD_1 at column 9 = 8 + 51 = 59 (from column 0),
    # min CWD_2 at column 11 = 59; restored crossing 3 → LCD' = 121
    assert result.score[1, 10] == pytest.approx((lcd - (59 + 59 + 3.0)) / 3.0)
    assert result.score[1, 10] == pytest.approx(result.score.max())
    assert result.score[1, 2] == 0.0


def test_bad_input():
    res = np.ones((4, 4))
    labels = np.zeros((4, 4), dtype=np.int32)
    labels[0, 0], labels[3, 3] = 1, 2
    with pytest.raises(InputError, match="positive"):
        barrier_scores(res, 1.0, labels, [(1, 2)], [0.0])
    with pytest.raises(InputError, match="RADII holds no radius"):
        barrier_scores(res, 1.0, labels, [(1, 2)], [])
    with pytest.raises(InputError, match="No linked pair"):
        barrier_scores(res, 1.0, labels, [], [1.0])
    split = res.copy()
    split[:, 2] = np.nan
    result = barrier_scores(split, 1.0, labels, [(1, 2)], [1.0])
    assert "cannot reach" in result.pairs[0].status
