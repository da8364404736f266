"""tsr:ecologicalcorridors — least-cost corridors between ecological sources (生态廊道, MCR model)."""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsLineSymbol,
    QgsPoint,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsRendererCategory,
    QgsSpatialIndex,
)

from ..algorithms.ecology.corridors import GENERAL, IMPORTANT, Neighbours, build_corridors
from ..algorithms.engine.raster_io import Grid, is_compressed, read_float, write_array
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm, require_projected_crs
from .common.qgis_compat import NUMBER_DOUBLE, WKB_LINESTRING, WKB_POINT, field
from .common.reports.ecologicalcorridors import CorridorReport, corridor_report
from .common.source_polygons import rasterise_sources

FLOAT_NODATA = -9999.0


class EcologicalCorridors(TsrAlgorithm):
    ALG_ID = "ecologicalcorridors"
    GROUP_ID = "ecology"

    SOURCES = "SOURCES"
    SOURCE_ID_FIELD = "SOURCE_ID_FIELD"
    RESISTANCE = "RESISTANCE"
    NEIGHBOURS = "NEIGHBOURS"
    MAX_COST_DISTANCE = "MAX_COST_DISTANCE"
    CORRIDOR_WIDTH = "CORRIDOR_WIDTH"
    ROADS = "ROADS"
    OUTPUT_COST_DISTANCE = "OUTPUT_COST_DISTANCE"
    OUTPUT_ALLOCATION = "OUTPUT_ALLOCATION"
    OUTPUT_CORRIDORS = "OUTPUT_CORRIDORS"
    OUTPUT_PATHS = "OUTPUT_PATHS"
    OUTPUT_CONFLICTS = "OUTPUT_CONFLICTS"
    OUTPUT_HTML = "OUTPUT_HTML"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Ecological corridors (least-cost)")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "Minimum cumulative resistance surface, least-cost corridors and paths between ecological sources, "
            "with gravity-model importance and conflicts with roads"
        )

    def tags(self) -> list[str]:
        return self.tr(
            "corridor,least-cost,cost distance,MCR,minimum cumulative resistance,Linkage Mapper,gravity model,ecological security pattern,"
            "生态廊道,最小累积阻力,生态源地,阻力面,生态安全格局"
        ).split(",")

    @staticmethod
    def neighbour_options() -> list[str]:
        return [
            tr("Sources whose cost zones touch (cost-allocation adjacency)"),
            tr("Sources whose Euclidean zones touch (Euclidean adjacency)"),
            tr("All pairs of sources"),
        ]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.SOURCES, self.tr("Ecological sources (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon])
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SOURCE_ID_FIELD, self.tr("Source id field (empty = feature order 1, 2, …)"), None, self.SOURCES, optional=True
            )
        )
        self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, self.tr("Resistance surface (≥ 1; nodata = impassable)")))
        self.addParameter(
            QgsProcessingParameterEnum(self.NEIGHBOURS, self.tr("Pairs of sources to connect"), options=self.neighbour_options(), defaultValue=0)
        )
        max_cost = QgsProcessingParameterNumber(
            self.MAX_COST_DISTANCE, self.tr("Maximum cost-weighted distance of a corridor (0 = no limit)"), NUMBER_DOUBLE, 0.0, False, 0.0
        )
        width = QgsProcessingParameterNumber(
            self.CORRIDOR_WIDTH,
            self.tr("Corridor width: cut-off of the normalised corridor (cost units; 0 = no cut)"),
            NUMBER_DOUBLE,
            0.0,
            False,
            0.0,
        )
        if hasattr(max_cost, "setHelp"):
            max_cost.setHelp(self.tr("Corridors whose least-cost distance (resistance × metres) exceeds this value are dropped."))
            width.setHelp(
                self.tr("Cells whose CWDa + CWDb − LCDab exceeds this value are left out of the corridor raster; a cut also speeds up the run.")
            )
        self.addParameter(max_cost)
        self.addParameter(width)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROADS, self.tr("Roads (lines; conflict points where paths cross them)"), [QgsProcessing.SourceType.TypeVectorLine], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(self.OUTPUT_COST_DISTANCE, self.tr("Minimum cumulative resistance (cost distance)"))
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_ALLOCATION, self.tr("Nearest source (cost allocation)"), optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_CORRIDORS, self.tr("Normalised least-cost corridors"), optional=True, createByDefault=True
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_PATHS, self.tr("Least-cost paths"), QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_CONFLICTS,
                self.tr("Conflicts with roads"),
                QgsProcessing.SourceType.TypeVectorPoint,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Corridor report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )

    # ------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        layer = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)
        path = self.raster_file(layer, self.tr("Resistance surface"))
        require_projected_crs(layer.crs(), self.tr("The resistance surface"))
        sources = self.parameterAsSource(parameters, self.SOURCES, context)
        if sources is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SOURCES))
        id_field = self.parameterAsString(parameters, self.SOURCE_ID_FIELD, context)
        neighbours = Neighbours(self.parameterAsEnum(parameters, self.NEIGHBOURS, context))
        max_cost = self.parameterAsDouble(parameters, self.MAX_COST_DISTANCE, context)
        width = self.parameterAsDouble(parameters, self.CORRIDOR_WIDTH, context)
        roads = self.parameterAsSource(parameters, self.ROADS, context)

        with self.core_errors():
            grid = Grid.of(path)
            cell = grid.cell_size
            resistance = read_float(path)
        feedback.setProgress(2)

        found = rasterise_sources(sources, id_field, layer.crs(), grid, context, feedback)
        ids, labels = found.ids, found.labels
        areas = {label: geometry.area() for label, geometry in found.geometries.items()}
        euclidean = self.edge_distances(found.geometries)
        with self.core_errors():
            result = build_corridors(
                resistance,
                cell,
                labels,
                neighbours=neighbours,
                max_cost_distance=max_cost,
                corridor_width=width,
                areas=areas,
                euclidean=euclidean,
                cancelled=feedback.isCanceled,
                progress=self.progress_range(feedback, 5, 85),
            )
        del resistance
        for label in result.missing:
            feedback.reportError(
                self.tr("Source {id} lies on impassable (nodata) cells only; it is left out").format(id=ids[label - 1]), fatalError=False
            )
        if not result.links:
            feedback.reportError(self.tr("No pair of sources could be connected (unreachable or beyond the maximum cost distance)"), fatalError=False)
        for a, b, lcd in result.dropped_pairs:
            feedback.pushInfo(
                self.tr("No corridor between {a} and {b}: least-cost distance {lcd}").format(
                    a=ids[a - 1], b=ids[b - 1], lcd=f"{lcd:.6g}" if math.isfinite(lcd) else self.tr("unreachable")
                )
            )

        compress = is_compressed(path)
        results = {}
        out_cost = self.parameterAsOutputLayer(parameters, self.OUTPUT_COST_DISTANCE, context)
        cost32 = np.where(np.isfinite(result.cost), result.cost, np.nan).astype(np.float32)
        with self.core_errors():
            write_array(out_cost, cost32, grid, nodata=FLOAT_NODATA, description=self.tr("minimum cumulative resistance"), compress=compress)
        finite_cost = cost32[np.isfinite(cost32)]
        styles.style_on_load(context, out_cost, styles.ramp(0.0, float(finite_cost.max()) if finite_cost.size else 1.0, "YlOrRd"))
        del cost32
        results[self.OUTPUT_COST_DISTANCE] = out_cost
        integer_ids = self.integer_ids(ids)
        out_alloc = self.parameterAsOutputLayer(parameters, self.OUTPUT_ALLOCATION, context)
        if out_alloc:
            alloc = result.allocation
            if integer_ids:
                lookup = np.array([0] + list(ids), dtype=np.int32)
                alloc = lookup[alloc]
            else:
                feedback.pushInfo(
                    self.tr("The source ids are not positive integers: the allocation raster holds the source's rank (1, 2, … in feature order)")
                )
            with self.core_errors():
                write_array(out_alloc, alloc.astype(np.int32), grid, nodata=0, description=self.tr("nearest source"), compress=compress)
            results[self.OUTPUT_ALLOCATION] = out_alloc
        out_corr = self.parameterAsOutputLayer(parameters, self.OUTPUT_CORRIDORS, context)
        if out_corr:
            with self.core_errors():
                write_array(
                    out_corr, result.corridors, grid, nodata=FLOAT_NODATA, description=self.tr("normalised least-cost corridor"), compress=compress
                )
            top = width if width > 0 else float(np.nanmax(result.corridors)) if np.isfinite(result.corridors).any() else 1.0
            styles.style_on_load(context, out_corr, styles.ramp(0.0, max(top, 1e-6), "Greens"))
            results[self.OUTPUT_CORRIDORS] = out_corr
        feedback.setProgress(90)

        lines = self.write_paths(parameters, context, result, ids, grid, layer.crs(), results)
        conflicts = self.write_conflicts(parameters, context, roads, lines, result, ids, layer.crs(), results, feedback)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            report.write(
                html_path,
                corridor_report(
                    CorridorReport(result, ids, self.neighbour_options()[neighbours], max_cost, width, cell, len(conflicts), roads is not None)
                ),
            )
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results

    # ------------------------------------------------------------------------------------------
    @staticmethod
    def edge_distances(geometries: dict) -> dict:
        """{(a, b): edge-to-edge distance} between the source polygons (map units)."""
        keys = sorted(geometries)
        return {(a, b): float(geometries[a].distance(geometries[b])) for i, a in enumerate(keys) for b in keys[i + 1 :]}

    @staticmethod
    def integer_ids(ids) -> bool:
        return all(isinstance(v, int) and not isinstance(v, bool) and 0 < v < 2**31 for v in ids)

    def path_fields(self, id_kind: str) -> QgsFields:
        fields = QgsFields()
        for name, kind in (
            ("from_id", id_kind),
            ("to_id", id_kind),
            ("cwd", "double"),
            ("euc_dist", "double"),
            ("lcp_length", "double"),
            ("cwd_to_euc", "double"),
            ("cwd_to_path", "double"),
            ("gravity", "double"),
            ("importance", "string"),
        ):
            fields.append(field(name, kind))
        return fields

    def write_paths(self, parameters, context, result, ids, grid: Grid, crs, results) -> list:
        id_kind = "int" if self.integer_ids(ids) else "string"
        out_id = int if id_kind == "int" else str
        fields = self.path_fields(id_kind)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_PATHS, context, fields, WKB_LINESTRING, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_PATHS))
        t = grid.transform
        lines = []
        for link in result.links:
            points = [QgsPointXY(t.c + (c + 0.5) * t.a, t.f + (r + 0.5) * t.e) for r, c in link.path]
            if len(points) == 1:
                points.append(points[0])
            geometry = QgsGeometry.fromPolylineXY(points)
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            ratio = lambda v: float(v) if math.isfinite(v) else None  # noqa: E731
            feature.setAttributes(
                [
                    out_id(ids[link.a - 1]),
                    out_id(ids[link.b - 1]),
                    float(link.cwd),
                    float(link.euc_dist),
                    float(link.lcp_length),
                    ratio(link.cwd_to_euc),
                    ratio(link.cwd_to_path),
                    ratio(link.gravity),
                    link.importance,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            lines.append((link, geometry))
        results[self.OUTPUT_PATHS] = dest
        styles.style_on_load(context, dest, self.path_style)
        return lines

    def path_style(self, layer) -> None:
        """Important corridors thick dark green, general ones thin light green."""
        categories = [
            QgsRendererCategory(IMPORTANT, QgsLineSymbol.createSimple({"color": "#00441b", "width": "1.2"}), self.tr("Important corridor")),
            QgsRendererCategory(GENERAL, QgsLineSymbol.createSimple({"color": "#74c476", "width": "0.6"}), self.tr("General corridor")),
        ]
        layer.setRenderer(QgsCategorizedSymbolRenderer("importance", categories))

    def write_conflicts(self, parameters, context, roads, lines, result, ids, crs, results, feedback) -> list:
        """Points where least-cost paths cross the roads (one per crossing)."""
        points = []
        if roads is not None and lines:
            to_grid = QgsCoordinateTransform(roads.sourceCrs(), crs, context.transformContext())
            road_geoms = {}
            index = QgsSpatialIndex()
            for feature in roads.getFeatures(QgsFeatureRequest()):
                geometry = feature.geometry()
                if geometry is None or geometry.isEmpty():
                    continue
                geometry = QgsGeometry(geometry)
                if geometry.transform(to_grid) != 0:
                    continue
                road_geoms[feature.id()] = geometry
                f = QgsFeature(feature.id())
                f.setGeometry(geometry)
                index.addFeature(f)
            for link, line in lines:
                for fid in index.intersects(line.boundingBox()):
                    crossing = line.intersection(road_geoms[fid])
                    if crossing is None or crossing.isEmpty():
                        continue
                    for part in crossing.constParts():
                        if isinstance(part, QgsPoint):
                            point = QgsPointXY(part.x(), part.y())
                        else:  # the path runs along the road: one point in the middle of the shared stretch
                            point = QgsGeometry(part.clone()).centroid().asPoint()
                        points.append((link, fid, point))
        fields = QgsFields()
        id_kind = "int" if self.integer_ids(ids) else "string"
        out_id = int if id_kind == "int" else str
        for name, kind in (("from_id", id_kind), ("to_id", id_kind), ("road_fid", "int"), ("gravity", "double"), ("importance", "string")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_CONFLICTS, context, fields, WKB_POINT, crs)
        if sink is None:
            return points
        for link, fid, point in points:
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(point))
            feature.setAttributes(
                [
                    out_id(ids[link.a - 1]),
                    out_id(ids[link.b - 1]),
                    int(fid),
                    float(link.gravity) if math.isfinite(link.gravity) else None,
                    link.importance,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        results[self.OUTPUT_CONFLICTS] = dest
        if roads is not None:
            feedback.pushInfo(
                self.tr("{n} conflict points where least-cost paths cross roads ({important} on important corridors)").format(
                    n=len(points), important=sum(1 for link, _, _ in points if link.importance == IMPORTANT)
                )
            )
        return points
