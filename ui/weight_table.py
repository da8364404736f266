"""The table of weighted layers that paths 1 and 2 share: one row per layer (hazards, criteria),
an "In use" check box, the layer's name, the page's own columns, and the weight (last column);
missing weights filled with equal shares, rows set "as the user would", the weights parsed, and
weights by pairwise comparison (AHP) written back into the rows they were asked for."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTableWidget, QTableWidgetItem

from ..algorithms.common.parsing import to_number
from .ahp_dialog import AhpDialog, ask_weights
from .widgets import cell_text

USE, NAME = 0, 1


def parse_weights(texts: list[str]) -> list[float] | None:
    """The weights typed in the rows, or None when one is not a (finite) number."""
    weights = [to_number(text) for text in texts]
    return None if None in weights else weights


class WeightTable(QTableWidget):
    """`headers` name the columns: "In use", the layer, the page's columns, the weight last."""

    def __init__(self, headers: list[str], min_height: int, parent=None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(28)
        self.setMinimumHeight(min_height)
        self.weight_column = len(headers) - 1
        self.judgements: dict = {}  # the last pairwise comparisons, offered again

    # --- rows --------------------------------------------------------------------------------

    def add_layer_row(self, layer, use: bool) -> int:
        """A new row for `layer` (its name read-only, its id kept), ticked when `use`."""
        r = self.rowCount()
        self.insertRow(r)
        item = QTableWidgetItem()
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        self.setItem(r, USE, item)
        self.set_used(r, use)
        name = QTableWidgetItem(layer.name())
        name.setData(Qt.ItemDataRole.UserRole, layer.id())
        name.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.setItem(r, NAME, name)
        return r

    def set_text(self, r: int, column: int, value) -> None:
        text = cell_text(value)
        if self.item(r, column) is None:
            self.setItem(r, column, QTableWidgetItem(text))
        else:
            self.item(r, column).setText(text)

    def is_used(self, r: int) -> bool:
        return self.item(r, USE).checkState() == Qt.CheckState.Checked

    def set_used(self, r: int, use: bool) -> None:
        self.item(r, USE).setCheckState(Qt.CheckState.Checked if use else Qt.CheckState.Unchecked)

    def rows_named(self, name: str) -> list[int]:
        return [r for r in range(self.rowCount()) if self.item(r, NAME).text() == name]

    def set_row(self, r: int, use: bool | None = None, texts: dict | None = None) -> None:
        """Tick or untick row `r` and type the given {column: value} (None: left as it is)."""
        if use is not None:
            self.set_used(r, use)
        for column, value in (texts or {}).items():
            if value is not None:
                self.set_text(r, column, value)

    def row(self, r: int) -> dict:
        """The layer id, name, use and weight (as typed) of row `r`."""
        return {
            "id": self.item(r, NAME).data(Qt.ItemDataRole.UserRole),
            "name": self.item(r, NAME).text(),
            "use": self.is_used(r),
            "weight": self.item(r, self.weight_column).text().strip(),
        }

    def fill_equal_weights(self) -> None:
        """Missing weights of the rows in use: equal shares."""
        used = [r for r in range(self.rowCount()) if self.is_used(r)]
        for r in used:
            if not self.item(r, self.weight_column).text().strip():
                self.item(r, self.weight_column).setText(f"{1 / len(used):.4g}")

    # --- weights by pairwise comparison --------------------------------------------------------

    def open_ahp(self, parent, panel, too_few: str) -> AhpDialog | None:
        """The AHP dialog for the rows in use; its weights go into these rows. With fewer than
        two rows in use, `too_few` is shown on `panel` instead."""
        used = [r for r in range(self.rowCount()) if self.is_used(r)]
        if len(used) < 2:
            panel.show_error(too_few)
            return None
        ids = [self.row(r)["id"] for r in used]

        def apply(weights, judgements):
            self.judgements = judgements
            rows = {self.row(r)["id"]: r for r in range(self.rowCount())}
            for layer_id, weight in zip(ids, weights):
                if layer_id in rows:
                    self.set_text(rows[layer_id], self.weight_column, round(weight, 4))

        return ask_weights(parent, [self.row(r)["name"] for r in used], self.judgements, apply)
