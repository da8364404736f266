"""tsr:evacuationroutes — safe routes from residents to shelters around hazard zones.

What every output says agrees with what was computed:

* A shelter standing inside a hazard zone receives nobody in avoid mode (the core's rule,
  algorithms/network/evacuation.py); the log names those shelters, the report marks them, and when
  every shelter stands inside a zone the log and the report say that nobody can be evacuated
  and EVACUATED_PERCENT is 0. In penalise mode they are used at the penalty and the log says
  how many people they receive.
* Residents without geometry keep their population in the total: they are counted as not
  evacuated, named in the log and listed (without geometry) in OUTPUT_UNREACHED. Shelters
  without geometry, and in the capacity assignment shelters whose capacity is 0 or NULL,
  receive nobody; the log names them and the report lists them. A negative capacity or
  population is refused.
"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
from qgis.core import (
    QgsCsException,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..algorithms.network.evacuation import (
    AVOID,
    LEFT_EVERY_SHELTER_INSIDE,
    LEFT_NO_ROUTE,
    LEFT_NO_ROUTE_OUTSIDE,
    LEFT_NONE,
    LEFT_OFF_ROAD,
    LEFT_SHELTERS_FULL,
    EvacuationGraphs,
    capacity_flows,
    hazard_costs,
    left_behind_reasons,
    nearest_flows,
    route_measures,
)
from ..algorithms.network.routing import TIME, segment_costs
from ..algorithms.network.zones import hazard_along, zone_of_points, zone_of_segments
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm
from .common.network_input import NETWORK, SiteLayer, add_network_inputs, helped, read_network_inputs, sources, unit_name, working_crs
from .common.qgis_compat import NUMBER_DOUBLE, WKB_LINESTRING, WKB_POINT, field
from .common.reports.evacuationroutes import EvacuationReport, evacuation_report

NEAREST, CAPACITY = 0, 1
#: SHELTERS, SHELTER_ID_FIELD, CAPACITY_FIELD.
SHELTER_LAYER = SiteLayer("SHELTERS", "SHELTER_ID_FIELD", "CAPACITY_FIELD")
#: Ids named in one log line at most.
NAMED = 10


def _named(ids) -> str:
    """The first NAMED ids, comma-separated, with '…' when there are more."""
    ids = [str(i) for i in ids]
    return ", ".join(ids[:NAMED]) + (", …" if len(ids) > NAMED else "")


def _persons(value: float) -> str:
    """People for a log line: whole numbers without decimals, others to one decimal."""
    value = float(value)
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.1f}"


class EvacuationRoutes(TsrAlgorithm):
    ALG_ID = "evacuationroutes"
    GROUP_ID = "network"

    DEMAND = "DEMAND"
    SHELTERS = "SHELTERS"
    SHELTER_ID_FIELD = "SHELTER_ID_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    HAZARD_ZONES = "HAZARD_ZONES"
    HAZARD_MODE = "HAZARD_MODE"
    PENALTY = "PENALTY"
    HAZARD_RASTER = "HAZARD_RASTER"
    ASSIGNMENT = "ASSIGNMENT"
    OUTPUT = "OUTPUT"
    OUTPUT_UNREACHED = "OUTPUT_UNREACHED"
    OUTPUT_HTML = "OUTPUT_HTML"
    EVACUATED_PERCENT = "EVACUATED_PERCENT"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Safe evacuation routes")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Routes from residents to shelters that avoid or penalise hazard zones, nearest shelter or within capacity")

    def tags(self) -> list[str]:
        return self.tr("evacuation,route,shelter,hazard,avoid,capacity,transportation problem,疏散,避难,疏散通道,应急").split(",")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        add_network_inputs(
            self,
            demand_label=self.tr("Residents (points or polygons)"),
            sites=SHELTER_LAYER,
            sites_label=self.tr("Shelters (points)"),
            id_label=self.tr("Shelter id field"),
            capacity_label=self.tr("Shelter capacity field (persons)"),
            demand_id=True,
            optional_network=False,
            helps={self.CAPACITY_FIELD: self.tr("Persons each shelter can take; needed to respect the capacities (ASSIGNMENT).")},
        )
        self.addParameter(
            helped(
                QgsProcessingParameterFeatureSource(
                    self.HAZARD_ZONES, self.tr("Hazard zones (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
                ),
                self.tr("Areas to keep out of (e.g. the high-risk zones); the roads are cut at their boundaries."),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterEnum(
                    self.HAZARD_MODE,
                    self.tr("Roads in hazard zones"),
                    [self.tr("Avoid (closed, except to leave the zone one starts in)"), self.tr("Penalise (cost × PENALTY)")],
                    defaultValue=0,
                ),
                self.tr(
                    "Avoid: nobody enters a zone (people inside may leave theirs) and shelters inside zones receive nobody. "
                    "Penalise: roads inside cost PENALTY times more."
                ),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterNumber(self.PENALTY, self.tr("Penalty factor"), NUMBER_DOUBLE, 5.0, minValue=1.0),
                self.tr("How many times more a road inside a hazard zone costs (penalise mode), and a road at hazard 1 of the raster."),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterRasterLayer(self.HAZARD_RASTER, self.tr("Hazard raster (0–1)"), optional=True),
                self.tr("Hazard degree 0–1 sampled along each road: its cost is multiplied by 1 + (PENALTY − 1) × its mean degree."),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterEnum(
                    self.ASSIGNMENT,
                    self.tr("Assignment"),
                    [self.tr("Nearest shelter"), self.tr("Respect shelter capacity (transportation problem)")],
                    defaultValue=0,
                ),
                self.tr("Nearest shelter ignores capacities; respecting them sends people at the least total cost and needs CAPACITY_FIELD."),
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Evacuation routes"), QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_UNREACHED,
                self.tr("Residents not evacuated"),
                QgsProcessing.SourceType.TypeVectorPoint,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Evacuation report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.EVACUATED_PERCENT, self.tr("Population with a safe route to a shelter (%)")))

    @contextmanager
    def transform_errors(self, crs):
        """A coordinate that cannot be transformed into the working CRS is a plain message."""
        try:
            yield
        except QgsCsException as error:
            raise QgsProcessingException(
                self.tr("A layer cannot be transformed into the resident layer's CRS ({crs}): {error}").format(crs=crs.authid(), error=str(error))
            ) from None

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        cancelled = feedback.isCanceled
        demand_source, shelter_source = sources(self, parameters, context, self.DEMAND, self.SHELTERS)
        crs = working_crs(demand_source, self.tr("The resident layer"))
        mode = self.parameterAsEnum(parameters, self.HAZARD_MODE, context)
        penalty = self.parameterAsDouble(parameters, self.PENALTY, context)
        assignment = self.parameterAsEnum(parameters, self.ASSIGNMENT, context)
        capacity_field = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        if assignment == CAPACITY and not capacity_field:
            raise QgsProcessingException(self.tr("The capacity-respecting assignment needs CAPACITY_FIELD"))
        zone_source = self.parameterAsSource(parameters, self.HAZARD_ZONES, context)
        network_source = self.parameterAsSource(parameters, NETWORK, context)
        for source, what in (
            (shelter_source, self.tr("Shelters")),
            (network_source, self.tr("Road network")),
            (zone_source, self.tr("Hazard zones")),
        ):
            if source is not None and not source.sourceCrs().isValid():
                feedback.pushWarning(
                    self.tr(
                        "{what}: the layer has no coordinate reference system; its coordinates are taken to be in the resident layer's CRS ({crs})"
                    ).format(what=what, crs=crs.authid())
                )

        with self.transform_errors(crs):
            inputs = read_network_inputs(
                self,
                parameters,
                context,
                feedback,
                SHELTER_LAYER,
                demand_what=self.tr("The resident layer"),
                sites_what=self.tr("The shelter layer"),
                id_what=self.tr("Shelter"),
                capacity_what=self.tr("Shelters"),
                report_skipped_sites=False,
                check_skipped_sites=True,
                cut_at=self.HAZARD_ZONES,
            )
        unit, speed = inputs.unit, inputs.speed
        people, shelters, shelter_ids, homeless_ids = inputs.demand, inputs.sites, inputs.site_ids, inputs.skipped_site_ids
        demand, population, demand_ids = people.points, people.population, people.ids
        # Residents without (usable) geometry: their people stay in the total, as not evacuated.
        lost_ids, lost_people = list(people.unlocated_ids), np.asarray(people.unlocated_population, dtype=float)
        if lost_ids:
            feedback.pushWarning(
                self.tr("{n} residents have no geometry ({people} people): they are counted as not evacuated: {ids}").format(
                    n=len(lost_ids), people=_persons(lost_people.sum()), ids=_named(lost_ids)
                )
            )
        # Shelters without (usable) geometry and without capacity receive nobody.
        if homeless_ids:
            feedback.pushWarning(
                self.tr("{n} shelters have no geometry and receive nobody: {ids}").format(n=len(homeless_ids), ids=_named(homeless_ids))
            )
        capacity = inputs.capacity
        if capacity is not None:
            empty = [shelter_ids[j] for j in np.flatnonzero((capacity <= 0) | inputs.capacity_missing)]
            if empty and assignment == CAPACITY:
                feedback.pushWarning(
                    self.tr("{n} shelters have no capacity (0 or NULL) and receive nobody: {ids}").format(n=len(empty), ids=_named(empty))
                )
            elif empty:
                feedback.pushWarning(
                    self.tr(
                        "{n} shelters have no capacity (0 or NULL); the nearest-shelter assignment does not use capacities and may send people "
                        "there: {ids}"
                    ).format(n=len(empty), ids=_named(empty))
                )
        zones, joined = inputs.polygons, inputs.joined
        if zone_source is not None and not zones:
            feedback.pushWarning(self.tr("The hazard zone layer holds no polygon with an area: no road is avoided or penalised"))
        net = joined.net
        with self.core_errors():
            zone = zone_of_segments(net, zones, cancelled) if zones else np.full(net.n_segments, -1)
            degree = None
            raster = self.parameterAsRasterLayer(parameters, self.HAZARD_RASTER, context)
            if raster is not None:
                sampled = hazard_along(net, self.raster_file(raster, self.tr("Hazard raster")), crs.toWkt(), cancelled=cancelled)
                for note in sampled.notes:
                    feedback.pushWarning(note.translated(tr))
                degree = sampled.degree
        feedback.setProgress(20)
        base = segment_costs(net, unit, speed)
        cost = hazard_costs(base, zone, mode, penalty, degree)
        if not np.isfinite(cost).all():
            raise QgsProcessingException(
                self.tr(
                    "PENALTY {penalty:g} makes the road costs overflow; give a smaller penalty (1000 already makes a road inside a zone cost as "
                    "much as 1000 outside)"
                ).format(penalty=penalty)
            )
        with self.core_errors():
            start_zone = zone_of_points(demand.xy, zones, cancelled) if zones else np.full(len(demand.features), -1)
            shelter_zone = zone_of_points(shelters.xy, zones, cancelled) if zones else np.full(len(shelters.features), -1)
        inside = shelter_zone >= 0
        every_inside = bool(zones) and mode == AVOID and bool(inside.all())
        if mode == AVOID and inside.any():
            feedback.pushWarning(
                self.tr("{n} shelters stand inside hazard zones and receive nobody in avoid mode: {ids}").format(
                    n=int(inside.sum()), ids=_named(shelter_ids[j] for j in np.flatnonzero(inside))
                )
            )
        graphs = EvacuationGraphs(
            net, cost, zone, mode, joined.endpoints[0], start_zone, joined.endpoints[1], shelter_zone=shelter_zone, cancelled=cancelled
        )
        with self.core_errors():
            pairs = graphs.pairs()
            feedback.setProgress(50)
            if assignment == NEAREST:
                flows = nearest_flows(pairs, population)
            else:
                flows = capacity_flows(pairs, population, capacity, cancelled)
            feedback.setProgress(65)
            routes = graphs.routes(flows.demand, flows.shelter) if len(flows) else []
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled: no output was written"))
        feedback.setProgress(80)
        load = flows.load(len(shelter_ids))
        if mode != AVOID and inside.any():
            feedback.pushWarning(
                self.tr(
                    "{n} shelters stand inside hazard zones; in penalise mode they are used, the roads inside costing PENALTY times more: they "
                    "receive {people} people ({ids})"
                ).format(n=int(inside.sum()), people=_persons(load[inside].sum()), ids=_named(shelter_ids[j] for j in np.flatnonzero(inside)))
            )

        measures = route_measures(
            routes,
            flows.people,
            net.length,
            segment_costs(net, TIME, speed),
            zone,
            joined.snapped[0].distance,
            joined.snapped[1].distance,
            speed * 1000.0 / 60.0,
        )
        fields = QgsFields()
        for name, kind in (
            ("demand_id", "string"),
            ("shelter_id", "string"),
            ("people", "double"),
            ("length_m", "double"),
            ("time_min", "double"),
            ("hazard_length_m", "double"),
            ("cost", "double"),
        ):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_LINESTRING, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        styles.style_on_load(context, dest, styles.evacuation_routes(flows.people))
        pair_cost = pairs.cost_of([r.demand for r in routes], [r.shelter for r in routes])
        for k, route in enumerate(routes):
            i, j = route.demand, route.shelter
            points = [demand.xy[i]] + [net.xy[v] for v in route.nodes] + [shelters.xy[j]]
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in points]))
            feature.setAttributes(
                [
                    demand_ids[i],
                    shelter_ids[j],
                    float(measures.people[k]),
                    round(float(measures.length_m[k]), 2),
                    round(float(measures.time_min[k]), 3),
                    round(float(measures.hazard_m[k]), 2),
                    round(float(pair_cost[k]), 4),
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        results = {self.OUTPUT: dest}
        evacuated = flows.evacuated(len(population))
        left = np.maximum(population - evacuated, 0.0)
        reasons = self.reasons(joined.snapped[0].reached, pairs, left, mode == AVOID and bool(inside.any()), every_inside)
        unreached = self.write_unreached(parameters, context, demand, demand_ids, left, reasons, crs, lost_ids, lost_people)
        if unreached:
            results[self.OUTPUT_UNREACHED] = unreached
        total = float(population.sum()) + float(lost_people.sum())
        moved_total = float(evacuated.sum())
        results[self.EVACUATED_PERCENT] = 100.0 * moved_total / total if total > 0 else 0.0
        nobody = None
        if total <= 0:
            nobody = self.tr("The residents' population sums to 0: there is nobody to evacuate")
        elif moved_total <= 0:
            nobody = (
                self.tr("Nobody can be evacuated: every shelter stands inside a hazard zone, and in avoid mode nobody is sent into one")
                if every_inside
                else self.tr("Nobody can be evacuated: no resident has a safe route to a shelter with room (see the residents not evacuated)")
            )
        if nobody:
            feedback.pushWarning(nobody)
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html:
            none = np.zeros(len(inside), dtype=bool)
            data = EvacuationReport(
                measures,
                total,
                left,
                reasons,
                shelter_ids,
                load,
                capacity,
                avoid=mode == AVOID,
                has_zones=bool(zones),
                unit=unit_name(unit),
                inside=inside if mode == AVOID else none,
                inside_used=inside if mode != AVOID else none,
                off_road=~joined.snapped[1].reached,
                homeless_ids=homeless_ids,
                lost=len(lost_ids),
                lost_population=float(lost_people.sum()),
                nobody=nobody,
            )
            report.write(html, evacuation_report(self.tr, data))
            results[self.OUTPUT_HTML] = html
        feedback.pushInfo(self.tr("{p:.2f} % of residents have a safe route to a shelter").format(p=results[self.EVACUATED_PERCENT]))
        feedback.setProgress(100)
        return results

    @staticmethod
    def reasons(on_network, pairs, left, some_inside: bool, every_inside: bool) -> list[str | None]:
        """Why each resident (with geometry) with people left was not evacuated, in words
        (the core's left_behind_reasons decides)."""
        words = {
            LEFT_NONE: None,
            LEFT_OFF_ROAD: tr("too far from any road"),
            LEFT_EVERY_SHELTER_INSIDE: tr("every shelter stands inside a hazard zone"),
            LEFT_NO_ROUTE_OUTSIDE: tr("no safe route to a shelter outside the hazard zones"),
            LEFT_NO_ROUTE: tr("no safe route to any shelter"),
            LEFT_SHELTERS_FULL: tr("shelters within reach are full"),
        }
        return [words[int(code)] for code in left_behind_reasons(on_network, pairs, left, some_inside, every_inside)]

    def write_unreached(self, parameters, context, demand, ids, left, reasons, crs, lost_ids, lost_people):
        fields = QgsFields()
        for name, kind in (("demand_id", "string"), ("people", "double"), ("reason", "string")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_UNREACHED, context, fields, WKB_POINT, crs)
        if sink is None:
            return None
        styles.style_on_load(context, dest, styles.unreached)
        for i in np.flatnonzero(left > 0):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*demand.xy[i])))
            feature.setAttributes([ids[i], float(left[i]), reasons[i]])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        for name, people in zip(lost_ids, lost_people):
            feature = QgsFeature(fields)
            feature.setAttributes([name, float(people), self.tr("no geometry")])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest
