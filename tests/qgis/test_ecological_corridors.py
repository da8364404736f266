"""tsr:ecologicalcorridors through processing.run and qgis_process: values against a plain Dijkstra
(networkx) on the cell graph, gravity by hand, conflicts with a road, hostile input."""

from __future__ import annotations

import math
import subprocess

import networkx as nx
import numpy as np
import pytest
from network_layers import X0, Y0, box, features, save_layers
from qgis_runner import QgisProcess
from rasters import read_raster, write_raster

CELL = 30.0
ROWS, COLS = 30, 50
# sources as cell blocks (row0, row1, col0, col1), ids 11, 22, 33
BLOCKS = {11: (3, 7, 3, 8), 22: (4, 8, 40, 46), 33: (22, 27, 20, 26)}


def cells_box(r0, r1, c0, c1):
    """Polygon (offsets from X0, Y0) covering the cells [r0, r1) × [c0, c1) of the test grid."""
    return box(c0 * CELL, -r1 * CELL, c1 * CELL, -r0 * CELL)


@pytest.fixture
def d(tmp_path):
    rng = np.random.default_rng(7)
    res = rng.uniform(1, 30, (ROWS, COLS)).astype(np.float32)
    res[10:20, 15] = -9999.0  # a wall of nodata
    for r0, r1, c0, c1 in BLOCKS.values():
        res[r0:r1, c0:c1] = 1.0 + rng.random((r1 - r0, c1 - c0)).astype(np.float32)
    resistance = write_raster(tmp_path / "resistance.tif", res, cell=CELL, origin=(X0, Y0))
    save_layers(
        tmp_path,
        {
            "sources": ("Polygon", "&field=sid:integer", [(cells_box(*b), [k]) for k, b in BLOCKS.items()]),
            "roads": ("LineString", "&field=name:string", [([(30.5 * CELL, 0.0), (30.5 * CELL, -ROWS * CELL)], ["G1"])]),
        },
    )
    return {
        "res": np.where(res == -9999.0, np.nan, res).astype(np.float64),
        "resistance": resistance,
        "sources": str(tmp_path / "sources.gpkg"),
        "roads": str(tmp_path / "roads.gpkg"),
        "dir": tmp_path,
    }


def params(d, **extra):
    out = d["dir"]
    base = {
        "SOURCES": d["sources"],
        "SOURCE_ID_FIELD": "sid",
        "RESISTANCE": d["resistance"],
        "NEIGHBOURS": 2,
        "MAX_COST_DISTANCE": 0,
        "CORRIDOR_WIDTH": 3000,
        "ROADS": d["roads"],
        "OUTPUT_COST_DISTANCE": str(out / "cost.tif"),
        "OUTPUT_ALLOCATION": str(out / "alloc.tif"),
        "OUTPUT_CORRIDORS": str(out / "corridors.tif"),
        "OUTPUT_PATHS": str(out / "paths.gpkg"),
        "OUTPUT_CONFLICTS": str(out / "conflicts.gpkg"),
        "OUTPUT_HTML": str(out / "report.html"),
    }
    base.update(extra)
    return base


def cell_graph(res):
    g = nx.Graph()
    for r in range(ROWS):
        for c in range(COLS):
            if np.isnan(res[r, c]):
                continue
            for dr, dc in ((0, 1), (1, -1), (1, 0), (1, 1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < ROWS and 0 <= cc < COLS and not np.isnan(res[rr, cc]):
                    g.add_edge((r, c), (rr, cc), weight=(res[r, c] + res[rr, cc]) / 2 * CELL * math.hypot(dr, dc))
    return g


def block_cells(k):
    r0, r1, c0, c1 = BLOCKS[k]
    return {(r, c) for r in range(r0, r1) for c in range(c0, c1)}


def check_outputs(d, results):
    res = d["res"]
    g = cell_graph(res)
    # MCR surface and allocation against networkx
    nearest = {}
    every = nx.multi_source_dijkstra_path_length(g, set().union(*(block_cells(k) for k in BLOCKS)))
    cost = read_raster(results["OUTPUT_COST_DISTANCE"])
    alloc = read_raster(results["OUTPUT_ALLOCATION"])
    single = {k: nx.multi_source_dijkstra_path_length(g, block_cells(k)) for k in BLOCKS}
    for (r, c), v in every.items():
        assert cost[r, c] == pytest.approx(v, rel=1e-6)
        nearest = min(BLOCKS, key=lambda k: single[k].get((r, c), math.inf))
        assert single[int(alloc[r, c])][(r, c)] == pytest.approx(v, rel=1e-9), (r, c, nearest)
    assert cost.mask[15, 15] and alloc.mask[15, 15]  # the wall is nodata
    # paths: all three pairs, cwd = LCD by networkx, gravity by hand, importance = G ≥ median
    paths = features(results["OUTPUT_PATHS"])
    assert sorted((p["from_id"], p["to_id"]) for p in paths) == [(11, 22), (11, 33), (22, 33)]
    lcd = {}
    for p in paths:
        a, b = p["from_id"], p["to_id"]
        lcd[(a, b)] = min(single[a][cell] for cell in block_cells(b))
        assert p["cwd"] == pytest.approx(lcd[(a, b)], rel=1e-9)
        assert p["cwd_to_path"] == pytest.approx(p["cwd"] / p["lcp_length"])
        assert p["cwd_to_euc"] == pytest.approx(p["cwd"] / p["euc_dist"])
        ra0, ra1, ca0, ca1 = BLOCKS[a]
        rb0, rb1, cb0, cb1 = BLOCKS[b]
        gap_x = max(0, max(ca0, cb0) - min(ca1, cb1)) * CELL
        gap_y = max(0, max(ra0, rb0) - min(ra1, rb1)) * CELL
        assert p["euc_dist"] == pytest.approx(math.hypot(gap_x, gap_y))
        line = p["_geometry"].asPolyline()
        assert line[0].x() > X0 + ca0 * CELL and line[0].x() < X0 + ca1 * CELL  # starts in a
        assert line[-1].x() > X0 + cb0 * CELL and line[-1].x() < X0 + cb1 * CELL  # ends in b
    weight = {}
    for k, (r0, r1, c0, c1) in BLOCKS.items():
        area = (r1 - r0) * (c1 - c0) * CELL * CELL
        weight[k] = math.log(area) / float(np.mean(res[r0:r1, c0:c1]))
    l_max = max(lcd.values())
    gravity = {pair: weight[pair[0]] * weight[pair[1]] / (v / l_max) ** 2 for pair, v in lcd.items()}
    median = float(np.median(list(gravity.values())))
    for p in paths:
        pair = (p["from_id"], p["to_id"])
        assert p["gravity"] == pytest.approx(gravity[pair], rel=1e-6)
        assert p["importance"] == ("important" if gravity[pair] >= median else "general")
    # corridors: 0 on the least-cost paths, cut at the width
    corridors = read_raster(results["OUTPUT_CORRIDORS"])
    assert corridors.min() == pytest.approx(0.0, abs=1e-2)
    assert corridors.max() <= 3000
    # conflicts: where the paths cross the road at x = 30.5 cells; the paths 11–22 and 22–33 cross it
    conflicts = features(results["OUTPUT_CONFLICTS"])
    crossing = [
        p for p in paths if min(pt.x() for pt in p["_geometry"].asPolyline()) < X0 + 30.5 * CELL < max(pt.x() for pt in p["_geometry"].asPolyline())
    ]
    assert len(conflicts) >= len(crossing) >= 1
    for point in conflicts:
        assert point["_geometry"].asPoint().x() == pytest.approx(X0 + 30.5 * CELL)
        assert point["road_fid"] == 1
    assert "gravity" in open(results["OUTPUT_HTML"], encoding="utf-8").read().lower()


def test_processing_run(run, d):
    results = run("ecologicalcorridors", params(d))
    check_outputs(d, results)


def test_cost_allocation_neighbours_and_max_cost(run, d):
    results = run("ecologicalcorridors", params(d, NEIGHBOURS=0, MAX_COST_DISTANCE=1e9))
    paths = features(results["OUTPUT_PATHS"])
    alloc = read_raster(results["OUTPUT_ALLOCATION"]).filled(0)
    touching = set()
    for dr, dc in ((0, 1), (1, -1), (1, 0), (1, 1)):
        a = alloc[0 : ROWS - dr, max(0, -dc) : COLS - max(0, dc)]
        b = alloc[dr:ROWS, max(0, dc) : COLS + min(0, dc)]
        m = (a > 0) & (b > 0) & (a != b)
        touching |= {(min(x, y), max(x, y)) for x, y in zip(a[m], b[m])}
    assert sorted((p["from_id"], p["to_id"]) for p in paths) == sorted(touching)
    lcds = sorted(p["cwd"] for p in paths)
    limit = (lcds[0] + lcds[-1]) / 2 if len(lcds) > 1 else lcds[0] - 1
    fewer = run("ecologicalcorridors", params(d, NEIGHBOURS=2, MAX_COST_DISTANCE=limit, OUTPUT_PATHS=str(d["dir"] / "p2.gpkg")))
    assert all(p["cwd"] <= limit for p in features(fewer["OUTPUT_PATHS"]))


def test_qgis_process(d, tmp_path):
    qp = QgisProcess(str(tmp_path / "profile"))
    answer = qp.run("tsr:ecologicalcorridors", params(d), timeout=300)
    check_outputs(d, answer["results"])


def qgis_process(qp, parameters):
    args = [qp.binary, "run", "tsr:ecologicalcorridors", "--"] + [f"{k}={v}" for k, v in parameters.items()]
    done = subprocess.run(args, env=qp.env, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


def test_hostile_input_through_qgis_process(d, tmp_path):
    qp = QgisProcess(str(tmp_path / "profile"))
    folder = d["dir"]
    cases = []
    low = d["res"].copy()
    low[0, 0], low[0, 1], low[1, 0] = 0.0, 0.5, -2.0
    cases.append(
        (
            {"RESISTANCE": write_raster(folder / "low.tif", np.nan_to_num(low, nan=-9999.0).astype(np.float32), cell=CELL, origin=(X0, Y0))},
            "2 resistance cells are zero or negative",
        )
    )
    half = np.nan_to_num(d["res"], nan=-9999.0).astype(np.float32)
    half[5, 5] = 0.5
    cases.append(({"RESISTANCE": write_raster(folder / "half.tif", half, cell=CELL, origin=(X0, Y0))}, "1 resistance cells are below 1"))
    empty = np.full((ROWS, COLS), -9999.0, dtype=np.float32)
    cases.append(({"RESISTANCE": write_raster(folder / "empty.tif", empty, cell=CELL, origin=(X0, Y0))}, "no valid cell"))
    geographic = write_raster(folder / "geo.tif", half.clip(1), cell=0.001, crs="EPSG:4490", origin=(105.0, 30.0))
    cases.append(({"RESISTANCE": geographic}, "geographic"))
    rotated = write_raster(folder / "rotated.tif", half.clip(1), cell=CELL, origin=(X0, Y0), rotation=10.0)
    cases.append(({"RESISTANCE": rotated}, "rotated"))
    save_layers(
        folder,
        {
            "far": ("Polygon", "&field=sid:integer", [(box(1e5, 1e5, 1e5 + 90, 1e5 + 90), [1]), (box(2e5, 2e5, 2e5 + 90, 2e5 + 90), [2])]),
            "one": ("Polygon", "&field=sid:integer", [(cells_box(*BLOCKS[11]), [1])]),
        },
    )
    cases.append(({"SOURCES": str(folder / "far.gpkg")}, "Fewer than two sources fall on the resistance surface"))
    cases.append(({"SOURCES": str(folder / "one.gpkg")}, "At least two source polygons are needed"))
    cases.append(({"OUTPUT_COST_DISTANCE": d["resistance"]}, "resistance.tif"))
    before = read_raster(d["resistance"])
    for extra, message in cases:
        code, text = qgis_process(qp, params(d, **extra))
        assert code != 0, extra
        assert message in text, (extra, text[-1500:])
        assert "Traceback" not in text, text[-3000:]
    np.testing.assert_array_equal(read_raster(d["resistance"]), before)
