"""Planning units of tsr:landallocation (algorithms/optimize/land_units.py) against hand
computations on 4 × 6 rasters of 30 m cells: block and polygon means, majority classes, areas in
ha, adjacency, and the checks and use names around them."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.sparse as sp
from rasters import ORIGIN, write_raster
from shapely.geometry import box

from territorial_resilience.algorithms.common.messages import InputError, Message
from territorial_resilience.algorithms.optimize import land_units
from territorial_resilience.algorithms.optimize.land_allocation import Objective
from territorial_resilience.algorithms.optimize.land_units import (
    OTHER,
    FieldValues,
    UnitInputs,
    Units,
    allocation_problem,
    check_count,
    check_risk,
    check_values,
    classes_to_uses,
    current_classes,
    current_use_text,
    current_uses,
    field_text,
    grid_units,
    pareto_column,
    polygon_units,
    raster_plan,
    summary,
    truthy,
    use_text,
)

X0, Y0 = ORIGIN
N = -9999.0
#: Reference (suitability of "urban"): blocks of 2 × 2 cells (60 m) have the means 0.35, 1.4/3,
#: none, 0.2, 0.5, 0.6 (row by row).
SUIT = np.array(
    [
        [0.1, 0.2, 0.3, 0.4, N, N],
        [0.5, 0.6, 0.7, N, N, N],
        [0.2, 0.2, 0.9, 0.1, 0.4, 0.6],
        [0.2, 0.2, 0.5, 0.5, 0.8, N],
    ],
    dtype=np.float32,
)
#: Risk: cell (r, c) holds (6r + c) / 100.
RISK = (np.arange(24, dtype=np.float32).reshape(4, 6) / 100).astype(np.float32)
#: Land-cover classes: block majorities 1 (tie 1/2 → smallest), 2, 3, 5, 1 (tie 1/2), 1.
CLASSES = np.array(
    [
        [1, 1, 2, 2, 3, 3],
        [2, 2, 2, 5, 3, 3],
        [5, 5, 1, 2, 1, 1],
        [5, 1, 2, 1, 1, 1],
    ],
    dtype=np.float32,
)
USES = ["urban", "farm"]
#: CURRENT_USE_CLASSES "urban, 5; farm, 1".
CLASS_USES = {5.0: 0, 1.0: 1}


def rasters(tmp_path):
    return (
        write_raster(tmp_path / "suit.tif", SUIT),
        write_raster(tmp_path / "risk.tif", RISK),
        write_raster(tmp_path / "classes.tif", CLASSES),
    )


def inputs(suit, risk=None, classes=None, suit_fields=None, **fields) -> UnitInputs:
    paths = [suit] + ([risk] if risk else [])
    return UnitInputs(
        uses=USES,
        reference=suit,
        reference_name="suit",
        raster_paths=paths,
        suit_fields=suit_fields or {},
        suit_rasters={0: suit},
        risk_field=fields.get("risk_field", ""),
        risk_path=risk,
        population_field="",
        current_field=fields.get("current_field", ""),
        current_path=classes,
        classes=CLASS_USES if classes else None,
        locked_field="",
    )


# --- values of fields ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [(1, True), (0, False), (None, False), (2.5, True), (math.nan, False), ("yes", True), (" No ", False), ("是", True), ("", False)],
)
def test_truthy(value, expected):
    assert truthy(value, "#1") is expected


def test_truthy_refuses_other_text_naming_the_unit():
    with pytest.raises(InputError) as error:
        truthy("maybe", "#7")
    assert "'maybe'" in str(error.value) and "#7" in str(error.value)


def test_field_text_and_current_uses():
    assert [field_text(v) for v in (None, 3.0, 2.5, "urban", 7)] == ["", "3", "2.5", "urban", "7"]
    # trimmed and case-insensitive; blank text and names that are no use are other (−1)
    assert current_uses([" Urban ", "3", "", "water", "FARM"], ["urban", "farm", "3"]).tolist() == [0, 2, -1, -1, 1]


def test_classes_to_uses():
    current, text = classes_to_uses(np.array([5.0, 1.0, math.nan, 9.0, 2.0]), {5.0: 0, 1.0: 1, 2.0: 1}, USES)
    assert current.dtype == np.int64 and current.tolist() == [0, 1, -1, -1, 1]
    assert text == ["urban", "farm", "", "", "farm"]


# --- grid units ---------------------------------------------------------------------------------


def test_grid_units_by_hand(tmp_path):
    suit, risk, classes = rasters(tmp_path)
    said: list[Message] = []
    units, blocks = grid_units(inputs(suit, risk, classes), 60.0, lambda r, c: f"{r}/{c}", log=said.append)
    assert (blocks.rows, blocks.cols) == (2, 3)
    # block (0, 2) has no reference data and is dropped
    assert units.grid_cells == [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2)]
    assert units.names == ["0/0", "0/1", "1/0", "1/1", "1/2"]
    # area: reference cells with data × 900 m² / 10 000
    assert units.area.tolist() == pytest.approx([0.36, 0.27, 0.36, 0.36, 0.27])
    assert units.suitability[:, 0] == pytest.approx([0.35, 1.4 / 3, 0.2, 0.5, 0.6], rel=1e-6)
    assert np.isnan(units.suitability[:, 1]).all()  # no source for "farm"
    # the risk averages its own cells with data: (0+1+6+7)/4/100, (2+3+8+9)/4/100 …
    assert units.risk == pytest.approx([0.035, 0.055, 0.155, 0.175, 0.195], rel=1e-6)
    # majorities 1, 2, 5, 1 (tie with 2), 1 → farm, none, urban, farm, farm
    assert units.current.tolist() == [1, -1, 0, 1, 1]
    assert units.current_text == ["farm", "", "urban", "farm", "farm"]
    assert units.locked.tolist() == [False] * 5 and units.population is None
    # 4-neighbours among kept blocks (0,0)-(0,1), (0,0)-(1,0), (0,1)-(1,1), (1,0)-(1,1), (1,1)-(1,2)
    edges = {(int(i), int(j)) for i, j in zip(*units.adjacency.nonzero()) if i < j}
    assert edges == {(0, 1), (0, 2), (1, 3), (2, 3), (3, 4)}
    assert units.adjacency.toarray() == pytest.approx(units.adjacency.toarray().T)
    assert blocks.bounds(1 * 3 + 2) == (X0 + 120, Y0 - 120, X0 + 180, Y0 - 60)
    assert said[0].values["rows"] == 2 and said[0].values["count"] == 2


def test_grid_units_without_classes_and_refusals(tmp_path, monkeypatch):
    suit, _, _ = rasters(tmp_path)
    units, _ = grid_units(inputs(suit), 60.0, lambda r, c: "")
    assert units.current.tolist() == [-1] * 5 and units.current_text == [""] * 5 and units.risk is None
    empty = write_raster(tmp_path / "empty.tif", np.full((4, 6), N, dtype=np.float32))
    with pytest.raises(InputError, match="no cell with data"):
        grid_units(inputs(empty), 60.0, lambda r, c: "")
    monkeypatch.setattr(land_units, "MAX_UNITS", 1)  # 6 blocks > 4 × 1
    with pytest.raises(InputError, match="has 6 cells"):
        grid_units(inputs(suit), 60.0, lambda r, c: "")


# --- polygon units ------------------------------------------------------------------------------


def polygons():
    return [
        box(X0, Y0 - 60, X0 + 60, Y0),  # block (0, 0): 4 cell centres
        box(X0 + 60, Y0 - 60, X0 + 120, Y0),  # block (0, 1), shares a 60 m edge with the first
        box(X0 + 121, Y0 - 70, X0 + 129, Y0 - 62),  # inside cell (2, 4) without its centre
    ]


def field_values(shapes) -> FieldValues:
    return FieldValues(
        names=["a", "b", "c"],
        area=np.array([s.area / 10_000 for s in shapes]),
        current_text=["Farm", "water", ""],
        locked=np.array([True, False, False]),
        suitability=np.array([[math.nan, 0.9], [math.nan, math.nan], [math.nan, 0.3]]),
        risk=None,
        population=np.array([10.0, 0.0, 2.0]),
    )


def test_polygon_units_by_hand(tmp_path):
    suit, risk, classes = rasters(tmp_path)
    shapes = polygons()
    said: list[Message] = []
    progress: list[float] = []
    units = polygon_units(
        field_values(shapes), shapes, shapes, inputs(suit, risk, classes, suit_fields={1: "f"}), log=said.append, progress=progress.append
    )
    assert units.names == ["a", "b", "c"] and units.grid_cells is None
    assert units.area.tolist() == pytest.approx([0.36, 0.36, 0.0064])
    # zonal means of the cells whose centres fall inside; the small one takes cell (2, 4)
    assert units.suitability[:, 0] == pytest.approx([0.35, 1.4 / 3, 0.4], rel=1e-6)
    assert units.suitability[:, 1].tolist()[0] == 0.9 and np.isnan(units.suitability[1, 1])
    assert units.risk == pytest.approx([0.035, 0.055, 0.16], rel=1e-6)
    # the class raster replaces the field: majorities 1, 2, and cell (2, 4)'s class 1
    assert units.current.tolist() == [1, -1, 1] and units.current_text == ["farm", "", "farm"]
    assert units.locked.tolist() == [True, False, False] and units.population.tolist() == [10.0, 0.0, 2.0]
    # adjacency: the shared boundary length (m)
    assert units.adjacency.toarray() == pytest.approx(np.array([[0, 60, 0], [60, 0, 0], [0, 0, 0]]))
    templates = [m.template for m in said]
    assert any("hold no raster cell centre" in t for t in templates) and any("share no boundary" in t for t in templates)
    assert [m.values.get("count") for m in said if "share no boundary" in m.template] == [1]
    assert progress[-1] == 1.0


def test_polygon_units_from_fields_only(tmp_path):
    shapes = polygons()
    plain = UnitInputs(USES, None, "", [], {1: "f"}, {}, "r", None, "", "use", None, None, "")
    values = field_values(shapes)
    values.risk = np.array([0.1, math.nan, 0.2])
    units = polygon_units(values, shapes, None, plain)
    assert units.current.tolist() == [1, -1, -1] and units.current_text == ["Farm", "water", ""]
    assert units.risk.tolist()[0] == 0.1 and np.isnan(units.suitability[:, 0]).all()


def test_polygon_units_outside_the_raster_are_refused(tmp_path):
    suit, _, _ = rasters(tmp_path)
    far = [box(X0 + 10_000, Y0, X0 + 10_060, Y0 + 60)]
    values = FieldValues(["a"], np.array([0.36]), [""], np.array([False]), np.full((1, 2), math.nan), None, None)
    with pytest.raises(InputError, match="do not overlap the raster 'suit'"):
        polygon_units(values, far, far, inputs(suit))


# --- checks and use names -----------------------------------------------------------------------


def units_of(current, text, risk=None, suitability=None) -> Units:
    n = len(current)
    return Units(
        names=[f"#{i + 1}" for i in range(n)],
        area=np.ones(n),
        current=np.array(current, dtype=np.int64),
        current_text=text,
        locked=np.zeros(n, dtype=bool),
        suitability=np.ones((n, 2)) if suitability is None else suitability,
        risk=risk,
        population=None,
        adjacency=None,
    )


def test_check_count(monkeypatch):
    assert check_count(10) is None
    monkeypatch.setattr(land_units, "SLOW_UNITS", 5)
    monkeypatch.setattr(land_units, "MAX_UNITS", 8)
    note = check_count(6)
    assert note.values == {"n": 6} and "slow" in note.template
    with pytest.raises(InputError, match="9 units are too many \\(at most 8\\)"):
        check_count(9)


def test_check_values():
    check_values(units_of([0, 1], ["", ""], risk=np.array([0.1, 0.0])), USES)
    with pytest.raises(InputError, match="2 units have no risk value .* e.g. #1, #3"):
        check_values(units_of([0, 1, 0], ["", "", ""], risk=np.array([math.nan, 0.5, math.nan])), USES)
    suitability = np.array([[0.5, math.nan], [math.nan, math.nan]])
    with pytest.raises(InputError, match="No unit has a suitability value for 'farm'"):
        check_values(units_of([0, 1], ["", ""], suitability=suitability), USES)


def test_use_names_written():
    units = units_of([0, -1, -1, -1], ["urban", "water", " ", ""])
    # planned uses by name; an "other" unit keeps a current text that is no planned use
    assert use_text(np.array([1, -1, -1, -1]), units, USES) == ["farm", "water", OTHER, OTHER]
    assert use_text(np.array([-1, 0, 1, -1]), units, USES) == [OTHER, "urban", "farm", OTHER]
    assert current_use_text(units, USES) == ["urban", "water", " ", OTHER]


# --- where the values come from ------------------------------------------------------------------


def test_check_risk():
    exposure = [Objective.SUITABILITY, Objective.RISK_EXPOSURE]
    check_risk(True, False, exposure, [0])
    check_risk(False, False, [Objective.SUITABILITY], [])  # no exposure objective: no risk needed
    with pytest.raises(InputError, match="not both"):
        check_risk(True, True, [Objective.SUITABILITY], [])
    with pytest.raises(InputError, match="needs the risk"):
        check_risk(False, False, exposure, [0])
    with pytest.raises(InputError, match="needs DEVELOPMENT_USES"):
        check_risk(False, True, exposure, [])


def test_current_classes():
    assert current_classes(False, True, "urban, 5; farm, 1, 2", USES) == {5.0: 0, 1.0: 1, 2.0: 1}
    assert current_classes(True, False, " ; ", USES) is None
    assert current_classes(False, False, "", USES) is None
    with pytest.raises(InputError, match="not both"):
        current_classes(True, True, "urban, 5", USES)
    with pytest.raises(InputError, match="without CURRENT_USE_RASTER"):
        current_classes(False, False, "urban, 5", USES)
    with pytest.raises(InputError, match="two uses"):
        current_classes(False, True, "urban, 5; farm, 5", USES)


def test_raster_plan():
    # the first suitability raster is the reference; each raster once, the reference first
    assert raster_plan(["b.tif", "a.tif", "b.tif"], "r.tif", "c.tif") == ("b.tif", ["b.tif", "a.tif", "r.tif"])
    assert raster_plan([], "r.tif", "c.tif") == ("r.tif", ["r.tif"])
    # only a class raster: it is the reference grid, averaged too (its cells with data give the grid's area)
    assert raster_plan([], None, "c.tif") == ("c.tif", ["c.tif"])
    assert raster_plan([], None, None) == (None, [])


def test_summary_pareto_columns_and_problem():
    units = units_of([0, -1, 1], ["urban", "", "farm"], risk=np.array([0.2, 0.4, 0.0]))
    units.area = np.array([1.5, 2.25, 1000.0])
    units.locked = np.array([True, False, True])
    units.adjacency = sp.csr_matrix(np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], dtype=float))
    message = summary(units)
    assert message.values == {"n": 3, "area": "1,003.8", "locked": 2, "locked_area": "1,001.5"}
    assert [pareto_column(o, False) for o in Objective] == ["suitability", "exposed_area_ha", "compactness", "converted_ha"]
    assert pareto_column(Objective.RISK_EXPOSURE, True) == "exposed_population"
    problem = allocation_problem(units, USES, np.array([1.5, 1000.0]), np.array([math.inf, math.inf]), [Objective.SUITABILITY], [])
    assert problem.area.tolist() == [1.5, 2.25, 1000.0] and problem.locked.tolist() == [True, False, True]
    units.risk = None
    assert allocation_problem(units, USES, np.array([1.5, 1000.0]), np.array([1.0, 1.0]), [Objective.CONVERSIONS], []).risk.tolist() == [0, 0, 0]
