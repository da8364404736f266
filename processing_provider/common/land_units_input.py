"""The planning units of tsr:landallocation read on the QGIS side: the polygons of UNITS (fields
into plain arrays, geometries into shapely, also in the reference raster's CRS) or the grid over
the reference raster, then the core (algorithms/optimize/land_units.py) completes their values;
locked zones lock the units whose point on surface lies inside. Geometries, attributes and CRS
stay here for the output layer."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsProcessingException,
    QgsRasterLayer,
    QgsRectangle,
)
from shapely.geometry import Point
from shapely.ops import unary_union
from shapely.prepared import prep

from ...algorithms.optimize import land_units
from ...algorithms.optimize.land_units import FieldValues, UnitInputs, Units
from ...i18n import tr
from .base import TsrAlgorithm, require_projected_crs
from .qgis_compat import plain
from .shapes import polygon_shapes, straight, to_shapely


@dataclass
class PlanningUnits:
    """The units' values (`units`) and what the output layer needs besides: geometries in `crs`,
    the attributes of the input features (empty for grid cells)."""

    units: Units
    geometries: list[QgsGeometry]
    attributes: list[list]
    crs: QgsCoordinateReferenceSystem


def unit_field(source, name: str, numeric: bool, label: str) -> str:
    """The field `name` of the planning units as the layer spells it; refused when missing (the
    fields listed) or, if `numeric`, not a number. `label` names the parameter."""
    fields = source.fields()
    index = fields.lookupField(name)
    if index < 0:
        raise QgsProcessingException(
            tr("{label}: the planning units have no field '{field}'; their fields are {available}").format(
                label=label, field=name, available=", ".join(fields.names())
            )
        )
    if numeric and not fields.at(index).isNumeric():
        raise QgsProcessingException(
            tr("{label}: the field '{field}' is of type {type}, not a number").format(label=label, field=name, type=fields.at(index).typeName())
        )
    return fields.at(index).name()


def read_units(source, inputs: UnitInputs, reference: QgsRasterLayer | None, cell_size, locked_zones, context, feedback) -> PlanningUnits:
    """The planning units, checked (land_units.check_count, check_values) and summarised in the
    log: the polygons of `source`, or without it a grid of `cell_size` m over `reference`; then
    the locked zones lock theirs. Progress up to 25 %; core errors are the caller's to translate."""

    def log(message) -> None:
        feedback.pushInfo(message.translated(tr))

    if source is None:
        planning = grid_units(inputs, reference, cell_size, feedback, log, TsrAlgorithm.progress_range(feedback, 0, 25))
    else:
        planning = polygon_units(source, inputs, reference, context, feedback, log, TsrAlgorithm.progress_range(feedback, 10, 25))
    if locked_zones:
        lock_zones(planning, locked_zones, context, feedback)
    slow = land_units.check_count(len(planning.units.area))
    if slow is not None:
        feedback.pushWarning(slow.translated(tr))
    land_units.check_values(planning.units, inputs.uses)
    log(land_units.summary(planning.units))
    return planning


def read_fields(source, inputs: UnitInputs, feedback) -> tuple[FieldValues, list[QgsGeometry], list[list]]:
    """The fields of the features of `source` as plain arrays (progress 0–10 %), their geometries
    (curves straightened, invalid ones repaired) and attributes. NULL suitability or risk → NaN; a
    NULL population or units without geometry are refused, named."""
    k = len(inputs.uses)
    names, geometries, attributes, areas = [], [], [], []
    current_text, locked, population, suitability, risk = [], [], [], [], []
    total = max(source.featureCount(), 1)
    no_geometry = []
    for i, feature in enumerate(source.getFeatures()):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled: no output was written"))
        name = f"#{feature.id()}"
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            no_geometry.append(name)
            continue
        geometry = straight(geometry)
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
        names.append(name)
        geometries.append(geometry)
        attributes.append(feature.attributes())
        areas.append(geometry.area() / 10_000.0)
        current_text.append(land_units.field_text(plain(feature[inputs.current_field]) if inputs.current_field else None))
        locked.append(land_units.truthy(plain(feature[inputs.locked_field]), name) if inputs.locked_field else False)
        row = [math.nan] * k
        for u, f in inputs.suit_fields.items():
            v = plain(feature[f])
            row[u] = math.nan if v is None else float(v)
        suitability.append(row)
        if inputs.risk_field:
            v = plain(feature[inputs.risk_field])
            risk.append(math.nan if v is None else float(v))
        if inputs.population_field:
            v = plain(feature[inputs.population_field])
            if v is None or (isinstance(v, float) and math.isnan(v)):
                raise QgsProcessingException(tr("POPULATION_FIELD: the population of unit {unit} is missing (NULL)").format(unit=name))
            population.append(float(v))
        feedback.setProgress(10 * (i + 1) / total)
    if no_geometry:
        # A unit without a shape has no area, no neighbours and no raster values: it cannot be
        # allocated, and leaving it out would silently change the plan's totals.
        raise QgsProcessingException(
            tr("{count} of the {total} planning units have no geometry (NULL or empty), e.g. {units}; give them a geometry or remove them").format(
                count=len(no_geometry),
                total=len(no_geometry) + len(names),
                units=", ".join(no_geometry[:5]) + (" …" if len(no_geometry) > 5 else ""),
            )
        )
    values = FieldValues(
        names,
        np.array(areas),
        current_text,
        np.array(locked, dtype=bool),
        np.array(suitability, dtype=float).reshape(-1, k),
        np.array(risk, dtype=float) if inputs.risk_field else None,
        np.array(population, dtype=float) if inputs.population_field else None,
    )
    return values, geometries, attributes


def polygon_units(source, inputs: UnitInputs, reference: QgsRasterLayer | None, context, feedback, log, progress) -> PlanningUnits:
    """Polygon units: fields read here, geometries transformed to the reference raster's CRS,
    raster values and adjacency from the core (progress: 10–25 % of the bar)."""
    crs = source.sourceCrs()
    require_projected_crs(crs, tr("The planning units"))
    if source.featureCount() == 0:
        raise QgsProcessingException(tr("The planning units layer has no features"))
    values, geometries, attributes = read_fields(source, inputs, feedback)
    shapes = [to_shapely(g) for g in geometries]
    in_raster = None
    if reference is not None:
        transform = QgsCoordinateTransform(crs, reference.crs(), context.transformContext())
        in_raster = []
        for g, unit in zip(geometries, values.names):
            t = QgsGeometry(g)
            try:
                t.transform(transform)
            except QgsCsException:
                raise QgsProcessingException(
                    tr("The planning unit {unit} cannot be transformed from {source} to the CRS of the raster '{name}' ({target})").format(
                        unit=unit, source=crs.authid() or "?", name=reference.name(), target=reference.crs().authid() or "?"
                    )
                ) from None
            in_raster.append(to_shapely(t))
    units = land_units.polygon_units(values, shapes, in_raster, inputs, log=log, progress=progress, cancelled=feedback.isCanceled)
    return PlanningUnits(units, geometries, attributes, crs)


def grid_units(inputs: UnitInputs, reference: QgsRasterLayer, cell_size: float, feedback, log, progress) -> PlanningUnits:
    """Grid units of `cell_size` m over the reference raster (its CRS must be projected), each a
    rectangle named by its row and column."""
    crs = reference.crs()
    require_projected_crs(crs, tr("The reference raster '{name}'").format(name=reference.name()))
    units, blocks = land_units.grid_units(
        inputs,
        cell_size,
        lambda row, col: tr("row {row}, column {col}").format(row=row, col=col),
        log=log,
        progress=progress,
        cancelled=feedback.isCanceled,
    )
    geometries = [QgsGeometry.fromRect(QgsRectangle(*blocks.bounds(row * blocks.cols + col))) for row, col in units.grid_cells]
    return PlanningUnits(units, geometries, [[] for _ in geometries], crs)


def lock_zones(planning: PlanningUnits, layers, context, feedback) -> None:
    """Lock the units whose point on surface (a grid cell's centre) lies in a locked zone."""
    shapes, empty = polygon_shapes(layers, planning.crs, context, feedback)
    for name, count in empty.items():
        feedback.pushWarning(
            tr("{count} feature(s) of the locked zones '{layer}' have no geometry: they lock nothing").format(count=count, layer=name)
        )
    if not shapes:
        return
    zones = prep(unary_union(shapes))
    locked = planning.units.locked
    before = int(locked.sum())
    for i, geometry in enumerate(planning.geometries):
        point = geometry.pointOnSurface().asPoint()
        if not locked[i] and zones.contains(Point(point.x(), point.y())):
            locked[i] = True
    feedback.pushInfo(tr("Locked zones lock {count} more units").format(count=int(locked.sum()) - before))
