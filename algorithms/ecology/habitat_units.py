"""Equivalent connected habitat of planning units: EC(PC) per township, for the ecological (E)
dimension of the SETS index.

A unit u (a township, a county …) holds the part of each patch i that lies inside it, the patch's
attribute split in proportion to area:

    aᵢᵤ = aᵢ · area(Pᵢ ∩ Uᵤ) / area(Pᵢ)

and its equivalent connected habitat is Saura et al. (2011)'s EC restricted to that habitat, with
the connections of the whole landscape:

    ECᵤ = √(Σᵢ Σⱼ aᵢᵤ aⱼᵤ p*ᵢⱼ),   p*ᵢᵢ = 1,

p*ᵢⱼ the maximum-product probability of the whole network of patches (connectivity.py): a path may
leave the unit through patches outside it, as the unit's species do. Bounds: √(Σᵢ aᵢᵤ²) ≤ ECᵤ ≤
Σᵢ aᵢᵤ (isolated patches … habitat connected as one patch); a unit holding the whole of every patch
has the landscape's EC(PC). Reported per unit: its habitat Σᵢ aᵢᵤ, ECᵤ (in the unit of aᵢ: ha for
areas), ECᵤ as a share of the unit's area (per cent; comparable between units of different size: the
SETS indicator) and ECᵤ / habitat (the connected share of its own habitat).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, check
from .connectivity import Links, max_product_probabilities


@dataclass(frozen=True)
class UnitConnectivity:
    """Per unit (in the order of the units): habitat Σᵢ aᵢᵤ, ECᵤ, ECᵤ in per cent of the unit's area
    (NaN for a unit without area), ECᵤ / habitat (NaN without habitat)."""

    habitat: np.ndarray
    ec_pc: np.ndarray
    ec_pc_pct: np.ndarray
    connected_share: np.ndarray


def habitat_shares(
    patches: Sequence[BaseGeometry], units: Sequence[BaseGeometry | None], *, cancelled: CancelCheck = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(patch index, unit index, area(Pᵢ ∩ Uᵤ) / area(Pᵢ)) of every patch and unit that overlap with
    an area (a bounding-box filter, then shapely's exact intersection). A unit of None or empty
    geometry overlaps nothing. Patches must have an area."""
    bounds = np.array([p.bounds for p in patches], dtype=float).reshape(-1, 4)
    areas = np.array([p.area for p in patches], dtype=float)
    if np.any(areas <= 0):
        raise InputError(tr("Every habitat patch must have an area"))
    rows: list[int] = []
    cols: list[int] = []
    fractions: list[float] = []
    for u, unit in enumerate(units):
        check(cancelled)
        if unit is None or unit.is_empty:
            continue
        west, south, east, north = unit.bounds
        near = np.flatnonzero((bounds[:, 0] <= east) & (bounds[:, 2] >= west) & (bounds[:, 1] <= north) & (bounds[:, 3] >= south))
        prepared = prep(unit)
        for i in near:
            patch = patches[int(i)]
            if not prepared.intersects(patch):
                continue
            inside = patch.area if prepared.contains(patch) else patch.intersection(unit).area
            if inside > 0:
                rows.append(int(i))
                cols.append(u)
                fractions.append(min(inside / areas[i], 1.0))
    return np.asarray(rows, np.int64), np.asarray(cols, np.int64), np.asarray(fractions, float)


def unit_connectivity(
    attributes: Sequence[float],
    pstar: np.ndarray,
    shares: tuple[np.ndarray, np.ndarray, np.ndarray],
    unit_areas: Sequence[float],
) -> UnitConnectivity:
    """ECᵤ of every unit (see the module doc). `attributes`: aᵢ; `pstar`: the n × n maximum-product
    probabilities (connectivity.max_product_probabilities); `shares`: habitat_shares(…);
    `unit_areas`: each unit's area in the unit of the attributes (ha), for the percentage."""
    a = np.asarray(attributes, dtype=float)
    unit_areas = np.asarray(unit_areas, dtype=float)
    rows, cols, fractions = shares
    held = np.zeros((a.size, unit_areas.size))
    np.add.at(held, (rows, cols), a[rows] * fractions)  # aᵢᵤ
    habitat = held.sum(axis=0)
    ec = np.sqrt(np.maximum(np.einsum("iu,iu->u", held, pstar @ held), 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(unit_areas > 0, 100.0 * ec / unit_areas, np.nan)
        share = np.where(habitat > 0, ec / habitat, np.nan)
    return UnitConnectivity(habitat, ec, pct, share)


def measure_units(
    patches: Sequence[BaseGeometry],
    attributes: Sequence[float],
    links: Links,
    k: float,
    units: Sequence[BaseGeometry | None],
    *,
    cancelled: CancelCheck = None,
) -> UnitConnectivity:
    """ECᵤ of `units` (polygons in the patches' CRS, None without geometry; areas in ha for the
    percentage) for `patches` with `attributes`, linked by `links` with decay constant `k`."""
    shares = habitat_shares(patches, units, cancelled=cancelled)
    pstar = max_product_probabilities(len(patches), links, k)
    return unit_connectivity(attributes, pstar, shares, [u.area / 1e4 if u is not None else 0.0 for u in units])
