"""The renderers the algorithms apply to their outputs (processing_provider/common/styles.py)."""

from __future__ import annotations

import math

import numpy as np
from qgis.core import QgsLayerTreeLayer, QgsRasterLayer
from rasters import write_raster


def test_a_ramp_legend_is_labelled_with_the_ramp_range(tmp_path):
    from territorial_resilience.processing_provider.common import styles

    layer = QgsRasterLayer(write_raster(tmp_path / "r.tif", np.linspace(0, 7, 64, dtype=np.float32).reshape(8, 8)), "r")
    styles.ramp(2.0, 5.0, "Greens")(layer)
    renderer = layer.renderer()
    # QGIS draws a continuous legend from the renderer's own range: NaN there printed "nan" in legends
    assert (renderer.classificationMin(), renderer.classificationMax()) == (2.0, 5.0)
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    assert math.isclose(items[0].value, 2.0) and math.isclose(items[-1].value, 5.0)
    labels = [node.data(0) for node in renderer.createLegendNodes(QgsLayerTreeLayer(layer))]
    assert labels and not any("nan" in str(label).lower() for label in labels)
