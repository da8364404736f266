"""Geometries between shapely (the core) and QGIS."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsGeometry, QgsProcessingException
from shapely import wkb
from shapely.ops import unary_union

from ...algorithms.common.progress import Cancelled
from ...i18n import tr


def to_qgs(geometry) -> QgsGeometry:
    """A QgsGeometry from a shapely geometry."""
    result = QgsGeometry()
    result.fromWkb(geometry.wkb)
    return result


def to_shapely(geometry: QgsGeometry):
    """A (valid) QgsGeometry as a shapely geometry, only its polygonal parts (makeValid may leave
    lines or points beside the polygons)."""
    shape = wkb.loads(bytes(geometry.asWkb()))
    if shape.geom_type == "GeometryCollection":
        shape = unary_union([g for g in shape.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    return shape


def straight(geometry: QgsGeometry) -> QgsGeometry:
    """A copy of `geometry` without curves (arcs segmentised; curve types become their linear
    twins), which GEOS and shapely can read. Not convertToStraightSegment: it leaves a
    MultiSurface a MultiSurface, whose WKB shapely refuses."""
    return QgsGeometry(geometry.constGet().segmentize())


def _polygon(geometry: QgsGeometry, transform: QgsCoordinateTransform, name: str, source, crs: QgsCoordinateReferenceSystem):
    """One feature's polygon in `crs` as shapely: curves straightened, repaired, polygonal parts kept."""
    geometry = straight(geometry)
    if not geometry.isGeosValid():
        geometry = geometry.makeValid()
    try:
        geometry.transform(transform)
    except QgsCsException:
        raise QgsProcessingException(
            tr("A feature of '{layer}' cannot be transformed from {source} to {target}; check the layer's CRS").format(
                layer=name, source=source.authid() or "?", target=crs.authid() or "?"
            )
        ) from None
    return to_shapely(geometry)


def polygon_shapes(layers, crs: QgsCoordinateReferenceSystem, context, feedback) -> tuple[list, dict[str, int]]:
    """The polygons of `layers` (exclusion or locked zones) as shapely geometries in `crs`:
    curves straightened, invalid polygons repaired, polygonal parts kept. Also, per layer name,
    how many features had no geometry (the caller says what they therefore do not do)."""
    shapes, empty = [], {}
    for layer in layers:
        transform = QgsCoordinateTransform(layer.crs(), crs, context.transformContext())
        missing = 0
        for feature in layer.getFeatures():
            if feedback.isCanceled():
                raise Cancelled()
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                missing += 1
                continue
            shapes.append(_polygon(geometry, transform, layer.name(), layer.crs(), crs))
        if missing:
            empty[layer.name()] = missing
    return shapes, empty


def feature_polygons(source, name: str, crs: QgsCoordinateReferenceSystem, context, feedback) -> tuple[list, list]:
    """Every feature of a feature source (`name` for messages) and its polygon in `crs` as shapely
    (as polygon_shapes makes them), in the source's order; None for a feature without geometry."""
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    features, shapes = [], []
    for feature in source.getFeatures():
        if feedback.isCanceled():
            raise Cancelled()
        geometry = feature.geometry()
        features.append(feature)
        empty = geometry.isNull() or geometry.isEmpty()
        shapes.append(None if empty else _polygon(geometry, transform, name, source.sourceCrs(), crs))
    return features, shapes
