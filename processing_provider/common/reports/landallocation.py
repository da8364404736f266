"""The HTML report of tsr:landallocation: set-up, land uses and demands, the Pareto front, the kept
scenarios compared, the transitions of the compromise, the hypervolume by generation and every
non-dominated solution.

`tr` is the algorithm's `self.tr`; the texts are marked with QT_TRANSLATE_NOOP in the context of
the algorithm's class, where pylupdate5 files them and `self.tr` looks them up. The objectives'
names and units come from the core, whose templates are in the default context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ....algorithms.optimize.land_allocation import AllocationResult, LandAllocationProblem, Objective, ObjectiveInfo
from ....i18n import tr as tr_default
from .. import pareto_charts, report

if TYPE_CHECKING:
    from ....algorithms.optimize.land_units import Units

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the long texts.
# fmt: off
FRONT_EXPLANATION = QT_TRANSLATE_NOOP(
    "LandAllocation",
    "Every point is a non-dominated allocation: none is at least as good in every objective and better in one. "
    "s1 is the compromise (knee): the solution nearest the ideal point once each objective is scaled to 0–1 over the front; "
    "s2… are the best solution in each objective, then solutions spread along the front. Better is up and to the right."
)
HYPERVOLUME_EXPLANATION = QT_TRANSLATE_NOOP(
    "LandAllocation",
    "The share of the objective space, each objective scaled by fixed bounds (reference point 1.1), that the front dominates; "
    "it rises while the search improves and levels off when it converges."
)
TRANSITIONS = QT_TRANSLATE_NOOP("LandAllocation", "Transitions of the compromise scenario (ha, rows: current use, columns: allocated use)")
SEARCH = QT_TRANSLATE_NOOP("LandAllocation", "{size} solutions × {generations} generations, seed {seed}")
# fmt: on


@dataclass(frozen=True)
class RunSettings:
    """The settings of a run as the report states them: NSGA-II's size, generations and seed;
    the grid's cell size (None for polygons); the risk's name ("" without), POPULATION_FIELD ("");
    the development uses' names; DEMAND per use (demand, tolerance in ha, whether given)."""

    size: int
    generations: int
    seed: int
    cell_size: float | None
    risk: str
    population: str
    development: Sequence[str]
    demand: np.ndarray
    tolerance: np.ndarray
    given: Sequence[bool]


def heading(text: str) -> str:
    return f"<h3>{report.esc(text)}</h3>"


def note(text: str) -> str:
    return f'<p class="note">{report.esc(text)}</p>'


def objective_label(tr: Callable[[str], str], info: ObjectiveInfo) -> str:
    """'mean suitability (0–1, max)'."""
    sense = tr(QT_TRANSLATE_NOOP("LandAllocation", "max")) if info.maximise else tr(QT_TRANSLATE_NOOP("LandAllocation", "min"))
    return f"{tr_default(info.name)} ({tr_default(info.unit)}, {sense})"


def report_html(
    tr: Callable[[str], str], units: Units, problem: LandAllocationProblem, result: AllocationResult, kept: list[int], settings: RunSettings
) -> str:
    """The report of a run: the planning `units` as read, the `problem`, its `result` and the
    `kept` scenarios (indices into the front, the knee first)."""
    labels = [f"s{s + 1}" for s in range(len(kept))]
    objective_names = [objective_label(tr, o) for o in result.objectives]
    sections = [
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Set-up")), setup_table(tr, units, result, objective_names, settings)),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Land uses and demands")), demand_table(tr, units, problem, result, settings)),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Pareto front")), note(tr(FRONT_EXPLANATION)) + front_charts(result, kept, labels, objective_names)),
        (
            tr(QT_TRANSLATE_NOOP("LandAllocation", "Scenarios compared")),
            scenarios_compared(tr, units, result, kept, labels, objective_names, settings),
        ),
    ]
    uses = list(result.use_names)
    k = len(uses)
    t = result.summaries[result.knee].transitions
    names = uses + [tr(QT_TRANSLATE_NOOP("LandAllocation", "other"))]
    transitions = report.table(
        [tr(QT_TRANSLATE_NOOP("LandAllocation", "Current ↓ / allocated →"))] + names,
        [[names[a]] + [float(t[a, b]) for b in range(k + 1)] for a in range(k + 1)],
    )
    sections.append((tr(TRANSITIONS), transitions))
    hv = [float(v) for v in result.hypervolume]
    chart = report.line_chart(
        list(range(len(hv))), hv, tr(QT_TRANSLATE_NOOP("LandAllocation", "Generation")), tr(QT_TRANSLATE_NOOP("LandAllocation", "Hypervolume"))
    )
    sections.append((tr(QT_TRANSLATE_NOOP("LandAllocation", "Hypervolume by generation")), note(tr(HYPERVOLUME_EXPLANATION)) + chart))
    values = result.values.tolist()
    yes = tr(QT_TRANSLATE_NOOP("LandAllocation", "yes"))
    front_rows = [
        [j + 1] + [float(v) for v in values[j]] + [yes if j == result.knee else "", labels[kept.index(j)] if j in kept else ""]
        for j in range(len(values))
    ]
    head = [tr(QT_TRANSLATE_NOOP("LandAllocation", "Solution"))] + objective_names
    head += [tr(QT_TRANSLATE_NOOP("LandAllocation", "Knee")), tr(QT_TRANSLATE_NOOP("LandAllocation", "Scenario"))]
    sections.append((tr(QT_TRANSLATE_NOOP("LandAllocation", "All non-dominated solutions")), report.table(head, front_rows, left_columns=0)))
    return report.document(tr(QT_TRANSLATE_NOOP("LandAllocation", "Land allocation scenarios report")), sections)


def setup_table(tr: Callable[[str], str], units: Units, result: AllocationResult, objective_names: list[str], settings: RunSettings) -> str:
    if settings.cell_size:
        mode = tr(QT_TRANSLATE_NOOP("LandAllocation", "grid of {size:g} m cells")).format(size=settings.cell_size)
    else:
        mode = tr(QT_TRANSLATE_NOOP("LandAllocation", "polygons"))
    if settings.population:
        exposure_rule = tr(QT_TRANSLATE_NOOP("LandAllocation", "population (POPULATION_FIELD '{field}') × risk")).format(field=settings.population)
    else:
        exposure_rule = tr(QT_TRANSLATE_NOOP("LandAllocation", "area (ha) × risk"))
    values = result.values.tolist()
    area = report.fmt(float(units.area.sum()))
    locked_area = report.fmt(float(units.area[units.locked].sum()))
    search = tr(SEARCH).format(size=settings.size, generations=settings.generations, seed=settings.seed)
    rows = [
        (
            tr(QT_TRANSLATE_NOOP("LandAllocation", "Planning units")),
            tr(QT_TRANSLATE_NOOP("LandAllocation", "{n} {mode}, {area} ha")).format(n=len(units.area), mode=mode, area=area),
        ),
        (
            tr(QT_TRANSLATE_NOOP("LandAllocation", "Locked units")),
            tr(QT_TRANSLATE_NOOP("LandAllocation", "{n} ({area} ha)")).format(n=int(units.locked.sum()), area=locked_area),
        ),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Objectives")), "; ".join(objective_names)),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Risk")), settings.risk or "–"),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Development uses (exposure)")), ", ".join(settings.development) or "–"),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Exposure of a development unit")), exposure_rule),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "NSGA-II")), search),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Non-dominated solutions")), str(len(values))),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Compromise (knee) solution")), str(result.knee + 1)),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Normalised hypervolume")), f"{float(result.hypervolume[-1]):.4f} (≤ {1.1 ** len(values[0]):.4f})"),
    ]
    return report.table([tr(QT_TRANSLATE_NOOP("LandAllocation", "Item")), tr(QT_TRANSLATE_NOOP("LandAllocation", "Value"))], rows, left_columns=2)


def demand_table(tr: Callable[[str], str], units: Units, problem: LandAllocationProblem, result: AllocationResult, settings: RunSettings) -> str:
    """Per use: demand, tolerance, allowed range, current, locked, unlocked-and-suitable and
    compromise areas (ha)."""
    uses = list(result.use_names)
    k = len(uses)
    current_area = np.bincount(np.where(units.current >= 0, units.current, k), weights=units.area, minlength=k + 1)[:k]
    locked_area = np.bincount(np.where(units.locked & (units.current >= 0), units.current, k), weights=units.area, minlength=k + 1)[:k]
    knee_area = result.summaries[result.knee].area_by_use
    rows = []
    for u in range(k):
        if settings.given[u]:
            d, t = float(settings.demand[u]), float(settings.tolerance[u])
            demand = [report.fmt(d), report.fmt(t), f"{report.fmt(d - t)} – {report.fmt(d + t)}"]
        else:
            demand = ["–", "–", tr(QT_TRANSLATE_NOOP("LandAllocation", "free"))]
        suitable = float(units.area[problem.allowed[u]].sum())
        rows.append([uses[u]] + demand + [float(current_area[u]), float(locked_area[u]), suitable, float(knee_area[u])])
    head = [
        tr(QT_TRANSLATE_NOOP("LandAllocation", "Use")),
        tr(QT_TRANSLATE_NOOP("LandAllocation", "Demand (ha)")),
        tr(QT_TRANSLATE_NOOP("LandAllocation", "Tolerance (ha)")),
        tr(QT_TRANSLATE_NOOP("LandAllocation", "Allowed area (ha)")),
        tr(QT_TRANSLATE_NOOP("LandAllocation", "Current (ha)")),
        tr(QT_TRANSLATE_NOOP("LandAllocation", "Locked (ha)")),
        tr(QT_TRANSLATE_NOOP("LandAllocation", "Unlocked and suitable (ha)")),
        tr(QT_TRANSLATE_NOOP("LandAllocation", "Compromise (ha)")),
    ]
    return report.table(head, rows)


def front_charts(result: AllocationResult, kept: list[int], labels: list[str], objective_names: list[str]) -> str:
    """A scatter plot for two objectives, a scatter matrix and parallel coordinates for more,
    nothing for one."""
    values = result.values.tolist()
    maximise = [o.maximise for o in result.objectives]
    m = len(objective_names)
    if m == 1:
        return ""
    if m == 2:
        xs, ys = [v[0] for v in values], [v[1] for v in values]
        return pareto_charts.scatter(xs, ys, objective_names[0], objective_names[1], maximise[0], maximise[1], kept, labels)
    return pareto_charts.scatter_matrix(values, objective_names, maximise, kept, labels) + pareto_charts.parallel_coordinates(
        values, objective_names, maximise, kept, labels
    )


def scenarios_compared(
    tr: Callable[[str], str],
    units: Units,
    result: AllocationResult,
    kept: list[int],
    labels: list[str],
    objective_names: list[str],
    settings: RunSettings,
) -> str:
    """The kept scenarios side by side: objectives, area per use and the measures that are not
    objectives already, then bars of the area per use, the risk exposure and the converted area."""
    uses = list(result.use_names)
    k = len(uses)
    values = result.values.tolist()
    kept_colours = [pareto_charts.scenario_colour(s) for s in range(len(kept))]
    summaries = [result.summaries[j] for j in kept]
    with_population = units.population is not None
    # measures beyond the objectives (an objective's own column is not repeated)
    chosen = {o.objective for o in result.objectives}
    exposure_objective = Objective.RISK_EXPOSURE in chosen
    extra = [
        (
            tr(QT_TRANSLATE_NOOP("LandAllocation", "Risk-weighted development (ha)")),
            lambda sm: float(sm.risk_weighted_development),
            not (exposure_objective and not with_population),
        ),
        (
            tr(QT_TRANSLATE_NOOP("LandAllocation", "Exposed population")),
            lambda sm: float(sm.exposed_population),
            with_population and not exposure_objective,
        ),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Converted (ha)")), lambda sm: float(sm.converted_area), Objective.CONVERSIONS not in chosen),
        (tr(QT_TRANSLATE_NOOP("LandAllocation", "Converted units")), lambda sm: int(sm.converted_units), True),
    ]
    extra = [(name, get) for name, get, show in extra if show]
    other = tr(QT_TRANSLATE_NOOP("LandAllocation", "other"))
    head = [
        tr(QT_TRANSLATE_NOOP("LandAllocation", "Scenario")),
        tr(QT_TRANSLATE_NOOP("LandAllocation", "Solution")),
        tr(QT_TRANSLATE_NOOP("LandAllocation", "Column")),
    ]
    head += objective_names + [f"{u} (ha)" for u in uses] + [tr(QT_TRANSLATE_NOOP("LandAllocation", "other (ha)"))] + [name for name, _ in extra]
    knee_mark = " " + tr(QT_TRANSLATE_NOOP("LandAllocation", "(knee)"))
    rows = []
    for s, (j, summary) in enumerate(zip(kept, summaries)):
        row = [labels[s] + (knee_mark if j == result.knee else ""), j + 1, ("use, " if j == result.knee else "") + f"use_s{s + 1}"]
        row += [float(v) for v in values[j]] + [float(a) for a in summary.area_by_use] + [float(summary.other_area)]
        row += [get(summary) for _, get in extra]
        rows.append(row)
    html = report.table(head, rows, left_columns=3)
    html += heading(tr(QT_TRANSLATE_NOOP("LandAllocation", "Area per use (ha)")))
    html += pareto_charts.grouped_bars(
        uses + [other],
        labels,
        [[float(sm.area_by_use[u]) for sm in summaries] for u in range(k)] + [[float(sm.other_area) for sm in summaries]],
        kept_colours,
        " ha",
    )
    if settings.risk:
        if with_population:
            exposure = [float(sm.exposed_population) for sm in summaries]
            html += heading(tr(QT_TRANSLATE_NOOP("LandAllocation", "Risk exposure (persons)")))
        else:
            exposure = [float(sm.risk_weighted_development) for sm in summaries]
            html += heading(tr(QT_TRANSLATE_NOOP("LandAllocation", "Risk exposure (ha)")))
        html += report.bar_chart(labels, exposure, "", kept_colours)
    html += heading(tr(QT_TRANSLATE_NOOP("LandAllocation", "Converted area (ha)")))
    html += report.bar_chart(labels, [float(sm.converted_area) for sm in summaries], " ha", kept_colours)
    return html
