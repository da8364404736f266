"""Path 2, second part — land-use scenarios (issue 6): tsr:landallocation allocates land uses to the
cells of a grid so that the area demands are met and locked land stays as it is, trading the
suitability of each use off against the risk exposure of development, compactness and
conversions (NSGA-II). The uses take their suitability from rasters of the project (urban: the
mean suitability of the first part, by default), the current use from a class raster, the locked
zones from the excluded areas of the first part and the risk from the multi-hazard index of
step 4. Chart: the Pareto front, two objectives at a time, with the compromise (knee) and the
scenarios kept as columns.

Like the pages, this part only builds parameters, runs the algorithm in the background
(ui/runner.py) and reads its outputs; its layers go to the group of path 2, and its steps follow
those of the suitability in "save as model"."""

from __future__ import annotations

import math

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
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

from ..algorithms.common.parsing import holds_separator, split_values, to_number
from ..i18n import tr
from . import chart_data
from .chain import Out, Step
from .charts import Chart
from .page_base import DONE, ChainRun, crs_problem, layer_input
from .results import add_outputs, output_layer
from .runner import available
from .state import GROUP_ORDER, ZONING
from .widgets import cell_text, choose_layer, enum_options, form_layout, int_spin, layer_combo, output_description, real_spin

ALG = "tsr:landallocation"
STEP_ID = "land_allocation"
RISK_EXPOSURE = 1  # OBJECTIVES: suitability, risk exposure, compactness, conversions
USE, RASTER, DEVELOPMENT, DEMAND, TOLERANCE, CLASSES = range(6)
LANDCOVER_WORDS = ("landcover", "land_cover", "landuse", "land_use", "土地利用", "土地覆盖", "现状")


def objective_labels() -> dict[str, tuple[str, str]]:
    """Per column of the Pareto table: its short axis title, and its name with its better
    direction."""
    return {
        "suitability": (tr("Suitability"), tr("Suitability (higher is better)")),
        "exposed_population": (tr("Exposed population"), tr("Exposed population (lower is better)")),
        "exposed_area_ha": (tr("Exposed development (ha)"), tr("Exposed development, ha (lower is better)")),
        "compactness": (tr("Compactness"), tr("Compactness (higher is better)")),
        "converted_ha": (tr("Converted area (ha)"), tr("Converted area, ha (lower is better)")),
    }


def axis_label(column: str) -> str:
    """The short axis title of a column of the Pareto table."""
    return objective_labels().get(column, (column, column))[0]


def objective_label(column: str) -> str:
    """The name of a column of the Pareto table, with its better direction."""
    return objective_labels().get(column, (column, column))[1]


def raster_text(layer) -> str:
    """How the SUITABILITY matrix names a raster: its file, or its layer id when the file has no
    file or its path holds a separator of the matrix."""
    source = layer.source() if layer.providerType() == "gdal" else ""
    return source if source and not holds_separator(source) else layer.id()


class ScenarioSection(ChainRun, QWidget):
    """The land-use scenarios of the path 2 page (`page`: its exclusions are the locked zones)."""

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.page = page
        self.init_run(tr("Run land-use scenarios"))
        self.data: dict | None = None
        self.results: dict = {}
        self._follow: set[int] = set()  # rows whose raster follows the mean suitability

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()

        # land uses
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [tr("Use"), tr("Suitability raster (0–1)"), tr("Built-up"), tr("Demand (ha)"), tr("± (%)"), tr("Current classes")]
        )
        self.table.horizontalHeaderItem(DEVELOPMENT).setToolTip(tr("A development use: its land counts as exposed to the risk"))
        self.table.horizontalHeaderItem(DEMAND).setToolTip(tr("The area this use needs; empty = its area is left free"))
        self.table.horizontalHeaderItem(TOLERANCE).setToolTip(tr("Tolerance of the demand, in % of the demand"))
        self.table.horizontalHeaderItem(CLASSES).setToolTip(tr("Values of the current-use raster that are this use today, e.g. 5 or 2, 3"))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setMinimumHeight(110)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RASTER, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(tr("Add a use"))
        self.add_button.clicked.connect(lambda: self.add_use(tr("use {n}").format(n=self.table.rowCount() + 1)))
        self.remove_button = QPushButton(tr("Remove the use"))
        self.remove_button.clicked.connect(self.remove_use)
        self.current = layer_combo("RasterLayer", allow_empty=True)
        self.locked = QLabel()
        self.locked.setWordWrap(True)
        self.locked.setToolTip(
            tr("Cells whose centre lies in these areas keep their current use: the excluded areas ticked under Constraints in the first tab.")
        )
        self.risk = QLabel()
        self.risk.setWordWrap(True)
        uses_box = QGroupBox(tr("Land uses, their suitability and demand"))
        uses_layout = QVBoxLayout(uses_box)
        uses_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        uses_layout.addLayout(row)
        current_form = form_layout()
        current_form.addRow(tr("Current use (class raster)"), self.current)
        uses_layout.addLayout(current_form)
        uses_layout.addWidget(self.locked)
        uses_layout.addWidget(self.risk)

        # objectives and search
        self.objectives: list[QCheckBox] = []
        objectives_grid = QGridLayout()
        names = (tr("Suitability"), tr("Risk exposure"), tr("Compactness"), tr("Conversions"))
        for i, option in enumerate(enum_options(ALG, "OBJECTIVES")):
            box = QCheckBox(names[i] if i < len(names) else option)
            box.setToolTip(option)
            box.setChecked(True)
            self.objectives.append(box)
            objectives_grid.addWidget(box, i // 2, i % 2)
        self.cell_size = real_spin(10.0, 100000.0, 300.0, " m", decimals=0)
        self.population_size = int_spin(4, 10000, 60)
        self.generations = int_spin(1, 100000, 100)
        self.seed = int_spin(0, 2**31 - 1, 2020)
        self.kept = int_spin(1, 100, 5)
        self.kept.setToolTip(
            tr("The knee, the best plan in each objective, then plans spread along the front: the fields use_s1, use_s2 … of the layer")
        )
        search_box = QGroupBox(tr("Objectives and search (NSGA-II)"))
        search_layout = QVBoxLayout(search_box)
        search_layout.addLayout(objectives_grid)
        search_form = form_layout()
        search_form.addRow(tr("Grid cell size"), self.cell_size)
        search_form.addRow(tr("Population size"), self.population_size)
        search_form.addRow(tr("Generations"), self.generations)
        search_form.addRow(tr("Random seed"), self.seed)
        search_form.addRow(tr("Scenarios kept"), self.kept)
        search_layout.addLayout(search_form)
        search_layout.addStretch(1)

        # the Pareto front
        self.chart = Chart(tr("Pareto front of the land-use scenarios"))
        self.x_axis = QComboBox()
        self.y_axis = QComboBox()
        for combo in (self.x_axis, self.y_axis):
            combo.currentIndexChanged.connect(self.draw)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        axes = QHBoxLayout()
        axes.addWidget(QLabel(tr("Horizontal axis")))
        axes.addWidget(self.x_axis, 1)
        axes.addSpacing(12)
        axes.addWidget(QLabel(tr("Vertical axis")))
        axes.addWidget(self.y_axis, 1)
        front = QWidget()
        front_layout = QVBoxLayout(front)
        front_layout.setContentsMargins(0, 0, 0, 0)
        front_layout.addWidget(self.chart, 1)
        front_layout.addLayout(axes)
        front_layout.addWidget(self.summary)

        top = QHBoxLayout()
        top.addWidget(uses_box, 2)
        top.addWidget(search_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(top)
        layout.addWidget(self.panel)
        layout.addWidget(front, 1)

        self.add_use(tr("urban"), development=True, follow=True)
        self._current_chosen = False  # the user chose the current-use raster (or none)
        self.current.activated.connect(lambda _i: setattr(self, "_current_chosen", True))
        self.page.exclusions.itemChanged.connect(self.show_locked)

    @property
    def project(self):
        return self.page.project

    @property
    def state(self):
        return self.page.state

    # --- land uses ---------------------------------------------------------------------------

    def mean_suitability(self):
        return output_layer(self.project, "suitability", "OUTPUT_MEAN")

    def add_use(self, name: str, raster=None, development: bool = False, demand="", tolerance="5", classes="", follow: bool = False) -> int:
        """A row of the uses table; its raster follows the mean suitability of the first part
        when `follow` (until the user chooses another)."""
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, USE, QTableWidgetItem(name))
        combo = layer_combo("RasterLayer", allow_empty=True)
        combo.setToolTip(tr("A raster of the project from 0 (unsuitable) to 1 (most suitable), e.g. made with Normalise hazard"))
        combo.activated.connect(lambda _i, combo=combo: self._chosen(combo))
        self.table.setCellWidget(r, RASTER, combo)
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        check.setCheckState(Qt.CheckState.Checked if development else Qt.CheckState.Unchecked)
        self.table.setItem(r, DEVELOPMENT, check)
        for column, value in ((DEMAND, demand), (TOLERANCE, tolerance), (CLASSES, classes)):
            self.table.setItem(r, column, QTableWidgetItem(cell_text(value)))
        if follow:
            self._follow.add(r)
            combo.setLayer(self.mean_suitability())
        elif raster is not None:
            combo.setLayer(raster)
        return r

    def _chosen(self, combo) -> None:
        for r in range(self.table.rowCount()):
            if self.table.cellWidget(r, RASTER) is combo:
                self._follow.discard(r)

    def remove_use(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            r = self.table.rowCount() - 1
        if r < 0:
            return
        self.table.removeRow(r)
        self._follow = {f - 1 if f > r else f for f in self._follow if f != r}

    def set_use(self, name: str, raster=None, development: bool | None = None, demand=None, tolerance=None, classes=None) -> None:
        """Set a use's row (as the user would), adding it if it is not in the table."""
        rows = [r for r in range(self.table.rowCount()) if self.table.item(r, USE).text().strip() == name]
        r = rows[0] if rows else self.add_use(name)
        if raster is not None:
            self.table.cellWidget(r, RASTER).setLayer(raster)
            self._follow.discard(r)
        if development is not None:
            self.table.item(r, DEVELOPMENT).setCheckState(Qt.CheckState.Checked if development else Qt.CheckState.Unchecked)
        for column, value in ((DEMAND, demand), (TOLERANCE, tolerance), (CLASSES, classes)):
            if value is not None:
                self.table.item(r, column).setText(cell_text(value))

    def uses(self) -> list[dict]:
        return [
            {
                "name": self.table.item(r, USE).text().strip(),
                "raster": self.table.cellWidget(r, RASTER).currentLayer(),
                "development": self.table.item(r, DEVELOPMENT).checkState() == Qt.CheckState.Checked,
                "demand": self.table.item(r, DEMAND).text().strip(),
                "tolerance": self.table.item(r, TOLERANCE).text().strip().rstrip("%").strip(),
                "classes": self.table.item(r, CLASSES).text().strip(),
            }
            for r in range(self.table.rowCount())
        ]

    def checked_objectives(self) -> list[int]:
        return [i for i, box in enumerate(self.objectives) if box.isChecked() and box.isEnabled()]

    # --- from the earlier steps --------------------------------------------------------------

    def refresh(self) -> None:
        on = available(ALG)
        self.note.setText("" if on else tr("Land-use scenarios (multi-objective land allocation) are not available in this version of the plugin."))
        self.note.setVisible(not on)
        if not on:
            for box in self.findChildren(QGroupBox) + [self.panel, self.x_axis, self.y_axis]:
                box.setEnabled(False)
            return
        if not self._current_chosen and self.current.currentLayer() is None:
            choose_layer(self.current, self.project, *LANDCOVER_WORDS)
        self.follow_mean()
        risk = output_layer(self.project, "overlay", "OUTPUT")
        self.risk.setText(
            tr("Risk: {name} (step 4).").format(name=risk.name())
            if risk is not None
            else tr("Risk: none; run step 4 for the risk exposure objective.")
        )
        if len(self.objectives) > RISK_EXPOSURE:
            box = self.objectives[RISK_EXPOSURE]
            box.setEnabled(risk is not None)
            box.setToolTip("" if risk is not None else tr("Run step 4 first: the exposure is measured with its multi-hazard risk index."))
        self.show_locked()
        if not self.running:
            self.restore()

    def follow_mean(self) -> None:
        mean = self.mean_suitability()
        for r in self._follow:
            if r < self.table.rowCount():
                self.table.cellWidget(r, RASTER).setLayer(mean)

    def show_locked(self, *_args) -> None:
        names = [self.project.mapLayer(i).name() for i in self.page.exclusions.checked_ids() if self.project.mapLayer(i) is not None]
        self.locked.setText(
            tr("Locked zones (the excluded areas of the first tab): {names}.").format(names=", ".join(names))
            if names
            else tr("Locked zones: none; tick excluded areas under Constraints in the first tab to lock them.")
        )

    # --- the chain ---------------------------------------------------------------------------

    def chain(self):
        uses = self.uses()
        if not uses:
            return tr("Add at least one land use.")
        names = [u["name"] for u in uses]
        if any(not n for n in names):
            return tr("Every land use needs a name.")
        bad = [n for n in names if holds_separator(n)]
        if bad:
            return tr("A land use name cannot hold a comma or semicolon: {name}.").format(name=bad[0])
        if len({n.casefold() for n in names}) != len(names):
            return tr("Two land uses have the same name.")
        missing = [u["name"] for u in uses if u["raster"] is None]
        if missing:
            return tr("Choose the suitability raster of {use} (run the suitability first for the mean suitability).").format(use=missing[0])
        problem = crs_problem(uses[0]["raster"], tr("The suitability raster of {use}").format(use=uses[0]["name"]))
        if problem:
            return problem
        demand = []
        for u in uses:
            if not u["demand"]:
                continue
            area, tolerance = to_number(u["demand"].replace(",", ""), finite=False), to_number(u["tolerance"] or "0", finite=False)
            if area is None or tolerance is None:
                return tr("The demand and tolerance of {use} must be numbers.").format(use=u["name"])
            if not (math.isfinite(area) and area >= 0 and math.isfinite(tolerance) and tolerance >= 0):
                return tr("The demand and tolerance of {use} must be numbers of at least 0.").format(use=u["name"])
            demand.append(f"{u['name']}, {area:g}, {tolerance:g}%")
        if not demand:
            return tr("Give the demand (ha) of at least one land use.")
        objectives = self.checked_objectives()
        if not objectives:
            return tr("Tick at least one objective.")
        development = [u["name"] for u in uses if u["development"]]
        risk = output_layer(self.project, "overlay", "OUTPUT")
        if RISK_EXPOSURE in objectives and not development:
            return tr("The risk exposure objective needs at least one development use (tick Development).")
        parameters = {
            "CELL_SIZE": self.cell_size.value(),
            "SUITABILITY": "; ".join(f"{u['name']}, {raster_text(u['raster'])}" for u in uses),
            "DEMAND": "; ".join(demand),
            "OBJECTIVES": objectives,
            "POPULATION_SIZE": self.population_size.value(),
            "GENERATIONS": self.generations.value(),
            "SEED": self.seed.value(),
            "SCENARIOS": self.kept.value(),
        }
        current = self.current.currentLayer()
        if current is not None:
            classes = [f"{u['name']}, {', '.join(split_values(u['classes']))}" for u in uses if u["classes"]]
            if not classes:
                return tr("Say which values of the current-use raster are which use (column Current classes), or choose no current use.")
            parameters["CURRENT_USE_RASTER"] = layer_input(current, tr("Current land use (classes)"), "current_land_use")
            parameters["CURRENT_USE_CLASSES"] = "; ".join(classes)
        locked = [self.project.mapLayer(i) for i in self.page.exclusions.checked_ids()]
        locked = [layer_input(layer, tr("Excluded area: {name}").format(name=layer.name())) for layer in locked if layer is not None]
        if locked:
            parameters["LOCKED_ZONES"] = locked
        if risk is not None and (RISK_EXPOSURE in objectives or development):
            parameters["RISK"] = layer_input(risk, tr("Multi-hazard risk index"), "risk_index")
        if development:
            parameters["DEVELOPMENT_USES"] = ", ".join(development)
        return [
            Step(
                STEP_ID,
                ALG,
                tr("Land-use scenarios"),
                parameters,
                (
                    Out("OUTPUT", "land_use_scenarios", output_description(ALG, "OUTPUT", "Allocated land use")),
                    Out("OUTPUT_PARETO", "pareto_front", output_description(ALG, "OUTPUT_PARETO", "Pareto front"), visible=False),
                ),
            )
        ]

    # --- running -----------------------------------------------------------------------------

    def blocked(self) -> str:
        return tr("Wait until the suitability has finished.") if self.page.runner is not None and self.page.runner.running else ""

    def run_folder(self) -> str:
        return self.state.run_folder(f"{ZONING}_scenarios")

    def keep(self, steps: list[Step], runner) -> str:
        # The suitability's layers stay; the scenarios' go on top of them.
        group = self.page.group_name()
        add_outputs(self.project, ZONING, group, GROUP_ORDER[ZONING], steps, runner.results, runner.contexts, keep_others=True)
        self.state.save_run(ZONING, {**self.state.run(ZONING), **runner.results})
        return group

    def saved_results(self) -> dict:
        return {k: v for k, v in self.state.run(ZONING).items() if k == STEP_ID}

    def mark_done(self) -> None:
        self.page.set_status(DONE)

    def suitability_changed(self) -> None:
        """The suitability was run again: its run replaced the scenarios' layers and results."""
        self.last_steps, self.results, self.data = [], {}, None
        self.follow_mean()
        self.summary.clear()
        self.chart.show_message(tr("The suitability changed: run the land-use scenarios again."))

    def reset(self) -> None:
        self.reset_run()
        self.results, self.data = {}, None
        self.summary.clear()
        self._current_chosen = False
        self.chart.show_message(tr("Run the land-use scenarios to see their Pareto front."))

    def restore(self) -> None:
        """The front and summary of the last scenarios saved in the project."""
        if self.data is None:
            super().restore()

    # --- chart -------------------------------------------------------------------------------

    def read(self, results: dict):
        path = results.get(STEP_ID, {}).get("OUTPUT_PARETO")
        return chart_data.pareto_front(str(path)) if path else None

    def show_results(self, data, results: dict) -> None:
        self.data = data
        self.results = results
        outputs = results.get(STEP_ID, {})
        self.summary.setText(self.summary_text(outputs))
        if not data or not data["objectives"]:
            self.chart.show_message(tr("The Pareto front could not be read; the HTML report of the land allocation shows it."))
            return
        columns = data["objectives"]
        for combo, default in ((self.x_axis, 0), (self.y_axis, 1 if len(columns) > 1 else 0)):
            previous = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for column in columns:
                combo.addItem(objective_label(column), column)
            index = combo.findData(previous)
            combo.setCurrentIndex(index if index >= 0 else default)
            combo.blockSignals(False)
        if len(columns) > 1 and self.x_axis.currentData() == self.y_axis.currentData():
            self.y_axis.setCurrentIndex(1 if self.x_axis.currentIndex() == 0 else 0)
        self.draw()

    def draw(self, *_args) -> None:
        data = self.data
        if not data or not data["objectives"] or self.x_axis.currentData() is None or self.y_axis.currentData() is None:
            return
        x, y = self.x_axis.currentData(), self.y_axis.currentData()
        self.chart.pareto(
            data["values"][x],
            data["values"][y],
            data["knee"],
            data["kept"],
            [name.replace("use_", "") for name in data["scenarios"]],
            axis_label(x),
            axis_label(y),
            tr("Non-dominated solutions"),
            tr("Compromise (knee)"),
            tr("Kept scenarios"),
        )
        self.chart.set_note(tr("★ the compromise (knee)   □ s1, s2 …: the scenarios kept (fields use_s1 …)   ● the other non-dominated plans"))

    def summary_text(self, outputs: dict) -> str:
        if "FRONT_SIZE" not in outputs:
            return ""
        return tr("{n} non-dominated solutions; compromise (knee): solution {knee}; normalised hypervolume {hv:.3f}.").format(
            n=int(outputs["FRONT_SIZE"]), knee=int(outputs["KNEE_ID"]), hv=float(outputs["HYPERVOLUME"])
        )

    def done_text(self, results: dict) -> str:
        if "FRONT_SIZE" not in results.get(STEP_ID, {}):
            return ""
        return tr(
            "Done: the land use of the compromise (field “use”), the kept scenarios (use_s1 …) and the Pareto front are in the group “{group}”."
        ).format(group=self.page.group_name())
