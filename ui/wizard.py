"""The SETS guide: eight steps from the framework to the summary, any of which can be skipped and
revisited (the list of steps on the left jumps to any of them)."""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QListWidget, QListWidgetItem, QWizard

from ..i18n import tr
from .page_base import DONE, SKIPPED, RunPage
from .page_ecology import EcologyPage
from .page_framework import FrameworkPage
from .page_inventory import InventoryPage
from .page_network import NetworkPage
from .page_risk import RiskPage
from .page_study_area import StudyAreaPage
from .page_summary import SummaryPage
from .page_zoning import ZoningPage
from .state import WizardState

FRAMEWORK, STUDY_AREA, INVENTORY, ECOLOGY, RISK, ZONING, NETWORK, SUMMARY = range(8)


def step_names() -> list[str]:
    return [
        tr("Framework"),
        tr("Study area"),
        tr("SETS inventory"),
        tr("Spatial network · Ecological security pattern"),
        tr("Path 1 · Multiple hazards"),
        tr("Path 2 · Uncertainty"),
        tr("Path 3 · Emergency network"),
        tr("Summary"),
    ]


class SetsWizard(QWizard):
    def __init__(self, project: QgsProject | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("territorialResilienceWizard")
        self.setWindowTitle(tr("SETS resilience guide"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Close"))
        self.setButtonText(QWizard.WizardButton.CustomButton1, tr("Skip this step"))
        self.customButtonClicked.connect(self._custom_button)
        self.state = WizardState(project)

        self.framework = FrameworkPage(self.state)
        self.study_area = StudyAreaPage(self.state)
        self.inventory = InventoryPage(self.state)
        self.ecology = EcologyPage(self.state)
        self.risk = RiskPage(self.state)
        self.zoning = ZoningPage(self.state)
        self.network = NetworkPage(self.state)
        self.summary = SummaryPage(self.state, [self.ecology, self.risk, self.zoning, self.network])
        self.pages = [self.framework, self.study_area, self.inventory, self.ecology, self.risk, self.zoning, self.network, self.summary]
        for i, page in enumerate(self.pages):
            self.setPage(i, page)
            page.status_changed.connect(self.update_steps)

        self.steps = QListWidget()
        self.steps.setObjectName("wizardSteps")
        self.steps.setFixedWidth(250)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.steps.setSpacing(2)
        self.steps.itemClicked.connect(lambda item: self.go_to(self.steps.row(item)))
        self.setSideWidget(self.steps)
        self._previous = -1
        self.currentIdChanged.connect(self._page_changed)
        self.update_steps()
        self.resize(1280, 860)
        self.setMinimumSize(1100, 760)

        project = self.state.project
        project.readProject.connect(self._project_read)
        project.cleared.connect(self._project_read)

    # --- navigation --------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        """Jump to step `index` (Next and Back through the steps in between)."""
        if self.currentId() < 0:
            return
        while self.currentId() < index:
            self.next()
        while self.currentId() > index:
            self.back()

    def skip(self) -> None:
        """Leave the current step without running it."""
        page = self.currentPage()
        if isinstance(page, RunPage) and page.status != DONE:
            page.set_status(SKIPPED)
        self.next()

    def _custom_button(self, which) -> None:
        value = lambda button: getattr(button, "value", button)  # noqa: E731 (ints on Qt5, enums on Qt6)
        if value(which) == value(QWizard.WizardButton.CustomButton1):
            self.skip()

    def _page_changed(self, current: int) -> None:
        if 0 <= self._previous < len(self.pages) and current > self._previous:
            left = self.pages[self._previous]
            if isinstance(left, RunPage) and left.status != DONE:
                left.set_status(SKIPPED)
        self._previous = current
        page = self.currentPage()
        self.button(QWizard.WizardButton.CustomButton1).setVisible(isinstance(page, RunPage) and current != SUMMARY)
        self.update_steps()

    def update_steps(self) -> None:
        self.steps.blockSignals(True)
        self.steps.clear()
        marks = {DONE: "✓", SKIPPED: "–"}
        for i, (name, page) in enumerate(zip(step_names(), self.pages)):
            item = QListWidgetItem(f"{marks.get(page.status, ' ')}  {i + 1}. {name}")
            item.setToolTip({DONE: tr("Done"), SKIPPED: tr("Skipped")}.get(page.status, ""))
            self.steps.addItem(item)
        if self.currentId() >= 0:
            self.steps.setCurrentRow(self.currentId())
        self.steps.blockSignals(False)

    # --- project and closing -----------------------------------------------------------------

    def _project_read(self, *_args) -> None:
        """Another project: its inventory and settings, and the current step shown again."""
        self.state.reload()
        for page in self.pages:
            page.reset()
            page.refresh()

    def running(self) -> bool:
        return any(isinstance(p, RunPage) and p.running for p in self.pages)

    def cancel_runs(self) -> None:
        for page in self.pages:
            if isinstance(page, RunPage):
                page.cancel()

    def done(self, result: int) -> None:
        self.cancel_runs()
        super().done(result)

    def closeEvent(self, event):  # noqa: N802 (Qt API)
        self.cancel_runs()
        super().closeEvent(event)
