"""tsr:networkrobustness — robustness curves and the threshold of any line network (roads,
power lines, pipes, the links of tsr:patchconnectivity) under random failure or attack."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ..algorithms.network.criticality import Elements, covered_share, n_minus_one
from ..algorithms.network.graph import build_network
from ..algorithms.network.robustness import EDGES, NODES, PRIORITY, id_graph, line_graph, robustness_curve
from ..algorithms.network.routing import DISTANCE
from .common import report
from .common.base import TsrAlgorithm, require_projected_crs
from .common.network_input import DEMAND, POPULATION_FIELD, helped, join_points, read_demand, read_points
from .common.qgis_compat import FIELD_NUMERIC, NUMBER_INTEGER, WKB_NOGEOMETRY, field, plain
from .common.reports.networkrobustness import robustness_report


class NetworkRobustness(TsrAlgorithm):
    ALG_ID = "networkrobustness"
    GROUP_ID = "stress"

    INPUT = "INPUT"
    REMOVAL = "REMOVAL"
    REPETITIONS = "REPETITIONS"
    SEED = "SEED"
    UNIT = "UNIT"
    STEPS = "STEPS"
    TOLERANCE = "TOLERANCE"
    FACILITIES = "FACILITIES"
    THRESHOLD = "THRESHOLD"
    MAX_SNAP = "MAX_SNAP"
    OUTPUT_CURVE = "OUTPUT_CURVE"
    OUTPUT_HTML = "OUTPUT_HTML"
    CRITICAL_FRACTION = "CRITICAL_FRACTION"
    ROBUSTNESS = "ROBUSTNESS"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Network robustness (failure and attack curves)")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("How much damage a line network takes before it falls apart: robustness curves, critical fraction and R")

    def tags(self) -> list[str]:
        return self.tr("robustness,percolation,attack,failure,betweenness,efficiency,network,鲁棒性,连通性,韧性,阈值").split(",")

    def removal_options(self) -> list[str]:
        return [
            self.tr("Random (repeated)"),
            self.tr("Targeted by degree"),
            self.tr("Targeted by betweenness (recomputed after each step)"),
            self.tr("By criticality (tsr:networkcriticality)"),
        ]

    def unit_options(self) -> list[str]:
        return [self.tr("Nodes"), self.tr("Links")]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(
            helped(
                QgsProcessingParameterFeatureSource(
                    self.INPUT, self.tr("Line network (roads, power lines, pipes, patch links)"), [QgsProcessing.SourceType.TypeVectorLine]
                ),
                self.tr("Each line links its two end points; lines meet only where they end at one point (e.g. tsr:patchconnectivity links)."),
            )
        )
        self.addParameter(QgsProcessingParameterEnum(self.REMOVAL, self.tr("Removal"), self.removal_options(), defaultValue=0))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.REPETITIONS, self.tr("Repetitions of the random removal"), NUMBER_INTEGER, 10, minValue=1, maxValue=1000
            )
        )
        self.addParameter(QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"), NUMBER_INTEGER, 1, minValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.UNIT, self.tr("Remove"), self.unit_options(), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.STEPS, self.tr("Steps"), NUMBER_INTEGER, 20, minValue=1, maxValue=100000))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                DEMAND,
                self.tr("Demand (residents: points or polygons; optional)"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                POPULATION_FIELD, self.tr("Population field (persons)"), parentLayerParameterName=DEMAND, type=FIELD_NUMERIC, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.FACILITIES, self.tr("Facilities (points; optional)"), [QgsProcessing.SourceType.TypeVectorPoint], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterDistance(self.THRESHOLD, self.tr("Threshold distance along the lines"), 1000.0, self.INPUT, minValue=0.0)
        )
        self.addParameter(
            QgsProcessingParameterDistance(self.MAX_SNAP, self.tr("Maximum distance from a point to the network"), 500.0, self.INPUT, minValue=0.0)
        )
        tolerance = QgsProcessingParameterDistance(self.TOLERANCE, self.tr("End point snapping tolerance"), 0.0, self.INPUT, minValue=0.0)
        tolerance.setFlags(tolerance.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(tolerance)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_CURVE, self.tr("Robustness curve"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Robustness report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.CRITICAL_FRACTION, self.tr("Critical fraction (largest component below half of the nodes)")))
        self.addOutput(QgsProcessingOutputNumber(self.ROBUSTNESS, self.tr("Robustness R (Schneider et al. 2011)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        removal = self.parameterAsEnum(parameters, self.REMOVAL, context)
        unit = self.parameterAsEnum(parameters, self.UNIT, context)
        steps = self.parameterAsInt(parameters, self.STEPS, context)
        repetitions = self.parameterAsInt(parameters, self.REPETITIONS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        demand_source = self.parameterAsSource(parameters, DEMAND, context)
        facility_source = self.parameterAsSource(parameters, self.FACILITIES, context)
        with_access = demand_source is not None or facility_source is not None
        if with_access and (demand_source is None or facility_source is None or not self.parameterAsString(parameters, POPULATION_FIELD, context)):
            raise QgsProcessingException(
                self.tr("The share of the population within THRESHOLD needs DEMAND, POPULATION_FIELD and FACILITIES together")
            )
        if removal == PRIORITY and not with_access:
            raise QgsProcessingException(self.tr("Removal by criticality needs DEMAND, POPULATION_FIELD and FACILITIES"))
        crs = demand_source.sourceCrs() if with_access else source.sourceCrs()
        if with_access or tolerance > 0:
            require_projected_crs(crs, self.tr("The demand layer") if with_access else self.tr("The line layer"))
        lines, ids = self.read_lines(source, crs, context, feedback)
        with self.core_errors():
            if ids is not None:
                feedback.pushInfo(self.tr("The lines have from_id and to_id fields: their nodes are those ids (a patch graph)"))
                graph = id_graph(lines, *ids)
            else:
                graph = line_graph(lines, tolerance)
        links = graph.links
        feedback.pushInfo(self.tr("Network: {nodes} nodes, {links} links").format(nodes=graph.n_nodes, links=len(links)))
        probe, priority, threshold = None, None, None
        if with_access:
            threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
            probe, priority = self.access(
                parameters, context, feedback, graph, lines, crs, demand_source, facility_source, threshold, removal == PRIORITY, unit
            )
        feedback.setProgress(10)
        with self.core_errors():
            curve = robustness_curve(
                graph,
                removal,
                unit,
                steps,
                repetitions,
                seed,
                priority,
                probe,
                cancelled=feedback.isCanceled,
                progress=self.progress_range(feedback, 10, 95),
            )
        critical = float(curve.critical_fraction) if np.isfinite(curve.critical_fraction) else 1.0
        results = {self.CRITICAL_FRACTION: critical, self.ROBUSTNESS: float(curve.robustness)}
        results.update(self.write_curve(parameters, context, curve, with_access))
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html:
            text = robustness_report(
                self.tr,
                curve,
                self.removal_options()[removal],
                self.unit_options()[unit],
                graph.n_nodes,
                len(links),
                repetitions if removal == 0 else 1,
                threshold,
            )
            report.write(html, text)
            results[self.OUTPUT_HTML] = html
        feedback.pushInfo(self.tr("Critical fraction {f:.4f}, robustness R {r:.4f}").format(f=critical, r=float(curve.robustness)))
        feedback.setProgress(100)
        return results

    def read_lines(self, source, crs, context, feedback) -> tuple[list[np.ndarray], tuple[list, list] | None]:
        """Each part of each line feature, in `crs`, and the from_id / to_id of each part when
        the layer has both fields (the links of tsr:patchconnectivity), else None."""
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        names = source.fields().names()
        with_ids = "from_id" in names and "to_id" in names
        lines, skipped, start, end = [], 0, [], []
        for feature in source.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                skipped += 1
                continue
            geometry.transform(transform)
            parts = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
            lines.extend(np.array([(p.x(), p.y()) for p in part], dtype=float).reshape(-1, 2) for part in parts)
            if with_ids:
                start.extend([plain(feature["from_id"])] * len(parts))
                end.extend([plain(feature["to_id"])] * len(parts))
        if skipped:
            feedback.reportError(self.tr("{n} lines have no geometry and are left out").format(n=skipped), fatalError=False)
        if not lines:
            raise QgsProcessingException(self.tr("The line layer has no line with a geometry"))
        return lines, ((start, end) if with_ids else None)

    def access(self, parameters, context, feedback, graph, lines, crs, demand_source, facility_source, threshold, by_criticality, unit):
        """The population-share probe and, for removal by criticality, the priority of every unit."""
        people = read_demand(self, parameters, context, demand_source, crs, feedback, self.tr("The demand layer"))
        facilities = read_points(facility_source, crs, context, self.tr("The facility layer"), feedback)
        max_snap = self.parameterAsDouble(parameters, self.MAX_SNAP, context)
        with self.core_errors():
            net = build_network(lines, tolerance=self.parameterAsDouble(parameters, self.TOLERANCE, context))
        joined = join_points(net, [people.points.xy, facilities.xy], max_snap, DISTANCE, 5.0)
        net = joined.net
        demand, sites = joined.endpoints
        if not (sites.node >= 0).any():
            raise QgsProcessingException(self.tr("No facility is within MAX_SNAP of the network"))
        cost = net.length
        total = people.total_population
        population = people.population

        def probe(dead_nodes: np.ndarray, dead_lines: np.ndarray) -> float:
            return covered_share(net, cost, demand, population, sites, threshold, dead_lines[net.road], total)

        priority = None
        if by_criticality:
            if unit == EDGES:
                elements = Elements.from_labels(net.road, len(lines))
            else:
                incident = [[] for _ in range(graph.n_nodes)]
                for k in graph.links:
                    incident[graph.u[k]].append(k)
                    incident[graph.v[k]].append(k)
                segments_of_line = Elements.from_labels(net.road, len(lines))
                elements = Elements.from_lists(
                    [np.concatenate([segments_of_line.members(k) for k in group]) if group else np.zeros(0, np.int64) for group in incident]
                )
            with self.core_errors():
                measures, _ = n_minus_one(
                    net, cost, demand, population, sites, threshold, elements, total_population=total, cancelled=feedback.isCanceled
                )
            priority = (len(measures) - measures.rank).astype(float)
            if unit == NODES and len(priority) != graph.n_nodes:
                raise QgsProcessingException("internal: one priority per node")
        return probe, priority

    def write_curve(self, parameters, context, curve, with_access) -> dict:
        fields = QgsFields()
        for name, kind in (
            ("step", "int"),
            ("removed", "int"),
            ("fraction", "double"),
            ("largest_share", "double"),
            ("efficiency", "double"),
            ("covered_share", "double"),
        ):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_CURVE, context, fields, WKB_NOGEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_CURVE))
        for k in range(len(curve.fraction)):
            out = QgsFeature(fields)
            covered = float(curve.covered[k]) if with_access else None
            out.setAttributes([k, int(curve.removed[k]), float(curve.fraction[k]), float(curve.largest[k]), float(curve.efficiency[k]), covered])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT_CURVE: dest}
