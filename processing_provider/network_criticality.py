"""tsr:networkcriticality — which road segment or facility, if lost, cuts the most people off
from help within the standard (N−1), and what a scenario of losses (a flood) does."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
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
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsRasterLayer,
)

from ..algorithms.network.criticality import Elements, n_minus_one, scenario, segments_above
from ..algorithms.network.routing import segment_costs
from ..algorithms.network.zones import zone_of_segments
from .common import report, styles
from .common.base import TsrAlgorithm
from .common.network_input import (
    FACILITY_LAYER,
    NETWORK,
    add_network_inputs,
    connect_points,
    feature_ids,
    helped,
    read_network_inputs,
    read_polygons,
    unit_name,
)
from .common.qgis_compat import NUMBER_DOUBLE, POLYGON_GEOMETRY, WKB_MULTILINESTRING, WKB_POINT, field
from .common.reports.networkcriticality import CLASS_COLOURS, CriticalityReport, class_names, criticality_report

TRUE_VALUES = {"1", "yes", "true", "t", "y", "是"}


def _truthy(value) -> bool:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0 and value == value
    return str(value).strip().lower() in TRUE_VALUES or (isinstance(value, bool) and value)


class NetworkCriticality(TsrAlgorithm):
    ALG_ID = "networkcriticality"
    GROUP_ID = "stress"

    CAPACITY_FIELD = "CAPACITY_FIELD"
    THRESHOLD = "THRESHOLD"
    ELEMENTS = "ELEMENTS"
    ELEMENT_ID_FIELD = "ELEMENT_ID_FIELD"
    ELEMENT_FILTER_FIELD = "ELEMENT_FILTER_FIELD"
    SCENARIO = "SCENARIO"
    SCENARIO_THRESHOLD = "SCENARIO_THRESHOLD"
    OUTPUT = "OUTPUT"
    OUTPUT_DEMAND = "OUTPUT_DEMAND"
    OUTPUT_HTML = "OUTPUT_HTML"
    SCENARIO_LOST_ACCESS = "SCENARIO_LOST_ACCESS"
    MOST_CRITICAL_ID = "MOST_CRITICAL_ID"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Network criticality (N−1 and scenarios)")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Which road segment or facility, if lost, cuts the most people off from help within the standard; a scenario of losses")

    def tags(self) -> list[str]:
        return self.tr("criticality,vulnerability,N-1,stress test,bridge,hospital,flood,road,关键性,脆弱性,压力测试,韧性").split(",")

    def element_options(self) -> list[str]:
        return [
            self.tr("Every road segment"),
            self.tr("The selected or filtered road segments"),
            self.tr("Each facility"),
            self.tr("Road segments and facilities"),
        ]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        add_network_inputs(
            self,
            demand_label=self.tr("Demand (residents: points or polygons)"),
            sites=FACILITY_LAYER,
            sites_label=self.tr("Facilities (hospitals, shelters: points)"),
            id_label=self.tr("Facility id field"),
            capacity_label=self.tr("Capacity field (persons)"),
            helps={self.CAPACITY_FIELD: self.tr("Persons each facility can take; empty = no overload measure.")},
        )
        self.addParameter(
            helped(
                QgsProcessingParameterNumber(
                    self.THRESHOLD, self.tr("Threshold (metres or minutes: the standard)"), NUMBER_DOUBLE, 15.0, minValue=0.0
                ),
                self.tr("The access standard, in the unit of COST, e.g. 15 minutes to a hospital; losing it is 'lost access'."),
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.ELEMENTS, self.tr("Elements that fail one at a time"), self.element_options(), defaultValue=0)
        )
        self.addParameter(
            helped(
                QgsProcessingParameterField(self.ELEMENT_ID_FIELD, self.tr("Road segment id field"), parentLayerParameterName=NETWORK, optional=True),
                self.tr("Names the road features (the segments) in the outputs; empty = feature ids."),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterField(
                    self.ELEMENT_FILTER_FIELD,
                    self.tr("Filter field (1/yes = evaluate, e.g. bridges)"),
                    parentLayerParameterName=NETWORK,
                    optional=True,
                ),
                self.tr("With ELEMENTS = selected/filtered: the road features whose value is 1, yes or true fail; empty = the layer's selection."),
            )
        )
        self.addParameter(
            helped(
                QgsProcessingParameterMapLayer(
                    self.SCENARIO,
                    self.tr("Scenario (hazard polygons or a hazard raster)"),
                    optional=True,
                    types=[QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeRaster],
                ),
                self.tr("Every road segment inside the polygons, or where the raster exceeds SCENARIO_THRESHOLD, fails at once."),
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(self.SCENARIO_THRESHOLD, self.tr("Scenario raster threshold (e.g. 0.3 m of water)"), NUMBER_DOUBLE, 0.3)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Elements with criticality"), QgsProcessing.SourceType.TypeVectorAnyGeometry)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_DEMAND, self.tr("Demand before and after the scenario"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Criticality report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.SCENARIO_LOST_ACCESS, self.tr("Population losing access in the scenario (persons)")))
        self.addOutput(QgsProcessingOutputString(self.MOST_CRITICAL_ID, self.tr("Id of the most critical element")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
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
            connect=False,
        )
        crs, unit, people = inputs.crs, inputs.unit, inputs.demand
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        if not threshold > 0:
            raise QgsProcessingException(self.tr("THRESHOLD must be a positive number of metres or minutes"))
        choice = self.parameterAsEnum(parameters, self.ELEMENTS, context)
        layer = self.parameterAsLayer(parameters, self.SCENARIO, context)
        polygons, raster = [], None
        if layer is not None:
            if isinstance(layer, QgsRasterLayer):
                raster = self.raster_file(layer, self.tr("Scenario raster"))
            elif layer.geometryType() != POLYGON_GEOMETRY:
                raise QgsProcessingException(self.tr("SCENARIO must be a polygon layer or a raster"))
            else:
                polygons = read_polygons(layer, crs, context)
        joined = connect_points(self, parameters, context, feedback, crs, [people.points.xy, inputs.sites.xy], unit, inputs.speed, polygons)
        net = joined.net
        roads = self.road_features(parameters, context, crs)
        feature_of_part = np.asarray(roads["part_feature"], dtype=np.int64)
        segment_feature = feature_of_part[net.road]
        capacity = inputs.capacity
        if capacity is not None and inputs.capacity_missing.any():
            feedback.reportError(
                self.tr("{n} facilities have no capacity: they are never counted as overloaded").format(n=int(inputs.capacity_missing.sum())),
                fatalError=False,
            )
            capacity = np.where(inputs.capacity_missing, np.nan, capacity)
        self.report_unsnapped(joined, feedback)
        feedback.setProgress(10)
        with self.core_errors():
            cost = segment_costs(net, unit, inputs.speed)
            closed = None
            if polygons:
                closed = zone_of_segments(net, polygons, feedback.isCanceled) >= 0
            elif raster is not None:
                closed = segments_above(net, raster, self.parameterAsDouble(parameters, self.SCENARIO_THRESHOLD, context), crs.toWkt())
        scene = None
        closed_km = 0.0
        if closed is not None:
            closed_km = float(net.length[closed].sum()) / 1000.0
            if not closed.any():
                feedback.reportError(self.tr("The scenario closes no road: the ranking is that of the intact network"), fatalError=False)
            elif closed.all():
                feedback.reportError(
                    self.tr("The scenario closes every road: only people at a facility's own road point keep access"), fatalError=False
                )
            feedback.pushInfo(self.tr("Scenario: {km} km of road fail").format(km=round(closed_km, 3)))
        ends = joined.endpoints
        with self.core_errors():
            if closed is not None:
                scene = scenario(net, cost, ends[0], people.population, ends[1], threshold, closed, capacity)
            candidates = self.candidates(parameters, context, choice, roads, feedback)
            label = np.where(candidates[segment_feature], segment_feature, -1) if candidates is not None else None
            elements = Elements.from_labels(label, len(roads["ids"])) if label is not None else None
            measures, access = n_minus_one(
                net,
                cost,
                ends[0],
                people.population,
                ends[1],
                threshold,
                elements,
                choice in (2, 3),
                capacity,
                closed,
                people.total_population,
                feedback.isCanceled,
                self.progress_range(feedback, 15, 85),
            )
        # Elements: the candidate road features, then the facilities.
        road_rows = np.flatnonzero(candidates) if candidates is not None else np.zeros(0, np.int64)
        ids = [roads["ids"][k] for k in road_rows] + (list(inputs.site_ids) if choice in (2, 3) else [])
        kinds = ["road"] * len(road_rows) + (["facility"] * len(inputs.site_ids) if choice in (2, 3) else [])
        rows = np.concatenate([road_rows, np.arange(len(inputs.site_ids)) if choice in (2, 3) else np.zeros(0, np.int64)]).astype(np.int64)
        offset = len(elements) if elements is not None else 0
        keep = np.concatenate([road_rows, offset + np.arange(len(inputs.site_ids))]) if choice in (2, 3) else road_rows
        picked = _subset(measures, keep)
        results = {}
        results.update(self.write_elements(parameters, context, picked, ids, kinds, rows, roads, inputs.sites.xy, choice, crs, unit))
        results.update(self.write_demand(parameters, context, people, inputs.site_ids, access, scene, threshold, crs))
        most = ids[int(np.argmin(picked.rank))] if len(picked) and (picked.klass > 0).any() else ""
        results[self.MOST_CRITICAL_ID] = most
        results[self.SCENARIO_LOST_ACCESS] = float(scene.impact.lost_access) if scene is not None else 0.0
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html:
            shapes = [roads["shapes"][r] for r in road_rows] + [None] * (len(ids) - len(road_rows))
            data = CriticalityReport(
                picked, ids, kinds, shapes, inputs.sites.xy, scene, closed_km, unit_name(unit), threshold, people.total_population
            )
            report.write(html, criticality_report(self.tr, data))
            results[self.OUTPUT_HTML] = html
        if most:
            feedback.pushInfo(self.tr("Most critical element: {id}").format(id=most))
        else:
            feedback.pushInfo(self.tr("No single loss changes anybody's access"))
        feedback.setProgress(100)
        return results

    def road_features(self, parameters, context, crs) -> dict:
        """The NETWORK features with a geometry, in read_network's order: ids, filter values,
        polylines in `crs` and, per line part, the feature it belongs to."""
        source = self.parameterAsSource(parameters, NETWORK, context)
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        id_field = self.parameterAsString(parameters, self.ELEMENT_ID_FIELD, context)
        filter_field = self.parameterAsString(parameters, self.ELEMENT_FILTER_FIELD, context)
        features, shapes, part_feature, flags = [], [], [], []
        for feature in source.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                continue
            geometry.transform(transform)
            parts = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
            shapes.append([np.array([(p.x(), p.y()) for p in part], dtype=float).reshape(-1, 2) for part in parts])
            part_feature.extend([len(features)] * len(parts))
            flags.append(_truthy(feature[filter_field]) if filter_field else False)
            features.append(feature)
        ids = feature_ids(features, id_field, self.tr("Road segment"))
        return {"ids": ids, "shapes": shapes, "part_feature": part_feature, "flags": np.asarray(flags, dtype=bool), "features": features}

    def candidates(self, parameters, context, choice, roads, feedback) -> np.ndarray | None:
        """Which road features fail one at a time (None: no road element)."""
        n = len(roads["ids"])
        if choice == 2:
            return None
        if choice in (0, 3):
            return np.ones(n, dtype=bool)
        if self.parameterAsString(parameters, self.ELEMENT_FILTER_FIELD, context):
            chosen = roads["flags"]
        else:
            layer = self.parameterAsVectorLayer(parameters, NETWORK, context)
            selected = set(layer.selectedFeatureIds()) if layer is not None else set()
            chosen = np.array([f.id() in selected for f in roads["features"]], dtype=bool)
        if not chosen.any():
            raise QgsProcessingException(
                self.tr("ELEMENTS is 'selected or filtered road segments' but none is: give ELEMENT_FILTER_FIELD (1/yes = evaluate) or select roads")
            )
        feedback.pushInfo(self.tr("{n} road segments are evaluated").format(n=int(chosen.sum())))
        return chosen

    def report_unsnapped(self, joined, feedback) -> None:
        far_demand = int((~joined.snapped[0].reached).sum())
        far_facilities = int((~joined.snapped[1].reached).sum())
        if far_demand:
            feedback.reportError(
                self.tr("{n} demand points are farther than MAX_SNAP from any road: they have no access").format(n=far_demand), fatalError=False
            )
        if far_facilities:
            feedback.reportError(
                self.tr("{n} facilities are farther than MAX_SNAP from any road: they serve nobody").format(n=far_facilities), fatalError=False
            )

    def write_elements(self, parameters, context, measures, ids, kinds, rows, roads, facility_xy, choice, crs, unit) -> dict:
        fields = QgsFields()
        for name, kind in (
            ("element_id", "string"),
            ("kind", "string"),
            ("lost_access", "double"),
            ("cut_off", "double"),
            ("mean_cost_increase", "double"),
            ("overloaded", "int"),
            ("affected", "double"),
            ("rank", "int"),
            ("class", "int"),
        ):
            fields.append(field(name, kind))
        geometry_type = WKB_POINT if choice == 2 else WKB_MULTILINESTRING
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, geometry_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        styles.style_on_load(context, dest, _class_style(class_names(self.tr), choice == 2))
        for k in range(len(ids)):
            out = QgsFeature(fields)
            if kinds[k] == "road":
                out.setGeometry(QgsGeometry.fromMultiPolylineXY([[QgsPointXY(x, y) for x, y in part] for part in roads["shapes"][rows[k]]]))
            elif choice == 2:
                out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*facility_xy[rows[k]])))
            out.setAttributes(
                [
                    ids[k],
                    kinds[k],
                    round(float(measures.lost_access[k]), 4),
                    round(float(measures.cut_off[k]), 4),
                    round(float(measures.mean_cost_increase[k]), 6),
                    int(measures.overloaded[k]),
                    round(float(measures.affected[k]), 4),
                    int(measures.rank[k]),
                    int(measures.klass[k]),
                ]
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT: dest}

    def write_demand(self, parameters, context, people, site_ids, access, scene, threshold, crs) -> dict:
        fields = QgsFields()
        for name, kind in (
            ("demand_id", "string"),
            ("population", "double"),
            ("nearest_before", "string"),
            ("cost_before", "double"),
            ("nearest_after", "string"),
            ("cost_after", "double"),
            ("lost_access", "int"),
            ("cut_off", "int"),
        ):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_DEMAND, context, fields, WKB_POINT, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_DEMAND))
        before = scene.before if scene is not None else access
        after = scene.after if scene is not None else access
        for i in range(len(people.population)):
            out = QgsFeature(fields)
            out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*people.points.xy[i])))
            c0, c1 = float(before.cost[i]), float(after.cost[i])
            j0, j1 = int(before.nearest[i]), int(after.nearest[i])
            out.setAttributes(
                [
                    people.ids[i],
                    float(people.population[i]),
                    site_ids[j0] if j0 >= 0 else None,
                    round(c0, 4) if np.isfinite(c0) else None,
                    site_ids[j1] if j1 >= 0 else None,
                    round(c1, 4) if np.isfinite(c1) else None,
                    int(c0 <= threshold < c1),
                    int(np.isfinite(c0) and not np.isfinite(c1)),
                ]
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        for k, feature in enumerate(people.unlocated):
            out = QgsFeature(fields)
            out.setAttributes([people.unlocated_ids[k], float(people.unlocated_population[k]), None, None, None, None, 0, 0])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT_DEMAND: dest}


def _subset(measures, keep: np.ndarray):
    """The measures of the elements `keep`, ranked again among them."""
    from ..algorithms.network.criticality import Measures, _ranked

    out = np.stack([measures.lost_access, measures.cut_off, measures.mean_cost_increase, measures.overloaded, measures.affected])[:, keep]
    ranked = _ranked(out, 1.0, measures.searched)
    return Measures(out[0], out[1], out[2], out[3].astype(np.int64), out[4], ranked.rank, measures.klass[keep], measures.searched)


def _class_style(names, points: bool):
    def apply(layer) -> None:
        from qgis.core import QgsCategorizedSymbolRenderer, QgsLineSymbol, QgsMarkerSymbol, QgsRendererCategory

        categories = []
        for k, (colour, name) in enumerate(zip(CLASS_COLOURS, names)):
            if points:
                symbol = QgsMarkerSymbol.createSimple({"color": colour, "size": str(2 + k), "outline_color": "#333333"})
            else:
                symbol = QgsLineSymbol.createSimple({"color": colour, "width": str(0.3 + 0.4 * k)})
            categories.append(QgsRendererCategory(k, symbol, name))
        layer.setRenderer(QgsCategorizedSymbolRenderer("class", categories))

    return apply
