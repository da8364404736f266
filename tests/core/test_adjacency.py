"""Polygon adjacency: shared lengths, corners, noisy edges, T-junctions, bounding-box pairs."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from shapely.geometry import Polygon, box

from territorial_resilience.algorithms.optimize.adjacency import candidate_pairs, polygon_adjacency


def test_a_row_of_parcels_of_different_widths():
    # 0 | 1 | 2 on top of 3 (wide) | 4; parcel 5 only touches 4 at a corner.
    parcels = [
        box(0, 100, 100, 200),
        box(100, 100, 300, 200),
        box(300, 100, 350, 200),
        box(0, 0, 250, 100),
        box(250, 0, 350, 100),
        box(350, -50, 400, 0),
    ]
    w = polygon_adjacency(parcels).toarray()
    assert (w == w.T).all()
    expected = {(0, 1): 100, (1, 2): 100, (0, 3): 100, (1, 3): 150, (1, 4): 50, (2, 4): 50, (3, 4): 100}
    for i, j in itertools.combinations(range(6), 2):
        assert w[i, j] == expected.get((i, j), 0), (i, j)


def test_noisy_and_t_junction_edges_are_shared():
    a = box(0, 0, 100, 100)
    # The neighbour's edge is 4 mm off and has an extra vertex part-way along it.
    b = Polygon([(100.004, 0), (200, 0), (200, 100), (100.004, 100), (100.004, 37.3)])
    # A T-junction: c's edge holds a vertex of d that is not exactly representable on it.
    c = Polygon([(0, 100), (100, 100), (100, 200), (0, 200)])
    d = Polygon([(100, 100), (100, 100 + 1 / 3), (100, 200), (200, 200), (200, 100)])
    w = polygon_adjacency([a, b, c, d]).toarray()
    assert w[0, 1] == pytest.approx(100, abs=0.05)
    assert w[2, 3] == pytest.approx(100, abs=0.05)
    assert w[0, 3] == 0 and w[1, 2] == 0  # corners only


def test_empty_geometries_and_far_polygons():
    w = polygon_adjacency([box(0, 0, 1, 1), None, box(5, 5, 6, 6), Polygon()])
    assert w.shape == (4, 4) and w.nnz == 0


def test_candidate_pairs_are_the_overlapping_boxes():
    rng = np.random.default_rng(3)
    corner = rng.uniform(0, 100, size=(60, 2))
    size = rng.uniform(1, 15, size=(60, 2))
    bounds = np.hstack([corner, corner + size])
    got = {tuple(p) for p in candidate_pairs(bounds).tolist()}
    expected = {
        (i, j)
        for i, j in itertools.combinations(range(60), 2)
        if bounds[i, 0] <= bounds[j, 2] and bounds[j, 0] <= bounds[i, 2] and bounds[i, 1] <= bounds[j, 3] and bounds[j, 1] <= bounds[i, 3]
    }
    assert got == expected
