"""Step 3: the SETS inventory — the project's layers assigned to the social, ecological and
technological components or to hazards (national emergency category, pulse or slow-onset), and
the indicator fields of the planning units. Saved in the project (inventory.py)."""

from __future__ import annotations

from qgis.core import QgsMapLayerModel, QgsRasterLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from . import suggestions
from .inventory import CATEGORIES, COMPONENTS, ONSETS, IndicatorEntry, category_labels, component_labels, onset_labels, suggest_layer
from .page_base import WizardPage
from .results import PATH_KEY
from .suggestions import ECOLOGICAL, HAZARD, NONE, SOCIAL, TECHNOLOGICAL

INDICATOR_COMPONENTS = (NONE, SOCIAL, ECOLOGICAL, TECHNOLOGICAL)


def _holder(widget: QWidget) -> QWidget:
    """A cell widget that can hide its content (the table itself keeps cell widgets shown)."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    holder.content = widget
    return holder


def _combo(keys, labels: dict, current: str) -> QComboBox:
    combo = QComboBox()
    for key in keys:
        combo.addItem(labels[key], key)
    combo.setCurrentIndex(max(0, list(keys).index(current) if current in keys else 0))
    return combo


class InventoryPage(WizardPage):
    def __init__(self, state, parent=None):
        super().__init__(state, parent)
        self.setTitle(tr("SETS inventory"))
        self.setSubTitle(
            tr(
                "Which layers describe the social, ecological and technological systems, which are hazards, and which fields of the planning units "
                "are indicators"
            )
        )
        self.layers = QTableWidget(0, 4)
        self.layers.setHorizontalHeaderLabels([tr("Layer"), tr("SETS component"), tr("Emergency category"), tr("Onset")])
        self.layers.verticalHeader().hide()
        self.indicators = QTableWidget(0, 3)
        self.indicators.setHorizontalHeaderLabels([tr("Field"), tr("SETS component"), tr("Higher is worse")])
        self.indicators.verticalHeader().hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.suggest = QPushButton(tr("Suggest from the names again"))
        self.suggest.clicked.connect(self.suggest_all)
        note = QLabel(
            tr(
                "Hazards follow the four categories of the national emergency plan: natural disasters, accidents and disasters, public health "
                "events and social security events; pulse hazards strike suddenly (floods, earthquakes, chemical releases), slow-onset ones build "
                "up (heat, drought, pollution, climate change). The first choices come from the names; check them."
            )
        )
        note.setWordWrap(True)

        layers_box = QGroupBox(tr("Layers of the project"))
        QVBoxLayout(layers_box).addWidget(self.layers)
        indicators_box = QGroupBox(tr("Indicators of the planning units (SETS index)"))
        QVBoxLayout(indicators_box).addWidget(self.indicators)
        tables = QWidget()
        row = QHBoxLayout(tables)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(layers_box, 5)
        row.addWidget(indicators_box, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.suggest)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(tables, 1)
        layout.addLayout(buttons)

    # --- filling -----------------------------------------------------------------------------

    def refresh(self) -> None:
        inventory = self.state.inventory
        self.layers.setRowCount(0)
        components, categories, onsets = component_labels(), category_labels(), onset_labels()
        for node in self.project.layerTreeRoot().findLayers():
            layer = node.layer()
            if layer is None or layer.customProperty(PATH_KEY):
                continue  # the wizard's own results are not part of the inventory
            entry = inventory.entry(layer)
            r = self.layers.rowCount()
            self.layers.insertRow(r)
            item = QTableWidgetItem(QgsMapLayerModel.iconForLayer(layer), layer.name())
            item.setData(Qt.ItemDataRole.UserRole, layer.id())
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.layers.setItem(r, 0, item)
            component = _combo(COMPONENTS, components, entry.component)
            category = _combo(CATEGORIES, categories, entry.category)
            onset = _combo(ONSETS, onsets, entry.onset)
            for column, combo in ((1, component), (2, category), (3, onset)):
                self.layers.setCellWidget(r, column, _holder(combo))
                combo.currentIndexChanged.connect(lambda _i, layer_id=layer.id(), row=r: self._layer_changed(layer_id, row))
            category.setVisible(entry.component == HAZARD)
            onset.setVisible(entry.component == HAZARD)
        self._fit(self.layers)

        self.indicators.setRowCount(0)
        units = self.state.units_layer()
        labels = component_labels()
        keys = set(units.primaryKeyAttributes()) if units is not None else set()
        for i, f in enumerate(units.fields() if units is not None else []):
            if not f.isNumeric() or i in keys:
                continue
            entry = inventory.indicator(f.name())
            r = self.indicators.rowCount()
            self.indicators.insertRow(r)
            item = QTableWidgetItem(f.name())
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.indicators.setItem(r, 0, item)
            combo = _combo(INDICATOR_COMPONENTS, labels, entry.component)
            negative = QCheckBox()
            negative.setChecked(entry.negative)
            self.indicators.setCellWidget(r, 1, _holder(combo))
            self.indicators.setCellWidget(r, 2, _holder(negative))
            combo.currentIndexChanged.connect(lambda _i, name=f.name(), row=r: self._indicator_changed(name, row))
            negative.toggled.connect(lambda _on, name=f.name(), row=r: self._indicator_changed(name, row))
        self._fit(self.indicators)
        self.state.save_inventory()
        self.update_summary()

    @staticmethod
    def _fit(table: QTableWidget) -> None:
        """Every column as wide as its content, the last one filling the rest."""
        header = table.horizontalHeader()
        for column in range(table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def suggest_all(self) -> None:
        """Replace every choice by the suggestion from the names."""
        inventory = self.state.inventory
        for r in range(self.layers.rowCount()):
            layer = self.project.mapLayer(self.layers.item(r, 0).data(Qt.ItemDataRole.UserRole))
            if layer is not None:
                inventory.layers[layer.id()] = suggest_layer(layer.name())
        for r in range(self.indicators.rowCount()):
            name = self.indicators.item(r, 0).text()
            inventory.indicators[name] = IndicatorEntry(*suggestions.indicator(name))
        self.refresh()

    # --- edits -------------------------------------------------------------------------------

    def set_layer(self, layer_id: str, component: str, category: str | None = None, onset: str | None = None) -> None:
        """Set a layer's row (as the user would)."""
        for r in range(self.layers.rowCount()):
            if self.layers.item(r, 0).data(Qt.ItemDataRole.UserRole) == layer_id:
                for column, value in ((1, component), (2, category), (3, onset)):
                    if value is not None:
                        combo = self.layers.cellWidget(r, column).content
                        combo.setCurrentIndex(combo.findData(value))

    def set_indicator(self, name: str, component: str, negative: bool = False) -> None:
        for r in range(self.indicators.rowCount()):
            if self.indicators.item(r, 0).text() == name:
                combo = self.indicators.cellWidget(r, 1).content
                combo.setCurrentIndex(combo.findData(component))
                self.indicators.cellWidget(r, 2).content.setChecked(negative)

    def _layer_changed(self, layer_id: str, row: int) -> None:
        entry = self.state.inventory.layers.setdefault(layer_id, suggest_layer(""))
        entry.component = self.layers.cellWidget(row, 1).content.currentData()
        entry.category = self.layers.cellWidget(row, 2).content.currentData()
        entry.onset = self.layers.cellWidget(row, 3).content.currentData()
        hazard = entry.component == HAZARD
        self.layers.cellWidget(row, 2).content.setVisible(hazard)
        self.layers.cellWidget(row, 3).content.setVisible(hazard)
        self.state.save_inventory()
        self.update_summary()

    def _indicator_changed(self, name: str, row: int) -> None:
        entry = self.state.inventory.indicator(name)
        entry.component = self.indicators.cellWidget(row, 1).content.currentData()
        entry.negative = self.indicators.cellWidget(row, 2).content.isChecked()
        self.state.save_inventory()
        self.update_summary()

    def update_summary(self) -> None:
        inventory = self.state.inventory
        present = {self.layers.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.layers.rowCount())}
        entries = [e for k, e in inventory.layers.items() if k in present]
        names = [self.indicators.item(r, 0).text() for r in range(self.indicators.rowCount())]
        counts = {c: sum(1 for e in entries if e.component == c) for c in COMPONENTS}
        indicator_counts = {c: len(inventory.fields_of(c, names)) for c in (SOCIAL, ECOLOGICAL, TECHNOLOGICAL)}
        hazards = [e for e in entries if e.component == HAZARD]
        rasters = len(inventory.hazard_layers(self.project))
        by_category = tr(", ").join(
            f"{category_labels()[c]} {sum(1 for h in hazards if h.category == c)}" for c in CATEGORIES if any(h.category == c for h in hazards)
        )
        self.summary.setText(
            tr(
                "S: {s} layers, {si} indicators · E: {e} layers, {ei} indicators · T: {t} layers, {ti} indicators · Hazards: {h} ({rasters} rasters "
                "for step 4) {categories}"
            )
            .format(
                s=counts[SOCIAL],
                e=counts[ECOLOGICAL],
                t=counts[TECHNOLOGICAL],
                si=indicator_counts[SOCIAL],
                ei=indicator_counts[ECOLOGICAL],
                ti=indicator_counts[TECHNOLOGICAL],
                h=counts[HAZARD],
                rasters=rasters,
                categories=by_category,
            )
            .strip()
        )

    def hazard_rasters(self) -> list[QgsRasterLayer]:
        return self.state.inventory.hazard_layers(self.project)
