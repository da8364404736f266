"""Least-cost distances between patches shared with worker processes (od_parallel): the same
dict bit for bit as one process, whether the workers run, cannot start or are cancelled."""

from __future__ import annotations

import math
import multiprocessing
import multiprocessing.spawn
import tempfile
import time

import numpy as np
import pytest
from cancelling import CancelAfter
from pools import patient_pool
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra

from territorial_resilience.algorithms.common import machine
from territorial_resilience.algorithms.common.progress import Cancelled
from territorial_resilience.algorithms.ecology import cost_distance
from territorial_resilience.algorithms.ecology.cost_distance import CostGraph
from territorial_resilience.algorithms.network import od_parallel

CELL = 10.0


def landscape(side=120, patches=40, seed=3):
    """Resistance 5–50 with a few impassable cells, and `patches` labelled squares (1–3 cells
    wide, resistance 1); two labels lie entirely on impassable cells (they reach nothing)."""
    rng = np.random.default_rng(seed)
    resistance = rng.uniform(5.0, 50.0, (side, side))
    resistance[rng.random((side, side)) < 0.03] = np.nan
    labels = np.zeros((side, side), np.int32)
    for k in range(1, patches + 1):
        r, c = rng.integers(2, side - 5, 2)
        w = int(rng.integers(1, 4))
        labels[r : r + w, c : c + w] = k
        resistance[r : r + w, c : c + w] = np.nan if k in (7, 23) else 1.0
    return resistance, labels


def brute_force(resistance, labels, max_cost):
    """LCD(a, b) by scipy's Dijkstra on an explicit 8-neighbour cell graph, min over b's cells."""
    rows, cols = resistance.shape
    index = np.arange(rows * cols).reshape(rows, cols)
    u, v, w = [], [], []
    for dr, dc in ((0, 1), (1, -1), (1, 0), (1, 1)):
        r0, r1 = 0, rows - dr
        c0, c1 = max(0, -dc), cols - max(0, dc)
        a = resistance[r0:r1, c0:c1]
        b = resistance[r0 + dr : r1 + dr, c0 + dc : c1 + dc]
        ok = ~np.isnan(a) & ~np.isnan(b)
        u.append(index[r0:r1, c0:c1][ok])
        v.append(index[r0 + dr : r1 + dr, c0 + dc : c1 + dc][ok])
        w.append((a[ok] + b[ok]) / 2 * math.hypot(dr * CELL, dc * CELL))
    graph = coo_matrix((np.concatenate(w), (np.concatenate(u), np.concatenate(v))), shape=(rows * cols,) * 2).tocsr()
    passable = ~np.isnan(resistance).ravel()
    ids = np.unique(labels.ravel()[(labels.ravel() > 0) & passable])  # patches without a passable cell: no pair
    cells = {int(k): np.flatnonzero((labels.ravel() == k) & passable) for k in ids}
    expected = {}
    for a in ids:
        a = int(a)
        cost = dijkstra(graph, directed=False, indices=cells[a], min_only=True)
        for b in ids[ids > a]:
            d = float(cost[cells[int(b)]].min())
            expected[(a, int(b))] = d if d <= max_cost else math.inf
    return expected


@pytest.fixture
def temporary(monkeypatch, tmp_path):
    """Temporary folders go to tmp_path (to check that none is left behind); chunks of one run."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(cost_distance, "CHUNK_SECONDS", 1e-9)
    return tmp_path


@pytest.mark.parametrize("max_cost", [math.inf, 300.0])
def test_workers_give_the_same_distances_bit_for_bit(monkeypatch, temporary, max_cost):
    resistance, labels = landscape()
    graph = CostGraph(resistance, CELL)
    if math.isfinite(max_cost):  # the bound confines the runs to windows: the bounded search runs
        own = np.flatnonzero(labels.ravel() == 1)
        assert graph.run_bound(own, max_cost)[0] == max_cost
    one = graph.patch_distances(labels, max_cost=max_cost, workers=1)
    expected = brute_force(resistance, labels, max_cost)
    assert one.keys() == expected.keys() and len(one) >= 30 * 29 // 2
    assert all(one[p] == pytest.approx(expected[p], rel=1e-12) for p in one)
    finite = sum(math.isfinite(d) for d in one.values())
    assert 0 < finite < len(one) if math.isfinite(max_cost) else finite == len(one)
    log, fractions = {}, []
    monkeypatch.setattr(od_parallel, "SearchPool", patient_pool(log))
    shared = CostGraph(resistance, CELL).patch_distances(labels, max_cost=max_cost, workers=2, progress=fractions.append)
    took = [k for k, ok in log["from_workers"] if ok]
    assert log["first"] is not None and took, "a worker ran some chunks"
    assert len(took) < 38, "and the caller the others"
    assert list(shared.items()) == list(one.items())  # same pairs, same order, same floats
    assert all(np.float64(d).tobytes() == np.float64(one[p]).tobytes() for p, d in shared.items())
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert list(temporary.iterdir()) == []


def test_pairs_and_the_module_function_take_workers_too(temporary):
    resistance, labels = landscape(seed=5)
    pairs = [(3, 1), (1, 3), (2, 9), (40, 12), (7, 8), (5, 5)]
    one = cost_distance.patch_distances(resistance, CELL, labels, pairs=pairs, workers=1)
    shared = cost_distance.patch_distances(resistance, CELL, labels, pairs=pairs, workers=2)
    assert list(shared.items()) == list(one.items())
    assert set(one) == {(1, 3), (2, 9), (12, 40), (7, 8)} and one[(7, 8)] == math.inf
    assert list(temporary.iterdir()) == []


@pytest.mark.parametrize("executable", [None, "/bin/false"])
def test_workers_that_cannot_start_leave_their_chunks_to_the_caller(monkeypatch, temporary, executable):
    resistance, labels = landscape()
    one = CostGraph(resistance, CELL).patch_distances(labels, workers=1)
    monkeypatch.setattr(od_parallel, "python_executable", lambda: executable)
    # The pool sets spawn's interpreter for the whole process: the next tests need it back.
    monkeypatch.setattr(multiprocessing.spawn, "_python_exe", multiprocessing.spawn.get_executable())
    assert list(CostGraph(resistance, CELL).patch_distances(labels, workers=2).items()) == list(one.items())
    assert list(temporary.iterdir()) == []


def test_a_worker_with_another_scikit_image_refuses_the_work(monkeypatch, temporary):
    resistance, labels = landscape()
    one = CostGraph(resistance, CELL).patch_distances(labels, max_cost=300.0, workers=1)
    log = {}
    monkeypatch.setattr(od_parallel, "SearchPool", patient_pool(log))
    monkeypatch.setattr(od_parallel, "signature", lambda libraries: od_parallel.versions() + ("0",) * len(libraries))
    assert list(CostGraph(resistance, CELL).patch_distances(labels, max_cost=300.0, workers=2).items()) == list(one.items())
    assert log["first"] is None and log["from_workers"] and not any(ok for _, ok in log["from_workers"])


def test_a_worker_whose_initializer_fails_refuses_its_chunks(monkeypatch):
    import operator

    log = {}
    monkeypatch.setattr(od_parallel, "SearchPool", patient_pool(log))
    # The workers' initializer raises (a key that is not there): they compute nothing and
    # the caller computes every chunk, here chunk + 10.
    found = dict(od_parallel.run_chunks([1, 2, 3, 4], 2, operator.add, (10,), lambda: None, initializer=operator.getitem, initargs=({}, "absent")))
    assert found == {0: 11, 1: 12, 2: 13, 3: 14}
    assert log["first"] is None and log["from_workers"] and not any(ok for _, ok in log["from_workers"])


def test_cancelling_with_workers_raises_removes_the_folder_and_the_workers_end(monkeypatch, temporary):
    resistance, labels = landscape()
    graph = CostGraph(resistance, CELL)
    # Cancelled while the caller runs its own chunks …
    callback = CancelAfter(3)
    with pytest.raises(Cancelled):
        graph.patch_distances(labels, workers=2, cancelled=callback)
    assert callback.calls == 3
    assert list(temporary.iterdir()) == []
    # … and while it waits for the workers' chunks.
    log = {}
    monkeypatch.setattr(od_parallel, "SearchPool", patient_pool(log))
    with pytest.raises(Cancelled):
        graph.patch_distances(labels, workers=2, cancelled=lambda: log.get("collecting", False))
    assert list(temporary.iterdir()) == []
    waited = time.monotonic()
    while multiprocessing.active_children() and time.monotonic() - waited < 120:
        time.sleep(0.1)
    assert multiprocessing.active_children() == []


def test_short_runs_stay_in_one_process_and_long_ones_use_every_core(monkeypatch, temporary):
    resistance, labels = landscape()
    started = []

    class Recorded(od_parallel.SearchPool):
        def __init__(self, chunks, processes, *args, **kwargs):
            started.append(processes)
            super().__init__(chunks, processes, *args, **kwargs)

    monkeypatch.setattr(od_parallel, "SearchPool", Recorded)
    monkeypatch.setattr(od_parallel, "available_cores", lambda: 3)
    # 39 runs over 120 × 120 cells: about 0.2 s estimated, far below PARALLEL_MIN_SECONDS.
    assert 39 * 120 * 120 * cost_distance.SECONDS_PER_CELL < cost_distance.PARALLEL_MIN_SECONDS
    one = CostGraph(resistance, CELL).patch_distances(labels)
    assert started == []
    monkeypatch.setattr(cost_distance, "PARALLEL_MIN_SECONDS", 0.1)
    assert list(CostGraph(resistance, CELL).patch_distances(labels).items()) == list(one.items())
    assert started == [2]  # three processes: this one and two workers
    # … as many workers as the available memory holds: each needs WORKER_BYTES and RUN_BYTES_PER_CELL
    # per cell of its largest run (here the whole grid).
    per_worker = cost_distance.WORKER_BYTES + cost_distance.RUN_BYTES_PER_CELL * 120 * 120 + 120 * 120
    for memory, workers in ((1.5 * per_worker, 1), (0.9 * per_worker, None)):
        monkeypatch.setattr(machine, "available_memory", lambda: memory)
        started.clear()
        assert list(CostGraph(resistance, CELL).patch_distances(labels).items()) == list(one.items())
        assert started == ([] if workers is None else [workers])
