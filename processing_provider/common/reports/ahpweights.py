"""The HTML report of tsr:ahpweights: the judgements, the weights, the consistency verdict and the
judgements to revise first.

`tr` is the algorithm's `self.tr`; the texts are marked with QT_TRANSLATE_NOOP in the context of
the algorithm's class, where pylupdate5 files them and `self.tr` looks them up."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ....algorithms.mcda.ahp import AhpResult, judgement_label
from ....i18n import tr as tr_default
from .. import report


def report_html(tr: Callable[[str], str], matrix: np.ndarray, result: AhpResult, names: Sequence[str]) -> str:
    """The report of the judgement `matrix` (n × n), its `result` and the criterion `names`."""
    names = list(names)
    n = result.n
    judgements = report.table(
        [""] + names, [[names[i]] + [judgement_label(float(matrix[i, j])) for j in range(n)] for i in range(n)], left_columns=n + 1
    )
    weights = report.table(
        [
            tr(QT_TRANSLATE_NOOP("AhpWeights", "Criterion")),
            tr(QT_TRANSLATE_NOOP("AhpWeights", "Weight")),
            tr(QT_TRANSLATE_NOOP("AhpWeights", "Rank")),
        ],
        [[names[i], float(result.weights[i]), int(result.ranks[i])] for i in range(n)],
    ) + report.bar_chart(names, [100.0 * w for w in result.weights], " %")
    verdict_class = "note" if result.consistent else "warn"
    verdict = report.table(
        [tr(QT_TRANSLATE_NOOP("AhpWeights", "Item")), tr(QT_TRANSLATE_NOOP("AhpWeights", "Value"))],
        [
            ("λmax", f"{result.lambda_max:.4f}"),
            ("CI = (λmax − n)/(n − 1)", f"{result.ci:.4f}"),
            ("RI", f"{result.ri:.2f}"),
            ("CR = CI/RI", f"{result.cr:.4f}"),
            (tr(QT_TRANSLATE_NOOP("AhpWeights", "Largest acceptable CR")), f"{result.max_cr:.2f}"),
        ],
        left_columns=2,
    )
    # the advice is the core's (its templates are in the default context)
    verdict += "".join(f'<p class="{verdict_class}">{report.esc(m.translated(tr_default))}</p>' for m in result.advice)
    sections = [
        (tr(QT_TRANSLATE_NOOP("AhpWeights", "Judgements")), judgements),
        (tr(QT_TRANSLATE_NOOP("AhpWeights", "Weights")), weights),
        (tr(QT_TRANSLATE_NOOP("AhpWeights", "Consistency")), verdict),
    ]
    if result.revisions:
        rows = [
            [
                f"{names[r.row]} : {names[r.col]}",
                judgement_label(r.value),
                judgement_label(r.implied),
                judgement_label(r.scale_value),
                f"{r.cr_after:.3f}",
            ]
            for r in result.revisions
        ]
        head = [
            tr(QT_TRANSLATE_NOOP("AhpWeights", "Pair")),
            tr(QT_TRANSLATE_NOOP("AhpWeights", "Your judgement")),
            tr(QT_TRANSLATE_NOOP("AhpWeights", "Consistent with the weights")),
            tr(QT_TRANSLATE_NOOP("AhpWeights", "Suggested value")),
            tr(QT_TRANSLATE_NOOP("AhpWeights", "CR after the change")),
        ]
        sections.append((tr(QT_TRANSLATE_NOOP("AhpWeights", "Judgements to revise first")), report.table(head, rows, left_columns=5)))
    return report.document(tr(QT_TRANSLATE_NOOP("AhpWeights", "AHP weights report")), sections)
