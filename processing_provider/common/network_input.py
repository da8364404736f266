"""What the community-network algorithms share: the network parameters, reading points,
roads and polygons into the core's arrays in one projected CRS, and joining points to roads.

The block an algorithm declares and reads in two calls (a stable API):
`add_network_inputs` (DEMAND … SPLIT, in a fixed order, with help) and `read_network_inputs`
(→ `NetworkInputs`: demand, sites with ids and capacity, the network with both point sets
joined); `connect_points` joins other point sets; `SiteLayer` names the site parameters.

Hostile input, as documented to the user (every case is reported, none is silently dropped):

- Features without geometry are counted and reported. Demand features without geometry keep
  their population (`Demand.unlocated_population`): the algorithms count those people as not
  covered / not served. Facilities, candidates and shelters without geometry cannot serve
  anybody and are left out, with a warning.
- Numeric fields (population, capacity, area): NULL, empty and NaN count as 0 and are
  reported; a number written as text is read; other text, a negative or an infinite value
  refuses the run, naming the first features.
- Road speeds (SPEED_FIELD), used only when the cost is time: NULL, empty and NaN take the
  SPEED parameter (reported); a speed ≤ 0, an infinite one or text that is not a number
  refuses the run, naming the first roads. With a distance cost the field is not used (said).
- Coordinates that cannot be transformed into the demand layer's CRS refuse the run, naming
  the layer and the feature.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from shapely import wkb
from shapely.ops import unary_union

from ...algorithms.common.messages import InputError
from ...algorithms.network.graph import RoadNetwork, Snapped, attach_points, build_network, snap_points
from ...algorithms.network.routing import DISTANCE, TIME, Endpoints, metres_per_unit
from ...algorithms.network.zones import split_at_boundaries
from ...i18n import tr
from .base import require_projected_crs
from .qgis_compat import FIELD_NUMERIC, NUMBER_DOUBLE, POINT_GEOMETRY
from .shapes import straight

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


def helped(parameter: QgsProcessingParameterDefinition, text: str) -> QgsProcessingParameterDefinition:
    """The parameter with its help text (shown under the label in the dialog)."""
    parameter.setHelp(text)
    return parameter


def demand_parameters(label: str, with_id: bool) -> list[QgsProcessingParameterDefinition]:
    """DEMAND (points or polygons), POPULATION_FIELD and, if asked, DEMAND_ID_FIELD."""
    any_geometry = [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]
    found = [
        helped(
            QgsProcessingParameterFeatureSource(DEMAND, label, any_geometry),
            tr("Where people live; polygons count at a point on their surface. Its CRS, projected in metres, is the one of every distance."),
        ),
        helped(
            QgsProcessingParameterField(POPULATION_FIELD, tr("Population field (persons)"), parentLayerParameterName=DEMAND, type=FIELD_NUMERIC),
            tr("Persons per demand feature; NULL counts 0 (reported); a negative value or text that is not a number is refused."),
        ),
    ]
    if with_id:
        found.append(
            helped(
                QgsProcessingParameterField(DEMAND_ID_FIELD, tr("Demand id field"), parentLayerParameterName=DEMAND, optional=True),
                tr("Names the demand features in the outputs (unique values); empty = feature ids."),
            )
        )
    return found


def add_demand_parameters(alg, label: str, with_id: bool) -> None:
    """DEMAND (points or polygons), POPULATION_FIELD and, if asked, DEMAND_ID_FIELD."""
    for parameter in demand_parameters(label, with_id):
        alg.addParameter(parameter)


def sources(alg, parameters, context, *names: str) -> list[QgsFeatureSource]:
    """The feature sources of the named parameters; a missing one is an error."""
    found = []
    for name in names:
        source = alg.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(alg.invalidSourceError(parameters, name))
        found.append(source)
    return found


#: How many feature ids a message lists.
LISTED = 5


def _listed(ids) -> str:
    ids = [str(i) for i in ids]
    return ", ".join(ids[:LISTED]) + (" …" if len(ids) > LISTED else "")


def _is_null(value) -> bool:
    if value is None:
        return True
    if hasattr(value, "isNull") and value.isNull():
        return True
    return isinstance(value, str) and not value.strip()


def _number(value) -> float | None:
    """The value as a float (a number written as text is read), None when it is not one."""
    if isinstance(value, bool):
        return float(value)
    try:
        return float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        return None


def numeric_values(features, name: str, what: str) -> tuple[np.ndarray, int]:
    """Values of a numeric field and how many were missing: NULL, empty and NaN count 0 (the
    caller reports them); a number written as text is read. Text that is not a number, a
    negative or an infinite value raise QgsProcessingException naming the first features."""
    values, missing = numeric_field(features, name, what)
    return values, int(missing.sum())


def numeric_field(features, name: str, what: str) -> tuple[np.ndarray, np.ndarray]:
    """Like `numeric_values`, with which features were missing (NULL, empty or NaN) as a mask."""
    values, missing = [], []
    text, negative, infinite = [], [], []
    for feature in features:
        value = feature[name]
        missing.append(False)
        if _is_null(value):
            missing[-1] = True
            values.append(0.0)
            continue
        number = _number(value)
        if number is None:
            text.append(f"{feature.id()} ('{value}')")
            values.append(0.0)
        elif np.isnan(number):
            missing[-1] = True
            values.append(0.0)
        else:
            if np.isinf(number):
                infinite.append(feature.id())
            elif number < 0:
                negative.append(feature.id())
            values.append(number)
    if text:
        raise QgsProcessingException(
            tr("{what}: {count} features have a value in '{field}' that is not a number (features {ids})").format(
                what=what, count=len(text), field=name, ids=_listed(text)
            )
        )
    if negative:
        raise QgsProcessingException(
            tr("{what}: {count} features have a negative value in '{field}' (features {ids})").format(
                what=what, count=len(negative), field=name, ids=_listed(negative)
            )
        )
    if infinite:
        raise QgsProcessingException(
            tr("{what}: {count} features have an infinite value in '{field}' (features {ids})").format(
                what=what, count=len(infinite), field=name, ids=_listed(infinite)
            )
        )
    return np.asarray(values, dtype=float), np.asarray(missing, dtype=bool)


def feature_ids(features, name: str, what: str, prefix: str = "") -> list[str]:
    """The values of the id field `name` as text (feature ids when empty); they must be given
    and unique."""
    if name:
        missing = [f.id() for f in features if _is_null(f[name])]
        if missing:
            raise QgsProcessingException(
                tr("{what} ids must be given: {count} features have no value in '{field}' (features {ids})").format(
                    what=what, count=len(missing), field=name, ids=_listed(missing)
                )
            )
    ids = [str(f[name]) if name else f"{prefix}{f.id()}" for f in features]
    if len(set(ids)) < len(ids):
        repeated = sorted({i for i in ids if ids.count(i) > 1})[:5]
        raise QgsProcessingException(tr("{what} ids must be unique; repeated: {ids}").format(what=what, ids=", ".join(repeated)))
    return ids


@dataclass
class Demand:
    """Demand points with their population (persons) and ids; the features without geometry
    (`unlocated`, with their population and ids) cannot be routed and count as not covered."""

    points: "Points"
    population: np.ndarray
    ids: list[str]
    unlocated: list = field(default_factory=list)
    unlocated_population: np.ndarray = field(default_factory=lambda: np.zeros(0))
    unlocated_ids: list = field(default_factory=list)

    @property
    def total_population(self) -> float:
        """Everybody, located or not: the denominator of every percentage."""
        return float(self.population.sum() + self.unlocated_population.sum())


def read_demand(alg, parameters, context, source: QgsFeatureSource, crs, feedback, what: str) -> Demand:
    """DEMAND as points in `crs`, POPULATION_FIELD (NULL and NaN count 0, reported; text,
    negative or infinite values refused) and DEMAND_ID_FIELD. Features without geometry are
    kept aside with their population and reported."""
    points = read_points(source, crs, context, what, feedback, report=False)
    name = alg.parameterAsString(parameters, POPULATION_FIELD, context)
    population, nulls = numeric_values(points.features + points.skipped, name, what)
    located, unlocated = population[: len(points.features)], population[len(points.features) :]
    if nulls:
        feedback.reportError(tr("{n} demand features have no population and count as 0 persons").format(n=nulls), fatalError=False)
    id_field = alg.parameterAsString(parameters, DEMAND_ID_FIELD, context) if parameters.get(DEMAND_ID_FIELD) else ""
    ids = feature_ids(points.features + points.skipped, id_field, tr("Demand"))
    if points.skipped:
        feedback.reportError(
            tr("{n} demand features have no geometry; their {people:g} persons are counted as not covered").format(
                n=len(points.skipped), people=float(unlocated.sum())
            ),
            fatalError=False,
        )
    if located.sum() + unlocated.sum() <= 0:
        feedback.reportError(tr("Every demand feature has a population of 0: there is nobody to cover"), fatalError=False)
    n = len(points.features)
    return Demand(points, located, ids[:n], list(points.skipped), unlocated, ids[n:])


def cost_options() -> list[str]:
    return [tr("Distance (m)"), tr("Time (minutes)")]


def network_parameters(optional_network: bool, with_cost: bool = True) -> list[QgsProcessingParameterDefinition]:
    """NETWORK, SPEED, SPEED_FIELD, COST, MAX_SNAP and the advanced ONEWAY_FIELD, TOLERANCE and SPLIT."""
    network_help = tr("Road lines, reprojected to the demand layer's CRS.")
    if optional_network:
        network_help += " " + tr("Leave empty to measure straight-line distances.")
    found = [
        helped(
            QgsProcessingParameterFeatureSource(NETWORK, tr("Road network"), [QgsProcessing.SourceType.TypeVectorLine], optional=optional_network),
            network_help,
        ),
        helped(
            QgsProcessingParameterNumber(SPEED, tr("Speed (km/h)"), NUMBER_DOUBLE, 5.0, minValue=0.1),
            tr(
                "Travel speed for time costs: on the access legs between the points and the roads, and on every road without a speed. "
                "Walking ≈ 5 km/h."
            ),
        ),
        helped(
            QgsProcessingParameterField(
                SPEED_FIELD, tr("Road speed field (km/h)"), parentLayerParameterName=NETWORK, type=FIELD_NUMERIC, optional=True
            ),
            tr("Speed of each road, used when the cost is time; NULL takes SPEED; 0 or less is refused (close a road with barriers instead)."),
        ),
    ]
    if with_cost:
        found.append(
            helped(
                QgsProcessingParameterEnum(COST, tr("Cost"), cost_options(), defaultValue=0),
                tr("What the thresholds and results measure: distance along the roads (m) or travel time (minutes)."),
            )
        )
    found.append(
        helped(
            QgsProcessingParameterDistance(MAX_SNAP, tr("Maximum distance from a point to the road"), 500.0, minValue=0.0),
            tr("Points farther than this from every road are not joined to it (reported); 0 joins only points lying on a road."),
        )
    )
    advanced = [
        helped(
            QgsProcessingParameterField(ONEWAY_FIELD, tr("One-way field"), parentLayerParameterName=NETWORK, optional=True),
            tr(
                "1, yes, true, T, Y, FT, forward, oneway or 是 = one way in the digitised direction; "
                "-1, TF, backward or reverse = against it; other values = both ways."
            ),
        ),
        helped(
            QgsProcessingParameterDistance(TOLERANCE, tr("Node snapping tolerance"), 0.0, minValue=0.0),
            tr("Line ends and vertices closer than this become one node (closes small digitising gaps); 0 = only identical coordinates."),
        ),
        helped(
            QgsProcessingParameterBoolean(SPLIT, tr("Join roads where they cross without a shared vertex"), False),
            tr("Connect roads at every crossing; leave off where roads cross on bridges or in tunnels."),
        ),
    ]
    for parameter in advanced:
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return found + advanced


def add_network_parameters(alg, optional_network: bool, with_cost: bool = True) -> None:
    """NETWORK, SPEED, SPEED_FIELD, COST, MAX_SNAP and the advanced ONEWAY_FIELD,
    TOLERANCE and SPLIT."""
    for parameter in network_parameters(optional_network, with_cost):
        alg.addParameter(parameter)


def _shapely(geometry: QgsGeometry):
    geometry = straight(geometry)
    if not geometry.isGeosValid():
        geometry = geometry.makeValid()
    return wkb.loads(bytes(geometry.asWkb()))


@dataclass
class Points:
    """Point features in the working CRS: coordinates and the features they come from;
    `skipped` holds the features without geometry."""

    xy: np.ndarray
    features: list[QgsFeature]
    skipped: list = field(default_factory=list)


def _transformed(geometry: QgsGeometry, transform: QgsCoordinateTransform, what: str, feature: QgsFeature) -> QgsGeometry:
    """The geometry in the working CRS; coordinates that cannot be transformed (outside the
    valid area of either CRS) refuse the run with the layer and feature named."""
    try:
        geometry.transform(transform)
    except QgsCsException:
        raise QgsProcessingException(
            tr("{what}: feature {id} cannot be transformed into the demand layer's CRS ({crs}); check both layers' CRS").format(
                what=what, id=feature.id(), crs=transform.destinationCrs().authid()
            )
        ) from None
    return geometry


def read_points(source: QgsFeatureSource, crs: QgsCoordinateReferenceSystem, context, what: str, feedback, report: bool = True) -> Points:
    """Points (polygons by a point on their surface) in `crs`. Features without geometry are
    set aside in `Points.skipped` and reported through `feedback` (unless `report` is False);
    a layer without any located feature is an error."""
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    xy, features, skipped = [], [], []
    for feature in source.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            skipped.append(feature)
            continue
        if geometry.type() != POINT_GEOMETRY:
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            geometry = geometry.pointOnSurface()
        elif geometry.isMultipart():
            geometry = geometry.centroid()
        geometry = _transformed(geometry, transform, what, feature)
        point = geometry.asPoint()
        if not (np.isfinite(point.x()) and np.isfinite(point.y())):
            skipped.append(feature)
            continue
        xy.append((point.x(), point.y()))
        features.append(feature)
    if not features:
        if skipped:
            raise QgsProcessingException(tr("{what} has no feature with a geometry ({n} features have none)").format(what=what, n=len(skipped)))
        raise QgsProcessingException(tr("{what} has no feature with a geometry").format(what=what))
    if skipped and report:
        feedback.reportError(
            tr("{what}: {n} features have no geometry and are left out (features {ids})").format(
                what=what, n=len(skipped), ids=_listed([f.id() for f in skipped])
            ),
            fatalError=False,
        )
    return Points(np.asarray(xy, dtype=float).reshape(-1, 2), features, skipped)


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
        geometry = _transformed(geometry, transform, tr("The polygon layer"), feature)
        shapes.append(_shapely(geometry))
    if not shapes:
        return []
    merged = unary_union(shapes)
    return [g for g in getattr(merged, "geoms", [merged]) if g.geom_type == "Polygon" and g.area > 0]


def _direction(value) -> int:
    text = str(value).strip().lower() if value is not None else ""
    return 1 if text in FORWARD_VALUES else -1 if text in BACKWARD_VALUES else 0


def read_network(alg, parameters, context, crs, feedback) -> RoadNetwork | None:
    """The road network of NETWORK in `crs`, or None when the parameter is empty.

    With a time cost, SPEED_FIELD gives each road's speed: NULL, empty or NaN take SPEED
    (reported); a speed of 0 or less, an infinite one, or text that is not a number refuses
    the run naming the first roads (a zero speed is not a closed road: use BARRIERS or
    remove the road). With a distance cost the field is not read."""
    source = alg.parameterAsSource(parameters, NETWORK, context)
    if source is None:
        return None
    speed_field = alg.parameterAsString(parameters, SPEED_FIELD, context)
    oneway_field = alg.parameterAsString(parameters, ONEWAY_FIELD, context)
    unit = alg.parameterAsEnum(parameters, COST, context) if alg.parameterDefinition(COST) is not None else DISTANCE
    if speed_field and unit != TIME:
        feedback.pushInfo(tr("The cost is a distance: the road speed field '{field}' is not used").format(field=speed_field))
        speed_field = ""
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    lines, speeds, directions = [], [], []
    no_geometry, missing_speed, bad_speed = 0, 0, []
    for feature in source.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            no_geometry += 1
            continue
        geometry = _transformed(geometry, transform, tr("The road network"), feature)
        speed = np.nan
        if speed_field:
            value = feature[speed_field]
            number = None if _is_null(value) else _number(value)
            if _is_null(value) or (number is not None and np.isnan(number)):
                missing_speed += 1
            elif number is None or not (np.isfinite(number) and number > 0):
                bad_speed.append(f"{feature.id()} ('{value}')")
            else:
                speed = number
        direction = _direction(feature[oneway_field]) if oneway_field else 0
        parts = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
        for part in parts:
            lines.append(np.array([(p.x(), p.y()) for p in part], dtype=float).reshape(-1, 2))
            speeds.append(speed)
            directions.append(direction)
    if bad_speed:
        raise QgsProcessingException(
            tr(
                "Road speeds must be positive numbers of km/h: {count} roads have a speed in '{field}' of 0 or less, "
                "an infinite one or one that is not a number (features {ids}); correct them, or remove closed roads"
            ).format(count=len(bad_speed), field=speed_field, ids=_listed(bad_speed))
        )
    if no_geometry:
        feedback.reportError(tr("{n} roads have no geometry and are left out").format(n=no_geometry), fatalError=False)
    if missing_speed:
        feedback.reportError(
            tr("{n} roads have no speed in '{field}' and take the speed SPEED ({speed:g} km/h)").format(
                n=missing_speed, field=speed_field, speed=alg.parameterAsDouble(parameters, SPEED, context)
            ),
            fatalError=False,
        )
    if not lines:
        raise QgsProcessingException(tr("The road network has no line with a geometry"))
    tolerance = alg.parameterAsDouble(parameters, TOLERANCE, context)
    split = alg.parameterAsBoolean(parameters, SPLIT, context)
    with alg.core_errors():
        net = build_network(lines, speeds, directions, tolerance=tolerance, split_crossings=split)
    feedback.pushInfo(
        tr("Road network: {nodes} nodes, {segments} segments, {km} km").format(
            nodes=net.n_nodes, segments=net.n_segments, km=round(float(net.length.sum()) / 1000.0, 2)
        )
    )
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
    walked at `speed` when costs are times. MAX_SNAP 0 joins only points lying on a road."""
    try:
        per_unit = metres_per_unit(unit, speed)
    except InputError as error:
        raise QgsProcessingException(error.translated(tr)) from None
    counts = [len(p) for p in point_sets]
    snapped = snap_points(net, np.concatenate(point_sets), max_snap)
    net, nodes = attach_points(net, snapped)
    bounds = np.cumsum([0] + counts)
    endpoints, parts = [], []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        part = Snapped(snapped.segment[lo:hi], snapped.t[lo:hi], snapped.distance[lo:hi])
        parts.append(part)
        endpoints.append(Endpoints(nodes[lo:hi], np.where(part.reached, part.distance / per_unit, np.inf)))
    return Joined(net, endpoints, parts)


def unit_name(unit: int) -> str:
    return "m" if unit == DISTANCE else "min"


# The network input block of the community-network algorithms, declared and read in one place.
#
#     add_network_inputs(alg, demand_label=…, sites=FACILITY_LAYER, sites_label=…, id_label=…,
#                        capacity_label=…, demand_id=True, optional_network=False)
#     inputs = read_network_inputs(alg, parameters, context, feedback, FACILITY_LAYER, demand_what=…, sites_what=…)
#     inputs.joined.net, inputs.joined.endpoints[0] (demand), inputs.joined.endpoints[1] (sites)
#
# This API is used by several algorithms: keep it stable.

FACILITIES = "FACILITIES"
FACILITY_ID_FIELD = "FACILITY_ID_FIELD"
CAPACITY_FIELD = "CAPACITY_FIELD"


@dataclass(frozen=True)
class SiteLayer:
    """Parameter names of the point layer that serves the demand (facilities, candidate sites,
    shelters): the layer, its id field and its capacity field (persons)."""

    layer: str = FACILITIES
    id_field: str = FACILITY_ID_FIELD
    capacity_field: str = CAPACITY_FIELD


#: FACILITIES, FACILITY_ID_FIELD, CAPACITY_FIELD (tsr:servicecoverage's names).
FACILITY_LAYER = SiteLayer()


def add_network_inputs(
    alg,
    *,
    demand_label: str,
    sites: SiteLayer,
    sites_label: str,
    id_label: str,
    capacity_label: str = "",
    demand_id: bool = True,
    optional_network: bool = False,
    before_network: Sequence[QgsProcessingParameterDefinition] = (),
    helps: dict[str, str] | None = None,
) -> None:
    """Declare, in this order: DEMAND, POPULATION_FIELD, DEMAND_ID_FIELD (if `demand_id`), the
    site layer (points), its id field, its capacity field (numeric; only when `capacity_label`
    is given: an algorithm may declare it further down), the parameters of `before_network`,
    then NETWORK (optional if `optional_network`), SPEED, SPEED_FIELD, COST, MAX_SNAP and the
    advanced ONEWAY_FIELD, TOLERANCE and SPLIT. Labels come from the algorithm (`self.tr`), and
    so do `helps`, help texts by parameter name (set with setHelp, replacing the defaults)."""
    parameters = demand_parameters(demand_label, with_id=demand_id)
    parameters.append(QgsProcessingParameterFeatureSource(sites.layer, sites_label, [QgsProcessing.SourceType.TypeVectorPoint]))
    parameters.append(QgsProcessingParameterField(sites.id_field, id_label, parentLayerParameterName=sites.layer, optional=True))
    if capacity_label:
        parameters.append(
            QgsProcessingParameterField(sites.capacity_field, capacity_label, parentLayerParameterName=sites.layer, type=FIELD_NUMERIC, optional=True)
        )
    parameters += list(before_network) + network_parameters(optional_network)
    for parameter in parameters:
        if helps and parameter.name() in helps:
            parameter.setHelp(helps[parameter.name()])
        alg.addParameter(parameter)


@dataclass
class NetworkInputs:
    """What `read_network_inputs` read: everything in `crs` (the demand layer's, projected).

    `capacity` is in persons per located site (NULL, empty and NaN read as 0 and flagged in
    `capacity_missing`), None when the capacity field is not given. `joined` holds the network
    split at the `cut_at` polygons with the demand (`endpoints[0]`, `snapped[0]`) and the sites
    (`endpoints[1]`, `snapped[1]`) attached; None when there is no network (straight lines) or
    when `connect` was False. `polygons`: those of the `cut_at` parameter, in `crs`."""

    crs: QgsCoordinateReferenceSystem
    unit: int
    speed: float
    max_snap: float
    demand: Demand
    sites: Points
    site_ids: list[str]
    skipped_site_ids: list[str]
    capacity: np.ndarray | None
    capacity_missing: np.ndarray | None
    joined: Joined | None
    polygons: list = field(default_factory=list)

    @property
    def net(self) -> RoadNetwork | None:
        return self.joined.net if self.joined is not None else None


def connect_points(alg, parameters, context, feedback, crs, point_sets: list[np.ndarray], unit: int, speed: float, cut_at=()) -> Joined | None:
    """Read NETWORK, cut it where it crosses the boundaries of the `cut_at` polygons (barriers,
    hazard zones) and join the point sets to it (MAX_SNAP); None when NETWORK is empty."""
    net = read_network(alg, parameters, context, crs, feedback)
    if net is None:
        if not alg.parameterDefinition(NETWORK).flags() & QgsProcessingParameterDefinition.Flag.FlagOptional:
            raise QgsProcessingException(alg.invalidSourceError(parameters, NETWORK))
        return None
    max_snap = alg.parameterAsDouble(parameters, MAX_SNAP, context)
    with alg.core_errors():
        if len(cut_at):
            net = split_at_boundaries(net, cut_at, feedback.isCanceled)
        return join_points(net, point_sets, max_snap, unit, speed)


def read_network_inputs(
    alg,
    parameters,
    context,
    feedback,
    sites: SiteLayer,
    *,
    demand_what: str,
    sites_what: str,
    id_what: str,
    capacity_what: str = "",
    unit: int | None = None,
    report_skipped_sites: bool = True,
    check_skipped_sites: bool = False,
    connect: bool = True,
    cut_at: str = "",
) -> NetworkInputs:
    """Read the block `add_network_inputs` declared.

    The demand layer's CRS is the working CRS (projected, in metres). DEMAND with POPULATION_FIELD
    and DEMAND_ID_FIELD (see `read_demand`); the site points (features without geometry are
    reported unless `report_skipped_sites` is False); their ids (feature ids when the id field
    is empty; with `check_skipped_sites` the sites without geometry need valid ids and
    capacities too); their capacity (`numeric_field`; the caller reports missing values); then,
    if `connect`, the network cut at the boundaries of the polygons of the parameter named
    `cut_at` (barriers, hazard zones; read only with a network, kept in `polygons`) with both
    point sets joined. `unit` overrides COST
    (a planning preset on distance). `demand_what`, `sites_what`, `id_what` and `capacity_what`
    name the layers in messages."""
    demand_source, site_source = sources(alg, parameters, context, DEMAND, sites.layer)
    crs = working_crs(demand_source, demand_what)
    if unit is None:
        unit = alg.parameterAsEnum(parameters, COST, context) if alg.parameterDefinition(COST) is not None else DISTANCE
    speed = alg.parameterAsDouble(parameters, SPEED, context)
    max_snap = alg.parameterAsDouble(parameters, MAX_SNAP, context)
    demand = read_demand(alg, parameters, context, demand_source, crs, feedback, demand_what)
    points = read_points(site_source, crs, context, sites_what, feedback, report=report_skipped_sites)
    every = points.features + (points.skipped if check_skipped_sites else [])
    n = len(points.features)
    ids = feature_ids(every, alg.parameterAsString(parameters, sites.id_field, context), id_what)
    capacity = missing = None
    name = alg.parameterAsString(parameters, sites.capacity_field, context) if alg.parameterDefinition(sites.capacity_field) is not None else ""
    if name:
        capacity, missing = numeric_field(every, name, capacity_what or sites_what)
        capacity, missing = capacity[:n], missing[:n]
    joined, polygons = None, []
    if connect:
        if cut_at and alg.parameterAsSource(parameters, NETWORK, context) is not None:
            polygons = read_polygons(alg.parameterAsSource(parameters, cut_at, context), crs, context)
        joined = connect_points(alg, parameters, context, feedback, crs, [demand.points.xy, points.xy], unit, speed, polygons)
    return NetworkInputs(crs, unit, speed, max_snap, demand, points, ids[:n], ids[n:], capacity, missing, joined, polygons)
