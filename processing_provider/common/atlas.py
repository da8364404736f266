"""The map atlas of the resilience dossier: one QGIS print layout (QgsPrintLayout) whose pages
are a cover, a map page per key result — title, legend, scale bar, north arrow, CGCS2000
coordinate grid (EPSG:4490, degrees and minutes) and a source note (data, date, method) —, text
pages with the findings, proposed actions and tables, and the provenance pages; exported with
QgsLayoutExporter to PDF, and its maps to PNG for the HTML dossier.

Text is laid out here (wrapped and paged with the font's metrics, QgsLayoutUtils); Chinese is
set in "Noto Sans CJK SC" so that it has no tofu and the PDF embeds the font. The layers are
styled as the algorithms style them (styles.py, the same colours and classes), or as in the
PROJECT given, whose renderers win for the files they show."""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from typing import Callable, Sequence

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapGrid,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsMapLayerLegendUtils,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsRenderContext,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ...algorithms.dossier.findings import SUITABILITY_COLOURS, SUITABILITY_LABELS, grade_words
from ...algorithms.dossier.geopackage import split_source
from ...algorithms.dossier.model import LayerSpec, MapSpec
from ...algorithms.dossier.text import Text
from . import styles
from .qgis_compat import scoped

#: Latin text and digits in DejaVu Sans, Chinese in Noto Sans CJK SC by font substitution: with the CJK
#: font as the primary family, Qt's PDF engine writes digits next to Latin letters without a
#: Unicode mapping (pdftotext drops them), and Qt's own fallback would pick the Japanese variant.
FONT = "DejaVu Sans"
CJK_FONT = "Noto Sans CJK SC"
#: Page sizes (mm) of PAPER: 0 A3 landscape, 1 A4 portrait.
PAPERS = {0: (420.0, 297.0), 1: (210.0, 297.0)}
MARGIN = 14.0
CGCS2000 = "EPSG:4490"
INK, GREY, ACCENT = "#222222", "#666666", "#8a1c1c"
CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
TOKENS = re.compile(rf"[{CJK}]|[^\s{CJK}]+|\s+")
#: Punctuation that may not begin a line (it stays with the line before).
NO_LINE_START = set("，。；：、！？）」』》〉%,.;:!?)")


MONO_FONT = "DejaVu Sans Mono"


def font(size: float, bold: bool = False, mono: bool = False) -> QFont:
    """The dossier's font; `mono` for checksums (no ligatures: pdftotext gives them back as typed)."""
    f = QFont(MONO_FONT if mono else FONT)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def text_format(size: float, bold: bool = False, colour: str = INK, mono: bool = False) -> QgsTextFormat:
    fmt = QgsTextFormat()
    fmt.setFont(font(size, bold, mono))
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(colour))
    return fmt


def wrap(text: str, width_mm: float, qfont: QFont) -> list[str]:
    """Lines of `text` no wider than `width_mm` in `qfont`: breaks at spaces, and between CJK
    characters; a token wider than the line stays whole on its own line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in TOKENS.findall(paragraph):
            candidate = line + token
            if not line or token in NO_LINE_START or QgsLayoutUtils.textWidthMM(qfont, candidate.rstrip()) <= width_mm:
                line = candidate
                continue
            lines.append(line.rstrip())
            line = "" if token.isspace() else token
        lines.append(line.rstrip())
    return lines


def nice(value: float) -> float:
    """The largest 1, 2 or 5 × 10ⁿ not above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return max(m * power for m in (1, 2, 5) if m * power <= value)


def fit(extent: QgsRectangle, aspect: float) -> QgsRectangle:
    """`extent` widened in one direction to the width/height ratio `aspect` of the map frame."""
    width, height = extent.width(), extent.height()
    if width / max(height, 1e-12) < aspect:
        width = height * aspect
    else:
        height = width / aspect
    cx, cy = extent.center().x(), extent.center().y()
    return QgsRectangle(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def svg_path(name: str) -> str | None:
    for folder in QgsApplication.svgPaths():
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            return path
    return None


def source_key(source: str) -> tuple[str, str]:
    path, layer = split_source(source)
    return os.path.normcase(os.path.realpath(path)), (layer or "").lower()


# --- styles ----------------------------------------------------------------------------------


def _units(layer, spec, language):
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#444444", "outline_width": "0.35"})))
    names = layer.fields().names()
    field = next((n for n in ("name", "unit_name", "名称", "mc") if n in names), None)
    if field:
        settings = QgsPalLayerSettings()
        settings.fieldName = field
        settings.setFormat(text_format(7.0, False, "#333333"))
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


def _grades(layer, spec, language):
    k = int(spec.options.get("classes", 5))
    styles.palette(range(1, k + 1), styles.GRADE_COLOURS[k], [grade_words(k, g)(language) for g in range(1, k + 1)])(layer)
    if "opacity" in spec.options:
        layer.renderer().setOpacity(float(spec.options["opacity"]))


def _simple_line(colour: str, width: float):
    return lambda layer, spec, language: layer.setRenderer(
        QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": colour, "width": str(width)}))
    )


def _marker(colour: str, shape: str = "circle", size: float = 3.0):
    return lambda layer, spec, language: layer.setRenderer(
        QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "outline_color": "#333333", "size": str(size)}))
    )


def _raster_ramp(ramp_name: str):
    def apply(layer, spec, language):
        stats = layer.dataProvider().bandStatistics(1, 6, QgsRectangle(), 250000)  # 6 = Min | Max
        low, high = stats.minimumValue, stats.maximumValue
        styles.ramp(low, high if high > low else low + 1e-6, ramp_name)(layer)

    return apply


def _land_use(layer, spec, language):
    from ..land_allocation import LandAllocation

    LandAllocation.use_style(list(spec.options.get("uses", [])))(layer)


def _critical(layer, language):
    """The ten most critical elements thick and red, the others thin and grey (field rank, 1 = most critical)."""
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRendererRange

    top = Text("Ten most critical", "最关键的十个")(language)
    rest = Text("Others", "其他")(language)
    ranges = [
        QgsRendererRange(0.5, 10.5, QgsLineSymbol.createSimple({"color": "#d73027", "width": "1.2"}), top),
        QgsRendererRange(10.5, 1e12, QgsLineSymbol.createSimple({"color": "#bdbdbd", "width": "0.2"}), rest),
    ]
    layer.setRenderer(QgsGraduatedSymbolRenderer("rank", ranges))


STYLES: dict[str, Callable] = {
    "units": _units,
    "roads": _simple_line("#9e9e9e", 0.2),
    "grades": _grades,
    "control_lines": lambda layer, spec, language: styles.control_lines(layer),
    "suitability_class": lambda layer, spec, language: styles.palette(range(1, 6), SUITABILITY_COLOURS, [t(language) for t in SUITABILITY_LABELS])(
        layer
    ),
    "land_use": _land_use,
    "corridor_raster": _raster_ramp("YlGn"),
    "current": _raster_ramp("Viridis"),
    "paths": _simple_line("#1b7837", 0.7),
    "conflicts": _marker("#d73027", "cross2", 3.6),
    "service_areas": lambda layer, spec, language: styles.service_areas(spec.options.get("thresholds", []))(layer),
    "covered_demand": lambda layer, spec, language: styles.covered_demand(spec.options.get("column"), spec.options.get("reach", ""))(layer),
    "facility_load": lambda layer, spec, language: styles.facility_load(layer),
    "candidate_sites": lambda layer, spec, language: styles.candidate_sites(layer),
    "evacuation_routes": lambda layer, spec, language: styles.evacuation_routes(spec.options.get("people", []))(layer),
    "unreached": lambda layer, spec, language: styles.unreached(layer),
    "hazard_zones": lambda layer, spec, language: layer.setRenderer(
        QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "215,48,39,70", "outline_color": "#d73027", "outline_width": "0.2"}))
    ),
    "critical": lambda layer, spec, language: _critical(layer, language),
    "sets_grades": lambda layer, spec, language: styles.zones(styles.RESILIENCE_COLOURS, [w(language) for w in RESILIENCE_WORDS])(layer),
}
RESILIENCE_WORDS = (
    Text("Low", "低"),
    Text("Relatively low", "较低"),
    Text("Medium", "中"),
    Text("Relatively high", "较高"),
    Text("High", "高"),
)


@dataclass
class Region:
    page: int
    x: float
    y: float
    width: float
    height: float


class Atlas:
    """A print layout being filled page by page; `languages` ("zh", "en" or both) decides the
    text of every label."""

    def __init__(self, paper: int, languages: Sequence[str], project_file: str | None = None):
        if CJK_FONT not in QFont.substitutes(FONT):
            QFont.insertSubstitution(FONT, CJK_FONT)
        self.project = QgsProject()
        self.layout = QgsPrintLayout(self.project)
        self.layout.setName("dossier")
        self.width, self.height = PAPERS[paper]
        self.paper = paper
        self.languages = list(languages)
        self.layers: list = []
        self._trees: list = []
        self.map_items: dict[str, QgsLayoutItemMap] = {}
        self.project_renderers = self._project_renderers(project_file) if project_file else {}
        self.pages = 0

    # --- text ---------------------------------------------------------------------------

    def t(self, text: Text, separator: str = " / ") -> str:
        return separator.join(text(language) for language in self.languages)

    def new_page(self) -> int:
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(QgsLayoutSize(self.width, self.height, QgsUnitTypes.LayoutMillimeters))
        self.layout.pageCollection().addPage(page)
        self.pages += 1
        index = self.pages - 1
        self.label(index, self.width - MARGIN - 30, self.height - 9, 30, 5, str(index + 1), 7.5, colour=GREY, align_right=True)
        return index

    def label(self, page, x, y, width, height, text, size, bold=False, colour=INK, align_right=False, mono=False) -> QgsLayoutItemLabel:
        item = QgsLayoutItemLabel(self.layout)
        item.setText(text)
        if hasattr(item, "setTextFormat"):
            item.setTextFormat(text_format(size, bold, colour, mono))
        else:
            item.setFont(font(size, bold, mono))
            item.setFontColor(QColor(colour))
        item.setMargin(0)
        if align_right:
            item.setHAlign(Qt.AlignRight)
        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters), page=page)
        item.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))
        return item

    def line_height(self, size: float) -> float:
        return QgsLayoutUtils.fontHeightMM(font(size)) * 1.3

    def rule(self, page: int, y: float) -> None:
        shape = QgsLayoutItemShape(self.layout)
        shape.setShapeType(QgsLayoutItemShape.Rectangle)
        shape.setSymbol(QgsFillSymbol.createSimple({"color": ACCENT, "outline_style": "no"}))
        self.layout.addLayoutItem(shape)
        shape.attemptMove(QgsLayoutPoint(MARGIN, y, QgsUnitTypes.LayoutMillimeters), page=page)
        shape.attemptResize(QgsLayoutSize(self.width - 2 * MARGIN, 0.8, QgsUnitTypes.LayoutMillimeters))

    def page_title(self, page: int, title: str) -> float:
        self.label(page, MARGIN, MARGIN - 4, self.width - 2 * MARGIN, 10, title, 15, True, ACCENT)
        self.rule(page, MARGIN + 7)
        return MARGIN + 11

    def text_region(self, page: int, top: float) -> Region:
        return Region(page, MARGIN, top, self.width - 2 * MARGIN, self.height - MARGIN - 6 - top)

    # --- maps ---------------------------------------------------------------------------

    def _project_renderers(self, path: str) -> dict:
        project = QgsProject()
        if not project.read(path):
            return {}
        renderers = {}
        for layer in project.mapLayers().values():
            if layer.isValid() and layer.renderer() is not None:
                renderers[source_key(layer.source())] = layer.renderer().clone()
        return renderers

    def load(self, spec: LayerSpec, language: str):
        path, layer_name = split_source(spec.source)
        name = self.t(spec.label)
        if path.lower().endswith((".tif", ".tiff", ".vrt", ".img")):
            layer = QgsRasterLayer(path, name, "gdal")
        else:
            layer = QgsVectorLayer(spec.source, name, "ogr")
        if not layer.isValid():
            return None
        renderer = self.project_renderers.get(source_key(spec.source))
        if renderer is not None:
            layer.setRenderer(renderer.clone())
        elif spec.style in STYLES:
            STYLES[spec.style](layer, spec, language)
        self.project.addMapLayer(layer, False)
        self.layers.append(layer)
        return layer

    def map_page(self, spec: MapSpec, number: int, title: str) -> tuple[int, Region | None]:
        """A page with the map of `spec`; returns the page and the region left for text."""
        language = self.languages[0]
        specs = list(spec.layers)
        if spec.extent and all(source_key(s.source) != source_key(spec.extent) for s in specs):
            specs.insert(0, LayerSpec(spec.extent, "units", Text("Planning units", "规划单元")))  # the extent's layer is shown too
        layers = [layer for layer in (self.load(s, language) for s in specs) if layer is not None]
        page = self.new_page()
        top = self.page_title(page, title)
        if not layers:
            return page, self.text_region(page, top)
        w, h = self.width - 2 * MARGIN, self.height - top - MARGIN - 12
        if self.paper == 0:
            map_rect = (MARGIN + 6, top + 11, w * 0.66, h - 13)
            side = Region(page, MARGIN + w * 0.66 + 14, top, w * 0.34 - 14, h + 6)
        else:
            map_rect = (MARGIN + 6, top + 11, w - 10, h * 0.52 - 5)
            side = Region(page, MARGIN, map_rect[1] + map_rect[3] + 16, w, h * 0.48 - 14)
        item = QgsLayoutItemMap(self.layout)
        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(map_rect[0], map_rect[1], QgsUnitTypes.LayoutMillimeters), page=page)
        item.attemptResize(QgsLayoutSize(map_rect[2], map_rect[3], QgsUnitTypes.LayoutMillimeters))
        crs = layers[0].crs()
        item.setCrs(crs)
        item.setLayers(list(reversed(layers)))
        item.setFrameEnabled(True)
        item.setExtent(fit(self.extent(spec, layers, crs), map_rect[2] / map_rect[3]))
        self.map_items[spec.key] = item
        self.grid(item, crs)
        self.north_arrow(page, map_rect)
        self.scale_bar(page, item, map_rect)
        self.label(
            page,
            map_rect[0],
            map_rect[1] + map_rect[3] + 6.5,
            map_rect[2],
            8,
            "\n".join(wrap(self.t(spec.note, "  "), map_rect[2], font(6.5))),
            6.5,
            colour=GREY,
        )
        caption = self.t(Text(f"Map {number}", f"图 {number}")) + " · " + self.t(spec.title)
        self.label(page, map_rect[0] - 6, map_rect[1] - 10.5, map_rect[2], 5, caption, 8.5, True)
        legend_height = self.legend(page, item, layers, side)
        side.y += legend_height + 4
        side.height -= legend_height + 4
        return page, side

    def extent(self, spec: MapSpec, layers, crs) -> QgsRectangle:
        """The extent of the layer named in `spec.extent` (else of all layers) in `crs`, plus 6 %."""
        chosen = [layer for layer in layers if spec.extent and source_key(layer.source()) == source_key(spec.extent)]
        if spec.extent and not chosen:
            extra = self.load(LayerSpec(spec.extent, "units", Text("", "")), self.languages[0])
            chosen = [extra] if extra is not None else []
        boxes = []
        for layer in chosen or layers:
            box = layer.extent()
            if box.isEmpty() or not all(math.isfinite(v) for v in (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())):
                continue
            try:
                boxes.append(QgsCoordinateTransform(layer.crs(), crs, self.project).transformBoundingBox(box))
            except Exception:  # noqa: BLE001 - a layer that cannot be transformed does not set the extent
                continue
        if not boxes:
            return QgsRectangle(0, 0, 1, 1)
        extent = QgsRectangle(
            min(b.xMinimum() for b in boxes), min(b.yMinimum() for b in boxes), max(b.xMaximum() for b in boxes), max(b.yMaximum() for b in boxes)
        )
        extent.scale(1.06)
        return extent

    def grid(self, item: QgsLayoutItemMap, crs) -> None:
        geographic = QgsCoordinateReferenceSystem(CGCS2000)
        box = QgsCoordinateTransform(crs, geographic, self.project).transformBoundingBox(item.extent())
        span = max(min(box.width(), box.height()), 1e-6)
        steps = [1 / 60, 2 / 60, 5 / 60, 10 / 60, 15 / 60, 30 / 60, 1.0, 2.0, 5.0, 10.0]
        interval = next((s for s in steps if span / s <= 4), steps[-1])
        grid = QgsLayoutItemMapGrid("CGCS2000", item)
        grid.setCrs(geographic)
        grid.setIntervalX(interval)
        grid.setIntervalY(interval)
        grid.setStyle(QgsLayoutItemMapGrid.Solid)
        grid.setLineSymbol(QgsLineSymbol.createSimple({"color": "120,120,120,140", "width": "0.12"}))
        grid.setAnnotationEnabled(True)
        grid.setAnnotationFormat(QgsLayoutItemMapGrid.DegreeMinute)
        grid.setAnnotationPrecision(0)
        if hasattr(grid, "setAnnotationTextFormat"):
            grid.setAnnotationTextFormat(text_format(6.0, False, "#333333"))
        for side in (QgsLayoutItemMapGrid.Left, QgsLayoutItemMapGrid.Right, QgsLayoutItemMapGrid.Top, QgsLayoutItemMapGrid.Bottom):
            grid.setAnnotationPosition(QgsLayoutItemMapGrid.OutsideMapFrame, side)
            vertical = side in (QgsLayoutItemMapGrid.Left, QgsLayoutItemMapGrid.Right)
            grid.setAnnotationDirection(QgsLayoutItemMapGrid.Vertical if vertical else QgsLayoutItemMapGrid.Horizontal, side)
        grid.setFrameStyle(QgsLayoutItemMapGrid.Zebra)
        grid.setFrameWidth(1.2)
        item.grids().addGrid(grid)

    def north_arrow(self, page: int, map_rect) -> None:
        path = svg_path("arrows/NorthArrow_02.svg")
        x, y = map_rect[0] + map_rect[2] - 16, map_rect[1] + 4
        if path is None:
            self.label(page, x, y, 12, 12, "N\n▲", 12, True)
            return
        picture = QgsLayoutItemPicture(self.layout)
        picture.setPicturePath(path)
        self.layout.addLayoutItem(picture)
        picture.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters), page=page)
        picture.attemptResize(QgsLayoutSize(11, 13, QgsUnitTypes.LayoutMillimeters))

    def scale_bar(self, page: int, item: QgsLayoutItemMap, map_rect) -> None:
        bar = QgsLayoutItemScaleBar(self.layout)
        bar.setStyle("Single Box")
        bar.setLinkedMap(item)
        bar.setUnits(QgsUnitTypes.DistanceKilometers)
        bar.setUnitLabel("km")
        km = item.extent().width() / 1000.0
        bar.setUnitsPerSegment(nice(km / 8))
        bar.setNumberOfSegments(2)
        bar.setNumberOfSegmentsLeft(0)
        bar.setHeight(2.0)
        if hasattr(bar, "setTextFormat"):
            bar.setTextFormat(text_format(6.5))
        bar.setBackgroundEnabled(True)
        bar.setBackgroundColor(QColor(255, 255, 255, 200))
        self.layout.addLayoutItem(bar)
        bar.attemptMove(QgsLayoutPoint(map_rect[0] + 4, map_rect[1] + map_rect[3] - 14, QgsUnitTypes.LayoutMillimeters), page=page)
        bar.attemptResize(QgsLayoutSize(60, 10, QgsUnitTypes.LayoutMillimeters))
        bar.update()

    def legend(self, page: int, item: QgsLayoutItemMap, layers, side: Region) -> float:
        legend = QgsLayoutItemLegend(self.layout)
        legend.setTitle(self.t(Text("Legend", "图例")))
        root = QgsLayerTree()
        for layer in layers[::-1]:
            root.addLayer(layer)
        self._trees.append(root)
        legend.setAutoUpdateModel(False)
        legend.model().setRootGroup(root)
        legend.setLinkedMap(item)
        for style, size, bold in (
            (QgsLegendStyle.Title, 9.0, True),
            (QgsLegendStyle.Group, 8.0, True),
            (QgsLegendStyle.Subgroup, 7.5, True),
            (QgsLegendStyle.SymbolLabel, 7.0, False),
        ):
            if hasattr(legend, "setStyleFont"):
                legend.setStyleFont(style, font(size, bold))
            else:
                legend.rstyle(style).setTextFormat(text_format(size, bold))
        legend.setSymbolHeight(3.5)
        legend.setSymbolWidth(6.0)
        legend.setResizeToContents(True)
        self.layout.addLayoutItem(legend)
        legend.attemptMove(QgsLayoutPoint(side.x, side.y, QgsUnitTypes.LayoutMillimeters), page=page)
        model = legend.model()
        for node in root.findLayers():
            nodes = model.layerLegendNodes(node)
            # a paletted raster's legend starts with "Band 1: <description>": the layer name says it
            if len(nodes) > 1 and isinstance(node.layer(), QgsRasterLayer) and not nodes[0].flags() & Qt.ItemIsUserCheckable:
                first = str(nodes[0].data(Qt.DisplayRole) or "")
                if first.startswith(("Band", "波段")):
                    QgsMapLayerLegendUtils.setLegendNodeOrder(node, list(range(1, len(nodes))))
                    model.refreshLayerLegend(node)
        legend.adjustBoxSize()
        legend.updateLegend()
        rows = sum(max(len(legend.model().layerLegendNodes(node)), 1) for node in root.findLayers())
        estimate = 10.0 + 6.0 * len(root.findLayers()) + 5.2 * rows
        height = min(max(legend.rect().height(), estimate), side.height * 0.6)
        legend.setResizeToContents(False)
        legend.attemptResize(QgsLayoutSize(side.width, height, QgsUnitTypes.LayoutMillimeters))
        return height

    def close(self) -> None:
        """Delete the layout before the layer trees its legends show and the project it belongs
        to: left to the garbage collector, the order is arbitrary and QGIS can crash at exit."""
        from qgis.PyQt import sip

        self.map_items.clear()
        if self.layout is not None and not sip.isdeleted(self.layout):
            sip.delete(self.layout)
        self.layout = None
        self._trees.clear()
        self.layers.clear()
        if self.project is not None:
            self.project.removeAllMapLayers()
            sip.delete(self.project)
        self.project = None

    # --- export -------------------------------------------------------------------------

    def export_pdf(self, path: str) -> str | None:
        """None when written, else QGIS's error."""
        exporter = QgsLayoutExporter(self.layout)
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = 150
        settings.rasterizeWholeImage = False
        settings.simplifyGeometries = True
        # Text as text (searchable, fonts embedded): from QGIS 3.28 on, layout labels follow this
        # setting, whose default draws every glyph as an outline.
        settings.textRenderFormat = scoped("TextRenderFormat", "AlwaysText", QgsRenderContext, "TextFormatAlwaysText")
        result = exporter.exportToPdf(path, settings)
        return None if result == QgsLayoutExporter.Success else exporter.errorMessage() or str(result)

    def map_png(self, key: str, dpi: float = 110) -> bytes | None:
        """The map `key` (and its frame) as PNG bytes for the HTML dossier."""
        from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice

        item = self.map_items.get(key)
        if item is None:
            return None
        rect = item.sceneBoundingRect().adjusted(-8, -8, 8, 8)
        exporter = QgsLayoutExporter(self.layout)
        image = exporter.renderRegionToImage(QRectF(rect), QSize(), dpi)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data)


class Flow:
    """Paragraphs and tables poured into regions; a full region continues on a new page."""

    def __init__(self, atlas: Atlas, region: Region, heading: str = ""):
        self.atlas = atlas
        self.region = region
        self.y = region.y
        self.heading = heading

    def _next(self) -> None:
        page = self.atlas.new_page()
        top = self.atlas.page_title(page, self.heading) if self.heading else MARGIN
        self.region = self.atlas.text_region(page, top)
        self.y = self.region.y

    def room(self) -> float:
        return self.region.y + self.region.height - self.y

    def space(self, mm: float) -> None:
        self.y += mm

    def paragraph(
        self, text: str, size: float = 9.0, bold: bool = False, colour: str = INK, indent: float = 0.0, keep: float = 0.0, mono: bool = False
    ) -> None:
        qfont = font(size, bold, mono)
        lines = wrap(text, self.region.width - indent - 2, qfont)
        step = self.atlas.line_height(size)
        if self.room() < step * min(len(lines), 2) + keep:
            self._next()
        while lines:
            fit = max(int(self.room() // step), 0)
            if fit == 0:
                self._next()
                continue
            chunk, lines = lines[:fit], lines[fit:]
            self.atlas.label(
                self.region.page,
                self.region.x + indent,
                self.y,
                self.region.width - indent,
                step * len(chunk) + 1,
                "\n".join(chunk),
                size,
                bold,
                colour,
                mono=mono,
            )
            self.y += step * len(chunk)
            if lines:
                self._next()
        self.y += step * 0.35

    def table(self, headers: list[str], rows: list[list[str]], size: float = 7.5, widths: list[float] | None = None) -> None:
        qfont = font(size)
        step = self.atlas.line_height(size)
        n = len(headers)
        widths = widths or [2.2] + [1.0] * (n - 1)
        total = sum(widths)
        columns = [self.region.width * w / total for w in widths]

        def cells(values, bold):
            if self.room() < step * 1.2:
                self._next()
                cells(headers, True)
            x = self.region.x
            for value, width in zip(values, columns):
                text = str(value)
                while text and QgsLayoutUtils.textWidthMM(font(size, bold), text) > width - 2:
                    text = text[:-2] + "…" if len(text) > 2 else ""
                self.atlas.label(self.region.page, x, self.y, width - 1, step, text, size, bold, ACCENT if bold else INK)
                x += width
            self.y += step

        del qfont
        cells(headers, True)
        for row in rows:
            cells(row, False)
        self.y += step * 0.6
