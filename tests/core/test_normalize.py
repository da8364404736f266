"""Normalisation kernels against hand computations and closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.raster.normalize import (
    Direction,
    Method,
    Normalization,
    annual_exceedance_probability,
    check_percentile_values,
    parse_table,
    percentile_levels,
    stretch_points,
    table_membership,
)

X = np.array([0.0, 2.5, 5.0, 7.5, 10.0, 12.0, -1.0, np.nan], dtype=np.float32)


def test_minmax_and_direction():
    up = Normalization(Method.MINMAX, 0.0, 10.0)(X)
    np.testing.assert_allclose(up[:7], [0, 0.25, 0.5, 0.75, 1, 1, 0])
    assert np.isnan(up[7])
    down = Normalization(Method.MINMAX, 0.0, 10.0, Direction.HIGHER_IS_LESS)(X)
    np.testing.assert_allclose(down[:7], [1, 0.75, 0.5, 0.25, 0, 0, 1])
    assert down.dtype == np.float32


def test_sigmoid_is_cosine_squared_s_curve():
    mu = Normalization(Method.FUZZY_SIGMOID, 0.0, 10.0)(X)
    expected = [math.sin(t * math.pi / 2) ** 2 for t in (0, 0.25, 0.5, 0.75, 1, 1, 0)]
    np.testing.assert_allclose(mu[:7], expected, atol=1e-6)
    assert mu[2] == pytest.approx(0.5, abs=1e-6)
    assert mu[1] == pytest.approx(0.5 - math.sqrt(2) / 4, abs=1e-6)  # sin²(π/8)


def test_gaussian_half_maximum_at_control_points():
    mu = Normalization(Method.FUZZY_GAUSSIAN, 2.5, 7.5)(X)
    assert mu[1] == pytest.approx(0.5, abs=1e-6)
    assert mu[3] == pytest.approx(0.5, abs=1e-6)
    assert mu[2] == pytest.approx(1.0, abs=1e-6)
    # x = 10 is 2 half-widths from the centre: exp(−ln2·4) = 1/16
    assert mu[4] == pytest.approx(1 / 16, abs=1e-6)


def test_return_period_poisson_probability():
    t = np.array([1, 2, 10, 100, 1000, 0, -5, np.nan], dtype=np.float32)
    p = annual_exceedance_probability(t)
    np.testing.assert_allclose(p[:5], [1 - math.exp(-1 / v) for v in (1, 2, 10, 100, 1000)], rtol=1e-6)
    assert p[3] == pytest.approx(0.00995017, rel=1e-5)
    assert np.isnan(p[5:]).all()


def test_table_first_matching_row_and_unmatched_nodata():
    rows = parse_table(["", "1", "0.1", "1", "5", "0.5", "5", "", "1", "4", "6", "0.0"])
    mu = table_membership(np.array([0.5, 1.0, 1.01, 5.0, 5.5, np.nan], dtype=np.float32), rows)
    np.testing.assert_allclose(mu[:5], [0.1, 0.1, 0.5, 0.5, 1.0])
    assert np.isnan(mu[5])
    rows = parse_table([0, 1, 0.3])
    assert np.isnan(table_membership(np.array([0.0, 2.0], dtype=np.float32), rows)).all()


@pytest.mark.parametrize(
    "flat, fragment",
    [
        ([0, 1], "three columns"),
        ([0, 1, 2], "between 0 and 1"),
        ([3, 1, 0.5], "not below"),
        (["a", 1, 0.5], "'a'"),
        ([], "empty"),
    ],
)
def test_table_errors(flat, fragment):
    with pytest.raises(InputError, match=fragment):
        parse_table(flat)


def test_constant_raster_cannot_be_stretched():
    with pytest.raises(InputError, match="single value"):
        Normalization(Method.MINMAX, 3.0, 3.0)


def test_direction_ignored_for_table_and_return_period():
    n = Normalization(Method.RETURN_PERIOD, direction=Direction.HIGHER_IS_LESS)
    assert not n.uses_direction
    assert n(np.array([100.0], dtype=np.float32))[0] == pytest.approx(0.00995017, rel=1e-5)


# --- control points from the data ------------------------------------------------------------


def test_percentile_levels_default_given_and_refused():
    assert percentile_levels(None, None) == (2.0, 98.0)
    assert percentile_levels(10.0, None) == (10.0, 98.0)
    assert percentile_levels(None, 50.0) == (2.0, 50.0)
    for low, high in ((50.0, 50.0), (-1.0, 90.0), (10.0, 100.5), (99.0, None)):
        with pytest.raises(InputError, match="0 ≤ lower < upper ≤ 100"):
            percentile_levels(low, high)


def test_percentile_values_must_differ():
    check_percentile_values(2.0, 98.0, 0.5, 0.6)
    with pytest.raises(InputError, match="are both 3, because many cells share that value"):
        check_percentile_values(2.0, 98.0, 3.0, 3.0)


def test_stretch_points_fill_the_missing_point_from_the_data():
    assert stretch_points(None, None, -1.0, 4.0) == (-1.0, 4.0)
    assert stretch_points(0.5, None, -1.0, 4.0) == (0.5, 4.0)
    assert stretch_points(None, 2.0, -1.0, 4.0) == (-1.0, 2.0)
    assert stretch_points(7.0, 9.0, -1.0, 4.0) == (7.0, 9.0)  # both given: the data do not matter
    with pytest.raises(InputError, match="has the value 2: a single value"):
        stretch_points(None, None, 2.0, 2.0)
    with pytest.raises(InputError, match="lower control point 4 is not below the data maximum 4"):
        stretch_points(4.0, None, -1.0, 4.0)
    with pytest.raises(InputError, match="upper control point -1 is not above the data minimum -1"):
        stretch_points(None, -1.0, -1.0, 4.0)
