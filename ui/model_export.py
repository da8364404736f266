"""A chain of steps (ui/chain.py) as a Processing model (.model3) for the Model Builder.

Inputs become model parameters, Refs links between child algorithms, plain values static
values, and the kept outputs model outputs. The wizard's "save as model" and
scripts/build_model.py (the shipped models/multi_hazard_risk_path.model3) both build their
models here.
"""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterDefinition,
)
from qgis.PyQt.QtCore import QPointF

from .chain import Input, Ref, Step

Source = QgsProcessingModelChildParameterSource
OPTIONAL = QgsProcessingParameterDefinition.Flag.FlagOptional


def build_model(name: str, group: str, steps: list[Step], help_content: dict | None = None, group_id: str = "") -> QgsProcessingModelAlgorithm:
    """The model of `steps` (in their order). Two Inputs of the same name are one parameter."""
    model = QgsProcessingModelAlgorithm(name, group, group_id)
    if help_content:
        model.setHelpContent(help_content)
    step_ids = {step.id for step in steps}

    def linked(value) -> bool:
        return isinstance(value, Input) and value.origin is not None and value.origin.step in step_ids

    # One model parameter per input name; an input of the same name but another value (two
    # layers of the same name) gets a numbered name.
    inputs: dict[str, Input] = {}
    names: dict[int, str] = {}
    for step in steps:
        for value in _flatten(step.parameters.values()):
            if not isinstance(value, Input) or linked(value) or id(value) in names:
                continue
            name, k = value.name, 1
            while name in inputs and inputs[name].value != value.value:
                k += 1
                name = f"{value.name}_{k}"
            names[id(value)] = name
            inputs.setdefault(name, value)
    for i, (name, value) in enumerate(inputs.items()):
        definition = value.definition.clone()
        definition.setName(name)
        model.addModelParameter(definition, QgsProcessingModelParameter(name))
        model.parameterComponent(name).setPosition(QPointF(120, 80 + 80 * i))

    def sources(value) -> list:
        if isinstance(value, Ref):
            return [Source.fromChildOutput(value.step, value.output)]
        if isinstance(value, Input):
            return (
                [Source.fromChildOutput(value.origin.step, value.origin.output)] if linked(value) else [Source.fromModelParameter(names[id(value)])]
            )
        if isinstance(value, (list, tuple)) and any(isinstance(v, (Ref, Input)) for v in value):
            return [s for v in value for s in sources(v)]
        return [Source.fromStaticValue(list(value) if isinstance(value, tuple) else value)]

    depth: dict[str, int] = {}
    rows: dict[int, int] = {}
    for step in steps:
        upstream = [v.step for v in _flatten(step.parameters.values()) if isinstance(v, Ref)]
        upstream += [v.origin.step for v in _flatten(step.parameters.values()) if linked(v)]
        depth[step.id] = 1 + max((depth[s] for s in upstream if s in depth), default=-1)
        row = rows.get(depth[step.id], 0)
        rows[depth[step.id]] = row + 1

        child = QgsProcessingModelChildAlgorithm(step.alg_id)
        child.setChildId(step.id)
        child.setDescription(step.description)
        for parameter, value in step.parameters.items():
            if value is not None:
                child.addParameterSources(parameter, sources(value))
        # A model needs a value for every mandatory parameter: the algorithm's default where the
        # step keeps it (as the Model Designer fills them in).
        alg = QgsApplication.processingRegistry().algorithmById(step.alg_id)
        for definition in alg.parameterDefinitions() if alg is not None else []:
            name = definition.name()
            if step.parameters.get(name) is not None or definition.isDestination() or definition.flags() & OPTIONAL:
                continue
            if definition.defaultValue() is not None:
                child.addParameterSources(name, [Source.fromStaticValue(definition.defaultValue())])
        outputs = {}
        for out in step.outputs:
            output = QgsProcessingModelOutput(out.model_name, out.description)
            output.setChildId(step.id)
            output.setChildOutputName(out.name)
            outputs[out.model_name] = output
        child.setModelOutputs(outputs)
        child.setPosition(QPointF(420 + 300 * depth[step.id], 80 + 130 * row))
        model.addChildAlgorithm(child)
    return model


def write_model(model: QgsProcessingModelAlgorithm, path: str) -> tuple[bool, list[str]]:
    """Validate and write the model; (written, problems)."""
    model.initAlgorithm()
    valid, problems = model.validate()
    if not valid:
        return False, list(problems)
    return bool(model.toFile(path)), []


def _flatten(values):
    for value in values:
        if isinstance(value, (list, tuple)):
            yield from _flatten(value)
        else:
            yield value
