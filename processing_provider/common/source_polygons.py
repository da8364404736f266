"""Ecological source polygons on a resistance grid, numbered as tsr:ecologicalcorridors numbers
them: the SOURCE_ID_FIELD values, or the feature order 1, 2, … when no field is given. Shared
by tsr:ecologicalcorridors and tsr:barriers, whose PATHS input carries the former's ids."""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsProcessingException

from ...algorithms.engine.raster_io import Grid
from ...algorithms.raster.masks import label_polygons
from ...i18n import tr
from .qgis_compat import plain


@dataclass
class SourcePolygons:
    """ids[k − 1] is the id of label k; `labels` the int32 label raster on the grid (0 = no
    source); `geometries` {label: polygon in the grid's CRS}."""

    ids: list
    labels: np.ndarray
    geometries: dict


def rasterise_sources(source, id_field: str, crs, grid: Grid, context, feedback) -> SourcePolygons:
    """The polygons of `source` (features without geometry skipped) labelled on `grid`.

    Refused: a NULL or repeated id, a polygon that cannot be transformed to `crs`, fewer than two
    polygons, fewer than two on the grid. A source that covers no cell is reported and left out.
    """
    to_grid = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    ids, shapes, geometries, seen = [], [], {}, set()
    for feature in source.getFeatures():
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        geometry = QgsGeometry(geometry)
        if geometry.transform(to_grid) != 0:
            raise QgsProcessingException(tr("A source polygon cannot be transformed to the CRS of the resistance surface"))
        value = plain(feature[id_field]) if id_field else len(ids) + 1
        if value is None:
            raise QgsProcessingException(tr("A source has no id (NULL in {field})").format(field=id_field))
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if value in seen:
            raise QgsProcessingException(tr("The source id {id} occurs more than once in {field}").format(id=value, field=id_field))
        seen.add(value)
        ids.append(value)
        shapes.append((json.loads(geometry.asJson()), len(ids)))
        geometries[len(ids)] = geometry
    if len(ids) < 2:
        raise QgsProcessingException(tr("At least two source polygons are needed (found {count})").format(count=len(ids)))
    labels = label_polygons(shapes, (grid.height, grid.width), grid.transform)
    for label in sorted(set(range(1, len(ids) + 1)) - set(np.unique(labels).tolist())):
        feedback.reportError(
            tr("Source {id} covers no cell of the resistance surface (outside its extent); it is left out").format(id=ids[label - 1]),
            fatalError=False,
        )
    if len(np.unique(labels[labels > 0])) < 2:
        raise QgsProcessingException(tr("Fewer than two sources fall on the resistance surface; check the extents and coordinate reference systems"))
    return SourcePolygons(ids, labels, geometries)
