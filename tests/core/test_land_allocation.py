"""Land allocation: objectives against plain-loop formulas, every scenario feasible and
non-dominated, reproducible runs, and a 3 × 3 instance whose Pareto front is enumerated."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import scipy.sparse as sp

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.common.progress import Cancelled
from territorial_resilience.algorithms.optimize.land_allocation import (
    AllocationResult,
    LandAllocationProblem,
    Objective,
    ObjectiveInfo,
    allocate_land,
    grid_adjacency,
)
from territorial_resilience.algorithms.optimize.nsga2 import knee_index

ALL = tuple(Objective)
NAN = math.nan


def grid_neighbours(rows: int, cols: int) -> dict[int, list[tuple[int, float]]]:
    """4-neighbours by row/column arithmetic, weight 1 (independent of grid_adjacency)."""
    out = {}
    for r, c in itertools.product(range(rows), range(cols)):
        out[r * cols + c] = [
            ((r + dr) * cols + c + dc, 1.0) for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)) if 0 <= r + dr < rows and 0 <= c + dc < cols
        ]
    return out


def reference_measures(inputs: dict, neighbours: dict, x) -> tuple[float, float, float, float]:
    """The four objectives (natural sense) by the formulas of the module docstring, in loops."""
    area, current, locked = inputs["area"], inputs["current"], inputs["locked"]
    suit, risk, population = inputs["suitability"], inputs["risk"], inputs.get("population")
    development = set(inputs.get("development_uses", ()))
    planned = score = 0.0
    for i, use in enumerate(x):
        if use >= 0 and not locked[i]:
            planned += area[i]
            score += area[i] * suit[i][use]
    exposure = sum((population[i] if population is not None else area[i]) * risk[i] for i, use in enumerate(x) if use in development)
    like = total = 0.0
    for i, use in enumerate(x):
        if use >= 0:
            for j, w in neighbours[i]:
                total += w
                like += w * (x[j] == use)
    converted = sum(area[i] for i, use in enumerate(x) if use != current[i])
    return (score / planned if planned else 0.0, exposure, like / total if total else 0.0, converted)


def is_feasible(inputs: dict, x) -> bool:
    k = len(inputs["demand"])
    held = [0.0] * k
    for i, use in enumerate(x):
        if inputs["locked"][i]:
            if use != inputs["current"][i]:
                return False
        elif use >= 0 and math.isnan(inputs["suitability"][i][use]):
            return False
        if use >= 0:
            held[use] += inputs["area"][i]
    return all(d - t - 1e-9 <= a <= d + t + 1e-9 for a, d, t in zip(held, inputs["demand"], inputs["tolerance"]))


def build(inputs: dict, adjacency, objectives=ALL) -> LandAllocationProblem:
    return LandAllocationProblem.build(adjacency=adjacency, objectives=objectives, **inputs)


# The hand-sized instance: a 3 × 3 grid, two uses (0 = urban, a development use; 1 = farmland),
# the centre locked as farmland, two units of 2 ha, two unsuitable cells. Suitability and risk
# are multiples of 1/16, so every sum is exact and equal objective values compare equal (0.1 +
# 0.2 + 0.4 and 0.6 + 0.1 would differ in the last bit and make a tie look like dominance).
HAND = dict(
    area=[1, 1, 2, 1, 1, 1, 2, 1, 1],
    current=[0, 0, -1, 1, 1, -1, 1, 1, -1],
    locked=[False, False, False, False, True, False, False, False, False],
    suitability=np.array([[14, 3], [13, 8], [6, 14], [11, 10], [2, 14], [5, NAN], [NAN, 13], [10, 5], [8, 11]]) / 16,
    risk=np.array([13, 2, 5, 8, 0, 3, 14, 6, 10]) / 16,
    demand=[3.0, 4.0],
    tolerance=[0.0, 1.0],
    development_uses=[0],
    use_names=["urban", "farmland"],
)


def medium_instance(rows: int = 12, cols: int = 12, seed: int = 7) -> dict:
    """3 uses on a grid: a locked column ("river", other), a locked block of farmland, some
    unsuitable cells, populations, demands around the current areas."""
    rng = np.random.default_rng(seed)
    n = rows * cols
    current = rng.integers(-1, 3, size=n)
    locked = np.zeros((rows, cols), dtype=bool)
    locked[:, cols // 2] = True
    grid_current = current.reshape(rows, cols)
    grid_current[:, cols // 2] = -1
    locked[:3, :3] = True
    grid_current[:3, :3] = 1
    suit = rng.random((n, 3))
    suit[rng.random((n, 3)) < 0.1] = np.nan
    area = rng.uniform(0.5, 1.5, size=n)
    held = np.bincount(current[current >= 0], weights=area[current >= 0], minlength=3)
    return dict(
        area=area,
        current=current,
        locked=locked.ravel(),
        suitability=suit,
        risk=rng.random(n),
        population=rng.uniform(0, 100, size=n),
        demand=held * [1.2, 0.9, 1.0],
        tolerance=[2.0, 3.0, 2.0],
        development_uses=[0],
        use_names=["urban", "farmland", "forest"],
    )


def test_grid_adjacency_is_the_4_neighbourhood():
    a = grid_adjacency(2, 3)
    assert isinstance(a, sp.csr_matrix) and a.shape == (6, 6)
    assert (a != a.T).nnz == 0
    pairs = {(int(i), int(j)) for i, j in zip(*sp.triu(a).nonzero())}
    assert pairs == {(0, 1), (1, 2), (3, 4), (4, 5), (0, 3), (1, 4), (2, 5)}
    assert np.asarray(a.sum(axis=1)).ravel().tolist() == [2, 3, 2, 2, 3, 2]
    assert grid_adjacency(1, 1).nnz == 0


@pytest.mark.parametrize("with_population", [False, True])
def test_objectives_match_the_formulas(with_population):
    inputs = medium_instance()
    if not with_population:
        inputs.pop("population")
    neighbours = grid_neighbours(12, 12)
    problem = build(inputs, grid_adjacency(12, 12))
    # Random allocations that keep locked units and avoid unsuitable ones (demands ignored).
    x = np.random.default_rng(1).integers(-1, 3, size=(6, 144))
    x = np.where(inputs["locked"], inputs["current"], x)
    x[(x >= 0) & np.isnan(np.take_along_axis(inputs["suitability"], np.maximum(x, 0).T, axis=1).T)] = -1
    x = x.astype(np.int16)
    expected = np.array([reference_measures(inputs, neighbours, row.tolist()) for row in x])
    assert problem.measures(x) == pytest.approx(expected, rel=1e-12)
    # Minimised internally: maximised objectives negated.
    assert problem.evaluate(x) == pytest.approx(expected * [-1, 1, -1, 1], rel=1e-12)


def test_compactness_uses_the_adjacency_weights():
    # A path 0 – 1 – 2 with boundary lengths 3 and 1 (polygon adjacency built by the caller).
    inputs = dict(area=[1, 1, 1], current=[0, 0, 1], locked=[False] * 3, suitability=[[1, 1]] * 3, risk=[0, 0, 0], demand=[2, 1], tolerance=[1, 1])
    adjacency = sp.csr_matrix(np.array([[0, 3, 0], [3, 0, 1], [0, 1, 0]], dtype=float))
    problem = build(inputs, adjacency, [Objective.COMPACTNESS])
    neighbours = {0: [(1, 3.0)], 1: [(0, 3.0), (2, 1.0)], 2: [(1, 1.0)]}
    x = np.array([[0, 0, 1], [0, 1, 1], [1, 0, -1]], dtype=np.int16)
    # [0, 0, 1]: like 3 + 3 over 3 + 4 + 1 = 0.75
    assert problem.measures(x)[0, Objective.COMPACTNESS] == pytest.approx(0.75)
    assert problem.measures(x)[:, Objective.COMPACTNESS] == pytest.approx([reference_measures(inputs, neighbours, r)[2] for r in x.tolist()])


def brute_force_front(inputs: dict, objectives) -> set[tuple[float, ...]]:
    """Objective vectors (natural sense) of the Pareto front over every feasible allocation."""
    neighbours = grid_neighbours(3, 3)
    free = [i for i in range(9) if not inputs["locked"][i]]
    points = set()
    for combo in itertools.product((-1, 0, 1), repeat=len(free)):
        x = list(inputs["current"])
        for i, use in zip(free, combo):
            x[i] = use
        if is_feasible(inputs, x):
            m = reference_measures(inputs, neighbours, x)
            points.add(tuple(round(m[o], 9) for o in objectives))
    sense = [-1 if o in (Objective.SUITABILITY, Objective.COMPACTNESS) else 1 for o in objectives]
    minimised = {p: tuple(s * v for s, v in zip(sense, p)) for p in points}
    return {p for p in points if not any(_dominates(minimised[q], minimised[p]) for q in points)}


def _dominates(a, b) -> bool:
    return all(x <= y for x, y in zip(a, b)) and any(x < y for x, y in zip(a, b))


@pytest.mark.parametrize(
    "objectives, points, size, generations",
    [((Objective.SUITABILITY, Objective.RISK_EXPOSURE, Objective.CONVERSIONS), 16, 40, 100), (ALL, 42, 60, 120)],
)
def test_hand_instance_front_is_found_exactly(objectives, points, size, generations):
    front = brute_force_front(HAND, objectives)
    assert len(front) == points  # of 441 feasible allocations
    result = allocate_land(build(HAND, grid_adjacency(3, 3), objectives), population_size=size, generations=generations, seed=2)
    found = {tuple(round(v, 9) for v in row) for row in result.values.tolist()}
    assert found == front
    assert all(is_feasible(HAND, x) for x in result.allocations.tolist())


def test_every_scenario_is_feasible_non_dominated_and_summarised():
    inputs = medium_instance()
    problem = build(inputs, grid_adjacency(12, 12))
    gens = 15
    result = allocate_land(problem, population_size=24, generations=gens, seed=3)
    x, values = result.allocations, result.values
    assert x.dtype == np.int16 and x.shape[1] == 144 and len(x) >= 2
    assert [o.objective for o in result.objectives] == list(ALL)
    assert [o.maximise for o in result.objectives] == [True, False, True, False]
    assert result.objectives[1].unit == "persons"
    assert len({row.tobytes() for row in x}) == len(x)
    neighbours = grid_neighbours(12, 12)
    area = np.asarray(inputs["area"])
    for row, value, summary in zip(x.tolist(), values, result.summaries):
        assert is_feasible(inputs, row)
        assert value == pytest.approx(reference_measures(inputs, neighbours, row), rel=1e-12)
        use = np.array(row)
        held = [area[use == u].sum() for u in range(3)]
        assert summary.area_by_use == pytest.approx(held)
        assert summary.other_area == pytest.approx(area[use < 0].sum())
        assert summary.converted_area == pytest.approx(value[3])
        assert summary.converted_units == int(np.count_nonzero(use != inputs["current"]))
        assert summary.compactness == pytest.approx(value[2]) and summary.suitability == pytest.approx(value[0])
        assert summary.exposed_population == pytest.approx(value[1])
        assert summary.risk_weighted_development == pytest.approx((area * inputs["risk"])[use == 0].sum())
        for u in range(3):
            mine = (use == u) & ~inputs["locked"]
            assert summary.suitability_by_use[u] == pytest.approx(np.average(inputs["suitability"][mine, u], weights=area[mine]))
        t = summary.transitions  # rows: current use (other last), columns: allocated use
        assert t.sum(axis=0)[:3] == pytest.approx(held)
        current = np.where(inputs["current"] < 0, 3, inputs["current"])
        assert t.sum(axis=1) == pytest.approx(np.bincount(current, weights=area, minlength=4))
        assert t.sum() - np.trace(t) == pytest.approx(value[3])
    minimised = values * [-1, 1, -1, 1]
    for i, j in itertools.permutations(range(len(x)), 2):
        assert not _dominates(minimised[i].tolist(), minimised[j].tolist())
    assert result.knee == knee_index(minimised)
    assert result.hypervolume.shape == (gens + 1,) and np.all(result.hypervolume > 0)
    assert result.use_names == ("urban", "farmland", "forest")


def test_runs_are_reproducible_with_a_seed():
    inputs = medium_instance(8, 8, seed=2)
    problem = build(inputs, grid_adjacency(8, 8), [Objective.SUITABILITY, Objective.COMPACTNESS])
    a = allocate_land(problem, 12, 6, seed=9)
    b = allocate_land(problem, 12, 6, seed=9)
    c = allocate_land(problem, 12, 6, seed=10)
    assert np.array_equal(a.allocations, b.allocations) and np.array_equal(a.values, b.values)
    assert np.array_equal(a.hypervolume, b.hypervolume)
    assert not (a.allocations.shape == c.allocations.shape and np.array_equal(a.allocations, c.allocations))


def test_progress_and_cancellation():
    problem = build(HAND, grid_adjacency(3, 3))
    seen = []
    allocate_land(problem, 8, 4, seed=0, progress=seen.append)
    assert seen == pytest.approx([0.25, 0.5, 0.75, 1.0])
    with pytest.raises(Cancelled):
        allocate_land(problem, 8, 4, seed=0, cancelled=lambda: True)


def hand(**changes) -> dict:
    inputs = dict(HAND)
    inputs.update(changes)
    return inputs


@pytest.mark.parametrize(
    "changes, words",
    [
        # The locked centre is farmland: 1 ha, over 0 ± 0.5.
        (dict(demand=[3.0, 0.0], tolerance=[0.0, 0.5]), ["locked", "farmland"]),
        (dict(suitability=[[NAN, 0.5]] * 9), ["No unlocked unit is suitable for urban"]),
        (dict(suitability=[[0.5, 0.5]] + [[NAN, 0.5]] * 8, demand=[3.0, 4.0]), ["urban needs at least 3.00 ha", "only 1.00 ha"]),
        # 11 ha in all, 10 ha unlocked; urban 5.5 (8 ha suitable) and farmland 6 − 1 locked
        # (9 ha suitable) each fit alone, not together.
        (dict(demand=[5.5, 6.0], tolerance=[0.0, 0.0]), ["urban, farmland together need at least 10.50 ha", "10.00 ha"]),
    ],
)
def test_impossible_demands_are_explained(changes, words):
    with pytest.raises(InputError) as error:
        build(hand(**changes), grid_adjacency(3, 3))
    for word in words:
        assert word in str(error.value)


def test_demands_that_whole_units_cannot_meet_are_explained():
    # Every unit of the instance is 1 or 2 ha: 2.5 ± 0.2 ha of urban is not a sum of them.
    problem = build(hand(demand=[2.5, 4.0], tolerance=[0.2, 1.0]), grid_adjacency(3, 3))
    with pytest.raises(InputError, match="urban"):
        allocate_land(problem, 8, 2, seed=0)


@pytest.mark.parametrize(
    "changes, objectives, match",
    [
        (dict(development_uses=[]), ALL, "development"),
        (dict(risk=[0.5] * 8 + [1.5]), ALL, "Risk"),
        (dict(suitability=[[1.2, 0.5]] * 9), ALL, "urban"),
        (dict(area=[1, 1, 0, 1, 1, 1, 2, 1, 1]), ALL, "area"),
        (dict(current=[0, 0, 5, 1, 1, -1, 1, 1, -1]), ALL, "current use"),
        (dict(tolerance=[-1.0, 1.0]), ALL, "Tolerance"),
        ({}, (), "objective"),
        ({}, (Objective.COMPACTNESS, Objective.COMPACTNESS), "once"),
    ],
)
def test_bad_inputs_are_explained(changes, objectives, match):
    with pytest.raises(InputError, match=match):
        build(hand(**changes), grid_adjacency(3, 3), objectives)


@pytest.mark.parametrize("size, generations, seed", [(2, 10, 0), (10, 0, 0), (10, 10, -1), (10.5, 10, 0)])
def test_run_parameters_are_checked(size, generations, seed):
    with pytest.raises(InputError):
        allocate_land(build(HAND, grid_adjacency(3, 3)), size, generations, seed)


# --- ties within the tolerance, run cost, cancellation inside a generation --------------------


def tie_instance() -> dict:
    """Three units in a row: A and B of 1 ha, C of 2 ha; urban needs exactly 2 ha, so the plans
    are {A, B} and {C} urban. Exposure (population × risk): A 1 × 0.1 + B 1 × 0.2 =
    0.30000000000000004 against C 2 × 0.15 = 0.3 — equal in every printed digit; suitability
    {A, B} (0.5 + 0.5)/2 = 0.5 against C 0.25. {A, B} dominates {C} once 0.3 ties with 0.3."""
    return dict(
        area=[1.0, 1.0, 2.0],
        current=[-1, -1, -1],
        locked=[False, False, False],
        suitability=np.array([[0.5], [0.5], [0.25]]),
        risk=[0.1, 0.2, 0.15],
        population=[1.0, 1.0, 2.0],
        demand=[2.0],
        tolerance=[0.0],
        development_uses=[0],
        use_names=["urban"],
    )


def test_a_plan_tied_but_for_rounding_and_worse_elsewhere_is_dominated():
    adjacency = sp.csr_matrix(np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], dtype=float))
    problem = build(tie_instance(), adjacency, (Objective.SUITABILITY, Objective.RISK_EXPOSURE))
    both = problem.evaluate(np.array([[0, 0, -1], [-1, -1, 0]], dtype=np.int16))
    assert both[0, 1] == 0.30000000000000004 and both[1, 1] == 0.3  # the tie is in the data
    result = allocate_land(problem, 8, 6, seed=1)
    assert result.allocations.tolist() == [[0, 0, -1]]
    assert result.values.tolist() == [[0.5, 0.30000000000000004]]


def test_run_cost_is_measured_and_scaled():
    from territorial_resilience.algorithms.optimize.land_allocation import (
        MAX_RUN_SECONDS,
        TIMING_CHILDREN,
        TIMING_SORT,
        estimate_run,
        run_memory,
        run_seconds,
    )

    problem = build(HAND, grid_adjacency(3, 3))
    # hand formulas: (G + 3)·P·t_child + (G + 1)·t_sort and 12·P·n + (m + 3)·(2P)² + 64 MiB
    assert run_seconds(0.001, 2.0, 100, 10) == pytest.approx(13 * 100 * 0.001 + 11 * 2.0)
    assert run_memory(10_000, 200_000, 4) == 12 * 10_000 * 200_000 + 7 * 20_000**2 + (64 << 20)
    # the clock: the 8 children take 0.008 s (1 ms each), the 1024-row sort 0.5 s
    ticks = iter([0.0, 0.008, 10.0, 10.5])
    estimate, note = estimate_run(problem, 4000, 100, clock=lambda: next(ticks), memory=1e12)
    assert (TIMING_CHILDREN, TIMING_SORT) == (8, 1024)
    sort = 0.5 * (8000 / 1024) ** 2
    assert estimate.child_seconds == pytest.approx(0.001) and estimate.sort_seconds == pytest.approx(sort)
    assert estimate.seconds == pytest.approx(103 * 4000 * 0.001 + 101 * sort)  # ≈ 58 minutes
    assert str(note).startswith("This run will take about 58 minutes (4000 solutions × 100 generations on 9 units")
    ticks = iter([0.0, 0.008, 10.0, 10.5])
    with pytest.raises(
        InputError, match=r"about 19 hours \(4000 solutions × 2000 generations on 9 units; one child takes 1 ms here\), more than the 12 hours"
    ):
        estimate_run(problem, 4000, 2000, clock=lambda: next(ticks), memory=1e12)
    assert MAX_RUN_SECONDS == 12 * 3600
    # memory is checked first, without measuring: 10 000 solutions need 7·20 000² bytes ≈ 2.6 GB
    with pytest.raises(InputError, match=r"need about 2.7 GB of memory \(10000 solutions × 9 units\), more than the 1.6 GB available"):
        estimate_run(problem, 10_000, 10, clock=lambda: pytest.fail("measured"), memory=2 * 2**30)
    # the measurement draws from a stream of its own: the run is the same with or without it
    estimate_run(problem, 8, 4, seed=3)
    a, b = allocate_land(problem, 8, 4, seed=3), allocate_land(problem, 8, 4, seed=3)
    assert np.array_equal(a.allocations, b.allocations)


def test_cancellation_reaches_the_operators():
    problem = build(HAND, grid_adjacency(3, 3))
    evaluated = []

    class Counting:
        def __getattr__(self, name):
            return getattr(problem, name)

        def evaluate(self, population):
            evaluated.append(len(population))
            return problem.evaluate(population)

    from territorial_resilience.algorithms.optimize.nsga2 import nsga2

    # cancelled from the start: the initial population stops before anything is evaluated
    with pytest.raises(Cancelled):
        nsga2(Counting(), 50, 3, seed=0, cancelled=lambda: True)
    assert evaluated == []
    # cancelled at the 10th check after the initial population: inside generation 1's crossover
    # (checked once per child), not only between generations (3 checks in all)
    calls = itertools.count()
    with pytest.raises(Cancelled):
        nsga2(Counting(), 50, 3, seed=0, cancelled=lambda: bool(evaluated) and next(calls) >= 10)
    assert evaluated == [50]  # the children of generation 1 were never evaluated


def test_kept_scenarios_minimise_every_objective_in_its_sense():
    # suitability is maximised, conversions minimised: the best in each is the highest
    # suitability (solution 2) and the fewest conversions (solution 0)
    objectives = (
        ObjectiveInfo(Objective.SUITABILITY, "mean suitability", True, "0–1"),
        ObjectiveInfo(Objective.CONVERSIONS, "converted area", False, "ha"),
    )
    values = np.array([[0.2, 1.0], [0.5, 4.0], [0.9, 9.0], [0.6, 5.0]])
    result = AllocationResult(np.zeros((4, 3), np.int16), objectives, values, 1, np.zeros(1), (), ("urban",))
    assert result.scenarios(3) == [1, 2, 0]
    # then the farthest from those kept, on both objectives scaled to 0–1: solution 3
    assert result.scenarios(10) == [1, 2, 0, 3]
