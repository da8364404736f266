"""Step 6, path 3 — community emergency network: who reaches a shelter or medical facility along
the roads under a planning standard (tsr:servicecoverage), where new sites serve most
(tsr:facilitylocation) and which routes lead safely around the risk zones of step 4
(tsr:evacuationroutes). Charts: population covered against distance, and against the number of
new sites.

A second tab holds the stress test of the spatial network module: the high-risk zones of path 1 as
the scenario of tsr:networkcriticality (every road inside fails at once, then each remaining
segment or facility one at a time), the ten most critical elements on the map and in a chart,
and the robustness curve of the road network (tsr:networkrobustness)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from . import chart_data, ecology_charts
from .chain import Out, Ref, Step
from .charts import Chart
from .page_base import DONE, ChainRun, RunPage, crs_problem, layer_input, zones_from_grade
from .results import add_outputs, output_layer
from .runner import algorithm, available
from .state import GROUP_ORDER, NETWORK, STRESS
from .widgets import (
    chart_row,
    choose_field,
    choose_layer,
    enum_options,
    field_combo,
    form_box,
    grade_row,
    int_spin,
    layer_combo,
    output_description,
    real_spin,
)

COVERAGE, LOCATION, ROUTES = "tsr:servicecoverage", "tsr:facilitylocation", "tsr:evacuationroutes"
CRITICALITY, ROBUSTNESS = "tsr:networkcriticality", "tsr:networkrobustness"
TIME = 1  # COST of the network algorithms: distance, time
BETWEENNESS = 2  # tsr:networkrobustness REMOVAL: random, degree, betweenness, criticality
TOP = 10  # the most critical elements shown
MCLP = 1  # tsr:facilitylocation MODEL: LSCP, MCLP, p-median, p-center


def _options(alg_id: str, parameter: str, fallback: list[str]) -> list[str]:
    return enum_options(alg_id, parameter) or fallback


class NetworkPage(RunPage):
    PATH = NETWORK
    GROUP_ALG = COVERAGE

    def __init__(self, state, parent=None):
        super().__init__(state, tr("Run coverage, location and routes"), parent)
        self.setTitle(tr("Path 3 · Community emergency network"))
        self.setSubTitle(
            tr("Who reaches a shelter along the roads under the planning standard, where new sites serve most, and which routes avoid the risk zones")
        )

        # people, facilities and roads
        self.demand = layer_combo("HasGeometry")
        self.population = field_combo(self.demand, numeric=True)
        self.demand_id = field_combo(self.demand, allow_empty=True)
        self.facilities = layer_combo("PointLayer")
        self.facility_id = field_combo(self.facilities, allow_empty=True)
        self.capacity = field_combo(self.facilities, numeric=True, allow_empty=True)
        self.network = layer_combo("LineLayer")
        self.speed_field = field_combo(self.network, numeric=True, allow_empty=True)
        self.oneway_field = field_combo(self.network, allow_empty=True)
        self.speed = real_spin(0.1, 200.0, 5.0, " km/h")
        inputs_box = QGroupBox(tr("People, facilities and roads"))
        grid = QGridLayout(inputs_box)
        rows = (
            ((tr("Residents"), self.demand), (tr("Population field"), self.population), (tr("Resident id field"), self.demand_id)),
            (
                (tr("Shelters / facilities"), self.facilities),
                (tr("Facility id field"), self.facility_id),
                (tr("Capacity field (persons)"), self.capacity),
            ),
            ((tr("Road network"), self.network), (tr("Road speed field"), self.speed_field), (tr("One-way field"), self.oneway_field)),
        )
        for r, row in enumerate(rows):
            for c, (label, widget) in enumerate(row):
                grid.addWidget(QLabel(label), r, 2 * c)
                grid.addWidget(widget, r, 2 * c + 1)
        grid.addWidget(QLabel(tr("Walking speed")), 3, 0)
        grid.addWidget(self.speed, 3, 1)
        for c in (1, 3, 5):
            grid.setColumnStretch(c, 1)

        # coverage
        self.preset = QComboBox()
        self.preset.addItems(enum_options(COVERAGE, "PRESET"))
        self.preset.setCurrentIndex(1 if self.preset.count() > 1 else 0)
        self.thresholds = QLineEdit("500, 1000")
        self.preset.currentIndexChanged.connect(lambda i: self.thresholds.setEnabled(i == 0))
        self.thresholds.setEnabled(self.preset.currentIndex() == 0)
        coverage_box = form_box(tr("Coverage"), [(tr("Planning standard"), self.preset), (tr("Distances (m)"), self.thresholds)])

        # new sites
        self.candidates = layer_combo("PointLayer")
        self.candidate_id = field_combo(self.candidates, allow_empty=True)
        self.candidate_capacity = field_combo(self.candidates, numeric=True, allow_empty=True)
        self.model = QComboBox()
        self.model.addItems(
            _options(
                LOCATION,
                "MODEL",
                [
                    tr("LSCP: fewest sites that cover everyone"),
                    tr("MCLP: most people covered by P sites"),
                    tr("p-median: least total distance"),
                    tr("p-center: least longest distance"),
                ],
            )
        )
        self.model.setCurrentIndex(MCLP)
        self.sites = int_spin(1, 500, 5)
        self.service_distance = real_spin(1.0, 100000.0, 500.0, " m")
        self.time_limit = int_spin(1, 3600, 60, " s")
        self.location_note = QLabel()
        self.location_note.setWordWrap(True)
        self.location = form_box(
            tr("New sites (location)"),
            [
                (self.location_note,),
                (tr("Candidate sites"), self.candidates),
                (tr("Candidate id field"), self.candidate_id),
                (tr("Candidate capacity field"), self.candidate_capacity),
                (tr("Model"), self.model),
                (tr("New sites (P)"), self.sites),
                (tr("Service distance"), self.service_distance),
                (tr("Time limit of the solver"), self.time_limit),
            ],
        )

        # evacuation routes
        self.routes_note = QLabel()
        self.routes_note.setWordWrap(True)
        self.avoid_zones, self.avoid_grade, zones_row = grade_row(tr("Risk zones of step 4 from grade"))
        self.hazard_mode = QComboBox()
        self.hazard_mode.addItems(_options(ROUTES, "HAZARD_MODE", [tr("Avoid"), tr("Penalise")]))
        self.assignment = QComboBox()
        self.assignment.addItems(_options(ROUTES, "ASSIGNMENT", [tr("Nearest shelter"), tr("Respect shelter capacity")]))
        self.routes = form_box(
            tr("Evacuation routes"),
            [(self.routes_note,), (zones_row,), (tr("Roads in the risk zones"), self.hazard_mode), (tr("Assignment"), self.assignment)],
        )

        self.distance_chart = Chart(tr("Population covered against distance"))
        self.sites_chart = Chart(tr("Population covered against the number of new sites"))

        left = QVBoxLayout()
        left.addWidget(coverage_box)
        left.addWidget(self.routes, 1)
        tools = QHBoxLayout()
        tools.addLayout(left, 1)
        tools.addWidget(self.location, 1)
        charts = chart_row(self.distance_chart, self.sites_chart)
        coverage_tab = QWidget()
        coverage_layout = QVBoxLayout(coverage_tab)
        coverage_layout.setContentsMargins(0, 4, 0, 0)
        coverage_layout.addLayout(tools)
        coverage_layout.addWidget(self.panel)
        coverage_layout.addWidget(charts, 1)
        self.stress = StressSection(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(coverage_tab, tr("1 · Coverage, new sites and routes"))
        self.tabs.addTab(self.stress, tr("2 · Stress test"))
        layout = QVBoxLayout(self)
        layout.addWidget(inputs_box)
        layout.addWidget(self.tabs, 1)
        self._defaults_chosen = False

    # --- inputs ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self._defaults_chosen:
            self._defaults_chosen = True
            choose_layer(self.demand, self.project, "residential", "block", "居住", "resident", "settlement")
            choose_field(self.population, "population", "pop", "人口")
            choose_field(self.demand_id, "block_id", "id", "code")
            choose_layer(self.facilities, self.project, "shelter", "避难")
            choose_field(self.facility_id, "shelter_id", "name", "id")
            choose_field(self.capacity, "capacity_persons", "capacity", "容量")
            choose_layer(self.network, self.project, "road", "道路", "street")
            choose_field(self.speed_field, "speed_kmh", "speed", "速度")
            choose_field(self.oneway_field, "oneway", "one_way")
            choose_layer(self.candidates, self.project, "candidate", "备选")
            choose_field(self.candidate_id, "site_id", "id", "name")
            choose_field(self.candidate_capacity, "capacity_persons", "capacity", "容量")
        for box, note, alg_id, text in (
            (
                self.location,
                self.location_note,
                LOCATION,
                tr("Location of new sites (tsr:facilitylocation) is not available in this version of the plugin."),
            ),
            (self.routes, self.routes_note, ROUTES, tr("Evacuation routes (tsr:evacuationroutes) are not available in this version of the plugin.")),
        ):
            on = available(alg_id)
            note.setText("" if on else text)
            note.setVisible(not on)
            if on and not box.isCheckable():
                box.setCheckable(True)
                box.setChecked(True)
            elif not on:
                box.setCheckable(False)
                for child in box.findChildren(QWidget):
                    if child is not note:
                        child.setEnabled(False)
        zones = output_layer(self.project, "zoning", "OUTPUT_ZONES")
        self.avoid_zones.setEnabled(zones is not None and available(ROUTES))
        self.avoid_zones.setChecked(zones is not None and available(ROUTES))
        self.stress.refresh()
        if not self.runner:
            self.restore()

    def model_steps(self) -> list[Step]:
        return self.last_steps + self.stress.last_steps

    @property
    def running(self) -> bool:
        return (self.runner is not None and self.runner.running) or self.stress.running

    def blocked(self) -> str:
        return tr("Wait until the stress test has finished.") if self.stress.running else ""

    def cancel(self) -> None:
        super().cancel()
        self.stress.cancel()

    def reset(self) -> None:
        super().reset()
        self.stress.reset_run()

    # --- the chain ---------------------------------------------------------------------------

    def chain(self):
        demand, facilities, network = self.demand.currentLayer(), self.facilities.currentLayer(), self.network.currentLayer()
        if demand is None or facilities is None:
            return tr("Choose the residents and the shelters or facilities.")
        if not self.population.currentField():
            return tr("Choose the population field of the residents.")
        problem = crs_problem(demand, tr("The resident layer"))
        if problem:
            return problem
        people = layer_input(demand, tr("Residents"), "residents")
        shelters = layer_input(facilities, tr("Shelters / facilities"), "facilities")
        roads = layer_input(network, tr("Road network"), "roads") if network is not None else None
        common = {
            "POPULATION_FIELD": self.population.currentField(),
            "NETWORK": roads,
            "SPEED": self.speed.value(),
            "SPEED_FIELD": self.speed_field.currentField() or None,
            "ONEWAY_FIELD": self.oneway_field.currentField() or None,
            "COST": 0,
        }
        coverage = {
            "DEMAND": people,
            "FACILITIES": shelters,
            "FACILITY_ID_FIELD": self.facility_id.currentField() or None,
            "CAPACITY_FIELD": self.capacity.currentField() or None,
            "PRESET": self.preset.currentIndex(),
            **common,
        }
        if self.preset.currentIndex() == 0:
            coverage["THRESHOLDS"] = self.thresholds.text()
        steps = [
            Step(
                "coverage",
                COVERAGE,
                tr("Service coverage"),
                coverage,
                (
                    Out("OUTPUT_FACILITIES", "facility_load", output_description(COVERAGE, "OUTPUT_FACILITIES", "Facilities with load")),
                    Out("OUTPUT_DEMAND", "demand_coverage", output_description(COVERAGE, "OUTPUT_DEMAND", "Demand with coverage")),
                    Out("OUTPUT_AREAS", "service_areas", output_description(COVERAGE, "OUTPUT_AREAS", "Service areas")),
                ),
            )
        ]
        if self.location.isCheckable() and self.location.isChecked():
            candidates = self.candidates.currentLayer()
            if candidates is None:
                return tr("Choose the candidate sites, or untick “New sites”.")
            steps.append(
                Step(
                    "location",
                    LOCATION,
                    tr("Location of new sites"),
                    {
                        "DEMAND": people,
                        "POPULATION_FIELD": common["POPULATION_FIELD"],
                        "DEMAND_ID_FIELD": self.demand_id.currentField() or None,
                        "CANDIDATES": layer_input(candidates, tr("Candidate sites"), "candidates"),
                        "CANDIDATE_ID_FIELD": self.candidate_id.currentField() or None,
                        "EXISTING": shelters,
                        "MODEL": self.model.currentIndex(),
                        "CAPACITY_FIELD": self.candidate_capacity.currentField() or None,
                        "P": self.sites.value(),
                        "SERVICE_DISTANCE": self.service_distance.value(),
                        "TIME_LIMIT": self.time_limit.value(),
                        **{k: v for k, v in common.items() if k != "POPULATION_FIELD"},
                    },
                    (
                        Out("OUTPUT_SITES", "new_sites", output_description(LOCATION, "OUTPUT_SITES", "New sites")),
                        Out("OUTPUT_ALLOCATION", "allocation", output_description(LOCATION, "OUTPUT_ALLOCATION", "Allocation"), visible=False),
                    ),
                )
            )
        if self.routes.isCheckable() and self.routes.isChecked():
            if network is None:
                return tr("Evacuation routes need the road network.")
            routes = {
                "DEMAND": people,
                "DEMAND_ID_FIELD": self.demand_id.currentField() or None,
                "SHELTERS": shelters,
                "SHELTER_ID_FIELD": self.facility_id.currentField() or None,
                "CAPACITY_FIELD": self.capacity.currentField() or None,
                "HAZARD_MODE": self.hazard_mode.currentIndex(),
                "ASSIGNMENT": self.assignment.currentIndex(),
                **common,
            }
            zones = output_layer(self.project, "zoning", "OUTPUT_ZONES")
            if self.avoid_zones.isChecked() and zones is not None:
                grade = self.avoid_grade.value()
                steps.append(zones_from_grade("evacuation_zones", tr("Risk zones to avoid (grade {g} and above)").format(g=grade), zones, grade))
                routes["HAZARD_ZONES"] = Ref("evacuation_zones", "OUTPUT")
            if routes["ASSIGNMENT"] == 1 and not routes["CAPACITY_FIELD"]:
                return tr("Respecting the shelter capacity needs the capacity field.")
            steps.append(
                Step(
                    "routes",
                    ROUTES,
                    tr("Safe evacuation routes"),
                    routes,
                    (
                        Out("OUTPUT", "evacuation_routes", output_description(ROUTES, "OUTPUT", "Evacuation routes")),
                        Out("OUTPUT_UNREACHED", "not_evacuated", output_description(ROUTES, "OUTPUT_UNREACHED", "Residents not evacuated")),
                    ),
                )
            )
        return steps

    # --- charts ------------------------------------------------------------------------------

    def read(self, results: dict):
        population = self.population.currentField() or "population"
        return {
            "coverage": chart_data.coverage_curve(results.get("coverage", {}), population),
            "sites": chart_data.numbers(results["location"].get("COVERAGE_CURVE")) if "location" in results else None,
        }

    def show_results(self, data, results: dict) -> None:
        if not data:
            return
        if data["coverage"]:
            c = data["coverage"]
            # Only the thresholds (points) when the algorithm writes no curve: from 0 to the largest.
            self.distance_chart.curve(
                c["xs"],
                c["ys"],
                tr("Distance to the nearest facility along the roads (m)"),
                tr("Covered (%)"),
                c["thresholds"],
                points=c["points"],
                y_range=(0, 100),
                x_range=(0.0, max(c["xs"])) if c["points"] else None,
            )
            self.distance_chart.setToolTip(
                tr(
                    "Points: the share of the residents within each distance of the standard; the HTML report of the service coverage draws the "
                    "whole curve."
                )
                if c["points"]
                else ""
            )
        if data["sites"]:
            values = data["sites"]
            self.sites_chart.curve(list(range(1, len(values) + 1)), values, tr("Number of new sites"), tr("Covered (%)"), points=True)
        elif not available(LOCATION):
            self.sites_chart.show_message(
                tr("This chart needs the location of new sites (tsr:facilitylocation), which this version of the plugin does not have.")
            )
        elif "location" in results:
            self.sites_chart.show_message(
                tr("The coverage for 1 … P new sites is given by the MCLP model; choose it under “New sites” and run again.")
            )
        else:
            self.sites_chart.show_message(tr("Tick “New sites” and run to see how the coverage grows with each new site."))

    def done_text(self, results: dict) -> str:
        parts = []
        if "COVERED_PERCENT" in results.get("coverage", {}):
            parts.append(
                tr("{p:.1f} % of the residents are within the first distance of the standard").format(p=float(results["coverage"]["COVERED_PERCENT"]))
            )
        if "COVERED_PERCENT" in results.get("location", {}):
            parts.append(tr("with the new sites, {p:.1f} % are covered").format(p=float(results["location"]["COVERED_PERCENT"])))
        if "EVACUATED_PERCENT" in results.get("routes", {}):
            parts.append(tr("{p:.1f} % have a safe route to a shelter").format(p=float(results["routes"]["EVACUATED_PERCENT"])))
        if not parts:
            return ""
        return tr("Done: {parts}. The layers are in the group “{group}”.").format(parts=tr("; ").join(parts), group=self.group_name())


class StressSection(ChainRun, QWidget):
    """The stress test of path 3 (`page`: its residents, road network and one-way field)."""

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.page = page
        self.init_run(tr("Run the stress test"))
        self.facilities = layer_combo("PointLayer")
        self.facility_id = field_combo(self.facilities, allow_empty=True)
        self.capacity = field_combo(self.facilities, numeric=True, allow_empty=True)
        self.element_id = field_combo(page.network, allow_empty=True)
        self.cost = QComboBox()
        self.cost.addItems(_options(CRITICALITY, "COST", [tr("Distance"), tr("Time")]))
        self.cost.setCurrentIndex(TIME)
        self.speed = real_spin(0.1, 200.0, 20.0, " km/h")
        self.threshold = real_spin(0.0, 1e7, 15.0)
        self.threshold.setToolTip(tr("The access standard in the unit of the cost: minutes, or metres"))
        self.elements = QComboBox()
        self.elements.setToolTip(tr("Elements that fail one at a time"))
        self.elements.addItems(_options(CRITICALITY, "ELEMENTS", [tr("Every road segment")]))
        self.scenario_note = QLabel()
        self.scenario_note.setWordWrap(True)
        self.scenario, self.scenario_grade, scenario_row = grade_row(tr("Roads in the risk zones of path 1 fail, from grade"))
        criticality_box = QGroupBox(tr("Criticality (N−1 on the damaged network)"))
        grid = QGridLayout(criticality_box)
        pairs = (
            ((tr("Facilities (e.g. hospitals)"), self.facilities), (tr("Facility id field"), self.facility_id)),
            ((tr("Capacity field (persons)"), self.capacity), (tr("Road segment id field"), self.element_id)),
            ((tr("Cost"), self.cost), (tr("Driving speed"), self.speed)),
            ((tr("Access standard"), self.threshold), (tr("Failing elements"), self.elements)),
        )
        for r, row in enumerate(pairs):
            for c, (label, widget) in enumerate(row):
                grid.addWidget(QLabel(label), r, 2 * c)
                grid.addWidget(widget, r, 2 * c + 1)
        grid.addLayout(scenario_row, len(pairs), 0, 1, 4)
        grid.addWidget(self.scenario_note, len(pairs) + 1, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.robustness = QCheckBox(tr("Robustness curve of the road network"))
        self.robustness.setChecked(True)
        self.removal = QComboBox()
        self.removal.addItems(_options(ROBUSTNESS, "REMOVAL", [tr("Random (repeated)")])[:3])  # by criticality needs its own run
        self.removal.setCurrentIndex(min(BETWEENNESS, self.removal.count() - 1))
        self.removal_steps = int_spin(2, 1000, 20)
        self.robustness.toggled.connect(self.removal.setEnabled)
        self.robustness.toggled.connect(self.removal_steps.setEnabled)
        robustness_box = form_box(
            tr("Robustness"), [(self.robustness,), (tr("Order of the losses"), self.removal), (tr("Steps"), self.removal_steps)]
        )
        self.critical_chart = Chart(tr("The ten most critical elements"))
        self.robustness_chart = Chart(tr("Robustness curve: what is left as nodes are removed"))
        settings = QHBoxLayout()
        settings.addWidget(criticality_box, 3)
        settings.addWidget(robustness_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(settings)
        layout.addWidget(self.panel)
        layout.addWidget(chart_row(self.critical_chart, self.robustness_chart), 1)
        self.removal.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.removal.setMinimumContentsLength(12)
        self._defaults_chosen = False

    @property
    def project(self):
        return self.page.project

    @property
    def state(self):
        return self.page.state

    def refresh(self) -> None:
        if not self._defaults_chosen:
            self._defaults_chosen = True
            choose_layer(self.facilities, self.project, "hospital", "医院", "shelter", "避难")
            choose_field(self.facility_id, "name", "hospital_id", "id")
        choose_field(self.element_id, "road_id", "segment_id", "id")
        zones = output_layer(self.project, "zoning", "OUTPUT_ZONES")
        self.scenario.setEnabled(zones is not None)
        self.scenario.setChecked(zones is not None)
        self.scenario_note.setText("" if zones is not None else tr("Run path 1 first to test the network with its high-risk zones closed."))
        self.scenario_note.setVisible(zones is None)
        if not self.runner:
            self.restore()

    # --- the chain ---------------------------------------------------------------------------

    def chain(self):
        page = self.page
        demand, network, facilities = page.demand.currentLayer(), page.network.currentLayer(), self.facilities.currentLayer()
        if demand is None or network is None or facilities is None:
            return tr("The stress test needs the residents, the road network and the facilities.")
        if not page.population.currentField():
            return tr("Choose the population field of the residents.")
        problem = crs_problem(network, tr("The road network"))
        if problem:
            return problem
        roads = layer_input(network, tr("Road network"), "roads")
        criticality = {
            "NETWORK": roads,
            "SPEED": self.speed.value(),
            "SPEED_FIELD": page.speed_field.currentField() or None,
            "ONEWAY_FIELD": page.oneway_field.currentField() or None,
            "COST": self.cost.currentIndex(),
            "DEMAND": layer_input(demand, tr("Residents"), "residents"),
            "POPULATION_FIELD": page.population.currentField(),
            "DEMAND_ID_FIELD": page.demand_id.currentField() or None,
            "FACILITIES": layer_input(facilities, tr("Facilities"), "stress_facilities"),
            "FACILITY_ID_FIELD": self.facility_id.currentField() or None,
            "CAPACITY_FIELD": self.capacity.currentField() or None,
            "THRESHOLD": self.threshold.value(),
            "ELEMENTS": self.elements.currentIndex(),
            "ELEMENT_ID_FIELD": self.element_id.currentField() or None,
        }
        steps = []
        zones = output_layer(self.project, "zoning", "OUTPUT_ZONES")
        if self.scenario.isChecked() and zones is not None:
            grade = self.scenario_grade.value()
            steps.append(zones_from_grade("stress_zones", tr("Risk zones that close the roads (grade {g} and above)").format(g=grade), zones, grade))
            criticality["SCENARIO"] = Ref("stress_zones", "OUTPUT")
        a = CRITICALITY
        steps.append(
            Step(
                "criticality",
                a,
                tr("Network criticality"),
                criticality,
                (
                    Out("OUTPUT", "critical_elements", output_description(a, "OUTPUT", "Elements with criticality"), visible=False),
                    Out(
                        "OUTPUT_DEMAND",
                        "access_after_loss",
                        output_description(a, "OUTPUT_DEMAND", "Demand before and after the scenario"),
                        visible=False,
                    ),
                ),
            )
        )
        steps.append(
            Step(
                "critical_top",
                "native:extractbyexpression",
                tr("The ten most critical elements"),
                {"INPUT": Ref("criticality", "OUTPUT"), "EXPRESSION": f'"rank" <= {TOP}'},
                (Out("OUTPUT", "most_critical", tr("The ten most critical elements")),),
            )
        )
        if self.robustness.isChecked():
            steps.append(
                Step(
                    "robustness",
                    ROBUSTNESS,
                    tr("Network robustness"),
                    {"INPUT": roads, "REMOVAL": self.removal.currentIndex(), "UNIT": 0, "STEPS": self.removal_steps.value()},
                )
            )
        return steps

    # --- running -----------------------------------------------------------------------------

    def blocked(self) -> str:
        return tr("Wait until the coverage run has finished.") if self.page.runner is not None and self.page.runner.running else ""

    def run_folder(self) -> str:
        return self.state.run_folder(STRESS)

    def group_name(self) -> str:
        alg = algorithm(CRITICALITY)
        return alg.group() if alg is not None else STRESS

    def keep(self, steps: list[Step], runner) -> str:
        group = self.group_name()
        added = add_outputs(self.project, STRESS, group, GROUP_ORDER[STRESS], steps, runner.results, runner.contexts)
        # the ten most critical drawn as the algorithm styles its elements (by criticality class)
        top = next((layer for layer in added if layer.customProperty("territorial_resilience/output") == "critical_top:OUTPUT"), None)
        every = next((layer for layer in added if layer.customProperty("territorial_resilience/output") == "criticality:OUTPUT"), None)
        if top is not None and every is not None and every.renderer() is not None:
            top.setRenderer(every.renderer().clone())
            top.triggerRepaint()
        self.state.save_run(STRESS, runner.results)
        return group

    def saved_results(self) -> dict:
        return self.state.run(STRESS)

    def mark_done(self) -> None:
        self.page.set_status(DONE)

    # --- charts ------------------------------------------------------------------------------

    def read(self, results: dict):
        elements = results.get("criticality", {}).get("OUTPUT")
        curve = results.get("robustness", {}).get("OUTPUT_CURVE")
        return {
            "critical": ecology_charts.critical_elements(str(elements), TOP) if elements else None,
            "curve": ecology_charts.robustness_curve(str(curve)) if curve else None,
        }

    def show_results(self, data, results: dict) -> None:
        if not data:
            return
        c = data["critical"]
        if c and c["ids"]:
            kinds = {"road": tr("road"), "facility": tr("facility")}
            self.critical_chart.bars(
                [f"{kinds.get(k, k)} {i}" for k, i in zip(c["kinds"], c["ids"])],
                c["lost_access"],
                tr("Residents losing access (persons)"),
                ["#b2182b"],
            )
        r = data["curve"]
        if r and r["fraction"]:
            fraction = results.get("robustness", {}).get("CRITICAL_FRACTION")
            self.robustness_chart.lines(
                r["fraction"],
                [(tr("Largest component (share of nodes)"), r["largest_share"], "#1d4f91"), (tr("Global efficiency"), r["efficiency"], "#ff7f00")],
                tr("Share of nodes removed"),
                tr("Share"),
                marks=[float(fraction)] if fraction is not None else [],
                y_range=(0, 1.45),  # shares of 0–1, with room on top for the legend
            )
        elif "robustness" not in results:
            self.robustness_chart.show_message(tr("Tick “Robustness curve” and run to see it."))

    def done_text(self, results: dict) -> str:
        criticality = results.get("criticality", {})
        if "MOST_CRITICAL_ID" not in criticality:
            return ""
        parts = []
        if "stress_zones" in results:
            parts.append(tr("the high-risk zones cut {n:,.0f} residents off").format(n=float(criticality.get("SCENARIO_LOST_ACCESS") or 0.0)))
        parts.append(tr("the most critical element is {id}").format(id=criticality["MOST_CRITICAL_ID"]))
        robustness = results.get("robustness", {})
        if "CRITICAL_FRACTION" in robustness:
            parts.append(
                tr("the network falls apart after {f:.0%} of its nodes are lost (R = {r:.3f})").format(
                    f=float(robustness["CRITICAL_FRACTION"]), r=float(robustness.get("ROBUSTNESS", 0.0))
                )
            )
        return tr("Done: {parts}. The layers are in the group “{group}”.").format(parts=tr("; ").join(parts), group=self.group_name())
