"""A chain of Processing steps, described once and used twice: run in the background by the
wizard (ui/runner.py) and written as a .model3 for the Model Builder (ui/model_export.py).

A step's parameter values are plain values (numbers, strings, lists), an `Input` (a value the
chain starts from: a layer of the project, or a number the user may change; it becomes a model
parameter) or a `Ref` (an output of an earlier step; it becomes a link between child algorithms).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from qgis.core import (
    QgsProcessingDestinationParameter,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterVectorDestination,
)


@dataclass(frozen=True)
class Ref:
    """The output `output` of the step `step` of the same chain."""

    step: str
    output: str


@dataclass(eq=False)
class Input:
    """A value the chain starts from. `definition` is the model parameter it becomes (its
    default value is what the wizard runs with); `origin` says that the value is an output of an
    earlier step of a longer chain (e.g. the risk zones that path 2 reads), so that a model holding
    that step links to it instead of asking for the layer."""

    definition: Any  # QgsProcessingParameterDefinition
    origin: Ref | None = None

    @property
    def name(self) -> str:
        return self.definition.name()

    @property
    def value(self):
        return self.definition.defaultValue()


@dataclass(frozen=True)
class Out:
    """An output the chain keeps: loaded into the project by the wizard (top of the legend
    first), and a model output of the exported model."""

    name: str  # the algorithm's output name, e.g. OUTPUT_ZONES
    model_name: str  # the model output's name, e.g. risk_zones
    description: str  # the layer name in the project and the model output's description
    visible: bool = True


@dataclass
class Step:
    """One run of a Processing algorithm."""

    id: str  # child algorithm id, unique in the chain (e.g. "zoning")
    alg_id: str  # e.g. "tsr:riskzoning"
    description: str
    parameters: dict = field(default_factory=dict)
    outputs: tuple[Out, ...] = ()


def run_value(value, results: Mapping[str, Mapping[str, Any]]):
    """The value to run with: Inputs give their value, Refs the earlier step's result."""
    if isinstance(value, Ref):
        return results[value.step][value.output]
    if isinstance(value, Input):
        return value.value
    if isinstance(value, (list, tuple)):
        return [run_value(v, results) for v in value]
    return value


def file_stem(text: str) -> str:
    """A file-name-safe version of `text` (letters of any script, digits, _ and -)."""
    stem = re.sub(r"[^\w\-]+", "_", text, flags=re.UNICODE).strip("_")
    return stem or "output"


def destination_extension(definition) -> str | None:
    """The file extension the wizard writes a destination parameter with; None for a folder."""
    if isinstance(definition, QgsProcessingParameterRasterDestination):
        return "tif"
    if isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
        return "gpkg"
    if isinstance(definition, QgsProcessingParameterFileDestination):
        return definition.defaultFileExtension() or "html"
    if isinstance(definition, QgsProcessingParameterFolderDestination):
        return None
    if isinstance(definition, QgsProcessingDestinationParameter):
        return definition.defaultFileExtension() or "dat"
    return None


def run_parameters(step: Step, algorithm, results: Mapping[str, Mapping[str, Any]], folder: str, project) -> dict:
    """Parameters to run `step` with: its values resolved, and every destination the step does
    not set written into `folder` (kept outputs as layer definitions that load into `project`)."""
    parameters = {name: run_value(value, results) for name, value in step.parameters.items()}
    kept = {out.name: out for out in step.outputs}
    for definition in algorithm.destinationParameterDefinitions():
        name = definition.name()
        if name in parameters:
            continue
        extension = destination_extension(definition)
        suffix = {"OUTPUT": "", "OUTPUT_HTML": "report"}.get(name, name.lower().replace("output_", ""))
        stem = file_stem(f"{step.id}_{suffix}" if suffix else step.id)
        path = os.path.join(folder, f"{stem}.{extension}" if extension else stem)
        if name in kept:
            layer = QgsProcessingOutputLayerDefinition(path, project)
            layer.destinationName = kept[name].description
            parameters[name] = layer
        else:
            parameters[name] = path
    return parameters
