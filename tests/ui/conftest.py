"""Fixtures of the wizard tests: the sample county generated once, loaded into the project (saved
as a .qgz beside it, so that results go to a folder of their own), the provider registered, one
wizard per test module, a run of a page awaited, and path 1 set as the planner sets it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VECTORS = (
    "townships",
    "residential_blocks",
    "shelters",
    "hospitals",
    "candidate_sites",
    "roads",
    "ecological_red_line",
    "basic_farmland",
    "chemical_plant",
)
RASTERS = ("flood_depth", "landslide_susceptibility", "seismic_pga", "chemical_accident", "heat_lst", "slope", "dem", "population")
_KEEP = []
WAIT = 120_000  # ms: the longest any run of the guide may take on the sample county
#: Path 1 as the planner sets it: the weights of the hazards and the flood depth classes.
HAZARD_WEIGHTS = {"flood_depth": 0.30, "landslide_susceptibility": 0.25, "seismic_pga": 0.20, "chemical_accident": 0.15, "heat_lst": 0.10}
FLOOD_TABLE = ",0.05,0, 0.05,0.5,0.2, 0.5,1,0.4, 1,2,0.6, 2,3,0.8, 3,,1"


@pytest.fixture(scope="session")
def county(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("generate_sample_county", ROOT / "sample_data" / "generate_sample_county.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("county")
    module.generate(str(folder), seed=2020, cell=30.0)
    return folder


@pytest.fixture(scope="session")
def tsr_provider(qgis_processing):
    from qgis.core import QgsApplication

    from territorial_resilience.processing_provider.provider import TerritorialResilienceProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("tsr") is None:
        instance = TerritorialResilienceProvider()
        assert registry.addProvider(instance)
        _KEEP[:] = [instance]
    return registry.providerById("tsr")


@pytest.fixture(scope="module")
def county_project(qgis_app, county, tsr_provider, tmp_path_factory):
    """QgsProject.instance() holding the sample county, saved in a folder of its own."""
    from qgis.core import QgsProject

    project = load_county(QgsProject.instance(), county, tmp_path_factory.mktemp("project"))
    yield project
    project.clear()


def load_county(project, county: Path, folder: Path):
    """The sample county's layers in `project`, saved as folder/county.qgz."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsRasterLayer, QgsVectorLayer

    project.clear()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4547"))
    layers = [QgsVectorLayer(f"{county / 'sample_county.gpkg'}|layername={name}", name, "ogr") for name in VECTORS]
    layers += [QgsRasterLayer(str(county / f"{name}.tif"), name) for name in RASTERS]
    for layer in layers:  # the legend in this order, top first
        assert layer.isValid(), layer.name()
        project.addMapLayer(layer, False)
        project.layerTreeRoot().addLayer(layer)
    project.setFileName(str(folder / "county.qgz"))
    assert project.write()
    return project


@pytest.fixture(scope="module")
def wizard(county_project):
    """One wizard on the county for the tests of a module, which drive it in order."""
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    from territorial_resilience.ui.wizard import SetsWizard

    w = SetsWizard(county_project)
    w.show()
    yield w
    w.cancel_runs()
    w.close()
    w.deleteLater()
    # Delete it now, while the project and its layers still exist, not at interpreter exit.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def run_page(qtbot):
    """run_page(page): run a page (or a part of one) and wait until its run has ended;
    `runner_of` finds the run of a part (default: the page's own runner)."""

    def run(page, runner_of=lambda p: p.runner):
        page.run()
        assert runner_of(page) is not None, page.panel.banner.text()
        qtbot.waitUntil(lambda: not runner_of(page).running, timeout=WAIT)

    return run


@pytest.fixture
def set_path1():
    """set_path1(risk_page): every hazard in use with HAZARD_WEIGHTS, the flood depth classified
    by FLOOD_TABLE; returns the weights."""

    def set_hazards(page) -> dict:
        for name, weight in HAZARD_WEIGHTS.items():
            page.set_hazard(name, use=True, weight=weight)
        page.set_hazard("flood_depth", table=FLOOD_TABLE)
        return dict(HAZARD_WEIGHTS)

    return set_hazards
