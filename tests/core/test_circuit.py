"""Circuit theory core against hand computations and an independent dense solve: series and parallel
resistors, a 2 × 2 grid by hand (4 and 8 neighbours), the pseudo-inverse of a Laplacian built cell by
cell in the test, current conservation, symmetry, the triangle inequality, focal regions, the
one-to-all and all-to-one groundings and the bad input."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.ecology.circuit import (
    Mode,
    Status,
    circuit,
    conductances,
    focal_from_cells,
    pinch_points,
)

SQ2 = math.sqrt(2.0)


def res(values):
    values = np.asarray(values, dtype=float)
    return conductances(values, np.isfinite(values), False)


def at(shape, *rc):
    return [(k + 1, r * shape[1] + c) for k, (r, c) in enumerate(rc)]


# --- independent dense reference -----------------------------------------------------------------


def dense_laplacian(g, eight, avg_cond, merge=None):
    """Laplacian built cell by cell (loops over every cell and neighbour), optionally with groups of
    cells merged into one node (rows and columns summed)."""
    rows, cols = g.shape
    cells = [(r, c) for r in range(rows) for c in range(cols) if g[r, c] > 0]
    index = {rc: k for k, rc in enumerate(cells)}
    n = len(cells)
    lap = np.zeros((n, n))
    steps = [(0, 1), (1, 0), (1, 1), (1, -1)] if eight else [(0, 1), (1, 0)]
    for r, c in cells:
        for dr, dc in steps:
            q = (r + dr, c + dc)
            if q not in index:
                continue
            a, b = g[r, c], g[q]
            link = (a + b) / 2 if avg_cond else 1.0 / ((1 / a + 1 / b) / 2)
            if dr and dc:
                link /= SQ2
            i, j = index[(r, c)], index[q]
            lap[i, j] -= link
            lap[j, i] -= link
            lap[i, i] += link
            lap[j, j] += link
    if merge:
        groups = [[index[rc] for rc in group if rc in index] for group in merge]
        # projection matrix P: node k of the merged network = sum of its cells
        owner = list(range(n))
        for group in groups:
            for k in group[1:]:
                owner[k] = group[0]
        keys = sorted(set(owner))
        p = np.zeros((n, len(keys)))
        for k in range(n):
            p[k, keys.index(owner[k])] = 1
        lap = p.T @ lap @ p
        index = {rc: keys.index(owner[k]) for rc, k in index.items()}
    return lap, index


def dense_resistance(lap, i, j):
    pinv = np.linalg.pinv(lap)
    return pinv[i, i] + pinv[j, j] - 2 * pinv[i, j]


# --- hand computations ----------------------------------------------------------------------------


def test_series_average_resistances_and_conductances():
    g = res([[1.0, 3.0, 1.0]])
    focal = focal_from_cells(at(g.shape, (0, 0), (0, 2)))
    # averaging resistances: each link is (1 + 3)/2 = 2 ohm, in series 4
    r = circuit(g, focal, eight=False)
    assert r.resistances[0].resistance == pytest.approx(4.0, rel=1e-12)
    # averaging conductances: (1 + 1/3)/2 = 2/3 S per link, 1.5 ohm each
    r = circuit(g, focal, eight=False, average_conductance=True)
    assert r.resistances[0].resistance == pytest.approx(3.0, rel=1e-12)
    # 1 A through every cell of a chain
    np.testing.assert_allclose(r.current, [[1.0, 1.0, 1.0]], rtol=1e-12)


def test_parallel_strips():
    # two rows of 1-ohm cells joined only at the ends by the focal regions: two 2-ohm paths... with
    # the middle row nodata, the regions at both ends short-circuit the rows: R = (2 links)·1 / 2
    g = res([[1.0, 1.0, 1.0, 1.0], [1.0, np.nan, np.nan, 1.0], [1.0, 1.0, 1.0, 1.0]])
    focal = focal_from_cells([(1, 0), (1, 4), (1, 8), (2, 3), (2, 7), (2, 11)])
    r = circuit(g, focal, eight=False)
    # left column short-circuited, right column short-circuited: two rows of 3 links in parallel
    assert r.resistances[0].resistance == pytest.approx(1.5, rel=1e-12)


def test_two_by_two_by_hand():
    g = np.ones((2, 2))
    focal = focal_from_cells(at(g.shape, (0, 0), (0, 1), (1, 1)))
    four = circuit(g, focal, eight=False).matrix
    assert four[0, 1] == pytest.approx(0.75)  # 1 ohm parallel to 3 ohm
    assert four[0, 2] == pytest.approx(1.0)  # two 2-ohm paths in parallel
    eight = circuit(g, focal, eight=True).matrix
    # corners: B and C at the same potential, so BC carries nothing; AD direct 1/(1/√2) = √2 ohm
    assert eight[0, 2] == pytest.approx(1.0 / (1.0 + 1.0 / SQ2), rel=1e-12)
    # adjacent: dense reference
    lap, index = dense_laplacian(g, True, False)
    assert eight[0, 1] == pytest.approx(dense_resistance(lap, 0, 1), rel=1e-12)


# --- dense pseudo-inverse on random grids ---------------------------------------------------------


@pytest.mark.parametrize("eight, avg_cond", list(itertools.product([False, True], [False, True])))
def test_random_grid_against_pseudo_inverse(eight, avg_cond):
    rng = np.random.default_rng(3 + 2 * eight + avg_cond)
    values = rng.uniform(1, 50, (9, 11))
    values[rng.random(values.shape) < 0.15] = np.nan
    cells = [(r, c) for r in range(9) for c in range(11) if np.isfinite(values[r, c])]
    chosen = [cells[k] for k in rng.choice(len(cells), 6, replace=False)]
    g = res(values)
    focal = focal_from_cells(at(g.shape, *chosen))
    result = circuit(g, focal, eight=eight, average_conductance=avg_cond)
    lap, index = dense_laplacian(g, eight, avg_cond)
    pinv = np.linalg.pinv(lap)
    # components of the dense graph by breadth-first search
    component = [-1] * len(lap)
    for start in range(len(lap)):
        if component[start] < 0:
            component[start], queue = start, [start]
            while queue:
                node = queue.pop()
                for other in np.flatnonzero(lap[node]):
                    if component[other] < 0:
                        component[other] = start
                        queue.append(other)
    checked = 0
    for (i, a), (j, b) in itertools.combinations(enumerate(chosen), 2):
        ia, ib = index[a], index[b]
        if component[ia] == component[ib]:
            expected = pinv[ia, ia] + pinv[ib, ib] - 2 * pinv[ia, ib]
            assert result.matrix[i, j] == pytest.approx(expected, rel=1e-8)
            checked += 1
        else:
            assert result.matrix[i, j] == np.inf
    assert checked >= 5
    m = result.matrix
    np.testing.assert_array_equal(m, m.T)  # symmetry
    for i, j, k in itertools.permutations(range(6), 3):  # triangle inequality of effective resistance
        if np.isfinite(m[i, j]) and np.isfinite(m[j, k]):
            assert m[i, k] <= m[i, j] + m[j, k] + 1e-9


def test_cumulative_current_is_sum_of_pair_currents_and_conserved():
    rng = np.random.default_rng(11)
    values = rng.uniform(1, 10, (7, 8))
    g = res(values)
    chosen = [(0, 0), (6, 7), (3, 4)]
    focal = focal_from_cells(at(g.shape, *chosen))
    result = circuit(g, focal, eight=True)
    lap, index = dense_laplacian(g, True, False)
    pinv = np.linalg.pinv(lap)
    n = len(lap)
    # independent node current: max(inflow, outflow) from the dense Laplacian's links
    total = np.zeros(n)
    for a, b in itertools.combinations(chosen, 2):
        rhs = np.zeros(n)
        rhs[index[a]], rhs[index[b]] = 1.0, -1.0
        v = pinv @ rhs
        flow = -lap * (v[:, None] - v[None, :])  # flow[i, j] from i to j
        np.fill_diagonal(flow, 0)
        inflow = np.where(flow > 0, flow, 0).sum(axis=0)
        outflow = np.where(flow > 0, flow, 0).sum(axis=1)
        cur = np.maximum(inflow, outflow)
        assert cur[index[a]] == pytest.approx(1.0) and cur[index[b]] == pytest.approx(1.0)  # what enters leaves
        total += cur
    expected = np.array([total[index[(r, c)]] for r in range(7) for c in range(8)]).reshape(7, 8)
    np.testing.assert_allclose(result.current, expected, rtol=1e-8, atol=1e-12)


def test_focal_regions_are_short_circuited_per_pair():
    rng = np.random.default_rng(5)
    values = rng.uniform(1, 20, (6, 9))
    g = res(values)
    region_a = [(0, 0), (1, 0), (2, 0)]
    region_b = [(5, 8), (4, 8)]
    point_c = [(0, 8)]
    cells = [(1, r * 9 + c) for r, c in region_a] + [(2, r * 9 + c) for r, c in region_b] + [(3, r * 9 + c) for r, c in point_c]
    result = circuit(g, focal_from_cells(cells), eight=True)
    # pair (1, 2): both regions merged
    lap, index = dense_laplacian(g, True, False, merge=[region_a, region_b])
    assert result.matrix[0, 1] == pytest.approx(dense_resistance(lap, index[region_a[0]], index[region_b[0]]), rel=1e-8)
    # pair (2, 3): only region 2 merged; region 1 stays three plain cells (Circuitscape's polygon path)
    lap, index = dense_laplacian(g, True, False, merge=[region_b])
    assert result.matrix[1, 2] == pytest.approx(dense_resistance(lap, index[region_b[0]], index[point_c[0]]), rel=1e-8)
    # every cell of a region carries its node's current (1 A when only its own pair is solved)
    only = circuit(g, focal_from_cells(cells), eight=True, pairs=[(1, 2)])
    np.testing.assert_allclose([only.current[rc] for rc in region_a + region_b], 1.0, rtol=1e-9)


def test_one_to_all_and_all_to_one_groundings():
    rng = np.random.default_rng(8)
    g = res(rng.uniform(1, 10, (6, 7)))
    chosen = [(0, 0), (5, 6), (2, 3)]
    focal = focal_from_cells(at(g.shape, *chosen))
    lap, index = dense_laplacian(g, True, False)
    n = len(lap)
    one = circuit(g, focal, mode=Mode.ONE_TO_ALL)
    every = circuit(g, focal, mode=Mode.ALL_TO_ONE)
    for k, src in enumerate(chosen):
        others = [index[c] for j, c in enumerate(chosen) if j != k]
        keep = [i for i in range(n) if i not in others]
        rhs = np.zeros(n)
        rhs[index[src]] = 1.0
        v = np.zeros(n)
        v[keep] = np.linalg.solve(lap[np.ix_(keep, keep)], rhs[keep])
        assert one.resistances[k].resistance == pytest.approx(v[index[src]], rel=1e-8)
        np.testing.assert_allclose(one.voltage[k][src], v[index[src]], rtol=1e-8)
        # all-to-one: ground at k, 1 A from each other focal node
        keep = [i for i in range(n) if i != index[src]]
        rhs = np.zeros(n)
        for j, c in enumerate(chosen):
            if j != k:
                rhs[index[c]] += 1.0
        v = np.zeros(n)
        v[keep] = np.linalg.solve(lap[np.ix_(keep, keep)], rhs[keep])
        volts = np.array([v[index[(r, c)]] for r in range(6) for c in range(7)]).reshape(6, 7)
        np.testing.assert_allclose(every.voltage[k], volts, rtol=1e-8, atol=1e-12)
        assert every.resistances[k].resistance is None and every.resistances[k].status == Status.ALL_TO_ONE


def test_disconnected_components_and_nodes_off_the_network():
    values = np.ones((3, 5))
    values[:, 2] = np.nan  # a nodata column splits the grid
    g = res(values)
    focal = focal_from_cells([(1, 0), (2, 1 * 5 + 1), (3, 4), (4, 2)])  # id 4 lies on nodata
    result = circuit(g, focal, eight=True)
    rows = {(p.from_id, p.to_id): p for p in result.resistances}
    assert rows[(1, 2)].status == Status.OK and rows[(1, 2)].resistance > 0
    assert rows[(1, 3)].status == Status.DISCONNECTED and rows[(1, 3)].resistance is None
    assert rows[(1, 4)].status == Status.OFF_NETWORK and rows[(3, 4)].resistance is None
    assert np.isnan(result.current[:, 2]).all() and result.current[0, 4] == 0.0
    one = circuit(g, focal, mode=Mode.ONE_TO_ALL)
    assert one.resistances[2].status == Status.NO_GROUND and one.resistances[2].resistance is None


def test_pairs_restrict_the_solve():
    g = np.ones((3, 3))
    focal = focal_from_cells(at(g.shape, (0, 0), (2, 2), (0, 2)))
    result = circuit(g, focal, eight=False, pairs=[(1, 2)])
    assert [(p.from_id, p.to_id) for p in result.resistances] == [(1, 2)]
    with pytest.raises(InputError, match="not a focal node"):
        circuit(g, focal, pairs=[(1, 9)])


def test_bad_input():
    with pytest.raises(InputError, match="resistance 0"):
        res([[1.0, 0.0]])
    with pytest.raises(InputError, match="negative"):
        res([[1.0, -2.0]])
    with pytest.raises(InputError, match="no valid cell"):
        res([[np.nan, np.nan]])
    with pytest.raises(InputError, match="Only one focal node"):
        circuit(np.ones((2, 2)), focal_from_cells([(1, 0)]))
    # conductance 0 leaves a cell out instead
    g = conductances(np.array([[1.0, 0.0, 1.0]]), np.ones((1, 3), bool), True)
    result = circuit(g, focal_from_cells([(1, 0), (2, 2)]), eight=False)
    assert result.resistances[0].status == Status.DISCONNECTED


def test_pinch_points_stay_inside_the_corridor():
    g = np.ones((5, 7))
    corridor = np.full((5, 7), 100.0)
    corridor[2, :] = 0.0  # a one-cell wide corridor along the middle row
    focal = focal_from_cells([(1, 2 * 7 + 0), (2, 2 * 7 + 6)])
    result = pinch_points(g, focal, corridor, 10.0, eight=True)
    assert result.resistances[0].resistance == pytest.approx(6.0)  # six 1-ohm links in series
    np.testing.assert_allclose(result.current[2, 1:6], 1.0)
    assert np.isnan(result.current[0]).all() and np.isnan(result.current[2, 0])  # outside the corridor; cores null
    with pytest.raises(InputError, match="CORRIDOR_WIDTH"):
        pinch_points(g, focal, corridor, 0.0)


@pytest.mark.parametrize("mode", [Mode.PAIRWISE, Mode.ONE_TO_ALL])
def test_conjugate_gradients_agree_with_the_direct_solve(mode):
    rng = np.random.default_rng(21)
    values = rng.uniform(1, 100, (15, 18))
    values[rng.random(values.shape) < 0.1] = np.nan
    g = res(values)
    cells = [(r, c) for r in range(15) for c in range(18) if np.isfinite(values[r, c])]
    focal = focal_from_cells(at(g.shape, *[cells[k] for k in rng.choice(len(cells), 4, replace=False)]))
    direct = circuit(g, focal, mode, eight=True, method="direct")
    iterative = circuit(g, focal, mode, eight=True, method="cg")
    for a, b in zip(direct.resistances, iterative.resistances):
        assert (a.resistance is None) == (b.resistance is None)
        if a.resistance is not None:
            assert b.resistance == pytest.approx(a.resistance, rel=1e-9)
    np.testing.assert_allclose(iterative.current, direct.current, rtol=1e-7, atol=1e-10)
