"""Path 1 under hostile input (issue 10): the core never says one thing and does another.

Each test states the rule and checks it against a hand computation.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from affine import Affine
from shapely.geometry import box

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.mcda.ahp import ahp_weights, judgement_label, parse_matrix
from territorial_resilience.algorithms.raster import classify
from territorial_resilience.algorithms.raster.normalize import (
    Method,
    Normalization,
    annual_exceedance_probability,
    dropped_cells,
    parse_table,
    table_membership,
)
from territorial_resilience.algorithms.raster.overlay import (
    MAX_HAZARDS,
    NodataPolicy,
    OverlayMethod,
    OverlaySpec,
    OverlayStatistics,
    combine,
    coverage_notes,
    coverage_shares,
    disjoint_pairs,
    dominant_hazard,
    hazard_count,
)
from territorial_resilience.algorithms.raster.zoning import (
    check_manual_breaks,
    check_min_area,
    controlled_area_ha,
    empty_grades,
    empty_grades_note,
    grade_cell_counts,
    grade_raster,
    min_area_cells,
    study_area_row,
    unit_area_rows,
    zone_records,
)

# --- tsr:riskzoning: manual breaks, BREAKS_USED, MIN_AREA, units -----------------------------


@pytest.mark.parametrize("given, k", [(3, 3), (1, 3), (0, 2), (8, 5)])
def test_manual_break_count_must_match_the_number_of_grades(given, k):
    with pytest.raises(
        InputError, match=f"{given} manual breaks were given, which make {given + 1} grades, but the number of grades is {k}: give {k - 1}"
    ):
        check_manual_breaks(given, k)


def test_manual_break_count_equal_to_k_minus_one_is_accepted():
    check_manual_breaks(2, 3)
    check_manual_breaks(8, 9)


# Values a float32 raster holds, whose 10-significant-digit text is another float.
AWKWARD = sorted([float(np.float32(0.1)), float(np.float32(0.12)), 1 / 3, 2 / 3 + 1e-12, 123456.78901234567, 1e-7 / 3])


def test_breaks_text_round_trips_bit_for_bit():
    text = classify.breaks_text(classify.Breaks(tuple(AWKWARD), "manual"))
    back = classify.manual_breaks(text).values
    assert back == tuple(AWKWARD)
    assert [v.hex() for v in back] == [v.hex() for v in AWKWARD]
    # the old 10-significant-digit form moves at least one of them
    assert tuple(float(f"{v:.10g}") for v in AWKWARD) != tuple(AWKWARD)


def test_breaks_text_regrades_cells_on_a_break_identically():
    cells = np.array(AWKWARD, dtype=np.float64)  # every cell lies exactly on a break
    breaks = classify.Breaks(tuple(AWKWARD), "manual")
    first = classify.grade(cells, breaks)
    again = classify.grade(cells, classify.manual_breaks(classify.breaks_text(breaks)))
    np.testing.assert_array_equal(first, again)
    np.testing.assert_array_equal(first, np.arange(1, len(AWKWARD) + 1))  # a value on a break keeps the lower grade
    rounded = classify.grade(cells, [float(f"{v:.10g}") for v in AWKWARD])
    assert not np.array_equal(first, rounded)  # what BREAKS_USED used to do


@pytest.mark.parametrize("value", [math.nan, math.inf, -1.0, -math.inf])
def test_min_area_must_be_finite_and_not_negative(value):
    with pytest.raises(InputError, match="finite number of hectares"):
        min_area_cells(value, 900.0)


def test_min_area_cells_by_hand():
    assert min_area_cells(0.0, 900.0) == 0
    assert min_area_cells(0.27, 900.0) == 3  # 2 700 m² / 900 m²
    assert min_area_cells(0.28, 900.0) == 4


def test_min_area_not_smaller_than_the_valid_area_is_refused_with_the_area():
    # 200 valid cells of 900 m² = 18 ha
    with pytest.raises(InputError, match=r"\(1e\+06 ha\) is not smaller than the whole valid area of the risk surface \(18 ha, 200 cells\)"):
        check_min_area(min_area_cells(1e6, 900.0), 200, 1e6, 900.0)
    with pytest.raises(InputError, match="18 ha"):
        check_min_area(200, 200, 18.0, 900.0)
    check_min_area(199, 200, 17.91, 900.0)
    check_min_area(0, 0, 0.0, 900.0)  # nothing to sieve


def test_empty_grades_are_named():
    cells = np.array([5, 10, 0, 7, 0])  # index 0 = nodata, grades 1..4
    assert empty_grades(cells, 4) == [2, 4]
    note = empty_grades_note(cells, 4, 0.1, 0.9, sieved=False)
    assert str(note) == "Grades 2, 4 of 4 hold no cell: no value of the data range from 0.1 to 0.9 falls between their breaks"
    assert empty_grades_note(np.array([0, 1, 1]), 2, 0.0, 1.0, sieved=False) is None


def test_units_without_geometry_or_cells_keep_a_zero_row():
    grades = np.array([[1, 1, 2, 2], [1, 1, 2, 3]], dtype=np.uint8)
    transform = Affine(10.0, 0.0, 0.0, 0.0, -10.0, 20.0)  # 10 m cells, 100 m² = 0.01 ha
    names = ["west", "missing", "east", "far away"]
    geometries = [box(0, 0, 20, 20), None, box(20, 0, 40, 20), box(1000, 1000, 1010, 1010)]
    rows, empty = unit_area_rows(names, geometries, grades, transform, 3, 3, 100.0)
    assert [r[0] for r in rows] == names  # none dropped, input order kept
    assert empty == [1, 3]
    assert rows[0][1:] == pytest.approx([0.04, 0.0, 0.0, 0.04, 0.0, 0.0])
    assert rows[2][1:] == pytest.approx([0.0, 0.03, 0.01, 0.04, 0.01, 25.0])
    assert rows[1][1:] == [0.0] * 6 and rows[3][1:] == [0.0] * 6


# --- tsr:normalizehazard ----------------------------------------------------------------------


def test_non_positive_return_periods_are_counted_not_turned_into_probabilities():
    t = np.array([2.0, 0.0, -5.0, 100.0, np.nan, 0.5], dtype=np.float32)
    p = annual_exceedance_probability(t)
    assert np.isnan(p[1]) and np.isnan(p[2]) and np.isnan(p[4])
    assert p[0] == pytest.approx(1 - math.exp(-0.5), rel=1e-6) and p[5] == pytest.approx(1 - math.exp(-2), rel=1e-6)
    assert dropped_cells(t, p) == 2  # 0 and −5; the nodata cell was never a value


def test_unmatched_table_cells_are_counted():
    x = np.array([0.5, 5.0, 50.0, np.nan], dtype=np.float32)
    mu = table_membership(x, parse_table(["0", "10", "0.5"]))
    assert dropped_cells(x, mu) == 1  # 50 matches no row


@pytest.mark.parametrize("cell", [["nan", "5", "0.5"], ["0", "NaN", "0.5"]])
def test_nan_table_bounds_are_refused(cell):
    with pytest.raises(InputError, match="is not a number"):
        parse_table(cell)


def test_inverted_and_equal_control_points_say_which():
    with pytest.raises(InputError, match=r"lower control point \(10\) must be below the upper one \(5\)"):
        Normalization(Method.FUZZY_LINEAR, 10.0, 5.0)
    with pytest.raises(InputError, match="both 5: a single value"):
        Normalization(Method.FUZZY_GAUSSIAN, 5.0, 5.0)


# --- tsr:multihazardoverlay -------------------------------------------------------------------


def test_huge_weights_are_normalised_without_overflow():
    s = OverlaySpec.build(2, OverlayMethod.WEIGHTED_SUM, [1e308, 1e308])
    np.testing.assert_allclose(s.weights, [0.5, 0.5])
    h = np.array([[0.2], [0.6]], dtype=np.float32)
    assert combine(h, s)[0] == pytest.approx(0.4)


def test_all_zero_weights_of_the_union_are_refused_and_the_maximum_ignores_weights():
    with pytest.raises(InputError, match="Every weight is zero"):
        OverlaySpec.build(2, OverlayMethod.PROBABILISTIC_UNION, [0, 0])
    s = OverlaySpec.build(2, OverlayMethod.MAXIMUM, [0, 0])
    h = np.array([[0.2], [0.6]], dtype=np.float32)
    assert combine(h, s)[0] == pytest.approx(0.6)


def test_ignored_parameters_are_noted():
    s = OverlaySpec.build(2, OverlayMethod.WEIGHTED_SUM, (), [1, 2], [5, 0.5, 0, 5])
    assert [m.template for m in s.notes] == [
        "The order weights apply only to OWA; they were ignored.",
        "The diagonal of the interaction matrix (a hazard triggering itself) is ignored.",
    ]
    np.testing.assert_array_equal(s.interactions, [[0, 0.5], [0, 0]])


def test_more_hazards_than_a_byte_can_number_are_refused():
    OverlaySpec.build(MAX_HAZARDS, OverlayMethod.MAXIMUM)
    with pytest.raises(InputError, match=f"{MAX_HAZARDS + 1} hazards were given; at most {MAX_HAZARDS}"):
        OverlaySpec.build(MAX_HAZARDS + 1, OverlayMethod.MAXIMUM)


def statistics(h, spec):
    index = combine(h, spec)
    stats = OverlayStatistics(spec.n, spec.threshold)
    stats.add(stats.block(h, index, dominant_hazard(h, spec, index), hazard_count(h, spec.threshold, index), full=False))
    return stats


def test_a_hazard_on_a_tiny_part_of_the_grid_is_reported_with_its_share():
    h = np.full((2, 20, 10), 0.5, dtype=np.float32)  # 200 cells
    h[1] = np.nan
    h[1, 0, 0] = 0.3  # one cell: 0.5 % of the cells where any hazard has a value
    for policy, tail in (
        (NodataPolicy.PROPAGATE, "the index exists only on those cells"),
        (NodataPolicy.IGNORE, "everywhere else the index is made without it"),
    ):
        spec = OverlaySpec.build(2, OverlayMethod.WEIGHTED_SUM, policy=policy, names=["flood", "tsunami"])
        stats = statistics(h, spec)
        assert coverage_shares(stats) == pytest.approx([1.0, 0.005])
        (note,) = coverage_notes(stats, spec.names, policy)
        assert str(note).startswith("'tsunami' has values on only 0.5 % of the cells where any hazard has one (1 of 200); ")
        assert str(note).endswith(tail)
        assert note.values["share"] == pytest.approx(0.5) and note.values["cells"] == 1 and note.values["total"] == 200
    h[1, :2, :] = 0.3  # 20 of 200 = 10 %: at the threshold, not below
    assert coverage_notes(statistics(h, spec), spec.names, NodataPolicy.PROPAGATE) == []


def test_hazards_that_never_meet_are_named():
    h = np.full((3, 4, 4), np.nan, dtype=np.float32)
    h[0, :, :2] = 0.5  # west half
    h[1, :, 2:] = 0.5  # east half
    h[2] = 0.2  # everywhere
    spec = OverlaySpec.build(3, OverlayMethod.WEIGHTED_SUM, policy=NodataPolicy.IGNORE, names=["a", "b", "c"])
    stats = statistics(h, spec)
    assert disjoint_pairs(stats) == [(0, 1)]
    np.testing.assert_array_equal(stats.pair_count, [[8, 0, 8], [0, 8, 8], [8, 8, 16]])
    notes = [str(n) for n in coverage_notes(stats, spec.names, NodataPolicy.IGNORE)]
    assert notes == ["'a' and 'b' share no cell: where one has a value the other is missing, so the index never combines them"]


# --- tsr:ahpweights ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("1 2 3\n1 1 1", "2 lines of 3, 3 values, which is not a matrix"),
        ("1 3 5\n1/3 1\n1/5 1/3 1", "3 lines of 3, 2, 3 values"),
        ("3 5\n2\n1", "3 lines of 2, 1, 1 values"),
    ],
)
def test_ragged_rows_are_not_read_as_another_matrix(text, fragment):
    with pytest.raises(InputError, match=fragment):
        parse_matrix(text)


def test_row_shapes_that_are_matrices_are_accepted():
    full = parse_matrix("1 3 5\n1/3 1 3\n1/5 1/3 1")
    triangle = parse_matrix("3 5\n3")
    np.testing.assert_allclose(full, triangle)
    np.testing.assert_allclose(parse_matrix("3, 5, 3"), full)  # one line: a flat list, as before


@pytest.mark.parametrize("value", ["1e308", "1e-308", "5e-324", "1001", "1/1001"])
def test_judgements_far_outside_the_scale_are_refused(value):
    with pytest.raises(InputError, match="far outside Saaty's scale"):
        parse_matrix(value)


def test_judgements_up_to_a_thousand_are_used_and_reported():
    r = ahp_weights(parse_matrix("1000"))
    assert r.weights == pytest.approx([1000 / 1001, 1 / 1001])
    assert r.outside_scale == ((0, 1, 1000.0),)


def test_max_cr_range():
    with pytest.raises(InputError, match="positive number up to 1"):
        ahp_weights(parse_matrix("3"), max_cr=1.5)


def test_judgement_label_never_writes_one_over_one():
    assert judgement_label(1 / 1.0001) == "1"
    assert judgement_label(0.999999) == "1"
    assert judgement_label(0.5) == "1/2"


# --- tsr:riskzoning: grade raster, areas -----------------------------------------------------


def test_grade_raster_block_by_block_and_cell_counts(tmp_path):
    from rasters import write_raster

    from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSource

    array = np.arange(12, dtype=np.float32).reshape(3, 4)
    array[0, 0] = -9999
    path = write_raster(tmp_path / "r.tif", array)
    grades = grade_raster(Grid.of(path), RasterSource(path), classify.Breaks((3.0, 7.0), "manual"), cells_per_block=4)
    # a value on a break belongs to the lower grade; nodata is 0
    assert grades.dtype == np.uint8
    assert grades.tolist() == [[0, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3]]
    assert grade_cell_counts(grades, 3).tolist() == [1, 3, 4, 4]


def test_grade_raster_of_a_grid_cut_into_windows_in_both_directions(tmp_path):
    """A 3000-wide tiled raster at 100 000 cells a window: 256 × 256 windows, each graded window
    put back in its place (the whole grid graded at once is the reference)."""
    import rasterio
    from rasterio.transform import from_origin

    from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSource

    values = np.random.default_rng(8).random((300, 3000)).astype(np.float32) * 10
    values[::7, ::11] = -9999
    profile = dict(driver="GTiff", width=3000, height=300, count=1, dtype="float32", crs="EPSG:4547", nodata=-9999.0)
    profile.update(transform=from_origin(500000.0, 3400000.0, 30.0, 30.0), tiled=True, blockxsize=256, blockysize=256)
    path = str(tmp_path / "wide.tif")
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(values, 1)
    grid = Grid.of(path)
    assert len(grid.windows(100_000, 256, 256)) == 2 * 12
    breaks = classify.Breaks((2.5, 5.0, 7.5), "manual")
    grades = grade_raster(grid, RasterSource(path), breaks, cells_per_block=100_000)
    expected = classify.grade(np.where(values == -9999, np.nan, values), breaks)
    np.testing.assert_array_equal(grades, expected)
    assert np.all(grades[::7, ::11] == 0) and set(np.unique(grades)) == {0, 1, 2, 3, 4}


def test_controlled_area_and_study_area_row_by_hand():
    counts = np.array([5, 100, 50, 10])  # nodata, grades 1–3; 900 m² cells = 0.09 ha
    assert controlled_area_ha(counts, 2, 900.0) == pytest.approx(60 * 0.09)
    records = zone_records(counts, 900.0, 3)
    row = study_area_row(records, 2)
    assert row == pytest.approx([9.0, 4.5, 0.9, 14.4, 5.4, 100 * 5.4 / 14.4])
    assert study_area_row(zone_records(np.zeros(4, dtype=int), 900.0, 3), 3)[-1] == 0.0
