"""Report of tsr:facilitylocation: the solution and, for MCLP, coverage against the number of sites.

`tr` is the algorithm's `self.tr`; every text is marked QT_TRANSLATE_NOOP("FacilityLocation", …)
so that pylupdate5 files it in the context where `self.tr` looks it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ....algorithms.network.location import LocationResult, curve_steps, served_percent
from .. import report

Tr = Callable[[str], str]


@dataclass(frozen=True)
class LocationReport:
    """What the report shows: the model's name as the user chose it, its result, the MCLP curve
    (results for 1…P new sites; empty for the other models), the site ids, the whole population
    `total` (demand without geometry included: `unlocated` features, `unlocated_population`
    persons), the cost unit ("m" or "min") and the service distance or time (0 = none)."""

    model_name: str
    result: LocationResult
    curve: Sequence[LocationResult]
    site_ids: Sequence[str]
    total: float
    unlocated: int
    unlocated_population: float
    unit: str
    service: float


def location_report(tr: Tr, data: LocationReport) -> str:
    result, u = data.result, data.unit
    rows = [
        (tr(QT_TRANSLATE_NOOP("FacilityLocation", "Model")), data.model_name),
        (tr(QT_TRANSLATE_NOOP("FacilityLocation", "Solver status")), result.status),
        (tr(QT_TRANSLATE_NOOP("FacilityLocation", "Optimality gap (%)")), f"{100.0 * result.mip_gap:.4f}"),
        (tr(QT_TRANSLATE_NOOP("FacilityLocation", "Objective")), report.fmt(result.objective)),
        (tr(QT_TRANSLATE_NOOP("FacilityLocation", "New sites")), ", ".join(data.site_ids[j] for j in result.new_sites) or "—"),
        (tr(QT_TRANSLATE_NOOP("FacilityLocation", "Existing facilities kept open")), str(len(result.fixed))),
        (
            tr(QT_TRANSLATE_NOOP("FacilityLocation", "Population served or covered")),
            f"{report.fmt(result.covered_weight)} ({served_percent(result.covered_weight, data.total):.2f} %)",
        ),
        (tr(QT_TRANSLATE_NOOP("FacilityLocation", "Mean cost per person served ({u})")).format(u=u), report.fmt(result.mean_cost)),
        (tr(QT_TRANSLATE_NOOP("FacilityLocation", "Largest cost of a person served ({u})")).format(u=u), report.fmt(result.max_cost)),
        (tr(QT_TRANSLATE_NOOP("FacilityLocation", "Service distance or time ({u})")).format(u=u), f"{data.service:g}" if data.service > 0 else "—"),
        (tr(QT_TRANSLATE_NOOP("FacilityLocation", "Demand points not fully served")), str(len(result.uncovered))),
        (
            tr(QT_TRANSLATE_NOOP("FacilityLocation", "Demand features without geometry (counted as not served)")),
            f"{data.unlocated} ({report.fmt(data.unlocated_population)})",
        ),
        (tr(QT_TRANSLATE_NOOP("FacilityLocation", "Solve time (s)")), f"{result.seconds:.2f}"),
    ]
    headers = [tr(QT_TRANSLATE_NOOP("FacilityLocation", "Item")), tr(QT_TRANSLATE_NOOP("FacilityLocation", "Value"))]
    sections = [(tr(QT_TRANSLATE_NOOP("FacilityLocation", "Solution")), report.table(headers, rows, left_columns=2))]
    if data.curve:
        sections.append((tr(QT_TRANSLATE_NOOP("FacilityLocation", "Coverage against the number of new sites")), curve_html(tr, data)))
    return report.document(tr(QT_TRANSLATE_NOOP("FacilityLocation", "Facility location report")), sections)


def curve_html(tr: Tr, data: LocationReport) -> str:
    """The covered share for 1…P new sites (chart) and what each added site brings (table)."""
    steps = curve_steps(data.curve, data.total)
    chart = report.line_chart(
        [s.p for s in steps],
        [s.covered_percent for s in steps],
        tr(QT_TRANSLATE_NOOP("FacilityLocation", "New sites P")),
        tr(QT_TRANSLATE_NOOP("FacilityLocation", "Population covered (%)")),
    )
    marginal = [[s.p, s.covered_percent, s.added_percent, ", ".join(data.site_ids[j] for j in s.new_sites)] for s in steps]
    headers = [
        tr(QT_TRANSLATE_NOOP("FacilityLocation", "P")),
        tr(QT_TRANSLATE_NOOP("FacilityLocation", "Covered (%)")),
        tr(QT_TRANSLATE_NOOP("FacilityLocation", "Added by the last site (points)")),
        tr(QT_TRANSLATE_NOOP("FacilityLocation", "Sites")),
    ]
    return chart + report.table(headers, marginal)
