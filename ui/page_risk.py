"""Step 4, path 1 — coordinate multiple hazards: each hazard of the inventory normalised to a 0–1
degree (tsr:normalizehazard), overlaid with weights (tsr:multihazardoverlay, weights by AHP if
wished) and graded into risk zones and risk control lines (tsr:riskzoning). Charts: the histogram
of the risk index with the class breaks, and the area per risk grade."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..i18n import tr
from ..processing_provider.common.styles import GRADE_COLOURS
from . import chart_data, suggestions
from .ahp_dialog import AhpDialog
from .chain import Out, Ref, Step, file_stem
from .charts import Chart
from .inventory import category_labels, onset_labels
from .page_base import RunPage, crs_problem, layer_input
from .state import RISK
from .weight_table import WeightTable, parse_weights
from .widgets import chart_row, enum_options, form_box, int_spin, output_description, real_spin

USE, HAZARD, CATEGORY, METHOD, LOWER, UPPER, TABLE, WEIGHT = range(8)
#: The keys of the text columns in a hazard's row.
COLUMNS = {LOWER: "lower", UPPER: "upper", TABLE: "table", WEIGHT: "weight"}


def _number(text: str):
    text = (text or "").strip().replace("，", ",")
    return float(text) if text else None


class RiskPage(RunPage):
    PATH = RISK
    GROUP_ALG = "tsr:riskzoning"

    def __init__(self, state, parent=None):
        super().__init__(state, tr("Run overlay and zoning"), parent)
        self.setTitle(tr("Path 1 · Coordinate multiple hazards"))
        self.setSubTitle(
            tr("Normalise each hazard to a 0–1 degree, overlay them with weights, grade the risk into zones and draw the risk control lines")
        )
        self.table = WeightTable(
            [tr("In use"), tr("Hazard"), tr("Category"), tr("Normalisation"), tr("Lower"), tr("Upper"), tr("Table"), tr("Weight")], 190
        )
        self.table.horizontalHeaderItem(TABLE).setToolTip(tr("Reclassification table: min,max,value, … (an empty bound is open)"))
        self.table.itemChanged.connect(self._save)
        self.ahp_button = QPushButton(tr("Weights by pairwise comparison (AHP)…"))
        self.ahp_button.clicked.connect(self.open_ahp)

        self.method = QComboBox()
        self.method.addItems(enum_options("tsr:multihazardoverlay", "METHOD"))
        self.cascades = QLineEdit()
        self.cascades.setPlaceholderText(tr("optional, e.g. 0 0.5; 0 0 (row = triggering hazard)"))
        self.threshold = real_spin(0.0, 1.0, 0.5, step=0.05)
        overlay_box = form_box(
            tr("Overlay"),
            [(tr("Combination"), self.method), (tr("Cascades (interaction matrix)"), self.cascades), (tr("Hazard threshold"), self.threshold)],
        )

        self.classes = int_spin(2, 9, 5)
        self.zoning_method = QComboBox()
        self.zoning_method.addItems(enum_options("tsr:riskzoning", "METHOD"))
        self.min_area = real_spin(0.0, 10000.0, 1.0, " ha", decimals=2)
        zoning_box = form_box(
            tr("Zoning"), [(tr("Risk grades"), self.classes), (tr("Classification"), self.zoning_method), (tr("Minimum patch area"), self.min_area)]
        )

        self.histogram = Chart(tr("Risk index: histogram and class breaks"))
        self.areas = Chart(tr("Area per risk grade"))

        hazards_box = QGroupBox(tr("Hazards (from the inventory)"))
        hazards_layout = QVBoxLayout(hazards_box)
        hazards_layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ahp_button)
        hazards_layout.addLayout(row)
        settings = QHBoxLayout()
        settings.addWidget(overlay_box, 1)
        settings.addWidget(zoning_box, 1)
        charts = chart_row(self.histogram, self.areas)
        layout = QVBoxLayout(self)
        layout.addWidget(hazards_box, 3)
        layout.addLayout(settings)
        layout.addWidget(self.panel)
        layout.addWidget(charts, 4)

    # --- hazards -----------------------------------------------------------------------------

    def refresh(self) -> None:
        saved = self.state.get("risk/hazards", {}) or {}
        current = {row["id"]: row for row in self.hazard_rows()} if self.table.rowCount() else {}
        methods = enum_options("tsr:normalizehazard", "METHOD")
        categories, onsets = category_labels(), onset_labels()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        kinds = set()
        for layer in self.state.inventory.hazard_layers(self.project):
            entry = self.state.inventory.entry(layer)
            rule = suggestions.hazard_rule(layer.name())
            row = current.get(layer.id()) or saved.get(layer.id())
            if row is None:
                kind = rule.kind if rule else layer.id()
                row = {
                    "use": kind not in kinds,
                    "method": rule.method if rule else suggestions.MIN_MAX,
                    "lower": rule.lower if rule else None,
                    "upper": rule.upper if rule else None,
                    "table": rule.table if rule else "",
                    "weight": None,
                }
                kinds.add(kind)
            r = self.table.add_layer_row(layer, row["use"])
            category = QTableWidgetItem(f"{categories[entry.category]} · {onsets[entry.onset]}")
            category.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(r, CATEGORY, category)
            method = QComboBox()
            method.addItems(methods)
            method.setCurrentIndex(int(row["method"]))
            method.currentIndexChanged.connect(self._save)
            self.table.setCellWidget(r, METHOD, method)
            for column in (LOWER, UPPER, TABLE, WEIGHT):
                self.table.set_text(r, column, row[COLUMNS[column]])
        self.table.fill_equal_weights()
        self.table.blockSignals(False)
        header = self.table.horizontalHeader()
        for column in (USE, HAZARD, CATEGORY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((METHOD, 190), (LOWER, 70), (UPPER, 70), (WEIGHT, 70)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(TABLE, QHeaderView.ResizeMode.Stretch)
        self._save()
        if not self.runner:
            self.restore()

    def hazard_rows(self) -> list[dict]:
        rows = []
        for r in range(self.table.rowCount()):
            row = self.table.row(r)
            row["method"] = self.table.cellWidget(r, METHOD).currentIndex()
            for column in (LOWER, UPPER, TABLE):
                row[COLUMNS[column]] = self.table.item(r, column).text().strip()
            rows.append(row)
        return rows

    def _save(self, *_args) -> None:
        saved = {}
        for row in self.hazard_rows():
            saved[row["id"]] = {
                "use": row["use"],
                "method": row["method"],
                "lower": _safe(row["lower"]),
                "upper": _safe(row["upper"]),
                "table": row["table"],
                "weight": _safe(row["weight"]),
            }
        self.state.set("risk/hazards", saved)

    def set_hazard(
        self, name: str, use: bool | None = None, method: int | None = None, lower=None, upper=None, table: str | None = None, weight=None
    ) -> None:
        """Set a hazard's row (as the user would)."""
        for r in self.table.rows_named(name):
            self.table.set_row(r, use, {LOWER: lower, UPPER: upper, TABLE: table, WEIGHT: weight})
            if method is not None:
                self.table.cellWidget(r, METHOD).setCurrentIndex(method)

    def open_ahp(self) -> AhpDialog | None:
        return self.table.open_ahp(self, self.panel, tr("Pairwise comparison needs at least two hazards in use."))

    # --- the chain ---------------------------------------------------------------------------

    def chain(self):
        used = [row for row in self.hazard_rows() if row["use"]]
        if not used:
            return tr("No hazard is in use: assign raster layers to “Hazard” on step 3 and tick them here.")
        units = self.state.units_layer()
        if units is not None and crs_problem(units, ""):
            return crs_problem(units, tr("The planning unit layer"))
        steps, names = [], set()
        weights = parse_weights([row["weight"] for row in used])
        if weights is None:
            return tr("Every hazard in use needs a weight (a number).")
        for row in used:
            layer = self.project.mapLayer(row["id"])
            if layer is None:
                return tr("The layer {name} is no longer in the project.").format(name=row["name"])
            key = file_stem(layer.name()).lower()
            while key in names:
                key += "_"
            names.add(key)
            try:
                lower, upper = _number(row["lower"]), _number(row["upper"])
            except ValueError:
                return tr("{name}: the lower and upper control points must be numbers (or empty).").format(name=row["name"])
            parameters = {
                "INPUT": layer_input(layer, tr("Hazard: {name}").format(name=layer.name()), key),
                "METHOD": row["method"],
                "LOWER": lower,
                "UPPER": upper,
            }
            if row["method"] == suggestions.TABLE:
                if not row["table"]:
                    return tr("{name}: the reclassification table is empty (min,max,value, … on one line).").format(name=row["name"])
                parameters["TABLE"] = row["table"]
            steps.append(
                Step(
                    f"normalize_{key}",
                    "tsr:normalizehazard",
                    tr("Normalise {name}").format(name=layer.name()),
                    parameters,
                    (Out("OUTPUT", f"{key}_degree", tr("{name} (0–1)").format(name=layer.name()), visible=False),),
                )
            )
        overlay = {
            "HAZARDS": [Ref(s.id, "OUTPUT") for s in steps],
            "WEIGHTS": ",".join(f"{w:g}" for w in weights),
            "METHOD": self.method.currentIndex(),
            "THRESHOLD": self.threshold.value(),
        }
        if self.cascades.text().strip():
            overlay["INTERACTIONS"] = self.cascades.text().strip()
        a = "tsr:multihazardoverlay"
        steps.append(
            Step(
                "overlay",
                a,
                tr("Multi-hazard overlay"),
                overlay,
                (
                    Out("OUTPUT", "risk_index", output_description(a, "OUTPUT", "Multi-hazard risk index"), visible=False),
                    Out("OUTPUT_DOMINANT", "dominant_hazard", output_description(a, "OUTPUT_DOMINANT", "Dominant hazard"), visible=False),
                    Out(
                        "OUTPUT_COUNT",
                        "hazard_count",
                        output_description(a, "OUTPUT_COUNT", "Number of hazards at or above the threshold"),
                        visible=False,
                    ),
                ),
            )
        )
        zoning = {
            "INPUT": Ref("overlay", "OUTPUT"),
            "CLASSES": self.classes.value(),
            "METHOD": self.zoning_method.currentIndex(),
            "MIN_AREA": self.min_area.value(),
        }
        if units is not None:
            zoning["UNITS"] = layer_input(units, tr("Planning units"), "units")
            zoning["UNIT_FIELD"] = self.state.get("study/name_field", "") or None
        z = "tsr:riskzoning"
        steps.append(
            Step(
                "zoning",
                z,
                tr("Risk zoning and control lines"),
                zoning,
                (
                    Out("OUTPUT_LINES", "risk_control_lines", output_description(z, "OUTPUT_LINES", "Risk control lines")),
                    Out("OUTPUT_ZONES", "risk_zones", output_description(z, "OUTPUT_ZONES", "Risk zones")),
                    Out("OUTPUT", "risk_grades", output_description(z, "OUTPUT", "Risk grades"), visible=False),
                    Out("OUTPUT_TABLE", "risk_area_by_unit", output_description(z, "OUTPUT_TABLE", "Area per grade and unit")),
                ),
            )
        )
        return steps

    # --- charts ------------------------------------------------------------------------------

    def read(self, results: dict):
        index = results.get("overlay", {}).get("OUTPUT")
        zones = results.get("zoning", {}).get("OUTPUT_ZONES")
        return {
            "histogram": chart_data.raster_histogram(index, 60) if index else None,
            "breaks": chart_data.numbers(results.get("zoning", {}).get("BREAKS_USED")),
            "zones": chart_data.zone_areas(zones) if zones else None,
        }

    def show_results(self, data, results: dict) -> None:
        if not data:
            return
        breaks = data["breaks"]
        colours = GRADE_COLOURS.get(len(breaks) + 1)
        if data["histogram"]:
            edges, counts, _skipped = data["histogram"]
            self.histogram.histogram(edges, counts, tr("Multi-hazard risk index"), tr("Cells"), breaks, colours)
        if data["zones"]:
            grades, labels, areas = data["zones"]
            self.areas.bars(
                [f"{g} {label}" for g, label in zip(grades, labels)],
                areas,
                tr("Area (ha)"),
                [GRADE_COLOURS[len(grades)][g - 1] for g in grades] if len(grades) in GRADE_COLOURS else None,
            )

    def done_text(self, results: dict) -> str:
        zoning = results.get("zoning", {})
        if "BREAKS_USED" not in zoning:
            return ""
        breaks = ", ".join(f"{b:.3g}" for b in chart_data.numbers(zoning["BREAKS_USED"]))
        return tr(
            "Done. Breaks {breaks}; controlled zone {ha:,.1f} ha; goodness of variance fit {gvf:.3f}. The layers are in the group “{group}”."
        ).format(breaks=breaks, ha=float(zoning.get("CONTROLLED_AREA_HA", 0.0)), gvf=float(zoning.get("GVF", 0.0)), group=self.group_name())


def _safe(text: str):
    try:
        return _number(text)
    except ValueError:
        return None
