"""Charts embedded in the wizard's pages, drawn with pyqtgraph (imported only when a chart is
drawn). Without pyqtgraph a chart shows what to install and its numbers as plain text.

A chart only draws what chart_data.py read from the outputs; `data` keeps it (for the tests and
the plain-text fallback).
"""

from __future__ import annotations

import math

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from ..i18n import tr

_PYQTGRAPH = None


def pyqtgraph():
    """The pyqtgraph module, or None when it is not installed."""
    global _PYQTGRAPH
    if _PYQTGRAPH is None:
        try:
            import pyqtgraph as pg
        except ImportError:
            _PYQTGRAPH = False
        else:
            _PYQTGRAPH = pg
    return _PYQTGRAPH or None


def missing_message() -> str:
    return tr(
        "Charts need the Python package pyqtgraph, which is not installed (Debian/Ubuntu: sudo apt install python3-pyqtgraph; Windows, OSGeo4W "
        "Shell: python -m pip install pyqtgraph). The numbers the chart would show:"
    )


def _number(value: float) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return f"{value:,.4g}" if abs(value) < 1e5 else f"{value:,.0f}"


class Chart(QWidget):
    """A titled chart; `kind` and `data` describe what it shows (None while empty)."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.kind: str | None = None
        self.data: dict | None = None
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("QLabel { color: #555; }")
        self.note.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("QLabel { color: #555; background: #f7f7f7; border: 1px dashed #bbb; padding: 8px; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setFont(QFont("monospace"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.text)
        self.plot_widget = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.stack, 1)
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.show_message(tr("Run the step to see this chart."))

    # --- states ------------------------------------------------------------------------------

    def set_note(self, text: str) -> None:
        """A line under the title (e.g. what the chart leaves out)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def show_message(self, text: str) -> None:
        self.set_note("")
        self.kind, self.data = None, None
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _plot(self):
        """A new, empty plot item, or None (and the fallback text shown) without pyqtgraph.
        A chart drawn again gets a new plot widget: clearing pyqtgraph items out of a live
        scene raises errors under PyQt5."""
        pg = pyqtgraph()
        if pg is None:
            return None
        if self.plot_widget is not None:
            self.stack.removeWidget(self.plot_widget)
            self.plot_widget.hide()
            self.plot_widget.setParent(None)
            self.plot_widget.deleteLater()
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_widget.setMenuEnabled(False)
        self.plot_widget.setMinimumHeight(140)
        self.stack.addWidget(self.plot_widget)
        plot = self.plot_widget.getPlotItem()
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setPen(pg.mkPen("#444"))
            plot.getAxis(axis).setTextPen(pg.mkPen("#222"))
        plot.showGrid(x=False, y=True, alpha=0.25)
        self.stack.setCurrentWidget(self.plot_widget)
        return plot

    def _fallback(self, rows: list[tuple[str, str]]) -> None:
        lines = [missing_message(), ""] + [f"{a:>24}  {b}" for a, b in rows]
        self.text.setText("\n".join(lines))
        self.stack.setCurrentWidget(self.text)

    def _set(self, kind: str, **data) -> None:
        self.kind, self.data = kind, data

    # --- chart kinds -------------------------------------------------------------------------

    def histogram(self, edges, counts, x_label: str, y_label: str, breaks=(), colours=None) -> None:
        """Bars over `edges`; `breaks` as dashed lines, bars coloured by the class they fall in."""
        self._set("histogram", edges=list(edges), counts=list(counts), breaks=list(breaks))
        plot = self._plot()
        if plot is None:
            self._fallback(
                [(f"{_number(a)} – {_number(b)}", _number(c)) for a, b, c in zip(edges[:-1], edges[1:], counts)]
                + [(tr("Breaks"), ", ".join(_number(b) for b in breaks))]
            )
            return
        pg = pyqtgraph()
        brushes = []
        for a, b in zip(edges[:-1], edges[1:]):
            k = sum(1 for x in breaks if (a + b) / 2 > x)
            brushes.append(pg.mkBrush(colours[min(k, len(colours) - 1)] if colours else "#6a8caf"))
        plot.addItem(pg.BarGraphItem(x0=list(edges[:-1]), x1=list(edges[1:]), height=list(counts), brushes=brushes, pen=pg.mkPen("#777", width=0.5)))
        for b in breaks:
            plot.addItem(pg.InfiniteLine(pos=b, angle=90, pen=pg.mkPen("#222", width=1.5, style=Qt.PenStyle.DashLine)))
        plot.setLabel("bottom", x_label)
        plot.setLabel("left", y_label)

    def bars(self, labels, values, value_label: str, colours=None) -> None:
        """One horizontal bar per category, the first on top (long labels stay readable)."""
        self._set("bars", labels=list(labels), values=list(values))
        plot = self._plot()
        if plot is None:
            self._fallback([(str(a), _number(v)) for a, v in zip(labels, values)])
            return
        pg = pyqtgraph()
        n = len(values)
        ys = [n - 1 - i for i in range(n)]
        brushes = [pg.mkBrush(colours[i % len(colours)] if colours else "#6a8caf") for i in range(n)]
        plot.addItem(pg.BarGraphItem(x0=[0.0] * n, width=list(values), y=ys, height=0.65, brushes=brushes, pen=pg.mkPen("#555", width=0.5)))
        plot.getAxis("left").setTicks([[(y, str(label)) for y, label in zip(ys, labels)]])
        plot.showGrid(x=True, y=False, alpha=0.25)
        plot.setLabel("bottom", value_label)

    def grouped_bars(self, labels, series, value_label: str) -> None:
        """`series`: [(name, values, colour)], side by side for each label (labels top-down)."""
        self._set("grouped_bars", labels=list(labels), series=[(n, list(v)) for n, v, _ in series])
        plot = self._plot()
        if plot is None:
            self._fallback([(str(label), "  ".join(f"{n} {_number(v[i])}" for n, v, _ in series)) for i, label in enumerate(labels)])
            return
        pg = pyqtgraph()
        plot.addLegend(offset=(-5, 5), labelTextColor="#222", colCount=len(series), brush=pg.mkBrush(255, 255, 255, 220))
        n, height = len(labels), 0.8 / max(len(series), 1)
        for k, (name, values, colour) in enumerate(series):
            ys = [n - 1 - i + 0.4 - height * (k + 0.5) for i in range(n)]
            plot.addItem(
                pg.BarGraphItem(
                    x0=[0.0] * n, width=list(values), y=ys, height=height * 0.9, brush=pg.mkBrush(colour), pen=pg.mkPen("#555", width=0.5), name=name
                )
            )
        plot.getAxis("left").setTicks([[(n - 1 - i, str(label)) for i, label in enumerate(labels)]])
        plot.setYRange(-0.6, n + 0.4, padding=0)
        plot.showGrid(x=True, y=False, alpha=0.25)
        plot.setLabel("bottom", value_label)

    def curve(self, xs, ys, x_label: str, y_label: str, marks=(), points: bool = False, y_range=None, x_range=None) -> None:
        """A line (with points if asked); `marks` as dashed vertical lines (e.g. thresholds)."""
        self._set("curve", xs=list(xs), ys=list(ys), marks=list(marks))
        plot = self._plot()
        if plot is None:
            step = max(1, len(xs) // 20)
            self._fallback([(_number(x), _number(y)) for x, y in list(zip(xs, ys))[::step]])
            return
        pg = pyqtgraph()
        # A single point has no line to draw (pyqtgraph fails on a line without segments).
        pen = pg.mkPen("#1d4f91", width=2) if len(xs) > 1 else None
        plot.plot(list(xs), list(ys), pen=pen, symbol="o" if points or len(xs) < 2 else None, symbolSize=7, symbolBrush="#1d4f91")
        for m in marks:
            plot.addItem(pg.InfiniteLine(pos=m, angle=90, pen=pg.mkPen("#b2182b", width=1.2, style=Qt.PenStyle.DashLine)))
        if y_range is not None:
            plot.setYRange(*y_range, padding=0.02)
        if x_range is not None:
            plot.setXRange(*x_range, padding=0.05)
        plot.setLabel("bottom", x_label)
        plot.setLabel("left", y_label)

    def distributions(self, series, x_label: str, y_label: str) -> None:
        """`series`: [(name, edges, counts, colour)] as outlined histograms on one axis."""
        self._set("distributions", series=[(n, list(e), list(c)) for n, e, c, _ in series])
        plot = self._plot()
        if plot is None:
            self._fallback([(n, f"{_number(min(e))} – {_number(max(e))}, {int(sum(c))}") for n, e, c, _ in series])
            return
        pg = pyqtgraph()
        # The legend sits above the highest bar: headroom for its rows keeps it off the histograms.
        columns = 2 if max((len(str(n)) for n, _, _, _ in series), default=0) <= 12 else 1
        rows = -(-len(series) // columns)
        plot.addLegend(offset=(-10, 5), labelTextColor="#222", colCount=columns, brush=pg.mkBrush(255, 255, 255, 220))
        for name, edges, counts, colour in series:
            fill = pg.mkColor(colour)
            fill.setAlpha(70)
            plot.plot(list(edges), list(counts), stepMode="center", fillLevel=0, brush=fill, pen=pg.mkPen(colour, width=1.5), name=name)
        peak = max((max(c) for _, _, c, _ in series if len(c)), default=1)
        plot.setYRange(0, peak * (1.15 + 0.32 * rows), padding=0)
        plot.setLabel("bottom", x_label)
        plot.setLabel("left", y_label)

    def tornado(self, names, low, high, low_label: str, high_label: str, x_label: str) -> None:
        """Horizontal bars of the change of an outcome when each weight goes down (`low`) or up
        (`high`), the most influential criterion on top."""
        self._set("tornado", names=list(names), low=list(low), high=list(high))
        plot = self._plot()
        if plot is None:
            self._fallback([(str(n), f"{low_label} {_number(a)}   {high_label} {_number(b)}") for n, a, b in zip(names, low, high)])
            return
        pg = pyqtgraph()
        plot.addLegend(offset=(-5, 5), labelTextColor="#222", brush=pg.mkBrush(255, 255, 255, 220))
        n = len(names)
        ys = [n - 1 - i for i in range(n)]
        for values, colour, label in ((low, "#2166ac", low_label), (high, "#b2182b", high_label)):
            clean = [0.0 if v is None or not math.isfinite(v) else float(v) for v in values]
            plot.addItem(
                pg.BarGraphItem(
                    x0=[min(0.0, v) for v in clean],
                    width=[abs(v) for v in clean],
                    y=ys,
                    height=0.6,
                    brush=pg.mkBrush(colour),
                    pen=pg.mkPen("#555", width=0.5),
                    name=label,
                )
            )
        plot.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#222", width=1)))
        plot.getAxis("left").setTicks([[(y, str(name)) for y, name in zip(ys, names)]])
        plot.setYRange(-0.6, n + 1.9, padding=0)  # a free band on top for the two legend rows
        plot.showGrid(x=True, y=False, alpha=0.25)
        plot.setLabel("bottom", x_label)

    def pareto(self, xs, ys, knee, kept, labels, x_label: str, y_label: str, solution_label: str, knee_label: str, kept_label: str) -> None:
        """A Pareto front: every solution as a point, the `kept` rows marked and labelled with
        `labels` (e.g. s1, s2 …) and the `knee` row (the compromise) highlighted as a star. The
        point kinds are named in the tooltip (a legend would hide points of the front)."""
        self._set("pareto", xs=list(xs), ys=list(ys), knee=knee, kept=list(kept), labels=list(labels))
        plot = self._plot()
        if plot is None:
            marks = {i: label for i, label in zip(kept, labels)}
            rows = []
            for i, (x, y) in enumerate(zip(xs, ys)):
                tag = " ".join(t for t in (marks.get(i, ""), knee_label if i == knee else "") if t)
                rows.append((f"{_number(x)}, {_number(y)}", tag))
            self._fallback([(x_label + ", " + y_label, "")] + rows)
            return
        pg = pyqtgraph()
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.addItem(
            pg.ScatterPlotItem(list(xs), list(ys), size=7, brush=pg.mkBrush("#6a8caf"), pen=pg.mkPen("#3b5b7d", width=0.5), name=solution_label)
        )
        if kept:
            plot.addItem(
                pg.ScatterPlotItem(
                    [xs[i] for i in kept],
                    [ys[i] for i in kept],
                    size=12,
                    symbol="s",
                    brush=pg.mkBrush(0, 0, 0, 0),
                    pen=pg.mkPen("#ff7f00", width=2),
                    name=kept_label,
                )
            )
            for i, label in zip(kept, labels):
                text = pg.TextItem(label, color="#7a3d00", anchor=(-0.15, 1.0))
                text.setPos(xs[i], ys[i])
                plot.addItem(text)
        self.plot_widget.setToolTip(f"● {solution_label}\n□ {kept_label}\n★ {knee_label}")
        if knee is not None:
            plot.addItem(
                pg.ScatterPlotItem(
                    [xs[knee]], [ys[knee]], size=18, symbol="star", brush=pg.mkBrush("#d62728"), pen=pg.mkPen("#7f0000", width=1), name=knee_label
                )
            )
        plot.setLabel("bottom", x_label)
        plot.setLabel("left", y_label)

    def lines(self, xs, series, x_label: str, y_label: str, right=None, marks=(), y_range=None) -> None:
        """Several lines over the same `xs`: `series` [(name, ys, colour)] on the left axis and
        `right` (name, ys, colour, label) on an axis of its own on the right (e.g. PC and the
        number of components against distance); `marks` as dashed vertical lines."""
        self._set(
            "lines",
            xs=list(xs),
            series=[(n, list(v)) for n, v, _ in series],
            right=(right[0], list(right[1])) if right else None,
            marks=list(marks),
        )
        plot = self._plot()
        if plot is None:
            names = [n for n, _, _ in series] + ([right[0]] if right else [])
            table = [(x_label, "  ".join(names))]
            for i, x in enumerate(xs):
                values = [v[i] for _, v, _ in series] + ([right[1][i]] if right else [])
                table.append((_number(x), "  ".join(_number(v) for v in values)))
            self._fallback(table)
            return
        pg = pyqtgraph()
        legend = plot.addLegend(offset=(-10, 5), labelTextColor="#222", brush=pg.mkBrush(255, 255, 255, 220))
        for name, ys, colour in series:
            plot.plot(list(xs), list(ys), pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=6, symbolBrush=colour, name=name)
        for m in marks:
            plot.addItem(pg.InfiniteLine(pos=m, angle=90, pen=pg.mkPen("#b2182b", width=1.2, style=Qt.PenStyle.DashLine)))
        if y_range is not None:
            plot.setYRange(*y_range, padding=0.02)
        else:  # headroom on top for the legend
            values = [float(v) for _, ys, _ in series for v in ys if v is not None and math.isfinite(float(v))]
            if values:
                low, high = min(values), max(values)
                span = (high - low) or abs(high) or 1.0
                plot.setYRange(low - 0.05 * span, high + 0.45 * span, padding=0)
        plot.setLabel("bottom", x_label)
        plot.setLabel("left", y_label)
        if right:
            name, ys, colour, label = right
            box = pg.ViewBox()
            plot.showAxis("right")
            plot.scene().addItem(box)
            plot.getAxis("right").linkToView(box)
            plot.getAxis("right").setPen(pg.mkPen("#444"))
            plot.getAxis("right").setTextPen(pg.mkPen("#222"))
            plot.getAxis("right").setLabel(label)
            box.setXLink(plot)
            item = pg.PlotDataItem(
                list(xs), list(ys), pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine), symbol="s", symbolSize=6, symbolBrush=colour
            )
            box.addItem(item)
            legend.addItem(item, name)
            top = max((float(v) for v in ys), default=1.0)
            box.setYRange(0, max(top * 1.45, 1.0), padding=0)

            def follow():
                box.setGeometry(plot.getViewBox().sceneBoundingRect())
                box.linkedViewChanged(plot.getViewBox(), box.XAxis)

            follow()
            plot.getViewBox().sigResized.connect(follow)
            self._right_box = box  # kept alive with the chart
