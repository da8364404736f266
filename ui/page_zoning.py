"""Step 5, path 2 — zoning under uncertainty: suitability of the criteria rasters (weights by AHP
if wished) with Monte Carlo weight uncertainty (tsr:suitability), excluding the protected areas
and, if wished, the risk zones of step 4. Charts: the distributions of the drawn weights, the
histogram of the probability of being suitable, and the sensitivity to each weight (tornado).

The page has two tabs: the suitability, then the land-use scenarios built on it (tsr:landallocation,
multi-objective land allocation; ui/scenarios.py), which run, chart and enter "save as model" on
their own."""

from __future__ import annotations

from qgis.core import QgsRasterLayer
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from . import chart_data, suggestions
from .ahp_dialog import AhpDialog
from .chain import Out, Ref, Step
from .charts import Chart
from .page_base import RunPage, crs_problem, layer_input, zones_from_grade
from .results import OUTPUT_KEY, PATH_KEY, output_layer, output_tag
from .scenarios import ScenarioSection
from .state import ZONING
from .weight_table import WeightTable, parse_weights
from .widgets import LayerChecklist, chart_row, enum_options, form_layout, grade_row, int_spin, is_polygon_layer, output_description, real_spin

USE, CRITERION, DIRECTION, WEIGHT = range(4)
PROTECTED_WORDS = ("red_line", "redline", "farmland", "protect", "reserve", "红线", "基本农田", "保护")
CRITERION_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666")


class ZoningPage(RunPage):
    PATH = ZONING
    GROUP_ALG = "tsr:suitability"

    def __init__(self, state, parent=None):
        super().__init__(state, tr("Run suitability under uncertainty"), parent)
        self.setTitle(tr("Path 2 · Zoning under uncertainty"))
        self.setSubTitle(
            tr(
                "Suitability from weighted criteria, with the weights uncertain: where is the land robustly suitable, and how much does it depend "
                "on each weight?"
            )
        )
        self.table = WeightTable([tr("In use"), tr("Criterion (raster)"), tr("Direction"), tr("Weight")], 150)
        self.ahp_button = QPushButton(tr("Weights by pairwise comparison (AHP)…"))
        self.ahp_button.clicked.connect(self.open_ahp)
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
        self.risk_zones, self.risk_grade, risk_row = grade_row(tr("Risk zones of step 4 from grade"))
        constraints_box = QGroupBox(tr("Constraints (excluded areas)"))
        constraints_layout = QVBoxLayout(constraints_box)
        constraints_layout.addWidget(self.exclusions)
        constraints_layout.addLayout(risk_row)

        self.weight_cv = real_spin(0.0, 100.0, 15.0, " %")
        self.criterion_sd = real_spin(0.0, 1.0, 0.0, step=0.01)
        self.draws = int_spin(1, 10000, 1000)
        self.seed = int_spin(0, 2**31 - 1, 2020)
        self.top = QRadioButton(tr("Suitable: the top share of the area"))
        self.top_percent = real_spin(0.1, 100.0, 10.0, " %")
        self.by_threshold = QRadioButton(tr("Suitable: a score of at least"))
        self.threshold = real_spin(0.0, 1.0, 0.6, step=0.05)
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
        charts = chart_row(self.weights_chart, self.probability_chart, self.tornado_chart)
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
            r = self.table.add_layer_row(layer, row["use"])
            combo = QComboBox()
            combo.addItem(tr("+ benefit"), "+")
            combo.addItem(tr("− cost"), "-")
            combo.setCurrentIndex(combo.findData(row["direction"]))
            self.table.setCellWidget(r, DIRECTION, combo)
            self.table.set_text(r, WEIGHT, row["weight"])
        self.table.fill_equal_weights()
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
        return [{**self.table.row(r), "direction": self.table.cellWidget(r, DIRECTION).currentData()} for r in range(self.table.rowCount())]

    def set_criterion(self, name: str, use: bool | None = None, direction: str | None = None, weight=None) -> None:
        """Set a criterion's row (as the user would)."""
        for r in self.table.rows_named(name):
            self.table.set_row(r, use, {WEIGHT: weight})
            if direction is not None:
                combo = self.table.cellWidget(r, DIRECTION)
                combo.setCurrentIndex(combo.findData(direction))

    def open_ahp(self) -> AhpDialog | None:
        return self.table.open_ahp(self, self.panel, tr("Pairwise comparison needs at least two criteria in use."))

    # --- the chain ---------------------------------------------------------------------------

    def chain(self):
        used = [row for row in self.criteria_rows() if row["use"]]
        if not used:
            return tr("Tick at least one criterion raster.")
        weights = parse_weights([row["weight"] for row in used])
        if weights is None:
            return tr("Every criterion in use needs a weight (a number).")
        layers = [self.project.mapLayer(row["id"]) for row in used]
        if any(layer is None for layer in layers):
            return tr("A criterion layer is no longer in the project; go back to step 3 or reopen this step.")
        problem = crs_problem(layers[0], tr("The first criterion"))
        if problem:
            return problem
        steps = []
        exclusions = [
            layer_input(self.project.mapLayer(i), tr("Excluded area: {name}").format(name=self.project.mapLayer(i).name()))
            for i in self.exclusions.checked_ids()
        ]
        if self.risk_zones.isChecked() and self.risk_zones.isEnabled():
            zones = output_layer(self.project, "zoning", "OUTPUT_ZONES")
            grade = self.risk_grade.value()
            steps.append(zones_from_grade("high_risk", tr("High-risk zones (grade {g} and above)").format(g=grade), zones, grade))
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
        steps.append(
            Step(
                "suitability",
                a,
                tr("Suitability under uncertainty"),
                parameters,
                (
                    Out("OUTPUT_CLASS", "suitability_class", output_description(a, "OUTPUT_CLASS", "Robustness class")),
                    Out(
                        "OUTPUT_PROBABILITY",
                        "suitability_probability",
                        output_description(a, "OUTPUT_PROBABILITY", "Probability of being suitable"),
                        visible=False,
                    ),
                    Out("OUTPUT_MEAN", "suitability_mean", output_description(a, "OUTPUT_MEAN", "Mean suitability"), visible=False),
                    Out("OUTPUT_STD", "suitability_std", output_description(a, "OUTPUT_STD", "Standard deviation of suitability"), visible=False),
                ),
            )
        )
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
            "probability": chart_data.raster_histogram(outputs["OUTPUT_PROBABILITY"], 20, (0.0, 1.0), skip=0.0)
            if outputs.get("OUTPUT_PROBABILITY")
            else None,
            "sensitivity": chart_data.sensitivity(outputs["OUTPUT_SENSITIVITY"]) if outputs.get("OUTPUT_SENSITIVITY") else None,
        }

    def show_results(self, data, results: dict) -> None:
        if not data:
            return
        if data["weights"]:
            series = [(name, edges, counts, CRITERION_COLOURS[i % len(CRITERION_COLOURS)]) for i, (name, edges, counts) in enumerate(data["weights"])]
            self.weights_chart.distributions(series, tr("Weight"), tr("Draws"))
        else:
            self.weights_chart.show_message(
                tr(
                    "The distributions need the drawn weights, which this version of the suitability algorithm does not write; its HTML report "
                    "gives their means and spread."
                )
            )
        if data["probability"]:
            edges, counts, zeros = data["probability"]
            self.probability_chart.histogram(
                edges, counts, tr("Probability of being suitable"), tr("Cells"), (0.1, 0.5, 0.9), ("#d73027", "#fee08b", "#a6d96a", "#1a9850")
            )
            self.probability_chart.set_note(
                tr("Not shown: {n:,} cells never suitable or excluded (p = 0). Dashed lines: the class limits 0.1, 0.5, 0.9.").format(n=zeros)
            )
        if data["sensitivity"]:
            s = data["sensitivity"]
            unit = s["unit"]
            self.tornado_chart.tornado(
                s["names"],
                s["low"],
                s["high"],
                tr("weight {c:+.0%}").format(c=s["low_change"]),
                tr("weight {c:+.0%}").format(c=s["high_change"]),
                tr("Change of the suitable area ({unit})").format(unit=unit)
                if unit == "ha"
                else tr("Change of the suitable cells kept ({unit})").format(unit=unit),
            )
        else:
            self.tornado_chart.show_message(
                tr(
                    "The tornado needs the sensitivity table, which this version of the suitability algorithm does not write; its HTML report shows "
                    "the tornado chart."
                )
            )

    def done_text(self, results: dict) -> str:
        outputs = results.get("suitability", {})
        if "ROBUST_AREA_HA" not in outputs:
            return ""
        return tr("Done. Robustly suitable {robust:,.1f} ha; uncertain {uncertain:,.1f} ha. The layers are in the group “{group}”.").format(
            robust=float(outputs["ROBUST_AREA_HA"]), uncertain=float(outputs["UNCERTAIN_AREA_HA"]), group=self.group_name()
        )
