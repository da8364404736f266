"""EC(PC) of planning units (algorithms/ecology/habitat_units.py) against hand computations and a
brute-force networkx p*."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from shapely.geometry import box

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.ecology.habitat_units import habitat_shares, unit_connectivity


def brute_pstar(n, pairs, k):
    """p*ᵢⱼ = exp(−shortest path on k·dᵢⱼ) by networkx (0 when unreachable)."""
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for i, j, d in pairs:
        g.add_edge(i, j, weight=k * d)
    cost = dict(nx.all_pairs_dijkstra_path_length(g, weight="weight"))
    return np.array([[math.exp(-cost[i][j]) if j in cost[i] else 0.0 for j in range(n)] for i in range(n)])


def test_two_patches_in_one_unit_by_hand():
    """a = 4 and 9 ha, p = 0.5: EC² = 16 + 81 + 2·4·9·0.5 = 133; a unit of 100 ha."""
    pstar = np.array([[1.0, 0.5], [0.5, 1.0]])
    result = unit_connectivity([4.0, 9.0], pstar, (np.array([0, 1]), np.array([0, 0]), np.array([1.0, 1.0])), [100.0])
    assert result.habitat[0] == pytest.approx(13.0)
    assert result.ec_pc[0] == pytest.approx(math.sqrt(133.0))
    assert result.ec_pc_pct[0] == pytest.approx(math.sqrt(133.0))  # per cent of 100 ha
    assert result.connected_share[0] == pytest.approx(math.sqrt(133.0) / 13.0)


def test_patches_split_between_units_and_connected_through_others():
    """Patches 0 (10 × 10 m… in ha units: boxes) across the border of units A and B, patch 1 in B,
    patch 2 outside both linking 0 and 1: B's EC uses the path 0–2–1 through the patch outside it."""
    patches = [box(0, 0, 200, 100), box(300, 0, 400, 100), box(150, 300, 250, 400)]
    units = [box(-50, -50, 100, 200), box(100, -50, 500, 200), None, box(1000, 1000, 1100, 1100)]
    rows, cols, fractions = habitat_shares(patches, units)
    got = sorted(zip(rows.tolist(), cols.tolist(), fractions.tolist()))
    assert got == [(0, 0, pytest.approx(0.5)), (0, 1, pytest.approx(0.5)), (1, 1, pytest.approx(1.0))]
    areas = np.array([p.area / 1e4 for p in patches])  # 2, 1, 1 ha
    k = math.log(2) / 150.0
    pairs = [(0, 2, 150.0), (1, 2, 150.0), (0, 1, 400.0)]  # the direct link is weaker than 0–2–1 (0.25 vs 0.157)
    pstar = brute_pstar(3, pairs, k)
    assert pstar[0, 1] == pytest.approx(0.25)
    unit_areas = [u.area / 1e4 if u is not None else 0.0 for u in units]
    result = unit_connectivity(areas, pstar, (rows, cols, fractions), unit_areas)
    # A: half of patch 0 (1 ha): EC = 1; B: half of patch 0 (1 ha) and patch 1 (1 ha): EC² = 1 + 1 + 2·0.25
    np.testing.assert_allclose(result.habitat, [1.0, 2.0, 0.0, 0.0])
    np.testing.assert_allclose(result.ec_pc[:2], [1.0, math.sqrt(2.5)])
    assert result.ec_pc[2] == 0.0 and result.ec_pc[3] == 0.0
    np.testing.assert_allclose(result.ec_pc_pct[[0, 1, 3]], [100 * 1.0 / unit_areas[0], 100 * math.sqrt(2.5) / unit_areas[1], 0.0])
    assert math.isnan(result.ec_pc_pct[2])  # a unit without geometry has no area
    assert math.isnan(result.connected_share[3]) and result.connected_share[1] == pytest.approx(math.sqrt(2.5) / 2.0)


def test_a_unit_holding_everything_has_the_landscape_ec():
    """EC of a unit that holds every patch = EC(PC) of the landscape = √(Σᵢ Σⱼ aᵢ aⱼ p*ᵢⱼ), and it
    lies between √(Σ aᵢ²) and Σ aᵢ; the units' EC² add up to at most the landscape's."""
    rng = np.random.default_rng(2)
    centres = rng.uniform(0, 5000, (25, 2))
    patches = [box(x, y, x + s, y + s) for (x, y), s in zip(centres, rng.uniform(50, 300, 25))]
    areas = np.array([p.area / 1e4 for p in patches])
    pairs = [(i, j, float(patches[i].distance(patches[j]))) for i in range(25) for j in range(i + 1, 25)]
    pstar = brute_pstar(25, pairs, math.log(2) / 800.0)
    halves = [box(-1000, -1000, 2500, 7000), box(2500, -1000, 7000, 7000)]
    whole = [box(-1000, -1000, 7000, 7000)]
    landscape = math.sqrt(areas @ pstar @ areas)
    one = unit_connectivity(areas, pstar, habitat_shares(patches, whole), [6400.0])
    assert one.ec_pc[0] == pytest.approx(landscape, rel=1e-12)
    assert math.sqrt((areas**2).sum()) <= one.ec_pc[0] <= areas.sum()
    two = unit_connectivity(areas, pstar, habitat_shares(patches, halves), [3200.0, 3200.0])
    assert two.habitat.sum() == pytest.approx(areas.sum(), rel=1e-12)
    assert (two.ec_pc**2).sum() <= landscape**2 * (1 + 1e-12)


def test_a_patch_without_area_is_refused():
    with pytest.raises(InputError, match="area"):
        habitat_shares([box(0, 0, 1, 1), box(0, 0, 1, 1).boundary], [box(0, 0, 2, 2)])


def test_max_product_probabilities_equal_networkx():
    """connectivity.max_product_probabilities (pruned graph, scipy) against networkx on all links."""
    from territorial_resilience.algorithms.ecology.connectivity import Links, max_product_probabilities

    rng = np.random.default_rng(9)
    points = rng.uniform(0, 3000, (30, 2))
    pairs = [(i, j, float(np.hypot(*(points[i] - points[j])))) for i in range(30) for j in range(i + 1, 30)]
    pairs = [p for p in pairs if p[2] < 1500] + [(0, 29, 10.0)]
    k = math.log(2) / 500.0
    np.testing.assert_allclose(max_product_probabilities(30, Links.of(pairs), k), brute_pstar(30, pairs, k), rtol=1e-12, atol=1e-300)


def test_measure_units_chains_shares_probabilities_and_ec():
    """measure_units = unit_connectivity(habitat_shares, max_product_probabilities, unit areas in ha)."""
    from territorial_resilience.algorithms.ecology.connectivity import Links
    from territorial_resilience.algorithms.ecology.habitat_units import measure_units

    patches = [box(0, 0, 200, 100), box(300, 0, 400, 100), box(150, 300, 250, 400)]
    units = [box(-50, -50, 100, 200), box(100, -50, 500, 200), None]
    pairs = [(0, 2, 150.0), (1, 2, 150.0), (0, 1, 400.0)]
    k = math.log(2) / 150.0
    areas = [p.area / 1e4 for p in patches]
    got = measure_units(patches, areas, Links.of(pairs), k, units)
    want = unit_connectivity(areas, brute_pstar(3, pairs, k), habitat_shares(patches, units), [units[0].area / 1e4, units[1].area / 1e4, 0.0])
    np.testing.assert_allclose(got.ec_pc, want.ec_pc, rtol=1e-12)
    np.testing.assert_allclose(got.ec_pc_pct[:2], want.ec_pc_pct[:2], rtol=1e-12)
    assert math.isnan(got.ec_pc_pct[2])


def test_region_polygons_are_the_8_connected_regions():
    """Two regions: an L of 3 cells joined to a cell by a corner (8-connected: one region of 4
    cells) and a lone cell; 10 m cells, so 400 m² and 100 m², in scipy's label order."""
    from rasterio.transform import from_origin

    from territorial_resilience.algorithms.raster.masks import region_polygons

    mask = np.zeros((5, 5), bool)
    mask[0, 0] = mask[1, 0] = mask[1, 1] = mask[2, 2] = True  # (2, 2) touches (1, 1) by a corner
    mask[4, 4] = True
    shapes = region_polygons(mask, from_origin(0.0, 50.0, 10.0, 10.0))
    assert [round(s.area) for s in shapes] == [400, 100]
    assert shapes[1].bounds == (40.0, 0.0, 50.0, 10.0)
    assert region_polygons(np.zeros((2, 2), bool), from_origin(0.0, 20.0, 10.0, 10.0)) == []
