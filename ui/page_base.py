"""What every step of the wizard shares: its status (done, skipped), and for the steps that run
algorithms the chain, the background run, the outputs added to the project and the charts."""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QWizardPage

from ..i18n import tr
from ..processing_provider.common.base import require_projected_crs
from .chain import Input, Ref, Step, file_stem
from .charts import Chart
from .results import OUTPUT_KEY, add_outputs
from .runner import ChainRunner, FunctionTask, algorithm
from .state import GROUP_ORDER, WizardState
from .widgets import RunPanel

DONE, SKIPPED = "done", "skipped"


def layer_input(layer, description: str, name: str | None = None) -> Input:
    """A project layer as the input of a chain: run with its file (or its id when it has no
    file), a model parameter defaulting to that file, linked to the step that made it when it is
    an output of the wizard."""
    if layer.providerType() in ("gdal", "ogr") and not getattr(layer, "subsetString", lambda: "")():
        value = layer.source()
    else:
        value = layer.id()
    name = name or file_stem(layer.name()).lower()
    if isinstance(layer, QgsRasterLayer):
        definition = QgsProcessingParameterRasterLayer(name, description, value)
    else:
        definition = QgsProcessingParameterVectorLayer(name, description, defaultValue=value)
    tag = layer.customProperty(OUTPUT_KEY)
    origin = Ref(*str(tag).split(":", 1)) if tag else None
    return Input(definition, origin)


def crs_problem(layer, what: str) -> str:
    """Why `layer` cannot be used where distances or areas are measured, or ""."""
    try:
        require_projected_crs(layer.crs(), what)
    except QgsProcessingException as error:
        return str(error.args[0]) if error.args else str(error)
    return ""


class WizardPage(QWizardPage):
    """A step. `status` is "", DONE or SKIPPED; `status_changed` tells the step list."""

    status_changed = pyqtSignal()

    def __init__(self, state: WizardState, parent=None):
        super().__init__(parent)
        self.state = state
        self.status = ""

    @property
    def project(self) -> QgsProject:
        return self.state.project

    def set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            self.status_changed.emit()

    def initializePage(self):  # noqa: N802 (Qt API)
        self.refresh()

    def refresh(self) -> None:
        """Update the page from the project and the earlier steps (keeping the user's choices)."""

    def reset(self) -> None:
        """Forget what belonged to the previous project (another one was opened)."""

    def model_steps(self) -> list[Step]:
        """The steps of this page's last successful run, for "save as model"."""
        return []


def zones_from_grade(step_id: str, description: str, zones, grade: int) -> Step:
    """A step that keeps the risk zones of step 4 (tsr:riskzoning OUTPUT_ZONES) of `grade` and
    above."""
    return Step(
        step_id,
        "native:extractbyexpression",
        description,
        {"INPUT": layer_input(zones, tr("Risk zones"), "risk_zones"), "EXPRESSION": f'"grade" >= {grade}'},
    )


class ChainRun:
    """The life cycle of a chain of algorithms run from a page (or from a part of one, such as the
    land-use scenarios of path 2): checked and started in the background with progress and
    Cancel (the run panel), the outputs loaded into the project, the run saved in it, its
    Processing contexts freed, the charts read from the outputs, and the last run's charts
    restored when the project is reopened.

    A class that takes it over is a QWidget with a `project` and a `state`; it calls
    `init_run(run_text)` in its constructor, implements chain(), read(), show_results() and
    done_text(), and the hooks below."""

    def init_run(self, run_text: str) -> None:
        self.panel = RunPanel(run_text)
        self.panel.run_clicked.connect(self.run)
        self.runner: ChainRunner | None = None
        self.last_steps: list[Step] = []
        self._reading = None

    # --- to implement ------------------------------------------------------------------------

    def chain(self) -> list[Step] | str:
        """The steps to run, or what is missing, in plain words."""
        raise NotImplementedError

    def read(self, results: dict):
        """Chart data read from the outputs (runs in a background task)."""
        return None

    def show_results(self, data, results: dict) -> None:
        """Draw the charts (main thread); `data` is what read() returned, None if it failed."""

    def done_text(self, results: dict) -> str:
        return ""

    def blocked(self) -> str:
        """Why the chain cannot start now (another run it depends on), or ""."""
        return ""

    def run_folder(self) -> str:
        """A new folder for the outputs of this run."""
        raise NotImplementedError

    def keep(self, steps: list[Step], runner: ChainRunner) -> str:
        """Load the outputs of a successful run into the project and save the run in it; returns
        the name of the layer group they went to."""
        raise NotImplementedError

    def saved_results(self) -> dict:
        """The results of the last run saved in the project ({} if none)."""
        raise NotImplementedError

    def mark_done(self) -> None:
        """The run succeeded (its charts follow)."""

    # --- running -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.running

    def run(self) -> None:
        if self.running:
            return
        problem = self.blocked()
        if problem:
            self.panel.show_error(problem)
            return
        steps = self.chain()
        if isinstance(steps, str):
            self.panel.show_error(steps)
            return
        self.runner = ChainRunner(steps, self.run_folder(), self.project, read=self.read, parent=self)
        self.panel.attach(self.runner)
        self.runner.finished.connect(lambda ok, error, steps=steps: self._finished(steps, ok, error))
        self.runner.start()

    def cancel(self) -> None:
        if self.running:
            self.panel.cancel()

    def _finished(self, steps: list[Step], ok: bool, error: str) -> None:
        if not ok:
            return
        runner = self.runner
        group = self.keep(steps, runner)
        runner.contexts.clear()  # their layers are loaded; free them while QGIS runs
        self.last_steps = steps
        self.mark_done()
        self.panel.show_done(self.done_text(runner.results) or tr("Done: the results are in the layer group “{group}”.").format(group=group))
        self.show_results(runner.data, runner.results)

    def reset_run(self) -> None:
        """Forget the run: cancel it, clear the panel."""
        self.cancel()
        self.runner = None
        self.last_steps = []
        self.panel.progress.setValue(0)
        self.panel.banner.show_message("")
        self.panel.details.clear()

    def restore(self) -> None:
        """Charts and summary of the last run saved in the project (e.g. after reopening it)."""
        results = self.saved_results()
        if not results or self.running or self._reading is not None:
            return

        def done(ok, value, _error, results=results):
            self._reading = None
            if ok:
                self.show_results(value, results)
                text = self.done_text(results)
                if text:
                    self.panel.show_done(text)

        self._reading = FunctionTask(tr("Reading the results for the charts"), lambda task: self.read(results), done)
        QgsApplication.taskManager().addTask(self._reading)


class RunPage(ChainRun, WizardPage):
    """A step that runs a chain of algorithms. Subclasses set PATH and GROUP_ALG (whose group
    names the layer group) and implement chain(), read() and show_results()."""

    PATH = ""
    GROUP_ALG = ""

    def __init__(self, state: WizardState, run_text: str, parent=None):
        super().__init__(state, parent)
        self.init_run(run_text)
        self.added: list = []

    def run_folder(self) -> str:
        return self.state.run_folder(self.PATH)

    def keep(self, steps: list[Step], runner: ChainRunner) -> str:
        group = self.group_name()
        self.added = add_outputs(self.project, self.PATH, group, GROUP_ORDER[self.PATH], steps, runner.results, runner.contexts)
        self.state.save_run(self.PATH, runner.results)
        return group

    def saved_results(self) -> dict:
        return self.state.run(self.PATH)

    def mark_done(self) -> None:
        self.set_status(DONE)

    def group_name(self) -> str:
        """The layer group of this path: the group of its algorithm in the Processing toolbox."""
        alg = algorithm(self.GROUP_ALG)
        return alg.group() if alg is not None else self.PATH

    def model_steps(self) -> list[Step]:
        return self.last_steps

    def reset(self) -> None:
        self.reset_run()
        self.added = []
        self.set_status("")
        for chart in self.findChildren(Chart):
            chart.show_message(tr("Run the step to see this chart."))
