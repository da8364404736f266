"""Curved geometries (CircularString, CompoundCurve, CurvePolygon, MultiSurface) reach shapely
straightened: GEOS reads no curves, and convertToStraightSegment keeps a MultiSurface a
MultiSurface. Areas against the closed form of the arc's segmentisation bounds."""

from __future__ import annotations

import math

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

from territorial_resilience.processing_provider.common.network_input import read_polygons
from territorial_resilience.processing_provider.common.shapes import feature_polygons, straight

DISC = "CURVEPOLYGON(CIRCULARSTRING(-100 0, 100 0, -100 0))"  # radius 100
SQUARE = "MULTISURFACE(CURVEPOLYGON(COMPOUNDCURVE((300 0, 400 0, 400 100, 300 100, 300 0))))"
HALF = "MULTISURFACE(CURVEPOLYGON(COMPOUNDCURVE(CIRCULARSTRING(600 -100, 700 0, 600 100), (600 100, 600 -100))))"


def curved_layer(wkts):
    layer = QgsVectorLayer("MultiSurface?crs=EPSG:4547", "curved", "memory")
    rows = []
    for wkt in wkts:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        rows.append(feature)
    assert layer.dataProvider().addFeatures(rows)[0]
    return layer


@pytest.mark.parametrize(
    "wkt, area, kind", [(DISC, math.pi * 100**2, "Polygon"), (SQUARE, 10_000.0, "MultiPolygon"), (HALF, math.pi * 100**2 / 2, "MultiPolygon")]
)
def test_straight_gives_linear_twins(qgis_app, wkt, area, kind):
    from qgis.core import QgsWkbTypes

    geometry = straight(QgsGeometry.fromWkt(wkt))
    assert QgsWkbTypes.displayString(geometry.wkbType()) == kind
    # an inscribed segmentisation: a little less than the curve's area, never more
    assert area * 0.995 <= geometry.area() <= area + 1e-6


def test_polygon_readers_take_curved_layers(qgis_app):
    layer = curved_layer([DISC, SQUARE, HALF])
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    crs = QgsCoordinateReferenceSystem("EPSG:4547")
    features, shapes = feature_polygons(layer, "curved", crs, context, feedback)
    assert len(features) == 3
    for shape, area in zip(shapes, (math.pi * 100**2, 10_000.0, math.pi * 100**2 / 2)):
        assert area * 0.995 <= shape.area <= area + 1e-6
    zones = read_polygons(layer, crs, context)  # dissolved: the disc, the square, the half disc apart
    assert len(zones) == 3
    assert sum(z.area for z in zones) == pytest.approx(sum(s.area for s in shapes))
