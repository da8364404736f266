"""What the community-network algorithms share: the network parameters, reading points,
roads and polygons into the core's arrays in one projected CRS, and joining points to roads."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterDefinition,

)
from shapely import wkb
from shapely.ops import unary_union

from ..algorithms.network import RoadNetwork, Snapped, attach_points, build_network, snap_points
from ..algorithms.routing import DISTANCE, Endpoints, metres_per_unit
from ..i18n import tr
from .base import require_projected_crs
from .qgis_compat import FIELD_NUMERIC, NUMBER_DOUBLE, POINT_GEOMETRY

FORWARD_VALUES = {"1", "yes", "true", "t", "y", "ft", "forward", "oneway", "是"}
BACKWARD_VALUES = {"-1", "tf", "backward", "reverse"}

NETWORK = "NETWORK"
SPEED = "SPEED"
SPEED_FIELD = "SPEED_FIELD"
ONEWAY_FIELD = "ONEWAY_FIELD"
COST = "COST"
MAX_SNAP = "MAX_SNAP"
TOLERANCE = "TOLERANCE"
SPLIT = "SPLIT"


DEMAND = "DEMAND"
POPULATION_FIELD = "POPULATION_FIELD"
DEMAND_ID_FIELD = "DEMAND_ID_FIELD"


def add_demand_parameters(alg, label: str, with_id: bool) -> None:
    """DEMAND (points or polygons), POPULATION_FIELD and, if asked, DEMAND_ID_FIELD."""
    any_geometry = [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]
    alg.addParameter(QgsProcessingParameterFeatureSource(DEMAND, label, any_geometry))
    alg.addParameter(QgsProcessingParameterField(POPULATION_FIELD, tr("Population field (persons)"), parentLayerParameterName=DEMAND, type=FIELD_NUMERIC))
    if with_id:
        alg.addParameter(QgsProcessingParameterField(DEMAND_ID_FIELD, tr("Demand id field"), parentLayerParameterName=DEMAND, optional=True))


def sources(alg, parameters, context, *names: str) -> list[QgsFeatureSource]:
    """The feature sources of the named parameters; a missing one is an error."""
    found = []
    for name in names:
        source = alg.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(alg.invalidSourceError(parameters, name))
        found.append(source)
    return found


def numeric_values(features, name: str, what: str) -> tuple[np.ndarray, int]:
    """Values of a numeric field (NULL → 0) and how many were NULL; negatives are an error."""
    values, nulls = [], 0
    for feature in features:
        value = feature[name]
        if value is None or value == "" or (hasattr(value, "isNull") and value.isNull()):
            nulls += 1
            values.append(0.0)
        else:
            values.append(float(value))
    array = np.asarray(values, dtype=float)
    if np.any(array < 0):
        raise QgsProcessingException(tr("{what}: {count} features have a negative value in '{field}'").format(what=what, count=int(np.sum(array < 0)), field=name))
    return array, nulls


def feature_ids(features, name: str, what: str, prefix: str = "") -> list[str]:
    """The values of the id field `name` as text (feature ids when empty); they must be unique."""
    ids = [str(f[name]) if name else f"{prefix}{f.id()}" for f in features]
    if len(set(ids)) < len(ids):
        repeated = sorted({i for i in ids if ids.count(i) > 1})[:5]
        raise QgsProcessingException(tr("{what} ids must be unique; repeated: {ids}").format(what=what, ids=", ".join(repeated)))
    return ids


@dataclass
class Demand:
    """Demand points with their population (persons) and ids."""

    points: "Points"
    population: np.ndarray
    ids: list[str]


def read_demand(alg, parameters, context, source: QgsFeatureSource, crs, feedback, what: str) -> Demand:
    """DEMAND as points in `crs`, POPULATION_FIELD (NULL counts 0, reported) and DEMAND_ID_FIELD."""
    points = read_points(source, crs, context, what)
    population, nulls = numeric_values(points.features, alg.parameterAsString(parameters, POPULATION_FIELD, context), what)
    if nulls:
        feedback.reportError(tr("{n} demand features have no population and count as 0 persons").format(n=nulls), fatalError=False)
    id_field = alg.parameterAsString(parameters, DEMAND_ID_FIELD, context) if parameters.get(DEMAND_ID_FIELD) else ""
    return Demand(points, population, feature_ids(points.features, id_field, tr("Demand")))


def cost_options() -> list[str]:
    return [tr("Distance (m)"), tr("Time (minutes)")]


def add_network_parameters(alg, optional_network: bool, with_cost: bool = True) -> None:
    """NETWORK, SPEED, SPEED_FIELD, COST, MAX_SNAP and the advanced ONEWAY_FIELD,
    TOLERANCE and SPLIT."""
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            NETWORK,
            tr("Road network") + (tr(" (empty = straight-line distance)") if optional_network else ""),
            [QgsProcessing.SourceType.TypeVectorLine],
            optional=optional_network,
        )
    )
    alg.addParameter(QgsProcessingParameterNumber(SPEED, tr("Speed (km/h; walking ≈ 5)"), NUMBER_DOUBLE, 5.0, minValue=0.1))
    alg.addParameter(QgsProcessingParameterField(SPEED_FIELD, tr("Road speed field (km/h)"), parentLayerParameterName=NETWORK, type=FIELD_NUMERIC, optional=True))
    if with_cost:
        alg.addParameter(QgsProcessingParameterEnum(COST, tr("Cost"), cost_options(), defaultValue=0))
    alg.addParameter(QgsProcessingParameterDistance(MAX_SNAP, tr("Maximum distance from a point to the road"), 500.0, minValue=0.0))
    advanced = [
        QgsProcessingParameterField(ONEWAY_FIELD, tr("One-way field (1/yes = digitised direction, -1 = against)"), parentLayerParameterName=NETWORK, optional=True),
        QgsProcessingParameterDistance(TOLERANCE, tr("Node snapping tolerance"), 0.0, minValue=0.0),
        QgsProcessingParameterBoolean(SPLIT, tr("Join roads where they cross without a shared vertex"), False),
    ]
    for parameter in advanced:
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        alg.addParameter(parameter)


def _shapely(geometry: QgsGeometry):
    if not geometry.isGeosValid():
        geometry = geometry.makeValid()
    return wkb.loads(bytes(geometry.asWkb()))


@dataclass
class Points:
    """Point features in the working CRS: coordinates and the features they come from."""

    xy: np.ndarray
    features: list[QgsFeature]


def read_points(source: QgsFeatureSource, crs: QgsCoordinateReferenceSystem, context, what: str) -> Points:
    """Points (polygons by a point on their surface) in `crs`; features without geometry are
    left out, and an empty layer is an error."""
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    xy, features = [], []
    for feature in source.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            continue
        if geometry.type() != POINT_GEOMETRY:
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            geometry = geometry.pointOnSurface()
        elif geometry.isMultipart():
            geometry = geometry.centroid()
        geometry.transform(transform)
        point = geometry.asPoint()
        xy.append((point.x(), point.y()))
        features.append(feature)
    if not features:
        raise QgsProcessingException(tr("{what} has no feature with a geometry").format(what=what))
    return Points(np.asarray(xy, dtype=float), features)


def read_polygons(source: QgsFeatureSource | None, crs: QgsCoordinateReferenceSystem, context) -> list:
    """The polygons of `source` in `crs`, repaired, dissolved and split into separate parts
    (touching polygons become one zone)."""
    if source is None:
        return []
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    shapes = []
    for feature in source.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            continue
        geometry.transform(transform)
        shapes.append(_shapely(geometry))
    if not shapes:
        return []
    merged = unary_union(shapes)
    return [g for g in getattr(merged, "geoms", [merged]) if g.geom_type == "Polygon" and g.area > 0]


def _direction(value) -> int:
    text = str(value).strip().lower() if value is not None else ""
    return 1 if text in FORWARD_VALUES else -1 if text in BACKWARD_VALUES else 0


def read_network(alg, parameters, context, crs, feedback) -> RoadNetwork | None:
    """The road network of NETWORK in `crs`, or None when the parameter is empty."""
    source = alg.parameterAsSource(parameters, NETWORK, context)
    if source is None:
        return None
    speed_field = alg.parameterAsString(parameters, SPEED_FIELD, context)
    oneway_field = alg.parameterAsString(parameters, ONEWAY_FIELD, context)
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    lines, speeds, directions = [], [], []
    for feature in source.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            continue
        geometry.transform(transform)
        speed = feature[speed_field] if speed_field else None
        speed = float(speed) if speed not in (None, "") and _is_number(speed) and float(speed) > 0 else np.nan
        direction = _direction(feature[oneway_field]) if oneway_field else 0
        parts = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
        for part in parts:
            lines.append(np.array([(p.x(), p.y()) for p in part], dtype=float))
            speeds.append(speed)
            directions.append(direction)
    if not lines:
        raise QgsProcessingException(tr("The road network has no line with a geometry"))
    tolerance = alg.parameterAsDouble(parameters, TOLERANCE, context)
    split = alg.parameterAsBoolean(parameters, SPLIT, context)
    with alg.core_errors():
        net = build_network(lines, speeds, directions, tolerance=tolerance, split_crossings=split)
    feedback.pushInfo(tr("Road network: {nodes} nodes, {segments} segments, {km} km").format(nodes=net.n_nodes, segments=net.n_segments, km=round(float(net.length.sum()) / 1000.0, 2)))
    return net


def _is_number(value) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def working_crs(source: QgsFeatureSource, what: str) -> QgsCoordinateReferenceSystem:
    """The CRS every distance is measured in: the demand layer's, which must be projected in metres."""
    crs = source.sourceCrs()
    require_projected_crs(crs, what)
    return crs


@dataclass
class Joined:
    """Point sets joined to the network in one pass (segment ids change when splitting)."""

    net: RoadNetwork
    endpoints: list[Endpoints]
    snapped: list[Snapped]


def join_points(net: RoadNetwork, point_sets: list[np.ndarray], max_snap: float, unit: int, speed: float) -> Joined:
    """Snap every point set to the network and split the roads there; the access legs are
    walked at `speed` when costs are times."""
    counts = [len(p) for p in point_sets]
    snapped = snap_points(net, np.concatenate(point_sets), max_snap)
    net, nodes = attach_points(net, snapped)
    per_unit = metres_per_unit(unit, speed)
    bounds = np.cumsum([0] + counts)
    endpoints, parts = [], []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        part = Snapped(snapped.segment[lo:hi], snapped.t[lo:hi], snapped.distance[lo:hi])
        parts.append(part)
        endpoints.append(Endpoints(nodes[lo:hi], np.where(part.reached, part.distance / per_unit, np.inf)))
    return Joined(net, endpoints, parts)


def unit_name(unit: int) -> str:
    return "m" if unit == DISTANCE else "min"
