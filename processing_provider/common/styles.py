"""Styles applied to the results that QGIS loads when an algorithm finishes (desktop runs):
grades and zones in green-to-red with their labels, control lines dashed, degrees on a ramp;
the emergency network's demand, facilities, service areas, sites and routes by what they say."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalettedRasterRenderer,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterShader,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsStyle,
)
from qgis.PyQt.QtGui import QColor

from ...i18n import tr

#: Colours of the risk grades, green (low) to red (high), by number of classes (ColorBrewer RdYlGn, reversed).
GRADE_COLOURS: dict[int, tuple[str, ...]] = {
    2: ("#91cf60", "#d73027"),
    3: ("#91cf60", "#fee08b", "#d73027"),
    4: ("#1a9850", "#d9ef8b", "#fdae61", "#d73027"),
    5: ("#1a9850", "#a6d96a", "#ffffbf", "#fdae61", "#d7191c"),
    6: ("#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#fc8d59", "#d73027"),
    7: ("#1a9850", "#91cf60", "#d9ef8b", "#ffffbf", "#fee08b", "#fc8d59", "#d73027"),
    8: ("#006837", "#1a9850", "#66bd63", "#a6d96a", "#fdae61", "#f46d43", "#d73027", "#a50026"),
    9: ("#006837", "#1a9850", "#66bd63", "#a6d96a", "#ffffbf", "#fdae61", "#f46d43", "#d73027", "#a50026"),
}
#: Colours of the SETS resilience grades, red (1, least resilient) to green (5).
RESILIENCE_COLOURS = ("#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9850")
#: Colours of the SETS dimensions: social, ecological, technological.
DIMENSION_COLOURS = ("#d6604d", "#1b7837", "#2166ac")

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
        renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, raster_shader)
        # The legend's continuous ramp is labelled with the renderer's own range, NaN unless set.
        renderer.setClassificationMin(low)
        renderer.setClassificationMax(high)
        layer.setRenderer(renderer)

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


# --- community emergency network -------------------------------------------------------------

GOOD, BAD, UNKNOWN, NEW = "#1a9850", "#d73027", "#969696", "#f46d43"
ROUTE_BLUE = "#2166ac"


def _marker(colour: str, shape: str = "circle", size: float = 2.4) -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "outline_color": "#333333", "outline_width": "0.2", "size": f"{size:g}"})


def _categories(attribute: str, classes: Sequence[tuple[object, QgsMarkerSymbol, str]]) -> QgsCategorizedSymbolRenderer:
    """A categorised renderer; the value "" also catches NULL."""
    return QgsCategorizedSymbolRenderer(attribute, [QgsRendererCategory(value, symbol, label) for value, symbol, label in classes])


def covered_demand(attribute: str | None = None, reach: str = "") -> Callable:
    """tsr:servicecoverage OUTPUT_DEMAND: green if covered within the first threshold (the field
    `attribute`, default the layer's first covered_<threshold> field), red if not."""

    def apply(layer) -> None:
        name = attribute or next((n for n in layer.fields().names() if n.startswith("covered_")), None)
        if name is None:
            layer.setRenderer(QgsSingleSymbolRenderer(_marker(UNKNOWN)))
            return
        within = tr("Covered within {reach}").format(reach=reach) if reach else tr("Covered")
        outside = tr("Not covered within {reach}").format(reach=reach) if reach else tr("Not covered")
        layer.setRenderer(_categories(name, [(1, _marker(GOOD), within), (0, _marker(BAD), outside)]))

    return apply


def facility_load(layer) -> None:
    """tsr:servicecoverage OUTPUT_FACILITIES: red square if overloaded, green if not, grey if the
    capacity is unknown (NULL)."""
    layer.setRenderer(
        _categories(
            "overloaded",
            [
                (1, _marker(BAD, "square", 3.2), tr("Overloaded")),
                (0, _marker(GOOD, "square", 3.2), tr("Within capacity")),
                ("", _marker(UNKNOWN, "square", 3.2), tr("Capacity unknown")),
            ],
        )
    )


def _area_symbol(alpha: int, fill: str = "26,152,80") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": f"{fill},{alpha}", "outline_color": "#00441b", "outline_width": "0.3"})


def service_areas(thresholds: Sequence[float], unit: str = "") -> Callable:
    """tsr:servicecoverage OUTPUT_AREAS: semi-transparent green with a darker outline; with several
    thresholds, graduated by `threshold` (the nearest reach the most opaque)."""
    values = sorted({float(t) for t in thresholds})
    suffix = f" {unit}" if unit else ""

    def apply(layer) -> None:
        if len(values) < 2:
            layer.setRenderer(QgsSingleSymbolRenderer(_area_symbol(90)))
            return
        ranges = []
        for k, t in enumerate(values):
            alpha = int(round(130 - 90 * k / (len(values) - 1)))
            lower = values[k - 1] if k else t
            ranges.append(QgsRendererRange(lower, t, _area_symbol(alpha), f"≤ {t:g}{suffix}"))
        layer.setRenderer(QgsGraduatedSymbolRenderer("threshold", ranges))

    return apply


def candidate_sites(layer) -> None:
    """tsr:facilitylocation OUTPUT_SITES: existing facilities as green squares, new sites as
    orange stars."""
    layer.setRenderer(
        _categories(
            "existing",
            [
                (1, _marker(GOOD, "square", 3.2), tr("Existing facility")),
                (0, _marker(NEW, "star", 4.2), tr("New site")),
            ],
        )
    )


def allocation_lines(layer) -> None:
    """tsr:facilitylocation OUTPUT_ALLOCATION: thin grey lines from demand to site."""
    layer.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#8c8c8c", "width": "0.15"})))


def _route_symbol(width: float) -> QgsLineSymbol:
    return QgsLineSymbol.createSimple({"color": ROUTE_BLUE, "width": f"{width:.2f}", "capstyle": "round", "joinstyle": "round"})


def _persons(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:.3g}"


def evacuation_routes(people: Sequence[float], classes: int = 5) -> Callable:
    """tsr:evacuationroutes OUTPUT: blue lines, wider for more people (quantile classes of the
    `people` values of the routes)."""
    values = np.asarray([float(v) for v in people], dtype=float)
    values = values[np.isfinite(values)]
    k = min(classes, np.unique(values).size - 1)
    breaks = np.unique(np.quantile(values, np.linspace(0.0, 1.0, k + 1))) if k >= 1 else np.zeros(0)

    def apply(layer) -> None:
        if breaks.size < 2:
            layer.setRenderer(QgsSingleSymbolRenderer(_route_symbol(0.5)))
            return
        n = breaks.size - 1
        ranges = [
            QgsRendererRange(
                float(breaks[k]),
                float(breaks[k + 1]),
                _route_symbol(0.25 + 0.95 * k / max(n - 1, 1)),
                tr("{low} – {high} persons").format(low=_persons(breaks[k]), high=_persons(breaks[k + 1])),
            )
            for k in range(n)
        ]
        layer.setRenderer(QgsGraduatedSymbolRenderer("people", ranges))

    return apply


def unreached(layer) -> None:
    """tsr:evacuationroutes OUTPUT_UNREACHED: red crosses."""
    symbol = QgsMarkerSymbol.createSimple({"name": "cross2", "color": BAD, "outline_color": BAD, "outline_width": "0.6", "size": "3.2"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
