"""Geometries between shapely (the core) and QGIS."""

from __future__ import annotations

from qgis.core import QgsGeometry


def to_qgs(geometry) -> QgsGeometry:
    """A QgsGeometry from a shapely geometry."""
    result = QgsGeometry()
    result.fromWkb(geometry.wkb)
    return result
