"""Hostile inputs for the bad-input suite, built once per session from small hand-made data.

Everything is written with rasterio and GDAL/OGR (no QGIS in the test process), in CGCS2000 /
3-degree Gauss-Kruger zone 38 (EPSG:4547) unless a case needs another CRS:

* rasters: a 16 × 20 grid of 30 m cells at (480000, 3400000) — degrees, raw depths, return
  periods, all-nodata, NaN cells, a constant, a far-away and a coarser overlapping grid, the same
  degrees in EPSG:4326 and EPSG:3857, a file of random bytes and the first half of a GeoTIFF;
* `net.gpkg`: one GeoPackage holding many layers (roads, residents, shelters, candidates, hazard
  zones, planning units …, with empty, NULL-geometry, EPSG:4326 and EPSG:3857 variants), so that
  "output = the input's GeoPackage" must keep every layer;
* GeoJSON tables that keep NaN (a GeoPackage turns it into NULL): cost tables `od` and `od_nan`,
  planning units with a NaN indicator, residents with a NaN population.

The network layers sit around (X0, Y0) = (500000, 3400000); their costs are easy by hand:
  roads: main road y = 0 from x = 0 to 2000, bypass (0,0) → (0,400) → (2000,400) → (2000,0);
  street: one road y = 0 from x = 0 to 3000 (facility location, as in tests/qgis).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import rasterio
from osgeo import ogr, osr
from rasterio.transform import from_origin

ogr.UseExceptions()
osr.UseExceptions()

ORIGIN = (480000.0, 3400000.0)
ROWS, COLS, CELL = 16, 20, 30.0
X0, Y0 = 500000.0, 3400000.0
NODATA = -9999.0


# --- rasters ----------------------------------------------------------------------------------


def write_raster(path, array, crs="EPSG:4547", transform=None, nodata=NODATA, **extra) -> str:
    array = np.asarray(array)
    profile = dict(
        driver="GTiff",
        width=array.shape[1],
        height=array.shape[0],
        count=1,
        dtype=str(array.dtype),
        crs=crs,
        transform=transform or from_origin(ORIGIN[0], ORIGIN[1], CELL, CELL),
        nodata=nodata,
        **extra,
    )
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(array, 1)
    return str(path)


def degrees_pattern() -> tuple[np.ndarray, np.ndarray]:
    y, x = np.mgrid[0:ROWS, 0:COLS].astype(np.float32)
    h1 = (x + y) / (ROWS + COLS - 2)  # 0 … 1 towards the south-east
    h2 = np.abs(np.sin(x / 3.0) * np.cos(y / 4.0)).astype(np.float32)
    return h1.astype(np.float32), h2


def build_rasters(folder: Path) -> None:
    rng = np.random.default_rng(2024)
    h1, h2 = degrees_pattern()
    h1_nodata = h1.copy()
    h1_nodata[0, 0] = NODATA  # one nodata cell in the corner
    write_raster(folder / "h1.tif", h1_nodata)
    write_raster(folder / "h2.tif", h2)
    write_raster(folder / "raw.tif", (h1 * 6.0).astype(np.float32))  # flood depth 0–6 m
    # a risk surface with three clear levels and a little noise (zoning)
    y, x = np.mgrid[0:ROWS, 0:COLS]
    risk = np.where(x < 7, 0.15, np.where(x < 14, 0.5, 0.85)) + rng.normal(0, 0.03, (ROWS, COLS))
    write_raster(folder / "risk.tif", np.clip(risk, 0, 1).astype(np.float32))
    write_raster(folder / "rp.tif", (2.0 + h1 * 498.0).astype(np.float32))  # return periods 2–500 years
    rp_bad = (2.0 + h1 * 498.0).astype(np.float32)
    rp_bad[:4, :] = 0.0  # T = 0
    rp_bad[4:6, :] = -50.0  # T < 0
    write_raster(folder / "rp_bad.tif", rp_bad)
    write_raster(folder / "nodata.tif", np.full((ROWS, COLS), NODATA, np.float32))
    nan_cells = h1.copy()
    nan_cells[3:6, 3:9] = np.nan  # NaN values and no nodata declared
    write_raster(folder / "nan_cells.tif", nan_cells, nodata=None)
    write_raster(folder / "constant.tif", np.full((ROWS, COLS), 0.5, np.float32))
    write_raster(folder / "far.tif", h2, transform=from_origin(700000.0, 3000000.0, CELL, CELL))
    # 60 m cells shifted by 45 m: another grid that still overlaps
    write_raster(folder / "coarse.tif", h2[:10, :12], transform=from_origin(ORIGIN[0] + 45.0, ORIGIN[1] - 45.0, 60.0, 60.0))
    # a hazard on 2 × 2 cells in the grid's corner: it covers 1 % of the reference grid
    write_raster(folder / "tiny.tif", np.full((2, 2), 0.9, np.float32))
    # the same degrees in degrees (EPSG:4326, near 113.8° E 30.7° N) and in Web Mercator
    write_raster(folder / "h1_4326.tif", h1, crs="EPSG:4326", transform=from_origin(113.79, 30.71, 0.0003, 0.0003))
    write_raster(folder / "h1_3857.tif", h1, crs="EPSG:3857", transform=from_origin(12667000.0, 3595000.0, 30.0, 30.0))
    write_raster(
        folder / "risk_4326.tif", np.clip(risk, 0, 1).astype(np.float32), crs="EPSG:4326", transform=from_origin(113.79, 30.71, 0.0003, 0.0003)
    )
    write_raster(
        folder / "risk_3857.tif", np.clip(risk, 0, 1).astype(np.float32), crs="EPSG:3857", transform=from_origin(12667000.0, 3595000.0, 30.0, 30.0)
    )
    # current land use classes 1 (built), 2 (farmland), 3 (forest)
    write_raster(folder / "landuse.tif", (1 + (x * 3) // COLS).astype(np.uint8), nodata=0)
    # hazard degrees over the evacuation roads: metric (10 m cells) and in EPSG:4326 (≈ 500 m cells)
    band = np.zeros((20, 250), np.float32)
    band[:, 80:120] = 1.0  # x 800–1200 m
    write_raster(folder / "hz_net.tif", band, transform=from_origin(X0 - 200.0, Y0 + 100.0, 10.0, 10.0))
    lon0, lat0 = to_lonlat(X0 - 500.0, Y0 + 1000.0)
    write_raster(folder / "hz_net_4326.tif", np.full((6, 8), 0.5, np.float32), crs="EPSG:4326", transform=from_origin(lon0, lat0, 0.005, 0.005))
    # not a raster at all: random bytes under a .tif name
    (folder / "corrupt.tif").write_bytes(rng.integers(0, 256, 8192, dtype=np.uint8).tobytes())
    # the first half of a valid striped GeoTIFF: it opens, but blocks cannot be read
    big = rng.random((120, 120)).astype(np.float32)
    whole = write_raster(folder / "whole.tif", big)
    data = Path(whole).read_bytes()
    (folder / "trunc.tif").write_bytes(data[: len(data) // 2])
    os.remove(whole)


def to_lonlat(x: float, y: float) -> tuple[float, float]:
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4547)
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(source, target).TransformPoint(x, y)
    return lon, lat


# --- vector layers ----------------------------------------------------------------------------

OGR_TYPES = {"string": ogr.OFTString, "real": ogr.OFTReal, "integer": ogr.OFTInteger}
GEOMETRY = {"Point": ogr.wkbPoint, "LineString": ogr.wkbLineString, "Polygon": ogr.wkbPolygon, "None": ogr.wkbNone}


def wkt(kind: str, coords, dx: float = X0, dy: float = Y0) -> str | None:
    """WKT of offsets from (dx, dy); None is a feature without geometry."""
    if coords is None:
        return None
    if kind == "Point":
        return f"POINT ({dx + coords[0]} {dy + coords[1]})"
    ring = ", ".join(f"{dx + x} {dy + y}" for x, y in coords)
    return f"LINESTRING ({ring})" if kind == "LineString" else f"POLYGON (({ring}))"


def box(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


def add_layer(ds, name: str, kind: str, fields: list[tuple[str, str]], rows, epsg: int = 4547, origin=(X0, Y0)) -> None:
    """A layer of `ds`; each row is (coordinates or None, attribute list). Coordinates are offsets
    from `origin` in EPSG:4547 and are transformed when `epsg` differs."""
    srs = None
    transform = None
    if kind != "None":
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if epsg != 4547:
            base = osr.SpatialReference()
            base.ImportFromEPSG(4547)
            base.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            transform = osr.CoordinateTransformation(base, srs)
    layer = ds.CreateLayer(name, srs, GEOMETRY[kind])
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, OGR_TYPES[field_type]))
    for coords, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (field_name, _), value in zip(fields, values):
            if value is None:
                feature.SetFieldNull(field_name)
            else:
                feature.SetField(field_name, value)
        text = wkt(kind, coords, *origin) if kind != "None" else None
        if text:
            geometry = ogr.CreateGeometryFromWkt(text)
            if transform is not None:
                geometry.Transform(transform)
            feature.SetGeometry(geometry)
        layer.CreateFeature(feature)


# roads: main road and bypass (evacuation, coverage); speed 30 km/h, text copies of the speed
ROADS = [([(0, 0), (2000, 0)], [1, 30.0, "30", 0]), ([(0, 0), (0, 400), (2000, 400), (2000, 0)], [2, 30.0, "30", 0])]
ROAD_FIELDS = [("id", "integer"), ("speed", "real"), ("speed_txt", "string"), ("oneway", "integer")]
BAD_SPEED_ROADS = [([(0, 0), (2000, 0)], [1, 0.0, "0", 0]), ([(0, 0), (0, 400), (2000, 400), (2000, 0)], [2, -10.0, "-10", 0])]
STREET = [([(0, 0), (3000, 0)], [1, 30.0, "30", 0])]
BAD_SPEED_STREET = [([(0, 0), (3000, 0)], [1, -5.0, "-5", 0])]
# coverage: A 330 m from S1 along the road, B 515 m, C beyond MAX_SNAP (1100 m from any road)
RESIDENT_FIELDS = [("name", "string"), ("pop", "real"), ("pop_txt", "string")]
RESIDENTS = [((700, 20), ["A", 100.0, "100"]), ((1500, -5), ["B", 50.0, "50"]), ((100, 1500), ["C", 30.0, "30"])]
NULL_RESIDENT = (None, ["N", 40.0, "40"])
SHELTER_FIELDS = [("code", "string"), ("cap", "real"), ("cap_txt", "string")]
SHELTERS = [((1000, 10), ["S1", 120.0, "120"])]
NULL_SHELTER = (None, ["S0", 500.0, "500"])
# evacuation: as tests/qgis/test_evacuation_routes.py (R4 5 km from any road; 100 of 105 people evacuated)
EVAC_RESIDENTS = [((500, 0), ["R1", 50.0, "50"]), ((1000, 5), ["R2", 30.0, "30"]), ((1500, 0), ["R3", 20.0, "20"]), ((5000, 5000), ["R4", 5.0, "5"])]
EVAC_SHELTERS = [((2010, 0), ["S1", 40.0, "40"]), ((0, 410), ["S2", 100.0, "100"])]
ZONE = [(box(800, -100, 1200, 100), [1])]
# facility location: as tests/qgis/test_facility_location.py (MCLP P = 2 covers 210 of 260 people)
FL_DEMAND = [((100, 0), ["D1", 100.0, "100"]), ((1000, 0), ["D2", 50.0, "50"]), ((2000, 0), ["D3", 80.0, "80"]), ((2900, 0), ["D4", 30.0, "30"])]
FL_CANDIDATES = [((0, 0), ["C1", 500.0, "500"]), ((1000, 10), ["C2", 500.0, "500"]), ((2500, 10), ["C3", 90.0, "90"])]
FL_FAR = ((1500, 4000), ["D5", 10.0, "10"])  # 4 km from the street: no candidate reaches it
FL_COSTS = {"D1": (100, 910, 2410), "D2": (1000, 10, 1510), "D3": (2000, 1010, 510), "D4": (2900, 1910, 410)}

# planning units over the raster grid (four 150 m × 480 m strips side by side)
UNIT_FIELDS = [
    ("name", "string"),
    ("gdp", "real"),
    ("gdp_txt", "string"),
    ("elderly", "real"),
    ("forest", "real"),
    ("roads", "integer"),
    ("county", "string"),
    ("pop", "integer"),
    ("pop_txt", "string"),
    ("no_value", "real"),
    ("current", "string"),
    ("locked", "integer"),
    ("s_urban", "real"),
    ("s_farm", "real"),
    ("risk", "real"),
]
UNITS = [
    (box(0, -480, 150, 0), ["U1", 100.0, "100", 10.0, 40.0, 1, "X", 100, "100", None, "urban", 0, 0.9, 0.2, 0.8]),
    (box(150, -480, 300, 0), ["U2", 200.0, "200", 30.0, 20.0, 3, "X", 300, "300", None, "farmland", 0, 0.6, 0.7, 0.3]),
    (box(300, -480, 450, 0), ["U3", 300.0, "300", 20.0, 60.0, 2, "Y", 50, "50", None, "farmland", 1, 0.3, 0.9, 0.1]),
    (box(450, -480, 600, 0), ["U4", 150.0, "150", 25.0, 30.0, 2, "Y", 80, "80", None, "urban", 0, 0.8, 0.4, 0.5]),
]
NULL_UNIT = (None, ["U0", 250.0, "250", 15.0, 50.0, 2, "Y", 70, "70", None, "farmland", 0, 0.5, 0.5, 0.5])
GRID_EXCLUSION = [(box(-300, -300, 300, 300), [1])]  # reaches far past the grid's north-west corner


def build_geopackage(path: Path) -> None:
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(str(path))
    add_layer(ds, "roads", "LineString", ROAD_FIELDS, ROADS)
    add_layer(ds, "roads_badspeed", "LineString", ROAD_FIELDS, BAD_SPEED_ROADS)
    add_layer(ds, "roads_empty", "LineString", ROAD_FIELDS, [])
    add_layer(ds, "street", "LineString", ROAD_FIELDS, STREET)
    add_layer(ds, "street_badspeed", "LineString", ROAD_FIELDS, BAD_SPEED_STREET)
    add_layer(ds, "residents", "Point", RESIDENT_FIELDS, RESIDENTS)
    add_layer(ds, "residents_nullgeom", "Point", RESIDENT_FIELDS, RESIDENTS + [NULL_RESIDENT])
    add_layer(ds, "residents_empty", "Point", RESIDENT_FIELDS, [])
    add_layer(ds, "residents_4326", "Point", RESIDENT_FIELDS, RESIDENTS, epsg=4326)
    add_layer(ds, "residents_3857", "Point", RESIDENT_FIELDS, RESIDENTS, epsg=3857)
    add_layer(ds, "shelters", "Point", SHELTER_FIELDS, SHELTERS)
    add_layer(ds, "shelters_nullgeom", "Point", SHELTER_FIELDS, SHELTERS + [NULL_SHELTER])
    add_layer(ds, "shelters_empty", "Point", SHELTER_FIELDS, [])
    add_layer(ds, "evac_residents", "Point", RESIDENT_FIELDS, EVAC_RESIDENTS)
    add_layer(ds, "evac_residents_nullgeom", "Point", RESIDENT_FIELDS, EVAC_RESIDENTS + [(None, ["R5", 40.0, "40"])])
    add_layer(ds, "evac_residents_4326", "Point", RESIDENT_FIELDS, EVAC_RESIDENTS, epsg=4326)
    add_layer(ds, "evac_residents_3857", "Point", RESIDENT_FIELDS, EVAC_RESIDENTS, epsg=3857)
    add_layer(ds, "evac_shelters", "Point", SHELTER_FIELDS, EVAC_SHELTERS)
    add_layer(ds, "evac_shelters_nullgeom", "Point", SHELTER_FIELDS, EVAC_SHELTERS + [(None, ["S9", 1000.0, "1000"])])
    add_layer(ds, "zone", "Polygon", [("id", "integer")], ZONE)
    add_layer(ds, "fl_demand", "Point", RESIDENT_FIELDS, FL_DEMAND)
    add_layer(ds, "fl_demand_nullgeom", "Point", RESIDENT_FIELDS, FL_DEMAND + [(None, ["D0", 40.0, "40"])])
    add_layer(ds, "fl_demand_far", "Point", RESIDENT_FIELDS, FL_DEMAND + [FL_FAR])
    add_layer(ds, "fl_demand_empty", "Point", RESIDENT_FIELDS, [])
    add_layer(ds, "fl_demand_4326", "Point", RESIDENT_FIELDS, FL_DEMAND, epsg=4326)
    add_layer(ds, "fl_demand_3857", "Point", RESIDENT_FIELDS, FL_DEMAND, epsg=3857)
    add_layer(ds, "candidates", "Point", SHELTER_FIELDS, FL_CANDIDATES)
    add_layer(ds, "candidates_empty", "Point", SHELTER_FIELDS, [])
    grid_origin = ORIGIN
    add_layer(ds, "units", "Polygon", UNIT_FIELDS, UNITS, origin=grid_origin)
    add_layer(ds, "units_one", "Polygon", UNIT_FIELDS, UNITS[:1], origin=grid_origin)
    add_layer(ds, "units_nullgeom", "Polygon", UNIT_FIELDS, UNITS + [NULL_UNIT], origin=grid_origin)
    add_layer(ds, "units_empty", "Polygon", UNIT_FIELDS, [], origin=grid_origin)
    add_layer(ds, "units_4326", "Polygon", UNIT_FIELDS, UNITS, epsg=4326, origin=grid_origin)
    add_layer(ds, "units_3857", "Polygon", UNIT_FIELDS, UNITS, epsg=3857, origin=grid_origin)
    add_layer(ds, "exclusion", "Polygon", [("id", "integer")], GRID_EXCLUSION, origin=grid_origin)
    add_layer(ds, "exclusion_nullgeom", "Polygon", [("id", "integer")], [(None, [1]), (box(0, -60, 60, 0), [2])], origin=grid_origin)
    add_layer(ds, "exclusion_empty", "Polygon", [("id", "integer")], [], origin=grid_origin)
    ds = None


def build_geojson(path: Path, name: str, kind: str, fields, rows, origin=(X0, Y0)) -> None:
    """A one-layer GeoJSON file; unlike a GeoPackage (SQLite) it keeps NaN values."""
    ds = ogr.GetDriverByName("GeoJSON").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    layer = ds.CreateLayer(name, srs if kind != "None" else None, GEOMETRY[kind], options=["WRITE_NON_FINITE_VALUES=YES"])
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, OGR_TYPES[field_type]))
    for coords, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (field_name, _), value in zip(fields, values):
            feature.SetField(field_name, value)
        text = wkt(kind, coords, *origin) if kind != "None" and coords is not None else None
        if text:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(text))
        layer.CreateFeature(feature)
    ds = None


def build_tables(folder: Path) -> None:
    """Cost tables (one with a NaN cost), planning units with a NaN indicator and residents with a
    NaN population, as GeoJSON."""
    cost_fields = [("origin", "string"), ("site", "string"), ("cost", "real")]
    rows = [(None, [o, c, float(v)]) for o, values in FL_COSTS.items() for c, v in zip(("C1", "C2", "C3"), values)]
    build_geojson(folder / "od.geojson", "od", "None", cost_fields, rows)
    nan_rows = [(None, [o, c, float("nan") if (o, c) == ("D2", "C2") else v]) for _, (o, c, v) in rows]
    build_geojson(folder / "od_nan.geojson", "od_nan", "None", cost_fields, nan_rows)
    units = [
        (coords, [float("nan") if f == "gdp" and values[0] == "U2" else v for (f, _), v in zip(UNIT_FIELDS, values)]) for coords, values in UNITS
    ]
    build_geojson(folder / "units_nan.geojson", "units_nan", "Polygon", UNIT_FIELDS, units, origin=ORIGIN)
    residents = [(coords, [values[0], float("nan") if values[0] == "B" else values[1], values[2]]) for coords, values in RESIDENTS]
    build_geojson(folder / "residents_nan.geojson", "residents_nan", "Point", RESIDENT_FIELDS, residents)


def build_library(folder: Path) -> Path:
    """Every hand-made hostile input in `folder` (the pristine copies; cases work on copies)."""
    folder.mkdir(parents=True, exist_ok=True)
    build_rasters(folder)
    build_geopackage(folder / "net.gpkg")
    build_tables(folder)
    return folder


def build_county(folder: Path) -> Path:
    """The sample county on 120 m cells (fast), as the other test folders generate it."""
    import importlib.util

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("generate_sample_county", root / "sample_data" / "generate_sample_county.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(str(folder), seed=2020, cell=120.0)
    return folder
