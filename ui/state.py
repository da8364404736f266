"""What the wizard keeps in the QGIS project (scope "territorial_resilience"): the study area and
planning level, the output folder, the SETS inventory (inventory.py) and, per path, the results of
the last run (numbers, breaks, report paths), so that a reopened project shows them again."""

from __future__ import annotations

import json
import math
import os
import time

from qgis.core import QgsProcessingUtils, QgsProject, QgsVectorLayer

from .inventory import SCOPE, Inventory

#: Paths of the wizard (layer-tree groups and runs) and the order of their groups.
SETS, RISK, ZONING, NETWORK = "sets", "risk", "zoning", "network"
#: The spatial network module: the ecological security pattern and the stress test of path 3.
ECOLOGY, STRESS = "ecology", "stress"
GROUP_ORDER = {SETS: 0, RISK: 1, ZONING: 2, NETWORK: 3, ECOLOGY: 4, STRESS: 5}


class WizardState:
    def __init__(self, project: QgsProject | None = None):
        self.project = project or QgsProject.instance()
        self.inventory = Inventory.load(self.project)

    def reload(self) -> None:
        self.inventory = Inventory.load(self.project)

    # --- settings ----------------------------------------------------------------------------

    def get(self, key: str, default=None):
        text, ok = self.project.readEntry(SCOPE, key, "")
        if not ok or text == "":
            return default
        try:
            return json.loads(text)
        except ValueError:
            return default

    def set(self, key: str, value) -> None:
        if self.get(key) != value:
            self.project.writeEntry(SCOPE, key, json.dumps(value, ensure_ascii=False))

    def save_inventory(self) -> None:
        self.inventory.save(self.project)

    # --- study area --------------------------------------------------------------------------

    def units_layer(self) -> QgsVectorLayer | None:
        layer = self.project.mapLayer(self.get("study/units", "") or "")
        return layer if isinstance(layer, QgsVectorLayer) and layer.isValid() else None

    def output_folder(self) -> str:
        folder = self.get("study/output_folder", "")
        return folder or self.default_output_folder()

    def default_output_folder(self) -> str:
        if self.project.fileName():
            return os.path.join(self.project.absolutePath(), f"{self.project.baseName()}_resilience")
        return os.path.join(QgsProcessingUtils.tempFolder(), "territorial_resilience")

    def output_folder_is_temporary(self) -> bool:
        return os.path.abspath(self.output_folder()).startswith(os.path.abspath(QgsProcessingUtils.tempFolder()))

    def run_folder(self, path: str) -> str:
        """A new folder for one run of a path (earlier runs are kept: their layers may be open)."""
        base = os.path.join(self.output_folder(), f"{path}_{time.strftime('%Y%m%d-%H%M%S')}")
        folder, n = base, 1
        while os.path.exists(folder):
            n += 1
            folder = f"{base}_{n}"
        return folder

    # --- runs --------------------------------------------------------------------------------

    def save_run(self, path: str, results: dict) -> None:
        """The last run's results of a path: {step id: {output: value}}, plain values only."""
        kept = {step: {k: v for k, v in values.items() if _plain(v)} for step, values in results.items()}
        self.set(f"runs/{path}", kept)

    def run(self, path: str) -> dict:
        return self.get(f"runs/{path}", {}) or {}

    def reports(self) -> list[tuple[str, str, str]]:
        """(path, step id, file) of every HTML report of the last runs that still exists."""
        found = []
        for path in (SETS, ECOLOGY, RISK, ZONING, NETWORK, STRESS):
            for step, values in self.run(path).items():
                report = values.get("OUTPUT_HTML")
                if isinstance(report, str) and os.path.exists(report):
                    found.append((path, step, report))
        return found


def _plain(value) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, (str, int, bool)) or (isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value))
