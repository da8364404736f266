"""Step 7: summary — the SETS resilience index of the planning units (tsr:setsindex, with the
indicators of the inventory), every output of the guide in the project, the HTML reports, and
"save as model": the chain that was run, written as a .model3 for the Model Builder; and "Make
the dossier…": the thematic study with its map atlas (tsr:resiliencedossier) from the records of
the guide's last runs."""

from __future__ import annotations

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..processing_provider.common.styles import DIMENSION_COLOURS
from . import chart_data
from .chain import Out, Step
from .charts import Chart
from .model_export import build_model, write_model
from .page_base import DONE, ChainRun, RunPage, layer_input
from .results import GROUP_KEY
from .runner import ERROR
from .state import ECOLOGY, NETWORK, RISK, SETS, STRESS, ZONING
from .suggestions import ECOLOGICAL, SOCIAL, TECHNOLOGICAL
from .widgets import Banner, enum_options, form_layout, output_description

ENTROPY = 1  # tsr:setsindex WEIGHTING: equal, entropy, CRITIC, given
DOSSIER = "tsr:resiliencedossier"
CHINESE, ENGLISH = 0, 1  # tsr:resiliencedossier LANGUAGE: 中文, English, both
#: The run record every algorithm of the provider appends to the folder of its outputs.
RECORD_FILE = "tsr_runs.jsonl"


class SummaryPage(RunPage):
    PATH = SETS
    GROUP_ALG = "tsr:setsindex"

    def __init__(self, state, pages: list, parent=None):
        super().__init__(state, tr("Compute the SETS index"), parent)
        self.pages = pages  # the wizard's run pages, for "save as model"
        self.setTitle(tr("Summary"))
        self.setSubTitle(tr("The SETS resilience index of the planning units, the results in the project, the reports, and the chain as a model"))
        self.weighting = QComboBox()
        self.weighting.addItems(enum_options("tsr:setsindex", "WEIGHTING"))
        self.weighting.setCurrentIndex(ENTROPY)
        self.aggregation = QComboBox()
        self.aggregation.addItems(enum_options("tsr:setsindex", "AGGREGATION"))
        self.indicators = QLabel()
        self.indicators.setWordWrap(True)
        form = form_layout()
        form.addRow(tr("Indicator weighting"), self.weighting)
        form.addRow(tr("Aggregation of S, E and T"), self.aggregation)
        self.sets_chart = Chart(tr("S, E and T indices of the units (by rank)"))
        sets_box = QGroupBox(tr("SETS resilience index"))
        sets_layout = QVBoxLayout(sets_box)
        sets_layout.addWidget(self.indicators)
        sets_layout.addLayout(form)
        sets_layout.addWidget(self.panel)
        sets_layout.addWidget(self.sets_chart, 1)

        self.outputs = QTreeWidget()
        self.outputs.setHeaderHidden(True)
        outputs_box = QGroupBox(tr("Results in the project"))
        QVBoxLayout(outputs_box).addWidget(self.outputs)
        self.reports = QListWidget()
        self.reports.itemActivated.connect(self.open_report)
        self.open_button = QPushButton(tr("Open the report"))
        self.open_button.clicked.connect(lambda: self.open_report(self.reports.currentItem()))
        reports_box = QGroupBox(tr("HTML reports"))
        reports_layout = QVBoxLayout(reports_box)
        reports_layout.addWidget(self.reports)
        reports_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.model_button = QPushButton(tr("Save the chain as a model…"))
        self.model_button.clicked.connect(self.save_model_as)
        self.model_banner = Banner()
        model_box = QGroupBox(tr("Model Builder"))
        model_layout = QVBoxLayout(model_box)
        explanation = QLabel(
            tr(
                "Writes the steps that were run, with their settings, as a Processing model (.model3): open it in the Model Designer, run it on "
                "other data or in batch."
            )
        )
        explanation.setWordWrap(True)
        model_layout.addWidget(explanation)
        model_layout.addWidget(self.model_button, 0, Qt.AlignmentFlag.AlignRight)
        model_layout.addWidget(self.model_banner)

        self.dossier = DossierSection(self)
        right = QVBoxLayout()
        right.addWidget(outputs_box, 3)
        right.addWidget(reports_box, 2)
        right.addWidget(model_box)
        right.addWidget(self.dossier)
        layout = QHBoxLayout(self)
        layout.addWidget(sets_box, 3)
        layout.addLayout(right, 2)
        self.project.layersAdded.connect(self.list_outputs)
        self.project.layersRemoved.connect(self.list_outputs)

    # --- SETS index --------------------------------------------------------------------------

    def fields(self) -> dict:
        units = self.state.units_layer()
        names = units.fields().names() if units is not None else []
        inventory = self.state.inventory
        return {c: inventory.fields_of(c, names) for c in (SOCIAL, ECOLOGICAL, TECHNOLOGICAL)} | {"negative": inventory.negative_fields(names)}

    def refresh(self) -> None:
        f = self.fields()
        none = tr("none")
        self.indicators.setText(
            tr("Indicators from the inventory — S: {s}; E: {e}; T: {t}; higher is worse: {n}.").format(
                s=", ".join(f[SOCIAL]) or none,
                e=", ".join(f[ECOLOGICAL]) or none,
                t=", ".join(f[TECHNOLOGICAL]) or none,
                n=", ".join(f["negative"]) or none,
            )
        )
        self.list_outputs()
        if not self.runner:
            self.restore()
        if not self.dossier.runner:
            self.dossier.restore()

    @property
    def running(self) -> bool:
        return (self.runner is not None and self.runner.running) or self.dossier.running

    def cancel(self) -> None:
        super().cancel()
        self.dossier.cancel()

    def reset(self) -> None:
        super().reset()
        self.dossier.reset_run()
        self.dossier.open_button.setEnabled(False)

    def chain(self):
        units = self.state.units_layer()
        if units is None:
            return tr("Choose the planning units on step 2.")
        f = self.fields()
        missing = [
            label
            for label, c in ((tr("social (S)"), SOCIAL), (tr("ecological (E)"), ECOLOGICAL), (tr("technological (T)"), TECHNOLOGICAL))
            if not f[c]
        ]
        if missing:
            return tr("Assign at least one indicator field of the planning units to each component on step 3; missing: {missing}.").format(
                missing=", ".join(missing)
            )
        parent = self.state.get("study/parent_field", "") or None
        population = self.state.get("study/population_field", "") or None
        a = "tsr:setsindex"
        return [
            Step(
                "sets",
                a,
                tr("SETS resilience index"),
                {
                    "INPUT": layer_input(units, tr("Planning units"), "units"),
                    "SOCIAL_FIELDS": f[SOCIAL],
                    "ECOLOGICAL_FIELDS": f[ECOLOGICAL],
                    "TECHNOLOGICAL_FIELDS": f[TECHNOLOGICAL],
                    "NEGATIVE_FIELDS": f["negative"] or None,
                    "WEIGHTING": self.weighting.currentIndex(),
                    "AGGREGATION": self.aggregation.currentIndex(),
                    "LEVEL": self.state.get("study/level", 4),
                    "PARENT_FIELD": parent,
                    "POPULATION_FIELD": population if parent else None,
                },
                (
                    Out("OUTPUT", "sets_units", output_description(a, "OUTPUT", "SETS resilience of the units")),
                    Out(
                        "OUTPUT_PARENT",
                        "sets_parent_units",
                        output_description(a, "OUTPUT_PARENT", "SETS resilience of the parent units"),
                        visible=False,
                    ),
                ),
            )
        ]

    def read(self, results: dict):
        path = results.get("sets", {}).get("OUTPUT")
        return chart_data.sets_units(path, self.state.get("study/name_field", "") or None) if path else None

    def show_results(self, data, results: dict) -> None:
        if data:
            series = [
                (tr("S · Social"), data["S"], DIMENSION_COLOURS[0]),
                (tr("E · Ecological"), data["E"], DIMENSION_COLOURS[1]),
                (tr("T · Technological"), data["T"], DIMENSION_COLOURS[2]),
            ]
            self.sets_chart.grouped_bars(data["names"], series, tr("Index (0–1)"))
        self.list_outputs()

    def done_text(self, results: dict) -> str:
        sets = results.get("sets", {})
        if "MEAN_RESILIENCE" not in sets:
            return ""
        return tr("Mean resilience of the units: {r:.3f}. The layers are in the group “{group}”.").format(
            r=float(sets["MEAN_RESILIENCE"]), group=self.group_name()
        )

    # --- outputs and reports -----------------------------------------------------------------

    def list_outputs(self, *_args) -> None:
        self.outputs.clear()
        root = self.project.layerTreeRoot()
        for group in root.findGroups():
            if group.customProperty(GROUP_KEY) is None:
                continue
            item = QTreeWidgetItem([group.name()])
            for node in group.findLayers():
                if node.layer() is not None:
                    item.addChild(QTreeWidgetItem([node.layer().name()]))
            self.outputs.addTopLevelItem(item)
            item.setExpanded(True)
        self.reports.clear()
        titles = {
            "overlay": tr("Multi-hazard overlay"),
            "zoning": tr("Risk zoning and control lines"),
            "suitability": tr("Suitability under uncertainty"),
            "land_allocation": tr("Land-use scenarios"),
            "coverage": tr("Service coverage"),
            "location": tr("Location of new sites"),
            "routes": tr("Safe evacuation routes"),
            "sets": tr("SETS resilience index"),
            "patches": tr("Patch importance for connectivity"),
            "corridors": tr("Least-cost corridors"),
            "circuit": tr("Pinch points (current flow in the corridors)"),
            "barriers": tr("Barriers"),
            "criticality": tr("Network criticality"),
            "robustness": tr("Network robustness"),
        }
        for _path, step, report in self.state.reports():
            if step.startswith("normalize_"):
                continue
            item = QListWidgetItem(f"{titles.get(step, step)} — {os.path.basename(report)}")
            item.setData(Qt.ItemDataRole.UserRole, report)
            self.reports.addItem(item)

    def open_report(self, item) -> None:
        if item is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(item.data(Qt.ItemDataRole.UserRole)))

    # --- model -------------------------------------------------------------------------------

    def chain_steps(self) -> list[Step]:
        """The steps of every path that was run, in the order of the guide (the SETS index last)."""
        steps = []
        for page in self.pages + [self]:
            if page.status == DONE:
                steps.extend(page.model_steps())
        return steps

    def save_model(self, path: str) -> bool:
        steps = self.chain_steps()
        if not steps:
            self.model_banner.show_message(tr("Run at least one step first: the model is the chain that was run."), ERROR)
            return False
        model = build_model(
            tr("SETS resilience guide"),
            tr("Territorial Space Resilience"),
            steps,
            {
                "ALG_DESC": tr("The chain run with the SETS resilience guide: {steps}.").format(steps=", ".join(s.description for s in steps)),
                "ALG_CREATOR": tr("Territorial Space Resilience toolkit"),
            },
            group_id="tsr",
        )
        written, problems = write_model(model, path)
        if written:
            self.model_banner.show_message(tr("Saved {path}: open it in Processing ▸ Model Designer.").format(path=path), "ok")
        else:
            self.model_banner.show_message(tr("The model could not be written: {problems}").format(problems="; ".join(problems) or path), ERROR)
        return written

    def save_model_as(self) -> None:
        folder = self.state.output_folder()
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Save the chain as a model"), os.path.join(folder, "sets_resilience_guide.model3"), tr("Processing models (*.model3)")
        )
        if path:
            if not path.endswith(".model3"):
                path += ".model3"
            self.save_model(path)


class DossierSection(ChainRun, QWidget):
    """ "Make the dossier…": tsr:resiliencedossier on the guide's results. Each path's last run has
    its own folder, each with the run record of its algorithms; the dossier's folder gets those
    records (of the last runs only, so that the dossier shows what the project shows) and the
    dossier is made from it."""

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.page = page
        self.init_run(tr("Make the dossier…"))
        self.language = QComboBox()
        languages = enum_options(DOSSIER, "LANGUAGE")
        # the algorithm names the languages in their own script; the guide in the interface's
        self.language.addItems(["中文", tr("English")] + languages[2:])
        self.language.setCurrentIndex(CHINESE if QgsApplication.locale().lower().startswith("zh") else ENGLISH)
        self.paper = QComboBox()
        self.paper.addItems(enum_options(DOSSIER, "PAPER"))
        self.open_button = QPushButton(tr("Open the dossier"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_dossier)
        box = QGroupBox(tr("Dossier and map atlas"))
        layout = QVBoxLayout(box)
        explanation = QLabel(
            tr(
                "The thematic study of the plan as PDF and HTML: maps with legend and scale, the findings with their numbers, proposed actions "
                "and the provenance of every number."
            )
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form = form_layout()
        form.addRow(tr("Language"), self.language)
        form.addRow(tr("Paper"), self.paper)
        layout.addLayout(form)
        layout.addWidget(self.panel)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(box)
        self.pdf = ""

    @property
    def project(self):
        return self.page.project

    @property
    def state(self):
        return self.page.state

    def run_folders(self) -> list[str]:
        """The folders of the guide's last runs that hold a run record, in the order of the guide."""
        folders = []
        for path in (ECOLOGY, RISK, ZONING, NETWORK, STRESS, SETS):
            for values in self.state.run(path).values():
                for value in values.values():
                    if isinstance(value, str) and os.path.isabs(value) and os.path.exists(value):
                        folder = os.path.dirname(value)
                        if folder not in folders and os.path.isfile(os.path.join(folder, RECORD_FILE)):
                            folders.append(folder)
        return folders

    def chain(self):
        folders = self.run_folders()
        if not folders:
            return tr("Run at least one step first: the dossier is made from the results of the guide.")
        folder = self.state.run_folder("dossier")
        try:
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, RECORD_FILE), "w", encoding="utf-8") as records:
                for source in folders:
                    with open(os.path.join(source, RECORD_FILE), encoding="utf-8") as lines:
                        for line in lines:
                            if line.strip():
                                records.write(line if line.endswith("\n") else line + "\n")
        except OSError as error:
            return tr("The dossier folder {folder} cannot be written: {error}").format(folder=folder, error=error.strerror or error)
        self._folder = folder
        parameters = {"RESULTS": folder, "LANGUAGE": self.language.currentIndex(), "PAPER": self.paper.currentIndex()}
        project = self.project.fileName()
        if project.lower().endswith(".qgz") and os.path.isfile(project):
            parameters["PROJECT"] = project
        return [Step("dossier", DOSSIER, tr("Resilience dossier"), parameters)]

    def run_folder(self) -> str:
        return self._folder

    def keep(self, steps, runner) -> str:
        self.state.save_run("dossier", runner.results)
        return ""

    def saved_results(self) -> dict:
        return self.state.run("dossier")

    def show_results(self, data, results: dict) -> None:
        pdf = results.get("dossier", {}).get("OUTPUT_PDF")
        self.pdf = str(pdf) if pdf and os.path.exists(str(pdf)) else ""
        self.open_button.setEnabled(bool(self.pdf))

    def done_text(self, results: dict) -> str:
        dossier = results.get("dossier", {})
        if "OUTPUT_PDF" not in dossier:
            return ""
        return tr("Dossier made: {pages} pages, {findings} findings, {actions} proposed actions — {path}").format(
            pages=int(dossier.get("PAGES") or 0),
            findings=int(dossier.get("FINDINGS") or 0),
            actions=int(dossier.get("ACTIONS") or 0),
            path=dossier["OUTPUT_PDF"],
        )

    def open_dossier(self) -> None:
        if self.pdf:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.pdf))
