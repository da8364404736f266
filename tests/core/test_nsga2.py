"""NSGA-II and hypervolume: the sort against a brute-force peel, the hypervolume against hand
cases and lattice counting, the optimiser on ZDT1 against the exact hypervolume of its front."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from territorial_resilience.algorithms.nsga2 import (
    HV_REFERENCE,
    RealCodedProblem,
    crowding_distance,
    hypervolume,
    knee_index,
    non_dominated,
    non_dominated_sort,
    normalised_hypervolume,
    nsga2,
)
from territorial_resilience.algorithms.raster_io import Cancelled


def dominates(a, b) -> bool:
    return all(x <= y for x, y in zip(a, b)) and any(x < y for x, y in zip(a, b))


def brute_force_ranks(f) -> list[int]:
    """Peel the front one point at a time in plain Python: O(n²) per rank."""
    rank = [-1] * len(f)
    r = 0
    while -1 in rank:
        left = [i for i in range(len(f)) if rank[i] < 0]
        front = [i for i in left if not any(dominates(f[j], f[i]) for j in left)]
        for i in front:
            rank[i] = r
        r += 1
    return rank


@pytest.mark.parametrize("m", [1, 2, 3, 4])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_non_dominated_sort_matches_brute_force(m, seed):
    # Small integers: many ties and duplicate points.
    f = np.random.default_rng(seed).integers(0, 5, size=(60, m)).astype(float)
    expected = brute_force_ranks(f.tolist())
    assert non_dominated_sort(f).tolist() == expected
    assert non_dominated(f).tolist() == [r == 0 for r in expected]


def test_crowding_distance_hand_case():
    # One front of four points and a dominated point alone in rank 1.
    f = np.array([[0, 4], [1, 2], [2, 1], [4, 0], [5, 5]], dtype=float)
    rank = non_dominated_sort(f)
    assert rank.tolist() == [0, 0, 0, 0, 1]
    d = crowding_distance(f, rank)
    # (1, 2): neighbours 0 and 2 on f1 (range 4), 1 and 4 on f2 (range 4): 2/4 + 3/4
    assert d[1] == pytest.approx(1.25)
    assert d[2] == pytest.approx(3 / 4 + 2 / 4)
    assert np.isinf(d[[0, 3, 4]]).all()


def test_hypervolume_hand_cases():
    assert hypervolume([[0.5, 0.5]], [1, 1]) == pytest.approx(0.25)
    # Two boxes 0.8 × 0.4 overlapping in 0.4 × 0.4.
    assert hypervolume([[0.2, 0.6], [0.6, 0.2]], [1, 1]) == pytest.approx(0.32 + 0.32 - 0.16)
    # A dominated point and a point beyond the reference add nothing.
    assert hypervolume([[0.2, 0.6], [0.6, 0.2], [0.7, 0.7], [0.1, 1.5]], [1, 1]) == pytest.approx(0.48)
    assert hypervolume([[0.0, 0.0, 0.0]], 1.0) == pytest.approx(1.0)
    # Three axis-aligned slabs of a unit cube: 3 × 0.5 − 3 × 0.25 + 0.125 (inclusion-exclusion).
    assert hypervolume([[0.5, 0, 0], [0, 0.5, 0], [0, 0, 0.5]], 1.0) == pytest.approx(1.5 - 0.75 + 0.125)
    assert hypervolume([[2.0, 0.0]], [1, 1]) == 0.0
    assert hypervolume([[0.25]], [1]) == pytest.approx(0.75)


@pytest.mark.parametrize("m", [2, 3, 4, 5])
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_hypervolume_matches_lattice_count(m, seed):
    """Points on the integer lattice of [0, G)ᵐ, reference G: the hypervolume is the number of
    unit cells [c, c + 1) dominated by some point (c ≥ p componentwise)."""
    g = 7
    p = np.random.default_rng(seed).integers(0, g, size=(20, m))
    cells = np.indices((g,) * m).reshape(m, -1).T
    count = np.any(np.all(cells[:, None, :] >= p[None, :, :], axis=2), axis=1).sum()
    assert hypervolume(p, float(g)) == pytest.approx(float(count))


def test_knee_is_nearest_to_the_ideal_point():
    # Both objectives span [0, 1]: squared distances 1, 0.13, 0.26, 1.
    f = np.array([[0, 1], [0.2, 0.3], [0.5, 0.1], [1, 0]])
    assert knee_index(f) == 1
    # Scaling an objective does not move the knee; a constant objective drops out.
    assert knee_index(f * [100, 1]) == 1
    assert knee_index(np.c_[f, np.full(4, 7.0)]) == 1


def zdt1(x: np.ndarray) -> np.ndarray:
    """ZDT1 (Zitzler, Deb & Thiele 2000): f1 = x1, g = 1 + 9 Σᵢ₌₂ⁿ xᵢ/(n − 1),
    f2 = g(1 − √(f1/g)); the Pareto front is g = 1, f2 = 1 − √f1, f1 ∈ [0, 1]."""
    f1 = x[:, 0]
    g = 1.0 + 9.0 * x[:, 1:].sum(axis=1) / (x.shape[1] - 1)
    return np.c_[f1, g * (1.0 - np.sqrt(f1 / g))]


def zdt1_problem(n: int = 30) -> RealCodedProblem:
    return RealCodedProblem(zdt1, np.zeros(n), np.ones(n), np.zeros(2), np.ones(2))


def test_zdt1_reaches_the_true_front_hypervolume():
    """Hypervolume of the true front f2 = 1 − √f1 with reference (1.1, 1.1), exactly:
    HV = ∫₀¹ (1.1 − (1 − √f1)) df1 + (1.1 − 1) × 1.1 = 0.1 + 2/3 + 0.11 ≈ 0.876667
    (the strip f1 ∈ [1, 1.1] is dominated by the point (1, 0) all the way up to 1.1)."""
    true_hv = 0.1 + 2.0 / 3.0 + 0.11
    problem = zdt1_problem()
    run = nsga2(problem, population_size=100, generations=200, seed=1)
    assert HV_REFERENCE == 1.1
    # Objective bounds (0, 0)–(1, 1): the normalised history is the plain hypervolume.
    assert run.hypervolume.shape == (201,)
    assert run.hypervolume[-1] == pytest.approx(hypervolume(run.front_objectives, [1.1, 1.1]))
    assert run.hypervolume[-1] >= 0.98 * true_hv
    assert run.hypervolume[-1] <= true_hv
    assert run.hypervolume[-1] > run.hypervolume[0] + 0.3
    # The front is distinct, non-dominated, sorted by f1, and near f2 = 1 − √f1.
    f = run.front_objectives
    assert non_dominated(f).all() and np.all(np.diff(f[:, 0]) >= 0)
    assert len(np.unique(run.front, axis=0)) == len(run.front)
    assert np.max(f[:, 1] - (1.0 - np.sqrt(f[:, 0]))) < 0.05
    assert np.all((run.population >= 0) & (run.population <= 1))
    assert run.knee == knee_index(f)


def test_nsga2_is_reproducible_and_reports_progress():
    problem = zdt1_problem(10)
    seen = []
    a = nsga2(problem, 20, 10, seed=5, progress=seen.append)
    b = nsga2(problem, 20, 10, seed=5)
    c = nsga2(problem, 20, 10, seed=6)
    assert np.array_equal(a.front, b.front) and np.array_equal(a.hypervolume, b.hypervolume)
    assert not np.array_equal(a.population, c.population)
    assert seen == pytest.approx([(g + 1) / 10 for g in range(10)])


def test_nsga2_can_be_cancelled():
    calls = itertools.count()
    with pytest.raises(Cancelled):
        nsga2(zdt1_problem(5), 10, 50, seed=0, cancelled=lambda: next(calls) >= 3)


def test_real_operators_stay_within_bounds():
    problem = RealCodedProblem(zdt1, np.full(4, -2.0), np.full(4, 3.0), np.zeros(2), np.ones(2))
    rng = np.random.default_rng(0)
    x = problem.initial_population(200, rng)
    children = problem.mutate(problem.crossover(x[:100], x[100:], rng), rng)
    assert np.all((children >= -2) & (children <= 3))
    assert np.any(children != x[:100])


def test_normalised_hypervolume_uses_the_bounds():
    f = np.array([[10.0, 300.0]])
    # (10 − 0)/20 = 0.5, (300 − 200)/200 = 0.5 → (1.1 − 0.5)².
    assert normalised_hypervolume(f, np.array([0.0, 200.0]), np.array([20.0, 400.0])) == pytest.approx(0.36)


# --- ties within the relative tolerance -------------------------------------------------------


def test_objectives_equal_but_for_rounding_are_ties():
    from territorial_resilience.algorithms.nsga2 import OBJECTIVE_RTOL, merged_objectives

    exposure = np.array([0.1, 0.2]).sum()  # 0.30000000000000004, printed 0.3
    assert exposure != 0.3
    # the first plan is better in suitability (−0.5 < −0.4) and equal in exposure but for rounding
    f = np.array([[exposure, -0.5], [0.3, -0.4]])
    np.testing.assert_array_equal(non_dominated_sort(f), [0, 1])
    np.testing.assert_array_equal(non_dominated(f), [True, False])
    np.testing.assert_array_equal(non_dominated_sort(f, rtol=0.0), [0, 0])  # exactly, neither dominates
    # merging: sorted runs whose steps stay within rtol·max|f| take the run's smallest value
    g = np.array([[1.0], [1.0 + 0.4e-9], [1.0 + 0.8e-9], [1.0 + 5e-9], [-2.0]])
    np.testing.assert_array_equal(merged_objectives(g)[:, 0], [1.0, 1.0, 1.0, 1.0 + 5e-9, -2.0])  # tol = 1e-9 × 2
    assert OBJECTIVE_RTOL == 1e-9
    # a real difference stays one: 0.3 against 0.3 + 1e-6
    np.testing.assert_array_equal(non_dominated_sort(np.array([[0.3 + 1e-6, -0.5], [0.3, -0.4]])), [0, 0])


def test_knee_ignores_an_objective_that_differs_only_by_rounding():
    noisy = np.array([0.1, 0.2]).sum()
    f = np.array([[0.0, 1.0, 0.3], [1.0, 0.0, 0.3], [0.4, 0.4, noisy]])
    # exactly, the third objective spans 5.6e-17 and is scaled to 0–1, so the noise decides
    assert knee_index(f, rtol=0.0) == 0
    # merged it is constant: distances² 1, 1 and 0.32, the third is the compromise
    assert knee_index(f) == 2
