"""Service coverage: who reaches a facility within which cost, how loaded each facility is,
and the two-step floating catchment area (2SFCA) accessibility.

All functions take the sparse origin–destination costs of `costs.CostMatrix` (demand points ×
facilities, only the pairs within the largest threshold), populations in persons and
capacities in persons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .costs import CostMatrix

#: Planning-standard presets: (thresholds in metres, m² of effective area per person).
#: GB 50413-2007 §8.2.8–8.2.10: emergency shelters 500 m and ≥ 1 m²/person, fixed shelters
#: 2–3 km and ≥ 2 m²/person; GB 50180-2018 and TD/T 1062-2021: 5-, 10- and 15-minute life
#: circles of about 300, 500 and 1000 m walking.
PRESETS: dict[str, tuple[tuple[float, ...], float | None]] = {
    "emergency_shelter": ((500.0,), 1.0),
    "fixed_shelter": ((2000.0, 3000.0), 2.0),
    "life_circles": ((300.0, 500.0, 1000.0), None),
}


@dataclass(frozen=True)
class Coverage:
    """Coverage of demand points by facilities.

    Per demand point: `nearest` facility (−1 none within the largest threshold) and its
    `cost`; `covered[i, k]` when some facility is within threshold k; `accessibility`, the
    2SFCA index at the first threshold. Per facility: `demand[j, k]`, the population within
    threshold k of it (a resident near two facilities counts for both), and `assigned[j]`,
    the population for which it is the nearest facility within the first threshold.
    """

    thresholds: tuple[float, ...]
    nearest: np.ndarray
    cost: np.ndarray
    covered: np.ndarray
    accessibility: np.ndarray
    demand: np.ndarray
    assigned: np.ndarray

    def covered_population(self, population: np.ndarray) -> np.ndarray:
        """Population within each threshold of some facility (persons)."""
        return population @ self.covered


def nearest_facility(pairs: CostMatrix, open_sites: np.ndarray | None = None, limit: float = np.inf) -> tuple[np.ndarray, np.ndarray]:
    """Nearest facility and its cost per origin (−1 and ∞ when there is none); ties go to
    the facility listed first (the lowest index).

    Only the facilities marked in ``open_sites`` (a mask over the candidates; None = all)
    and the pairs with cost ≤ ``limit`` count.  The one nearest-site rule of the core: the
    location models' assignment of demand to open sites, the nearest-shelter evacuation and
    service coverage all use it."""
    keep = pairs.cost <= limit
    if open_sites is not None:
        keep &= np.asarray(open_sites, dtype=bool)[pairs.candidate]
    o, d, c = pairs.demand[keep], pairs.candidate[keep], pairs.cost[keep]
    nearest = np.full(pairs.n_demand, -1, dtype=np.int64)
    cost = np.full(pairs.n_demand, np.inf)
    if len(c):
        order = np.lexsort((d, c, o))
        o, d, c = o[order], d[order], c[order]
        first = np.r_[True, o[1:] != o[:-1]]
        nearest[o[first]], cost[o[first]] = d[first], c[first]
    return nearest, cost


def two_step_fca(pairs: CostMatrix, population: np.ndarray, supply: np.ndarray, catchment: float) -> tuple[np.ndarray, np.ndarray]:
    """Two-step floating catchment area (Luo & Wang 2003, Environment and Planning B 30:865–884).

    Step 1, per facility j: R_j = S_j / Σ_{k: d_kj ≤ d₀} P_k, the supply per person in its
    catchment (0 when nobody is in it). Step 2, per demand i: A_i = Σ_{j: d_ij ≤ d₀} R_j.
    With S in persons of capacity, A is capacity per resident (1 = one place per person).
    Returns (A per demand point, R per facility).
    """
    within = pairs.cost <= catchment
    o, d = pairs.demand[within], pairs.candidate[within]
    reached = np.bincount(d, weights=population[o], minlength=pairs.n_candidates)
    ratio = np.divide(supply, reached, out=np.zeros(pairs.n_candidates), where=reached > 0)
    access = np.bincount(o, weights=ratio[d], minlength=pairs.n_demand)
    return access, ratio


def coverage(pairs: CostMatrix, population: np.ndarray, capacity: np.ndarray, thresholds: Sequence[float]) -> Coverage:
    """Coverage of `population` (per demand point) by facilities of `capacity` (persons)
    within each of `thresholds` (increasing, in the unit of the costs)."""
    population = np.asarray(population, dtype=float)
    thresholds = tuple(float(t) for t in thresholds)
    nearest, cost = nearest_facility(pairs)
    covered = cost[:, None] <= np.asarray(thresholds)[None, :]
    demand = np.stack(
        [np.bincount(pairs.candidate, weights=population[pairs.demand] * (pairs.cost <= t), minlength=pairs.n_candidates) for t in thresholds],
        axis=1,
    )
    first = covered[:, 0] & (nearest >= 0)
    assigned = np.bincount(nearest[first], weights=population[first], minlength=pairs.n_candidates)
    access, _ = two_step_fca(pairs, population, np.asarray(capacity, dtype=float), thresholds[0])
    return Coverage(thresholds, nearest, cost, covered, access, demand, assigned)


#: Points of the coverage curve: costs 0, t/40, …, t for the largest threshold t.
CURVE_POINTS = 41


def coverage_curve(
    cost: np.ndarray, population: np.ndarray, total: float, largest: float, points: int = CURVE_POINTS
) -> tuple[np.ndarray, np.ndarray]:
    """The population covered against the cost to the nearest facility.

    At costs sₖ = k·largest/(points − 1), k = 0 … points − 1, the share
    C(sₖ) = 100 · Σ{pᵢ : cᵢ ≤ sₖ} / P (%), with cᵢ the cost from demand i to its nearest facility
    (∞ when none is reached), pᵢ its population and P = `total`, the whole population (people that
    could not be located included, so that they count as not covered). Returns (costs, shares).
    """
    steps = np.linspace(0.0, float(largest), points)
    cost = np.asarray(cost, dtype=float)
    weight = np.asarray(population, dtype=float)
    order = np.argsort(cost, kind="stable")
    cumulative = np.concatenate([[0.0], np.cumsum(weight[order])])
    reached = cumulative[np.searchsorted(cost[order], steps, side="right")]
    shares = 100.0 * reached / total if total > 0 else np.zeros(points)
    return steps, shares


@dataclass(frozen=True)
class CapacityBalance:
    """Facility capacity against the population (persons), for facilities of known capacity.

    `total_capacity` = Σ_j S_j (unknown capacities left out); `gap` = max(P − Σ S_j, 0) with P the
    whole population; `beyond[j]` = max(assigned_j − S_j, 0), the people assigned to j (nearest
    facility within the first threshold) beyond its capacity (unknown capacity counts 0);
    `overloaded` = #{j : beyond_j > 0}."""

    total_capacity: float
    gap: float
    beyond: np.ndarray

    @property
    def overloaded(self) -> int:
        return int(np.sum(self.beyond > 0))


def capacity_balance(assigned: np.ndarray, capacity: np.ndarray, total_population: float) -> CapacityBalance:
    """The capacity balance of :class:`CapacityBalance` (NaN capacity = unknown)."""
    capacity = np.asarray(capacity, dtype=float)
    total = float(np.nansum(capacity))
    beyond = np.maximum(np.asarray(assigned, dtype=float) - np.nan_to_num(capacity), 0.0)
    return CapacityBalance(total, max(float(total_population) - total, 0.0), beyond)
