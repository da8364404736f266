"""Step 1: the framework at a glance — the three modules and the three implementation paths, and
which step of the guide takes each of them into the project."""

from __future__ import annotations

from html import escape

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ..i18n import tr
from .page_base import WizardPage

MODULE_COLOURS = ("#e8f1fb", "#eaf5ea", "#fdf2e3")
PATH_COLOURS = ("#fde7e7", "#fff4d6", "#e6f0f7")


def _cells(items, colours) -> str:
    cells = []
    for (title, text), colour in zip(items, colours):
        cells.append(f'<td width="33%" style="background:{colour}; padding:8px; vertical-align:top;"><b>{escape(title)}</b><br/>{escape(text)}</td>')
    return '<table width="100%" cellspacing="6" cellpadding="0"><tr>' + "".join(cells) + "</tr></table>"


def framework_html() -> str:
    modules = (
        (
            tr("Module 1 · SETS"),
            tr(
                "Social (S), ecological (E) and technological (T) systems, each with its characteristics, system memory and resistance. Step 3 "
                "takes stock of them in this project."
            ),
        ),
        (
            tr("Module 2 · Spatial network"),
            tr(
                "Connectivity, the hierarchy from the nation down to the township, thresholds and spatial technology. Step 2 sets the planning "
                "units and their level."
            ),
        ),
        (
            tr("Module 3 · Interdisciplinary research"),
            tr(
                "Data → information → knowledge → action: decisions rest on evidence, not on experience alone. Every step writes its data and an "
                "HTML report."
            ),
        ),
    )
    paths = (
        (
            tr("Path 1 · Coordinate multiple hazards"),
            tr(
                "Hazards of the four national emergency categories, pulse and slow-onset, combined into one risk and graded into risk zones and "
                "risk control lines. Step 4."
            ),
        ),
        (
            tr("Path 2 · Zoning under uncertainty"),
            tr(
                "Multi-criteria suitability with uncertain weights: robust zones for development, protection and reserved land, and how much they "
                "depend on each weight. Step 5."
            ),
        ),
        (
            tr("Path 3 · Community emergency network"),
            tr("Shelters, medical points and evacuation routes within the life circles, so that a community can meet sudden needs. Step 6."),
        ),
    )
    intro = tr(
        "Territorial space resilience is the capacity of a territory to resist, absorb, adapt to and recover from disturbances, from sudden "
        "disasters to slow stresses such as climate change. This guide follows the framework of three modules and three implementation paths, and "
        "runs each step with the toolkit’s Processing algorithms on the layers of this project."
    )
    summary = tr(
        "Step 7 sums up: the SETS resilience index of the planning units, every result styled and grouped in the project, the HTML reports, and the "
        "whole chain saved as a model for the Model Builder."
    )
    headings = (tr("Three modules"), tr("Three implementation paths"))
    background = tr(
        "Every step runs in the background and can be cancelled, skipped and revisited. The inventory and the settings are saved in the QGIS project."
    )
    return (
        f"<p>{escape(intro)}</p>"
        f"<h3>{escape(headings[0])}</h3>{_cells(modules, MODULE_COLOURS)}"
        f"<h3>{escape(headings[1])}</h3>{_cells(paths, PATH_COLOURS)}"
        f"<p>{escape(summary)}</p><p>{escape(background)}</p>"
    )


class FrameworkPage(WizardPage):
    def __init__(self, state, parent=None):
        super().__init__(state, parent)
        self.setTitle(tr("The SETS framework at a glance"))
        self.setSubTitle(tr("Territorial space resilience: three modules, three implementation paths"))
        self.text = QLabel(framework_html())
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.text)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
