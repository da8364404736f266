"""Report of tsr:barriers: set-up, the linked pairs with their least-cost distance and best score,
and the largest score per radius.

Strings are translated in the algorithm's context ("Barriers")."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from qgis.PyQt.QtCore import QCoreApplication

from ....algorithms.ecology.barriers import BarrierResult
from ....i18n import tr
from .. import report

translate = QCoreApplication.translate
CONTEXT = "Barriers"


def _t(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class BarrierReport:
    """The core's result, the source ids (by label − 1), the radii (map units) and the cell size."""

    result: BarrierResult
    ids: list
    radii: list
    cell: tuple[float, float]


def barrier_report(data: BarrierReport) -> str:
    return report.document(
        _t("Barrier report"),
        [
            (_t("Method and settings"), setup_html(data)),
            (_t("Linked pairs"), pairs_html(data)),
            (_t("Largest score per radius"), radius_html(data)),
        ],
    )


def setup_html(data: BarrierReport) -> str:
    rows = [
        (_t("Search radii (map units)"), ", ".join(f"{r:g}" for r in data.radii)),
        (_t("Linked pairs"), str(len(data.result.pairs))),
        (_t("Cell size (m)"), f"{data.cell[0]:g} × {data.cell[1]:g}"),
    ]
    formula = _t(
        "Improvement score of restoring a circular window of radius R to resistance 1: "
        "IS = (LCD_ab − (min CWD_a + min CWD_b + 2R)) / (2R), minima over the window, 0 when restoring does not help "
        "(McRae et al. 2012, Linkage Mapper's Barrier Mapper)."
    )
    return report.table([_t("Setting"), _t("Value")], rows, left_columns=2) + f"<p>{report.esc(formula)}</p>"


def pairs_html(data: BarrierReport) -> str:
    rows = []
    for pair in data.result.pairs:
        rows.append(
            (
                f"{data.ids[pair.a - 1]} – {data.ids[pair.b - 1]}",
                pair.lcd if math.isfinite(pair.lcd) else "–",
                pair.best if math.isfinite(pair.best) else "–",
                tr(pair.status),
            )
        )
    html = report.table([_t("Pair"), _t("Least-cost distance"), _t("Largest improvement score"), _t("Status")], rows, left_columns=1)
    scored = [(f"{data.ids[p.a - 1]} – {data.ids[p.b - 1]}", p.best) for p in data.result.pairs if math.isfinite(p.best)]
    if scored:
        html += report.bar_chart([s[0] for s in scored], [s[1] for s in scored])
    return html


def radius_html(data: BarrierReport) -> str:
    rows = [(f"{r:g}", float(v)) for r, v in sorted(data.result.by_radius.items())]
    score = data.result.score
    finite = score[np.isfinite(score)]
    note = _t("Cells with the highest scores are the barriers (障碍点) whose restoration would improve connectivity most.")
    extra = ""
    if finite.size:
        extra = "<p>" + report.esc(_t("Cells with a positive score: {n}").format(n=f"{int((finite > 0).sum()):,}")) + "</p>"
    return report.table([_t("Radius"), _t("Largest improvement score")], rows, left_columns=1) + extra + f"<p>{report.esc(note)}</p>"
