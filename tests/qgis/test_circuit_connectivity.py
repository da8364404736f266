"""tsr:circuitconnectivity through processing.run and qgis_process: effective resistances against a
dense pseudo-inverse of the Laplacian built in the test, current conservation, focal regions,
pinch points in a corridor, and hostile input (clear message, no traceback, inputs untouched)."""

from __future__ import annotations

import itertools
import math
import subprocess

import numpy as np
import pytest
from network_layers import X0, Y0, box, features, save_layers
from qgis.core import QgsProcessingException
from qgis_runner import QgisProcess
from rasters import read_raster, write_raster

CELL = 30.0
ROWS, COLS = 10, 14
POINTS = {1: (1, 1), 2: (8, 12), 3: (2, 11)}  # id: (row, col)


def centre(r, c):
    return ((c + 0.5) * CELL, -(r + 0.5) * CELL)


@pytest.fixture
def d(tmp_path):
    rng = np.random.default_rng(4)
    res = rng.uniform(1, 20, (ROWS, COLS)).astype(np.float32)
    res[3:7, 6] = -9999.0
    resistance = write_raster(tmp_path / "resistance.tif", res, cell=CELL, origin=(X0, Y0))
    save_layers(
        tmp_path,
        {
            "points": ("Point", "&field=fid_:integer", [(centre(*rc), [k]) for k, rc in POINTS.items()]),
            "regions": (
                "Polygon",
                "&field=fid_:integer",
                [(box(0, -3 * CELL, 2 * CELL, 0), [1]), (box(12 * CELL, -10 * CELL, 14 * CELL, -8 * CELL), [2])],
            ),
        },
    )
    return {
        "res": np.where(res == -9999.0, np.nan, res).astype(np.float64),
        "resistance": resistance,
        "points": str(tmp_path / "points.gpkg"),
        "regions": str(tmp_path / "regions.gpkg"),
        "dir": tmp_path,
    }


def params(d, **extra):
    out = d["dir"]
    base = {
        "RESISTANCE": d["resistance"],
        "FOCAL": d["points"],
        "FOCAL_ID_FIELD": "fid_",
        "MODE": 0,
        "CONNECTIONS": 1,
        "AVERAGE": 0,
        "OUTPUT_CURRENT": str(out / "current.tif"),
        "OUTPUT_RESISTANCES": str(out / "resistances.gpkg"),
        "OUTPUT_HTML": str(out / "circuit.html"),
    }
    base.update(extra)
    return base


def dense_resistance(res, pairs, merge=()):
    """Effective resistances from the pseudo-inverse of a Laplacian built cell by cell (8 neighbours,
    average resistances), with the cells of each group in `merge` summed into one node."""
    cells = [(r, c) for r in range(res.shape[0]) for c in range(res.shape[1]) if np.isfinite(res[r, c])]
    index = {rc: k for k, rc in enumerate(cells)}
    lap = np.zeros((len(cells), len(cells)))
    for r, c in cells:
        for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
            q = (r + dr, c + dc)
            if q in index:
                link = 1.0 / ((res[r, c] + res[q]) / 2) / (math.sqrt(2) if dr and dc else 1.0)
                i, j = index[(r, c)], index[q]
                lap[i, j] -= link
                lap[j, i] -= link
                lap[i, i] += link
                lap[j, j] += link
    p = np.eye(len(cells))
    for group in merge:
        keys = [index[g] for g in group]
        for k in keys[1:]:
            p[:, keys[0]] += p[:, k]
            p[:, k] = 0
    keep = np.flatnonzero(p.any(axis=0))
    p = p[:, keep]
    where = {rc: int(np.flatnonzero(p[index[rc]])[0]) for rc in cells}
    pinv = np.linalg.pinv(p.T @ lap @ p)
    return [pinv[where[a], where[a]] + pinv[where[b], where[b]] - 2 * pinv[where[a], where[b]] for a, b in pairs]


def check_pairwise(d, results):
    rows = {(f["from_id"], f["to_id"]): f for f in features(results["OUTPUT_RESISTANCES"])}
    pairs = list(itertools.combinations(sorted(POINTS), 2))
    expected = dense_resistance(d["res"], [(POINTS[a], POINTS[b]) for a, b in pairs])
    for (a, b), r in zip(pairs, expected):
        assert rows[(a, b)]["resistance"] == pytest.approx(r, rel=1e-8)
        assert rows[(a, b)]["status"] == "ok"
    assert results["MEAN_EFFECTIVE_RESISTANCE"] == pytest.approx(np.mean(expected), rel=1e-8)
    assert type(results["MEAN_EFFECTIVE_RESISTANCE"]) is float
    current = read_raster(results["OUTPUT_CURRENT"])
    for rc in POINTS.values():  # source or sink of its two pairs (1 A each), plus what the third pair passes through it
        assert current[rc] >= 2.0 * (1 - 1e-6)
    assert current.mask[3:7, 6].all() and not current.mask[0].any()
    html = open(results["OUTPUT_HTML"], encoding="utf-8").read()
    assert "Effective resistances" in html and f"{expected[0]:,.2f}" in html


def test_processing_run_pairwise(run, d):
    check_pairwise(d, run("circuitconnectivity", params(d)))


def test_focal_regions_and_one_to_all(run, d):
    results = run("circuitconnectivity", params(d, FOCAL=d["regions"], OUTPUT_RESISTANCES=str(d["dir"] / "r2.gpkg")))
    region_1 = [(r, c) for r in range(3) for c in range(2)]
    region_2 = [(r, c) for r in range(8, 10) for c in range(12, 14)]
    expected = dense_resistance(d["res"], [(region_1[0], region_2[0])], merge=[region_1, region_2])[0]
    (row,) = features(results["OUTPUT_RESISTANCES"])
    assert row["resistance"] == pytest.approx(expected, rel=1e-8)
    current = read_raster(results["OUTPUT_CURRENT"])
    np.testing.assert_allclose([current[rc] for rc in region_1 + region_2], 1.0, rtol=1e-6)  # the whole region is one node

    one = run(
        "circuitconnectivity",
        params(
            d, MODE=2, OUTPUT_RESISTANCES=str(d["dir"] / "r3.gpkg"), OUTPUT_VOLTAGE=str(d["dir"] / "v.tif"), OUTPUT_CURRENT=str(d["dir"] / "c3.tif")
        ),
    )
    rows = {f["from_id"]: f for f in features(one["OUTPUT_RESISTANCES"])}
    assert rows[1]["to_id"] is None and rows[1]["resistance"] > 0
    import rasterio

    with rasterio.open(one["OUTPUT_VOLTAGE"]) as ds:
        assert ds.count == 3
        volts = ds.read(1)
    assert volts[POINTS[1]] == pytest.approx(rows[1]["resistance"], rel=1e-5)  # 1 A: voltage = resistance
    assert volts[POINTS[2]] == 0.0 and volts[POINTS[3]] == 0.0  # grounded


def test_pinch_points_in_a_corridor(run, d):
    corridor = np.full((ROWS, COLS), 500.0, dtype=np.float32)
    corridor[1, :11] = 0.0  # row 1 up to column 10, then focal 3 at (2, 11) joins diagonally
    path = write_raster(d["dir"] / "corridor.tif", corridor, cell=CELL, origin=(X0, Y0))
    results = run("circuitconnectivity", params(d, CORRIDORS=path, CORRIDOR_WIDTH=100, PAIRS="1,3", OUTPUT_RESISTANCES=str(d["dir"] / "r4.gpkg")))
    res = d["res"]
    series = sum((res[1, c] + res[1, c + 1]) / 2 for c in range(1, 10)) + math.sqrt(2) * (res[1, 10] + res[2, 11]) / 2
    (row,) = features(results["OUTPUT_RESISTANCES"])
    assert row["resistance"] == pytest.approx(series, rel=1e-8)  # links in series
    current = read_raster(results["OUTPUT_CURRENT"])
    np.testing.assert_allclose(current[1, 2:11], 1.0, rtol=1e-6)
    assert current.mask[0].all() and current.mask[1, 11] and current.mask[1, 1] and current.mask[2, 11]  # outside; sources blank


def test_disconnected_and_off_network_are_reported(run, d):
    res = np.nan_to_num(d["res"], nan=-9999.0).astype(np.float32)
    res[:, 7] = -9999.0
    res[2, 11] = -9999.0  # focal 3 on nodata
    path = write_raster(d["dir"] / "split.tif", res, cell=CELL, origin=(X0, Y0))
    results = run("circuitconnectivity", params(d, RESISTANCE=path, OUTPUT_RESISTANCES=str(d["dir"] / "r5.gpkg")))
    rows = {(f["from_id"], f["to_id"]): f for f in features(results["OUTPUT_RESISTANCES"])}
    assert rows[(1, 2)]["resistance"] is None and "different components" in rows[(1, 2)]["status"]
    assert rows[(1, 3)]["resistance"] is None and "nodata" in rows[(1, 3)]["status"]
    assert "MEAN_EFFECTIVE_RESISTANCE" not in results


def test_qgis_process(d, tmp_path):
    qp = QgisProcess(str(tmp_path / "profile"))
    answer = qp.run("tsr:circuitconnectivity", params(d), timeout=300)
    check_pairwise(d, answer["results"])


def qgis_process(qp, parameters):
    args = [qp.binary, "run", "tsr:circuitconnectivity", "--"] + [f"{k}={v}" for k, v in parameters.items()]
    done = subprocess.run(args, env=qp.env, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


def test_hostile_input_through_qgis_process(d, tmp_path):
    qp = QgisProcess(str(tmp_path / "profile"))
    folder = d["dir"]
    res = np.nan_to_num(d["res"], nan=-9999.0).astype(np.float32)
    zero, negative = res.copy(), res.copy()
    zero[0, 0] = 0.0
    negative[0, 0] = -3.0
    save_layers(
        folder,
        {
            "single": ("Point", "&field=fid_:integer", [(centre(1, 1), [1])]),
            "far": ("Point", "&field=fid_:integer", [((1e5, 1e5), [1]), ((2e5, 2e5), [2])]),
        },
    )
    cases = [
        ({"RESISTANCE": write_raster(folder / "zero.tif", zero, cell=CELL, origin=(X0, Y0))}, "resistance 0"),
        ({"RESISTANCE": write_raster(folder / "neg.tif", negative, cell=CELL, origin=(X0, Y0))}, "negative values"),
        ({"RESISTANCE": write_raster(folder / "geo.tif", res, cell=0.001, crs="EPSG:4490", origin=(105.0, 30.0))}, "geographic"),
        ({"RESISTANCE": write_raster(folder / "empty.tif", np.full_like(res, -9999.0), cell=CELL, origin=(X0, Y0))}, "no valid cell"),
        ({"FOCAL": str(folder / "single.gpkg")}, "Only one focal node"),
        ({"FOCAL": str(folder / "far.gpkg")}, "No focal node lies on the resistance surface"),
        ({"PAIRS": "1,9"}, "not a focal node"),
        ({"OUTPUT_CURRENT": d["resistance"]}, "resistance.tif"),
    ]
    before = read_raster(d["resistance"])
    for extra, message in cases:
        code, text = qgis_process(qp, params(d, **extra))
        assert code != 0, extra
        assert message in text, (extra, text[-1500:])
        assert "Traceback" not in text, text[-3000:]
    np.testing.assert_array_equal(read_raster(d["resistance"]), before)
    # disconnected components and a focal node on nodata are reported, not a failure
    split = res.copy()
    split[:, 7] = -9999.0
    split[2, 11] = -9999.0
    code, text = qgis_process(qp, params(d, RESISTANCE=write_raster(folder / "split.tif", split, cell=CELL, origin=(X0, Y0))))
    assert code == 0, text[-3000:]
    assert "different components" in text and "Traceback" not in text


def test_bad_pairs_refused_before_writing(run, d):
    with pytest.raises(QgsProcessingException, match="not a pair"):
        run("circuitconnectivity", params(d, PAIRS="1,2,3", OUTPUT_CURRENT=str(d["dir"] / "never.tif")))
    assert not (d["dir"] / "never.tif").exists()
