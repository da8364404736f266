"""tsr:normalizehazard — a hazard or indicator raster as a 0–1 degree."""

from __future__ import annotations

import math

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

from ..algorithms.raster.normalize import Direction, Method
from ..algorithms.raster.normalize_job import METHOD_OPTIONS, NormalizeRequest, outputs, run
from ..i18n import tr
from .common import styles
from .common.base import TsrAlgorithm
from .common.engine_setting import engine_in_use


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
        return [tr(option) for option in METHOD_OPTIONS]

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
        request = NormalizeRequest(
            input=path,
            output=self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
            band=self.band_number(parameters, context, layer),
            method=Method(self.parameterAsEnum(parameters, self.METHOD, context)),
            direction=Direction(self.parameterAsEnum(parameters, self.DIRECTION, context)),
            lower=self.strict_number(parameters, self.LOWER, context),
            upper=self.strict_number(parameters, self.UPPER, context),
            table=tuple(self.parameterAsMatrix(parameters, self.TABLE, context) or ()),
        )
        with self.core_errors(), engine_in_use() as engine:
            result = run(
                request,
                engine=engine,
                progress=self.progress_range(feedback, 0, 100),
                cancelled=feedback.isCanceled,
                log=lambda message: feedback.pushInfo(message.translated(tr)),
                warn=lambda message: feedback.reportError(message.translated(tr), fatalError=False),
                translate=tr,
            )
        styles.style_on_load(context, request.output, styles.ramp(0.0, 1.0))
        return outputs(result)  # OUTPUT, and LOWER_USED / UPPER_USED for the methods with control points

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
