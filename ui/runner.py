"""Background runs of a chain of Processing steps (ui/chain.py), with progress and cancel.

Each step runs in a `QgsProcessingAlgRunnerTask` of QGIS's task manager, so the interface never
waits; the next step starts when the previous one has finished. A function that reads what the
charts show from the outputs may follow, in a task of its own. A chain that fails or is
cancelled deletes the folder it wrote into, so nothing partial is left and no layer is added.
"""

from __future__ import annotations

import os
import shutil
from typing import Callable

from qgis.core import QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProcessingFeedback, QgsTask
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..i18n import tr
from .chain import Step, run_parameters

INFO, WARNING, ERROR = 0, 1, 2


def algorithm(alg_id: str):
    """The registered algorithm, or None when this version of the plugin (or QGIS) lacks it."""
    return QgsApplication.processingRegistry().algorithmById(alg_id)


def available(alg_id: str) -> bool:
    return algorithm(alg_id) is not None


class Feedback(QgsProcessingFeedback):
    """Feedback whose messages reach the interface (they are emitted from the worker thread and
    delivered in the main thread)."""

    message = pyqtSignal(str, int)

    def __init__(self):
        super().__init__()
        self.fatal: list[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API)
        if fatalError:
            self.fatal.append(error)
        self.message.emit(error, ERROR)
        super().reportError(error, fatalError)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API)
        self.message.emit(warning, WARNING)
        super().pushWarning(warning)

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.message.emit(info, INFO)
        super().pushInfo(info)


class FunctionTask(QgsTask):
    """`function(task)` in the background; `done(ok, value, error)` in the main thread."""

    def __init__(self, description: str, function: Callable, done: Callable):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.function = function
        self.done = done
        self.value = None
        self.error = ""

    def run(self):
        try:
            self.value = self.function(self)
        except Exception as error:  # noqa: BLE001 — shown to the user, in plain words
            self.error = str(error) or type(error).__name__
            return False
        return not self.isCanceled()

    def finished(self, result):
        self.done(bool(result), self.value, self.error)


class ChainRunner(QObject):
    """Runs `steps` one after the other in the background, writing into `folder`.

    Signals: `progress(percent)`, `message(text, level)`, `finished(ok, error)`; after success,
    `results` holds every step's results, `contexts` their Processing contexts (which know the
    layers to load and their styles) and `data` what `read` returned.
    """

    progress = pyqtSignal(float)
    message = pyqtSignal(str, int)
    finished = pyqtSignal(bool, str)

    def __init__(self, steps: list[Step], folder: str, project, read: Callable | None = None, parent=None):
        super().__init__(parent)
        self.steps = steps
        self.folder = folder
        self.project = project
        self.read = read
        self.results: dict[str, dict] = {}
        self.contexts: dict[str, QgsProcessingContext] = {}
        self.data = None
        self.running = False
        self.cancelled = False
        self._index = -1
        self._task = None
        self._feedback: Feedback | None = None
        self._created_folder = False

    # --- control -----------------------------------------------------------------------------

    def start(self) -> None:
        missing = [s.alg_id for s in self.steps if not available(s.alg_id)]
        if missing:
            self._finish(False, tr("This version does not have the algorithm {ids}; the step cannot run.").format(ids=", ".join(missing)))
            return
        self._created_folder = not os.path.isdir(self.folder)
        try:
            os.makedirs(self.folder, exist_ok=True)
        except OSError as error:
            self._finish(False, tr("The output folder {folder} cannot be created: {error}").format(folder=self.folder, error=error.strerror or error))
            return
        self.running = True
        self._next()

    def cancel(self) -> None:
        if not self.running:
            return
        self.cancelled = True
        if self._feedback is not None:
            self._feedback.cancel()
        if self._task is not None:
            try:
                self._task.cancel()
            except RuntimeError:  # the task has finished and QGIS has deleted it
                pass

    # --- steps -------------------------------------------------------------------------------

    def _next(self) -> None:
        self._index += 1
        if self.cancelled:
            self._finish(False, tr("Cancelled: nothing was added to the project."))
            return
        if self._index == len(self.steps):
            self._read()
            return
        step = self.steps[self._index]
        alg = algorithm(step.alg_id)
        context = QgsProcessingContext()
        context.setProject(self.project)
        feedback = Feedback()
        feedback.progressChanged.connect(self._progress)
        feedback.message.connect(self.message)
        parameters = run_parameters(step, alg, self.results, self.folder, self.project)
        ok, problem = alg.checkParameterValues(parameters, context)
        if not ok:
            self._finish(False, tr("{step}: {problem}").format(step=step.description, problem=problem))
            return
        self.message.emit(tr("Running: {step}").format(step=step.description), INFO)
        task = QgsProcessingAlgRunnerTask(alg, parameters, context, feedback)
        task.executed.connect(lambda ok, results, step=step: self._executed(step, ok, results))
        self.contexts[step.id] = context
        self._feedback, self._task = feedback, task
        QgsApplication.taskManager().addTask(task)

    def _progress(self, percent: float) -> None:
        share = 100.0 / (len(self.steps) + (1 if self.read else 0))
        self.progress.emit(share * self._index + share * percent / 100.0)

    def _executed(self, step: Step, ok: bool, results: dict) -> None:
        feedback, self._task = self._feedback, None
        if not ok or self.cancelled:
            if self.cancelled or (feedback is not None and feedback.isCanceled()):
                self._finish(False, tr("Cancelled: nothing was added to the project."))
            else:
                error = feedback.fatal[-1] if feedback is not None and feedback.fatal else tr("the algorithm stopped without saying why")
                self._finish(False, plain_error(step.description, error))
            return
        self.results[step.id] = dict(results)
        self._next()

    def _read(self) -> None:
        if self.read is None:
            self._finish(True, "")
            return
        self.message.emit(tr("Reading the results for the charts"), INFO)
        task = FunctionTask(tr("Reading the results for the charts"), lambda task: self.read(self.results), self._read_done)
        self._task = task
        QgsApplication.taskManager().addTask(task)

    def _read_done(self, ok: bool, value, error: str) -> None:
        self._task = None
        if self.cancelled:
            self._finish(False, tr("Cancelled: nothing was added to the project."))
            return
        if not ok:
            # The outputs are complete; only the charts are missing.
            self.message.emit(tr("The charts could not be drawn: {error}").format(error=error), WARNING)
        self.data = value if ok else None
        self._finish(True, "")

    def _finish(self, ok: bool, error: str) -> None:
        self.running = False
        self.progress.emit(100.0 if ok else 0.0)
        if not ok:
            self.results.clear()
            self.contexts.clear()
            if self._created_folder and os.path.isdir(self.folder):
                shutil.rmtree(self.folder, ignore_errors=True)
        self.finished.emit(ok, error)


def plain_error(step: str, error: str) -> str:
    """The message of a failed step, without a Python traceback (that goes to the log)."""
    if "Traceback (most recent call last)" in error:
        last = [line for line in error.strip().splitlines() if line.strip()][-1]
        return tr("{step} stopped because of an unexpected error ({error}); see the details below and the QGIS log.").format(
            step=step, error=last.strip()
        )
    return tr("{step} stopped: {error}").format(step=step, error=error.strip())
