"""tsr:barriers through processing.run (chained after tsr:ecologicalcorridors) and qgis_process: the
improvement score against the definition computed independently (networkx cost distances, window
minima by loops), a wall by hand, and hostile input (clear message, no traceback, inputs untouched)."""

from __future__ import annotations

import math
import subprocess

import networkx as nx
import numpy as np
import pytest
from network_layers import X0, Y0, box, save_layers
from qgis_runner import QgisProcess
from rasters import read_raster, write_raster

CELL = 30.0
ROWS, COLS = 9, 25
# sources as cell blocks (row0, row1, col0, col1)
BLOCKS = {7: (3, 6, 0, 3), 8: (3, 6, 22, 25)}


def cells_box(r0, r1, c0, c1):
    return box(c0 * CELL, -r1 * CELL, c1 * CELL, -r0 * CELL)


@pytest.fixture
def d(tmp_path):
    res = np.full((ROWS, COLS), 2.0, dtype=np.float32)
    res[:, 11:14] = 80.0  # a wall across the landscape
    res[0, 12] = -9999.0
    resistance = write_raster(tmp_path / "resistance.tif", res, cell=CELL, origin=(X0, Y0))
    save_layers(
        tmp_path,
        {
            "sources": ("Polygon", "&field=sid:integer", [(cells_box(*b), [k]) for k, b in BLOCKS.items()]),
            "paths": ("LineString", "&field=from_id:integer&field=to_id:integer", [([(45.0, -135.0), (705.0, -135.0)], [7, 8])]),
        },
    )
    return {
        "res": np.where(res == -9999.0, np.nan, res).astype(np.float64),
        "resistance": resistance,
        "sources": str(tmp_path / "sources.gpkg"),
        "paths": str(tmp_path / "paths.gpkg"),
        "dir": tmp_path,
    }


def params(d, **extra):
    out = d["dir"]
    base = {
        "SOURCES": d["sources"],
        "SOURCE_ID_FIELD": "sid",
        "RESISTANCE": d["resistance"],
        "PATHS": d["paths"],
        "RADII": "30, 60",
        "OUTPUT": str(out / "barriers.tif"),
        "OUTPUT_RADIUS": str(out / "radius.tif"),
        "OUTPUT_HTML": str(out / "barriers.html"),
    }
    base.update(extra)
    return base


def cwd(res, cells):
    graph = nx.DiGraph()
    rows, cols = res.shape
    for r in range(rows):
        for c in range(cols):
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    q = (r + dr, c + dc)
                    if (dr or dc) and 0 <= q[0] < rows and 0 <= q[1] < cols and np.isfinite(res[r, c]) and np.isfinite(res[q]):
                        graph.add_edge((r, c), q, weight=(res[r, c] + res[q]) / 2 * math.hypot(dr, dc) * CELL)
    out = np.full(res.shape, np.inf)
    for (r, c), v in nx.multi_source_dijkstra_path_length(graph, cells).items():
        out[r, c] = v
    return out


def window_min(values, radius):
    rows, cols = values.shape
    out = np.full(values.shape, np.inf)
    for r in range(rows):
        for c in range(cols):
            for rr in range(rows):
                for cc in range(cols):
                    if math.hypot(rr - r, cc - c) * CELL <= radius + 1e-9:
                        out[r, c] = min(out[r, c], values[rr, cc])
    return out


def expected_scores(d, radii):
    res = d["res"]
    a = cwd(res, [(r, c) for r in range(3, 6) for c in range(0, 3)])
    b = cwd(res, [(r, c) for r in range(3, 6) for c in range(22, 25)])
    lcd = np.min(a + b)
    best, best_r = np.zeros(res.shape), np.full(res.shape, np.nan)
    for radius in radii:
        score = np.maximum(lcd - (window_min(a, radius) + window_min(b, radius) + 2 * radius), 0) / (2 * radius)
        better = score > best
        best, best_r = np.where(better, score, best), np.where(better, radius, best_r)
    return best, best_r


def check(d, results):
    best, best_r = expected_scores(d, [30.0, 60.0])
    score = read_raster(results["OUTPUT"])
    np.testing.assert_allclose(score.filled(np.nan), best, rtol=1e-5, atol=1e-9)
    radius = read_raster(results["OUTPUT_RADIUS"])
    np.testing.assert_array_equal(radius.mask, np.isnan(best_r))
    np.testing.assert_array_equal(radius.compressed(), best_r[~np.isnan(best_r)])
    # the best window sits on the wall
    r, c = np.unravel_index(np.argmax(best), best.shape)
    assert 11 <= c <= 13
    html = open(results["OUTPUT_HTML"], encoding="utf-8").read()
    assert "7 – 8" in html


def test_processing_run(run, d):
    check(d, run("barriers", params(d)))


def test_chained_after_ecological_corridors(run, d):
    corridors = run(
        "ecologicalcorridors",
        {
            "SOURCES": d["sources"],
            "SOURCE_ID_FIELD": "sid",
            "RESISTANCE": d["resistance"],
            "NEIGHBOURS": 2,
            "OUTPUT_COST_DISTANCE": str(d["dir"] / "cost.tif"),
            "OUTPUT_ALLOCATION": "",
            "OUTPUT_CORRIDORS": "",
            "OUTPUT_PATHS": str(d["dir"] / "lcp.gpkg"),
            "OUTPUT_CONFLICTS": "",
            "OUTPUT_HTML": "",
        },
    )
    check(d, run("barriers", params(d, PATHS=corridors["OUTPUT_PATHS"])))


def test_qgis_process(d, tmp_path):
    qp = QgisProcess(str(tmp_path / "profile"))
    check(d, qp.run("tsr:barriers", params(d), timeout=300)["results"])


def qgis_process(qp, parameters):
    args = [qp.binary, "run", "tsr:barriers", "--"] + [f"{k}={v}" for k, v in parameters.items()]
    done = subprocess.run(args, env=qp.env, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


def test_hostile_input_through_qgis_process(d, tmp_path):
    qp = QgisProcess(str(tmp_path / "profile"))
    folder = d["dir"]
    res = np.nan_to_num(d["res"], nan=-9999.0).astype(np.float32)
    low = res.copy()
    low[4, 5] = 0.5
    save_layers(
        folder,
        {
            "one": ("Polygon", "&field=sid:integer", [(cells_box(*BLOCKS[7]), [7])]),
            "far": ("Polygon", "&field=sid:integer", [(box(1e5, 1e5, 1e5 + 90, 1e5 + 90), [1]), (box(2e5, 2e5, 2e5 + 90, 2e5 + 90), [2])]),
            "nopaths": ("LineString", "&field=a:integer", [([(0.0, 0.0), (30.0, 0.0)], [1])]),
            "strangers": ("LineString", "&field=from_id:integer&field=to_id:integer", [([(0.0, 0.0), (30.0, 0.0)], [1, 2])]),
        },
    )
    cases = [
        ({"RESISTANCE": write_raster(folder / "low.tif", low, cell=CELL, origin=(X0, Y0))}, "below 1"),
        ({"RESISTANCE": write_raster(folder / "geo.tif", res, cell=0.001, crs="EPSG:4490", origin=(105.0, 30.0))}, "geographic"),
        ({"SOURCES": str(folder / "one.gpkg")}, "At least two source polygons are needed"),
        ({"SOURCES": str(folder / "far.gpkg")}, "Fewer than two sources fall on the resistance surface"),
        ({"RESISTANCE": write_raster(folder / "rotated.tif", res.clip(1), cell=CELL, origin=(X0, Y0), rotation=10.0)}, "rotated"),
        ({"PATHS": str(folder / "nopaths.gpkg")}, "PATHS has no field from_id"),
        ({"PATHS": str(folder / "strangers.gpkg")}, "No path of PATHS links two of the SOURCES"),
        ({"RADII": "30, -5"}, "positive number"),
        ({"RADII": "abc"}, "is not a number"),
        ({"OUTPUT": d["resistance"]}, "resistance.tif"),
    ]
    before = read_raster(d["resistance"])
    for extra, message in cases:
        code, text = qgis_process(qp, params(d, **extra))
        assert code != 0, extra
        assert message in text, (extra, text[-1500:])
        assert "Traceback" not in text, text[-3000:]
    np.testing.assert_array_equal(read_raster(d["resistance"]), before)
