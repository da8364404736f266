"""Styles applied to the results that QGIS loads when an algorithm finishes (desktop runs):
grades and zones in green-to-red with their labels, control lines dashed, degrees on a ramp."""

from __future__ import annotations

from typing import Callable, Sequence

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsPalettedRasterRenderer,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterShader,
    QgsRendererCategory,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsStyle,
)
from qgis.PyQt.QtGui import QColor

HAZARD_COLOURS = ("#2166ac", "#8c510a", "#762a83", "#e08214", "#d6604d", "#1b7837", "#c51b7d", "#4d4d4d", "#35978f")


class _Styler(QgsProcessingLayerPostProcessorInterface):
    # QGIS keeps only a C++ pointer to the post-processor: the Python object must stay alive.
    _alive: list["_Styler"] = []

    def __init__(self, apply: Callable):
        super().__init__()
        self.apply = apply

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is not None and layer.isValid():
            self.apply(layer)
            layer.triggerRepaint()


def style_on_load(context: QgsProcessingContext, destination: str, apply: Callable) -> None:
    """Apply `apply(layer)` to `destination` if QGIS loads it when the algorithm completes."""
    if not destination or not context.willLoadLayerOnCompletion(destination):
        return
    styler = _Styler(apply)
    _Styler._alive.append(styler)
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(styler)


def ramp(low: float, high: float, ramp_name: str = "YlOrRd", classes: int = 9) -> Callable:
    def apply(layer) -> None:
        shader = QgsColorRampShader(low, high, QgsStyle.defaultStyle().colorRamp(ramp_name))
        shader.classifyColorRamp(classes)
        raster_shader = QgsRasterShader()
        raster_shader.setRasterShaderFunction(shader)
        layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, raster_shader))

    return apply


def palette(values: Sequence[int], colours: Sequence[str], labels: Sequence[str]) -> Callable:
    def apply(layer) -> None:
        classes = [QgsPalettedRasterRenderer.Class(v, QColor(c), t) for v, c, t in zip(values, colours, labels)]
        layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))

    return apply


def zones(colours: Sequence[str], labels: Sequence[str]) -> Callable:
    def apply(layer) -> None:
        categories = [
            QgsRendererCategory(g, QgsFillSymbol.createSimple({"color": c, "outline_color": "#555555", "outline_width": "0.1"}), f"{g} {t}")
            for g, (c, t) in enumerate(zip(colours, labels), start=1)
        ]
        layer.setRenderer(QgsCategorizedSymbolRenderer("grade", categories))

    return apply


def control_lines(layer) -> None:
    layer.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#67000d", "width": "0.8", "line_style": "dash"})))
