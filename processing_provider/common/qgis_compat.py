"""Names that moved between QGIS 3.22 and QGIS 4 (Qt6), resolved once."""

from __future__ import annotations

from typing import Any

from qgis.core import Qgis, QgsField, QgsProcessingParameterField, QgsProcessingParameterNumber, QgsWkbTypes

try:  # Qt5 returns NULL attributes as null QVariants; Qt6 has no QVariant class in Python
    from qgis.PyQt.QtCore import QVariant
except ImportError:  # pragma: no cover - Qt6
    QVariant = None

try:  # QGIS ≥ 3.38 types fields with QMetaType; QVariant types are gone in Qt6.
    from qgis.PyQt.QtCore import QMetaType

    _FIELD_TYPES = {"int": QMetaType.Type.Int, "double": QMetaType.Type.Double, "string": QMetaType.Type.QString}
    QgsField("probe", QMetaType.Type.Int)
except TypeError:
    _FIELD_TYPES = {"int": QVariant.Int, "double": QVariant.Double, "string": QVariant.String}


def field(name: str, kind: str) -> QgsField:
    """A QgsField of kind "int", "double" or "string"."""
    return QgsField(name, _FIELD_TYPES[kind])


def scoped(enum: str, name: str, legacy_owner: Any, legacy_name: str | None = None) -> Any:
    """`Qgis.<enum>.<name>`, the scoped enum of newer QGIS (the only one on QGIS 4 / Qt6), or on
    older QGIS `legacy_owner.<legacy_name or name>`, looked up only then (it is gone on QGIS 4).

    Compared with `is None`, not truth: a scoped value can be an IntEnum equal to 0."""
    value = getattr(getattr(Qgis, enum, None), name, None)
    return value if value is not None else getattr(legacy_owner, legacy_name or name)


WKB_POINT = scoped("WkbType", "Point", QgsWkbTypes)
WKB_LINESTRING = scoped("WkbType", "LineString", QgsWkbTypes)
WKB_MULTILINESTRING = scoped("WkbType", "MultiLineString", QgsWkbTypes)
WKB_MULTIPOLYGON = scoped("WkbType", "MultiPolygon", QgsWkbTypes)
WKB_NOGEOMETRY = scoped("WkbType", "NoGeometry", QgsWkbTypes)
POINT_GEOMETRY = scoped("GeometryType", "Point", QgsWkbTypes, "PointGeometry")
POLYGON_GEOMETRY = scoped("GeometryType", "Polygon", QgsWkbTypes, "PolygonGeometry")
FIELD_NUMERIC = scoped("ProcessingFieldParameterDataType", "Numeric", QgsProcessingParameterField)
NUMBER_DOUBLE = scoped("ProcessingNumberParameterType", "Double", QgsProcessingParameterNumber)
NUMBER_INTEGER = scoped("ProcessingNumberParameterType", "Integer", QgsProcessingParameterNumber)


def plain(value: Any) -> Any:
    """An attribute value as plain Python, None for NULL (a null QVariant on Qt5, None on Qt6)."""
    if value is None:
        return None
    if QVariant is not None and isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value
