"""Report of tsr:circuitconnectivity: set-up, the effective resistances (table and chart) and the
current map's figures.

Strings are translated in the algorithm's context ("CircuitConnectivity")."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from qgis.PyQt.QtCore import QCoreApplication

from ....algorithms.ecology.circuit import CircuitResult
from ....i18n import tr
from .. import report

translate = QCoreApplication.translate
CONTEXT = "CircuitConnectivity"


def _t(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class CircuitReport:
    """The core's result, the mode, connection and averaging names, CORRIDOR_WIDTH (None outside
    the pinch-point mode) and the cell size (m)."""

    result: CircuitResult
    mode: str
    connections: str
    average: str
    width: float | None
    cell: tuple[float, float]


def circuit_report(data: CircuitReport) -> str:
    return report.document(
        _t("Circuit connectivity report"),
        [
            (_t("Method and settings"), setup_html(data)),
            (_t("Effective resistances"), resistances_html(data)),
            (_t("Current density"), current_html(data)),
        ],
    )


def setup_html(data: CircuitReport) -> str:
    result = data.result
    rows = [
        (_t("Mode"), data.mode),
        (_t("Cell connections"), data.connections),
        (_t("Link conductance from"), data.average),
        (_t("Focal nodes"), str(len(result.ids))),
        (_t("Cells in the network (nodes)"), f"{result.nodes:,}"),
        (_t("Linear solves"), str(result.solves)),
        (_t("Cell size (m)"), f"{data.cell[0]:g} × {data.cell[1]:g}"),
    ]
    if data.width is not None:
        rows.append((_t("Corridor width (cut-off)"), report.fmt(data.width)))
    formula = _t(
        "Cells are nodes joined to their neighbours by conductances (harmonic or arithmetic mean, diagonals ÷ √2); "
        "effective resistance R_ij = v_i − v_j for 1 A from i to j (Circuitscape 5; McRae 2006)."
    )
    return report.table([_t("Setting"), _t("Value")], rows, left_columns=2) + f"<p>{report.esc(formula)}</p>"


def resistances_html(data: CircuitReport) -> str:
    rows = []
    labels, values = [], []
    for row in data.result.resistances:
        name = str(row.from_id) if row.to_id is None else f"{row.from_id} – {row.to_id}"
        rows.append((name, row.resistance if row.resistance is not None else "–", tr(row.status)))
        if row.resistance is not None and math.isfinite(row.resistance):
            labels.append(name)
            values.append(float(row.resistance))
    html = report.table([_t("Pair / focal node"), _t("Effective resistance"), _t("Status")], rows, left_columns=1)
    if values:
        order = np.argsort(values)[::-1][:40]
        html += report.bar_chart([labels[k] for k in order], [values[k] for k in order])
        html += "<p>" + report.esc(_t("Mean effective resistance: {value}").format(value=report.fmt(float(np.mean(values))))) + "</p>"
    return html


def current_html(data: CircuitReport) -> str:
    current = data.result.current
    finite = current[np.isfinite(current)]
    if not finite.size:
        return "<p>" + report.esc(_t("No cell carries current")) + "</p>"
    q = np.percentile(finite, [50, 90, 99])
    rows = [
        (_t("Median"), float(q[0])),
        (_t("90th percentile"), float(q[1])),
        (_t("99th percentile (pinch points above)"), float(q[2])),
        (_t("Maximum"), float(finite.max())),
    ]
    note = _t("Cells whose current is far above the median concentrate movement: pinch points (生态夹点), where a loss would cut the connection.")
    return report.table([_t("Statistic"), _t("Current (A)")], rows, left_columns=1) + f"<p>{report.esc(note)}</p>"
