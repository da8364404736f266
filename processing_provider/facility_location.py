"""tsr:facilitylocation — where to add shelters or clinics: LSCP, MCLP, p-median and p-center,
capacitated when capacities are given, solved exactly with HiGHS."""

from __future__ import annotations

import time

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
)

from ..algorithms.network.costs import CostMatrix
from ..algorithms.network.location import (
    LSCP,
    MCLP,
    OPTIMAL,
    UncoverableDemand,
    curve_steps,
    served_percent,
    service_cutoff,
    solve_model,
    table_cost_matrix,
)
from ..algorithms.network.routing import build_graph, metres_per_unit, od_costs, segment_costs, straight_costs
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm
from .common.network_input import (
    SiteLayer,
    add_network_inputs,
    connect_points,
    feature_ids,
    helped,
    numeric_values,
    read_network_inputs,
    read_points,
    unit_name,
)
from .common.qgis_compat import FIELD_NUMERIC, NUMBER_DOUBLE, NUMBER_INTEGER, WKB_LINESTRING, WKB_POINT, field
from .common.reports.facilitylocation import LocationReport, location_report

#: CANDIDATES, CANDIDATE_ID_FIELD and CAPACITY_FIELD (declared after MODEL).
CANDIDATE_LAYER = SiteLayer("CANDIDATES", "CANDIDATE_ID_FIELD", "CAPACITY_FIELD")


class FacilityLocation(TsrAlgorithm):
    ALG_ID = "facilitylocation"
    GROUP_ID = "network"

    DEMAND = "DEMAND"
    CANDIDATES = "CANDIDATES"
    CANDIDATE_ID_FIELD = "CANDIDATE_ID_FIELD"
    EXISTING = "EXISTING"
    COST_TABLE = "COST_TABLE"
    COST_ORIGIN_FIELD = "COST_ORIGIN_FIELD"
    COST_DESTINATION_FIELD = "COST_DESTINATION_FIELD"
    COST_FIELD = "COST_FIELD"
    MODEL = "MODEL"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    P = "P"
    SERVICE_DISTANCE = "SERVICE_DISTANCE"
    TIME_LIMIT = "TIME_LIMIT"
    MIP_GAP = "MIP_GAP"
    OUTPUT_SITES = "OUTPUT_SITES"
    OUTPUT_ALLOCATION = "OUTPUT_ALLOCATION"
    OBJECTIVE = "OBJECTIVE"
    COVERED_PERCENT = "COVERED_PERCENT"
    COVERAGE_CURVE = "COVERAGE_CURVE"
    STATUS = "STATUS"
    OUTPUT_HTML = "OUTPUT_HTML"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Facility location (new shelters and clinics)")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Where to add sites: set covering, maximal covering, p-median, p-center, with capacities, solved exactly")

    def tags(self) -> list[str]:
        return self.tr("location-allocation,LSCP,MCLP,p-median,p-center,capacitated,MILP,HiGHS,shelter,选址,避难场所,覆盖").split(",")

    @staticmethod
    def model_options() -> list[str]:
        return [
            tr("LSCP: fewest new sites covering everyone"),
            tr("MCLP: P new sites covering the most people"),
            tr("p-median: P new sites with the least total travel"),
            tr("p-center: P new sites with the shortest longest trip"),
        ]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        add_network_inputs(
            self,
            demand_label=self.tr("Demand (residents: points or polygons)"),
            sites=CANDIDATE_LAYER,
            sites_label=self.tr("Candidate sites (points)"),
            id_label=self.tr("Candidate id field"),
            demand_id=True,
            optional_network=True,
            before_network=[
                helped(
                    QgsProcessingParameterFeatureSource(
                        self.EXISTING, self.tr("Existing facilities"), [QgsProcessing.SourceType.TypeVectorPoint], optional=True
                    ),
                    self.tr(
                        "Facilities already built: always open and not counted in P. Their ids come from CANDIDATE_ID_FIELD when they have "
                        "that field; with CAPACITY_FIELD they need it too."
                    ),
                )
            ],
        )
        self.addParameter(
            helped(
                QgsProcessingParameterFeatureSource(
                    self.COST_TABLE, self.tr("Origin–destination cost table"), [QgsProcessing.SourceType.TypeVector], optional=True
                ),
                self.tr(
                    "Rows of (demand id, site id, cost) from another routing tool, used instead of the network; a pair without a row or "
                    "with an empty cost is unreachable. Ids as DEMAND_ID_FIELD and CANDIDATE_ID_FIELD give them."
                ),
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.COST_ORIGIN_FIELD, self.tr("Cost table: demand id field"), parentLayerParameterName=self.COST_TABLE, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.COST_DESTINATION_FIELD, self.tr("Cost table: site id field"), parentLayerParameterName=self.COST_TABLE, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.COST_FIELD, self.tr("Cost table: cost field"), parentLayerParameterName=self.COST_TABLE, type=FIELD_NUMERIC, optional=True
            )
        )
        self.addParameter(QgsProcessingParameterEnum(self.MODEL, self.tr("Model"), self.model_options(), defaultValue=MCLP))
        self.addParameter(
            helped(
                QgsProcessingParameterField(
                    self.CAPACITY_FIELD,
                    self.tr("Capacity field (persons)"),
                    parentLayerParameterName=self.CANDIDATES,
                    type=FIELD_NUMERIC,
                    optional=True,
                ),
                self.tr("Persons each site can serve; given, the model is capacitated (a demand point may be split between sites)."),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterNumber(self.P, self.tr("Number of new sites P"), NUMBER_INTEGER, 3, minValue=0),
                self.tr("New sites to open (MCLP, p-median, p-center); LSCP finds the fewest itself."),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterNumber(self.SERVICE_DISTANCE, self.tr("Service distance or time"), NUMBER_DOUBLE, 1000.0, minValue=0.0),
                self.tr("In the unit of COST. Needed by LSCP and MCLP; for p-median and p-center 0 = no limit."),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterNumber(self.TIME_LIMIT, self.tr("Solver time limit (s)"), NUMBER_DOUBLE, 300.0, minValue=1.0),
                self.tr("Wall-clock budget for all the solving; when it runs out, the best solution found is returned and its gap reported."),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterNumber(self.MIP_GAP, self.tr("Accepted optimality gap (%)"), NUMBER_DOUBLE, 0.0, minValue=0.0, maxValue=50.0),
                self.tr("The solver stops once its solution is proven within this gap of the optimum; 0 = proven optimal."),
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_SITES, self.tr("Selected sites"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_ALLOCATION, self.tr("Allocation lines"), QgsProcessing.SourceType.TypeVectorLine, optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Location report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.OBJECTIVE, self.tr("Objective value")))
        self.addOutput(QgsProcessingOutputNumber(self.COVERED_PERCENT, self.tr("Population served or covered (%)")))
        self.addOutput(QgsProcessingOutputString(self.COVERAGE_CURVE, self.tr("Covered percent for 1…P new sites (MCLP)")))
        self.addOutput(QgsProcessingOutputString(self.STATUS, self.tr("Solver status")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        model = self.parameterAsEnum(parameters, self.MODEL, context)
        p = self.parameterAsInt(parameters, self.P, context)
        service = self.parameterAsDouble(parameters, self.SERVICE_DISTANCE, context)
        if model in (LSCP, MCLP) and service <= 0:
            raise QgsProcessingException(self.tr("The covering models need a SERVICE_DISTANCE greater than 0"))
        inputs = read_network_inputs(
            self,
            parameters,
            context,
            feedback,
            CANDIDATE_LAYER,
            demand_what=self.tr("The demand layer"),
            sites_what=self.tr("The candidate layer"),
            id_what=self.tr("Candidate"),
            capacity_what=self.tr("Candidates"),
            connect=False,
        )
        crs, people = inputs.crs, inputs.demand
        demand, population, demand_ids = people.points, people.population, people.ids
        existing_source = self.parameterAsSource(parameters, self.EXISTING, context)
        existing = (
            read_points(existing_source, crs, context, self.tr("The existing facility layer"), feedback) if existing_source is not None else None
        )
        site_ids, site_xy = inputs.site_ids, inputs.sites.xy
        n_candidates = len(site_ids)
        if existing is not None:
            id_field = self.parameterAsString(parameters, self.CANDIDATE_ID_FIELD, context)
            names = existing.features[0].fields().names()
            existing_ids = feature_ids(existing.features, id_field if id_field in names else "", self.tr("Existing facility"), prefix="existing-")
            site_ids = site_ids + existing_ids
            site_xy = np.concatenate([site_xy, existing.xy])
            if len(set(site_ids)) < len(site_ids):
                raise QgsProcessingException(self.tr("Candidate and existing facility ids must differ; some are used by both"))
        fixed = np.arange(n_candidates, len(site_ids))
        capacity = self.capacities(parameters, context, inputs, existing)
        costs, unit = self.costs(parameters, context, feedback, inputs, model, service, site_xy, site_ids)
        feedback.setProgress(40)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled: no output was written"))
        time_limit = self.parameterAsDouble(parameters, self.TIME_LIMIT, context)
        gap = self.parameterAsDouble(parameters, self.MIP_GAP, context) / 100.0
        # TIME_LIMIT is one wall-clock budget for all the solving (the MCLP curve included);
        # the solvers check cancellation between their time slices.
        options = dict(fixed=fixed, capacity=capacity, time_limit=time_limit, mip_gap=gap, cancelled=feedback.isCanceled)
        started = time.perf_counter()
        with self.core_errors():
            try:
                result, curve = solve_model(model, costs, population, service, p, **options)
            except UncoverableDemand as error:
                raise error.with_ids(demand_ids) from None
        feedback.pushInfo(
            self.tr("Solved in {seconds:.2f} s (time limit {limit:g} s)").format(seconds=time.perf_counter() - started, limit=time_limit)
        )
        feedback.setProgress(85)
        if result.status != OPTIMAL:
            if np.isfinite(result.mip_gap):
                feedback.reportError(
                    self.tr("The time limit stopped the solver: the solution may be up to {gap:.2f} % from the optimum").format(
                        gap=100.0 * result.mip_gap
                    ),
                    fatalError=False,
                )
            else:
                feedback.reportError(
                    self.tr("The time limit stopped the solver before it could bound the optimum: the solution is the best found, not a proven one"),
                    fatalError=False,
                )
        # People without a location stay in the denominator: they are not served.
        total = people.total_population
        covered_percent = served_percent(result.covered_weight, total)
        results = {
            self.OBJECTIVE: float(result.objective),
            self.COVERED_PERCENT: covered_percent,
            self.COVERAGE_CURVE: ",".join(f"{step.covered_percent:.4f}" for step in curve_steps(curve, total)),
            self.STATUS: result.status,
        }
        results.update(self.write_sites(parameters, context, result, site_ids, site_xy, capacity, fixed, crs))
        allocation = self.write_allocation(parameters, context, result, costs, demand, demand_ids, site_ids, site_xy, crs)
        if allocation:
            results[self.OUTPUT_ALLOCATION] = allocation
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html:
            data = LocationReport(
                self.model_options()[model],
                result,
                curve,
                site_ids,
                total,
                len(people.unlocated),
                float(people.unlocated_population.sum()),
                unit_name(unit),
                service,
            )
            report.write(html, location_report(self.tr, data))
            results[self.OUTPUT_HTML] = html
        feedback.pushInfo(
            self.tr("{model}: {new} new sites, {covered:.2f} % of the population served, objective {objective:.6g} ({status})").format(
                model=self.model_options()[model].split(":")[0],
                new=len(result.new_sites),
                covered=covered_percent,
                objective=result.objective,
                status=result.status,
            )
        )
        feedback.setProgress(100)
        return results

    def capacities(self, parameters, context, inputs, existing) -> np.ndarray | None:
        if inputs.capacity is None:
            return None
        name = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        capacity, nulls = inputs.capacity, int(inputs.capacity_missing.sum())
        if existing is not None:
            if name not in existing.features[0].fields().names():
                raise QgsProcessingException(self.tr("The existing facilities need the capacity field '{field}' too").format(field=name))
            more, more_nulls = numeric_values(existing.features, name, self.tr("Existing facilities"))
            capacity, nulls = np.concatenate([capacity, more]), nulls + more_nulls
        if nulls:
            feedback = context.feedback()
            if feedback is not None:
                feedback.reportError(self.tr("{n} sites have no capacity and count as 0 persons").format(n=nulls), fatalError=False)
        return capacity

    def costs(self, parameters, context, feedback, inputs, model, service, site_xy, site_ids) -> tuple[CostMatrix, int]:
        """The demand × site costs: from the cost table, the network, or straight lines."""
        table = self.parameterAsSource(parameters, self.COST_TABLE, context)
        unit, speed, max_snap, demand = inputs.unit, inputs.speed, inputs.max_snap, inputs.demand.points
        cutoff = service_cutoff(model in (LSCP, MCLP), service)
        if table is not None:
            return self.table_costs(parameters, context, table, inputs.demand.ids, site_ids, cutoff), unit
        joined = connect_points(self, parameters, context, feedback, inputs.crs, [demand.xy, site_xy], unit, speed)
        if joined is None:
            with self.core_errors():
                return straight_costs(demand.xy, site_xy, 1.0 / metres_per_unit(unit, speed), cutoff), unit
        far_demand = int((~joined.snapped[0].reached).sum())
        if far_demand:
            feedback.reportError(
                self.tr("{n} demand points are more than {d:g} m from any road: no site can reach them").format(n=far_demand, d=max_snap),
                fatalError=False,
            )
        far = int((~joined.snapped[1].reached).sum())
        if far:
            feedback.reportError(self.tr("{n} sites are farther than MAX_SNAP from any road and cannot serve anyone").format(n=far), fatalError=False)
        with self.core_errors():
            graph = build_graph(joined.net, segment_costs(joined.net, unit, speed))
            return od_costs(graph, joined.endpoints[0], joined.endpoints[1], cutoff, cancelled=feedback.isCanceled), unit

    def table_costs(self, parameters, context, table, demand_ids, site_ids, cutoff) -> CostMatrix:
        """The costs of the user's table: one row per (demand id, site id, cost). Missing or
        infinite costs mean unreachable; NaN, negative or non-numeric costs and repeated
        pairs refuse the run, naming the row (its feature id)."""
        fields = [
            self.parameterAsString(parameters, name, context) for name in (self.COST_ORIGIN_FIELD, self.COST_DESTINATION_FIELD, self.COST_FIELD)
        ]
        if not all(fields):
            raise QgsProcessingException(self.tr("A cost table needs COST_ORIGIN_FIELD, COST_DESTINATION_FIELD and COST_FIELD"))
        rows = ((feature.id(), *(feature[f] for f in fields)) for feature in table.getFeatures())
        with self.core_errors():
            read = table_cost_matrix(rows, demand_ids, site_ids, cutoff)
        feedback = context.feedback()
        if feedback is not None:
            if read.unknown:
                feedback.reportError(
                    self.tr("{n} rows of the cost table name ids that are not among the located demand points or sites; they are ignored").format(
                        n=read.unknown
                    ),
                    fatalError=False,
                )
            if read.empty:
                feedback.reportError(
                    self.tr("{n} rows of the cost table have no cost or an infinite one: those pairs are unreachable").format(n=read.empty),
                    fatalError=False,
                )
        return read.costs

    def write_sites(self, parameters, context, result, site_ids, site_xy, capacity, fixed, crs) -> dict:
        fields = QgsFields()
        for name, kind in (("site_id", "string"), ("existing", "int"), ("served", "double"), ("capacity", "double"), ("load_ratio", "double")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_SITES, context, fields, WKB_POINT, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_SITES))
        styles.style_on_load(context, dest, styles.candidate_sites)
        served = result.served_per_site(len(site_ids))
        fixed_set = set(fixed.tolist())
        for j in result.selected:
            j = int(j)
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*site_xy[j])))
            cap = float(capacity[j]) if capacity is not None else None
            load = float(served[j]) / cap if cap else None
            feature.setAttributes([site_ids[j], int(j in fixed_set), round(float(served[j]), 3), cap, load])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT_SITES: dest}

    def write_allocation(self, parameters, context, result, costs, demand, demand_ids, site_ids, site_xy, crs):
        fields = QgsFields()
        for name, kind in (("demand_id", "string"), ("site_id", "string"), ("people", "double"), ("cost", "double")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_ALLOCATION, context, fields, WKB_LINESTRING, crs)
        if sink is None:
            return None
        styles.style_on_load(context, dest, styles.allocation_lines)
        share = result.allocation
        cost = costs.cost_of(share.demand, share.candidate)
        for i, j, people, c in zip(share.demand, share.candidate, share.amount, cost):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*demand.xy[i]), QgsPointXY(*site_xy[j])]))
            feature.setAttributes([demand_ids[i], site_ids[j], round(float(people), 3), round(float(c), 4)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest
