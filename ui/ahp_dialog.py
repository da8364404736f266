"""Weights by pairwise comparison: the user judges each pair of criteria on Saaty's 1–9 scale,
tsr:ahpweights (in the background) gives the weights, the consistency ratio and, when the
judgements are inconsistent, which ones to revise first."""

from __future__ import annotations

import tempfile
from fractions import Fraction
from typing import Callable

from qgis.core import QgsProcessingUtils, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..algorithms.common.parsing import VALUE_SEPARATORS, parse_numbers
from ..i18n import tr
from .chain import Step
from .charts import Chart
from .runner import ChainRunner
from .widgets import RunPanel

SCALE = ("9", "8", "7", "6", "5", "4", "3", "2", "1", "1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8", "1/9")


def reciprocal(value: str) -> str:
    fraction = 1 / Fraction(value)
    return str(fraction.numerator) if fraction.denominator == 1 else f"{fraction.numerator}/{fraction.denominator}"


class AhpDialog(QDialog):
    """`criteria` names; `judgements` {(i, j): "3"} for i < j (default: all equal)."""

    def __init__(self, criteria: list[str], judgements: dict | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Weights by pairwise comparison (AHP)"))
        self.criteria = [VALUE_SEPARATORS.sub(" ", c) for c in criteria]  # CRITERIA is a comma list
        self.weights: list[float] = []
        self.cr: float | None = None
        self.consistent = False
        self.report = ""
        n = len(self.criteria)

        explanation = QLabel(
            tr(
                "How much more important is the criterion of the row than the criterion of the column? 1 equal, 3 moderately, 5 strongly, 7 very "
                "strongly, 9 extremely more important (2, 4, 6, 8 in between); 1/3 … 1/9 when the column's criterion is the more important one. "
                "Only the cells above the diagonal are judged; the others are their reciprocals."
            )
        )
        explanation.setWordWrap(True)
        self.table = QTableWidget(n, n)
        self.table.setHorizontalHeaderLabels(self.criteria)
        self.table.setVerticalHeaderLabels(self.criteria)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.combos: dict[tuple[int, int], QComboBox] = {}
        judgements = judgements or {}
        for i in range(n):
            for j in range(n):
                if j > i:
                    combo = QComboBox()
                    combo.addItems(SCALE)
                    combo.setCurrentText(judgements.get((i, j), "1"))
                    combo.currentTextChanged.connect(lambda _text, i=i, j=j: self._changed(i, j))
                    self.table.setCellWidget(i, j, combo)
                    self.combos[(i, j)] = combo
                else:
                    item = QTableWidgetItem("1" if i == j else "")
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.table.setItem(i, j, item)
        for i, j in self.combos:
            self._mirror(i, j)

        self.panel = RunPanel(tr("Compute the weights"))
        self.panel.run_clicked.connect(self.compute)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.chart = Chart(tr("Weights"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Use these weights"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.panel)
        layout.addWidget(self.verdict)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 620)
        self.runner: ChainRunner | None = None

    def _mirror(self, i: int, j: int) -> None:
        self.table.item(j, i).setText(reciprocal(self.combos[(i, j)].currentText()))

    def _changed(self, i: int, j: int) -> None:
        """A judgement changed: the weights shown no longer hold."""
        self._mirror(i, j)
        self.weights = []
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def judgements(self) -> dict:
        return {key: combo.currentText() for key, combo in self.combos.items()}

    def set_judgement(self, i: int, j: int, value: str) -> None:
        self.combos[(i, j)].setCurrentText(value)

    def matrix_text(self) -> str:
        """The upper triangle, row by row, as tsr:ahpweights' MATRIX takes it."""
        return ", ".join(self.combos[key].currentText() for key in sorted(self.combos))

    def compute(self) -> None:
        folder = tempfile.mkdtemp(prefix="ahp_", dir=QgsProcessingUtils.tempFolder())
        step = Step(
            "ahp", "tsr:ahpweights", tr("AHP weights"), {"MATRIX": self.matrix_text(), "CRITERIA": ",".join(self.criteria), "OUTPUT_TABLE": None}
        )
        self.runner = ChainRunner([step], folder, QgsProject.instance(), parent=self)
        self.panel.attach(self.runner)
        self.runner.finished.connect(self._finished)
        self.runner.start()

    def _finished(self, ok: bool, _error: str) -> None:
        if not ok:
            return
        results = self.runner.results["ahp"]
        self.weights = parse_numbers(str(results["WEIGHTS"]))
        self.cr = float(results["CR"])
        self.consistent = bool(results["CONSISTENT"])
        self.report = results.get("OUTPUT_HTML", "")
        if self.consistent:
            text = tr("Consistency ratio CR = {cr:.3f}: the judgements are consistent enough (CR ≤ 0.10).").format(cr=self.cr)
            self.panel.show_done(text)
        else:
            text = tr(
                "Consistency ratio CR = {cr:.3f}: the judgements contradict each other (CR > 0.10). Revise the judgements listed under Details, or "
                "use these weights knowingly."
            ).format(cr=self.cr)
            self.panel.show_error(text)
            self.panel.details_button.setChecked(True)
        self.verdict.setText(", ".join(f"{c} {w:.3f}" for c, w in zip(self.criteria, self.weights)))
        self.chart.bars(self.criteria, self.weights, tr("Weight"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def reject(self) -> None:
        if self.runner is not None:
            self.runner.cancel()
        super().reject()


def ask_weights(parent, names: list[str], judgements: dict, apply: Callable[[list[float], dict], None]) -> AhpDialog:
    """Open the dialog (with the earlier judgements if they fit these criteria); on "use these
    weights", `apply(weights, judgements)`."""
    n = len(names)
    dialog = AhpDialog(names, judgements if len(judgements) == n * (n - 1) // 2 else None, parent)
    dialog.accepted.connect(lambda: apply(dialog.weights, dialog.judgements()))
    dialog.open()
    return dialog
