"""tsr:normalizehazard — a hazard or indicator raster as a 0–1 degree."""

from __future__ import annotations


import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBand,
    QgsProcessingParameterEnum,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ..algorithms.classify import ValueSummary, quantiles, value_range
from ..algorithms.normalize import Direction, Method, Normalization, parse_table
from ..algorithms.raster_io import Grid, RasterSink, RasterSource, is_compressed, iterate_blocks, run_blocks
from ..i18n import tr
from . import styles
from .base import TsrAlgorithm

#: Default percentiles of the percentile min-max stretch.
DEFAULT_PERCENTILES = (2.0, 98.0)


class NormalizeHazard(TsrAlgorithm):
    ALG_ID = "normalizehazard"

    INPUT = "INPUT"
    BAND = "BAND"
    METHOD = "METHOD"
    DIRECTION = "DIRECTION"
    LOWER = "LOWER"
    UPPER = "UPPER"
    TABLE = "TABLE"
    OUTPUT = "OUTPUT"
    LOWER_USED = "LOWER_USED"
    UPPER_USED = "UPPER_USED"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Normalise hazard")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Turn a hazard or indicator raster into a 0–1 degree (min-max, percentiles, fuzzy memberships, table, return period)")

    def tags(self) -> list[str]:
        return tr("normalise,normalize,standardise,fuzzy,membership,min-max,percentile,return period,hazard,标准化,归一化").split(",")

    @staticmethod
    def method_options() -> list[str]:
        return [
            tr("Min-max"),
            tr("Percentile min-max"),
            tr("Fuzzy linear"),
            tr("Fuzzy sigmoid"),
            tr("Fuzzy gaussian"),
            tr("Reclassification table"),
            tr("Return period → annual exceedance probability"),
        ]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, tr("Hazard or indicator raster")))
        # Optional so that a missing BAND means band 1: QGIS 3.22 rejects a missing mandatory band.
        self.addParameter(QgsProcessingParameterBand(self.BAND, tr("Band"), 1, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.METHOD, tr("Method"), options=self.method_options(), defaultValue=0))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DIRECTION,
                tr("Direction"),
                options=[tr("Higher value = more hazard"), tr("Higher value = less hazard")],
                defaultValue=0,
            )
        )
        self.addParameter(QgsProcessingParameterNumber(self.LOWER, tr("Lower control point (percentile for the percentile method)"), QgsProcessingParameterNumber.Type.Double, None, True))
        self.addParameter(QgsProcessingParameterNumber(self.UPPER, tr("Upper control point (percentile for the percentile method)"), QgsProcessingParameterNumber.Type.Double, None, True))
        self.addParameter(
            QgsProcessingParameterMatrix(
                self.TABLE, tr("Reclassification table"), numberRows=0, hasFixedNumberRows=False,
                headers=[tr("Minimum"), tr("Maximum"), tr("Value (0–1)")], optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Normalised hazard (0–1)")))
        self.addOutput(QgsProcessingOutputNumber(self.LOWER_USED, tr("Lower control point used")))
        self.addOutput(QgsProcessingOutputNumber(self.UPPER_USED, tr("Upper control point used")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        path = self.raster_file(layer, tr("Input"))
        source = RasterSource(path, self.parameterAsInt(parameters, self.BAND, context) or 1)
        method = Method(self.parameterAsEnum(parameters, self.METHOD, context))
        direction = Direction(self.parameterAsEnum(parameters, self.DIRECTION, context))
        lower = self.optional_number(parameters, self.LOWER, context)
        upper = self.optional_number(parameters, self.UPPER, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)

        with self.core_errors():
            grid = Grid.of(path)
            source.check_against(grid)
            if method == Method.TABLE:
                normalization = Normalization(method, table=tuple(parse_table(self.parameterAsMatrix(parameters, self.TABLE, context))))
            elif method == Method.RETURN_PERIOD:
                normalization = Normalization(method)
            else:
                lower, upper = self.control_points(method, lower, upper, grid, source, feedback)
                normalization = Normalization(method, lower, upper, direction)
            if not normalization.uses_direction and direction == Direction.HIGHER_IS_LESS:
                feedback.pushInfo(tr("The direction does not apply to this method; it was ignored."))
            feedback.pushInfo(tr("Formula: {formula}").format(formula=normalization.formula()))
            valid_cells = []

            def normalise(blocks):
                degree = normalization(blocks[0])
                return (degree,), int(np.count_nonzero(~np.isnan(degree)))

            def check_valid() -> None:
                if sum(valid_cells) == 0:
                    raise QgsProcessingException(tr("The result has no valid cell: the raster is all nodata, or no row of the reclassification table matched its values"))

            run_blocks(
                grid,
                [source],
                normalise,
                [RasterSink(output, "float32", description=tr("hazard degree 0–1"), compress=is_compressed(path))],
                on_result=valid_cells.append,
                before_commit=check_valid,
                progress=self.progress_range(feedback, 50 if normalization.method in (Method.PERCENTILE,) else 30, 100),
                cancelled=feedback.isCanceled,
            )
        styles.style_on_load(context, output, styles.ramp(0.0, 1.0))
        results = {self.OUTPUT: output}
        if normalization.uses_direction:
            results[self.LOWER_USED] = float(normalization.lower)
            results[self.UPPER_USED] = float(normalization.upper)
        return results

    def control_points(self, method, lower, upper, grid, source, feedback) -> tuple[float, float]:
        """Control points in raster units: given ones are kept, missing ones come from the data."""
        if method == Method.PERCENTILE:
            p_low = DEFAULT_PERCENTILES[0] if lower is None else lower
            p_high = DEFAULT_PERCENTILES[1] if upper is None else upper
            if not 0.0 <= p_low < p_high <= 100.0:
                raise QgsProcessingException(tr("Percentiles must satisfy 0 ≤ lower < upper ≤ 100"))
            blocks = lambda start, end: (b[0] for b in iterate_blocks(grid, [source], progress=self.progress_range(feedback, start, end), cancelled=feedback.isCanceled))  # noqa: E731
            vmin, vmax = value_range(blocks(0, 20))
            summary = ValueSummary(vmin, vmax)
            for block in blocks(20, 50):
                summary.add(block)
            low, high = (float(v) for v in quantiles(summary, [p_low / 100.0, p_high / 100.0]))
            feedback.pushInfo(tr("Percentiles {pl:g} % and {ph:g} %: {low:.6g} and {high:.6g}").format(pl=p_low, ph=p_high, low=low, high=high))
            return low, high
        if lower is not None and upper is not None:
            return lower, upper
        vmin, vmax = value_range(
            b[0] for b in iterate_blocks(grid, [source], progress=self.progress_range(feedback, 0, 30), cancelled=feedback.isCanceled)
        )
        feedback.pushInfo(tr("Data range: {low:.6g} to {high:.6g}").format(low=vmin, high=vmax))
        return (vmin if lower is None else lower), (vmax if upper is None else upper)
