"""Report of tsr:servicecoverage: coverage per threshold, the coverage curve, capacity and load.

`tr` is the algorithm's `self.tr`; every text is marked QT_TRANSLATE_NOOP("ServiceCoverage", …)
so that pylupdate5 files it in the context where `self.tr` looks it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ....algorithms.network.coverage import Coverage, capacity_balance, coverage_curve
from .. import report

Tr = Callable[[str], str]


@dataclass(frozen=True)
class CoverageReport:
    """What the report shows. `population` per located demand point (persons), `capacity` per
    facility (persons, NaN unknown), `reached` per located demand point (on the network),
    `unit` "m" or "min"; demand features without geometry: `unlocated` of them with
    `unlocated_population` persons, counted as not covered."""

    coverage: Coverage
    population: np.ndarray
    capacity: np.ndarray
    unit: str
    area_per_person: float
    facility_ids: Sequence[str]
    reached: np.ndarray
    unlocated: int = 0
    unlocated_population: float = 0.0

    @property
    def total(self) -> float:
        return float(self.population.sum()) + self.unlocated_population


def coverage_report(tr: Tr, data: CoverageReport) -> str:
    result, u, total = data.coverage, data.unit, data.total
    thresholds = result.thresholds
    covered = result.covered_population(data.population)
    rows = [[f"{t:g} {u}", covered[k], 100.0 * covered[k] / total if total else 0.0, total - covered[k]] for k, t in enumerate(thresholds)]
    headers = [
        tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Threshold")),
        tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Population covered")),
        tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Covered (%)")),
        tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Underserved population")),
    ]
    steps, share = coverage_curve(result.cost, data.population, total, max(thresholds))
    curve = report.line_chart(
        list(steps),
        list(share),
        tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Cost to the nearest facility ({u})")).format(u=u),
        tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Population covered (%)")),
        thresholds,
    )
    sections = [
        (tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Coverage per threshold")), report.table(headers, rows)),
        (tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Coverage against cost")), curve),
    ]
    if np.isfinite(data.capacity).any():
        sections += capacity_sections(tr, data)
    sections.append((tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Notes")), notes_table(tr, data)))
    return report.document(tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Service coverage report")), sections)


def item_table(tr: Tr, rows) -> str:
    return report.table([tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Item")), tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Value"))], rows, left_columns=2)


def capacity_sections(tr: Tr, data: CoverageReport) -> list[tuple[str, str]]:
    """The capacity balance and the load of each facility (nearest within the first threshold)."""
    result, capacity, total = data.coverage, data.capacity, data.total
    balance = capacity_balance(result.assigned, capacity, total)
    rows = [
        (tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Total capacity (persons)")), report.fmt(balance.total_capacity)),
        (tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Total population (persons)")), report.fmt(total)),
        (tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Overall capacity gap (persons)")), report.fmt(balance.gap)),
        (
            tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Overall capacity gap (m² at {a:g} m² per person)")).format(a=data.area_per_person),
            report.fmt(balance.gap * data.area_per_person),
        ),
        (tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Overloaded facilities")), str(balance.overloaded)),
        (tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Assigned beyond capacity (persons)")), report.fmt(float(balance.beyond.sum()))),
    ]
    loads = [
        [name, result.assigned[j], capacity[j], result.assigned[j] / capacity[j] if capacity[j] > 0 else float("nan")]
        for j, name in enumerate(data.facility_ids)
    ]
    headers = [
        tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Facility")),
        tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Assigned")),
        tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Capacity")),
        tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Load ratio")),
    ]
    return [
        (tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Capacity")), item_table(tr, rows)),
        (tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Facility load (nearest facility within the first threshold)")), report.table(headers, loads)),
    ]


def notes_table(tr: Tr, data: CoverageReport) -> str:
    notes = [
        (tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Demand points off the network")), str(int((~data.reached).sum()))),
        (tr(QT_TRANSLATE_NOOP("ServiceCoverage", "2SFCA catchment")), f"{data.coverage.thresholds[0]:g} {data.unit}"),
    ]
    if data.unlocated:
        notes.append(
            (
                tr(QT_TRANSLATE_NOOP("ServiceCoverage", "Demand features without geometry (counted as not covered)")),
                f"{data.unlocated} ({report.fmt(data.unlocated_population)})",
            )
        )
    return item_table(tr, notes)
