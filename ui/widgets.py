"""Small widgets the pages share: the run panel (run, progress, cancel, messages), a message
banner, a checkable layer list, and layer/field pickers that work on QGIS 3.22 to 4."""

from __future__ import annotations

from qgis.core import QgsFieldProxyModel, QgsMapLayer, QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..processing_provider.common.qgis_compat import POLYGON_GEOMETRY, scoped
from .runner import ERROR, INFO, WARNING, ChainRunner, algorithm

COLOURS = {INFO: ("#e8f1fb", "#1d4f91"), WARNING: ("#fff4d6", "#7a5200"), ERROR: ("#fde7e7", "#9b1c1c"), "ok": ("#e6f4ea", "#1e6b34")}


def layer_filter(name: str):
    """QgsMapLayerProxyModel filters (Qgis.LayerFilter from QGIS 3.34)."""
    return scoped("LayerFilter", name, QgsMapLayerProxyModel)


def field_filter(name: str):
    """QgsFieldProxyModel filters (Qgis.FieldProxyModelFilter from QGIS 3.36)."""
    return scoped("FieldProxyModelFilter", name, QgsFieldProxyModel)


def is_polygon_layer(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.geometryType() == POLYGON_GEOMETRY


def form_layout(parent=None) -> QFormLayout:
    """A form whose long labels (e.g. in Chinese or in narrow boxes) put their field below them."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def cell_text(value) -> str:
    """How a value is written into a table cell: None empty, a float as %g, anything else as text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def form_box(title: str, rows: list[tuple]) -> QGroupBox:
    """A group box holding a form of (label, widget) rows."""
    box = QGroupBox(title)
    form = form_layout(box)
    for row in rows:
        form.addRow(*row)
    return box


def int_spin(low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    if suffix:
        box.setSuffix(suffix)
    return box


def real_spin(low: float, high: float, value: float, suffix: str = "", step: float | None = None, decimals: int | None = None) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    if decimals is not None:
        box.setDecimals(decimals)
    if step is not None:
        box.setSingleStep(step)
    box.setValue(value)
    if suffix:
        box.setSuffix(suffix)
    return box


def grade_row(text: str) -> tuple[QCheckBox, QSpinBox, QHBoxLayout]:
    """A check box "… from grade", a grade (1–9, 4 by default) and "up", in a row."""
    check = QCheckBox(text)
    grade = int_spin(1, 9, 4)
    row = QHBoxLayout()
    row.addWidget(check)
    row.addWidget(grade)
    row.addWidget(QLabel(tr("up")))
    row.addStretch(1)
    return check, grade, row


def chart_row(*charts) -> QWidget:
    """Charts side by side, sharing the width equally."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for chart in charts:
        layout.addWidget(chart, 1)
    return row


def layer_combo(filter_name: str, allow_empty: bool = False) -> QgsMapLayerComboBox:
    combo = QgsMapLayerComboBox()
    combo.setFilters(layer_filter(filter_name))
    combo.setAllowEmptyLayer(allow_empty)
    if allow_empty:
        combo.setLayer(None)
    return combo


def field_combo(layer_box: QgsMapLayerComboBox | None = None, numeric: bool = False, allow_empty: bool = False) -> QgsFieldComboBox:
    combo = QgsFieldComboBox()
    if numeric:
        combo.setFilters(field_filter("Numeric"))
    combo.setAllowEmptyFieldName(allow_empty)
    if layer_box is not None:
        layer_box.layerChanged.connect(combo.setLayer)
        combo.setLayer(layer_box.currentLayer())
    return combo


def choose_field(combo: QgsFieldComboBox, *candidates: str) -> None:
    """Select the first of `candidates` the layer has (any case)."""
    layer = combo.layer()
    if layer is None:
        return
    names = {f.name().lower(): f.name() for f in layer.fields()}
    for candidate in candidates:
        if candidate.lower() in names:
            combo.setField(names[candidate.lower()])
            return


def choose_layer(combo: QgsMapLayerComboBox, project: QgsProject, *words: str) -> None:
    """Select the first layer of the combo whose name contains one of `words`."""
    for word in words:
        for i in range(combo.count()):
            layer = combo.layer(i)
            if layer is not None and word.lower() in layer.name().lower():
                combo.setLayer(layer)
                return


def enum_options(alg_id: str, parameter: str) -> list[str]:
    """The options of an algorithm's enum parameter, as the algorithm names them (translated)."""
    alg = algorithm(alg_id)
    definition = alg.parameterDefinition(parameter) if alg is not None else None
    return list(definition.options()) if definition is not None and hasattr(definition, "options") else []


def parameter_description(alg_id: str, parameter: str, fallback: str) -> str:
    alg = algorithm(alg_id)
    definition = alg.parameterDefinition(parameter) if alg is not None else None
    return definition.description() if definition is not None else fallback


def output_description(alg_id: str, output: str, fallback: str) -> str:
    """The (translated) description of an output or destination, used as the layer name."""
    alg = algorithm(alg_id)
    if alg is None:
        return fallback
    definition = alg.parameterDefinition(output) or alg.outputDefinition(output)
    return definition.description() if definition is not None else fallback


class Banner(QLabel):
    """A coloured line of text: information, warning, error or success."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()

    def show_message(self, text: str, level=INFO) -> None:
        if not text:
            self.clear()
            self.hide()
            return
        background, foreground = COLOURS[level]
        self.setStyleSheet(f"QLabel {{ background: {background}; color: {foreground}; border-radius: 3px; padding: 6px; }}")
        self.setText(text)
        self.show()


class RunPanel(QWidget):
    """Run and Cancel buttons, a progress bar, the outcome in plain words and the details."""

    run_clicked = pyqtSignal()

    def __init__(self, run_text: str, parent=None):
        super().__init__(parent)
        self.run_button = QPushButton(run_text)
        self.run_button.setObjectName("runButton")
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.details_button = QToolButton()
        self.details_button.setText(tr("Details"))
        self.details_button.setCheckable(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(110)
        self.details.hide()
        self.details_button.toggled.connect(self.details.setVisible)
        self.banner = Banner()
        self.runner: ChainRunner | None = None

        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.details_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.banner)
        layout.addWidget(self.details)
        self.run_button.clicked.connect(self.run_clicked)
        self.cancel_button.clicked.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.running

    def attach(self, runner: ChainRunner) -> None:
        """Show `runner`'s progress and messages until it finishes."""
        self.runner = runner
        self.details.clear()
        self.progress.setValue(0)
        self.banner.show_message(tr("Running in the background; you can keep working or cancel."), INFO)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        runner.progress.connect(lambda p: self.progress.setValue(int(round(p))))
        runner.message.connect(self.log)
        runner.finished.connect(self._finished)

    def cancel(self) -> None:
        if self.runner is not None:
            self.cancel_button.setEnabled(False)
            self.banner.show_message(tr("Cancelling…"), WARNING)
            self.runner.cancel()

    def log(self, text: str, level: int = INFO) -> None:
        prefix = {INFO: "", WARNING: tr("Warning: "), ERROR: tr("Error: ")}.get(level, "")
        self.details.appendPlainText(prefix + text)

    def _finished(self, ok: bool, error: str) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if not ok:
            self.banner.show_message(error, WARNING if self.runner is not None and self.runner.cancelled else ERROR)

    def show_error(self, text: str) -> None:
        """A problem found before running, in plain words."""
        self.banner.show_message(text, ERROR)

    def show_done(self, text: str) -> None:
        self.banner.show_message(text, "ok")


class LayerChecklist(QListWidget):
    """Layers of the project with a check box each; remembers the checked ones by id."""

    def __init__(self, accept, parent=None):
        super().__init__(parent)
        self.accept = accept  # layer → bool
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def fill(self, project: QgsProject, checked: set[str] | None = None, default=None) -> None:
        """List the accepted layers; check those in `checked` (or where `default(layer)`)."""
        previous = self.checked_ids() if checked is None and self.count() else checked
        self.clear()
        for node in project.layerTreeRoot().findLayers():
            layer: QgsMapLayer = node.layer()
            if layer is None or not self.accept(layer):
                continue
            item = QListWidgetItem(layer.name())
            item.setData(Qt.ItemDataRole.UserRole, layer.id())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = layer.id() in previous if previous is not None else bool(default and default(layer))
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.addItem(item)

    def checked_ids(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count()) if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, layer_id: str, on: bool) -> None:
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == layer_id:
                self.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
