"""tsr:evacuationroutes — safe routes from residents to shelters around hazard zones."""

from __future__ import annotations

import numpy as np
from qgis.core import (
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
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..algorithms.evacuation import AVOID, EvacuationGraphs, hazard_costs
from ..algorithms.location import transportation
from ..algorithms.network_zones import sample_along, split_at_boundaries, zone_of_points, zone_of_segments
from ..algorithms.routing import TIME, segment_costs
from ..i18n import tr
from . import report, styles
from .base import TsrAlgorithm
from .network_input import (
    COST,
    MAX_SNAP,
    SPEED,
    add_demand_parameters,
    add_network_parameters,
    feature_ids,
    join_points,
    numeric_values,
    read_demand,
    read_network,
    read_points,
    read_polygons,
    sources,
    unit_name,
    working_crs,
)
from .qgis_compat import FIELD_NUMERIC, NUMBER_DOUBLE, WKB_LINESTRING, WKB_POINT, field

NEAREST, CAPACITY = 0, 1


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
        return tr("Safe evacuation routes")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Routes from residents to shelters that avoid or penalise hazard zones, nearest shelter or within capacity")

    def tags(self) -> list[str]:
        return tr("evacuation,route,shelter,hazard,avoid,capacity,transportation problem,疏散,避难,疏散通道,应急").split(",")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        add_demand_parameters(self, tr("Residents (points or polygons)"), with_id=True)
        self.addParameter(QgsProcessingParameterFeatureSource(self.SHELTERS, tr("Shelters (points)"), [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(self.SHELTER_ID_FIELD, tr("Shelter id field"), parentLayerParameterName=self.SHELTERS, optional=True))
        self.addParameter(QgsProcessingParameterField(self.CAPACITY_FIELD, tr("Shelter capacity field (persons)"), parentLayerParameterName=self.SHELTERS, type=FIELD_NUMERIC, optional=True))
        add_network_parameters(self, optional_network=False)
        self.addParameter(QgsProcessingParameterFeatureSource(self.HAZARD_ZONES, tr("Hazard zones (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.HAZARD_MODE, tr("Roads in hazard zones"), [tr("Avoid (closed, except to leave the zone one starts in)"), tr("Penalise (cost × PENALTY)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.PENALTY, tr("Penalty factor"), NUMBER_DOUBLE, 5.0, minValue=1.0))
        self.addParameter(QgsProcessingParameterRasterLayer(self.HAZARD_RASTER, tr("Hazard raster weighting roads (0–1)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.ASSIGNMENT, tr("Assignment"), [tr("Nearest shelter"), tr("Respect shelter capacity (transportation problem)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Evacuation routes"), QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_UNREACHED, tr("Residents not evacuated"), QgsProcessing.SourceType.TypeVectorPoint, optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_HTML, tr("Evacuation report"), tr("HTML files (*.html)"), optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.EVACUATED_PERCENT, tr("Population with a safe route to a shelter (%)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        demand_source, shelter_source = sources(self, parameters, context, self.DEMAND, self.SHELTERS)
        crs = working_crs(demand_source, tr("The resident layer"))
        unit = self.parameterAsEnum(parameters, COST, context)
        speed = self.parameterAsDouble(parameters, SPEED, context)
        mode = self.parameterAsEnum(parameters, self.HAZARD_MODE, context)
        penalty = self.parameterAsDouble(parameters, self.PENALTY, context)
        assignment = self.parameterAsEnum(parameters, self.ASSIGNMENT, context)
        people = read_demand(self, parameters, context, demand_source, crs, feedback, tr("The resident layer"))
        demand, population, demand_ids = people.points, people.population, people.ids
        shelters = read_points(shelter_source, crs, context, tr("The shelter layer"))
        shelter_ids = feature_ids(shelters.features, self.parameterAsString(parameters, self.SHELTER_ID_FIELD, context), tr("Shelter"))
        capacity_field = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        if assignment == CAPACITY and not capacity_field:
            raise QgsProcessingException(tr("The capacity-respecting assignment needs CAPACITY_FIELD"))
        capacity = numeric_values(shelters.features, capacity_field, tr("Shelters"))[0] if capacity_field else None

        net = read_network(self, parameters, context, crs, feedback)
        zones = read_polygons(self.parameterAsSource(parameters, self.HAZARD_ZONES, context), crs, context)
        if zones:
            net = split_at_boundaries(net, zones)
        joined = join_points(net, [demand.xy, shelters.xy], self.parameterAsDouble(parameters, MAX_SNAP, context), unit, speed)
        net = joined.net
        zone = zone_of_segments(net, zones) if zones else np.full(net.n_segments, -1)
        degree = None
        raster = self.parameterAsRasterLayer(parameters, self.HAZARD_RASTER, context)
        if raster is not None:
            with self.core_errors():
                degree = sample_along(net, self.raster_file(raster, tr("Hazard raster")), crs.toWkt())
        feedback.setProgress(20)
        base = segment_costs(net, unit, speed)
        cost = hazard_costs(base, zone, mode, penalty, degree)
        start_zone = zone_of_points(demand.xy, zones) if zones else np.full(len(demand.features), -1)
        if mode == AVOID and zones:
            blocked = int(np.sum(zone_of_points(shelters.xy, zones) >= 0))
            if blocked:
                feedback.reportError(tr("{n} shelters stand inside hazard zones and are not used in avoid mode").format(n=blocked), fatalError=False)
        graphs = EvacuationGraphs(net, cost, zone, mode, joined.endpoints[0], start_zone, joined.endpoints[1])
        pairs = graphs.pairs()
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled: no output was written"))
        feedback.setProgress(50)
        with self.core_errors():
            flows = self.assign(pairs, population, capacity, assignment)
        routes = graphs.routes(flows[0], flows[1]) if len(flows[0]) else []
        feedback.setProgress(80)

        time_cost = segment_costs(net, TIME, speed)
        length = net.length
        walk = speed * 1000.0 / 60.0
        snap_d, snap_s = joined.snapped[0].distance, joined.snapped[1].distance
        fields = QgsFields()
        for name, kind in (("demand_id", "string"), ("shelter_id", "string"), ("people", "double"), ("length_m", "double"), ("time_min", "double"), ("hazard_length_m", "double"), ("cost", "double")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_LINESTRING, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        styles.style_on_load(context, dest, styles.evacuation_routes(flows[2]))
        pair_cost = {(int(i), int(j)): float(c) for i, j, c in zip(pairs.demand, pairs.candidate, pairs.cost)}
        stats = []
        for route, people in zip(routes, flows[2]):
            i, j = route.demand, route.shelter
            points = [demand.xy[i]] + [net.xy[v] for v in route.nodes] + [shelters.xy[j]]
            metres = float(length[route.segments].sum() + snap_d[i] + snap_s[j])
            minutes = float(time_cost[route.segments].sum() + (snap_d[i] + snap_s[j]) / walk)
            hazard = float(length[route.segments][zone[route.segments] >= 0].sum())
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in points]))
            feature.setAttributes([demand_ids[i], shelter_ids[j], float(people), round(metres, 2), round(minutes, 3), round(hazard, 2), round(pair_cost[(i, j)], 4)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            stats.append((float(people), metres, minutes, hazard))
        results = {self.OUTPUT: dest}
        evacuated = np.bincount(flows[0], weights=flows[2], minlength=len(population)) if len(flows[0]) else np.zeros(len(population))
        left = np.maximum(population - evacuated, 0.0)
        reasons = self.reasons(joined.snapped[0].reached, pairs, left)
        unreached = self.write_unreached(parameters, context, demand, demand_ids, left, reasons, crs)
        if unreached:
            results[self.OUTPUT_UNREACHED] = unreached
        total = float(population.sum())
        results[self.EVACUATED_PERCENT] = 100.0 * float(evacuated.sum()) / total if total > 0 else 0.0
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html:
            report.write(html, self.report_html(stats, total, left, reasons, shelter_ids, flows, capacity, mode, bool(zones), unit))
            results[self.OUTPUT_HTML] = html
        feedback.pushInfo(tr("{p:.2f} % of residents have a safe route to a shelter").format(p=results[self.EVACUATED_PERCENT]))
        feedback.setProgress(100)
        return results

    @staticmethod
    def assign(pairs, population, capacity, assignment) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(demand, shelter, people) of each flow."""
        if assignment == NEAREST:
            order = np.lexsort((pairs.candidate, pairs.cost, pairs.demand))
            o, d = pairs.demand[order], pairs.candidate[order]
            first = np.r_[True, o[1:] != o[:-1]] if len(o) else np.zeros(0, dtype=bool)
            o, d = o[first], d[first]
            keep = population[o] > 0
            return o[keep], d[keep], population[o[keep]]
        flows = transportation(pairs, population, capacity).flows
        return flows.demand, flows.candidate, flows.amount

    @staticmethod
    def reasons(on_network, pairs, left) -> list[str | None]:
        has_route = np.zeros(len(left), dtype=bool)
        has_route[pairs.demand] = True
        out: list[str | None] = []
        for i in range(len(left)):
            if left[i] <= 0:
                out.append(None)
            elif not on_network[i]:
                out.append(tr("too far from any road"))
            elif not has_route[i]:
                out.append(tr("no safe route to any shelter"))
            else:
                out.append(tr("shelters within reach are full"))
        return out

    def write_unreached(self, parameters, context, demand, ids, left, reasons, crs):
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
        return dest

    def report_html(self, stats, total, left, reasons, shelter_ids, flows, capacity, mode, has_zones, unit) -> str:
        people = np.array([s[0] for s in stats]) if stats else np.zeros(0)
        metres = np.array([s[1] for s in stats]) if stats else np.zeros(0)
        minutes = np.array([s[2] for s in stats]) if stats else np.zeros(0)
        hazard = np.array([s[3] for s in stats]) if stats else np.zeros(0)
        evacuated = float(people.sum())

        def weighted(values):
            return float((values * people).sum() / evacuated) if evacuated > 0 else 0.0

        summary = [
            (tr("Residents"), report.fmt(total)),
            (tr("With a safe route to a shelter"), f"{report.fmt(evacuated)} ({100.0 * evacuated / total if total else 0.0:.2f} %)"),
            (tr("Not evacuated"), report.fmt(float(left.sum()))),
            (tr("Mean route length (m, per person)"), report.fmt(weighted(metres))),
            (tr("Mean walking time (min, per person)"), report.fmt(weighted(minutes))),
            (tr("Longest route (m)"), report.fmt(float(metres.max()) if len(metres) else 0.0)),
            (tr("Route length inside hazard zones (m, total)"), report.fmt(float(hazard.sum()))),
            (tr("Hazard zones"), (tr("avoided") if mode == AVOID else tr("penalised")) if has_zones else tr("none given")),
            (tr("Cost"), unit_name(unit)),
        ]
        sections = [(tr("Summary"), report.table([tr("Item"), tr("Value")], summary, left_columns=2))]
        load = np.bincount(flows[1], weights=flows[2], minlength=len(shelter_ids)) if len(flows[1]) else np.zeros(len(shelter_ids))
        rows = [[shelter_ids[j], load[j]] + ([capacity[j]] if capacity is not None else []) for j in range(len(shelter_ids))]
        headers = [tr("Shelter"), tr("People")] + ([tr("Capacity")] if capacity is not None else [])
        sections.append((tr("People per shelter"), report.table(headers, rows)))
        if len(minutes):
            edges = np.linspace(0.0, float(minutes.max()) or 1.0, 21)
            counts, _ = np.histogram(minutes, bins=edges, weights=people)
            sections.append((tr("People by walking time (minutes)"), report.histogram_chart(list(edges), list(counts))))
        missing: dict[str, float] = {}
        for value, reason in zip(left, reasons):
            if reason:
                missing[reason] = missing.get(reason, 0.0) + float(value)
        if missing:
            sections.append((tr("Residents not evacuated, by reason"), report.table([tr("Reason"), tr("People")], list(missing.items()))))
        return report.document(tr("Evacuation routes report"), sections)
