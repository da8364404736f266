"""tsr:evacuationroutes — safe routes from residents to shelters around hazard zones.

What every output says agrees with what was computed:

* A shelter standing inside a hazard zone receives nobody in avoid mode (the core's rule,
  algorithms/network/evacuation.py); the log names those shelters, the report marks them, and when
  every shelter stands inside a zone the log and the report say that nobody can be evacuated
  and EVACUATED_PERCENT is 0. In penalise mode they are used at the penalty and the log says
  how many people they receive. Who is left and why, the totals and the log's warnings are
  decided in algorithms/network/evacuation_summary.py.
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

from ..algorithms.network.evacuation import AVOID, Evacuation, evacuate, graphs_around_zones
from ..algorithms.network.evacuation_summary import Outcome, avoided_shelters_note, input_notes, summarise
from ..algorithms.network.routing import TIME, segment_costs
from ..algorithms.network.zones import hazard_along
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm
from .common.network_input import (
    NETWORK,
    NetworkInputs,
    SiteLayer,
    add_network_inputs,
    helped,
    read_network_inputs,
    sources,
    unit_name,
    working_crs,
)
from .common.qgis_compat import NUMBER_DOUBLE, WKB_LINESTRING, WKB_POINT, field
from .common.reports.evacuationroutes import EvacuationReport, evacuation_report

NEAREST, CAPACITY = 0, 1
#: SHELTERS, SHELTER_ID_FIELD, CAPACITY_FIELD.
SHELTER_LAYER = SiteLayer("SHELTERS", "SHELTER_ID_FIELD", "CAPACITY_FIELD")
#: Fields of OUTPUT and OUTPUT_UNREACHED.
ROUTE_FIELDS = (
    ("demand_id", "string"),
    ("shelter_id", "string"),
    ("people", "double"),
    ("length_m", "double"),
    ("time_min", "double"),
    ("hazard_length_m", "double"),
    ("cost", "double"),
)
UNREACHED_FIELDS = (("demand_id", "string"), ("people", "double"), ("reason", "string"))


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
        mode = self.parameterAsEnum(parameters, self.HAZARD_MODE, context)
        penalty = self.parameterAsDouble(parameters, self.PENALTY, context)
        assignment = self.parameterAsEnum(parameters, self.ASSIGNMENT, context)
        if assignment == CAPACITY and not self.parameterAsString(parameters, self.CAPACITY_FIELD, context):
            raise QgsProcessingException(self.tr("The capacity-respecting assignment needs CAPACITY_FIELD"))
        inputs = self.read_inputs(parameters, context, feedback)
        people, shelter_ids, joined = inputs.demand, inputs.site_ids, inputs.joined
        lost_people = np.asarray(people.unlocated_population, dtype=float)
        self.warn(
            feedback,
            input_notes(
                people.unlocated_ids,
                lost_people,
                inputs.skipped_site_ids,
                shelter_ids,
                inputs.capacity,
                inputs.capacity_missing,
                assignment == CAPACITY,
            ),
        )
        degree = self.read_hazard(parameters, context, feedback, inputs)
        feedback.setProgress(20)
        with self.core_errors():
            graphs = graphs_around_zones(
                joined.net,
                segment_costs(joined.net, inputs.unit, inputs.speed),
                inputs.polygons,
                mode,
                penalty,
                degree,
                joined.endpoints[0],
                people.points.xy,
                joined.endpoints[1],
                inputs.sites.xy,
                cancelled,
            )
            inside = graphs.shelter_zone >= 0
            self.warn(feedback, [avoided_shelters_note(shelter_ids, inside, mode == AVOID)])
            run = evacuate(
                graphs,
                people.population,
                inputs.capacity if assignment == CAPACITY else None,
                segment_costs(joined.net, TIME, inputs.speed),
                joined.snapped[0].distance,
                joined.snapped[1].distance,
                inputs.speed * 1000.0 / 60.0,
                cancelled,
                self.progress_range(feedback, 20, 80),
            )
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled: no output was written"))
        outcome = summarise(
            run.flows,
            run.pairs,
            people.population,
            lost_people,
            joined.snapped[0].reached,
            shelter_ids,
            inside,
            avoid=mode == AVOID,
            has_zones=bool(inputs.polygons),
        )
        self.warn(feedback, outcome.notes)
        results = {self.OUTPUT: self.write_routes(parameters, context, inputs, run)}
        unreached = self.write_unreached(parameters, context, inputs, outcome)
        if unreached:
            results[self.OUTPUT_UNREACHED] = unreached
        results[self.EVACUATED_PERCENT] = outcome.percent
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html:
            report.write(html, evacuation_report(self.tr, self.report_data(inputs, mode, run, outcome)))
            results[self.OUTPUT_HTML] = html
        feedback.pushInfo(self.tr("{p:.2f} % of residents have a safe route to a shelter").format(p=results[self.EVACUATED_PERCENT]))
        feedback.setProgress(100)
        return results

    def read_inputs(self, parameters, context, feedback) -> NetworkInputs:
        """Residents, shelters and the road network cut at the hazard zones, in the resident
        layer's CRS; a layer without CRS is taken to be in it (with a warning)."""
        demand_source, shelter_source = sources(self, parameters, context, self.DEMAND, self.SHELTERS)
        crs = working_crs(demand_source, self.tr("The resident layer"))
        for source, what in (
            (shelter_source, self.tr("Shelters")),
            (self.parameterAsSource(parameters, NETWORK, context), self.tr("Road network")),
            (self.parameterAsSource(parameters, self.HAZARD_ZONES, context), self.tr("Hazard zones")),
        ):
            if source is not None and not source.sourceCrs().isValid():
                feedback.pushWarning(
                    self.tr(
                        "{what}: the layer has no coordinate reference system; its coordinates are taken to be in the resident layer's CRS ({crs})"
                    ).format(what=what, crs=crs.authid())
                )
        with self.transform_errors(crs):
            return read_network_inputs(
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

    @staticmethod
    def warn(feedback, notes) -> None:
        """The core's notes (Messages; None for none) as warnings of the log."""
        for note in notes:
            if note is not None:
                feedback.pushWarning(note.translated(tr))

    def read_hazard(self, parameters, context, feedback, inputs: NetworkInputs) -> np.ndarray | None:
        """The mean hazard degree of the raster along each road segment (None without a raster);
        warns when the hazard zone layer holds no polygon."""
        if self.parameterAsSource(parameters, self.HAZARD_ZONES, context) is not None and not inputs.polygons:
            feedback.pushWarning(self.tr("The hazard zone layer holds no polygon with an area: no road is avoided or penalised"))
        raster = self.parameterAsRasterLayer(parameters, self.HAZARD_RASTER, context)
        if raster is None:
            return None
        with self.core_errors():
            sampled = hazard_along(inputs.net, self.raster_file(raster, self.tr("Hazard raster")), inputs.crs.toWkt(), cancelled=feedback.isCanceled)
        self.warn(feedback, sampled.notes)
        return sampled.degree

    def write_routes(self, parameters, context, inputs: NetworkInputs, run: Evacuation) -> str:
        """OUTPUT: one line per flow, resident → roads → shelter."""
        fields = QgsFields()
        for name, kind in ROUTE_FIELDS:
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_LINESTRING, inputs.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        styles.style_on_load(context, dest, styles.evacuation_routes(run.flows.people))
        demand_xy, road_xy, shelter_xy = inputs.demand.points.xy, inputs.net.xy, inputs.sites.xy
        measures = run.measures
        for k, route in enumerate(run.routes):
            i, j = route.demand, route.shelter
            points = [demand_xy[i]] + [road_xy[v] for v in route.nodes] + [shelter_xy[j]]
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in points]))
            feature.setAttributes(
                [
                    inputs.demand.ids[i],
                    inputs.site_ids[j],
                    float(measures.people[k]),
                    round(float(measures.length_m[k]), 2),
                    round(float(measures.time_min[k]), 3),
                    round(float(measures.hazard_m[k]), 2),
                    round(float(run.route_cost[k]), 4),
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    def write_unreached(self, parameters, context, inputs: NetworkInputs, outcome: Outcome) -> str | None:
        """OUTPUT_UNREACHED: the residents with people left, with the reason, then those
        without geometry; None when the output is not wanted."""
        fields = QgsFields()
        for name, kind in UNREACHED_FIELDS:
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_UNREACHED, context, fields, WKB_POINT, inputs.crs)
        if sink is None:
            return None
        styles.style_on_load(context, dest, styles.unreached)
        people, left, reasons = inputs.demand, outcome.left, outcome.reasons(tr)
        for i in np.flatnonzero(left > 0):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*people.points.xy[i])))
            feature.setAttributes([people.ids[i], float(left[i]), reasons[i]])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        for name, lost in zip(people.unlocated_ids, people.unlocated_population):
            feature = QgsFeature(fields)
            feature.setAttributes([name, float(lost), self.tr("no geometry")])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    def report_data(self, inputs: NetworkInputs, mode: int, run: Evacuation, outcome: Outcome) -> EvacuationReport:
        """What the HTML report shows, from the inputs, the run and its outcome."""
        return EvacuationReport(
            run.measures,
            outcome.total,
            outcome.left,
            outcome.reasons(tr),
            inputs.site_ids,
            outcome.load,
            inputs.capacity,
            avoid=mode == AVOID,
            has_zones=bool(inputs.polygons),
            unit=unit_name(inputs.unit),
            inside=outcome.inside_avoided,
            inside_used=outcome.inside_used,
            off_road=~inputs.joined.snapped[1].reached,
            homeless_ids=inputs.skipped_site_ids,
            lost=len(inputs.demand.unlocated_ids),
            lost_population=outcome.lost_population,
            nobody=outcome.nobody.translated(tr) if outcome.nobody is not None else None,
        )
