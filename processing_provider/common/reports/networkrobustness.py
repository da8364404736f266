"""Report of tsr:networkrobustness: the robustness curves, the critical fraction and R.

`tr` is the algorithm's `self.tr`; every text is marked QT_TRANSLATE_NOOP("NetworkRobustness", …)
so that pylupdate5 files it in the context where `self.tr` looks it up.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ....algorithms.network.robustness import Curve
from .. import report

Tr = Callable[[str], str]


def robustness_report(tr: Tr, curve: Curve, removal: str, unit: str, nodes: int, links: int, repetitions: int, threshold: float | None) -> str:
    fraction = [float(f) for f in curve.fraction]
    rows = [
        (tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Nodes")), str(nodes)),
        (tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Links")), str(links)),
        (tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Removal")), removal),
        (tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Removed units")), unit),
        (tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Repetitions (random removal)")), str(repetitions)),
        (
            tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Critical fraction (largest component below half of the nodes)")),
            report.fmt(curve.critical_fraction) if np.isfinite(curve.critical_fraction) else "–",
        ),
        (tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Robustness R (area under the largest-component curve)")), report.fmt(curve.robustness)),
    ]
    sections = [
        (
            tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Summary")),
            report.table(
                [tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Item")), tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Value"))], rows, left_columns=2
            )
            + '<p class="formula">s = N_LCC / N₀ &nbsp; E = Σ_{i≠j} 1/d_ij / (N₀(N₀ − 1)) &nbsp; R = ∫₀¹ s(q) dq</p>',
        ),
        (
            tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Share of the nodes in the largest component")),
            report.line_chart(
                fraction,
                [float(v) for v in curve.largest],
                tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Removed share")),
                tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Largest component share")),
                [curve.critical_fraction] if np.isfinite(curve.critical_fraction) else [],
            ),
        ),
        (
            tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Global efficiency")),
            report.line_chart(
                fraction,
                [float(v) for v in curve.efficiency],
                tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Removed share")),
                tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Global efficiency")),
            ),
        ),
    ]
    if threshold is not None and np.isfinite(curve.covered).any():
        sections.append(
            (
                tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Population within {t:g} m of a facility (%)")).format(t=threshold),
                report.line_chart(
                    fraction,
                    [100.0 * float(v) for v in curve.covered],
                    tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Removed share")),
                    tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Population covered (%)")),
                ),
            )
        )
    table_rows = [
        [int(curve.removed[k]), float(curve.fraction[k]), float(curve.largest[k]), float(curve.efficiency[k])]
        + ([100.0 * float(curve.covered[k])] if threshold is not None else [])
        for k in range(len(curve.fraction))
    ]
    headers = [
        tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Removed")),
        tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Removed share")),
        tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Largest component share")),
        tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Global efficiency")),
    ] + ([tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Population covered (%)"))] if threshold is not None else [])
    sections.append((tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Curve")), report.table(headers, table_rows, left_columns=0)))
    return report.document(tr(QT_TRANSLATE_NOOP("NetworkRobustness", "Network robustness report")), sections)
