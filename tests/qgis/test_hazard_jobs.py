"""The jobs of tsr:normalizehazard and tsr:multihazardoverlay (algorithms/raster/*_job.py) against
the Processing algorithms: the batch parameters have the algorithms' names, order, options and
defaults, and a run of the job writes the very cells processing.run writes."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
from qgis.core import QgsProcessingDestinationParameter
from rasters import write_raster

from territorial_resilience.algorithms.raster import normalize_job, overlay_job


def text(**values):
    return {key: [str(v) for v in value] if isinstance(value, list) else [str(value)] for key, value in values.items()}


def cells(path) -> bytes:
    with rasterio.open(path) as ds:
        return ds.read(1).tobytes()


def definitions(provider, alg_id):
    return provider.algorithm(alg_id).parameterDefinitions()


# --- parameters --------------------------------------------------------------------------------

#: Parameter → (request field, the default as the request holds it from the QGIS default).
NORMALIZE_FIELDS = {
    "INPUT": None,
    "BAND": ("band", lambda d: int(d)),
    "METHOD": ("method", lambda d: int(d)),
    "DIRECTION": ("direction", lambda d: int(d)),
    "LOWER": ("lower", lambda d: d),
    "UPPER": ("upper", lambda d: d),
    "TABLE": ("table", lambda d: tuple(d or ())),
    "OUTPUT": None,
}
OVERLAY_FIELDS = {
    "HAZARDS": None,
    "WEIGHTS": ("weights", lambda d: d or ""),
    "METHOD": ("method", lambda d: int(d)),
    "ORDER_WEIGHTS": ("order_weights", lambda d: d or ""),
    "INTERACTIONS": ("interactions", lambda d: d or ""),
    "THRESHOLD": ("threshold", lambda d: float(d)),
    "EXPOSURE": ("exposure", lambda d: d),
    "VULNERABILITY": ("vulnerability", lambda d: d),
    "CAPACITY": ("capacity", lambda d: d),
    "NODATA_POLICY": ("policy", lambda d: int(d)),
    "REFERENCE": ("reference", lambda d: d),
    "OUTPUT": None,
    "OUTPUT_DOMINANT": None,
    "OUTPUT_COUNT": None,
    "OUTPUT_HTML": None,
}


@pytest.mark.parametrize(
    "job, fields, minimal",
    [
        (normalize_job, NORMALIZE_FIELDS, dict(INPUT="a.tif", OUTPUT="o.tif")),
        (overlay_job, OVERLAY_FIELDS, dict(HAZARDS="a.tif", OUTPUT="o.tif")),
    ],
)
def test_batch_parameters_are_the_algorithms(provider, job, fields, minimal):
    params = definitions(provider, job.ALGORITHM)
    assert job.PARAMETERS == tuple(p.name() for p in params) == tuple(fields)
    request = job.parse(text(**minimal))
    for parameter in params:
        if fields[parameter.name()] is None:
            continue
        field, as_request = fields[parameter.name()]
        assert getattr(request, field) == as_request(parameter.defaultValue()), parameter.name()
    # the optional outputs are not written unless given (no temporary files from a batch run)
    for parameter in params:
        if isinstance(parameter, QgsProcessingDestinationParameter) and parameter.name() != "OUTPUT":
            assert getattr(request, parameter.name().lower()) is None


@pytest.mark.parametrize(
    "job, parameter, options",
    [
        (normalize_job, "METHOD", normalize_job.METHOD_OPTIONS),
        (normalize_job, "DIRECTION", normalize_job.DIRECTION_OPTIONS),
        (overlay_job, "METHOD", overlay_job.METHOD_OPTIONS),
        (overlay_job, "NODATA_POLICY", overlay_job.POLICY_OPTIONS),
    ],
)
def test_enum_options_are_the_algorithms(provider, job, parameter, options):
    (definition,) = [p for p in definitions(provider, job.ALGORITHM) if p.name() == parameter]
    assert tuple(definition.options()) == options  # English interface in the tests


# --- the same cells as processing.run ----------------------------------------------------------


@pytest.fixture
def ramp(tmp_path):
    array = np.arange(800, dtype=np.float32).reshape(40, 20)
    array[0, 0] = -9999
    array[7, 3] = -5
    return write_raster(tmp_path / "ramp.tif", array)


@pytest.mark.parametrize(
    "params",
    [
        dict(METHOD=0),
        dict(METHOD=1, LOWER=5, UPPER=95, DIRECTION=1),
        dict(METHOD=3, LOWER=100),
        dict(METHOD=4, LOWER=100, UPPER=300),
        dict(METHOD=5, TABLE=["", 300, 0.1, 300, 700, 0.5]),
        dict(METHOD=6),
    ],
)
def test_normalize_job_writes_the_cells_of_processing_run(run, ramp, tmp_path, params):
    qgis = run("normalizehazard", {"INPUT": ramp, "OUTPUT": str(tmp_path / "qgis.tif"), **params})
    batch = {key: ",".join(str(v) for v in value) if isinstance(value, list) else value for key, value in params.items()}
    request = normalize_job.parse(text(INPUT=ramp, OUTPUT=str(tmp_path / "job.tif"), **batch))
    result = normalize_job.run(request)
    assert cells(tmp_path / "job.tif") == cells(qgis["OUTPUT"])
    assert {k: v for k, v in normalize_job.outputs(result).items() if k != "OUTPUT"} == {k: v for k, v in qgis.items() if k != "OUTPUT"}


@pytest.fixture
def hazards(tmp_path):
    rng = np.random.default_rng(5)
    a = rng.random((40, 30)).astype(np.float32)
    b = rng.random((40, 30)).astype(np.float32)
    c = rng.random((20, 15)).astype(np.float32)
    b[3, 4] = -9999
    return (
        write_raster(tmp_path / "flood.tif", a),
        write_raster(tmp_path / "quake.tif", b),
        write_raster(tmp_path / "slide.tif", c, cell=60.0),
    )


@pytest.mark.parametrize(
    "params",
    [
        dict(WEIGHTS="3,1,1", THRESHOLD=0.4),
        dict(METHOD=1, WEIGHTS="1,2,1", NODATA_POLICY=1),
        dict(METHOD=3, WEIGHTS="1,0.5,0.2", INTERACTIONS="0,1,0;0,0,0.5;0,0,0"),
        dict(METHOD=4, ORDER_WEIGHTS="3,2,1", EXPOSURE="@flood"),
    ],
)
def test_overlay_job_writes_the_cells_of_processing_run(run, hazards, tmp_path, params):
    params = {key: hazards[0] if value == "@flood" else value for key, value in params.items()}
    outputs = {name: str(tmp_path / f"qgis_{name}.tif") for name in ("OUTPUT", "OUTPUT_DOMINANT", "OUTPUT_COUNT")}
    qgis = run("multihazardoverlay", {"HAZARDS": list(hazards), **outputs, "OUTPUT_HTML": str(tmp_path / "r.html"), **params})
    mine = {name: str(tmp_path / f"job_{name}.tif") for name in outputs}
    result = overlay_job.run(overlay_job.parse(text(HAZARDS=list(hazards), **mine, **params)))
    assert set(overlay_job.outputs(result)) | {"OUTPUT_HTML"} == set(qgis)
    for name in outputs:
        assert cells(mine[name]) == cells(qgis[name]), name
