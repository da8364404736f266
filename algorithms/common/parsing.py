"""The small text languages users type into parameters, parsed in one place (algorithms and UI).

- Number lists (weights, breaks, distances, judgements): values separated by commas, semicolons,
  spaces or new lines, and by the full-width "，" "；" and "、" that a Chinese input method
  types; '.' is the decimal separator; fractions such as '1/3' are accepted.
- Number rows: a number list typed one row per line (the AHP judgement matrix).
- Matrix rows (tsr:landallocation's SUITABILITY, DEMAND, CURRENT_USE_CLASSES): rows separated
  by new lines or semicolons (and "；"), the values of a row by commas (and "，", "、"). A single
  multiline string types the same in the dialog, qgis_process and the Model Builder.
- Name lists (AHP CRITERIA, DEVELOPMENT_USES): names separated by commas ("，", "、" too).
- Direction lists (suitability DIRECTIONS): + for a benefit criterion, - (or −) for a cost.
- Yes/no attributes (LOCKED_FIELD): numbers, and words such as yes/no, true/false, 是/否.

Bad input raises InputError with a template the QGIS layer translates.
"""

from __future__ import annotations

import math
import re
from typing import Sequence

import numpy as np

from .messages import InputError, tr

#: Separators of the values of a number list.
SEPARATORS = re.compile(r"[,;，；、\s]+")
#: Rows of a matrix text, and the values within a row.
ROW_SEPARATORS = re.compile(r"[;\n\r；]+")
VALUE_SEPARATORS = re.compile(r"[,，、]")
#: Any character that separates rows or values of a matrix text.
MATRIX_SEPARATORS = re.compile(r"[,，、;\n\r；]")


# --- numbers --------------------------------------------------------------------------------------


def split_numbers(text: str) -> list[str]:
    """'0.2，0.4; 1/3' → ['0.2', '0.4', '1/3']."""
    return [token for token in SEPARATORS.split(text.strip()) if token]


def parse_numbers(text: str | Sequence[float] | None, what: str = "", finite: bool = True) -> list[float]:
    """The numbers of a typed list; fractions such as '1/3' (no spaces) are accepted, as in AHP
    judgements. An empty text gives an empty list. 'nan' and 'inf', which Python's float()
    reads, are refused: no list of weights, breaks, distances or judgements may hold them.
    `what` (e.g. the parameter's name) starts the error message; `finite=False` lets them through
    for a caller that names their place itself (a matrix's row and column)."""
    if text is None:
        return []
    tokens = split_numbers(text) if isinstance(text, str) else list(text)
    values = []
    for token in tokens:
        try:
            if isinstance(token, str) and "/" in token:
                num, den = token.split("/", 1)
                value = float(num) / float(den)
            else:
                value = float(token)
        except (ValueError, TypeError, ZeroDivisionError):
            raise InputError(tr("{what}'{token}' is not a number"), what=f"{what}: " if what else "", token=token) from None
        if finite and not math.isfinite(value):
            raise InputError(tr("{what}'{token}' is not a finite number"), what=f"{what}: " if what else "", token=token)
        values.append(value)
    return values


def number_rows(text: str) -> list[list[str]]:
    """The values of a number list typed one row per line: the tokens of each non-empty line."""
    return [tokens for tokens in (split_numbers(line) for line in (text or "").splitlines()) if tokens]


def to_number(text: str, finite: bool = True) -> float | None:
    """One number typed alone (' 0.7 ', '1e3'; no fraction, no separator), or None when the text
    is not one; with `finite`, 'nan' and 'inf' are not numbers either."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) or not finite else None


#: Words of a yes/no attribute (e.g. LOCKED_FIELD), compared trimmed and case-insensitive.
TRUE_WORDS = frozenset({"1", "true", "t", "yes", "y", "locked", "是", "锁定"})
FALSE_WORDS = frozenset({"0", "false", "f", "no", "n", "", "否"})


def parse_flag(value) -> bool | None:
    """A yes/no attribute value: None (NULL) and 0 are no, other numbers yes (NaN no); a bool is
    itself; text by TRUE_WORDS / FALSE_WORDS ('1', 'yes', 'true', '是' …; '0', 'no', '' …).
    None for text that is neither, which the caller refuses with the feature named."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0 and not (isinstance(value, float) and math.isnan(value))
    word = str(value).strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


# --- matrices, names, directions --------------------------------------------------------------------


def matrix_rows(text: str) -> list[list[str]]:
    """Rows of a matrix text: rows by new lines or semicolons, values by commas, trimmed; empty
    rows are skipped."""
    return [[v.strip() for v in VALUE_SEPARATORS.split(row)] for row in ROW_SEPARATORS.split(text or "") if row.strip()]


def split_values(text: str) -> list[str]:
    """Every non-empty value of a matrix text, rows run together: '2, 3；5' → ['2', '3', '5']."""
    return [v.strip() for v in MATRIX_SEPARATORS.split(text or "") if v.strip()]


def holds_separator(text: str) -> bool:
    """Whether `text` (a name, a path) would be cut in two inside a matrix text."""
    return MATRIX_SEPARATORS.search(text) is not None


def split_names(text: str) -> list[str]:
    """A list of names: 'urban，farmland, ' → ['urban', 'farmland']."""
    return [name.strip() for name in VALUE_SEPARATORS.split(text or "") if name.strip()]


def parse_directions(text: str, n: int) -> list[bool]:
    """One direction per criterion: True for a benefit (+), False for a cost (- or −); an empty
    text makes all n criteria benefits."""
    tokens = split_numbers((text or "").replace("−", "-"))
    if not tokens:
        return [True] * n
    if len(tokens) != n or any(t not in ("+", "-") for t in tokens):
        raise InputError(tr("Give one direction per criterion, + (benefit) or - (cost), e.g. +,-,+; got '{text}'"), text=text)
    return [t == "+" for t in tokens]


# --- land-use rows (tsr:landallocation) -------------------------------------------------------------


def use_key(name) -> str:
    """How land-use names are compared: trimmed, case-insensitive (whole numbers as integers)."""
    if isinstance(name, float) and name.is_integer():
        name = int(name)
    return str(name).strip().casefold()


def use_index(name: str, uses: Sequence[str], what: str) -> int:
    """The index of the use `name` among `uses`; `what` names the parameter that gave it."""
    keys = [use_key(u) for u in uses]
    if use_key(name) not in keys:
        raise InputError(
            tr("{what} names the use '{use}', which is not in SUITABILITY (the uses are {uses})"), what=what, use=name, uses=", ".join(uses)
        )
    return keys.index(use_key(name))


def parse_suitability(text: str) -> list[tuple[str, str]]:
    """SUITABILITY rows (use, field or raster), in order; at least one, no use twice."""
    rows = matrix_rows(text)
    if not rows:
        raise InputError(tr("SUITABILITY is empty: give one row per land use, e.g. urban, suit_urban; farmland, /data/farm_suitability.tif"))
    out, seen = [], set()
    for row in rows:
        if len(row) != 2 or not row[0] or not row[1]:
            raise InputError(tr("SUITABILITY row '{row}' needs two values: a land use and a field of the units or a raster"), row=", ".join(row))
        if use_key(row[0]) in seen:
            raise InputError(tr("SUITABILITY lists the use '{use}' twice"), use=row[0])
        seen.add(use_key(row[0]))
        out.append((row[0], row[1]))
    return out


def parse_demand(text: str, uses: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[bool]]:
    """DEMAND rows (use, required area in ha, tolerance in ha or as a percentage of the area,
    default 0): demand and tolerance per use, and which uses have a row (the others: area free,
    tolerance infinite)."""
    k = len(uses)
    demand, tolerance, given = np.zeros(k), np.full(k, math.inf), [False] * k
    rows = matrix_rows(text)
    if not rows:
        raise InputError(tr("DEMAND is empty: give one row per land use, e.g. urban, 1200, 50; farmland, 3000, 5%"))
    for row in rows:
        if len(row) not in (2, 3) or not row[0]:
            raise InputError(
                tr("DEMAND row '{row}' needs a land use, the required area (ha) and optionally a tolerance (ha, or a percentage such as 5%)"),
                row=", ".join(row),
            )
        u = use_index(row[0], uses, "DEMAND")
        if given[u]:
            raise InputError(tr("DEMAND lists the use '{use}' twice"), use=row[0])
        area = to_number(row[1])
        if area is None:
            raise InputError(tr("DEMAND of {use}: '{text}' is not a number"), use=row[0], text=row[1])
        tol_text = (row[2] if len(row) == 3 else "0") or "0"
        percent = tol_text.endswith("%")
        value_text = tol_text[:-1].strip() if percent else tol_text
        tol = to_number(value_text)
        if tol is None:
            raise InputError(tr("DEMAND tolerance of {use}: '{text}' is not a number"), use=row[0], text=value_text)
        demand[u], tolerance[u], given[u] = area, area * tol / 100.0 if percent else tol, True
    return demand, tolerance, given


def parse_classes(text: str, uses: Sequence[str]) -> dict[float, int]:
    """CURRENT_USE_CLASSES rows (use, class value, class value, …): class value → use index.
    A class value given to two different uses is refused (which one would the land be?)."""
    mapping: dict[float, int] = {}
    for row in matrix_rows(text):
        if len(row) < 2:
            raise InputError(tr("CURRENT_USE_CLASSES row '{row}' needs a land use and at least one class value"), row=", ".join(row))
        u = use_index(row[0], uses, "CURRENT_USE_CLASSES")
        for value in row[1:]:
            if not value:
                continue
            key = to_number(value)
            if key is None:
                raise InputError(tr("CURRENT_USE_CLASSES of {use}: '{text}' is not a number"), use=row[0], text=value)
            if key in mapping and mapping[key] != u:
                raise InputError(
                    tr("CURRENT_USE_CLASSES gives the class {value} to two uses, {first} and {second}; give each class value to one use only"),
                    value=f"{key:g}",
                    first=uses[mapping[key]],
                    second=uses[u],
                )
            mapping[key] = u
    if not mapping:
        raise InputError(tr("CURRENT_USE_CLASSES is empty: say which raster values are which use, e.g. urban, 5; farmland, 1; forest, 2, 3"))
    return mapping
