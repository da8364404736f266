"""Suitability with uncertain weights: closed forms against Monte Carlo, hand-made blocks,
block independence, TOP_PERCENT thresholds against sorted scores (the sample-and-bracket passes
against the full histograms and a plain sort, bit for bit), OWA orness, the OWA runs against the
explicit formula, the sweep."""

from __future__ import annotations

import math

import numpy as np
import pytest
import rasterio
from rasters import write_raster
from scipy import special, stats

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.engine.raster_io import Grid, Placed, RasterSink, RasterSource, run_blocks
from territorial_resilience.algorithms.mcda import suitability as core
from territorial_resilience.algorithms.mcda.suitability import (
    HISTOGRAM_BINS,
    BracketCounts,
    ScoreHistogram,
    SuitabilityMethod,
    SuitabilitySpec,
    SuitabilityStatistics,
    classify_probability,
    draws,
    order_weights_from_orness,
    score_bracket_kernel,
    score_histogram_kernel,
    sensitivity,
    suitability_kernel,
    thresholds_from_brackets,
    thresholds_from_histograms,
    top_percent_thresholds,
    wlc_moments,
)
from territorial_resilience.algorithms.raster.overlay import OverlayMethod, OverlaySpec, combine, orness

WLC, OWA, MINIMUM = SuitabilityMethod.WLC, SuitabilityMethod.OWA, SuitabilityMethod.MINIMUM


def random_block(n: int, shape: tuple[int, int], seed: int = 0) -> list[np.ndarray]:
    """n criteria with a few nodata cells, then an excluded flag over ~10 % of the cells."""
    rng = np.random.default_rng(seed)
    crit = [rng.random(shape, dtype=np.float32) for _ in range(n)]
    crit[0][0, :3] = np.nan
    excluded = (rng.random(shape) < 0.1).astype(np.float32)
    return crit + [excluded]


def full_histogram_thresholds(spec: SuitabilitySpec, w: np.ndarray, cut: list[list[np.ndarray]]) -> np.ndarray:
    """TOP_PERCENT thresholds from the full histograms of every draw (one pass)."""
    histogram = ScoreHistogram.for_spec(spec)
    kernel = score_histogram_kernel(spec, w)
    for strip in cut:
        histogram.add(kernel(strip)[1])
    return thresholds_from_histograms(spec, histogram)


def mapper(cut: list[list[np.ndarray]], calls: list | None = None):
    """top_percent_thresholds' map_blocks over the strips, in order (records the calls)."""

    def map_blocks(kernel, on_result, start, stop):
        if calls is not None:
            calls.append((start, stop))
        for strip in cut:
            on_result(kernel(strip)[1])

    return map_blocks


def strips_of(blocks: list[np.ndarray], strips: int) -> list[list[np.ndarray]]:
    """Row strips as run_blocks hands them to a kernel: with the place of their window."""
    parts = [np.array_split(b, strips, axis=0) for b in blocks]
    width, starts = blocks[0].shape[1], np.cumsum([0] + [p.shape[0] for p in parts[0]])
    return [Placed([p[s] for p in parts], (int(starts[s]), 0, width)) for s in range(strips)]


def run(spec: SuitabilitySpec, blocks: list[np.ndarray], w: np.ndarray | None = None, strips: int = 1, full_histograms: bool = False):
    """Both passes over `blocks` cut into `strips` row strips, as run_blocks would merge them
    (TOP_PERCENT: the sample-and-bracket passes, or the full histograms)."""
    w = draws(spec) if w is None else w
    cut = strips_of(blocks, strips)
    thresholds = None
    if spec.top_percent is not None:
        thresholds = full_histogram_thresholds(spec, w, cut) if full_histograms else top_percent_thresholds(spec, w, mapper(cut))
    total = SuitabilityStatistics.for_spec(spec)
    kernel = suitability_kernel(spec, w, thresholds)
    outputs = []
    for strip in cut:
        out, part = kernel(strip)
        outputs.append(out)
        total.add(part)
    merged = [np.concatenate([o[i] for o in outputs], axis=0) for i in range(4)]
    return merged, total, thresholds


# (a) closed-form WLC moments against explicit Dirichlet draws and explicit noise


def test_wlc_moments_match_monte_carlo():
    w_bar = np.array([0.5, 0.3, 0.2])
    cv, sd = 0.3, 0.05
    c = np.array([[0.9, 0.1, 0.5, 1.0], [0.2, 0.8, 0.5, 0.0], [0.6, 0.3, 0.5, 1.0]], dtype=np.float32)
    spec = SuitabilitySpec.build(3, WLC, w_bar, weight_cv=cv, criterion_sd=sd, threshold=0.5)
    mean, std = wlc_moments(spec, c)

    rng = np.random.default_rng(11)
    square = np.sum(w_bar**2)
    alpha = (1 - square) / (cv**2 * square) - 1  # α + 1 = (1 − Σw̄²)/(CV²Σw̄²)
    n_mc = 200_000
    w = rng.dirichlet(alpha * w_bar, size=n_mc)  # (draws, 3)
    noisy = c[None, :, :].astype(np.float64) + sd * rng.standard_normal((n_mc, 3, c.shape[1]))
    s = np.einsum("di,dic->dc", w, noisy)
    mc_mean, mc_var = s.mean(axis=0), s.var(axis=0)
    se_mean = s.std(axis=0) / math.sqrt(n_mc)
    se_var = ((s - mc_mean) ** 2).std(axis=0) / math.sqrt(n_mc)
    assert np.all(np.abs(mean - mc_mean) < 4 * se_mean)
    assert np.all(np.abs(std**2 - mc_var) < 4 * se_var)
    # The cell with equal criteria has no weight variance: only the noise term is left.
    assert std[2] ** 2 == pytest.approx(sd**2 * np.sum(w_bar**2) * (1 + cv**2), rel=1e-9)

    # The kernel writes the same closed forms.
    blocks = [c[i].reshape(1, -1) for i in range(3)] + [np.zeros((1, 4), np.float32)]
    (k_mean, k_std, _, _), _, _ = run(SuitabilitySpec.build(3, WLC, w_bar, weight_cv=cv, criterion_sd=sd, iterations=50, threshold=0.5), blocks)
    np.testing.assert_allclose(k_mean.ravel(), mean, rtol=1e-6)
    np.testing.assert_allclose(k_std.ravel(), std, rtol=1e-6)


# (b) no uncertainty: the deterministic score, probabilities 0 or 1


def test_no_uncertainty_gives_the_deterministic_score():
    blocks = random_block(4, (30, 40), seed=2)
    w_bar = np.array([4.0, 3.0, 2.0, 1.0]) / 10
    spec = SuitabilitySpec.build(4, WLC, w_bar, threshold=0.55, iterations=500)
    assert spec.draw_count == 1  # identical draws collapse to one
    (mean, std, p, grade), total, _ = run(spec, blocks)
    study = grade > 0
    study &= grade < 5
    # Σ w̄ᵢcᵢ in float64 with the normalised weights (w̄/Σw̄ can move a weight by one ulp)
    exact = sum(spec.weights[i] * blocks[i].astype(np.float64) for i in range(4)).astype(np.float32)
    np.testing.assert_array_equal(mean[study], exact[study])
    assert np.all(std[study] == 0.0)
    assert set(np.unique(p[study])) <= {0.0, 1.0}
    clear = study & (np.abs(exact - 0.55) > 1e-6)
    np.testing.assert_array_equal(p[clear] == 1.0, exact[clear] >= 0.55)
    np.testing.assert_array_equal(grade[clear], np.where(exact[clear] >= 0.55, 1, 4))
    assert total.draw_suitable[0] == total.reference_suitable[0] == np.count_nonzero(p[study] == 1.0)


# (c) the Dirichlet's coefficient of variation


def test_dirichlet_draws_have_the_requested_cv():
    w_bar = np.array([0.4, 0.3, 0.2, 0.1, 0.0])
    spec = SuitabilitySpec.build(5, WLC, w_bar, weight_cv=0.25, iterations=10_000, seed=5, threshold=0.5, sweep=())
    w = draws(spec)[:, : spec.draw_count]
    assert np.all(w[4] == 0.0)  # a zero weight stays zero
    np.testing.assert_allclose(w.sum(axis=0), 1.0, atol=1e-12)
    np.testing.assert_allclose(w.mean(axis=1), w_bar, atol=0.005)
    empirical = math.sqrt(w.var(axis=1).sum() / np.sum(w_bar**2))
    assert empirical == pytest.approx(0.25, rel=0.03)
    # Each weight's own variance follows w̄ᵢ(1 − w̄ᵢ)/(α + 1).
    spread = 0.25**2 * np.sum(w_bar**2) / (1 - np.sum(w_bar**2))
    np.testing.assert_allclose(w.var(axis=1)[:4], w_bar[:4] * (1 - w_bar[:4]) * spread, rtol=0.06)


def test_dirichlet_cv_limit_is_enforced():
    # (1 − Σw̄²)/Σw̄² = 0.18/0.82: at most √0.2195 ≈ 47 % for weights 0.9 / 0.1
    SuitabilitySpec.build(2, WLC, [0.9, 0.1], weight_cv=0.45, threshold=0.5)
    with pytest.raises(InputError, match="too large"):
        SuitabilitySpec.build(2, WLC, [0.9, 0.1], weight_cv=0.5, threshold=0.5)


# (d) Φ formula for criterion noise against explicit noise sampling


def test_noise_probability_matches_explicit_sampling():
    w_bar = np.array([0.5, 0.3, 0.2])
    c = np.array([[0.55, 0.3, 0.9, 0.5], [0.5, 0.6, 0.2, 0.45], [0.4, 0.7, 0.1, 0.6]], dtype=np.float32)
    spec = SuitabilitySpec.build(3, WLC, w_bar, weight_cv=0.2, criterion_sd=0.08, iterations=200, seed=3, threshold=0.5)
    w = draws(spec)
    blocks = [c[i].reshape(1, -1) for i in range(3)] + [np.zeros((1, 4), np.float32)]
    (_, _, p, _), total, _ = run(spec, blocks, w)

    rng = np.random.default_rng(8)
    samples = 5000
    wd = w[:, : spec.draw_count]  # (3, draws)
    hits = np.zeros(4)
    for d in range(spec.draw_count):
        noisy = c[:, None, :] + 0.08 * rng.standard_normal((3, samples, 4))
        hits += (np.einsum("i,isc->sc", wd[:, d], noisy) >= 0.5).mean(axis=0)
    explicit = hits / spec.draw_count
    se = np.sqrt(explicit * (1 - explicit) / (samples * spec.draw_count)) + 1e-4
    assert np.all(np.abs(p.ravel() - explicit) < 4 * se)
    # Per draw, the expected suitable cells are the sums of the conditional probabilities.
    z = (wd.T @ c.astype(np.float64) - 0.5) / (0.08 * np.linalg.norm(wd, axis=0))[:, None]
    np.testing.assert_allclose(total.draw_suitable, special.ndtr(z).sum(axis=1), rtol=1e-5)


def test_sampled_noise_for_minimum_and_maximum():
    """MINIMUM and OWA sample the noise: P(min ≥ T) = Π Φ((cᵢ − T)/σ), P(max ≥ T) = 1 − Π Φ((T − cᵢ)/σ)."""
    c = np.array([[0.5, 0.7, 0.45], [0.6, 0.5, 0.5], [0.55, 0.65, 0.4]], dtype=np.float32)
    blocks = [c[i].reshape(1, -1) for i in range(3)] + [np.zeros((1, 3), np.float32)]
    sd, t, d = 0.1, 0.5, 4000
    minimum = SuitabilitySpec.build(3, MINIMUM, criterion_sd=sd, iterations=d, seed=1, threshold=t)
    maximum = SuitabilitySpec.build(3, OWA, orness=1.0, criterion_sd=sd, iterations=d, seed=1, threshold=t)
    (_, _, p_min, _), _, _ = run(minimum, blocks)
    (_, std_max, p_max, _), _, _ = run(maximum, blocks)
    c64 = c.astype(np.float64)
    exact_min = special.ndtr((c64 - t) / sd).prod(axis=0)
    exact_max = 1 - special.ndtr((t - c64) / sd).prod(axis=0)
    tolerance = 4 * np.sqrt(0.25 / d)
    np.testing.assert_allclose(p_min.ravel(), exact_min, atol=tolerance)
    np.testing.assert_allclose(p_max.ravel(), exact_max, atol=tolerance)
    assert np.all(std_max > 0.02)
    # Reproducible: the noise of a cell depends on the seed and the cell's place only.
    (_, _, again, _), _, _ = run(minimum, blocks)
    np.testing.assert_array_equal(again, p_min)


@pytest.mark.parametrize("method", [MINIMUM, OWA])
def test_sampled_noise_does_not_depend_on_the_cut_into_blocks(method):
    """The same maps and counts whether the grid comes whole or in strips of 1, 3 or 7 rows
    (windows of other heights, other engines): each cell's noise is tied to its grid index."""
    rng = np.random.default_rng(5)
    crit = [rng.random((9, 11), dtype=np.float32) for _ in range(3)]
    crit[1][2, 3] = np.nan
    flag = np.zeros((9, 11), np.float32)
    flag[4, :5] = 1.0
    spec = SuitabilitySpec.build(3, method, [0.5, 0.3, 0.2], weight_cv=0.2, criterion_sd=0.1, iterations=50, seed=3, threshold=0.45)
    (whole, whole_total, _) = run(spec, crit + [flag], strips=1)
    for strips in (9, 3, 2):
        outputs, total, _ = run(spec, crit + [flag], strips=strips)
        for a, b in zip(outputs, whole):
            np.testing.assert_array_equal(a, b)
        np.testing.assert_array_equal(total.draw_suitable, whole_total.draw_suitable)
        np.testing.assert_array_equal(total.draw_kept, whole_total.draw_kept)
    # and a different seed draws different noise
    other = SuitabilitySpec.build(3, method, [0.5, 0.3, 0.2], weight_cv=0.2, criterion_sd=0.1, iterations=50, seed=4, threshold=0.45)
    assert not np.array_equal(run(other, crit + [flag])[0][2], whole[2])


# (e) exclusions


def test_exclusions_are_exact():
    crit = [np.array([[0.9, 0.9, np.nan, 0.9, 0.2]], np.float32), np.array([[0.8, 0.8, 0.8, 0.8, 0.1]], np.float32)]
    excluded = np.array([[1.0, 0.0, 1.0, np.nan, 0.0]], np.float32)  # NaN counts as allowed
    spec = SuitabilitySpec.build(2, WLC, [0.5, 0.5], weight_cv=0.3, criterion_sd=0.05, iterations=100, threshold=0.5)
    (mean, std, p, grade), total, _ = run(spec, crit + [excluded])
    # Cell 2 lies in an exclusion but a criterion is missing: it stays nodata (exclusions only
    # remove valid cells).
    np.testing.assert_array_equal(grade.ravel(), [5, 1, 0, 1, 4])
    for out in (mean, std, p):
        assert out.ravel()[0] == 0.0 and np.isnan(out.ravel()[2])
    assert p.ravel()[1] > 0.99
    assert (total.cells, total.excluded_cells, total.nodata_cells) == (3, 1, 1)
    np.testing.assert_array_equal(total.class_cells, [1, 2, 0, 0, 1, 1])

    crit[0][0, 1] = np.nan
    (mean, _, p, grade), total, _ = run(spec, crit + [np.zeros((1, 5), np.float32)])
    assert grade.ravel()[1] == 0 and np.isnan(mean.ravel()[1]) and np.isnan(p.ravel()[1])
    assert total.nodata_cells == 2


def test_exclusions_reaching_past_the_study_area_remove_only_valid_cells():
    """A 4 × 6 study area whose right two columns and bottom row are nodata in one criterion
    each; an exclusion flag over the right half (columns 3–5) and a constraint row (row 0)
    reach into the nodata. Counted by hand: valid = 3 rows × 4 columns = 12 cells; excluded
    valid cells = columns 3 of rows 0–2 (3) + row 0, columns 0–2 (3) = 6 (not the 13 flagged);
    nodata = 24 − 12 = 12, whatever the flags say there."""
    a = np.full((4, 6), 0.8, np.float32)
    a[:, 4:] = np.nan
    b = np.full((4, 6), 0.6, np.float32)
    b[3, :] = np.nan
    flag = np.zeros((4, 6), np.float32)
    flag[:, 3:] = 1.0  # an exclusion zone over the right half, into the nodata
    flag[0, :] = 1.0  # a constraint row along the top, into the nodata too
    spec = SuitabilitySpec.build(2, WLC, [0.5, 0.5], threshold=0.5)
    for strips in (1, 2, 4):
        (mean, _, p, grade), total, _ = run(spec, [a, b, flag], strips=strips)
        assert (total.cells, total.excluded_cells, total.nodata_cells) == (6, 6, 12)
        expected = np.zeros((4, 6), np.uint8)
        expected[:3, :4] = 1  # score 0.7 ≥ 0.5 in every draw
        expected[0, :4] = 5
        expected[:3, 3] = 5
        np.testing.assert_array_equal(grade, expected)
        np.testing.assert_array_equal(total.class_cells, [12, 6, 0, 0, 0, 6])
        assert np.isnan(mean[:, 4:]).all() and np.isnan(p[3]).all()
        # the area the report gives to the excluded class: 6 cells of 30 m = 0.54 ha
        assert total.class_cells[5] * 900 / 10_000 == pytest.approx(0.54)


# (f) reproducibility and independence from the block partition


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(method=WLC, threshold=0.5),
        dict(method=WLC, threshold=0.5, criterion_sd=0.05),
        dict(method=OWA, orness=0.7, threshold=0.55),
        dict(method=WLC, top_percent=20.0),
        dict(method=OWA, orness=0.3, top_percent=35.0, criterion_sd=0.0),
    ],
)
def test_results_do_not_depend_on_blocks(kwargs):
    blocks = random_block(4, (48, 37), seed=4)
    method = kwargs.pop("method")
    spec = SuitabilitySpec.build(4, method, [0.4, 0.3, 0.2, 0.1], weight_cv=0.3, iterations=300, seed=9, **kwargs)
    one, total_one, t_one = run(spec, blocks)
    many, total_many, t_many = run(spec, blocks, strips=5)
    for a, b in zip(one, many):
        np.testing.assert_array_equal(a, b)
    if t_one is not None:
        np.testing.assert_array_equal(t_one, t_many)
    for name in ("reference_suitable", "reference_kept", "class_cells"):
        np.testing.assert_array_equal(getattr(total_one, name), getattr(total_many, name))
    # Counts, or with noise sums of probabilities (whose float64 sums depend on the order).
    for name in ("draw_suitable", "draw_kept", "reference_score_sum"):
        np.testing.assert_allclose(getattr(total_one, name), getattr(total_many, name), rtol=1e-12)


def test_seed_reproduces_draws():
    spec = SuitabilitySpec.build(3, WLC, [0.5, 0.3, 0.2], weight_cv=0.2, iterations=100, seed=42, threshold=0.5)
    np.testing.assert_array_equal(draws(spec), draws(spec))
    other = SuitabilitySpec.build(3, WLC, [0.5, 0.3, 0.2], weight_cv=0.2, iterations=100, seed=43, threshold=0.5)
    assert not np.array_equal(draws(spec)[:, :100], draws(other)[:, :100])
    np.testing.assert_array_equal(draws(spec)[:, 100:], draws(other)[:, 100:])  # baseline and sweep


# (g) robust classes on a hand-made block


def test_classes_by_hand():
    w1 = np.array([0.9, 0.8, 0.7, 0.6, 0.55, 0.45, 0.4, 0.3, 0.2, 0.1])
    w = np.vstack([np.append(w1, 0.5), np.append(1 - w1, 0.5)])  # ten draws, then the baseline
    spec = SuitabilitySpec.build(2, WLC, [0.5, 0.5], weight_cv=0.2, iterations=10, threshold=0.5, sweep=())
    assert w.shape == (2, spec.columns)
    # score = c₂ + w₁(c₁ − c₂):
    c1 = np.array([[0.95, 0.1, 1.0, 1.0, 0.0, 0.2]], np.float32)
    c2 = np.array([[0.90, 0.2, 0.0, 0.4, 0.6, 0.8]], np.float32)
    # always ≥ 0.5 | never | w₁ ≥ 0.5 (balanced: 5 of 10) | w₁ ≥ 1/6 (9 of 10) | w₁ ≤ 1/6 (1 of 10) | w₁ ≤ 0.5
    (_, _, p, grade), total, _ = run(spec, [c1, c2, np.zeros((1, 6), np.float32)], w)
    np.testing.assert_array_equal(p.ravel(), np.float32([1.0, 0.0, 0.5, 0.9, 0.1, 0.5]))
    np.testing.assert_array_equal(grade.ravel(), [1, 4, 2, 1, 3, 2])
    # Suitable cells per draw, counted by hand from the same rules.
    expected = 1 + (w1 >= 0.5) + (w1 >= 1 / 6) + (w1 <= 1 / 6) + (w1 <= 0.5)
    np.testing.assert_array_equal(total.draw_suitable, expected)
    # Baseline (0.5, 0.5) scores 0.925, 0.15, 0.5, 0.7, 0.3, 0.5: cells 0, 2, 3, 5 suitable.
    assert total.reference_suitable[0] == 4
    np.testing.assert_array_equal(total.draw_kept, 1 + (w1 >= 0.5) + (w1 >= 1 / 6) + (w1 <= 0.5))


def test_class_limits():
    np.testing.assert_array_equal(classify_probability(np.array([1.0, 0.9, 0.8999, 0.5, 0.4999, 0.1, 0.0999, 0.0])), [1, 1, 2, 2, 3, 3, 4, 4])


# (h) TOP_PERCENT thresholds


def test_top_percent_thresholds_match_sorted_scores():
    blocks = random_block(3, (90, 70), seed=6)
    spec = SuitabilitySpec.build(3, WLC, [0.5, 0.3, 0.2], weight_cv=0.4, iterations=40, seed=2, top_percent=15.0)
    w = draws(spec)
    (_, _, p, grade), total, t = run(spec, blocks, w, strips=3)
    crit = np.stack([b.ravel() for b in blocks[:3]]).astype(np.float64)
    study = ~np.isnan(crit).any(axis=0) & (blocks[3].ravel() == 0)
    assert total.cells == np.count_nonzero(study)
    scores = w.T @ crit[:, study]  # (columns, cells)
    k = math.ceil(0.15 * total.cells)
    kth = -np.sort(-scores, axis=1)[:, k - 1]
    resolution = 1 / HISTOGRAM_BINS
    assert np.all(t <= kth + 1e-6)
    assert np.all(kth - t < resolution + 1e-6)
    quantile = np.quantile(scores, 1 - 0.15, axis=1)
    assert np.all(np.abs(quantile - t) < resolution + 1e-6)
    # At least the top k cells are suitable in every draw, and no cell below t.
    d = spec.draw_count
    assert np.all(total.draw_suitable >= k)
    assert np.all(total.draw_suitable <= np.count_nonzero(scores[:d] >= t[:d, None] - 1e-6, axis=1))
    assert abs(np.nansum(p[grade < 5]) - total.probability_sum) < 1e-3
    assert total.probability_sum == pytest.approx(total.draw_suitable.mean(), rel=1e-9)


def test_top_percent_counts_perfect_scores():
    """Scores of exactly 1 fall on the histogram's upper edge and must still count."""
    rng = np.random.default_rng(1)
    crit = [rng.uniform(0.0, 0.8, (5, 10)).astype(np.float32) for _ in range(3)]
    for c in crit:
        c[0, :5] = 1.0
    spec = SuitabilitySpec.build(3, WLC, [0.5, 0.3, 0.2], weight_cv=0.3, iterations=20, top_percent=10.0)
    (_, _, p, _), total, t = run(spec, crit + [np.zeros((5, 10), np.float32)])
    np.testing.assert_array_equal(t, (HISTOGRAM_BINS - 1) / HISTOGRAM_BINS)
    np.testing.assert_array_equal(total.draw_suitable, 5)
    np.testing.assert_array_equal(p[0, :5], 1.0)
    assert np.all(p.ravel()[5:] == 0.0)


def plain_scores(w: np.ndarray, crit: np.ndarray) -> np.ndarray:
    """Scores (columns × cells) in float32 summed in criterion order, w₀c₀ + w₁c₁ + … (the
    arithmetic the kernels use), by a plain loop."""
    w32 = w.astype(np.float32)
    s = w32[0][:, None] * crit[0][None, :]
    for i in range(1, crit.shape[0]):
        s = s + w32[i][:, None] * crit[i][None, :]
    return s


def sorted_thresholds(spec: SuitabilitySpec, w: np.ndarray, blocks: list[np.ndarray]) -> np.ndarray:
    """TOP_PERCENT thresholds by a full sort: t = min(⌊S₍ₖ₎·bins⌋, bins − 1)/bins, S₍ₖ₎ the k-th
    highest float32 score of each column over the study cells."""
    n = spec.n
    crit = np.stack([b.ravel() for b in blocks[:n]])
    study = ~np.isnan(crit).any(axis=0) & ~(np.nan_to_num(blocks[n].ravel()) != 0)
    scores = plain_scores(w, crit[:, study].astype(np.float32))
    k = max(1, math.ceil(spec.top_percent * study.sum() / 100 - 1e-9))
    kth = -np.sort(-scores, axis=1)[:, k - 1]
    b = np.minimum(np.floor(kth.astype(np.float64) * HISTOGRAM_BINS), HISTOGRAM_BINS - 1)
    return (b / HISTOGRAM_BINS).astype(np.float32)


@pytest.mark.parametrize(
    "shape, kwargs",
    [
        ((90, 70), dict(method=WLC, weight_cv=0.4, top_percent=15.0)),
        ((120, 150), dict(method=WLC, weight_cv=0.2, top_percent=0.05)),
        ((60, 80), dict(method=WLC, weight_cv=0.2, top_percent=100.0)),
        ((60, 80), dict(method=WLC, weight_cv=0.0, top_percent=30.0)),
        ((200, 300), dict(method=WLC, weight_cv=0.3, top_percent=50.0)),
    ],
)
def test_top_percent_passes_equal_a_full_sort_and_the_full_histograms(shape, kwargs):
    """The sample, bracket (and fallback) passes give the cut-off of the full histograms, bit for
    bit, and both that of a plain sort of the float32 scores, whatever the strips."""
    blocks = random_block(3, shape, seed=12)
    method = kwargs.pop("method")
    spec = SuitabilitySpec.build(3, method, [0.5, 0.3, 0.2], iterations=60, seed=5, **kwargs)
    w = draws(spec)
    expected = sorted_thresholds(spec, w, blocks)
    for strips in (1, 3, 7):
        cut = strips_of(blocks, strips)
        calls = []
        t = top_percent_thresholds(spec, w, mapper(cut, calls))
        np.testing.assert_array_equal(t, expected)
        np.testing.assert_array_equal(full_histogram_thresholds(spec, w, cut), expected)
        assert calls[:2] == [(0.0, 0.1), (0.1, 0.95)]


def test_owa_top_percent_passes_equal_the_full_histograms():
    blocks = random_block(4, (80, 90), seed=13)
    spec = SuitabilitySpec.build(4, OWA, [0.4, 0.3, 0.2, 0.1], orness=0.3, weight_cv=0.3, iterations=80, seed=3, top_percent=25.0)
    w = draws(spec)
    for strips in (1, 4):
        cut = strips_of(blocks, strips)
        np.testing.assert_array_equal(top_percent_thresholds(spec, w, mapper(cut)), full_histogram_thresholds(spec, w, cut))


def test_missed_brackets_are_found_and_rescored(monkeypatch):
    """A bracket that misses the k-th score is detected from the counts (T(hi) ≥ k or
    T(lo) < k) and its draw gets the full histogram: the thresholds stay exact."""
    blocks = random_block(3, (70, 60), seed=14)
    spec = SuitabilitySpec.build(3, WLC, [0.5, 0.3, 0.2], weight_cv=0.3, iterations=30, seed=8, top_percent=20.0)
    w = draws(spec)
    cut = strips_of(blocks, 3)
    expected = full_histogram_thresholds(spec, w, cut)
    bins = np.round(expected[: spec.columns] * HISTOGRAM_BINS).astype(int)  # the right bins
    rows = bins.size
    # Brackets of width 2: right for even rows, above the k-th score for rows ≡ 1 (mod 4) and
    # below it for rows ≡ 3 (mod 4).
    lo = bins.copy()
    lo[1::4] += 2
    lo[3::4] -= 2
    counts = BracketCounts(rows, 2)
    kernel = score_bracket_kernel(spec, w, lo, 2)
    for strip in cut:
        counts.add(kernel(strip)[1])
    found, missed = thresholds_from_brackets(spec, counts, lo)
    np.testing.assert_array_equal(missed, np.flatnonzero(np.arange(rows) % 2 == 1))
    np.testing.assert_array_equal(found[::2], bins[::2])
    assert np.all(found[1::2] == -1)
    # The driver: the same brackets, then the full histograms of the odd rows only.
    monkeypatch.setattr(core, "score_brackets", lambda spec, sample: (lo, 2))
    calls = []
    np.testing.assert_array_equal(top_percent_thresholds(spec, w, mapper(cut, calls)), expected)
    assert calls == [(0.0, 0.1), (0.1, 0.95), (0.95, 1.0)]


def test_brackets_from_a_sample_hold_the_kth_score():
    """On a smooth field the sample's brackets hold every draw's k-th score (no third pass), and
    they are narrow: the second pass bins only the scores inside them."""
    y, x = np.mgrid[0:300, 0:400] / 300.0
    crit = [(0.5 + 0.4 * np.sin(a * x + b * y + c)).astype(np.float32) for a, b, c in ((3, 1, 0), (1, 4, 1), (2, 2, 2))]
    blocks = crit + [np.zeros_like(crit[0])]
    spec = SuitabilitySpec.build(3, WLC, [0.5, 0.3, 0.2], weight_cv=0.2, iterations=200, seed=4, top_percent=20.0)
    w = draws(spec)
    cut = strips_of(blocks, 4)
    sample = ScoreHistogram.for_spec(spec)
    kernel = score_histogram_kernel(spec, w, stride=core.SAMPLE_STRIDE)
    for strip in cut:
        sample.add(kernel(strip)[1])
    step = min(core.SAMPLE_STRIDE, 300 * 400 // 4 // core.SAMPLE_CELLS) or 1  # a closer sample of small strips
    assert sample.cells == 300 * 400 and sample.sampled == 4 * math.ceil(300 * 400 / 4 / step)
    lo, width = core.score_brackets(spec, sample)
    assert width < 64
    calls = []
    t = top_percent_thresholds(spec, w, mapper(cut, calls))
    assert len(calls) == 2
    np.testing.assert_array_equal(t, sorted_thresholds(spec, w, blocks))


def test_sample_of_uneven_blocks_is_weighted_by_its_rate():
    """Blocks sampled at different rates (a small last strip is sampled whole) are pooled with
    weights: a small strip of high scores must not pull the brackets up (which made every draw
    miss and cost a third pass)."""
    y, x = np.mgrid[0:610, 0:400] / 300.0
    crit = [(0.45 + 0.3 * np.sin(a * x + b * y + c)).astype(np.float32) for a, b, c in ((3, 1, 0), (1, 4, 1), (2, 2, 2))]
    for c in crit:
        c[600:] = 0.98  # the last strip: 4000 high scores
    blocks = crit + [np.zeros_like(crit[0])]
    cut = [[b[i : i + 200] for b in blocks] for i in (0, 200, 400)] + [[b[600:] for b in blocks]]
    spec = SuitabilitySpec.build(3, WLC, [0.5, 0.3, 0.2], weight_cv=0.2, iterations=100, seed=4, top_percent=20.0)
    w = draws(spec)
    calls = []
    t = top_percent_thresholds(spec, w, mapper(cut, calls))
    assert len(calls) == 2
    np.testing.assert_array_equal(t, sorted_thresholds(spec, w, blocks))


def test_bracket_at_the_top_counts_perfect_scores():
    """A bracket ending at the last bin: scores of exactly 1 belong to the last bin (as in the
    full histogram), not above the bracket."""
    rng = np.random.default_rng(1)
    crit = [rng.uniform(0.0, 0.8, (5, 10)).astype(np.float32) for _ in range(3)]
    for c in crit:
        c[0, :5] = 1.0
    blocks = crit + [np.zeros((5, 10), np.float32)]
    spec = SuitabilitySpec.build(3, WLC, [0.5, 0.3, 0.2], weight_cv=0.3, iterations=20, top_percent=10.0)
    w = draws(spec)
    rows = spec.columns
    lo = np.full(rows, HISTOGRAM_BINS - 3)
    counts = BracketCounts(rows, 3)
    counts.add(score_bracket_kernel(spec, w, lo, 3)(blocks)[1])
    assert np.all(counts.above == 0) and np.all(counts.inside[:, -1] == 5)
    found, missed = thresholds_from_brackets(spec, counts, lo)
    assert missed.size == 0 and np.all(found == HISTOGRAM_BINS - 1)


def test_chunks_are_never_narrower_than_the_minimum():
    for m, width in ((0, 16), (5, 16), (16, 16), (17, 16), (16 + core.MIN_CHUNK, 16), (1000, 7 + 16)):
        chunks = core._chunks(m, width)
        covered = [i for a, b in chunks for i in range(a, b)]
        assert covered == list(range(m))
        assert all(b - a >= min(core.MIN_CHUNK, m) for a, b in chunks)
        assert all(b - a <= width + core.MIN_CHUNK for a, b in chunks)


# (i) OWA order weights from an orness


@pytest.mark.parametrize("n", [2, 3, 6])
@pytest.mark.parametrize("target", [0.05, 0.3, 0.5, 0.77, 0.99])
def test_orness_is_exact(n, target):
    v = order_weights_from_orness(n, target)
    assert abs(orness(v) - target) < 1e-12
    assert np.all(v >= 0) and v.sum() == pytest.approx(1.0, abs=1e-12)


def test_orness_ends_and_mean():
    np.testing.assert_array_equal(order_weights_from_orness(4, 1.0), [1, 0, 0, 0])
    np.testing.assert_array_equal(order_weights_from_orness(4, 0.0), [0, 0, 0, 1])
    np.testing.assert_allclose(order_weights_from_orness(4, 0.5), [0.25] * 4, atol=1e-12)
    blocks = random_block(3, (20, 25), seed=7)
    crit = np.stack(blocks[:3])
    study = ~np.isnan(crit).any(axis=0) & (blocks[3] == 0)
    for value, expected in ((1.0, crit.max(axis=0)), (0.0, crit.min(axis=0)), (0.5, crit.mean(axis=0))):
        spec = SuitabilitySpec.build(3, OWA, orness=value, threshold=0.5)
        (mean, std, _, _), _, _ = run(spec, blocks)
        np.testing.assert_allclose(mean[study], expected[study], rtol=1e-6)
        assert np.all(std[study] == 0)


def test_weighted_owa_agrees_with_overlay_and_draws():
    blocks = random_block(3, (10, 12), seed=8)
    # Ties: the weighted OWA then depends on which tied criterion takes the higher rank.
    blocks[0][1, :4] = blocks[1][1, :4] = np.float32(0.5)
    blocks[1][2, :4] = blocks[2][2, :4] = np.float32(0.3)
    w_bar, v = [0.5, 0.3, 0.2], [0.6, 0.3, 0.1]
    crit = np.stack(blocks[:3])
    study = ~np.isnan(crit).any(axis=0) & (blocks[3] == 0)
    fixed = SuitabilitySpec.build(3, OWA, w_bar, order_weights=v, threshold=0.5)
    (mean, _, _, _), total, _ = run(fixed, blocks)
    reference = combine(crit, OverlaySpec.build(3, OverlayMethod.OWA, w_bar, v))
    np.testing.assert_allclose(mean[study], reference[study], rtol=1e-5)
    assert total.reference_suitable[0] == np.count_nonzero(reference[study] >= np.float32(0.5))

    # With weight draws: mean and std over the draws, by the OWA of each draw.
    spec = SuitabilitySpec.build(3, OWA, w_bar, order_weights=v, weight_cv=0.3, iterations=64, seed=1, threshold=0.5)
    w = draws(spec)
    (mean, std, p, _), _, _ = run(spec, blocks, w)
    per_draw = np.stack([combine(crit, OverlaySpec.build(3, OverlayMethod.OWA, w[:, d], v)) for d in range(64)])
    np.testing.assert_allclose(mean[study], per_draw.mean(axis=0)[study], atol=2e-6)
    np.testing.assert_allclose(std[study], per_draw.std(axis=0)[study], atol=2e-5)
    np.testing.assert_allclose(p[study], (per_draw >= np.float32(0.5)).mean(axis=0)[study], atol=1.5 / 64)


def plain_owa(w: np.ndarray, v: np.ndarray, crit: np.ndarray) -> np.ndarray:
    """Weighted OWA scores (columns × cells) by the explicit formula in float32: ranks by a stable
    sort of −c (ties in criterion order), u_k = w_(k)·v_k, S = Σ u_(k)c_(k) / max(Σ u_(k), tiny),
    each sum in criterion order."""
    n = crit.shape[0]
    order = np.argsort(-crit, axis=0, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(n)[:, None], axis=0)
    coef = v.astype(np.float32)[rank]  # v of each criterion's rank, per cell
    w32 = w.astype(np.float32)
    num = w32[0][:, None] * (coef[0] * crit[0])[None, :]
    den = w32[0][:, None] * coef[0][None, :]
    for i in range(1, n):
        num = num + w32[i][:, None] * (coef[i] * crit[i])[None, :]
        den = den + w32[i][:, None] * coef[i][None, :]
    return num / np.maximum(den, np.finfo(np.float32).tiny)


@pytest.mark.parametrize("smooth", [True, False])
def test_owa_runs_equal_the_explicit_formula_bit_for_bit(smooth, monkeypatch):
    """OWA scores with one denominator per run of cells in the same criterion order: the
    probabilities equal those of the explicit per-cell formula exactly, and every output equals
    the per-cell path (runs switched off) bit for bit. Random criteria (6! orders on 400 cells a
    strip) make runs too short: those chunks take the per-cell path."""
    if smooth:
        n, shape = 4, (60, 70)
        y, x = np.mgrid[0:60, 0:70] / 60.0
        crit = [(0.5 + 0.45 * np.sin(a * x + b * y + c)).astype(np.float32) for a, b, c in ((3, 1, 0), (1, 4, 1), (2, 2, 2), (4, 3, 0.5))]
        crit[1][10, :20] = crit[2][10, :20]  # ties
        blocks = crit + [(np.random.default_rng(2).random(shape) < 0.1).astype(np.float32)]
    else:
        n = 6
        blocks = random_block(n, (30, 40), seed=15)
    weights = [0.4, 0.3, 0.2, 0.1, 0.15, 0.05][:n]
    order = [0.4, 0.0, 0.35, 0.25, 0.1, 0.2][:n]
    spec = SuitabilitySpec.build(n, OWA, weights, order_weights=order, weight_cv=0.3, iterations=200, seed=6, threshold=0.5)
    w = draws(spec)
    used = []
    runs = core._owa_runs
    monkeypatch.setattr(core, "_owa_runs", lambda *a: used.append(runs(*a)) or used[-1])
    (mean, std, p, grade), total, _ = run(spec, blocks, w, strips=3)
    assert any(r is not None for r in used) == smooth
    monkeypatch.setattr(core, "RUN_CELLS", 10**9)  # every chunk per cell
    plain, plain_total, _ = run(spec, blocks, w, strips=3)
    for a, b in zip((mean, std, p, grade), plain):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(total.draw_suitable, plain_total.draw_suitable)
    np.testing.assert_array_equal(total.reference_suitable, plain_total.reference_suitable)

    crit = np.stack([b.ravel() for b in blocks[:n]])
    study = ~np.isnan(crit).any(axis=0) & (blocks[n].ravel() == 0)
    scores = plain_owa(w, spec.order_weights, crit[:, study])
    d = spec.draw_count
    expected = (scores[:d] >= np.float32(0.5)).sum(axis=0) / d
    np.testing.assert_array_equal(p.ravel()[study], expected.astype(np.float32))
    np.testing.assert_allclose(mean.ravel()[study], scores[:d].mean(axis=0), atol=2e-6)
    np.testing.assert_allclose(std.ravel()[study], scores[:d].std(axis=0), atol=2e-5)
    np.testing.assert_array_equal(total.draw_suitable, (scores[:d] >= np.float32(0.5)).sum(axis=1))


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(method=WLC, threshold=0.5),
        dict(method=WLC, top_percent=20.0),
        dict(method=OWA, orness=0.7, threshold=0.55),
        dict(method=OWA, orness=0.3, top_percent=35.0),
    ],
)
def test_outputs_do_not_depend_on_cells_per_block(tmp_path, kwargs):
    """The whole run through run_blocks on GeoTIFFs: every output raster and total is the same
    bit for bit whatever cells_per_block (the draws come once from SEED; the TOP_PERCENT sample
    changes with the blocks, its brackets do not change the cut-offs)."""
    rng = np.random.default_rng(16)
    y, x = np.mgrid[0:50, 0:64] / 50.0
    crit = [(0.5 + 0.3 * np.sin(a * x + b * y) + 0.1 * rng.random((50, 64))).astype(np.float32) for a, b in ((3, 1), (1, 4), (2, 2))]
    crit[0][:2, :5] = -9999.0
    paths = [write_raster(tmp_path / f"c{i}.tif", c) for i, c in enumerate(crit)]
    method = kwargs.pop("method")
    spec = SuitabilitySpec.build(3, method, [0.5, 0.3, 0.2], weight_cv=0.25, iterations=150, seed=2, **kwargs)
    w = draws(spec)
    grid = Grid.of(paths[0])
    sources = [RasterSource(p) for p in paths]
    results = []
    for cells in (64 * 3, 64 * 17, 64 * 50):

        def with_flag(kernel):
            return lambda blocks: kernel(blocks + [np.zeros_like(blocks[0])])

        thresholds = None
        if spec.top_percent is not None:
            thresholds = top_percent_thresholds(
                spec, w, lambda kernel, on_result, a, b: run_blocks(grid, sources, with_flag(kernel), on_result=on_result, cells_per_block=cells)
            )
        total = SuitabilityStatistics.for_spec(spec)
        out = [str(tmp_path / f"{cells}_{name}.tif") for name in ("mean", "std", "p", "class")]
        sinks = [RasterSink(out[0], "float32"), RasterSink(out[1], "float32"), RasterSink(out[2], "float32"), RasterSink(out[3], "uint8", 0)]
        run_blocks(grid, sources, with_flag(suitability_kernel(spec, w, thresholds)), sinks, on_result=total.add, cells_per_block=cells)
        rasters = []
        for path in out:
            with rasterio.open(path) as ds:
                rasters.append(ds.read(1))
        results.append((rasters, total, thresholds))
    (first, total, thresholds), rest = results[0], results[1:]
    assert total.cells == 50 * 64 - 10
    for rasters, other, t in rest:
        for a, b in zip(first, rasters):
            np.testing.assert_array_equal(a, b)
        for name in ("class_cells", "draw_suitable", "draw_kept", "reference_suitable", "reference_kept"):
            np.testing.assert_array_equal(getattr(total, name), getattr(other, name))
        if thresholds is not None:
            np.testing.assert_array_equal(thresholds, t)


# (j) sensitivity


def test_sweep_vectors_and_their_areas():
    blocks = random_block(3, (40, 50), seed=9)
    w_bar = np.array([0.5, 0.3, 0.2])
    spec = SuitabilitySpec.build(3, WLC, w_bar, weight_cv=0.3, iterations=200, seed=4, threshold=0.52, sweep=(-0.2, 0.2))
    w = draws(spec)
    _, total, _ = run(spec, blocks, w, strips=2)
    report = sensitivity(spec, w, total)
    crit = np.stack([b.ravel() for b in blocks[:3]]).astype(np.float64)
    study = ~np.isnan(crit).any(axis=0) & (blocks[3].ravel() == 0)
    base = w_bar @ crit[:, study] >= 0.52
    assert report.sweep[0].criterion is None and report.sweep[0].suitable_cells == np.count_nonzero(base)
    assert len(report.sweep) == 1 + 3 * 2
    for row in report.sweep[1:]:
        i, change = row.criterion, row.change
        vec = np.array(row.weights)
        assert vec.sum() == pytest.approx(1.0, abs=1e-12)
        assert vec[i] == pytest.approx(w_bar[i] * (1 + change), rel=1e-12)
        others = np.delete(np.arange(3), i)
        np.testing.assert_allclose(vec[others] / w_bar[others], (1 - vec[i]) / (1 - w_bar[i]), rtol=1e-12)
        scores = vec @ crit[:, study]
        suitable = scores >= 0.52
        near = np.count_nonzero(np.abs(scores - 0.52) < 1e-6)  # float32 may decide these either way
        assert abs(row.suitable_cells - np.count_nonzero(suitable)) <= near
        assert row.mean_score == pytest.approx(scores.mean(), rel=1e-5)
        assert abs(row.kept_share - np.count_nonzero(suitable & base) / np.count_nonzero(base)) <= near / np.count_nonzero(base)
    # Global sensitivity: correlations of the weight draws with the per-draw suitable area.
    d = spec.draw_count
    for row in report.influence:
        x = w[row.criterion, :d]
        assert row.area_pearson == pytest.approx(stats.pearsonr(x, total.draw_suitable)[0], abs=1e-12)
        assert row.area_spearman == pytest.approx(stats.spearmanr(x, total.draw_suitable)[0], abs=1e-12)
        kept = total.draw_kept / total.reference_suitable[0]
        assert row.kept_spearman == pytest.approx(stats.spearmanr(x, kept)[0], abs=1e-12)


def test_dominant_criterion_drives_the_area():
    """Cells good only in criterion 1: the suitable area grows with w₁ across the draws."""
    rng = np.random.default_rng(3)
    c1 = rng.uniform(0.6, 1.0, (20, 20)).astype(np.float32)
    c2 = rng.uniform(0.0, 0.4, (20, 20)).astype(np.float32)
    spec = SuitabilitySpec.build(2, WLC, [0.5, 0.5], weight_cv=0.4, iterations=300, seed=2, threshold=0.5)
    w = draws(spec)
    _, total, _ = run(spec, [c1, c2, np.zeros((20, 20), np.float32)], w)
    report = sensitivity(spec, w, total)
    assert report.influence[0].area_spearman > 0.9 and report.influence[1].area_spearman < -0.9
    up = [r for r in report.sweep if r.criterion == 0 and r.change > 0][0]
    down = [r for r in report.sweep if r.criterion == 0 and r.change < 0][0]
    assert up.suitable_cells > report.sweep[0].suitable_cells > down.suitable_cells


def test_sweep_step_above_one_is_left_out():
    spec = SuitabilitySpec.build(2, WLC, [0.9, 0.1], threshold=0.5, sweep=(-0.2, 0.2))
    assert spec.sweep_runs == ((0, -0.2), (1, -0.2), (1, 0.2))
    assert any("above 1" in str(note) for note in spec.notes)


# (k) bad input


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        (dict(weights=[1, 2]), "2 weights were given for 3 criteria"),
        (dict(weights=[1, -1, 1]), "zero or positive"),
        (dict(weights=[0, 0, 0]), "sum to zero"),
        (dict(iterations=0), "iterations"),
        (dict(iterations=2.5), "iterations"),
        (dict(threshold=1.2), "threshold is a score"),
        (dict(threshold=None, top_percent=0.0), "top percentage"),
        (dict(threshold=None, top_percent=120.0), "top percentage"),
        (dict(top_percent=10.0), "not both or neither"),
        (dict(threshold=None), "not both or neither"),
        (dict(method=OWA, orness=1.5), "orness"),
        (dict(method=OWA, orness=0.5, order_weights=[1, 1, 1]), "not both"),
        (dict(method=OWA, order_weights=[1, 1]), "order weights"),
        (dict(weight_cv=-0.1), "coefficient of variation"),
        (dict(weight_cv=1.5), "coefficient of variation"),
        (dict(criterion_sd=-0.01), "criterion uncertainty"),
        (dict(seed=-1), "seed"),
        (dict(sweep=(-1.5,)), "below zero"),
    ],
)
def test_bad_parameters(kwargs, fragment):
    args = dict(method=WLC, weights=[1, 1, 1], threshold=0.5)
    args.update(kwargs)
    with pytest.raises(InputError, match=fragment):
        SuitabilitySpec.build(3, **args)


def test_unnormalised_criterion_and_empty_study_area():
    spec = SuitabilitySpec.build(2, WLC, threshold=0.5)
    bad = [np.array([[0.5, 1.5]], np.float32), np.array([[0.5, 0.5]], np.float32), np.zeros((1, 2), np.float32)]
    with pytest.raises(InputError, match="outside 0–1"):
        suitability_kernel(spec, draws(spec))(bad)
    top = SuitabilitySpec.build(2, WLC, top_percent=10.0)
    everything_excluded = [np.full((1, 2), 0.5, np.float32)] * 2 + [np.ones((1, 2), np.float32)]
    with pytest.raises(InputError, match="No cell"):
        run(top, everything_excluded)
    _, total, _ = run(spec, everything_excluded)
    with pytest.raises(InputError, match="No cell"):
        total.require_study_cells()


# (h) the estimated run time: timed on a sample, scaled linearly, noted and refused


def test_estimated_time_scales_the_timed_sample_to_the_study_cells():
    from territorial_resilience.algorithms.mcda.suitability import MAX_RUN_SECONDS, SLOW_RUN_SECONDS, check_run_time, estimate_seconds

    spec = SuitabilitySpec.build(3, OWA, [0.5, 0.3, 0.2], orness=0.3, weight_cv=0.2, criterion_sd=0.05, iterations=50, top_percent=10.0)
    w = draws(spec)
    ticks = iter([10.0, 12.5])  # the sample takes 2.5 s by this clock
    # 2.5 s for 1024 cells → 2.5 × 3 000 000 / 1024 s for three million cells
    assert estimate_seconds(spec, w, 3_000_000, sample_cells=1024, clock=lambda: next(ticks)) == pytest.approx(2.5 * 3_000_000 / 1024)
    ticks = iter([0.0, 1.0])
    assert estimate_seconds(spec, w, 100, sample_cells=1024, clock=lambda: next(ticks)) == pytest.approx(1.0)  # the sample is the whole area
    assert estimate_seconds(spec, w, 0) == 0.0
    assert check_run_time(SLOW_RUN_SECONDS, 10, 5) is None
    note = check_run_time(1800.0, 2_000_000, 10_000)
    assert str(note).startswith("This run will take about 30 minutes (10000 draws × 2000000 cells")
    with pytest.raises(InputError, match="about 25 hours .* more than the 24 hours allowed"):
        check_run_time(MAX_RUN_SECONDS + 3600.0, 2_000_000, 10_000)


# --- inputs: criterion ranges, block preparer, sweep effects ------------------------------------------


def test_criterion_ranges_normalise_only_criteria_outside_0_1(tmp_path):
    a = np.array([[0.2, 0.9, -9999.0], [0.0, 1.0, 0.5]], dtype=np.float32)  # within 0–1: as given
    b = np.array([[10.0, 30.0, 20.0], [-9999.0, 50.0, 40.0]], dtype=np.float32)  # 10 … 50: min-max
    paths = [write_raster(tmp_path / "a.tif", a), write_raster(tmp_path / "b.tif", b)]
    grid = Grid.of(paths[0])
    ranges, common = core.criterion_ranges(grid, [RasterSource(p) for p in paths], ["a", "b"])
    assert ranges == [(0.0, 1.0), (10.0, 50.0)]
    assert common == 4  # cells with data in both: (0,0), (0,1), (1,1), (1,2)


@pytest.mark.parametrize(
    "second, message",
    [
        (np.full((2, 3), -9999.0, dtype=np.float32), "The criterion 'b' has no valid cell on the reference grid"),
        (np.full((2, 3), 7.0, dtype=np.float32), "The criterion 'b' is constant; it cannot be normalised"),
        (np.array([[-9999.0] * 3, [1.0, 2.0, 3.0]], dtype=np.float32), "The criteria do not overlap"),
    ],
)
def test_criterion_ranges_refuse_unusable_criteria(tmp_path, second, message):
    first = np.array([[0.5, 0.5, 0.5], [-9999.0] * 3], dtype=np.float32)
    paths = [write_raster(tmp_path / "a.tif", first), write_raster(tmp_path / "b.tif", second)]
    with pytest.raises(InputError, match="^" + message):
        core.criterion_ranges(Grid.of(paths[0]), [RasterSource(p) for p in paths], ["a", "b"])


def test_block_preparer_normalises_reverses_costs_and_flags_exclusions():
    c1 = np.array([[0.2, 0.8]], dtype=np.float32)
    c2 = np.array([[10.0, 30.0]], dtype=np.float32)  # range 10–50, a cost
    constraint = np.array([[1.0, 0.0]], dtype=np.float32)
    zones = np.array([[1.0, 0.0]], dtype=np.float32)
    prepare = core.block_preparer(2, [(0.0, 1.0), (10.0, 50.0)], [True, False], 1, True)
    criteria_1, criteria_2, excluded = prepare([c1, c2, constraint, zones])
    assert criteria_1 is c1  # a 0–1 benefit criterion is passed as it is
    np.testing.assert_allclose(criteria_2, [[1 - 0.0, 1 - 0.5]])
    assert excluded.dtype == np.float32 and excluded.tolist() == [[1.0, 1.0]]
    *_, excluded = core.block_preparer(2, [(0.0, 1.0), (10.0, 50.0)], [True, True], 0, False)([c1, c2])
    assert excluded.tolist() == [[0.0, 0.0]]


def test_sweep_effects_in_hectares_and_percent():
    rows = (
        core.SweepRow(None, "", 0.0, (0.5, 0.5), 40, 0.6, 1.0),
        core.SweepRow(0, "a", -0.2, (0.4, 0.6), 30, 0.55, 0.75),
        core.SweepRow(1, "b", 0.2, (0.4, 0.6), 44, 0.62, math.nan),
    )
    sens = core.Sensitivity(rows, ())
    by_area = SuitabilitySpec.build(2, WLC, [0.5, 0.5], threshold=0.6, names=("a", "b"))
    effects, unit = core.sweep_effects(by_area, sens, 0.09)
    assert unit == "ha" and [e.name for e in effects] == ["", "a", "b"]
    assert [e.delta for e in effects] == pytest.approx([0.0, -10 * 0.09, 4 * 0.09])
    assert effects[1].suitable_ha == pytest.approx(2.7) and effects[1].kept_pct == pytest.approx(75.0)
    by_share = SuitabilitySpec.build(2, WLC, [0.5, 0.5], top_percent=20.0, names=("a", "b"))
    effects, unit = core.sweep_effects(by_share, sens, 0.09)
    assert unit == "%" and effects[1].delta == pytest.approx(-25.0) and math.isnan(effects[2].delta)
