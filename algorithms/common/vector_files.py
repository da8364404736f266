"""Vector layers read and written without QGIS, through GDAL's own Python bindings (osgeo.ogr).

For the batch command (tsr_batch.py): polygons read as shapely geometries in a target CRS
(units, exclusion zones), and result layers (zones, lines, tables) written as GeoPackage or CSV.
QGIS's Processing sinks do the same inside QGIS. GDAL's bindings come with QGIS (Debian:
python3-gdal); without them the batch says so instead of failing.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from shapely import wkb
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from .messages import InputError, tr

#: Field kinds of `write_layer` (as the QGIS sinks' field("name", kind)).
FIELD_KINDS = ("int", "double", "string")
#: Geometry types of `write_layer`.
GEOMETRY_TYPES = ("none", "multipolygon", "linestring")
#: Output formats by extension.
DRIVERS = {".gpkg": "GPKG", ".csv": "CSV"}


def _ogr():
    try:
        from osgeo import ogr, osr
    except ImportError:
        raise InputError(
            tr(
                "Vector files are read and written without QGIS through GDAL's Python bindings (osgeo), "
                "which this Python lacks (Debian: apt install python3-gdal)"
            )
        ) from None
    return ogr, osr


def split_source(source: str) -> tuple[str, str | None]:
    """'file.gpkg|layername=roads' → ('file.gpkg', 'roads'); a plain path → (path, None)."""
    path, _, rest = str(source).partition("|")
    layer = None
    for part in rest.split("|"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "layername":
            layer = value.strip()
    return path, layer


@dataclass(frozen=True)
class Features:
    """The features of a layer: per feature its id, the value of the field asked for (None when
    not asked or NULL), its geometry in the target CRS (None: no geometry) and, where there is
    one, why the geometry could not be used. `repaired`: invalid polygons made valid."""

    layer: str
    ids: tuple[int, ...]
    values: tuple[Any, ...]
    geometries: tuple[BaseGeometry | None, ...]
    problems: dict[int, str]
    repaired: int
    has_crs: bool


def read_polygons(source: str, crs_wkt: str | None, field: str = "") -> Features:
    """The (multi)polygons of a vector file (`path` or `path|layername=…`) as shapely geometries
    in the CRS `crs_wkt` (None: as stored): curves straightened, invalid polygons repaired
    (makeValid) and counted, polygonal parts kept. A layer without a CRS is taken to be in the
    target CRS. Raises InputError for a file that cannot be opened and a field it does not have."""
    ogr, osr = _ogr()
    path, name = split_source(source)
    ds = ogr.Open(path) if os.path.exists(path) else None
    if ds is None:
        raise InputError(tr("The vector file {path} cannot be opened"), path=path)
    layer = ds.GetLayerByName(name) if name else ds.GetLayer(0)
    if layer is None:
        raise InputError(tr("The vector file {path} has no layer {layer}"), path=path, layer=name or "0")
    if field and layer.GetLayerDefn().GetFieldIndex(field) < 0:
        raise InputError(tr("The unit layer has no field '{name}'"), name=field)
    source_srs = layer.GetSpatialRef()
    transform = None
    if source_srs is not None and crs_wkt:
        target = osr.SpatialReference()
        target.ImportFromWkt(crs_wkt)
        for srs in (source_srs, target):
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if not source_srs.IsSame(target):
            transform = osr.CoordinateTransformation(source_srs, target)
    ids, values, geometries, problems, repaired = [], [], [], {}, 0
    for feature in layer:
        i = len(geometries)
        ids.append(int(feature.GetFID()))
        values.append(feature.GetField(field) if field and feature.IsFieldSetAndNotNull(field) else None)
        geometry = feature.GetGeometryRef()
        if geometry is None or geometry.IsEmpty():
            problems[i] = tr("no geometry")
            geometries.append(None)
            continue
        geometry = geometry.GetLinearGeometry() if geometry.HasCurveGeometry() else geometry.Clone()
        if transform is not None and geometry.Transform(transform) != 0:
            problems[i] = tr("its coordinates cannot be transformed to the risk surface's CRS")
            geometries.append(None)
            continue
        shape = wkb.loads(bytes(geometry.ExportToIsoWkb()))
        if not shape.is_valid:
            from shapely.validation import make_valid

            shape = make_valid(shape)
            repaired += 1
        if shape.geom_type == "GeometryCollection":
            shape = unary_union([g for g in shape.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
        if shape.is_empty:
            problems[i] = tr("no geometry")
            shape = None
        geometries.append(shape)
    return Features(layer.GetName(), tuple(ids), tuple(values), tuple(geometries), problems, repaired, source_srs is not None)


def write_layer(
    path: str,
    fields: Sequence[tuple[str, str]],
    geometry_type: str,
    crs_wkt: str | None,
    rows: Iterable[tuple[BaseGeometry | None, Sequence[Any]]],
) -> str:
    """Write a layer of `fields` ((name, kind) with kind in FIELD_KINDS) and features
    (geometry, attribute values) to `path` (.gpkg, or .csv for a table), through a temporary
    file moved into place at the end; return `path`. The GeoPackage layer is named after the
    file, as QGIS names it."""
    ogr, osr = _ogr()
    ext = os.path.splitext(path)[1].lower()
    driver_name = DRIVERS.get(ext)
    if driver_name is None or (driver_name == "CSV" and geometry_type != "none"):
        allowed = ".gpkg" if geometry_type != "none" else ".gpkg or .csv"
        raise InputError(tr("The output {path} must be a {allowed} file when run without QGIS"), path=path, allowed=allowed)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{uuid.uuid4().hex[:8]}.part{ext}")
    srs = None
    if crs_wkt and geometry_type != "none":
        srs = osr.SpatialReference()
        srs.ImportFromWkt(crs_wkt)
    kinds = {"int": ogr.OFTInteger64, "double": ogr.OFTReal, "string": ogr.OFTString}
    geometry_kinds = {"none": ogr.wkbNone, "multipolygon": ogr.wkbMultiPolygon, "linestring": ogr.wkbLineString}
    ds = None
    try:
        ds = ogr.GetDriverByName(driver_name).CreateDataSource(tmp)
        if ds is None:
            raise InputError(tr("The output {path} cannot be written; check that its folder exists and that you may write to it"), path=path)
        layer = ds.CreateLayer(os.path.splitext(os.path.basename(path))[0], srs, geometry_kinds[geometry_type])
        for name, kind in fields:
            layer.CreateField(ogr.FieldDefn(name, kinds[kind]))
        definition = layer.GetLayerDefn()
        layer.StartTransaction()
        for geometry, values in rows:
            feature = ogr.Feature(definition)
            for i, value in enumerate(values):
                if value is not None:
                    feature.SetField(i, value)
            if geometry is not None:
                feature.SetGeometry(ogr.CreateGeometryFromWkb(geometry.wkb))
            layer.CreateFeature(feature)
        layer.CommitTransaction()
        ds = None  # closes and flushes the file
        os.replace(tmp, path)
    except BaseException:
        ds = None
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    return path
