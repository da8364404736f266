"""Cost-distance engine against a plain Dijkstra on the cell graph (networkx) and GRASS r.cost."""

from __future__ import annotations

import math
import shutil
import subprocess

import networkx as nx
import numpy as np
import pytest
import rasterio
from rasters import write_raster

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.ecology import cost_distance
from territorial_resilience.algorithms.ecology.cost_distance import (
    CostGraph,
    accumulated_cost,
    least_cost_path,
    patch_distances,
    path_cost,
    path_from_predecessors,
)


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


def random_case(seed, rows=17, cols=23, n_sources=3, holes=0.15):
    rng = np.random.default_rng(seed)
    res = rng.uniform(1, 50, (rows, cols))
    res[rng.random((rows, cols)) < holes] = np.nan
    labels = np.zeros((rows, cols), dtype=np.int32)
    cells = rng.choice(rows * cols, n_sources * 2, replace=False)
    for k, cell in enumerate(cells):
        labels.ravel()[cell] = 1 + k % n_sources  # two cells per source
    return res, labels


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_against_networkx_dijkstra(seed):
    res, labels = random_case(seed)
    dx, dy = 30.0, 20.0 if seed % 2 else 30.0
    surface = accumulated_cost(res, (dx, dy), labels, predecessors=True)
    g = cell_graph(res, dx, dy)
    starts = {(r, c): int(labels[r, c]) for r, c in zip(*np.nonzero(labels)) if not np.isnan(res[r, c])}
    dist = nx.multi_source_dijkstra_path_length(g, set(starts))
    rows, cols = res.shape
    for r in range(rows):
        for c in range(cols):
            if (r, c) in dist:
                assert surface.cost[r, c] == pytest.approx(dist[(r, c)], rel=1e-12, abs=1e-9)
            else:
                assert surface.cost[r, c] == math.inf
                assert surface.allocation[r, c] == 0
    # allocation: the cost from the allocated source alone equals the surface's cost
    for label in np.unique(labels[labels > 0]):
        own = {cell for cell, k in starts.items() if k == label}
        if not own:
            continue
        alone = nx.multi_source_dijkstra_path_length(g, own)
        mask = surface.allocation == label
        for r, c in zip(*np.nonzero(mask)):
            assert alone[(r, c)] == pytest.approx(surface.cost[r, c], rel=1e-12, abs=1e-9)
    # paths: descent and predecessors both give paths whose summed cost is the cell's cost
    finite = np.argwhere(np.isfinite(surface.cost))
    for r, c in finite[:: max(1, len(finite) // 25)]:
        for path in (least_cost_path(surface.cost, res, (dx, dy), (r, c)), path_from_predecessors(surface.predecessor, (r, c))):
            assert path[0] == (r, c)
            assert surface.cost[path[-1]] == 0
            assert path_cost(res, (dx, dy), path) == pytest.approx(surface.cost[r, c], rel=1e-9, abs=1e-9)


def test_hand_computed_line_and_diagonal():
    res = np.array([[1.0, 3.0, 5.0], [2.0, np.nan, 1.0], [4.0, 1.0, 1.0]])
    labels = np.zeros((3, 3), dtype=np.int32)
    labels[0, 0] = 7
    s = accumulated_cost(res, 10.0, labels)
    assert s.cost[0, 1] == pytest.approx((1 + 3) / 2 * 10)
    assert s.cost[0, 2] == pytest.approx(20 + (3 + 5) / 2 * 10)
    # (0,0) → (1,0) → (2,1) → (2,2)... or (0,0)→(0,1)→(1,2) diagonal: 20 + (3+1)/2·10√2
    via_top = 20 + 2 * 10 * math.sqrt(2)
    via_left = (1 + 2) / 2 * 10 + (2 + 1) / 2 * 10 * math.sqrt(2) + (1 + 1) / 2 * 10 * math.sqrt(2)
    assert s.cost[1, 2] == pytest.approx(min(via_top, via_left))
    assert s.cost[1, 1] == math.inf and s.allocation[1, 1] == 0
    assert set(np.unique(s.allocation[np.isfinite(s.cost)])) == {7}


def test_max_cost_and_patch_distances():
    res = np.ones((5, 12))
    labels = np.zeros((5, 12), dtype=np.int32)
    labels[:, 0] = 1
    labels[:, 5] = 2
    labels[:, 11] = 3
    s = accumulated_cost(res, 1.0, labels, max_cost=2.0)
    assert s.cost[2, 2] == pytest.approx(2.0)
    assert s.cost[2, 3] == pytest.approx(2.0)  # from source 2 (two steps west)
    assert s.cost[2, 8] == math.inf  # three steps from both 2 and 3
    d = patch_distances(res, 1.0, labels)
    assert d == {(1, 2): pytest.approx(5.0), (1, 3): pytest.approx(11.0), (2, 3): pytest.approx(6.0)}
    bounded = patch_distances(res, 1.0, labels, pairs=[(3, 1), (2, 3)], max_cost=7)
    assert bounded == {(1, 3): math.inf, (2, 3): pytest.approx(6.0)}


def test_bad_input():
    labels = np.zeros((3, 3), dtype=np.int32)
    labels[0, 0] = 1
    with pytest.raises(InputError, match="2 resistance cells are zero or negative"):
        accumulated_cost(np.array([[1, 0, -1], [1, 1, 1], [1, 1, 1]], float), 1.0, labels)
    with pytest.raises(InputError, match="1 resistance cells are below 1"):
        accumulated_cost(np.array([[1, 0.5, 1], [1, 1, 1], [1, 1, 1]], float), 1.0, labels)
    # only > 0 required when asked
    assert accumulated_cost(np.array([[1, 0.5, 1], [1, 1, 1], [1, 1, 1]], float), 1.0, labels, min_resistance=0).cost[0, 1] == 0.75
    with pytest.raises(InputError, match="no valid cell"):
        accumulated_cost(np.full((3, 3), np.nan), 1.0, labels)
    hole = np.ones((3, 3))
    hole[0, 0] = np.nan
    with pytest.raises(InputError, match="No source lies on a passable cell"):
        accumulated_cost(hole, 1.0, labels)
    with pytest.raises(InputError, match="does not match"):
        accumulated_cost(np.ones((3, 4)), 1.0, labels)
    with pytest.raises(InputError, match="cell size"):
        accumulated_cost(np.ones((3, 3)), 0.0, labels)
    two = labels.copy()
    two[2, 2] = 2
    hole[2, 2] = np.nan
    hole[0, 0] = 1
    assert accumulated_cost(hole, 1.0, two).missing == (2,)


def test_graph_reuse_for_many_runs():
    res, labels = random_case(5, 30, 30, 4, 0.1)
    graph = CostGraph(res, 25.0)
    together = graph.run(labels)
    separate = [graph.run(np.where(labels == k, k, 0)).cost for k in range(1, 5) if (labels == k).any() and np.isfinite(res[labels == k]).any()]
    np.testing.assert_allclose(together.cost, np.minimum.reduce(separate))


def run_r_cost(tmp_path, res, labels, cell):
    nodata = -9999.0
    resistance = write_raster(tmp_path / "res.tif", np.where(np.isnan(res), nodata, res), cell=cell, nodata=nodata)
    starts = write_raster(tmp_path / "start.tif", labels.astype(np.int32), cell=cell, nodata=0)
    out = tmp_path / "rcost.tif"
    script = (
        f"r.in.gdal -o --q input={resistance} output=res && r.in.gdal -o --q input={starts} output=start && "
        "g.region raster=res && r.cost --q input=res start_raster=start output=cost && "
        f"r.out.gdal --q -f input=cost output={out} type=Float64 createopt=COMPRESS=NONE"
    )
    subprocess.run(["grass", "--tmp-location", "EPSG:4547", "--exec", "bash", "-c", script], check=True, capture_output=True, timeout=300)
    with rasterio.open(out) as ds:
        return ds.read(1, masked=True)


def test_against_grass_r_cost(tmp_path):
    assert shutil.which("grass"), "GRASS (grass-core) is needed for this comparison; scripts/setup.sh installs it"
    rng = np.random.default_rng(42)
    res = np.round(rng.uniform(1, 100, (60, 80)), 2)
    res[rng.random(res.shape) < 0.1] = np.nan
    res[20:40, 30] = np.nan  # a wall
    labels = np.zeros(res.shape, dtype=np.int32)
    labels[5, 5] = 1
    labels[50:53, 70:73] = 2
    res[labels > 0] = 5.0
    ours = accumulated_cost(res, 30.0, labels)
    grass = run_r_cost(tmp_path, res, labels, 30.0)
    reached = np.isfinite(ours.cost)
    assert np.array_equal(reached, ~np.ma.getmaskarray(grass))
    # r.cost counts steps in cells (an east-west step has length 1); ours in map units (× 30 m)
    np.testing.assert_allclose(ours.cost[reached], 30.0 * grass.filled(np.nan)[reached], rtol=1e-6)


def test_cells_by_label_gives_each_sources_own_surface():
    res, labels = random_case(9, 20, 20, 3, 0.1)
    graph = CostGraph(res, 10.0)
    sources = graph.cells_by_label(labels)
    g = cell_graph(res, 10.0, 10.0)
    for k, own in sources.items():
        cwd = graph.run_cells(own, allocation=False).cost
        cells = {(int(r), int(c)) for r, c in zip(*np.nonzero(labels == k)) if not np.isnan(res[r, c])}
        dist = nx.multi_source_dijkstra_path_length(g, cells)
        for (r, c), v in dist.items():
            assert cwd[r, c] == pytest.approx(v, rel=1e-12)
        assert np.isfinite(cwd).sum() == len(dist)


@pytest.mark.parametrize("max_cost", [math.inf, 400.0])
def test_patch_distances_against_networkx(max_cost):
    """Each run stops early (at max_cost, or once the wanted patches are settled, or inside the
    window of cells within max_cost / R_min): distances must still be the exact minima."""
    res, labels = random_case(11, 40, 50, 7, 0.1)
    res[labels > 0] = 1.0  # R_min = 1 on the patches, so the window test is tight
    g = cell_graph(res, 10.0, 10.0)
    got = patch_distances(res, 10.0, labels, max_cost=max_cost)
    ids = sorted(int(k) for k in np.unique(labels[labels > 0]))
    cells = {k: {(int(r), int(c)) for r, c in zip(*np.nonzero(labels == k))} for k in ids}
    for a in ids:
        dist = nx.multi_source_dijkstra_path_length(g, cells[a])
        for b in ids:
            if b <= a:
                continue
            best = min((dist[x] for x in cells[b] if x in dist), default=math.inf)
            expected = best if best <= max_cost else math.inf
            assert got[(a, b)] == pytest.approx(expected, rel=1e-12), (a, b)
    assert any(math.isinf(v) for v in got.values()) == (max_cost < math.inf)


def test_results_outlive_later_runs():
    """The search reuses its buffers between runs: a returned surface must not change afterwards."""
    res, labels = random_case(4, 25, 25, 3, 0.05)
    graph = CostGraph(res, 10.0)
    first = graph.run(np.where(labels == 1, 1, 0))
    kept = first.cost.copy()
    graph.run(np.where(labels == 2, 2, 0))
    np.testing.assert_array_equal(first.cost, kept)


def test_the_resistance_given_is_never_written_to():
    res, labels = random_case(6, 20, 20, 2, 0.1)
    res[3, 3], res[4, 4] = np.inf, -np.inf  # impassable too
    before = res.copy()
    surface = accumulated_cost(res, 10.0, labels)
    np.testing.assert_array_equal(res, before)
    assert surface.cost[3, 3] == math.inf and surface.cost[4, 4] == math.inf


@pytest.mark.parametrize(
    "shape, offsets",
    [
        ((1, 1), cost_distance.MOVES),
        ((7, 1), cost_distance.MOVES),
        ((2, 9), cost_distance.MOVES),
        ((6, 5), ((-2, 0), (1, 1), (0, 2))),  # scikit-image's own docstring example, other sizes
        ((4, 3, 5), ((-1, 0, 0), (0, 1, 0), (0, 0, -1), (1, 1, 1))),
    ],
)
def test_lean_edge_maps_equal_scikit_images(shape, offsets):
    from skimage.graph import _mcp

    offsets = np.array(offsets)
    for mine, theirs in zip(cost_distance._lean_edge_maps(shape, offsets), _mcp._offset_edge_map(shape, offsets)):
        assert mine.dtype == theirs.dtype and mine.shape == theirs.shape
        np.testing.assert_array_equal(mine, theirs)


def test_searches_build_lean_edge_maps_and_give_the_library_its_own_back(monkeypatch):
    from skimage.graph import _mcp

    original, lean = _mcp._offset_edge_map, cost_distance._lean_edge_maps
    calls = []

    def counted(shape, offsets):
        calls.append(tuple(shape))
        return lean(shape, offsets)

    monkeypatch.setattr(cost_distance, "_lean_edge_maps", counted)
    res, labels = random_case(3)
    surface = accumulated_cost(res, 10.0, labels)
    assert calls == [res.shape]
    assert _mcp._offset_edge_map is original
    starts = {(r, c) for r, c in zip(*np.nonzero(labels)) if not np.isnan(res[r, c])}
    expected = nx.multi_source_dijkstra_path_length(cell_graph(res, 10.0, 10.0), starts)
    assert np.isfinite(surface.cost).sum() == len(expected)
    for (r, c), value in expected.items():
        assert surface.cost[r, c] == pytest.approx(value, rel=1e-12, abs=1e-9)


def test_a_library_with_other_edge_maps_keeps_its_own():
    class Changed:
        @staticmethod
        def _offset_edge_map(shape, offsets):
            pos, neg = cost_distance._lean_edge_maps(shape, offsets)
            return pos.astype(np.int16), neg.astype(np.int16)

    class Gone:
        pass

    assert not cost_distance._lean_agrees(Changed)
    assert not cost_distance._lean_agrees(Gone)
