"""SETS resilience index: entropy and CRITIC weights against step-by-step hand computations,
the index against a worked example, nulls, constant fields, parent aggregation, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.mcda.sets_index import (
    GEOMETRIC_FLOOR,
    Aggregation,
    Level,
    SetsSpec,
    Weighting,
    competition_rank,
    critic,
    critic_weights,
    entropy,
    entropy_weights,
    grade_counts,
    minmax_normalise,
    parent_level,
    parent_scores,
    parents_missing_geometry,
    rank_order,
    resilience_formula,
    resilience_grade,
    sets_index,
    weakest_dimension,
)

# Four units × three indicators, all "higher is better".
RAW = [
    [2.0, 10.0, 0.5],
    [4.0, 30.0, 0.2],
    [6.0, 20.0, 0.8],
    [10.0, 40.0, 0.4],
]
# Min–max by hand: (x − min)/(max − min) per column.
#   column 1: min 2, max 10  → 0, 2/8, 4/8, 8/8
#   column 2: min 10, max 40 → 0, 20/30, 10/30, 30/30
#   column 3: min 0.2, max 0.8 → 0.3/0.6, 0, 0.6/0.6, 0.2/0.6
R = np.array(
    [
        [0.0, 0.0, 0.5],
        [0.25, 2 / 3, 0.0],
        [0.5, 1 / 3, 1.0],
        [1.0, 1.0, 1 / 3],
    ]
)


def test_minmax_by_hand_and_negative_fields():
    np.testing.assert_allclose(minmax_normalise(RAW), R, atol=1e-12)
    flipped = minmax_normalise(RAW, [False, True, False])
    np.testing.assert_allclose(flipped[:, 1], [1.0, 1 / 3, 2 / 3, 0.0], atol=1e-12)
    np.testing.assert_allclose(flipped[:, [0, 2]], R[:, [0, 2]], atol=1e-12)
    constant = minmax_normalise([[3.0, 1.0], [3.0, 2.0]])
    np.testing.assert_array_equal(constant[:, 0], [0.0, 0.0])


def test_entropy_weights_by_hand():
    m = 4
    # p_ij = r_ij / Σ_i r_ij
    sums = [0.0 + 0.25 + 0.5 + 1.0, 0.0 + 2 / 3 + 1 / 3 + 1.0, 0.5 + 0.0 + 1.0 + 1 / 3]
    assert sums == pytest.approx([1.75, 2.0, 11 / 6])
    e = []
    for j in range(3):
        total = 0.0
        for i in range(m):
            p = R[i, j] / sums[j]
            if p > 0:  # 0·ln 0 = 0
                total += p * math.log(p)
        e.append(-total / math.log(m))
    # column 1 by hand: p = 0, 1/7, 2/7, 4/7
    e1 = -(1 / 7 * math.log(1 / 7) + 2 / 7 * math.log(2 / 7) + 4 / 7 * math.log(4 / 7)) / math.log(4)
    assert e[0] == pytest.approx(e1, abs=1e-14)
    assert e1 == pytest.approx(0.689392, abs=1e-6)
    d = [1 - x for x in e]
    w = [x / sum(d) for x in d]
    np.testing.assert_allclose(entropy(R), e, atol=1e-12)
    np.testing.assert_allclose(entropy_weights(R), w, atol=1e-12)
    assert sum(entropy_weights(R)) == pytest.approx(1.0)


def test_critic_weights_by_hand():
    m, n = R.shape
    mean = [sum(R[i, j] for i in range(m)) / m for j in range(n)]
    sigma = [math.sqrt(sum((R[i, j] - mean[j]) ** 2 for i in range(m)) / m) for j in range(n)]

    def pearson(j, k):
        cov = sum((R[i, j] - mean[j]) * (R[i, k] - mean[k]) for i in range(m))
        var_j = sum((R[i, j] - mean[j]) ** 2 for i in range(m))
        var_k = sum((R[i, k] - mean[k]) ** 2 for i in range(m))
        return cov / math.sqrt(var_j * var_k)

    conflict = [sum(1 - pearson(j, k) for k in range(n)) for j in range(n)]
    c = [sigma[j] * conflict[j] for j in range(n)]
    w = [x / sum(c) for x in c]
    info = critic(R)
    np.testing.assert_allclose(info.sigma, sigma, atol=1e-12)
    np.testing.assert_allclose(info.conflict, conflict, atol=1e-12)
    np.testing.assert_allclose(info.information, c, atol=1e-12)
    np.testing.assert_allclose(critic_weights(R), w, atol=1e-12)
    assert not info.fallback
    # Bessel's correction scales every σ alike: the weights do not change
    sample = [s * math.sqrt(m / (m - 1)) for s in sigma]
    c_sample = [sample[j] * conflict[j] for j in range(n)]
    np.testing.assert_allclose(critic_weights(R), [x / sum(c_sample) for x in c_sample], atol=1e-12)


def test_objective_weights_of_constant_and_redundant_columns():
    r = np.column_stack([R[:, 0], np.full(4, 0.7), R[:, 1]])
    assert entropy_weights(r)[1] == 0.0
    np.testing.assert_allclose(entropy_weights(r)[[0, 2]], entropy_weights(R[:, :2]), atol=1e-12)
    info = critic(r)
    assert info.weights[1] == 0.0
    np.testing.assert_allclose(info.weights[[0, 2]], critic_weights(R[:, :2]), atol=1e-12)
    # two identical columns: no conflict, weights ∝ σ
    twin = critic(np.column_stack([R[:, 0], R[:, 0]]))
    assert twin.fallback and twin.weights == pytest.approx([0.5, 0.5])
    assert critic(R[:, :1]).weights == pytest.approx([1.0])
    with pytest.raises(InputError, match="No indicator differs"):
        entropy_weights(np.ones((3, 2)))
    with pytest.raises(InputError, match="No indicator differs"):
        critic_weights(np.ones((3, 2)))


# --- the worked example ----------------------------------------------------------------------
#
# Three townships A, B, C.
#   social:        gdp 100, 200, 300 → r = 0, 0.5, 1
#                  elderly (negative) 10, 30, 20 → r = 1 − (0, 1, 0.5) = 1, 0, 0.5
#   ecological:    forest 40, 20, 60 → r = 0.5, 0, 1
#   technological: roads 1, 3, 2 → r = 0, 1, 0.5
# Equal weights: S = (0 + 1)/2, (0.5 + 0)/2, (1 + 0.5)/2 = 0.5, 0.25, 0.75
#                E = 0.5, 0, 1;  T = 0, 1, 0.5
# Weighted sum, dimensions 1/3 each: R = 1/3 · (1.0, 1.25, 2.25) = 0.3333, 0.4167, 0.75
# Grades (0.2 wide): 2, 3, 4.  Weakest: A T (0), B E (0), C T (0.5).  Ranks: A 3, B 2, C 1.

VALUES = {"gdp": [100, 200, 300], "elderly": [10, 30, 20], "forest": [40, 20, 60], "roads": [1, 3, 2]}
NAMES = ["A", "B", "C"]


def spec(**extra):
    settings = dict(social=["gdp", "elderly"], ecological=["forest"], technological=["roads"], negative=["elderly"], weighting=Weighting.EQUAL)
    settings.update(extra)
    return SetsSpec.build(**settings)


def test_worked_example_weighted_sum():
    result = sets_index(VALUES, spec(), NAMES)
    np.testing.assert_allclose(result.indices, [[0.5, 0.5, 0.0], [0.25, 0.0, 1.0], [0.75, 1.0, 0.5]], atol=1e-12)
    np.testing.assert_allclose(result.resilience, [1 / 3, 1.25 / 3, 0.75], atol=1e-12)
    assert result.grades.tolist() == [2, 3, 4]
    assert result.weakest == ("T", "E", "T")
    assert result.ranks.tolist() == [3, 2, 1]
    assert [i.weight for i in result.indicators] == pytest.approx([0.5, 0.5, 1.0, 1.0])
    assert [i.overall for i in result.indicators] == pytest.approx([1 / 6, 1 / 6, 1 / 3, 1 / 3])
    assert result.weights_text() == "0.5,0.5,1,1"
    assert [i.negative for i in result.indicators] == [False, True, False, False]


def test_worked_example_geometric_mean_and_dimension_weights():
    result = sets_index(VALUES, spec(aggregation=Aggregation.GEOMETRIC_MEAN, dimension_weights="2,1,1"), NAMES)
    eps = GEOMETRIC_FLOOR
    assert eps == 0.01

    def lift(d):  # the dimension index mapped onto [0.01, 1]
        return 0.01 + 0.99 * d

    expected = [
        lift(0.5) ** 0.5 * lift(0.5) ** 0.25 * lift(0.0) ** 0.25,
        lift(0.25) ** 0.5 * lift(0.0) ** 0.25 * lift(1.0) ** 0.25,
        lift(0.75) ** 0.5 * lift(1.0) ** 0.25 * lift(0.5) ** 0.25,
    ]
    # A: 0.505^0.75 · 0.01^0.25 = 0.5990 · 0.3162 ≈ 0.1894; B: 0.2575^0.5 · 0.01^0.25 ≈ 0.1605;
    # C: 0.7525^0.5 · 0.505^0.25 = 0.8675 · 0.8430 ≈ 0.7313
    assert expected == pytest.approx([0.1894, 0.1605, 0.7313], abs=1e-4)
    np.testing.assert_allclose(result.resilience, expected, atol=1e-12)
    np.testing.assert_allclose(result.indices[:, 0], [0.5, 0.25, 0.75], atol=1e-12)  # indices are not lifted
    assert result.grades.tolist() == [1, 1, 4]
    assert result.spec.dimension_weights == pytest.approx((0.5, 0.25, 0.25))
    # weighted sum with the same dimension weights
    ws = sets_index(VALUES, spec(dimension_weights=[2, 1, 1]), NAMES)
    np.testing.assert_allclose(ws.resilience, [0.5 * 0.5 + 0.25 * 0.5, 0.5 * 0.25 + 0.25, 0.5 * 0.75 + 0.25 + 0.125], atol=1e-12)


def test_given_weights_are_renormalised_within_each_dimension():
    result = sets_index(VALUES, spec(weighting=Weighting.GIVEN, weights="3,1,5,2"), NAMES)
    assert [i.weight for i in result.indicators] == pytest.approx([0.75, 0.25, 1.0, 1.0])
    np.testing.assert_allclose(result.indices[:, 0], [0.75 * 0 + 0.25 * 1, 0.75 * 0.5, 0.75 * 1 + 0.25 * 0.5], atol=1e-12)
    ignored = spec(weights="1,2,3,4")  # equal weighting: WEIGHTS ignored, with a note
    assert ignored.weights == () and "ignored" in str(ignored.notes[0])


def test_entropy_and_critic_in_the_index_use_the_dimension_columns():
    values = {"a": [r[0] for r in RAW], "b": [r[1] for r in RAW], "c": [r[2] for r in RAW], "e": [1, 2, 3, 4], "t": [4, 3, 2, 1]}
    for weighting, expected in ((Weighting.ENTROPY, entropy_weights(R)), (Weighting.CRITIC, critic_weights(R))):
        result = sets_index(values, SetsSpec.build(["a", "b", "c"], ["e"], ["t"], weighting=weighting))
        np.testing.assert_allclose([i.weight for i in result.indicators[:3]], expected, atol=1e-12)
        np.testing.assert_allclose(result.indices[:, 0], R @ expected, atol=1e-12)
        assert result.indicators[3].weight == pytest.approx(1.0)
    entropy_result = sets_index(values, SetsSpec.build(["a", "b", "c"], ["e"], ["t"], weighting=Weighting.ENTROPY))
    np.testing.assert_allclose([i.entropy for i in entropy_result.indicators[:3]], entropy(R), atol=1e-12)
    assert math.isnan(entropy_result.indicators[0].sigma)


def test_nulls_are_replaced_by_the_mean_of_the_other_units():
    values = dict(VALUES, forest=[40, None, 60])
    result = sets_index(values, spec(), NAMES)
    forest = result.indicators[2]
    assert forest.imputed == (1,) and forest.fill == 50.0
    # forest becomes 40, 50, 60 → r = 0, 0.5, 1
    np.testing.assert_allclose(result.indices[:, 1], [0.0, 0.5, 1.0], atol=1e-12)
    note = [str(n) for n in result.notes if "forest" in str(n)][0]
    assert "1 null value(s)" in note and "50" in note and "B" in note
    nan_values = dict(VALUES, forest=[40, float("nan"), 60])
    np.testing.assert_allclose(sets_index(nan_values, spec(), NAMES).indices, result.indices)
    with pytest.raises(InputError, match="'forest' is empty"):
        sets_index(dict(VALUES, forest=[None, None, None]), spec(), NAMES)


def test_constant_fields_get_weight_zero_with_a_note():
    values = dict(VALUES, beds=[5, 5, 5])
    for weighting in Weighting:
        extra = {"weights": "1,1,1,1,1"} if weighting == Weighting.GIVEN else {}
        result = sets_index(values, spec(technological=["roads", "beds"], weighting=weighting, **extra), NAMES)
        beds = result.indicators[-1]
        assert beds.constant and beds.weight == 0.0
        assert result.indicators[-2].weight == pytest.approx(1.0)
        np.testing.assert_allclose(result.indices[:, 2], [0.0, 1.0, 0.5], atol=1e-12)
        assert any("'beds' has the same value (5)" in str(n) for n in result.notes)
    with pytest.raises(InputError, match=r"Every technological indicator \('beds'\)"):
        sets_index(values, spec(technological=["beds"]), NAMES)


def test_grades_ranks_and_weakest():
    assert resilience_grade([0.0, 0.2, 0.2000001, 0.4, 0.6000000000000001, 0.8, 0.81, 1.0]).tolist() == [1, 1, 2, 2, 3, 4, 5, 5]
    assert competition_rank([0.5, 0.9, 0.5, 0.1]).tolist() == [2, 1, 2, 4]
    assert weakest_dimension(np.array([[0.2, 0.2, 0.5], [0.9, 0.3, 0.1]])) == ("S", "T")


def test_parent_aggregation_is_population_weighted():
    result = sets_index(VALUES, spec(), NAMES)
    parent = parent_scores(result.indices, result.resilience, ["X", "X", "Y"], Level.TOWNSHIP, [100, 300, 50], NAMES)
    assert parent.level == Level.COUNTY
    assert parent.keys == ("X", "Y") and parent.members == ((0, 1), (2,))
    assert parent.population.tolist() == [400.0, 50.0]
    # X: (100·A + 300·B)/400
    np.testing.assert_allclose(parent.indices[0], [(100 * 0.5 + 300 * 0.25) / 400, (100 * 0.5 + 0) / 400, (0 + 300 * 1.0) / 400], atol=1e-12)
    assert parent.resilience[0] == pytest.approx((100 / 3 + 300 * 1.25 / 3) / 400)
    np.testing.assert_allclose(parent.indices[1], result.indices[2], atol=1e-12)
    assert parent.grades.tolist() == [2, 4] and parent.ranks.tolist() == [2, 1]
    assert parent.weakest == ("E", "T")
    plain = parent_scores(result.indices, result.resilience, ["X", "X", None], Level.COUNTY, None, NAMES)
    assert plain.level == Level.CITY and plain.skipped == (2,) and plain.keys == ("X",)
    assert plain.resilience[0] == pytest.approx((1 / 3 + 1.25 / 3) / 2)
    assert math.isnan(plain.population[0])
    assert any("unweighted" in str(n) for n in plain.notes) and any("C" in str(n) for n in plain.notes)


def test_parent_level_and_population_errors():
    assert parent_level(Level.PROVINCE) == Level.NATIONAL
    with pytest.raises(InputError, match="National units have no level above"):
        parent_level(Level.NATIONAL)
    d, r = np.zeros((2, 3)), np.zeros(2)
    with pytest.raises(InputError, match="population is missing"):
        parent_scores(d, r, ["X", "X"], Level.TOWNSHIP, [10, None], ["a", "b"])
    with pytest.raises(InputError, match="negative"):
        parent_scores(d, r, ["X", "X"], Level.TOWNSHIP, [10, -1], ["a", "b"])


@pytest.mark.parametrize(
    "settings, fragment",
    [
        ({"ecological": ["forest", "gdp"]}, r"'gdp' are listed both as social and as ecological"),
        ({"technological": []}, "No technological indicator field"),
        ({"negative": ["roads", "slope"]}, r"negative field\(s\) 'slope'"),
        (
            {"weighting": Weighting.GIVEN, "weights": "1,2,3"},
            r"3 weights were given for 4 indicator fields \(2 social, 1 ecological, 1 technological\)",
        ),
        ({"weighting": Weighting.GIVEN}, "needs WEIGHTS"),
        ({"weighting": Weighting.GIVEN, "weights": "1,-1,1,1"}, "zero or positive"),
        ({"weighting": Weighting.GIVEN, "weights": "0,0,1,1"}, "social fields sum to zero"),
        ({"dimension_weights": "1,2"}, "2 dimension weights were given"),
        ({"dimension_weights": "0,0,0"}, "sum to zero"),
    ],
)
def test_bad_settings(settings, fragment):
    with pytest.raises(InputError, match=fragment):
        spec(**settings)


def test_bad_values():
    with pytest.raises(InputError, match=r"no field\(s\) 'forest'"):
        sets_index({k: v for k, v in VALUES.items() if k != "forest"}, spec(), NAMES)
    with pytest.raises(InputError, match="'gdp' holds 'rich' for unit B"):
        sets_index(dict(VALUES, gdp=[1, "rich", 3]), spec(), NAMES)
    with pytest.raises(InputError, match="no features"):
        sets_index({k: [] for k in VALUES}, spec())
    with pytest.raises(InputError, match="at least two"):
        sets_index({k: v[:1] for k, v in VALUES.items()}, spec())


# --- summaries for the report ----------------------------------------------------------------


def test_resilience_formula_shows_the_dimension_weights():
    s = SetsSpec.build(["a"], ["b"], ["c"], dimension_weights="1,1,2")
    assert resilience_formula(s) == "R = 0.25·S + 0.25·E + 0.5·T"
    g = SetsSpec.build(["a"], ["b"], ["c"], aggregation=Aggregation.GEOMETRIC_MEAN)
    third = f"{1 / 3:.3g}"
    assert resilience_formula(g) == (f"R = (ε + (1 − ε)S)^{third} · (ε + (1 − ε)E)^{third} · (ε + (1 − ε)T)^{third},  ε = {GEOMETRIC_FLOOR:g}")


def test_grade_counts_and_rank_order():
    assert grade_counts(np.array([2, 3, 4, 4, 5])) == [0, 1, 1, 2, 1]
    # ties keep the input order: rank 1 first, then both rank 2 (units 0 and 2), then rank 4
    assert rank_order(np.array([2, 1, 2, 4])) == [1, 0, 2, 3]


def test_parents_missing_geometry():
    result = sets_index(VALUES, spec(), NAMES)
    parent = parent_scores(result.indices, result.resilience, ["X", "X", "Y"], Level.TOWNSHIP, None, NAMES)
    assert parents_missing_geometry([1], parent) == [("X", 1, 2)]
    assert parents_missing_geometry([0, 1, 2], parent) == [("X", 2, 2), ("Y", 1, 1)]
    assert parents_missing_geometry([], parent) == []
