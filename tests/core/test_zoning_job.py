"""tsr:riskzoning's job without QGIS (algorithms/raster/zoning_job.py): parse, run, outputs,
against hand computations on small rasters."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import ogr, osr
from rasters import read_raster, write_raster

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.raster.classify import BreakMethod
from territorial_resilience.algorithms.raster.zoning_job import BATCH_JOB, ZoningRequest, outputs, parse, run

CELL_HA = 30 * 30 / 10_000


class PicklingEngine:
    """Runs every strip's kernel from a cloudpickle copy, as a Dask worker would (kernels share
    nothing with the caller), in this process's thread pool."""

    def __init__(self):
        self.calls = 0

    def run_blocks(self, grid, sources, kernel, sinks=(), **kwargs):
        import cloudpickle

        from territorial_resilience.algorithms.engine.raster_io import run_blocks

        self.calls += 1
        payload = cloudpickle.dumps(kernel)
        run_blocks(grid, sources, lambda blocks: cloudpickle.loads(payload)(blocks), sinks, **kwargs)


@pytest.fixture
def clusters(tmp_path):
    """Three value clusters in vertical bands: 0.1 (10 columns), 0.5 (6 columns), 0.9 (4 columns)."""
    array = np.empty((10, 20), np.float32)
    array[:, :10] = 0.1
    array[:, 10:16] = 0.5
    array[:, 16:] = 0.9
    array[0, 0] = 0.12
    return write_raster(tmp_path / "risk.tif", array), array


def text(**values):
    """PARAM → [values] as the batch command hands them to parse."""
    return {key: value if isinstance(value, list) else [str(value)] for key, value in values.items()}


def features(path):
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    out = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        out.append((feature.items(), None if geometry is None else geometry.Clone()))
    return out


def test_parse_defaults_and_values():
    request = parse(text(INPUT="a.tif", OUTPUT="g.tif"))
    assert request == ZoningRequest(input="a.tif", output="g.tif", classes=5, method=BreakMethod.NATURAL_BREAKS, min_area=1.0)
    request = parse(
        text(INPUT="a.tif", OUTPUT="g.tif", CLASSES=3, METHOD=4, BREAKS="0.3, 0.7", MIN_AREA="0.27", CONTROL_GRADE=2, OUTPUT_TABLE="t.gpkg")
    )
    assert (request.classes, request.method, request.breaks, request.min_area, request.control_grade) == (3, BreakMethod.MANUAL, "0.3, 0.7", 0.27, 2)
    assert request.output_table == "t.gpkg" and request.output_zones is None
    # an optional parameter given empty is absent
    assert parse(text(INPUT="a.tif", OUTPUT="g.tif", CONTROL_GRADE="", UNITS="")).control_grade is None
    assert BATCH_JOB.algorithm == "riskzoning" and BATCH_JOB.parse is parse


@pytest.mark.parametrize(
    "values, fragment",
    [
        (dict(INPUT="a.tif", OUTPUT="g.tif", CLASES=3), "riskzoning has no parameter CLASES; its parameters are INPUT, CLASSES, METHOD"),
        (dict(OUTPUT="g.tif"), "needs the parameter INPUT"),
        (dict(INPUT="a.tif"), "needs the parameter OUTPUT"),
        (dict(INPUT="a.tif", OUTPUT="g.tif", METHOD=5), "METHOD: '5' is not one of the options (0 = Natural breaks"),
        (dict(INPUT="a.tif", OUTPUT="g.tif", METHOD="quantile"), "METHOD: 'quantile' is not one of the options"),
        (dict(INPUT="a.tif", OUTPUT="g.tif", CLASSES=10), "CLASSES: 10 is outside the range 2 to 9"),
        (dict(INPUT="a.tif", OUTPUT="g.tif", CLASSES="4.5"), "CLASSES: '4.5' is not a whole number"),
        (dict(INPUT="a.tif", OUTPUT="g.tif", MIN_AREA="-1"), "MIN_AREA: -1 is outside the range 0 to ∞"),
        (dict(INPUT="a.tif", OUTPUT="g.tif", MIN_AREA="one"), "MIN_AREA: 'one' is not a number"),
        (dict(INPUT="a.tif", OUTPUT="g.tif", CLASSES=[3, 4]), "CLASSES was given 2 times"),
        (dict(INPUT="a.tif", OUTPUT="g.tif", OUTPUT_HTML="r.html"), "OUTPUT_HTML) is written by QGIS only"),
    ],
)
def test_parse_refuses(values, fragment):
    with pytest.raises(InputError) as error:
        parse(text(**values))
    assert fragment in str(error.value)


@pytest.mark.parametrize("engine", [None, PicklingEngine()], ids=["local", "pickled"])
def test_run_natural_breaks_areas_zones_lines_and_table(clusters, tmp_path, engine):
    path, array = clusters
    logged = []
    request = parse(
        text(
            INPUT=path,
            CLASSES=3,
            MIN_AREA=0,
            OUTPUT=tmp_path / "g.tif",
            OUTPUT_ZONES=tmp_path / "z.gpkg",
            OUTPUT_LINES=tmp_path / "l.gpkg",
            OUTPUT_TABLE=tmp_path / "t.gpkg",
        )
    )
    result = run(request, engine=engine, log=logged.append)
    out = outputs(result)
    # Fisher–Jenks on three clusters: each break is the upper bound of a cluster
    assert out["BREAKS_USED"] == f"{float(np.float32(0.12))!r},{float(np.float32(0.5))!r}"
    grades = read_raster(out["OUTPUT"])
    expected = 1 + (array[..., None] > np.array([np.float32(0.12), np.float32(0.5)])).sum(-1)
    np.testing.assert_array_equal(grades.filled(0), expected)
    assert out["CONTROLLED_AREA_HA"] == pytest.approx(40 * CELL_HA)  # the 4 columns of 0.9
    # GVF = 1 − SDCM/SDAM: only the 0.12 cell deviates inside its class (mean of class 1 = 0.1 + 0.02/100)
    values = array.astype(np.float64).ravel()
    sdam = ((values - values.mean()) ** 2).sum()
    low = values[values < 0.3]
    assert out["GVF"] == pytest.approx(1 - ((low - low.mean()) ** 2).sum() / sdam, rel=1e-9)
    assert all(type(out[key]) is float for key in ("CONTROLLED_AREA_HA", "GVF"))
    zones = {row["grade"]: (row, geometry) for row, geometry in features(out["OUTPUT_ZONES"])}
    assert [zones[g][0]["area_ha"] for g in (1, 2, 3)] == pytest.approx([100 * CELL_HA, 60 * CELL_HA, 40 * CELL_HA])
    assert [zones[g][0]["label_zh"] for g in (1, 2, 3)] == ["低", "中", "高"]
    assert zones[3][1].GetArea() == pytest.approx(40 * 900)
    assert zones[3][1].GetSpatialReference().GetAuthorityCode(None) == "4547"
    ((line, geometry),) = features(out["OUTPUT_LINES"])
    assert line["length_m"] == pytest.approx(2 * (4 * 30 + 10 * 30)) and geometry.Length() == pytest.approx(line["length_m"])
    ((row, _),) = features(out["OUTPUT_TABLE"])
    assert row["unit"] == "Study area"
    assert [row[f"grade{g}_ha"] for g in (1, 2, 3)] == pytest.approx([100 * CELL_HA, 60 * CELL_HA, 40 * CELL_HA])
    assert (row["total_ha"], row["controlled_ha"], row["controlled_pct"]) == pytest.approx((200 * CELL_HA, 40 * CELL_HA, 20.0))
    assert [str(m) for m in logged][-1] == f"Breaks used: {out['BREAKS_USED']}"
    if engine is not None:
        assert engine.calls == 3  # the range, the summary and the grading passes


def write_units(path, squares, crs=4547):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(crs)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("units", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for name, wkt in squares:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("name", name)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def square(x0, x1, y0=3399700, y1=3400000):
    return f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"


def test_run_manual_breaks_sieve_and_units(clusters, tmp_path):
    path, array = clusters
    array = array.copy()
    array[5, 3:5] = 0.9  # a 2-cell island that MIN_AREA = 0.27 ha (3 cells) merges into its neighbour
    path2 = write_raster(tmp_path / "risk2.tif", array)
    units = write_units(tmp_path / "units.gpkg", [("west", square(480000, 480300)), ("ghost", None), ("east", square(480300, 480600))])
    logged = []
    request = parse(
        text(
            INPUT=path2,
            CLASSES=3,
            METHOD=4,
            BREAKS="0.3, 0.7",
            MIN_AREA="0.27",
            UNITS=units,
            UNIT_FIELD="name",
            CONTROL_GRADE=2,
            OUTPUT=tmp_path / "g.tif",
            OUTPUT_TABLE=tmp_path / "t.csv",
        )
    )
    out = outputs(run(request, log=logged.append))
    assert out["BREAKS_USED"] == "0.3,0.7"
    grades = read_raster(out["OUTPUT"])
    assert (grades[5, 3:5] == 1).all()
    said = [str(m) for m in logged]
    assert "Merging patches smaller than 0.27 ha (3 cells)" in said
    assert "1 of 3 units have zero area in the table: ghost: no geometry" in said
    rows = {row["unit"]: row for row, _ in features(out["OUTPUT_TABLE"])}
    assert sorted(rows) == ["east", "ghost", "west"]
    assert float(rows["west"]["grade1_ha"]) == pytest.approx(100 * CELL_HA) and float(rows["west"]["controlled_ha"]) == 0
    assert float(rows["east"]["grade2_ha"]) == pytest.approx(60 * CELL_HA) and float(rows["east"]["grade3_ha"]) == pytest.approx(40 * CELL_HA)
    assert float(rows["east"]["controlled_pct"]) == pytest.approx(100.0) and float(rows["ghost"]["total_ha"]) == 0
    assert out["CONTROLLED_AREA_HA"] == pytest.approx(100 * CELL_HA)  # grades 2 and 3: 6 + 4 columns


def test_run_units_in_another_crs_are_transformed(clusters, tmp_path):
    """Units stored in CGCS2000 geographic coordinates measure the same as in the raster's CRS."""
    path, _ = clusters
    target = osr.SpatialReference()
    target.ImportFromEPSG(4547)
    geographic = osr.SpatialReference()
    geographic.ImportFromEPSG(4490)
    for srs in (target, geographic):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_geo = osr.CoordinateTransformation(target, geographic)
    geometry = ogr.CreateGeometryFromWkt(square(480300 + 1, 480600 - 1, 3399700 + 1, 3400000 - 1))
    geometry.Transform(to_geo)
    units = write_units(tmp_path / "geo_units.gpkg", [("east", geometry.ExportToWkt())], crs=4490)
    request = parse(
        text(INPUT=path, CLASSES=3, MIN_AREA=0, UNITS=units, UNIT_FIELD="name", OUTPUT=tmp_path / "g.tif", OUTPUT_TABLE=tmp_path / "t.gpkg")
    )
    ((row, _),) = features(outputs(run(request))["OUTPUT_TABLE"])
    assert row["unit"] == "east" and row["total_ha"] == pytest.approx(100 * CELL_HA)


@pytest.mark.parametrize(
    "extra, fragment",
    [
        ({"METHOD": 4, "BREAKS": "0.5, 0.2"}, "strictly increasing"),
        ({"METHOD": 4, "BREAKS": "0.3"}, "1 manual breaks were given, which make 2 grades, but the number of grades is 3"),
        ({"CONTROL_GRADE": 7}, "The controlled zone starts at grade 7, but there are only 3 grades"),
        ({"MIN_AREA": 18}, "not smaller than the whole valid area of the risk surface (18 ha, 200 cells)"),
        ({"OUTPUT_ZONES": "zones.shp"}, "must be a .gpkg file when run without QGIS"),
    ],
)
def test_run_refuses_and_leaves_no_grade_raster(clusters, tmp_path, extra, fragment):
    path, _ = clusters
    values = {"INPUT": path, "CLASSES": 3, "OUTPUT": tmp_path / "g.tif", **extra}
    if "OUTPUT_ZONES" in extra:
        values["OUTPUT_ZONES"] = tmp_path / extra["OUTPUT_ZONES"]
    with pytest.raises(InputError) as error:
        run(parse(text(**values)))
    assert fragment in str(error.value)
    if "OUTPUT_ZONES" not in extra:
        assert not (tmp_path / "g.tif").exists()


def test_units_without_the_field_are_refused_before_any_pass(clusters, tmp_path):
    path, _ = clusters
    units = write_units(tmp_path / "units.gpkg", [("west", square(480000, 480300))])
    with pytest.raises(InputError, match="The unit layer has no field 'nom'"):
        run(parse(text(INPUT=path, UNITS=units, UNIT_FIELD="nom", OUTPUT=tmp_path / "g.tif")))
    assert not (tmp_path / "g.tif").exists()


def test_empty_grades_are_noted(clusters, tmp_path):
    path, _ = clusters
    warned = []
    run(parse(text(INPUT=path, CLASSES=3, METHOD=4, BREAKS="0.95,0.98", MIN_AREA=0, OUTPUT=tmp_path / "g.tif")), warn=warned.append)
    assert "Grades 2, 3 of 3 hold no cell: no value of the data range from 0.1 to 0.9 falls between their breaks" in [str(m) for m in warned]


@pytest.mark.parametrize("engine", [None, PicklingEngine()], ids=["local", "pickled"])
def test_streamed_grades_equal_the_whole_raster_path(tmp_path, engine):
    """Without zones, lines, units and MIN_AREA the strips are graded and written where they are
    computed: the same grade raster and numbers as when the raster is graded whole."""
    from territorial_resilience.algorithms.raster.zoning_job import grade_surface

    values = (np.random.default_rng(4).random((70, 30)) ** 3).astype(np.float32)
    values[:5, :5] = -9999
    path = write_raster(tmp_path / "s.tif", values)
    whole = grade_surface(ZoningRequest(input=path, output=str(tmp_path / "whole.tif"), classes=4, min_area=0), engine=engine)
    streamed = run(parse(text(INPUT=path, CLASSES=4, MIN_AREA=0, OUTPUT=tmp_path / "streamed.tif", OUTPUT_TABLE=tmp_path / "t.csv")), engine=engine)
    assert whole.grades is not None and streamed.grades is None
    a, b = read_raster(str(tmp_path / "whole.tif")), read_raster(str(tmp_path / "streamed.tif"))
    np.testing.assert_array_equal(a.filled(0), b.filled(0))
    np.testing.assert_array_equal(whole.cells_per_grade, streamed.cells_per_grade)
    np.testing.assert_array_equal(streamed.cells_per_grade, np.bincount(whole.grades.ravel(), minlength=5))
    assert outputs(streamed)["BREAKS_USED"] == whole.breaks_used and streamed.gvf == whole.gvf
    ((row, _),) = features(str(tmp_path / "t.csv"))
    assert float(row["total_ha"]) == pytest.approx((70 * 30 - 25) * CELL_HA)
