"""Under the zh_CN translation every visible text of every step of the guide is Chinese: labels,
buttons, group boxes, table headers, the choices of its own combo boxes, the titles, the list of
steps and the wizard's buttons. Names of layers and fields are data and stay as they are.

TSR_TEST_QM=/path/to/territorial_resilience_zh_CN.qm checks a compiled translation that is not
merged into i18n/ yet (e.g. new strings)."""

from __future__ import annotations

import os
import re

import pytest
from qgis.core import QgsApplication
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QTableWidget, QWizard

from territorial_resilience.i18n import install_translator, remove_translators
from territorial_resilience.processing_provider.provider import TerritorialResilienceProvider

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
CHINESE = re.compile(r"[\u4e00-\u9fff]")
#: Names that are the same in both languages.
_ALIVE = []  # the registry does not keep the Python providers alive
KEPT = {"SETS", "AHP", "OWA", "HTML", "QGIS", "CRS", "EPSG", "LSCP", "MCLP", "Fisher", "Jenks", "NSGA", "CGCS2000"}


def untranslated(text: str, data: set[str]) -> bool:
    text = text.replace("&", "").strip()
    if not text or text in data or CHINESE.search(text):
        return False
    return any(word not in KEPT for word in LATIN_WORD.findall(text))


def visible_texts(widget) -> list[str]:
    texts = []
    for label in widget.findChildren(QLabel):
        if label.isVisibleTo(widget):
            texts.append(label.text())
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget):
            texts.append(button.text())
    for box in widget.findChildren(QGroupBox):
        if box.isVisibleTo(widget):
            texts.append(box.title())
    for table in widget.findChildren(QTableWidget):
        for column in range(table.columnCount()):
            item = table.horizontalHeaderItem(column)
            if item is not None:
                texts.append(item.text())
    for combo in widget.findChildren(QComboBox):
        if combo.isVisibleTo(widget) and not isinstance(combo, (QgsMapLayerComboBox, QgsFieldComboBox)):
            texts.extend(combo.itemText(i) for i in range(combo.count()))
    return texts


@pytest.fixture
def chinese(tsr_provider):
    registry = QgsApplication.processingRegistry()
    qm = os.environ.get("TSR_TEST_QM")
    translator = QTranslator()
    if qm:
        assert translator.load(qm), qm
        QCoreApplication.installTranslator(translator)
    else:
        assert install_translator("zh_CN") is not None
    # a provider made under the translation, so that the algorithms' options are translated
    registry.removeProvider(registry.providerById("tsr"))
    provider = TerritorialResilienceProvider()
    assert registry.addProvider(provider)
    yield provider
    QCoreApplication.removeTranslator(translator)
    remove_translators()
    registry.removeProvider(registry.providerById("tsr"))
    english = TerritorialResilienceProvider()
    assert registry.addProvider(english)
    _ALIVE[:] = [provider, english]


def test_every_visible_text_of_every_step_is_chinese(chinese, county_project, qtbot):
    from territorial_resilience.ui.wizard import SetsWizard

    wizard = SetsWizard(county_project)
    qtbot.addWidget(wizard)
    wizard.show()
    data = {layer.name() for layer in county_project.mapLayers().values()}
    data |= {f.name() for layer in county_project.mapLayers().values() if hasattr(layer, "fields") for f in layer.fields()}
    problems = {}
    for step in range(len(wizard.pages)):
        wizard.go_to(step)
        page = wizard.currentPage()
        texts = [page.title(), page.subTitle()]
        tabs = getattr(page, "tabs", None)  # path 2: the suitability, then the land-use scenarios
        for tab in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(tab)
                texts.append(tabs.tabText(tab))
            texts += visible_texts(page)
        if tabs is not None:
            tabs.setCurrentIndex(0)
        texts += [wizard.steps.item(i).text() for i in range(wizard.steps.count())]
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
            QWizard.WizardButton.CustomButton1,
        ):
            if wizard.button(button).isVisible():
                texts.append(wizard.button(button).text())
        bad = sorted({t for t in texts if untranslated(t, data)})
        if bad:
            problems[step + 1] = bad
    assert not problems, problems
    assert wizard.windowTitle() == "SETS 韧性向导"
