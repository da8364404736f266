"""A QGIS project that opens the main job's results styled: hazard degrees and the index with
graduated ramps, grades and zones with their bilingual labels, the risk control lines, the
suitability classes, the community emergency network (coverage, new shelters, evacuation
routes) and the SETS index of the townships on top."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from qgis_runner import plugin_package_parent


def _qgis():
    from qgis.core import QgsApplication

    if QgsApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QgsApplication([], False)
        app.initQgis()
        _qgis.app = app  # keep the application alive


def write_project(
    path: Path,
    sample: Path,
    results: Path,
    hazard_names: list[str],
    zoning: dict,
    suitability: dict,
    allocation: dict,
    network: dict,
    sets: dict,
    ecology: dict,
    stress: dict,
) -> Path:
    _qgis()
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsCoordinateReferenceSystem,
        QgsFillSymbol,
        QgsHillshadeRenderer,
        QgsLineSymbol,
        QgsMarkerSymbol,
        QgsPalettedRasterRenderer,
        QgsPalLayerSettings,
        QgsProject,
        QgsRasterLayer,
        QgsRendererCategory,
        QgsSingleSymbolRenderer,
        QgsTextFormat,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor

    sys.path.insert(0, str(plugin_package_parent()))
    from territorial_resilience.algorithms.raster.zoning import GRADE_LABELS
    from territorial_resilience.processing_provider.common import styles
    from territorial_resilience.processing_provider.common.styles import GRADE_COLOURS

    project = QgsProject.instance()
    project.clear()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4547"))
    project.setTitle("Territorial Space Resilience — multi-hazard risk path (sample county)")
    root = project.layerTreeRoot()
    gpkg = sample / "sample_county.gpkg"

    def raster(file: Path, name: str, group, visible=True):
        layer = QgsRasterLayer(str(file), name)
        assert layer.isValid(), file
        project.addMapLayer(layer, False)
        node = group.addLayer(layer)
        node.setItemVisibilityChecked(visible)
        return layer

    def vector(source: str, name: str, group):
        layer = QgsVectorLayer(source, name, "ogr")
        assert layer.isValid(), source
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        return layer

    def ramp(layer, ramp_name: str, lo: float, hi: float, classes: int = 9):
        styles.ramp(lo, hi, ramp_name, classes)(layer)

    # Top of the legend first: QGIS draws the first layer of the tree on top.
    sets_group = root.addGroup("SETS resilience index SETS韧性指数")
    units = vector(sets["OUTPUT"], "Township resilience 乡镇韧性", sets_group)
    resilience_colours = ("#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641")
    units.setRenderer(
        QgsCategorizedSymbolRenderer(
            "grade",
            [
                QgsRendererCategory(g, QgsFillSymbol.createSimple({"color": resilience_colours[g - 1], "outline_color": "#333333"}), label)
                for g, label in zip(range(1, 6), ("1 Low 低", "2 Lower 较低", "3 Medium 中", "4 Higher 较高", "5 High 高"))
            ],
        )
    )
    units.setOpacity(0.7)
    sets_group.setItemVisibilityChecked(False)

    network_group = root.addGroup("Community emergency network 社区应急网络")
    routes = vector(network["evacuation"]["OUTPUT"], "Evacuation routes 疏散路线", network_group)
    routes.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#08519c", "width": "0.5"})))
    left = vector(network["evacuation"]["OUTPUT_UNREACHED"], "Not evacuated 未能疏散", network_group)
    left.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple({"name": "cross2", "color": "#cb181d", "size": "2.6"})))
    sites = vector(network["location"]["OUTPUT_SITES"], "Shelters: existing and new 现有与新增避难场所", network_group)
    sites.setRenderer(
        QgsCategorizedSymbolRenderer(
            "existing",
            [
                QgsRendererCategory(1, QgsMarkerSymbol.createSimple({"name": "square", "color": "#238b45", "size": "3"}), "Existing 现有"),
                QgsRendererCategory(0, QgsMarkerSymbol.createSimple({"name": "star", "color": "#ff7f00", "size": "4.5"}), "New 新增"),
            ],
        )
    )
    blocks = vector(network["shelter_coverage"]["OUTPUT_DEMAND"], "Blocks within 500 m of a shelter 500米覆盖", network_group)
    blocks.setRenderer(
        QgsCategorizedSymbolRenderer(
            "covered_500",
            [
                QgsRendererCategory(1, QgsMarkerSymbol.createSimple({"color": "#41ab5d", "size": "1.6"}), "Covered 覆盖"),
                QgsRendererCategory(0, QgsMarkerSymbol.createSimple({"color": "#ef3b2c", "size": "1.6"}), "Not covered 未覆盖"),
            ],
        )
    )
    areas = vector(network["shelter_coverage"]["OUTPUT_AREAS"], "Shelter service areas 避难场所服务区", network_group)
    areas.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "65,171,93,60", "outline_color": "#238b45"})))
    network_group.setExpanded(False)

    stress_group = root.addGroup("Stress test 压力测试")
    critical = vector(stress["criticality"]["OUTPUT"], "Critical roads for hospital access 关键路段", stress_group)
    from territorial_resilience.processing_provider.common.reports.networkcriticality import CLASS_COLOURS as CRITICALITY_COLOURS

    criticality_labels = (
        "0 no effect 无影响",
        "1 low: costs rise 低：耗时增加",
        "2 moderate: < 1 % lose access 中：<1% 失去可达",
        "3 high: 1–5 % 高：1–5%",
        "4 very high: ≥ 5 % 极高：≥5%",
    )
    critical.setRenderer(
        QgsCategorizedSymbolRenderer(
            "class",
            [
                QgsRendererCategory(k, QgsLineSymbol.createSimple({"color": colour, "width": str(0.3 + 0.4 * k)}), label)
                for k, (colour, label) in enumerate(zip(CRITICALITY_COLOURS, criticality_labels))
            ],
        )
    )
    stress_group.setItemVisibilityChecked(False)
    stress_group.setExpanded(False)

    eco_group = root.addGroup("Ecological security pattern 生态安全格局")
    conflicts = vector(ecology["corridors"]["OUTPUT_CONFLICTS"], "Corridor–road conflicts 廊道与道路冲突点", eco_group)
    conflicts.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple({"name": "triangle", "color": "#d7301f", "size": "3"})))
    paths = vector(ecology["corridors"]["OUTPUT_PATHS"], "Least-cost paths 最小成本路径", eco_group)
    paths.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#006d2c", "width": "0.8"})))
    sources = vector(ecology["sources"], "Ecological sources 生态源地", eco_group)
    sources.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "35,139,69,150", "outline_color": "#00441b"})))
    pinch = raster(Path(ecology["circuit"]["OUTPUT_CURRENT"]), "Pinch points (current density) 生态夹点", eco_group, visible=False)
    ramp(pinch, "YlOrRd", 0.0, float(pinch.dataProvider().bandStatistics(1).maximumValue))
    barrier = raster(Path(ecology["barriers"]["OUTPUT"]), "Barriers (improvement score) 障碍点", eco_group, visible=False)
    ramp(barrier, "Purples", 0.0, float(barrier.dataProvider().bandStatistics(1).maximumValue))
    corridors = raster(Path(ecology["corridors"]["OUTPUT_CORRIDORS"]), "Corridors (normalised cost) 生态廊道", eco_group)
    ramp(corridors, "Greens", 0.0, 2000.0)
    resistance = raster(Path(ecology["resistance"]["OUTPUT"]), "Resistance surface 阻力面", eco_group, visible=False)
    ramp(resistance, "Reds", 1.0, 500.0)
    eco_group.setItemVisibilityChecked(False)
    eco_group.setExpanded(False)

    from territorial_resilience.processing_provider.suitability import CLASS_COLOURS

    scenarios = root.addGroup("Land-use scenarios 用地情景")
    allocation = vector(allocation["OUTPUT"], "Compromise allocation (knee) 折中方案", scenarios)
    use_colours = {"urban": "#e31a1c", "farmland": "#ffd92f", "forest": "#238b45"}
    allocation.setRenderer(
        QgsCategorizedSymbolRenderer(
            "use",
            [
                QgsRendererCategory(use, QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"}), use)
                for use, colour in use_colours.items()
            ]
            + [QgsRendererCategory("", QgsFillSymbol.createSimple({"color": "#d9d9d9", "outline_style": "no"}), "other 其他 (all other values)")],
        )
    )
    scenarios.setItemVisibilityChecked(False)

    suitability_group = root.addGroup("Development suitability 开发适宜性")
    robustness = raster(Path(suitability["OUTPUT_CLASS"]), "Robustness class 稳健性分类", suitability_group)
    names = ("Robustly suitable 稳健适宜", "Likely suitable 较可能适宜", "Uncertain 不确定", "Unsuitable 不适宜", "Excluded 禁止开发")
    robustness.setRenderer(
        QgsPalettedRasterRenderer(
            robustness.dataProvider(), 1, [QgsPalettedRasterRenderer.Class(k + 1, QColor(CLASS_COLOURS[k]), names[k]) for k in range(5)]
        )
    )
    probability = raster(Path(suitability["OUTPUT_PROBABILITY"]), "Probability of being suitable 适宜概率", suitability_group, visible=False)
    ramp(probability, "Viridis", 0.0, 1.0)
    mean = raster(Path(suitability["OUTPUT_MEAN"]), "Mean suitability 平均适宜性", suitability_group, visible=False)
    ramp(mean, "RdYlGn", 0.0, 1.0)
    suitability_group.setExpanded(False)

    zoning_group = root.addGroup("Risk zoning 风险分区")
    lines = vector(zoning["OUTPUT_LINES"], "Risk control lines 风险控制线", zoning_group)
    lines.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#67000d", "width": "0.8", "line_style": "dash"})))
    zones = vector(zoning["OUTPUT_ZONES"], "Risk zones 风险分区", zoning_group)
    k = max(f["grade"] for f in zones.getFeatures())
    categories = []
    for g in range(1, k + 1):
        symbol = QgsFillSymbol.createSimple({"color": GRADE_COLOURS[k][g - 1], "outline_color": "#555555", "outline_width": "0.1"})
        categories.append(QgsRendererCategory(g, symbol, f"{g} {GRADE_LABELS[k][1][g - 1]} / {GRADE_LABELS[k][0][g - 1]}"))
    zones.setRenderer(QgsCategorizedSymbolRenderer("grade", categories))
    zones.setOpacity(0.75)
    grades = raster(Path(zoning["OUTPUT"]), "Risk grades 风险等级", zoning_group, visible=False)
    grades.setRenderer(
        QgsPalettedRasterRenderer(
            grades.dataProvider(),
            1,
            [QgsPalettedRasterRenderer.Class(g, QColor(GRADE_COLOURS[k][g - 1]), f"{g} {GRADE_LABELS[k][1][g - 1]}") for g in range(1, k + 1)],
        )
    )

    overlay_group = root.addGroup("Multi-hazard overlay 多灾种叠加")
    index = raster(results / "multi_hazard_index.tif", "Multi-hazard index 综合风险指数", overlay_group)
    stats = index.dataProvider().bandStatistics(1)
    ramp(index, "Reds", stats.minimumValue, stats.maximumValue)
    dominant = raster(results / "dominant_hazard.tif", "Dominant hazard 主导灾种", overlay_group, visible=False)
    palette = ("#2166ac", "#8c510a", "#762a83", "#e08214", "#d6604d")
    dominant.setRenderer(
        QgsPalettedRasterRenderer(
            dominant.dataProvider(),
            1,
            [QgsPalettedRasterRenderer.Class(i + 1, QColor(palette[i % len(palette)]), name) for i, name in enumerate(hazard_names)],
        )
    )
    count = raster(results / "hazard_count.tif", "Hazards ≥ 0.5 高值灾种数", overlay_group, visible=False)
    ramp(count, "YlOrRd", 0, len(hazard_names), len(hazard_names) + 1)

    degree_group = root.addGroup("Hazard degrees 灾种危险度")
    for name in hazard_names:
        layer = raster(results / f"{name}_degree.tif", f"{name} (0–1)", degree_group, visible=False)
        ramp(layer, "YlOrRd", 0.0, 1.0)
    degree_group.setExpanded(False)

    base_group = root.addGroup("Sample county 样例县")
    townships = vector(f"{gpkg}|layername=townships", "Townships 乡镇", base_group)
    townships.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"style": "no", "outline_color": "#333333", "outline_width": "0.4"})))
    labels = QgsPalLayerSettings()
    labels.fieldName = "name"
    text = QgsTextFormat()
    text.setSize(9)
    labels.setFormat(text)
    townships.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    townships.setLabelsEnabled(True)
    roads = vector(f"{gpkg}|layername=roads", "Roads 道路", base_group)
    roads.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#636363", "width": "0.3"})))
    river = vector(f"{gpkg}|layername=river", "River 河流", base_group)
    river.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#2b8cbe", "width": "0.8"})))
    dem = raster(sample / "dem.tif", "Hillshade 地形", base_group)
    dem.setRenderer(QgsHillshadeRenderer(dem.dataProvider(), 1, 315, 45))
    dem.setOpacity(0.6)

    project.setFileName(str(path))
    project.writeEntry("Paths", "/Absolute", False)
    if not project.write():
        raise RuntimeError(f"could not write {path}")
    return path
