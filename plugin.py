"""The QGIS plugin: registers the Processing provider and adds a menu and a toolbar entry."""

from __future__ import annotations

import os

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMenu, QToolButton

try:  # Qt6 (QGIS 4) moved QAction to QtGui
    from qgis.PyQt.QtGui import QAction
except ImportError:
    from qgis.PyQt.QtWidgets import QAction

from .dependencies import install_hint, missing_dependencies
from .i18n import install_translator, remove_translators, tr
from .processing_provider.provider import TerritorialResilienceProvider

PLUGIN_DIR = os.path.dirname(__file__)
ICON = os.path.join(PLUGIN_DIR, "icons", "tsr.svg")


class TerritorialResiliencePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider: TerritorialResilienceProvider | None = None
        self.menu: QMenu | None = None
        self.toolbar = None
        self.actions: list[QAction] = []
        self.wizard = None
        install_translator()

    def initProcessing(self):  # noqa: N802 (QGIS API)
        # A new provider each time: QGIS deletes the C++ object when a provider is removed.
        provider = TerritorialResilienceProvider()
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider
        else:
            QgsMessageLog.logMessage(
                tr("The Territorial Space Resilience Processing provider could not be registered (is another copy loaded?)"),
                "Territorial Space Resilience",
                Qgis.MessageLevel.Critical,
            )

    def initGui(self):  # noqa: N802 (QGIS API)
        self.initProcessing()
        title = tr("Territorial Space Resilience")
        self.menu = QMenu(title, self.iface.mainWindow())
        self.menu.setIcon(QIcon(ICON))
        self.menu.setObjectName("territorialResilienceMenu")
        guide = QAction(QIcon(ICON), tr("SETS resilience guide…"), self.iface.mainWindow())
        guide.setObjectName("territorialResilienceGuide")
        guide.setToolTip(tr("A step-by-step guide through the SETS framework and its three paths on the project's layers"))
        guide.triggered.connect(lambda _checked=False: self.open_wizard())
        self.menu.addAction(guide)
        self.actions.append(guide)
        self.actions.append(self.menu.addSeparator())
        if self.provider is not None:
            for alg in self.provider.algorithms():
                action = QAction(alg.icon(), alg.displayName() + "…", self.iface.mainWindow())
                action.setToolTip(alg.shortDescription())
                action.triggered.connect(lambda _checked=False, alg_id=alg.id(): self.open_algorithm(alg_id))
                self.menu.addAction(action)
                self.actions.append(action)
        self.iface.pluginMenu().addMenu(self.menu)

        self.toolbar = self.iface.addToolBar(title)
        self.toolbar.setObjectName("territorialResilienceToolbar")
        button = QToolButton(self.toolbar)
        button.setIcon(QIcon(ICON))
        button.setToolTip(title)
        button.setMenu(self.menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(button)

        missing = missing_dependencies()
        if missing:
            self.iface.messageBar().pushMessage(title, install_hint(missing), Qgis.MessageLevel.Warning, 0)

    def open_wizard(self) -> None:
        """Show the SETS guide (one per session; it keeps its state while QGIS runs)."""
        from .ui.wizard import SetsWizard

        if self.wizard is None:
            self.wizard = SetsWizard(parent=self.iface.mainWindow())
        self.wizard.show()
        self.wizard.raise_()
        self.wizard.activateWindow()

    def open_algorithm(self, alg_id: str) -> None:
        import processing

        processing.execAlgorithmDialog(alg_id, {})

    def unload(self):
        if self.wizard is not None:
            self.wizard.cancel_runs()
            self.wizard.close()
            self.wizard.deleteLater()
            self.wizard = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        for action in self.actions:
            action.deleteLater()
        self.actions.clear()
        if self.menu is not None:
            self.iface.pluginMenu().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        remove_translators()
