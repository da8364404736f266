"""The "Territorial Space Resilience" Processing provider (id `tsr`)."""

from __future__ import annotations

import os

from processing.core.ProcessingConfig import ProcessingConfig, Setting
from qgis.core import QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from .ahp_weights import AhpWeights
from .barriers import Barriers
from .circuit_connectivity import CircuitConnectivity
from .common import PLUGIN_DIR
from .common.engine_setting import DASK_SCHEDULER, check_scheduler_address
from .common.run_record import plugin_version
from .ecological_corridors import EcologicalCorridors
from .evacuation_routes import EvacuationRoutes
from .facility_location import FacilityLocation
from .land_allocation import LandAllocation
from .multi_hazard_overlay import MultiHazardOverlay
from .network_criticality import NetworkCriticality
from .network_robustness import NetworkRobustness
from .normalize_hazard import NormalizeHazard
from .patch_connectivity import PatchConnectivity
from .resilience_dossier import ResilienceDossier
from .resistance_surface import ResistanceSurface
from .risk_zoning import RiskZoning
from .service_coverage import ServiceCoverage
from .sets_index import SetsIndex
from .suitability import Suitability

MODELS_DIR = os.path.join(PLUGIN_DIR, "models")


class TerritorialResilienceProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "tsr"

    def name(self) -> str:
        return tr("Territorial Space Resilience")

    def longName(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Territorial Space Resilience (resilience tools for territorial spatial planning)")

    def icon(self) -> QIcon:
        return QIcon(self.svgIconPath())

    def svgIconPath(self) -> str:  # noqa: N802 (QGIS API)
        return os.path.join(PLUGIN_DIR, "icons", "tsr.svg")

    def versionInfo(self) -> str:  # noqa: N802 (QGIS API)
        return plugin_version()

    def load(self) -> bool:
        """The provider's settings (Processing ▸ Options ▸ Providers), then its algorithms."""
        ProcessingConfig.settingIcons[self.name()] = self.icon()
        ProcessingConfig.addSetting(
            Setting(
                self.name(),
                DASK_SCHEDULER,
                tr("Dask scheduler address for the raster algorithms (empty: this computer)"),
                "",
                validator=check_scheduler_address,
                placeholder="tcp://host:8786",
            )
        )
        ProcessingConfig.readSettings()
        self.refreshAlgorithms()
        return True

    def unload(self) -> None:
        ProcessingConfig.removeSetting(DASK_SCHEDULER)

    def loadAlgorithms(self) -> None:  # noqa: N802 (QGIS API)
        for alg in (
            NormalizeHazard(),
            MultiHazardOverlay(),
            RiskZoning(),
            AhpWeights(),
            Suitability(),
            LandAllocation(),
            ServiceCoverage(),
            FacilityLocation(),
            EvacuationRoutes(),
            SetsIndex(),
            ResilienceDossier(),
            EcologicalCorridors(),
            ResistanceSurface(),
            PatchConnectivity(),
            CircuitConnectivity(),
            Barriers(),
            NetworkCriticality(),
            NetworkRobustness(),
        ):
            self.addAlgorithm(alg)
        for model in shipped_models():
            self.addAlgorithm(model)


def shipped_models() -> list[QgsProcessingModelAlgorithm]:
    """The models shipped in models/ (*.model3), in the toolbox group "Models" of the provider."""
    models = []
    for name in sorted(os.listdir(MODELS_DIR)):
        if not name.endswith(".model3"):
            continue
        model = QgsProcessingModelAlgorithm()
        if not model.fromFile(os.path.join(MODELS_DIR, name)):
            QgsMessageLog.logMessage(tr("The shipped model {name} cannot be read").format(name=name), "Territorial Space Resilience")
            continue
        model.setGroup(tr("Models"))
        models.append(model)
    return models
