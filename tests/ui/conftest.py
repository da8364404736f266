"""Fixtures of the wizard tests: the sample county generated once, loaded into the project (saved
as a .qgz beside it, so that results go to a folder of their own), and the provider registered."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ("townships", "residential_blocks", "shelters", "hospitals", "candidate_sites", "roads", "ecological_red_line", "basic_farmland", "chemical_plant")
RASTERS = ("flood_depth", "landslide_susceptibility", "seismic_pga", "chemical_accident", "heat_lst", "slope", "dem", "population")
_KEEP = []


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

