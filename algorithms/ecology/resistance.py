"""A resistance surface (阻力面) from a land-cover raster, a resistance table and modifier rasters.

R₀ is the resistance of the cell's land-cover class (TABLE); classes in BARRIER_CLASSES are
impassable (nodata). Modifiers mₖ are 0–1 rasters (e.g. a normalised slope, night-time light,
distance to roads turned into a degree, a hazard degree), weighted by wₖ:

- multiplicative (METHOD 0): R = R₀ · Πₖ (1 + wₖ mₖ); with the default wₖ = 1 a modifier at 1
  doubles the resistance. R ≥ R₀ ≥ 1.
- weighted sum (METHOD 1): s = w₀ b + Σₖ wₖ mₖ with b = (R₀ − R_min)/(R_max − R_min) the base
  normalised over the classes present (0 if they all have one resistance) and w₀ = 1 − Σₖ wₖ
  (so Σₖ wₖ < 1; without weights every term gets 1/(K + 1)); R = MIN_RESISTANCE + s ·
  (MAX_RESISTANCE − MIN_RESISTANCE).

A nodata cell of the land cover or of any modifier is nodata in the result.

The preset follows the first-level classes of the third national land survey (三调, GB/T 21010-2017)
with values of the order used in the Chinese ecological-security-pattern literature (forest lowest,
water and grassland low, farmland medium, built-up land highest, on a 1–1000 scale): e.g. Yu K J
(1999) Acta Ecologica Sinica 19(1): 8–15; Peng J et al. (2018) Acta Ecologica Sinica 38(7);
Li H et al. (2021), 生态安全格局 studies that grade resistance 1, 10, 30, 50, 100, 300, 500, 1000.
Every value is a suggestion to be edited for the study area.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum
from typing import Sequence

import numpy as np

from ..common.messages import InputError, tr
from ..common.parsing import parse_numbers, split_numbers


class Method(IntEnum):
    """How modifiers change the base resistance, in the order of the public `METHOD` parameter."""

    MULTIPLICATIVE = 0
    WEIGHTED_SUM = 1


#: 三调 (GB/T 21010-2017) first-level classes: (code, name, resistance).
PRESET: tuple[tuple[int, str, float], ...] = (
    (1, "耕地 cultivated land", 30.0),
    (2, "园地 garden land", 10.0),
    (3, "林地 forest", 1.0),
    (4, "草地 grassland", 5.0),
    (5, "商服用地 commercial land", 800.0),
    (6, "工矿仓储用地 industrial, mining and storage land", 1000.0),
    (7, "住宅用地 residential land", 800.0),
    (8, "公共管理与公共服务用地 public administration and service land", 600.0),
    (9, "特殊用地 special land", 500.0),
    (10, "交通运输用地 transport land", 500.0),
    (11, "水域及水利设施用地 water and water facilities", 10.0),
    (12, "其他土地 other land (bare land, saline land, sand)", 100.0),
)


def preset_matrix() -> list[str]:
    """The preset as the flat list of a Processing matrix parameter: class value, resistance, …"""
    flat: list[str] = []
    for code, _, value in PRESET:
        flat.extend([str(code), f"{value:g}"])
    return flat


def parse_table(values: Sequence | str | None) -> dict[float, float]:
    """The TABLE matrix (class value, resistance per row, flattened) as {class: resistance}.

    Resistances must be finite and ≥ 1; a class given twice is refused."""
    if isinstance(values, str) or values is None:
        numbers = parse_numbers(values or "", "TABLE")
    else:
        tokens: list[str] = []
        for v in values:
            text = "" if v is None else str(v).strip()
            if not text:
                raise InputError(tr("TABLE has an empty cell; give every row a class value and a resistance"))
            tokens.extend(split_numbers(text))  # a matrix typed as one text: "1 30; 2 10"
        numbers = parse_numbers(tokens, "TABLE")
    if not numbers:
        raise InputError(tr("TABLE is empty: give one row (class value, resistance) per land-cover class"))
    if len(numbers) % 2:
        raise InputError(tr("TABLE must have two columns (class value, resistance); it has {count} numbers"), count=len(numbers))
    table: dict[float, float] = {}
    for cls, value in zip(numbers[0::2], numbers[1::2]):
        if cls in table:
            raise InputError(tr("Class {cls:g} appears twice in TABLE"), cls=cls)
        if not value >= 1.0:
            raise InputError(
                tr("The resistance of class {cls:g} is {value:g}; resistances must be at least 1 (0 would make crossing free)"),
                cls=cls,
                value=value,
            )
        table[float(cls)] = float(value)
    return table


@dataclass(frozen=True)
class Resistance:
    """A resolved resistance model: table, barriers, modifier weights, method and range."""

    table: dict[float, float]
    barriers: frozenset[float] = frozenset()
    weights: tuple[float, ...] = ()
    method: Method = Method.MULTIPLICATIVE
    minimum: float = 1.0
    maximum: float = 1000.0
    base_low: float = 1.0
    base_high: float = 1.0

    def __post_init__(self) -> None:
        if any(not math.isfinite(w) or w < 0 for w in self.weights):
            raise InputError(tr("MODIFIER_WEIGHTS must be finite numbers of at least 0"))
        if self.method == Method.WEIGHTED_SUM:
            if not (math.isfinite(self.minimum) and math.isfinite(self.maximum) and 1.0 <= self.minimum < self.maximum):
                raise InputError(
                    tr("MIN_RESISTANCE and MAX_RESISTANCE must satisfy 1 ≤ minimum < maximum; got {low:g} and {high:g}"),
                    low=self.minimum,
                    high=self.maximum,
                )
            if self.weights and sum(self.weights) >= 1.0:
                raise InputError(
                    tr(
                        "For the weighted sum the modifier weights must add up to less than 1 (the base land-cover resistance takes "
                        "the rest); they add up to {total:g}"
                    ),
                    total=sum(self.weights),
                )

    @classmethod
    def build(
        cls,
        table: dict[float, float],
        classes_present: Sequence[float],
        barriers: Sequence[float] = (),
        weights: Sequence[float] = (),
        modifiers: int = 0,
        method: Method = Method.MULTIPLICATIVE,
        minimum: float = 1.0,
        maximum: float = 1000.0,
    ) -> "Resistance":
        """Check the classes present against the table (a missing class is an error naming it)
        and resolve the weights (default: 1 each for the product, equal shares for the sum)."""
        barrier_set = frozenset(float(b) for b in barriers)
        missing = sorted(c for c in set(float(c) for c in classes_present) if c not in table and c not in barrier_set)
        if missing:
            raise InputError(
                tr("Land-cover class(es) {classes} are not in TABLE; add a row (class value, resistance) for each, or list them as barriers"),
                classes=", ".join(f"{c:g}" for c in missing),
            )
        weights = tuple(float(w) for w in weights)
        if weights and len(weights) != modifiers:
            raise InputError(
                tr("MODIFIER_WEIGHTS has {count} weight(s) for {modifiers} modifier raster(s); give one weight per modifier or none"),
                count=len(weights),
                modifiers=modifiers,
            )
        if not weights:
            weights = (1.0,) * modifiers if method == Method.MULTIPLICATIVE else (1.0 / (modifiers + 1),) * modifiers
        present = [table[c] for c in set(float(c) for c in classes_present) if c in table and c not in barrier_set]
        low, high = (min(present), max(present)) if present else (1.0, 1.0)
        return cls(table, barrier_set, weights, Method(method), float(minimum), float(maximum), low, high)

    @property
    def base_weight(self) -> float:
        return 1.0 - sum(self.weights)

    def __call__(self, landcover: np.ndarray, modifiers: Sequence[np.ndarray] = ()) -> np.ndarray:
        """The resistance of a block (float32, NaN = nodata or barrier)."""
        base = lookup(landcover, self.table, self.barriers)
        for m in modifiers:
            valid = m[~np.isnan(m)]
            if valid.size and (valid.min() < 0.0 or valid.max() > 1.0):
                raise InputError(
                    tr("A modifier raster holds values outside 0–1 ({low:g} … {high:g}); normalise it first (e.g. with Normalise hazard)"),
                    low=float(valid.min()),
                    high=float(valid.max()),
                )
        if self.method == Method.MULTIPLICATIVE:
            out = base.astype(np.float64)
            for w, m in zip(self.weights, modifiers):
                out *= 1.0 + w * m
        else:
            span = self.base_high - self.base_low
            b = (base - self.base_low) / span if span > 0 else np.where(np.isnan(base), np.nan, 0.0)
            s = self.base_weight * b.astype(np.float64)
            for w, m in zip(self.weights, modifiers):
                s = s + w * m
            out = self.minimum + s * (self.maximum - self.minimum)
        return out.astype(np.float32)

    def formula(self) -> str:
        if self.method == Method.MULTIPLICATIVE:
            terms = "".join(f" · (1 + {w:g}·m{k + 1})" for k, w in enumerate(self.weights))
            return f"R = R0{terms}"
        terms = "".join(f" + {w:g}·m{k + 1}" for k, w in enumerate(self.weights))
        return (
            f"R = {self.minimum:g} + ({self.base_weight:g}·(R0 − {self.base_low:g})/({self.base_high:g} − {self.base_low:g}){terms})"
            f" · ({self.maximum:g} − {self.minimum:g})"
        )


def lookup(landcover: np.ndarray, table: dict[float, float], barriers: frozenset[float] = frozenset()) -> np.ndarray:
    """R₀ of each cell (float32): the table value of its class; NaN for nodata and barriers.
    A class neither in the table nor a barrier raises InputError naming it."""
    classes = np.array(sorted(table), dtype=np.float64)
    values = np.array([table[c] for c in sorted(table)], dtype=np.float32)
    out = np.full(landcover.shape, np.nan, dtype=np.float32)
    valid = ~np.isnan(landcover)
    if barriers:
        valid &= ~np.isin(landcover, np.array(sorted(barriers), dtype=np.float32))
    cells = landcover[valid].astype(np.float64)
    pos = np.clip(np.searchsorted(classes, cells), 0, max(classes.size - 1, 0))
    hit = classes[pos] == cells if classes.size else np.zeros(cells.shape, bool)
    if not np.all(hit):
        missing = np.unique(cells[~hit])
        raise InputError(
            tr("Land-cover class(es) {classes} are not in TABLE; add a row (class value, resistance) for each, or list them as barriers"),
            classes=", ".join(f"{c:g}" for c in missing[:20]),
        )
    out[valid] = values[pos]
    return out


def classes_in(block: np.ndarray) -> np.ndarray:
    """The distinct class values of a land-cover block (nodata left out)."""
    return np.unique(block[~np.isnan(block)])
