"""Turning a hazard or indicator raster into a 0–1 degree (membership) block by block.

Every function maps a float block (NaN = nodata) to a float32 block in [0, 1] with NaN kept.
`x` is the raw value in the raster's own unit; `a`, `b` are control points in that unit.

References: fuzzy memberships after Eastman (1999, IDRISI "FUZZY" module) and Zadeh (1965);
the return-period conversion is the Poisson annual exceedance probability (Chow, Maidment &
Mays 1988, Applied Hydrology, §12.1).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum
from typing import Sequence

import numpy as np

from ..common.messages import InputError, tr


class Method(IntEnum):
    """Normalisation methods, in the order of the public `METHOD` parameter."""

    MINMAX = 0
    PERCENTILE = 1
    FUZZY_LINEAR = 2
    FUZZY_SIGMOID = 3
    FUZZY_GAUSSIAN = 4
    TABLE = 5
    RETURN_PERIOD = 6


class Direction(IntEnum):
    """Whether a higher raw value means more hazard (0) or less (1)."""

    HIGHER_IS_MORE = 0
    HIGHER_IS_LESS = 1


def linear_membership(x: np.ndarray, a: float, b: float) -> np.ndarray:
    """μ = clip((x − a)/(b − a), 0, 1): 0 at and below `a`, 1 at and above `b`."""
    return np.clip((x - np.float32(a)) / np.float32(b - a), 0.0, 1.0).astype(np.float32, copy=False)


def sigmoid_membership(x: np.ndarray, a: float, b: float) -> np.ndarray:
    """Eastman's sigmoidal (cosine) membership: μ = sin²(t·π/2), t = clip((x − a)/(b − a), 0, 1).

    μ(a) = 0, μ((a + b)/2) = 0.5, μ(b) = 1, with zero slope at both control points.
    """
    t = linear_membership(x, a, b)
    return np.square(np.sin(t * np.float32(math.pi / 2))).astype(np.float32, copy=False)


def gaussian_membership(x: np.ndarray, a: float, b: float) -> np.ndarray:
    """Gaussian bell with μ = 1 at c = (a + b)/2 and μ = 0.5 at `a` and `b`.

    μ = exp(−ln 2 · ((x − c)/h)²), h = (b − a)/2: `a` and `b` bound the full width at half maximum.
    """
    c = (a + b) / 2.0
    h = (b - a) / 2.0
    z = (x - np.float32(c)) / np.float32(h)
    return np.exp(np.float32(-math.log(2.0)) * z * z).astype(np.float32, copy=False)


def annual_exceedance_probability(t_years: np.ndarray) -> np.ndarray:
    """AEP = 1 − exp(−1/T) for a return period T in years (Poisson arrivals); T ≤ 0 → NaN.

    For T ≫ 1 this tends to 1/T; for T = 1 it gives 0.632, not 1. A return period ≤ 0 has no
    probability: such cells become nodata, and :func:`dropped_cells` counts them so that the
    caller reports them (they are never turned into a probability).
    """
    t = np.where(t_years > 0, t_years, np.nan)
    with np.errstate(divide="ignore", over="ignore"):
        return (-np.expm1(-1.0 / t)).astype(np.float32, copy=False)


def dropped_cells(x: np.ndarray, degree: np.ndarray) -> int:
    """Cells that had a value in the input but none in the result (return period ≤ 0, or no
    row of the reclassification table matched)."""
    return int(np.count_nonzero(~np.isnan(x) & np.isnan(degree)))


@dataclass(frozen=True)
class TableRow:
    """Cells with lower < x ≤ upper get `value` (QGIS's "min < value <= max" rule)."""

    lower: float
    upper: float
    value: float


def parse_table(flat: Sequence[object]) -> list[TableRow]:
    """Rows from a flat min,max,value list; an empty bound means unbounded on that side."""
    if len(flat) % 3:
        raise InputError(tr("The reclassification table needs three columns: minimum, maximum, value"))

    def number(v: object, default: float) -> float:
        if v is None or str(v).strip() == "":
            return default
        try:
            number = float(str(v).strip())
        except ValueError:
            raise InputError(tr("'{value}' in the reclassification table is not a number"), value=v) from None
        if math.isnan(number):
            # NaN compares false with every value: the row could never match
            raise InputError(tr("'{value}' in the reclassification table is not a number"), value=v)
        return number

    rows = []
    for i in range(0, len(flat), 3):
        row = TableRow(number(flat[i], -math.inf), number(flat[i + 1], math.inf), number(flat[i + 2], math.nan))
        if math.isnan(row.value) or not 0.0 <= row.value <= 1.0:
            raise InputError(tr("Table row {row}: the value must be a degree between 0 and 1, got {value}"), row=i // 3 + 1, value=flat[i + 2])
        if row.lower >= row.upper:
            raise InputError(
                tr("Table row {row}: the minimum {lower} is not below the maximum {upper}"), row=i // 3 + 1, lower=row.lower, upper=row.upper
            )
        rows.append(row)
    if not rows:
        raise InputError(tr("The reclassification table is empty"))
    return rows


def table_membership(x: np.ndarray, rows: Sequence[TableRow]) -> np.ndarray:
    """Value of the first row with lower < x ≤ upper; NaN where no row matches."""
    out = np.full(x.shape, np.nan, dtype=np.float32)
    unset = ~np.isnan(x)
    for row in rows:
        hit = unset & (x > row.lower) & (x <= row.upper)
        out[hit] = row.value
        unset &= ~hit
    return out


@dataclass(frozen=True)
class Normalization:
    """A fully resolved normalisation: method, control points in raster units, direction.

    `lower`/`upper` are the control points a < b (for min-max and percentile min-max they are
    the resolved minimum and maximum). Direction is applied as μ' = 1 − μ; it does not apply to
    the table (values are given explicitly) or to return periods (the probability already
    decreases with T).
    """

    method: Method
    lower: float = math.nan
    upper: float = math.nan
    direction: Direction = Direction.HIGHER_IS_MORE
    table: tuple[TableRow, ...] = ()

    def __post_init__(self) -> None:
        if self.method in (Method.TABLE, Method.RETURN_PERIOD):
            return
        if not (math.isfinite(self.lower) and math.isfinite(self.upper)):
            raise InputError(tr("The lower and upper control points must be finite numbers"))
        if self.lower == self.upper:
            raise InputError(
                tr(
                    "The lower and upper control points are both {value:g}: a single value cannot be stretched to 0–1; "
                    "give two different control points, or use a reclassification table"
                ),
                value=self.lower,
            )
        if self.lower > self.upper:
            raise InputError(
                tr(
                    "The lower control point ({lower:g}) must be below the upper one ({upper:g}); "
                    "to make higher values less hazardous, keep lower < upper and set the direction instead"
                ),
                lower=self.lower,
                upper=self.upper,
            )

    @property
    def uses_direction(self) -> bool:
        return self.method not in (Method.TABLE, Method.RETURN_PERIOD)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        if self.method in (Method.MINMAX, Method.PERCENTILE, Method.FUZZY_LINEAR):
            mu = linear_membership(x, self.lower, self.upper)
        elif self.method == Method.FUZZY_SIGMOID:
            mu = sigmoid_membership(x, self.lower, self.upper)
        elif self.method == Method.FUZZY_GAUSSIAN:
            mu = gaussian_membership(x, self.lower, self.upper)
        elif self.method == Method.TABLE:
            return table_membership(x, self.table)
        else:
            return annual_exceedance_probability(x)
        if self.direction == Direction.HIGHER_IS_LESS:
            mu = np.float32(1.0) - mu
        return mu

    def formula(self) -> str:
        a, b = f"{self.lower:.6g}", f"{self.upper:.6g}"
        text = {
            Method.MINMAX: f"μ = clip((x − {a}) / ({b} − {a}), 0, 1)",
            Method.PERCENTILE: f"μ = clip((x − {a}) / ({b} − {a}), 0, 1)",
            Method.FUZZY_LINEAR: f"μ = clip((x − {a}) / ({b} − {a}), 0, 1)",
            Method.FUZZY_SIGMOID: f"μ = sin²(π/2 · clip((x − {a}) / ({b} − {a}), 0, 1))",
            Method.FUZZY_GAUSSIAN: f"μ = exp(−ln2 · ((x − {(self.lower + self.upper) / 2:.6g}) / {(self.upper - self.lower) / 2:.6g})²)",
            Method.TABLE: "μ = value of the first row with min < x ≤ max",
            Method.RETURN_PERIOD: "p = 1 − exp(−1 / T)",
        }[self.method]
        if self.uses_direction and self.direction == Direction.HIGHER_IS_LESS:
            text = f"1 − ({text})"
        return text


# --- control points taken from the data ------------------------------------------------------

#: Default percentiles (%) of the percentile min-max stretch.
DEFAULT_PERCENTILES = (2.0, 98.0)


def percentile_levels(lower: float | None, upper: float | None) -> tuple[float, float]:
    """The percentiles (%) of the percentile stretch: the given ones, else DEFAULT_PERCENTILES;
    they must satisfy 0 ≤ lower < upper ≤ 100."""
    p_low = DEFAULT_PERCENTILES[0] if lower is None else lower
    p_high = DEFAULT_PERCENTILES[1] if upper is None else upper
    if not 0.0 <= p_low < p_high <= 100.0:
        raise InputError(tr("Percentiles must satisfy 0 ≤ lower < upper ≤ 100; got {low:g} and {high:g}"), low=p_low, high=p_high)
    return p_low, p_high


def check_percentile_values(p_low: float, p_high: float, low: float, high: float) -> None:
    """The values at the two percentiles must differ (they coincide where many cells share one
    value), or nothing can be stretched between them."""
    if low >= high:
        raise InputError(
            tr(
                "Percentiles {pl:g} % and {ph:g} % are both {value:g}, because many cells share that value; "
                "choose percentiles further apart, or use min-max or a reclassification table"
            ),
            pl=p_low,
            ph=p_high,
            value=low,
        )


def stretch_points(lower: float | None, upper: float | None, vmin: float, vmax: float) -> tuple[float, float]:
    """Control points (a, b) of a min-max or fuzzy stretch over data in [vmin, vmax]: a missing
    lower point is the data minimum, a missing upper one the data maximum; a given point must
    leave room for the other one taken from the data."""
    if lower is None and upper is None and vmin == vmax:
        raise InputError(
            tr(
                "Every valid cell of the raster has the value {value:g}: a single value cannot be stretched to 0–1; "
                "give the control points LOWER and UPPER, or use a reclassification table"
            ),
            value=vmin,
        )
    if lower is not None and upper is None and lower >= vmax:
        raise InputError(
            tr(
                "The lower control point {lower:g} is not below the data maximum {vmax:g}, which is used as the upper control point; give UPPER "
                "as well, or a lower control point below {vmax:g}"
            ),
            lower=lower,
            vmax=vmax,
        )
    if upper is not None and lower is None and upper <= vmin:
        raise InputError(
            tr(
                "The upper control point {upper:g} is not above the data minimum {vmin:g}, which is used as the lower control point; give LOWER "
                "as well, or an upper control point above {vmin:g}"
            ),
            upper=upper,
            vmin=vmin,
        )
    return (vmin if lower is None else lower), (vmax if upper is None else upper)
