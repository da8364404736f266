"""Step 5, path 2 — zoning under uncertainty: suitability of the criteria rasters (weights by AHP
if wished) with Monte Carlo weight uncertainty (tsr:suitability), excluding the protected areas
and, if wished, the risk zones of step 4. Charts: the distributions of the drawn weights, the
histogram of the probability of being suitable, and the sensitivity to each weight (tornado).

The page has two tabs: the suitability, then the land-use scenarios built on it (tsr:landallocation,
multi-objective land allocation; ui/scenarios.py), which run, chart and enter "save as model" on
their own."""

from __future__ import annotations

from qgis.core import QgsRasterLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from . import chart_data, suggestions
from .ahp_dialog import AhpDialog, ask_weights
from .chain import Out, Ref, Step
from .charts import Chart
from .page_base import RunPage, crs_problem, layer_input
from .scenarios import ScenarioSection
from .results import OUTPUT_KEY, PATH_KEY, output_layer, output_tag
from .state import ZONING
from .widgets import LayerChecklist, enum_options, form_layout, is_polygon_layer, output_description

USE, CRITERION, DIRECTION, WEIGHT = range(4)
PROTECTED_WORDS = ("red_line", "redline", "farmland", "protect", "reserve", "红线", "基本农田", "保护")
CRITERION_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666")


class ZoningPage(RunPage):
    PATH = ZONING
    GROUP_ALG = "tsr:suitability"

    def __init__(self, state, parent=None):
        super().__init__(state, tr("Run suitability under uncertainty"), parent)
        self.setTitle(tr("Path 2 · Zoning under uncertainty"))
        self.setSubTitle(tr("Suitability from weighted criteria, with the weights uncertain: where is the land robustly suitable, and how much does it depend on each weight?"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("In use"), tr("Criterion (raster)"), tr("Direction"), tr("Weight")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setMinimumHeight(150)
        self.ahp_button = QPushButton(tr("Weights by pairwise comparison (AHP)…"))
        self.ahp_button.clicked.connect(self.open_ahp)
        self.judgements: dict = {}
        self.method = QComboBox()
        self.method.addItems(enum_options("tsr:suitability", "METHOD"))
        criteria_box = QGroupBox(tr("Criteria"))
        criteria_layout = QVBoxLayout(criteria_box)
        criteria_layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Aggregation")))
        row.addWidget(self.method, 1)
        row.addWidget(self.ahp_button)
        criteria_layout.addLayout(row)

        self.exclusions = LayerChecklist(lambda layer: is_polygon_layer(layer) and not layer.customProperty(PATH_KEY))
        self.risk_zones = QCheckBox(tr("Risk zones of step 4 from grade"))
        self.risk_grade = QSpinBox()
        self.risk_grade.setRange(1, 9)
        self.risk_grade.setValue(4)
        constraints_box = QGroupBox(tr("Constraints (excluded areas)"))
        constraints_layout = QVBoxLayout(constraints_box)
        constraints_layout.addWidget(self.exclusions)
        risk_row = QHBoxLayout()
        risk_row.addWidget(self.risk_zones)
        risk_row.addWidget(self.risk_grade)
        risk_row.addWidget(QLabel(tr("up")))
        risk_row.addStretch(1)
        constraints_layout.addLayout(risk_row)

        self.weight_cv = QDoubleSpinBox()
        self.weight_cv.setRange(0.0, 100.0)
        self.weight_cv.setValue(15.0)
        self.weight_cv.setSuffix(" %")
        self.criterion_sd = QDoubleSpinBox()
        self.criterion_sd.setRange(0.0, 1.0)
        self.criterion_sd.setSingleStep(0.01)
        self.draws = QSpinBox()
        self.draws.setRange(1, 10000)
        self.draws.setValue(1000)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(2020)
        self.top = QRadioButton(tr("Suitable: the top share of the area"))
        self.top_percent = QDoubleSpinBox()
        self.top_percent.setRange(0.1, 100.0)
        self.top_percent.setValue(10.0)
        self.top_percent.setSuffix(" %")
        self.by_threshold = QRadioButton(tr("Suitable: a score of at least"))
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(0.6)
        self.top.setChecked(True)
        draws_form = form_layout()
        draws_form.addRow(tr("Weight uncertainty (CV)"), self.weight_cv)
        draws_form.addRow(tr("Criterion noise (σ)"), self.criterion_sd)
        draws_form.addRow(tr("Monte Carlo draws"), self.draws)
        draws_form.addRow(tr("Random seed"), self.seed)
        rule_form = form_layout()
        rule_form.addRow(self.top, self.top_percent)
        rule_form.addRow(self.by_threshold, self.threshold)
        uncertainty_box = QGroupBox(tr("Uncertainty"))
        uncertainty_layout = QHBoxLayout(uncertainty_box)
        uncertainty_layout.addLayout(draws_form, 1)
        uncertainty_layout.addLayout(rule_form, 1)

        self.weights_chart = Chart(tr("Weight distributions (Monte Carlo draws)"))
        self.probability_chart = Chart(tr("Probability of being suitable"))
        self.tornado_chart = Chart(tr("Sensitivity to each weight (tornado)"))

        top = QHBoxLayout()
        top.addWidget(criteria_box, 3)
        top.addWidget(constraints_box, 2)
        charts = QWidget()
        charts_layout = QHBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        for chart in (self.weights_chart, self.probability_chart, self.tornado_chart):
            charts_layout.addWidget(chart, 1)
        suitability = QWidget()
        suitability_layout = QVBoxLayout(suitability)
        suitability_layout.setContentsMargins(0, 6, 0, 0)
        suitability_layout.addLayout(top)
        suitability_layout.addWidget(uncertainty_box)
        suitability_layout.addWidget(self.panel)
        suitability_layout.addWidget(charts, 1)

        # the second part: land-use scenarios on the suitability (its locked zones are the
        # excluded areas above)
        self.scenarios = ScenarioSection(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(suitability, tr("1 · Suitability under uncertainty"))
        self.tabs.addTab(self.scenarios, tr("2 · Land-use scenarios"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # --- inputs ------------------------------------------------------------------------------

    def candidate_rasters(self) -> list[QgsRasterLayer]:
        """Rasters that can be criteria: the project's own (not hazards) and the risk index of step 4."""
        index_tag = output_tag("overlay", "OUTPUT")
        found = []
        for node in self.project.layerTreeRoot().findLayers():
            layer = node.layer()
            if not isinstance(layer, QgsRasterLayer):
                continue
            tag = layer.customProperty(OUTPUT_KEY)
            if tag:
                if tag == index_tag:
                    found.append(layer)
                continue
            if self.state.inventory.entry(layer).component != suggestions.HAZARD:
                found.append(layer)
        return found

    def refresh(self) -> None:
        current = {row["id"]: row for row in self.criteria_rows()}
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for layer in self.candidate_rasters():
            direction = suggestions.criterion_direction(layer.name())
            row = current.get(layer.id()) or {"use": direction is not None, "direction": direction or "+", "weight": ""}
            r = self.table.rowCount()
            self.table.insertRow(r)
            use = QTableWidgetItem()
            use.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            use.setCheckState(Qt.CheckState.Checked if row["use"] else Qt.CheckState.Unchecked)
            self.table.setItem(r, USE, use)
            name = QTableWidgetItem(layer.name())
            name.setData(Qt.ItemDataRole.UserRole, layer.id())
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(r, CRITERION, name)
            combo = QComboBox()
            combo.addItem(tr("+ benefit"), "+")
            combo.addItem(tr("− cost"), "-")
            combo.setCurrentIndex(combo.findData(row["direction"]))
            self.table.setCellWidget(r, DIRECTION, combo)
            self.table.setItem(r, WEIGHT, QTableWidgetItem(row["weight"]))
        used = [r for r in range(self.table.rowCount()) if self.table.item(r, USE).checkState() == Qt.CheckState.Checked]
        for r in used:
            if not self.table.item(r, WEIGHT).text().strip():
                self.table.item(r, WEIGHT).setText(f"{1 / len(used):.4g}")
        self.table.blockSignals(False)
        header = self.table.horizontalHeader()
        for column in (USE, DIRECTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CRITERION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WEIGHT, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(WEIGHT, 70)

        first = not self.exclusions.count()
        self.exclusions.fill(self.project, default=lambda layer: any(w in layer.name().lower() for w in PROTECTED_WORDS) if first else False)
        zones = output_layer(self.project, "zoning", "OUTPUT_ZONES")
        self.risk_zones.setEnabled(zones is not None)
        self.risk_grade.setEnabled(zones is not None)
        if zones is not None:
            grades = [f["grade"] for f in zones.getFeatures()]
            top = max(grades) if grades else 5
            self.risk_grade.setMaximum(top)
            if not self.risk_zones.isChecked() and first:
                self.risk_zones.setChecked(True)
                self.risk_grade.setValue(max(1, top - 1))
        else:
            self.risk_zones.setChecked(False)
        self.risk_zones.setToolTip("" if zones is not None else tr("Run step 4 first to exclude its risk zones."))
        self.scenarios.refresh()
        if not self.runner:
            self.restore()

    def criteria_rows(self) -> list[dict]:
        return [
            {
                "id": self.table.item(r, CRITERION).data(Qt.ItemDataRole.UserRole),
                "name": self.table.item(r, CRITERION).text(),
                "use": self.table.item(r, USE).checkState() == Qt.CheckState.Checked,
                "direction": self.table.cellWidget(r, DIRECTION).currentData(),
                "weight": self.table.item(r, WEIGHT).text().strip(),
            }
            for r in range(self.table.rowCount())
        ]

    def set_criterion(self, name: str, use: bool | None = None, direction: str | None = None, weight=None) -> None:
        """Set a criterion's row (as the user would)."""
        for r in range(self.table.rowCount()):
            if self.table.item(r, CRITERION).text() != name:
                continue
            if use is not None:
                self.table.item(r, USE).setCheckState(Qt.CheckState.Checked if use else Qt.CheckState.Unchecked)
            if direction is not None:
                combo = self.table.cellWidget(r, DIRECTION)
                combo.setCurrentIndex(combo.findData(direction))
            if weight is not None:
                self.table.item(r, WEIGHT).setText(f"{weight:g}" if isinstance(weight, (int, float)) else str(weight))

    def open_ahp(self) -> AhpDialog | None:
        used = [row for row in self.criteria_rows() if row["use"]]
        if len(used) < 2:
            self.panel.show_error(tr("Pairwise comparison needs at least two criteria in use."))
            return None

        def apply(weights, judgements):
            self.judgements = judgements
            for row, weight in zip(used, weights):
                self.set_criterion(row["name"], weight=round(weight, 4))

        return ask_weights(self, [row["name"] for row in used], self.judgements, apply)

    # --- the chain ---------------------------------------------------------------------------

    def chain(self):
        used = [row for row in self.criteria_rows() if row["use"]]
        if not used:
            return tr("Tick at least one criterion raster.")
        try:
            weights = [float(row["weight"]) for row in used]
        except ValueError:
            return tr("Every criterion in use needs a weight (a number).")
        layers = [self.project.mapLayer(row["id"]) for row in used]
        if any(layer is None for layer in layers):
            return tr("A criterion layer is no longer in the project; go back to step 3 or reopen this step.")
        problem = crs_problem(layers[0], tr("The first criterion"))
        if problem:
            return problem
        steps = []
        exclusions = [layer_input(self.project.mapLayer(i), tr("Excluded area: {name}").format(name=self.project.mapLayer(i).name())) for i in self.exclusions.checked_ids()]
        if self.risk_zones.isChecked() and self.risk_zones.isEnabled():
            zones = output_layer(self.project, "zoning", "OUTPUT_ZONES")
            steps.append(Step("high_risk", "native:extractbyexpression", tr("High-risk zones (grade {g} and above)").format(g=self.risk_grade.value()),
                              {"INPUT": layer_input(zones, tr("Risk zones"), "risk_zones"), "EXPRESSION": f'"grade" >= {self.risk_grade.value()}'}))
            exclusions.append(Ref("high_risk", "OUTPUT"))
        parameters = {
            "CRITERIA": [layer_input(layer, tr("Criterion: {name}").format(name=layer.name())) for layer in layers],
            "DIRECTIONS": ",".join(row["direction"] for row in used),
            "WEIGHTS": ",".join(f"{w:g}" for w in weights),
            "METHOD": self.method.currentIndex(),
            "EXCLUSION_ZONES": exclusions or None,
            "WEIGHT_UNCERTAINTY": self.weight_cv.value(),
            "CRITERION_UNCERTAINTY": self.criterion_sd.value(),
            "ITERATIONS": self.draws.value(),
            "SEED": self.seed.value(),
        }
        if self.top.isChecked():
            parameters["TOP_PERCENT"] = self.top_percent.value()
        else:
            parameters["THRESHOLD"] = self.threshold.value()
        a = "tsr:suitability"
        steps.append(Step("suitability", a, tr("Suitability under uncertainty"), parameters, (
            Out("OUTPUT_CLASS", "suitability_class", output_description(a, "OUTPUT_CLASS", "Robustness class")),
            Out("OUTPUT_PROBABILITY", "suitability_probability", output_description(a, "OUTPUT_PROBABILITY", "Probability of being suitable"), visible=False),
            Out("OUTPUT_MEAN", "suitability_mean", output_description(a, "OUTPUT_MEAN", "Mean suitability"), visible=False),
            Out("OUTPUT_STD", "suitability_std", output_description(a, "OUTPUT_STD", "Standard deviation of suitability"), visible=False),
        )))
        return steps

    # --- running: the suitability and the scenarios -------------------------------------------

    @property
    def running(self) -> bool:
        return super().running or self.scenarios.running

    def run(self) -> None:
        if self.scenarios.running:
            self.panel.show_error(tr("Wait until the land-use scenarios have finished."))
            return
        super().run()

    def cancel(self) -> None:
        super().cancel()
        self.scenarios.cancel()

    def _finished(self, steps, ok: bool, error: str) -> None:
        super()._finished(steps, ok, error)
        if ok:
            self.scenarios.suitability_changed()

    def reset(self) -> None:
        super().reset()
        self.scenarios.reset()

    def model_steps(self):
        """The suitability, then the land-use scenarios run on it."""
        return self.last_steps + self.scenarios.last_steps

    # --- charts ------------------------------------------------------------------------------

    def read(self, results: dict):
        outputs = results.get("suitability", {})
        return {
            "weights": chart_data.weight_draws(outputs["OUTPUT_WEIGHTS"]) if outputs.get("OUTPUT_WEIGHTS") else None,
            "probability": chart_data.raster_histogram(outputs["OUTPUT_PROBABILITY"], 20, (0.0, 1.0), skip=0.0) if outputs.get("OUTPUT_PROBABILITY") else None,
            "sensitivity": chart_data.sensitivity(outputs["OUTPUT_SENSITIVITY"]) if outputs.get("OUTPUT_SENSITIVITY") else None,
        }

    def show_results(self, data, results: dict) -> None:
        if not data:
            return
        if data["weights"]:
            series = [(name, edges, counts, CRITERION_COLOURS[i % len(CRITERION_COLOURS)]) for i, (name, edges, counts) in enumerate(data["weights"])]
            self.weights_chart.distributions(series, tr("Weight"), tr("Draws"))
        else:
            self.weights_chart.show_message(tr("The distributions need the drawn weights, which this version of the suitability algorithm does not write; its HTML report gives their means and spread."))
        if data["probability"]:
            edges, counts, zeros = data["probability"]
            self.probability_chart.histogram(edges, counts, tr("Probability of being suitable"), tr("Cells"), (0.1, 0.5, 0.9), ("#d73027", "#fee08b", "#a6d96a", "#1a9850"))
            self.probability_chart.set_note(tr("Not shown: {n:,} cells never suitable or excluded (p = 0). Dashed lines: the class limits 0.1, 0.5, 0.9.").format(n=zeros))
        if data["sensitivity"]:
            s = data["sensitivity"]
            unit = s["unit"]
            self.tornado_chart.tornado(s["names"], s["low"], s["high"], tr("weight {c:+.0%}").format(c=s["low_change"]), tr("weight {c:+.0%}").format(c=s["high_change"]),
                                       tr("Change of the suitable area ({unit})").format(unit=unit) if unit == "ha" else tr("Change of the suitable cells kept ({unit})").format(unit=unit))
        else:
            self.tornado_chart.show_message(tr("The tornado needs the sensitivity table, which this version of the suitability algorithm does not write; its HTML report shows the tornado chart."))

    def done_text(self, results: dict) -> str:
        outputs = results.get("suitability", {})
        if "ROBUST_AREA_HA" not in outputs:
            return ""
        return tr("Done. Robustly suitable {robust:,.1f} ha; uncertain {uncertain:,.1f} ha. The layers are in the group “{group}”.").format(
            robust=float(outputs["ROBUST_AREA_HA"]), uncertain=float(outputs["UNCERTAIN_AREA_HA"]), group=self.group_name())
