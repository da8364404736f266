"""Tests for algorithms.raster.classify against independent computations."""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from territorial_resilience.algorithms.common.messages import InputError, Message
from territorial_resilience.algorithms.raster.classify import (
    BreakMethod,
    Breaks,
    ValueSummary,
    WeightedPoints,
    equal_interval_breaks,
    fisher_jenks,
    goodness_of_variance_fit,
    grade,
    manual_breaks,
    method_breaks,
    quantile_breaks,
    quantiles,
    raster_range,
    stddev_breaks,
    summarise_raster,
    value_histogram,
    value_range,
)

# --- independent references -------------------------------------------------


def partition_ssd(values: np.ndarray, breaks) -> float:
    """Total within-class SSD of raw values graded with `breaks`, computed directly."""
    v = np.asarray(values, dtype=np.float64)
    v = v[~np.isnan(v)]
    b = np.asarray(breaks.values if isinstance(breaks, Breaks) else breaks, dtype=np.float64)
    g = (v[:, None] > b[None, :]).sum(axis=1)  # the definition, not np.searchsorted
    return float(sum(((v[g == c] - v[g == c].mean()) ** 2).sum() for c in np.unique(g)))


def brute_force(values: np.ndarray, k: int) -> tuple[float, list[tuple[float, ...]]]:
    """Optimal SSD over every contiguous k-partition of the sorted values, and all argmins' breaks."""
    y = np.sort(values)
    best, argbest = np.inf, []
    for cuts in itertools.combinations(range(1, y.size), k - 1):
        parts = np.split(y, cuts)
        ssd = sum(((p - p.mean()) ** 2).sum() for p in parts)
        brk = tuple(float(p[-1]) for p in parts[:-1])
        if ssd < best - 1e-9:
            best, argbest = ssd, [brk]
        elif ssd <= best + 1e-9:
            argbest.append(brk)
    return best, argbest


def reference_dp(x: np.ndarray, n: np.ndarray, k: int) -> tuple[float, list[float]]:
    """Plain O(k·m²) Fisher DP on weighted points, each cost summed explicitly."""
    m = x.size
    cost = np.zeros((m + 1, m + 1))
    for t in range(m):
        for i in range(t + 1, m + 1):
            xs, ns = x[t:i], n[t:i]
            mu = np.sum(xs * ns) / ns.sum()
            cost[t, i] = np.sum(ns * (xs - mu) ** 2)
    d = np.full((k + 1, m + 1), np.inf)
    arg = np.zeros((k + 1, m + 1), dtype=int)
    d[0, 0] = 0.0
    for j in range(1, k + 1):
        for i in range(j, m + 1):
            cand = [d[j - 1, t] + cost[t, i] for t in range(j - 1, i)]
            a = int(np.argmin(cand))
            d[j, i], arg[j, i] = cand[a], a + j - 1
    brk, i = [], m
    for j in range(k, 1, -1):
        i = arg[j, i]
        brk.append(float(x[i - 1]))
    return float(d[k, m]), brk[::-1]


# --- grade ---------------------------------------------------------------------


def test_grade_hand_values_breaks_are_class_maxima_and_nan_is_zero():
    values = np.array([[-5.0, 1.0, 1.0000001, 2.0], [3.5, 3.6, np.nan, 100.0]], dtype=np.float32)
    g = grade(values, [1.0, 2.0, 3.5])
    assert g.dtype == np.uint8
    np.testing.assert_array_equal(g, [[1, 1, 2, 2], [3, 4, 0, 4]])


def test_grade_compares_float32_cells_against_float64_breaks():
    # histogram-edge breaks are not float32 numbers; rounding them would move cells across classes
    np.testing.assert_array_equal(grade(np.float32([0.5]), [0.5 - 1e-12]), [2])
    np.testing.assert_array_equal(grade(np.int16([[1, 2], [3, 4]]), [2.0]), [[1, 1], [2, 2]])


def test_grade_accepts_breaks_object_and_empty_breaks():
    np.testing.assert_array_equal(grade(np.array([0.0, 5.0]), Breaks((2.0,), "manual")), [1, 2])
    np.testing.assert_array_equal(grade(np.array([0.0, np.nan]), ()), [1, 0])


@pytest.mark.parametrize("bad", [[2.0, 1.0], [1.0, 1.0], [1.0, np.nan]])
def test_grade_rejects_invalid_breaks(bad):
    with pytest.raises(ValueError):
        grade(np.array([1.0]), bad)


# --- Fisher–Jenks against brute force and reference DP ---------------------------


@pytest.mark.parametrize("k", [2, 3, 4, 5])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fisher_jenks_matches_brute_force_on_distinct_values(k, seed):
    values = np.random.default_rng(seed).gamma(2.0, size=13)
    best, argbest = brute_force(values, k)
    fj = fisher_jenks(ValueSummary.from_array(values), k)
    assert fj.exact and fj.notes == ()
    assert partition_ssd(values, fj) == pytest.approx(best, rel=1e-10, abs=1e-12)
    assert len(argbest) == 1  # continuous data: the optimum is unique
    np.testing.assert_allclose(fj.values, argbest[0], rtol=0, atol=0)


@pytest.mark.parametrize("k", [2, 3, 4, 5])
def test_fisher_jenks_matches_brute_force_with_ties(k):
    values = np.array([0, 0, 1, 1, 1, 2, 4, 4, 5, 7, 7, 7, 9, 12], dtype=np.float64)
    best, argbest = brute_force(values, k)
    fj = fisher_jenks(ValueSummary.from_array(values), k)
    assert partition_ssd(values, fj) == pytest.approx(best, rel=1e-12, abs=1e-12)
    assert fj.values in argbest


@pytest.mark.parametrize("k", [2, 3, 5, 9])
def test_fisher_jenks_matches_reference_dp_on_weighted_points(k):
    rng = np.random.default_rng(42)
    x = np.sort(rng.choice(np.arange(2000) / 10.0, size=120, replace=False))
    n = rng.integers(1, 50, size=x.size).astype(np.float64)
    points = WeightedPoints(x, n, np.zeros_like(x), x, x, True)
    ref_ssd, ref_breaks = reference_dp(x, n, k)
    fj = fisher_jenks(points, k)
    assert fj.values == tuple(ref_breaks)
    expanded = np.repeat(x, n.astype(int))
    assert partition_ssd(expanded, fj) == pytest.approx(ref_ssd, rel=1e-10)


def test_fisher_jenks_matches_mapclassify():
    import mapclassify

    for seed in (0, 1, 2):
        rng = np.random.default_rng(seed)
        y = np.round(np.concatenate([rng.normal(0, 1, 150), rng.normal(4, 0.5, 100), rng.normal(-3, 0.7, 50)]), 1)
        assert np.unique(y).size < y.size  # the data do contain ties
        summary = ValueSummary.from_array(y)
        for k in (3, 5, 7):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "numba not installed" warning
                expected = mapclassify.FisherJenks(y, k).bins[:-1]
            np.testing.assert_array_equal(fisher_jenks(summary, k).values, expected)


def test_fisher_jenks_fewer_distinct_values_than_classes():
    fj = fisher_jenks(ValueSummary.from_array(np.array([1.0, 1.0, 2.0, 2.0, 3.0])), 5)
    assert fj.values == (1.0, 2.0)
    assert fj.classes == 3
    assert len(fj.notes) == 1 and isinstance(fj.notes[0], Message)
    note = str(fj.notes[0])
    assert "3 distinct values" in note and "3 classes instead of 5" in note
    assert fj.notes[0].values == {"m": 3, "k_eff": 3, "k": 5}


def test_fisher_jenks_constant_raster_gives_one_class():
    fj = fisher_jenks(ValueSummary.from_array(np.full(10, 0.7)), 4)
    assert fj.values == () and fj.classes == 1
    assert [str(n) for n in fj.notes] == ["All valid cells have the same value: one class instead of 4."]


def test_breaks_with_notes_stay_hashable():
    fj = fisher_jenks(ValueSummary.from_array(np.full(10, 0.7)), 4)
    assert hash(fj) == hash(fisher_jenks(ValueSummary.from_array(np.full(3, 0.7)), 4))
    assert fj != Breaks((), "fisher_jenks")  # but the notes still count for equality


@pytest.mark.parametrize("k", [1, 256, 2.5, True])
def test_invalid_number_of_classes(k):
    summary = ValueSummary.from_array(np.arange(10.0))
    with pytest.raises(InputError, match="number of classes") as err:
        fisher_jenks(summary, k)
    assert f"not {k}" in str(err.value)
    assert err.value.message.values["k"] == k


# --- summary streaming ----------------------------------------------------------


def _blocks(values: np.ndarray, sizes: list[int]) -> list[np.ndarray]:
    out, start = [], 0
    for size in sizes:
        out.append(values[start : start + size])
        start += size
    out.append(values[start:])
    return out


def _summarise(blocks, **kwargs) -> ValueSummary:
    lo, hi = value_range(blocks)
    summary = ValueSummary(lo, hi, **kwargs)
    for block in blocks:
        summary.add(block)
    return summary


def _data_with_nodata(seed: int, size: int, decimals: int | None) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = rng.lognormal(0.0, 0.6, size)
    if decimals is not None:
        values = np.round(values, decimals)
    values[rng.random(size) < 0.1] = np.nan
    return values.astype(np.float32)


def test_exact_summary_equals_expanded_data_and_is_block_independent():
    data = _data_with_nodata(0, 5000, decimals=2)
    data[1000:1500] = np.nan  # one block entirely nodata
    one = _summarise([data])
    many = _summarise(_blocks(data, [1000, 500, 1, 2000]) + [data[:0]])
    grid = _summarise([data.reshape(50, 100)])
    valid = data[~np.isnan(data)].astype(np.float64)
    x, n = np.unique(valid, return_counts=True)
    for s in (one, many, grid):
        p = s.points()
        assert s.exact and p.exact
        np.testing.assert_array_equal(p.x, x)
        np.testing.assert_array_equal(p.n, n)
        assert s.count == valid.size
        assert (s.minimum, s.maximum) == (valid.min(), valid.max())
        assert s.mean == pytest.approx(valid.mean(), rel=1e-12)
        assert s.std == pytest.approx(valid.std(), rel=1e-12)
        assert fisher_jenks(s, 6) == fisher_jenks(one, 6)
    expected_ssd, expected_breaks = reference_dp(x, n.astype(np.float64), 4)
    fj = fisher_jenks(many, 4)
    assert fj.values == tuple(expected_breaks)
    assert partition_ssd(valid, fj) == pytest.approx(expected_ssd, rel=1e-10)


def test_binned_summary_is_block_independent():
    data = _data_with_nodata(1, 20_000, decimals=None)
    one = _summarise([data], max_unique=500, bins=1024)
    many = _summarise(_blocks(data, [100, 300, 7000, 50]), max_unique=500, bins=1024)
    assert not one.exact and not many.exact
    p1, p2 = one.points(), many.points()
    np.testing.assert_array_equal(p1.n, p2.n)
    np.testing.assert_array_equal(p1.upper, p2.upper)
    np.testing.assert_allclose(p1.x, p2.x, rtol=1e-12)
    np.testing.assert_allclose(p1.within, p2.within, rtol=1e-9, atol=1e-15)
    assert fisher_jenks(one, 5) == fisher_jenks(many, 5)
    valid = data[~np.isnan(data)].astype(np.float64)
    assert one.count == valid.size
    assert one.mean == pytest.approx(valid.mean(), rel=1e-12)
    assert one.std == pytest.approx(valid.std(), rel=1e-10)


def test_bins_are_right_closed_like_grade():
    rng = np.random.default_rng(3)
    # a range whose bin width is not a binary fraction, so (v − vmin)/width is inexact
    edges = 0.1 + 0.6 / 64 * np.arange(65)
    edges[-1] = 0.7
    data = np.concatenate([rng.uniform(0.1, 0.7, 3000), np.repeat(edges, 5)])  # many values on edges
    summary = ValueSummary.from_array(data, max_unique=100, bins=64)
    p = summary.points()
    np.testing.assert_allclose(np.r_[p.lower, p.upper[-1]], edges, rtol=1e-14)
    counts = np.bincount(grade(data, p.upper[:-1]), minlength=65)[1:]
    np.testing.assert_array_equal(counts, p.n)


def test_bin_means_stay_inside_their_bins():
    # bins holding only values on their upper edge: the rounded mean must not leave the bin,
    # or grading the bins with their own edges would move them to the next class
    rng = np.random.default_rng(0)
    for _ in range(100):
        lo = rng.uniform(-1e3, 1e3)
        hi = lo + rng.uniform(1e-3, 1e4)
        edges = lo + (hi - lo) / 97 * np.arange(98)
        data = np.concatenate([[lo, hi], rng.uniform(lo, hi, 20), np.repeat(edges[1:-1], 3)])
        p = ValueSummary(lo, hi, max_unique=10, bins=97)
        p.add(data)
        pts = p.points()
        assert np.all((pts.lower <= pts.x) & (pts.x <= pts.upper))
        np.testing.assert_array_equal(grade(pts.x, pts.upper[:-1]), np.arange(1, pts.x.size + 1))


def test_binned_fisher_jenks_is_within_tolerance_of_exact_optimum():
    rng = np.random.default_rng(7)
    data = np.concatenate([rng.normal(0, 1, 50_000), rng.normal(5, 2, 30_000), rng.gamma(2, 3, 20_000)])
    assert np.unique(data).size == 100_000
    exact = ValueSummary.from_array(data, max_unique=200_000)
    binned = ValueSummary.from_array(data, max_unique=1000)
    assert exact.exact and not binned.exact
    for k in (3, 5, 7):
        fe, fb = fisher_jenks(exact, k), fisher_jenks(binned, k)
        assert fe.exact and fe.notes == ()
        assert not fb.exact and len(fb.notes) == 1 and "bin edges" in str(fb.notes[0])
        width = (data.max() - data.min()) / binned.bins
        assert fb.notes[0].values["width"] == pytest.approx(width, rel=1e-9)
        ssd_exact, ssd_binned = partition_ssd(data, fe), partition_ssd(data, fb)
        assert ssd_exact <= ssd_binned * (1 + 1e-12)
        assert (ssd_binned - ssd_exact) / ssd_exact < 1e-4
        # the SSD the binned summary reports for its own partition is exact
        assert goodness_of_variance_fit(binned, fb) == pytest.approx(1 - ssd_binned / (data.var() * data.size), rel=1e-9)
        assert set(fb.values) <= set(binned.points().upper)


def test_summary_errors_are_explained():
    # the caller's mistake: the histogram needs the range; not a planner-facing message
    with pytest.raises(ValueError, match="value_range"):
        s = ValueSummary(max_unique=10)
        s.add(np.arange(20.0))
    with pytest.raises(InputError, match="outside the data range") as err:
        ValueSummary(0.0, 1.0).add(np.array([0.5, 1.5]))
    assert "1.5" in str(err.value) and "[0.0, 1.0]" in str(err.value)
    with pytest.raises(InputError, match="infinite"):
        ValueSummary().add(np.array([1.0, np.inf]))
    with pytest.raises(InputError, match="infinite"):
        value_range([np.array([1.0, -np.inf])])
    with pytest.raises(InputError, match="no valid cells"):
        value_range([np.full(4, np.nan), np.empty(0)])
    empty = ValueSummary()
    empty.add(np.full(3, np.nan))
    with pytest.raises(InputError, match="no valid cells"):
        fisher_jenks(empty, 3)
    with pytest.raises(InputError, match="not finite") as err:
        ValueSummary(0.0, np.inf)
    assert "inf" in str(err.value)
    with pytest.raises(InputError, match="larger than the maximum") as err:
        ValueSummary(2.0, 1.0)
    assert "2.0" in str(err.value)


@pytest.mark.parametrize("kwargs", [{"max_unique": 0}, {"bins": 1}, {"vmin": 0.0}, {"vmax": 1.0}])
def test_summary_programmer_errors_stay_plain_value_errors(kwargs):
    with pytest.raises(ValueError) as err:
        ValueSummary(**kwargs)
    assert not isinstance(err.value, InputError)


def test_value_range_skips_nodata_blocks():
    blocks = [np.full(3, np.nan), np.array([2.0, np.nan, -1.5]), np.array([7.25])]
    assert value_range(blocks) == (-1.5, 7.25)


# --- other methods ------------------------------------------------------------------


@pytest.mark.parametrize("k", [2, 4, 5, 10])
def test_quantile_breaks_equal_numpy_quantile_in_exact_mode(k):
    data = _data_with_nodata(2, 3001, decimals=None)
    valid = data[~np.isnan(data)]
    qb = quantile_breaks(_summarise(_blocks(data, [1000, 1000])), k)
    np.testing.assert_allclose(qb.values, np.quantile(valid, np.arange(1, k) / k), rtol=1e-12)
    assert qb.exact and qb.notes == ()


def test_quantile_breaks_merge_coinciding_quantiles():
    data = np.concatenate([np.zeros(70), np.arange(1.0, 31.0)])
    qb = quantile_breaks(ValueSummary.from_array(data), 5)
    expected = np.unique(np.quantile(data, [0.2, 0.4, 0.6, 0.8]))
    np.testing.assert_allclose(qb.values, expected, rtol=1e-12)
    assert qb.values[0] == 0.0 and len(qb.values) == 2
    assert len(qb.notes) == 1 and "3 classes instead of 5" in str(qb.notes[0])


def test_quantile_breaks_binned_within_one_bin_width():
    data = np.random.default_rng(5).normal(10.0, 3.0, 50_000)
    summary = ValueSummary.from_array(data, max_unique=1000, bins=2048)
    qb = quantile_breaks(summary, 7)
    width = (data.max() - data.min()) / 2048
    expected = np.quantile(data, np.arange(1, 7) / 7)
    assert not qb.exact
    assert len(qb.notes) == 1 and "bin width" in str(qb.notes[0])
    assert np.max(np.abs(np.array(qb.values) - expected)) <= width
    # evenly spaced cells fill each bin uniformly: interpolation is then good to about one rank
    even = np.arange(100_000) / 100_000
    # (1024 bins and sevenths keep the quantiles off the bin edges, where clipping would hide errors)
    qe = quantile_breaks(ValueSummary.from_array(even, max_unique=1000, bins=1024), 7)
    np.testing.assert_allclose(qe.values, np.quantile(even, np.arange(1, 7) / 7), rtol=0, atol=1e-5)


PROBABILITIES = [0.0, 0.02, 0.5, 0.98, 1.0]


@pytest.mark.parametrize("blocks", [1, 3])
def test_quantiles_equal_numpy_quantile_in_exact_mode_with_ties(blocks):
    rng = np.random.default_rng(11)
    data = np.round(rng.lognormal(0.0, 0.8, 4001), 1)  # a few hundred distinct values
    assert np.unique(data).size < data.size / 5
    data[rng.random(data.size) < 0.05] = np.nan
    valid = data[~np.isnan(data)]
    summary = _summarise(np.array_split(data, blocks))
    assert summary.exact
    q = quantiles(summary, PROBABILITIES)
    assert isinstance(q, np.ndarray) and q.shape == (5,)
    np.testing.assert_allclose(q, np.quantile(valid, PROBABILITIES), rtol=1e-13, atol=0)
    assert (q[0], q[-1]) == (valid.min(), valid.max())
    # the same through the weighted points, and as a 2-D array of levels
    np.testing.assert_array_equal(quantiles(summary.points(), PROBABILITIES), q)
    np.testing.assert_array_equal(quantiles(summary, np.reshape(PROBABILITIES[:4], (2, 2))), np.reshape(q[:4], (2, 2)))


def test_quantiles_small_hand_cases():
    # N = 5 sorted values 1, 1, 2, 2, 9: h = 4p
    summary = ValueSummary.from_array(np.array([2.0, 1.0, 9.0, 2.0, 1.0]))
    np.testing.assert_allclose(quantiles(summary, [0, 0.25, 0.5, 0.625, 0.875, 1]), [1, 1, 2, 2, 5.5, 9])
    single = ValueSummary.from_array(np.array([np.nan, 3.25]))
    np.testing.assert_array_equal(quantiles(single, PROBABILITIES), np.full(5, 3.25))
    assert quantiles(summary, []).shape == (0,)


@pytest.mark.parametrize("seed", [0, 1])
def test_quantiles_binned_within_one_bin_width(seed):
    rng = np.random.default_rng(seed)
    low, high = rng.normal(0.0, 1.0, 30_000), rng.gamma(2.0, 1.0, 20_000) + 40.0
    for n_low in (30_000, 29_999, 10_000):
        # two clusters with empty bins between them: a level whose rank h falls between the
        # last low cell and the first high one interpolates across the gap
        sample = np.concatenate([low[:n_low], high])
        summary = ValueSummary.from_array(sample, max_unique=500, bins=1000)
        assert not summary.exact
        width = (sample.max() - sample.min()) / 1000
        across_gap = [(n_low - 1 + t) / (sample.size - 1) for t in (0.25, 0.5, 0.75)]
        probs = PROBABILITIES + [0.3, 0.6] + across_gap
        q = quantiles(summary, probs)
        expected = np.quantile(sample, probs)
        assert expected[-2] > low.max() + 10 * width  # really in the middle of the gap
        assert np.max(np.abs(q - expected)) <= width
        assert np.all(np.diff(quantiles(summary, np.linspace(0, 1, 501))) >= 0)


@pytest.mark.parametrize("bad", [-0.01, 1.5, np.nan])
def test_quantiles_reject_levels_outside_0_1(bad):
    summary = ValueSummary.from_array(np.arange(10.0))
    with pytest.raises(InputError, match="outside the range 0 to 1") as err:
        quantiles(summary, [0.5, bad])
    assert f"{bad:g}" in str(err.value)


def test_equal_interval_breaks_hand_values():
    assert equal_interval_breaks(0.0, 10.0, 5).values == (2.0, 4.0, 6.0, 8.0)
    np.testing.assert_allclose(equal_interval_breaks(-1.0, 1.0, 4).values, (-0.5, 0.0, 0.5))
    constant = equal_interval_breaks(3.0, 3.0, 4)
    assert constant.values == () and len(constant.notes) == 1 and "same value" in str(constant.notes[0])
    with pytest.raises(InputError, match="larger than the maximum") as err:
        equal_interval_breaks(2.0, 1.0, 3)
    assert "2.0" in str(err.value) and "1.0" in str(err.value)
    with pytest.raises(InputError, match="not finite") as err:
        equal_interval_breaks(0.0, np.nan, 3)
    assert "nan" in str(err.value)


def test_stddev_breaks_hand_values():
    even = stddev_breaks(10.0, 2.0, 4, 0.0, 20.0)
    assert even.values == (8.0, 10.0, 12.0) and even.notes == ()
    assert stddev_breaks(10.0, 2.0, 5, 0.0, 20.0).values == (7.0, 9.0, 11.0, 13.0)
    outside = stddev_breaks(10.0, 2.0, 5, 8.0, 12.5)
    assert outside.values == (7.0, 9.0, 11.0, 13.0)
    assert len(outside.notes) == 1
    assert str(outside.notes[0]) == ("2 of 4 breaks lie outside the data range [8, 12.5], so 2 classes are empty.")
    one_outside = stddev_breaks(10.0, 2.0, 5, 7.5, 13.5)
    assert str(one_outside.notes[0]) == ("One break lies outside the data range [7.5, 13.5], so one class is empty.")
    constant = stddev_breaks(1.0, 0.0, 3, 1.0, 1.0)
    assert constant.values == () and "same value" in str(constant.notes[0])
    for mean, std in ((1.0, -1.0), (np.nan, 1.0), (1.0, np.inf)):
        with pytest.raises(InputError, match="standard deviation") as err:
            stddev_breaks(mean, std, 3, 0.0, 2.0)
        assert f"({mean})" in str(err.value) and f"({std})" in str(err.value)


def test_stddev_breaks_from_summary_statistics():
    data = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    s = ValueSummary.from_array(data)
    sb = stddev_breaks(s.mean, s.std, 3, s.minimum, s.maximum)
    np.testing.assert_allclose(sb.values, (3.0 - 0.5 * np.sqrt(2.0), 3.0 + 0.5 * np.sqrt(2.0)))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0.2, 0.4,0.6", (0.2, 0.4, 0.6)),
        (" 1 2\t3 ", (1.0, 2.0, 3.0)),
        ("-1e-3; 0;5", (-0.001, 0.0, 5.0)),
        ([0.5, 1], (0.5, 1.0)),
    ],
)
def test_manual_breaks_parsing(text, expected):
    mb = manual_breaks(text)
    assert mb.values == expected and mb.method == "manual" and mb.exact


@pytest.mark.parametrize(
    "text, offending",
    [
        ("0.2, abc, 0.6", "'abc'"),
        ("0.4, 0.2", "0.2 follows 0.4"),
        ("1, 1", "1 follows 1"),
        ("0.1, inf", "'inf'"),
        ("nan", "'nan'"),
        ([1.0, None], "None"),
    ],
)
def test_manual_breaks_errors_name_the_value(text, offending):
    with pytest.raises(InputError) as err:
        manual_breaks(text)
    assert offending in str(err.value)


@pytest.mark.parametrize("text", ["", " , ;", []])
def test_manual_breaks_empty(text):
    with pytest.raises(InputError, match="No class breaks"):
        manual_breaks(text)


def test_too_many_breaks_name_the_count():
    with pytest.raises(InputError, match="at most 254") as err:
        manual_breaks(" ".join(str(i) for i in range(300)))
    assert "300 class breaks" in str(err.value)
    with pytest.raises(InputError, match="at most 254") as err:
        grade(np.array([1.0]), np.arange(255.0))
    assert "255 class breaks" in str(err.value)


@pytest.mark.parametrize("bad, offending", [([2.0, 1.0], "1 follows 2"), ([0.5, 1.0, 1.0], "1 follows 1"), ([1.0, np.nan], "nan")])
def test_grade_errors_name_the_break(bad, offending):
    with pytest.raises(InputError) as err:
        grade(np.array([1.0]), bad)
    assert offending in str(err.value)


def test_error_templates_are_translatable():
    # the QGIS layer translates the literal template and only then fills in the values
    with pytest.raises(InputError) as err:
        manual_breaks("0.4, 0.2")
    assert err.value.message.template == "Class breaks must be strictly increasing, but {value} follows {previous:g}."
    german = {err.value.message.template: "Klassengrenzen müssen aufsteigen, aber {value} folgt auf {previous:g}."}
    assert err.value.translated(lambda t: german.get(t, t)) == "Klassengrenzen müssen aufsteigen, aber 0.2 folgt auf 0.4."


def test_goodness_of_variance_fit_hand_value():
    s = ValueSummary.from_array(np.array([1.0, 2.0, 3.0, 10.0, 11.0, 12.0]))
    assert goodness_of_variance_fit(s, [3.0]) == pytest.approx(1 - 4.0 / 125.5, rel=1e-14)
    assert goodness_of_variance_fit(s, Breaks((1.0, 2.0, 3.0, 10.0, 11.0), "manual")) == pytest.approx(1.0)
    assert goodness_of_variance_fit(s, []) == pytest.approx(0.0, abs=1e-15)


# --- property test ----------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(
        st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False, width=32),
        min_size=2,
        max_size=60,
    ),
    k=st.integers(min_value=2, max_value=6),
)
def test_fisher_jenks_never_worse_than_quantile_or_equal_interval(values, k):
    data = np.array(values, dtype=np.float64)
    summary = ValueSummary.from_array(data)
    fj = partition_ssd(data, fisher_jenks(summary, k))
    tol = 1e-9 * (data.var() * data.size) + 1e-9
    assert fj <= partition_ssd(data, quantile_breaks(summary, k)) + tol
    assert fj <= partition_ssd(data, equal_interval_breaks(summary.minimum, summary.maximum, k)) + tol


# --- method dispatch, histogram and the raster summary -----------------------------------------


def test_method_breaks_by_hand():
    values = np.array([0.0, 1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 13.0])
    summary = ValueSummary.from_array(values)
    assert method_breaks(BreakMethod.NATURAL_BREAKS, summary, 2, 0.0, 13.0).values == (3.0,)
    assert method_breaks(BreakMethod.EQUAL_INTERVAL, summary, 2, 0.0, 13.0).values == (6.5,)
    # quantile: the median cuts the 8 values into 4 + 4
    assert grade(values, method_breaks(BreakMethod.QUANTILE, summary, 2, 0.0, 13.0)).tolist() == [1] * 4 + [2] * 4
    # standard deviation, k = 2: one break at the mean 6.5
    assert method_breaks(BreakMethod.STDDEV, summary, 2, 0.0, 13.0).values == pytest.approx((6.5,))
    manual = manual_breaks("1.5")
    assert method_breaks(BreakMethod.MANUAL, summary, 2, 0.0, 13.0, manual) is manual
    with pytest.raises(ValueError):
        method_breaks(BreakMethod.MANUAL, summary, 2, 0.0, 13.0)


def test_value_histogram_counts_every_cell():
    values = np.array([0.0, 0.0, 1.0, 2.0, 2.9, 3.0, np.nan])
    edges, counts = value_histogram(ValueSummary.from_array(values), bins=3)
    np.testing.assert_allclose(edges, [0.0, 1.0, 2.0, 3.0])
    np.testing.assert_allclose(counts, [2, 1, 3])  # [0, 1), [1, 2), [2, 3] (numpy's last bin is closed)
    edges, counts = value_histogram(ValueSummary.from_array(np.full(4, 5.0)))
    np.testing.assert_allclose(edges, [5.0, 6.0])
    np.testing.assert_allclose(counts, [4])


def test_summarise_raster_in_two_passes(tmp_path):
    from rasters import write_raster

    from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSource

    rng = np.random.default_rng(5)
    array = rng.normal(size=(40, 30)).astype(np.float32)
    array[3, :] = -9999
    path = write_raster(tmp_path / "s.tif", array)
    seen = []
    vmin, vmax, summary = summarise_raster(Grid.of(path), RasterSource(path), seen.append, lambda: False)
    valid = array[array != -9999].astype(np.float64)
    assert (vmin, vmax) == (valid.min(), valid.max())
    assert summary.count == valid.size
    assert summary.mean == pytest.approx(valid.mean()) and summary.std == pytest.approx(valid.std())
    assert max(seen) == pytest.approx(1.0) and all(0.0 <= f <= 1.0 for f in seen)


class _PicklingEngine:
    """An engine that runs each strip's kernel from a cloudpickle copy (as a Dask worker would),
    in this process's thread pool: kernels share no object with the merging thread."""

    def __init__(self):
        self.calls = 0

    def run_blocks(self, grid, sources, kernel, sinks=(), **kwargs):
        import cloudpickle

        from territorial_resilience.algorithms.engine.raster_io import run_blocks

        self.calls += 1
        payload = cloudpickle.dumps(kernel)
        run_blocks(grid, sources, lambda blocks: cloudpickle.loads(payload)(blocks), sinks, **kwargs)


def _sequential_summary(path, cells):
    """The summary as built before the engine hook: value_range, then ValueSummary.add strip by strip."""
    from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSource, iterate_blocks

    grid, source = Grid.of(path), RasterSource(path)
    lo, hi = value_range(b[0] for b in iterate_blocks(grid, [source], cells_per_block=cells))
    summary = ValueSummary(lo, hi)
    for (block,) in iterate_blocks(grid, [source], cells_per_block=cells):
        summary.add(block)
    return lo, hi, summary


@pytest.mark.parametrize("distinct,rows", [("few", 64), ("many", 64), ("many", 320)])
def test_summarise_raster_merges_strip_partials_bit_for_bit(tmp_path, distinct, rows):
    """Exact mode (few distinct values) and binned mode (more than 65 536 distinct values): strips
    of 64 rows switch to the histogram in the fifth of ten strips, strips of 320 rows in the first
    (which alone has too many distinct values). The summary merged from the strips' partials,
    locally or from pickled kernels, equals the sequential one bit for bit."""
    from rasters import write_raster

    from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSource

    rng = np.random.default_rng(11)
    if distinct == "few":
        array = rng.integers(0, 300, size=(640, 320)).astype(np.float32) / 7
    else:
        array = rng.gamma(2.0, 3.0, size=(640, 320)).astype(np.float32)
        array[:64] = np.round(array[:64])  # a first strip of few distinct values
    array[5, :] = -9999
    path = write_raster(tmp_path / "s.tif", array)
    cells = rows * 320
    lo, hi, expected = _sequential_summary(path, cells)
    assert expected.exact == (distinct == "few")
    engine = _PicklingEngine()
    for run_engine in (None, engine):
        vmin, vmax, summary = summarise_raster(Grid.of(path), RasterSource(path), engine=run_engine, cells_per_block=cells)
        assert (vmin, vmax) == (lo, hi)
        got, want = summary.points(), expected.points()
        assert got.exact == want.exact
        for name in ("x", "n", "within", "lower", "upper"):
            np.testing.assert_array_equal(getattr(got, name), getattr(want, name))
        assert (summary.mean, summary.std) == (expected.mean, expected.std)
    assert engine.calls == 2  # both passes went through the engine


def test_raster_range_errors_and_engine(tmp_path):
    from rasters import write_raster

    from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSource

    array = np.full((40, 20), -9999, dtype=np.float32)
    array[30, 4], array[2, 7] = -2.5, 8.0
    path = write_raster(tmp_path / "r.tif", array)
    engine = _PicklingEngine()
    assert raster_range(Grid.of(path), RasterSource(path), engine=engine, cells_per_block=16 * 20) == (-2.5, 8.0)
    assert engine.calls == 1
    empty = write_raster(tmp_path / "e.tif", np.full((4, 4), -9999, dtype=np.float32))
    with pytest.raises(InputError, match="no valid cells"):
        raster_range(Grid.of(empty), RasterSource(empty))
    array[20, 3] = np.inf
    infinite = write_raster(tmp_path / "i.tif", array)
    with pytest.raises(InputError, match="infinite"):
        raster_range(Grid.of(infinite), RasterSource(infinite))
