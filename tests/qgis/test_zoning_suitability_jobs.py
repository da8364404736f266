"""The batch jobs of tsr:riskzoning and tsr:suitability against the Processing algorithms: the
same parameter names and defaults, and the same outputs for the same parameters."""

from __future__ import annotations

import math

import numpy as np
import pytest
from osgeo import ogr, osr
from qgis.core import NULL, QgsVectorLayer
from rasters import ORIGIN, read_raster, write_raster

from territorial_resilience.algorithms.mcda import suitability_job
from territorial_resilience.algorithms.raster import zoning_job

JOBS = {"riskzoning": zoning_job, "suitability": suitability_job}
#: Parameters the batch job needs whatever the algorithm's defaults.
MINIMAL = {"riskzoning": {"INPUT": ["a.tif"], "OUTPUT": ["g.tif"]}, "suitability": {"CRITERIA": ["a.tif"]}}
#: Request field of each parameter with a default.
FIELDS = {
    "riskzoning": {"CLASSES": "classes", "METHOD": "method", "BREAKS": "breaks", "MIN_AREA": "min_area", "CONTROL_GRADE": "control_grade"},
    "suitability": {
        "DIRECTIONS": "directions",
        "WEIGHTS": "weights",
        "METHOD": "method",
        "ORNESS": "orness",
        "ORDER_WEIGHTS": "order_weights",
        "WEIGHT_UNCERTAINTY": "weight_uncertainty",
        "CRITERION_UNCERTAINTY": "criterion_uncertainty",
        "ITERATIONS": "iterations",
        "SEED": "seed",
        "THRESHOLD": "threshold",
        "TOP_PERCENT": "top_percent",
    },
}


@pytest.mark.parametrize("alg_id", sorted(JOBS))
def test_parameter_names_defaults_and_bounds_are_the_algorithms(provider, alg_id):
    job = JOBS[alg_id]
    definitions = {d.name(): d for d in provider.algorithm(alg_id).parameterDefinitions()}
    assert tuple(definitions) == job.PARAMETERS
    request = job.parse(MINIMAL[alg_id])
    for name, attribute in FIELDS[alg_id].items():
        default = definitions[name].defaultValue()
        value = getattr(request, attribute)
        if default is None or default == "":
            assert value in (None, ""), name
        else:
            assert value == default and isinstance(value, type(default)), name
    for name, definition in definitions.items():
        if definition.type() == "enum":
            assert len(definition.options()) == len(job.METHOD_OPTIONS)
            job.parse({**MINIMAL[alg_id], name: [str(len(definition.options()) - 1)]})
        if definition.type() != "number":
            continue
        low, high = definition.minimum(), definition.maximum()
        job.parse({**MINIMAL[alg_id], name: [repr(low)]})
        with pytest.raises(Exception, match="outside the range"):
            job.parse({**MINIMAL[alg_id], name: [repr(low - 1)]})
        if high < 1e15:
            job.parse({**MINIMAL[alg_id], name: [repr(high)]})
            with pytest.raises(Exception, match="outside the range"):
                job.parse({**MINIMAL[alg_id], name: [repr(high + 1)]})


def features(path):
    ds = ogr.Open(str(path))
    rows = [feature.items() for feature in ds.GetLayer(0)]
    return rows


def write_polygons(path, wkts, field="name"):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("polygons", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    for name, wkt in wkts:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(field, name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def square(x0, x1, y0, y1):
    return f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"


def same_raster(a, b):
    x, y = read_raster(a), read_raster(b)
    np.testing.assert_array_equal(np.ma.getmaskarray(x), np.ma.getmaskarray(y))
    np.testing.assert_array_equal(x.data, y.data)


def test_riskzoning_batch_equals_processing(run, tmp_path):
    rng = np.random.default_rng(21)
    surface = (rng.random((60, 50)) ** 2).astype(np.float32)
    surface[:4, :4] = -9999
    path = write_raster(tmp_path / "risk.tif", surface)
    x0, y0 = ORIGIN
    units = write_polygons(
        tmp_path / "units.gpkg", [("north", square(x0, x0 + 1500, y0 - 900, y0)), ("south", square(x0, x0 + 1500, y0 - 1800, y0 - 900))]
    )
    common = {"INPUT": path, "CLASSES": 5, "METHOD": 0, "MIN_AREA": 0.5, "CONTROL_GRADE": 4, "UNITS": units, "UNIT_FIELD": "name"}
    outputs = {"OUTPUT": "g.tif", "OUTPUT_ZONES": "z.gpkg", "OUTPUT_LINES": "l.gpkg", "OUTPUT_TABLE": "t.gpkg"}
    (tmp_path / "qgis").mkdir()
    (tmp_path / "batch").mkdir()
    expected = run("riskzoning", {**common, **{k: str(tmp_path / "qgis" / v) for k, v in outputs.items()}})
    request = zoning_job.parse({k: [str(v)] for k, v in {**common, **{k: tmp_path / "batch" / v for k, v in outputs.items()}}.items()})
    got = zoning_job.outputs(zoning_job.run(request))
    assert got["BREAKS_USED"] == expected["BREAKS_USED"]
    assert got["CONTROLLED_AREA_HA"] == expected["CONTROLLED_AREA_HA"] and got["GVF"] == expected["GVF"]
    same_raster(got["OUTPUT"], expected["OUTPUT"])
    qgis_table = {f["unit"]: f.attributes()[2:] for f in QgsVectorLayer(expected["OUTPUT_TABLE"], "t", "ogr").getFeatures()}
    batch_table = {row["unit"]: [v for k, v in row.items() if k != "unit"] for row in features(got["OUTPUT_TABLE"])}
    assert batch_table == qgis_table and sorted(batch_table) == ["north", "south"]
    qgis_zones = {
        f["grade"]: (f["area_ha"], f["share_pct"], f.geometry().area()) for f in QgsVectorLayer(expected["OUTPUT_ZONES"], "z", "ogr").getFeatures()
    }
    ds = ogr.Open(got["OUTPUT_ZONES"])
    batch_zones = {f["grade"]: (f["area_ha"], f["share_pct"], f.GetGeometryRef().GetArea()) for f in ds.GetLayer(0)}
    assert batch_zones == qgis_zones
    qgis_lines = sorted(f["length_m"] for f in QgsVectorLayer(expected["OUTPUT_LINES"], "l", "ogr").getFeatures())
    assert sorted(row["length_m"] for row in features(got["OUTPUT_LINES"])) == qgis_lines


def test_suitability_batch_equals_processing(run, tmp_path):
    rng = np.random.default_rng(8)
    a = rng.random((40, 36)).astype(np.float32)
    slope = (rng.random((40, 36)) * 25).astype(np.float32)
    a[3, 3] = -9999
    constraint = np.ones(a.shape, np.float32)
    constraint[30:, :] = 0
    pa, ps = write_raster(tmp_path / "a.tif", a), write_raster(tmp_path / "slope.tif", slope)
    pc = write_raster(tmp_path / "constraint.tif", constraint)
    x0, y0 = ORIGIN
    zones = write_polygons(tmp_path / "zones.gpkg", [("reserve", square(x0 + 300, x0 + 600, y0 - 600, y0 - 300))])
    common = {
        "DIRECTIONS": "+,-",
        "WEIGHTS": "0.7,0.3",
        "METHOD": 1,
        "ORNESS": 0.3,
        "WEIGHT_UNCERTAINTY": 25,
        "ITERATIONS": 100,
        "SEED": 5,
        "TOP_PERCENT": 20,
    }
    outputs = {
        "OUTPUT_MEAN": "m.tif",
        "OUTPUT_STD": "s.tif",
        "OUTPUT_PROBABILITY": "p.tif",
        "OUTPUT_CLASS": "c.tif",
        "OUTPUT_WEIGHTS": "w.gpkg",
        "OUTPUT_SENSITIVITY": "sens.gpkg",
    }
    (tmp_path / "qgis").mkdir()
    (tmp_path / "batch").mkdir()
    expected = run(
        "suitability",
        {
            **common,
            "CRITERIA": [pa, ps],
            "CONSTRAINTS": [pc],
            "EXCLUSION_ZONES": [zones],
            **{k: str(tmp_path / "qgis" / v) for k, v in outputs.items()},
        },
    )
    values = {k: [str(v)] for k, v in {**common, **{k: tmp_path / "batch" / v for k, v in outputs.items()}}.items()}
    request = suitability_job.parse({**values, "CRITERIA": [pa, ps], "CONSTRAINTS": [pc], "EXCLUSION_ZONES": [zones]})
    got = suitability_job.outputs(suitability_job.run(request))
    for key in ("OUTPUT_MEAN", "OUTPUT_STD", "OUTPUT_PROBABILITY", "OUTPUT_CLASS"):
        same_raster(got[key], expected[key])
    assert (got["ROBUST_AREA_HA"], got["UNCERTAIN_AREA_HA"]) == (expected["ROBUST_AREA_HA"], expected["UNCERTAIN_AREA_HA"])
    assert (read_raster(got["OUTPUT_CLASS"]) == 5).sum() == 10 * 36 + 100  # the constraint's 10 rows and the reserve's 10 × 10 cells
    qgis_weights = [(f["draw"], f["criterion"], f["weight"]) for f in QgsVectorLayer(expected["OUTPUT_WEIGHTS"], "w", "ogr").getFeatures()]
    assert [(r["draw"], r["criterion"], r["weight"]) for r in features(got["OUTPUT_WEIGHTS"])] == qgis_weights
    qgis_sweep = [
        [None if v == NULL or (isinstance(v, float) and math.isnan(v)) else v for v in f.attributes()[1:]]
        for f in QgsVectorLayer(expected["OUTPUT_SENSITIVITY"], "s", "ogr").getFeatures()
    ]
    batch_sweep = [list(row.values()) for row in features(got["OUTPUT_SENSITIVITY"])]
    assert batch_sweep == qgis_sweep and len(batch_sweep) == 5  # the baseline and ±20 % for each criterion
