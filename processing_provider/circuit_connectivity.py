"""tsr:circuitconnectivity — effective resistance and current density between focal nodes (circuit
theory, Circuitscape 5's raster modes; Linkage Mapper's Pinchpoint Mapper in corridors)."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import rasterio
import rasterio.features
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..algorithms.ecology.circuit import Mode, circuit, conductances, focal_from_cells, pinch_points
from ..algorithms.engine.raster_io import Grid, is_compressed, read_float, write_array
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm, require_projected_crs
from .common.qgis_compat import NUMBER_DOUBLE, WKB_NOGEOMETRY, field, plain
from .common.reports.circuitconnectivity import CircuitReport, circuit_report

FLOAT_NODATA = -9999.0


class CircuitConnectivity(TsrAlgorithm):
    ALG_ID = "circuitconnectivity"
    GROUP_ID = "ecology"

    RESISTANCE = "RESISTANCE"
    IS_CONDUCTANCE = "IS_CONDUCTANCE"
    FOCAL = "FOCAL"
    FOCAL_ID_FIELD = "FOCAL_ID_FIELD"
    MODE = "MODE"
    CONNECTIONS = "CONNECTIONS"
    AVERAGE = "AVERAGE"
    PAIRS = "PAIRS"
    CORRIDORS = "CORRIDORS"
    CORRIDOR_WIDTH = "CORRIDOR_WIDTH"
    OUTPUT_CURRENT = "OUTPUT_CURRENT"
    OUTPUT_VOLTAGE = "OUTPUT_VOLTAGE"
    OUTPUT_RESISTANCES = "OUTPUT_RESISTANCES"
    OUTPUT_HTML = "OUTPUT_HTML"
    MEAN_EFFECTIVE_RESISTANCE = "MEAN_EFFECTIVE_RESISTANCE"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Circuit connectivity (current flow and pinch points)")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "Effective resistance and cumulative current density between ecological sources by circuit theory (Circuitscape's raster modes), "
            "pinch points within least-cost corridors"
        )

    def tags(self) -> list[str]:
        return self.tr(
            "circuit theory,Circuitscape,current density,effective resistance,pinch point,Pinchpoint Mapper,Linkage Mapper,connectivity,"
            "电路理论,电流密度,有效电阻,生态夹点,连通性,生态廊道,生态安全格局"
        ).split(",")

    @staticmethod
    def mode_options() -> list[str]:
        return [tr("Pairwise"), tr("All-to-one"), tr("One-to-all")]

    @staticmethod
    def connection_options() -> list[str]:
        return [tr("Four neighbours"), tr("Eight neighbours")]

    @staticmethod
    def average_options() -> list[str]:
        return [tr("Average resistances"), tr("Average conductances")]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, self.tr("Resistance surface (or conductance)")))
        self.addParameter(QgsProcessingParameterBoolean(self.IS_CONDUCTANCE, self.tr("The raster holds conductances, not resistances"), False))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.FOCAL,
                self.tr("Focal nodes (points, or polygons = focal regions)"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.FOCAL_ID_FIELD, self.tr("Focal id field (empty = feature order 1, 2, …)"), None, self.FOCAL, optional=True
            )
        )
        self.addParameter(QgsProcessingParameterEnum(self.MODE, self.tr("Mode"), options=self.mode_options(), defaultValue=0))
        self.addParameter(
            QgsProcessingParameterEnum(self.CONNECTIONS, self.tr("Cell connections"), options=self.connection_options(), defaultValue=1)
        )
        self.addParameter(QgsProcessingParameterEnum(self.AVERAGE, self.tr("Link conductance from"), options=self.average_options(), defaultValue=0))
        pairs = QgsProcessingParameterString(self.PAIRS, self.tr("Only these pairs (e.g. 1,2; 1,3)"), optional=True)
        if hasattr(pairs, "setHelp"):
            pairs.setHelp(self.tr("Pairs of focal ids separated by semicolons; empty = every pair."))
        self.addParameter(pairs)
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.CORRIDORS, self.tr("Normalised least-cost corridors (from Ecological corridors; pinch-point mode)"), optional=True
            )
        )
        width = QgsProcessingParameterNumber(
            self.CORRIDOR_WIDTH, self.tr("Corridor width: cut-off of the normalised corridor (cost units)"), NUMBER_DOUBLE, 10000.0, True, 0.0
        )
        if hasattr(width, "setHelp"):
            width.setHelp(self.tr("Cells of CORRIDORS whose value is at most this are the corridor in which current flows."))
        self.addParameter(width)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_CURRENT, self.tr("Cumulative current density")))
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_VOLTAGE, self.tr("Voltages (one band per focal node; one-to-all, all-to-one)"), optional=True, createByDefault=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_RESISTANCES, self.tr("Effective resistances"), QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Circuit report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.MEAN_EFFECTIVE_RESISTANCE, self.tr("Mean effective resistance")))

    # ------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        layer = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)
        path = self.raster_file(layer, self.tr("Resistance surface"))
        require_projected_crs(layer.crs(), self.tr("The resistance surface"))
        is_conductance = self.parameterAsBool(parameters, self.IS_CONDUCTANCE, context)
        focal_source = self.parameterAsSource(parameters, self.FOCAL, context)
        if focal_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.FOCAL))
        id_field = self.parameterAsString(parameters, self.FOCAL_ID_FIELD, context)
        mode = Mode(self.parameterAsEnum(parameters, self.MODE, context))
        eight = self.parameterAsEnum(parameters, self.CONNECTIONS, context) == 1
        avg_cond = self.parameterAsEnum(parameters, self.AVERAGE, context) == 1
        pairs_text = self.parameterAsString(parameters, self.PAIRS, context)
        corridor_layer = self.parameterAsRasterLayer(parameters, self.CORRIDORS, context) if parameters.get(self.CORRIDORS) else None
        width = self.parameterAsDouble(parameters, self.CORRIDOR_WIDTH, context)

        with self.core_errors():
            grid = Grid.of(path)
            cell = grid.cell_size
            values = read_float(path)
            g = conductances(values, np.isfinite(values), is_conductance)
        del values
        cells = self.focal_cells(focal_source, id_field, layer.crs(), grid, context, feedback)
        focal = focal_from_cells(cells)
        pairs = self.parse_pairs(pairs_text, focal.ids)
        feedback.setProgress(5)

        corridor = None
        if corridor_layer is not None:
            corridor_path = self.raster_file(corridor_layer, self.tr("Corridors"))
            corridor_grid = Grid.of(corridor_path)
            if not corridor_grid.same_as(grid):
                raise QgsProcessingException(
                    self.tr("The corridor raster must be on the grid of the resistance surface (same extent, cell size and CRS)")
                )
            with self.core_errors():
                corridor = read_float(corridor_path)
            if mode != Mode.PAIRWISE:
                feedback.pushInfo(self.tr("Pinch points are computed pair by pair: MODE is taken as pairwise"))
            if not (width > 0 and math.isfinite(width)):
                raise QgsProcessingException(self.tr("CORRIDOR_WIDTH must be above 0 when CORRIDORS is given"))

        with self.core_errors():
            if corridor is not None:
                result = pinch_points(
                    g, focal, corridor, width, eight, avg_cond, pairs, progress=self.progress_range(feedback, 5, 90), cancelled=feedback.isCanceled
                )
            else:
                result = circuit(g, focal, mode, eight, avg_cond, pairs, progress=self.progress_range(feedback, 5, 90), cancelled=feedback.isCanceled)
        for row in result.resistances:
            if row.resistance is None:
                other = "" if row.to_id is None else f" – {row.to_id}"
                feedback.reportError(f"{row.from_id}{other}: {tr(row.status)}", fatalError=False)

        compress = is_compressed(path)
        results = {}
        out_current = self.parameterAsOutputLayer(parameters, self.OUTPUT_CURRENT, context)
        current32 = result.current.astype(np.float32)
        with self.core_errors():
            write_array(out_current, current32, grid, nodata=FLOAT_NODATA, description=self.tr("cumulative current density (A)"), compress=compress)
        finite = current32[np.isfinite(current32)]
        top = float(np.percentile(finite, 99)) if finite.size else 1.0
        styles.style_on_load(context, out_current, styles.ramp(0.0, max(top, 1e-12), "Magma" if corridor is None else "YlOrRd"))
        results[self.OUTPUT_CURRENT] = out_current

        out_voltage = self.parameterAsOutputLayer(parameters, self.OUTPUT_VOLTAGE, context)
        if out_voltage:
            if result.voltage is None:
                feedback.pushInfo(self.tr("Voltage maps are written in the one-to-all and all-to-one modes only"))
            else:
                self.write_voltages(out_voltage, result.voltage, grid, [str(i) for i in result.ids])
                results[self.OUTPUT_VOLTAGE] = out_voltage

        dest = self.write_table(parameters, context, result)
        if dest:
            results[self.OUTPUT_RESISTANCES] = dest

        mean = result.mean_resistance
        if mean is not None:
            results[self.MEAN_EFFECTIVE_RESISTANCE] = float(mean)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            report.write(
                html_path,
                circuit_report(
                    CircuitReport(
                        result,
                        self.mode_options()[mode] if corridor is None else tr("Pinch points in corridors"),
                        self.connection_options()[int(eight)],
                        self.average_options()[int(avg_cond)],
                        width if corridor is not None else None,
                        cell,
                    )
                ),
            )
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results

    # ------------------------------------------------------------------------------------------
    def focal_cells(self, source, id_field, crs, grid: Grid, context, feedback) -> list:
        """[(focal id, flat cell index)]: a point gives its cell, a polygon the cells whose centre it
        holds (or, when it holds none, those it touches); features with the same id form one region."""
        to_grid = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        shape = (grid.height, grid.width)
        cells = []
        outside = 0
        order = 0
        for feature in source.getFeatures():
            geometry = feature.geometry()
            if geometry is None or geometry.isEmpty():
                continue
            order += 1
            geometry = QgsGeometry(geometry)
            if geometry.transform(to_grid) != 0:
                raise QgsProcessingException(self.tr("A focal node cannot be transformed to the CRS of the resistance surface"))
            value = plain(feature[id_field]) if id_field else order
            if value is None:
                raise QgsProcessingException(self.tr("A focal node has no id (NULL in {field})").format(field=id_field))
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            found = self.geometry_cells(geometry, grid, shape)
            if not found:
                outside += 1
                continue
            cells.extend((value, c) for c in found)
        if outside:
            feedback.reportError(
                self.tr("{n} focal node(s) lie outside the resistance surface; they are left out").format(n=outside), fatalError=False
            )
        if not cells:
            raise QgsProcessingException(self.tr("No focal node lies on the resistance surface; check the extents and coordinate reference systems"))
        return cells

    @staticmethod
    def geometry_cells(geometry, grid: Grid, shape) -> list[int]:
        t = grid.transform
        if geometry.type() == 0 or "Point" in geometry.asWkt()[:12]:
            found = []
            for part in geometry.constParts():
                col = int(math.floor((part.x() - t.c) / t.a))
                row = int(math.floor((part.y() - t.f) / t.e))
                if 0 <= row < shape[0] and 0 <= col < shape[1]:
                    found.append(row * shape[1] + col)
            return found
        geojson = json.loads(geometry.asJson())
        mask = rasterio.features.rasterize([(geojson, 1)], out_shape=shape, transform=t, fill=0, dtype="uint8")
        if not mask.any():
            mask = rasterio.features.rasterize([(geojson, 1)], out_shape=shape, transform=t, fill=0, dtype="uint8", all_touched=True)
        return np.flatnonzero(mask).tolist()

    def parse_pairs(self, text: str, ids: list) -> list | None:
        """PAIRS "a,b; c,d" (or "a-b") as focal-id pairs, matched to the ids' type."""
        if not text or not text.strip():
            return None
        by_text = {str(i): i for i in ids}
        pairs = []
        for chunk in re.split(r"[;\n]+", text):
            chunk = chunk.strip()
            if not chunk:
                continue
            parts = [p.strip() for p in (chunk.split(",") if "," in chunk else chunk.split("-"))]
            if len(parts) != 2 or not all(parts):
                raise QgsProcessingException(self.tr("PAIRS: '{chunk}' is not a pair of focal ids such as 1,2").format(chunk=chunk))
            pair = []
            for p in parts:
                key = p[:-2] if p.endswith(".0") else p
                if key not in by_text:
                    raise QgsProcessingException(self.tr("PAIRS names the focal id {id}, which is not a focal node on the raster").format(id=p))
                pair.append(by_text[key])
            pairs.append(tuple(pair))
        return pairs or None

    def write_voltages(self, path: str, voltage: np.ndarray, grid: Grid, names: list[str]) -> None:
        data = np.where(np.isfinite(voltage), voltage, FLOAT_NODATA).astype(np.float32)
        profile = dict(
            driver="GTiff",
            width=grid.width,
            height=grid.height,
            count=data.shape[0],
            dtype="float32",
            crs=grid.crs,
            transform=grid.transform,
            nodata=FLOAT_NODATA,
            compress="deflate",
            tiled=True,
        )
        with self.core_errors(), rasterio.open(path, "w", **profile) as ds:
            ds.write(data)
            for k, name in enumerate(names, start=1):
                ds.set_band_description(k, self.tr("voltage, 1 A at focal node {id}").format(id=name))

    def write_table(self, parameters, context, result):
        ids = result.ids
        integer = all(isinstance(v, int) and not isinstance(v, bool) for v in ids)
        kind = "int" if integer else "string"
        fields = QgsFields()
        for name, k in (("from_id", kind), ("to_id", kind), ("resistance", "double"), ("status", "string")):
            fields.append(field(name, k))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_RESISTANCES, context, fields, WKB_NOGEOMETRY)
        if sink is None:
            return None
        convert = int if integer else str
        for row in result.resistances:
            feature = QgsFeature(fields)
            feature.setAttributes(
                [
                    convert(row.from_id),
                    None if row.to_id is None else convert(row.to_id),
                    None if row.resistance is None else float(row.resistance),
                    tr(row.status),
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest
