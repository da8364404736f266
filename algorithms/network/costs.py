"""Sparse origin–destination costs: the pairs of demand points and sites (facilities,
shelters, candidates) that can reach each other, with what it costs.

The network core (routing.od_costs) and straight lines (routing.straight_costs) produce them;
coverage, location-allocation and evacuation consume them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from ..common.messages import InputError, tr


def frozen(array: np.ndarray) -> np.ndarray:
    """`array`, made read-only (results handed out must not be changed in place)."""
    array.flags.writeable = False
    return array


@dataclass(frozen=True, eq=False)
class CostMatrix:
    """Costs of the reachable (demand, candidate) pairs, as sparse COO arrays.

    ``cost`` ≥ 0 in metres or minutes; a pair that is absent cannot be used (unreachable, or
    beyond the cutoff of the search that produced the matrix).  The pairs are kept sorted by
    demand, then candidate; the arrays are read-only.  Negative or non-finite costs and
    repeated pairs raise InputError; indices outside ``n_demand`` × ``n_candidates`` raise
    ValueError.
    """

    demand: np.ndarray
    candidate: np.ndarray
    cost: np.ndarray
    n_demand: int
    n_candidates: int

    def __post_init__(self) -> None:
        demand = np.array(self.demand, dtype=np.int64).ravel()
        candidate = np.array(self.candidate, dtype=np.int64).ravel()
        cost = np.array(self.cost, dtype=np.float64).ravel()
        if not len(demand) == len(candidate) == len(cost):
            raise ValueError("one demand index, one candidate index and one cost per pair")
        n_demand, n_candidates = int(self.n_demand), int(self.n_candidates)
        if len(demand) and (demand.min() < 0 or demand.max() >= n_demand or candidate.min() < 0 or candidate.max() >= n_candidates):
            raise ValueError("demand or candidate index outside the cost matrix")
        bad = np.flatnonzero(~np.isfinite(cost) | (cost < 0))
        if bad.size:
            k = bad[0]
            raise InputError(
                tr(
                    "The cost from demand point {demand} to candidate site {candidate} is "
                    "{cost}; costs must be zero or positive numbers (leave unreachable pairs "
                    "out)."
                ),
                demand=int(demand[k]),
                candidate=int(candidate[k]),
                cost=float(cost[k]),
            )
        key = demand * n_candidates + candidate
        if len(key) > 1 and not np.all(key[1:] > key[:-1]):
            order = np.argsort(key, kind="stable")
            demand, candidate, cost, key = demand[order], candidate[order], cost[order], key[order]
            repeated = np.flatnonzero(key[1:] == key[:-1])
            if repeated.size:
                k = repeated[0]
                raise InputError(
                    tr("The pair demand point {demand}, candidate site {candidate} appears more than once in the costs."),
                    demand=int(demand[k]),
                    candidate=int(candidate[k]),
                )
        object.__setattr__(self, "demand", frozen(demand))
        object.__setattr__(self, "candidate", frozen(candidate))
        object.__setattr__(self, "cost", frozen(cost))
        object.__setattr__(self, "n_demand", n_demand)
        object.__setattr__(self, "n_candidates", n_candidates)

    @classmethod
    def from_dense(cls, array: np.ndarray) -> "CostMatrix":
        """From an n_demand × n_candidates array; inf and NaN mark unreachable pairs."""
        a = np.asarray(array, dtype=np.float64)
        if a.ndim != 2:
            raise ValueError("a dense cost matrix has one row per demand point")
        demand, candidate = np.nonzero(np.isfinite(a))
        return cls(demand, candidate, a[demand, candidate], a.shape[0], a.shape[1])

    @property
    def n_pairs(self) -> int:
        return len(self.cost)

    def within(self, limit: float) -> "CostMatrix":
        """Only the pairs with c_ij ≤ ``limit``."""
        keep = self.cost <= limit
        return CostMatrix(self.demand[keep], self.candidate[keep], self.cost[keep], self.n_demand, self.n_candidates)

    def cost_of(self, demand: np.ndarray, candidate: np.ndarray) -> np.ndarray:
        """c_ij for the given pairs, inf where a pair is absent."""
        key = self.demand * self.n_candidates + self.candidate
        wanted = np.asarray(demand, dtype=np.int64) * self.n_candidates + np.asarray(candidate, dtype=np.int64)
        at = np.minimum(np.searchsorted(key, wanted), max(len(key) - 1, 0))
        found = (key[at] == wanted) if len(key) else np.zeros(wanted.shape, dtype=bool)
        return np.where(found, self.cost[at] if len(key) else np.inf, np.inf)


@dataclass(frozen=True)
class TableCosts:
    """A user's origin–destination table read into a CostMatrix (:func:`costs_from_table`).

    ``unknown``: rows naming a demand or site id that is not in the lists; ``empty``: rows
    without a cost (NULL, empty text) or with an infinite one, i.e. unreachable pairs;
    ``beyond``: rows whose cost exceeds the cutoff. None of them is used.
    """

    costs: CostMatrix
    unknown: int
    empty: int
    beyond: int


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    is_null = getattr(value, "isNull", None)  # a NULL QVariant, should one slip through
    return bool(is_null()) if callable(is_null) else False


def costs_from_table(
    rows: Iterable[tuple[object, object, object, object]],
    demand_ids: Sequence[str],
    site_ids: Sequence[str],
    cutoff: float = np.inf,
) -> TableCosts:
    """Costs from rows (row label, demand id, site id, cost) of a user's table.

    Ids are compared as text. A cost must be a number ≥ 0 (a number written as text is
    accepted); a missing cost (NULL or empty) and +∞ mean "unreachable" and are skipped.
    A negative, NaN or non-numeric cost, and a pair given twice, raise InputError naming the
    row by its label (e.g. the feature id), so the planner can find and fix it.
    """
    row_of = {str(d): i for i, d in enumerate(demand_ids)}
    col_of = {str(s): j for j, s in enumerate(site_ids)}
    seen: dict[tuple[int, int], object] = {}
    demand, candidate, cost = [], [], []
    unknown = empty = beyond = 0
    for label, origin, destination, value in rows:
        i = None if _is_missing(origin) else row_of.get(str(origin))
        j = None if _is_missing(destination) else col_of.get(str(destination))
        if i is None or j is None:
            unknown += 1
            continue
        if _is_missing(value):
            empty += 1
            continue
        try:
            number = float(value.strip() if isinstance(value, str) else value)
        except (TypeError, ValueError):
            raise InputError(
                tr("Row {row} of the cost table ({origin} → {destination}): the cost '{value}' is not a number."),
                row=label,
                origin=origin,
                destination=destination,
                value=value,
            ) from None
        if np.isnan(number) or number < 0:
            raise InputError(
                tr(
                    "Row {row} of the cost table ({origin} → {destination}): the cost is {value}; "
                    "costs must be zero or positive numbers (leave unreachable pairs out or empty)."
                ),
                row=label,
                origin=origin,
                destination=destination,
                value=number,
            )
        if (i, j) in seen:
            raise InputError(
                tr("Rows {first} and {row} of the cost table both give the cost from {origin} to {destination}."),
                first=seen[(i, j)],
                row=label,
                origin=origin,
                destination=destination,
            )
        seen[(i, j)] = label
        if np.isinf(number):
            empty += 1
            continue
        if number > cutoff:
            beyond += 1
            continue
        demand.append(i)
        candidate.append(j)
        cost.append(number)
    matrix = CostMatrix(
        np.asarray(demand, dtype=np.int64),
        np.asarray(candidate, dtype=np.int64),
        np.asarray(cost, dtype=float),
        len(demand_ids),
        len(site_ids),
    )
    return TableCosts(matrix, unknown, empty, beyond)
