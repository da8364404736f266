"""tsr:landallocation through processing.run and qgis_process: a hand-sized parcel instance whose
Pareto front is enumerated by brute force, feasible and non-dominated scenarios, reproducibility,
the CELL_SIZE grid over rasters, raster values over polygons, cancellation and bad input."""

from __future__ import annotations

import html
import itertools
import math
from pathlib import Path

import numpy as np
import pytest
from network_layers import X0, Y0
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis_runner import QgisProcess
from rasters import ORIGIN, write_raster

from territorial_resilience.processing_provider.common.qgis_compat import plain


@pytest.fixture
def allocate(provider):
    """processing.run of tsr:landallocation (the provider must list it)."""
    import processing

    def _run(parameters, feedback=None):
        return processing.run("tsr:landallocation", parameters, feedback=feedback)

    return _run


def rows_of(path) -> list[dict]:
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    return [
        {n: plain(v) for n, v in zip(layer.fields().names(), f.attributes())} | {"_geometry": QgsGeometry(f.geometry())} for f in layer.getFeatures()
    ]


def polygon_layer(columns: dict[str, tuple[str, list]], boxes, crs="EPSG:4547") -> QgsVectorLayer:
    """A polygon memory layer, one box (x0, y0, x1, y1 offsets from X0, Y0) per feature."""
    spec = "&".join(f"field={n}:{kind}" for n, (kind, _) in columns.items())
    layer = QgsVectorLayer(f"Polygon?crs={crs}&{spec}", "units", "memory")
    features = []
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([values[i] for _, values in columns.values()])
        ox, oy = (X0, Y0) if crs == "EPSG:4547" else (0, 0)
        feature.setGeometry(
            QgsGeometry.fromWkt(f"POLYGON(({ox + x0} {oy + y0},{ox + x1} {oy + y0},{ox + x1} {oy + y1},{ox + x0} {oy + y1},{ox + x0} {oy + y0}))")
        )
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


# --- the hand-sized instance -------------------------------------------------------------------
# Two rows of parcels (metres from X0, Y0): the top row A1–A4 is 100 m high with widths 100, 100,
# 200, 100; the bottom row B1–B4 has widths 150, 50, 200, 100, so B1 meets A1 (100 m) and A2
# (50 m). Areas 1, 1, 2, 1, 1.5, 0.5, 2, 1 ha. Uses urban (development) and farmland; B3 is locked
# basic farmland; B2 is water ("other") and may not be urban; B4 may not be farmland. Suitability
# and risk are multiples of 1/16 and areas multiples of 0.5 ha, so every objective is computed
# exactly and ties compare equal.
BOXES = [
    (0, 100, 100, 200),
    (100, 100, 200, 200),
    (200, 100, 400, 200),
    (400, 100, 500, 200),
    (0, 0, 150, 100),
    (150, 0, 200, 100),
    (200, 0, 400, 100),
    (400, 0, 500, 100),
]
AREA = [1, 1, 2, 1, 1.5, 0.5, 2, 1]
CURRENT = ["urban", "urban", None, "farmland", "Farmland ", "water", "farmland", "farmland"]
CURRENT_INDEX = [0, 0, -1, 1, 1, -1, 1, 1]
LOCKED = [0, 0, 0, 0, 0, 0, 1, 0]
S_URBAN = [14, 13, 6, 11, 8, None, 2, 10]
S_FARM = [3, 8, 14, 10, 11, 5, 14, None]
RISK = [13, 2, 5, 8, 10, 3, 0, 6]
POP = [120, 80, 40, 60, 30, 0, 10, 20]
#: Shared boundary lengths (m), by hand.
EDGES = {(0, 1): 100, (1, 2): 100, (2, 3): 100, (4, 5): 100, (5, 6): 100, (6, 7): 100, (0, 4): 100, (1, 4): 50, (1, 5): 50, (2, 6): 200, (3, 7): 100}
BOUNDS = {0: (2.5, 3.5), 1: (3.0, 5.0)}  # urban 3 ± 0.5 ha, farmland 4 ± 1 ha
MAXIMISE = (True, False, True, False)


def hand_layer(**changes):
    columns = {
        "name": ("string", ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4"]),
        "current": ("string", CURRENT),
        "locked": ("integer", LOCKED),
        "s_urban": ("double", [None if v is None else v / 16 for v in S_URBAN]),
        "s_farm": ("double", [None if v is None else v / 16 for v in S_FARM]),
        "risk": ("double", [v / 16 for v in RISK]),
        "pop": ("integer", POP),
    }
    columns.update(changes)
    return polygon_layer(columns, BOXES)


def hand_params(tmp_path, layer=None, **extra):
    p = {
        "UNITS": layer or hand_layer(),
        "CURRENT_USE_FIELD": "current",
        "LOCKED_FIELD": "locked",
        "SUITABILITY": "urban, s_urban; farmland, s_farm",
        "RISK_FIELD": "risk",
        "POPULATION_FIELD": "pop",
        "DEVELOPMENT_USES": "urban",
        "DEMAND": "urban, 3, 0.5\nfarmland, 4, 25%",
        "OBJECTIVES": [0, 1, 2, 3],
        "POPULATION_SIZE": 60,
        "GENERATIONS": 120,
        "SEED": 2,
        "SCENARIOS": 5,
        "OUTPUT": str(tmp_path / "alloc.gpkg"),
        "OUTPUT_PARETO": str(tmp_path / "pareto.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "alloc.html"),
    }
    p.update(extra)
    return p


def hand_measures(x) -> tuple[float, float, float, float]:
    """Suitability, exposed population, compactness and converted area of an allocation, in loops."""
    neighbours = {i: [] for i in range(8)}
    for (a, b), w in EDGES.items():
        neighbours[a].append((b, w))
        neighbours[b].append((a, w))
    planned = score = 0.0
    for i, use in enumerate(x):
        if use >= 0 and not LOCKED[i]:
            planned += AREA[i]
            score += AREA[i] * (S_URBAN if use == 0 else S_FARM)[i] / 16
    exposure = sum(POP[i] * RISK[i] / 16 for i, use in enumerate(x) if use == 0)
    like = total = 0.0
    for i, use in enumerate(x):
        if use >= 0:
            for j, w in neighbours[i]:
                total += w
                like += w * (x[j] == use)
    converted = sum(AREA[i] for i, use in enumerate(x) if use != CURRENT_INDEX[i])
    return (score / planned if planned else 0.0, exposure, like / total if total else 0.0, converted)


def feasible(x) -> bool:
    for i, use in enumerate(x):
        if LOCKED[i] and use != CURRENT_INDEX[i]:
            return False
        if (use == 0 and S_URBAN[i] is None) or (use == 1 and S_FARM[i] is None):
            return False
    return all(low - 1e-9 <= sum(AREA[i] for i, use in enumerate(x) if use == u) <= high + 1e-9 for u, (low, high) in BOUNDS.items())


def dominates(a, b) -> bool:
    return all(p <= q for p, q in zip(a, b)) and any(p < q for p, q in zip(a, b))


def minimised(point, maximise=MAXIMISE):
    return tuple(-v if m else v for v, m in zip(point, maximise))


def feasible_allocations():
    """Every feasible allocation of the hand instance: each unlocked unit urban, farmland or other."""
    free = [i for i in range(8) if not LOCKED[i]]
    for combo in itertools.product((-1, 0, 1), repeat=len(free)):
        x = list(CURRENT_INDEX)
        for i, use in zip(free, combo):
            x[i] = use
        if feasible(x):
            yield x


def brute_force_front() -> set[tuple[float, ...]]:
    points = {tuple(round(v, 9) for v in hand_measures(x)) for x in feasible_allocations()}
    return {p for p in points if not any(dominates(minimised(q), minimised(p)) for q in points)}


def allocation(row_values) -> list[int]:
    return [{"urban": 0, "farmland": 1}.get(v, -1) for v in row_values]


def test_hand_instance_front_equals_the_brute_force_front(allocate, tmp_path):
    front = brute_force_front()
    assert len(front) == 44  # of 194 feasible allocations
    result = allocate(hand_params(tmp_path))
    pareto = rows_of(result["OUTPUT_PARETO"])
    names = ["suitability", "exposed_population", "compactness", "converted_ha"]
    assert [n for n in pareto[0] if n not in ("fid", "_geometry")] == ["solution_id"] + names + ["knee", "kept", "scenario"]
    found = {tuple(round(r[n], 9) for n in names) for r in pareto}
    assert found == front
    assert sorted(r["solution_id"] for r in pareto) == list(range(1, len(pareto) + 1))
    assert type(result["HYPERVOLUME"]) is float and 0 < result["HYPERVOLUME"] <= 1.1**4
    assert type(result["KNEE_ID"]) is int and type(result["FRONT_SIZE"]) is int and result["FRONT_SIZE"] == len(pareto)
    knee = [r for r in pareto if r["knee"]]
    assert len(knee) == 1 and knee[0]["solution_id"] == result["KNEE_ID"] and knee[0]["scenario"] == "use_s1"
    kept = sorted((r for r in pareto if r["kept"]), key=lambda r: r["scenario"])
    assert [r["scenario"] for r in kept] == [f"use_s{s}" for s in range(1, 6)]
    # no row is dominated by another
    points = [minimised([r[n] for n in names]) for r in pareto]
    assert not any(dominates(a, b) for a, b in itertools.permutations(points, 2))

    units = sorted(rows_of(result["OUTPUT"]), key=lambda r: r["name"])
    assert [u["area_ha"] for u in units] == pytest.approx(AREA)
    assert [u["current_use"] for u in units] == ["urban", "urban", "other", "farmland", "farmland", "water", "farmland", "farmland"]
    assert [u["locked"] for u in units] == LOCKED
    assert [u["risk"] for u in units] == pytest.approx([v / 16 for v in RISK])
    for s, row in enumerate(kept, start=1):
        x = allocation([u[f"use_s{s}"] for u in units])
        assert feasible(x), (s, x)
        assert tuple(round(v, 9) for v in hand_measures(x)) == tuple(round(row[n], 9) for n in names)
        assert units[5][f"use_s{s}"] in ("water", "farmland")  # unplanned water stays water
    knee_x = allocation([u["use"] for u in units])
    assert knee_x == allocation([u["use_s1"] for u in units])
    assert [u["changed"] for u in units] == [int(a != b) for a, b in zip(knee_x, CURRENT_INDEX)]
    assert tuple(round(v, 9) for v in hand_measures(knee_x)) == tuple(round(knee[0][n], 9) for n in names)
    # the knee: nearest to the ideal point on the front scaled to 0–1 per objective
    f = np.array(points)
    g = (f - f.min(axis=0)) / np.ptp(f, axis=0)
    assert knee[0]["solution_id"] == pareto[int(np.argmin((g**2).sum(axis=1)))]["solution_id"]

    text = html.unescape(Path(result["OUTPUT_HTML"]).read_text(encoding="utf-8"))
    for fragment in (
        "Pareto front",
        "Scenarios compared",
        "Hypervolume by generation",
        "population exposed to risk (persons, min)",
        "<polyline",
        "s1 (knee)",
    ):
        assert fragment in text


def test_three_objectives_and_scenario_picking(allocate, tmp_path):
    # Suitability, exposure and conversions only: the brute-force front has 15 points.
    result = allocate(hand_params(tmp_path, OBJECTIVES=[3, 0, 1], POPULATION_SIZE=40, GENERATIONS=80, SCENARIOS=40))
    pareto = rows_of(result["OUTPUT_PARETO"])
    assert [n for n in pareto[0] if n not in ("fid", "_geometry")] == [
        "solution_id",
        "suitability",
        "exposed_population",
        "converted_ha",
        "knee",
        "kept",
        "scenario",
    ]
    points = {(round(m[0], 9), round(m[1], 9), round(m[3], 9)) for m in map(hand_measures, feasible_allocations())}
    sense = (True, False, False)
    front = {p for p in points if not any(dominates(minimised(q, sense), minimised(p, sense)) for q in points)}
    assert len(front) == 15
    assert {(round(r["suitability"], 9), round(r["exposed_population"], 9), round(r["converted_ha"], 9)) for r in pareto} == front
    # more scenarios asked than solutions: every solution is kept once
    assert all(r["kept"] for r in pareto) and len({r["scenario"] for r in pareto}) == len(pareto)
    assert len([n for n in rows_of(result["OUTPUT"])[0] if n.startswith("use_s")]) == len(pareto)


def test_same_seed_same_output(allocate, tmp_path):
    def run(name, seed):
        folder = tmp_path / name
        folder.mkdir()
        result = allocate(hand_params(folder, POPULATION_SIZE=16, GENERATIONS=8, SEED=seed, OUTPUT_HTML=None))
        units = [{k: v for k, v in r.items() if k != "_geometry"} for r in rows_of(result["OUTPUT"])]
        pareto = [{k: v for k, v in r.items() if k != "_geometry"} for r in rows_of(result["OUTPUT_PARETO"])]
        return units, pareto, result["HYPERVOLUME"], result["KNEE_ID"]

    assert run("a", 5) == run("b", 5)


def grid_rasters(tmp_path):
    """12 × 12 cells of 30 m; the top-left 90 m block has no data, one more cell neither."""
    rng = np.random.default_rng(11)
    s_urban = (rng.integers(0, 17, size=(12, 12)) / 16).astype(np.float32)
    s_farm = (rng.integers(0, 17, size=(12, 12)) / 16).astype(np.float32)
    risk = (rng.integers(0, 17, size=(12, 12)) / 16).astype(np.float32)
    for a in (s_urban, s_farm, risk):
        a[:3, :3] = -9999.0
    s_urban[5, 5] = -9999.0
    pattern = np.array([[4, 5, 5, 1], [5, 5, 1, 1], [1, 1, 1, 4], [1, 1, 4, 1]])
    classes = np.kron(pattern, np.ones((3, 3))).astype(np.int16)
    classes[0, 3:5] = 1  # block (0, 1): 7 cells urban (5), 2 farmland (1) → urban
    return {
        "s_urban": s_urban,
        "s_farm": s_farm,
        "risk": risk,
        "classes": classes,
        "paths": {
            name: write_raster(tmp_path / f"{name}.tif", a, nodata=-9999)
            for name, a in (("s_urban", s_urban), ("s_farm", s_farm), ("risk", risk), ("classes", classes))
        },
    }


def block_mean(a, row, col):
    block = a[3 * row : 3 * row + 3, 3 * col : 3 * col + 3].astype(float)
    good = block[block != -9999.0]
    return good.mean() if good.size else math.nan


def test_cell_size_grid_over_rasters(allocate, tmp_path):
    r = grid_rasters(tmp_path)
    p = r["paths"]
    # lock block (3, 3) (centre at 315 m east and south of the origin) with a locked zone
    x, y = ORIGIN
    zone = QgsVectorLayer("Polygon?crs=EPSG:4547", "zone", "memory")
    feature = QgsFeature()
    feature.setGeometry(
        QgsGeometry.fromWkt(f"POLYGON(({x + 290} {y - 290},{x + 340} {y - 290},{x + 340} {y - 340},{x + 290} {y - 340},{x + 290} {y - 290}))")
    )
    zone.dataProvider().addFeatures([feature])
    result = allocate(
        {
            "CELL_SIZE": 90,
            "SUITABILITY": f"urban, {p['s_urban']}; farmland, {p['s_farm']}",
            "RISK": p["risk"],
            "CURRENT_USE_RASTER": p["classes"],
            "CURRENT_USE_CLASSES": "urban, 5; farmland, 1",
            "LOCKED_ZONES": [zone],
            "DEVELOPMENT_USES": "urban",
            "DEMAND": "urban, 4, 1; farmland, 7, 1.5",
            "OBJECTIVES": [0, 1, 2],
            "POPULATION_SIZE": 20,
            "GENERATIONS": 15,
            "SEED": 1,
            "SCENARIOS": 3,
            "OUTPUT": str(tmp_path / "grid.gpkg"),
            "OUTPUT_PARETO": str(tmp_path / "p.gpkg"),
            "OUTPUT_HTML": str(tmp_path / "g.html"),
        }
    )
    units = {(u["grid_row"], u["grid_col"]): u for u in rows_of(result["OUTPUT"])}
    assert len(units) == 15 and (0, 0) not in units
    assert QgsVectorLayer(result["OUTPUT"], "g", "ogr").crs().authid() == "EPSG:4547"
    assert sorted(u["unit_id"] for u in units.values()) == list(range(1, 16))
    for (row, col), u in units.items():
        assert u["_geometry"].area() == pytest.approx(8100.0)
        assert u["area_ha"] == pytest.approx(0.72 if (row, col) == (1, 1) else 0.81)
        assert u["risk"] == pytest.approx(block_mean(r["risk"], row, col), rel=1e-6)
        code = {4: "other", 5: "urban", 1: "farmland"}[
            int(np.kron(np.array([[4, 5, 5, 1], [5, 5, 1, 1], [1, 1, 1, 4], [1, 1, 4, 1]]), np.ones((3, 3)))[3 * row + 1, 3 * col + 1])
        ]
        assert u["current_use"] == code
        assert u["locked"] == int((row, col) == (3, 3))
    area = {k: u["area_ha"] for k, u in units.items()}
    pareto = rows_of(result["OUTPUT_PARETO"])
    assert "exposed_area_ha" in pareto[0]
    for s in range(1, min(3, len(pareto)) + 1):
        column = {k: u[f"use_s{s}"] for k, u in units.items()}
        assert column[(3, 3)] == "farmland"
        for use, (low, high) in (("urban", (3, 5)), ("farmland", (5.5, 8.5))):
            assert low - 1e-9 <= sum(area[k] for k, v in column.items() if v == use) <= high + 1e-9
        # exposure of the scenario: Σ area × risk over urban units
        exposure = sum(area[k] * units[k]["risk"] for k, v in column.items() if v == "urban")
        match = [row for row in pareto if row["scenario"] == f"use_s{s}"][0]
        assert match["exposed_area_ha"] == pytest.approx(exposure, rel=1e-6)


def test_raster_values_over_polygons(allocate, tmp_path):
    r = grid_rasters(tmp_path)
    p = r["paths"]
    # four 90 m parcels on blocks (1, 1), (1, 2), (2, 1), (2, 2), in raster coordinates (ORIGIN)
    ox, oy = ORIGIN[0] - X0, ORIGIN[1] - Y0
    boxes = [(ox + 90 * c, oy - 90 * (row + 1), ox + 90 * (c + 1), oy - 90 * row) for row in (1, 2) for c in (1, 2)]
    layer = polygon_layer({"current": ("string", ["urban", "farmland", "farmland", "urban"])}, boxes)
    result = allocate(
        {
            "UNITS": layer,
            "CURRENT_USE_FIELD": "current",
            "SUITABILITY": f"urban, {p['s_urban']}; farmland, {p['s_farm']}",
            "RISK": p["risk"],
            "DEVELOPMENT_USES": "urban",
            "DEMAND": "urban, 1.62, 0; farmland, 1.62, 0",
            "OBJECTIVES": [0, 1],
            "POPULATION_SIZE": 8,
            "GENERATIONS": 3,
            "SEED": 1,
            "OUTPUT": str(tmp_path / "poly.gpkg"),
            "OUTPUT_HTML": None,
        }
    )
    units = rows_of(result["OUTPUT"])
    expected = [block_mean(r["risk"], row, c) for row in (1, 2) for c in (1, 2)]
    assert [u["risk"] for u in units] == pytest.approx(expected, rel=1e-6)
    assert [u["area_ha"] for u in units] == pytest.approx([0.81] * 4)
    assert sorted(u["use"] for u in units) == ["farmland", "farmland", "urban", "urban"]


# --- cancellation and bad input ------------------------------------------------------------------


class CancelAt(QgsProcessingFeedback):
    """Cancels once the progress passes `at` per cent."""

    def __init__(self, at):
        super().__init__()
        self.at = at

    def setProgress(self, progress):  # noqa: N802 (QGIS API)
        super().setProgress(progress)
        if progress >= self.at:
            self.cancel()


def test_cancelled_run_writes_nothing(allocate, tmp_path):
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        allocate(hand_params(tmp_path, GENERATIONS=200), CancelAt(40))
    assert not (tmp_path / "alloc.gpkg").exists() and not (tmp_path / "alloc.html").exists() and not (tmp_path / "pareto.gpkg").exists()


@pytest.mark.parametrize(
    "changes, layer_changes, fragment",
    [
        (
            {"DEMAND": "urban, 3, 0.5; farmland, 4, 1; forest, 2, 1"},
            {},
            r"DEMAND names the use 'forest', which is not in SUITABILITY \(the uses are urban, farmland\)",
        ),
        ({"DEMAND": "urban, 9, 0; farmland, 4, 1"}, {}, r"urban needs at least 9.00 ha on unlocked units, but only 7.50 ha"),
        ({"DEMAND": "urban, 3, 0.5; farmland, 1, 0.5"}, {}, r"locked units already hold 2.00 ha of farmland"),
        (
            {"SUITABILITY": "urban, s_urbn; farmland, s_farm"},
            {},
            r"SUITABILITY of urban: 's_urbn' is neither a field of the planning units nor a raster",
        ),
        ({"POPULATION_FIELD": "name"}, {}, r"the field 'name' is of type"),
        ({"DEVELOPMENT_USES": ""}, {}, "needs DEVELOPMENT_USES"),
        ({"DEVELOPMENT_USES": "industry"}, {}, "DEVELOPMENT_USES names the use 'industry'"),
        ({"RISK_FIELD": None}, {}, "needs the risk"),
        ({}, {"locked": ("string", ["no"] * 6 + ["yes", "maybe"])}, "LOCKED_FIELD holds 'maybe'"),
        ({}, {"risk": ("double", [0.5] * 7 + [None])}, r"1 units have no risk value .* #8"),
        ({}, {"risk": ("double", [0.5] * 7 + [3.0])}, "Risk must be a number between 0 and 1"),
        ({"UNITS": None}, {}, "Give the planning units"),
        ({}, {"pop": ("double", [10.0] * 7 + [math.nan])}, r"POPULATION_FIELD: the population of unit #8 is missing"),
        ({"DEMAND": "urban, 3.25, 0.1; farmland, 4, 1"}, {}, "No allocation of whole units was found that meets the demand of urban"),
    ],
)
def test_bad_input(allocate, tmp_path, changes, layer_changes, fragment):
    params = hand_params(tmp_path, layer=hand_layer(**layer_changes), POPULATION_SIZE=8, GENERATIONS=2)
    params.update(changes)
    with pytest.raises(QgsProcessingException, match=fragment):
        allocate(params)
    assert not (tmp_path / "alloc.gpkg").exists() and not (tmp_path / "alloc.html").exists()


def test_geographic_crs_and_empty_layer(allocate, tmp_path):
    degrees = polygon_layer({"current": ("string", ["urban"]), "s": ("double", [0.5])}, [(114.0, 30.0, 114.001, 30.001)], crs="EPSG:4490")
    params = {"UNITS": degrees, "SUITABILITY": "urban, s", "DEMAND": "urban, 1, 1", "OBJECTIVES": [0], "OUTPUT": str(tmp_path / "o.gpkg")}
    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        allocate(params)
    empty = polygon_layer({"current": ("string", []), "s": ("double", [])}, [])
    with pytest.raises(QgsProcessingException, match="no features"):
        allocate(params | {"UNITS": empty})


# --- qgis_process ------------------------------------------------------------------------------------


def test_through_qgis_process(tmp_path):
    path = str(tmp_path / "parcels.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    written = QgsVectorFileWriter.writeAsVectorFormatV3(hand_layer(), path, QgsCoordinateTransformContext(), options)
    assert written[0] == QgsVectorFileWriter.WriterError.NoError
    qp = QgisProcess(str(tmp_path / "profile"))
    results = qp.run(
        "tsr:landallocation",
        {
            "UNITS": path,
            "CURRENT_USE_FIELD": "current",
            "LOCKED_FIELD": "locked",
            "SUITABILITY": "urban, s_urban; farmland, s_farm",
            "RISK_FIELD": "risk",
            "DEVELOPMENT_USES": "urban",
            "DEMAND": "urban, 3, 0.5; farmland, 4, 1",
            "OBJECTIVES": "0,1,3",  # qgis_process (3.22) refuses a repeated OBJECTIVES=… for an enum list
            "POPULATION_SIZE": 20,
            "GENERATIONS": 20,
            "SEED": 3,
            "SCENARIOS": 3,
            "OUTPUT": str(tmp_path / "u.gpkg"),
            "OUTPUT_PARETO": str(tmp_path / "p.gpkg"),
            "OUTPUT_HTML": str(tmp_path / "r.html"),
        },
    )["results"]
    assert isinstance(results["HYPERVOLUME"], float) and results["FRONT_SIZE"] >= 1
    pareto = rows_of(results["OUTPUT_PARETO"])
    assert "exposed_area_ha" in pareto[0] and len(pareto) == results["FRONT_SIZE"]
    units = rows_of(results["OUTPUT"])
    for s in range(1, min(3, len(pareto)) + 1):
        assert feasible(allocation([u[f"use_s{s}"] for u in sorted(units, key=lambda u: u["name"])]))
    assert "Scenarios compared" in html.unescape(Path(results["OUTPUT_HTML"]).read_text(encoding="utf-8"))
    assert "SUITABILITY" in qp.help("tsr:landallocation")


# --- hostile input: float ties, classes given twice, absurd settings, NULL geometries ---------------


class Messages(QgsProcessingFeedback):
    """Feedback that keeps the warnings pushed by the algorithm."""

    def __init__(self):
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, warning):  # noqa: N802 (QGIS API)
        self.warnings.append(warning)
        super().pushWarning(warning)


def tie_layer() -> QgsVectorLayer:
    """A and B of 1 ha, C of 2 ha in a row. Urban needs exactly 2 ha: {A, B} or {C}. Exposure
    (pop × risk): 1 × 0.1 + 1 × 0.2 = 0.30000000000000004 against 2 × 0.15 = 0.3, the same in
    every printed digit; suitability 0.5 against 0.25, so {C} is dominated."""
    return polygon_layer(
        {
            "name": ("string", ["A", "B", "C"]),
            "s": ("double", [0.5, 0.5, 0.25]),
            "risk": ("double", [0.1, 0.2, 0.15]),
            "pop": ("double", [1.0, 1.0, 2.0]),
        },
        [(0, 0, 100, 100), (100, 0, 200, 100), (200, 0, 400, 100)],
    )


def tie_params(tmp_path, units) -> dict:
    return {
        "UNITS": units,
        "SUITABILITY": "urban, s",
        "RISK_FIELD": "risk",
        "POPULATION_FIELD": "pop",
        "DEVELOPMENT_USES": "urban",
        "DEMAND": "urban, 2, 0",
        "OBJECTIVES": "0,1",
        "POPULATION_SIZE": 8,
        "GENERATIONS": 6,
        "SEED": 1,
        "SCENARIOS": 3,
        "OUTPUT": str(tmp_path / "tie.gpkg"),
        "OUTPUT_PARETO": str(tmp_path / "tie_pareto.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "tie.html"),
    }


def check_tie_result(results) -> None:
    assert results["FRONT_SIZE"] == 1 and results["KNEE_ID"] == 1
    pareto = rows_of(results["OUTPUT_PARETO"])
    assert len(pareto) == 1 and pareto[0]["suitability"] == pytest.approx(0.5) and pareto[0]["exposed_population"] == pytest.approx(0.3)
    assert {u["name"]: u["use"] for u in rows_of(results["OUTPUT"])} == {"A": "urban", "B": "urban", "C": "other"}


def test_a_front_tied_but_for_rounding_lists_only_the_better_plan(allocate, tmp_path):
    check_tie_result(allocate(tie_params(tmp_path, tie_layer())))


def test_current_use_class_given_to_two_uses_is_refused(allocate, tmp_path):
    # the rows themselves: tests/core/test_parsing.py; here the refusal through the algorithm
    p = grid_rasters(tmp_path)["paths"]
    with pytest.raises(QgsProcessingException, match="gives the class 1 to two uses, urban and farmland"):
        allocate(
            {
                "CELL_SIZE": 90,
                "SUITABILITY": f"urban, {p['s_urban']}; farmland, {p['s_farm']}",
                "CURRENT_USE_RASTER": p["classes"],
                "CURRENT_USE_CLASSES": "urban, 5, 1; farmland, 1",
                "DEMAND": "urban, 4, 1; farmland, 7, 1.5",
                "OBJECTIVES": [0, 2],
                "POPULATION_SIZE": 8,
                "GENERATIONS": 2,
                "OUTPUT": str(tmp_path / "grid.gpkg"),
            }
        )
    assert not (tmp_path / "grid.gpkg").exists()


def test_absurd_settings_are_refused_and_slow_ones_warned(allocate, tmp_path, monkeypatch):
    with pytest.raises(
        QgsProcessingException, match=r"These settings would take about [\d,]+ hours \(10000 solutions × 100000 generations on 8 units"
    ):
        allocate(hand_params(tmp_path, POPULATION_SIZE=10_000, GENERATIONS=100_000))
    assert not (tmp_path / "alloc.gpkg").exists() and not (tmp_path / "alloc.html").exists()
    from territorial_resilience.algorithms.optimize import land_allocation as core

    monkeypatch.setattr(core, "SLOW_RUN_SECONDS", -1.0)
    feedback = Messages()
    allocate(hand_params(tmp_path, POPULATION_SIZE=8, GENERATIONS=3), feedback)
    assert any(w.startswith("This run will take about") and "(8 solutions × 3 generations on 8 units" in w for w in feedback.warnings), (
        feedback.warnings
    )
    monkeypatch.setattr(core, "MEMORY_SHARE", 1e-12)
    (tmp_path / "m").mkdir()
    with pytest.raises(QgsProcessingException, match=r"These settings need about .* GB of memory \(8 solutions × 8 units\)"):
        allocate(hand_params(tmp_path / "m", POPULATION_SIZE=8, GENERATIONS=3))


def test_null_geometries_are_counted(allocate, tmp_path):
    layer = hand_layer()
    blank = QgsFeature(layer.fields())
    blank.setAttributes(["C1", "", 0, 0.5, 0.5, 0.5, 10])
    assert layer.dataProvider().addFeatures([blank])
    with pytest.raises(QgsProcessingException, match=r"1 of the 9 planning units have no geometry \(NULL or empty\), e.g. #9"):
        allocate(hand_params(tmp_path, layer=layer, POPULATION_SIZE=8, GENERATIONS=2))
    zones = QgsVectorLayer("Polygon?crs=EPSG:4547", "red line", "memory")
    zones.dataProvider().addFeatures([QgsFeature(), QgsFeature()])
    feedback = Messages()
    result = allocate(hand_params(tmp_path, POPULATION_SIZE=8, GENERATIONS=2, LOCKED_ZONES=[zones]), feedback)
    assert "2 feature(s) of the locked zones 'red line' have no geometry: they lock nothing" in feedback.warnings
    assert sum(u["locked"] for u in rows_of(result["OUTPUT"])) == sum(LOCKED)


def test_hostile_settings_through_qgis_process(tmp_path):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    paths = {}
    for name, layer in (("tie", tie_layer()), ("hand", hand_layer())):
        paths[name] = str(tmp_path / f"{name}_units.gpkg")
        assert (
            QgsVectorFileWriter.writeAsVectorFormatV3(layer, paths[name], QgsCoordinateTransformContext(), options)[0]
            == QgsVectorFileWriter.WriterError.NoError
        )
    qp = QgisProcess(str(tmp_path / "profile"))
    check_tie_result(qp.run("tsr:landallocation", tie_params(tmp_path, paths["tie"]))["results"])
    (tmp_path / "absurd").mkdir()
    absurd = hand_params(tmp_path / "absurd", layer=paths["hand"], POPULATION_SIZE=10_000, GENERATIONS=100_000, OBJECTIVES="0,1,2,3")
    with pytest.raises(RuntimeError, match=r"would take about [\d,]+ hours") as error:
        qp.run("tsr:landallocation", absurd)
    assert "Traceback" not in str(error.value) and not any((tmp_path / "absurd").iterdir())
    grid = grid_rasters(tmp_path)["paths"]
    with pytest.raises(RuntimeError, match="gives the class 5 to two uses, urban and farmland") as error:
        qp.run(
            "tsr:landallocation",
            {
                "CELL_SIZE": 90,
                "SUITABILITY": f"urban, {grid['s_urban']}; farmland, {grid['s_farm']}",
                "CURRENT_USE_RASTER": grid["classes"],
                "CURRENT_USE_CLASSES": "urban, 5; farmland, 1, 5",
                "DEMAND": "urban, 4, 1; farmland, 7, 1.5",
                "OBJECTIVES": "0,2",
                "OUTPUT": str(tmp_path / "g.gpkg"),
            },
        )
    assert "Traceback" not in str(error.value) and not (tmp_path / "g.gpkg").exists()
