"""The text mini-languages of algorithms/common/parsing.py: number lists, number rows, matrix rows,
name and direction lists, the land-allocation rows; separators (full-width too), fractions, and
what is refused with which message."""

from __future__ import annotations

import math
import re

import pytest

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.common.parsing import (
    holds_separator,
    matrix_rows,
    number_rows,
    parse_classes,
    parse_demand,
    parse_directions,
    parse_flag,
    parse_numbers,
    parse_suitability,
    split_names,
    split_values,
    to_number,
    use_index,
    use_key,
)


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


def test_number_rows_and_single_numbers():
    assert number_rows("1, 3\n\n 1/3；1 \n") == [["1", "3"], ["1/3", "1"]]
    assert number_rows("") == [] and number_rows(None) == []
    assert to_number(" 0.7 ") == 0.7 and to_number("1e3") == 1000.0
    assert to_number("0,7") is None and to_number("1/3") is None and to_number("") is None
    assert to_number("nan") is None and to_number("-inf") is None
    assert math.isinf(to_number("inf", finite=False))


def test_matrix_rows_full_width_and_empty_rows():
    assert matrix_rows(" urban, suit_u ;\n farmland，/d/f.tif；；") == [["urban", "suit_u"], ["farmland", "/d/f.tif"]]
    assert matrix_rows("forest、2、3\r\n") == [["forest", "2", "3"]]
    assert matrix_rows("") == [] and matrix_rows(None) == []
    assert split_values("2, 3；5、 6\n") == ["2", "3", "5", "6"]
    assert holds_separator("a；b") and holds_separator("C:/x,y.tif") and not holds_separator("/data/f.tif")


def test_name_lists_and_directions():
    assert split_names("slope，distance、 flood, ") == ["slope", "distance", "flood"]
    assert split_names("") == []
    assert parse_directions("+, −，-", 3) == [True, False, False]
    assert parse_directions("", 2) == [True, True]
    for text, n in (("+,-", 3), ("+,x", 2), ("1,-", 2)):
        with pytest.raises(InputError, match=r"^Give one direction per criterion, \+ \(benefit\) or - \(cost\), e.g. \+,-,\+; got '"):
            parse_directions(text, n)


USES = ["urban", "farmland", "forest"]


def test_suitability_rows():
    assert parse_suitability("urban, s_u；Farmland，/d/f.tif") == [("urban", "s_u"), ("Farmland", "/d/f.tif")]
    cases = [
        ("", "SUITABILITY is empty: give one row per land use"),
        ("urban", "SUITABILITY row 'urban' needs two values: a land use and a field of the units or a raster"),
        ("urban, a, b", "SUITABILITY row 'urban, a, b' needs two values"),
        ("urban, a; URBAN , b", "SUITABILITY lists the use 'URBAN' twice"),
    ]
    for text, message in cases:
        with pytest.raises(InputError, match="^" + re.escape(message)):
            parse_suitability(text)


def test_demand_rows():
    demand, tolerance, given = parse_demand("Urban, 1200, 50; farmland, 3000, 5%", USES)
    assert demand.tolist() == [1200, 3000, 0] and tolerance.tolist() == [50, 150, math.inf] and given == [True, True, False]
    demand, tolerance, given = parse_demand("forest，40；urban, 10, ", USES)
    assert demand.tolist() == [10, 0, 40] and tolerance.tolist() == [0, math.inf, 0] and given == [True, False, True]
    cases = [
        ("", "DEMAND is empty: give one row per land use"),
        ("urban", "DEMAND row 'urban' needs a land use, the required area (ha) and optionally a tolerance"),
        ("urban, 1, 2, 3", "DEMAND row 'urban, 1, 2, 3' needs a land use"),
        ("water, 1", "DEMAND names the use 'water', which is not in SUITABILITY (the uses are urban, farmland, forest)"),
        ("urban, 1; urban, 2", "DEMAND lists the use 'urban' twice"),
        ("urban, lots, 1", "DEMAND of urban: 'lots' is not a number"),
        ("urban, nan", "DEMAND of urban: 'nan' is not a number"),
        ("urban, 10, x%", "DEMAND tolerance of urban: 'x' is not a number"),
        ("urban, 10, inf", "DEMAND tolerance of urban: 'inf' is not a number"),
    ]
    for text, message in cases:
        with pytest.raises(InputError, match="^" + re.escape(message)):
            parse_demand(text, USES)


def test_current_use_class_rows():
    # the same use twice is harmless; a class value is a number (5 and 5.0 are one class)
    assert parse_classes("urban, 5; farmland, 1, 2；urban、5.0", USES) == {5.0: 0, 1.0: 1, 2.0: 1}
    cases = [
        ("", "CURRENT_USE_CLASSES is empty: say which raster values are which use"),
        ("urban", "CURRENT_USE_CLASSES row 'urban' needs a land use and at least one class value"),
        ("water, 3", "CURRENT_USE_CLASSES names the use 'water', which is not in SUITABILITY"),
        ("urban, five", "CURRENT_USE_CLASSES of urban: 'five' is not a number"),
        ("urban, 5; farmland, 1, 5.0", "CURRENT_USE_CLASSES gives the class 5 to two uses, urban and farmland; give each class value to one"),
    ]
    for text, message in cases:
        with pytest.raises(InputError, match="^" + re.escape(message)):
            parse_classes(text, USES)


def test_use_names_compare_trimmed_and_case_insensitive():
    assert use_key(" Urban ") == "urban" and use_key(5.0) == "5" and use_key(2.5) == "2.5"
    assert use_index("FOREST", USES, "DEVELOPMENT_USES") == 2


def test_yes_no_attributes():
    for value in (1, 2.5, -1, True, "1", " Yes", "TRUE", "t", "locked", "是", "锁定"):
        assert parse_flag(value) is True, value
    for value in (None, 0, 0.0, math.nan, False, "0", "no", "False", "", " ", "否"):
        assert parse_flag(value) is False, value
    assert parse_flag("maybe") is None and parse_flag("2") is None
