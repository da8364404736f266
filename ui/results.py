"""The outputs of a finished chain in the project: loaded, styled by the algorithms' own
post-processors (processing_provider/common/styles.py), named, grouped per path and tagged, so that a new
run replaces the layers of the previous one and later steps find them again."""

from __future__ import annotations

from qgis.core import (
    QgsLayerTreeGroup,
    QgsProcessingFeedback,
    QgsProcessingParameterRasterDestination,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from .chain import Step
from .runner import algorithm

#: Custom properties of the layers and groups the wizard adds.
PATH_KEY = "territorial_resilience/path"
OUTPUT_KEY = "territorial_resilience/output"
GROUP_KEY = "territorial_resilience/group"
ORDER_KEY = "territorial_resilience/order"


def output_tag(step_id: str, output: str) -> str:
    return f"{step_id}:{output}"


def wizard_layers(project: QgsProject, path: str | None = None) -> list:
    """The layers the wizard added (for one path, or all)."""
    return [
        layer for layer in project.mapLayers().values() if layer.customProperty(PATH_KEY) and (path is None or layer.customProperty(PATH_KEY) == path)
    ]


def output_layer(project: QgsProject, step_id: str, output: str):
    """The layer the wizard loaded for `output` of step `step_id`, or None."""
    tag = output_tag(step_id, output)
    for layer in project.mapLayers().values():
        if layer.customProperty(OUTPUT_KEY) == tag:
            return layer
    return None


def path_group(project: QgsProject, path: str, name: str, order: int) -> QgsLayerTreeGroup:
    """The layer-tree group of a path, created if needed; groups of higher `order` are drawn on
    top of lower ones (networks over zones over the SETS units), above the project's own layers."""
    root = project.layerTreeRoot()
    for group in root.findGroups():
        if group.customProperty(GROUP_KEY) == path:
            group.setName(name)
            return group
    index = 0
    for i, child in enumerate(root.children()):
        if isinstance(child, QgsLayerTreeGroup) and child.customProperty(GROUP_KEY) is not None:
            if int(child.customProperty(ORDER_KEY, 0)) < order:
                break
            index = i + 1
    group = root.insertGroup(index, name)
    group.setCustomProperty(GROUP_KEY, path)
    group.setCustomProperty(ORDER_KEY, order)
    return group


def remove_path_layers(project: QgsProject, path: str) -> None:
    ids = [layer.id() for layer in wizard_layers(project, path)]
    if ids:
        project.removeMapLayers(ids)


def add_outputs(
    project: QgsProject, path: str, group_name: str, order: int, steps: list[Step], results: dict, contexts: dict, keep_others: bool = False
) -> list:
    """Load the kept outputs of `steps` on top of the path's group, replacing the previous run's
    layers — every layer of the path, or with `keep_others` only the outputs of these steps —
    the last step's outputs above the earlier ones'. Returns the layers."""
    if keep_others:
        tags = {output_tag(step.id, out.name) for step in steps for out in step.outputs}
        old = [layer.id() for layer in project.mapLayers().values() if layer.customProperty(OUTPUT_KEY) in tags]
        if old:
            project.removeMapLayers(old)
    else:
        remove_path_layers(project, path)
    group = path_group(project, path, group_name, order)
    feedback = QgsProcessingFeedback()
    added = []
    for step in reversed(steps):
        if step.id not in results:
            continue
        alg = algorithm(step.alg_id)
        context = contexts[step.id]
        for out in step.outputs:
            destination = results[step.id].get(out.name)
            if not destination:
                continue
            layer = load(alg, out.name, str(destination), out.description)
            if layer is None:
                continue
            details = context.layerToLoadOnCompletionDetails(str(destination)) if context.willLoadLayerOnCompletion(str(destination)) else None
            layer.setCustomProperty(PATH_KEY, path)
            layer.setCustomProperty(OUTPUT_KEY, output_tag(step.id, out.name))
            project.addMapLayer(layer, False)
            node = group.insertLayer(len(added), layer)
            node.setItemVisibilityChecked(out.visible)
            node.setExpanded(False)
            if details is not None and details.postProcessor() is not None:
                details.postProcessor().postProcessLayer(layer, context, feedback)
            added.append(layer)
    return added


def load(alg, output: str, destination: str, name: str):
    """The output file as a layer (None if QGIS cannot read it)."""
    definition = alg.parameterDefinition(output) if alg is not None else None
    if isinstance(definition, QgsProcessingParameterRasterDestination):
        layer = QgsRasterLayer(destination, name)
    else:
        layer = QgsVectorLayer(destination, name, "ogr")
    return layer if layer.isValid() else None
