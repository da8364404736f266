"""tsr:servicecoverage — who reaches a shelter or facility, along the roads, within which
distance or time; how loaded each facility is; 2SFCA accessibility; service areas."""

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
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..algorithms.common.parsing import parse_numbers
from ..algorithms.network.coverage import PRESETS, coverage, coverage_curve
from ..algorithms.network.routing import DISTANCE, build_graph, metres_per_unit, od_costs, segment_costs, service_area, straight_costs, trees_to
from ..algorithms.network.zones import zone_of_segments
from .common import report, styles
from .common.base import TsrAlgorithm
from .common.network_input import COST, FACILITY_LAYER, add_network_inputs, helped, numeric_values, read_network_inputs, unit_name
from .common.qgis_compat import FIELD_NUMERIC, NUMBER_DOUBLE, WKB_MULTIPOLYGON, WKB_POINT, field
from .common.reports.servicecoverage import CoverageReport, coverage_report
from .common.shapes import to_qgs

PRESET_KEYS = (None, "emergency_shelter", "fixed_shelter", "life_circles")


def column_name(prefix: str, threshold: float) -> str:
    return f"{prefix}_{threshold:g}".replace(".", "_")


class ServiceCoverage(TsrAlgorithm):
    ALG_ID = "servicecoverage"
    GROUP_ID = "network"

    DEMAND = "DEMAND"
    FACILITIES = "FACILITIES"
    FACILITY_ID_FIELD = "FACILITY_ID_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    AREA_FIELD = "AREA_FIELD"
    AREA_PER_PERSON = "AREA_PER_PERSON"
    THRESHOLDS = "THRESHOLDS"
    PRESET = "PRESET"
    BARRIERS = "BARRIERS"
    OUTPUT_DEMAND = "OUTPUT_DEMAND"
    OUTPUT_FACILITIES = "OUTPUT_FACILITIES"
    OUTPUT_AREAS = "OUTPUT_AREAS"
    COVERED_PERCENT = "COVERED_PERCENT"
    CURVE_COSTS = "CURVE_COSTS"
    COVERAGE_CURVE = "COVERAGE_CURVE"
    OUTPUT_HTML = "OUTPUT_HTML"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Service coverage (shelters, medical facilities)")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Population within reach of shelters and medical facilities along the roads: coverage, facility load, 2SFCA, service areas")

    def tags(self) -> list[str]:
        return self.tr("coverage,accessibility,2SFCA,service area,shelter,hospital,network,life circle,避难场所,服务覆盖,可达性,生活圈").split(",")

    def preset_options(self) -> list[str]:
        return [
            self.tr("None (use THRESHOLDS)"),
            self.tr("Emergency shelter: 500 m, 1 m² per person (GB 50413-2007)"),
            self.tr("Fixed shelter: 2 and 3 km, 2 m² per person (GB 50413-2007)"),
            self.tr("5/10/15-minute life circles: 300, 500, 1000 m (GB 50180-2018)"),
        ]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        add_network_inputs(
            self,
            demand_label=self.tr("Demand (residents: points or polygons)"),
            sites=FACILITY_LAYER,
            sites_label=self.tr("Facilities (shelters, hospitals: points)"),
            id_label=self.tr("Facility id field"),
            capacity_label=self.tr("Capacity field (persons)"),
            demand_id=False,
            optional_network=True,
            before_network=[
                helped(
                    QgsProcessingParameterField(
                        self.AREA_FIELD,
                        self.tr("Effective area field (m²)"),
                        parentLayerParameterName=self.FACILITIES,
                        type=FIELD_NUMERIC,
                        optional=True,
                    ),
                    self.tr("Effective shelter area of each facility; without CAPACITY_FIELD, capacity = area ÷ AREA_PER_PERSON (rounded down)."),
                ),
                QgsProcessingParameterNumber(self.AREA_PER_PERSON, self.tr("Effective area per person (m²)"), NUMBER_DOUBLE, 1.0, minValue=0.01),
            ],
            helps={
                self.CAPACITY_FIELD: self.tr("Persons each facility can take; empty = from AREA_FIELD, or no capacity (no load ratio)."),
            },
        )
        self.addParameter(
            helped(
                QgsProcessingParameterString(self.THRESHOLDS, self.tr("Thresholds"), "500"),
                self.tr(
                    "Comma list of distances (m) or times (minutes), as COST measures them, e.g. 300, 500, 1000. The first one is also the "
                    "2SFCA catchment and the reach of the facility load. A PRESET replaces them."
                ),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterEnum(self.PRESET, self.tr("Planning standard preset"), self.preset_options(), defaultValue=0),
                self.tr(
                    "A planning standard sets the thresholds (on distance) and the area per person, instead of THRESHOLDS, COST and AREA_PER_PERSON."
                ),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterFeatureSource(self.BARRIERS, self.tr("Barriers"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
                self.tr("Polygons (a flooded area, a collapsed bridge…): every road inside them is closed. Needs a road network."),
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_DEMAND, self.tr("Demand with coverage"), QgsProcessing.SourceType.TypeVectorPoint)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_FACILITIES, self.tr("Facilities with load"), QgsProcessing.SourceType.TypeVectorPoint)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_AREAS, self.tr("Service areas"), QgsProcessing.SourceType.TypeVectorPolygon, optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.COVERED_PERCENT, self.tr("Population covered within the first threshold (%)")))
        self.addOutput(QgsProcessingOutputString(self.CURVE_COSTS, self.tr("Costs of the coverage curve (comma list, 0 to the largest threshold)")))
        self.addOutput(QgsProcessingOutputString(self.COVERAGE_CURVE, self.tr("Population covered at each cost of the curve (%, comma list)")))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Coverage report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )

    def settings(self, parameters, context, feedback) -> tuple[tuple[float, ...], int, float]:
        """Thresholds, cost unit and area per person, from the preset or the parameters."""
        preset = PRESET_KEYS[self.parameterAsEnum(parameters, self.PRESET, context)]
        unit = self.parameterAsEnum(parameters, COST, context)
        area_per_person = self.parameterAsDouble(parameters, self.AREA_PER_PERSON, context)
        if preset is not None:
            thresholds, per_person = PRESETS[preset]
            feedback.pushInfo(
                self.tr("Preset: thresholds {t} m on distance{area}").format(
                    t=", ".join(f"{t:g}" for t in thresholds), area=self.tr(", {a:g} m² per person").format(a=per_person) if per_person else ""
                )
            )
            return thresholds, DISTANCE, per_person or area_per_person
        with self.core_errors():
            values = parse_numbers(self.parameterAsString(parameters, self.THRESHOLDS, context), self.THRESHOLDS)
        if not values or any(v <= 0 for v in values):
            raise QgsProcessingException(self.tr("THRESHOLDS needs one or more positive numbers, e.g. 300, 500, 1000"))
        return tuple(sorted(set(values))), unit, area_per_person

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        thresholds, unit, area_per_person = self.settings(parameters, context, feedback)
        inputs = read_network_inputs(
            self,
            parameters,
            context,
            feedback,
            FACILITY_LAYER,
            demand_what=self.tr("The demand layer"),
            sites_what=self.tr("The facility layer"),
            id_what=self.tr("Facility"),
            capacity_what=self.tr("Facilities"),
            unit=unit,
            cut_at=self.BARRIERS,
        )
        crs, speed, max_snap = inputs.crs, inputs.speed, inputs.max_snap
        people, facilities, ids = inputs.demand, inputs.sites, inputs.site_ids
        demand, population = people.points, people.population
        capacity = self.capacities(parameters, context, inputs, area_per_person, feedback)
        feedback.setProgress(10)
        cutoff = max(thresholds)
        areas = None
        if inputs.joined is None:
            if self.parameterAsSource(parameters, self.BARRIERS, context) is not None:
                feedback.reportError(self.tr("Barriers need a road network; without one, straight-line distances ignore them"), fatalError=False)
            with self.core_errors():
                pairs = straight_costs(demand.xy, facilities.xy, 1.0 / metres_per_unit(unit, speed), cutoff)
            reached = np.ones(len(population), dtype=bool)
        else:
            joined, barriers = inputs.joined, inputs.polygons
            net = joined.net
            closed = zone_of_segments(net, barriers) >= 0 if barriers else None
            with self.core_errors():
                cost = segment_costs(net, unit, speed)
                graph = build_graph(net, cost, closed)
                pairs = od_costs(graph, joined.endpoints[0], joined.endpoints[1], cutoff, cancelled=feedback.isCanceled)
            reached = joined.snapped[0].reached
            self.report_unsnapped(joined, max_snap, feedback)
            areas = (net, cost, closed, graph, joined.endpoints[1])
        feedback.setProgress(50)
        with self.core_errors():
            result = coverage(pairs, population, np.nan_to_num(capacity), thresholds)
        covered = result.covered_population(population)
        # People without a location stay in the denominator: they are not covered.
        total = people.total_population
        percent = 100.0 * float(covered[0]) / total if total > 0 else 0.0
        curve_costs, curve_shares = coverage_curve(result.cost, population, total, max(thresholds))
        results = {
            self.COVERED_PERCENT: percent,
            self.CURVE_COSTS: ",".join(f"{c:.10g}" for c in curve_costs),
            self.COVERAGE_CURVE: ",".join(f"{s:.10g}" for s in curve_shares),
        }
        results.update(self.write_demand(parameters, context, demand, result, ids, reached, crs, unit, people.unlocated))
        results.update(self.write_facilities(parameters, context, facilities, result, capacity, crs))
        feedback.setProgress(60)
        area_rows = self.write_areas(parameters, context, facilities, ids, thresholds, unit, speed, max_snap, areas, crs, feedback)
        if area_rows is not None:
            results[self.OUTPUT_AREAS] = area_rows
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html:
            data = CoverageReport(
                result,
                population,
                capacity,
                unit_name(unit),
                area_per_person,
                ids,
                reached,
                len(people.unlocated),
                float(people.unlocated_population.sum()),
            )
            report.write(html, coverage_report(self.tr, data))
            results[self.OUTPUT_HTML] = html
        feedback.pushInfo(self.tr("Population within {t:g} {u}: {p:.2f} %").format(t=thresholds[0], u=unit_name(unit), p=percent))
        feedback.setProgress(100)
        return results

    def capacities(self, parameters, context, inputs, area_per_person, feedback) -> np.ndarray:
        """Capacity in persons per facility (NaN when neither field is given)."""
        area_field = self.parameterAsString(parameters, self.AREA_FIELD, context)
        if inputs.capacity is not None:
            capacity, nulls = inputs.capacity, int(inputs.capacity_missing.sum())
        elif area_field:
            area, nulls = numeric_values(inputs.sites.features, area_field, self.tr("Facilities"))
            capacity = np.floor(area / area_per_person)
        else:
            return np.full(len(inputs.sites.features), np.nan)
        if nulls:
            feedback.reportError(self.tr("{n} facilities have no capacity and count as 0 persons").format(n=nulls), fatalError=False)
        zero = int(np.sum(capacity == 0))
        if zero:
            feedback.reportError(
                self.tr("{n} facilities have a capacity of 0: anyone assigned to them overloads them").format(n=zero), fatalError=False
            )
        return capacity

    def report_unsnapped(self, joined, max_snap, feedback) -> None:
        far_demand = int((~joined.snapped[0].reached).sum())
        far_facilities = int((~joined.snapped[1].reached).sum())
        if far_demand:
            feedback.reportError(
                self.tr("{n} demand points are more than {d:g} m from any road: reported as unreachable").format(n=far_demand, d=max_snap),
                fatalError=False,
            )
        if far_facilities:
            feedback.reportError(
                self.tr("{n} facilities are more than {d:g} m from any road: they serve nobody").format(n=far_facilities, d=max_snap),
                fatalError=False,
            )

    def write_demand(self, parameters, context, demand, result, ids, reached, crs, unit, unlocated=()) -> dict:
        """Every demand feature with its coverage; those without geometry are written too,
        without geometry, as not reached and not covered."""
        source_fields = demand.features[0].fields()
        fields = QgsFields(source_fields)
        extra = [("nearest_id", "string"), ("cost", "double"), ("reached", "int")]
        extra += [(column_name("covered", t), "int") for t in result.thresholds] + [("access_2sfca", "double")]
        for name, kind in extra:
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_DEMAND, context, fields, WKB_POINT, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_DEMAND))
        first = result.thresholds[0]
        styles.style_on_load(context, dest, styles.covered_demand(column_name("covered", first), f"{first:g} {unit_name(unit)}"))
        for i, feature in enumerate(demand.features):
            out = QgsFeature(fields)
            out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*demand.xy[i])))
            j = int(result.nearest[i])
            values = [ids[j] if j >= 0 else None, round(float(result.cost[i]), 4) if j >= 0 else None, int(reached[i])]
            values += [int(c) for c in result.covered[i]] + [float(result.accessibility[i])]
            out.setAttributes(list(feature.attributes()) + values)
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        for feature in unlocated:
            out = QgsFeature(fields)
            out.setAttributes(list(feature.attributes()) + [None, None, 0] + [0] * len(result.thresholds) + [0.0])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT_DEMAND: dest}

    def write_facilities(self, parameters, context, facilities, result, capacity, crs) -> dict:
        fields = QgsFields(facilities.features[0].fields())
        extra = [(column_name("demand", t), "double") for t in result.thresholds]
        extra += [("capacity", "double"), ("assigned", "double"), ("load_ratio", "double"), ("overloaded", "int")]
        for name, kind in extra:
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_FACILITIES, context, fields, WKB_POINT, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_FACILITIES))
        styles.style_on_load(context, dest, styles.facility_load)
        for j, feature in enumerate(facilities.features):
            out = QgsFeature(fields)
            out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*facilities.xy[j])))
            assigned = float(result.assigned[j])
            cap = float(capacity[j])
            known = np.isfinite(cap)
            load = assigned / cap if known and cap > 0 else None
            overloaded = int(assigned > cap) if known else None
            values = [round(float(v), 3) for v in result.demand[j]] + [cap if known else None, round(assigned, 3), load, overloaded]
            out.setAttributes(list(feature.attributes()) + values)
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT_FACILITIES: dest}

    def write_areas(self, parameters, context, facilities, ids, thresholds, unit, speed, max_snap, network, crs, feedback):
        fields = QgsFields()
        for name, kind in (("facility_id", "string"), ("threshold", "double"), ("area_ha", "double")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_AREAS, context, fields, WKB_MULTIPOLYGON, crs)
        if sink is None:
            return None
        styles.style_on_load(context, dest, styles.service_areas(thresholds, unit_name(unit)))
        per_unit = metres_per_unit(unit, speed)
        node_costs = None
        if network is not None:
            net, cost, closed, graph, ends = network
            reached = np.flatnonzero(ends.node >= 0)
            with self.core_errors():
                trees = trees_to(graph, ends.node[reached], cancelled=feedback.isCanceled)
            node_costs = dict(zip(reached.tolist(), trees.cost + ends.access[reached][:, None]))
        for j in range(len(ids)):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled: no output was written"))
            feedback.setProgress(60 + 35 * j / max(len(ids), 1))
            for threshold in sorted(thresholds, reverse=True):
                if network is None:
                    shape = QgsGeometry.fromPointXY(QgsPointXY(*facilities.xy[j])).buffer(threshold * per_unit, 36)
                    area = shape.area()
                elif j in node_costs:
                    with self.core_errors():
                        polygon = service_area(net, cost, node_costs[j], threshold, per_unit, max_snap, closed, feedback.isCanceled)
                    if polygon.is_empty:
                        continue
                    shape, area = to_qgs(polygon), polygon.area
                else:
                    continue
                out = QgsFeature(fields)
                out.setGeometry(shape)
                out.setAttributes([ids[j], float(threshold), round(area / 10_000.0, 4)])
                sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return dest
