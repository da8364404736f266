"""Typed lists of numbers: separators, fractions, and what is refused."""

from __future__ import annotations

import pytest

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.common.parsing import parse_numbers


def test_separators_and_fractions():
    assert parse_numbers("0.2，0.4; 1/4、3\n5") == [0.2, 0.4, 0.25, 3.0, 5.0]
    assert parse_numbers("") == [] and parse_numbers(None) == []
    assert parse_numbers([1, "2", 0.5]) == [1.0, 2.0, 0.5]


@pytest.mark.parametrize("text, token", [("1, nan", "nan"), ("inf", "inf"), ("-Infinity 2", "-Infinity"), ([1.0, float("nan")], "nan")])
def test_non_finite_values_are_refused_with_the_parameter_named(text, token):
    with pytest.raises(InputError) as raised:
        parse_numbers(text, "THRESHOLDS")
    assert str(raised.value) == f"THRESHOLDS: '{token}' is not a finite number"


def test_text_and_division_by_zero_are_refused():
    with pytest.raises(InputError, match=r"^'abc' is not a number$"):
        parse_numbers("1 abc")
    with pytest.raises(InputError, match=r"^WEIGHTS: '1/0' is not a number$"):
        parse_numbers("1/0", "WEIGHTS")
