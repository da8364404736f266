"""The output guard (processing_provider/common/output_guard.py) on every algorithm of the provider:
an output that is an input file is refused before anything is written, inputs keep their bytes
(SHA-256 before and after), a failed or terminated run leaves nothing at its output paths and no
hidden `.part` files, a missing folder is created and a read-only one is refused, a number out of
range is told with its range, a damaged raster is a plain message. Through processing.run and
qgis_process (one QGIS profile for the whole module)."""

from __future__ import annotations

import enum
import hashlib
import os
import signal
import stat
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from network_layers import X0, Y0, box, layer
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterString,
    QgsVectorFileWriter,
)
from qgis_runner import QgisProcess
from rasters import write_raster

ALGORITHMS = [
    "normalizehazard",
    "multihazardoverlay",
    "riskzoning",
    "ahpweights",
    "setsindex",
    "suitability",
    "landallocation",
    "servicecoverage",
    "facilitylocation",
    "evacuationroutes",
    "resistancesurface",
    "patchconnectivity",
    "ecologicalcorridors",
    "circuitconnectivity",
    "barriers",
    "networkcriticality",
    "networkrobustness",
    "resiliencedossier",
]
# The raster grid covers x X0-300 … X0+2100, y Y0-900 … Y0+300 (30 m cells) around the roads.
RASTER_ORIGIN = (X0 - 300.0, Y0 + 300.0)


def sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def save(path: Path, name: str, source, append: bool) -> None:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG" if str(path).endswith(".gpkg") else "ESRI Shapefile"
    options.layerName = name
    if append:
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV3(source, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error


@pytest.fixture(scope="module")
def data(tmp_path_factory, qgis_processing):
    """Hand-made inputs: two 0–1 rasters, one GeoPackage with every vector layer (so that an
    output written into it would replace or join the input layers) and a shapefile."""
    folder = tmp_path_factory.mktemp("inputs")
    y, x = np.mgrid[0:40, 0:80].astype(np.float32)
    rasters = {
        "hazard": write_raster(folder / "hazard.tif", (x / 79.0).astype(np.float32), origin=RASTER_ORIGIN),
        "hazard2": write_raster(folder / "hazard2.tif", (y / 39.0).astype(np.float32), origin=RASTER_ORIGIN),
        "landcover": write_raster(folder / "landcover.tif", (1 + x // 8).astype(np.int16), nodata=-9999, origin=RASTER_ORIGIN),
        "resistance": write_raster(folder / "resistance.tif", (1 + 9 * x / 79.0).astype(np.float32), origin=RASTER_ORIGIN),
    }
    gpkg = folder / "inputs.gpkg"
    units = [
        (box(-300 + 800 * i, -900, 500 + 800 * i, 300), [f"U{i + 1}", "C1", 1000.0 * (i + 1), 10.0 + 5 * i, 0.1 + 0.1 * i, 0.5 - 0.1 * i, 2.0 + i])
        for i in range(3)
    ]
    layers = {
        "roads": ("LineString", "&field=id:integer&field=speed:double", [([(0, 0), (2000, 0)], [1, 30.0])]),
        "demand": ("Point", "&field=name:string&field=pop:double", [((700, 20), ["A", 100.0]), ((1500, -5), ["B", 50.0])]),
        "shelters": ("Point", "&field=code:string&field=cap:double&field=area:double", [((1000, 10), ["S1", 120.0, 120.0])]),
        "candidates": ("Point", "&field=code:string&field=cap:double", [((0, 0), ["C1", 500.0]), ((1000, 10), ["C2", 500.0])]),
        "zones": ("Polygon", "", [(box(800, -100, 1200, 100), [])]),
        "paths": ("LineString", "&field=from_id:string&field=to_id:string", [([(100, -300), (900, -300)], ["U1", "U2"])]),
        "units": (
            "Polygon",
            "&field=name:string&field=parent:string&field=population:double&field=gdp:double"
            "&field=elderly:double&field=forest:double&field=roadden:double",
            units,
        ),
    }
    for i, (name, (kind, fields, rows)) in enumerate(layers.items()):
        save(gpkg, name, layer(kind, fields, rows), append=i > 0)
    save(folder / "units.shp", "units", layer(*layers["units"]), append=False)
    paths = dict(rasters, gpkg=str(gpkg), shp=str(folder / "units.shp"))
    paths.update({name: f"{gpkg}|layername={name}" for name in layers})
    return SimpleNamespace(folder=folder, **paths)


def dossier_results(d) -> str:
    """A folder holding one recorded run (tsr:riskzoning), as tsr:resiliencedossier reads it."""
    folder = d.folder.parent / f"{d.folder.name}-records"
    if not (folder / "tsr_runs.jsonl").exists():
        import processing

        processing.run(
            "tsr:riskzoning",
            {
                "INPUT": d.hazard,
                "CLASSES": 3,
                "MIN_AREA": 0,
                "OUTPUT": str(folder / "g.tif"),
                "OUTPUT_ZONES": str(folder / "z.gpkg"),
                "OUTPUT_LINES": str(folder / "l.gpkg"),
            },
        )
    return str(folder)


def parameters(alg: str, d, out: Path) -> dict:
    """Valid parameters of `alg` on the hand-made inputs, every output in `out`."""
    o = lambda name: str(out / name)  # noqa: E731
    return {
        "normalizehazard": {"INPUT": d.hazard, "METHOD": 0, "OUTPUT": o("n.tif")},
        "multihazardoverlay": {
            "HAZARDS": [d.hazard, d.hazard2],
            "OUTPUT": o("index.tif"),
            "OUTPUT_DOMINANT": o("dominant.tif"),
            "OUTPUT_COUNT": o("count.tif"),
            "OUTPUT_HTML": o("overlay.html"),
        },
        "riskzoning": {
            "INPUT": d.hazard,
            "CLASSES": 3,
            "MIN_AREA": 0,
            "UNITS": d.units,
            "UNIT_FIELD": "name",
            "OUTPUT": o("grades.tif"),
            "OUTPUT_ZONES": o("zones.gpkg"),
            "OUTPUT_LINES": o("lines.gpkg"),
            "OUTPUT_TABLE": o("table.gpkg"),
            "OUTPUT_HTML": o("zoning.html"),
        },
        "ahpweights": {"MATRIX": "3", "CRITERIA": "a, b", "OUTPUT_TABLE": o("ahp.gpkg"), "OUTPUT_HTML": o("ahp.html")},
        "setsindex": {
            "INPUT": d.units,
            "SOCIAL_FIELDS": ["gdp", "elderly"],
            "ECOLOGICAL_FIELDS": ["forest"],
            "TECHNOLOGICAL_FIELDS": ["roadden"],
            "NEGATIVE_FIELDS": ["elderly"],
            "WEIGHTING": 0,
            "PARENT_FIELD": "parent",
            "POPULATION_FIELD": "population",
            "OUTPUT": o("sets.gpkg"),
            "OUTPUT_PARENT": o("parent.gpkg"),
            "OUTPUT_HTML": o("sets.html"),
        },
        "suitability": {
            "CRITERIA": [d.hazard, d.hazard2],
            "DIRECTIONS": "+,-",
            "WEIGHTS": "0.6,0.4",
            "WEIGHT_UNCERTAINTY": 10,
            "ITERATIONS": 20,
            "EXCLUSION_ZONES": [d.zones],
            "THRESHOLD": 0.5,
            "OUTPUT_MEAN": o("mean.tif"),
            "OUTPUT_STD": o("std.tif"),
            "OUTPUT_PROBABILITY": o("p.tif"),
            "OUTPUT_CLASS": o("class.tif"),
            "OUTPUT_HTML": o("s.html"),
            "OUTPUT_WEIGHTS": o("w.gpkg"),
            "OUTPUT_SENSITIVITY": o("sens.gpkg"),
        },
        "landallocation": {
            "CELL_SIZE": 300,
            "SUITABILITY": f"urban, {d.hazard}; farmland, {d.hazard2}",
            "RISK": d.hazard2,
            "DEVELOPMENT_USES": "urban",
            "DEMAND": "urban, 72, 18; farmland, 72, 18",
            "OBJECTIVES": [0, 1],
            "POPULATION_SIZE": 8,
            "GENERATIONS": 3,
            "SEED": 1,
            "SCENARIOS": 2,
            "OUTPUT": o("alloc.gpkg"),
            "OUTPUT_PARETO": o("pareto.gpkg"),
            "OUTPUT_HTML": o("alloc.html"),
        },
        "servicecoverage": {
            "DEMAND": d.demand,
            "POPULATION_FIELD": "pop",
            "FACILITIES": d.shelters,
            "FACILITY_ID_FIELD": "code",
            "AREA_FIELD": "area",
            "NETWORK": d.roads,
            "THRESHOLDS": "400, 600",
            "MAX_SNAP": 500.0,
            "OUTPUT_DEMAND": o("cov_demand.gpkg"),
            "OUTPUT_FACILITIES": o("cov_fac.gpkg"),
            "OUTPUT_AREAS": o("cov_areas.gpkg"),
            "OUTPUT_HTML": o("cov.html"),
        },
        "facilitylocation": {
            "DEMAND": d.demand,
            "POPULATION_FIELD": "pop",
            "DEMAND_ID_FIELD": "name",
            "CANDIDATES": d.candidates,
            "CANDIDATE_ID_FIELD": "code",
            "NETWORK": d.roads,
            "MAX_SNAP": 500.0,
            "MODEL": 1,
            "P": 1,
            "SERVICE_DISTANCE": 1000.0,
            "OUTPUT_SITES": o("sites.gpkg"),
            "OUTPUT_ALLOCATION": o("allocation.gpkg"),
            "OUTPUT_HTML": o("location.html"),
        },
        "evacuationroutes": {
            "DEMAND": d.demand,
            "POPULATION_FIELD": "pop",
            "DEMAND_ID_FIELD": "name",
            "SHELTERS": d.shelters,
            "SHELTER_ID_FIELD": "code",
            "NETWORK": d.roads,
            "HAZARD_ZONES": d.zones,
            "MAX_SNAP": 100.0,
            "OUTPUT": o("routes.gpkg"),
            "OUTPUT_UNREACHED": o("unreached.gpkg"),
            "OUTPUT_HTML": o("evacuation.html"),
        },
        "resistancesurface": {"LANDCOVER": d.landcover, "BARRIER_CLASSES": "6", "OUTPUT": o("resistance.tif")},
        "patchconnectivity": {
            "PATCHES": d.units,
            "THRESHOLD": 500,
            "UNITS": d.units,
            "OUTPUT": o("patches.gpkg"),
            "OUTPUT_LINKS": o("links.gpkg"),
            "OUTPUT_CURVE": o("curve.gpkg"),
            "OUTPUT_UNITS": o("unit_ec.gpkg"),
            "OUTPUT_HTML": o("connectivity.html"),
        },
        "ecologicalcorridors": {
            "SOURCES": d.units,
            "SOURCE_ID_FIELD": "name",
            "RESISTANCE": d.resistance,
            "ROADS": d.roads,
            "OUTPUT_COST_DISTANCE": o("mcr.tif"),
            "OUTPUT_ALLOCATION": o("alloc.tif"),
            "OUTPUT_CORRIDORS": o("corr.tif"),
            "OUTPUT_PATHS": o("paths.gpkg"),
            "OUTPUT_CONFLICTS": o("conflicts.gpkg"),
            "OUTPUT_HTML": o("corridors.html"),
        },
        "circuitconnectivity": {
            "RESISTANCE": d.resistance,
            "FOCAL": d.candidates,
            "FOCAL_ID_FIELD": "code",
            "MODE": 2,
            "OUTPUT_CURRENT": o("current.tif"),
            "OUTPUT_VOLTAGE": o("voltage.tif"),
            "OUTPUT_RESISTANCES": o("resistances.gpkg"),
            "OUTPUT_HTML": o("circuit.html"),
        },
        "barriers": {
            "SOURCES": d.units,
            "SOURCE_ID_FIELD": "name",
            "RESISTANCE": d.resistance,
            "PATHS": d.paths,
            "RADII": "60",
            "OUTPUT": o("barriers.tif"),
            "OUTPUT_RADIUS": o("radius.tif"),
            "OUTPUT_HTML": o("barriers.html"),
        },
        "networkcriticality": {
            "DEMAND": d.demand,
            "POPULATION_FIELD": "pop",
            "DEMAND_ID_FIELD": "name",
            "FACILITIES": d.shelters,
            "FACILITY_ID_FIELD": "code",
            "CAPACITY_FIELD": "cap",
            "NETWORK": d.roads,
            "MAX_SNAP": 500.0,
            "THRESHOLD": 1000.0,
            "SCENARIO": d.zones,
            "OUTPUT": o("criticality.gpkg"),
            "OUTPUT_DEMAND": o("criticality_demand.gpkg"),
            "OUTPUT_HTML": o("criticality.html"),
        },
        "networkrobustness": {
            "INPUT": d.roads,
            "REMOVAL": 1,
            "UNIT": 1,
            "STEPS": 2,
            "OUTPUT_CURVE": o("curve.gpkg"),
            "OUTPUT_HTML": o("robustness.html"),
        },
        "resiliencedossier": {
            "RESULTS": dossier_results(d),
            "LANGUAGE": 1,
            "PAPER": 1,
            "SECTIONS": [2],
            "OUTPUT_PDF": o("dossier.pdf"),
            "OUTPUT_HTML": o("dossier.html"),
            "OUTPUT_JSON": o("dossier.json"),
        },
    }[alg]


def inputs_of(d) -> dict[str, str]:
    """SHA-256 of every file of the input folder (SQLite's -wal/-shm of a GeoPackage QGIS still
    has open for reading come and go with the connection, and are left out)."""
    return {name: sha256(d.folder / name) for name in sorted(os.listdir(d.folder)) if not name.endswith(("-wal", "-shm"))}


def destinations(provider, alg: str) -> list[tuple[str, str]]:
    """(name, type) of every destination parameter of the algorithm, from its definition."""
    return [(p.name(), p.type()) for p in provider.algorithm(alg).parameterDefinitions() if p.isDestination()]


def first_input_file(alg: str, d) -> str:
    """The file of the algorithm's first input (ahpweights reads no file)."""
    return {
        "normalizehazard": d.hazard,
        "multihazardoverlay": d.hazard2,
        "riskzoning": d.hazard,
        "suitability": d.hazard2,
        "landallocation": d.hazard,
        "resistancesurface": d.landcover,
        "circuitconnectivity": d.resistance,
        "resiliencedossier": str(Path(dossier_results(d)) / "g.tif"),
    }.get(alg, d.gpkg)


def run_alg(alg, params, feedback=None):
    import processing

    return processing.run(f"tsr:{alg}", params, feedback=feedback or QgsProcessingFeedback())


@pytest.fixture(scope="module")
def qp(tmp_path_factory):
    return QgisProcess(str(tmp_path_factory.mktemp("profile")))


def qgis_process(qp, alg, params, timeout=300):
    """qgis_process run → (return code, stdout + stderr)."""
    args = [qp.binary, "run", f"tsr:{alg}", "--"]
    for name, value in params.items():
        for v in value if isinstance(value, (list, tuple)) else [value]:
            args.append(f"{name}={v}")
    done = subprocess.run(args, env=qp.env, capture_output=True, text=True, timeout=timeout)
    return done.returncode, done.stdout + done.stderr


def leftovers(folder: Path) -> list[str]:
    return sorted(os.listdir(folder)) if folder.exists() else []


# --- valid runs are not refused ---------------------------------------------------------------


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_valid_parameters_run_and_inputs_keep_their_bytes(provider, data, tmp_path, alg):
    before = inputs_of(data)
    params = parameters(alg, data, tmp_path)
    result = run_alg(alg, params)
    written = [name for name, _ in destinations(provider, alg) if params.get(name)]
    assert written and all(os.path.exists(result[name].split("|")[0]) for name in written)
    assert inputs_of(data) == before
    assert not [n for n in leftovers(tmp_path) if ".part" in n]


# --- an output that is an input is refused, for every algorithm and destination ---------------


DESTINATIONS = {
    "normalizehazard": [("OUTPUT", "rasterDestination")],
    "multihazardoverlay": [
        ("OUTPUT", "rasterDestination"),
        ("OUTPUT_DOMINANT", "rasterDestination"),
        ("OUTPUT_COUNT", "rasterDestination"),
        ("OUTPUT_HTML", "fileDestination"),
    ],
    "riskzoning": [
        ("OUTPUT", "rasterDestination"),
        ("OUTPUT_ZONES", "sink"),
        ("OUTPUT_LINES", "sink"),
        ("OUTPUT_TABLE", "sink"),
        ("OUTPUT_HTML", "fileDestination"),
    ],
    "ahpweights": [("OUTPUT_TABLE", "sink"), ("OUTPUT_HTML", "fileDestination")],
    "setsindex": [("OUTPUT", "sink"), ("OUTPUT_PARENT", "sink"), ("OUTPUT_HTML", "fileDestination")],
    "suitability": [
        ("OUTPUT_MEAN", "rasterDestination"),
        ("OUTPUT_STD", "rasterDestination"),
        ("OUTPUT_PROBABILITY", "rasterDestination"),
        ("OUTPUT_CLASS", "rasterDestination"),
        ("OUTPUT_HTML", "fileDestination"),
        ("OUTPUT_WEIGHTS", "sink"),
        ("OUTPUT_SENSITIVITY", "sink"),
    ],
    "landallocation": [("OUTPUT", "sink"), ("OUTPUT_PARETO", "sink"), ("OUTPUT_HTML", "fileDestination")],
    "servicecoverage": [("OUTPUT_DEMAND", "sink"), ("OUTPUT_FACILITIES", "sink"), ("OUTPUT_AREAS", "sink"), ("OUTPUT_HTML", "fileDestination")],
    "facilitylocation": [("OUTPUT_SITES", "sink"), ("OUTPUT_ALLOCATION", "sink"), ("OUTPUT_HTML", "fileDestination")],
    "evacuationroutes": [("OUTPUT", "sink"), ("OUTPUT_UNREACHED", "sink"), ("OUTPUT_HTML", "fileDestination")],
    "resistancesurface": [("OUTPUT", "rasterDestination")],
    "patchconnectivity": [
        ("OUTPUT", "sink"),
        ("OUTPUT_LINKS", "sink"),
        ("OUTPUT_CURVE", "sink"),
        ("OUTPUT_UNITS", "sink"),
        ("OUTPUT_HTML", "fileDestination"),
    ],
    "ecologicalcorridors": [
        ("OUTPUT_COST_DISTANCE", "rasterDestination"),
        ("OUTPUT_ALLOCATION", "rasterDestination"),
        ("OUTPUT_CORRIDORS", "rasterDestination"),
        ("OUTPUT_PATHS", "sink"),
        ("OUTPUT_CONFLICTS", "sink"),
        ("OUTPUT_HTML", "fileDestination"),
    ],
    "circuitconnectivity": [
        ("OUTPUT_CURRENT", "rasterDestination"),
        ("OUTPUT_VOLTAGE", "rasterDestination"),
        ("OUTPUT_RESISTANCES", "sink"),
        ("OUTPUT_HTML", "fileDestination"),
    ],
    "barriers": [("OUTPUT", "rasterDestination"), ("OUTPUT_RADIUS", "rasterDestination"), ("OUTPUT_HTML", "fileDestination")],
    "networkcriticality": [("OUTPUT", "sink"), ("OUTPUT_DEMAND", "sink"), ("OUTPUT_HTML", "fileDestination")],
    "networkrobustness": [("OUTPUT_CURVE", "sink"), ("OUTPUT_HTML", "fileDestination")],
    "resiliencedossier": [("OUTPUT_PDF", "fileDestination"), ("OUTPUT_HTML", "fileDestination"), ("OUTPUT_JSON", "fileDestination")],
}


#: The algorithms whose parameters above read a layer of inputs.gpkg.
GPKG_READERS = {
    "riskzoning",
    "setsindex",
    "suitability",
    "servicecoverage",
    "facilitylocation",
    "evacuationroutes",
    "patchconnectivity",
    "ecologicalcorridors",
    "circuitconnectivity",
    "barriers",
    "networkcriticality",
    "networkrobustness",
}


def test_the_cases_cover_every_destination_of_every_algorithm(provider):
    assert sorted(a.name() for a in provider.algorithms() if not isinstance(a, QgsProcessingModelAlgorithm)) == sorted(ALGORITHMS)
    for alg in ALGORITHMS:
        assert destinations(provider, alg) == DESTINATIONS[alg], alg


@pytest.mark.parametrize(
    "alg, name, how",
    [
        (alg, name, how)
        for alg in ALGORITHMS
        if alg != "ahpweights"
        for name, kind in DESTINATIONS[alg]
        for how in (("same", "link", "table") if kind == "sink" and alg in GPKG_READERS else ("same", "link"))
    ],
)
def test_output_that_is_an_input_file_is_refused(provider, data, tmp_path, alg, name, how):
    before = inputs_of(data)
    target = first_input_file(alg, data)
    if how == "link":
        link = tmp_path / "link" / os.path.basename(target)
        link.parent.mkdir()
        link.symlink_to(target)
        destination = str(link)
    elif how == "table":
        destination = f"ogr:dbname='{data.gpkg}' table=\"new_layer\" (geom)"
        target = data.gpkg
    else:
        destination = target
    params = parameters(alg, data, tmp_path / "out")
    params[name] = destination
    with pytest.raises(QgsProcessingException) as refused:
        run_alg(alg, params)
    message = str(refused.value)
    assert f"({name})" in message and "is also an input" in message and "inputs are never modified" in message
    assert os.path.basename(target) in message
    assert inputs_of(data) == before
    assert leftovers(tmp_path / "out") == []


@pytest.mark.parametrize("alg", [a for a in ALGORITHMS if a != "ahpweights"])
def test_output_that_is_an_input_is_refused_by_qgis_process(qp, data, tmp_path, alg):
    before = inputs_of(data)
    params = parameters(alg, data, tmp_path / "out")
    name = DESTINATIONS[alg][0][0]
    params[name] = first_input_file(alg, data)
    code, output = qgis_process(qp, alg, params)
    assert code != 0
    assert f"({name})" in output and "is also an input" in output and "Traceback" not in output
    assert inputs_of(data) == before
    assert leftovers(tmp_path / "out") == []


def test_a_shapefile_side_car_is_an_input_file(data, tmp_path):
    """A table written as units.dbf would replace the attributes of the input units.shp."""
    before = inputs_of(data)
    params = parameters("riskzoning", data, tmp_path)
    params.update(UNITS=data.shp, OUTPUT_TABLE=str(data.folder / "units.dbf"))
    with pytest.raises(QgsProcessingException, match=r"Area per grade and unit \(OUTPUT_TABLE\) would write to .*units\.dbf, which is also an input"):
        run_alg("riskzoning", params)
    assert inputs_of(data) == before
    assert not (tmp_path / "grades.tif").exists()


def test_a_raster_named_in_a_string_parameter_is_an_input(data, tmp_path):
    """SUITABILITY names its rasters inside a string; writing the report over one is refused."""
    before = inputs_of(data)
    params = parameters("landallocation", data, tmp_path)
    params.update(RISK=None, OBJECTIVES=[0], OUTPUT_HTML=data.hazard2)
    with pytest.raises(QgsProcessingException, match=r"\(OUTPUT_HTML\) would write to .*hazard2\.tif, which is also an input \(Suitability per use"):
        run_alg("landallocation", params)
    assert inputs_of(data) == before


def test_two_destinations_in_one_file_are_refused(data, tmp_path):
    params = parameters("ahpweights", data, tmp_path)
    params.update(OUTPUT_TABLE=str(tmp_path / "both.gpkg"), OUTPUT_HTML=str(tmp_path / "both.gpkg"))
    with pytest.raises(QgsProcessingException, match=r"\(OUTPUT_TABLE\) and .*\(OUTPUT_HTML\) would both be written to .*both\.gpkg"):
        run_alg("ahpweights", params)
    assert leftovers(tmp_path) == []
    # two tables of one new GeoPackage are two layers: fine
    params = parameters("riskzoning", data, tmp_path / "one")
    (tmp_path / "one").mkdir()
    gpkg = tmp_path / "one" / "zoning.gpkg"
    params.update(OUTPUT_ZONES=f"ogr:dbname='{gpkg}' table=\"zones\" (geom)", OUTPUT_LINES=f"ogr:dbname='{gpkg}' table=\"lines\" (geom)")
    run_alg("riskzoning", params)
    from qgis.core import QgsVectorLayer

    assert QgsVectorLayer(f"{gpkg}|layername=zones", "z", "ogr").featureCount() == 3
    assert QgsVectorLayer(f"{gpkg}|layername=lines", "l", "ogr").isValid()


class PathsInParameters:
    """A minimal TsrAlgorithm whose inputs are only named in a matrix, a file and a string
    parameter, with a folder destination: the guard is generic, not a list of known names."""

    @staticmethod
    def make():
        from territorial_resilience.processing_provider.common.base import TsrAlgorithm

        class Probe(TsrAlgorithm):
            ALG_ID = "probe"

            def displayName(self):  # noqa: N802
                return "probe"

            def initAlgorithm(self, config=None):  # noqa: N802
                self.addParameter(QgsProcessingParameterMatrix("RASTERS", "Rasters", numberRows=1, headers=["path"], optional=True))
                self.addParameter(QgsProcessingParameterFile("TABLE", "Table file", optional=True))
                self.addParameter(QgsProcessingParameterString("NOTE", "Note", optional=True))
                self.addParameter(QgsProcessingParameterFolderDestination("FOLDER", "Output folder", optional=True))
                self.addParameter(QgsProcessingParameterFileDestination("REPORT", "Report", optional=True))

            def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
                report = self.parameterAsFileOutput(parameters, "REPORT", context)
                Path(report).write_text("report")
                raise RuntimeError("failed after writing the report")

        return Probe().create()


@pytest.mark.parametrize(
    "parameter, value",
    [
        ("RASTERS", lambda d: [d.hazard, d.hazard2]),
        ("TABLE", lambda d: d.hazard2),
        ("NOTE", lambda d: f"weights from {d.hazard2}; see also nothing"),
    ],
)
def test_files_named_in_matrix_file_and_string_parameters_are_inputs(provider, tmp_path, parameter, value):
    import processing

    # copies: this algorithm does write its report (and fails) if the guard lets it run
    d = SimpleNamespace(
        hazard=write_raster(tmp_path / "hazard.tif", np.ones((4, 4), np.float32)),
        hazard2=write_raster(tmp_path / "hazard2.tif", np.zeros((4, 4), np.float32)),
    )
    before = {p: sha256(p) for p in (d.hazard, d.hazard2)}
    with pytest.raises(
        QgsProcessingException, match=rf"Report \(REPORT\) would write to .*hazard2\.tif, which is also an input \(\w[\w ]* \({parameter}\)\)"
    ):
        processing.run(PathsInParameters.make(), {parameter: value(d), "REPORT": d.hazard2})
    assert {p: sha256(p) for p in (d.hazard, d.hazard2)} == before


def test_a_failed_run_removes_what_it_wrote_in_a_folder_destination(provider, data, tmp_path):
    import processing

    folder = tmp_path / "new" / "folder"
    (tmp_path / "keep.txt").write_text("unrelated")
    with pytest.raises(
        QgsProcessingException, match=r"Unexpected error \(RuntimeError: failed after writing the report\) at .*test_output_guard\.py:\d+"
    ):
        processing.run(PathsInParameters.make(), {"FOLDER": str(folder), "REPORT": str(tmp_path / "new" / "r.html")})
    assert leftovers(tmp_path) == ["keep.txt"] and (tmp_path / "keep.txt").read_text() == "unrelated"


# --- a failed, cancelled or terminated run leaves nothing ---------------------------------------


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_a_run_that_fails_at_the_end_leaves_no_output(provider, data, tmp_path, alg, monkeypatch):
    """The last step fails (the report, or the style of the only output): every file the run had
    written is removed; an unrelated file and an old file the run had not reached stay."""
    from territorial_resilience.processing_provider.common import report, styles

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "write", fail)
    monkeypatch.setattr(styles, "style_on_load", fail)
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    params = parameters(alg, data, out)
    before = inputs_of(data)
    with pytest.raises(QgsProcessingException, match="No space left on device"):
        run_alg(alg, params)
    assert leftovers(out) == ["notes.txt"]
    assert inputs_of(data) == before


def test_a_replaced_old_output_is_removed_but_one_not_reached_stays(provider, data, tmp_path, monkeypatch):
    from territorial_resilience.processing_provider.common import report

    monkeypatch.setattr(report, "write", lambda *a: (_ for _ in ()).throw(OSError(13, "Permission denied")))
    params = parameters("riskzoning", data, tmp_path)
    Path(params["OUTPUT"]).write_bytes(b"old grades")  # replaced by the run, then removed
    Path(params["OUTPUT_HTML"]).write_text("old report")  # the run fails writing it: untouched
    with pytest.raises(QgsProcessingException, match="Permission denied"):
        run_alg("riskzoning", params)
    assert leftovers(tmp_path) == ["zoning.html"] and Path(params["OUTPUT_HTML"]).read_text() == "old report"


def test_sigterm_during_a_run_stops_it_and_removes_its_outputs(provider, data, tmp_path, monkeypatch):
    """SIGTERM in the middle of writing the rasters (sent by the run itself, after its second
    block): the run stops with a message, nothing is left, the previous handler is back."""
    from territorial_resilience.algorithms.engine import raster_io

    drain = raster_io._drain_one
    calls = []

    def drain_then_signal(*args):
        calls.append(1)
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGTERM)
        return drain(*args)

    monkeypatch.setattr(raster_io, "_drain_one", drain_then_signal)
    strips = raster_io.Grid.strips
    monkeypatch.setattr(raster_io.Grid, "strips", lambda self, cells=0, align=1: strips(self, 1, align))  # 16-row strips: 3 blocks
    marker = []
    previous = signal.signal(signal.SIGTERM, lambda *a: marker.append(a))
    try:
        params = parameters("multihazardoverlay", data, tmp_path)
        with pytest.raises(QgsProcessingException, match="Stopped by a termination signal"):
            run_alg("multihazardoverlay", params)
        assert len(calls) >= 2 and leftovers(tmp_path) == []
        assert signal.getsignal(signal.SIGTERM) is not None and not marker
        os.kill(os.getpid(), signal.SIGTERM)  # the test's own handler is back
        assert marker
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_sigterm_to_qgis_process_leaves_no_output_and_no_part_files(qp, tmp_path):
    """A slow tsr:suitability (5000 Monte Carlo draws over 1.4 M cells) killed with SIGTERM while it
    writes: qgis_process exits non-zero, no output, no hidden .part file, inputs unchanged."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    rng = np.random.default_rng(3)
    criteria = [write_raster(inputs / f"c{i}.tif", rng.random((1200, 1200), dtype=np.float32), cell=10.0) for i in range(3)]
    before = {p: sha256(p) for p in criteria}
    out = tmp_path / "out"
    out.mkdir()
    params = {
        "CRITERIA": criteria,
        "WEIGHTS": "0.5,0.3,0.2",
        "WEIGHT_UNCERTAINTY": 30,
        "ITERATIONS": 5000,
        "THRESHOLD": 0.5,
        "OUTPUT_MEAN": out / "mean.tif",
        "OUTPUT_STD": out / "std.tif",
        "OUTPUT_PROBABILITY": out / "p.tif",
        "OUTPUT_CLASS": out / "class.tif",
        "OUTPUT_HTML": out / "s.html",
    }
    args = [qp.binary, "run", "tsr:suitability", "--"]
    for name, value in params.items():
        args += [f"{name}={v}" for v in (value if isinstance(value, list) else [value])]
    process = subprocess.Popen(args, env=qp.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any(".part" in n for n in os.listdir(out)) and process.poll() is None:
            time.sleep(0.05)
        assert process.poll() is None, "the run ended before it was terminated"
        assert any(".part" in n for n in os.listdir(out)), "the run never started writing"
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode not in (0, None)
    assert "Stopped by a termination signal" in output and "Traceback" not in output
    assert os.listdir(out) == []
    assert {p: sha256(p) for p in criteria} == before


# --- folders ------------------------------------------------------------------------------------


@pytest.fixture
def read_only(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    yield folder
    folder.chmod(stat.S_IRWXU)


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_a_read_only_output_folder_is_refused_before_the_run(provider, data, tmp_path, read_only, alg):
    params = parameters(alg, data, tmp_path / "out")
    name = DESTINATIONS[alg][0][0]
    params[name] = str(read_only / "result.tif")
    with pytest.raises(QgsProcessingException, match=rf"\({name}\): the folder .*read-only is read-only; choose a folder you may write to"):
        run_alg(alg, params)
    assert leftovers(read_only) == [] and leftovers(tmp_path / "out") == []


def test_read_only_folder_and_file_through_qgis_process(qp, data, tmp_path, read_only):
    code, output = qgis_process(qp, "normalizehazard", {"INPUT": data.hazard, "OUTPUT": read_only / "n.tif"})
    assert code != 0 and "Normalised hazard (0–1) (OUTPUT): the folder" in output and "is read-only" in output and "Traceback" not in output
    code, output = qgis_process(qp, "normalizehazard", {"INPUT": data.hazard, "OUTPUT": read_only / "new" / "n.tif"})
    assert code != 0 and "does not exist and cannot be created in the read-only folder" in output
    locked = tmp_path / "locked.tif"
    locked.write_bytes(b"keep me")
    locked.chmod(stat.S_IRUSR)
    code, output = qgis_process(qp, "normalizehazard", {"INPUT": data.hazard, "OUTPUT": locked})
    assert code != 0 and "locked.tif is read-only and cannot be replaced" in output
    assert locked.read_bytes() == b"keep me"


def test_a_missing_output_folder_is_created_and_removed_again_if_the_run_fails(provider, data, tmp_path, monkeypatch):
    from territorial_resilience.processing_provider.common import report

    params = parameters("riskzoning", data, tmp_path / "a" / "b")
    result = run_alg("riskzoning", params)
    assert os.path.exists(result["OUTPUT"]) and os.path.exists(result["OUTPUT_HTML"])
    monkeypatch.setattr(report, "write", lambda *a: (_ for _ in ()).throw(RuntimeError("disk gone")))
    with pytest.raises(QgsProcessingException, match="disk gone"):
        run_alg("riskzoning", parameters("riskzoning", data, tmp_path / "c" / "d"))
    assert not (tmp_path / "c").exists()


# --- numbers out of range, damaged rasters ------------------------------------------------------


def range_cases():
    """Every bounded number parameter of every algorithm, just outside each finite bound."""
    from qgis.core import QgsProcessingParameterNumber

    from territorial_resilience.processing_provider.provider import TerritorialResilienceProvider

    cases = []
    provider = TerritorialResilienceProvider()
    provider.loadAlgorithms()
    for alg in provider.algorithms():
        if isinstance(alg, QgsProcessingModelAlgorithm):
            continue  # a shipped model: its children are the algorithms checked here
        for p in alg.parameterDefinitions():
            if isinstance(p, QgsProcessingParameterNumber):
                if p.minimum() > -1e300:
                    cases.append((alg.name(), p.name(), p.minimum() - 1, p.minimum(), p.maximum()))
                if p.maximum() < 1e300:
                    cases.append((alg.name(), p.name(), p.maximum() + 1, p.minimum(), p.maximum()))
    return cases


def expected_range(low, high):
    g = lambda v: f"{v:.15g}"  # noqa: E731
    if low > -1e300 and high < 1e300:
        return f"must be between {g(low)} and {g(high)}"
    return f"must be at least {g(low)}" if low > -1e300 else f"must be at most {g(high)}"


def test_every_bounded_number_says_its_range(provider, data, tmp_path):
    from qgis.core import QgsProcessingContext

    cases = range_cases()
    assert len(cases) >= 40 and {c[0] for c in cases} == set(ALGORITHMS) - {
        "normalizehazard",
        "setsindex",
        "barriers",
        "resiliencedossier",
    }  # whose numbers are unbounded, or which have none
    for alg, name, value, low, high in cases:
        params = parameters(alg, data, tmp_path)
        params[name] = value
        ok, message = provider.algorithm(alg).checkParameterValues(params, QgsProcessingContext())
        assert not ok and message.startswith(provider.algorithm(alg).parameterDefinition(name).description()), (alg, name, message)
        assert (
            f"({name}) {expected_range(low, high)}; {value:.15g} is outside" in message
            or f"({name}) {expected_range(low, high)}; {value:.15g} is too" in message
        ), message


@pytest.mark.parametrize(
    "alg, name, value, fragment",
    [
        ("riskzoning", "CLASSES", 12, "Number of grades (CLASSES) must be between 2 and 9; 12 is outside this range"),
        ("suitability", "ITERATIONS", 0, "(ITERATIONS) must be between 1 and 10000; 0 is outside this range"),
        ("servicecoverage", "SPEED", -5, "(SPEED) must be at least 0.1; -5 is too small"),
        ("landallocation", "POPULATION_SIZE", 7.5, "(POPULATION_SIZE) must be a whole number, not 7.5"),
        ("facilitylocation", "P", "two", "(P) must be a number, not 'two'"),
    ],
)
def test_numbers_out_of_range_by_processing_run_and_qgis_process(provider, qp, data, tmp_path, alg, name, value, fragment):
    params = parameters(alg, data, tmp_path)
    params[name] = value
    with pytest.raises(QgsProcessingException) as refused:
        run_alg(alg, params)
    assert fragment in str(refused.value)
    if alg == "riskzoning":
        code, output = qgis_process(qp, alg, params)
        assert code != 0 and fragment in output and "Incorrect parameter value" not in output
    assert leftovers(tmp_path) == []


def truncated(folder: Path, name="cut.tif") -> str:
    path = write_raster(folder / name, np.random.default_rng(1).random((40, 80), dtype=np.float32), origin=RASTER_ORIGIN)
    data = Path(path).read_bytes()
    Path(path).write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize(
    "alg, name",
    [
        ("normalizehazard", "INPUT"),
        ("multihazardoverlay", "HAZARDS"),
        ("riskzoning", "INPUT"),
        ("suitability", "CRITERIA"),
        ("landallocation", "RISK"),
    ],
)
def test_a_truncated_raster_is_a_message_naming_the_file(provider, data, tmp_path, alg, name):
    cut = truncated(tmp_path)
    params = parameters(alg, data, tmp_path / "out")
    params[name] = [cut, data.hazard2] if name in ("HAZARDS", "CRITERIA") else cut
    with pytest.raises(QgsProcessingException) as refused:
        run_alg(alg, params)
    message = str(refused.value)
    assert f"The raster {cut} is incomplete: its data should reach byte " in message and "Traceback" not in message
    assert leftovers(tmp_path / "out") == []


def test_a_truncated_raster_through_qgis_process(qp, data, tmp_path):
    cut = truncated(tmp_path)
    code, output = qgis_process(qp, "riskzoning", parameters("riskzoning", data, tmp_path / "out") | {"INPUT": cut})
    assert code != 0 and f"The raster {cut} is incomplete" in output and "Traceback" not in output
    assert leftovers(tmp_path / "out") == []


# --- metres on QGIS ≥ 3.30 ----------------------------------------------------------------------


def test_metres_is_the_scoped_enum_even_when_it_equals_zero():
    """On QGIS ≥ 3.30 Qgis.DistanceUnit.Meters is an IntEnum equal to 0: `x or fallback` took
    the fallback; the explicit None test keeps the scoped value."""
    from territorial_resilience.processing_provider.common import base

    class DistanceUnit(enum.IntEnum):
        Meters = 0
        Kilometers = 1

    legacy = SimpleNamespace(DistanceMeters="legacy")
    assert base.metres_unit(SimpleNamespace(DistanceUnit=DistanceUnit), legacy) is DistanceUnit.Meters
    assert base.metres_unit(SimpleNamespace(), legacy) == "legacy"
    from qgis.core import QgsCoordinateReferenceSystem

    assert QgsCoordinateReferenceSystem("EPSG:4547").mapUnits() == base.METRES
    base.require_projected_crs(QgsCoordinateReferenceSystem("EPSG:4547"), "x")  # metres: accepted
