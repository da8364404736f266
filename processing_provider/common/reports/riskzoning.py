"""Report of tsr:riskzoning: classification, histogram with the breaks, area per grade and per unit.

Strings are translated in the algorithm's context ("RiskZoning"), written as
`translate("RiskZoning", "…")` so that pylupdate5 files them there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from qgis.PyQt.QtCore import QCoreApplication

from ....algorithms.raster.classify import Breaks
from ....algorithms.raster.zoning import GRADE_LABELS, ZoneRecord
from .. import report, styles

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ZoningReport:
    """What the zoning report shows. `labels` are the grade labels in the user's language
    (lowest first); `edges`/`counts` the histogram of the valid cells (classify.value_histogram);
    `unit_rows` the rows of unit_area_rows (None without units) and `unit_problems` the
    (unit, reason) pairs of the units that have zero area."""

    method_name: str
    k: int
    breaks: Breaks
    gvf: float
    min_area_ha: float
    control_grade: int
    controlled_ha: float
    labels: Sequence[str]
    edges: np.ndarray
    counts: np.ndarray
    records: Sequence[ZoneRecord]
    unit_rows: Sequence[Sequence] | None = None
    unit_problems: Sequence[tuple[str, str]] = field(default=())


def zoning_report(result: ZoningReport) -> str:
    sections = [
        (translate("RiskZoning", "Classification"), setup_html(result)),
        (
            translate("RiskZoning", "Histogram and class breaks"),
            report.histogram_chart(list(result.edges), list(result.counts), result.breaks.values, styles.GRADE_COLOURS[result.k]),
        ),
        (translate("RiskZoning", "Area per grade"), zones_html(result)),
    ]
    if result.unit_rows:
        sections.append((translate("RiskZoning", "Area per grade and unit"), units_html(result)))
    return report.document(translate("RiskZoning", "Risk zoning report"), sections)


def setup_html(result: ZoningReport) -> str:
    exact = result.breaks.exact
    rows = [
        (translate("RiskZoning", "Method"), result.method_name),
        (translate("RiskZoning", "Grades"), str(result.k)),
        (translate("RiskZoning", "Breaks used"), ", ".join(f"{b:.6g}" for b in result.breaks.values)),
        (
            translate("RiskZoning", "Computed on"),
            translate("RiskZoning", "every valid cell, exactly") if exact else translate("RiskZoning", "every valid cell, on a 16 384-bin histogram"),
        ),
        (translate("RiskZoning", "Goodness of variance fit"), f"{result.gvf:.4f}"),
        (translate("RiskZoning", "Minimum patch area"), f"{result.min_area_ha:g} ha"),
        (
            translate("RiskZoning", "Controlled zone"),
            translate("RiskZoning", "grades ≥ {g}: {ha} ha").format(g=result.control_grade, ha=report.fmt(result.controlled_ha)),
        ),
    ]
    return report.table([translate("RiskZoning", "Item"), translate("RiskZoning", "Value")], rows, left_columns=2)


def zones_html(result: ZoningReport) -> str:
    labels, records = result.labels, result.records
    # The fixed Chinese label is shown beside the interface's own, unless that is Chinese already.
    bilingual = labels[0] != GRADE_LABELS[result.k][1][0]
    rows = [[r.grade, labels[r.grade - 1]] + ([r.label_zh] if bilingual else []) + [r.area_ha, r.share_pct] for r in records]
    headers = (
        [translate("RiskZoning", "Grade"), translate("RiskZoning", "Label")]
        + (["中文"] if bilingual else [])
        + [translate("RiskZoning", "Area (ha)"), translate("RiskZoning", "Share (%)")]
    )
    html = report.table(headers, rows, left_columns=3 if bilingual else 2)
    return html + report.bar_chart([labels[r.grade - 1] for r in records], [r.area_ha for r in records], " ha", styles.GRADE_COLOURS[result.k])


def units_html(result: ZoningReport) -> str:
    headers = (
        [translate("RiskZoning", "Unit")]
        + [label + " (ha)" for label in result.labels]
        + [translate("RiskZoning", "Total (ha)"), translate("RiskZoning", "Controlled (ha)"), translate("RiskZoning", "Controlled (%)")]
    )
    html = report.table(headers, result.unit_rows)
    for name, reason in result.unit_problems:
        text = translate("RiskZoning", "{unit} has zero area: {reason}").format(unit=name, reason=reason)
        html += f'<p class="warn">{report.esc(text)}</p>'
    return html
