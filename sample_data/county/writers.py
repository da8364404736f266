"""Writing GeoTIFF rasters and GeoPackage layers (GDAL/OGR through rasterio and osgeo)."""

import os

import rasterio
from osgeo import ogr, osr
from shapely.geometry import MultiPolygon
from shapely.geometry.polygon import orient

from .geometry import polygons
from .grid import EPSG, NODATA

_OGR_FIELD = {int: ogr.OFTInteger, float: ogr.OFTReal, str: ogr.OFTString}
_OGR_GEOMETRY = {"Point": ogr.wkbPoint, "LineString": ogr.wkbLineString, "MultiPolygon": ogr.wkbMultiPolygon}


def write_geotiff(path, arr, grid, dtype, desc, unit, tags):
    """Single-band GeoTIFF on grid: tiled 256 × 256, DEFLATE (floating-point or horizontal
    predictor), nodata NODATA; the unit is the band's unit type and UNITS tag."""
    profile = dict(
        driver="GTiff",
        height=grid.ny,
        width=grid.nx,
        count=1,
        dtype=dtype,
        crs=rasterio.crs.CRS.from_epsg(EPSG),
        transform=grid.transform,
        nodata=NODATA,
        tiled=True,
        blockxsize=256,
        blockysize=256,
        compress="deflate",
        predictor=3 if dtype == "float32" else 2,
    )
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(arr.astype(dtype), 1)
        dst.set_band_description(1, desc)
        dst.units = (unit,)
        dst.update_tags(1, UNITS=unit, DESCRIPTION=desc)
        dst.update_tags(**tags)


def _ogr_geometry(g, gtype):
    """OGR geometry of shapely g for a layer of type gtype."""
    if gtype == ogr.wkbMultiPolygon:
        # one layer type for single and multi parts, exterior rings counter-clockwise (OGC)
        g = MultiPolygon([orient(p, 1.0) for p in polygons(g)])
    return ogr.CreateGeometryFromWkb(bytes(g.wkb))


def _write_layer(ds, srs, name, geometry, fields, rows):
    """Write one layer (see write_geopackage) in a single transaction."""
    if not rows:
        raise RuntimeError(f"layer {name} would be empty")
    gtype = _OGR_GEOMETRY[geometry]
    lyr = ds.CreateLayer(name, srs, gtype, options=["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"])
    if lyr is None:
        raise RuntimeError(f"cannot create layer {name}")
    for fname, ftype in fields:
        lyr.CreateField(ogr.FieldDefn(fname, _OGR_FIELD[ftype]))
    defn = lyr.GetLayerDefn()
    ds.StartTransaction()
    for geom, attrs in rows:
        if geom.is_empty or not geom.is_valid:
            raise RuntimeError(f"invalid/empty geometry in layer {name}")
        feat = ogr.Feature(defn)
        for fname, ftype in fields:
            feat.SetField(fname, ftype(attrs[fname]))
        feat.SetGeometry(_ogr_geometry(geom, gtype))
        if lyr.CreateFeature(feat) != 0:
            raise RuntimeError(f"cannot write feature to {name}")
    ds.CommitTransaction()


def write_geopackage(path, schemas, layers):
    """GeoPackage at path (replaced) with one layer per entry of schemas, in its order.

    schemas: {name: (geometry type, [(field, python type)])}; layers: {name: [(shapely
    geometry, {field: value})]}. Every layer gets EPSG and must be non-empty and valid.
    """
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    if ds is None:
        raise RuntimeError(f"cannot create {path}")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    for name, (geometry, fields) in schemas.items():
        _write_layer(ds, srs, name, geometry, fields, layers[name])
    ds = None  # GDAL flushes and closes the file when the dataset is released
