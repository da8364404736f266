"""Resistance surface core: table lookup, barriers, both methods by hand."""

from __future__ import annotations

import numpy as np
import pytest

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.ecology.resistance import PRESET, Method, Resistance, lookup, parse_table, preset_matrix

NAN = np.nan


def test_preset_covers_the_twelve_first_level_classes_and_parses():
    table = parse_table(preset_matrix())
    assert sorted(table) == [float(c) for c in range(1, 13)]
    assert table[3.0] == 1.0 and min(table.values()) >= 1.0
    assert table[6.0] >= 500 and table[7.0] >= 500  # built-up land highest
    assert len(PRESET) == 12


def test_parse_table_text_and_errors():
    assert parse_table("1, 10; 2, 50") == {1.0: 10.0, 2.0: 50.0}
    with pytest.raises(InputError, match="two columns"):
        parse_table("1 10 2")
    with pytest.raises(InputError, match="at least 1"):
        parse_table(["1", "0"])
    with pytest.raises(InputError, match="twice"):
        parse_table(["1", "5", "1", "6"])
    with pytest.raises(InputError, match="empty"):
        parse_table([])


def test_lookup_barriers_and_missing_class():
    lc = np.array([[1, 2, NAN], [3, 2, 1]], dtype=np.float32)
    out = lookup(lc, {1.0: 10.0, 2.0: 50.0}, frozenset({3.0}))
    np.testing.assert_array_equal(np.isnan(out), [[False, False, True], [True, False, False]])
    assert out[0, 0] == 10 and out[1, 1] == 50
    with pytest.raises(InputError, match="3"):
        lookup(lc, {1.0: 10.0, 2.0: 50.0})


def test_missing_class_named_before_writing():
    with pytest.raises(InputError, match="7, 9"):
        Resistance.build({1.0: 1.0}, [1.0, 7.0, 9.0])


def test_multiplicative_by_hand():
    model = Resistance.build({1.0: 10.0, 2.0: 100.0}, [1, 2], weights=[2.0, 0.5], modifiers=2)
    lc = np.array([[1, 2]], dtype=np.float32)
    m1 = np.array([[0.5, 1.0]], dtype=np.float32)
    m2 = np.array([[1.0, NAN]], dtype=np.float32)
    out = model(lc, [m1, m2])
    assert out[0, 0] == pytest.approx(10 * (1 + 2 * 0.5) * (1 + 0.5 * 1.0))
    assert np.isnan(out[0, 1])


def test_weighted_sum_by_hand():
    model = Resistance.build(
        {1.0: 1.0, 2.0: 50.0, 3.0: 1000.0}, [1, 2, 3], weights=[0.3], modifiers=1, method=Method.WEIGHTED_SUM, minimum=1, maximum=100
    )
    lc = np.array([[1, 2, 3]], dtype=np.float32)
    m = np.array([[1.0, 0.0, 0.5]], dtype=np.float32)
    out = model(lc, [m])
    b = np.array([0.0, 49 / 999, 1.0])
    want = 1 + (0.7 * b + 0.3 * np.array([1.0, 0.0, 0.5])) * 99
    np.testing.assert_allclose(out[0], want, rtol=1e-6)
    # default weights: equal shares
    model = Resistance.build({1.0: 1.0, 2.0: 3.0}, [1, 2], modifiers=1, method=Method.WEIGHTED_SUM, minimum=1, maximum=11)
    assert model.weights == (0.5,)


def test_bad_models():
    with pytest.raises(InputError, match="less than 1"):
        Resistance.build({1.0: 1.0}, [1], weights=[0.6, 0.5], modifiers=2, method=Method.WEIGHTED_SUM)
    with pytest.raises(InputError, match="MIN_RESISTANCE"):
        Resistance.build({1.0: 1.0}, [1], method=Method.WEIGHTED_SUM, minimum=0.5, maximum=10)
    with pytest.raises(InputError, match="one weight per modifier"):
        Resistance.build({1.0: 1.0}, [1], weights=[1.0], modifiers=2)
    model = Resistance.build({1.0: 1.0}, [1], modifiers=1)
    with pytest.raises(InputError, match="outside 0–1"):
        model(np.ones((1, 1), np.float32), [np.full((1, 1), 3.0, np.float32)])
