"""Names that moved between QGIS 3.22 and QGIS 4 (Qt6), resolved once."""

from __future__ import annotations

from qgis.core import Qgis, QgsField, QgsProcessingParameterField, QgsProcessingParameterNumber, QgsWkbTypes

try:  # QGIS ≥ 3.38 types fields with QMetaType; QVariant types are gone in Qt6.
    from qgis.PyQt.QtCore import QMetaType

    _FIELD_TYPES = {"int": QMetaType.Type.Int, "double": QMetaType.Type.Double, "string": QMetaType.Type.QString}
    QgsField("probe", QMetaType.Type.Int)
except TypeError:
    from qgis.PyQt.QtCore import QVariant

    _FIELD_TYPES = {"int": QVariant.Int, "double": QVariant.Double, "string": QVariant.String}


def field(name: str, kind: str) -> QgsField:
    """A QgsField of kind "int", "double" or "string"."""
    return QgsField(name, _FIELD_TYPES[kind])


def _wkb(name: str):
    scoped = getattr(Qgis, "WkbType", None)
    return getattr(scoped, name) if scoped is not None and hasattr(scoped, name) else getattr(QgsWkbTypes, name)


WKB_MULTIPOLYGON = _wkb("MultiPolygon")
WKB_LINESTRING = _wkb("LineString")
WKB_NOGEOMETRY = _wkb("NoGeometry")


def _scoped(enum: str, name: str, fallback):
    scoped = getattr(Qgis, enum, None)
    return getattr(scoped, name) if scoped is not None and hasattr(scoped, name) else fallback


POINT_GEOMETRY = _scoped("GeometryType", "Point", QgsWkbTypes.PointGeometry)
WKB_POINT = _wkb("Point")
WKB_MULTILINESTRING = _wkb("MultiLineString")
FIELD_NUMERIC = _scoped("ProcessingFieldParameterDataType", "Numeric", QgsProcessingParameterField.Numeric)
NUMBER_DOUBLE = _scoped("ProcessingNumberParameterType", "Double", QgsProcessingParameterNumber.Double)
NUMBER_INTEGER = _scoped("ProcessingNumberParameterType", "Integer", QgsProcessingParameterNumber.Integer)
