"""The SETS inventory of a project: which layers describe the social (S), ecological (E) and
technological (T) components, which are hazards (with their national emergency category and
whether they strike suddenly or build up slowly), and which fields of the planning units are the
indicators of each component. It is saved in the QGIS project and restored when it is reopened.

The four categories are those of the Emergency Response Law (突发事件应对法) and the national
emergency plan: natural disasters, accidents and disasters, public health events and social
security events.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from qgis.core import QgsMapLayer, QgsProject, QgsRasterLayer

from ..i18n import tr
from . import suggestions
from .suggestions import ACCIDENT, ECOLOGICAL, HAZARD, NATURAL, NONE, PUBLIC_HEALTH, PULSE, SLOW, SOCIAL, SOCIAL_SECURITY, TECHNOLOGICAL

SCOPE = "territorial_resilience"
KEY = "inventory"
COMPONENTS = (NONE, SOCIAL, ECOLOGICAL, TECHNOLOGICAL, HAZARD)
CATEGORIES = (NATURAL, ACCIDENT, PUBLIC_HEALTH, SOCIAL_SECURITY)
ONSETS = (PULSE, SLOW)


def component_labels() -> dict[str, str]:
    return {
        NONE: tr("—"),
        SOCIAL: tr("S · Social"),
        ECOLOGICAL: tr("E · Ecological"),
        TECHNOLOGICAL: tr("T · Technological"),
        HAZARD: tr("Hazard"),
    }


def category_labels() -> dict[str, str]:
    return {
        NATURAL: tr("Natural disaster"),
        ACCIDENT: tr("Accident and disaster"),
        PUBLIC_HEALTH: tr("Public health event"),
        SOCIAL_SECURITY: tr("Social security event"),
    }


def onset_labels() -> dict[str, str]:
    return {PULSE: tr("Pulse (sudden)"), SLOW: tr("Slow-onset")}


@dataclass
class LayerEntry:
    component: str = NONE
    category: str = NATURAL
    onset: str = PULSE


@dataclass
class IndicatorEntry:
    component: str = NONE
    negative: bool = False


@dataclass
class Inventory:
    """Layers by id, indicators by field name of the planning units."""

    layers: dict[str, LayerEntry] = field(default_factory=dict)
    indicators: dict[str, IndicatorEntry] = field(default_factory=dict)

    # --- persistence -------------------------------------------------------------------------

    def to_json(self) -> str:
        return json.dumps(
            {"layers": {k: asdict(v) for k, v in self.layers.items()}, "indicators": {k: asdict(v) for k, v in self.indicators.items()}},
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> "Inventory":
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        layers = {k: LayerEntry(**_known(v, LayerEntry)) for k, v in data.get("layers", {}).items()}
        indicators = {k: IndicatorEntry(**_known(v, IndicatorEntry)) for k, v in data.get("indicators", {}).items()}
        return cls(layers, indicators)

    def save(self, project: QgsProject) -> None:
        project.writeEntry(SCOPE, KEY, self.to_json())

    @classmethod
    def load(cls, project: QgsProject) -> "Inventory":
        text, _ok = project.readEntry(SCOPE, KEY, "")
        return cls.from_json(text)

    # --- content -----------------------------------------------------------------------------

    def entry(self, layer: QgsMapLayer) -> LayerEntry:
        """The layer's entry; a layer not in the inventory yet gets the suggestion from its name."""
        if layer.id() not in self.layers:
            self.layers[layer.id()] = suggest_layer(layer.name())
        return self.layers[layer.id()]

    def indicator(self, name: str) -> IndicatorEntry:
        if name not in self.indicators:
            component, negative = suggestions.indicator(name)
            self.indicators[name] = IndicatorEntry(component, negative)
        return self.indicators[name]

    def fields_of(self, component: str, names: list[str]) -> list[str]:
        """The indicator fields among `names` assigned to `component`, in the layer's order."""
        return [n for n in names if n in self.indicators and self.indicators[n].component == component]

    def negative_fields(self, names: list[str]) -> list[str]:
        return [n for n in names if n in self.indicators and self.indicators[n].component != NONE and self.indicators[n].negative]

    def hazard_layers(self, project: QgsProject, raster_only: bool = True) -> list:
        """The project's layers assigned to Hazard (rasters only by default), in the legend's order."""
        layers = []
        for node in project.layerTreeRoot().findLayers():
            layer = node.layer()
            if layer is None or (raster_only and not isinstance(layer, QgsRasterLayer)):
                continue
            if self.layers.get(layer.id(), LayerEntry()).component == HAZARD:
                layers.append(layer)
        return layers


def suggest_layer(name: str) -> LayerEntry:
    rule = suggestions.hazard_rule(name)
    if rule is not None:
        return LayerEntry(HAZARD, rule.category, rule.onset)
    return LayerEntry(suggestions.layer_component(name))


def _known(values: dict, kind) -> dict:
    names = kind.__dataclass_fields__
    return {k: v for k, v in values.items() if k in names}
