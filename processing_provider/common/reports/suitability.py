"""The HTML report of tsr:suitability: set-up, criteria and weights, robustness classes, the
sensitivity to each weight and the weights' influence across the draws.

`tr` is the algorithm's `self.tr`; the texts are marked with QT_TRANSLATE_NOOP in the context of
the algorithm's class, where pylupdate5 files them and `self.tr` looks them up."""

from __future__ import annotations

import math
from typing import Callable, Sequence

import numpy as np
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ....algorithms.mcda.suitability import Sensitivity, SuitabilitySpec, SuitabilityStatistics, SweepEffect
from .. import report

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the long texts.
# fmt: off
SWEEP_EXPLANATION = QT_TRANSLATE_NOOP(
    "Suitability",
    "One weight at a time is changed by the given share and the other weights are rescaled proportionally so that they "
    "still sum to 1; the chart shows the change of the suitable area (threshold rule) or of the share of the baseline "
    "suitable cells that stay suitable (top-percentage rule)."
)
# fmt: on


def report_html(
    tr: Callable[[str], str],
    spec: SuitabilitySpec,
    w: np.ndarray,
    statistics: SuitabilityStatistics,
    ha: float,
    directions: Sequence[bool],
    ranges: Sequence[tuple[float, float]],
    sens: Sensitivity,
    effects: Sequence[SweepEffect],
    unit: str,
    method: str,
    class_labels: Sequence[str],
    class_colours: Sequence[str],
) -> str:
    """The report of a run: `w` the draw matrix, `ha` the area of a cell, `ranges` the criteria's
    normalisation ranges, `effects`/`unit` the sweep as sweep_effects gives it, `method` the
    name of the aggregation method, the labels and colours of the robustness classes 1–5."""
    names = list(spec.names)
    d = spec.draw_count
    rule = (
        tr(QT_TRANSLATE_NOOP("Suitability", "score ≥ {t:g}")).format(t=spec.threshold)
        if spec.top_percent is None
        else tr(QT_TRANSLATE_NOOP("Suitability", "top {p:g} % of the study area in each draw")).format(p=spec.top_percent)
    )
    setup = report.table(
        [tr(QT_TRANSLATE_NOOP("Suitability", "Item")), tr(QT_TRANSLATE_NOOP("Suitability", "Value"))],
        [
            (tr(QT_TRANSLATE_NOOP("Suitability", "Method")), method),
            (tr(QT_TRANSLATE_NOOP("Suitability", "Formula")), spec.formula()),
            (tr(QT_TRANSLATE_NOOP("Suitability", "Suitable if")), rule),
            (tr(QT_TRANSLATE_NOOP("Suitability", "Weight uncertainty (CV)")), f"{100 * spec.weight_cv:g} %"),
            (tr(QT_TRANSLATE_NOOP("Suitability", "Criterion uncertainty (σ)")), f"{spec.criterion_sd:g}"),
            (
                tr(QT_TRANSLATE_NOOP("Suitability", "Draws")),
                tr(QT_TRANSLATE_NOOP("Suitability", "{draws} (seed {seed})")).format(draws=d, seed=spec.seed),
            ),
        ],
        left_columns=2,
    )
    criteria_rows = [
        [
            names[i],
            "+" if directions[i] else "−",
            float(spec.weights[i]),
            float(np.std(w[i, :d])) if d > 1 else 0.0,
            tr(QT_TRANSLATE_NOOP("Suitability", "min-max from {low:.4g}–{high:.4g}")).format(low=ranges[i][0], high=ranges[i][1])
            if ranges[i] != (0.0, 1.0)
            else tr(QT_TRANSLATE_NOOP("Suitability", "as given (0–1)")),
        ]
        for i in range(spec.n)
    ]
    criteria = report.table(
        [
            tr(QT_TRANSLATE_NOOP("Suitability", "Criterion")),
            tr(QT_TRANSLATE_NOOP("Suitability", "Direction")),
            tr(QT_TRANSLATE_NOOP("Suitability", "Mean weight")),
            tr(QT_TRANSLATE_NOOP("Suitability", "Std. dev. of the weight")),
            tr(QT_TRANSLATE_NOOP("Suitability", "Normalisation")),
        ],
        criteria_rows,
        left_columns=2,
    )
    labels = list(class_labels)
    class_rows = [[labels[k - 1], int(statistics.class_cells[k]), float(statistics.class_cells[k] * ha)] for k in range(1, 6)]
    classes = report.table(
        [
            tr(QT_TRANSLATE_NOOP("Suitability", "Class")),
            tr(QT_TRANSLATE_NOOP("Suitability", "Cells")),
            tr(QT_TRANSLATE_NOOP("Suitability", "Area (ha)")),
        ],
        class_rows,
    )
    classes += report.bar_chart(labels, [float(statistics.class_cells[k] * ha) for k in range(1, 6)], " ha", class_colours)
    sections = [
        (tr(QT_TRANSLATE_NOOP("Suitability", "Set-up")), setup),
        (tr(QT_TRANSLATE_NOOP("Suitability", "Criteria and weights")), criteria),
        (tr(QT_TRANSLATE_NOOP("Suitability", "Robustness classes")), classes),
    ]
    sweep = sweep_section(tr, names, effects, unit)
    if sweep:
        sections.append((tr(QT_TRANSLATE_NOOP("Suitability", "Sensitivity to each weight")), sweep))
    if sens.influence:
        rows = [[r.name, r.area_pearson, r.area_spearman, r.kept_pearson, r.kept_spearman] for r in sens.influence]
        head = [
            tr(QT_TRANSLATE_NOOP("Suitability", "Criterion")),
            tr(QT_TRANSLATE_NOOP("Suitability", "r (area)")),
            tr(QT_TRANSLATE_NOOP("Suitability", "ρ (area)")),
            tr(QT_TRANSLATE_NOOP("Suitability", "r (kept)")),
            tr(QT_TRANSLATE_NOOP("Suitability", "ρ (kept)")),
        ]
        sections.append((tr(QT_TRANSLATE_NOOP("Suitability", "Weights against outcomes across the draws")), report.table(head, rows)))
    return report.document(tr(QT_TRANSLATE_NOOP("Suitability", "Suitability under uncertainty report")), sections)


def sweep_section(tr: Callable[[str], str], names: Sequence[str], effects: Sequence[SweepEffect], unit: str) -> str:
    """The one-at-a-time sweep: a tornado chart of the largest and smallest change of each weight
    (criteria by their largest swing) and the table of every step; "" without a sweep."""
    by_criterion: dict[int, dict[float, SweepEffect]] = {}
    for e in effects[1:]:
        by_criterion.setdefault(e.criterion, {})[e.change] = e
    if not by_criterion:
        return ""
    changes = sorted({c for rows in by_criterion.values() for c in rows})
    low_c, high_c = changes[0], changes[-1]
    order = sorted(by_criterion, key=lambda i: -max(abs(e.delta) for e in by_criterion[i].values()))
    chart = report.tornado_chart(
        [names[i] for i in order],
        [by_criterion[i][low_c].delta if low_c in by_criterion[i] else math.nan for i in order],
        [by_criterion[i][high_c].delta if high_c in by_criterion[i] else math.nan for i in order],
        tr(QT_TRANSLATE_NOOP("Suitability", "weight {c:+.0%}")).format(c=low_c),
        tr(QT_TRANSLATE_NOOP("Suitability", "weight {c:+.0%}")).format(c=high_c),
        f" {unit}",
    )
    rows = [
        [
            e.name if e.criterion is not None else tr(QT_TRANSLATE_NOOP("Suitability", "Baseline")),
            f"{e.change:+.0%}",
            e.suitable_ha,
            e.mean_score,
            e.kept_pct,
        ]
        for e in effects
    ]
    head = [
        tr(QT_TRANSLATE_NOOP("Suitability", "Weight changed")),
        tr(QT_TRANSLATE_NOOP("Suitability", "Change")),
        tr(QT_TRANSLATE_NOOP("Suitability", "Suitable area (ha)")),
        tr(QT_TRANSLATE_NOOP("Suitability", "Mean score")),
        tr(QT_TRANSLATE_NOOP("Suitability", "Baseline cells kept (%)")),
    ]
    return f'<p class="note">{report.esc(tr(SWEEP_EXPLANATION))}</p>' + chart + report.table(head, rows, left_columns=2)
