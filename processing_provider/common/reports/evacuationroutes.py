"""Report of tsr:evacuationroutes: summary, people per shelter, walking times, who is left and why.

`tr` is the algorithm's `self.tr`; every text is marked QT_TRANSLATE_NOOP("EvacuationRoutes", …)
so that pylupdate5 files it in the context where `self.tr` looks it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ....algorithms.network.evacuation import RouteMeasures
from .. import report

Tr = Callable[[str], str]


@dataclass(frozen=True)
class EvacuationReport:
    """What the report shows. `total`: every resident (those without geometry included: `lost`
    features with `lost_population` persons, not evacuated); `left` per located resident the
    people without a route and `reasons` why (in words, None when nobody is left). Per shelter
    (located): `load`, `capacity` (None when not given), and the marks `inside` (inside a zone,
    avoid mode: receives nobody), `inside_used` (inside a zone, penalise mode) and `off_road`;
    `homeless_ids` the shelters without geometry. `avoid`: hazard zones avoided (else
    penalised); `has_zones`; `unit` "m" or "min"; `nobody`: the warning when nobody is evacuated."""

    measures: RouteMeasures
    total: float
    left: np.ndarray
    reasons: Sequence[str | None]
    shelter_ids: Sequence[str]
    load: np.ndarray
    capacity: np.ndarray | None
    avoid: bool
    has_zones: bool
    unit: str
    inside: np.ndarray
    inside_used: np.ndarray
    off_road: np.ndarray
    homeless_ids: Sequence[str] = ()
    lost: int = 0
    lost_population: float = 0.0
    nobody: str | None = None


def evacuation_report(tr: Tr, data: EvacuationReport) -> str:
    body = f'<p class="warn">{report.esc(data.nobody)}</p>' if data.nobody else ""
    headers = [tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Item")), tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Value"))]
    sections = [
        (tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Summary")), body + report.table(headers, summary_rows(tr, data), left_columns=2)),
        (tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "People per shelter")), shelters_table(tr, data)),
    ]
    measures = data.measures
    if len(measures.time_min):
        edges = np.linspace(0.0, float(measures.time_min.max()) or 1.0, 21)
        counts, _ = np.histogram(measures.time_min, bins=edges, weights=measures.people)
        sections.append(
            (tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "People by walking time (minutes)")), report.histogram_chart(list(edges), list(counts)))
        )
    missing: dict[str, float] = {}
    for value, reason in zip(data.left, data.reasons):
        if reason:
            missing[reason] = missing.get(reason, 0.0) + float(value)
    if data.lost_population:
        no_geometry = tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "no geometry"))
        missing[no_geometry] = missing.get(no_geometry, 0.0) + data.lost_population
    if missing:
        headers = [tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Reason")), tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "People"))]
        sections.append(
            (tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Residents not evacuated, by reason")), report.table(headers, list(missing.items())))
        )
    return report.document(tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Evacuation routes report")), sections)


def summary_rows(tr: Tr, data: EvacuationReport) -> list[tuple[str, str]]:
    measures, total = data.measures, data.total
    evacuated = measures.evacuated
    not_evacuated = float(data.left.sum()) + data.lost_population
    if not data.has_zones:
        zones = tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "none given"))
    elif data.avoid:
        zones = tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "avoided"))
    else:
        zones = tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "penalised"))
    rows = [
        (tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Residents")), report.fmt(total)),
        (
            tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "With a safe route to a shelter")),
            f"{report.fmt(evacuated)} ({100.0 * evacuated / total if total else 0.0:.2f} %)",
        ),
        (tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Not evacuated")), report.fmt(not_evacuated)),
        (tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Mean route length (m, per person)")), report.fmt(measures.per_person(measures.length_m))),
        (tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Mean walking time (min, per person)")), report.fmt(measures.per_person(measures.time_min))),
        (
            tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Longest route (m)")),
            report.fmt(float(measures.length_m.max()) if len(measures.length_m) else 0.0),
        ),
        (tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Route length inside hazard zones (m, total)")), report.fmt(float(measures.hazard_m.sum()))),
        (tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Hazard zones")), zones),
        (tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Cost")), data.unit),
    ]
    if data.lost:
        rows.append(
            (
                tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Residents without geometry (not evacuated)")),
                f"{data.lost} ({report.fmt(data.lost_population)})",
            )
        )
    return rows


def shelters_table(tr: Tr, data: EvacuationReport) -> str:
    """People per shelter, with capacity when given and a note on why a shelter receives nobody."""
    capacity = data.capacity
    rows = []
    for j, name in enumerate(data.shelter_ids):
        remark = []
        if data.inside[j]:
            remark.append(tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "inside a hazard zone: receives nobody")))
        if data.inside_used[j]:
            remark.append(tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "inside a hazard zone: reached at the penalty")))
        if data.off_road[j]:
            remark.append(tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "too far from any road")))
        if capacity is not None and not capacity[j] > 0:
            remark.append(tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "no capacity")))
        rows.append([name, float(data.load[j])] + ([float(capacity[j])] if capacity is not None else []) + ["; ".join(remark)])
    for name in data.homeless_ids:
        rows.append(
            [name, 0.0] + (["–"] if capacity is not None else []) + [tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "no geometry: receives nobody"))]
        )
    headers = [tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Shelter")), tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "People"))]
    headers += [tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Capacity"))] if capacity is not None else []
    headers += [tr(QT_TRANSLATE_NOOP("EvacuationRoutes", "Note"))]
    return report.table(headers, rows)
