"""Multi-objective land allocation under risk (土地利用多目标优化配置): NSGA-II scenarios.

Units i = 1..n (parcels, or the cells of a regular grid) with area aᵢ (ha), current use cᵢ,
a locked flag, suitability s_iu ∈ [0, 1] for each planned use u = 0..k−1 (NaN: u may not be
placed on i), risk rᵢ ∈ [0, 1] and optionally a population pᵢ. An allocation x gives every unit
a use xᵢ ∈ {0..k−1} or −1 ("other": none of the planned uses, e.g. water, roads, reserved land).

Constraints, met by every solution returned:
- locked units keep their current use (red lines, basic farmland, heritage);
- an unlocked unit takes u only where s_iu is a number (−1 is always allowed);
- demand: the area of each use, locked units included, lies within its required area ± its
  tolerance, both in hectares: d_u − t_u ≤ A_u(x) = Σ_{xᵢ=u} aᵢ ≤ d_u + t_u (a tolerance given
  as a share of the demand is d_u × share; math.inf leaves a use's area free). "Other" has no
  demand: it takes whatever the planned uses leave.

Objectives (any of them; natural sense given, NSGA-II minimises the negated maximised ones):
- SUITABILITY, maximise: the area-weighted mean suitability of the allocated uses over the
  unlocked units given a planned use, S = Σ aᵢ s_{i,xᵢ} / Σ aᵢ over {i unlocked, xᵢ ≥ 0}
  (0–1; 0 when no unlocked unit has a planned use). Locked units are left out because the plan
  cannot change them.
- RISK_EXPOSURE, minimise: E = Σ wᵢ rᵢ over the units allocated to a development use (the
  `development_uses`, e.g. urban and industrial land), with wᵢ = pᵢ (persons) when a population
  is given and wᵢ = aᵢ (ha) otherwise. pᵢ is the population the unit holds, or would hold, as
  development (e.g. planned density × area). Locked units count: E is the plan's total.
- COMPACTNESS, maximise: the share of the planned-use units' shared boundary that they share
  with a unit of the same use, C = Σ_{i,j} w_ij [xᵢ = xⱼ ≥ 0] / Σ_{i,j} w_ij [xᵢ ≥ 0] over the
  ordered neighbour pairs, w_ij the adjacency weight (1 for grid neighbours; the shared boundary
  length if the caller builds polygon adjacency with it). 1 when every planned-use unit only
  touches units of its own use; the study area's outer edge does not count. Locked units count,
  so growing next to existing land of the same use is compact.
- CONVERSIONS, minimise: V = Σ aᵢ [xᵢ ≠ cᵢ] (ha), the area whose use changes.

Operators (every one maps feasible allocations to feasible allocations; locked units are never
touched):
- crossover (CROSSOVER_PROBABILITY of the pairs; the others copy the first parent): the units
  of a random subset of the zones of a fixed partition, each zone with a probability drawn from
  U(0.1, 0.5) per child, are copied from the second parent (zone-uniform crossover). The partitions (zones of about 1, 4, 16, 64, 256
  units) are graph Voronoi regions of random seed units on the adjacency graph, so every
  exchanged zone is a contiguous patch;
- mutation, one of: a zone move (ZONE_MOVE_SHARE of them: a whole zone, at a random scale,
  takes one use where it is allowed, or "other", never the value all its units already have) or
  boundary flips (1..√n edges between units of different uses are drawn at random and the first
  unit takes its neighbour's use: patch edges move, concave units most often, since they have
  more such edges);
- repair, after each operator, brings every use's area within its demand ± tolerance, round by
  round: a use over its upper bound gives up boundary units (those with a neighbour of another
  use) to "other", fewest same-use neighbours and least merit first; a use under its lower bound
  takes units next to its patches (free units before units of uses that can spare them), most
  same-use neighbours and most merit first. The merit of unit i for use u is
  w₁·s_iu − w₂·wᵢrᵢ/max(wr) + w₃·[cᵢ = u], the exposure term only for development uses when
  RISK_EXPOSURE is an objective and the last only when CONVERSIONS is, with w₁, w₂, w₃ ~ U(0, 1)
  drawn per repair so that repairs push the scenarios in different directions. Units the
  mutation just changed are taken last. Growth is one ring of neighbours per round, so patches
  grow compact; a use with no patch starts from its unit of highest merit. A child whose repair
  fails within the round limit is replaced by its (feasible) parent.
- initial population: the current use (units where it is no longer allowed become "other"),
  the most suitable use of every unit and the empty plan (every unlocked unit "other"), each
  repaired, then copies of them with 1–5 mutations, repaired.

Before the run the demands are checked against the land they can use (the transportation
problem's Hall condition): for every set U of uses, Σ_{u∈U} max(d_u − t_u − L_u, 0) must not
exceed the area of the unlocked units where at least one use of U is allowed (L_u: the locked
area of u), and L_u ≤ d_u + t_u. These conditions are exact when units may be split; with
whole units a demand may still be unreachable (e.g. 10.5 ± 0.2 ha on 1 ha cells), or too narrow
for the greedy repair to hit: when no initial plan can be repaired, the run stops with a message
naming the uses whose area could not be met.

Cost (`estimate_run`, before a run): peak memory ≈ 12·P·n + (m + 3)·(2P)² bytes for P
solutions, n units and m objectives (`run_memory`); time ≈ (G + 3)·P·t_child + (G + 1)·t_sort
(`run_seconds`), with t_child — one child's crossover, mutation, repairs and evaluation — and
t_sort — the survivor sort of 2P solutions, quadratic in 2P — measured on this problem and this
machine just before the run. Runs needing more than 80 % of the available memory or estimated
above 12 hours are refused, runs above 10 minutes noted; every operator loop checks the cancel
callback once per child.

Hypervolume bounds (normalisation of the history, nsga2.HV_REFERENCE): S and C in [0, 1],
V in [0, unlocked area], E between the locked development's exposure and that plus the
exposure of every unlocked unit that could take a development use.

References: Deb et al. (2002), see nsga2.py. Stewart TJ, Janssen R, van Herwijnen M (2004)
Comput Oper Res 31(14):2293–2313. Cao K, Batty M, Huang B, Liu Y, Yu L, Chen J (2011) Int J
Geogr Inf Sci 25(12):1949–1969. Cao K, Huang B, Wang S, Lin H (2012) Comput Environ Urban Syst
36(3):257–269. Hall P (1935) J London Math Soc 10(1):26–30.
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass
from enum import IntEnum
from typing import Callable, Sequence

import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from ..common import machine
from ..common.messages import InputError, Message, tr
from ..common.progress import CancelCheck, Progress, check
from .nsga2 import nsga2, pick_scenarios, survivors

#: Approximate zone sizes (units) of the crossover and mutation partitions.
ZONE_SIZES = (1, 4, 16, 64, 256)
#: Share of children crossed (the others copy their first parent before mutation).
CROSSOVER_PROBABILITY = 0.9
#: Share of mutations that move a whole zone (the others flip patch boundaries).
ZONE_MOVE_SHARE = 0.8
#: Repair rounds after an operator; building the initial plans may need more (one ring per round).
REPAIR_ROUNDS = 30
MAX_POPULATION = 10_000
MAX_GENERATIONS = 100_000
#: Uses above which only single uses and all uses together are checked (2ᵏ sets otherwise).
HALL_MAX_USES = 12
#: Temporaries of one evaluation batch (bytes).
EVALUATION_BYTES = 64 << 20
#: Run cost (see `estimate_run`): a run estimated above SLOW_RUN_SECONDS is noted, one above
#: MAX_RUN_SECONDS or needing more than MEMORY_SHARE of the available memory is refused.
SLOW_RUN_SECONDS = 600.0
MAX_RUN_SECONDS = 12 * 3600.0
MEMORY_SHARE = 0.8
#: Children timed, and objective rows sorted, to measure the costs of a run.
TIMING_CHILDREN = 8
TIMING_SORT = 1024


class Objective(IntEnum):
    """Objectives, in the order of the public OBJECTIVES parameter."""

    SUITABILITY = 0
    RISK_EXPOSURE = 1
    COMPACTNESS = 2
    CONVERSIONS = 3


MAXIMISED = frozenset({Objective.SUITABILITY, Objective.COMPACTNESS})


@dataclass(frozen=True)
class ObjectiveInfo:
    """How to report one objective: name (a translatable template), sense and unit."""

    objective: Objective
    name: str
    maximise: bool
    unit: str


@dataclass(frozen=True)
class AllocationSummary:
    """One scenario in numbers (areas in ha).

    transitions[a, b]: area from current use a to allocated use b, index k = "other".
    suitability_by_use: mean suitability of each use over its unlocked units (NaN: none).
    exposed_population: Σ pᵢrᵢ over development units (NaN without a population);
    risk_weighted_development: Σ aᵢrᵢ over development units (ha).
    """

    area_by_use: np.ndarray
    other_area: float
    suitability: float
    suitability_by_use: np.ndarray
    exposed_population: float
    risk_weighted_development: float
    compactness: float
    converted_area: float
    converted_units: int
    transitions: np.ndarray


@dataclass(frozen=True)
class AllocationResult:
    """The non-dominated scenarios of a run.

    allocations: (scenarios × units) int16, use index or −1 ("other"); values: objective values
    in their natural sense, one column per entry of `objectives`; knee: index of the compromise
    scenario (nsga2.knee_index); hypervolume: normalised hypervolume of the front after each
    generation (index 0: initial population).
    """

    allocations: np.ndarray
    objectives: tuple[ObjectiveInfo, ...]
    values: np.ndarray
    knee: int
    hypervolume: np.ndarray
    summaries: tuple[AllocationSummary, ...]
    use_names: tuple[str, ...]

    def scenarios(self, count: int) -> list[int]:
        """The `count` scenarios kept as columns (nsga2.pick_scenarios): the knee, the best in
        each objective, then solutions spread along the front."""
        signs = np.array([-1.0 if o.maximise else 1.0 for o in self.objectives])
        return pick_scenarios(self.values * signs, self.knee, count)


def grid_adjacency(rows: int, cols: int) -> sp.csr_matrix:
    """4-neighbourhood of a rows × cols grid, units numbered row by row (unit = row·cols + col,
    numpy's ravel order), weight 1 per shared edge; symmetric CSR."""
    if rows < 1 or cols < 1:
        raise InputError(tr("The grid needs at least one row and one column"))
    index = np.arange(rows * cols).reshape(rows, cols)
    pairs = [(index[:, :-1].ravel(), index[:, 1:].ravel()), (index[:-1, :].ravel(), index[1:, :].ravel())]
    a = np.concatenate([p[0] for p in pairs])
    b = np.concatenate([p[1] for p in pairs])
    n = rows * cols
    upper = sp.coo_matrix((np.ones(a.size), (a, b)), shape=(n, n))
    return (upper + upper.T).tocsr()


def _voronoi_zones(adjacency: sp.csr_matrix, count: int, rng: np.random.Generator) -> np.ndarray:
    """Zone index of every unit: the nearest of `count` random seed units by neighbour steps
    (units no seed reaches get a zone of their own)."""
    n = adjacency.shape[0]
    if count >= n:
        return np.arange(n)
    seeds = rng.choice(n, size=count, replace=False)
    _, _, source = csgraph.dijkstra(adjacency, directed=False, indices=seeds, unweighted=True, min_only=True, return_predecessors=True)
    lonely = source < 0
    source[lonely] = n + np.flatnonzero(lonely)
    return np.unique(source, return_inverse=True)[1]


def _values(array, n: int, name: str, dtype=float) -> np.ndarray:
    a = np.asarray(array, dtype=dtype)
    if a.shape[:1] != (n,):
        raise ValueError(f"{name} needs one value per unit ({n}), got shape {a.shape}")
    return a


@dataclass(frozen=True)
class LandAllocationProblem:
    """A validated land-allocation problem, the `nsga2.Problem` of `allocate_land`. Built with
    `LandAllocationProblem.build`; see the module docstring for the model."""

    area: np.ndarray
    current: np.ndarray
    locked: np.ndarray
    allowed: np.ndarray  # uses × units: unlocked and suitable
    suitability: np.ndarray  # (uses + 1) × units, NaN → 0, last row ("other") 0
    risk: np.ndarray
    population: np.ndarray | None
    adjacency: sp.csr_matrix
    degree: np.ndarray
    low: np.ndarray
    high: np.ndarray
    development: np.ndarray  # k + 1 flags, last ("other") False
    exposure: np.ndarray  # wᵢrᵢ / max wᵢrᵢ: a unit's share of the worst exposure
    objectives: tuple[Objective, ...]
    use_names: tuple[str, ...]
    zones: tuple[np.ndarray, ...]
    edge_rows: np.ndarray  # row of every stored adjacency entry
    pairs: sp.coo_matrix  # the upper triangle of the adjacency: each neighbour pair once
    objective_lower: np.ndarray
    objective_upper: np.ndarray

    @classmethod
    def build(
        cls,
        area: Sequence[float],
        current: Sequence[int],
        locked: Sequence[bool],
        suitability: np.ndarray,
        risk: Sequence[float],
        adjacency: sp.spmatrix,
        demand: Sequence[float],
        tolerance: Sequence[float],
        objectives: Sequence[Objective],
        development_uses: Sequence[int] = (),
        population: Sequence[float] | None = None,
        use_names: Sequence[str] = (),
    ) -> "LandAllocationProblem":
        """Check the planner's inputs and the demands; raise InputError with a plain message.

        area (ha, > 0), current (use index, −1 = none/other), locked, risk (0–1) and population
        (≥ 0, optional) have one value per unit; suitability is units × uses (0–1, NaN = the
        use may not go there); adjacency is a symmetric units × units sparse matrix of
        non-negative weights (grid_adjacency, or polygon touches built by the caller);
        demand and tolerance are hectares per use; development_uses index the uses whose
        risk exposure counts.
        """
        area = np.asarray(area, dtype=float).ravel()
        n = area.size
        if n < 1:
            raise InputError(tr("There are no units to allocate"))
        s = np.asarray(suitability, dtype=float)
        if s.ndim != 2 or s.shape[0] != n:
            raise ValueError(f"suitability needs one row per unit ({n}), got shape {s.shape}")
        k = s.shape[1]
        names = tuple(use_names) or tuple(f"use {u + 1}" for u in range(k))
        if k < 1:
            raise InputError(tr("At least one land use is needed"))
        if len(names) != k:
            raise InputError(tr("{names} use names were given for {k} uses"), names=len(names), k=k)
        current = _values(current, n, "current", np.int64)
        locked = _values(locked, n, "locked", bool)
        risk = _values(risk, n, "risk")
        demand = np.asarray(demand, dtype=float).ravel()
        tolerance = np.asarray(tolerance, dtype=float).ravel()
        if demand.size != k or tolerance.size != k:
            raise InputError(tr("The demand table has {rows} rows for {k} uses; give one required area and tolerance per use"), rows=demand.size, k=k)
        if not np.all(np.isfinite(area) & (area > 0)):
            raise InputError(tr("{count} units have no positive area"), count=int(np.count_nonzero(~(np.isfinite(area) & (area > 0)))))
        if np.any((current < -1) | (current >= k)):
            raise InputError(
                tr("{count} units have a current use that is not one of the {k} uses (−1 means none or other)"),
                count=int(np.count_nonzero((current < -1) | (current >= k))),
                k=k,
            )
        bad = np.isinf(s) | (s < 0) | (s > 1)  # NaN compares False: it is allowed
        if bad.any():
            raise InputError(tr("Suitability must lie between 0 and 1; {use} has values outside"), use=names[int(np.flatnonzero(bad.any(axis=0))[0])])
        if not np.all(np.isfinite(risk) & (risk >= 0) & (risk <= 1)):
            raise InputError(
                tr("Risk must be a number between 0 and 1 for every unit; {count} units are missing or outside"),
                count=int(np.count_nonzero(~(np.isfinite(risk) & (risk >= 0) & (risk <= 1)))),
            )
        if population is not None:
            population = _values(population, n, "population")
            if not np.all(np.isfinite(population) & (population >= 0)):
                raise InputError(tr("Population must be zero or a positive number for every unit"))
        if not np.all(np.isfinite(demand) & (demand >= 0)):
            raise InputError(tr("Required areas must be zero or positive numbers of hectares"))
        if np.any(np.isnan(tolerance) | (tolerance < 0)):
            raise InputError(tr("Tolerances must be zero or positive numbers of hectares"))
        objectives = tuple(Objective(o) for o in objectives)
        if not objectives:
            raise InputError(tr("Choose at least one objective"))
        if len(set(objectives)) != len(objectives):
            raise InputError(tr("Each objective may be chosen only once"))
        development_uses = tuple(int(u) for u in development_uses)
        if any(not 0 <= u < k for u in development_uses):
            raise InputError(tr("The development uses must be among the {k} uses"), k=k)
        if Objective.RISK_EXPOSURE in objectives and not development_uses:
            raise InputError(tr("Choose which uses count as development for the risk exposure objective"))

        adjacency = sp.csr_matrix(adjacency, dtype=float)
        if adjacency.shape != (n, n):
            raise ValueError(f"adjacency must be {n} × {n}, got {adjacency.shape}")
        adjacency = sp.csr_matrix(adjacency - sp.diags(adjacency.diagonal()))
        adjacency.eliminate_zeros()
        if adjacency.nnz and (adjacency.data.min() < 0 or abs(adjacency - adjacency.T).max() > 1e-9 * adjacency.data.max()):
            raise ValueError("adjacency must be symmetric with non-negative weights")
        adjacency.sort_indices()

        allowed = np.isfinite(s.T) & ~locked
        low, high = demand - tolerance, demand + tolerance
        _check_demands(area, current, locked, allowed, low, high, names)
        development = np.zeros(k + 1, dtype=bool)
        development[list(development_uses)] = True
        filled = np.zeros((k + 1, n))
        filled[:k] = np.nan_to_num(s.T, nan=0.0)
        rng = np.random.default_rng(0)  # a fixed partition: the problem is the same for any seed
        zones = tuple(_voronoi_zones(adjacency, max(1, n // z), rng) for z in ZONE_SIZES if n // z >= 2)
        weight = (population if population is not None else area) * risk
        locked_exposure = float(weight[locked & development[current]].sum())
        could_develop = allowed[development[:k]].any(axis=0)
        bounds = {
            Objective.SUITABILITY: (-1.0, 0.0),
            Objective.RISK_EXPOSURE: (locked_exposure, locked_exposure + float(weight[could_develop].sum())),
            Objective.COMPACTNESS: (-1.0, 0.0),
            Objective.CONVERSIONS: (0.0, float(area[~locked].sum())),
        }
        return cls(
            area,
            current.astype(np.int16),
            locked,
            allowed,
            filled,
            risk,
            population,
            adjacency,
            np.asarray(adjacency.sum(axis=1)).ravel(),
            low,
            high,
            development,
            weight / weight.max() if weight.max() > 0 else weight,
            objectives,
            names,
            zones,
            np.repeat(np.arange(n), np.diff(adjacency.indptr)),
            sp.triu(adjacency, format="coo"),
            np.array([bounds[o][0] for o in objectives]),
            np.array([bounds[o][1] for o in objectives]),
        )

    @property
    def uses(self) -> int:
        return self.allowed.shape[0]

    def objective_info(self) -> tuple[ObjectiveInfo, ...]:
        exposure = (
            (tr("population exposed to risk"), tr("persons")) if self.population is not None else (tr("development area exposed to risk"), tr("ha"))
        )
        about = {
            Objective.SUITABILITY: (tr("mean suitability"), "0–1"),
            Objective.RISK_EXPOSURE: exposure,
            Objective.COMPACTNESS: (tr("compactness"), "0–1"),
            Objective.CONVERSIONS: (tr("converted area"), tr("ha")),
        }
        return tuple(ObjectiveInfo(o, about[o][0], o in MAXIMISED, about[o][1]) for o in self.objectives)

    # ---- objectives

    def measures(self, x: np.ndarray) -> np.ndarray:
        """All four objectives in their natural sense, (solutions × 4) in Objective order."""
        x = np.atleast_2d(x)
        return np.stack([self._measure(o, x) for o in Objective], axis=1)

    def evaluate(self, population: np.ndarray) -> np.ndarray:
        """The chosen objectives to minimise (maximised ones negated), EVALUATION_BYTES of
        temporaries at most (the measures hold ~ 24 bytes per unit and solution)."""
        population = np.atleast_2d(population)
        step = max(1, EVALUATION_BYTES // (24 * max(self.area.size, 1)))
        parts = [
            np.stack([self._measure(o, chunk) * (-1.0 if o in MAXIMISED else 1.0) for o in self.objectives], axis=1)
            for chunk in (population[a : a + step] for a in range(0, len(population), step))
        ]
        return np.concatenate(parts) if parts else np.zeros((0, len(self.objectives)))

    def _measure(self, objective: Objective, x: np.ndarray) -> np.ndarray:
        if objective == Objective.SUITABILITY:
            planned = (x >= 0) & ~self.locked
            area = planned @ self.area
            score = (self._allocated_suitability(x) * planned) @ self.area
            return np.divide(score, area, out=np.zeros_like(score), where=area > 0)
        if objective == Objective.RISK_EXPOSURE:
            weight = (self.population if self.population is not None else self.area) * self.risk
            return self.development[x] @ weight
        if objective == Objective.COMPACTNESS:
            a, b = self.pairs.row, self.pairs.col
            like = (x[:, a] == x[:, b]) & (x[:, a] >= 0)
            shared = 2.0 * (like @ self.pairs.data)
            total = (x >= 0) @ self.degree
            return np.divide(shared, total, out=np.zeros_like(shared), where=total > 0)
        return (x != self.current) @ self.area

    def summary(self, x: np.ndarray) -> AllocationSummary:
        """The numbers of one allocation (a scenario)."""
        k = self.uses
        to = np.where(x < 0, k, x).astype(np.intp)
        frm = np.where(self.current < 0, k, self.current).astype(np.intp)
        transitions = np.bincount(frm * (k + 1) + to, weights=self.area, minlength=(k + 1) ** 2).reshape(k + 1, k + 1)
        planned = ~self.locked & (x >= 0)
        use_area = np.bincount(x[planned], weights=self.area[planned], minlength=k)
        use_score = np.bincount(x[planned], weights=(self.area * self._allocated_suitability(x))[planned], minlength=k)
        developed = self.development[x]
        m = self.measures(x)[0]
        changed = x != self.current
        return AllocationSummary(
            transitions.sum(axis=0)[:k],
            float(transitions[:, k].sum()),
            float(m[Objective.SUITABILITY]),
            np.divide(use_score, use_area, out=np.full(k, np.nan), where=use_area > 0),
            float(self.population[developed] @ self.risk[developed]) if self.population is not None else math.nan,
            float(self.area[developed] @ self.risk[developed]),
            float(m[Objective.COMPACTNESS]),
            float(self.area[changed].sum()),
            int(np.count_nonzero(changed)),
            transitions,
        )

    def _allocated_suitability(self, x: np.ndarray) -> np.ndarray:
        """s_{i,xᵢ} for every unit of every solution (0 for "other")."""
        n = self.area.size
        index = np.where(x < 0, self.uses, x).astype(np.intp) * n + np.arange(n)
        return self.suitability.ravel().take(index)

    def areas(self, x: np.ndarray) -> np.ndarray:
        """Area of each use (ha)."""
        return np.bincount(x + 1, weights=self.area, minlength=self.uses + 1)[1:]

    def feasible(self, x: np.ndarray) -> bool:
        """Locked units unchanged, uses allowed, every demand met within its tolerance."""
        eps = self._eps
        have = self.areas(x)
        planned = (x >= 0) & ~self.locked
        return bool(
            np.array_equal(x[self.locked], self.current[self.locked])
            and self.allowed[x[planned], np.flatnonzero(planned)].all()
            and np.all(have >= self.low - eps)
            and np.all(have <= self.high + eps)
        )

    @property
    def _eps(self) -> float:
        return 1e-9 * max(float(self.area.sum()), 1.0)

    # ---- operators (nsga2.Problem)

    def initial_population(self, size: int, rng: np.random.Generator, cancelled: CancelCheck = None) -> np.ndarray:
        free = ~self.locked
        status_quo = self.current.copy()
        lost = free & (status_quo >= 0)
        lost[lost] = ~self.allowed[status_quo[lost], np.flatnonzero(lost)]
        status_quo[lost] = -1
        best = self.current.copy()
        score = np.where(self.allowed, self.suitability[: self.uses], -1.0)[:, free]
        best[free] = np.where(score.max(axis=0) >= 0, score.argmax(axis=0), -1)
        empty = self.current.copy()
        empty[free] = -1
        rounds = REPAIR_ROUNDS + 4 * int(math.isqrt(self.area.size))
        starts = []
        for x in (status_quo, best, empty):
            check(cancelled)
            if self._repair(x, rng, None, rounds):
                starts.append(x)
        if not starts:
            self._unreachable(status_quo)
        population = list(starts)
        attempts = 0
        while len(population) < size and attempts < 20 * size:
            check(cancelled)
            attempts += 1
            x = starts[attempts % len(starts)].copy()
            changed = np.zeros(x.size, dtype=bool)
            for _ in range(rng.integers(1, 6)):
                changed |= self._zone_move(x, rng) if rng.random() < ZONE_MOVE_SHARE else self._flips(x, rng)
            if self._repair(x, rng, changed, rounds):
                population.append(x)
        while len(population) < size:
            population.append(starts[len(population) % len(starts)].copy())
        return np.array(population[:size], dtype=np.int16)

    def crossover(self, first: np.ndarray, second: np.ndarray, rng: np.random.Generator, cancelled: CancelCheck = None) -> np.ndarray:
        children = first.copy()
        for j in range(len(first)):
            check(cancelled)
            if rng.random() >= CROSSOVER_PROBABILITY or not self.zones:
                continue
            zone = self.zones[rng.integers(len(self.zones))]
            share = rng.uniform(0.1, 0.5)
            mask = (rng.random(zone.max() + 1) < share)[zone] & (first[j] != second[j])
            if mask.any():
                x = first[j].copy()
                x[mask] = second[j][mask]
                if self._repair(x, rng, None, REPAIR_ROUNDS):
                    children[j] = x
        return children

    def mutate(self, children: np.ndarray, rng: np.random.Generator, cancelled: CancelCheck = None) -> np.ndarray:
        out = children.copy()
        for j in range(len(out)):
            check(cancelled)
            x = out[j].copy()
            changed = self._zone_move(x, rng) if rng.random() < ZONE_MOVE_SHARE else self._flips(x, rng)
            if changed.any() and self._repair(x, rng, changed, REPAIR_ROUNDS):
                out[j] = x
        return out

    def _zone_move(self, x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """One zone takes one use (where allowed) or "other"; returns the changed units."""
        changed = np.zeros(x.size, dtype=bool)
        if not self.zones:
            return changed
        zone = self.zones[rng.integers(len(self.zones))]
        members = np.flatnonzero((zone == rng.integers(zone.max() + 1)) & ~self.locked)
        if members.size == 0:
            return changed
        options = np.r_[-1, np.flatnonzero(self.allowed[:, members].any(axis=1))]
        options = options[[not np.all(x[members] == o) for o in options]]
        if options.size == 0:
            return changed
        use = options[rng.integers(options.size)]
        if use >= 0:
            members = members[self.allowed[use, members]]
        changed[members] = x[members] != use
        x[members] = use
        return changed

    def _flips(self, x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """1..√n random edges between different uses: the first unit takes the second's use."""
        changed = np.zeros(x.size, dtype=bool)
        rows, cols = self.edge_rows, self.adjacency.indices
        edges = np.flatnonzero((x[rows] != x[cols]) & ~self.locked[rows])
        if edges.size == 0:
            return changed
        count = min(int(rng.integers(1, max(1, math.isqrt(x.size)) + 1)), edges.size)
        pick = rng.choice(edges, size=count, replace=False)
        units, use = rows[pick], x[cols[pick]]
        ok = (use < 0) | self.allowed[np.maximum(use, 0), units]
        units, first = np.unique(units[ok], return_index=True)
        x[units] = use[ok][first]
        changed[units] = True
        return changed

    # ---- repair

    def _repair(self, x: np.ndarray, rng: np.random.Generator, protected: np.ndarray | None, rounds: int) -> bool:
        """Bring every use's area within its bounds in place (module docstring); True if it did."""
        eps = self._eps
        protected = np.zeros(x.size, dtype=bool) if protected is None else protected
        weights = rng.random(3)  # of suitability, exposure and conversions, for this repair
        jitter = 1e-6 * rng.random(x.size)
        for _ in range(rounds):
            have = self.areas(x)
            over = np.flatnonzero(have > self.high + eps)
            under = np.flatnonzero(have < self.low - eps)
            if over.size == 0 and under.size == 0:
                return True
            for u in over:
                self._shrink(x, u, have, protected, weights, jitter)
            for u in rng.permutation(under):
                self._grow(x, u, self.areas(x), protected, weights, jitter)
        return self.feasible(x)

    def _shrink(self, x, u, have, protected, weights, jitter) -> None:
        units = np.flatnonzero((x == u) & ~self.locked)
        if units.size == 0:
            return
        share = self._share(x, u, units)
        tier = np.where(protected[units], 2, (share >= 1.0 - 1e-12).astype(int))
        chosen = tier == tier.min()
        pool = units[chosen]
        key = share[chosen] + self._merit(u, pool, weights) + jitter[pool]
        order = pool[np.argsort(key, kind="stable")]
        x[self._take(order, have[u] - self.high[u], have[u] - self.low[u])] = -1

    def _grow(self, x, u, have, protected, weights, jitter) -> None:
        units = np.flatnonzero(self.allowed[u] & (x != u))
        # a unit of another use only if that use can spare it ("other", index −1, always can)
        units = units[np.r_[have - self.low, np.inf][x[units]] >= self.area[units] - self._eps]
        if units.size == 0:
            return
        share = self._share(x, u, units)
        tier = np.where(protected[units], 2, np.where(share > 0, 0, 1))
        chosen = tier == tier.min()
        pool = units[chosen]
        key = share[chosen] + self._merit(u, pool, weights) + 0.5 * (x[pool] < 0) + jitter[pool]
        order = pool[np.argsort(-key, kind="stable")]
        taken = self._take(order, self.low[u] - have[u], self.high[u] - have[u])
        if tier.min() == 1:  # no patch to grow from: start one from the best unit
            taken = taken[:1]
        x[taken] = u

    def _merit(self, u: int, units: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """How much the chosen objectives gain when `units` take use u, weighted per repair:
        suitability, minus relative exposure (development uses), plus keeping the current use."""
        merit = weights[0] * self.suitability[u, units]
        if Objective.RISK_EXPOSURE in self.objectives and self.development[u]:
            merit -= weights[1] * self.exposure[units]
        if Objective.CONVERSIONS in self.objectives:
            merit += weights[2] * (self.current[units] == u)
        return merit

    def _share(self, x: np.ndarray, u: int, units: np.ndarray) -> np.ndarray:
        """Share of each unit's adjacency weight that goes to units of use u."""
        like = self.adjacency @ (x == u).astype(float)
        degree = self.degree[units]
        return np.divide(like[units], degree, out=np.zeros(units.size), where=degree > 0)

    def _take(self, order: np.ndarray, need_min: float, need_max: float) -> np.ndarray:
        """The first units of `order` whose area reaches need_min without passing need_max,
        skipping units too large to fit; all of them if they do not reach need_min."""
        eps = self._eps
        total = np.cumsum(self.area[order])
        j = int(np.searchsorted(total, need_min - eps))
        if j >= total.size:
            return order
        if total[j] <= need_max + eps:
            return order[: j + 1]
        chosen, sum_ = [], 0.0
        for i in order:
            if sum_ + self.area[i] <= need_max + eps:
                chosen.append(i)
                sum_ += self.area[i]
                if sum_ >= need_min - eps:
                    break
        return np.array(chosen, dtype=np.int64)

    def _unreachable(self, x: np.ndarray) -> None:
        have = self.areas(x)
        missed = np.flatnonzero((have < self.low - self._eps) | (have > self.high + self._eps))
        raise InputError(
            tr(
                "No allocation of whole units was found that meets the demand of {uses} within its tolerance: the units may be too large for so "
                "narrow a tolerance; widen it or check the required area"
            ),
            uses=", ".join(self.use_names[u] for u in missed) or ", ".join(self.use_names),
        )


def _check_demands(area, current, locked, allowed, low, high, names) -> None:
    """Raise InputError when no allocation, even of divisible units, can meet the demands."""
    k = allowed.shape[0]
    eps = 1e-9 * max(float(area.sum()), 1.0)
    held = np.bincount(np.where(locked & (current >= 0), current, k), weights=area, minlength=k + 1)[:k]
    need = np.maximum(low - held, 0.0)
    for u in range(k):
        if held[u] > high[u] + eps:
            raise InputError(
                tr("The locked units already hold {locked:.2f} ha of {use}, more than the {high:.2f} ha its demand and tolerance allow"),
                locked=held[u],
                use=names[u],
                high=high[u],
            )
        available = float(area[allowed[u]].sum())
        if need[u] > eps and available == 0:
            raise InputError(
                tr("No unlocked unit is suitable for {use}, yet its demand needs {need:.2f} ha more than the locked units hold"),
                use=names[u],
                need=need[u],
            )
        if need[u] > available + eps:
            raise InputError(
                tr("{use} needs at least {need:.2f} ha on unlocked units, but only {available:.2f} ha of unlocked units are suitable for it"),
                use=names[u],
                need=need[u],
                available=available,
            )
    sizes = range(2, k + 1) if k <= HALL_MAX_USES else [k]
    for size in sizes:
        for group in itertools.combinations(range(k), size):
            g = list(group)
            available = float(area[allowed[g].any(axis=0)].sum())
            if need[g].sum() > available + eps:
                raise InputError(
                    tr(
                        "{uses} together need at least {need:.2f} ha on unlocked units, but only {available:.2f} ha of unlocked units suit any of "
                        "them"
                    ),
                    uses=", ".join(names[u] for u in g),
                    need=float(need[g].sum()),
                    available=available,
                )


def _check_settings(population_size, generations, seed) -> None:
    for value, low, high, message in (
        (population_size, 4, MAX_POPULATION, tr("The population size must be a whole number from {low} to {high}")),
        (generations, 1, MAX_GENERATIONS, tr("The number of generations must be a whole number from {low} to {high}")),
    ):
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float, np.integer, np.floating))
            or not math.isfinite(value)
            or int(value) != value
            or not low <= value <= high
        ):
            raise InputError(message, low=low, high=high)
    if (
        isinstance(seed, bool)
        or not isinstance(seed, (int, float, np.integer, np.floating))
        or not math.isfinite(seed)
        or int(seed) != seed
        or seed < 0
    ):
        raise InputError(tr("The random seed must be a whole number of zero or more"))


@dataclass(frozen=True)
class RunEstimate:
    """What a run of NSGA-II on a problem will cost (see `estimate_run`).

    child_seconds: measured time of one child (crossover and its repair, mutation and its
    repair, evaluation); sort_seconds: the survivor sort of one generation (2P solutions),
    measured on TIMING_SORT rows and scaled by (2P/TIMING_SORT)², its cost being quadratic;
    seconds: the whole run; memory: peak bytes (`run_memory`).
    """

    seconds: float
    memory: float
    child_seconds: float
    sort_seconds: float


def run_seconds(child_seconds: float, sort_seconds: float, population_size: int, generations: int) -> float:
    """T = (G + 3)·P·t_child + (G + 1)·t_sort: P children in each of G generations, about three
    children's worth of repairs per solution of the initial population, and one survivor sort
    per generation and for the initial population."""
    return float((generations + 3) * population_size * child_seconds + (generations + 1) * sort_seconds)


def run_memory(population_size: int, units: int, objectives: int) -> float:
    """Peak bytes ≈ 12·P·n + (m + 3)·(2P)²: allocations are int16 (2 bytes a unit), and a
    generation holds about six P × n arrays at once (population, both parents, children, mutated
    children, the pool of 2P); the sort of the pool holds the two (2P)² boolean dominance
    matrices, one comparison and m merged objective columns of it. The evaluation's own
    temporaries are bounded by EVALUATION_BYTES."""
    pool = 2 * population_size
    return float(12 * population_size * units + (objectives + 3) * pool * pool + EVALUATION_BYTES)


def estimate_run(
    problem: LandAllocationProblem,
    population_size: int,
    generations: int,
    seed: int = 0,
    *,
    clock: Callable[[], float] = time.perf_counter,
    memory: float | None = None,
    cancelled: CancelCheck = None,
) -> tuple[RunEstimate, Message | None]:
    """Measure what the run will cost and refuse what it cannot afford.

    Memory first (no measurement): InputError when `run_memory` exceeds MEMORY_SHARE of
    `memory` (default: `available_memory()`; unknown = unchecked). Then the costs are measured
    with `clock` on this problem, with a random stream of its own (the run's results do not
    change): TIMING_CHILDREN solutions of an initial population are crossed, mutated (with
    their repairs) and evaluated, and TIMING_SORT random objective rows sorted (`survivors`);
    `run_seconds` scales them. InputError above MAX_RUN_SECONDS; a note above SLOW_RUN_SECONDS.
    """
    _check_settings(population_size, generations, seed)
    population_size, generations = int(population_size), int(generations)
    n, m = problem.area.size, len(problem.objectives)
    need = run_memory(population_size, n, m)
    memory = machine.available_memory() if memory is None else memory
    if memory is not None and need > MEMORY_SHARE * memory:
        raise InputError(
            tr(
                "These settings need about {need:.1f} GB of memory ({size} solutions × {units} units), more than the {available:.1f} GB available; "
                "lower POPULATION_SIZE or use fewer units (a larger CELL_SIZE)"
            ),
            need=need / 2**30,
            size=int(population_size),
            units=int(n),
            available=MEMORY_SHARE * memory / 2**30,
        )
    rng = np.random.default_rng([int(seed), 7919])
    sample = max(2, min(int(population_size), TIMING_CHILDREN))
    parents = problem.initial_population(sample, rng, cancelled)
    start = clock()
    children = problem.mutate(problem.crossover(parents, parents[::-1], rng, cancelled), rng, cancelled)
    problem.evaluate(children)
    child = max(clock() - start, 0.0) / sample
    rows = min(2 * int(population_size), TIMING_SORT)
    f = rng.random((rows, m))
    x = rng.integers(0, 2**15, size=(rows, 4), dtype=np.int16)
    start = clock()
    survivors(x, f, rows // 2)
    sort = max(clock() - start, 0.0) * (2 * population_size / rows) ** 2
    seconds = run_seconds(child, sort, population_size, generations)
    estimate = RunEstimate(seconds, need, child, sort)
    if seconds > MAX_RUN_SECONDS:
        raise InputError(
            tr(
                "These settings would take about {hours:,.0f} hours ({size} solutions × {generations} generations on {units} units; one child takes "
                "{ms:.2g} ms here), more than the {limit:.0f} hours allowed; lower POPULATION_SIZE or GENERATIONS"
            ),
            hours=seconds / 3600.0,
            size=int(population_size),
            generations=int(generations),
            units=int(n),
            ms=1000.0 * child,
            limit=MAX_RUN_SECONDS / 3600.0,
        )
    if seconds > SLOW_RUN_SECONDS:
        return estimate, Message(
            tr(
                "This run will take about {minutes:,.0f} minutes ({size} solutions × {generations} generations on {units} units; one child takes "
                "{ms:.2g} ms here); fewer generations or a smaller population shorten it, and Cancel stops it"
            ),
            {"minutes": seconds / 60.0, "size": int(population_size), "generations": int(generations), "units": int(n), "ms": 1000.0 * child},
        )
    return estimate, None


def allocate_land(
    problem: LandAllocationProblem,
    population_size: int = 100,
    generations: int = 200,
    seed: int = 0,
    progress: Progress = None,
    cancelled: CancelCheck = None,
) -> AllocationResult:
    """Run NSGA-II on `problem` and return its non-dominated scenarios (nsga2.nsga2 for the
    meaning of seed, progress and cancelled; Cancelled when cancelled).

    Cost per generation ≈ population × (two repairs + one evaluation); 100 × 200 generations on
    10 000 grid cells and 3 objectives: see benchmarks/land_allocation.py.
    """
    _check_settings(population_size, generations, seed)
    run = nsga2(problem, int(population_size), int(generations), int(seed), progress, cancelled)
    info = problem.objective_info()
    signs = np.array([-1.0 if o.maximise else 1.0 for o in info])
    return AllocationResult(
        run.front,
        info,
        run.front_objectives * signs,
        run.knee,
        run.hypervolume,
        tuple(problem.summary(x) for x in run.front),
        problem.use_names,
    )
