"""AHP weights and consistency against an independent power iteration, closed forms and
quoted textbook figures."""

from __future__ import annotations

import numpy as np
import pytest

from territorial_resilience.algorithms.common.messages import InputError, Message
from territorial_resilience.algorithms.mcda.ahp import (
    SAATY_SCALE,
    ahp_weights,
    geometric_mean_weights,
    judgement_label,
    parse_matrix,
    random_index,
)

# The classic 3 × 3 example and the figures usually quoted for it.
TEXTBOOK = [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]
# Saaty's "choosing a school" example, schools A, B, C compared on learning (Saaty 1980,
# "The Analytic Hierarchy Process"; Saaty 1990, EJOR 48:9–26), priorities quoted as
# 0.16, 0.59, 0.25.
SCHOOL = [[1, 1 / 3, 1 / 2], [3, 1, 3], [2, 1 / 3, 1]]


def power_iteration(a, iterations=10_000):
    """Perron vector and root without numpy.linalg.eig: w ← A·w / Σ(A·w) until it stops
    changing; λmax is the mean of (A·w)_i / w_i (exact for the eigenvector)."""
    a = np.asarray(a, dtype=float)
    w = np.full(a.shape[0], 1.0 / a.shape[0])
    for _ in range(iterations):
        nxt = a @ w
        nxt /= nxt.sum()
        if np.max(np.abs(nxt - w)) < 1e-15:
            break
        w = nxt
    return nxt, float(np.mean((a @ nxt) / nxt))


def consistent_matrix(w):
    w = np.asarray(w, dtype=float)
    return w[:, None] / w[None, :]


def test_power_iteration_reproduces_quoted_textbook_figures():
    # The quoted figures are first checked against the independent reference, so a wrong
    # quotation fails here and not silently in ahp_weights.
    w, lam = power_iteration(TEXTBOOK)
    ci = (lam - 3) / 2
    assert np.round(w, 3).tolist() == [0.637, 0.258, 0.105]
    assert round(lam, 3) == 3.039
    assert round(ci, 3) == 0.019
    assert round(ci / 0.58, 3) == 0.033


def test_textbook_example():
    ref_w, ref_lam = power_iteration(TEXTBOOK)
    r = ahp_weights(TEXTBOOK)
    np.testing.assert_allclose(r.weights, ref_w, rtol=1e-10)
    assert r.lambda_max == pytest.approx(ref_lam, rel=1e-12)
    np.testing.assert_allclose(r.weights, [0.637, 0.258, 0.105], atol=5e-4)
    assert r.lambda_max == pytest.approx(3.039, abs=5e-4)
    assert r.ci == pytest.approx(0.019, abs=5e-4)
    assert r.ri == 0.58
    assert r.cr == pytest.approx(0.033, abs=5e-4)
    assert r.consistent and r.revisions == ()
    assert r.ranks == (1, 2, 3)


def test_school_example():
    ref_w, ref_lam = power_iteration(SCHOOL)
    r = ahp_weights(SCHOOL)
    np.testing.assert_allclose(r.weights, ref_w, rtol=1e-10)
    assert r.lambda_max == pytest.approx(ref_lam, rel=1e-12)
    np.testing.assert_allclose(r.weights, [0.16, 0.59, 0.25], atol=5e-3)
    assert r.lambda_max == pytest.approx(3.054, abs=5e-4)
    assert r.cr == pytest.approx(0.046, abs=5e-4)
    assert r.ranks == (3, 1, 2)
    assert r.consistent


@pytest.mark.parametrize("n", [2, 3, 5, 9, 15])
def test_consistent_matrix_returns_its_weights(n):
    w = np.random.default_rng(n).uniform(0.5, 9.0, n)
    w /= w.sum()
    r = ahp_weights(consistent_matrix(w))
    np.testing.assert_allclose(r.weights, w, rtol=1e-10)
    assert sum(r.weights) == pytest.approx(1.0, abs=1e-14)
    assert r.lambda_max == pytest.approx(n, abs=1e-9)
    assert r.ci == pytest.approx(0.0, abs=1e-10)
    assert r.cr == pytest.approx(0.0, abs=1e-10)
    assert r.consistent
    assert sorted(r.ranks) == list(range(1, n + 1))
    assert r.ranks[int(np.argmax(w))] == 1


def test_two_criteria_always_consistent_and_equal_weights_share_a_rank():
    r = ahp_weights([[1, 9], [1 / 9, 1]])
    np.testing.assert_allclose(r.weights, [0.9, 0.1], rtol=1e-12)
    assert (r.ri, r.cr, r.consistent) == (0.0, 0.0, True)
    equal = ahp_weights(np.ones((4, 4)))
    np.testing.assert_allclose(equal.weights, [0.25] * 4, rtol=1e-12)
    assert equal.ranks == (1, 1, 1, 1)


def test_random_index_table():
    assert [random_index(n) for n in range(1, 11)] == [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]
    assert [random_index(n) for n in range(11, 16)] == [1.5141, 1.5365, 1.5551, 1.5713, 1.5838]
    assert ahp_weights(consistent_matrix(np.arange(1.0, 13.0))).ri == 1.5365


def test_more_criteria_than_the_random_index_table_refused():
    with pytest.raises(InputError, match="16 criteria are too many.*up to 15"):
        ahp_weights(consistent_matrix(np.arange(1.0, 17.0)))
    with pytest.raises(InputError, match="16 criteria"):
        random_index(16)


# --- typed input -----------------------------------------------------------------------


def test_upper_triangle_equals_full_matrix_and_fractions_parse():
    full = parse_matrix("1 3 5\n1/3 1 3\n1/5 1/3 1")
    np.testing.assert_array_equal(full, np.array(TEXTBOOK))
    np.testing.assert_array_equal(parse_matrix("3, 5, 3"), full)
    np.testing.assert_array_equal(parse_matrix("3，5；3"), full)  # Chinese input method
    np.testing.assert_array_equal(parse_matrix(["1, 3, 5", "1/3 1 3", "1/5, 1/3, 1"]), full)
    np.testing.assert_array_equal(parse_matrix(["3", "5", 3.0], n=3), full)
    assert ahp_weights(parse_matrix("3 5 3")) == ahp_weights(TEXTBOOK)


def test_typed_reciprocals_rounded_to_three_decimals_are_accepted_and_made_exact():
    a = parse_matrix("1 3 5 0.333 1 3 0.2 0.333 1")
    assert a[1, 0] == 1 / 3 and a[2, 1] == 1 / 3
    with pytest.raises(InputError, match="Row 1, column 2 is 3, so row 2, column 1 must be"):
        parse_matrix("1 3 5 0.33 1 3 0.2 0.333 1")


@pytest.mark.parametrize("n", range(2, 16))
def test_size_inferred_from_the_count(n):
    a = consistent_matrix(np.arange(1.0, n + 1.0))
    upper = a[np.triu_indices(n, 1)]
    np.testing.assert_allclose(parse_matrix(a.ravel()), a, rtol=1e-12)
    if n != 9:  # 36 values are read as a full 6 × 6 matrix unless n is given
        np.testing.assert_allclose(parse_matrix(upper), a, rtol=1e-12)
    np.testing.assert_allclose(parse_matrix(upper, n=n), a, rtol=1e-12)


def test_36_values_prefer_the_full_matrix_and_hint_at_nine_criteria():
    six = consistent_matrix(np.arange(1.0, 7.0))
    assert parse_matrix(six.ravel()).shape == (6, 6)
    nine_upper = consistent_matrix(np.arange(1.0, 10.0))[np.triu_indices(9, 1)]
    assert nine_upper.size == 36
    assert parse_matrix(nine_upper, n=9).shape == (9, 9)
    with pytest.raises(InputError, match="full 6 × 6 matrix.*for 9 criteria"):
        parse_matrix(nine_upper)
    with pytest.raises(InputError, match="Row 1, column 1 compares a criterion with itself"):
        parse_matrix(nine_upper, n=6)


def test_wrong_counts():
    with pytest.raises(InputError, match="5 judgements were given"):
        parse_matrix("1 2 3 4 5")
    with pytest.raises(InputError, match="0 judgements were given"):
        parse_matrix("")
    with pytest.raises(InputError, match="4 criteria need 16 judgements .* or 6 .* but 9 were"):
        parse_matrix("1 3 5 1/3 1 3 1/5 1/3 1", n=4)
    with pytest.raises(InputError, match="at least two criteria"):
        parse_matrix("1", n=1)
    with pytest.raises(InputError, match="'abc' is not a number"):
        parse_matrix("3 abc 3")


def test_non_reciprocal_names_the_pair_and_both_values():
    with pytest.raises(InputError) as err:
        ahp_weights([[1, 3, 5], [1 / 3, 1, 3], [0.5, 1 / 3, 1]])
    text = str(err.value)
    assert "Row 1, column 3 is 5, so row 3, column 1 must be its reciprocal 0.2" in text
    assert "but it is 0.5" in text
    assert err.value.message.values == {"row": 1, "col": 3, "value": 5.0, "expected": 0.2, "other": 0.5}


def test_non_positive_non_finite_diagonal_and_shape_errors():
    with pytest.raises(InputError, match="row 1, column 3 is 0; judgements must be positive"):
        parse_matrix("3 0 2")
    with pytest.raises(InputError, match="row 2, column 1 is -3"):
        ahp_weights([[1, 3], [-3, 1]])
    with pytest.raises(InputError, match="row 2, column 3 is not a finite number"):
        parse_matrix("3 5 nan")
    with pytest.raises(InputError, match="Row 2, column 2 .* must be 1, but it is 2"):
        ahp_weights([[1, 3], [1 / 3, 2]])
    with pytest.raises(InputError, match="2 rows and 3 columns"):
        ahp_weights([[1, 2, 3], [1 / 2, 1, 1]])
    with pytest.raises(InputError, match="table of numbers"):
        ahp_weights([[1, 2, 3], [1 / 2, 1]])
    with pytest.raises(InputError, match="at least two criteria"):
        ahp_weights([[1.0]])
    with pytest.raises(InputError, match="positive number"):
        ahp_weights(TEXTBOOK, max_cr=0.0)


# --- inconsistency advice --------------------------------------------------------------


def corrupted_4x4():
    """Consistent for w ∝ (8, 4, 2, 1) except a_13 reversed from 4 to 1/4."""
    a = consistent_matrix([8.0, 4.0, 2.0, 1.0])
    a[0, 2], a[2, 0] = 1 / 4, 4.0
    return a


def test_one_reversed_judgement_is_found_and_repaired():
    r = ahp_weights(corrupted_4x4())
    assert r.cr > 0.1 and not r.consistent
    assert len(r.revisions) == 3
    top = r.revisions[0]
    assert (top.row, top.col) == (0, 2)
    assert top.value == 0.25
    assert top.epsilon == pytest.approx(0.25 * r.weights[2] / r.weights[0])
    assert top.implied == pytest.approx(r.weights[0] / r.weights[2])
    # the distorted weights alone point the right way but not far enough …
    assert 0.25 < top.implied < 1.0
    # … the scale search recovers the judgement the others support
    assert top.scale_value == 4.0
    assert top.cr_after == pytest.approx(0.0, abs=1e-9)
    errors = [abs(np.log(rev.epsilon)) for rev in r.revisions]
    assert errors == sorted(errors, reverse=True)
    repaired = corrupted_4x4()
    repaired[0, 2], repaired[2, 0] = top.scale_value, 1 / top.scale_value
    after = ahp_weights(repaired)
    assert after.cr < 0.1 and after.cr == pytest.approx(top.cr_after, abs=1e-9)
    np.testing.assert_allclose(after.weights, np.array([8, 4, 2, 1]) / 15, rtol=1e-9)


def test_scale_search_and_recomputed_cr_for_a_mildly_inconsistent_matrix():
    r = ahp_weights(SCHOOL, max_cr=0.04)
    assert not r.consistent
    assert len(r.revisions) == 3  # all three pairs of a 3 × 3 matrix
    for rev in r.revisions:
        trial = np.array(SCHOOL, dtype=float)
        crs = []
        for s in SAATY_SCALE:
            trial[rev.row, rev.col], trial[rev.col, rev.row] = s, 1 / s
            crs.append(ahp_weights(trial).cr)
        assert rev.cr_after == pytest.approx(min(crs), abs=1e-12)
        assert rev.scale_value == SAATY_SCALE[int(np.argmin(crs))]
        assert rev.cr_after < r.cr


def test_advice_messages():
    ok = ahp_weights(TEXTBOOK)
    assert len(ok.advice) == 1 and isinstance(ok.advice[0], Message)
    assert str(ok.advice[0]) == ("The judgements are consistent enough: consistency ratio CR = 0.033, at most 0.10.")
    bad = ahp_weights(corrupted_4x4())
    texts = [str(m) for m in bad.advice]
    assert texts[0].startswith(f"The judgements are not consistent enough: consistency ratio CR = {bad.cr:.3f} exceeds 0.10.")
    assert texts[1].startswith("Row 1, column 3: you gave 1/4, the weights imply ")
    assert texts[1].endswith("changing it to 4 (and row 3, column 1 to its reciprocal) would give CR = 0.000.")
    assert len(texts) == 1 + len(bad.revisions)
    # the translation hook receives the literal template
    assert bad.advice[1].translated(lambda t: t.replace("you gave", "您给出")).startswith("Row 1, column 3: 您给出 1/4")


def test_judgements_outside_the_scale_are_used_and_noted():
    r = ahp_weights([[1, 12, 3], [1 / 12, 1, 0.25], [1 / 3, 4, 1]])
    assert r.outside_scale == ((0, 1, 12.0),)
    assert str(r.advice[-1]) == ("Row 1, column 2 is 12, outside Saaty's scale from 1/9 to 9; it was used as given.")
    typed_ninth = ahp_weights(parse_matrix("0.111 9 9"))
    assert typed_ninth.outside_scale == ()


def test_judgement_label():
    assert [judgement_label(v) for v in (3.0, 1.0, 0.25, 1 / 3, 0.4, 12.5)] == ["3", "1", "1/4", "1/3", "1/2.5", "12.5"]


# --- geometric mean cross-check --------------------------------------------------------


def test_geometric_mean_equals_eigenvector_on_consistent_matrices():
    for n in (3, 6, 11):
        w = np.random.default_rng(100 + n).uniform(1.0, 9.0, n)
        a = consistent_matrix(w)
        np.testing.assert_allclose(geometric_mean_weights(a), w / w.sum(), rtol=1e-12)
        np.testing.assert_allclose(geometric_mean_weights(a), ahp_weights(a).weights, rtol=1e-10)


def test_geometric_mean_close_to_eigenvector_on_saaty_examples():
    gm = geometric_mean_weights(TEXTBOOK)
    # row products 15, 1, 1/15 → cube roots 15^(1/3), 1, 15^(−1/3)
    roots = np.array([15 ** (1 / 3), 1.0, 15 ** (-1 / 3)])
    np.testing.assert_allclose(gm, roots / roots.sum(), rtol=1e-12)
    for a in (TEXTBOOK, SCHOOL):
        diff = np.abs(geometric_mean_weights(a) - np.array(ahp_weights(a).weights))
        assert 0 < diff.max() < 0.02
    with pytest.raises(InputError, match="reciprocal"):
        geometric_mean_weights([[1, 2], [2, 1]])
