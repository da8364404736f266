"""Location-allocation models against hand-solved instances, brute force over every set of
sites (with an independent dense LP for the capacitated assignments), the published San
Francisco figures of PySAL spopt, networkx's min-cost max-flow, and the solver's time limit."""

from __future__ import annotations

import csv
import itertools
import time
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from cancelling import CancelAfter
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.network.costs import CostMatrix
from territorial_resilience.algorithms.network.location import (
    OPTIMAL,
    TIME_LIMIT,
    UncoverableDemand,
    _coverage_groups,
    coverage_curve,
    lscp,
    mclp,
    p_center,
    p_median,
    transportation,
)
from territorial_resilience.algorithms.network.routing import straight_costs

DATA = Path(__file__).resolve().parents[1] / "data"


# ---------------------------------------------------------------------------------------------
# Independent references: enumeration of site sets on dense matrices (inf = unreachable).


def sets_of(n: int, p: int, fixed=()):
    """Every set of open sites: the existing ones plus p of the others."""
    free = [j for j in range(n) if j not in fixed]
    for combo in itertools.combinations(free, p):
        yield list(fixed) + list(combo)


def nearest(D: np.ndarray, sites) -> np.ndarray:
    return D[:, sites].min(axis=1)


def brute_mclp(D, w, S, p, fixed=()):
    return max(w[(D[:, s] <= S).any(axis=1)].sum() for s in sets_of(D.shape[1], p, fixed))


def brute_lscp(D, w, S, fixed=()):
    need = w > 0
    for k in range(D.shape[1] + 1):
        for s in sets_of(D.shape[1], k, fixed):
            if (D[need][:, s] <= S).any(axis=1).all():
                return k
    return None


def brute_median(D, w, p, fixed=()):
    need = w > 0
    totals = [np.dot(w[need], nearest(D[need], s)) for s in sets_of(D.shape[1], p, fixed)]
    return min(t for t in totals if np.isfinite(t))


def brute_center(D, w, p, fixed=()):
    need = w > 0
    return min(nearest(D[need], s).max() for s in sets_of(D.shape[1], p, fixed))


def assignment_lp(D, w, cap, sites, limit=np.inf, cover=False):
    """Capacitated assignment of the people to the open `sites` over pairs with D ≤ limit, by a
    dense LP: min Σ w D x with Σ_j x_ij = 1 (cover=False; None if infeasible), or the most
    people covered, max Σ w x with Σ_j x_ij ≤ 1 (cover=True)."""
    need = np.flatnonzero(w > 0)
    pairs = [(i, j) for i in need for j in sites if np.isfinite(D[i, j]) and D[i, j] <= limit]
    if not pairs:
        return 0.0 if cover else None
    a_demand = np.zeros((len(need), len(pairs)))
    a_site = np.zeros((len(sites), len(pairs)))
    for k, (i, j) in enumerate(pairs):
        a_demand[list(need).index(i), k] = 1.0
        a_site[list(sites).index(j), k] = w[i]
    cap_open = np.array([cap[j] for j in sites])
    if cover:
        res = linprog(
            -np.array([w[i] for i, _ in pairs]),
            A_ub=np.vstack([a_demand, a_site]),
            b_ub=np.r_[np.ones(len(need)), cap_open],
            bounds=(0, 1),
            method="highs",
        )
        return -res.fun
    res = linprog(
        np.array([w[i] * D[i, j] for i, j in pairs]),
        A_ub=a_site,
        b_ub=cap_open,
        A_eq=a_demand,
        b_eq=np.ones(len(need)),
        bounds=(0, 1),
        method="highs",
    )
    return res.fun if res.status == 0 else None


def brute_cap_median(D, w, cap, p, fixed=()):
    values = [assignment_lp(D, w, cap, s) for s in sets_of(D.shape[1], p, fixed)]
    return min(v for v in values if v is not None)


def brute_cap_mclp(D, w, cap, S, p, fixed=()):
    return max(assignment_lp(D, w, cap, s, S, cover=True) for s in sets_of(D.shape[1], p, fixed))


def brute_cap_lscp(D, w, cap, S, fixed=()):
    for k in range(D.shape[1] + 1):
        for s in sets_of(D.shape[1], k, fixed):
            if assignment_lp(D, w, cap, s, S) is not None:
                return k
    return None


def brute_cap_center(D, w, cap, p, fixed=()):
    radii = np.unique(D[np.isfinite(D)])
    best = np.inf
    for s in sets_of(D.shape[1], p, fixed):
        feasible = [r for r in radii if r < best and assignment_lp(D, w, cap, s, r) is not None]
        best = min([best] + feasible[:1])
    return best


def random_instance(seed: int, n_demand: int = 10, n_candidates: int = 6):
    """Points in a 10 × 10 square; 15 % of the pairs unreachable; a few people-less points."""
    rng = np.random.default_rng(seed)
    demand = rng.uniform(0, 10, (n_demand, 2))
    sites = rng.uniform(0, 10, (n_candidates, 2))
    D = np.hypot(*(demand[:, None, :] - sites[None, :, :]).transpose(2, 0, 1))
    cut = rng.random(D.shape) < 0.15
    cut[np.arange(n_demand), D.argmin(axis=1)] = False  # everybody reaches a site
    D[cut] = np.inf
    w = rng.integers(1, 20, n_demand).astype(float)
    w[rng.random(n_demand) < 0.15] = 0.0
    return D, w


def check(result, D, w, limit=np.inf, cap=None):
    """Invariants every result must satisfy, whatever the model."""
    selected = result.selected
    assert np.all(np.diff(selected) > 0)
    assert set(result.fixed) <= set(selected)
    alloc = result.allocation
    assert np.isin(alloc.candidate, selected).all()
    assert np.all(D[alloc.demand, alloc.candidate] <= limit)
    assert np.all(alloc.amount > 0)
    served = np.bincount(alloc.demand, weights=alloc.amount, minlength=len(w))
    np.testing.assert_allclose(served, result.served, atol=1e-9)
    assert np.all(served <= w + 1e-6)
    if cap is not None:
        load = np.bincount(alloc.candidate, weights=alloc.amount, minlength=D.shape[1])
        assert np.all(load <= cap + 1e-6)
    assert result.covered_weight == pytest.approx(served.sum())
    assert result.covered_percent == pytest.approx(100 * served.sum() / w.sum())
    assigned = result.assignment >= 0
    assert np.isin(result.assignment[assigned], selected).all()
    assert result.total_cost == pytest.approx(np.dot(alloc.amount, D[alloc.demand, alloc.candidate]))


# ---------------------------------------------------------------------------------------------
# The cost matrix contract the models rely on: reachable pairs only, sorted, read-only


def test_cost_matrix_keeps_reachable_pairs_sorted_and_read_only():
    D = np.array([[3.0, np.inf, 1.0], [np.nan, 0.0, 2.0]])
    costs = CostMatrix.from_dense(D)
    assert costs.n_demand == 2 and costs.n_candidates == 3 and costs.n_pairs == 4
    np.testing.assert_array_equal(costs.demand, [0, 0, 1, 1])
    np.testing.assert_array_equal(costs.candidate, [0, 2, 1, 2])
    np.testing.assert_array_equal(costs.cost, [3.0, 1.0, 0.0, 2.0])
    with pytest.raises(ValueError):
        costs.cost[0] = 5.0
    near = costs.within(1.0)
    np.testing.assert_array_equal(near.candidate, [2, 1])
    np.testing.assert_array_equal(costs.cost_of([1, 0, 1], [2, 1, 1]), [2.0, np.inf, 0.0])
    shuffled = CostMatrix([1, 0, 1, 0], [2, 2, 1, 0], [2.0, 1.0, 0.0, 3.0], 2, 3)
    np.testing.assert_array_equal(shuffled.cost, costs.cost)


def test_cost_matrix_refuses_bad_costs_repeated_pairs_and_bad_indices():
    with pytest.raises(InputError, match="zero or positive"):
        CostMatrix.from_dense([[1.0, -2.0]])
    with pytest.raises(InputError, match="more than once"):
        CostMatrix([0, 0], [1, 1], [1.0, 2.0], 1, 2)
    with pytest.raises(ValueError):
        CostMatrix([0], [2], [1.0], 1, 2)


# ---------------------------------------------------------------------------------------------
# A hand-solved line of villages.  Demand at x = 0, 1, 2, 5, 6 km with 10, 20, 10, 30, 30
# people; candidate sites A at x = 1, B at x = 5.5, C at x = 3; S = 1.5 km.
#   A covers x = 0, 1, 2 (40 people); B covers 5, 6 (60); C covers only 2 (10).
#   LSCP: A and B (C's set lies inside A's) → 2 sites.   MCLP P = 1: B, 60 %; P = 2: 100 %.
#   p-median P = 1: A 10·1 + 0 + 10·1 + 30·4 + 30·5 = 290; B 55 + 90 + 35 + 15 + 15 = 210;
#     C 30 + 40 + 10 + 60 + 90 = 230 → B, 210 person-km, mean 2.1 km.
#   p-median P = 2: {A,B} 10 + 10 + 15 + 15 = 50; {A,C} 10 + 10 + 60 + 90 = 170;
#     {B,C} 30 + 40 + 10 + 15 + 15 = 110 → {A,B}, 50.
#   p-center P = 1: worst trip A 5, B 5.5, C 3 → C, 3 km.

X_DEMAND = np.array([0.0, 1.0, 2.0, 5.0, 6.0])
X_SITE = np.array([1.0, 5.5, 3.0])
W_LINE = np.array([10.0, 20.0, 10.0, 30.0, 30.0])
D_LINE = np.abs(X_DEMAND[:, None] - X_SITE[None, :])
A, B, C = 0, 1, 2


@pytest.fixture
def line():
    return CostMatrix.from_dense(D_LINE)


def test_hand_solved_coverage(line):
    result = lscp(line, W_LINE, 1.5)
    assert result.status == OPTIMAL and result.objective == 2.0
    np.testing.assert_array_equal(result.selected, [A, B])
    np.testing.assert_array_equal(result.assignment, [A, A, A, B, B])
    assert result.covered_percent == 100.0 and result.uncovered.size == 0
    one = mclp(line, W_LINE, 1.5, 1)
    np.testing.assert_array_equal(one.selected, [B])
    assert one.objective == 60.0 and one.covered_percent == 60.0
    np.testing.assert_array_equal(one.uncovered, [0, 1, 2])
    np.testing.assert_array_equal(one.assignment, [-1, -1, -1, B, B])
    assert mclp(line, W_LINE, 1.5, 2).covered_percent == 100.0
    check(one, D_LINE, W_LINE, 1.5)


def test_hand_solved_median_and_center(line):
    # With HiGHS's MIP presolve on (scipy 1.10), P = 1 came back "optimal" at A, 290.
    one = p_median(line, W_LINE, 1)
    np.testing.assert_array_equal(one.selected, [B])
    assert one.objective == pytest.approx(210.0) and one.mean_cost == pytest.approx(2.1)
    assert one.max_cost == 5.5
    two = p_median(line, W_LINE, 2)
    np.testing.assert_array_equal(two.selected, [A, B])
    assert two.objective == pytest.approx(50.0)
    center = p_center(line, W_LINE, 1)
    np.testing.assert_array_equal(center.selected, [C])
    assert center.objective == 3.0 and center.status == OPTIMAL
    for result in (one, two, center):
        check(result, D_LINE, W_LINE)


def test_existing_sites_stay_open_and_do_not_count_in_p(line):
    # B already open: one new site, A, covers the rest.
    result = lscp(line, W_LINE, 1.5, fixed=[B])
    assert result.objective == 1.0
    np.testing.assert_array_equal(result.selected, [A, B])
    np.testing.assert_array_equal(result.new_sites, [A])
    np.testing.assert_array_equal(result.fixed, [B])
    # C open: adding B costs 110 against 170 for A (see the table above).
    median = p_median(line, W_LINE, 1, fixed=[C])
    np.testing.assert_array_equal(median.selected, [B, C])
    assert median.objective == pytest.approx(110.0)
    # Nothing new at all: the existing site serves everybody.
    alone = p_median(line, W_LINE, 0, fixed=[C])
    assert alone.objective == pytest.approx(230.0)
    np.testing.assert_array_equal(alone.selected, [C])


def test_capacities_split_a_village_between_sites(line):
    # A and B 50 places each, C none, so {A, B} is the only pair that fits 100 people.  B's
    # 60 people exceed its 50 places: 10 go to A, from x = 5 (4 km instead of 0.5, 3.5 more
    # each; from x = 6 it would be 4.5 more).  10·1 + 0 + 10·1 + (20·0.5 + 10·4) + 30·0.5 = 85.
    cap = np.array([50.0, 50.0, 0.0])
    result = p_median(line, W_LINE, 2, capacity=cap)
    np.testing.assert_array_equal(result.selected, [A, B])
    assert result.objective == pytest.approx(85.0)
    check(result, D_LINE, W_LINE, cap=cap)
    split = result.allocation.demand == 3
    assert sorted(result.allocation.amount[split]) == pytest.approx([10.0, 20.0])
    assert result.assignment[3] == B  # the larger share
    assert result.served_per_site(3).tolist() == pytest.approx([50.0, 50.0, 0.0])  # both sites full, C closed
    with pytest.raises(InputError, match="90 people in all"):
        p_median(line, W_LINE, 2, capacity=np.array([45.0, 45.0, 0.0]))


# ---------------------------------------------------------------------------------------------
# Brute force over every set of sites on random instances.


@pytest.mark.parametrize("seed", range(6))
def test_uncapacitated_models_match_brute_force(seed):
    D, w = random_instance(seed)
    costs = CostMatrix.from_dense(D)
    S = float(np.nanpercentile(D[np.isfinite(D)], 35))
    fixed = [seed % D.shape[1]] if seed % 2 else []
    for p in (1, 2, 3):
        result = mclp(costs, w, S, p, fixed=fixed)
        assert result.objective == pytest.approx(brute_mclp(D, w, S, p, fixed))
        assert len(result.new_sites) <= p
        check(result, D, w, S)
        median = p_median(costs, w, p, fixed=fixed)
        assert median.objective == pytest.approx(brute_median(D, w, p, fixed), rel=1e-9)
        check(median, D, w)
        center = p_center(costs, w, p, fixed=fixed)
        assert center.objective == pytest.approx(brute_center(D, w, p, fixed))
        assert len(center.new_sites) == p
        check(center, D, w)
        for r in (result, median, center):
            assert r.status == OPTIMAL and set(fixed) <= set(r.selected)
    reachable_s = float(np.max(np.where(np.isfinite(D), D, 0).min(axis=1))) + 1.0
    cover = lscp(costs, w, reachable_s, fixed=fixed)
    assert cover.objective == brute_lscp(D, w, reachable_s, fixed)
    check(cover, D, w, reachable_s)


@pytest.mark.parametrize("seed", range(4))
def test_capacitated_models_match_brute_force(seed):
    D, w = random_instance(10 + seed, n_demand=8, n_candidates=5)
    costs = CostMatrix.from_dense(D)
    rng = np.random.default_rng(seed)
    cap = np.round(w.sum() * rng.uniform(0.3, 0.6, D.shape[1]))
    S = float(np.nanpercentile(D[np.isfinite(D)], 50))
    fixed = [1] if seed % 2 else []
    for p in (1, 2):
        result = mclp(costs, w, S, p, fixed=fixed, capacity=cap)
        assert result.objective == pytest.approx(brute_cap_mclp(D, w, cap, S, p, fixed), rel=1e-7)
        check(result, D, w, S, cap)
        median = p_median(costs, w, p + 1, fixed=fixed, capacity=cap)
        assert median.objective == pytest.approx(brute_cap_median(D, w, cap, p + 1, fixed), rel=1e-7)
        check(median, D, w, cap=cap)
        center = p_center(costs, w, p + 1, fixed=fixed, capacity=cap)
        assert center.objective == pytest.approx(brute_cap_center(D, w, cap, p + 1, fixed))
        check(center, D, w, center.objective, cap)
    big = float(np.max(D[np.isfinite(D)]))
    cover = lscp(costs, w, big, fixed=fixed, capacity=cap)
    assert cover.objective == brute_cap_lscp(D, w, cap, big, fixed)
    check(cover, D, w, big, cap)


def test_capacity_too_small_everywhere_is_explained():
    D, w = random_instance(1)
    cap = np.full(D.shape[1], w.sum() / D.shape[1] / 2)
    with pytest.raises(InputError, match="capacities"):
        p_median(CostMatrix.from_dense(D), w, 2, capacity=cap)
    with pytest.raises(InputError, match="capacities"):
        lscp(CostMatrix.from_dense(D), w, float(np.max(D[np.isfinite(D)])), capacity=cap)


# ---------------------------------------------------------------------------------------------
# Unreachable demand, merged demand, input errors


def test_lscp_names_the_demand_no_site_can_cover():
    D, w = random_instance(4)
    D[7] = np.where(np.isfinite(D[7]), D[7] + 100.0, np.inf)  # point 7 far from everything
    w[7] = 5.0
    with pytest.raises(UncoverableDemand) as caught:
        lscp(CostMatrix.from_dense(D), w, 20.0)
    np.testing.assert_array_equal(caught.value.demand, [7])
    assert "(1 in all): 7." in str(caught.value)
    # with_ids takes the ids of every demand point and names only the uncoverable one
    ids = [f"tract 0607504{k:02d}" for k in range(len(w))]
    renamed = caught.value.with_ids(ids)
    assert renamed.message.values["ids"] == "tract 060750407" and renamed.message.values["limit"] == 20.0
    assert "(1 in all): tract 060750407." in str(renamed)
    assert not any(ids[k] in str(renamed) for k in range(len(w)) if k != 7)
    w[7] = 0.0  # nobody lives there: coverable by nobody is fine, but it is reported
    result = lscp(CostMatrix.from_dense(D), w, 20.0)
    assert 7 in result.uncovered and result.covered_percent == 100.0


def test_median_names_unreachable_demand():
    D, w = random_instance(5)
    D[[2, 3]] = np.inf
    w[[2, 3]] = 1.0
    with pytest.raises(UncoverableDemand) as caught:
        p_median(CostMatrix.from_dense(D), w, 2)
    np.testing.assert_array_equal(caught.value.demand, [2, 3])
    with pytest.raises(UncoverableDemand):
        p_center(CostMatrix.from_dense(D), w, 2)


def test_too_few_sites_to_reach_everybody_is_explained():
    # Two towns 100 km apart, each reachable only from its own site: one site cannot serve both.
    costs = CostMatrix.from_dense([[1.0, np.inf], [2.0, np.inf], [np.inf, 1.0]])
    w = np.array([5.0, 5.0, 5.0])
    for model in (p_median, p_center):
        with pytest.raises(InputError, match="No placement of 1 new sites"):
            model(costs, w, 1)
        assert model(costs, w, 2).covered_percent == 100.0


def plain_mclp(D, w, S, p):
    """The MCLP without any reduction: one z per point, Σ y = P (binary y)."""
    m, n = D.shape
    cover = (D <= S).astype(float)
    a = np.block([[-cover, np.eye(m)], [np.ones((1, n)), np.zeros((1, m))]])
    res = milp(
        np.r_[np.zeros(n), -w],
        integrality=np.r_[np.ones(n), np.zeros(m)],
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(a, np.r_[np.full(m, -np.inf), p], np.r_[np.zeros(m), p]),
    )
    return -res.fun


def test_merging_identical_coverage_sets_keeps_the_optimum():
    D, w = random_instance(6, n_demand=12, n_candidates=7)
    S = float(np.nanpercentile(D[np.isfinite(D)], 40))
    # Every point three times (same coverage set), its people split 50/30/20.
    D3, w3 = np.repeat(D, 3, axis=0), np.repeat(w, 3) * np.tile([0.5, 0.3, 0.2], len(w))
    near = CostMatrix.from_dense(D3).within(S)
    group, _, _ = _coverage_groups(near.demand, near.candidate, len(w3))
    distinct = {tuple(np.flatnonzero(row <= S)) for row in D if (row <= S).any()}
    assert group.max() + 1 == len(distinct) <= len(w)
    for p in (1, 2, 4):
        merged = mclp(CostMatrix.from_dense(D3), w3, S, p)
        assert merged.objective == pytest.approx(plain_mclp(D3, w3, S, p))
        assert merged.objective == pytest.approx(mclp(CostMatrix.from_dense(D), w, S, p).objective)


def test_input_errors():
    costs = CostMatrix.from_dense(D_LINE)
    with pytest.raises(InputError, match="weight"):
        mclp(costs, np.array([1.0, -1.0, 0, 0, 0]), 1.5, 1)
    with pytest.raises(InputError, match="nobody"):
        p_median(costs, np.zeros(5), 1)
    with pytest.raises(InputError, match="only 2 candidate sites"):
        mclp(costs, W_LINE, 1.5, 3, fixed=[0])
    with pytest.raises(InputError, match="At least one site"):
        p_median(costs, W_LINE, 0)
    with pytest.raises(InputError, match="whole number"):
        p_median(costs, W_LINE, 1.5)
    with pytest.raises(InputError, match="capacity"):
        p_median(costs, W_LINE, 1, capacity=np.array([1.0, -1.0, 1.0]))
    with pytest.raises(InputError, match="time limit"):
        mclp(costs, W_LINE, 1.5, 1, time_limit=0)
    with pytest.raises(InputError, match="MIP gap"):
        mclp(costs, W_LINE, 1.5, 1, mip_gap=-0.1)
    with pytest.raises(ValueError):
        mclp(costs, W_LINE[:3], 1.5, 1)


# ---------------------------------------------------------------------------------------------
# The published San Francisco instance of PySAL spopt (tests/data/README.md): 205 census
# tracts (weights POP2000) × 16 candidate stores, network distances in metres.  spopt's
# test_locate/test_mclp.py: S = 5000 m, P = 4 → 21 tracts uncovered, perc_cov 89.75609756…,
# a count of tracts (1 − 21/205), the objective being POP2000 covered.  test_p_median.py:
# P = 4 → mean_dist = objective / Σ POP2000 = 2982.1268579890657 m.


@pytest.fixture(scope="module")
def san_francisco():
    with open(DATA / "sf_network_distance_205x16.csv", newline="") as handle:
        rows = list(csv.reader(handle))
    stores = rows[0][2:]
    D = np.array([[float(v) for v in row[2:]] for row in rows[1:]])
    w = np.array([float(row[1]) for row in rows[1:]])
    return D, w, stores


def test_san_francisco_mclp_reproduces_spopt(san_francisco):
    D, w, stores = san_francisco
    assert D.shape == (205, 16) and w.sum() == 955113.0
    result = mclp(CostMatrix.from_dense(D), w, 5000.0, 4)
    assert result.status == OPTIMAL
    assert len(result.uncovered) == 21
    assert 100.0 * (205 - len(result.uncovered)) / 205 == pytest.approx(89.75609756097561)
    assert result.objective == brute_mclp(D, w, 5000.0, 4) == 875247.0
    assert sorted(stores[j] for j in result.selected) == ["Store_11", "Store_12", "Store_15", "Store_2"]


def test_san_francisco_p_median_reproduces_spopt(san_francisco):
    D, w, stores = san_francisco
    result = p_median(CostMatrix.from_dense(D), w, 4)
    assert result.status == OPTIMAL
    assert result.mean_cost == pytest.approx(2982.1268579890657, rel=1e-12)
    assert result.objective == pytest.approx(brute_median(D, w, 4), rel=1e-12)
    assert sorted(stores[j] for j in result.selected) == ["Store_11", "Store_12", "Store_15", "Store_2"]
    check(result, D, w)


def test_san_francisco_center_cover_and_curve_match_brute_force(san_francisco):
    D, w, _ = san_francisco
    costs = CostMatrix.from_dense(D)
    center = p_center(costs, w, 4)
    assert center.objective == pytest.approx(brute_center(D, w, 4))
    assert center.objective == center.max_cost
    cover = lscp(costs, w, 5000.0)
    assert cover.objective == brute_lscp(D, w, 5000.0)
    curve = coverage_curve(costs, w, 5000.0, 10)
    covered = [r.covered_weight for r in curve]
    assert covered == sorted(covered)
    for p, result in enumerate(curve[:5], start=1):
        assert result.objective == brute_mclp(D, w, 5000.0, p)
    # The curve stops at the first P covering everybody: no more than the LSCP needs.
    assert curve[-1].covered_percent == 100.0 and len(curve) <= cover.objective


# ---------------------------------------------------------------------------------------------
# The p-median's heuristic, Lagrangian bound and reductions (algorithms/network/median.py), each
# against a dense computation written out here.


def median_pairs(D, w, p, fixed=()):
    from territorial_resilience.algorithms.network import median

    costs = CostMatrix.from_dense(D)
    keep = w[costs.demand] > 0
    mask = np.zeros(D.shape[1], dtype=bool)
    mask[list(fixed)] = True
    return median.MedianPairs.build(costs.demand[keep], costs.candidate[keep], costs.cost[keep], w, D.shape[1], mask, p)


def dense_value(D, w, open_sites):
    """Σ_i w_i min_{j open} D_ij over the points with people (inf when one is unserved)."""
    need = w > 0
    return float(np.dot(w[need], D[need][:, open_sites].min(axis=1)))


@pytest.mark.parametrize("seed", range(5))
def test_fast_interchange_profits_equal_the_swaps_recomputed(seed):
    from territorial_resilience.algorithms.network import median

    D, w = random_instance(50 + seed, n_demand=12, n_candidates=7)
    D = np.where(np.isfinite(D), D, 1e3)  # every pair reachable: values stay finite
    fixed = [6] if seed % 2 else []
    pairs = median_pairs(D, w, 3, fixed)
    open_sites = np.zeros(7, dtype=bool)
    open_sites[[0, 2, 4] + fixed] = True
    profit, closed, opened = median.swap_profits(pairs, open_sites, median.nearest_two(pairs, open_sites))
    before = dense_value(D, w, np.flatnonzero(open_sites))
    assert set(closed) == ({1, 3, 5} if fixed else {1, 3, 5, 6}) and set(opened) == {0, 2, 4}
    for a, j in enumerate(closed):
        for b, r in enumerate(opened):
            after = open_sites.copy()
            after[j], after[r] = True, False
            assert profit[a, b] == pytest.approx(before - dense_value(D, w, np.flatnonzero(after)), rel=1e-12, abs=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_greedy_then_interchange_ends_where_no_swap_improves(seed):
    from territorial_resilience.algorithms.network import median

    D, w = random_instance(60 + seed, n_demand=14, n_candidates=8)
    D = np.where(np.isfinite(D), D, 1e3)
    pairs = median_pairs(D, w, 3)
    start = median.greedy(pairs)
    # Greedy's first site is the 1-median; then each adds the largest saving.
    sites = [int(np.argmin([dense_value(D, w, [j]) for j in range(8)]))]
    for _ in range(2):
        sites.append(int(np.argmin([dense_value(D, w, sites + [j]) if j not in sites else np.inf for j in range(8)])))
    assert sorted(np.flatnonzero(start)) == sorted(sites)
    final, _ = median.interchange(pairs, start)
    value = dense_value(D, w, np.flatnonzero(final))
    assert final.sum() == 3 and value <= dense_value(D, w, sites) + 1e-9
    for r in np.flatnonzero(final):
        for j in np.flatnonzero(~final):
            other = final.copy()
            other[r], other[j] = False, True
            assert dense_value(D, w, np.flatnonzero(other)) >= value - 1e-9


def lp_relaxation(D, w, p, fixed=()):
    """The pairwise p-median's linear relaxation, dense, by scipy's linprog."""
    need = np.flatnonzero(w > 0)
    n = D.shape[1]
    pairs = [(i, j) for i in need for j in range(n) if np.isfinite(D[i, j])]
    m = len(pairs)
    c = np.r_[np.zeros(n), [w[i] * D[i, j] for i, j in pairs]]
    assign = np.zeros((len(need), n + m))
    link = np.zeros((m, n + m))
    for k, (i, j) in enumerate(pairs):
        assign[list(need).index(i), n + k] = 1.0
        link[k, n + k], link[k, j] = 1.0, -1.0
    count = np.r_[[0.0 if j in fixed else 1.0 for j in range(n)], np.zeros(m)]
    lower = np.r_[[1.0 if j in fixed else 0.0 for j in range(n)], np.zeros(m)]
    res = linprog(
        c,
        A_ub=link,
        b_ub=np.zeros(m),
        A_eq=np.vstack([assign, count]),
        b_eq=np.r_[np.ones(len(need)), p],
        bounds=list(zip(lower, np.ones(n + m))),
        method="highs",
    )
    return res.fun


@pytest.mark.parametrize("seed", range(6))
def test_lagrangian_bound_reaches_the_linear_relaxation_and_never_passes_the_optimum(seed):
    from territorial_resilience.algorithms.network import median

    D, w = random_instance(70 + seed, n_demand=14, n_candidates=8)
    fixed = [seed % 8] if seed % 2 else []
    pairs = median_pairs(D, w, 3, fixed)
    known, _ = median.interchange(pairs, median.greedy(pairs))
    near = median.nearest_two(pairs, known)
    upper = float(near.first.sum())
    best = brute_median(D, w, 3, fixed)
    lp = lp_relaxation(D, w, 3, fixed)
    bound = median.lagrange_bound(pairs, upper, near.first)
    assert bound.value <= best + 1e-6 and bound.value <= lp + 1e-6 * abs(lp)
    # The relaxation has the integrality property: the best λ gives the LP's bound.
    assert bound.value >= lp - 1e-3 * abs(lp) or upper - bound.value <= 1e-9 * upper
    # Capped multipliers (λ_i ≤ D2_i) on the pairs below the cap give a valid bound too.
    few = pairs.weighted < near.second[pairs.demand]
    from dataclasses import replace

    capped = median.lagrange_bound(
        replace(pairs, demand=pairs.demand[few], candidate=pairs.candidate[few], weighted=pairs.weighted[few]), upper, near.first, near.second
    )
    assert np.all(capped.multipliers <= near.second + 1e-9) and capped.value <= best + 1e-6


@pytest.mark.parametrize("seed", range(8))
def test_reductions_keep_every_better_solution(seed):
    # Every set of sites that beats the known solution must survive: its sites not closed,
    # the proven-open ones among its sites, each point's pair to its nearest site kept.
    from territorial_resilience.algorithms.network import median

    D, w = random_instance(80 + seed, n_demand=12, n_candidates=7)
    fixed = [seed % 7] if seed % 3 == 0 else []
    pairs = median_pairs(D, w, 2, fixed)
    known = median.greedy(pairs)  # greedy alone: often beaten, so there is something to keep
    near = median.nearest_two(pairs, known)
    upper = float(near.first.sum())
    bound = median.lagrange_bound(pairs, upper, near.first)
    cut = median.reduce(pairs, bound, upper, known, near.site)
    kept = set(zip(pairs.demand[cut.keep].tolist(), pairs.candidate[cut.keep].tolist()))
    need = np.flatnonzero(w > 0)
    better = 0
    for sites in sets_of(7, 2, fixed):
        value = dense_value(D, w, sites)
        if not value <= upper:
            continue
        better += value < upper
        assert not cut.closed[sites].any()
        assert set(np.flatnonzero(cut.opened)) <= set(sites)
        nearest_site = np.asarray(sites)[np.argmin(D[need][:, sites], axis=1)]
        assert all((int(i), int(j)) in kept for i, j in zip(need, nearest_site))
    assert cut.keep.sum() <= len(pairs.demand)


def test_p_median_search_finds_the_optimum_from_a_poor_start(monkeypatch):
    # Start the exact search from the worst placement instead of the heuristic's: the radius
    # formulation must grow the radii round after round and still end at the optimum.
    from territorial_resilience.algorithms.network import location, median

    rounds = []
    real = location._solve
    real_bound = median.lagrange_bound

    def counting(*args, **kwargs):
        rounds.append(1)
        return real(*args, **kwargs)

    for seed in range(4):
        D, w = random_instance(90 + seed, n_demand=14, n_candidates=8)

        def worst(pairs, check=lambda: None, D=D, w=w):
            sites = np.argsort([-dense_value(D, w, [j]) for j in range(8)])[: pairs.p]
            mask = pairs.fixed.copy()
            mask[sites] = True
            return mask

        monkeypatch.setattr(median, "greedy", worst)
        monkeypatch.setattr(median, "interchange", lambda pairs, sites, *a, **k: (sites, 0))
        # ... and without the relaxation's own sites as solutions (they often are optimal).
        monkeypatch.setattr(median, "lagrange_bound", lambda *a, evaluate=None, real=real_bound, **k: real(*a, **k))
        monkeypatch.setattr(location, "_solve", counting)
        result = p_median(CostMatrix.from_dense(D), w, 3)
        assert result.status == OPTIMAL and result.mip_gap == 0.0
        assert result.objective == pytest.approx(brute_median(D, w, 3), rel=1e-9)
        check(result, D, w)
    assert len(rounds) > 4  # some instance needed more than one round


# ---------------------------------------------------------------------------------------------
# The time limit


class HighsOutOfTime:
    """A stand-in for scipy's milp that always stops "on time" (status 1) without a solution,
    reporting the dual bound ``dual`` (model units) and recording each call's options: the
    run of a solve that never finishes, without depending on how fast this machine is."""

    def __init__(self, dual=None):
        self.dual, self.calls = dual, []

    def __call__(self, c, integrality=None, bounds=None, constraints=None, options=None):
        from scipy.optimize import OptimizeResult

        self.calls.append(dict(options or {}))
        return OptimizeResult(status=1, x=None, fun=None, mip_gap=None, mip_dual_bound=self.dual, message="Time limit reached. (fake)")


def test_time_limit_returns_the_best_solution_with_its_gap(monkeypatch):
    # Before, this needed HiGHS to be unfinished after 50 ms on a 4000 × 400 MCLP (it
    # passed or failed with the machine's load).  Now HiGHS "runs out of time" by design.
    from territorial_resilience.algorithms.network import location

    costs, w = hard_instance()
    monkeypatch.setattr(location, "milp", HighsOutOfTime())
    result = mclp(costs, w, 3000.0, 10, time_limit=60.0)
    assert result.status == TIME_LIMIT
    # The greedy floor comes back: each new site covers the most people not yet covered.
    D = np.full((costs.n_demand, costs.n_candidates), np.inf)
    D[costs.demand, costs.candidate] = costs.cost
    reach = D <= 3000.0
    covered, picked = np.zeros(costs.n_demand, dtype=bool), []
    for _ in range(10):
        gain = (w[:, None] * (reach & ~covered[:, None])).sum(axis=0)
        picked.append(int(np.argmax(gain)))
        covered |= reach[:, picked[-1]]
    assert sorted(result.new_sites.tolist()) == sorted(picked)
    assert result.covered_weight == pytest.approx(w[covered].sum())
    # Without HiGHS's bound the gap uses the sum of the 10 largest single-site coverages.
    alone = np.sort((w[:, None] * reach).sum(axis=0))[::-1][:10].sum()
    assert result.mip_gap == pytest.approx((min(alone, w[reach.any(axis=1)].sum()) - w[covered].sum()) / w[covered].sum())
    assert 0.0 < result.mip_gap < 1.0


def test_p_median_out_of_time_returns_the_heuristic_with_an_honest_gap(monkeypatch):
    # HiGHS never finishes: the answer is the greedy + interchange solution, and its gap is
    # measured against the Lagrangian bound, which lies below the optimum (brute force).
    from territorial_resilience.algorithms.network import location

    monkeypatch.setattr(location, "milp", HighsOutOfTime())
    for seed in range(4):
        D, w = random_instance(30 + seed, n_demand=14, n_candidates=8)
        result = p_median(CostMatrix.from_dense(D), w, 3, time_limit=60.0)
        best = brute_median(D, w, 3)
        assert result.objective >= best - 1e-9
        if result.status == OPTIMAL:  # proven by the bound alone: it must be the optimum
            assert result.objective == pytest.approx(best, rel=1e-9) and result.mip_gap <= 1e-5
        else:
            assert result.status == TIME_LIMIT and 0.0 <= result.mip_gap < 1.0
            assert result.objective * (1.0 - result.mip_gap) <= best * (1 + 1e-9)
        check(result, D, w)


# ---------------------------------------------------------------------------------------------
# Transportation (evacuation to shelters)


def test_transportation_hand_solved():
    # Villages of 30 and 20 people; shelters of 25 and 40 places.  Costs v0: 1, 3; v1: 2, 1.
    # Everybody fits (50 ≤ 65); cheapest: v1 → s1 (20 × 1), v0 → s0 (25 × 1), v0 → s1
    # (5 × 3) = 60.
    costs = CostMatrix.from_dense([[1.0, 3.0], [2.0, 1.0]])
    result = transportation(costs, np.array([30.0, 20.0]), np.array([25.0, 40.0]))
    assert result.served == 50.0 and result.total_cost == pytest.approx(60.0)
    flows = {(int(i), int(j)): a for i, j, a in zip(result.flows.demand, result.flows.candidate, result.flows.amount)}
    assert flows == pytest.approx({(0, 0): 25.0, (0, 1): 5.0, (1, 1): 20.0})
    np.testing.assert_array_equal(result.unserved, [0.0, 0.0])


def test_transportation_places_the_most_people_before_saving_cost():
    # v0 (10 people) reaches only s0 (cost 100); v1 (10) reaches s0 (1) and s1 (50); 10
    # places each.  The cheapest plan would put v1 in s0 and leave v0 out; placing everybody
    # needs v0 → s0, v1 → s1: 1000 + 500.
    costs = CostMatrix.from_dense([[100.0, np.inf], [1.0, 50.0]])
    result = transportation(costs, np.array([10.0, 10.0]), np.array([10.0, 10.0]))
    assert result.served == 20.0 and result.total_cost == pytest.approx(1500.0)


@pytest.mark.parametrize("seed", range(4))
def test_transportation_matches_networkx_min_cost_max_flow(seed):
    rng = np.random.default_rng(seed)
    D = rng.integers(1, 60, (15, 6)).astype(float)
    D[rng.random(D.shape) < 0.3] = np.inf
    supply = rng.integers(0, 40, 15).astype(float)
    capacity = rng.integers(10, 80, 6).astype(float)
    result = transportation(CostMatrix.from_dense(D), supply, capacity)
    graph = nx.DiGraph()
    for i in range(15):
        graph.add_edge("s", ("d", i), capacity=int(supply[i]), weight=0)
        for j in range(6):
            if np.isfinite(D[i, j]):
                graph.add_edge(("d", i), ("c", j), weight=int(D[i, j]))
    for j in range(6):
        graph.add_edge(("c", j), "t", capacity=int(capacity[j]), weight=0)
    flow = nx.max_flow_min_cost(graph, "s", "t")
    assert result.served == pytest.approx(sum(flow["s"].values()))
    assert result.total_cost == pytest.approx(nx.cost_of_flow(graph, flow))
    sent = np.bincount(result.flows.demand, weights=result.flows.amount, minlength=15)
    taken = np.bincount(result.flows.candidate, weights=result.flows.amount, minlength=6)
    assert np.all(sent <= supply + 1e-9) and np.all(taken <= capacity + 1e-9)
    np.testing.assert_allclose(result.unserved, supply - sent, atol=1e-9)
    np.testing.assert_allclose(result.flows.amount, np.round(result.flows.amount), atol=1e-9)


def test_transportation_refuses_negative_people_and_places():
    costs = CostMatrix.from_dense(np.array([[1.0, 2.0]]))
    with pytest.raises(InputError, match="Demand point 0 has -5.0 people"):
        transportation(costs, np.array([-5.0]), np.array([1.0, 1.0]))
    with pytest.raises(InputError, match="Site 1 has -1.0 places"):
        transportation(costs, np.array([5.0]), np.array([1.0, -1.0]))


@pytest.mark.parametrize("failing", [1, 2], ids=["first LP", "second LP"])
def test_transportation_refuses_a_failed_linear_programme(monkeypatch, failing):
    # Before, the flows were read from whatever linprog returned (x None → a TypeError, or
    # the x of a solve stopped on numerical trouble).
    from scipy.optimize import OptimizeResult

    from territorial_resilience.algorithms.network import location

    real, calls = location.linprog, []

    def linprog(*args, **kwargs):
        calls.append(1)
        if len(calls) == failing:
            return OptimizeResult(status=4, x=None, fun=None, message="Numerical difficulties encountered. (fake)")
        return real(*args, **kwargs)

    monkeypatch.setattr(location, "linprog", linprog)
    with pytest.raises(InputError, match=r"could not be solved \(solver status 4: Numerical difficulties"):
        transportation(CostMatrix.from_dense([[1.0, 3.0], [2.0, 1.0]]), np.array([30.0, 20.0]), np.array([25.0, 40.0]))


# ---------------------------------------------------------------------------------------------
# Cancellation and the wall-clock budget (issue 10): a callback that turns true after N calls,
# not a timer.


@pytest.mark.parametrize(
    "solve",
    [
        lambda costs, w, c: lscp(costs, w, 1.5, cancelled=c),
        lambda costs, w, c: mclp(costs, w, 1.5, 1, cancelled=c),
        lambda costs, w, c: coverage_curve(costs, w, 1.5, 2, cancelled=c),
        lambda costs, w, c: p_median(costs, w, 2, cancelled=c),
        lambda costs, w, c: p_center(costs, w, 2, cancelled=c),
        lambda costs, w, c: p_median(costs, w, 2, capacity=np.array([100.0, 60.0, 100.0]), cancelled=c),
        lambda costs, w, c: transportation(costs, w, np.array([100.0, 60.0, 100.0]), cancelled=c),
    ],
    ids=["lscp", "mclp", "curve", "p-median", "p-center", "capacitated p-median", "transportation"],
)
def test_every_solver_honours_cancellation_at_each_check(solve):
    from territorial_resilience.algorithms.common.progress import Cancelled

    costs = CostMatrix.from_dense(D_LINE)
    free = CancelAfter()
    reference = solve(costs, W_LINE, None)
    again = solve(costs, W_LINE, free)
    assert free.calls >= 1  # the callback is consulted at least once
    assert getattr(again, "objective", getattr(again, "served", None)) == getattr(reference, "objective", getattr(reference, "served", None))
    for n in range(1, free.calls + 1):
        callback = CancelAfter(n)
        with pytest.raises(Cancelled):
            solve(costs, W_LINE, callback)
        assert callback.calls == n  # it stops at the first True, without going on


def hard_instance():
    """4000 points × 400 sites in 40 km, S = 3 km: an MCLP with P = 10 is far from proven in
    a fraction of a second."""
    rng = np.random.default_rng(11)
    demand, sites = rng.uniform(0, 40_000, (4000, 2)), rng.uniform(0, 40_000, (400, 2))
    w = rng.integers(1, 30, 4000).astype(float)
    return straight_costs(demand, sites, 1.0, 3000.0), w


def test_a_long_solve_is_cut_into_slices_that_check_cancellation(monkeypatch):
    from territorial_resilience.algorithms.common.progress import Cancelled
    from territorial_resilience.algorithms.network import location

    costs, w = hard_instance()
    highs = HighsOutOfTime()
    monkeypatch.setattr(location, "milp", highs)
    monkeypatch.setattr(location, "FIRST_SLICE", 0.05)
    # 1: the call's own check, 2: before the first slice, 3: before the second slice.
    callback = CancelAfter(3)
    with pytest.raises(Cancelled):
        mclp(costs, w, 3000.0, 10, time_limit=600.0, cancelled=callback)
    assert callback.calls == 3 and len(highs.calls) == 1
    # A slice that finds nothing better doubles the next one (HiGHS's own limit); the
    # callback is read before each: the 5th check stops before a 4th slice.
    highs.calls.clear()
    with pytest.raises(Cancelled):
        mclp(costs, w, 3000.0, 10, time_limit=600.0, cancelled=CancelAfter(5))
    assert [call["time_limit"] for call in highs.calls] == [0.05, 0.1, 0.2]
    # Uncancelled, the slices keep the best solution (never worse than greedy) until the
    # budget is spent.
    greedy = mclp(costs, w, 3000.0, 10, time_limit=600.0)
    highs.calls.clear()
    result = mclp(costs, w, 3000.0, 10, time_limit=0.5, cancelled=CancelAfter())
    assert result.covered_weight == pytest.approx(greedy.covered_weight) and len(result.new_sites) == 10
    assert result.status == TIME_LIMIT and len(highs.calls) >= 2


def record_deadlines(monkeypatch):
    """Wrap HiGHS so that every call records when its own time limit would end."""
    from territorial_resilience.algorithms.network import location

    deadlines = []
    real = location.milp

    def milp_with_record(*args, options=None, **kwargs):
        deadlines.append(time.perf_counter() + (options or {}).get("time_limit", np.inf))
        return real(*args, options=options, **kwargs)

    monkeypatch.setattr(location, "milp", milp_with_record)
    return deadlines


@pytest.mark.parametrize("solve", ["curve", "p-center"])
def test_one_wall_clock_budget_for_every_solve_of_a_call(monkeypatch, solve):
    # Before: each P of a curve had the whole time limit (10 × T in all); now no HiGHS call
    # may run past the call's own deadline, whichever P or bisection step it serves.
    costs, w = hard_instance()
    deadlines = record_deadlines(monkeypatch)
    started = time.perf_counter()
    if solve == "curve":
        result = coverage_curve(costs, w, 3000.0, 10, time_limit=1.0)
        assert len(result) == 10
        covered = [r.covered_weight for r in result]
        assert covered == sorted(covered)  # each P keeps at least the previous P's solution
    else:
        rng = np.random.default_rng(11)
        demand, sites = rng.uniform(0, 40_000, (1500, 2)), rng.uniform(0, 40_000, (150, 2))
        try:
            result = p_center(straight_costs(demand, sites, 1.0, 10_000.0), w[:1500], 12, time_limit=1.0)
            assert result.status in (OPTIMAL, TIME_LIMIT)
        except InputError as error:  # a loaded machine may find no cover within 1 s: said so
            assert "time limit of 1 s" in str(error)
    elapsed = time.perf_counter() - started
    # (50 ms for the bookkeeping between computing a limit and HiGHS starting; before: seconds)
    assert len(deadlines) >= 2 and max(deadlines) <= started + 1.0 + 0.05
    assert elapsed < 1.0 + 4.0  # generous margin: the limit itself is the promise


def test_p_median_keeps_the_wall_clock_budget_and_never_returns_worse_than_greedy(monkeypatch):
    # 3000 points × 200 sites, all 600 000 pairs, P = 15, one second: the heuristic and the
    # bound use their shares, every HiGHS call ends by the call's deadline.
    from territorial_resilience.algorithms.network import median

    rng = np.random.default_rng(5)
    demand, sites = rng.uniform(0, 40_000, (3000, 2)), rng.uniform(0, 40_000, (200, 2))
    w = rng.integers(1, 30, 3000).astype(float)
    costs = straight_costs(demand, sites, 1.0)
    pairs = median.MedianPairs.build(costs.demand, costs.candidate, costs.cost, w, 200, np.zeros(200, dtype=bool), 15)
    greedy_value = float(median.nearest_two(pairs, median.greedy(pairs)).first.sum())
    deadlines = record_deadlines(monkeypatch)
    started = time.perf_counter()
    result = p_median(costs, w, 15, time_limit=1.0)
    elapsed = time.perf_counter() - started
    assert result.objective <= greedy_value * (1 + 1e-12) and len(result.new_sites) == 15
    assert result.status in (OPTIMAL, TIME_LIMIT) and 0.0 <= result.mip_gap < 1.0
    assert all(deadline <= started + 1.0 + 0.05 for deadline in deadlines)
    assert elapsed < 1.0 + 4.0  # generous margin: the limit itself is the promise


def test_uncoverable_demand_names_only_the_uncoverable_points_by_id():
    # Four villages; candidates A (covers v0, v1) and B (covers v2); v3 has no site within S.
    costs = CostMatrix.from_dense([[1.0, 9.0], [2.0, 9.0], [9.0, 1.0], [9.0, 9.0]])
    with pytest.raises(UncoverableDemand) as caught:
        lscp(costs, np.array([10.0, 20.0, 30.0, 40.0]), 2.0)
    named = caught.value.with_ids(["north", "east", "south", "west"])
    assert named.message.values["ids"] == "west" and named.message.values["count"] == 1
    assert "north" not in str(named) and "south" not in str(named)


# ---------------------------------------------------------------------------------------------
# A user's cost table (issue 10): bad values are named by their row.


def test_cost_table_rows_are_read_and_counted():
    from territorial_resilience.algorithms.network.costs import costs_from_table

    rows = [
        (1, "D1", "C1", 100.0),
        (2, "D1", "C2", "910"),  # a number written as text
        (3, "D2", "C1", None),  # no cost: unreachable
        (4, "D2", "C2", float("inf")),  # unreachable
        (5, "D9", "C1", 5.0),  # unknown demand id
        (6, "D2", None, 5.0),  # no site id
        (7, "3", "C2", 2000.0),  # beyond the cutoff
        (8, 3, "C1", 0.0),  # ids compared as text: 3 → "3"
    ]
    table = costs_from_table(rows, ["D1", "D2", "3"], ["C1", "C2"], cutoff=1000.0)
    assert (table.unknown, table.empty, table.beyond) == (2, 2, 1)
    got = list(zip(table.costs.demand.tolist(), table.costs.candidate.tolist(), table.costs.cost.tolist()))
    assert got == [(0, 0, 100.0), (0, 1, 910.0), (2, 0, 0.0)]


@pytest.mark.parametrize(
    "value, message",
    [
        (float("nan"), r"Row 17 of the cost table \(D2 → C1\): the cost is nan"),
        (-3.0, r"Row 17 of the cost table \(D2 → C1\): the cost is -3.0"),
        ("far", r"Row 17 of the cost table \(D2 → C1\): the cost 'far' is not a number"),
    ],
)
def test_cost_table_bad_values_name_the_row(value, message):
    from territorial_resilience.algorithms.network.costs import costs_from_table

    rows = [(16, "D1", "C1", 1.0), (17, "D2", "C1", value)]
    with pytest.raises(InputError, match=message):
        costs_from_table(rows, ["D1", "D2"], ["C1"])


def test_cost_table_repeated_pairs_name_both_rows():
    from territorial_resilience.algorithms.network.costs import costs_from_table

    with pytest.raises(InputError, match=r"Rows 4 and 9 .* from D1 to C1"):
        costs_from_table([(4, "D1", "C1", 1.0), (9, "D1", "C1", 2.0)], ["D1"], ["C1"])


# ---------------------------------------------------------------------------------------------
# What tsr:facilitylocation reports around the models, computed in the core (issue 11).


def test_curve_steps_give_percent_and_marginal_coverage(line):
    from territorial_resilience.algorithms.network.location import curve_steps, served_percent

    # 100 people located + 25 without a location: B covers 60 (48 %), A and B 100 (80 %).
    curve = coverage_curve(line, W_LINE, 1.5, 2)
    steps = curve_steps(curve, 125.0)
    assert [s.p for s in steps] == [1, 2]
    assert [s.covered_percent for s in steps] == pytest.approx([48.0, 80.0])
    assert [s.added_percent for s in steps] == pytest.approx([48.0, 32.0])
    assert steps[0].new_sites.tolist() == [B] and steps[1].new_sites.tolist() == [A, B]
    assert served_percent(60.0, 0.0) == 0.0 and served_percent(30.0, 120.0) == 25.0


def test_service_cutoff_and_table_cost_matrix():
    from territorial_resilience.algorithms.network.location import service_cutoff, table_cost_matrix

    assert service_cutoff(True, 800.0) == 800.0
    assert service_cutoff(False, 800.0) == 800.0 and service_cutoff(False, 0.0) == np.inf
    read = table_cost_matrix([(1, "D1", "C1", 100.0), (2, "D1", "C2", 2000.0)], ["D1"], ["C1", "C2"], 1000.0)
    assert read.costs.n_pairs == 1 and read.beyond == 1
    with pytest.raises(InputError, match="No row of the cost table matches"):
        table_cost_matrix([(1, "D9", "C1", 100.0)], ["D1"], ["C1"], 1000.0)
    with pytest.raises(InputError, match="No row of the cost table matches"):
        table_cost_matrix([(1, "D1", "C1", 5000.0)], ["D1"], ["C1"], 1000.0)


@pytest.mark.parametrize("seed", [3, 8])
def test_solve_model_by_number_matches_brute_force(seed):
    from territorial_resilience.algorithms.network.location import LSCP, MCLP, P_CENTER, P_MEDIAN, solve_model

    rng = np.random.default_rng(seed)
    demand, sites = rng.uniform(0, 10, (9, 2)), rng.uniform(0, 10, (5, 2))
    D = np.hypot(*(demand[:, None, :] - sites[None, :, :]).transpose(2, 0, 1))
    w = rng.integers(1, 20, 9).astype(float)
    costs, service = CostMatrix.from_dense(D), 4.0
    covered, curve = solve_model(MCLP, costs, w, service, 2)
    assert covered.objective == pytest.approx(brute_mclp(D, w, service, 2)) and len(curve) == 2 and curve[-1] is covered
    assert curve[0].objective == pytest.approx(brute_mclp(D, w, service, 1))
    reach = float(np.sort(D, axis=1)[:, 1].max())  # every point has two sites within it
    within = np.where(D <= reach, D, np.inf)  # p-median and p-center use only the pairs within S > 0
    assert solve_model(P_MEDIAN, costs, w, reach, 3)[0].objective == pytest.approx(brute_median(within, w, 3))
    assert solve_model(P_CENTER, costs, w, 0.0, 2)[0].objective == pytest.approx(brute_center(D, w, 2))
    assert solve_model(P_MEDIAN, costs, w, 0.0, 2)[1] == ()
    try:
        fewest = solve_model(LSCP, costs, w, service, 0)[0].objective
    except UncoverableDemand:
        fewest = None
    assert fewest == brute_lscp(np.where(D <= service, D, np.inf), w, service)
