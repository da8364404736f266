"""Step 2: study area and planning level — the planning units, their level in the hierarchy, a
check of the coordinate reference systems before any distance is measured, and where the
results are written."""

from __future__ import annotations

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QComboBox, QGroupBox, QLabel, QVBoxLayout

from ..i18n import tr
from .page_base import WizardPage, crs_problem
from .runner import ERROR, WARNING
from .widgets import Banner, choose_field, choose_layer, enum_options, field_combo, form_box, form_layout, layer_combo

TOWNSHIP = 4  # tsr:setsindex LEVEL: national, province, city, county, township


class StudyAreaPage(WizardPage):
    def __init__(self, state, parent=None):
        super().__init__(state, parent)
        self.setTitle(tr("Study area and planning level"))
        self.setSubTitle(tr("The planning units every step reports on, their level in the planning hierarchy, and where the results go"))
        self.units = layer_combo("PolygonLayer")
        self.name_field = field_combo(self.units)
        self.parent_field = field_combo(self.units, allow_empty=True)
        self.population_field = field_combo(self.units, numeric=True, allow_empty=True)
        self.level = QComboBox()
        self.level.addItems(enum_options("tsr:setsindex", "LEVEL"))
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.crs_banner = Banner()
        self.layers_banner = Banner()
        self.folder_banner = Banner()

        units_box = form_box(
            tr("Planning units"),
            [
                (tr("Planning units (polygons)"), self.units),
                (tr("Unit name field"), self.name_field),
                (tr("Parent unit field (optional)"), self.parent_field),
                (tr("Population field (optional)"), self.population_field),
                (tr("Planning level of the units"), self.level),
            ],
        )
        hierarchy = QLabel(
            tr(
                "Higher levels set the bounds for lower ones (nation → province → city → county → township). The SETS index scores the units at "
                "their level and, given the parent field, aggregates them to the level above; risk areas are tabulated per unit."
            )
        )
        hierarchy.setWordWrap(True)
        crs_box = QGroupBox(tr("Coordinate reference systems"))
        crs_layout = QVBoxLayout(crs_box)
        crs_layout.addWidget(self.crs_banner)
        crs_layout.addWidget(self.layers_banner)
        folder_form = form_layout()
        folder_form.addRow(tr("Output folder"), self.folder)
        folder_box = QGroupBox(tr("Results"))
        folder_layout = QVBoxLayout(folder_box)
        folder_layout.addLayout(folder_form)
        folder_layout.addWidget(self.folder_banner)

        layout = QVBoxLayout(self)
        layout.addWidget(units_box)
        layout.addWidget(hierarchy)
        layout.addWidget(crs_box)
        layout.addWidget(folder_box)
        layout.addStretch(1)

        self._restoring = False
        self._restore()
        # Only the user's choices are saved (activated, not changed): a combo box also changes
        # by itself while a project is cleared or read, and must not write into it then.
        self.units.activated.connect(self._units_changed)
        self.units.layerChanged.connect(self.check_crs)
        for combo in (self.name_field, self.parent_field, self.population_field, self.level):
            combo.activated.connect(self._save)
        self.folder.fileChanged.connect(self._save)
        self.project.layersAdded.connect(self.check_crs)
        self.project.layersRemoved.connect(self.check_crs)
        self.check_crs()

    # --- settings ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._restore()
        self._save()

    def _restore(self) -> None:
        """The widgets from the settings saved in the project (suggestions where there are none)."""
        s = self.state
        saved = (s.get("study/name_field"), s.get("study/parent_field"), s.get("study/population_field"))
        self._restoring = True
        layer = s.units_layer()
        if layer is not None:
            self.units.setLayer(layer)
        else:
            choose_layer(self.units, self.project, "township", "乡镇", "街道", "unit", "单元")
        self._choose_fields(*saved)
        level = s.get("study/level", TOWNSHIP)
        self.level.setCurrentIndex(level if 0 <= level < self.level.count() else min(TOWNSHIP, self.level.count() - 1))
        self.folder.setFilePath(s.output_folder())
        self._restoring = False

    def _choose_fields(self, name=None, parent=None, population=None) -> None:
        if name:
            self.name_field.setField(name)
        else:
            choose_field(self.name_field, "name", "名称", "unit_name", "mc")
        if parent is not None:
            self.parent_field.setField(parent)
        else:
            choose_field(self.parent_field, "parent_code", "parent", "上级代码")
        if population is not None:
            self.population_field.setField(population)
        else:
            choose_field(self.population_field, "population", "pop", "人口")

    def set_units(self, layer) -> None:
        """Choose the planning unit layer (as the user does)."""
        self.units.setLayer(layer)
        self._units_changed()

    def _units_changed(self, *_args) -> None:
        self._choose_fields()
        self._save()

    def _save(self, *_args) -> None:
        if self._restoring:
            return
        layer = self.units.currentLayer()
        self.state.set("study/units", layer.id() if layer is not None else "")
        self.state.set("study/name_field", self.name_field.currentField())
        self.state.set("study/parent_field", self.parent_field.currentField())
        self.state.set("study/population_field", self.population_field.currentField())
        self.state.set("study/level", self.level.currentIndex())
        folder = self.folder.filePath().strip()
        self.state.set("study/output_folder", folder if folder != self.state.default_output_folder() else "")
        self.check_crs()
        if self.state.output_folder_is_temporary():
            self.folder_banner.show_message(
                tr("The results go to a temporary folder, which QGIS deletes when it closes; save the project or choose a folder to keep them."),
                WARNING,
            )
        else:
            self.folder_banner.show_message("")

    # --- checks ------------------------------------------------------------------------------

    def check_crs(self, *_args) -> None:
        """Flag a geographic (or Web Mercator) CRS before any distance or area is computed."""
        layer = self.units.currentLayer()
        if layer is None:
            self.crs_banner.show_message(tr("Choose the layer of the planning units (e.g. townships)."), WARNING)
        else:
            problem = crs_problem(layer, tr("The planning unit layer"))
            if problem:
                self.crs_banner.show_message(problem, ERROR)
            else:
                crs = layer.crs()
                self.crs_banner.show_message(
                    tr("The planning units are in {crs} ({name}), a projected CRS in metres: distances and areas can be measured.").format(
                        crs=crs.authid(), name=crs.description()
                    ),
                    "ok",
                )
        flagged = []
        for other in self.project.mapLayers().values():
            if other is not layer and other.crs().isValid() and other.crs().isGeographic():
                flagged.append(f"{other.name()} ({other.crs().authid()})")
        if flagged:
            self.layers_banner.show_message(
                tr(
                    "These layers are in a geographic CRS, whose unit is the degree; reproject them before they are used where distances or areas "
                    "are measured: {layers}"
                ).format(layers=", ".join(sorted(flagged))),
                WARNING,
            )
        else:
            self.layers_banner.show_message("")

    @property
    def crs_ok(self) -> bool:
        layer = self.units.currentLayer()
        return layer is not None and not crs_problem(layer, "")
