"""tsr:patchconnectivity — graph connectivity of habitat patches and their importance (Conefor indices)."""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
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
    QgsProcessingParameterString,
    QgsProcessingUtils,
)
from shapely.geometry import LineString
from shapely.ops import nearest_points

from ..algorithms.common.parsing import parse_numbers
from ..algorithms.ecology.connectivity import (
    Links,
    connectivity,
    decay_constant,
    distance_curve,
    edge_distances,
    search_distance,
)
from ..algorithms.ecology.habitat_units import measure_units
from ..algorithms.engine.raster_io import Grid, read_float
from ..algorithms.raster.masks import label_polygons, region_polygons
from .common import report as report_file
from .common.base import TsrAlgorithm, require_projected_crs
from .common.qgis_compat import FIELD_NUMERIC, WKB_LINESTRING, WKB_MULTIPOLYGON, WKB_NOGEOMETRY, field, plain
from .common.reports import patchconnectivity as report
from .common.shapes import feature_polygons, to_qgs

#: Fields added to the patches.
PATCH_FIELDS = (
    ("patch_id", "int"),
    ("area_ha", "double"),
    ("dIIC", "double"),
    ("dPC", "double"),
    ("dPC_intra", "double"),
    ("dPC_flux", "double"),
    ("dPC_connector", "double"),
    ("rank", "int"),
    ("component", "int"),
)

#: Fields added to the planning units (OUTPUT_UNITS), in the unit of the patch attribute (ha for areas).
UNIT_FIELDS = (("habitat_ha", "double"), ("ec_pc_ha", "double"), ("ec_pc_pct", "double"), ("ec_share", "double"))


class PatchConnectivity(TsrAlgorithm):
    ALG_ID = "patchconnectivity"
    GROUP_ID = "ecology"

    PATCHES = "PATCHES"
    HABITAT = "HABITAT"
    HABITAT_CLASSES = "HABITAT_CLASSES"
    MIN_AREA = "MIN_AREA"
    ATTRIBUTE_FIELD = "ATTRIBUTE_FIELD"
    DISTANCE = "DISTANCE"
    RESISTANCE = "RESISTANCE"
    THRESHOLD = "THRESHOLD"
    PROBABILITY = "PROBABILITY"
    LANDSCAPE_AREA = "LANDSCAPE_AREA"
    STUDY_AREA = "STUDY_AREA"
    DISTANCE_SWEEP = "DISTANCE_SWEEP"
    UNITS = "UNITS"
    OUTPUT = "OUTPUT"
    OUTPUT_LINKS = "OUTPUT_LINKS"
    OUTPUT_CURVE = "OUTPUT_CURVE"
    OUTPUT_UNITS = "OUTPUT_UNITS"
    OUTPUT_HTML = "OUTPUT_HTML"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Patch connectivity")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Connectivity of habitat patches (IIC, PC, EC) and the importance of each patch (dIIC, dPC and its fractions), as in Conefor")

    def tags(self) -> list[str]:
        return self.tr("connectivity,Conefor,IIC,PC,dPC,habitat,patch,ecological source,graph,连通性,生态源地,景观连通性,斑块重要性").split(",")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PATCHES, self.tr("Habitat patches (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(QgsProcessingParameterRasterLayer(self.HABITAT, self.tr("Habitat raster (instead of patches)"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.HABITAT_CLASSES, self.tr("Habitat classes of the raster"), optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_AREA, self.tr("Minimum patch area (ha)"), QgsProcessingParameterNumber.Type.Double, 0.0, minValue=0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ATTRIBUTE_FIELD,
                self.tr("Patch attribute (default: area in ha)"),
                parentLayerParameterName=self.PATCHES,
                type=FIELD_NUMERIC,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DISTANCE,
                self.tr("Distance between patches"),
                options=[self.tr("Edge-to-edge Euclidean (m)"), self.tr("Least cost over the resistance raster")],
                defaultValue=0,
            )
        )
        self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, self.tr("Resistance raster (least cost)"), optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.THRESHOLD, self.tr("Threshold distance (m, or cost units)"), QgsProcessingParameterNumber.Type.Double, 1000.0, minValue=0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.PROBABILITY,
                self.tr("Dispersal probability at the threshold distance"),
                QgsProcessingParameterNumber.Type.Double,
                0.5,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.LANDSCAPE_AREA, self.tr("Landscape area A_L (ha)"), QgsProcessingParameterNumber.Type.Double, None, optional=True, minValue=0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.STUDY_AREA, self.tr("Study area (for A_L)"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(QgsProcessingParameterString(self.DISTANCE_SWEEP, self.tr("Distances to sweep (threshold curve)"), optional=True))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.UNITS,
                self.tr("Planning units for EC(PC) per unit (e.g. townships)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Patch importance"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_LINKS, self.tr("Links within the threshold"), QgsProcessing.SourceType.TypeVectorLine, optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_CURVE, self.tr("Connectivity against distance"), QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_UNITS,
                self.tr("Equivalent connected habitat per unit"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Connectivity report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber("IIC", self.tr("Integral index of connectivity IIC")))
        self.addOutput(QgsProcessingOutputNumber("PC", self.tr("Probability of connectivity PC")))
        self.addOutput(QgsProcessingOutputNumber("EC_PC", self.tr("Equivalent connected area EC(PC) (ha)")))
        self.addOutput(QgsProcessingOutputNumber("COMPONENTS", self.tr("Number of components")))

    # ------------------------------------------------------------------ inputs
    def read_patches(self, parameters, context, feedback):
        """(shapely geometries, QGIS features or None, CRS, attribute values or None, extent area ha)."""
        source = self.parameterAsSource(parameters, self.PATCHES, context)
        habitat = self.parameterAsRasterLayer(parameters, self.HABITAT, context)
        if source is not None and habitat is not None:
            raise QgsProcessingException(self.tr("Give either PATCHES or HABITAT, not both"))
        if source is None and habitat is None:
            raise QgsProcessingException(self.tr("Give the habitat patches (PATCHES) or a habitat raster (HABITAT)"))
        if source is not None:
            crs = source.sourceCrs()
            require_projected_crs(crs, self.tr("The patch layer"))
            attribute = self.parameterAsString(parameters, self.ATTRIBUTE_FIELD, context)
            shapes, features, values, skipped = [], [], [], []
            for feature, polygon in zip(*feature_polygons(source, self.tr("The patch layer"), crs, context, feedback)):
                if polygon is None or polygon.is_empty:
                    skipped.append(feature.id())
                    continue
                shapes.append(polygon)
                features.append(feature)
                if attribute:
                    value = plain(feature[attribute])
                    try:
                        number = float(value)
                    except (TypeError, ValueError):
                        number = math.nan
                    if not (math.isfinite(number) and number > 0):
                        raise QgsProcessingException(
                            self.tr("Patch {id}: the attribute {field} is {value}; it must be a number above 0").format(
                                id=feature.id(), field=attribute, value=value
                            )
                        )
                    values.append(number)
            if skipped:
                feedback.reportError(
                    self.tr("{n} patches have no geometry and are left out (features {ids})").format(
                        n=len(skipped), ids=", ".join(str(i) for i in skipped[:20])
                    ),
                    fatalError=False,
                )
            if not shapes:
                raise QgsProcessingException(self.tr("The patch layer has no polygon with a geometry: there is nothing to measure"))
            extent = source.sourceExtent()
            return shapes, features, crs, (values if attribute else None), extent.width() * extent.height() / 1e4, source.fields()
        return self.habitat_patches(parameters, context, habitat)

    def habitat_patches(self, parameters, context, layer):
        """Patches from a raster: 8-connected regions of the habitat classes, as polygons."""
        path = self.raster_file(layer, self.tr("Habitat raster"))
        require_projected_crs(layer.crs(), self.tr("The habitat raster"))
        classes = parse_numbers(self.parameterAsString(parameters, self.HABITAT_CLASSES, context), self.HABITAT_CLASSES)
        with self.core_errors():
            grid = Grid.of(path)
            values = read_float(path)
        transform = grid.transform
        extent_ha = grid.width * grid.height * grid.cell_area / 1e4
        if np.all(np.isnan(values)):
            raise QgsProcessingException(self.tr("The habitat raster has no valid cell (every cell is nodata)"))
        shapes = region_polygons(np.isin(values, classes) if classes else (~np.isnan(values) & (values != 0)), transform)
        if not shapes:
            raise QgsProcessingException(
                self.tr("No cell of the habitat raster is habitat (classes {classes}): there is nothing to measure").format(
                    classes=", ".join(f"{c:g}" for c in classes) or self.tr("any value other than 0")
                )
            )
        return shapes, None, layer.crs(), None, extent_ha, QgsFields()

    def landscape_area(self, parameters, context, crs, extent_ha, feedback) -> float:
        given = parameters.get(self.LANDSCAPE_AREA)
        if given is not None and str(given).strip() != "":
            return self.parameterAsDouble(parameters, self.LANDSCAPE_AREA, context)
        study = self.parameterAsSource(parameters, self.STUDY_AREA, context)
        if study is not None:
            transform = QgsCoordinateTransform(study.sourceCrs(), crs, context.transformContext())
            total = 0.0
            for feature in study.getFeatures():
                geometry = QgsGeometry(feature.geometry())
                if geometry.isNull() or geometry.isEmpty():
                    continue
                try:
                    geometry.transform(transform)
                except QgsCsException:
                    raise QgsProcessingException(self.tr("The study area cannot be transformed into the patches' CRS")) from None
                total += geometry.area()
            if total <= 0:
                raise QgsProcessingException(self.tr("The study area has no polygon with an area"))
            feedback.pushInfo(self.tr("A_L = area of the study area: {a:.6g} ha").format(a=total / 1e4))
            return total / 1e4
        feedback.pushInfo(self.tr("A_L = area of the extent: {a:.6g} ha").format(a=extent_ha))
        return extent_ha

    def least_cost_links(self, parameters, context, shapes, crs, max_cost, feedback) -> Links:

        from ..algorithms.ecology.cost_distance import CostGraph

        layer = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)
        if layer is None:
            raise QgsProcessingException(self.tr("Least-cost distances need a resistance raster (RESISTANCE)"))
        path = self.raster_file(layer, self.tr("Resistance raster"))
        require_projected_crs(layer.crs(), self.tr("The resistance raster"))
        if layer.crs() != crs:
            raise QgsProcessingException(
                self.tr("The resistance raster ({a}) and the patches ({b}) must share one CRS; reproject one of them").format(
                    a=layer.crs().authid(), b=crs.authid()
                )
            )
        with self.core_errors():
            grid = Grid.of(path)
            cell = grid.cell_size
            resistance = read_float(path)
            labels = label_polygons([(geom, k) for k, geom in enumerate(shapes, start=1)], resistance.shape, grid.transform)
            outside = np.setdiff1d(np.arange(1, len(shapes) + 1), labels)
            if outside.size:
                raise QgsProcessingException(
                    self.tr("Patches {k} lie outside the resistance raster").format(k=", ".join(str(int(k)) for k in outside[:20]))
                )
            graph = CostGraph(resistance, cell, cancelled=feedback.isCanceled)
            lcd = graph.patch_distances(labels, max_cost=max_cost, cancelled=feedback.isCanceled, progress=self.progress_range(feedback, 5, 50))
        pairs = [(a - 1, b - 1, d) for (a, b), d in lcd.items() if math.isfinite(d) and d <= max_cost]
        return Links.of(pairs)

    # ------------------------------------------------------------------ run
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        probability = self.parameterAsDouble(parameters, self.PROBABILITY, context)
        least_cost = self.parameterAsEnum(parameters, self.DISTANCE, context) == 1
        with self.core_errors():
            decay_constant(threshold, probability)
            sweep = parse_numbers(self.parameterAsString(parameters, self.DISTANCE_SWEEP, context), self.DISTANCE_SWEEP)
            if any(d <= 0 for d in sweep):
                raise QgsProcessingException(self.tr("Every distance of DISTANCE_SWEEP must be above 0"))
        shapes, features, crs, values, extent_ha, in_fields = self.read_patches(parameters, context, feedback)
        area_ha = np.array([g.area / 1e4 for g in shapes])
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        keep = np.flatnonzero(area_ha >= min_area)
        if keep.size < area_ha.size:
            feedback.pushInfo(self.tr("{n} patches smaller than {min:g} ha are left out").format(n=area_ha.size - keep.size, min=min_area))
        if keep.size == 0:
            raise QgsProcessingException(self.tr("No patch reaches the minimum area of {min:g} ha").format(min=min_area))
        shapes = [shapes[i] for i in keep]
        area_ha = area_ha[keep]
        if features is not None:
            features = [features[i] for i in keep]
        attribute = area_ha if values is None else np.asarray(values, dtype=float)[keep]
        landscape = self.landscape_area(parameters, context, crs, extent_ha, feedback)
        if attribute.sum() > landscape * (1 + 1e-9):
            feedback.reportError(
                self.tr("The patches ({a:.6g} ha) exceed the landscape area A_L ({b:.6g} ha): PC and IIC may exceed 1").format(
                    a=float(attribute.sum()), b=landscape
                ),
                fatalError=False,
            )
        with self.core_errors():
            max_distance = search_distance([threshold] + sweep, probability)
            if least_cost:
                links = self.least_cost_links(parameters, context, shapes, crs, max_distance, feedback)
            else:
                links = edge_distances(shapes, max_distance, cancelled=feedback.isCanceled, progress=self.progress_range(feedback, 5, 40))
            feedback.pushInfo(self.tr("{n} patches, {m} pairs within {d:.6g}").format(n=len(shapes), m=int(links.i.size), d=max_distance))
            result = connectivity(
                attribute, links, threshold, probability, landscape, progress=self.progress_range(feedback, 50, 95), cancelled=feedback.isCanceled
            )
            curve = distance_curve(attribute, links, sweep or [threshold], probability, landscape, cancelled=feedback.isCanceled)
        unit = self.tr("cost units") if least_cost else "m"
        results = {
            "IIC": float(result.iic),
            "PC": float(result.pc),
            "EC_PC": float(result.ec_pc),
            "COMPONENTS": int(result.components),
        }
        results[self.OUTPUT] = self.write_patches(parameters, context, shapes, features, in_fields, crs, area_ha, result)
        links_dest = self.write_links(parameters, context, shapes, links, threshold, probability, crs)
        if links_dest:
            results[self.OUTPUT_LINKS] = links_dest
        curve_dest = self.write_curve(parameters, context, curve)
        if curve_dest:
            results[self.OUTPUT_CURVE] = curve_dest
        units_dest = self.write_units(parameters, context, feedback, shapes, crs, attribute, links, decay_constant(threshold, probability))
        if units_dest:
            results[self.OUTPUT_UNITS] = units_dest
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html:
            names = [str(i + 1) for i in range(len(shapes))]
            report_file.write(html, report.build(result, names, list(attribute), curve, threshold, probability, landscape, unit))
            results[self.OUTPUT_HTML] = html
        feedback.pushInfo(
            "IIC = {iic:.6g}, PC = {pc:.6g}, EC(PC) = {ec:.6g} ha, {c} component(s)".format(
                iic=result.iic, pc=result.pc, ec=result.ec_pc, c=result.components
            )
        )
        return results

    def write_patches(self, parameters, context, shapes, features, in_fields, crs, area_ha, result) -> str:
        extra = QgsFields()
        for name, kind in PATCH_FIELDS:
            extra.append(field(name, kind))
        fields = QgsProcessingUtils.combineFields(in_fields, extra)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_MULTIPOLYGON, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for k, geom in enumerate(shapes):
            feature = QgsFeature(fields)
            if features is not None:
                geometry = QgsGeometry(features[k].geometry())
                own = list(features[k].attributes())
            else:
                geometry = to_qgs(geom)
                own = []
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes(
                own
                + [
                    k + 1,
                    float(area_ha[k]),
                    float(result.d_iic[k]),
                    float(result.d_pc[k]),
                    float(result.d_pc_intra[k]),
                    float(result.d_pc_flux[k]),
                    float(result.d_pc_connector[k]),
                    int(result.rank[k]),
                    int(result.component[k]),
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    def write_links(self, parameters, context, shapes, links, threshold, probability, crs) -> str | None:
        fields = QgsFields()
        for name, kind in (("from_id", "int"), ("to_id", "int"), ("distance", "double"), ("probability", "double")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_LINKS, context, fields, WKB_LINESTRING, crs)
        if sink is None:
            return None
        k = decay_constant(threshold, probability)
        within = links.within(threshold)
        for i, j, d in zip(within.i, within.j, within.d):
            a, b = nearest_points(shapes[int(i)], shapes[int(j)])
            feature = QgsFeature(fields)
            feature.setGeometry(to_qgs(LineString([a, b])))
            feature.setAttributes([int(i) + 1, int(j) + 1, float(d), float(math.exp(-k * d))])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    def write_units(self, parameters, context, feedback, shapes, crs, attribute, links, k) -> str | None:
        """OUTPUT_UNITS: the UNITS with their habitat and EC(PC) (habitat_units.py); None without UNITS."""
        source = self.parameterAsSource(parameters, self.UNITS, context)
        if source is None:
            return None
        features, polygons = feature_polygons(source, self.tr("Planning units"), crs, context, feedback)
        if not any(p is not None and not p.is_empty for p in polygons):
            raise QgsProcessingException(self.tr("The planning units have no polygon with a geometry"))
        with self.core_errors():
            measured = measure_units(shapes, attribute, links, k, polygons, cancelled=feedback.isCanceled)
        extra = QgsFields()
        for name, kind in UNIT_FIELDS:
            extra.append(field(name, kind))
        fields = QgsProcessingUtils.combineFields(source.fields(), extra)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_UNITS, context, fields, WKB_MULTIPOLYGON, crs)
        if sink is None:
            return None
        for u, (feature, polygon) in enumerate(zip(features, polygons)):
            out = QgsFeature(fields)
            if polygon is not None:
                geometry = to_qgs(polygon)
                geometry.convertToMultiType()
                out.setGeometry(geometry)
            values = (measured.habitat[u], measured.ec_pc[u], measured.ec_pc_pct[u], measured.connected_share[u])
            out.setAttributes(list(feature.attributes()) + [float(v) if math.isfinite(v) else None for v in values])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return dest

    def write_curve(self, parameters, context, curve) -> str | None:
        fields = QgsFields()
        for name, kind in (("distance", "double"), ("IIC", "double"), ("PC", "double"), ("EC_PC", "double"), ("components", "int")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_CURVE, context, fields, WKB_NOGEOMETRY, QgsCoordinateReferenceSystem())
        if sink is None:
            return None
        for p in curve:
            feature = QgsFeature(fields)
            feature.setAttributes([float(p.distance), float(p.iic), float(p.pc), float(p.ec_pc), int(p.components)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest
