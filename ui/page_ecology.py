"""Step 4, spatial network — the ecological security pattern (生态安全格局): a resistance surface
from the land cover (tsr:resistancesurface, optionally raised by hazard degrees), habitat patches
ranked by their importance for connectivity (tsr:patchconnectivity), the most important kept as
ecological sources, least-cost corridors between them (tsr:ecologicalcorridors), the current flow
within each corridor — the pinch points — (tsr:circuitconnectivity in corridor mode) and the
barriers whose restoration would shorten the corridors most (tsr:barriers).

Charts: dPC of the sources, the threshold curve (PC and the number of components against
distance) and the pairwise effective resistances. The page only runs the algorithms and reads
their outputs (ecology_charts.py)."""

from __future__ import annotations

from qgis.core import QgsRasterLayer
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..i18n import tr
from . import ecology_charts
from .chain import Out, Ref, Step
from .charts import Chart
from .page_base import RunPage, crs_problem, layer_input
from .runner import algorithm
from .state import ECOLOGY
from .widgets import (
    LayerChecklist,
    chart_row,
    choose_layer,
    enum_options,
    form_box,
    form_layout,
    int_spin,
    layer_combo,
    output_description,
    real_spin,
)

RESISTANCE, PATCHES, CORRIDORS = "tsr:resistancesurface", "tsr:patchconnectivity", "tsr:ecologicalcorridors"
CIRCUIT, BARRIERS = "tsr:circuitconnectivity", "tsr:barriers"
LEAST_COST = 1  # tsr:patchconnectivity DISTANCE: Euclidean, least cost
CLASS, VALUE = range(2)
TOP_PAIRS = 12  # the pairs of sources with the highest effective resistance shown
#: Colours of the charts: PC and the components.
PC_COLOUR, COMPONENTS_COLOUR, SOURCE_COLOUR, RESISTANCE_COLOUR = "#1b7837", "#b2182b", "#5aae61", "#8c6bb1"


def preset_table() -> list[tuple[str, str]]:
    """(class value, resistance) rows of tsr:resistancesurface's default TABLE (its preset)."""
    alg = algorithm(RESISTANCE)
    definition = alg.parameterDefinition("TABLE") if alg is not None else None
    flat = [str(v) for v in (definition.defaultValue() or [])] if definition is not None else []
    return [(flat[i], flat[i + 1]) for i in range(0, len(flat) - 1, 2)]


def _is_raster(layer) -> bool:
    return isinstance(layer, QgsRasterLayer)


class EcologyPage(RunPage):
    PATH = ECOLOGY
    GROUP_ALG = RESISTANCE

    def __init__(self, state, parent=None):
        super().__init__(state, tr("Build the ecological security pattern"), parent)
        self.setTitle(tr("Spatial network · Ecological security pattern"))
        self.setSubTitle(
            tr(
                "Sources ranked by their importance for connectivity, a resistance surface, corridors of least cumulative resistance, pinch points "
                "and barriers"
            )
        )

        # resistance
        self.landcover = layer_combo("RasterLayer")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([tr("Land-cover class"), tr("Resistance (≥ 1)")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(100)
        self.table.setToolTip(
            tr("Every class of the land cover needs a resistance; the preset is that of the land-use classes of the third national land survey")
        )
        self.preset_button = QPushButton(tr("Preset"))
        self.preset_button.setToolTip(
            tr("The preset of tsr:resistancesurface: the first-level classes of the third national land survey (GB/T 21010-2017)")
        )
        self.preset_button.clicked.connect(lambda: self.set_table(preset_table()))
        self.add_button = QPushButton(tr("Add a class"))
        self.add_button.clicked.connect(lambda: self.set_table(self.table_rows() + [("", "")]))
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.clicked.connect(self.remove_class)
        self.barrier_classes = QLineEdit()
        self.barrier_classes.setPlaceholderText(tr("optional, e.g. 5"))
        self.modifiers = LayerChecklist(_is_raster)
        self.modifiers.setMinimumHeight(48)
        self.modifiers.setMaximumHeight(80)
        self.modifiers.setToolTip(tr("Rasters of 0–1 that raise the resistance, e.g. the hazard degrees of path 1 (landslide, flood)"))
        self.modifier_weight = real_spin(0.0, 100.0, 0.5, step=0.1)
        resistance_box = QGroupBox(tr("Resistance surface"))
        resistance_layout = QVBoxLayout(resistance_box)
        top = form_layout()
        top.addRow(tr("Land cover"), self.landcover)
        resistance_layout.addLayout(top)
        resistance_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in (self.preset_button, self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        resistance_layout.addLayout(buttons)
        modifiers = form_layout()
        modifiers.addRow(tr("Impassable classes"), self.barrier_classes)
        modifiers.addRow(tr("Raised by (0–1 rasters)"), self.modifiers)
        modifiers.addRow(tr("Weight of each"), self.modifier_weight)
        resistance_layout.addLayout(modifiers)

        # sources
        self.habitat_classes = QLineEdit("3")
        self.habitat_classes.setToolTip(tr("Land-cover classes that are habitat, e.g. forest and wetland"))
        self.min_area = real_spin(0.0, 1_000_000.0, 25.0, " ha", decimals=1)
        self.distance = QComboBox()
        self.distance.addItems(enum_options(PATCHES, "DISTANCE"))
        self.distance.setCurrentIndex(LEAST_COST)
        self.threshold = real_spin(0.0, 1e9, 10000.0, decimals=0)
        self.threshold.setToolTip(tr("Dispersal distance: metres, or cost units with least-cost distances"))
        self.probability = real_spin(0.01, 1.0, 0.5, step=0.05, decimals=2)
        self.sweep = QLineEdit("1000, 2500, 5000, 10000, 20000, 40000, 80000")
        self.sources_kept = int_spin(2, 200, 8)
        sources_box = form_box(
            tr("Ecological sources"),
            [
                (tr("Habitat classes"), self.habitat_classes),
                (tr("Minimum patch area"), self.min_area),
                (tr("Distance"), self.distance),
                (tr("Threshold distance"), self.threshold),
                (tr("Probability at the threshold"), self.probability),
                (tr("Threshold curve at"), self.sweep),
                (tr("Number of sources"), self.sources_kept),
            ],
        )

        # corridors, pinch points, barriers
        self.neighbours = QComboBox()
        self.neighbours.addItems(enum_options(CORRIDORS, "NEIGHBOURS"))
        for combo in (self.distance, self.neighbours):  # long options must not widen their column
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.corridor_width = real_spin(0.0, 1e12, 5000.0, decimals=0)
        self.corridor_width.setToolTip(tr("Cut-off of the normalised corridor, in cost units (0 = no cut)"))
        self.roads = layer_combo("LineLayer", allow_empty=True)
        self.pinch_points = QCheckBox(tr("Pinch points (current flow)"))
        self.pinch_points.setChecked(True)
        self.barriers = QCheckBox(tr("Barriers (restoration gain)"))
        self.barriers.setChecked(True)
        self.pinch_points.setToolTip(tr("Pinch points (current flow within each corridor)"))
        self.barriers.setToolTip(tr("Barriers (restoration that shortens the corridors most)"))
        self.sweep.setToolTip(tr("Distances of the threshold curve"))
        self.sources_kept.setToolTip(tr("Sources: the most important patches"))
        self.neighbours.setToolTip(tr("Pairs of sources to connect"))
        self.radii = QLineEdit("90, 180, 300")
        self.radii.setToolTip(tr("Search radii of the barriers (m)"))
        self.barriers.toggled.connect(self.radii.setEnabled)
        corridors_box = form_box(
            tr("Corridors, pinch points and barriers"),
            [
                (tr("Pairs"), self.neighbours),
                (tr("Corridor width"), self.corridor_width),
                (tr("Roads (conflicts)"), self.roads),
                (self.pinch_points,),
                (self.barriers,),
                (tr("Radii (m)"), self.radii),
            ],
        )

        self.sources_chart = Chart(tr("Importance of the sources (dPC)"))
        self.curve_chart = Chart(tr("Threshold curve: PC and components against distance"))
        self.resistance_chart = Chart(tr("Effective resistance between the sources"))

        settings = QHBoxLayout()
        settings.addWidget(resistance_box, 5)
        settings.addWidget(sources_box, 4)
        settings.addWidget(corridors_box, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(settings)  # the settings at their natural height, the charts take the rest
        layout.addWidget(self.panel)
        layout.addWidget(chart_row(self.sources_chart, self.curve_chart, self.resistance_chart), 1)
        self._defaults_chosen = False

    # --- inputs ------------------------------------------------------------------------------

    def set_table(self, rows: list[tuple]) -> None:
        self.table.setRowCount(0)
        for value, resistance in rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            self.table.setItem(r, CLASS, QTableWidgetItem(str(value)))
            self.table.setItem(r, VALUE, QTableWidgetItem(str(resistance)))

    def table_rows(self) -> list[tuple[str, str]]:
        rows = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in (CLASS, VALUE)]
            rows.append(tuple(cell.text().strip() if cell is not None else "" for cell in cells))
        return rows

    def remove_class(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def refresh(self) -> None:
        if not self._defaults_chosen:
            self._defaults_chosen = True
            choose_layer(self.landcover, self.project, "landcover", "land_cover", "land cover", "土地利用", "土地覆被", "地类", "三调")
            choose_layer(self.roads, self.project, "road", "道路")
            self.set_table(self.state.get("ecology/table") or preset_table())
        # the hazard degrees of path 1 (when it has run) raise the resistance by default
        degrees = {
            layer.id()
            for layer in self.project.mapLayers().values()
            if str(layer.customProperty("territorial_resilience/output") or "").startswith(("normalize_landslide", "normalize_flood"))
        }
        self.modifiers.fill(self.project, None if self.modifiers.count() else degrees, default=lambda layer: layer.id() in degrees)
        if not self.runner:
            self.restore()

    # --- the chain ---------------------------------------------------------------------------

    def chain(self):
        landcover = self.landcover.currentLayer()
        if landcover is None:
            return tr("Choose the land-cover raster.")
        problem = crs_problem(landcover, tr("The land-cover raster"))
        if problem:
            return problem
        table = []
        for value, resistance in self.table_rows():
            if not value and not resistance:
                continue
            try:
                float(value), float(resistance)
            except ValueError:
                return tr("The resistance table needs a number in each cell (class {value}).").format(value=value or "?")
            table += [value, resistance]
        if not table:
            return tr("The resistance table is empty.")
        self.state.set("ecology/table", [[table[i], table[i + 1]] for i in range(0, len(table), 2)])
        if not self.habitat_classes.text().strip():
            return tr("Name the habitat classes of the land cover (e.g. forest and wetland).")
        cover = layer_input(landcover, tr("Land cover"), "landcover")
        resistance = {"LANDCOVER": cover, "TABLE": table, "METHOD": 0}
        if self.barrier_classes.text().strip():
            resistance["BARRIER_CLASSES"] = self.barrier_classes.text().strip()
        modifiers = [self.project.mapLayer(i) for i in self.modifiers.checked_ids()]
        modifiers = [m for m in modifiers if m is not None]
        if modifiers:
            resistance["MODIFIERS"] = [layer_input(m, tr("Modifier: {name}").format(name=m.name())) for m in modifiers]
            resistance["MODIFIER_WEIGHTS"] = ",".join(f"{self.modifier_weight.value():g}" for _ in modifiers)
        patches = {
            "HABITAT": cover,
            "HABITAT_CLASSES": self.habitat_classes.text().strip(),
            "MIN_AREA": self.min_area.value(),
            "DISTANCE": self.distance.currentIndex(),
            "THRESHOLD": self.threshold.value(),
            "PROBABILITY": self.probability.value(),
            "DISTANCE_SWEEP": self.sweep.text().strip() or None,
        }
        if self.distance.currentIndex() == LEAST_COST:
            patches["RESISTANCE"] = Ref("resistance", "OUTPUT")
        units = self.state.units_layer()
        patch_outputs = [
            Out("OUTPUT", "habitat_patches", output_description(PATCHES, "OUTPUT", "Patch importance"), visible=False),
            Out("OUTPUT_LINKS", "habitat_links", output_description(PATCHES, "OUTPUT_LINKS", "Links within the threshold"), visible=False),
        ]
        if units is not None and not crs_problem(units, ""):
            patches["STUDY_AREA"] = patches["UNITS"] = layer_input(units, tr("Planning units"), "units")
            # EC(PC) per unit: its ec_pc_pct field is an ecological (E) indicator for the SETS index
            patch_outputs.append(
                Out("OUTPUT_UNITS", "unit_connectivity", output_description(PATCHES, "OUTPUT_UNITS", "Equivalent connected habitat per unit"))
            )
        steps = [
            Step(
                "resistance",
                RESISTANCE,
                tr("Resistance surface"),
                resistance,
                (Out("OUTPUT", "resistance", output_description(RESISTANCE, "OUTPUT", "Resistance surface"), visible=False),),
            ),
            Step(
                "patches",
                PATCHES,
                tr("Patch importance for connectivity"),
                patches,
                tuple(patch_outputs),
            ),
            Step(
                "sources",
                "native:extractbyexpression",
                tr("Ecological sources (the most important patches)"),
                {"INPUT": Ref("patches", "OUTPUT"), "EXPRESSION": f'"rank" <= {self.sources_kept.value()}'},
                (Out("OUTPUT", "ecological_sources", tr("Ecological sources")),),
            ),
        ]
        corridors = {
            "SOURCES": Ref("sources", "OUTPUT"),
            "SOURCE_ID_FIELD": "patch_id",
            "RESISTANCE": Ref("resistance", "OUTPUT"),
            "NEIGHBOURS": self.neighbours.currentIndex(),
            "CORRIDOR_WIDTH": self.corridor_width.value(),
        }
        roads = self.roads.currentLayer()
        if roads is not None:
            corridors["ROADS"] = layer_input(roads, tr("Roads"), "roads")
        c = CORRIDORS
        steps.append(
            Step(
                "corridors",
                c,
                tr("Least-cost corridors"),
                corridors,
                (
                    Out("OUTPUT_CONFLICTS", "corridor_road_conflicts", output_description(c, "OUTPUT_CONFLICTS", "Conflicts with roads")),
                    Out("OUTPUT_PATHS", "least_cost_paths", output_description(c, "OUTPUT_PATHS", "Least-cost paths")),
                    Out("OUTPUT_CORRIDORS", "corridors", output_description(c, "OUTPUT_CORRIDORS", "Corridors")),
                    Out("OUTPUT_COST_DISTANCE", "cost_distance", output_description(c, "OUTPUT_COST_DISTANCE", "Cost distance"), visible=False),
                    Out("OUTPUT_ALLOCATION", "cost_allocation", output_description(c, "OUTPUT_ALLOCATION", "Cost allocation"), visible=False),
                ),
            )
        )
        if self.pinch_points.isChecked():
            steps.append(
                Step(
                    "circuit",
                    CIRCUIT,
                    tr("Pinch points (current flow in the corridors)"),
                    {
                        "RESISTANCE": Ref("resistance", "OUTPUT"),
                        "FOCAL": Ref("sources", "OUTPUT"),
                        "FOCAL_ID_FIELD": "patch_id",
                        "MODE": 0,
                        "CONNECTIONS": 1,
                        "CORRIDORS": Ref("corridors", "OUTPUT_CORRIDORS"),
                        "CORRIDOR_WIDTH": self.corridor_width.value(),
                    },
                    (
                        Out("OUTPUT_CURRENT", "pinch_points", tr("Pinch points (current density)")),
                        Out(
                            "OUTPUT_RESISTANCES", "effective_resistances", output_description(CIRCUIT, "OUTPUT_RESISTANCES", "Effective resistances")
                        ),
                    ),
                )
            )
        if self.barriers.isChecked():
            if not self.radii.text().strip():
                return tr("Give the search radii of the barriers, e.g. 90, 180, 300.")
            steps.append(
                Step(
                    "barriers",
                    BARRIERS,
                    tr("Barriers"),
                    {
                        "SOURCES": Ref("sources", "OUTPUT"),
                        "SOURCE_ID_FIELD": "patch_id",
                        "RESISTANCE": Ref("resistance", "OUTPUT"),
                        "PATHS": Ref("corridors", "OUTPUT_PATHS"),
                        "RADII": self.radii.text().strip(),
                    },
                    (
                        Out("OUTPUT", "barriers", tr("Barriers (improvement score)"), visible=False),
                        Out(
                            "OUTPUT_RADIUS",
                            "barrier_radius",
                            output_description(BARRIERS, "OUTPUT_RADIUS", "Radius of the maximum score"),
                            visible=False,
                        ),
                    ),
                )
            )
        return steps

    # --- charts ------------------------------------------------------------------------------

    def read(self, results: dict):
        patches = results.get("patches", {})
        resistances = results.get("circuit", {}).get("OUTPUT_RESISTANCES")
        return {
            "sources": ecology_charts.patch_importance(str(patches["OUTPUT"]), self.sources_kept.value()) if patches.get("OUTPUT") else None,
            "curve": ecology_charts.threshold_curve(str(patches["OUTPUT_CURVE"])) if patches.get("OUTPUT_CURVE") else None,
            "resistances": ecology_charts.effective_resistances(str(resistances)) if resistances else None,
            "threshold": self.threshold.value(),
        }

    def show_results(self, data, results: dict) -> None:
        if not data:
            return
        if data["sources"] and data["sources"]["ids"]:
            s = data["sources"]
            self.sources_chart.bars([tr("patch {id}").format(id=i) for i in s["ids"]], s["dPC"], tr("dPC (%)"), [SOURCE_COLOUR])
            self.sources_chart.set_note(tr("{n} of {total} habitat patches, by rank").format(n=len(s["ids"]), total=s["count"]))
        if data["curve"] and data["curve"]["distance"]:
            c = data["curve"]
            marks = [data["threshold"]] if c["distance"][0] <= data["threshold"] <= c["distance"][-1] else []
            self.curve_chart.lines(
                c["distance"],
                [(tr("PC"), c["PC"], PC_COLOUR)],
                tr("Distance (m or cost units)"),
                tr("PC"),
                right=(tr("Components"), c["components"], COMPONENTS_COLOUR, tr("Components")),
                marks=marks,
            )
        else:
            self.curve_chart.show_message(tr("Give distances for the threshold curve and run again."))
        if data["resistances"] and data["resistances"]["pairs"]:
            r = data["resistances"]
            shown = min(len(r["pairs"]), TOP_PAIRS)
            self.resistance_chart.bars(r["pairs"][:shown], r["resistance"][:shown], tr("Effective resistance"), [RESISTANCE_COLOUR])
            notes = [tr("the {n} highest of {total} pairs").format(n=shown, total=len(r["pairs"]))] if shown < len(r["pairs"]) else []
            if r["without"]:
                notes.append(tr("{n} pairs in separate components have no finite resistance").format(n=r["without"]))
            self.resistance_chart.set_note("; ".join(notes))
        elif "circuit" not in results:
            self.resistance_chart.show_message(tr("Tick “Pinch points” and run to see the effective resistances."))

    def done_text(self, results: dict) -> str:
        patches = results.get("patches", {})
        if "PC" not in patches:
            return ""
        text = tr("Done: PC {pc:.4g}, equivalent connected area EC(PC) {ec:,.1f} ha, {n} components.").format(
            pc=float(patches["PC"]), ec=float(patches.get("EC_PC", 0.0)), n=int(patches.get("COMPONENTS", 0))
        )
        if patches.get("OUTPUT_UNITS"):
            text += " " + tr(
                "EC(PC) per planning unit is in the layer “{layer}”: its field ec_pc_pct (connected habitat as a share of the unit) "
                "can join the ecological (E) indicators of the SETS index."
            ).format(layer=output_description(PATCHES, "OUTPUT_UNITS", "Equivalent connected habitat per unit"))
        circuit = results.get("circuit", {})
        if "MEAN_EFFECTIVE_RESISTANCE" in circuit:
            text += " " + tr("Mean effective resistance between the sources: {r:.4g}.").format(r=float(circuit["MEAN_EFFECTIVE_RESISTANCE"]))
        return text + " " + tr("The layers are in the group “{group}”.").format(group=self.group_name())
