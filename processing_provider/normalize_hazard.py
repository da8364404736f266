"""tsr:normalizehazard — a hazard or indicator raster as a 0–1 degree."""

from __future__ import annotations

import math

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

from ..algorithms.engine.raster_io import Grid, RasterSink, RasterSource, is_compressed, iterate_blocks, run_blocks
from ..algorithms.raster.classify import quantiles, summarise_raster, value_range
from ..algorithms.raster.normalize import (
    Direction,
    Method,
    Normalization,
    check_percentile_values,
    dropped_cells,
    parse_table,
    percentile_levels,
    stretch_points,
)
from ..i18n import tr
from .common import styles
from .common.base import TsrAlgorithm


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
        return self.tr("Normalise hazard")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Turn a hazard or indicator raster into a 0–1 degree (min-max, percentiles, fuzzy memberships, table, return period)")

    def tags(self) -> list[str]:
        return self.tr("normalise,normalize,standardise,fuzzy,membership,min-max,percentile,return period,hazard,标准化,归一化").split(",")

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
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Hazard or indicator raster")))
        # Optional so that a missing BAND means band 1: QGIS 3.22 rejects a missing mandatory band.
        self.addParameter(QgsProcessingParameterBand(self.BAND, self.tr("Band"), 1, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.METHOD, self.tr("Method"), options=self.method_options(), defaultValue=0))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DIRECTION,
                self.tr("Direction"),
                options=[self.tr("Higher value = more hazard"), self.tr("Higher value = less hazard")],
                defaultValue=0,
            )
        )
        lower = QgsProcessingParameterNumber(self.LOWER, self.tr("Lower control point"), QgsProcessingParameterNumber.Type.Double, None, True)
        lower.setHelp(
            self.tr(
                "Control point a in the raster's unit: μ = 0 there (min-max, fuzzy linear and sigmoid) or 0.5 (gaussian), before DIRECTION; "
                "empty = the data minimum. For the percentile method: a percentile 0–100 (empty = 2)."
            )
        )
        upper = QgsProcessingParameterNumber(self.UPPER, self.tr("Upper control point"), QgsProcessingParameterNumber.Type.Double, None, True)
        upper.setHelp(
            self.tr(
                "Control point b in the raster's unit: μ = 1 there (min-max, fuzzy linear and sigmoid) or 0.5 (gaussian), before DIRECTION; "
                "empty = the data maximum. For the percentile method: a percentile 0–100 (empty = 98)."
            )
        )
        for parameter in (lower, upper):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterMatrix(
                self.TABLE,
                self.tr("Reclassification table"),
                numberRows=0,
                hasFixedNumberRows=False,
                headers=[self.tr("Minimum"), self.tr("Maximum"), self.tr("Value (0–1)")],
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Normalised hazard (0–1)")))
        self.addOutput(QgsProcessingOutputNumber(self.LOWER_USED, self.tr("Lower control point used")))
        self.addOutput(QgsProcessingOutputNumber(self.UPPER_USED, self.tr("Upper control point used")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        path = self.raster_file(layer, self.tr("Input"))
        source = RasterSource(path, self.band_number(parameters, context, layer))
        method = Method(self.parameterAsEnum(parameters, self.METHOD, context))
        direction = Direction(self.parameterAsEnum(parameters, self.DIRECTION, context))
        lower = self.strict_number(parameters, self.LOWER, context)
        upper = self.strict_number(parameters, self.UPPER, context)
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
                feedback.pushInfo(self.tr("The direction does not apply to this method; it was ignored."))
            feedback.pushInfo(self.tr("Formula: {formula}").format(formula=normalization.formula()))
            counts = []

            def normalise(blocks):
                degree = normalization(blocks[0])
                return (degree,), (int(np.count_nonzero(~np.isnan(degree))), dropped_cells(blocks[0], degree))

            def check_valid() -> None:
                if sum(c[0] for c in counts) > 0:
                    return
                if sum(c[1] for c in counts) == 0:
                    raise QgsProcessingException(self.tr("The raster has no valid cell (every cell is nodata)"))
                if method == Method.RETURN_PERIOD:
                    raise QgsProcessingException(self.tr("No cell holds a return period above 0 years: the result would have no valid cell"))
                raise QgsProcessingException(
                    self.tr("No row of the reclassification table matches a value of the raster: the result would have no valid cell")
                )

            run_blocks(
                grid,
                [source],
                normalise,
                [RasterSink(output, "float32", description=self.tr("hazard degree 0–1"), compress=is_compressed(path))],
                on_result=counts.append,
                before_commit=check_valid,
                progress=self.progress_range(feedback, 50 if normalization.method in (Method.PERCENTILE,) else 30, 100),
                cancelled=feedback.isCanceled,
            )
        dropped = sum(c[1] for c in counts)
        if dropped:
            share = 100.0 * dropped / (dropped + sum(c[0] for c in counts))
            if method == Method.RETURN_PERIOD:
                text = self.tr(
                    "{n} cells ({share:.3g} % of the valid cells) hold a return period of 0 years or less, which has no exceedance probability: "
                    "they are nodata in the result"
                )
            else:
                text = self.tr(
                    "{n} cells ({share:.3g} % of the valid cells) match no row of the reclassification table: they are nodata in the result"
                )
            feedback.reportError(text.format(n=dropped, share=share), fatalError=False)
        styles.style_on_load(context, output, styles.ramp(0.0, 1.0))
        results = {self.OUTPUT: output}
        if normalization.uses_direction:
            results[self.LOWER_USED] = float(normalization.lower)
            results[self.UPPER_USED] = float(normalization.upper)
        return results

    def band_number(self, parameters, context, layer) -> int:
        """BAND as a band of the raster, 1 … its band count; a missing BAND means band 1, and
        anything else (0, beyond the count, not a whole number) is refused with the range."""
        value = parameters.get(self.BAND)
        count = layer.bandCount()
        if value is None or (isinstance(value, str) and not value.strip()):
            return 1
        if isinstance(value, (int, float, str)) and not isinstance(value, bool):
            try:
                number = float(str(value).strip())
            except ValueError:
                number = math.nan
            band = int(number) if math.isfinite(number) and number == int(number) else None
        else:  # a model input or expression: let QGIS evaluate it
            band = self.parameterAsInt(parameters, self.BAND, context)
        if band is None or not 1 <= band <= count:
            raise QgsProcessingException(
                self.tr("Band {band} does not exist: '{name}' has band(s) 1 to {count}; give a band number in that range").format(
                    band=value, name=layer.name(), count=count
                )
            )
        return band

    def strict_number(self, parameters, name, context) -> float | None:
        """An optional number parameter: None when not set; text that is not a number, NaN or
        an infinite value is refused (never read as 0 or as "not set")."""
        value = parameters.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, (int, float, str)) and not isinstance(value, bool):
            try:
                number = float(str(value).strip())
            except ValueError:
                number = math.nan
        else:
            number = self.parameterAsDouble(parameters, name, context)
        if not math.isfinite(number):
            raise QgsProcessingException(self.tr("{name} must be a finite number, got '{value}'").format(name=name, value=value))
        return number

    def control_points(self, method, lower, upper, grid, source, feedback) -> tuple[float, float]:
        """Control points in raster units: given ones are kept, missing ones come from the data."""
        if method == Method.PERCENTILE:
            p_low, p_high = percentile_levels(lower, upper)
            _, _, summary = summarise_raster(grid, source, self.progress_range(feedback, 0, 50), feedback.isCanceled)
            low, high = (float(v) for v in quantiles(summary, [p_low / 100.0, p_high / 100.0]))
            feedback.pushInfo(self.tr("Percentiles {pl:g} % and {ph:g} %: {low:.6g} and {high:.6g}").format(pl=p_low, ph=p_high, low=low, high=high))
            check_percentile_values(p_low, p_high, low, high)
            return low, high
        if lower is not None and upper is not None:
            return lower, upper
        vmin, vmax = value_range(
            b[0] for b in iterate_blocks(grid, [source], progress=self.progress_range(feedback, 0, 30), cancelled=feedback.isCanceled)
        )
        feedback.pushInfo(self.tr("Data range: {low:.6g} to {high:.6g}").format(low=vmin, high=vmax))
        return stretch_points(lower, upper, vmin, vmax)
