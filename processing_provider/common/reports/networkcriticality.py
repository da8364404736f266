"""Report of tsr:networkcriticality: the scenario, the most critical elements (table, chart and
map) and the distribution of the criticality classes.

`tr` is the algorithm's `self.tr`; every text is marked QT_TRANSLATE_NOOP("NetworkCriticality", …)
so that pylupdate5 files it in the context where `self.tr` looks it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ....algorithms.network.criticality import Measures, Scenario
from .. import report

Tr = Callable[[str], str]

#: Colours of the criticality classes 0–4 (no effect … very high).
CLASS_COLOURS = ("#bdbdbd", "#fee08b", "#fdae61", "#f46d43", "#a50026")


def class_names(tr: Tr) -> list[str]:
    return [
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "0 no effect")),
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "1 low (costs rise, nobody loses access)")),
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "2 moderate (< 1 % lose access)")),
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "3 high (1–5 % lose access)")),
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "4 very high (≥ 5 % lose access)")),
    ]


@dataclass(frozen=True)
class CriticalityReport:
    """What the report shows: the measures per element (`ids`, `kinds` "road"/"facility",
    `shapes` the road elements' polylines in map units, None for facilities, `points` the
    facilities' xy), the scenario (None without one), the unit name and threshold."""

    measures: Measures
    ids: Sequence[str]
    kinds: Sequence[str]
    shapes: Sequence[list[np.ndarray] | None]
    facility_xy: np.ndarray
    scenario: Scenario | None
    closed_km: float
    unit: str
    threshold: float
    total_population: float
    top: int = 10


def criticality_report(tr: Tr, data: CriticalityReport) -> str:
    m, u = data.measures, data.unit
    sections = []
    if data.scenario is not None:
        hit = data.scenario.impact
        rows = [
            (tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Road length failing in the scenario (km)")), report.fmt(data.closed_km)),
            (tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Population losing access within the threshold")), report.fmt(hit.lost_access)),
            (tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Population cut off from every facility")), report.fmt(hit.cut_off)),
            (
                tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Increase of the mean cost of those still served ({u})")).format(u=u),
                report.fmt(hit.mean_cost_increase),
            ),
            (tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Facilities overloaded by the shift of demand")), str(hit.overloaded)),
        ]
        sections.append(
            (
                tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Scenario")),
                report.table(
                    [tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Item")), tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Value"))], rows, left_columns=2
                )
                + "<p class='note'>"
                + report.esc(tr(QT_TRANSLATE_NOOP("NetworkCriticality", "The ranking below is computed on the network damaged by the scenario.")))
                + "</p>",
            )
        )
    order = np.argsort(m.rank)[: data.top]
    names = class_names(tr)
    rows = [
        [
            int(m.rank[k]),
            data.ids[k],
            data.kinds[k],
            float(m.lost_access[k]),
            float(m.cut_off[k]),
            float(m.mean_cost_increase[k]),
            int(m.overloaded[k]),
            names[int(m.klass[k])],
        ]
        for k in order
    ]
    headers = [
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Rank")),
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Element")),
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Kind")),
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Lost access (persons)")),
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Cut off (persons)")),
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Δ mean cost ({u})")).format(u=u),
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Overloaded facilities")),
        tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Class")),
    ]
    top_table = report.table(headers, rows, left_columns=3)
    chart = report.bar_chart(
        [str(data.ids[k]) for k in order], [float(m.lost_access[k] + 0.0) for k in order], "", [CLASS_COLOURS[int(m.klass[k])] for k in order]
    )
    sections.append(
        (
            tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Most critical elements (population losing access within {t:g} {u})")).format(
                t=data.threshold, u=u
            ),
            top_table + chart,
        )
    )
    drawn = _map(data, set(order.tolist()))
    if drawn:
        sections.append((tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Map of the criticality classes (the top elements labelled)")), drawn))
    counts = np.bincount(m.klass, minlength=5) if len(m) else np.zeros(5, dtype=np.int64)
    sections.append(
        (
            tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Distribution of the criticality classes")),
            report.bar_chart(names, [float(c) for c in counts], "", list(CLASS_COLOURS)),
        )
    )
    notes = [
        (tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Elements evaluated")), str(len(m))),
        (tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Elements on some shortest path (searched again)")), str(m.searched)),
        (tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Threshold")), f"{data.threshold:g} {u}"),
        (tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Total population (persons)")), report.fmt(data.total_population)),
    ]
    sections.append(
        (
            tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Notes")),
            report.table(
                [tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Item")), tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Value"))], notes, left_columns=2
            ),
        )
    )
    return report.document(tr(QT_TRANSLATE_NOOP("NetworkCriticality", "Network criticality report")), sections)


def _map(data: CriticalityReport, labelled: set[int], width: int = 640) -> str:
    """The road elements coloured by class (thicker for higher classes), facilities as squares."""
    lines = [(k, s) for k, s in enumerate(data.shapes) if s]
    xy = [p for _, s in lines for part in s for p in part] + [tuple(p) for p in data.facility_xy]
    if not xy:
        return ""
    xy = np.asarray(xy, dtype=float)
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    span = float(max(hi[0] - lo[0], hi[1] - lo[1])) or 1.0
    height = int(width * max((hi[1] - lo[1]) / span, 0.2)) + 20
    scale = (width - 20) / span
    to = lambda p: (10 + (p[0] - lo[0]) * scale, height - 10 - (p[1] - lo[1]) * scale)  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-size="10">']
    m = data.measures
    for k, shape in sorted(lines, key=lambda item: m.klass[item[0]]):
        grade = int(m.klass[k])
        for part in shape:
            points = " ".join(f"{a:.1f},{b:.1f}" for a, b in (to(p) for p in part))
            parts.append(f'<polyline points="{points}" fill="none" stroke="{CLASS_COLOURS[grade]}" stroke-width="{1 + grade * 0.8:.1f}"/>')
        if k in labelled:
            middle = shape[0][len(shape[0]) // 2]
            a, b = to(middle)
            parts.append(f'<text x="{a:.1f}" y="{b - 3:.1f}">{report.esc(m.rank[k])}</text>')
    for p in data.facility_xy:
        a, b = to(p)
        parts.append(f'<rect x="{a - 4:.1f}" y="{b - 4:.1f}" width="8" height="8" fill="#2166ac"/>')
    parts.append("</svg>")
    return "".join(parts)
